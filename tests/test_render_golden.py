"""Golden files of the rendered XHTML (hand-built issues and the examples); --save-golden-files rewrites them."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest
from render_fixtures import BUILD_TIME, FIXTURES, tiny_jpeg

from rsbz_epub.options import Publication
from rsbz_epub.render.book import RenderedBook
from rsbz_epub.render.xhtml import render_book

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.txt"))


def book_summary(book: RenderedBook) -> str:
    """Metadata and navigation as stable JSON (the documents are compared file by file)."""
    data = {
        "metadata": {k: str(v) if v is not None and not isinstance(v, (str, int, bool)) else v for k, v in asdict(book.metadata).items()},
        "documents": [{"id": d.id, "href": d.href, "kind": d.kind, "linear": d.linear, "title": d.title} for d in book.documents],
        "resources": [{"id": r.id, "href": r.href, "media_type": r.media_type, "properties": list(r.properties)} for r in book.resources],
        "toc": [asdict(e) for e in book.toc],
        "page_list": [asdict(t) for t in book.page_list],
        "landmarks": [dict(asdict(e), type=t) for e, t in zip(book.landmarks, book.landmark_types)],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def check_book(golden, folder: str, book: RenderedBook) -> None:
    golden(f"render/{folder}/book.json", book_summary(book))
    for doc in book.documents:
        golden(f"render/{folder}/{doc.href}", doc.xhtml)


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_fixture_golden(golden, name):
    book = render_book(FIXTURES[name](), publication=Publication(), cover_jpeg=tiny_jpeg(), build_time=BUILD_TIME)
    check_book(golden, name, book)


def test_kindle_variant_golden(golden):
    book = render_book(
        FIXTURES["paged"](), publication=Publication(), target="kindle", cover_jpeg=tiny_jpeg(), build_time=BUILD_TIME
    )
    check_book(golden, "paged-kindle", book)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_golden(golden, path):
    """Each example as the bundle prepares it (read + stitch), rendered for EPUB."""
    from build_support import options_for

    from rsbz_epub.bundle import prepare_issue

    options = options_for(path)
    issue = prepare_issue(path.read_bytes(), options)
    book = render_book(issue, publication=options.read.publication, cover_jpeg=tiny_jpeg(), build_time=BUILD_TIME)
    check_book(golden, path.stem, book)
