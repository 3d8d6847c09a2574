"""Where our Traditional conversion differs from plain OpenCC, and the rule that decided it (for ``check``)."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass

from rsbz_epub.model import Aside, Issue, Paragraph, Subheading, Caption, PageJump
from rsbz_epub.transforms.chinese import issue_names, opencc_config
from rsbz_epub.transforms.opencc_batch import opencc_many
from rsbz_epub.transforms.wordwise import Converted, convert_wordwise

__all__ = ["Difference", "differences"]

_CONTEXT = 4


@dataclass(frozen=True)
class Difference:
    """One run of characters where our conversion and plain OpenCC disagree."""

    line: int | None
    context: str  # the Simplified source around it
    source: str
    plain: str
    ours: str
    rule: str


def _located_strings(issue: Issue) -> Iterator[tuple[int | None, str]]:
    """Every visible string of the issue with the input line it comes from (None for masthead fields)."""
    meta = issue.meta
    for value in (meta.paper, meta.weekday, meta.publisher, meta.supervisor):
        if value:
            yield None, value
    for article in issue.articles():
        for value in (article.title, article.kicker, article.subtitle, article.byline):
            if value:
                yield article.line, value
        for block in article.blocks:
            match block:
                case Paragraph() | Subheading() | Caption() | PageJump():
                    yield block.line, block.text
                case Aside():
                    for value in (block.title, *block.paragraphs):
                        if value:
                            yield block.line, value


def _runs(conv: Converted, plain: str) -> Iterator[tuple[int, int, str, str]]:
    """(source start, source end, plain text, our text) for each run where the two outputs differ."""
    owner: list[int] = []  # output index → source index
    for i, part in enumerate(conv.parts):
        owner += [i] * len(part)
    ours = conv.text
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ours, plain, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        start = owner[i1] if i1 < len(owner) else len(conv.source)
        end = owner[i2 - 1] + 1 if i2 > i1 else start
        yield start, end, plain[j1:j2], ours[i1:i2]


def differences(issue: Issue, edition: str) -> list[Difference]:
    """Every place where the edition's conversion of ``issue`` differs from plain OpenCC, in reading order."""
    config = opencc_config(edition)
    if config is None:
        return []
    located = [(line, text) for line, text in _located_strings(issue) if "\x00" not in text]
    texts = list(dict.fromkeys(text for _, text in located))
    converted = dict(zip(texts, convert_wordwise(texts, config, edition, issue_names(issue))))
    plain = dict(zip(texts, opencc_many(texts, config)))
    found: list[Difference] = []
    seen: set[tuple[int | None, str]] = set()
    for line, text in located:
        if (line, text) in seen:
            continue
        seen.add((line, text))
        conv = converted[text]
        if conv.text == plain[text]:
            continue
        for start, end, was, now in _runs(conv, plain[text]):
            context = text[max(0, start - _CONTEXT) : end + _CONTEXT]
            rule = conv.rules[min(start, len(conv.rules) - 1)]
            found.append(Difference(line, context, text[start:end], was, now, rule))
    return found
