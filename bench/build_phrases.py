"""Build ``rsbz_epub/data/opencc-phrases.txt``: the phrases OpenCC's segmentation matches.

    .venv/bin/python bench/build_phrases.py

OpenCC's s2t, s2tw, s2hk and s2twp all cut the text by maximum match over the
same phrase tables, STPhrases and STPhrases_GeneratedFromRegionalPhrases, before
converting. The word-by-word conversion asks where those phrases lie (a jieba
"name" that is an OpenCC phrase, 郁金香 or 钟声, is not a name; a cut that breaks
an OpenCC phrase of three or more characters, 不知|所|云, is not made), but the
wheel's Python API converts only, so the keys are read from its ``.ocd2`` files
with the wheel's own ``opencc_dict``. One key per line, sorted; the header names
the OpenCC version, so the same wheel gives the same bytes.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import opencc

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "rsbz_epub" / "data" / "opencc-phrases.txt"
TABLES = ("STPhrases", "STPhrases_GeneratedFromRegionalPhrases")


def keys(table: str) -> set[str]:
    """The keys of one of the wheel's phrase tables."""
    clib = Path(opencc.__file__).parent / "clib"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp, f"{table}.txt")
        subprocess.run(
            [str(clib / "bin" / "opencc_dict"), "-i", str(clib / "share" / "opencc" / f"{table}.ocd2"), "-o", str(out), "-f", "ocd2", "-t", "text"],
            check=True, capture_output=True,
        )
        return {line.split("\t")[0] for line in out.read_text(encoding="utf-8").splitlines() if line}


def main() -> int:
    found = set().union(*(keys(t) for t in TABLES))
    phrases = sorted(k for k in found if len(k) >= 2)
    header = f"# OpenCC {opencc.__version__} {' + '.join(TABLES)}: keys of two or more characters (bench/build_phrases.py)"
    OUT.write_text("\n".join([header, *phrases]) + "\n", encoding="utf-8")
    print(f"{len(phrases)} phrases → {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
