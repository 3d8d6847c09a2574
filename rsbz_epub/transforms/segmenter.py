"""Chinese word segmentation for the Traditional editions: jieba, loaded once per process, on first use.

jieba was chosen by measurement (README, "Simplified → Traditional"): it ships its
dictionary in the PyPI wheel, while pkuseg / spacy-pkuseg download their models from
the network on first use, which a build machine or CI cannot do.  Nothing here is
imported by the Simplified edition, so a ``hans``-only build never loads a dictionary.
"""

from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache

__all__ = ["HAN", "segment", "subwords", "is_word", "is_dictionary_name", "person_name_tag", "word_tag"]

#: One Han character (CJK Unified Ideographs, Extension A, compatibility ideographs).
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LOCK = threading.Lock()
_CLAUSE = re.compile(r"[^，。！？；：、,.!?;:\s]+")
#: jieba's part-of-speech tags for person names (nr, nrfg, nrt).
_PERSON_TAGS = frozenset({"nr", "nrfg", "nrt"})


@lru_cache(maxsize=1)
def _tokenizer():  # type: ignore[no-untyped-def]
    """The jieba tokenizer with its dictionary loaded (about 0.6 s, once per process)."""
    with _LOCK:
        import jieba

        jieba.setLogLevel(logging.WARNING)  # jieba logs its loading to stderr at DEBUG
        tokenizer = jieba.Tokenizer()
        tokenizer.initialize()
        return tokenizer


@lru_cache(maxsize=1)
def _tagger():  # type: ignore[no-untyped-def]
    """jieba's part-of-speech tagger over the same dictionary (loaded only when a name is in doubt)."""
    import jieba.posseg

    return jieba.posseg.POSTokenizer(_tokenizer())


@lru_cache(maxsize=65536)
def segment(text: str) -> tuple[str, ...]:
    """``text`` cut into words (jieba's default mode, with its HMM for words not in the dictionary).

    Cached: the editions of one issue (tw, hk, twp) segment the same strings once.
    """
    return tuple(_tokenizer().lcut(text, HMM=True))


def person_name_tag(word: str, context: str) -> str | None:
    """jieba's tag for ``word`` when it tags it as a person name, else ``None``.

    A dictionary word has its dictionary tag; a word the HMM found (not in the
    dictionary) is tagged by the part-of-speech HMM inside its clause of ``context``.
    """
    tagger = _tagger()
    tag = tagger.word_tag_tab.get(word)
    if tag is None:
        clause = next((m.group() for m in _CLAUSE.finditer(context) if word in m.group()), word)
        tag = next((pair.flag for pair in tagger.lcut(clause) if pair.word == word), None)
    return tag if tag in _PERSON_TAGS else None


def word_tag(word: str) -> str | None:
    """jieba's dictionary part-of-speech tag of ``word`` (v, n, r, uj …), or None for a word it does not know."""
    return _tagger().word_tag_tab.get(word)


def is_dictionary_name(word: str) -> bool:
    """Whether jieba's dictionary tags ``word`` as a person name (白岩松); no tagging of unknown words."""
    return _tagger().word_tag_tab.get(word) in _PERSON_TAGS


def is_word(text: str) -> bool:
    """Whether ``text`` is a word of jieba's dictionary."""
    return _tokenizer().FREQ.get(text, 0) > 0


def subwords(word: str) -> list[str]:
    """A word cut into the dictionary words inside it (jieba's best route without the whole word).

    分配制度 → 分配|制度: OpenCC then converts 分配 and 制度, never 配制.
    """
    tokenizer = _tokenizer()
    dag = tokenizer.get_DAG(word)
    last = len(word) - 1
    dag[0] = [end for end in dag[0] if end != last] or [0]
    route: dict[int, tuple[float, int]] = {}
    tokenizer.calc(word, dag, route)
    parts, x = [], 0
    while x < len(word):
        y = route[x][1] + 1
        parts.append(word[x:y])
        x = y
    return parts
