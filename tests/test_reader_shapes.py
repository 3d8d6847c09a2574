"""Table-driven tests of the rules added for papers beyond the first corpus (one case per rule).

Each case is raw text in and the readable outline of the IR out (``outline`` from
test_reader_articles), after jump stitching.  The rules are about the shape of Chinese
newspaper text, so the cases use made-up text, not corpus strings.
"""

from __future__ import annotations

import pytest

from rsbz_epub.options import Publication
from rsbz_epub.reader.lines import Line
from rsbz_epub.reader.masthead import read_masthead
from rsbz_epub.reader.pages import header_only, parse_page_line
from rsbz_epub.reader.segment import classify

from test_reader_articles import read_outline

CASES = {
    # A01 要闻 is a page line without 版; A02 / 要闻 / date / credits is one header split over lines
    'section-lettered page lines and a header split over lines': (
        'A01 要闻\n\n本市举办职业技能大赛\n本报记者 张三\n\n大赛在上海开幕，共有五百名选手参加。\n\n\x0cA02\n要闻\n2021年10月21日\u3000星期四\n责任编辑：林晓\u3000美编：邓楠\n\n第二篇标题\n本报记者 李四\n\n第二篇的正文。\n',
        """== A1 要闻
# 本市举办职业技能大赛 | B:本报记者 张三
P 大赛在上海开幕，共有五百名选手参加。
== A2 要闻
# 第二篇标题 | B:本报记者 李四
P 第二篇的正文。""",
    ),
    # a one-line header (paper date weekday B1 财经); 第 2 版 with 综　合 under it and a date + credit line
    'one-line running header with date, folio and name; letter-spaced page name': (
        '\x0c人力资源社会保障 2021年10月21日 星期四 B1 财经\n\n本市举办职业技能大赛\n本报记者 张三\n\n大赛在上海开幕，共有五百名选手参加。\n\n\x0c第 2 版\n综\u3000合\n人力资源社会保障\u30002021年10月21日\u3000编辑：黄颖\u3000校对：罗婷\n\n第二篇标题\n融媒记者 李四\n\n第二篇的正文。\n',
        """== B1 财经
# 本市举办职业技能大赛 | B:本报记者 张三
P 大赛在上海开幕，共有五百名选手参加。
== 2 综合
# 第二篇标题 | B:融媒记者 李四
P 第二篇的正文。""",
    ),
    # the group once dropped its third line when a ——subtitle followed, losing a whole title
    'kicker, a title wrapped over two long lines and a subtitle: no line lost': (
        '奋力推进高质量发展\n岭南出台二十条措施推动低空经济\n高质量发展到二〇二六年规模破三千亿\n——全省低空经济规模力争突破三千亿元\n本报记者 陈立\n\n3月5日，记者从省发展改革委获悉，若干措施日前印发实施。\n',
        """== 1
# 岭南出台二十条措施推动低空经济高质量发展到二〇二六年规模破三千亿 | K:奋力推进高质量发展 | S:——全省低空经济规模力争突破三千亿元 | B:本报记者 陈立
P 3月5日，记者从省发展改革委获悉，若干措施日前印发实施。""",
    ),
    # byline grammar: a □ before a name, a role word with any prefix, a role alone, a dateline line
    'bylines by grammar: □ mark, 融媒记者, 本报评论员, a standalone dateline': (
        '“小切口”解决“大民生”\n□ 林一凡\n\n老旧小区加装电梯，这些事看似不大，却件件连着群众的日常生活。\n\n以只争朝夕的劲头抓落实\n本报评论员\n\n一分部署，九分落实。\n\n全国春耕备耕有序展开\n新华社北京3月5日电（记者 于文 郭薇）\n\n眼下，春耕备耕由南向北梯次展开。\n',
        """== 1
# “小切口”解决“大民生” | B:□ 林一凡
P 老旧小区加装电梯，这些事看似不大，却件件连着群众的日常生活。
# 以只争朝夕的劲头抓落实 | B:本报评论员
P 一分部署，九分落实。
# 全国春耕备耕有序展开 | B:新华社北京3月5日电（记者 于文 郭薇）
P 眼下，春耕备耕由南向北梯次展开。""",
    ),
    # a line ending in a page reference (详见A02版) is a guide entry: complete, never a heading; the guide is an article
    # of the front page, as real papers' editions list it (人民日报's 导读)
    'guide box entries point at pages; the guide is an article with an entry a paragraph': (
        '今日导读\n全省重点项目集中开工 详见A02版\n我省将新增公办学位20万个 详见A03版\n\n本市举办职业技能大赛\n本报记者 张三\n\n大赛在上海开幕，共有五百名选手参加。\n',
        """== 1
# 今日导读
P 全省重点项目集中开工 详见A02版
P 我省将新增公办学位20万个 详见A03版
# 本市举办职业技能大赛 | B:本报记者 张三
P 大赛在上海开幕，共有五百名选手参加。""",
    ),
    # a short unpunctuated line between blank lines heads a photo-news item; its 图为 sentence over the credit that
    # closes it is its last paragraph and the credit its end note, as the real papers' answers keep them (人民日报's
    # photo news; the invented answers once made them a caption, and real text wins)
    'a short line alone between blank lines is a photo-news title; its photo sentence and credit close the text': (
        '本市举办职业技能大赛\n本报记者 张三\n\n大赛在上海开幕，共有五百名选手参加。\n\n油菜花开春意浓\n\n连日来，上坪村千亩油菜花竞相绽放，吸引不少市民游客前来踏青赏花。\n\n图为游客在油菜花田中拍照留影。\n新华社记者 刘大伟 摄\n',
        """== 1
# 本市举办职业技能大赛 | B:本报记者 张三
P 大赛在上海开幕，共有五百名选手参加。
# 油菜花开春意浓
P 连日来，上坪村千亩油菜花竞相绽放，吸引不少市民游客前来踏青赏花。
P 图为游客在油菜花田中拍照留影。
P 新华社记者 刘大伟 摄""",
    ),
    # ■小知识 after the text is a box; 记者手记 over a title with a byline is that article's kicker
    'marked box labels at an article end; a column label over a titled piece is a kicker': (
        '本市举办职业技能大赛\n本报记者 张三\n\n大赛在上海开幕，共有五百名选手参加。\n\n■小知识\n什么是新质生产力？新质生产力是创新起主导作用的先进生产力质态。\n\n记者手记\n数据多跑路 群众少跑腿\n□ 吴思远\n\n从“群众跑”到“数据跑”，改变的是流程，体现的是理念。\n',
        """== 1
# 本市举办职业技能大赛 | B:本报记者 张三
P 大赛在上海开幕，共有五百名选手参加。
BOX 小知识: 什么是新质生产力？新质生产力是创新起主导作用的先进生产力质态。
# 数据多跑路 群众少跑腿 | K:记者手记 | B:□ 吴思远
P 从“群众跑”到“数据跑”，改变的是流程，体现的是理念。""",
    ),
    # 招数一　…, 7:30　… and 01 … are subheadings, not titles or paragraphs
    'ordinal and clock-time subheadings; zero-padded numbers': (
        '手机越用越卡？这几招帮你“提速”\n本报记者 周航\n\n手机用久了，打开应用慢。\n\n招数一\u3000清理后台应用\n\n很多应用在后台持续运行。\n\n01 工业生产稳中有进\n\n一季度工业增加值增长6.1%。\n\n7:30\u3000早市巡查\n\n她的一天从菜市场开始。\n',
        """== 1
# 手机越用越卡？这几招帮你“提速” | B:本报记者 周航
P 手机用久了，打开应用慢。
H 招数一　清理后台应用
P 很多应用在后台持续运行。
H 01 工业生产稳中有进
P 一季度工业增加值增长6.1%。
H 7:30　早市巡查
P 她的一天从菜市场开始。""",
    ),
    # a numbered line that fills the column and runs on unindented is a wrapped item paragraph
    'wrapped ① item lines in indent text are paragraphs, not subheadings': (
        '谨防“AI换脸”诈骗\n本报记者 周航\n\u3000\u3000近期，有不法分子利用AI技术合成亲友的面容和声\n音，通过视频通话实施诈骗。群众要做到以下几点：\n\u3000\u3000①涉及转账汇款时，务必通过电话或当面等多种渠\n道核实对方身份；\n\u3000\u3000②如发现被骗，请立即拨打110或96110反诈专线。\n',
        """== 1
# 谨防“AI换脸”诈骗 | B:本报记者 周航
P 近期，有不法分子利用AI技术合成亲友的面容和声音，通过视频通话实施诈骗。群众要做到以下几点：
P ①涉及转账汇款时，务必通过电话或当面等多种渠道核实对方身份；
P ②如发现被骗，请立即拨打110或96110反诈专线。""",
    ),
    # after a bare continued-from marker a clause (it has a comma) is text; it once became a title and was lost in stitching
    'a marker alone opens a continuation: its first line is text, not a title': (
        '第1版\n\n行动方案印发\n本报记者 吴思远\n\n行动方案提出，对完成改造的企业，按项目设备和软件投入的（下转第2版）\n\n\x0c第2版\n\n（上接第1版）\n一定比例给予最高30%的补助，单个项目最高不超过500万元。\n\n据悉，行动方案还明确，将培育一批复合型人才。\n',
        """== 1
# 行动方案印发 | B:本报记者 吴思远
P 行动方案提出，对完成改造的企业，按项目设备和软件投入的一定比例给予最高30%的补助，单个项目最高不超过500万元。
BREAK 2
P 据悉，行动方案还明确，将培育一批复合型人才。""",
    ),
    # 本版邮箱：… at a page end is kept as a promo note, not counted as body text
    'a page contact footer is a contact note, not a paragraph': (
        '本市举办职业技能大赛\n本报记者 张三\n\n大赛在上海开幕，共有五百名选手参加。\n\n比赛设十个项目。\n\n本版邮箱：plb@example.cn 欢迎来稿\n',
        """== 1
# 本市举办职业技能大赛 | B:本报记者 张三
P 大赛在上海开幕，共有五百名选手参加。
P 比赛设十个项目。
PROMO : 本版邮箱：plb@example.cn 欢迎来稿""",
    ),
    # under a call for contributions the mailbox is where to send them: the call's own last paragraph
    'the mailbox under a call for contributions is its last paragraph': (
        '欢迎赐稿\n\n各位读者，本版“大家谈”“来论”等栏目长期征稿，欢迎赐稿，请勿一稿多投。\n\n本版邮箱：rmrbpl@example.cn\n',
        """== 1
# 欢迎赐稿
P 各位读者，本版“大家谈”“来论”等栏目长期征稿，欢迎赐稿，请勿一稿多投。
P 本版邮箱：rmrbpl@example.cn""",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_rule(name):
    raw, expected = CASES[name]
    assert read_outline(raw) == expected


@pytest.mark.parametrize(
    "text, label, name",
    [
        ("A01 要闻", "A1", "要闻"),
        ("B1 财经", "B1", "财经"),
        ("A02", "A2", None),
        ("第A01版：要闻", "A1", "要闻"),
        ("第 2 版", "2", None),
        ("01版：要闻", "1", "要闻"),
        ("B02 | 财经", "B2", "财经"),
        ("岭南日报 2024年3月6日 星期三 A3 科普", "A3", "科普"),  # one-line running header
        ("A02 要闻 2024年3月6日 星期三 责任编辑：林晓 美编：邓楠 校对：王珏", "A2", "要闻"),
        ("2024年3月6日 星期三 要闻 A3", "A3", "要闻"),  # name before folio
        ("J20 首飞", None, None),  # a model name, not a section folio
        ("C919大飞机", None, None),
        ("2024年3月6日 星期三", None, None),
    ],
)
def test_page_line(text, label, name):
    got = parse_page_line(text, None, "岭南日报")
    if label is None:
        assert got is None
    else:
        assert got is not None and (got.label, got.name) == (label, name)


@pytest.mark.parametrize(
    "text, header",
    [
        ("2024年3月7日　星期四", True),
        ("责任编辑：林晓　美编：邓楠", True),
        ("清溪报　2024年3月15日　编辑：黄颖　校对：罗婷", True),
        ("2024年5月21日 星期二 责任编辑 邝敏 | 美术编辑 陈曦", True),
        ("2024年3月7日，全省召开会议", False),
        ("编辑部的故事", False),
    ],
)
def test_header_only(text, header):
    assert header_only(text, None, "清溪报") is header


@pytest.mark.parametrize(
    "line, kind",
    [
        ("□ 融媒记者 钟丽华", "byline"),
        ("融媒记者 何倩", "byline"),
        ("全媒体记者 王五 通讯员 赵六", "byline"),
        ("□ 林一凡", "byline"),
        ("□ 县司法局 罗敏", "byline"),
        ("本报评论员", "byline"),
        ("新华社北京3月5日电（记者 于文 郭薇）", "byline"),
        ("据新华社电", "byline"),
        ("□ 坚持问题导向推进改革", "text"),  # a marked phrase, not a name
        ("新华社记者 刘大伟 摄", "caption"),  # a photo credit
        ("01 工业生产稳中有进", "subheading"),
        ("招数一　清理后台应用", "subheading"),
        ("第一招　先断网", "subheading"),
        ("7:30　早市巡查", "subheading"),
        ("本报讯（融媒记者 张晓雯）3月13日，县人大常委会召开会议。", "text"),  # inline dateline: a paragraph
        ("编者按：盛夏时节，本报推出系列", "note"),
        ("【编者按】盛夏时节", "note"),
        ("编者按  盛夏时节", "note"),
        ("编者的话", "note"),
        ("编后记：", "note"),
        ("编者按之后的文章正文，它的长度", "text"),  # a paragraph's line that the column began with the word
        ("编后语言风格", "text"),
    ],
)
def test_line_kind(line, kind):
    assert classify(line, 1) == kind


@pytest.mark.parametrize("first", [
    "在隆重庆祝中国共产党成立105周年之际，也迎来了战略导弹部队组建60周年。1966年7月1日，第二炮兵正式成立。",
    "2026年1月29日，外交部边海司司长同菲律宾外交部副部长在宿务举",  # a wrapped first line that opens with a date
    "2022/01/03 眾新聞中國組告別篇：紀錄人的故事",  # a headline with a date in it
])
def test_text_under_the_first_page_line_that_carries_a_date_is_not_masthead(first: str) -> None:
    """A short title and byline under the page line may sit in a masthead's block, but the first page's text that
    dates an event ends it: the masthead is what stands above, and the article keeps its title and text."""
    texts = ["学习时报", "2026年6月26日　星期五", "第一版", "努力建设一支强大的现代化火箭军", "火箭军党委", first]
    lines = [Line(no=n, text=t) for n, t in enumerate(texts, start=1)]
    meta, used, _ = read_masthead(lines, Publication())
    assert (meta.paper, str(meta.date), used) == ("学习时报", "2026-06-26", {1, 2})


def test_letter_spaced_paper_name_and_imprint_notes_are_masthead():
    """清　溪　报 is the paper name; 内部资料 and a bare web address are masthead lines, not articles."""
    texts = ["清　溪　报", "QINGXI BAO", "内部资料　免费交流　准印证号：(岭)L0123", "2024年3月8日　星期五", "第10期（总第1086期）", "www.qxb.cn"]
    lines = [Line(no=n, text=t) for n, t in enumerate(texts, start=1)]
    meta, used, _ = read_masthead(lines, Publication(title="清溪报", title_latin="QINGXI BAO"))
    assert (meta.paper, str(meta.date), meta.issue_number, meta.weekday) == ("清溪报", "2024-03-08", 10, "星期五")
    assert used == set(range(1, 7))
