"""Table-driven tests of the segmentation rules about the shape of newspaper text (one case per rule)."""

from __future__ import annotations

import pytest

from rsbz_epub.model import Paragraph
from rsbz_epub.reader.promo import article_kind
from rsbz_epub.reader.segment import classify

from test_reader_articles import read_outline

W = "\u3000\u3000"  # a full-width paragraph indent

CASES = {
    # a box under a label (小贴士, 相关链接) after a finished paragraph is an Aside, not an article
    "labelled box after the text": (
        "节日里的坚守\n本报记者 杨帆\n\n假期里仍有许多劳动者坚守在工作岗位上，地铁站里站务员引导乘客有序进站。\n\n"
        "小贴士\n节假日加班工资怎么算?\n法定休假日安排工作的，支付不低于百分之三百的工资报酬。\n\n"
        "职工运动会开幕\n通讯员 顾蕾\n\n第七届职工运动会在市体育宫开幕，共设十四个大项。\n",
        """== 1
# 节日里的坚守 | B:本报记者 杨帆
P 假期里仍有许多劳动者坚守在工作岗位上，地铁站里站务员引导乘客有序进站。
BOX 小贴士: 节假日加班工资怎么算？ / 法定休假日安排工作的，支付不低于百分之三百的工资报酬。
# 职工运动会开幕 | B:通讯员 顾蕾
P 第七届职工运动会在市体育宫开幕，共设十四个大项。""",
    ),
    # 编者按 soft-wrapped by the PDF-to-text step is one note (blank-line text)
    "soft-wrapped editor's note, blank-line text": (
        "技工院校今年招生计划增至4.2万人\n本报记者 吴越\n\n"
        "编者按:技工院校是培养技能人才的主阵地。眼下正值春季招生咨询\n期,本报今起推出系列报道,敬请关注。\n\n"
        "记者从省人社厅获悉,今年全省技工院校计划招生4.2万人,比去\n年增加3000人,新增专业23个。\n",
        """== 1
# 技工院校今年招生计划增至4.2万人 | B:本报记者 吴越
EDITOR-NOTE 编者按: 技工院校是培养技能人才的主阵地。眼下正值春季招生咨询期，本报今起推出系列报道，敬请关注。
P 记者从省人社厅获悉，今年全省技工院校计划招生4.2万人，比去年增加3000人，新增专业23个。""",
    ),
    # … and in full-width-indent text, where only a paragraph's first line is indented
    "soft-wrapped editor's note, indent text": (
        "用心守护劳动者的钱袋子\n本报记者 沈立\n"
        f"{W}编者按:在全市人社系统,有这样一群老黄牛,\n他们默默无闻、兢兢业业。\n本报今起开设专栏,讲述他们的故事。\n"
        f"{W}去年12月31日晚,一支队接到举报,某公司拖欠\n农民工工资近80万元。\n{W}经过连续三天的协调,工资全部支付到位。\n",
        """== 1
# 用心守护劳动者的钱袋子 | B:本报记者 沈立
EDITOR-NOTE 编者按: 在全市人社系统，有这样一群老黄牛，他们默默无闻、兢兢业业。本报今起开设专栏，讲述他们的故事。
P 去年12月31日晚，一支队接到举报，某公司拖欠农民工工资近80万元。
P 经过连续三天的协调，工资全部支付到位。""",
    ),
    # the last line of a page is never a title: a one-line promo text stays its body, and the
    # next page still opens with its own heading
    "one-line promo at a page end, heading at the next page start": (
        "第1版\n\n全市已发放创业担保贷款超18亿元\n本报讯 记者 周洁\n\n今年以来，本市持续加大创业扶持力度。\n\n"
        "职工维权热线 12351\n\n工作日9:00—17:00 全市职工拨打热线可获得免费法律咨询\n\n\n"
        "第2版\n\n“小巷总理”的新年账本\n文/本报记者 杨帆\n\n陈慧芳有一本特别的账本，记着每一户困难家庭的情况。\n",
        """== 1
# 全市已发放创业担保贷款超18亿元 | B:本报讯 记者 周洁
P 今年以来，本市持续加大创业扶持力度。
# 职工维权热线 12351 | promo
P 工作日9:00—17:00 全市职工拨打热线可获得免费法律咨询
== 2
# “小巷总理”的新年账本 | B:文/本报记者 杨帆
P 陈慧芳有一本特别的账本，记着每一户困难家庭的情况。""",
    ),
    # an unfinished line that filled the column goes on in the next unindented line, even a short one
    "a short wrapped tail after a full line is not a title": (
        "第1版\n\n技能人才评价改革再提速\n本报记者 吴越\n"
        f"{W}日前,人力资源社会保障部印发通知,进一步扩大企业自主\n开展技能人才评价范围,评价结果与薪酬待遇挂钩。\n\n"
        f"职教导报 全媒体矩阵\n{W}微信公众号、视频号、客户端同步上线,扫码关注,职教资\n讯一手掌握!\n\n"
        "第2版\n\n一所技师学院的智造课堂\n文/本报记者 韩雪\n"
        f"{W}走进某技师学院的智能制造实训中心,一条柔性生产线正\n在运转。\n",
        """== 1
# 技能人才评价改革再提速 | B:本报记者 吴越
P 日前，人力资源社会保障部印发通知，进一步扩大企业自主开展技能人才评价范围，评价结果与薪酬待遇挂钩。
# 职教导报 全媒体矩阵 | promo
P 微信公众号、视频号、客户端同步上线，扫码关注，职教资讯一手掌握！
== 2
# 一所技师学院的智造课堂 | B:文/本报记者 韩雪
P 走进某技师学院的智能制造实训中心，一条柔性生产线正在运转。""",
    ),
    # in indent text a sentence that ended on a short line ended its paragraph: the short line under it is a title
    "unindented title after a paragraph that ended on a short line": (
        f"本市举办职业技能大赛\n本报记者 张三\n{W}10月12日，大赛在上海开幕，共有来自全\n市各区的五百名选手参加比赛，比赛设置\n了十个项目。\n"
        f"新增岗位三千个\n{W}市人社局日前发布通知，对相关政策作出\n调整，自下月起施行。\n{W}另据了解，明年将继续举办。\n",
        """== 1
# 本市举办职业技能大赛 | B:本报记者 张三
P 10月12日，大赛在上海开幕，共有来自全市各区的五百名选手参加比赛，比赛设置了十个项目。
# 新增岗位三千个
P 市人社局日前发布通知，对相关政策作出调整，自下月起施行。
P 另据了解，明年将继续举办。""",
    ),
    # the speaker line under a speech title is its byline, not the title
    "speaker line under a speech title": (
        "在全市人社系统技能人才工作推进会上的讲话\n上海市人力资源和社会保障局局长 赵永峰\n\n"
        "同志们:今天召开全市人社系统技能人才工作推进会,主要任务是总结经验、部署工作。\n",
        """== 1
# 在全市人社系统技能人才工作推进会上的讲话 | B:上海市人力资源和社会保障局局长 赵永峰
P 同志们：今天召开全市人社系统技能人才工作推进会，主要任务是总结经验、部署工作。""",
    ),
    # a column label over a short title is a kicker, never the first half of a wrapped title
    "column label over a short title": (
        "读者来信\n加班费\n读者 王强\n\n编辑同志:我在一家公司工作,经常加班却从未拿到加班费,请问该怎么办?\n",
        """== 1
# 加班费 | K:读者来信 | B:读者 王强
P 编辑同志：我在一家公司工作，经常加班却从未拿到加班费，请问该怎么办？""",
    ),
    # Q&A lines are paragraphs, and a title may end with a question or exclamation mark
    "Q&A lines under a question title": (
        "劳动合同到期不续签,能拿补偿吗?\n本报记者 唐秋\n\n记者:公司不再续签劳动合同,员工能拿到经济补偿吗?\n\n"
        "答:可以。用人单位应当支付经济补偿。\n\n致敬!上海五一劳动奖获得者\n本报记者 周洁\n\n今天,市总工会表彰了一批先进个人。\n",
        """== 1
# 劳动合同到期不续签，能拿补偿吗？ | B:本报记者 唐秋
P 记者：公司不再续签劳动合同，员工能拿到经济补偿吗？
P 答：可以。用人单位应当支付经济补偿。
# 致敬！上海五一劳动奖获得者 | B:本报记者 周洁
P 今天，市总工会表彰了一批先进个人。""",
    ),
    # a running footer (paper, date, folio) repeated at the bottom of each page is not text
    "running footers removed": (
        "第1版 要闻\n\n本市举办职业技能大赛\n本报记者 张三\n\n大赛在上海开幕，共有五百名选手参加。\n\n"
        "人力资源社会保障 2021年10月21日 第1版\n\n第2版 综合\n\n第二篇标题\n本报记者 李四\n\n第二篇的正文。\n\n"
        "人力资源社会保障 2021年10月21日 第2版\n",
        """== 1 要闻
# 本市举办职业技能大赛 | B:本报记者 张三
P 大赛在上海开幕，共有五百名选手参加。
== 2 综合
# 第二篇标题 | B:本报记者 李四
P 第二篇的正文。""",
    ),
    # a title wrapped over two lines is joined; the shorter phrase above it is the kicker
    "kicker over a title wrapped over two lines": (
        "稳就业 保民生\n本市出台十条措施\n支持重点群体就业\n本报记者 张三\n\n2月15日，市人社局印发措施，推出十条举措。\n",
        """== 1
# 本市出台十条措施支持重点群体就业 | K:稳就业 保民生 | B:本报记者 张三
P 2月15日，市人社局印发措施，推出十条举措。""",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_rule(name):
    raw, expected = CASES[name]
    assert read_outline(raw, stitch=False) == expected


@pytest.mark.parametrize(
    "line, kind",
    [
        ("上海市人力资源和社会保障局局长 赵永峰", "byline"),
        ("市总工会党组书记、主席 莫负春", "byline"),
        ("某技师学院教授 王立新", "byline"),
        ("市总工会副主席 欧阳晓明", "byline"),
        ("争当新时代好校长 育人为本", "text"),  # two phrases of a headline, not a post and a name
        ("上海市人力资源和社会保障局局长赵永峰", "text"),  # no space: could be a title
        ("局长 赵永峰谈技能人才培养的新思路和新举措", "text"),
    ],
)
def test_speaker_line(line, kind):
    assert classify(line, 1) == kind


@pytest.mark.parametrize(
    "title, body, byline, kind",
    [
        ("12333 一号通 人社事好办", "政策咨询请拨打12333,工作日8:30至17:30人工服务。", None, "promo"),
        ("职工维权热线 12351", "工作日9:00—17:00 全市职工拨打热线可获得免费法律咨询", None, "promo"),
        ("订阅电话 021-60000000", "全年定价120元,请来电订阅。", None, "promo"),
        ("12333热线全年接听超千万次", "市人社局发布数据,12333热线全年接听来电超过一千万次。", "本报讯 记者 周洁", "article"),
        ("12333名高校毕业生实现就业", "截至6月底,全市已有12333名高校毕业生实现就业。", None, "article"),
        ("全市12345热线受理量下降", "今年一季度,12345热线受理咨询同比下降一成。", None, "article"),
    ],
)
def test_hotline_promo(title, body, byline, kind):
    assert article_kind(title, [Paragraph(text=body, line=1)], byline) == kind
