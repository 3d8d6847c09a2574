"""Shared helpers for the extractors of ``exposir/RSS`` (JSON Feed snapshots).

``exposir/RSS`` is written by a GitHub action (RSSHub / feedx full-text feeds) that
every few hours overwrites ``feeds/<name>.json`` with the newest items of a feed, in
JSON Feed 1.1 form: ``{"title": …, "items": [{"id", "url", "title", "content_html",
"content_text", "date_published"}, …]}``. Only the newest items survive at HEAD, so
every version of the feed file in the branch history is read; an item (by ``id``) is
taken from the newest file version that holds it (a later crawl may carry a corrected
text), and ``prov`` names that version's path and the commit that wrote it.

Git access, HTML flattening, note/heading heuristics, issue picking and the
deterministic writer are those of :mod:`rss_common` (same conventions).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from rss_common import (BLIND_DATES, ZERO, GitMirror, Line, is_heading, is_note,  # noqa: E402
                        pick_issues, write_jsonl_gz)

REPO = "exposir/RSS"


@dataclass
class FeedItem:
    item: dict  # the JSON Feed item as stored
    path: str  # feed file path
    commit: str  # commit that wrote the version the item is taken from
    ctime: int


def cat_blobs_tolerant(git_dir: str, ids: list[str]) -> dict[str, bytes]:
    """Like ``GitMirror.cat_blobs`` (one ``git cat-file --batch``), but a blob absent from
    the snapshot (``<id> missing``) is skipped instead of failing."""
    ids = list(dict.fromkeys(ids))
    if not ids:
        return {}
    proc = subprocess.run(["git", f"--git-dir={git_dir}", "cat-file", "--batch"],
                          input=("\n".join(ids) + "\n").encode(), check=True,
                          capture_output=True)
    data, pos, res = proc.stdout, 0, {}
    for _want in ids:
        nl = data.index(b"\n", pos)
        parts = data[pos:nl].decode().split()
        if len(parts) == 2 and parts[1] == "missing":
            pos = nl + 1
            continue
        size = int(parts[2])
        res[parts[0]] = data[nl + 1: nl + 1 + size]
        pos = nl + 1 + size + 1
    return res


def feed_items(git_dir: str, path: str) -> list[FeedItem]:
    """Every distinct item (by id) over all versions of ``path``, newest version wins.

    One ``git log --raw`` pass lists the versions, one ``git cat-file --batch`` reads them."""
    repo = GitMirror(git_dir)
    out = repo.run("log", "--format=C %H %ct", "--raw", "--no-abbrev", "--no-renames",
                   "HEAD", "--", path)
    versions: list[tuple[str, int, str]] = []  # (commit, ctime, blob), newest first
    commit, ctime = None, 0
    for line in out.splitlines():
        if line.startswith("C "):
            _, commit, ct = line.split()
            ctime = int(ct)
        elif line.startswith(":"):
            meta, p = line.split("\t", 1)
            parts = meta.split()
            if p == path and parts[4][0] in "AM" and parts[3] != ZERO:
                versions.append((commit, ctime, parts[3]))
    blobs = cat_blobs_tolerant(git_dir, [b for _c, _t, b in versions])
    seen: dict[str, FeedItem] = {}
    for commit, ctime, blob in sorted(versions, key=lambda v: -v[1]):
        if blob not in blobs:
            continue
        try:
            data = json.loads(blobs[blob].decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue
        for it in data.get("items") or []:
            key = it.get("id") or it.get("url")
            if key and key not in seen:
                seen[key] = FeedItem(it, path, commit, ctime)
    return list(seen.values())


def publication_day(item: dict, url_date: re.Pattern | None = None) -> str | None:
    """The day an item was published: the date its URL carries (``url_date`` with three
    groups, year, month, day), else ``date_published`` read in Beijing / Singapore time
    (UTC+8, where every outlet of this repository publishes)."""
    m = url_date.search(item.get("url") or "") if url_date else None
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    dp = item.get("date_published")
    if not dp:
        return None
    t = datetime.strptime(dp[:19], "%Y-%m-%dT%H:%M:%S") + timedelta(hours=8)
    return t.strftime("%Y-%m-%d")


def blocks_of(lines: list[Line], stats: Counter,
              special: Callable[[int, Line], str | None]) -> list[list[str]]:
    """The body blocks of a story's lines: the kind ``special(index, line)`` names, else
    "h" for a heading, "note" for a closing note, "p" (FORMAT.md rules); counted in
    ``stats``."""
    blocks: list[list[str]] = []
    n = len(lines)
    for i, ln in enumerate(lines):
        kind = special(i, ln)
        if kind is None:
            kind = "h" if is_heading(ln) else "note" if is_note(ln.text, i == n - 1) else "p"
        stats[kind] += 1
        blocks.append([kind, ln.text])
    return blocks


def mark_figcaptions(root, cls: str) -> None:
    """Give every ``<figcaption>`` with text the class ``cls`` (so its lines can be told
    apart after flattening); drop a ``<figure>`` with no caption text (a bare image or
    video)."""
    for el in list(root.iter("figure")):
        caps = [c for c in el.iter("figcaption") if "".join(c.itertext()).strip()]
        if not caps:
            el.drop_tree()
            continue
        for c in caps:
            c.set("class", cls)


@dataclass(frozen=True)
class Outlet:
    """One feed of the repository read as one paper."""

    paper: str  # as the outlet names itself
    slug: str  # pinyin initials
    source: str  # the extraction script's name
    feed: str  # feeds/<name>.json
    url_date: re.Pattern | None = None  # the publication day in the URL, if it has one


# what an extractor makes of one item: (title, subtitle, byline, body blocks); an item
# with no title or no paragraph is dropped
Reader = Callable[[dict, Counter], "tuple[str, str | None, str | None, list[list[str]]]"]


def read_days(git_dir: str, outlet: Outlet, read: Reader, stats: Counter,
              once_per_url: bool = False) -> dict[str, list[dict]]:
    """Every item of the feed's history as a record (corpus/FORMAT.md; no page), by day;
    blind dates and items with no paragraph left out. ``once_per_url``: an item the feed
    lists under several ids is taken once, from the newest version."""
    by_day: dict[str, list[dict]] = defaultdict(list)
    seen_urls: set[str] = set()
    for fi in feed_items(git_dir, outlet.feed):
        it = fi.item
        if once_per_url:
            url = it.get("url") or ""
            if url in seen_urls:
                stats["dropped_same_url"] += 1
                continue
            seen_urls.add(url)
        d = publication_day(it, outlet.url_date)
        if d is None:
            stats["no_date"] += 1
            continue
        if d in BLIND_DATES:
            stats["blind"] += 1
            continue
        title, subtitle, byline, body = read(it, stats)
        if not title or not any(k == "p" for k, _ in body):
            stats["dropped_no_text"] += 1
            continue
        by_day[d].append({
            "paper": outlet.paper, "paper_slug": outlet.slug, "source": outlet.source,
            "date": d, "page": None, "page_name": None, "seq": 0,
            "kicker": None, "title": title, "subtitle": subtitle, "byline": byline,
            "body": body,
            "prov": {"repo": REPO, "path": fi.path, "commit": fi.commit},
            "_order": (it.get("date_published") or "", it.get("id") or ""),
        })
    return by_day


def main_of(doc: str, outlet: Outlet, read: Reader, argv: list[str] | None = None,
            once_per_url: bool = False,
            after: Callable[[dict[str, list[dict]], Counter], None] | None = None) -> int:
    """The command line of a feed's extractor: read every day (:func:`read_days`), let
    ``after`` drop what the outlet publishes twice, write the chosen days."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("gitdir", help="git directory of the fetched exposir/RSS mirror")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--max-articles", type=int, default=400)
    args = ap.parse_args(argv)
    stats: Counter = Counter()
    by_day = read_days(args.gitdir, outlet, read, stats, once_per_url)
    if after is not None:
        after(by_day, stats)
    return write_days(by_day, args.max_articles, args.output, stats)


def write_days(by_day: dict[str, list[dict]], max_articles: int, output: str,
               stats: Counter) -> int:
    """Write whole days of a wire or web outlet as issues: about ``max_articles`` records
    of days spread over the range (:func:`rss_common.pick_issues`), each day's records
    numbered in order of publication (their ``_order`` key, then dropped)."""
    chosen = pick_issues({d: len(v) for d, v in by_day.items()}, max_articles)
    records = []
    for d in chosen:
        day = sorted(by_day[d], key=lambda r: r["_order"])
        for seq, r in enumerate(day, 1):
            r["seq"] = seq
            del r["_order"]
            records.append(r)
    records.sort(key=lambda r: (r["date"], r["seq"]))
    assert not any(r["date"] in BLIND_DATES for r in records)
    write_jsonl_gz(records, output)
    print(f"{len(records)} records from {len(chosen)} days {chosen} "
          f"(available: { {d: len(v) for d, v in sorted(by_day.items())} }) -> {output}",
          file=sys.stderr)
    print(dict(stats), file=sys.stderr)
    return 0
