"""A character its neighbouring word decides: a verb before its complement, a measure word after a numeral.

The word-by-word conversion keeps OpenCC's phrases inside jieba's words, so no
phrase matches across a word boundary (分配|制度 is not read as 配制, 并|成功 not
as 併成).  Four kinds of neighbours are the exception, because there the phrase
across the boundary *is* the grammar and jieba's cut is not:

- a one-character verb and its directional or resultative complement (卷|起来,
  被系|上来, 能系|住: a word jieba's dictionary does not know ends in a verb):
  OpenCC's phrase of the verb with the complement's first character (卷起 → 捲起,
  系上 → 繫上, 系住 → 繫住) says which verb it is, where the verb alone falls to
  the default form (卷, 系); a dictionary word before it is a noun or a whole
  verb (考卷|上 is "on the exam paper", not 捲上);
- a numeral and the measure word 只 that jieba glued to the next word (七|只好
  母牛, 每|只要献): after a numeral 只 is the measure word 隻 (七只 → 七隻), never
  the adverb of 只好, 只要;
- 余 after a number (1200|余家, 60|余万) is 餘, "more than", never the surname 余
  that a span of the Hong Kong context model knows (余家: a family name);
- 不准 before what it forbids (不准|他们, 不准|再, 不准|进去) is 准, to permit, as
  every Traditional standard writes it; OpenCC's phrase 不准 → 不準 is "not
  accurate", which is what it means after a one-character verb (说|不准, 看|不准)
  or before a particle (不准|了): there the neighbour is OpenCC's phrase itself.

A character a neighbour decides is not re-decided by the context model, whose
spans know the word (不准, 只好) but not the grammar around it.

Each gives the span whose OpenCC conversion decides the character (or the form
itself); the caller applies it only where the character got OpenCC's
one-character default (準 for 准), so a form one of OpenCC's phrases chose
inside the word stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from rsbz_epub.transforms.phrases import is_opencc_phrase
from rsbz_epub.transforms.segmenter import HAN, is_word, word_tag

__all__ = ["NUMBER", "Neighbour", "neighbours"]

#: A number word (十四, 一千, 每): OpenCC's phrases for a measure word after it (四只 → 四隻) must still apply.
NUMBER = re.compile(r"[〇零一二三四五六七八九十百千万亿两几每数0-9０-９]+")
#: Directional and resultative complements that are not also a noun's localizer (书卷|上) or a verb of
#: their own (念|到晚上): after a one-character verb they complete it (卷|起来, 系|上来, 系|住).
_COMPLEMENTS = frozenset(
    "起 起来 上来 上去 下来 下去 出 出来 出去 进 进来 进去 回 回来 回去 过 过来 过去 开 开来 住 走".split()
)
#: Measure words jieba glues to the next word after a numeral (七|只好: 只 is 隻, not the adverb 只).
_MEASURES = "只"

#: jieba tags of what cannot be the verb a prohibition 不准 governs: particles (了, 的, 吗), punctuation.
_NOT_GOVERNED = ("u", "y", "x", "e")


class Neighbour(NamedTuple):
    """A character a neighbouring word decides: OpenCC's form of it in ``start:end``, or ``form`` itself."""

    position: int
    start: int
    end: int
    rule: str
    form: str | None = None


def neighbours(words: Sequence[str]) -> Iterator[Neighbour]:
    """For consecutive words, each character whose form the span across their boundary decides."""
    pos = 0
    previous = ""
    for word, following in zip(words, words[1:]):
        end = pos + len(word)
        pair = word[-1] + following[0]
        if following in _COMPLEMENTS and _ends_in_verb(word) and is_opencc_phrase(pair):
            yield Neighbour(end - 1, end - 1, end + 1, f"verb and complement {word}|{following}: OpenCC phrase {pair}")
        elif following[0] in _MEASURES and len(following) > 1 and NUMBER.fullmatch(word) and is_opencc_phrase(pair):
            yield Neighbour(end, end - 1, end + 1, f"numeral and measure word {word}|{following}: OpenCC phrase {pair}")
        elif following[0] == "余" and NUMBER.fullmatch(word):
            yield Neighbour(end, end, end + 1, f"numeral and 余 {word}|{following}: 餘 (more than)", form="餘")
        elif word == "不准" and _governs(following) and not (previous and len(previous) == 1 and word_tag(previous) == "v"):
            yield Neighbour(end - 1, end - 1, end, f"prohibition 不准|{following}: 准 (to permit)", form="准")
        elif word == "不准":
            yield Neighbour(end - 1, end - 2, end, f"不准|{following}, no prohibition: OpenCC phrase 不准 (not accurate)")
        previous = word
        pos = end


def _ends_in_verb(word: str) -> bool:
    """Whether ``word`` is a one-character word, or a word jieba's dictionary does not know (its HMM glued
    被系, 能系) ending in a verb; a dictionary word (考卷, 多才) is a noun or a whole word of its own."""
    return len(word) == 1 or (not is_word(word) and word_tag(word[-1]) == "v")


def _governs(word: str) -> bool:
    """Whether ``word`` can begin what a prohibition governs (他们, 进去, 再): not a particle nor punctuation."""
    tag = word_tag(word)
    return bool(HAN.match(word)) if tag is None else not tag.startswith(_NOT_GOVERNED)
