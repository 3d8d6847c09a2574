#!/usr/bin/env python3
"""Extract 眾新聞 (Citizen News, Hong Kong, hkcnews.com) articles from a mirror of
``hkarchivist/hkcnews-article-archive``.

Source
------
A one-off backup (one commit, 2022) of ~49,000 hkcnews.com articles (2016-12-30 ..
2022-01-03) recovered from archive.org, one Markdown file per article,
``articles/<range>/article_<N>.md`` (N = the site's article number, increasing with
publication), laid out as::

    ---                                  YAML front matter: title, date (YYYY-MM-DD),
    title: "…"                           author (for most articles), category
    date: "2019-05-14"                   (眾聞 news, 眾說 opinion/blogs, 眾觀, tri-angles,
    author: "台灣特派員鄭智仁"              …), tags, url, original_url
    category: "眾聞"
    ---
    # <title>
    <body: Markdown paragraphs separated by blank lines; photos as
     <figure><img …><figcaption>caption</figcaption></figure>; section heads as
     ### / #### / ## lines or whole-paragraph **bold**; video embeds as
     {{< video … >}}; quotes as "> "; a few lists and tables>
    ---
    請加入成為眾新聞的月費訂戶…          site trailer (subscription / crowdfunding blurb
                                         with "月費訂戶", author box): dropped

Record mapping (corpus/FORMAT.md)
---------------------------------
* paper "眾新聞", slug "zxw"; page null; page_name = the site section (``category``,
  e.g. 眾聞 / 眾說); date = front-matter date; seq = position within the day in
  article-number order (publication order).
* title: front-matter title (identical to the ``#`` line); kicker/subtitle null (the
  site has none).
* byline: front-matter ``author`` as shown on the article page (``台灣特派員鄭智仁``,
  ``眾新聞記者``), else null. Credit lines printed in the body (``【撰文：素心】``) stay
  in the body as "p".
* body: "p" per paragraph (link markup ``[text](url)`` -> text, ``**`` removed,
  list/quote markers removed); "h" for ``#``-heading lines and for a paragraph wholly in
  ``**…**`` that is short and has no final 。; "caption" per ``<figcaption>``; "note"
  for an end note on its own line (``（作者為…）``-style parentheses, …供圖 / …攝).
  Images without caption, video embeds and tables (Markdown ``|`` rows; about 1 % of
  articles contain one) are dropped.

Versions: the archive keeps an article under every number the site published it at (a
revision, a copy in another section: 19,216 of its files are such older copies), so a
day keeps one article per title, the highest-numbered, and of two with the same text
under different titles (a retitled copy) the later one: an issue prints an article once.

Selection: whole days (every article dated that day, one version each), evenly spread
over the available range, about ``--max-articles`` articles; blind dates never.

Usage::

    python corpus/extract/hkcnews.py MIRROR_GIT_DIR -o corpus/real/hkcnews.jsonl.gz [--max-articles 450]
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from collections import Counter, defaultdict

from rss_common import BLIND_DATES, GitMirror, is_note, pick_issues, write_jsonl_gz

REPO = "hkarchivist/hkcnews-article-archive"
PAPER = "眾新聞"
SLUG = "zxw"
SOURCE = "hkcnews"

PATH_RE = re.compile(r"^articles/[^/]+/article_(\d+)\.md$")
FM_RE = re.compile(r'^(title|date|author|category):\s*"(.*)"\s*$')
LINK_RE = re.compile(r"!?\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\([^)]*\)")  # one nested [..] allowed
BOLD_RE = re.compile(r"\*\*(.+?)\*\*")
FIGCAP_RE = re.compile(r"<figcaption>(.*?)</figcaption>", re.S)
TAG_RE = re.compile(r"<[^>]+>")
H_MAX_LEN = 60
WS = " \t\r\n\u00a0\u3000\ufeff"


def clean(s: str) -> str:
    return s.strip(WS)


CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f「」『』（）“”‘’—…·]")


def _unwrap(s: str, pat: re.Pattern) -> str:
    """Replace each match of ``pat`` by its group 1. The archive's HTML-to-Markdown
    conversion put a space on each side of a link / bold run; such a space is dropped
    where it stands next to CJK text or punctuation (the page showed none)."""
    out: list[str] = []
    pos = 0
    for m in pat.finditer(s):
        before = s[pos:m.start()]
        if before.endswith(" ") and len(before) >= 2 and CJK.match(before[-2]):
            before = before[:-1]
        elif before == " " and out and out[-1] and CJK.match(out[-1][-1]):
            before = ""
        out.append(before)
        out.append(m.group(1))
        pos = m.end()
        if s[pos:pos + 1] == " " and (pos + 1 >= len(s) or CJK.match(s[pos + 1])):
            pos += 1
    out.append(s[pos:])
    return "".join(out)


def inline(s: str) -> str:
    """Strip inline Markdown/HTML markup, decode entities."""
    s = _unwrap(s, LINK_RE)
    s = s.replace("****", "")  # empty bold run
    s = _unwrap(s, BOLD_RE)
    s = TAG_RE.sub("", s)
    return clean(html.unescape(s))


def front_matter(text: str) -> tuple[dict, list[str]]:
    lines = text.split("\n")
    meta: dict[str, str] = {}
    if not lines or lines[0].strip() != "---":
        return meta, lines
    for i in range(1, len(lines)):
        if lines[i].strip() == "---":
            return meta, lines[i + 1:]
        m = FM_RE.match(lines[i])
        if m:
            meta[m.group(1)] = m.group(2).replace('\\"', '"')
    return meta, []


def paragraphs(lines: list[str]) -> list[str]:
    """Markdown paragraphs (blank-line separated); a <figure> … </figure> is one unit."""
    out: list[str] = []
    cur: list[str] = []
    in_fig = False
    for ln in lines:
        if in_fig:
            cur.append(ln)
            if "</figure>" in ln:
                out.append("\n".join(cur))
                cur, in_fig = [], False
            continue
        if ln.strip().startswith("<figure"):
            if cur:
                out.append("\n".join(cur))
            cur = [ln]
            if "</figure>" in ln:
                out.append("\n".join(cur))
                cur = []
            else:
                in_fig = True
            continue
        if not ln.strip():
            if cur:
                out.append("\n".join(cur))
                cur = []
            continue
        cur.append(ln)
    if cur:
        out.append("\n".join(cur))
    return out


def parse_article(text: str, stats: Counter):
    meta, lines = front_matter(text)
    # body starts after the "# title" line
    start = next((i + 1 for i, l in enumerate(lines) if l.startswith("# ")), None)
    if start is None:
        return meta, []
    body_lines = lines[start:]
    # cut the site trailer: the last "---" rule before the subscription blurb / author box
    end = len(body_lines)
    for i, l in enumerate(body_lines):
        if l.strip() == "---":
            rest = "\n".join(body_lines[i + 1:i + 6])
            if "月費訂戶" in rest or rest.strip().startswith("![") or not rest.strip():
                end = i
                break
    blocks: list[list[str]] = []
    paras = paragraphs(body_lines[:end])
    for pi, para in enumerate(paras):
        s = para.strip()
        if s.startswith("<figure"):
            for cap in FIGCAP_RE.findall(s):
                t = inline(cap)
                if t:
                    blocks.append(["caption", t])
            continue
        if s.startswith("{{<") or s.startswith("!["):
            stats["dropped_media"] += 1
            continue
        if s.startswith("|"):
            stats["dropped_table"] += 1
            continue
        # a paragraph may hold several source lines (soft breaks): each "- "/"> " line
        # is its own block; other soft-wrapped lines are joined as the browser does
        items: list[str] = []
        for ln in s.split("\n"):
            ln = ln.strip()
            if re.match(r"^(?:[-*] |> ?)", ln) or not items:
                items.append(ln)
            else:
                items[-1] += ln if re.match(r"[\u3000-\u9fff\uff00-\uffef]", ln[:1] or " ") else " " + ln
        for raw in items:
            m = re.match(r"^(#{1,6})\s+(.*)$", raw)
            if m:
                t = inline(m.group(2))
                if t:
                    # heading markup also carries a few pull-quote sentences: only short
                    # lines without a final 。 are heads
                    ok = len(t) <= H_MAX_LEN and not t.endswith("。")
                    blocks.append(["h" if ok else "p", t])
                continue
            raw = re.sub(r"^(?:[-*] |> ?)+", "", raw)
            whole_bold = bool(re.fullmatch(r"\*\*[^*]+\*\*", raw.strip()))
            t = inline(raw)
            if not t or not t.strip("*"):
                continue
            if whole_bold and len(t) <= H_MAX_LEN and not t.endswith("。"):
                kind = "h"
            elif is_note(t, pi == len(paras) - 1):
                kind = "note"
            else:
                kind = "p"
            blocks.append([kind, t])
    for k, _ in blocks:
        stats[k] += 1
    return meta, blocks


def last_commits(repo: GitMirror, prefix: str) -> dict[str, str]:
    """Path -> newest commit that touched it (one ``git log --name-only`` pass)."""
    text = repo.run("log", "--format=@@%H", "--name-only", "HEAD", "--", prefix)
    found: dict[str, str] = {}
    commit = None
    for line in text.splitlines():
        if line.startswith("@@"):
            commit = line[2:]
        elif line and line not in found:
            found[line] = commit
    return found


def latest_versions(entries: list[tuple[int, str, str]]) -> list[tuple[int, str]]:
    """One article per title of a day, the one with the highest number: the archive keeps an article under every
    number the site published it at (a revision, another section's copy: article_180, _255 and _257 are one
    blog post), and a day's issue prints an article once. ``entries``: (number, path, raw title line)."""
    latest: dict[str, tuple[int, str]] = {}
    for num, path, title in entries:
        if title not in latest or num > latest[title][0]:
            latest[title] = (num, path)
    return sorted(latest.values())


