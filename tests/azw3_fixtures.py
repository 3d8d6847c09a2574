"""AZW3 test helpers: hand-built RenderedBooks (Chinese articles, nested TOC, cover) and readers."""

from __future__ import annotations

import io
import re
import shutil
import struct
import subprocess
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

from lxml import etree
from PIL import Image

from support import jpeg, sample_metadata

from rsbz_epub.render.book import Document, RenderedBook, Resource, TocEntry
from rsbz_epub.writers.azw3.exth import parse_exth
from rsbz_epub.writers.azw3.lz77 import decompress
from rsbz_epub.writers.azw3.palmdb import read_records

XHTML_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="{lang}" xml:lang="{lang}">
<head>
<meta charset="utf-8"/>
<title>{title}</title>
<link rel="stylesheet" type="text/css" href="../styles/kindle.css"/>
</head>
"""

# A sentence of exactly 3-byte characters, so byte offsets inside articles are predictable.
SENTENCE = "上海第四十六届世界技能大赛筹办工作稳步推进，各项准备有序开展。"
PARAS_LONG = 40  # × ~100 chars × 3 bytes: an article of well over 8 KB


def png(width: int, height: int) -> bytes:
    """A small deterministic PNG."""
    out = io.BytesIO()
    Image.new("RGB", (width, height), (10, 120, 200)).save(out, "PNG")
    return out.getvalue()


def doc(doc_id: str, href: str, title: str, body: str, kind: str = "article", lang: str = "zh-CN") -> Document:
    """A complete XHTML document around ``body``."""
    xhtml = XHTML_HEAD.format(lang=lang, title=title) + f"<body>\n{body}\n</body>\n</html>\n"
    return Document(id=doc_id, href=href, title=title, xhtml=xhtml, kind=kind)  # type: ignore[arg-type]


def long_paragraphs(n: int, pad: str = "") -> str:
    """``n`` paragraphs of Chinese text; ``pad`` shifts later byte offsets to move record cuts."""
    paras = [f'<p id="p{i}">{pad if i == 0 else ""}第{i + 1}段。{SENTENCE * 3}</p>' for i in range(n)]
    return "\n".join(paras)


def sample_book(*, language: str = "zh-CN", pad: str = "", vertical: bool = False, cover: bool = True) -> RenderedBook:
    """Two 版, four articles (one > 8 KB, one with an inline image and mid-document anchor)."""
    meta = sample_metadata(
        identifier="urn:uuid:12345678-1234-5678-1234-567812345678",
        language=language,
        description="第40期：世赛、局长走流程。",
        vertical=vertical,
    )
    lang = language
    docs = [
        doc("cover", "text/cover.xhtml", "封面",
            '<div class="cover"><img src="../images/cover.jpg" alt="封面"/></div>', "cover", lang),
        doc("contents", "text/contents.xhtml", "本期目录",
            '<nav epub:type="toc" id="toc"><h1>本期目录</h1><ol>'
            '<li><a href="a-p1-01.xhtml">“外交官走进世赛”主题活动在沪成功举办</a></li>'
            '<li><a href="a-p1-02.xhtml#part2">局长走流程 &amp; 推进大会（下）</a></li>'
            '<li><a href="a-p2-01.xhtml">第2版 短讯</a></li></ol></nav>', "contents", lang),
        doc("a-p1-01", "text/a-p1-01.xhtml", "“外交官走进世赛”主题活动在沪成功举办",
            '<section class="article" id="a-p1-01" epub:type="chapter">\n'
            '<h1 class="title">“外交官走进世赛”主题活动在沪成功举办</h1>\n'
            + long_paragraphs(PARAS_LONG, pad) + "\n</section>", "article", lang),
        doc("a-p1-02", "text/a-p1-02.xhtml", "局长走流程",
            '<h1>赵永峰局长在“局长走流程”推进大会上的讲话</h1>\n'
            '<p>今年5月，局党组结合党史学习教育，部署开展了“局长走流程”活动。<br/>这是第二行。</p>\n'
            '<figure><img src="../images/fig1.png" alt="图一"/><figcaption>图一：活动现场</figcaption></figure>\n'
            '<h2 id="part2">二、下一步工作</h2>\n<p>要进一步提高思想认识 A&amp;B &lt;tag&gt;，'
            '<a href="a-p1-01.xhtml#p3">见前文</a>。<a id="empty"/></p>', "article", lang),
        doc("a-p2-01", "text/a-p2-01.xhtml", "第2版 短讯",
            '<h1>短讯</h1>\n<p>欢迎关注市人社局官方抖音号：shanghai renshe。</p>\n'
            '<p>打开抖音APP，搜索“上海人社”。<a href="https://example.org/x?a=1&amp;b=2">链接</a></p>',
            "article", lang),
        doc("nav", "nav.xhtml", "目录", '<nav epub:type="toc"><ol><li><a href="text/a-p1-01.xhtml">x</a></li></ol></nav>',
            "nav", lang),
    ]
    css = "body { margin: 0 } .cover img { width: 100% } h1 { font-size: 1.4em }\n".encode()
    resources = [
        Resource("css", "styles/kindle.css", "text/css", css),
        Resource("fig1", "images/fig1.png", "image/png", png(40, 30)),
    ]
    if cover:
        resources.insert(0, Resource("cover-img", "images/cover.jpg", "image/jpeg", jpeg(600, 800, (200, 30, 30)),
                                     ("cover-image",)))
    toc = (
        TocEntry("第1版 要闻", "text/a-p1-01.xhtml", (
            TocEntry("“外交官走进世赛”主题活动在沪成功举办", "text/a-p1-01.xhtml"),
            TocEntry("赵永峰局长在“局长走流程”推进大会上的讲话", "text/a-p1-02.xhtml"),
            TocEntry("二、下一步工作", "text/a-p1-02.xhtml#part2"),
        )),
        TocEntry("第2版 综合", "text/a-p2-01.xhtml", (
            TocEntry("短讯", "text/a-p2-01.xhtml"),
        )),
    )
    return RenderedBook(
        metadata=meta,
        documents=tuple(docs),
        resources=tuple(resources),
        toc=toc,
        landmarks=(
            TocEntry("封面", "text/cover.xhtml"),
            TocEntry("本期目录", "text/contents.xhtml"),
            TocEntry("正文", "text/a-p1-01.xhtml"),
        ),
        landmark_types=("cover", "toc", "bodymatter"),
        cover_image="cover-img" if cover else None,
    )


def with_language(book: RenderedBook, language: str) -> RenderedBook:
    """The same book with another metadata language."""
    return replace(book, metadata=replace(book.metadata, language=language))


# --- Reading AZW3 files back: our own parser, KindleUnpack, libmobi -------------------------

BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption", "dt", "dd", "td", "th", "blockquote", "pre")


@dataclass
class Unpacked:
    """An AZW3 file taken apart with the format rules alone (no writer code but the LZ77 decoder)."""

    records: list[bytes]
    header: bytes  # record 0
    exth: dict[int, list[bytes]]
    text: bytes  # all flows, uncompressed
    overlaps: list[int]  # multibyte count per text record

    def u32(self, offset: int) -> int:
        return struct.unpack_from(">I", self.header, offset)[0]


def _backward_size(record: bytes) -> int:
    value = 0
    shift = 0
    for byte in reversed(record[-4:]):
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte & 0x80:
            break
    return value


def unpack(data: bytes) -> Unpacked:
    """Split the PalmDB, read record 0 and decompress the text records."""
    records = read_records(data)
    header = records[0]
    count = struct.unpack_from(">H", header, 8)[0]
    header_len = struct.unpack_from(">I", header, 0x14)[0]
    exth = parse_exth(header[16 + header_len :])
    flags = struct.unpack_from(">H", header, 0xF2)[0]
    text = bytearray()
    overlaps = []
    for record in records[1 : 1 + count]:
        if flags & 2:
            record = record[: -_backward_size(record)]
        n = record[-1] & 3
        overlaps.append(n)
        text += decompress(record[: -(n + 1)])
    return Unpacked(records, header, exth, bytes(text), overlaps)


def normalize(text: str) -> str:
    """Collapse whitespace runs (the only normalisation the comparison allows)."""
    return " ".join(text.split())


def block_texts(xhtml: bytes) -> list[str]:
    """The normalised text of each block element of a document's body, in order."""
    root = etree.fromstring(xhtml, etree.XMLParser(recover=True, resolve_entities=False))
    body = next(el for el in root.iter() if isinstance(el.tag, str) and etree.QName(el).localname == "body")
    out = []
    for el in body.iter():
        if isinstance(el.tag, str) and etree.QName(el).localname in BLOCKS:
            out.append(normalize("".join(el.itertext())))
    return out


