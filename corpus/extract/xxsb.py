#!/usr/bin/env python3
"""Extract 学习时报 (Study Times) articles from a mirror of ``ifyuls/xxsb-rss``.

Source layout
-------------
One RSS 2.0 file per issue: ``history/studytimes_YYYY-MM-DD.xml`` (named by the day it
was archived, usually two days after the issue; the channel title names the issue,
``学习时报 - 2026-06/08``) and ``rss_studytimes.xml`` (the newest issue). Some paths were
rewritten or removed (``history/studytimes_2026-06-08.xml`` first held a faulty crawl
whose titles were shifted against the links; the good crawl of that issue survives as
``history/studytimes_2026-06-10.xml``), and one issue was crawled twice under different
channel titles, so every version of every ``*.xml`` in the branch history is read and
grouped by the issue date printed in the articles (``rss_common.build_records`` keeps
the version with most items, then the newest). Every ``<item>`` is one article, in
page order:

* ``<title>`` ``[01版：国内大局] 标题 (1234字)``: the page name comes from here (kept as
  printed, e.g. ``广　告``); newer crawls append the word count, which is dropped.
* ``<link>`` ``https://paper.studytimes.cn/cntheory/2026-06/08/content_9970895.html``:
  the path gives the issue date; the page is not in the link.
* ``<description>`` the article page's ``div#news_content``:

  - ``<h3 class="headline">`` kicker (引题), ``<h1>`` title, ``<h3 class="subtitle">``
    subtitle (副题, printed with a leading ``——``, stripped);
  - first ``<p class="datesource">``: byline text then ``字数: N字`` (the count is
    dropped; the byline is ``null`` when only the count is there); second
    ``<p class="datesource">``: ``《 学习时报 》（ 2026年06月08日  第 01 版 ）`` -> date
    and page;
  - ``<cms-content>``: ``<p style="text-indent:2em">`` paragraphs; section heads are
    whole ``<strong>`` paragraphs; photos are ``<p style="text-align:center"><img>``,
    their captions ``<p class="imgdesc">`` (sometimes only a centred paragraph right
    after the image); end notes such as ``（作者为…）`` are ordinary paragraphs.

Record mapping (see corpus/FORMAT.md)
-------------------------------------
* "h": a paragraph wholly in ``<strong>``/``<b>``, <= 50 chars, no final 。; also a
  centred bare section number ``（一）``.
* "caption": ``p.imgdesc``, or a centred, non-bold, short paragraph directly after an
  image.
* "note": a paragraph that is an end note / credit by shape (``（作者为…）``,
  ``（作者单位：…）``, a closing whole-paragraph parenthesis, ``…供图``, ``…摄``), or a
  short right-aligned line (signature / date under a quoted letter).
* everything else "p"; ``<b>本报讯</b>`` leads stay inside their paragraph.
* seq: 1-based position among the kept articles of that page, in feed order.
* Dropped: items without body text (image-only 本期导读 / 广告 pages), repeated links,
  and an article repeated with the same title and text later in the same issue: the
  web edition lists a front-page article that is continued inside (转版) on both pages
  with the full text; only the first occurrence is kept.

Selection: whole issues, spread evenly over the available range (2026-04-27 ..
2026-08-21), until about ``--max-articles`` (default 1000), never a blind date
(``rss_common.BLIND_DATES``).

Provenance: ``prov`` = repo, the path of the chosen file version (a ``history/`` path
still at HEAD when there is one), and the commit that introduced that blob at that path.

Usage::

    python corpus/extract/xxsb.py MIRROR_GIT_DIR -o corpus/real/xxsb.jsonl.gz [--max-articles N]
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import rss_common as rc  # noqa: E402

REPO = "ifyuls/xxsb-rss"
PAPER = "学习时报"
PAPER_SLUG = "xxsb"
SOURCE = "xxsb"

LINK_DATE_RE = re.compile(r"/(\d{4})-(\d{2})/(\d{2})/content_\d+\.html?")
DATESOURCE_RE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日\s*第\s*([0-9A-Za-z]+)\s*版")
WORDCOUNT_RE = re.compile(r"\s*字数\s*[:：]?\s*\d*\s*字?\s*$")
WORDCOUNT_TITLE_RE = re.compile(r"\s*\(\d+字\)\s*$")
SECTION_NO_RE = re.compile(r"^[（(][一二三四五六七八九十]+[）)]$")


def item_date(it: rc.Item) -> str | None:
    m = LINK_DATE_RE.search(it.link)
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    return None


def issue_date_of(items: list[rc.Item]) -> str | None:
    c = Counter(d for d in (item_date(it) for it in items) if d)
    return c.most_common(1)[0][0] if c else None


def strip_dashes(s: str | None) -> str | None:
    if s is None:
        return None
    s = re.sub(r"^[—\-－–─]+\s*", "", s).strip()
    return s or None


def joined(el) -> str | None:
    if el is None:
        return None
    ls = [ln.text for ln in rc.lines_of(el)]
    return " ".join(ls) if ls else None


def first(root, xp: str):
    r = root.xpath(xp)
    return r[0] if r else None


def classify(lines: list[rc.Line], stats: Counter) -> list[list[str]]:
    body: list[list[str]] = []
    n = len(lines)
    for i, ln in enumerate(lines):
        t = ln.text
        is_last = i == n - 1
        if ln.cls and "imgdesc" in ln.cls.split():
            body.append(["caption", t])
        elif ln.after_img and ln.align == "center" and not ln.bold and len(t) <= 120 and not t.endswith("。"):
            body.append(["caption", t])
            stats["caption_by_position"] += 1
        elif rc.is_heading(ln) or (ln.align == "center" and SECTION_NO_RE.match(t)):
            body.append(["h", t])
        elif ln.align == "right" and len(t) <= 40 and not t.endswith("。"):
            body.append(["note", t])
        elif rc.is_note(t, is_last):
            body.append(["note", t])
        elif is_last:
            t2, tail = rc.split_trailing_note(t)
            body.append(["p", t2])
            if tail:
                body.append(["note", tail])
                stats["split_trailing_note"] += 1
        else:
            body.append(["p", t])
    return body


def parse_item(it: rc.Item, page_names: dict, stats: Counter) -> dict | None:
    root = rc.parse_fragment(it.description)
    if root is None:
        stats["skip_empty_description"] += 1
        return None
    title = joined(first(root, ".//h1"))
    if not title:
        stats["skip_no_title"] += 1
        return None
    kicker = joined(first(root, ".//h3[contains(concat(' ', @class, ' '), ' headline ')]"))
    subtitle = strip_dashes(joined(first(root, ".//h3[contains(concat(' ', @class, ' '), ' subtitle ')]")))

    ds = [rc.clean(p.text_content()) for p in root.xpath(".//p[@class='datesource']")]
    byline = None
    date = page = None
    for t in ds:
        m = DATESOURCE_RE.search(t)
        if m:
            date = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
            page = rc.norm_page(m.group(4))
        elif "字数" in t:
            b = WORDCOUNT_RE.sub("", t).strip()
            byline = b or None
    t_page, _t_name, t_title = rc.split_item_title(it.title)
    if date is None:
        date = item_date(it)
        stats["date_from_link"] += 1
    if page is None and t_page:
        page = rc.norm_page(t_page)
        stats["page_from_title"] += 1

    cms = first(root, ".//cms-content")
    if cms is None:
        stats["skip_no_content"] += 1
        return None
    body = classify(rc.lines_of(cms), stats)
    if not any(b[0] in ("p", "h") for b in body):
        stats["skip_no_body_text"] += 1
        return None
    stats["h_by_shape"] += rc.mark_unmarked_heads(body)
    return {
        "paper": PAPER,
        "paper_slug": PAPER_SLUG,
        "source": SOURCE,
        "date": date,
        "page": page,
        "page_name": page_names.get(page),
        "kicker": kicker,
        "title": title,
        "subtitle": subtitle,
        "byline": byline,
        "body": body,
    }


def page_names_of(items: list[rc.Item]) -> dict:
    """page -> page name, from item titles whose text agrees with the article's <h1>
    (an early crawl shifted titles against links; such titles are not trusted)."""
    names: dict = {}
    for it in items:
        t_page, t_name, t_title = rc.split_item_title(it.title)
        if not t_page or not t_name:
            continue
        root = rc.parse_fragment(it.description)
        if root is None:
            continue
        h1 = first(root, ".//h1")
        h1t = re.sub(r"\s+", "", h1.text_content()) if h1 is not None else ""
        tt = re.sub(r"\s+", "", WORDCOUNT_TITLE_RE.sub("", t_title))
        ds = " ".join(p.text_content() for p in root.xpath(".//p[@class='datesource']"))
        m = DATESOURCE_RE.search(ds)
        if h1t != tt or not m or rc.norm_page(m.group(4)) != rc.norm_page(t_page):
            continue
        names.setdefault(rc.norm_page(t_page), t_name)
    return names


def parse_issue(items: list[rc.Item], stats: Counter) -> list[dict]:
    date = issue_date_of(items)
    names = page_names_of(items)
    recs = []
    seen = set()
    for pos, it in enumerate(items):
        if item_date(it) != date:
            stats["skip_item_of_other_date"] += 1
            continue
        r = parse_item(it, names, stats)
        if r is None:
            continue
        if r["date"] != date:
            stats["skip_item_of_other_date"] += 1
            continue
        k = rc.dedupe_key(r["title"], r["body"])
        if k in seen:
            stats["skip_repeat_in_issue"] += 1
            continue
        seen.add(k)
        r["_pos"] = pos
        recs.append(r)
    recs.sort(key=lambda r: (rc.page_key(r["page"]), r["_pos"]))
    rc.assign_seq(recs)
    for r in recs:
        del r["_pos"]
    return recs


def build(git_dir: str, max_articles: int | None, stats: Counter) -> list[dict]:
    return rc.build_records(git_dir, REPO, issue_date_of, parse_issue, max_articles, stats)


def main(argv=None) -> int:
    return rc.run(__doc__, "ifyuls/xxsb-rss", 1000, build, argv)


if __name__ == "__main__":
    sys.exit(main())
