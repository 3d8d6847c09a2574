"""Build ``rsbz_epub/data/wordpairs.txt``: the character pairs that occur inside Chinese words.

    .venv/bin/python bench/build_wordpairs.py

The line-role model asks whether a line break falls inside a word (消|费, 共同|体):
a break inside a word is a wrapped line, not the end of a paragraph or a title. The
evidence is jieba's dictionary (``jieba/dict.txt``, shipped in the jieba wheel, a
general word list with corpus frequencies; it owes nothing to the reader's corpus,
so leave-one-paper-out figures stay honest): every pair of adjacent Han characters
inside a word, with the frequency of the most frequent word that holds it, in three
bands. The file lists each band on one line (its pairs sorted, separated by spaces, which
is the quickest form to load), so the same dictionary gives the same bytes.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "rsbz_epub" / "data" / "wordpairs.txt"
#: (band, lowest word frequency): a pair is in the highest band its most frequent word reaches.
BANDS = (("3", 3000), ("2", 300), ("1", 20))


def _han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def build(dictionary: Path) -> str:
    best: dict[str, int] = {}
    for line in dictionary.read_text(encoding="utf-8").splitlines():
        word, freq, *_ = line.split()
        for a, b in zip(word, word[1:]):
            if _han(a) and _han(b):
                best[a + b] = max(best.get(a + b, 0), int(freq))
    lines = ["# pairs of Han characters inside jieba dictionary words: band<TAB>pair pair … (bench/build_wordpairs.py)"]
    for k, (band, low) in enumerate(BANDS):
        high = BANDS[k - 1][1] if k else None
        pairs = sorted(p for p, f in best.items() if f >= low and (high is None or f < high))
        lines.append(f"{band}\t{' '.join(pairs)}")
    return "\n".join(lines) + "\n"


def main() -> int:
    import jieba

    text = build(Path(jieba.__file__).parent / "dict.txt")
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT}: {OUT.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
