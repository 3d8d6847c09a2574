"""The OPDS 1.2 acquisition feed (Atom, RFC 4287): one entry per issue edition, newest first."""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from rsbz_epub.catalog.common import (
    ACQUIRE, ACQUISITION_FEED, CATALOG_JSON, CATALOG_XML, FORMAT_LABELS, IMAGE, INDEX_HTML, OPDS2, OPEN_ACCESS,
    THUMBNAIL, edition_label, entry_id, entry_title, feed_id, feed_title, feed_updated, href, ordered, stamp,
)
from rsbz_epub.catalog.records import CatalogIssue

ATOM = "http://www.w3.org/2005/Atom"
DC = "http://purl.org/dc/terms/"
OPDS = "http://opds-spec.org/2010/catalog"
SCHEMA = "http://schema.org/"
_NSMAP = {None: ATOM, "dc": DC, "opds": OPDS, "schema": SCHEMA}
EDITION_SCHEME = "urn:x-rsbz-epub:edition"


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, tag, {k.rstrip("_"): v for k, v in attrs.items()})
    if text is not None:
        el.text = text
    return el


def _a(name: str) -> str:
    return f"{{{ATOM}}}{name}"


def _entry(feed: etree._Element, doc: CatalogIssue) -> None:
    entry = _sub(feed, _a("entry"))
    _sub(entry, _a("id"), entry_id(doc))
    _sub(entry, _a("title"), entry_title(doc))
    _sub(entry, _a("updated"), stamp(doc.updated))
    if doc.publisher:
        author = _sub(entry, _a("author"))
        _sub(author, _a("name"), doc.publisher)
        _sub(entry, f"{{{DC}}}publisher", doc.publisher)
    if doc.date:
        _sub(entry, f"{{{DC}}}issued", doc.date.isoformat())
    if doc.language:
        _sub(entry, f"{{{DC}}}language", doc.language)
    _sub(entry, _a("category"), term=doc.edition, scheme=EDITION_SCHEME, label=edition_label(doc))
    if doc.paper and doc.series_position:
        # The run-wide position (total issue number, else year.NNN), as reading apps read series.
        _sub(entry, f"{{{SCHEMA}}}Series", **{f"{{{SCHEMA}}}name": doc.paper, f"{{{SCHEMA}}}position": doc.series_position})
    if doc.description:
        _sub(entry, _a("summary"), doc.description, type="text")
    # Atom wants <content> or an alternate link in every entry; both are given.
    _sub(entry, _a("content"), "\n".join(t for t in (entry_title(doc), doc.description) if t), type="text")
    _sub(entry, _a("link"), rel="alternate", href=f"{INDEX_HTML}#{doc.folder}", type="text/html")
    cover, thumb = doc.file("cover"), doc.file("thumbnail") or doc.file("cover")
    if cover:
        _sub(entry, _a("link"), rel=IMAGE, href=href(doc, cover), type=cover.media_type)
    if thumb:
        _sub(entry, _a("link"), rel=THUMBNAIL, href=href(doc, thumb), type=thumb.media_type)
    for fmt in ACQUIRE:
        f = doc.file(fmt)
        if f:
            _sub(entry, _a("link"), rel=OPEN_ACCESS, href=href(doc, f), type=f.media_type, length=str(f.size), title=FORMAT_LABELS[fmt])


def build_feed(issues: Sequence[CatalogIssue]) -> bytes:
    """The feed over the checked issues, newest first."""
    docs = ordered(issues)
    feed = etree.Element(_a("feed"), nsmap=_NSMAP)  # type: ignore[arg-type]
    _sub(feed, _a("id"), feed_id(docs))
    _sub(feed, _a("title"), feed_title(docs))
    _sub(feed, _a("updated"), feed_updated(docs))
    author = _sub(feed, _a("author"))
    _sub(author, _a("name"), "rsbz-epub")
    _sub(feed, _a("link"), rel="self", href=CATALOG_XML, type=ACQUISITION_FEED)
    _sub(feed, _a("link"), rel="start", href=CATALOG_XML, type=ACQUISITION_FEED)
    _sub(feed, _a("link"), rel="alternate", href=INDEX_HTML, type="text/html")
    _sub(feed, _a("link"), rel="alternate", href=CATALOG_JSON, type=OPDS2)
    for doc in docs:
        _entry(feed, doc)
    return etree.tostring(feed, xml_declaration=True, encoding="utf-8", pretty_print=True)
