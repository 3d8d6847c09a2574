"""EPUB 3 (with NCX fallback) container writer: RenderedBook → reproducible zip bytes.

Why not ebooklib for writing: it regenerates the nav document and reserialises
every XHTML file (we already have the exact markup from ``render.xhtml``),
has no NCX ``pageList``, and writes zip entries with the current time and
platform-dependent attributes, so output would not be byte-reproducible. The
package is small enough to write directly: the OPF and NCX are built as lxml
trees (correct escaping, no string surgery) and zipped by ``zipper`` with
pinned order, timestamps and permissions. ebooklib stays in the tests as an
independent reader of what we write.

Layout: ``mimetype``, ``META-INF/container.xml``, ``OEBPS/content.opf``,
``OEBPS/toc.ncx``, then the documents and resources under ``OEBPS/`` at their
book hrefs, in the order the book lists them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import chain
from typing import BinaryIO

from rsbz_epub.errors import OutputError
from rsbz_epub.render.book import Document, RenderedBook
from rsbz_epub.writers.layout import CONTAINER_XML, NCX_NAME, OPF_NAME, validate, zip_name
from rsbz_epub.writers.ncx import ncx_document
from rsbz_epub.writers.opf import package_document
from rsbz_epub.writers.zipper import Entry, epub_zip


def _as_rendered(doc: Document) -> str:
    return doc.xhtml


def epub_bytes(book: RenderedBook, content: Callable[[Document], str] = _as_rendered) -> bytes:
    """The whole EPUB as bytes; the same book always gives the same bytes.

    ``content`` gives a document's text as it goes into the zip (default: as rendered); a
    writer that rewrites every document (KEPUB, Kindle EPUB) passes its rewrite here rather
    than a rewritten copy of the book.  It must not change what the package says of the
    document (its id, href, or whether it holds an ``<svg``).
    """
    validate(book)
    head: list[Entry] = [
        ("META-INF/container.xml", CONTAINER_XML.encode("utf-8")),
        (zip_name(OPF_NAME), package_document(book)),
        (zip_name(NCX_NAME), ncx_document(book)),
    ]
    # One document at a time, encoded (and rewritten) just before it is zipped and dropped after:
    # all of them at once would be a second copy of the book (megabytes for a big issue).
    documents: Iterator[Entry] = ((zip_name(d.href), content(d).encode("utf-8")) for d in book.documents)
    resources: Iterator[Entry] = ((zip_name(r.href), r.data) for r in book.resources)
    return epub_zip(chain(head, documents, resources), book.metadata.modified)


def write_to(out: BinaryIO, data: bytes) -> None:
    """Write ``data`` to the caller's stream, turning OS failures into OutputError."""
    try:
        out.write(data)
    except OSError as exc:
        raise OutputError(f"cannot write the e-book: {exc.strerror or exc}", hint="check free space and permissions") from exc


def write_epub(book: RenderedBook, out: BinaryIO) -> None:
    """Write ``book`` as an EPUB 3 with NCX fallback to ``out``."""
    write_to(out, epub_bytes(book))
