"""Table-driven tests of the rules added for the fourth held-out set: one table per rule, raw shape in, reading out."""

from __future__ import annotations

import datetime as dt

import pytest

from rsbz_epub.model import Paragraph
from rsbz_epub.options import Publication
from rsbz_epub.reader.layout import Item, wrapped
from rsbz_epub.reader.lines import Line, split_lines
from rsbz_epub.reader.masthead import read_masthead
from rsbz_epub.reader.pages import parse_page_line, split_pages
from rsbz_epub.reader.promo import article_kind
from rsbz_epub.reader.segment import classify, ends_finished
from test_reader_articles import read_outline


def _lines(text: str) -> list[Line]:
    return split_lines(text)[0]


# ------------------------------------------------------------------ masthead: name + Latin on one line, 主管单位/主办单位

MASTHEADS = [
    (
        "楚原法治报　CHUYUAN FAZHI BAO\n主管：中共楚原省委政法委员会　　主办：楚原法治报社\n2025年3月20日　星期四　　第53期　总第9128期\n\n正文开始了，很长的一段话。",
        dict(paper="楚原法治报", paper_latin="CHUYUAN FAZHI BAO", date=dt.date(2025, 3, 20), weekday="星期四", issue_number=53,
             total_issue_number=9128, supervisor="中共楚原省委政法委员会", publisher="楚原法治报社"),
    ),
    (
        "淮上文艺报\nHUAISHANG WENYI BAO\n\n主管单位：淮上市文学艺术界联合会　　主办单位：淮上文艺报社\n国内统一连续出版物号：CN34-0151　　邮发代号：25-93\n"
        "2025年4月11日　星期五　　第14期　总第1563期\n\n正文开始了，很长的一段话。",
        dict(paper="淮上文艺报", date=dt.date(2025, 4, 11), weekday="星期五", issue_number=14, total_issue_number=1563,
             supervisor="淮上市文学艺术界联合会", publisher="淮上文艺报社"),
    ),
    (
        # the Latin form first (as set H's 秦川日报 prints it)
        "TAIHU WANBAO　太湖晚报\n2025年5月6日　星期二　　第88期\n\n正文开始了，很长的一段话。",
        dict(paper="太湖晚报", paper_latin="TAIHU WANBAO", date=dt.date(2025, 5, 6), weekday="星期二", issue_number=88),
    ),
]


@pytest.mark.parametrize("text, fields", MASTHEADS, ids=["name-latin-one-line", "units-and-cn-line", "latin-name-one-line"])
def test_masthead_set_d(text, fields):
    meta, consumed, _ = read_masthead(_lines(text), Publication())
    for name, value in fields.items():
        assert getattr(meta, name) == value, name
    assert max(consumed) < len(text.splitlines())  # the body is not eaten


def test_mixed_case_after_a_name_is_not_a_latin_name():
    meta, _, _ = read_masthead(_lines("某某报　Daily news today\n2025年3月20日　第5期\n\n正文。"), Publication())
    assert meta.paper_latin != "Daily news today"


# ------------------------------------------------------------------ page lines: folio last, dotted names, "A2 | name"

PAGE_LINES = [
    ("2025年3月20日　星期四　　　　法院·检察　　　　　3", "3", "法院·检察"),
    ("4　　　　　综合　　　　　2025年3月20日　星期四", "4", "综合"),
    ("A2　宏观·数据　　　　　2025年2月27日　星期四", "A2", "宏观·数据"),
    ("A2 | 区域·县域", "A2", "区域·县域"),
    ("A1 | 要闻", "A1", "要闻"),
]


@pytest.mark.parametrize("text, label, name", PAGE_LINES, ids=["folio-last", "folio-first", "dot-in-header", "bar-dot", "bar"])
def test_page_lines_set_d(text, label, name):
    page = parse_page_line(text, Publication())
    assert page is not None and (page.label, page.name) == (label, name)


# ------------------------------------------------------------------ page credits without colons

@pytest.mark.parametrize(
    "line, removed",
    [
        ("本版编辑　钱　程　　美术编辑　刘　晨", True),
        ("本版编辑　何　静　　电话　0731-84326601", True),
        ("编辑　周　敏　　美编　刘　晨　　校对　吴　桐", True),
        ("编辑部的故事很精彩", False),  # bare 编辑 opening a phrase is text
        ("编辑　王敏", False),  # one bare pair could sign an article: only a row is a page credit
    ],
    ids=["page-editor", "page-editor-phone", "credit-row", "phrase", "single-pair"],
)
def test_page_credit_rows(line, removed):
    chunks, _ = split_pages(_lines(f"第1版\n\n正文第一段，很长的一段话。\n\n{line}\n"), Publication())
    kept = [ln.text for ch in chunks for ln in ch.lines if not ln.blank]
    assert (line not in kept) == removed


