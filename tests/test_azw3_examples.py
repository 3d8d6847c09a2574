"""The real examples: every AZW3 that `build` makes opens in KindleUnpack, libmobi (and calibre),
and reads back the main EPUB's articles, TOC and metadata."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from azw3_fixtures import block_texts, body_text, libmobi_metadata, read_with_kindleunpack, read_with_libmobi, unpack
from support import needs_calibre, needs_mobitool, use_mobitool

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))
EDITIONS = {"hans": "zh-CN", "tw": "zh-TW", "hk": "zh-HK"}
NCX_NS = "{http://www.daisy.org/z3986/2005/ncx/}"

from rsbz_epub.bundle import build_issue
from rsbz_epub.options import BuildOptions


def _epub_parts(epub: bytes) -> tuple[list[tuple[str, bytes]], list[tuple[int, str]], dict[str, str]]:
    """Spine documents (nav excluded), NCX (depth, label) and dc: metadata of an EPUB."""
    import io

    with zipfile.ZipFile(io.BytesIO(epub)) as zf:
        opf_path = etree.fromstring(zf.read("META-INF/container.xml")).find(".//{*}rootfile").get("full-path")
        base = opf_path.rpartition("/")[0]
        opf = etree.fromstring(zf.read(opf_path))
        items = {i.get("id"): i for i in opf.iter("{*}item")}
        docs = []
        for ref in opf.iter("{*}itemref"):
            item = items[ref.get("idref")]
            if "nav" in (item.get("properties") or "").split():
                continue
            docs.append((item.get("href"), zf.read(f"{base}/{item.get('href')}")))
        ncx_item = next(i for i in items.values() if i.get("media-type") == "application/x-dtbncx+xml")
        ncx = etree.fromstring(zf.read(f"{base}/{ncx_item.get('href')}"))
        toc: list[tuple[int, str]] = []

        def walk(node: etree._Element, depth: int) -> None:
            for point in node.findall(f"{NCX_NS}navPoint"):
                toc.append((depth, point.findtext(f"{NCX_NS}navLabel/{NCX_NS}text").strip()))
                walk(point, depth + 1)

        walk(ncx.find(f"{NCX_NS}navMap"), 0)
        meta = {etree.QName(el).localname: (el.text or "") for el in opf.find("{*}metadata") if isinstance(el.tag, str)}
        return docs, toc, meta


@pytest.fixture(scope="module", params=[(ex, ed) for ex in EXAMPLES for ed in EDITIONS],
                ids=lambda p: f"{p[0].stem}-{p[1]}")
def built(request, tmp_path_factory):
    example, edition = request.param
    build = build_issue(example.read_bytes(), BuildOptions(editions=(edition,), formats=("epub", "azw3")))
    files = {f.format: f for f in next(e for e in build.editions if e.edition == edition).files}
    path = tmp_path_factory.mktemp("ex") / files["azw3"].name
    path.write_bytes(files["azw3"].data)
    return edition, path, files["epub"].data, files["thumbnail"].name, example


def _check_reader(back, epub: bytes) -> None:
    docs, toc, _ = _epub_parts(epub)
    assert len(back.parts) == len(docs)
    articles = 0
    for (href, source), part in zip(docs, back.parts):
        if re.search(r"(^|/)a-[^/]*\.xhtml$", href):
            articles += 1
            assert block_texts(part) == block_texts(source), href
            assert body_text(part) == body_text(source), href
    assert articles > 0
    assert [(d, label) for d, label, _ in back.toc] == toc


def test_kindleunpack_reads_every_article(built) -> None:
    _, path, epub, _, _ = built
    _check_reader(read_with_kindleunpack(path), epub)


@needs_mobitool
def test_libmobi_reads_every_article(built, tmp_path) -> None:
    _, path, epub, _, _ = built
    _check_reader(read_with_libmobi(path, tmp_path), epub)


def test_exth_title_language_date(built) -> None:
    edition, path, epub, thumb, _ = built
    _, _, meta = _epub_parts(epub)
    got = unpack(path.read_bytes())
    assert got.exth[503] == [meta["title"].encode()]
    assert got.exth[524] == [EDITIONS[edition].encode()]
    assert got.u32(0x5C) == {"zh-CN": 0x804, "zh-TW": 0x404, "zh-HK": 0xC04}[EDITIONS[edition]]
    assert got.exth[106][0].decode().startswith(meta["date"][:10])
    assert thumb == f"thumbnail_{got.exth[113][0].decode()}_EBOK_portrait.jpg"
    if use_mobitool:
        info = libmobi_metadata(path)
        assert f"Title: {meta['title']}" in info and f"Language: {EDITIONS[edition]}" in info


def test_reproducible(built) -> None:
    edition, path, _, _, example = built
    again = build_issue(example.read_bytes(), BuildOptions(editions=(edition,), formats=("azw3",)))
    data = next(f for e in again.editions if e.edition == edition for f in e.files if f.format == "azw3").data
    assert data == path.read_bytes()


@needs_calibre
def test_calibre_opens(built, tmp_path) -> None:
    _, path, _, _, _ = built
    run = subprocess.run(["ebook-convert", str(path), str(tmp_path / "back.epub")], capture_output=True, text=True,
                         timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    inspect = subprocess.run(["calibre-debug", "--inspect-mobi", str(path)], capture_output=True, text=True,
                             timeout=300, cwd=tmp_path)
    assert inspect.returncode == 0 and "Traceback" not in inspect.stdout + inspect.stderr
