#!/usr/bin/env python3
"""Extract 联合早报 (Lianhe Zaobao, Singapore) China-news stories from a mirror of ``exposir/RSS``.

Source
------
``feeds/zaobao.json`` in ``exposir/RSS`` is an RSSHub JSON Feed of zaobao.com's
中国 (China) column, rewritten every few hours by a GitHub action; its versions
(2026-01-27 .. 2026-02-01) together hold about 200 distinct stories, in Simplified
Chinese, as the paper's site publishes them (the print paper carries the same text).
Each item: ``url`` ``https://www.zaobao.com/news/china/storyYYYYMMDD-NNNNNNN`` (the
date is the publication day, Singapore time), ``title`` (column tags such as
``【东谈西论】`` kept), ``content_html`` (the full story body), ``date_published``.

Body HTML (zaobao.com):
* a lead ``<figure>`` with an ``<img>`` and a ``<figcaption>`` whose text ends with the
  photo's credit in brackets (``…前维权。 （受访者提供）``, ``（黎康摄）``) -> "caption";
  inline figures the same way (a figure with no caption text is dropped);
* ``<p>`` paragraphs; datelines are in the text (``星期天（2月1日）``), not on a line
  of their own; links inside a paragraph keep their text;
* section heads: ``<div class="bff-sub-heading"><h3>`` -> "h" (a whole paragraph in
  bold, short and without a final 。, the same);
* a podcast's closing blurb (``<… class="bff-bottom-profile">``) -> "note";
* embedded players (``<iframe>``) have no text and vanish.
The feed carries no byline (the site prints the reporter's name outside the story
body), so ``byline`` stays null.

Record mapping (corpus/FORMAT.md): paper "联合早报", slug "lhzb"; page/page_name null
(the web column has no 版); date = the URL's day; seq = order of publication within
the day (``date_published``, then id); kicker and subtitle null.

Selection: whole days, as for every feed of this repository (``jsonfeed_common.main_of``).

Usage::

    python corpus/extract/zaobao.py MIRROR_GIT_DIR -o corpus/real/zaobao.jsonl.gz [--max-articles 400]
"""

from __future__ import annotations

import re
import sys
from collections import Counter

from jsonfeed_common import Outlet, blocks_of, main_of, mark_figcaptions
from rss_common import lines_of, parse_fragment

OUTLET = Outlet("联合早报", "lhzb", "zaobao", "feeds/zaobao.json",
                re.compile(r"/story(\d{4})(\d{2})(\d{2})-"))
CAPTION_CLASS = "__figcaption__"
HEAD_CLASS = "bff-sub-heading"
PROFILE_CLASS = "bff-bottom-profile"


def parse_body(content_html: str, stats: Counter) -> list[list[str]]:
    root = parse_fragment(content_html)
    if root is None:
        return []
    mark_figcaptions(root, CAPTION_CLASS)

    def special(_i: int, ln) -> str | None:
        return ("caption" if ln.cls == CAPTION_CLASS else "h" if ln.cls == HEAD_CLASS
                else "note" if ln.cls == PROFILE_CLASS else None)

    return blocks_of(lines_of(root), stats, special)


def read_item(it: dict, stats: Counter):
    return (it.get("title") or "").strip(), None, None, parse_body(it.get("content_html") or "", stats)


def main(argv: list[str] | None = None) -> int:
    return main_of(__doc__, OUTLET, read_item, argv)


if __name__ == "__main__":
    sys.exit(main())
