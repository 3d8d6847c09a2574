"""Build ``rsbz_epub/data/wordpairs.txt`` (the character pairs that occur inside Chinese words) and
``rsbz_epub/data/words.txt`` (the words themselves, of two to four characters).

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
WORDS_OUT = ROOT / "rsbz_epub" / "data" / "words.txt"
#: The words kept in ``words.txt``: two to four Han characters, counted this many times or more in jieba's corpus
#: (123,107 words). A rule asks whether a word spans a line break (``reader/wordspan.py``); with every word of the
#: dictionary it rejoined 8 more breaks of the real corpus, leave one paper out, and lost 2 parts, for three times the file.
WORD_FREQ = 5
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


def build_words(dictionary: Path) -> str:
    """The dictionary's words of two to four Han characters counted ``WORD_FREQ`` times or more: one line per length,
    ``length<TAB>`` and the words sorted and run together (each is ``length`` characters, so a look-up halves the run)."""
    by_length: dict[int, set[str]] = {2: set(), 3: set(), 4: set()}
    for line in dictionary.read_text(encoding="utf-8").splitlines():
        word, freq, *_ = line.split()
        if len(word) in by_length and int(freq) >= WORD_FREQ and all(_han(c) for c in word):
            by_length[len(word)].add(word)
    lines = ["# words of two to four Han characters in jieba's dictionary: length<TAB>words run together (bench/build_wordpairs.py)"]
    lines += [f"{n}\t{''.join(sorted(words))}" for n, words in by_length.items()]
    return "\n".join(lines) + "\n"


def main() -> int:
    import jieba

    dictionary = Path(jieba.__file__).parent / "dict.txt"
    for out, text in ((OUT, build(dictionary)), (WORDS_OUT, build_words(dictionary))):
        out.write_text(text, encoding="utf-8")
        print(f"{out}: {out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
