#!/usr/bin/env python3
"""Extract 界面新闻 (Jiemian News, Shanghai) stories from a mirror of ``exposir/RSS``.

Source
------
``feeds/jiemian.json`` in ``exposir/RSS`` is an RSSHub JSON Feed of jiemian.com's
headline stories, rewritten every few hours by a GitHub action; its versions
(2026-01-27 .. 2026-01-31) together hold about 65 distinct stories, mostly business and
finance features of 2,000–6,000 characters with section heads. Each item: ``url``
``https://www.jiemian.com/article/NNNNNNNN.html``, ``title`` (column tags such as
``IPO雷达｜`` kept), ``content_html`` (the full story body), ``date_published`` (UTC;
the publication day is read in Beijing time).

Body HTML (jiemian.com):
* a lead picture ``<div class="article-img">`` whose only text is its source
  (``图片来源：界面图库``) -> "caption";
* the byline in a ``<blockquote>`` (``class="author"`` or none): ``界面新闻记者 | 尹靖霏``,
  ``界面新闻记者 赵阳戈``, ``记者 辛圆``, sometimes with the editor
  (``界面新闻记者 | 杜萌`` / ``界面新闻编辑 | 宋烨珺``) -> ``byline``, its lines joined
  with a space, as printed; other ``<blockquote>``s quote a document or a forecast and
  stay paragraphs;
* ``<p>`` paragraphs (a run-in bold lead, ``首先，客户集中度较高。 2023年…``, stays
  inside its paragraph);
* section heads: ``<h3>`` -> "h"; a whole paragraph in bold, short and without a
  final 。, the same;
* ``<figure>`` charts and photos: the ``<figcaption>`` (``…构成，图源：招股书``) ->
  "caption"; a chart's title or credit line printed as a paragraph right under a
  picture (``部分公司情况 界面新闻编制``) -> "caption";
* the feed gives every story twice over (lead picture and body, then both again): the
  second copy is dropped;
* a closing editor's or source line (``（编辑：…）``) -> "note" (FORMAT.md rule).

Record mapping (corpus/FORMAT.md): paper "界面新闻", slug "jmxw"; page/page_name null
(a web outlet has no 版); date = publication day in Beijing time; seq = order of
publication within the day; kicker and subtitle null. An article the feed lists twice
(one URL, two ids) is taken once, from the newest feed version.

Selection: whole days, as for every feed of this repository (``jsonfeed_common.main_of``).

Usage::

    python corpus/extract/jiemian.py MIRROR_GIT_DIR -o corpus/real/jiemian.jsonl.gz [--max-articles 400]
"""

from __future__ import annotations

import re
import sys
from collections import Counter

from jsonfeed_common import Outlet, blocks_of, main_of, mark_figcaptions
from rss_common import lines_of, parse_fragment

OUTLET = Outlet("界面新闻", "jmxw", "jiemian", "feeds/jiemian.json")

CAPTION_CLASS = "__figcaption__"
LEAD_PICTURE_CLASS = "article-img"
BYLINE_CLASS = "__byline__"
HEAD_CLASS = "__h3__"
BYLINE_RE = re.compile(r"^(?:界面新闻)?(?:特约)?(?:记者|编辑)\s*[|｜]?\s*\S")
# a chart's title or credit set as a paragraph under it: "…界面新闻编制", "…图源：招股书"
CHART_LINE_RE = re.compile(r"(?:编制|制图|制表|图源[：:].{1,20}|来源[：:].{1,20})$")


def parse_body(content_html: str, stats: Counter) -> tuple[str | None, list[list[str]]]:
    root = parse_fragment(content_html)
    if root is None:
        return None, []
    seen: set[tuple] = set()
    for div in list(root.iter("div")):
        if div.get("class") in (LEAD_PICTURE_CLASS, "article-content"):
            key = (div.get("class"), "".join(div.itertext()).strip())
            if key in seen:
                div.drop_tree()  # the feed repeats the whole story once
                stats["repeated_story_dropped"] += 1
            seen.add(key)
    mark_figcaptions(root, CAPTION_CLASS)
    for h in root.iter("h3"):
        h.set("class", HEAD_CLASS)
    for bq in root.iter("blockquote"):
        if BYLINE_RE.match("".join(bq.itertext()).strip()):
            bq.set("class", BYLINE_CLASS)
            break  # the first one only: the byline heads the story
    lines = lines_of(root)
    byline_lines = [ln.text for ln in lines if ln.cls == BYLINE_CLASS]
    byline = " ".join(byline_lines) or None
    lines = [ln for ln in lines if ln.cls != BYLINE_CLASS]

    def special(_i: int, ln) -> str | None:
        if ln.cls in (CAPTION_CLASS, LEAD_PICTURE_CLASS) or (
                ln.after_img and len(ln.text) <= 40 and CHART_LINE_RE.search(ln.text)):
            return "caption"
        return "h" if ln.cls == HEAD_CLASS else None

    return byline, blocks_of(lines, stats, special)


def read_item(it: dict, stats: Counter):
    byline, body = parse_body(it.get("content_html") or "", stats)
    return (it.get("title") or "").strip(), None, byline, body


def main(argv: list[str] | None = None) -> int:
    return main_of(__doc__, OUTLET, read_item, argv, once_per_url=True)


if __name__ == "__main__":
    sys.exit(main())
