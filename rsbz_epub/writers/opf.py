"""The OPF package document: metadata, manifest, spine (and a legacy guide)."""

from __future__ import annotations

import datetime as _dt

from lxml import etree

from rsbz_epub.render.book import RenderedBook
from rsbz_epub.writers.layout import NCX_ID, NCX_NAME, XML_DECLARATION, is_nav, spine_documents

OPF_NS = "http://www.idpf.org/2007/opf"
DC_NS = "http://purl.org/dc/elements/1.1/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_NSMAP = {None: OPF_NS, "dc": DC_NS}

DEFAULT_SUMMARY = (
    "本书为报纸一期的文字版，按版面与阅读顺序编排，提供目录、各版页码导航和印刷版页码标记；"
    "正文可调整字号与排版，无已知的可访问性危害。"
)
# Landmark epub:type → EPUB 2 guide type (Kindle still reads the guide for its cover/start menu).
_GUIDE_TYPES = {"cover": "cover", "toc": "toc", "bodymatter": "text"}


def modified_stamp(when: _dt.datetime) -> str:
    """``dcterms:modified`` as EPUB wants it: UTC ``CCYY-MM-DDThh:mm:ssZ``."""
    if when.tzinfo is not None:
        when = when.astimezone(_dt.timezone.utc)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _el(parent: etree._Element, tag: str, text: str | None = None, ns: str = OPF_NS, **attrs: str) -> etree._Element:
    """Append a child element in ``ns`` with text and attributes."""
    node = etree.SubElement(parent, f"{{{ns}}}{tag}", {k.replace("_", "-"): v for k, v in attrs.items()})
    if text is not None:
        node.text = text
    return node


def _meta(parent: etree._Element, prop: str, text: str, **attrs: str) -> etree._Element:
    """An EPUB 3 ``<meta property=…>``."""
    return _el(parent, "meta", text, property=prop, **attrs)


def _has_extra_images(book: RenderedBook) -> bool:
    """True when the book holds images other than the cover (accessMode visual)."""
    return any(r.media_type.startswith("image/") and r.id != book.cover_image for r in book.resources)


def _metadata(root: etree._Element, book: RenderedBook) -> None:
    """The Dublin Core, series, accessibility and reader-specific metadata."""
    m = book.metadata
    md = _el(root, "metadata")
    _el(md, "identifier", m.identifier, ns=DC_NS, id="uid")
    _el(md, "title", m.title, ns=DC_NS, id="title")
    _meta(md, "title-type", "main", refines="#title")
    _el(md, "language", m.language, ns=DC_NS)
    if m.creator:
        _el(md, "creator", m.creator, ns=DC_NS, id="creator")
    if m.date is not None:
        _el(md, "date", m.date.isoformat(), ns=DC_NS)
    if m.publisher:
        _el(md, "publisher", m.publisher, ns=DC_NS)
    _el(md, "source", m.source, ns=DC_NS, id="source")
    if book.page_list:
        # EPUB 3 way of saying the page breaks come from this print edition.
        _meta(md, "source-of", "pagination", refines="#source")
    _el(md, "description", m.description, ns=DC_NS)
    for subject in m.subjects:
        _el(md, "subject", subject, ns=DC_NS)
    _meta(md, "dcterms:modified", modified_stamp(m.modified))
    if m.edition_note:
        _meta(md, "schema:bookEdition", m.edition_note)
    _series(md, book)
    _accessibility(md, book)
    if book.cover_image is not None:
        # EPUB 2 cover pointer: older Kobo firmware and Kindle conversion look for it.
        _el(md, "meta", name="cover", content=book.cover_image)
    if m.vertical:
        _el(md, "meta", name="primary-writing-mode", content="vertical-rl")


def _series(md: etree._Element, book: RenderedBook) -> None:
    """EPUB 3 collection metadata plus calibre's EPUB 2-style series pair."""
    m = book.metadata
    _meta(md, "belongs-to-collection", m.series, id="series")
    _meta(md, "collection-type", "series", refines="#series")
    if m.series_index is not None:
        _meta(md, "group-position", str(m.series_index), refines="#series")
    if m.issn:
        _meta(md, "dcterms:identifier", f"urn:issn:{m.issn}", refines="#series")
    _el(md, "meta", name="calibre:series", content=m.series)
    if m.series_index is not None:
        # PocketBook wants the index after the series (calibre opf2.py).
        _el(md, "meta", name="calibre:series_index", content=str(m.series_index))


