"""Where things live in the container, and checks that a RenderedBook can be packaged."""

from __future__ import annotations

import posixpath

from rsbz_epub import regex_cache
from rsbz_epub.errors import OutputError
from rsbz_epub.render.book import Document, RenderedBook, TocEntry

#: The folder holding the package document; every book href is relative to it.
CONTENT_DIR = "OEBPS"
OPF_NAME = "content.opf"
NCX_NAME = "toc.ncx"
NCX_ID = "ncx"
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'

CONTAINER_XML = (
    XML_DECLARATION
    + '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\n'
    + "  <rootfiles>\n"
    + f'    <rootfile full-path="{CONTENT_DIR}/{OPF_NAME}" media-type="application/oebps-package+xml"/>\n'
    + "  </rootfiles>\n"
    + "</container>\n"
)

_SAFE_NAME = regex_cache.compile(r"^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$")


def zip_name(href: str) -> str:
    """The zip entry name of a book href."""
    return f"{CONTENT_DIR}/{href}"


def is_nav(doc: Document) -> bool:
    """True for the EPUB 3 navigation document."""
    return doc.kind == "nav" or "nav" in doc.properties


def spine_documents(book: RenderedBook) -> list[Document]:
    """Documents in reading order: the cover first, then the rest as rendered.

    A nav document with ``linear=False`` stays out of the spine (it is reached
    through the reader's own TOC UI, not by paging).
    """
    docs = [d for d in book.documents if not (is_nav(d) and not d.linear)]
    return [d for d in docs if d.kind == "cover"] + [d for d in docs if d.kind != "cover"]


def split_href(href: str) -> tuple[str, str]:
    """``"text/a.xhtml#p3"`` → ``("text/a.xhtml", "p3")``."""
    path, _, frag = href.partition("#")
    return path, frag


def resolve(base_href: str, link: str) -> str:
    """A link found in the file ``base_href``, as a book href (fragment kept)."""
    path, frag = split_href(link)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(base_href), path)) if path else base_href
    return f"{target}#{frag}" if frag else target


def validate(book: RenderedBook) -> None:
    """Raise OutputError when the book cannot become a valid container."""
    ids: set[str] = {NCX_ID}
    hrefs: set[str] = {OPF_NAME, NCX_NAME}
    for item in (*book.documents, *book.resources):
        if item.id in ids:
            raise OutputError(f"two files share the manifest id {item.id!r}", hint="this is a bug in rendering; please report it")
        if item.href in hrefs:
            raise OutputError(f"two files share the name {item.href!r}", hint="this is a bug in rendering; please report it")
        if not _SAFE_NAME.match(item.href) or ".." in item.href.split("/"):
            raise OutputError(f"file name {item.href!r} is not a plain ASCII path", hint="this is a bug in rendering; please report it")
        ids.add(item.id)
        hrefs.add(item.href)
    if sum(1 for d in book.documents if is_nav(d)) != 1:
        raise OutputError("the book needs exactly one navigation document", hint="this is a bug in rendering; please report it")
    if book.cover_image is not None and book.cover_image not in {r.id for r in book.resources}:
        raise OutputError(f"cover image {book.cover_image!r} is not among the resources", hint="this is a bug in rendering; please report it")
    if not book.toc:
        raise OutputError("the book has no contents entries", hint="this is a bug in rendering; please report it")
    for entry in walk_toc(book.toc):
        if split_href(entry.href)[0] not in hrefs:
            raise OutputError(f"contents entry {entry.label!r} points to a missing file {entry.href!r}", hint="this is a bug in rendering; please report it")
    for target in book.page_list:
        if split_href(target.href)[0] not in hrefs:
            raise OutputError(f"page {target.label!r} points to a missing file {target.href!r}", hint="this is a bug in rendering; please report it")


def walk_toc(entries: tuple[TocEntry, ...]) -> list[TocEntry]:
    """Every TOC entry in document order (depth first)."""
    out: list[TocEntry] = []
    for entry in entries:
        out.append(entry)
        out.extend(walk_toc(entry.children))
    return out
