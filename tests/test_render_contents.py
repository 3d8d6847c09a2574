"""The cover page, 本期目录, metadata and the fixed labels."""

from __future__ import annotations

import opencc
import pytest
from render_fixtures import BUILD_TIME, flat_issue, meta, paged_issue, print_order_issue, tiny_jpeg
from render_support import NS, parse

from rsbz_epub.identity import book_identifier
from rsbz_epub.model import Article, Issue, Paragraph
from rsbz_epub.options import EDITIONS, Publication
from rsbz_epub.render import labels
from rsbz_epub.render.contents import LEDE_MAX, first_sentence
from rsbz_epub.render.xhtml import render_book


def render(issue: Issue, **kw):
    return render_book(issue, publication=Publication(), cover_jpeg=tiny_jpeg(), build_time=BUILD_TIME, **kw)


def test_cover_page_is_one_image_with_alt_text():
    doc = render(paged_issue()).documents[0]
    img = parse(doc.xhtml).find(".//x:img", NS)
    assert img.get("src") == "../images/cover.jpg"
    assert img.get("{http://www.idpf.org/2007/ops}type") == "cover" and img.get("role") == "doc-cover"
    assert img.get("alt") == "封面：人力资源社会保障，2021年10月21日 第40期，简体中文版"


def test_contents_page_groups_articles_by_page_with_first_sentences():
    tree = parse(render(paged_issue()).documents[1].xhtml)
    assert tree.find(".//x:section", NS).get("role") == "doc-toc"
    masthead = tree.find(".//x:header[@class='masthead']", NS)
    latin = masthead.find("x:p[@class='paper-latin']", NS)
    assert latin.get("lang") == "zh-Latn-pinyin" and latin.text == "RENLI ZIYUAN SHEHUI BAOZHANG"
    assert masthead.find("x:p[@class='dateline']", NS).text == "2021年10月21日 第40期"
    pages = tree.findall(".//x:section[@class='contents-page']", NS)
    assert [p.find("x:h2", NS).text for p in pages] == ["第1版 要闻", "第2版 综合", "第3版"]
    first = pages[0].findall(".//x:li", NS)
    assert [li.find(".//x:a", NS).get("href") for li in first] == ["a-p1-01.xhtml", "a-p1-02.xhtml"]
    assert first[1].find("x:p[@class='lede']", NS).text == "为进一步扩大上海第46届世界技能大赛的影响力和知晓度，活动在上海中心举办。"
    assert first[0].get("class") == "promo"


def test_first_sentence_rules():
    def art(*texts):
        return Article("a", "t", 1, blocks=tuple(Paragraph(t, 1) for t in texts))

    assert first_sentence(art("他说：“好。”然后走了。")) == "他说：“好。”"
    assert first_sentence(art("没有句号的一段")) == "没有句号的一段"
    assert first_sentence(art("")) == ""
    long = "长" * (LEDE_MAX + 20) + "。"
    assert first_sentence(art(long)) == "长" * (LEDE_MAX - 1) + "…"


def test_metadata_is_complete():
    issue = paged_issue()
    md = render(issue).metadata
    assert md.identifier == book_identifier(issue.meta)
    assert md.title == "人力资源社会保障 2021年10月21日 第40期"
    assert md.date == issue.meta.date and md.modified == BUILD_TIME
    assert md.publisher == "上海市人力资源和社会保障局"
    assert md.source == "人力资源社会保障 2021年10月21日 第40期（印刷版）"
    assert md.series == "人力资源社会保障" and md.series_index == "2021.040"  # no 总第N期: year-based
    assert all((a.title in md.description) == (a.kind != "promo") for a in issue.articles())  # promos are not articles
    assert md.edition == "hans" and md.edition_note is None and not md.vertical
    summary = md.accessibility_summary
    assert "版面导航" in summary and "合并为一篇" in summary and "转版说明" in summary
    assert "互有链接" in render(print_order_issue()).metadata.accessibility_summary
    assert "版面导航" in render(flat_issue()).metadata.accessibility_summary


def test_metadata_of_a_traditional_edition_names_its_conversion():
    md = render(paged_issue(edition="tw", issn="1234-5679"), vertical=True).metadata
    assert "s2tw" in md.edition_note and "繁體中文版（臺灣）" in md.edition_note
    assert "s2tw" in md.accessibility_summary and "豎排" in md.accessibility_summary
    assert md.issn == "1234-5679" and md.vertical


def test_publication_fallbacks():
    issue = Issue(meta(publisher=None), paged_issue().pages)
    md = render_book(issue, publication=Publication(publisher="某报社", issn="0000-0000"), cover_jpeg=tiny_jpeg(), build_time=BUILD_TIME).metadata
    assert md.publisher == "某报社" and md.issn == "0000-0000"
    undated = render(Issue(meta(date=None, issue_number=None), paged_issue().pages)).metadata
    assert undated.title == "人力资源社会保障" and undated.source == "人力资源社会保障（印刷版）"


@pytest.mark.parametrize("edition", [e for e, row in EDITIONS.items() if row[0]])
def test_labels_are_stable_under_their_own_conversion(edition):
    """A Traditional book's fixed words survive a second pass through OpenCC unchanged."""
    converter = opencc.OpenCC(EDITIONS[edition][0])
    for key in labels._TEMPLATES:
        text = labels.label(key, edition)
        assert converter.convert(text) == text, key
        assert text != labels._TEMPLATES[key] or converter.convert(labels._TEMPLATES[key]) == text


def test_page_names():
    assert labels.page_name("3", "hans") == "第3版"
    assert labels.page_name("A3", "hans") == "A3版"
