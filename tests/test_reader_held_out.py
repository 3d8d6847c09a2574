"""Table-driven tests of the rules added after the second held-out set (one case per rule).

Each case is raw text in and the readable outline of the IR out (``outline`` from
test_reader_articles), after jump stitching.  The rules are about the shape of Chinese
newspaper text, so the cases use made-up text, not corpus strings.
"""

from __future__ import annotations

import pytest

from rsbz_epub.reader.jumps import only_marker, split_trailing
from rsbz_epub.reader.segment import classify, contact_line, titleish

from test_reader_articles import read_outline

W = "\u3000\u3000"  # a full-width paragraph indent

CASES = {
    # 01 / 要闻 between blank lines, twice in rising order: bare folios with the page name under them
    "bare folio lines with the page name on the next line": (
        "01\n要闻\n\n本市举办职业技能大赛\n本报记者 张三\n\n大赛在上海开幕，共有五百名选手参加。\n\n"
        "02\n综合\n\n第二篇标题\n本报记者 李四\n\n第二篇的正文。\n",
        """== 1 要闻
# 本市举办职业技能大赛 | B:本报记者 张三
P 大赛在上海开幕，共有五百名选手参加。
== 2 综合
# 第二篇标题 | B:本报记者 李四
P 第二篇的正文。""",
    ),
    # a lone number line is text: one folio-shaped number does not make a page sequence
    # (the unfinished 名单 runs on into the next line, as any cut-short line does)
    "a single bare number is not a folio": (
        "本市举办职业技能大赛\n本报记者 张三\n\n大赛在上海开幕，共有五百名选手参加。\n\n12\n名单\n\n以上为获奖名单。\n",
        """== 1
# 本市举办职业技能大赛 | B:本报记者 张三
P 大赛在上海开幕，共有五百名选手参加。
P 12
P 名单以上为获奖名单。""",
    ),
    # — 1 — at a page foot is the folio again, removed like any running footer
    "page-number footer between dashes": (
        "第1版\n\n本市举办职业技能大赛\n本报记者 张三\n\n大赛在上海开幕，共有五百名选手参加。\n\n— 1 —\n\n"
        "第2版\n\n第二篇标题\n本报记者 李四\n\n第二篇的正文。\n\n— 2 —\n",
        """== 1
# 本市举办职业技能大赛 | B:本报记者 张三
P 大赛在上海开幕，共有五百名选手参加。
== 2
# 第二篇标题 | B:本报记者 李四
P 第二篇的正文。""",
    ),
    # a person noun, a space and names (市民 王某) is a byline, not the second line of the title
    "reader byline by its grammar": (
        "路口的站台能否挪一挪\n居民 周大伟\n\n我家住在新村，小区门外的站台紧挨着路口，早高峰时经常拥堵。\n",
        """== 1
# 路口的站台能否挪一挪 | B:居民 周大伟
P 我家住在新村，小区门外的站台紧挨着路口，早高峰时经常拥堵。""",
    ),
    # a unit name under a title with the body after it signs the notice; the title keeps its comma
    "unit name signing a notice": (
        f"假期离校，这些事项请注意\n后勤管理处\n\n{W}本学期将于1月17日结束，请同学们提前做好离校准备。\n",
        """== 1
# 假期离校，这些事项请注意 | B:后勤管理处
P 本学期将于1月17日结束，请同学们提前做好离校准备。""",
    ),
    # the hotline line under a masthead is a contact note, never an article title (the placeholder
    # title of an untitled item is its first 20 characters)
    "masthead contact line is a promo note": (
        "新闻热线 96000  www.example.cn\n\n第1版\n\n本市举办职业技能大赛\n本报记者 张三\n\n大赛在上海开幕，共有五百名选手参加。\n",
        """== 1
# 新闻热线 96000  www.exam | promo
P 新闻热线 96000  www.example.cn
# 本市举办职业技能大赛 | B:本报记者 张三
P 大赛在上海开幕，共有五百名选手参加。""",
    ),
    # 导读 entries pointing at a lettered page (详见A03) are not titles
    "guide entries with a lettered page reference": (
        "A01 要闻\n\n今日导读\n▶ 地铁新线今起试运营 详见A03\n▶ 老旧小区改造提速 详见A02\n\n"
        "本市举办职业技能大赛\n本报记者 张三\n\n大赛在上海开幕，共有五百名选手参加。\n",
        """== A1 要闻
# 今日导读
P ▶ 地铁新线今起试运营 详见A03
P ▶ 老旧小区改造提速 详见A02
# 本市举办职业技能大赛 | B:本报记者 张三
P 大赛在上海开幕，共有五百名选手参加。""",
    ),
    # 【出行提示】: a bracketed compound label ending in a box word heads a box
    "bracketed compound box label": (
        "地铁新线今起试运营\n本报记者 张三\n\n新线全长12公里，设车站8座。\n\n【出行提示】\n乘客可使用交通卡扫码进站，无需出站换乘。\n",
        """== 1
# 地铁新线今起试运营 | B:本报记者 张三
P 新线全长12公里，设车站8座。
BOX 出行提示: 乘客可使用交通卡扫码进站，无需出站换乘。""",
    ),
    # several long ▲ items in a row are the news items of a 简讯 column, not photo captions
    "marked brief items are paragraphs": (
        "本市举办职业技能大赛\n本报记者 张三\n\n大赛在上海开幕，共有五百名选手参加。\n\n▲赛场照片一张。\n\n"
        "校园简讯\n\n▲11月8日，学校与港务集团签署合作协议，双方将共建联合实验室。\n\n"
        "▲学校第三食堂完成改造并重新开放，新增了特色面食和轻食窗口。\n",
        """== 1
# 本市举办职业技能大赛 | B:本报记者 张三
P 大赛在上海开幕，共有五百名选手参加。
C ▲赛场照片一张。
# 校园简讯
P ▲11月8日，学校与港务集团签署合作协议，双方将共建联合实验室。
P ▲学校第三食堂完成改造并重新开放，新增了特色面食和轻食窗口。""",
    ),
    # one indented line per paragraph, no blank lines: an unindented short line is a title, not a wrap
    "one line per paragraph: a title after a paragraph": (
        f"第一篇标题\n本报记者 张三\n{W}第一段文字说明了很多情况，内容十分丰富，句子到这里就结束了。\n"
        f"{W}第二段文字也很长，又讲了几件事情，这一句同样在这里结束。\n第二篇标题\n"
        f"{W}第二篇的正文讲的是另一件事，共有三句话。这是第二句。这是第三句。\n",
        """== 1
# 第一篇标题 | B:本报记者 张三
P 第一段文字说明了很多情况，内容十分丰富，句子到这里就结束了。
P 第二段文字也很长，又讲了几件事情，这一句同样在这里结束。
# 第二篇标题
P 第二篇的正文讲的是另一件事，共有三句话。这是第二句。这是第三句。""",
    ),
    # the continuation repeats the main title: the "kicker" was the title, the line under it the subtitle
    "continuation title picks the main title of a dashless heading pair": (
        "第1版\n\n江海联运试点启动\n首批企业签约 物流成本有望降低\n本报记者 张三\n\n试点启动后，货主只需签订一份合同就能完成全程运输。(转04版)\n\n"
        "第4版\n\n联运试点启动\n(上接01版)\n\n据统计，今年全省联运量同比增长11%。\n",
        """== 1
# 江海联运试点启动 | S:首批企业签约 物流成本有望降低 | B:本报记者 张三
P 试点启动后，货主只需签订一份合同就能完成全程运输。
BREAK 4
P 据统计，今年全省联运量同比增长11%。""",
    ),
    # the continuation repeats both lines: a title wrapped over two lines, not kicker + title
    "continuation title joins a title wrapped over two lines": (
        "A01\n\n东海港集装箱吞吐量\n前8个月同比增长\n本报记者 张三\n\n今年1至8月，港口累计完成集装箱吞吐量1836万标准箱。(转A04)\n\n"
        "A04\n\n东海港集装箱吞吐量前8个月同比增长\n(紧接A01版)\n\n下一步将加快推进三期工程建设。\n",
        """== A1
# 东海港集装箱吞吐量前8个月同比增长 | B:本报记者 张三
P 今年1至8月，港口累计完成集装箱吞吐量1836万标准箱。
BREAK A4
P 下一步将加快推进三期工程建设。""",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_rule(name):
    raw, expected = CASES[name]
    assert read_outline(raw) == expected


@pytest.mark.parametrize(
    "text, kind",
    [
        ("市民 王建华", "byline"),
        ("学生记者 赵晨 宋雨桐", "byline"),
        ("船员 刘海生", "byline"),
        ("致敬 劳动者", "text"),  # no person noun before the space
        ("城市更新再提速 三年改造", "text"),  # the part after the space is no name
        ("— 1 —", "subtitle"),  # the footer is removed by the page step, before segmentation
    ],
)
def test_line_kind(text, kind):
    assert classify(text, 1) == kind


@pytest.mark.parametrize(
    "text, direction, page",
    [
        ("(转A04)", "continued-on", "A4"),
        ("（接B2）", "continued-from", "B2"),
        ("(紧接A01版)", "continued-from", "A1"),
        ("(转4)", None, None),  # a bare number needs 版: (转4) is no marker
    ],
)
def test_lettered_jump_marker_without_ban(text, direction, page):
    jump = only_marker(text, 1)
    assert (jump.direction, jump.page) == (direction, page) if direction else jump is None


def test_trailing_lettered_marker_is_split_off():
    text, jump = split_trailing("港口吞吐量再创新高。(转A04)", 1)
    assert text == "港口吞吐量再创新高。" and jump is not None and jump.page == "A4"


@pytest.mark.parametrize(
    "text, contact, heading",
    [
        ("新闻热线 96811  www.example.com.cn", True, False),
        ("投稿邮箱：news@example.cn", True, False),
        ("▶ 地铁新线今起试运营 详见A03", False, False),  # a guide entry
        ("热线电话为何总占线", False, True),  # a title about a hotline is still a title
    ],
)
def test_contact_and_guide_lines_are_not_titles(text, contact, heading):
    assert contact_line(text) is contact
    assert titleish(text) is heading

