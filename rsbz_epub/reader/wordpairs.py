"""Whether a line break falls inside a word: the pair of characters across it, looked up in a word list.

``rsbz_epub/data/wordpairs.txt`` (built by ``bench/build_wordpairs.py`` from jieba's
dictionary) holds every pair of adjacent Han characters found inside a dictionary
word, in three frequency bands. A break between 消 and 费 or 共同 and 体 is inside a
word — a wrapped line; a break between 。 and anything, or between two characters
that never meet inside a word, may end a paragraph or a title.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from importlib.resources import files


@lru_cache(maxsize=1)
def _bands() -> tuple[tuple[str, str], ...]:
    """(band, its pairs run together) for each band: the file lists every band's pairs sorted, so each
    band is one string of two-character cells searched by halves (no table of 75,000 pairs to build at
    start-up)."""
    text = files("rsbz_epub.data").joinpath("wordpairs.txt").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        band, pairs = line.split("\t", 1)
        out.append((band, pairs.replace(" ", "")))
    return tuple(out)


def holds(cells: str, word: str) -> bool:
    """Whether the sorted run of cells as long as ``word`` (two characters for a pair) holds ``word``."""
    n = len(word)
    k = bisect_left(range(len(cells) // n), word, key=lambda i: cells[n * i : n * i + n])
    return cells[n * k : n * k + n] == word


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    """Every pair and its band, for an issue long enough to look up more than ``_SEARCHES`` breaks."""
    return {cells[k : k + 2]: band for band, cells in reversed(_bands()) for k in range(0, len(cells), 2)}


_SEARCHES = 3000
_searched = 0


def glue(left: str, right: str) -> str:
    """The band ("1"–"3", "0" for none) of the pair made by the last character of ``left`` and the first of ``right``."""
    global _searched
    if not left or not right:
        return "0"
    pair = left[-1] + right[0]
    if _searched >= _SEARCHES:
        return _table().get(pair, "0")
    _searched += 1
    for band, cells in _bands():
        if holds(cells, pair):
            return band
    return "0"
