"""Simplified → Traditional conversion of the IR with OpenCC (s2t, s2tw, s2hk, s2twp), word by word.

OpenCC runs inside word boundaries found by a segmenter, names keep their surname
forms, and a per-edition correction table overrules known errors: see
:mod:`rsbz_epub.transforms.wordwise`.  Then the publication's user dictionary
(which wins over all of it) and quotation marks.

What OpenCC already does right, verified by the tests: it changes nothing but
CJK ideographs (every other code point passes through every config), so Latin
runs, digits, e-mail addresses, URLs and the pinyin masthead are untouched
without any protection of ours.  What it gets wrong and is guarded here: the
s2tw/s2hk/s2twp chains truncate a string at a NUL character.

Conversion runs once per issue: every distinct string of the IR is collected
and its words sent to OpenCC in one call, joined by a separator no dictionary
key contains, then split again — identical to converting each string on its
own (tested), without thousands of small calls.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from rsbz_epub.model import Article, Aside, Block, Caption, Issue, PageJump, Paragraph, Subheading
from rsbz_epub.options import EDITIONS, Publication
from rsbz_epub.transforms.names import byline_names
from rsbz_epub.transforms.opencc_batch import converter as _converter
from rsbz_epub.transforms.quotes import convert_quotes
from rsbz_epub.transforms.wordwise import convert_wordwise

__all__ = ["convert_issue", "convert_text", "convert_many", "issue_names", "localize", "opencc_config", "visible_strings"]



def opencc_config(edition: str) -> str | None:
    """The OpenCC config of an edition (``None`` for ``hans``); ValueError for an unknown one."""
    try:
        return EDITIONS[edition][0]
    except KeyError:
        raise ValueError(f"unknown edition {edition!r}; expected one of {', '.join(EDITIONS)}") from None


def _split_protected(text: str) -> list[tuple[str, bool]]:
    """``text`` as (piece, convert?) pairs: NUL runs are kept out of OpenCC's way."""
    if "\x00" not in text:
        return [(text, True)]
    return [(piece, not piece.startswith("\x00")) for piece in re.split("(\x00+)", text) if piece]


_Layer = tuple[re.Pattern[str], dict[str, str]]


def _dictionary(edition: str, publication: Publication | None, config: str) -> list[_Layer]:
    """The publication's user dictionary for an edition: the "*" layer first, then the edition's."""
    if publication is None:
        return []
    table = publication.user_dictionary
    layers = (_layer(tuple(layer.items()), config) for layer in (table.get("*"), table.get(edition)) if layer)
    return [layer for layer in layers if layer[1]]


@lru_cache(maxsize=64)
def _layer(entries: tuple[tuple[str, str], ...], config: str) -> _Layer:
    """A longest-first alternation over a dictionary layer's keys, and its lookup table.

    A key may be written in Simplified or in Traditional: both the key and its
    OpenCC conversion are matched in the converted text.
    """
    lookup: dict[str, str] = {}
    for key, value in entries:
        if key:
            lookup.setdefault(key, value)
            lookup.setdefault(_converter(config).convert(key), value)
    keys = sorted(lookup, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, keys))), lookup


def _apply_dictionary(text: str, layers: Sequence[_Layer]) -> str:
    """Apply each dictionary layer in one left-to-right pass (no replacement is re-replaced)."""
    for pattern, lookup in layers:
        text = pattern.sub(lambda m: lookup[m.group()], text)
    return text


def convert_many(
    texts: Sequence[str],
    edition: str,
    *,
    publication: Publication | None = None,
    keep_quotes: bool = False,
    names: frozenset[str] = frozenset(),
) -> list[str]:
    """Convert many strings for an edition with one OpenCC call: words, names, corrections, user dictionary, quotes.

    ``names`` are person names known from the issue's bylines (see :func:`issue_names`).
    """
    config = opencc_config(edition)
    if config is None:
        return list(texts)
    split = [_split_protected(t) for t in texts]
    todo = [piece for pieces in split for piece, convert in pieces if convert]
    converted = iter(c.text for c in convert_wordwise(todo, config, edition, names))
    layers = _dictionary(edition, publication, config)
    result: list[str] = []
    for pieces in split:
        parts = []
        for piece, convert in pieces:
            if convert:
                piece = next(converted)
                if layers:
                    piece = _apply_dictionary(piece, layers)
            parts.append(piece)
        text = "".join(parts)
        result.append(text if keep_quotes else convert_quotes(text))
    return result