# ------------------------------------------------------------------ bylines: ■ + letter-spaced name, 文｜name

@pytest.mark.parametrize(
    "text, kind",
    [
        ("■ 何　畔", "byline"),
        ("◆ 欧　阳　雪", "byline"),
        ("■ 观点", "subheading"),  # a mark before a phrase heads it
        ("■ 坚持问题导向", "subheading"),
        ("文｜周小满", "byline"),
        ("图｜本报记者 林涛", "byline"),
    ],
    ids=["filled-mark-spaced", "three-spaced", "marked-word", "marked-phrase", "full-width-bar", "picture-bar"],
)
def test_byline_shapes(text, kind):
    assert classify(text, 1) == kind


# ------------------------------------------------------------------ a brief item signed in brackets ends its paragraph

@pytest.mark.parametrize(
    "text, finished",
    [
        ("明确热线实现全天候人工坐席全覆盖。（司　宣）", True),
        ("发布年度报告。(孟欣)", True),
        ("图为新建的厂房。（融", False),  # an open bracket: the credit wraps onto the next line
        ("他说（大意）", False),  # no sentence end before the bracket
    ],
    ids=["signed", "half-width", "open-credit", "no-sentence-end"],
)
def test_signed_brief_ends(text, finished):
    assert ends_finished(text) is finished


# ------------------------------------------------------------------ two short headline lines: kicker + title or one title

def _item(text: str, gap: int = 0) -> Item:
    return Item(ln=Line(no=1, text=text), page=0, gap=gap, page_start=False, kind="text")


@pytest.mark.parametrize(
    "a, b, joined",
    [
        ("楚州中院发布劳动争议审判白皮书", "劳动争议案件呈现新特点", False),  # 26 characters: two headlines
        ("节后复工复产", "这些安全隐患要当心", True),
        ("本市出台十条措施支持", "重点群体就业", True),
    ],
    ids=["pair-too-long", "points-back", "wrapped"],
)
def test_wrapped_headlines(a, b, joined):
    assert wrapped(_item(a), _item(b)) is joined


# ------------------------------------------------------------------ promo: a promo head over a short text with a contact

@pytest.mark.parametrize(
    "title, body, kind",
    [
        ("《淮风》副刊征稿", "本刊常年征集散文、诗歌、小小说及书画摄影作品，要求原创首发。投稿邮箱：huaifeng@hswyb.cn。", "promo"),
        ("社保业务可就近办理", "市人社局在各街道开通了新的服务窗口，市民可以就近办理社保业务，咨询电话0731-84326601。", "article"),
        ("《淮风》副刊征稿", "本刊常年征集散文、诗歌、小小说及书画摄影作品，要求原创首发。", "article"),
    ],
    ids=["head-and-mailbox", "no-promo-head", "no-contact"],
)
def test_promo_head_with_contact(title, body, kind):
    assert article_kind(title, [Paragraph(text=body, line=1)]) == kind


# ------------------------------------------------------------------ whole articles: captions, boxes, verse, kickers, briefs

