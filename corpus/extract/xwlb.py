#!/usr/bin/env python3
"""Extract 《新闻联播》 (CCTV evening news) transcripts into the real-text corpus.

Source repository: ifyuls/xin-wen-lian-bo.  One Markdown file per programme,
``news/YYYYMMDD.md``, laid out as::

    # 《新闻联播》 (YYYYMMDD)
    ## 新闻摘要            <- running order (skipped: it repeats the titles)
    ## 详细新闻
    ### <item title>       <- one item of the programme
    <body>                 <- either one line of HTML (<p>…</p>, 2022-09 .. 2024-12)
                              or Markdown paragraphs separated by blank lines (2025-)
    [查看原文](https://tv.cctv.com/…)   <- link back to cctv.com (dropped)

Mapping onto the corpus record (corpus/FORMAT.md):
- paper "新闻联播", slug "xwlb"; page and page_name are null (a broadcast has no
  pages); seq is the item's position in the programme.
- title: the ``###`` line as published (column tags such as 【新春走基层】 kept).
- body: one "p" block per <p> (split further at <br>) or per Markdown paragraph;
  a paragraph wholly in <strong>/** ** that is short and does not end in 。 is "h"
  (the 快讯 sub-headlines and section heads); a right-aligned paragraph
  (signature/date lines under communiqués) is "note".
- kicker, subtitle and byline are always null (the transcripts have none; the
  "央视网消息（新闻联播）：" lead stays inside the first paragraph).

Issues are taken whole (every item of a date), spread evenly over the available
dates, until --max-articles items are reached.  Blind-set dates are never used.

Usage:
    python corpus/extract/xwlb.py MIRROR_GIT_DIR -o corpus/real/xwlb.jsonl.gz [--max-articles 300]
"""
from __future__ import annotations

import argparse
import gzip
import html
import io
import json
import re
import subprocess
import sys

from lxml import html as lhtml

REPO = "ifyuls/xin-wen-lian-bo"
PAPER = "新闻联播"
SLUG = "xwlb"
SOURCE = "xwlb"

BLIND_DATES = {
    "2026-06-02", "2026-06-05", "2026-08-04", "2026-08-05", "2026-08-10",
    "2025-01-02", "2025-12-22", "2026-06-12",
    "2026-04-28", "2026-04-30", "2026-05-01",
    "2026-06-01", "2026-07-17",
}

H_MAX_LEN = 60


# ---------------------------------------------------------------- git access
def git(gitdir: str, *args: str) -> str:
    return subprocess.run(["git", "--git-dir", gitdir, *args], check=True,
                          capture_output=True).stdout.decode("utf-8")


def cat_blobs(gitdir: str, specs: list[str]) -> dict[str, bytes]:
    """Read many objects with one ``git cat-file --batch`` call."""
    proc = subprocess.run(["git", "--git-dir", gitdir, "cat-file", "--batch"],
                          input=("\n".join(specs) + "\n").encode("utf-8"),
                          capture_output=True, check=True)
    out = io.BytesIO(proc.stdout)
    result = {}
    for spec in specs:
        header = out.readline().decode("utf-8").split()
        if len(header) < 3 or header[1] != "blob":
            continue
        size = int(header[2])
        result[spec] = out.read(size)
        out.read(1)
    return result


def last_commits(gitdir: str, prefix: str) -> dict[str, str]:
    """Path -> newest commit that touched it (one ``git log --name-only`` pass)."""
    text = git(gitdir, "log", "--format=@@%H", "--name-only", "HEAD", "--", prefix)
    found: dict[str, str] = {}
    commit = None
    for line in text.splitlines():
        if line.startswith("@@"):
            commit = line[2:]
        elif line and line not in found:
            found[line] = commit
    return found


# ---------------------------------------------------------------- text helpers
def clean(s: str) -> str:
    return s.strip(" \t\r\n\u00a0\u3000\ufeff")


def block_kind(text: str, whole_bold: bool) -> str:
    if whole_bold and len(text) <= H_MAX_LEN and not text.endswith("。"):
        return "h"
    return "p"


def html_body(fragment: str) -> list[list[str]]:
    """Blocks from the one-line HTML body used until 2024."""
    root = lhtml.fragment_fromstring(fragment, create_parent="div")
    blocks: list[list[str]] = []
    paras = root.findall("p") or [root]
    for p in paras:
        style = (p.get("style") or "").replace(" ", "")
        # split the paragraph at <br>: collect runs of text between <br>s
        runs: list[list[tuple[str, bool]]] = [[]]

        def walk(el, bold):
            if el.text:
                runs[-1].append((el.text, bold))
            for ch in el:
                if ch.tag == "br":
                    runs.append([])
                else:
                    walk(ch, bold or ch.tag in ("strong", "b"))
                if ch.tail:
                    runs[-1].append((ch.tail, bold))

        walk(p, False)
        for run in runs:
            text = clean("".join(t for t, _ in run))
            if not text:
                continue
            whole_bold = all(b or not clean(t) for t, b in run)
            if "text-align:right" in style:
                kind = "note"
            else:
                kind = block_kind(text, whole_bold)
            blocks.append([kind, text])
    return blocks


