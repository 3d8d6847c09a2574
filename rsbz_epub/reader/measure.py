"""How much of a column a line takes, read off the issue: in characters, or in ems.

Print sets a Chinese character, a full-width mark and a curly quote one em wide, and a digit or a Latin letter
about half as wide, so a printed column line of twenty ems may hold twenty-three characters
(``万元再加上70%的上浮，便是340万元。`` is 20 characters and 17 ems). A PDF-to-text dump writes each printed line, and
its column lines are as long in ems as the column, not in characters. A dump set by a character count (a text tool's
fixed-width wrap) is as long in characters. Which one an issue is, its own lines tell: the lines that run on into
the next without a gap and hold no digit or Latin letter give the column's width in either measure (when half of
them, at least, fill one: else there is no column, and a dump with one line per paragraph keeps characters); the
ones that do hold some fill that width in one measure, not in the other.
"""

from __future__ import annotations

import functools
import statistics
import unicodedata
from collections.abc import Callable, Sequence
from typing import Protocol

#: east-Asian widths of the characters print sets a full em wide; curly quotes, ·, — and … are "ambiguous"
#: (one em in a Chinese font, one column in a Western terminal)
_WIDE = frozenset("WFA")


@functools.cache
def _char_ems(c: str) -> float:
    return 1.0 if unicodedata.east_asian_width(c) in _WIDE else 0.5


def ems(text: str) -> float:
    """The width of ``text`` in ems: a digit, a Latin letter or an ASCII mark takes half of one."""
    return sum(map(_char_ems, text))


class _Line(Protocol):
    page: int
    gap: int

    @property
    def text(self) -> str: ...


def line_measure(items: Sequence[_Line]) -> Callable[[str], float]:
    """``ems`` when the issue's column lines fill their column in ems, else ``len`` (characters)."""
    run_on = [(len(a.text), ems(a.text)) for a, b in zip(items, items[1:]) if a.page == b.page and b.gap == 0 and len(a.text) >= 8]
    pure = [n for n, e in run_on if e == n]
    mixed = [(n, e) for n, e in run_on if n - e >= 1]  # two narrow characters or more: the measures part
    if len(pure) < 5 or len(mixed) < 3:
        return len
    width = statistics.median(pure)
    if 2 * sum(abs(n - width) <= 1 for n in pure) < len(pure):
        return len  # no column: the lines that run on are whole paragraphs, as long as they happen to be
    by_chars = sum(abs(n - width) <= 1 for n, _ in mixed)
    by_ems = sum(abs(e - width) <= 1 for _, e in mixed)
    return ems if by_ems > by_chars else len
