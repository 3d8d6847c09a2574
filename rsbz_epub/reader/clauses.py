"""Whether a line ends, or starts, where running text puts a clause mark: a language signal for the line-role model.

A column cuts a sentence anywhere, so the line it cuts mostly ends on two characters that running text
never parts with a mark (``…党的十八大以来，我们党先`` / ``进一步…``); a section head or a lead-in printed
without a stop ends where a clause of text would end (``数智链博新意多，新技术赋能千行百业``), and the
line under it opens where a clause would open. ``rsbz_epub/data/clauses.txt`` holds, for the pairs of
Han characters seen often enough in the paragraphs of the real corpus (``corpus/real/``, built by
``bench/train_reader.py``), the share of their occurrences that a mark follows (``e``) and that a mark
or a paragraph's start comes before (``s``), in bands; and the same for single characters (``E``,
``S``), which answer for a pair that is rare or in the band of its character. Measured leave one paper
out, each held-out model is trained and read with a table built without its paper.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

from rsbz_epub.reader.wordpairs import holds

#: Upper edges of the bands ("0" below 2 % … "5" from 35 %).
BANDS = (0.02, 0.05, 0.1, 0.2, 0.35)
#: Occurrences a pair or a character needs in the corpus to have a band of its own.
MIN_COUNT = 10
#: Marks that end a clause in running text (a mark after the pair, or before it).
MARKS = frozenset("，。；：！？、,;:!?…—")
FILE = "clauses.txt"
#: Look-ups by halves before a table's cells are put in a dictionary (as ``reader/wordpairs.py`` does).
_SEARCHES = 3000


def _han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def _band(share: float) -> str:
    return str(next((k for k, edge in enumerate(BANDS) if share < edge), len(BANDS)))


@dataclass(frozen=True)
class Table:
    """Bands of pairs and characters: ``runs`` maps a key (``e3``: pairs whose end share is in band 3; ``E3``: such
    characters; ``s…``/``S…``: starts) to its cells sorted and run together."""

    runs: tuple[tuple[str, str], ...]
    _searched: list[int] = field(default_factory=lambda: [0], compare=False, repr=False)
    _cells: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def text(self) -> str:
        """The file form: a comment, then one ``key<TAB>cells`` line per key (same table, same bytes)."""
        head = "# clause marks around Han characters: band keys e/E (a mark follows) s/S (one precedes) (bench/train_reader.py)"
        return "\n".join([head] + [f"{key}\t{cells}" for key, cells in self.runs]) + "\n"

    @staticmethod
    def parse(text: str) -> Table:
        return Table(tuple(tuple(line.split("\t", 1)) for line in text.splitlines() if "\t" in line and not line.startswith("#")))

    def band(self, kind: str, cell: str) -> str | None:
        """The band of ``cell`` (a pair or a character) under ``kind`` (``e``, ``E``, ``s``, ``S``), None if it has none.
        The first look-ups search the sorted runs by halves (a short issue builds nothing); a long issue's go to a
        table built once."""
        if self._searched[0] >= _SEARCHES:
            return self._table().get(kind + cell)
        self._searched[0] += 1
        return next((key[1:] for key, cells in self.runs if key[0] == kind and holds(cells, cell)), None)

    def _table(self) -> dict[str, str]:
        if not self._cells:
            n = {"e": 2, "s": 2, "E": 1, "S": 1}
            self._cells.update(
                (key[0] + cells[i : i + n[key[0]]], key[1:]) for key, cells in self.runs for i in range(0, len(cells), n[key[0]])
            )
        return self._cells

    def end(self, text: str) -> str:
        """The band of a line's end: its last pair's, else its last character's; ``-`` when it ends on no Han character."""
        if not text or not _han(text[-1]):
            return "-"
        pair = text[-2:] if len(text) > 1 and _han(text[-2]) else ""
        return (self.band("e", pair) if pair else None) or self.band("E", text[-1]) or "?"

    def start(self, text: str) -> str:
        """The band of a line's start: its first pair's, else its first character's; ``-`` when it starts on no Han character."""
        if not text or not _han(text[0]):
            return "-"
        pair = text[:2] if len(text) > 1 and _han(text[1]) else ""
        return (self.band("s", pair) if pair else None) or self.band("S", text[0]) or "?"