def _accessibility(md: etree._Element, book: RenderedBook) -> None:
    """EPUB Accessibility 1.1 discovery metadata."""
    _meta(md, "schema:accessMode", "textual")
    if _has_extra_images(book):
        _meta(md, "schema:accessMode", "visual")
    _meta(md, "schema:accessModeSufficient", "textual")
    features = ["tableOfContents", "readingOrder", "structuralNavigation"]
    if book.page_list:
        features += ["pageNavigation", "pageBreakMarkers"]
    if _has_extra_images(book):
        features.append("alternativeText")
    features += ["displayTransformability", "unlocked"]
    for feature in features:
        _meta(md, "schema:accessibilityFeature", feature)
    _meta(md, "schema:accessibilityHazard", "none")
    _meta(md, "schema:accessibilitySummary", book.metadata.accessibility_summary or DEFAULT_SUMMARY)
    if book.page_list:
        # The W3C page-source draft term; EPUBCheck 5.3 knows it without a prefix (a11y: is refused).
        _meta(md, "pageBreakSource", book.metadata.source)
    # No dcterms:conformsTo / a11y:certifiedBy: nobody evaluated this book against
    # WCAG and a certifier must be a party that did.  What was checked, and by
    # what, is said in the accessibility summary instead (render/metadata.py).


def _manifest(root: etree._Element, book: RenderedBook) -> None:
    """Every file but mimetype, container.xml and the OPF itself."""
    man = _el(root, "manifest")
    _el(man, "item", id=NCX_ID, href=NCX_NAME, media_type="application/x-dtbncx+xml")
    for doc in book.documents:
        props = list(doc.properties)
        if is_nav(doc) and "nav" not in props:
            props.append("nav")
        # EPUBCheck requires the property whenever inline SVG is present.
        if "<svg" in doc.xhtml and "svg" not in props:
            props.append("svg")
        attrs = {"id": doc.id, "href": doc.href, "media_type": "application/xhtml+xml"}
        if props:
            attrs["properties"] = " ".join(props)
        _el(man, "item", **attrs)
    for res in book.resources:
        props = list(res.properties)
        if res.id == book.cover_image and "cover-image" not in props:
            props.append("cover-image")
        attrs = {"id": res.id, "href": res.href, "media_type": res.media_type}
        if props:
            attrs["properties"] = " ".join(props)
        _el(man, "item", **attrs)


def _spine(root: etree._Element, book: RenderedBook) -> None:
    """Reading order, cover first; NCX referenced for EPUB 2 readers."""
    attrs = {"toc": NCX_ID}
    if book.metadata.vertical:
        attrs["page_progression_direction"] = "rtl"
    spine = _el(root, "spine", **attrs)
    for doc in spine_documents(book):
        if doc.linear:
            _el(spine, "itemref", idref=doc.id)
        else:
            _el(spine, "itemref", idref=doc.id, linear="no")


def _guide(root: etree._Element, book: RenderedBook) -> None:
    """EPUB 2 guide mirroring the landmarks Kindle understands."""
    refs = [
        (_GUIDE_TYPES[kind], entry)
        for entry, kind in zip(book.landmarks, book.landmark_types)
        if kind in _GUIDE_TYPES
    ]
    if not refs:
        return
    guide = _el(root, "guide")
    for kind, entry in refs:
        _el(guide, "reference", type=kind, title=entry.label, href=entry.href)


def package_document(book: RenderedBook) -> bytes:
    """The complete ``content.opf`` (UTF-8, with XML declaration)."""
    root = etree.Element(
        f"{{{OPF_NS}}}package",
        {"version": "3.0", "unique-identifier": "uid", XML_LANG: book.metadata.language},
        nsmap=_NSMAP,
    )
    _metadata(root, book)
    _manifest(root, book)
    _spine(root, book)
    _guide(root, book)
    body = etree.tostring(root, encoding="unicode", pretty_print=True)
    return (XML_DECLARATION + body).encode("utf-8")
