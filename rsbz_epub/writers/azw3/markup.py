"""XHTML → KF8 markup: clean serialisation with aids, kindle: URLs and byte offsets."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from lxml import etree

from .codec import base32

XHTML = "http://www.w3.org/1999/xhtml"
SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"

VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# kindlegen's set of elements that get an aid (calibre's reading of it); inline
# spans are left out to keep the markup small, tables because Kindles mishandle them.
AID_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 div li ul ol dl dt dd blockquote section article aside header "
    "footer nav main figure figcaption pre a img hr".split()
)
TABLE_TAGS = frozenset("table thead tbody tfoot tr td th caption colgroup col".split())
# Wrappers we descend into so that a long article is cut into several fragments.
WRAPPERS = frozenset("div section article main".split())
PLACEHOLDER_PREFIX = "kindle:pos:fid:0000:off:"


def placeholder(number: int) -> str:
    """A link placeholder exactly as wide as the final ``kindle:pos:fid:XXXX:off:YYYYYYYYYY``."""
    return PLACEHOLDER_PREFIX + base32(number, 10)


PLACEHOLDER_RE = re.compile(rb"kindle:pos:fid:0000:off:([0-9A-V]{10})")


@dataclass
class Serialized:
    """One document as KF8 markup: bytes plus the offsets the layout needs."""

    data: bytes
    inner_start: int  # first byte of the container's content (fragments start here)
    child_bounds: list[int]  # start of each container child; fragments cut only here
    inner_end: int  # the container's end tag starts here
    container_aid: str
    body_pos: int  # offset of "<body"
    ids: dict[str, int] = field(default_factory=dict)  # id -> offset of its element's "<"


@dataclass
class LinkContext:
    """What the serialiser needs from the rest of the book to rewrite URLs."""

    doc_hrefs: frozenset[str]
    image_url: Callable[[str], str | None]  # resource href -> kindle:embed URL
    css_url: Callable[[str], str | None]  # resource href -> kindle:flow URL
    style_url: Callable[[str], str]  # inline <style> text -> kindle:flow URL
    links: list[tuple[str, str | None]] = field(default_factory=list)  # placeholder n -> (doc, id)
    next_aid: int = 0

    def new_aid(self) -> str:
        aid = base32(self.next_aid, 13).lstrip("0") or "0"
        self.next_aid += 1
        return aid


def _esc_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _esc_attr(text: str) -> str:
    return _esc_text(text).replace('"', "&quot;")


def resolve(base: str, url: str) -> tuple[str, str | None] | None:
    """A relative URL from document ``base`` as (book path, fragment); None when external."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(base), path)) if path else base
    return target, (unquote(parts.fragment) or None)


class _Writer:
    """Serialises one parsed document, recording byte offsets as it goes."""

    def __init__(self, href: str, ctx: LinkContext) -> None:
        self.href = href
        self.ctx = ctx
        self.parts: list[bytes] = []
        self.size = 0
        self.ids: dict[str, int] = {}
        self.in_table = 0
        # Filled in by frame(): where the body and the container's content sit.
        self.body_pos = 0
        self.container_aid = ""
        self.inner_start = 0
        self.inner_end = 0
        self.bounds: list[int] = []

    def emit(self, text: str) -> None:
        raw = text.encode("utf-8")
        self.parts.append(raw)
        self.size += len(raw)

    def attributes(self, el: etree._Element, name: str) -> list[tuple[str, str]]:
        """Attributes to keep, with URLs rewritten; namespaced ones (epub:type) are dropped."""
        out: list[tuple[str, str]] = []
        for key, value in el.attrib.items():
            if key == f"{{{XML}}}lang":
                if "lang" not in el.attrib:
                    out.append(("lang", value))
                continue
            if key.startswith("{") or key == "aid":
                continue
            if name == "a" and key == "href":
                value = self.link(value)
                if value is None:
                    continue
            elif name == "img" and key == "src":
                target = resolve(self.href, value)
                url = self.ctx.image_url(target[0]) if target else value
                if url is None:
                    continue
                value = url
            out.append((key, value))
        return out

    def link(self, url: str) -> str | None:
        """An internal link becomes a fixed-width placeholder; external links stay."""
        target = resolve(self.href, url)
        if target is None:
            return url
        if target[0] not in self.ctx.doc_hrefs:
            return None  # e.g. the EPUB nav document, which has no place in KF8
        self.ctx.links.append(target)
        return placeholder(len(self.ctx.links) - 1)

    def element(self, el: etree._Element) -> None:
        """Write ``el`` and its content (not its tail)."""
        if not isinstance(el.tag, str):
            return
        qname = etree.QName(el)
        if qname.namespace == SVG:
            self.svg(el)
            return
        if qname.namespace not in (XHTML, None):
            return  # foreign markup has no KF8 rendering
        name = qname.localname
        if name in ("script",):
            return
        if name in TABLE_TAGS:
            self.in_table += 1
        attrs = self.attributes(el, name)
        if name == "img" and not any(k == "src" for k, _ in attrs):
            return  # its image is not in the book; an <img> without src upsets Kindle renderers
        if "id" in el.attrib:
            self.ids.setdefault(el.attrib["id"], self.size)
        if name in AID_TAGS and not self.in_table:
            attrs.append(("aid", self.ctx.new_aid()))
        self.start_tag(name, attrs, void=name in VOID)
        if name not in VOID:
            self.content(el)
            self.emit(f"</{name}>")
        if name in TABLE_TAGS:
            self.in_table -= 1

    def frame(self, el: etree._Element, container: etree._Element) -> None:
        """Write the chain body → container; the container's children are cut into fragments later."""
        name = etree.QName(el).localname
        attrs = self.attributes(el, name)
        if "id" in el.attrib:
            self.ids.setdefault(el.attrib["id"], self.size)
        if name == "body":
            self.body_pos = self.size
        aid = self.ctx.new_aid()  # always: the container's aid names the fragments' selector
        self.start_tag(name, attrs + [("aid", aid)], void=False)
        if el is container:
            self.container_aid = aid
            self.inner_start = self.size
            if el.text:
                self.emit(_esc_text(el.text))
            first = True
            for child in el:
                if isinstance(child.tag, str):
                    if not first:
                        self.bounds.append(self.size)  # fragments may only start at a child
                    first = False
                    self.element(child)
                if child.tail:
                    self.emit(_esc_text(child.tail))
            self.inner_end = self.size
        else:
            if el.text:
                self.emit(_esc_text(el.text))
            for child in el:
                if isinstance(child.tag, str):
                    self.frame(child, container)
                if child.tail:
                    self.emit(_esc_text(child.tail))
        self.emit(f"</{name}>")

    def start_tag(self, name: str, attrs: list[tuple[str, str]], *, void: bool) -> None:
        rendered = "".join(f' {k}="{_esc_attr(v)}"' for k, v in attrs)
        self.emit(f"<{name}{rendered}/>" if void else f"<{name}{rendered}>")

    def content(self, el: etree._Element) -> None:
        if el.text:
            self.emit(_esc_text(el.text))
        for child in el:
            self.element(child)
            if child.tail:
                self.emit(_esc_text(child.tail))

    def svg(self, el: etree._Element) -> None:
        """A cover-style SVG wrapping one <image> becomes a plain <img>; other SVG is kept inline."""
        images = el.findall(f".//{{{SVG}}}image")
        if len(images) == 1:
            href = images[0].get(f"{{{XLINK}}}href") or images[0].get("href") or ""
            target = resolve(self.href, href)
            url = self.ctx.image_url(target[0]) if target else None
            if url is not None:
                if "id" in el.attrib:
                    self.ids.setdefault(el.attrib["id"], self.size)
                self.start_tag("img", [("src", url), ("alt", ""), ("aid", self.ctx.new_aid())], void=True)
                return
        raw = etree.tostring(el, encoding="unicode", with_tail=False)
        self.emit(raw)


