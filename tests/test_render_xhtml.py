"""render_book: document structure, links, ids, languages — invariants over every fixture."""

from __future__ import annotations

import re

import pytest
from render_fixtures import BUILD_TIME, FIXTURES, flat_issue, paged_issue, print_order_issue, tiny_jpeg
from render_support import EPUB, NS, XHTML, XML_LANG, ids, parse, resolve, text_of, trees

from rsbz_epub.model import Article, Issue, Page, PageBreak, Paragraph
from rsbz_epub.options import Publication
from rsbz_epub.render.book import RenderedBook
from rsbz_epub.render.xhtml import render_book

CASES = [(name, target, vertical) for name in FIXTURES for target in ("epub", "kindle") for vertical in (False, True)]


def render(issue: Issue, **kw) -> RenderedBook:
    kw.setdefault("publication", Publication())
    kw.setdefault("cover_jpeg", tiny_jpeg())
    kw.setdefault("build_time", BUILD_TIME)
    return render_book(issue, **kw)


@pytest.fixture(params=CASES, ids=[f"{n}-{t}-{'v' if v else 'h'}" for n, t, v in CASES])
def case(request):
    name, target, vertical = request.param
    issue = FIXTURES[name]()
    return issue, render(issue, target=target, vertical=vertical, extra_css="p { color: #000; }"), target


def test_every_document_is_well_formed_xhtml5_with_language(case):
    issue, book, target = case
    lang = {"epub": "zh-Hans", "kindle": "zh-CN"}[target]
    assert book.metadata.language == lang
    for doc in book.documents:
        assert doc.xhtml.startswith('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n')
        root = parse(doc.xhtml)
        assert root.tag == f"{{{XHTML}}}html"
        assert root.nsmap.get("epub") == EPUB
        assert root.get("lang") == root.get(XML_LANG) == lang
        assert root.find("x:head/x:title", NS).text
        # An element with lang must carry the same xml:lang (XHTML rule) and vice versa.
        for el in root.iter():
            if isinstance(el.tag, str):
                assert el.get("lang") == el.get(XML_LANG)
        assert not re.search(r"<(span|a|p|div|li|ol|h\d)\b[^>]*/>", doc.xhtml), "self-closed non-void element"
        assert doc.href.isascii() and doc.id.isascii()


def test_ids_unique_across_the_book(case):
    _, book, _ = case
    seen = [i for tree in trees(book).values() for i in ids(tree)]
    assert len(seen) == len(set(seen))
    assert len({d.id for d in book.documents} | {r.id for r in book.resources}) == len(book.documents) + len(book.resources)


def test_every_link_and_image_resolves_and_no_link_targets_a_body(case):
    _, book, _ = case
    parsed = trees(book)
    resources = {r.href for r in book.resources}
    for href, tree in parsed.items():
        for a in tree.iterfind(".//x:a", NS):
            target, fragment = resolve(href, a.get("href"))
            assert target in parsed, (href, a.get("href"))
            if fragment:
                (hit,) = [e for e in parsed[target].iter() if isinstance(e.tag, str) and e.get("id") == fragment]
                assert hit.tag != f"{{{XHTML}}}body"
        for img in tree.iterfind(".//x:img", NS):
            assert img.get("src") and img.get("alt")
            assert resolve(href, img.get("src"))[0] in resources
        for link in tree.iterfind(".//x:link", NS):
            assert resolve(href, link.get("href"))[0] in resources
    for entry in [*book.toc, *(c for e in book.toc for c in e.children), *book.landmarks, *book.page_list]:
        target, fragment = resolve("x", entry.href)
        assert target in parsed
        if fragment:
            assert fragment in ids(parsed[target])


def test_spine_kinds_and_nav(case):
    issue, book, _ = case
    kinds = [d.kind for d in book.documents]
    assert kinds == ["cover", "contents", *["article"] * len(issue.articles()), "nav"]
    nav = book.documents[-1]
    assert nav.properties == ("nav",) and not nav.linear
    assert book.cover_image == "cover-image"
    (cover,) = [r for r in book.resources if r.id == book.cover_image]
    assert cover.properties == ("cover-image",) and cover.media_type == "image/jpeg"
    assert book.landmark_types == ("cover", "toc", "bodymatter")


def test_the_ir_is_only_read(case):
    issue, _, _ = case
    name = [n for n, f in FIXTURES.items() if f() == issue]
    assert name, "render_book changed the issue"


