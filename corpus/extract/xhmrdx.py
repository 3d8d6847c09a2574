#!/usr/bin/env python3
"""Extract 新华每日电讯 (Xinhua Daily Telegraph) articles from a mirror of ``ifyuls/xhmrdx-rss``.

Source layout
-------------
One RSS 2.0 file per issue: ``history/mrdx_YYYY-MM-DD.xml`` (named by the day it was
archived; it holds the issue named in the channel title, ``新华每日电讯 - YYYYMMDD``)
and ``rss_mrdx.xml`` (the newest issue). A history path was rewritten once
(``history/mrdx_2026-04-27.xml`` first held the 2026-04-26 issue), so every version of
every ``*.xml`` in the branch history is read (see ``rss_common.iter_versions``) and
grouped by issue date. Every ``<item>`` is one article, in the paper's page order:

* ``<link>`` ``http://mrdx.cn/content/YYYYMMDD/ArticelPPNNNNR.htm``: PP is the page
  (版), NNN the article's number on the page; the date gives the issue date.
* ``<title>`` ``[PP版：版名] 标题 —— 副题``: the page name is taken from here.
* ``<description>`` the old MSHTML article page:

  - a header ``<table>``: three centred rows ``<div align=center>``: the kicker (引题,
    18px font, often empty), the title (``<strong>`` 23px; a two-line title has the
    lines in one text node with a source line break, joined here with one space), the
    subtitle (18px, usually with a leading ``——``, stripped); then a row
    ``（ 2026-04-29 ） 稿件来源：新华每日电讯 要闻``;
  - the body after the table: one ``<div>`` whose paragraphs are separated by ``<br>``
    and indented with two U+3000 (the indent is stripped); section heads are
    ``<div align="center"><strong>…</strong></div>`` (→ "h"); there is no image or
    caption markup in this feed.

Record mapping (see corpus/FORMAT.md)
-------------------------------------
* byline: the first body line when it is a short credit line (``新华社记者 王磊``,
  ``本报记者 …``, ``新华社记者``, or a short name line without final punctuation followed
  by a blank line); datelines (``新华社北京4月28日电…``) stay in the first paragraph.
* "h": a line wholly in ``<strong>``/``<b>`` (centred div), short, no final 。.
* "note": a line on its own that is an end credit: a closing whole-paragraph
  parenthesis (``（记者施雨岑 …）``), ``（作者为…）``-style parentheses, a closing
  dateline printed on its own (``新华社西宁4月26日电``), photo credits (…摄 / …供图).
* everything else "p".
* seq: 1-based position among the kept articles of that page, in feed order (which
  follows the link numbers).
* Items without body text are dropped; an item whose link was already seen in the
  issue is dropped; an article repeated in one issue with the same title and text
  (转版) keeps only its first occurrence.

Selection: whole issues spread over the date range, about ``--max-articles`` (default
800) articles, never a blind date (``rss_common.BLIND_DATES``). The mirror only holds
nine issues (2026-04-26 .. 2026-05-04), three of them blind, so all others are taken.

Provenance: ``prov`` = repo, the path of the chosen file version (a ``history/`` path
still at HEAD when there is one), and the commit that introduced that blob at that path.

Usage::

    python corpus/extract/xhmrdx.py MIRROR_GIT_DIR -o corpus/real/xhmrdx.jsonl.gz [--max-articles N]
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import rss_common as rc  # noqa: E402

REPO = "ifyuls/xhmrdx-rss"
PAPER = "新华每日电讯"
PAPER_SLUG = "xhmrdx"
SOURCE = "xhmrdx"

LINK_RE = re.compile(r"/content/(\d{4})(\d{2})(\d{2})/Art[a-z]*(\d{2})(\d{3})[A-Z]*\.htm", re.I)
SRC_RE = re.compile(r"稿件来源[：:]\s*新华每日电讯\s*(.*)$")
BYLINE_KW = re.compile(r"(记者|通讯员|本报|新华社|特约|撰稿|评论员|综述|编译)")
DATELINE_START = re.compile(r"^(?:据)?新华社.{0,20}?\d{1,2}月\d{1,2}日电")


def header_fields(table) -> dict:
    """Kicker / title / subtitle / source page name from the header table."""
    divs = table.xpath(".//div[@align='center' or @align='CENTER']")
    title_i = None
    for i, d in enumerate(divs):
        if d.xpath(".//strong|.//b"):
            title_i = i
            break
    res = {"kicker": None, "title": None, "subtitle": None, "src_page_name": None}

    def text(el):
        ls = [ln.text for ln in rc.lines_of(el)]
        return " ".join(ls) if ls else None

    if title_i is not None:
        res["title"] = text(divs[title_i])
        if title_i > 0:
            res["kicker"] = text(divs[title_i - 1])
        if title_i + 1 < len(divs):
            res["subtitle"] = text(divs[title_i + 1])
    for td in table.xpath(".//td"):
        t = rc.clean(td.text_content())
        m = SRC_RE.search(t)
        if m:
            res["src_page_name"] = m.group(1).strip() or None
    return res


def strip_dashes(s: str | None) -> str | None:
    if s is None:
        return None
    s = re.sub(r"^[—\-－–─]+\s*", "", s).strip()
    return s or None


def is_byline(first: rc.Line) -> bool:
    t = first.text
    if len(t) > 40 or t.endswith(rc.FINAL_STOPS) or "，" in t or "。" in t:
        return False
    if DATELINE_START.match(t) and t.endswith("电"):
        return False
    if BYLINE_KW.search(t):
        return True
    # a bare name line ("李心然 高玉娇", "　　刘军") followed by a blank line
    return first.breaks_after >= 2 and len(t) <= 20


def parse_item(item: rc.Item, stats: Counter) -> dict | None:
    m = LINK_RE.search(item.link)
    if not m:
        stats["skip_bad_link"] += 1
        return None
    date = f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    page = rc.norm_page(m.group(4))
    link_no = int(m.group(5))
    t_page, t_name, _t_title = rc.split_item_title(item.title)

    root = rc.parse_fragment(item.description)
    if root is None:
        stats["skip_empty_description"] += 1
        return None
    tables = root.xpath(".//table")
    hdr = header_fields(tables[0]) if tables else {}
    lines = rc.lines_of(root, stop=tables[0] if tables else None)
    if not hdr.get("title"):
        stats["skip_no_title"] += 1
        return None

    byline = None
    if lines and is_byline(lines[0]):
        byline = lines[0].text
        lines = lines[1:]

    body: list[list[str]] = []
    n = len(lines)
    for i, ln in enumerate(lines):
        t = ln.text
        if rc.is_heading(ln):
            body.append(["h", t])
        elif rc.is_note(t, is_last=(i == n - 1)):
            body.append(["note", t])
        elif i == n - 1:
            t, tail = rc.split_trailing_note(t)
            body.append(["p", t])
            if tail:
                body.append(["note", tail])
                stats["split_trailing_note"] += 1
        else:
            body.append(["p", t])
    if not any(b[0] in ("p", "h") for b in body):
        stats["skip_no_body_text"] += 1
        return None
    stats["h_by_shape"] += rc.mark_unmarked_heads(body)

    page_name = t_name or hdr.get("src_page_name")
    if t_page and rc.norm_page(t_page) != page:
        stats["warn_title_page_mismatch"] += 1
    return {
        "paper": PAPER,
        "paper_slug": PAPER_SLUG,
        "source": SOURCE,
        "date": date,
        "page": page,
        "page_name": page_name,
        "link_no": link_no,
        "kicker": hdr.get("kicker") or None,
        "title": hdr["title"],
        "subtitle": strip_dashes(hdr.get("subtitle")),
        "byline": byline,
        "body": body,
        "_link": item.link,
    }


def issue_date_of(items: list[rc.Item]) -> str | None:
    c = Counter()
    for it in items:
        m = LINK_RE.search(it.link)
        if m:
            c[f"{m.group(1)}-{m.group(2)}-{m.group(3)}"] += 1
    return c.most_common(1)[0][0] if c else None


def parse_issue(items: list[rc.Item], stats: Counter) -> list[dict]:
    date = issue_date_of(items)
    recs = []
    seen = set()
    for it in items:
        if issue_date_of([it]) != date:
            stats["skip_item_of_other_date"] += 1
            continue
        r = parse_item(it, stats)
        if r is None:
            continue
        k = rc.dedupe_key(r["title"], r["body"])
        if k in seen:
            stats["skip_repeat_in_issue"] += 1
            continue
        seen.add(k)
        recs.append(r)
    recs.sort(key=lambda r: (rc.page_key(r["page"]), r["link_no"]))
    rc.assign_seq(recs)
    for r in recs:
        del r["link_no"]
        del r["_link"]
    return recs


def build(git_dir: str, max_articles: int | None, stats: Counter) -> list[dict]:
    return rc.build_records(git_dir, REPO, issue_date_of, parse_issue, max_articles, stats)


def main(argv=None) -> int:
    return rc.run(__doc__, "ifyuls/xhmrdx-rss", 800, build, argv)


if __name__ == "__main__":
    sys.exit(main())
