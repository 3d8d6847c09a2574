"""Rendered books packaged by the container writers pass EPUBCheck with no error and no warning."""

from __future__ import annotations

import io

import pytest
from render_fixtures import BUILD_TIME, FIXTURES, paged_issue, tiny_jpeg
from support import needs_java, run_epubcheck

from rsbz_epub.options import Publication
from rsbz_epub.render.xhtml import render_book
from rsbz_epub.writers.cover import make_cover

pytestmark = [
    pytest.mark.epubcheck,
    needs_java,
]

# EPUBCheck takes seconds per file, so each fixture, target and layout appears once, not crossed.
CASES = [("paged", "epub", False), ("paged", "kindle", True), ("print-order", "epub", True), ("flat", "kindle", False)]


def package(book, target: str) -> bytes:
    out = io.BytesIO()
    if target == "kindle":
        from rsbz_epub.writers.kindle_epub import write_kindle_epub

        write_kindle_epub(book, out)
    else:
        from rsbz_epub.writers.epub import write_epub

        write_epub(book, out)
    return out.getvalue()


@pytest.mark.parametrize("name, target, vertical", CASES, ids=[f"{n}-{t}-{'v' if v else 'h'}" for n, t, v in CASES])
def test_fixture_books_are_epubcheck_clean(tmp_path, name, target, vertical):
    book = render_book(
        FIXTURES[name](), publication=Publication(), target=target, cover_jpeg=tiny_jpeg(),
        build_time=BUILD_TIME, vertical=vertical, extra_css="p { color: #000; }\n",
    )
    path = tmp_path / f"{name}.epub"
    path.write_bytes(package(book, target))
    result = run_epubcheck(path)
    assert result.clean, str(result)


def test_traditional_vertical_with_real_cover_is_clean(tmp_path):
    issue = paged_issue(edition="hk")
    cover = make_cover(issue.meta, Publication())
    book = render_book(issue, publication=Publication(), cover_jpeg=cover, build_time=BUILD_TIME, vertical=True)
    path = tmp_path / "book.epub"
    path.write_bytes(package(book, "epub"))
    result = run_epubcheck(path)
    assert result.clean, str(result)
