"""Table-driven tests of the shape rules added for set C: bylines, subheadings, page lines, masthead, promos."""

from __future__ import annotations

import pytest

from rsbz_epub.model import Paragraph
from rsbz_epub.reader.lines import Line
from rsbz_epub.reader.layout import Item, wrapped
from rsbz_epub.reader.pages import page_name_line, parse_page_line, header_only
from rsbz_epub.reader.promo import article_kind
from rsbz_epub.reader.segment import classify


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("□ 方　田", "byline"),  # the □ mark with a letter-spaced name
        ("□ 坚持问题导向推进改革", "text"),  # a marked phrase, neither name nor unit
        ("□ 市疾病预防控制中心", "byline"),  # the mark with a unit alone
        ("村民　王秀芝", "byline"),
        ("槐阳县石桥村村民　王秀芝", "byline"),  # a place before the person noun
        ("槐阳县人民法院　宋立德", "byline"),  # a unit word, a space, a name
        ("冬闲变冬忙 大棚育苗正当时", "text"),  # a two-part headline is not a byline
        ("误区一：越贵的补品越好", "subheading"),
        ("误区二：有病治病，没病进补", "subheading"),
        ("◎ 用火用电：人走火灭、人离电断", "subheading"),
        ("其一：我们要做好这件事。", "text"),  # a full stop makes it prose
    ],
)
def test_line_shapes(text: str, kind: str) -> None:
    assert classify(text, 1) == kind


@pytest.mark.parametrize(
    ("text", "label", "name"),
    [
        ("名医讲堂　A3", "A3", "名医讲堂"),  # name before a lettered folio
        ("沃野农民报　2024年12月3日　星期二　　第二版　农业科技　　编辑/刘晓禾　校对/陈默", "2", "农业科技"),
        # real page names: a bracket inside, a long name with digits, a dotted one, a spaced one
        ("第9版 党校（行政学院）通讯", "9", "党校（行政学院）通讯"),
        ("第3版 庆祝中国共产党成立105周年特别报道", "3", "庆祝中国共产党成立105周年特别报道"),
        ("第10版 光明文化周末·人文地理", "10", "光明文化周末·人文地理"),
    ],
)
def test_page_lines(text: str, label: str, name: str) -> None:
    got = parse_page_line(text, None, "沃野农民报")
    assert got is not None and (got.label, got.name) == (label, name)


@pytest.mark.parametrize("text", ["第3版 综合新闻 2026年1月4日", "第1版 这是一个很长的句子，不是版名"])
def test_a_page_line_does_not_swallow_a_date_or_a_sentence(text: str) -> None:
    got = parse_page_line(text, None, "沃野农民报")
    assert got is None or got.name not in (text.split(" ", 1)[1],)


@pytest.mark.parametrize(
    ("text", "header"),
    [
        ("2025年1月7日　星期二　责编/林芳　美编/吴昊　校对/孙宁", True),  # slash credits
        ("2025年1月7日，市民在社区接种疫苗", False),
    ],
)
def test_header_only(text: str, header: bool) -> None:
    assert header_only(text, None) is header


@pytest.mark.parametrize(("text", "name"), [("产业·市场", "产业·市场"), ("要　闻", "要闻"), ("产业市场发展新动向", None)])
def test_page_name_line(text: str, name: str | None) -> None:
    assert page_name_line(text) == name


def _item(text: str, gap: int = 0) -> Item:
    return Item(ln=Line(no=1, text=text), page=0, gap=gap, page_start=False, kind="text")


@pytest.mark.parametrize(
    ("a", "b", "joined"),
    [
        ("节后复工复产", "这些安全隐患要当心", True),  # the second line points back at the first
        ("寻找身边的好医生", "一根银针守护山村三十年", False),  # a kicker over its title
        ("冬季进补有讲究", "这些误区要避开", True),
    ],
)
def test_wrapped_title(a: str, b: str, joined: bool) -> None:
    assert wrapped(_item(a), _item(b)) is joined


@pytest.mark.parametrize(
    ("title", "body", "kind"),
    [
        ("12320卫生健康热线 7×24小时为您服务", "就医咨询、健康指导、投诉建议，请拨打12320，接线员将为您提供全天候服务。", "promo"),
        ("《梧桐社区报》欢迎您投稿", "投稿邮箱：tougao@wtsqb.cn，联系电话：0797-8833 6000。", "promo"),
        ("12个社区邀您“闹元宵”", "本报讯 元宵佳节将至，12个社区将举办活动，可关注社区公众号，扫码报名，微信咨询。", "article"),
    ],
)
def test_promo_kind(title: str, body: str, kind: str) -> None:
    assert article_kind(title, [Paragraph(text=body, line=2)]) == kind
