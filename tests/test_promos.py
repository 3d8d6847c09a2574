"""Books open on the news: promos close their 版, are marked as promos and are left out of summaries."""

from __future__ import annotations

import re
import struct

import pytest
from lxml import etree

from azw3_fixtures import unpack
from build_support import EXAMPLES, NS, Epub, built
from rsbz_epub.model import Article, Issue, IssueMeta, Page
from rsbz_epub.transforms.promos import promos_last

WITH_PROMO = [p.name for p in EXAMPLES if any(a.kind == "promo" for a in built(p.name).issue.articles())]
CSS = (EXAMPLES[0].parents[1] / "styles" / "layout.css").read_text(encoding="utf-8")


def _file(name: str, fmt: str) -> bytes:
    return next(f.data for f in built(name).editions[0].files if f.format == fmt)


def test_the_examples_have_promos():
    assert len(WITH_PROMO) >= 3


def test_promos_last_is_a_stable_reorder_within_each_page():
    a, b, c = (Article(x, x, 1, kind=k) for x, k in (("p", "promo"), ("n1", "article"), ("n2", "editor-note")))
    issue = Issue(IssueMeta(paper="报"), (Page("1", (a, b, c), 1), Page("2", (a,), 5)))
    out = promos_last(issue)
    assert [x.id for x in out.pages[0].articles] == ["n1", "n2", "p"]
    assert [x.id for x in out.pages[1].articles] == ["p"]


@pytest.mark.parametrize("name", WITH_PROMO)
def test_promos_come_last_on_their_page(name):
    for page in built(name).issue.pages:
        kinds = [a.kind == "promo" for a in page.articles]
        assert kinds == sorted(kinds), f"版{page.label}: a promo before news"


@pytest.mark.parametrize("fmt", ["epub", "kindle"])
@pytest.mark.parametrize("name", WITH_PROMO)
def test_bodymatter_landmark_and_guide_open_on_news(name, fmt):
    epub = Epub.from_bytes(_file(name, fmt))
    nav = etree.fromstring(epub.files[next(p for p in epub.files if p.endswith("nav.xhtml"))])
    href = nav.xpath("//x:nav[@epub:type='landmarks']//x:a[@epub:type='bodymatter']/@href", namespaces=NS)[0]
    target = etree.fromstring(epub.files[epub.resolve(href.split("#")[0])])
    assert target.xpath("//x:article/@class", namespaces=NS) == ["article"]
    guide = epub.meta("//opf:guide/opf:reference[@type='text']/@href")
    assert guide and guide[0].split("#")[0] == href.split("#")[0]


@pytest.mark.parametrize("name", WITH_PROMO)
def test_azw3_start_position_is_the_first_news_article(name):
    book = unpack(_file(name, "azw3"))
    start = struct.unpack(">I", book.exth[116][0])[0]
    after = book.text[start : start + 4000].decode("utf-8", "ignore")
    first_news = next(a for a in built(name).issue.articles() if a.kind != "promo")
    promo = next(a for a in built(name).issue.articles() if a.kind == "promo")
    assert first_news.title[:8] in after
    assert promo.title[:8] not in after.split("</body>")[0]


@pytest.mark.parametrize("name", WITH_PROMO)
def test_promos_are_marked_in_nav_ncx_and_contents_and_out_of_the_summaries(name):
    epub = Epub.from_bytes(_file(name, "epub"))
    promo = next(a for a in built(name).issue.articles() if a.kind == "promo")
    nav = etree.fromstring(epub.files[next(p for p in epub.files if p.endswith("nav.xhtml"))])
    toc_labels = [a.text for a in nav.xpath("//x:nav[@epub:type='toc']//x:a", namespaces=NS)]
    assert promo.title + "（推广）" in toc_labels
    ncx = etree.fromstring(epub.files[next(p for p in epub.files if p.endswith(".ncx"))])
    assert promo.title + "（推广）" in ncx.xpath("//ncx:navPoint/ncx:navLabel/ncx:text/text()", namespaces=NS)
    contents = etree.fromstring(epub.files[epub.resolve("text/contents.xhtml")])
    item = contents.xpath("//x:li[@class='promo']", namespaces=NS)[0]
    assert item.xpath(".//x:span[@class='promo-mark']/text()", namespaces=NS) == ["（推广）"]
    assert not item.xpath(".//x:p[@class='lede']", namespaces=NS)
    # Each page's promo is its page's last entry.
    for section in contents.xpath("//x:section[@class='contents-page']", namespaces=NS):
        classes = section.xpath(".//x:li/@class", namespaces=NS)
        assert classes == sorted(classes, key=lambda c: c == "promo")
    assert promo.title not in epub.meta("//dc:description/text()")[0]


def _rule(selector_part: str) -> str:
    """The declarations of the first rule whose selector mentions ``selector_part``."""
    match = re.search(r"([^{}]*" + re.escape(selector_part) + r"[^{}]*)\{([^}]*)\}", CSS)
    assert match, selector_part
    return match.group(2)


def test_a_promo_box_is_not_drawn_inside_the_promo_box_nor_indented():
    assert re.search(r"border:\s*0", _rule("article.promo aside"))
    assert re.search(r"text-indent:\s*0", _rule("article.promo aside p"))


@pytest.mark.parametrize("name", WITH_PROMO)
def test_a_promo_account_box_is_an_aside_inside_the_promo_article(name):
    epub = Epub.from_bytes(_file(name, "epub"))
    promos = [doc for _, doc in epub.article_docs() if doc.xpath("//x:article[@class='promo']", namespaces=NS)]
    assert promos
    for doc in promos:
        # Whatever box the promo holds sits directly in the promo article, which the CSS un-boxes.
        for aside in doc.xpath("//x:aside", namespaces=NS):
            assert aside.getparent().get("class") == "promo"