def body_text(xhtml: bytes) -> str:
    """All text of the body with whitespace removed."""
    root = etree.fromstring(xhtml, etree.XMLParser(recover=True, resolve_entities=False))
    body = next(el for el in root.iter() if isinstance(el.tag, str) and etree.QName(el).localname == "body")
    return re.sub(r"\s+", "", "".join(body.itertext()))


@dataclass
class ReadBack:
    """What an independent reader recovered: documents in order and the NCX."""

    parts: list[bytes]
    toc: list[tuple[int, str, str]]  # (depth, label, src)
    opf: bytes


def _ncx_points(ncx: bytes) -> list[tuple[int, str, str]]:
    root = etree.fromstring(ncx)
    ns = {"n": "http://www.daisy.org/z3986/2005/ncx/"}
    out: list[tuple[int, str, str]] = []

    def walk(parent: etree._Element, depth: int) -> None:
        for point in parent.findall("n:navPoint", ns):
            label = point.findtext("n:navLabel/n:text", default="", namespaces=ns)
            src = point.find("n:content", ns).get("src")
            out.append((depth, label.strip(), src))
            walk(point, depth + 1)

    walk(root.find("n:navMap", ns), 0)
    return out


def read_with_kindleunpack(path: Path) -> ReadBack:
    """Open with the PyPI ``mobi`` package (KindleUnpack) and read its EPUB folder."""
    import mobi

    tempdir, _ = mobi.extract(str(path))
    try:
        oebps = Path(tempdir) / "mobi8" / "OEBPS"
        parts = [p.read_bytes() for p in sorted((oebps / "Text").glob("part*.xhtml"))]
        return ReadBack(parts, _ncx_points((oebps / "toc.ncx").read_bytes()), (oebps / "content.opf").read_bytes())
    finally:
        shutil.rmtree(tempdir, ignore_errors=True)


