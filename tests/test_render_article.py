"""Article documents: header parts, blocks, jumps, page markers, escaping, no text lost."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from render_fixtures import BUILD_TIME, FIXTURES, meta, paged_issue, print_order_issue, tiny_jpeg
from render_support import NS, XHTML, parse, text_of

from rsbz_epub.model import Article, Aside, Caption, Issue, Page, PageJump, Paragraph, Subheading
from rsbz_epub.options import Publication
from rsbz_epub.render.markup import clean
from rsbz_epub.render.xhtml import render_book


def render(issue: Issue, **kw):
    return render_book(issue, publication=Publication(), cover_jpeg=tiny_jpeg(), build_time=BUILD_TIME, **kw)


def article_trees(issue: Issue, **kw):
    book = render(issue, **kw)
    return [parse(d.xhtml) for d in book.documents if d.kind == "article"]


def ir_strings(article: Article) -> list[str]:
    """Every piece of text the IR holds for an article (jump markers are rendered as notes)."""
    out = [article.title, article.kicker, article.subtitle, article.byline]
    for block in article.blocks:
        match block:
            case Paragraph(text=t) | Subheading(text=t) | Caption(text=t):
                out.append(t)
            case Aside(title=title, paragraphs=paragraphs):
                out += [title, *paragraphs]
    return [s for s in out if s]


def test_no_text_of_any_fixture_is_lost():
    for make in FIXTURES.values():
        issue = make()
        for article, tree in zip(issue.articles(), article_trees(issue)):
            body = text_of(tree.find(".//x:article", NS))
            for piece in ir_strings(article):
                assert clean(piece) in body, piece


def test_header_parts_and_block_elements():
    lead = article_trees(paged_issue())[1].find(".//x:article", NS)
    header = lead.find("x:header", NS)
    assert [(e.tag.split("}")[1], e.get("class")) for e in header] == [
        ("p", "kicker"), ("h1", None), ("p", "subtitle"), ("p", "byline"),
    ]
    assert header.find("x:h1", NS).text == "“外交官走进世赛”主题活动在沪成功举办"
    assert lead.find("x:h2", NS).text.startswith("一、")
    assert lead.find("x:h3", NS).text == "（一）健全组织"
    assert lead.find("x:p[@class='caption']", NS).text == "图为活动现场。"
    plain = [p for p in lead.findall("x:p", NS) if p.get("class") is None]
    assert len(plain) == 3  # one <p> per Paragraph block


def test_stitched_article_marks_where_the_next_page_begins():
    lead = article_trees(paged_issue())[1]
    (marker,) = lead.iterfind(".//x:span[@role='doc-pagebreak']", NS)
    assert marker.get("aria-label") == "第3版" and marker.get("id") == "page-3-2"
    assert marker.get("{http://www.idpf.org/2007/ops}type") == "pagebreak"
    assert marker.text is None and len(marker) == 0
    # It sits between the two halves, in the article's flow.
    following = marker.getnext()
    assert following.text == "世界技能博物馆落户上海，将成为重要窗口。"


def test_each_page_starts_with_a_marker_in_its_first_article():
    trees = article_trees(paged_issue())
    firsts = [t.find(".//x:article", NS)[0] for t in trees]
    assert [(e.get("id") if e.get("role") == "doc-pagebreak" else None) for e in firsts] == [
        "page-1", None, "page-2", "page-3",
    ]


def test_unresolved_jump_is_a_visible_note():
    second = article_trees(paged_issue())[2]
    (note,) = second.iterfind(".//x:p[@class='jump jump-on']", NS)
    assert note.text == "（下接第4版，本期未收录）"
    assert note.find("x:a", NS) is None


def test_keep_print_order_jumps_link_both_ways():
    first, _, rest = article_trees(print_order_issue())
    on = first.find(".//x:p[@class='jump jump-on']/x:a", NS)
    back = rest.find(".//x:p[@class='jump jump-from']/x:a", NS)
    assert (on.text, on.get("href")) == ("（下接第3版）", "a-p3-01.xhtml#jump-from-p3-01")
    assert (back.text, back.get("href")) == ("（上接第1版）", "a-p1-01.xhtml#jump-on-p1-01")


def test_jump_target_missing_from_the_book_falls_back_to_a_note():
    article = Article("p1-01", "稿件", 1, blocks=(PageJump("continued-on", "A3", "(转A3版)", 2, target="gone"),))
    (tree,) = article_trees(Issue(meta(), (Page("1", (article,), 1),)))
    assert tree.find(".//x:p[@class='jump jump-on']", NS).text == "（下接A3版，本期未收录）"


def test_text_is_escaped_and_pinyin_is_tagged():
    second = article_trees(paged_issue())[2]
    p = [p for p in second.iterfind(".//x:p", NS) if "标记" in text_of(p)][0]
    assert text_of(p).startswith("标记 <b>不是</b> 标签 & 实体 &amp; ")
    assert p.find("x:b", NS) is None
    (span,) = p.iterfind("x:span", NS)
    assert span.get("lang") == "zh-Latn-pinyin" and span.text == "RENLI ZIYUAN SHEHUI BAOZHANG"


def test_promo_and_editor_note_kinds():
    promo, _, second, _ = article_trees(paged_issue())
    assert promo.find(".//x:article", NS).get("class") == "promo"
    assert promo.find(".//x:aside", NS).get("class") == "promo"
    note = second.find(".//x:aside", NS)
    assert note.get("class") == "editor-note" and note.find("x:h2", NS).text == "编者按"


def test_traditional_edition_labels_are_converted():
    second = article_trees(paged_issue(edition="tw"))[2]
    assert second.find(".//x:p[@class='jump jump-on']", NS).text == "（下接第4版，本期未收錄）"


_texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)
_cjk = st.text(alphabet=st.sampled_from("人力资源社会保障，。！？“”《》（）<>&\"'\x00\x0b" + string.ascii_letters), min_size=1, max_size=40)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=st.one_of(_texts, _cjk),
    paragraphs=st.lists(st.one_of(_texts, _cjk), min_size=1, max_size=4),
    byline=st.one_of(st.none(), _cjk),
)
def test_any_text_stays_well_formed_and_whole(title, paragraphs, byline):
    article = Article("p1-01", title, 1, byline=byline, blocks=tuple(Paragraph(t, 2) for t in paragraphs))
    issue = Issue(meta(), (Page("1", (article,), 1),))
    book = render(issue)
    for doc in book.documents:
        parse(doc.xhtml)  # well-formed whatever the text
    tree = parse(book.documents[2].xhtml)
    body = text_of(tree.find(".//x:article", NS))
    for piece in ir_strings(article):
        assert clean(piece) in body
    plain = [p for p in tree.iterfind(".//x:article/x:p", NS) if p.get("class") is None]
    assert [text_of(p) for p in plain] == [clean(t) for t in paragraphs]
    assert tree.find(".//x:h1", NS).tag == f"{{{XHTML}}}h1"
