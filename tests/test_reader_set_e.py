"""Table-driven tests of the rules added for the fifth held-out set: one table per rule, raw shape in, reading out."""

from __future__ import annotations

import datetime as dt

import pytest

from rsbz_epub.options import Publication
from rsbz_epub.reader.layout import Item, Layout, measure_layout, runs_on, wrapped
from rsbz_epub.reader.lines import Line, split_lines
from rsbz_epub.reader.masthead import read_masthead
from rsbz_epub.reader.pages import parse_page_line
from rsbz_epub.reader.segment import classify, list_item
from test_reader_articles import read_outline


def _items(rows: list[tuple[str, str]]) -> list[Item]:
    """Items on one page from (kind, raw text) rows; a leading full-width space indents, "|" marks a blank line before."""
    items: list[Item] = []
    for no, (kind, raw) in enumerate(rows, start=1):
        gap = 1 if raw.startswith("|") else 0
        raw = raw.lstrip("|")
        items.append(Item(ln=Line(no=no, text=raw.strip(), indent=raw.startswith("\u3000")), page=0, gap=gap, page_start=no == 1, kind=kind))
    return items


# ------------------------------------------------------------------ whole layouts and the shapes inside them

OUTLINES = {
    'indented soft-wrapped text: titles, kicker and marked byline after a finished paragraph': (
        '全省首批试点县名单公布\n本报记者 黎川\n\u3000\u3000近日，省发展改革委等部门联合公布了全省首\n批试点县名单，南溪县、云岭县等8个县入选。试\n点期为三年。\n\u3000\u3000据介绍，试点县将重点探索生态产品调查监测、\n价值评价等机制，推动生态资源向生态资产转化\n。\n禁渔五周年：鱼回来了，渔民上岸了\n本报记者 唐明\n\u3000\u30006月10日清晨，在澄江下游的渔湾村码头，当了\n一辈子渔民的周福根正在讲解江豚的习性。\n生态观察\n垃圾分类，贵在坚持\n■ 黎川\n\u3000\u3000垃圾分类推行之初，不少小区都有志愿者值守，\n居民分类的积极性也很高。\n',
        '== 1\n# 全省首批试点县名单公布 | B:本报记者 黎川\nP 近日，省发展改革委等部门联合公布了全省首批试点县名单，南溪县、云岭县等8个县入选。试点期为三年。\nP 据介绍，试点县将重点探索生态产品调查监测、价值评价等机制，推动生态资源向生态资产转化。\n# 禁渔五周年：鱼回来了，渔民上岸了 | B:本报记者 唐明\nP 6月10日清晨，在澄江下游的渔湾村码头，当了一辈子渔民的周福根正在讲解江豚的习性。\n# 垃圾分类，贵在坚持 | K:生态观察 | B:■ 黎川\nP 垃圾分类推行之初，不少小区都有志愿者值守，居民分类的积极性也很高。',
    ),
    'one line per paragraph: a sentence end ends it, a line cut mid-sentence goes on below': (
        '龙舟赛6月14日开锣\n本报记者 陈嘉欣\n一年一度的金湾国际龙舟赛将于6月14日至15日在新月湖举行，今年共有48支队伍报名参赛，参赛人数超过1200人，规模为历届之最，主办方提醒观众乘坐公共交通前往。\n协会会长黄志明介绍，比赛设500米标准龙舟赛和200米小龙舟赛两个项目，并分设公开组、青少年组和女子组\n，各组冠军队伍将获得奖杯和1000美元奖金。\n比赛当天上午8:30举行开幕式及点睛仪式，9:00起进行各组预赛，决赛预计于15日下午2:00开始。\n记者：如果错过了报税截止日期，现在应该怎么做？\n王美华：首先不要慌，也不要因为错过了期限就干脆不报，越早申报越好，因为罚款和利息是按月累计的。\n',
        '== 1\n# 龙舟赛6月14日开锣 | B:本报记者 陈嘉欣\nP 一年一度的金湾国际龙舟赛将于6月14日至15日在新月湖举行，今年共有48支队伍报名参赛，参赛人数超过1200人，规模为历届之最，主办方提醒观众乘坐公共交通前往。\nP 协会会长黄志明介绍，比赛设500米标准龙舟赛和200米小龙舟赛两个项目，并分设公开组、青少年组和女子组，各组冠军队伍将获得奖杯和1000美元奖金。\nP 比赛当天上午8:30举行开幕式及点睛仪式，9:00起进行各组预赛，决赛预计于15日下午2:00开始。\nP 记者：如果错过了报税截止日期，现在应该怎么做？\nP 王美华：首先不要慌，也不要因为错过了期限就干脆不报，越早申报越好，因为罚款和利息是按月累计的。',
    ),
    'marked briefs under a column title are items, not titles': (
        '体坛动态\n本报记者 林溪\n\u3000\u3000记者从市体育局获悉，暑期公益体育培训将于7月\n1日起陆续开班，全市共安排游泳、足球等16个项\n目，所有课程免收培训费。\n\u3000\u3000据介绍，培训班由专业教练授课，各场馆均配\n备持证救生员。\n体坛速递\n◆云州自行车拉力赛6月22日举行\u3000全程约280公\n里，分三个赛段进行，共有160名车手报名参赛。\n◆市民健身运动会直播\u3000本届运动会开幕式将于6\n月21日举行，市民可通过客户端观看超高清直播。\n◆游泳场馆开放时间调整\u3000自6月16日起，全市各\n公共游泳馆开放时间调整为每天10:00至21:30。\n',
        '== 1\n# 体坛动态 | B:本报记者 林溪\nP 记者从市体育局获悉，暑期公益体育培训将于7月1日起陆续开班，全市共安排游泳、足球等16个项目，所有课程免收培训费。\nP 据介绍，培训班由专业教练授课，各场馆均配备持证救生员。\n# 体坛速递\nP ◆云州自行车拉力赛6月22日举行\u3000全程约280公里，分三个赛段进行，共有160名车手报名参赛。\nP ◆市民健身运动会直播\u3000本届运动会开幕式将于6月21日举行，市民可通过客户端观看超高清直播。\nP ◆游泳场馆开放时间调整\u3000自6月16日起，全市各公共游泳馆开放时间调整为每天10:00至21:30。',
    ),
    'a bracketed label in an article sectioned otherwise is a box': (
        '课程表出炉\n本报记者 林溪\n\u3000\u3000记者从市体育局获悉，暑期公益体育培训将于7月\n1日起陆续开班，全市共安排游泳、足球等16个项\n目，所有课程免收培训费。\n\u3000\u3000据介绍，培训班由专业教练授课，各场馆均配\n备持证救生员。\n（一）游泳：8个场馆开设零基础班\n\u3000\u3000游泳培训面向7至14岁、不会游泳的青少年，每期\n10次课，每次90分钟。\n【报名方式】\n\u3000\u3000关注微信公众号，点击“公益培训”栏目在线报名，\n每人限报1个项目。\n',
        '== 1\n# 课程表出炉 | B:本报记者 林溪\nP 记者从市体育局获悉，暑期公益体育培训将于7月1日起陆续开班，全市共安排游泳、足球等16个项目，所有课程免收培训费。\nP 据介绍，培训班由专业教练授课，各场馆均配备持证救生员。\nH （一）游泳：8个场馆开设零基础班\nP 游泳培训面向7至14岁、不会游泳的青少年，每期10次课，每次90分钟。\nBOX 报名方式: 关注微信公众号，点击“公益培训”栏目在线报名， / 每人限报1个项目。',
    ),
    'an indented numbered list stays in its box; the heading after it does not': (
        '防护指南请收好\n本报记者 方蓉\n\u3000\u3000记者从市体育局获悉，暑期公益体育培训将于7月\n1日起陆续开班，全市共安排游泳、足球等16个项\n目，所有课程免收培训费。\n\u3000\u3000据介绍，培训班由专业教练授课，各场馆均配\n备持证救生员。\n【小贴士】\n\u3000\u30001.关注空气质量预报，臭氧污染天避开午后外出；\n\u3000\u30002.减少使用含挥发性有机物的油漆、清洁剂产品；\n\u3000\u30003.多乘坐公共交通，少开私家车，加油不要溢油。\n读者来信\n村边小河又有人倒垃圾了\n南溪县柳塘镇\u3000读者 许秀英\n\u3000\u3000记者从市体育局获悉，暑期公益体育培训将于7月\n1日起陆续开班，全市共安排游泳、足球等16个项\n目，所有课程免收培训费。\n\u3000\u3000据介绍，培训班由专业教练授课，各场馆均配\n备持证救生员。\n',
        '== 1\n# 防护指南请收好 | B:本报记者 方蓉\nP 记者从市体育局获悉，暑期公益体育培训将于7月1日起陆续开班，全市共安排游泳、足球等16个项目，所有课程免收培训费。\nP 据介绍，培训班由专业教练授课，各场馆均配备持证救生员。\nBOX 小贴士: 1.关注空气质量预报，臭氧污染天避开午后外出； / 2.减少使用含挥发性有机物的油漆、清洁剂产品； / 3.多乘坐公共交通，少开私家车，加油不要溢油。\n# 村边小河又有人倒垃圾了 | K:读者来信 | B:南溪县柳塘镇\u3000读者 许秀英\nP 记者从市体育局获悉，暑期公益体育培训将于7月1日起陆续开班，全市共安排游泳、足球等16个项目，所有课程免收培训费。\nP 据介绍，培训班由专业教练授课，各场馆均配备持证救生员。',
    ),
    'a headline broken after its comma is one title': (
        '中甲联赛第12轮\n两度落后两度扳平，\n云州雄狮客场拿下1分\n——主教练：球队的韧性值得肯定\n本报特派记者 汪洋 发自滨海\n\n6月13日晚，中甲联赛第12轮一场焦点战在滨海体育中心进行，最终以2:2握手言和。\n',
        '== 1\n# 两度落后两度扳平，云州雄狮客场拿下1分 | K:中甲联赛第12轮 | S:——主教练：球队的韧性值得肯定 | B:本报特派记者 汪洋 发自滨海\nP 6月13日晚，中甲联赛第12轮一场焦点战在滨海体育中心进行，最终以2:2握手言和。',
    ),
    'a headline wrapped mid-clause is one title, not kicker and title': (
        '城市定向赛昨日开跑，三千名跑者\n穿行老城打卡十二处历史地标\n\u3000\u3000本报讯（记者 罗晓）6月15日7:30，2025云州城市\n定向赛在老城区钟鼓楼广场鸣枪开跑，来自全国的\n3000余名跑者参赛。\n\u3000\u3000据统计，比赛当天老城区主要商圈客流量同比增\n长37%。\n',
        '== 1\n# 城市定向赛昨日开跑，三千名跑者穿行老城打卡十二处历史地标\nP 本报讯（记者 罗晓）6月15日7:30，2025云州城市定向赛在老城区钟鼓楼广场鸣枪开跑，来自全国的3000余名跑者参赛。\nP 据统计，比赛当天老城区主要商圈客流量同比增长37%。',
    ),
    '本报综合报道 signs the piece': (
        '侨乡传真\n第八届侨乡文化周在岭东开幕\n本报综合报道\n\u3000\u3000记者从市体育局获悉，暑期公益体育培训将于7月\n1日起陆续开班，全市共安排游泳、足球等16个项\n目，所有课程免收培训费。\n\u3000\u3000据介绍，培训班由专业教练授课，各场馆均配\n备持证救生员。\n',
        '== 1\n# 第八届侨乡文化周在岭东开幕 | K:侨乡传真 | B:本报综合报道\nP 记者从市体育局获悉，暑期公益体育培训将于7月1日起陆续开班，全市共安排游泳、足球等16个项目，所有课程免收培训费。\nP 据介绍，培训班由专业教练授课，各场馆均配备持证救生员。',
    ),
}