def test_stylesheets_per_target(case):
    _, book, target = case
    names = [r.href for r in book.resources if r.media_type == "text/css"]
    assert names[:2] == ["styles/layout.css", "styles/kindle.css" if target == "kindle" else "styles/book.css"]
    assert names[-1] == "styles/house.css"
    house = [r for r in book.resources if r.href == "styles/house.css"][0]
    assert house.data == b"p { color: #000; }"
    for doc in book.documents:
        links = [l.get("href") for l in parse(doc.xhtml).iterfind(".//x:link", NS)]
        assert links[-1].endswith("house.css")  # the house style comes last so it wins


def test_vertical_css_only_on_text_documents():
    book = render(paged_issue(edition="tw"), vertical=True)
    assert book.metadata.vertical
    for doc in book.documents:
        has = "vertical.css" in doc.xhtml
        assert has == (doc.kind in ("contents", "article")), doc.href
    assert "vertical.css" not in render(paged_issue()).documents[1].xhtml


@pytest.mark.parametrize(
    "edition, epub_lang, kindle_lang",
    [("hans", "zh-Hans", "zh-CN"), ("hant", "zh-Hant", "zh-TW"), ("tw", "zh-Hant-TW", "zh-TW"), ("hk", "zh-Hant-HK", "zh-HK")],
)
def test_language_per_edition_and_target(edition, epub_lang, kindle_lang):
    for target, lang in (("epub", epub_lang), ("kindle", kindle_lang)):
        book = render(paged_issue(edition=edition), target=target)
        assert book.metadata.language == lang
        assert all(f'lang="{lang}" xml:lang="{lang}"' in d.xhtml for d in book.documents)


def test_rendering_is_deterministic():
    assert render(paged_issue()) == render(paged_issue())


def test_unknown_target_and_edition_are_refused():
    with pytest.raises(ValueError):
        render(paged_issue(), target="pdf")
    with pytest.raises(ValueError):
        render(paged_issue(edition="xx"))


def test_empty_page_gets_a_page_target_but_no_toc_entry():
    base = print_order_issue()
    stitched = Article("p1-01", "合并稿", 1, blocks=(Paragraph("前半。", 2), PageBreak("3", 3), Paragraph("后半。", 4)))
    issue = Issue(base.meta, (Page("1", (stitched,), 1), Page("2", base.pages[1].articles, 5), Page("3", (), 9)))
    book = render(issue)
    assert [(t.label, t.href) for t in book.page_list] == [
        ("1", "text/a-p1-01.xhtml#page-1"),
        ("2", "text/a-p2-01.xhtml#page-2"),
        ("3", "text/a-p1-01.xhtml#page-3"),
    ]
    assert [e.label for e in book.toc] == ["本期目录", "第1版", "第2版"]


def test_flat_issue_has_flat_toc_and_safe_file_names():
    book = render(flat_issue())
    assert [e.label for e in book.toc] == ["本期目录", "无版面标记的稿件", "第二篇"]
    assert all(not e.children for e in book.toc)
    assert [d.href for d in book.documents if d.kind == "article"] == ["text/a-1.xhtml", "text/a-7.xhtml"]
    contents = parse(book.documents[1].xhtml)
    assert not contents.findall(".//x:h2", NS)
    # The inferred page still has its marker: it is the real 版 1 (the masthead is on it).
    assert [t.label for t in book.page_list] == ["1"]


def test_kindle_documents_have_no_body_id():
    book = render(paged_issue(), target="kindle")
    for doc in book.documents:
        assert parse(doc.xhtml).find("x:body", NS).get("id") is None


def test_nav_document_mirrors_the_data():
    book = render(paged_issue())
    nav = parse(book.documents[-1].xhtml)
    toc = nav.find(".//x:nav[@epub:type='toc']", NS)
    assert toc.get("role") == "doc-toc"
    top = toc.findall("x:ol/x:li", NS)
    assert [text_of(li.find("x:a", NS)) for li in top] == [e.label for e in book.toc]
    assert [len(li.findall("x:ol/x:li", NS)) for li in top] == [len(e.children) for e in book.toc]
    pages = nav.find(".//x:nav[@epub:type='page-list']", NS)
    assert pages.get("hidden") == "hidden" and pages.get("role") == "doc-pagelist"
    assert [a.text for a in pages.iterfind(".//x:a", NS)] == [t.label for t in book.page_list] == ["1", "2", "3", "3"]
    marks = nav.find(".//x:nav[@epub:type='landmarks']", NS)
    assert [a.get(f"{{{EPUB}}}type") for a in marks.iterfind(".//x:a", NS)] == list(book.landmark_types)