def convert_text(
    text: str,
    edition: str,
    *,
    publication: Publication | None = None,
    keep_quotes: bool = False,
    names: frozenset[str] = frozenset(),
) -> str:
    """Convert one string for an edition (see :func:`convert_many`)."""
    return convert_many([text], edition, publication=publication, keep_quotes=keep_quotes, names=names)[0]


def issue_names(issue: Issue) -> frozenset[str]:
    """The person names of an issue's bylines (本报记者 游钧 → 游钧): converted as names everywhere."""
    return byline_names(article.byline for article in issue.articles())


@lru_cache(maxsize=4096)
def localize(text: str, edition: str) -> str:
    """A fixed UI string (本期目录, 第3版, 下接) in the edition's script: OpenCC only, cached."""
    config = opencc_config(edition)
    if config is None:
        return text
    return "".join(
        _converter(config).convert(piece) if convert else piece for piece, convert in _split_protected(text)
    )


# ---------------------------------------------------------------- IR traversal


def _map_block(block: Block, f: Callable[[str], str]) -> Block:
    """A block with its visible strings mapped through ``f``."""
    match block:
        case Paragraph() | Subheading() | Caption() | PageJump():
            return dataclasses.replace(block, text=f(block.text))
        case Aside():
            title = f(block.title) if block.title is not None else None
            return dataclasses.replace(block, title=title, paragraphs=tuple(f(p) for p in block.paragraphs))
        case _:
            return block  # PageBreak: a folio label ("3", "A3"), nothing to convert


def _map_article(article: Article, f: Callable[[str], str]) -> Article:
    """An article with title, kicker, subtitle, byline and blocks mapped through ``f``."""

    def opt(value: str | None) -> str | None:
        return f(value) if value is not None else None

    return dataclasses.replace(
        article,
        title=f(article.title),
        kicker=opt(article.kicker),
        subtitle=opt(article.subtitle),
        byline=opt(article.byline),
        blocks=tuple(_map_block(b, f) for b in article.blocks),
    )


def _map_issue(issue: Issue, f: Callable[[str], str]) -> Issue:
    """The issue with every reader-visible string mapped through ``f`` (not ids, labels, diagnostics)."""
    meta = issue.meta

    def opt(value: str | None) -> str | None:
        return f(value) if value is not None else None

    pages = tuple(
        dataclasses.replace(
            page,
            name=opt(page.name),
            articles=tuple(_map_article(a, f) for a in page.articles),
        )
        for page in issue.pages
    )
    new_meta = dataclasses.replace(
        meta,
        paper=f(meta.paper),
        weekday=opt(meta.weekday),
        publisher=opt(meta.publisher),
        supervisor=opt(meta.supervisor),
    )
    return dataclasses.replace(issue, meta=new_meta, pages=pages)


def visible_strings(issue: Issue) -> list[str]:
    """Every reader-visible string of the IR, in the order :func:`_map_issue` visits them."""
    meta = issue.meta
    found = [meta.paper, meta.weekday, meta.publisher, meta.supervisor]
    for page in issue.pages:
        found.append(page.name)
        for art in page.articles:
            found += (art.title, art.kicker, art.subtitle, art.byline)
            for block in art.blocks:
                match block:
                    case Paragraph() | Subheading() | Caption() | PageJump():
                        found.append(block.text)
                    case Aside():
                        found.append(block.title)
                        found += block.paragraphs
    return [text for text in found if text is not None]


def convert_issue(
    issue: Issue,
    edition: str,
    *,
    publication: Publication,
    keep_quotes: bool = False,
) -> Issue:
    """A new Issue in the edition's script, with meta.edition and meta.language set.

    Steps: collect every distinct visible string (one OpenCC call for all of
    them, see the module note); the byline names; OpenCC with the edition's
    config inside word boundaries, names, the edition's corrections; the
    publication's user dictionary ("*" then the edition's); quotation marks
    to 「」『』 unless ``keep_quotes``.  ``hans`` returns ``issue`` unchanged.
    """
    if opencc_config(edition) is None:
        return issue
    originals = list(dict.fromkeys(visible_strings(issue)))
    converted = convert_many(
        originals, edition, publication=publication, keep_quotes=keep_quotes, names=issue_names(issue)
    )
    table = dict(zip(originals, converted))
    result = _map_issue(issue, table.__getitem__)
    meta = dataclasses.replace(result.meta, edition=edition, language=EDITIONS[edition][1])
    return dataclasses.replace(result, meta=meta)