@pytest.mark.parametrize("raw, expected", OUTLINES.values(), ids=list(OUTLINES))
def test_set_e_outlines(raw: str, expected: str) -> None:
    assert read_outline(raw) == expected


# ------------------------------------------------------------------ layout: which of the three paragraph layouts

_PROSE = "一年一度的龙舟赛将于6月14日在新月湖举行，今年共有48支队伍报名参赛，规模为历届之最。"


@pytest.mark.parametrize(
    "rows, one_line, width",
    [
        # whole paragraphs of differing length, packed: no column, one line per paragraph
        ([("text", "标题"), ("text", _PROSE), ("text", _PROSE[:30] + "。"), ("text", _PROSE * 2), ("text", _PROSE[:50] + "。")], True, None),
        # lines that fill a column of 20 cluster: soft-wrapped, not one line per paragraph
        ([("text", "标题"), *[("text", "字" * 20)] * 5, ("text", "完。")], False, 20),
        # blank lines part the paragraphs: blank-line layout however long the lines
        ([("text", "标题"), ("text", "|" + _PROSE), ("text", "|" + _PROSE * 2), ("text", "|" + _PROSE[:30] + "。")], False, None),
        # short packed lines with no column (verse): never one line per paragraph
        ([("text", "在淮河边"), ("text", "我把一整个春天"), ("text", "交给这条河"), ("text", "和水面上的光")], False, None),
    ],
    ids=["one-line", "soft-wrapped", "blank-line", "verse"],
)
def test_line_per_paragraph(rows: list[tuple[str, str]], one_line: bool, width: float | None) -> None:
    layout = measure_layout(_items(rows))
    assert layout.line_per_paragraph is one_line
    assert layout.wrap_width == width


