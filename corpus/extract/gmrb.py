#!/usr/bin/env python3
"""Extract 光明日报 (Guangming Daily) articles from a mirror of ``exposir/RSS``.

Source
------
``feeds/guangming.json`` in ``exposir/RSS`` is a JSON Feed copy of feedx.net's
光明日报 full-text feed (articles of the e-paper epaper.gmw.cn), kept in the branch
history in only two versions (2026-01-28): the whole issue of 2026-01-04 (all pages)
and the 8 articles of page 01 of 2026-01-03. Each item:

* ``url`` ``https://epaper.gmw.cn/gmrb/html/2026-01/04/nw.D110000gmrb_20260104_N-PP.htm``:
  issue date, page PP, article number N on the page (-> seq);
* ``title`` ``PP版版名 - 标题`` (e.g. ``09版光明文化周末·艺萃 - 灵感一刻``): page number
  and page name are taken from here, the rest is the title as the feed gives it
  (column tags such as ``【大美中国】`` kept; the feed has no separate 引题/副题);
* ``content_html``: a date line ``<div>2026年01月04日 星期六</div>`` (dropped), zero or
  more picture blocks ``<div style="color:#999;"><img><span>caption</span></div>``
  (each -> one "caption" block, in order, when its text is not empty), then
  ``<div id="articleContent">`` with the e-paper's ``<P>`` paragraphs, and for some
  items a feedx trailer after ``<hr>`` ("获取更多RSS…", dropped).

Body blocks (corpus/FORMAT.md):
* a ``<P>`` wholly in ``<STRONG>``, short, without final 。 -> "h": the section heads
  (often centred), ``编者按``, and the bold column tag opening many articles
  (``【鸣镝】``, ``【大美中国】``);
* a closing parenthesis on its own -> "note": the paper prints the reporter credit at the
  end, ``（本报记者 张文攀）``, ``（新华社北京1月1日电 记者胡喆、温竞华）``,
  ``（作者：周信）``, ``（本报评论员）``; so ``byline`` stays null;
* a reporter or artist credit on its own line inside a package of short pieces
  (``本报记者 李晋荣``, ``郑峰 图/文``) -> "note";
* everything else "p" (a photo credit run into a paragraph, ``王旺旺摄/光明图片``, stays
  inside it, as printed).
* Pages of advertisements and legal notices (版名 with 广告 or 公告) are skipped, and
  items whose feed title was cut to two characters or fewer (``07版国际新闻 - 中国``).

Selection: every non-blind issue available (two: 2026-01-03 partial, 2026-01-04 whole),
up to ``--max-articles``.

Usage::

    python corpus/extract/gmrb.py MIRROR_GIT_DIR -o corpus/real/gmrb.jsonl.gz [--max-articles 600]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict

from jsonfeed_common import REPO, feed_items
from rss_common import (BLIND_DATES, is_heading, is_note, lines_of, norm_page, page_key,
                        parse_fragment, pick_issues, write_jsonl_gz)

PAPER = "光明日报"
SLUG = "gmrb"
SOURCE = "gmrb"
FEED = "feeds/guangming.json"

URL_RE = re.compile(r"/nw\.D110000gmrb_(\d{4})(\d{2})(\d{2})_(\d+)-(\d+)\.htm")
TITLE_RE = re.compile(r"^(\d+)版(.*?) - (.*)$", re.S)
SKIP_PAGE_RE = re.compile(r"广告|公告")
# a reporter / artist credit printed on its own line inside a package of short pieces:
# "本报记者 李晋荣", "郑峰 图/文"
CREDIT_RE = re.compile(
    r"^(?:(?:本报|新华社)?(?:特约)?(?:记者|通讯员)\s*[\u4e00-\u9fff·]{2,}(?:[ 　、，][\u4e00-\u9fff·]{2,})*"
    r"|[\u4e00-\u9fff·]{2,4}(?:[ 　、][\u4e00-\u9fff·]{2,4})*\s*(?:图/文|文/图|文并图|摄))$"
)


def parse_body(content_html: str, stats: Counter) -> list[list[str]]:
    root = parse_fragment(content_html)
    if root is None:
        return []
    blocks: list[list[str]] = []
    for div in root.iter("div"):
        if "color:#999" in (div.get("style") or "").replace(" ", ""):
            cap = " ".join(ln.text for ln in lines_of(div))
            if cap:
                blocks.append(["caption", cap])
                stats["caption"] += 1
    art = next((d for d in root.iter("div") if d.get("id") == "articleContent"), None)
    if art is None:
        return blocks
    lines = [ln for ln in lines_of(art) if "feedx" not in ln.text and ln.text != "获取更多RSS："]
    n = len(lines)
    for i, ln in enumerate(lines):
        t = ln.text
        if len(t) <= 30 and CREDIT_RE.match(t):
            kind = "note"
        elif is_heading(ln) and not (t.startswith(("（", "(")) and t.endswith(("）", ")"))):
            kind = "h"
        elif is_note(t, i == n - 1):
            kind = "note"
        else:
            kind = "p"
        stats[kind] += 1
        blocks.append([kind, t])
    return blocks


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gitdir", help="git directory of the fetched exposir/RSS mirror")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--max-articles", type=int, default=600)
    args = ap.parse_args()

    stats: Counter = Counter()
    by_day: dict[str, list[dict]] = defaultdict(list)
    for fi in feed_items(args.gitdir, FEED):
        it = fi.item
        m = URL_RE.search(it.get("url") or "")
        tm = TITLE_RE.match((it.get("title") or "").strip())
        if not m or not tm:
            stats["unparsed"] += 1
            continue
        date = f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
        if date in BLIND_DATES:
            stats["blind"] += 1
            continue
        page_name = tm.group(2).strip() or None
        if page_name and SKIP_PAGE_RE.search(page_name):
            stats["skipped_ad_notice_page"] += 1
            continue
        body = parse_body(it.get("content_html") or "", stats)
        title = tm.group(3).strip()
        if len(title) <= 2:  # feedx cut the title (e.g. "中国" for a "中国—东盟…" title)
            stats["dropped_truncated_title"] += 1
            continue
        if not any(k == "p" for k, _ in body):
            stats["dropped_no_text"] += 1
            continue
        by_day[date].append({
            "paper": PAPER, "paper_slug": SLUG, "source": SOURCE,
            "date": date, "page": norm_page(m.group(5)), "page_name": page_name,
            "seq": int(m.group(4)),
            "kicker": None, "title": title, "subtitle": None, "byline": None,
            "body": body,
            "prov": {"repo": REPO, "path": fi.path, "commit": fi.commit},
        })
    chosen = pick_issues({d: len(v) for d, v in by_day.items()}, args.max_articles)
    records = [r for d in chosen for r in by_day[d]]
    records.sort(key=lambda r: (r["date"], page_key(r["page"]), r["seq"]))
    assert not any(r["date"] in BLIND_DATES for r in records)
    write_jsonl_gz(records, args.output)
    print(f"{len(records)} records from {len(chosen)} issues {chosen} -> {args.output}",
          file=sys.stderr)
    print(dict(stats), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
