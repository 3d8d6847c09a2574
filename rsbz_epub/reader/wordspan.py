"""Whether a dictionary word spans a line break: the column cut the word (个人 / 信息 is not one, 衰 / 退 is).

``rsbz_epub/data/words.txt`` (built by ``bench/build_wordpairs.py`` from jieba's dictionary) holds the
words of two to four Han characters, one sorted run per length, searched by halves: no table is built,
and the file is read only when a rule first asks. The few characters each side of the break are cut into
words by maximum matching, from the left and from the right; a word across the break in both cuts is
one the column split (经济发展衰 / 退交织: 衰退), where a line that ends a head and the text under it
meet on a word boundary (细化人才类别画像 / 构建多元…).
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from rsbz_epub.reader.wordpairs import holds

_SIDE = 4  # characters each side of the break: a word of four characters at most crosses it


@lru_cache(maxsize=1)
def _runs() -> dict[int, str]:
    """Each word length and its words, sorted and run together."""
    text = files("rsbz_epub.data").joinpath("words.txt").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        n, words = line.split("\t", 1)
        out[int(n)] = words
    return out


def is_word(text: str) -> bool:
    """Whether ``text`` is a word of the list (two to four Han characters)."""
    runs = _runs()
    return len(text) in runs and holds(runs[len(text)], text)


def _cuts(text: str, forward: bool) -> list[tuple[int, int]]:
    """``text`` cut into the longest words from the left (``forward``) or from the right; a character no word
    of four characters or fewer starts there is a word of one."""
    out, i, j = [], 0, len(text)
    while (i < len(text)) if forward else (j > 0):
        for n in (4, 3, 2, 1):
            piece = text[i : i + n] if forward else text[max(0, j - n) : j]
            if n == 1 or (len(piece) == n and is_word(piece)):
                span = (i, i + n) if forward else (j - n, j)
                out.append(span)
                i, j = (i + n, j) if forward else (i, j - n)
                break
    return out


def spans_break(left: str, right: str) -> bool:
    """Whether a word runs across the break between the line ``left`` and the line ``right`` under it, cut both ways."""
    a, b = left.rstrip()[-_SIDE:], right.lstrip()[:_SIDE]
    if not a or not b:
        return False
    text, cut = a + b, len(a)
    return all(any(s < cut < e for s, e in _cuts(text, forward)) for forward in (True, False))
