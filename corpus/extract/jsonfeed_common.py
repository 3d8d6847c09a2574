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

import json
import os
import subprocess
import sys
from dataclasses import dataclass

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from rss_common import ZERO, GitMirror  # noqa: E402

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
