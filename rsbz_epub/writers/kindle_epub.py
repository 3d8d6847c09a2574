"""The Send-to-Kindle-safe EPUB: the main package, repaired and then proven safe.

Steps (kepubify style; each says whether it is mandatory and why):
1. ``_check_language`` — mandatory: Kindle picks its Chinese fonts from
   ``dc:language`` and rejects unknown tags, so only zh-CN / zh-TW / zh-HK pass.
2. ``_declare_encoding`` — mandatory: without ``encoding`` in the XML
   declaration the service assumes ISO-8859-1 and garbles Chinese.
3. ``_unlink_navigation`` / ``_unlink_doc`` — mandatory: links to a ``<body>`` id make E999.
4. ``_drop_empty_images`` — mandatory: an ``<img>`` without ``src`` makes E999.
5. ``epub_bytes`` — the ordinary EPUB 3 packaging (OPF, NCX, reproducible zip); steps 2–4
   rewrite each document as it is zipped, so no repaired copy of the whole book is held.
6. size limit and ``kindle_problems`` — mandatory: refuse rather than deliver
   a file the service would bounce (50 MB limit, ASCII names, spine = NCX order).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import BinaryIO

from rsbz_epub import regex_cache
from rsbz_epub.errors import OutputError
from rsbz_epub.render.book import Document, PageTarget, RenderedBook, TocEntry
from rsbz_epub.writers.epub import epub_bytes, write_to
from rsbz_epub.writers.kindle_check import KINDLE_LANGUAGES, KINDLE_MAX_BYTES, kindle_problems
from rsbz_epub.writers.layout import XML_DECLARATION, resolve, split_href

__all__ = ["KINDLE_LANGUAGES", "KINDLE_MAX_BYTES", "kindle_problems", "kindle_safe_book", "write_kindle_epub"]

_DECL = regex_cache.compile(r"^\ufeff?\s*<\?xml[^?]*\?>\s*")
_HAS_ENCODING = regex_cache.compile(r"\bencoding\s*=")
_BODY_ID = regex_cache.compile(r"<body\b[^>]*?\sid\s*=\s*[\"']([^\"']*)[\"']")
_HREF = regex_cache.compile(r"(\shref\s*=\s*)([\"'])([^\"']*)\2")
_IMG_NO_SRC = regex_cache.compile(r"<img\b(?![^>]*\ssrc\s*=\s*[\"'][^\"'\s])[^>]*>(?:\s*</img>)?")
_EXTERNAL = regex_cache.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def _check_language(book: RenderedBook) -> str:
    """The Kindle language tag in its canonical case, or OutputError."""
    for tag in KINDLE_LANGUAGES:
        if book.metadata.language.lower() == tag.lower():
            return tag
    raise OutputError(
        f"the Kindle EPUB needs dc:language {', '.join(KINDLE_LANGUAGES)}, not {book.metadata.language!r}",
        hint="render the book with the Kindle target (this is a bug if it came from rsbz-epub build)",
    )


def _declare_encoding(xhtml: str) -> str:
    """The document with exactly one ``<?xml … encoding="UTF-8"?>`` at the very start."""
    found = _DECL.match(xhtml)
    if found and _HAS_ENCODING.search(found.group(0)):
        return xhtml.lstrip("\ufeff")
    rest = xhtml[found.end():] if found else xhtml.lstrip("\ufeff")
    return XML_DECLARATION + rest


def _body_ids(book: RenderedBook) -> set[str]:
    """Book hrefs ``file#id`` that name a document's ``<body>``."""
    out = set()
    for doc in book.documents:
        found = _BODY_ID.search(doc.xhtml)
        if found:
            out.add(f"{doc.href}#{found.group(1)}")
    return out


def _unlink_doc(doc: Document, bodies: set[str]) -> str:
    """The document's text with links to a body id pointed at the file itself."""
    def fix(m: re.Match[str]) -> str:
        link = m.group(3)
        if _EXTERNAL.match(link) or resolve(doc.href, link) not in bodies:
            return m.group(0)
        path = split_href(link)[0] or doc.href.rsplit("/", 1)[-1]
        return f"{m.group(1)}{m.group(2)}{path}{m.group(2)}"

    return _HREF.sub(fix, doc.xhtml)


def _unlink_navigation(book: RenderedBook, bodies: set[str]) -> RenderedBook:
    """Point navigation entries (TOC, landmarks, page list) at a body id at the file itself."""
    def fix_href(href: str) -> str:
        return split_href(href)[0] if href in bodies else href

    def fix_toc(entries: tuple[TocEntry, ...]) -> tuple[TocEntry, ...]:
        return tuple(replace(e, href=fix_href(e.href), children=fix_toc(e.children)) for e in entries)

    return replace(
        book,
        toc=fix_toc(book.toc),
        landmarks=fix_toc(book.landmarks),
        page_list=tuple(PageTarget(p.label, fix_href(p.href)) for p in book.page_list),
    )


def _drop_empty_images(xhtml: str) -> str:
    """Remove ``<img>`` elements that have no usable ``src``."""
    return _IMG_NO_SRC.sub("", xhtml)


def _kindle_safe(book: RenderedBook) -> tuple[RenderedBook, Callable[[Document], str]]:
    """Steps 1–4: ``book`` with its metadata and navigation repaired, and the repair of one
    document's text (links to a body id, encoding declaration, empty images), applied as
    each document is zipped rather than to a copy of the whole book."""
    language = _check_language(book)
    bodies = _body_ids(book)
    if bodies:
        book = _unlink_navigation(book, bodies)

    def repair(doc: Document) -> str:
        xhtml = _unlink_doc(doc, bodies) if bodies else doc.xhtml
        return _drop_empty_images(_declare_encoding(xhtml))

    return replace(book, metadata=replace(book.metadata, language=language)), repair


def kindle_safe_book(book: RenderedBook) -> RenderedBook:
    """``book`` with every repairable Send-to-Kindle problem repaired (steps 1–4)."""
    safe, repair = _kindle_safe(book)
    return replace(safe, documents=tuple(replace(d, xhtml=repair(d)) for d in book.documents))


def write_kindle_epub(book: RenderedBook, out: BinaryIO, *, max_bytes: int = KINDLE_MAX_BYTES) -> None:
    """Write the Send-to-Kindle EPUB of ``book`` (rendered with the Kindle target) to ``out``."""
    safe, repair = _kindle_safe(book)
    data = epub_bytes(safe, content=repair)
    if len(data) > max_bytes:
        raise OutputError(
            f"the Kindle EPUB would be {len(data) / 1e6:.1f} MB, over Send to Kindle's {max_bytes / 1e6:.0f} MB limit",
            hint="shrink or drop large images",
        )
    problems = kindle_problems(data, max_bytes=max_bytes)
    if problems:
        raise OutputError(
            "the Kindle EPUB would be rejected by Send to Kindle: " + "; ".join(problems),
            hint="this is a bug in rendering; please report it",
        )
    write_to(out, data)