def without_retitled_copies(day: list[dict]) -> list[dict]:
    """A day's records (in number order) without a copy retitled under a later number: of records with the same
    text, the last one."""
    last = {tuple(map(tuple, r["body"])): i for i, r in enumerate(day)}
    return [r for i, r in enumerate(day) if last[tuple(map(tuple, r["body"]))] == i]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gitdir", help="git directory of the fetched hkarchivist/hkcnews-article-archive mirror")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--max-articles", type=int, default=450)
    args = ap.parse_args()

    repo = GitMirror(args.gitdir)
    stats: Counter = Counter()
    paths = {}
    for line in repo.run("ls-tree", "-r", "HEAD", "articles").splitlines():
        meta_, path = line.split("\t", 1)
        m = PATH_RE.match(path)
        if m:
            paths[path] = (int(m.group(1)), meta_.split()[2])
    # dates from the front matter: read every file once (one cat-file --batch)
    blobs = repo.cat_blobs(b for _n, b in paths.values())
    versions: dict[str, list[tuple[int, str, str]]] = defaultdict(list)  # day → (number, path, title line)
    for path, (num, blob) in paths.items():
        head = blobs[blob][:600].decode("utf-8", "replace")
        m = re.search(r'^date:\s*"(\d{4}-\d{2}-\d{2})"', head, re.M)
        if not m:
            stats["no_date"] += 1
            continue
        t = re.search(r"^title:\s*(.*?)\s*$", head, re.M)
        versions[m.group(1)].append((num, path, t.group(1) if t else path))
    by_day: dict[str, list[tuple[int, str]]] = {}  # day → (number, path), one version of each article
    for d, entries in versions.items():
        if d in BLIND_DATES:
            stats["blind_days"] += 1
            continue
        by_day[d] = latest_versions(entries)
        stats["older_versions"] += len(entries) - len(by_day[d])
    # days with very few articles are crawl leftovers (before the site's start), not issues
    days = {d: len(v) for d, v in by_day.items() if len(v) >= 10}
    chosen = pick_issues(days, args.max_articles)
    commits = last_commits(repo, "articles")

    records = []
    for d in chosen:
        day = []
        for seq, (num, path) in enumerate(by_day[d], 1):
            meta, body = parse_article(blobs[paths[path][1]].decode("utf-8"), stats)
            title = clean(meta.get("title", ""))
            if not title or not any(k == "p" for k, _ in body):
                stats["dropped_no_text"] += 1
                continue
            day.append({
                "paper": PAPER, "paper_slug": SLUG, "source": SOURCE,
                "date": d, "page": None, "page_name": clean(meta.get("category", "")) or None,
                "seq": seq, "kicker": None, "title": title, "subtitle": None,
                "byline": clean(meta.get("author", "")) or None,
                "body": body,
                "prov": {"repo": REPO, "path": path, "commit": commits[path]},
            })
        kept = without_retitled_copies(day)
        stats["retitled_copies"] += len(day) - len(kept)
        records += kept
    # seq counts the kept articles of the day
    per_day: Counter = Counter()
    for r in records:
        per_day[r["date"]] += 1
        r["seq"] = per_day[r["date"]]
    records.sort(key=lambda r: (r["date"], r["seq"]))
    assert not any(r["date"] in BLIND_DATES for r in records)
    write_jsonl_gz(records, args.output)
    print(f"{len(records)} records from {len(chosen)} days ({chosen[0]} .. {chosen[-1]}; "
          f"{len(days)} days available) -> {args.output}", file=sys.stderr)
    print(dict(stats), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