PACKED = Layout(indent_style=True, wrap_width=20, normal_gap=0)


@pytest.mark.parametrize(
    "rows, expected",
    [
        # fills the column mid-sentence, the body line under it goes on: a wrapped paragraph line
        ([("text", "◇云岭山保护区启用智能监测系统　新布设的红外相"), ("text", "机日前投入使用，可对野生动物活动进行全天候识别。")], True),
        # a short line: a heading may sit over the body
        ([("text", "保护区动态"), ("text", "机日前投入使用，可对野生动物活动进行全天候识别。")], False),
        # ends its sentence on the line: not running on
        ([("text", "◇云岭山保护区启用智能监测系统，已投入使用运行。"), ("text", "机日前投入使用，可对野生动物活动进行全天候识别。")], False),
        # the line under it is indented: a new paragraph, not its wrap
        ([("text", "◇云岭山保护区启用智能监测系统　新布设的红外相"), ("text", "\u3000机日前投入使用，可对野生动物活动进行全天候识别。")], False),
    ],
    ids=["runs-on", "short", "finished", "indented-next"],
)
def test_runs_on(rows: list[tuple[str, str]], expected: bool) -> None:
    assert runs_on(_items(rows), PACKED, 0) is expected


# ------------------------------------------------------------------ headings: wrapped titles, marked bylines


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("两度落后两度扳平，", "云州雄狮客场拿下1分", True),  # no kicker ends on a comma
        ("城市定向赛昨日开跑，三千名跑者", "穿行老城打卡十二处历史地标", True),  # the last clause cut short
        ("守护绿水青山，共建美丽家园", "全省生态产品价值实现机制试点县名单公布", False),  # a balanced kicker over a longer title
        ("践行绿水青山就是金山银山理念", "全省首批生态产品价值实现机制试点县名单公布", False),  # a kicker over a longer title
    ],
    ids=["comma-end", "clause-cut", "balanced-kicker", "plain-kicker"],
)
def test_wrapped_titles(a: str, b: str, expected: bool) -> None:
    first, second = _items([("text", a), ("text", b)])
    assert wrapped(first, second) is expected


