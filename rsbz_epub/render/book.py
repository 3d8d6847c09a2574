"""A rendered book: the package-neutral result of rendering an Issue.

``render.xhtml`` builds one of these (all markup lives there); the container
writers (EPUB, Kindle EPUB, KEPUB, AZW3) only package it.  File names are
ASCII and relative to the package content folder (e.g. ``text/a-p1-01.xhtml``).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Literal

DocKind = Literal["cover", "contents", "article", "nav"]


@dataclass(frozen=True)
class Document:
    """One XHTML content document, complete (XML declaration included)."""

    id: str  # manifest id, ASCII, unique
    href: str  # ASCII path, e.g. "text/a-p1-01.xhtml"
    title: str
    xhtml: str
    kind: DocKind
    linear: bool = True
    properties: tuple[str, ...] = ()  # OPF item properties, e.g. ("svg",)


@dataclass(frozen=True)
class TocEntry:
    """A navigation entry; ``href`` may carry a fragment (``text/x.xhtml#id``)."""

    label: str
    href: str
    children: tuple["TocEntry", ...] = ()


@dataclass(frozen=True)
class PageTarget:
    """A print page (版) for the page-list / NCX pageList: label "3", target href#id."""

    label: str
    href: str


@dataclass(frozen=True)
class Resource:
    """A non-document file: stylesheet, image."""

    id: str
    href: str
    media_type: str
    data: bytes
    properties: tuple[str, ...] = ()  # e.g. ("cover-image",)


@dataclass(frozen=True)
class BookMetadata:
    """Everything the OPF / EXTH need to say about the book."""

    identifier: str  # "urn:uuid:..." stable per publication + issue + edition
    title: str
    language: str  # BCP 47 of the text, e.g. "zh-Hans" or "zh-CN" (Kindle profile)
    date: _dt.date | None
    modified: _dt.datetime  # UTC, for dcterms:modified and zip entry times
    publisher: str | None
    source: str  # the print edition, e.g. "人力资源社会保障 2021年10月21日 第40期（印刷版）"
    description: str
    series: str
    series_index: str | None  # position unique across the paper's run (identity.series_position)
    issn: str | None = None
    creator: str | None = None
    edition: str = "hans"
    edition_note: str | None = None  # e.g. "由简体中文版经 OpenCC s2tw 转换"
    subjects: tuple[str, ...] = ()
    accessibility_summary: str = ""
    vertical: bool = False  # page-progression-direction rtl + vertical-rl writing mode


@dataclass(frozen=True)
class RenderedBook:
    """The whole book, ready to package."""

    metadata: BookMetadata
    documents: tuple[Document, ...]  # spine order (nav document excluded from the spine if linear=False)
    resources: tuple[Resource, ...]  # stylesheets, cover image, other images
    toc: tuple[TocEntry, ...]  # 版 -> articles, or flat
    page_list: tuple[PageTarget, ...] = ()
    landmarks: tuple[TocEntry, ...] = ()  # label + href; the kind is in ``landmark_types``
    landmark_types: tuple[str, ...] = ()  # epub:type per landmark, e.g. ("cover", "toc", "bodymatter")
    cover_image: str | None = None  # Resource id of the cover image
    extra: dict[str, str] = field(default_factory=dict)
