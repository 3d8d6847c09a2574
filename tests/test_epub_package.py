"""The package document and NCX: every metadata field, manifest, spine, navMap, pageList."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace

import pytest
from epub_fixtures import sample_book
from lxml import etree

from rsbz_epub.errors import OutputError
from rsbz_epub.render.book import Document, PageTarget, TocEntry
from rsbz_epub.writers.epub import epub_bytes
from rsbz_epub.writers.ncx import play_orders

NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
}


def parts(book) -> tuple[etree._Element, etree._Element]:
    """(OPF root, NCX root) of the written book."""
    with zipfile.ZipFile(io.BytesIO(epub_bytes(book))) as zf:
        return etree.fromstring(zf.read("OEBPS/content.opf")), etree.fromstring(zf.read("OEBPS/toc.ncx"))


def metas(opf, prop: str) -> list[str]:
    return [m.text for m in opf.xpath(f"//opf:meta[@property='{prop}']", namespaces=NS)]


def one(opf, xpath: str) -> str:
    found = opf.xpath(xpath, namespaces=NS)
    assert len(found) == 1, (xpath, found)
    return found[0] if isinstance(found[0], str) else found[0].text


def test_identity_title_language_dates():
    opf, _ = parts(sample_book())
    assert opf.get("version") == "3.0"
    uid = opf.get("unique-identifier")
    assert one(opf, f"//dc:identifier[@id='{uid}']") == "urn:uuid:3f2504e0-4f89-51d3-9a0c-0305e82c3301"
    assert one(opf, "//dc:title[@id='title']") == "人力资源社会保障 2021年10月21日 第40期"
    assert one(opf, "//opf:meta[@refines='#title'][@property='title-type']") == "main"
    assert one(opf, "//dc:language") == "zh-Hans"
    assert one(opf, "//dc:date") == "2021-10-21"
    assert one(opf, "//dc:publisher") == "上海市人力资源和社会保障局"
    assert one(opf, "//dc:source") == "人力资源社会保障 2021年10月21日 第40期（印刷版）"
    assert metas(opf, "dcterms:modified") == ["2021-10-21T00:00:00Z"]
    assert one(opf, "//dc:description").startswith("本期文章：")
    assert [s.text for s in opf.xpath("//dc:subject", namespaces=NS)] == ["人力资源", "社会保障"]


def test_series_collection_and_calibre_pair():
    opf, _ = parts(sample_book())
    assert one(opf, "//opf:meta[@property='belongs-to-collection'][@id='series']") == "人力资源社会保障"
    assert one(opf, "//opf:meta[@refines='#series'][@property='collection-type']") == "series"
    assert one(opf, "//opf:meta[@refines='#series'][@property='group-position']") == "40"
    assert one(opf, "//opf:meta[@refines='#series'][@property='dcterms:identifier']") == "urn:issn:1234-5679"
    names = [m.get("name") for m in opf.xpath("//opf:meta[@name]", namespaces=NS)]
    assert names.index("calibre:series") + 1 == names.index("calibre:series_index")
    assert one(opf, "//opf:meta[@name='calibre:series_index']/@content") == "40"


def test_no_issn_means_no_collection_identifier():
    opf, _ = parts(sample_book(issn=None))
    assert not opf.xpath("//opf:meta[@refines='#series'][@property='dcterms:identifier']", namespaces=NS)


def test_accessibility_metadata():
    opf, _ = parts(sample_book())
    assert metas(opf, "schema:accessMode") == ["textual", "visual"]  # the sample has a photo
    assert metas(opf, "schema:accessModeSufficient") == ["textual"]
    features = metas(opf, "schema:accessibilityFeature")
    for feature in ("tableOfContents", "readingOrder", "structuralNavigation", "pageNavigation",
                    "pageBreakMarkers", "displayTransformability", "unlocked", "alternativeText"):
        assert feature in features
    assert metas(opf, "schema:accessibilityHazard") == ["none"]
    assert metas(opf, "schema:accessibilitySummary")[0]
    assert metas(opf, "pageBreakSource") == ["人力资源社会保障 2021年10月21日 第40期（印刷版）"]
    assert one(opf, "//opf:meta[@refines='#source'][@property='source-of']") == "pagination"
    # No conformance claim and no certifier: nobody evaluated or certified the book.
    assert not opf.xpath("//opf:meta[@property='dcterms:conformsTo' or @property='a11y:certifiedBy']", namespaces=NS)


def test_page_features_only_with_a_page_list_and_visual_only_with_photos():
    book = sample_book()
    book = replace(book, page_list=(), resources=tuple(r for r in book.resources if r.id != "photo"))
    opf, ncx = parts(book)
    features = metas(opf, "schema:accessibilityFeature")
    assert "pageBreakMarkers" not in features and "pageNavigation" not in features
    assert "alternativeText" not in features
    assert metas(opf, "schema:accessMode") == ["textual"]
    assert metas(opf, "pageBreakSource") == []
    assert not ncx.xpath("//ncx:pageList", namespaces=NS)


def test_edition_note_is_recorded():
    opf, _ = parts(sample_book(edition_note="由简体中文版经 OpenCC s2tw 转换"))
    assert metas(opf, "schema:bookEdition") == ["由简体中文版经 OpenCC s2tw 转换"]


def test_manifest_and_spine():
    book = sample_book()
    opf, _ = parts(book)
    items = {i.get("id"): i for i in opf.xpath("//opf:item", namespaces=NS)}
    assert items["nav"].get("properties") == "nav"
    assert items["cover-image"].get("properties") == "cover-image"
    assert items["ncx"].get("media-type") == "application/x-dtbncx+xml"
    assert not any("scripted" in (i.get("properties") or "") for i in items.values())
    assert one(opf, "//opf:meta[@name='cover']/@content") == "cover-image"
    spine = opf.find("opf:spine", NS)
    assert spine.get("toc") == "ncx" and spine.get("page-progression-direction") is None
    # The nav document is not linear, so it stays out of the spine; the cover leads.
    assert [r.get("idref") for r in spine] == ["cover", "contents", "a-p1-01", "a-p1-02", "a-p2-01"]


def test_cover_goes_first_even_if_rendered_later():
    book = sample_book()
    docs = (book.documents[1], book.documents[0], *book.documents[2:])
    opf, _ = parts(replace(book, documents=docs))
    assert [r.get("idref") for r in opf.find("opf:spine", NS)][:2] == ["cover", "contents"]


def test_vertical_books_turn_pages_right_to_left():
    opf, _ = parts(sample_book("zh-Hant-TW", vertical=True))
    assert opf.find("opf:spine", NS).get("page-progression-direction") == "rtl"
    assert one(opf, "//opf:meta[@name='primary-writing-mode']/@content") == "vertical-rl"


def test_ncx_mirrors_the_toc_with_nesting_and_page_list():
    book = sample_book()
    _, ncx = parts(book)
    heads = {m.get("name"): m.get("content") for m in ncx.xpath("//ncx:head/ncx:meta", namespaces=NS)}
    assert heads == {"dtb:uid": book.metadata.identifier, "dtb:depth": "2",
                     "dtb:totalPageCount": "2", "dtb:maxPageNumber": "2"}

    def tree(parent) -> list:
        return [
            (p.findtext("ncx:navLabel/ncx:text", namespaces=NS), p.find("ncx:content", NS).get("src"),
             tree(p))
            for p in parent.findall("ncx:navPoint", NS)
        ]

    def expected(entries) -> list:
        return [(e.label, e.href, expected(e.children)) for e in entries]

    assert tree(ncx.find("ncx:navMap", NS)) == expected(book.toc)
    targets = ncx.xpath("//ncx:pageTarget", namespaces=NS)
    assert [(t.get("value"), t.get("type"), t.find("ncx:content", NS).get("src")) for t in targets] == [
        ("1", "normal", "text/a-p1-01.xhtml#page-1"), ("2", "normal", "text/a-p2-01.xhtml#page-2"),
    ]
    orders = [int(p.get("playOrder")) for p in ncx.iter("{%s}navPoint" % NS["ncx"])]
    assert orders == sorted(orders) and orders[0] == 1


def test_play_order_is_shared_by_equal_targets_and_follows_the_spine():
    book = sample_book()
    orders = play_orders(book)
    assert sorted(set(orders.values())) == list(range(1, len(orders) + 1))
    assert orders["text/contents.xhtml"] < orders["text/a-p1-01.xhtml"] < orders["text/a-p1-01.xhtml#page-1"]
    assert orders["text/a-p1-02.xhtml"] < orders["text/a-p2-01.xhtml"]


def test_sectioned_folios_are_special_page_targets():
    book = sample_book()
    book = replace(book, page_list=(PageTarget("A1", "text/a-p1-01.xhtml#page-1"),))
    _, ncx = parts(book)
    target = ncx.xpath("//ncx:pageTarget", namespaces=NS)[0]
    assert target.get("type") == "special" and target.get("value") is None
    assert target.findtext("ncx:navLabel/ncx:text", namespaces=NS) == "A1"


def test_traditional_page_list_label():
    _, ncx = parts(sample_book("zh-Hant-HK"))
    assert ncx.findtext("ncx:pageList/ncx:navLabel/ncx:text", namespaces=NS) == "頁碼"


def _bad_books():
    book = sample_book()
    doc = book.documents[2]
    yield "share the manifest id", replace(book, documents=(*book.documents, replace(doc, href="text/x.xhtml")))
    yield "share the name", replace(book, documents=(*book.documents, replace(doc, id="x")))
    yield "not a plain ASCII path", replace(book, documents=(*book.documents, replace(doc, id="x", href="text/文章.xhtml")))
    yield "exactly one navigation", replace(book, documents=book.documents[:-1])
    yield "missing file", replace(book, toc=(TocEntry("x", "text/missing.xhtml"),))
    yield "missing file", replace(book, page_list=(PageTarget("9", "text/missing.xhtml#p9"),))
    yield "no contents entries", replace(book, toc=())
    yield "cover image", replace(book, cover_image="nope")
    yield "share the manifest id", replace(
        book, documents=(*book.documents, Document("ncx", "text/ncx.xhtml", "x", doc.xhtml, "article"))
    )


@pytest.mark.parametrize("message, book", list(_bad_books()))
def test_unpackageable_books_are_output_errors(message, book):
    with pytest.raises(OutputError, match=message):
        epub_bytes(book)