@pytest.mark.parametrize(
    "text, kind",
    [
        ("本报综合报道", "byline"),
        ("本报特派记者 汪洋 发自滨海", "byline"),
        ("南溪县柳塘镇　读者 许秀英", "byline"),
        ("南溪县柳塘镇　读书声声", "text"),
    ],
)
def test_set_e_bylines(text: str, kind: str) -> None:
    assert classify(text, 1) == kind


@pytest.mark.parametrize(
    "text, expected",
    [("1.关注空气质量预报；", True), ("2、减少使用油漆；", True), ("③多乘公交", True), ("（一）游泳", True), ("2025年起实行", False), ("1.5万人次参加", False)],
)
def test_list_item(text: str, expected: bool) -> None:
    assert list_item(text) is expected


# ------------------------------------------------------------------ masthead and page header in English


@pytest.mark.parametrize(
    "raw, date, weekday, date_line",
    [
        ("太平洋侨声报\nPACIFIC QIAOSHENG NEWS\nTuesday, June 10, 2025\n第8842期　太平洋侨声传媒集团出版\n\n正文开始了，很长的一段话。", dt.date(2025, 6, 10), None, 3),
        ("太平洋侨声报\n10 June 2025\n第8842期\n\n正文开始了，很长的一段话。", dt.date(2025, 6, 10), None, 2),
        ("太平洋侨声报\nTuesday, June 10, 2025\n2025年6月10日　星期二\n第8842期\n\n正文开始了，很长的一段话。", dt.date(2025, 6, 10), "星期二", 2),
    ],
    ids=["english-only", "day-first", "both"],
)
def test_english_date_masthead(raw: str, date: dt.date, weekday: str | None, date_line: int) -> None:
    pub = Publication(title="太平洋侨声报", title_latin="PACIFIC QIAOSHENG NEWS", slug="tpqsb")
    meta, consumed, _ = read_masthead(split_lines(raw)[0], pub)
    assert (meta.date, meta.weekday, meta.issue_number) == (date, weekday, 8842)
    assert date_line in consumed  # the English date line is the masthead's, not an article


@pytest.mark.parametrize(
    "text, label, name",
    [
        ("PACIFIC QIAOSHENG NEWS　　Tuesday, June 10, 2025　　　　湾区新闻　A2", "A2", "湾区新闻"),
        ("Tuesday, June 10, 2025　　湾区新闻　A2", "A2", "湾区新闻"),
    ],
)
def test_latin_running_header(text: str, label: str, name: str) -> None:
    pub = Publication(title="太平洋侨声报", title_latin="PACIFIC QIAOSHENG NEWS", slug="tpqsb")
    page = parse_page_line(text, pub, "太平洋侨声报")
    assert page is not None and (page.label, page.name) == (label, name)
