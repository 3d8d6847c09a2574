#!/usr/bin/env python3
"""Extract 新华社 (Xinhua News Agency) wire stories from a mirror of ``exposir/RSS``.

Source
------
``feeds/xinhua.json`` in ``exposir/RSS`` is an RSSHub JSON Feed of news.cn's
"新华社新闻" column (http://www.news.cn/xhsxw.htm), rewritten every few hours by a
GitHub action; its 89 versions (2026-01-28 .. 2026-02-01) together hold ~1000 distinct
stories published 2026-01-27 .. 2026-01-31 (the first and last day only in part).
Each item: ``url`` ``http://www.news.cn/YYYYMMDD/<hash>/c.html`` (the date is the
publication day, Beijing time), ``title`` (as on news.cn, column tags such as
``新华深读丨`` kept), ``content_html`` (the news.cn article body), ``date_published``.

Body HTML (news.cn):
* ``<p>`` paragraphs indented with U+3000/U+2003 (indent stripped);
* the first paragraph usually carries the dateline (``新华社北京1月28日电``), for
  features followed by ``题：…`` or the headline in ``<strong>`` (kept inside the "p",
  as printed); the next paragraph is often the byline ``新华社记者王萍　郭香玉``;
* section heads: a whole paragraph in ``<strong>`` (navy) -> "h";
* photos: ``<img>`` in their own ``<p>``; the caption follows in a paragraph set in
  楷体 ("…新华社记者 X 摄") -> "caption";
* end credits of video/graphic items, one per paragraph (``记者：…``, ``编导：…``,
  ``海报制作：…``, ``新华社音视频部制作``, ``新华社国内部出品``) -> "note";
* ``<figure>`` images with a ``<figcaption>``: the caption -> "caption";
* RSSHub adds a ``<blockquote>`` summary (a sentence copied from the body) and a
  caption-less ``<figure>`` lead image/video before the body: both dropped.

Record mapping (corpus/FORMAT.md)
---------------------------------
* paper "新华社", slug "xhs"; page/page_name null (a wire service has no pages);
  date = the URL's publication day; seq = order of publication within the day
  (``date_published``, then id).
* title: the feed title as published on news.cn (for a headline with a kicker, news.cn
  joins kicker and title lines with a space); kicker null.
* big stories repeat the headline block in bold at the top of the body; the leading
  bold lines that together reproduce the title are dropped, and bold short lines left
  before the first paragraph become ``subtitle`` (``丁薛祥主持　李希等出席``).
* byline: a short reporter line (``新华社记者…``, ``新华网记者…``, ``记者…``) among the
  first three body paragraphs, printed on its own; removed from the body. Datelines
  stay inside the first paragraph.
* Items with no body text (pure video/photo items) are dropped; when news.cn
  republished a story under a new URL with the same title the same day (a flash, then
  the full story), only the last published version is kept.

Selection: whole days, as for every feed of this repository (``jsonfeed_common.main_of``).

Usage::

    python corpus/extract/xinhua.py MIRROR_GIT_DIR -o corpus/real/xinhua.jsonl.gz [--max-articles 400]
"""

from __future__ import annotations

import re
import sys
from collections import Counter

from jsonfeed_common import Outlet, blocks_of, main_of, mark_figcaptions
from rss_common import is_note, lines_of, parse_fragment

OUTLET = Outlet("新华社", "xhs", "xinhua", "feeds/xinhua.json",
                re.compile(r"news\.cn/(\d{4})(\d{2})(\d{2})/"))
BYLINE_RE = re.compile(
    r"^(?:新华社|新华网|参考消息|瞭望|半月谈)?(?:特约)?(?:记者|报道员|通讯员)[^：:。！？]{0,60}$"
)
# credit lines closing video / graphic items: "编导：X", "海报制作：X、Y", "新华社音视频部制作"
CREDIT_RE = re.compile(
    r"^(?:[\u4e00-\u9fff/]{1,8}[：:]\s*\S.{0,80}"
    r"|.{0,30}(?:制作|出品|联合出品|监制)"
    r"|综合新华社电|新华社发|据新华社电)$"
)
CAPTION_RE = re.compile(r"(?:摄|新华社发|新华社发（[^）]*）|供图|资料图|图）|制图)\s*[）)]?$|^(?:图为|上图|下图|左图|右图)")


CAPTION_CLASS = "__figcaption__"


def parse_body(content_html: str, stats: Counter, title: str = ""):
    root = parse_fragment(content_html)
    if root is None:
        return None, None, []
    for el in list(root.iter("blockquote")):
        el.drop_tree()  # RSSHub summary (a sentence copied from the body)
    mark_figcaptions(root, CAPTION_CLASS)  # a lead image or video without text is dropped
    lines = lines_of(root)
    byline = None
    for i, ln in enumerate(lines[:3]):
        t = ln.text
        if BYLINE_RE.match(t) and len(t) <= 40 and "电" not in t[:12]:
            byline = t
            del lines[i]
            break
    # big stories repeat the headline block in bold at the top of the body (kicker /
    # title lines, then a subtitle): drop the lines that reproduce the title; bold lines
    # left before the first paragraph form the subtitle
    subtitle = None
    if title:
        key = re.sub(r"\s+", "", title)
        acc, k = "", 0
        while k < len(lines) and lines[k].bold and len(lines[k].text) <= 60:
            acc += re.sub(r"\s+", "", lines[k].text)
            k += 1
            if acc == key:
                break
        if k and acc == key:
            stats["headline_block_dropped"] += 1
            del lines[:k]
            subs = []
            while lines and lines[0].bold and len(lines[0].text) <= 60 \
                    and not lines[0].text.endswith("。"):
                subs.append(lines.pop(0).text)
            if subs:
                subtitle = " ".join(subs)
    # trailing run of credit lines -> note
    tail_start = len(lines)
    while tail_start > 0 and len(lines[tail_start - 1].text) <= 90 and (
        CREDIT_RE.match(lines[tail_start - 1].text) or is_note(lines[tail_start - 1].text, True)
    ) and not lines[tail_start - 1].text.endswith("。"):
        tail_start -= 1

    def special(i: int, ln) -> str | None:
        if i >= tail_start:
            return "note"
        if ln.cls == CAPTION_CLASS or (ln.after_img and len(ln.text) <= 300 and CAPTION_RE.search(ln.text)):
            return "caption"
        return None

    return byline, subtitle, blocks_of(lines, stats, special)


def read_item(it: dict, stats: Counter):
    title = (it.get("title") or "").strip()
    byline, subtitle, body = parse_body(it.get("content_html") or "", stats, title)
    return title, subtitle, byline, body


def keep_last_versions(by_day: dict[str, list[dict]], stats: Counter) -> None:
    """news.cn republishes a developing story under a new URL with the same title (a short
    flash, then the full story): keep only the last published version of a title per day."""
    for d, recs in by_day.items():
        last: dict[str, dict] = {}
        for r in sorted(recs, key=lambda r: r["_order"]):
            if r["title"] in last:
                stats["dropped_same_title_earlier_version"] += 1
            last[r["title"]] = r
        by_day[d] = list(last.values())


def main(argv: list[str] | None = None) -> int:
    return main_of(__doc__, OUTLET, read_item, argv, after=keep_last_versions)


if __name__ == "__main__":
    sys.exit(main())
