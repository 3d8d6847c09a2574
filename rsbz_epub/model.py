"""The intermediate representation: one newspaper issue as plain frozen dataclasses.

Text is always plain ``str`` (never markup).  Every node keeps the 1-based line
number of the input it came from so ``check`` can point staff at the source.
Readers build an :class:`Issue`; transforms map ``Issue -> Issue``; writers
only read it.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Literal, Union

Severity = Literal["warning", "info"]


@dataclass(frozen=True)
class Diagnostic:
    """A warning as data: a stable code, a message for staff, and the input line."""

    code: str
    message: str
    line: int | None = None
    severity: Severity = "warning"


# ---------------------------------------------------------------- blocks


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph; ``joins`` lists input lines where a print break was rejoined."""

    text: str
    line: int
    joins: tuple[int, ...] = ()


@dataclass(frozen=True)
class Subheading:
    """A numbered or forced subheading inside an article (rendered as ``h2``/``h3``)."""

    text: str
    line: int
    level: int = 2


@dataclass(frozen=True)
class Caption:
    """A photo caption such as ``图为……``."""

    text: str
    line: int


@dataclass(frozen=True)
class Aside:
    """A boxed item, promo or 编者按 set apart from the running text."""

    title: str | None
    paragraphs: tuple[str, ...]
    line: int
    kind: Literal["box", "promo", "editor-note"] = "box"


@dataclass(frozen=True)
class PageJump:
    """A print jump marker kept in the text.

    ``direction`` is ``"continued-on"`` for ``(下接三版)`` and ``"continued-from"`` for
    ``(上接一版)``.  ``page`` is the target 版 label as printed, normalised to
    Arabic (``"3"``, ``"A3"``).  ``target`` is the id of the article holding the
    other half when it is in this issue (set by ``--keep-print-order``), else
    ``None`` — then the writer shows a visible note.
    """

    direction: Literal["continued-on", "continued-from"]
    page: str
    text: str
    line: int
    target: str | None = None


@dataclass(frozen=True)
class PageBreak:
    """Where print page ``label`` begins inside a stitched article."""

    label: str
    line: int


Block = Union[Paragraph, Subheading, Caption, Aside, PageJump, PageBreak]


# ---------------------------------------------------------------- structure


@dataclass(frozen=True)
class Article:
    """One article: header parts plus body blocks in reading order."""

    id: str
    title: str
    line: int
    kicker: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    blocks: tuple[Block, ...] = ()
    kind: Literal["article", "promo", "editor-note"] = "article"


@dataclass(frozen=True)
class Page:
    """One print page (版).

    ``label`` is the printed folio normalised to Arabic digits (``"3"``, ``"A3"``).
    ``marked`` is False when the text carried no page marker and the page was
    inferred (a single-page dump starting with the masthead is page 1).
    """

    label: str
    articles: tuple[Article, ...]
    line: int
    name: str | None = None
    marked: bool = True


@dataclass(frozen=True)
class IssueMeta:
    """What the masthead (and the publication config) say about this issue."""

    paper: str
    paper_latin: str | None = None
    date: _dt.date | None = None
    issue_number: int | None = None
    total_issue_number: int | None = None
    weekday: str | None = None
    publisher: str | None = None
    supervisor: str | None = None
    publication_slug: str = "rsbz"
    language: str = "zh-Hans"
    edition: str = "hans"
    issn: str | None = None
    cn_number: str | None = None
    source_lines: tuple[int, ...] = ()
    #: Set (from the input's SHA-256) only when the masthead names no date, so undated
    #: issues get folder names and identifiers of their own instead of one shared one.
    #: (Left out of the IR dump while unset, so dumps of dated issues do not change.)
    source_digest: str | None = field(default=None, metadata={"dump_when_set": True})


@dataclass(frozen=True)
class Issue:
    """A whole issue: metadata, pages in print order, and reader/transform warnings."""

    meta: IssueMeta
    pages: tuple[Page, ...]
    diagnostics: tuple[Diagnostic, ...] = field(default_factory=tuple)

    def articles(self) -> tuple[Article, ...]:
        """All articles in reading order."""
        return tuple(a for p in self.pages for a in p.articles)
