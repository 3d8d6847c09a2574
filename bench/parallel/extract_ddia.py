"""Build the ddia parallel bench (Simplified source / human-edited Taiwan Traditional) from a git dir.

The text is not ours and is never committed: it is written to bench/parallel/data/
(git-ignored).  What is committed is this script and manifest-ddia.json (repository,
commit, the paths and blob ids read, checksums of what was written).

Source: github.com/Vonng/ddia, the Chinese translation of *Designing Data-Intensive
Applications*: content/zh (Simplified, 2nd edition) and content/v1 (1st edition),
with content/tw and content/v1_tw, the Taiwan edition.  The Taiwan edition was made
with OpenCC s2twp plus a replacement list (bin/zh-tw.py) and then edited by hand
over 30 commits; its errors therefore lean towards OpenCC's (see README).

Usage:  python bench/parallel/extract_ddia.py GIT_DIR [--commit SHA] [--write-manifest]
Lines are paired by line number (zh-tw.py converts line by line); only pairs with
Chinese text and with the same number of lines in both files are kept.
"""

from __future__ import annotations

import re
import subprocess
import sys

from common import arguments, git, write_bench

REPO = "Vonng/ddia"
PAIRS = (("content/zh", "content/tw"), ("content/v1", "content/v1_tw"))
_HAN = re.compile(r"[\u4e00-\u9fff]")


def extract(git_dir: str, commit: str) -> tuple[list[str], list[str], list[dict[str, str]]]:
    """The paired lines (Simplified, Traditional) and the files they came from."""
    simplified: list[str] = []
    traditional: list[str] = []
    files: list[dict[str, str]] = []
    for zh_dir, tw_dir in PAIRS:
        listing = git(git_dir, "ls-tree", commit, f"{zh_dir}/").splitlines()
        for row in sorted(listing, key=lambda r: r.split("\t")[1]):
            meta, zh_path = row.split("\t")
            if not zh_path.endswith(".md"):
                continue
            tw_path = tw_dir + zh_path[len(zh_dir) :]
            try:
                tw_text = git(git_dir, "show", f"{commit}:{tw_path}")
            except subprocess.CalledProcessError:
                continue
            zh_lines = git(git_dir, "show", f"{commit}:{zh_path}").rstrip("\n").split("\n")
            tw_lines = tw_text.rstrip("\n").split("\n")
            if len(zh_lines) != len(tw_lines):
                continue  # edited apart: lines no longer pair
            tw_blob = git(git_dir, "rev-parse", f"{commit}:{tw_path}").strip()
            files.append({"simplified": zh_path, "simplified_blob": meta.split()[2], "traditional": tw_path, "traditional_blob": tw_blob})
            for zh, tw in zip(zh_lines, tw_lines):
                if _HAN.search(zh) and _HAN.search(tw):
                    simplified.append(zh.strip())
                    traditional.append(tw.strip())
    return simplified, traditional, files


def main(argv: list[str] | None = None) -> int:
    git_dir, commit, write_manifest = arguments("ddia", __doc__, argv)
    simplified, traditional, files = extract(git_dir, commit)
    record = {
        "name": "ddia",
        "repository": f"https://github.com/{REPO}",
        "commit": commit,
        "license": "the repository's own (translation of Designing Data-Intensive Applications); text not redistributed",
        "traditional_made_by": "OpenCC s2twp + bin/zh-tw.py replacement list, then edited by hand",
        "files": files,
    }
    texts = {"ddia.zh-Hans.txt": simplified, "ddia.zh-Hant-TW.txt": traditional}
    return write_bench("ddia", texts, record, write_manifest)

if __name__ == "__main__":
    sys.exit(main())
