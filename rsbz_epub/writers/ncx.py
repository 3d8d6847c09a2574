"""The EPUB 2 NCX: navMap mirroring the TOC and a pageList of print pages (版).

KOReader reads page numbers from an NCX pageList but not from bare pagebreak
spans (koreader#7919), and Kindle conversion reads the NCX, so it is always written.
"""

from __future__ import annotations

from lxml import etree

from rsbz_epub.render.book import PageTarget, RenderedBook, TocEntry
from rsbz_epub.writers.layout import XML_DECLARATION, spine_documents, split_href, walk_toc

NCX_NS = "http://www.daisy.org/z3986/2005/ncx/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _depth(entries: tuple[TocEntry, ...]) -> int:
    """Nesting depth of the TOC (1 for a flat list)."""
    return max((1 + _depth(e.children) for e in entries), default=0)


def play_orders(book: RenderedBook) -> dict[str, int]:
    """playOrder per target href: 1, 2, … by spine position, shared by equal targets.

    navPoints and pageTargets live in one play order (Z39.86-2005). Targets are
    ordered by their document's place in the spine; inside one document by first
    appearance (navMap depth first, then pageList), because a 版 entry pointing
    at ``a.xhtml#page-1`` and its article at ``a.xhtml`` are the same place to a
    reader, and the navMap must never count backwards.
    """
    spine = {doc.href: i for i, doc in enumerate(spine_documents(book))}
    hrefs = [e.href for e in walk_toc(book.toc)] + [p.href for p in book.page_list]
    first = {href: n for n, href in reversed(list(enumerate(hrefs)))}
    ordered = sorted(first, key=lambda h: (spine.get(split_href(h)[0], len(spine)), first[h]))
    return {href: n for n, href in enumerate(ordered, start=1)}


def _pages_label(language: str) -> str:
    """"Pages" in the book's script (Traditional for zh-Hant / TW / HK)."""
    traditional = any(tag in language.lower() for tag in ("hant", "-tw", "-hk", "-mo"))
    return "頁碼" if traditional else "页码"


def _text(parent: etree._Element, tag: str, text: str) -> etree._Element:
    """``<tag><text>…</text></tag>``, the NCX label shape."""
    node = etree.SubElement(parent, f"{{{NCX_NS}}}{tag}")
    etree.SubElement(node, f"{{{NCX_NS}}}text").text = text
    return node


def _nav_points(parent: etree._Element, entries: tuple[TocEntry, ...], orders: dict[str, int], counter: list[int]) -> None:
    """Nested navPoints, one per TOC entry."""
    for entry in entries:
        counter[0] += 1
        point = etree.SubElement(
            parent,
            f"{{{NCX_NS}}}navPoint",
            {"id": f"navpoint-{counter[0]}", "playOrder": str(orders[entry.href])},
        )
        _text(point, "navLabel", entry.label)
        etree.SubElement(point, f"{{{NCX_NS}}}content", {"src": entry.href})
        _nav_points(point, entry.children, orders, counter)


def _page_target(parent: etree._Element, n: int, page: PageTarget, orders: dict[str, int], numbered: set[str]) -> None:
    """One pageTarget; a folio like "A3" is not a number, so it is typed special.

    NCX wants (type, value) unique, so a 版 listed twice (where a stitched
    continuation reaches it) is numbered once and special the second time.
    """
    attrs = {"id": f"pagetarget-{n}", "playOrder": str(orders[page.href])}
    if page.label.isdigit() and page.label not in numbered:
        numbered.add(page.label)
        attrs |= {"type": "normal", "value": str(int(page.label))}
    else:
        attrs["type"] = "special"
    target = etree.SubElement(parent, f"{{{NCX_NS}}}pageTarget", attrs)
    _text(target, "navLabel", page.label)
    etree.SubElement(target, f"{{{NCX_NS}}}content", {"src": page.href})


def ncx_document(book: RenderedBook) -> bytes:
    """The complete ``toc.ncx`` (UTF-8, with XML declaration)."""
    m = book.metadata
    orders = play_orders(book)
    root = etree.Element(
        f"{{{NCX_NS}}}ncx", {"version": "2005-1", XML_LANG: m.language}, nsmap={None: NCX_NS}
    )
    head = etree.SubElement(root, f"{{{NCX_NS}}}head")
    numbers = [int(p.label) for p in book.page_list if p.label.isdigit()]
    pages = len({p.label for p in book.page_list})
    for name, content in (
        ("dtb:uid", m.identifier),
        ("dtb:depth", str(max(1, _depth(book.toc)))),
        ("dtb:totalPageCount", str(pages)),
        ("dtb:maxPageNumber", str(max(numbers, default=0))),
    ):
        etree.SubElement(head, f"{{{NCX_NS}}}meta", {"name": name, "content": content})
    _text(root, "docTitle", m.title)
    nav_map = etree.SubElement(root, f"{{{NCX_NS}}}navMap")
    _nav_points(nav_map, book.toc, orders, [0])
    if book.page_list:
        page_list = etree.SubElement(root, f"{{{NCX_NS}}}pageList")
        _text(page_list, "navLabel", _pages_label(m.language))
        numbered: set[str] = set()
        for n, page in enumerate(book.page_list, start=1):
            _page_target(page_list, n, page, orders, numbered)
    body = etree.tostring(root, encoding="unicode", pretty_print=True)
    return (XML_DECLARATION + body).encode("utf-8")
