"""Where OpenCC's own phrases lie in a text: its maximum match over its phrase table, emulated.

OpenCC cuts the text by forward maximum match over STPhrases (the same table for
s2t, s2tw, s2hk and s2twp) and converts each phrase as a whole. The word-by-word
conversion needs those cuts, which the wheel's API does not return, to leave
OpenCC's phrases alone where they are right: a jieba "name" that is a phrase
(郁金香, 钟声) and a long phrase a word cut would break (不知所云, 夹心饼干).
The keys are rsbz_epub/data/opencc-phrases.txt, built from the wheel by
bench/build_phrases.py; loaded once, on first use.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

__all__ = ["is_opencc_phrase", "opencc_phrases"]


@lru_cache(maxsize=1)
def _table() -> tuple[frozenset[str], dict[str, tuple[int, ...]]]:
    """The phrase keys, and per first character the key lengths it starts, longest first."""
    text = resources.files("rsbz_epub.data").joinpath("opencc-phrases.txt").read_text(encoding="utf-8")
    keys = frozenset(line for line in text.split("\n")[1:] if line)
    lengths: dict[str, set[int]] = {}
    for key in keys:
        lengths.setdefault(key[0], set()).add(len(key))
    return keys, {c: tuple(sorted(n, reverse=True)) for c, n in lengths.items()}


def opencc_phrases(text: str) -> list[tuple[int, int]]:
    """(start, end) of each phrase OpenCC's maximum match takes in ``text`` (single characters left out)."""
    keys, lengths = _table()
    spans = []
    i = 0
    while i < len(text):
        step = 1
        for n in lengths.get(text[i], ()):
            if i + n <= len(text) and text[i : i + n] in keys:  # a slice past the end is shorter than n
                spans.append((i, i + n))
                step = n
                break
        i += step
    return spans


def is_opencc_phrase(text: str) -> bool:
    """Whether ``text`` is a phrase of OpenCC's table (钟声, 郁金香)."""
    return text in _table()[0]