def read_with_libmobi(path: Path, workdir: Path) -> ReadBack:
    """Convert with ``mobitool -e`` (libmobi) and read the EPUB it writes."""
    workdir.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mobitool", "-e", "-o", str(workdir), str(path)], check=True, capture_output=True, timeout=120)
    epub = workdir / (path.stem + ".epub")
    with zipfile.ZipFile(epub) as zf:
        names = sorted(n for n in zf.namelist() if re.fullmatch(r"OEBPS/part\d+\.html", n))
        parts = [zf.read(n) for n in names]
        ncx_name = next(n for n in zf.namelist() if n.endswith(".ncx"))
        opf_name = next(n for n in zf.namelist() if n.endswith(".opf"))
        return ReadBack(parts, _ncx_points(zf.read(ncx_name)), zf.read(opf_name))


def libmobi_metadata(path: Path) -> str:
    """``mobitool`` metadata printout (title, language, date…)."""
    return subprocess.run(["mobitool", str(path)], check=True, capture_output=True, text=True, timeout=60).stdout


def flat_toc(entries, depth: int = 0) -> list[tuple[int, str, str]]:
    """A RenderedBook toc as (depth, label, href) in reading order."""
    out = []
    for entry in entries:
        out.append((depth, entry.label, entry.href))
        out += flat_toc(entry.children, depth + 1)
    return out
