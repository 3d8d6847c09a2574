"""The context model: which Traditional form a one-to-many Simplified character takes, given its neighbours.

OpenCC maps a Simplified character with several Traditional forms (饥 → 飢/饑,
只 → 只/隻, 里 → 裏/里) to one of them unless a phrase of its table covers it.
The model (rsbz_epub/data/context.tsv) was counted from human-written Traditional
text converted back to Simplified (bench/context/build_context.py, which names
its sources and thresholds): for a context of the character — the 2- or
3-character span around it — the form that text used, kept only where one form
clearly dominates (``?`` where the text is split: then nothing is decided).

Lookup, most specific first: the segmenter's word containing the character (when
two or three characters long), the centred trigram, the trigrams to its left and
right, the bigrams — never a span that cuts a neighbouring word.  The first
context the model knows decides; a split one decides "keep OpenCC's form".  Every form the model can give is one of
OpenCC's own candidates for the character (STCharacters), so the model only
chooses among what OpenCC could have written.

The Hong Kong edition has its own model, rsbz_epub/data/context-hk.tsv: Hong Kong
usage counted from the same text, which also overrules the form an OpenCC phrase
chose where the deciding span covers that phrase (its header line
``!	overrules-phrases``): Hong Kong writes 宣布, 盡快, 每周 where OpenCC's phrases
write 宣佈, 儘快, 每週; 必须 does not overrule the phrase 须发 of 必|须发.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rsbz_epub.transforms.segmenter import HAN as _HAN

__all__ = ["ContextModel", "Decision", "context_keys", "context_model", "parse_model"]

#: The decision of a context whose forms are split: OpenCC's form stays.
UNDECIDED = "?"
#: The model file's option: its decisions overrule the forms OpenCC's phrases chose.
OVERRULES_PHRASES = "overrules-phrases"
#: The OpenCC configs with a model of their own (the others use context.tsv).
MODEL_FILES = {"s2hk": "context-hk.tsv"}


@dataclass(frozen=True)
class Decision:
    """What the model says of one character: the form, and the evidence for the review listing."""

    context: str  # the Simplified span that decided
    form: str  # a Traditional form (OpenCC standard glyph) or UNDECIDED
    count: int  # occurrences of ``form`` in that context in the training text
    total: int  # occurrences of the context
    start: int = 0  # where the span begins in the text decided

    def covers(self, start: int, end: int) -> bool:
        """Whether the span that decided covers ``start:end`` (an OpenCC phrase it may overrule)."""
        return self.start <= start and end <= self.start + len(self.context)

    @property
    def rule(self) -> str:
        return f"context {self.context}: {self.form} (n={self.count} of {self.total})"


def context_keys(
    text: str, i: int, word: tuple[int, int] | None = None, bounds: frozenset[int] | None = None
) -> Iterator[str]:
    """The keys of ``text[i]``'s contexts, most specific first: its word, then trigrams, then bigrams.

    A key is the offset of the character in the span, then the span: ``0饥荒``,
    ``1每只``.  Only spans of ideographs count; ``word`` is a (start, end) span.
    With ``bounds`` (the word boundaries of ``text``), a span that cuts a
    neighbouring word is skipped: 网罗|里 is not read as 罗里, a name's bigram.
    """
    spans = [(i - 1, i + 2), (i - 2, i + 1), (i, i + 3), (i - 1, i + 1), (i, i + 2)]
    if word is not None and 2 <= word[1] - word[0] <= 3 and word[0] <= i < word[1]:
        spans.insert(0, word)
    start, end = word if word is not None else (i, i + 1)
    seen = set()
    for a, b in spans:
        if a < 0 or b > len(text) or (a, b) in seen:
            continue
        if bounds is not None and ((a < start and a not in bounds) or (b > end and b not in bounds)):
            continue
        seen.add((a, b))
        span = text[a:b]
        if all(_HAN.match(c) for c in span):
            yield f"{i - a}{span}"


@dataclass(frozen=True, eq=False)  # hashed by identity: one table, read once
class ContextModel:
    """The model's table: its characters with their OpenCC candidates, and the decided contexts."""

    candidates: dict[str, str]  # Simplified character → its OpenCC forms, concatenated
    contexts: dict[str, tuple[str, int, int]]  # key → (form or UNDECIDED, count, total)
    overrules_phrases: bool = False  # its decisions overrule the forms OpenCC's phrases chose

    def decide(
        self, text: str, i: int, word: tuple[int, int] | None = None, bounds: frozenset[int] | None = None,
        covering: tuple[int, int] | None = None,
    ) -> Decision | None:
        """The decision of the first context of ``text[i]`` the model knows (with ``covering``, the first
        whose span covers that one: an OpenCC phrase the decision may overrule), or None."""
        for key in context_keys(text, i, word, bounds):
            found = self.contexts.get(key)
            if found is not None:
                decision = Decision(key[1:], *found, start=i - int(key[0]))
                if covering is None or decision.covers(*covering):
                    return decision
        return None

    @property
    def pattern(self) -> re.Pattern[str]:
        """A character class of the characters the model decides (built once per model)."""
        return _pattern(self)


@lru_cache(maxsize=4)
def _pattern(model: ContextModel) -> re.Pattern[str]:
    chars = "".join(sorted(model.candidates))
    return re.compile(f"[{chars}]" if chars else "(?!)")


def parse_model(text: str) -> ContextModel:
    """Read the model's TSV: ``=`` lines give a character's candidates, ``!`` lines an option, the others a context's decision."""
    candidates: dict[str, str] = {}
    contexts: dict[str, tuple[str, int, int]] = {}
    options: set[str] = set()
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        key, form, *counts = line.split("\t")
        if key == "=":
            candidates[form] = counts[0]
        elif key == "!":
            options.add(form)
        else:
            contexts[key] = (form, int(counts[0]), int(counts[1]))
    return ContextModel(candidates, contexts, OVERRULES_PHRASES in options)


def context_model(config: str = "s2t") -> ContextModel:
    """The shipped model of OpenCC ``config``: rsbz_epub/data/context.tsv, or its own file in MODEL_FILES."""
    return _shipped(MODEL_FILES.get(config, "context.tsv"))


@lru_cache(maxsize=2)
def _shipped(name: str) -> ContextModel:
    """A model file of rsbz_epub/data, read once (an empty model when absent)."""
    path = resources.files("rsbz_epub.data").joinpath(name)
    return parse_model(path.read_text(encoding="utf-8")) if path.is_file() else ContextModel({}, {})