OUTLINES = {
    "credit on the next line makes a caption": (
        "春日写生\n\n近日，市青年美术家协会组织二十余名青年画家走进八公山开展写生活动，描绘春天的山水。\n\n青年画家在八公山下写生。\n王　岚　摄\n",
        "== 1\n# 春日写生\nP 近日，市青年美术家协会组织二十余名青年画家走进八公山开展写生活动，描绘春天的山水。\nC 青年画家在八公山下写生。 王岚摄",  # the credit line, spread as a whole, set close
    ),
    "credit on the same line makes a caption": (
        "港口装卸忙\n\n开年以来，楚州港外贸航线持续加密，集装箱吞吐量同比增长百分之十二，港口一派繁忙。\n\n"
        "2月25日，楚州港集装箱码头一派繁忙景象。　本报记者　梁　栋　摄\n",
        "== 1\n# 港口装卸忙\nP 开年以来，楚州港外贸航线持续加密，集装箱吞吐量同比增长百分之十二，港口一派繁忙。\n"
        "C 2月25日，楚州港集装箱码头一派繁忙景象。　本报记者　梁　栋　摄",
    ),
    "a caption ending on 供图 is complete": (
        "版画展开幕\n本报记者 方晴\n　　抗战时期，版画以刀代笔，以木为纸，成为艺\n术家记录时代、唤醒民众的有力\n▲ 版画《治淮工地》　淮上市\n美术馆供图\n武器。\n"
        "　　新中国成立后，版画家们开始尝试水印套\n色等技法，作品色彩明快、构图开阔。\n",
        "== 1\n# 版画展开幕 | B:本报记者 方晴\nP 抗战时期，版画以刀代笔，以木为纸，成为艺术家记录时代、唤醒民众的有力武器。\n"
        "C ▲ 版画《治淮工地》　淮上市美术馆供图\nP 新中国成立后，版画家们开始尝试水印套色等技法，作品色彩明快、构图开阔。",
    ),
    "a bracketed label packed over its text is a box": (
        "名家访谈录\n本报记者 方晴\n\n她说，演戏要先学做人，这是老师教给她的第一课，也是她教给学生的第一课。\n\n【人物简介】\n苏婉清，国家一级演员，黄梅戏代表性传承人。\n",
        "== 1\n# 名家访谈录 | B:本报记者 方晴\nP 她说，演戏要先学做人，这是老师教给她的第一课，也是她教给学生的第一课。\nBOX 人物简介: 苏婉清，国家一级演员，黄梅戏代表性传承人。",
    ),
    "a bracketed label set apart like a paragraph heads a section": (
        "借款纠纷案\n本报记者 方晴\n\n王某向朋友借款五万元用于装修，约定一年后归还，到期后未能还款。\n\n【法官说法】\n\n自然人之间借款，如果需要收取利息，应当在合同中约定。\n",
        "== 1\n# 借款纠纷案 | B:本报记者 方晴\nP 王某向朋友借款五万元用于装修，约定一年后归还，到期后未能还款。\nH 【法官说法】\nP 自然人之间借款，如果需要收取利息，应当在合同中约定。",
    ),
    "verse lines stay lines across a stanza break": (
        "在淮河边\n□ 陈一苇\n\n我把一整个春天\n交给这条河\n和水面上一闪一闪的光\n\n父亲说，河是有脾气的\n涨水的年月\n",
        "== 1\n# 在淮河边 | B:□ 陈一苇\nP 我把一整个春天\nP 交给这条河\nP 和水面上一闪一闪的光\nP 父亲说，河是有脾气的\nP 涨水的年月",
    ),
    "a prose line cut by a column break is still rejoined": (
        "全市开展安全检查\n本报记者 张三\n\n近日，全市各区开展安全生产大检查，检查组深入企业一线查找隐患并督促整改，确保\n\n安全形势持续稳定。\n",
        "== 1\n# 全市开展安全检查 | B:本报记者 张三\nP 近日，全市各区开展安全生产大检查，检查组深入企业一线查找隐患并督促整改，确保安全形势持续稳定。",
    ),
    "kicker, title, byline packed under a filled line": (
        "父亲的二胡\n文｜周小满\n　　父亲有一把二胡，琴杆是紫竹做的，蟒皮已经有些发黄。小时候，每到夏天\n的傍晚，父亲忙完农活就坐在院子里拉琴，邻居们都过来听。\n"
        "　　今年清明，我把那把二胡带回了城里，请师傅换了新弦，可惜\n我永远也听不懂那首曲子，只记得院子里的晚风。\n新书架\n读《淮畔草木记》\n□ 江　月\n"
        "　　《淮畔草木记》是作家沈禾的第三部散文集，全书收录散文四十二篇。\n",
        "== 1\n# 父亲的二胡 | B:文｜周小满\n"
        "P 父亲有一把二胡，琴杆是紫竹做的，蟒皮已经有些发黄。小时候，每到夏天的傍晚，父亲忙完农活就坐在院子里拉琴，邻居们都过来听。\n"
        "P 今年清明，我把那把二胡带回了城里，请师傅换了新弦，可惜我永远也听不懂那首曲子，只记得院子里的晚风。\n"
        "# 读《淮畔草木记》 | K:新书架 | B:□ 江月\nP 《淮畔草木记》是作家沈禾的第三部散文集，全书收录散文四十二篇。",
    ),
    "brief items signed in brackets stay apart": (
        "要闻简报\n\n■近日，省司法厅印发意见，明确热线实现全天候人工坐席全覆盖。（司　宣）\n\n■3月15日，省消费者权益保护委员会发布年度消费投诉分析报告。（孟　欣）\n",
        "== 1\n# 要闻简报\nP ■近日，省司法厅印发意见，明确热线实现全天候人工坐席全覆盖。（司　宣）\nP ■3月15日，省消费者权益保护委员会发布年度消费投诉分析报告。（孟　欣）",
    ),
}


@pytest.mark.parametrize("raw, expected", OUTLINES.values(), ids=list(OUTLINES))
def test_set_d_outlines(raw, expected):
    assert read_outline(raw) == expected
