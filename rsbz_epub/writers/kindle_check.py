"""Scan finished EPUB bytes for every known Send-to-Kindle rejection cause.

The causes (Send to Kindle, as of 2025; see ../shared/reference/kindle-delivery.md):
E999 or garbled text for a missing XML encoding declaration, a missing or
non-Kindle ``dc:language``, broken NCX/nav, a spine order that differs from the
NCX, links to a ``<body>`` id, ``<img>`` without ``src``, non-ASCII or spaced
file names, and files over the 50 MB e-mail limit.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass

from lxml import etree

from rsbz_epub import regex_cache

KINDLE_LANGUAGES = ("zh-CN", "zh-TW", "zh-HK")
#: Send to Kindle's e-mail attachment limit, 50 MB; counted in decimal megabytes to stay on the safe side.
KINDLE_MAX_BYTES = 50 * 1000 * 1000

_XML_SUFFIXES = (".xml", ".opf", ".ncx", ".xhtml", ".html", ".htm", ".svg")
_DECLARATION = re.compile(rb"^<\?xml\s[^?]*\bencoding\s*=\s*[\"'][A-Za-z0-9._-]+[\"'][^?]*\?>")
_SAFE_NAME = regex_cache.compile(r"^[A-Za-z0-9._/-]+$")
_OPF = "{http://www.idpf.org/2007/opf}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_NCX = "{http://www.daisy.org/z3986/2005/ncx/}"
_XHTML = "{http://www.w3.org/1999/xhtml}"
_EXTERNAL = regex_cache.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def _resolve(base: str, link: str) -> tuple[str, str]:
    """A link inside zip entry ``base`` → (zip entry name, fragment)."""
    path, _, frag = link.partition("#")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(base), path)) if path else base
    return target, frag


@dataclass(frozen=True)
class _Facts:
    """What the later checks need of one XML file: its tree (megabytes for a big issue) is dropped once read."""

    ids: frozenset[str]
    body_id: str  # "" when the body has none
    links: tuple[str, ...]  # a/@href and NCX content/@src, in document order
    images_without_src: int

    @classmethod
    def of(cls, tree: etree._Element) -> _Facts:
        body = tree.find(f"{_XHTML}body")
        links = [n.get("href", "") for n in tree.iter(f"{_XHTML}a")]
        links += [n.get("src", "") for n in tree.iter(f"{_NCX}content")]
        return cls(
            ids=frozenset(str(v) for v in tree.xpath("//@id")),
            body_id=(body.get("id") or "") if body is not None else "",
            links=tuple(links),
            images_without_src=sum(1 for img in tree.iter(f"{_XHTML}img") if not (img.get("src") or "").strip()),
        )


class _Scan:
    """One pass over an EPUB's entries, collecting problems as plain sentences."""

    def __init__(self, zf: zipfile.ZipFile) -> None:
        self.zf = zf
        self.names = zf.namelist()
        self.problems: list[str] = []
        self.trees: dict[str, etree._Element] = {}  # every XML file but the content documents
        self.facts: dict[str, _Facts] = {}  # every well-formed XML file
        self.nav_name: str | None = None

    def run(self) -> list[str]:
        """Every check in order; later checks skip what earlier ones found unreadable."""
        self.container_basics()
        self.xml_files()
        opf_name = self.opf_name()
        if opf_name is None or opf_name not in self.trees:
            self.problems.append("no readable package document (META-INF/container.xml → OPF)")
            return self.problems
        self.package(opf_name, self.trees[opf_name])
        self.body_links_and_images()
        return self.problems

    def container_basics(self) -> None:
        """mimetype first and stored; ASCII file names without spaces."""
        infos = self.zf.infolist()
        if not infos or infos[0].filename != "mimetype" or infos[0].compress_type != zipfile.ZIP_STORED:
            self.problems.append("the first zip entry must be an uncompressed 'mimetype'")
        for name in self.names:
            if not _SAFE_NAME.match(name):
                self.problems.append(f"file name {name!r} is not plain ASCII (letters, digits, . _ - /)")

    def xml_files(self) -> None:
        """Every XML file declares its encoding, is UTF-8 and is well-formed."""
        for name in self.names:
            if not name.lower().endswith(_XML_SUFFIXES):
                continue
            data = self.zf.read(name)
            if not _DECLARATION.match(data):
                self.problems.append(f"{name}: no XML declaration with an encoding (Kindle would assume ISO-8859-1)")
            try:
                data.decode("utf-8")
                tree = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
                self.facts[name] = _Facts.of(tree)
                if tree.tag != f"{_XHTML}html":  # container, package, NCX: later checks walk them
                    self.trees[name] = tree
            except (UnicodeDecodeError, etree.XMLSyntaxError) as exc:
                self.problems.append(f"{name}: not well-formed UTF-8 XML ({exc})")

    def opf_name(self) -> str | None:
        """The package document named by container.xml."""
        container = self.trees.get("META-INF/container.xml")
        if container is None:
            return None
        for node in container.iter("{*}rootfile"):
            return node.get("full-path")
        return None

    def package(self, opf_name: str, opf: etree._Element) -> None:
        """Language, manifest files, spine, and spine order against the NCX."""
        languages = [(n.text or "").strip() for n in opf.iter(f"{_DC}language")]
        if not languages:
            self.problems.append("no dc:language (Kindle needs zh-CN, zh-TW or zh-HK)")
        elif languages[0] not in KINDLE_LANGUAGES:
            self.problems.append(f"dc:language is {languages[0]!r}, not one of {', '.join(KINDLE_LANGUAGES)}")
        items: dict[str, str] = {}
        for item in opf.iter(f"{_OPF}item"):
            target, _ = _resolve(opf_name, item.get("href", ""))
            items[item.get("id", "")] = target
            if target not in self.names:
                self.problems.append(f"manifest item {item.get('href')!r} is missing from the zip")
            if "nav" in (item.get("properties") or "").split():
                self.nav_name = target
        spine_node = opf.find(f"{_OPF}spine")
        spine = [items.get(ref.get("idref", ""), "") for ref in opf.iter(f"{_OPF}itemref")]
        ncx_name = items.get(spine_node.get("toc", "")) if spine_node is not None else None
        if self.nav_name is None:
            self.problems.append("no EPUB 3 navigation document in the manifest")
        if ncx_name is None or ncx_name not in self.trees:
            self.problems.append("no readable NCX referenced from the spine (toc attribute)")
            return
        self.ncx_order(ncx_name, self.trees[ncx_name], spine)

    def ncx_order(self, ncx_name: str, ncx: etree._Element, spine: list[str]) -> None:
        """Each navPoint targets a spine document, an existing id, in spine order; pageTargets resolve."""
        uid_ok = any(m.get("name") == "dtb:uid" and m.get("content") for m in ncx.iter(f"{_NCX}meta"))
        if not uid_ok:
            self.problems.append(f"{ncx_name}: no dtb:uid")
        points = list(ncx.iter(f"{_NCX}navPoint"))
        if not points:
            self.problems.append(f"{ncx_name}: the navMap is empty")
        last = -1
        for point in points:
            index = self._ncx_target(ncx_name, point, spine)
            if index is not None and index < last:
                src = self._src(point)
                self.problems.append(f"{ncx_name}: navPoint {src!r} comes before an earlier spine document (spine order ≠ NCX order)")
            last = max(last, index if index is not None else last)
        for target in ncx.iter(f"{_NCX}pageTarget"):
            self._ncx_target(ncx_name, target, spine)

    @staticmethod
    def _src(node: etree._Element) -> str:
        """The ``content/@src`` of a navPoint or pageTarget."""
        content = node.find(f"{_NCX}content")
        return content.get("src", "") if content is not None else ""

    def _ncx_target(self, ncx_name: str, node: etree._Element, spine: list[str]) -> int | None:
        """Spine index of a navPoint/pageTarget's document, reporting broken targets."""
        src = self._src(node)
        kind = etree.QName(node).localname
        target, frag = _resolve(ncx_name, src)
        if target not in spine:
            self.problems.append(f"{ncx_name}: {kind} {src!r} does not point to a spine document")
            return None
        if frag and not self._has_id(target, frag):
            self.problems.append(f"{ncx_name}: {kind} {src!r} points to a missing id")
        return spine.index(target)

    def _has_id(self, name: str, frag: str) -> bool:
        """True if XML entry ``name`` has an element with id ``frag``."""
        facts = self.facts.get(name)
        return facts is not None and frag in facts.ids

    def body_links_and_images(self) -> None:
        """No link to a ``<body>`` id anywhere; no ``<img>`` without a ``src``."""
        body_ids = {name: facts.body_id for name, facts in self.facts.items() if facts.body_id}
        for name, facts in self.facts.items():
            for link in facts.links:
                if _EXTERNAL.match(link):
                    continue
                target, frag = _resolve(name, link)
                if frag and body_ids.get(target) == frag:
                    self.problems.append(f"{name}: link {link!r} points to a <body> id")
            self.problems += [f"{name}: <img> without src"] * facts.images_without_src


def kindle_problems(data: bytes, *, max_bytes: int = KINDLE_MAX_BYTES) -> list[str]:
    """Every reason Send to Kindle would reject or garble this EPUB; empty when it is safe."""
    problems: list[str] = []
    if len(data) > max_bytes:
        problems.append(f"the file is {len(data):,} bytes, over Send to Kindle's limit of {max_bytes:,}")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            problems += _Scan(zf).run()
    except zipfile.BadZipFile:
        problems.append("not a zip file")
    return problems