def _container(body: etree._Element) -> etree._Element:
    """The element whose children become fragments: body, or a lone wrapper inside it."""
    node = body
    while True:
        kids = [c for c in node if isinstance(c.tag, str)]
        if len(kids) != 1 or (node.text or "").strip() or (kids[0].tail or "").strip():
            return node
        kid = kids[0]
        qname = etree.QName(kid)
        if qname.namespace != XHTML or qname.localname not in WRAPPERS or not len(kid):
            return node
        node = kid


def serialize(href: str, xhtml: str, ctx: LinkContext) -> Serialized:
    """Turn one XHTML document into KF8 markup with aids and kindle: URLs."""
    parser = etree.XMLParser(remove_comments=True, remove_pis=True, resolve_entities=False)
    root = etree.fromstring(xhtml.encode("utf-8"), parser)
    head = root.find(f"{{{XHTML}}}head")
    body = root.find(f"{{{XHTML}}}body")
    if body is None:
        raise ValueError(f"{href}: no <body>")
    container = _container(body)
    # Whitespace before the first child would put fragment offset 0 on text, not on a tag.
    if container.text is not None and not container.text.strip():
        container.text = None
    w = _Writer(href, ctx)
    w.emit('<?xml version="1.0" encoding="UTF-8"?>\n')
    lang = root.get("lang") or root.get(f"{{{XML}}}lang")
    w.emit(f'<html xmlns="{XHTML}"' + (f' lang="{_esc_attr(lang)}"' if lang else "") + ">\n")
    w.emit("<head>\n")
    if head is not None:
        _head(w, head)
    w.emit('<meta http-equiv="Content-Type" content="text/html; charset=utf-8"/>\n</head>\n')

    w.frame(body, container)
    w.emit("\n</html>\n")
    return Serialized(
        data=b"".join(w.parts),
        inner_start=w.inner_start,
        child_bounds=w.bounds,
        inner_end=w.inner_end,
        container_aid=w.container_aid,
        body_pos=w.body_pos,
        ids=w.ids,
    )


def _head(w: _Writer, head: etree._Element) -> None:
    """Keep title and metadata; stylesheets become kindle:flow links (inline styles too)."""
    for el in head:
        if not isinstance(el.tag, str) or etree.QName(el).namespace != XHTML:
            continue
        name = etree.QName(el).localname
        if name == "title":
            w.emit(f"<title>{_esc_text(el.text or '')}</title>\n")
        elif name == "link" and "stylesheet" in (el.get("rel") or "").split():
            target = resolve(w.href, el.get("href") or "")
            url = w.ctx.css_url(target[0]) if target else None
            if url is not None:
                w.emit(f'<link rel="stylesheet" type="text/css" href="{_esc_attr(url)}"/>\n')
        elif name == "style" and (el.text or "").strip():
            url = w.ctx.style_url(el.text or "")
            w.emit(f'<link rel="stylesheet" type="text/css" href="{_esc_attr(url)}"/>\n')
        elif name == "meta" and el.get("name") and el.get("content"):
            w.emit(f'<meta name="{_esc_attr(el.get("name", ""))}" content="{_esc_attr(el.get("content", ""))}"/>\n')
