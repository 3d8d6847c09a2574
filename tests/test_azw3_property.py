"""Invariant: for any book, both independent readers read back every document's text unchanged."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from html import escape
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support import use_mobitool
from rsbz_epub.render.book import TocEntry
from rsbz_epub.writers.azw3 import build_azw3

from azw3_fixtures import block_texts, body_text, doc, flat_toc, read_with_kindleunpack, read_with_libmobi, sample_book

# 3-byte CJK, 4-byte CJK Extension B, ASCII with markup-significant characters, full-width punctuation.
ALPHABET = st.sampled_from(list("人力资源社会保障第一二三四五六七八九十。，、“”：；！？") + ["𠮷", "𩸽"] + list("Ab1 &<>\"'"))
PARAGRAPH = st.text(alphabet=ALPHABET, min_size=1, max_size=1500)
ARTICLE = st.lists(PARAGRAPH, min_size=1, max_size=12)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles=st.lists(ARTICLE, min_size=1, max_size=5), per_page=st.integers(1, 3), wrap=st.booleans())
def test_random_books_round_trip(articles: list[list[str]], per_page: int, wrap: bool) -> None:
    base = sample_book()
    docs = list(base.documents[:2])  # cover + contents
    for n, paras in enumerate(articles):
        body = f"<h1>第{n + 1}篇</h1>\n" + "\n".join(f'<p id="p{i}">{escape(p, quote=False)}</p>' for i, p in enumerate(paras))
        if wrap:
            body = f'<section class="article">\n{body}\n</section>'
        docs.append(doc(f"a{n}", f"text/a{n}.xhtml", f"第{n + 1}篇", body))
    pages = []
    for start in range(0, len(articles), per_page):
        kids = tuple(TocEntry(f"第{i + 1}篇", f"text/a{i}.xhtml") for i in range(start, min(start + per_page, len(articles))))
        kids += (TocEntry("末段", f"text/a{start}.xhtml#p{len(articles[start]) - 1}"),)
        pages.append(TocEntry(f"第{len(pages) + 1}版", kids[0].href, kids))
    book = replace(base, documents=tuple(docs), toc=tuple(pages),
                   landmarks=base.landmarks[:2], landmark_types=base.landmark_types[:2])

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "book.azw3"
        path.write_bytes(build_azw3(book))
        readers = [read_with_kindleunpack(path)]
        if use_mobitool:
            readers.append(read_with_libmobi(path, Path(tmp) / "libmobi"))
        for back in readers:
            assert len(back.parts) == len(docs)
            for source, part in zip(docs, back.parts):
                assert block_texts(part) == block_texts(source.xhtml.encode()), source.href
                assert body_text(part) == body_text(source.xhtml.encode()), source.href
            assert [(d, label) for d, label, _ in back.toc] == [(d, label) for d, label, _ in flat_toc(book.toc)]
