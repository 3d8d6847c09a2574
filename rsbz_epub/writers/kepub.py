"""Kobo KEPUB writer: the EPUB package with kepubify-style content documents.

Steps for each content document (after pgaskin/kepubify ``kepub/transform.go``):
1. ``_add_spans`` — mandatory: every sentence (split on Chinese 。！？；… as well
   as Latin ends) and every image in ``<span class="koboSpan" id="kobo.P.S">``;
   Kobo's renderer counts pages, highlights and remembers positions by them.
2. ``_wrap_body`` — mandatory: body content inside ``div#book-columns >
   div#book-inner``, which Kobo's pagination styles expect.
3. ``_add_style`` — optional but customary: kepubify's small style block so the
   wrapper adds no margins.
The navigation document is left alone: it is never paged, and spans in its lists
would only get in the way of readers that parse it.
"""

from __future__ import annotations

import io
from dataclasses import replace
from typing import BinaryIO

from lxml import etree

from rsbz_epub.errors import OutputError
from rsbz_epub.render.book import Document, RenderedBook
from rsbz_epub.writers.epub import epub_bytes, write_to
from rsbz_epub.writers.layout import XML_DECLARATION, is_nav
from rsbz_epub.writers.sentences import split_sentences

XHTML = "http://www.w3.org/1999/xhtml"
_X = f"{{{XHTML}}}"
KOBO_STYLE = "div#book-inner { margin-top: 0; margin-bottom: 0; }"

# Elements whose text must not get spans: not rendered as prose, or span not allowed inside.
_SKIP = {"script", "style", "svg", "math", "textarea", "option", "title", "select"}
# A new kobo paragraph number starts at each of these (kepubify counts p, lists, headings).
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "td", "th", "figcaption", "caption", "blockquote", "pre"}
# HTML void elements; every other empty element is written <x></x> so HTML parsers agree.
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Spans:
    """Numbering state: ``kobo.<para>.<seg>``, unique within a document."""

    def __init__(self) -> None:
        self.para = 0
        self.seg = 0

    def new(self) -> etree._Element:
        """A fresh, numbered koboSpan."""
        self.seg += 1
        return etree.Element(f"{_X}span", {"class": "koboSpan", "id": f"kobo.{self.para}.{self.seg}"})


def _local(el: etree._Element) -> str:
    """Local name of an element ('' for comments and processing instructions, which are left alone)."""
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _sentence_spans(text: str | None, spans: _Spans) -> tuple[str | None, list[etree._Element]]:
    """Leading whitespace to keep as plain text, and one span per sentence of the rest."""
    if not text or not text.strip():
        return text, []
    body = text.lstrip()
    lead = text[: len(text) - len(body)] or None
    out = []
    for piece in split_sentences(body):
        span = spans.new()
        span.text = piece
        out.append(span)
    return lead, out


def _add_spans(el: etree._Element, spans: _Spans) -> None:
    """Wrap the sentences of ``el``'s text and of its children's tails, recursively."""
    name = _local(el)
    if not name or name in _SKIP or (name == "span" and el.get("class") == "koboSpan"):
        return
    if name in _BLOCKS:
        spans.para += 1
        spans.seg = 0
    children = list(el)
    el.text, head = _sentence_spans(el.text, spans)
    for i, span in enumerate(head):
        el.insert(i, span)
    for child in children:
        if _local(child) == "img":
            child = _wrap_image(child, spans)
        else:
            _add_spans(child, spans)
        child.tail, tail = _sentence_spans(child.tail, spans)
        # Inserted right after the child, so its (whitespace) tail stays before them.
        for span in reversed(tail):
            child.addnext(span)


def _wrap_image(img: etree._Element, spans: _Spans) -> etree._Element:
    """Put ``img`` inside a koboSpan (kepubify does, so images can be located); return the span."""
    wrapper = spans.new()
    img.addprevious(wrapper)
    wrapper.tail, img.tail = img.tail, None
    wrapper.append(img)
    return wrapper


def _wrap_body(body: etree._Element) -> None:
    """Move everything in ``<body>`` into ``div#book-columns > div#book-inner``."""
    columns = etree.Element(f"{_X}div", {"id": "book-columns"})
    inner = etree.SubElement(columns, f"{_X}div", {"id": "book-inner"})
    inner.text = body.text
    for child in list(body):
        inner.append(child)
    # No whitespace of our own: the body's text must stay exactly what it was.
    body.text = None
    body.append(columns)


def _add_style(head: etree._Element) -> None:
    """kepubify's ``kobostylehacks`` block at the end of ``<head>``."""
    style = etree.SubElement(head, f"{_X}style", {"type": "text/css", "class": "kobostylehacks"})
    style.text = KOBO_STYLE
    style.tail = "\n"


def _open_empty_elements(root: etree._Element) -> None:
    """Write empty non-void elements as ``<x></x>``: ``<span/>`` confuses HTML parsers."""
    for el in root.iter(f"{_X}*"):
        if el.text is None and len(el) == 0 and _local(el) not in _VOID:
            el.text = ""


def kepubify_xhtml(xhtml: str) -> str:
    """One content document, transformed (steps 1–3); its text content is unchanged."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)
    try:
        tree = etree.parse(io.BytesIO(xhtml.encode("utf-8")), parser)
    except etree.XMLSyntaxError as exc:
        raise OutputError(f"a page is not well-formed XHTML ({exc})", hint="this is a bug in rendering; please report it") from exc
    root = tree.getroot()
    head, body = root.find(f"{_X}head"), root.find(f"{_X}body")
    if head is None or body is None:
        raise OutputError("a page has no <head> or <body>", hint="this is a bug in rendering; please report it")
    _add_spans(body, _Spans())
    _wrap_body(body)
    _add_style(head)
    _open_empty_elements(root)
    text = etree.tostring(tree, encoding="unicode", doctype=tree.docinfo.doctype or None)
    return XML_DECLARATION + text + "\n"


def _kepub_text(doc: Document) -> str:
    """A document as it goes into the KEPUB: kepubified, but for the nav document."""
    return doc.xhtml if is_nav(doc) else kepubify_xhtml(doc.xhtml)


def kepub_book(book: RenderedBook) -> RenderedBook:
    """``book`` with every content document (all but the nav document) kepubified."""
    def convert(doc: Document) -> Document:
        return doc if is_nav(doc) else replace(doc, xhtml=_kepub_text(doc))

    return replace(book, documents=tuple(convert(d) for d in book.documents))


def write_kepub(book: RenderedBook, out: BinaryIO) -> None:
    """Write ``book`` as a Kobo KEPUB (save it as ``….kepub.epub``) to ``out``."""
    # Each document is kepubified as it is zipped: the same bytes as epub_bytes(kepub_book(book)),
    # without a kepubified copy of the whole book in memory.
    write_to(out, epub_bytes(book, content=_kepub_text))
