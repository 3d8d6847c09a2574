"""Every EPUB the container writers produce passes EPUBCheck (0 errors, 0 warnings) and reads back in ebooklib."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from epub_fixtures import rendered_book, sample_book, write
from support import needs_java, run_epubcheck

from rsbz_epub.writers.epub import write_epub
from rsbz_epub.writers.kepub import write_kepub
from rsbz_epub.writers.kindle_epub import write_kindle_epub

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

# A handful of books, each exercising something different (EPUBCheck takes ~3 s per file).
BOOKS = {
    "sample": lambda: (write_epub, sample_book()),
    "sample-vertical-tw": lambda: (write_epub, sample_book("zh-Hant-TW", vertical=True, edition_note="经 OpenCC s2tw 转换")),
    "rendered-paged": lambda: (write_epub, rendered_book("paged")),
    "rendered-flat": lambda: (write_epub, rendered_book("flat")),
    "rendered-print-order": lambda: (write_epub, rendered_book("print")),
    "kindle-sample": lambda: (write_kindle_epub, sample_book("zh-CN")),
    "kindle-rendered-tw-vertical": lambda: (write_kindle_epub, rendered_book("paged", target="kindle", edition="tw", vertical=True)),
    "kepub-sample": lambda: (write_kepub, sample_book()),
    "kepub-rendered-paged": lambda: (write_kepub, rendered_book("paged")),
}


@needs_java
@pytest.mark.epubcheck
@pytest.mark.parametrize("name", list(BOOKS))
def test_epubcheck_clean(name, tmp_path):
    writer, book = BOOKS[name]()
    path = tmp_path / f"{name}.epub"
    path.write_bytes(write(writer, book))
    result = run_epubcheck(path)
    assert result.clean, str(result)


@pytest.mark.parametrize("name", ["sample", "rendered-paged", "kindle-sample", "kepub-sample"])
def test_ebooklib_reads_it_back(name, tmp_path):
    import ebooklib
    from ebooklib import epub

    writer, book = BOOKS[name]()
    path = tmp_path / f"{name}.epub"
    path.write_bytes(write(writer, book))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # ebooklib's own FutureWarnings about its defaults
        read = epub.read_epub(str(path), {"ignore_ncx": False})
    m = book.metadata
    assert read.get_metadata("DC", "identifier")[0][0] == m.identifier
    assert read.get_metadata("DC", "title")[0][0] == m.title
    assert read.get_metadata("DC", "language")[0][0] == m.language
    docs = {i.get_name() for i in read.get_items_of_type(ebooklib.ITEM_DOCUMENT)}
    assert {f"{d.href}" for d in book.documents} <= docs
    assert [idref for idref, _ in read.spine][0] == "cover"
    assert len(read.toc) == len(book.toc)


def _real_pipeline():
    """The example issue through reader → render → writers."""
    from build_support import built

    return built("rsbz-2021-40.txt", ("hans", "hk"), ("epub", "kindle", "kepub"))


@needs_java
@pytest.mark.epubcheck
@pytest.mark.slow
def test_example_issue_all_container_formats_clean(tmp_path):
    build = _real_pipeline()
    checked = 0
    for edition in build.editions:
        for out in edition.files:
            if out.name.endswith(".epub"):
                path = tmp_path / out.name
                path.write_bytes(out.data)
                result = run_epubcheck(path)
                assert result.clean, f"{out.name}\n{result}"
                checked += 1
    assert checked == 6


def test_example_issue_kindle_is_safe_and_kepub_keeps_every_character():
    import zipfile
    from io import BytesIO

    from lxml import etree

    from rsbz_epub.writers.kindle_epub import kindle_problems

    build = _real_pipeline()
    for edition in build.editions:
        files = {out.name: out.data for out in edition.files}
        kindle = next(n for n in files if n.endswith(".kindle.epub"))
        assert kindle_problems(files[kindle]) == [], kindle
        epub = next(n for n in files if n.endswith(".epub") and not n.endswith((".kindle.epub", ".kepub.epub")))
        kepub = next(n for n in files if n.endswith(".kepub.epub"))
        with zipfile.ZipFile(BytesIO(files[epub])) as a, zipfile.ZipFile(BytesIO(files[kepub])) as b:
            names = [n for n in a.namelist() if n.endswith(".xhtml")]
            assert names == [n for n in b.namelist() if n.endswith(".xhtml")]
            for name in names:
                def text(data: bytes) -> str:
                    return "".join(etree.fromstring(data).find("{http://www.w3.org/1999/xhtml}body").itertext())
                assert text(a.read(name)) == text(b.read(name)), name
