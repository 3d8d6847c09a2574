"""Build the CUV parallel bench (Simplified / human Traditional Bible text) from a git dir.

The text is not ours and is never committed: it is written to bench/parallel/data/
(git-ignored); manifest-cuv.json records repository, commit, the files and blob ids
read, and checksums of what was written.

Source: github.com/tkacikr/bible-tools, bibles/zh/cuv (Chinese Union Version,
Traditional: the original 1919 text, written by people, not converted) and
bibles/zh/cuvs (its Simplified edition).  Unlike the ddia bench, the Traditional
side owes nothing to OpenCC.  Its punctuation differs from the Simplified edition's
(、 for ，), so a verse pair is kept only when both have the same ideographs count,
and the reference line is the Simplified verse with each ideograph replaced by the
Traditional verse's: positions then align one to one.

Usage:  python bench/parallel/extract_cuv.py GIT_DIR [--commit SHA] [--write-manifest]
"""

from __future__ import annotations

import json
import re
import sys

from common import HAN as _HAN
from common import arguments, git, write_bench

REPO = "tkacikr/bible-tools"
_MARKUP = re.compile(r"<[^>]*>[^<]*</[^>]*>|<[^>]*>")


def verses(js: str) -> dict[tuple[str, str], str]:
    """(chapter, verse) → verse text, markup and spaces removed."""
    body = js[js.index("{") : js.rindex("}") + 1]
    book = json.loads(body)
    return {
        (c, v): _MARKUP.sub("", text).replace(" ", "").replace("\u3000", "")
        for c, chapter in book["chapters"].items()
        for v, text in chapter.items()
    }


def pair(simplified: str, traditional: str) -> str | None:
    """The Simplified verse with its ideographs replaced by the Traditional verse's (None if they do not pair)."""
    han = _HAN.findall(traditional)
    if len(han) != len(_HAN.findall(simplified)) or not han:
        return None
    it = iter(han)
    return _HAN.sub(lambda m: next(it), simplified)


def main(argv: list[str] | None = None) -> int:
    git_dir, commit, write_manifest = arguments("cuv", __doc__, argv)
    src_lines: list[str] = []
    ref_lines: list[str] = []
    files = []
    dropped = 0
    for row in git(git_dir, "ls-tree", commit, "bibles/zh/cuvs/books/").splitlines():
        meta, s_path = row.split("\t")
        t_path = s_path.replace("/cuvs/", "/cuv/")
        t_blob = git(git_dir, "rev-parse", f"{commit}:{t_path}").strip()
        before = len(src_lines)
        s_verses = verses(git(git_dir, "show", f"{commit}:{s_path}"))
        t_verses = verses(git(git_dir, "show", f"{commit}:{t_path}"))
        for key in sorted(s_verses, key=lambda k: (int(k[0]), int(k[1]))):
            ref = pair(s_verses[key], t_verses.get(key, ""))
            if ref is None:
                dropped += 1
                continue
            src_lines.append(s_verses[key])
            ref_lines.append(ref)
        files.append({"simplified": s_path, "simplified_blob": meta.split()[2], "traditional": t_path, "traditional_blob": t_blob, "lines": len(src_lines) - before})
    record = {
        "name": "cuv",
        "repository": f"https://github.com/{REPO}",
        "commit": commit,
        "license": "Chinese Union Version (1919), public domain; text not redistributed here",
        "traditional_made_by": "the original Traditional text (1919), not a conversion",
        "files": files,
        "verses_dropped": dropped,
    }
    return write_bench("cuv", {"cuv.zh-Hans.txt": src_lines, "cuv.zh-Hant.txt": ref_lines}, record, write_manifest)

if __name__ == "__main__":
    sys.exit(main())