def build(paragraphs: Iterable[str]) -> Table:
    """The table of running text (``paragraphs``, in Simplified characters): per pair and character, how often a mark
    follows it and how often a mark or the paragraph's start comes before it. A pair is kept only where its band
    differs from its character's, which answers for it otherwise."""
    seen: dict[str, Counter] = {k: Counter() for k in ("e", "E", "s", "S", "n2", "n1")}
    for text in paragraphs:
        for i, c in enumerate(text):
            if not _han(c):
                continue
            seen["n1"][c] += 1
            after = text[i + 1] if i + 1 < len(text) else ""
            before = text[i - 1] if i else ""
            if i + 1 == len(text) or after in MARKS:
                seen["E"][c] += 1
            if not i or before in MARKS:
                seen["S"][c] += 1
            if i + 1 < len(text) and _han(after):
                pair = c + after
                seen["n2"][pair] += 1
                if i + 2 == len(text) or text[i + 2] in MARKS:
                    seen["e"][pair] += 1
                if not i or before in MARKS:
                    seen["s"][pair] += 1
    out: dict[str, list[str]] = {}
    chars = {c: n for c, n in seen["n1"].items() if n >= MIN_COUNT}
    for kind in ("E", "S"):
        for c, n in chars.items():
            out.setdefault(f"{kind}{_band(seen[kind][c] / n)}", []).append(c)
    own = {kind: {c: _band(seen[kind][c] / n) for c, n in chars.items()} for kind in ("E", "S")}
    for pair, n in seen["n2"].items():
        if n < MIN_COUNT:
            continue
        for kind, char in (("e", pair[1]), ("s", pair[0])):
            b = _band(seen[kind][pair] / n)
            if own[kind.upper()].get(char) != b:
                out.setdefault(f"{kind}{b}", []).append(pair)
    return Table(tuple((key, "".join(sorted(out[key]))) for key in sorted(out)))


@lru_cache(maxsize=1)
def shipped() -> Table:
    """The table in the package."""
    return Table.parse(files("rsbz_epub.data").joinpath(FILE).read_text(encoding="utf-8"))


_override: list[Table | None] = []


def current() -> Table | None:
    """The table the features read: one set by :func:`using` (a held-out measurement's, or none), else the package's."""
    return _override[-1] if _override else shipped()


@contextmanager
def using(table: Table | None) -> Iterator[None]:
    """Read the features with ``table`` (None: without these features) while inside."""
    _override.append(table)
    try:
        yield
    finally:
        _override.pop()


def _features(end: str, start: str, next_start: str | None, prev_end: str | None, width: str, next_gap: str | None) -> list[str]:
    """The model's features of a line from the bands of its end and start, the next line's start and the previous
    line's end (None: no such line on its page); its end with the next line's start, with how far it fills its column
    (``width``: a line cut where its column is full ends where it must, one that stops short where it chose) and with
    the blank lines under it (``next_gap``)."""
    nxt = "^" if next_start is None else next_start
    prev = "^" if prev_end is None else prev_end
    return [
        f"cend={end}", f"cstart={start}", f"+1:cstart={nxt}", f"-1:cend={prev}", f"cend|+1:cstart={end}|{nxt}",
        f"w|cend={width}|{end}", f"cend|+1:gap={end}|{'^' if next_gap is None else next_gap}",
    ]


def sequence_features(table: Table, keys: list[tuple[str, str, int, str, str]]) -> list[list[str]]:
    """The features of every line of an issue from its ``keys`` (per line: its text's last two and first two
    characters, in Simplified characters, its page, how far it fills its column and the blank lines above it, as
    ``linefeatures.clause_key`` gives them): what :func:`linefeatures.each_line_features` adds, for a held-out
    measurement that trains each model with a table of its own, and what the reader computes for a window of lines."""
    ends = [table.end(key[0]) for key in keys]
    starts = [table.start(key[1]) for key in keys]
    n = len(keys)
    out = []
    for k in range(n):
        below = k + 1 < n and keys[k + 1][2] == keys[k][2]
        above = k > 0 and keys[k - 1][2] == keys[k][2]
        out.append(_features(
            ends[k], starts[k], starts[k + 1] if below else None, ends[k - 1] if above else None, keys[k][3], keys[k + 1][4] if below else None,
        ))
    return out
