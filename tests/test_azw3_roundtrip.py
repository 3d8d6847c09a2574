"""Round trips through independent readers: KindleUnpack (PyPI mobi), libmobi (mobitool), calibre."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from rsbz_epub.render.book import RenderedBook
from rsbz_epub.writers.azw3 import build_azw3, thumbnail_name

from azw3_fixtures import (
    ReadBack,
    block_texts,
    body_text,
    flat_toc,
    libmobi_metadata,
    read_with_kindleunpack,
    read_with_libmobi,
    sample_book,
    unpack,
    with_language,
)
from support import needs_calibre, needs_mobitool, use_mobitool



def _kf8_docs(book: RenderedBook):
    return [d for d in book.documents if d.kind != "nav"]


def straddling_book() -> tuple[RenderedBook, bytes]:
    """The sample book, shifted until record cuts split Chinese characters both ways (1 and 2 bytes on)."""
    for pad in ("", "x", "xy", "xyz"):
        book = sample_book(pad=pad)
        data = build_azw3(book)
        got = unpack(data)
        long_doc = got.text.find("第1段".encode())
        cuts = {n for i, n in enumerate(got.overlaps[:-1]) if (i + 1) * 4096 > long_doc}
        if {1, 2} <= cuts:
            return book, data
    raise AssertionError("no padding made record cuts split characters both ways")


@pytest.fixture(scope="module")
def straddling(tmp_path_factory) -> tuple[RenderedBook, Path]:
    book, data = straddling_book()
    path = tmp_path_factory.mktemp("azw3") / "book.azw3"
    path.write_bytes(data)
    return book, path


@pytest.fixture(scope="module")
def kindleunpack(straddling) -> ReadBack:
    return read_with_kindleunpack(straddling[1])


@pytest.fixture(scope="module")
def libmobi(straddling, tmp_path_factory) -> ReadBack:
    return read_with_libmobi(straddling[1], tmp_path_factory.mktemp("libmobi"))


def test_fixture_forces_the_hard_cases(straddling) -> None:
    book, path = straddling
    long_article = next(d for d in book.documents if d.id == "a-p1-01")
    assert len(long_article.xhtml.encode()) > 8192  # longer than one fragment and two records
    got = unpack(path.read_bytes())
    assert {1, 2} <= set(got.overlaps)  # characters straddle record boundaries both ways


@pytest.mark.parametrize("reader", ["kindleunpack", pytest.param("libmobi", marks=needs_mobitool)])
def test_every_document_text_equals_the_source(straddling, reader: str, request) -> None:
    book, _ = straddling
    back: ReadBack = request.getfixturevalue(reader)
    docs = _kf8_docs(book)
    assert len(back.parts) == len(docs)
    for doc, part in zip(docs, back.parts):
        source = doc.xhtml.encode()
        assert block_texts(part) == block_texts(source), doc.href
        assert body_text(part) == body_text(source), doc.href


@pytest.mark.parametrize("reader", ["kindleunpack", pytest.param("libmobi", marks=needs_mobitool)])
def test_toc_labels_depth_order_and_targets(straddling, reader: str, request) -> None:
    book, _ = straddling
    back: ReadBack = request.getfixturevalue(reader)
    expected = flat_toc(book.toc)
    assert [(d, label) for d, label, _ in back.toc] == [(d, label) for d, label, _ in expected]
    doc_index = {d.href: i for i, d in enumerate(_kf8_docs(book))}
    for (_, _, src), (_, _, href) in zip(back.toc, expected):
        path, _, anchor = href.partition("#")
        number = int(re.search(r"part0*(\d+)", src).group(1))
        assert number == doc_index[path], (src, href)
        if anchor:
            assert src.endswith("#" + anchor)


@pytest.mark.parametrize("reader", ["kindleunpack", pytest.param("libmobi", marks=needs_mobitool)])
def test_internal_links_and_images_resolve(straddling, reader: str, request) -> None:
    back: ReadBack = request.getfixturevalue(reader)
    speech = back.parts[3].decode()
    assert re.search(r'href="part0*2\.x?html#p3"', speech)  # a-p1-02 → a-p1-01#p3
    assert re.search(r'<img[^>]+src="[^"]+\.png"', speech)
    contents = back.parts[1].decode()
    assert re.search(r'href="part0*3\.x?html#part2"', contents)
    assert "https://example.org/x?a=1&amp;b=2" in back.parts[4].decode()


def test_exth_and_header_values(straddling) -> None:
    book, path = straddling
    got = unpack(path.read_bytes())
    exth = got.exth
    assert exth[503] == [book.metadata.title.encode()]
    assert exth[524] == [b"zh-CN"]
    assert exth[106] == [b"2021-10-21T00:00:00+00:00"]
    assert exth[501] == [b"EBOK"]
    assert exth[113] == [b"12345678123456781234567812345678"]
    assert thumbnail_name(book) == "thumbnail_12345678123456781234567812345678_EBOK_portrait.jpg"
    assert got.u32(0x24) == 8 and got.u32(0x1C) == 65001 and got.u32(0x5C) == 0x804
    # start reading (116) points at the <body of the first article
    start = int.from_bytes(exth[116][0], "big")
    assert got.text[start : start + 5] == b"<body"
    assert got.text.find("第1段".encode()) > start
    # the cover record is the cover JPEG (JFIF header present), the thumbnail a small JPEG
    first = got.u32(0x6C)
    cover = got.records[first + int.from_bytes(exth[201][0], "big")]
    thumb = got.records[first + int.from_bytes(exth[202][0], "big")]
    assert cover[:4] == b"\xff\xd8\xff\xe0" and b"JFIF" in cover[:12]
    assert thumb[:2] == b"\xff\xd8" and len(thumb) <= 16 * 1024
    assert exth[129] == [b"kindle:embed:0001"]


@needs_mobitool
def test_libmobi_metadata(straddling) -> None:
    book, path = straddling
    info = libmobi_metadata(path)
    assert f"Title: {book.metadata.title}" in info
    assert "Language: zh-CN" in info
    assert "Publishing date: 2021-10-21" in info


def test_kindleunpack_metadata(kindleunpack, straddling) -> None:
    opf = kindleunpack.opf.decode()
    assert f"<dc:title>{straddling[0].metadata.title}</dc:title>" in opf
    assert 'name="Content-Language-Tag" content="zh-CN"' in opf
    assert "2021-10-21" in opf


@pytest.mark.parametrize(("language", "tag", "locale"), [("zh-TW", "zh-TW", 0x404), ("zh-HK", "zh-HK", 0xC04),
                                                          ("zh-Hant-TW", "zh-TW", 0x404), ("zh-Hans", "zh-CN", 0x804)])
def test_traditional_edition_language_and_locale(language: str, tag: str, locale: int, tmp_path) -> None:
    path = tmp_path / "t.azw3"
    path.write_bytes(build_azw3(with_language(sample_book(), language)))
    got = unpack(path.read_bytes())
    assert got.exth[524] == [tag.encode()]
    assert got.u32(0x5C) == locale
    if use_mobitool:
        info = subprocess.run(["mobitool", "-i", str(path)], capture_output=True, text=True, check=True).stdout
        assert f"Language (524): {tag}" in info
        assert f"({locale})" in info


def test_vertical_book_sets_writing_mode(tmp_path) -> None:
    got = unpack(build_azw3(sample_book(vertical=True)))
    assert got.exth[525] == [b"vertical-rl"] and got.exth[527] == [b"rtl"]
    assert 525 not in unpack(build_azw3(sample_book())).exth


def test_book_without_cover_opens(tmp_path) -> None:
    book = sample_book(cover=False)
    path = tmp_path / "nocover.azw3"
    path.write_bytes(build_azw3(book))
    got = unpack(path.read_bytes())
    assert 201 not in got.exth and got.u32(0x6C) != 0xFFFFFFFF
    back = read_with_kindleunpack(path)
    assert [body_text(p) for p in back.parts[2:]] == [body_text(d.xhtml.encode()) for d in _kf8_docs(book)[2:]]


def test_same_book_same_bytes() -> None:
    assert build_azw3(sample_book()) == build_azw3(sample_book())


def _spine(epub: Path) -> list[bytes]:
    """The content documents of an EPUB in spine order."""
    from lxml import etree

    with zipfile.ZipFile(epub) as zf:
        container = etree.fromstring(zf.read("META-INF/container.xml"))
        opf_path = container.find(".//{*}rootfile").get("full-path")
        opf = etree.fromstring(zf.read(opf_path))
        base = opf_path.rpartition("/")[0]
        items = {i.get("id"): i.get("href") for i in opf.iter("{*}item")}
        hrefs = [items[ref.get("idref")] for ref in opf.iter("{*}itemref")]
        return [zf.read(f"{base}/{h}" if base else h) for h in hrefs]


@needs_calibre
def test_calibre_converts_and_inspects(straddling, tmp_path) -> None:
    book, path = straddling
    out = tmp_path / "back.epub"
    run = subprocess.run(["ebook-convert", str(path), str(out)], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    text = "".join(body_text(part) for part in _spine(out))
    for doc in _kf8_docs(book)[1:]:
        assert body_text(doc.xhtml.encode()) in text, doc.href
    inspect = subprocess.run(["calibre-debug", "--inspect-mobi", str(path)], capture_output=True, text=True,
                             timeout=300, cwd=tmp_path)
    assert inspect.returncode == 0, inspect.stdout[-2000:] + inspect.stderr[-2000:]
    assert "Traceback" not in inspect.stdout + inspect.stderr
