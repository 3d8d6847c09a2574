"""Whether a line break falls inside a word: the pair of characters across it, looked up in a word list.

``rsbz_epub/data/wordpairs.txt`` (built by ``bench/build_wordpairs.py`` from jieba's
dictionary) holds every pair of adjacent Han characters found inside a dictionary
word, in three frequency bands. A break between 消 and 费 or 共同 and 体 is inside a
word — a wrapped line; a break between 。 and anything, or between two characters
that never meet inside a word, may end a paragraph or a title.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files


@lru_cache(maxsize=1)
def _bands() -> dict[str, str]:
    text = files("rsbz_epub.data").joinpath("wordpairs.txt").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        band, pairs = line.split("\t", 1)
        out.update(dict.fromkeys(pairs.split(), band))
    return out


def glue(left: str, right: str) -> str:
    """The band ("1"–"3", "0" for none) of the pair made by the last character of ``left`` and the first of ``right``."""
    if not left or not right:
        return "0"
    return _bands().get(left[-1] + right[0], "0")
