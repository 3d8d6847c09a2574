#!/usr/bin/env python3
"""Extract 人民日报 (People's Daily) articles from a mirror of ``ifyuls/rmrb-rss``.

Source layout
-------------
The repository keeps one RSS 2.0 file per issue under ``history/rmrb_YYYY-MM-DD.xml``
(``rmrb_fulltext.xml`` at the top is the current, still changing issue and is not used).
Every ``<item>`` is one article of that issue, listed in page order and, within a page,
in the order of the paper's own web edition (paper.people.com.cn):

* ``<title>``: ``[01版：要闻] 标题`` -- page number (版) and page name.
* ``<description>``: the article page's HTML (entity-escaped inside the XML):

  - ``<h3>`` kicker (引题), ``<h1>`` title, ``<h2>`` subtitle (副题, printed with a
    leading ``——``), ``<p class="sec">`` byline text followed by a date span;
  - ``<div id="ozoom">`` the body: ``<p>`` paragraphs (indented with U+3000),
    ``<strong>`` whole paragraphs for section heads, ``<img>`` inside
    ``<p class="… patt">`` whose ``data-original-title`` holds the photo caption as
    HTML (one ``<p>`` per caption line, usually caption then photo credit);
  - an ``<!--enpproperty … -->`` comment with the CMS fields ``<author>``,
    ``<introtitle>`` (kicker), ``<subtitle>``, ``<title>``; used as fall-back.

Record mapping (see corpus/FORMAT.md)
-------------------------------------
* page "01" -> "1"; page_name from the title prefix; seq = 1-based position among the
  kept articles of that page, in feed order.
* kicker / subtitle / byline from h3 / h2 / p.sec (CMS fields as fall-back); the
  subtitle loses its leading dashes. Datelines such as ``本报北京5月11日电`` stay in
  the first paragraph, as printed.
* body blocks: "p" for paragraphs (a ``<br>`` splits a paragraph into lines),
  "h" for a paragraph wholly in ``<strong>``/``<b>`` that is short (<= 50 chars) and
  does not end with 。, "caption" for each line of an image caption, "note" for
  paragraphs printed on their own that are end notes / credits: a whole-paragraph
  parenthesis at the end of the body or of a known kind (作者为…, …参与采写,
  （新华社…电）, （摘编自…）, （…见第…版） …), photo credits (…摄, …供图, 资料图片),
  and page furniture lines (本版邮箱：…, 版式设计：…, 本版责编：…), and trailing signature
  lines (…文, ——编者, "place  name" of readers' letters). In composite reports a short
  unpunctuated line followed by a reporter line on its own ("本报记者  X") is an "h"; the
  reporter line stays a "p".
* Items that have no body text at all (image-only advertisements, the crawler's
  "无法提取正文内容" placeholder issue) are dropped. An article that continues on a
  later page (转版) is listed by the web edition on both pages with the same full text;
  only its first occurrence is kept.

Selection: whole issues (all kept articles of a date), dates spread evenly over the
available range, about ``--target`` (default 2700) articles in total, never a blind date.
Provenance: repo, path, and the commit that last changed that path (i.e. added the file
version read at HEAD), from one ``git log --name-only`` pass.

Usage::

    python corpus/extract/rmrbrss.py MIRROR_GIT_DIR -o corpus/real/rmrbrss.jsonl.gz [--max-articles N]
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict

from lxml import etree, html

REPO = "ifyuls/rmrb-rss"
PAPER = "人民日报"
PAPER_SLUG = "rmrb"
SOURCE = "rmrbrss"

# Blind-measurement issues (corpus/FORMAT.md): excluded for every paper.
BLIND_DATES = frozenset({
    "2026-06-02", "2026-06-05", "2026-08-04", "2026-08-05", "2026-08-10",
    "2025-01-02", "2025-12-22", "2026-06-12",
    "2026-04-28", "2026-04-30", "2026-05-01",
    "2026-06-01", "2026-07-17",
})

PATH_RE = re.compile(r"^history/rmrb_(\d{4}-\d{2}-\d{2})\.xml$")
TITLE_RE = re.compile(r"^\s*\[([0-9A-Za-z]+)版[：:]([^\]]*)\]\s*(.*)$", re.S)
BR = "\x00"  # internal line-break marker
# white space plus invisible characters the web edition leaves around text
STRIP = " \t\r\n\f\v\u3000\u00a0\u200b\u200c\u200d\u2060\ufeff"

NOTE_PAREN_RE = re.compile(
    r"^（(作者|本报记者|本报通讯员|记者|据|新华社|本报|摘编自|摘自|来源|注[：:]|编者|稿件)"
    r"|参与采写）$|电）$|[见转接]第.{1,4}版）$|整理）$"
)
CREDIT_RE = re.compile(r"(摄|摄影|摄影报道|供图|制图|绘|资料图片|图片来源[：:].*)(（[^（）]{1,12}）)?$")
FURNITURE_RE = re.compile(
    r"^(本版邮箱|版式设计|本版责编|本版编辑|本版统筹|本期统筹|本版制图|本版图片|数据来源|图表制作|制图|"
    r"选题线索来信邮箱)([：:\s\u3000\u00a0]|$)")
SPACE = "[\\s\u3000\u00a0]"
# signature lines printed on their own at the end of a piece (only tested on trailing lines):
# "徐  之文" / "翟钦奇文", "——编  者", "浙江台州市  江德斌" (place, two spaces, name)
REPORTER_LINE_RE = re.compile(rf"^(本报记者|本报通讯员|记者|新华社记者){SPACE}+[^，。！？；：]{{1,20}}$")
SIGNATURE_RES = (
    re.compile(rf"^[\u4e00-\u9fff]{{1,4}}{SPACE}*[\u4e00-\u9fff]{{0,3}}文$"),
    re.compile(r"^——[^，。！？；：]{1,10}$"),
    re.compile(rf"^[^，。！？；：、…“”]{{1,16}}{SPACE}{{2,}}[\u4e00-\u9fff]{{1,4}}{SPACE}{{0,2}}[\u4e00-\u9fff]{{0,3}}$"),
)


def clean(s: str) -> str:
    return s.strip(STRIP)


def git(gitdir: str, *args: str) -> str:
    return subprocess.run(["git", "--git-dir", gitdir, *args], check=True,
                          capture_output=True).stdout.decode("utf-8")


def cat_files(gitdir: str, specs: list[str]) -> dict[str, bytes]:
    """Read many objects with one ``git cat-file --batch`` process."""
    proc = subprocess.run(["git", "--git-dir", gitdir, "cat-file", "--batch"],
                          input="".join(s + "\n" for s in specs).encode(),
                          capture_output=True, check=True)
    out, pos, res = proc.stdout, 0, {}
    for spec in specs:
        nl = out.index(b"\n", pos)
        header = out[pos:nl].decode()
        pos = nl + 1
        if header.endswith(" missing"):
            raise SystemExit(f"missing object: {spec}")
        size = int(header.split()[2])
        res[spec] = out[pos:pos + size]
        pos += size + 1
    return res


def last_commits(gitdir: str, paths: set[str]) -> dict[str, str]:
    """Commit that last touched each path (= added the version at HEAD); one git log."""
    res: dict[str, str] = {}
    cur = None
    for line in git(gitdir, "log", "--format=C %H", "--name-only", "HEAD", "--", "history/").splitlines():
        if line.startswith("C "):
            cur = line[2:]
        elif line and line in paths and line not in res:
            res[line] = cur
    return res


# ---------------------------------------------------------------- HTML helpers

def segments(el) -> list[tuple[str, bool]]:
    """Text of an element as (text, in_bold) runs; <br> -> BR marker; comments, img skipped."""
    out: list[tuple[str, bool]] = []

    def walk(e, bold):
        if not isinstance(e.tag, str):  # comment / processing instruction
            if e.tail:
                out.append((e.tail, bold))
            return
        tag = e.tag.lower()
        b = bold or tag in ("strong", "b")
        if tag == "br":
            out.append((BR, bold))
        elif tag not in ("img", "style", "script"):
            if e.text:
                out.append((e.text, b))
            for c in e:
                walk(c, b)
        if e.tail:
            out.append((e.tail, bold))

    if el.text:
        out.append((el.text, False))
    for c in el:
        walk(c, False)
    return out


def lines_of(el) -> list[tuple[str, bool]]:
    """Split an element into lines at <br>; return (clean text, wholly bold) per non-empty line."""
    res, cur = [], []
    for text, bold in segments(el) + [(BR, False)]:
        if text == BR:
            txt = clean("".join(t for t, _ in cur))
            if txt:
                whole_bold = all(b or not clean(t) for t, b in cur)
                res.append((txt, whole_bold))
            cur = []
        else:
            cur.append((text, bold))
    return res


def text_of(el) -> str:
    if el is None:
        return ""
    return clean("".join(t for t, _ in segments(el) if t != BR))


def frag_text(s: str) -> str:
    """Text of an HTML fragment held in a CMS field (e.g. '<p> 李强… </p>')."""
    if not s or not s.strip():
        return ""
    return text_of(html.fragment_fromstring(s, create_parent="div"))


def classify(txt: str, bold: bool, is_tail: bool) -> str:
    if bold and len(txt) <= 50 and not txt.endswith("。"):
        return "h"
    if FURNITURE_RE.match(txt):
        return "note"
    if txt.startswith("（") and txt.endswith("）") and len(txt) <= 120 and _balanced(txt[1:-1]):
        if NOTE_PAREN_RE.search(txt) or is_tail:
            return "note"
    if len(txt) <= 30 and "，" not in txt and "。" not in txt and CREDIT_RE.search(txt):
        return "note"
    if is_tail and len(txt) <= 24 and any(r.match(txt) for r in SIGNATURE_RES):
        return "note"
    return "p"


def _balanced(s: str) -> bool:
    depth = 0
    for ch in s:
        if ch == "（":
            depth += 1
        elif ch == "）":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def parse_body(oz) -> list[list[str]]:
    raw: list[tuple[str, str, bool]] = []  # (kind, text, bold) with kind in {"p", "caption"}

    def handle_block(e):
        for img in e.iter("img"):
            cap = img.get("data-original-title")
            if cap:
                frag = html.fragment_fromstring(cap, create_parent="div")
                ps = frag.findall(".//p") or [frag]
                for p in ps:
                    for txt, _ in lines_of(p):
                        raw.append(("caption", txt, False))
        for txt, bold in lines_of(e):
            raw.append(("p", txt, bold))

    if oz.text and clean(oz.text):
        raw.append(("p", clean(oz.text), False))
    for child in oz:
        if isinstance(child.tag, str):
            if child.tag in ("style", "script"):
                pass
            elif child.tag == "div" and child.find(".//p") is not None:
                for sub in child.iter("p"):
                    handle_block(sub)
            else:
                handle_block(child)
        if child.tail and clean(child.tail):
            raw.append(("p", clean(child.tail), False))

    blocks: list[list[str]] = []
    n = len(raw)
    for i, (kind, txt, bold) in enumerate(raw):
        if kind == "caption":
            blocks.append(["caption", txt])
            continue
        # "tail": every later block is a caption or itself note-like
        is_tail = all(k == "caption" or (t.startswith("（") and t.endswith("）")) or
                      FURNITURE_RE.match(t) or (len(t) <= 30 and CREDIT_RE.search(t)) or
                      (len(t) <= 24 and any(r.match(t) for r in SIGNATURE_RES))
                      for k, t, _ in raw[i + 1:n])
        blocks.append([classify(txt, bold, is_tail), txt])
    # composite reports: a short unpunctuated line directly followed by a reporter line
    # ("本报记者  魏哲哲") printed on its own is the sub-report's head
    for i in range(len(blocks) - 1):
        kind, txt = blocks[i]
        if (kind == "p" and len(txt) <= 30 and txt[-1] not in "。！？；：…，”"
                and blocks[i + 1][0] == "p" and REPORTER_LINE_RE.match(blocks[i + 1][1])):
            blocks[i][0] = "h"
    return blocks


def cms_field(desc: str, name: str) -> str:
    m = re.search(rf"<{name}>(.*?)</{name}>", desc.split("<!--enpproperty", 1)[-1], re.S)
    return m.group(1) if m else ""


def parse_item(item, date: str, stats: Counter):
    m = TITLE_RE.match(item.findtext("title") or "")
    if not m:
        stats["skip_bad_title"] += 1
        return None
    page_raw, page_name, feed_title = m.groups()
    page = page_raw.lstrip("0") or page_raw
    desc = item.findtext("description") or ""
    if 'id="ozoom"' not in desc:
        stats["skip_no_body_html"] += 1
        return None
    doc = html.fromstring(desc)
    oz = doc.find('.//div[@id="ozoom"]')
    body = parse_body(oz)
    if not body:
        stats["skip_empty_body"] += 1
        return None

    title = text_of(doc.find(".//h1")) or frag_text(cms_field(desc, "title")) or clean(feed_title)
    kicker = text_of(doc.find(".//h3")) or frag_text(cms_field(desc, "introtitle"))
    subtitle = text_of(doc.find(".//h2")) or frag_text(cms_field(desc, "subtitle"))
    subtitle = clean(re.sub(r"^[—－\-─―]+", "", subtitle)) if subtitle else ""
    sec = doc.find('.//p[@class="sec"]')
    byline = ""
    if sec is not None:
        for span in sec.findall(".//span"):
            span.drop_tree()
        byline = text_of(sec)
    cms_author = frag_text(cms_field(desc, "author"))
    if not byline:
        byline = cms_author
    elif cms_author and cms_author != byline:
        stats["byline_differs_from_cms_author"] += 1
    return {
        "paper": PAPER,
        "paper_slug": PAPER_SLUG,
        "source": SOURCE,
        "date": date,
        "page": page,
        "page_name": clean(page_name) or None,
        "kicker": kicker or None,
        "title": title,
        "subtitle": subtitle or None,
        "byline": byline or None,
        "body": body,
        "_link": item.findtext("link") or "",
    }


def parse_issue(data: bytes, date: str, stats: Counter) -> list[dict]:
    root = etree.fromstring(data)
    recs, seen, missing = [], set(), 0
    for item in root.iter("item"):
        before = stats["skip_no_body_html"]
        rec = parse_item(item, date, stats)
        missing += stats["skip_no_body_html"] - before
        if rec is None:
            continue
        key = (rec["title"], json.dumps(rec["body"], ensure_ascii=False))
        if key in seen:
            stats["skip_repeat_on_later_page"] += 1
            continue
        seen.add(key)
        recs.append(rec)
    if missing:  # some items lack the article HTML: not a whole issue
        stats["skip_incomplete_issue"] += 1
        return []
    page_pos: dict[str, int] = defaultdict(int)
    order: dict[str, int] = {}
    for r in recs:
        order.setdefault(r["page"], len(order))
        page_pos[r["page"]] += 1
        r["seq"] = page_pos[r["page"]]
        r["_page_order"] = order[r["page"]]
    return recs


def pick_dates(counts: dict[str, int], target: int) -> list[str]:
    """Evenly spaced whole issues whose article total is closest to ``target``."""
    dates = sorted(counts)
    if not dates:
        return []
    best = None
    for n in range(1, len(dates) + 1):
        if n == 1:
            idx = [len(dates) // 2]
        else:
            idx = sorted({round(i * (len(dates) - 1) / (n - 1)) for i in range(n)})
        chosen = [dates[i] for i in idx]
        total = sum(counts[d] for d in chosen)
        cand = (abs(total - target), n, chosen)
        if best is None or cand[:2] < best[:2]:
            best = cand
        if total >= target:
            break
    return best[2]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gitdir", help="git directory of the ifyuls/rmrb-rss mirror")
    ap.add_argument("-o", "--output", required=True, help="output .jsonl.gz")
    ap.add_argument("--target", type=int, default=2700, help="approximate number of articles (default 2700)")
    ap.add_argument("--max-articles", type=int, default=None,
                    help="hard cap on the number of records (whole issues are kept while possible)")
    args = ap.parse_args(argv)

    head = git(args.gitdir, "rev-parse", "HEAD").strip()
    paths = {}
    for line in git(args.gitdir, "ls-tree", "-r", "--name-only", "HEAD", "history/").splitlines():
        m = PATH_RE.match(line)
        if m and m.group(1) not in BLIND_DATES:
            paths[m.group(1)] = line
    blobs = cat_files(args.gitdir, [f"{head}:{p}" for p in paths.values()])
    stats: Counter = Counter()
    issues = {}
    for date, path in sorted(paths.items()):
        recs = parse_issue(blobs[f"{head}:{path}"], date, stats)
        if recs:
            issues[date] = recs
    target = args.target if args.max_articles is None else min(args.target, args.max_articles)
    chosen = pick_dates({d: len(r) for d, r in issues.items()}, target)
    commits = last_commits(args.gitdir, {paths[d] for d in chosen})

    records = []
    for date in chosen:
        assert date not in BLIND_DATES
        if args.max_articles is not None and len(records) + len(issues[date]) > args.max_articles:
            if records:
                break
        for r in issues[date]:
            r["prov"] = {"repo": REPO, "path": paths[date], "commit": commits[paths[date]]}
            records.append(r)
    records.sort(key=lambda r: (r["date"], r["_page_order"], r["seq"]))
    if args.max_articles is not None:
        records = records[:args.max_articles]

    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0) as gz:
        for r in records:
            out = {k: v for k, v in r.items() if not k.startswith("_")}
            gz.write((json.dumps(out, sort_keys=True, ensure_ascii=False,
                                 separators=(",", ":")) + "\n").encode("utf-8"))
    with open(args.output, "wb") as fh:
        fh.write(buf.getvalue())

    dates = sorted({r["date"] for r in records})
    print(f"{len(records)} records, {len(dates)} issues: {', '.join(dates)}", file=sys.stderr)
    for k, v in sorted(stats.items()):
        print(f"  (all issues) {k}: {v}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
