"""Helpers for the renderer tests: parse documents, resolve links, collect text."""

from __future__ import annotations

import posixpath

from lxml import etree

from rsbz_epub.render.book import RenderedBook

XHTML = "http://www.w3.org/1999/xhtml"
EPUB = "http://www.idpf.org/2007/ops"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NS = {"x": XHTML, "epub": EPUB}


def parse(xhtml: str) -> etree._Element:
    """Parse a document strictly as XML (any well-formedness error raises)."""
    return etree.fromstring(xhtml.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))


def trees(book: RenderedBook) -> dict[str, etree._Element]:
    """Every document of the book, parsed, by href."""
    return {d.href: parse(d.xhtml) for d in book.documents}


def resolve(doc_href: str, href: str) -> tuple[str, str | None]:
    """(package-relative file, fragment) that ``href`` inside ``doc_href`` points at."""
    path, _, fragment = href.partition("#")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(doc_href), path)) if path else doc_href
    return target, fragment or None


def ids(tree: etree._Element) -> list[str]:
    """Every id attribute value in a document."""
    return [e.get("id") for e in tree.iter() if isinstance(e.tag, str) and e.get("id") is not None]


def text_of(element: etree._Element) -> str:
    """All text inside ``element``."""
    return "".join(element.itertext())