BOLD_RE = re.compile(r"\*\*(.+?)\*\*")


def md_body(lines: list[str]) -> list[list[str]]:
    """Blocks from the Markdown body used from 2025."""
    blocks: list[list[str]] = []
    for line in lines:
        raw = clean(line)
        if not raw:
            continue
        whole_bold = bool(re.fullmatch(r"\*\*[^*]+\*\*", raw))
        text = clean(html.unescape(BOLD_RE.sub(r"\1", raw)))
        if text:
            blocks.append([block_kind(text, whole_bold), text])
    return blocks


LINK_RE = re.compile(r"^\[查看原文\]\(.*\)\s*$")


def parse_issue(text: str) -> list[dict]:
    """Items (title + body blocks) of one programme file."""
    lines = text.splitlines()
    try:
        start = next(i for i, l in enumerate(lines) if l.strip() == "## 详细新闻")
    except StopIteration:
        return []
    items = []
    cur = None
    for line in lines[start + 1:]:
        if line.startswith("### "):
            cur = {"title": clean(html.unescape(line[4:])), "lines": []}
            items.append(cur)
        elif cur is not None:
            if LINK_RE.match(line.strip()):
                continue
            if line.strip() == "---" or line.startswith("(更新时间戳"):
                continue
            cur["lines"].append(line)
    out = []
    for it in items:
        body_lines = it["lines"]
        joined = "\n".join(body_lines)
        if "<p" in joined:
            body = html_body(joined.strip())
        else:
            body = md_body(body_lines)
        if not it["title"] or not body:
            continue
        out.append({"title": it["title"], "body": body})
    return out


# ---------------------------------------------------------------- selection
def spread(dates: list[str], counts: dict[str, int], target: int) -> list[str]:
    """Fewest evenly spaced whole issues whose items reach ``target``."""
    n = len(dates)
    for k in range(1, n + 1):
        idx = sorted({round(i * (n - 1) / max(k - 1, 1)) for i in range(k)}) if k > 1 else [n // 2]
        chosen = [dates[i] for i in idx]
        if sum(counts[d] for d in chosen) >= target:
            return chosen
    return dates


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gitdir", help="git directory of the fetched ifyuls/xin-wen-lian-bo mirror")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--max-articles", type=int, default=300)
    args = ap.parse_args()

    commits = last_commits(args.gitdir, "news")
    paths = sorted(p for p in git(args.gitdir, "ls-tree", "-r", "--name-only", "HEAD", "news").split("\n")
                   if re.fullmatch(r"news/\d{8}\.md", p))
    blobs = cat_blobs(args.gitdir, [f"HEAD:{p}" for p in paths])
    issues: dict[str, tuple[str, list[dict]]] = {}
    for p in paths:
        d = p[5:13]
        date = f"{d[:4]}-{d[4:6]}-{d[6:8]}"
        if date in BLIND_DATES:
            continue
        items = parse_issue(blobs[f"HEAD:{p}"].decode("utf-8"))
        if items:
            issues[date] = (p, items)
    dates = sorted(issues)
    chosen = spread(dates, {d: len(issues[d][1]) for d in dates}, args.max_articles)

    records = []
    for date in chosen:
        path, items = issues[date]
        for seq, it in enumerate(items, 1):
            records.append({
                "paper": PAPER, "paper_slug": SLUG, "source": SOURCE,
                "date": date, "page": None, "page_name": None, "seq": seq,
                "kicker": None, "title": it["title"], "subtitle": None, "byline": None,
                "body": it["body"],
                "prov": {"repo": REPO, "path": path, "commit": commits[path]},
            })
    records.sort(key=lambda r: (r["date"], r["seq"]))
    assert not any(r["date"] in BLIND_DATES for r in records)

    payload = "".join(json.dumps(r, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"
                      for r in records).encode("utf-8")
    with open(args.output, "wb") as fh:
        with gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0) as gz:
            gz.write(payload)
    print(f"{len(records)} records from {len(chosen)} issues "
          f"({chosen[0]} .. {chosen[-1]}; {len(dates)} issues available) -> {args.output}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
