"""Table-driven tests of the rules added for the sixth held-out set: one table per rule, raw shape in, reading out."""

from __future__ import annotations

import pytest

from rsbz_epub.reader.layout import Item, wrapped
from rsbz_epub.reader.lines import Line
from rsbz_epub.reader.segment import classify
from test_reader_articles import read_outline

# ------------------------------------------------------------------ whole layouts and the shapes inside them

OUTLINES = {
    'in indent text an unindented short line over an indented one is a section head; a box runs on past a comma-cut line': (
        '三伏天养生，记住“三要三不要”\n本报记者\u3000唐蕾\n\u3000\u3000今年三伏天从7月20日开始，到8月28日\n结束，共40天。老年人体温调节能力较弱，\n养生要把握好“三要三不要”。\n一要午间小憩，养心安神\n\u3000\u3000夏季昼长夜短，老年人午饭后休息半小时\n到一小时，有助于恢复体力。\n二要及时补水，少量多次\n\u3000\u3000老年人口渴感觉迟钝，不要等渴了再喝水，\n每天饮水1500毫升为宜。\n不要贪凉、不要晨练过早\n\u3000\u3000空调温度不宜低于26℃，出门前后要注意\n温差，晨练可安排在日出后。\n【小贴士】\n\u3000\u3000中暑先兆：头晕、口渴、大量出汗、四肢\n无力。\n出现以上症状应立即到阴凉处休息，补\n充淡盐水，症状不缓解要及时就医。\n老人夜里腿抽筋，都是缺钙吗？\n本报记者\u3000唐蕾\n\u3000\u3000读者陈先生来电：我今年68岁，最近经常\n半夜小腿抽筋，疼得睡不着。\n',
        '== 1\n# 三伏天养生，记住“三要三不要” | B:本报记者\u3000唐蕾\nP 今年三伏天从7月20日开始，到8月28日结束，共40天。老年人体温调节能力较弱，养生要把握好“三要三不要”。\nH 一要午间小憩，养心安神\nP 夏季昼长夜短，老年人午饭后休息半小时到一小时，有助于恢复体力。\nH 二要及时补水，少量多次\nP 老年人口渴感觉迟钝，不要等渴了再喝水，每天饮水1500毫升为宜。\nH 不要贪凉、不要晨练过早\nP 空调温度不宜低于26℃，出门前后要注意温差，晨练可安排在日出后。\nBOX 小贴士: 中暑先兆：头晕、口渴、大量出汗、四肢 / 无力。 / 出现以上症状应立即到阴凉处休息，补 / 充淡盐水，症状不缓解要及时就医。\n# 老人夜里腿抽筋，都是缺钙吗？ | B:本报记者\u3000唐蕾\nP 读者陈先生来电：我今年68岁，最近经常半夜小腿抽筋，疼得睡不着。',
    ),
    'a column title packed onto its first marked brief heads the briefs': (
        '问答栏目的标题\n本报记者 蒋一鸣 整理\n\n问：今年暑托班开设多少个点位？什么时候开班？\n\n答：今年全市共开设暑托班点位156个，可提供学位1.2万余个，分两期进行。\n\n城事简讯\n■西湾公园夜间延时开放 即日起至8月31日，西湾公园每晚开放时间延长至22:00。\n\n■市图书馆推出“夏日悦读”活动 7月5日起，市图书馆每周末举办亲子阅读活动。\n',
        '== 1\n# 问答栏目的标题 | B:本报记者 蒋一鸣 整理\nP 问：今年暑托班开设多少个点位？什么时候开班？\nP 答：今年全市共开设暑托班点位156个，可提供学位1.2万余个，分两期进行。\n# 城事简讯\nP ■西湾公园夜间延时开放 即日起至8月31日，西湾公园每晚开放时间延长至22:00。\nP ■市图书馆推出“夏日悦读”活动 7月5日起，市图书馆每周末举办亲子阅读活动。',
    ),
    'a first line the text below quotes as a name is the series kicker': (
        '寻访老港口记忆\n百年灯塔守望者\n文/图\u3000本报记者\u3000苏禾\n\u3000\u3000编者按：从今天起，本报推出“寻访老港口记忆”系列报道，走近那些与港口共同成长的人和物，记录这座城市的海洋基因。\n\u3000\u3000在鹭屿东端的礁石上，矗立着一座白色的灯塔。这座建于1913年的灯塔，已经为过往船只指引航向一百多年。\n',
        '== 1\n# 百年灯塔守望者 | K:寻访老港口记忆 | B:文/图\u3000本报记者\u3000苏禾\nEDITOR-NOTE 编者按: 从今天起，本报推出“寻访老港口记忆”系列报道，走近那些与港口共同成长的人和物，记录这座城市的海洋基因。\nP 在鹭屿东端的礁石上，矗立着一座白色的灯塔。这座建于1913年的灯塔，已经为过往船只指引航向一百多年。',
    ),
    'a bare label over two longer lines is the kicker over a wrapped title': (
        '科创小达人\n小学生的“昆虫旅馆”\n获全国青少年科创大赛一等奖\n通讯员 钱晓 本报记者 方小禾\n\n近日，第三十九届全国青少年科技创新大赛结果揭晓，育才小学五年级学生许一凡的作品获得小学组一等奖。\n\n去年春天，许一凡发现学校花坛里的花很多，蜜蜂和蝴蝶却很少，于是搭建了几座“昆虫旅馆”。\n',
        '== 1\n# 小学生的“昆虫旅馆”获全国青少年科创大赛一等奖 | K:科创小达人 | B:通讯员 钱晓 本报记者 方小禾\nP 近日，第三十九届全国青少年科技创新大赛结果揭晓，育才小学五年级学生许一凡的作品获得小学组一等奖。\nP 去年春天，许一凡发现学校花坛里的花很多，蜜蜂和蝴蝶却很少，于是搭建了几座“昆虫旅馆”。',
    ),
    'a headline broken after its comma opens an article even after a finished paragraph': (
        '上一篇稿子的标题\n本报记者 张三\n\n记者从市里获悉，今年的工作进展顺利，各项指标均已完成。\n\n高温天气持续，\n全市启动防暑降温应急响应\n本报讯（记者 许静）\n\n记者从市气象台获悉，未来一周我市将持续晴热天气，最高气温在35℃至37℃之间。\n',
        '== 1\n# 上一篇稿子的标题 | B:本报记者 张三\nP 记者从市里获悉，今年的工作进展顺利，各项指标均已完成。\n# 高温天气持续，全市启动防暑降温应急响应 | B:本报讯（记者 许静）\nP 记者从市气象台获悉，未来一周我市将持续晴热天气，最高气温在35℃至37℃之间。',
    ),
    'a page with no indented line in an indented issue is read in its own style': (
        '第1版\n体坛动态\n本报记者 林溪\n\u3000\u3000记者从市体育局获悉，暑期公益体育培训将于7月\n1日起陆续开班，全市共安排游泳、足球等16个项\n目，所有课程免收培训费。\n\u3000\u3000据介绍，培训班由专业教练授课，各场馆均配\n备持证救生员。\n\x0c第2版\n\n水滴的旅行\n文/月亮姐姐\n\n太阳公公暖暖地照着大海，一颗小水滴觉得身体越来越轻，慢慢飘了起来。\n\n天上很冷，小水滴们紧紧地抱在一起，变成了一朵白白的云，终于落回了\n\n大地。\n\n有的小水滴钻进了泥土，被小草的根喝掉了；有的流进小河，又跟着河水回到了大海。\n',
        '== 1\n# 体坛动态 | B:本报记者 林溪\nP 记者从市体育局获悉，暑期公益体育培训将于7月1日起陆续开班，全市共安排游泳、足球等16个项目，所有课程免收培训费。\nP 据介绍，培训班由专业教练授课，各场馆均配备持证救生员。\n== 2\n# 水滴的旅行 | B:文/月亮姐姐\nP 太阳公公暖暖地照着大海，一颗小水滴觉得身体越来越轻，慢慢飘了起来。\nP 天上很冷，小水滴们紧紧地抱在一起，变成了一朵白白的云，终于落回了大地。\nP 有的小水滴钻进了泥土，被小草的根喝掉了；有的流进小河，又跟着河水回到了大海。',
    ),
    'across a form feed a heading is read as usual, so a promo above never swallows it': (
        '第1版\n体坛动态\n本报记者 林溪\n\u3000\u3000记者从市体育局获悉，暑期公益体育培训将于7月\n1日起陆续开班，全市共安排游泳、足球等16个项\n目，所有课程免收培训费。\n欢迎订阅本报\n\u3000\u3000全年订价96元，半年48元。请到当地邮政网点订\n阅，订阅咨询：0839-2261234\n\x0c第2版\n三伏天养生，记住“三要三不要”\n口述\u3000溪州市中医院主任医师\u3000何建中\u3000整理\u3000本报记者\u3000唐蕾\n\u3000\u3000今年三伏天从7月20日开始，到8月28日结束，共\n40天。何建中提醒，老年人养生要把握好“三要三不要”。\n',
        '== 1\n# 体坛动态 | B:本报记者 林溪\nP 记者从市体育局获悉，暑期公益体育培训将于7月1日起陆续开班，全市共安排游泳、足球等16个项目，所有课程免收培训费。\n# 欢迎订阅本报 | promo\nP 全年订价96元，半年48元。请到当地邮政网点订阅，订阅咨询：0839-2261234\n== 2\n# 三伏天养生，记住“三要三不要” | B:口述\u3000溪州市中医院主任医师\u3000何建中\u3000整理\u3000本报记者\u3000唐蕾\nP 今年三伏天从7月20日开始，到8月28日结束，共40天。何建中提醒，老年人养生要把握好“三要三不要”。',
    ),
    'a bare folio and a page name opening the first page is its page line': (
        '01\u3000综合新闻\n\n全省新建社区养老服务中心156个\n本报讯\u3000记者\u3000孟秋\n记者从省民政厅获悉，今年上半年，全省新建社区嵌入式养老服务中心156个，新增养老床位2.6万张。\n',
        '== 1 综合新闻\n# 全省新建社区养老服务中心156个 | B:本报讯\u3000记者\u3000孟秋\nP 记者从省民政厅获悉，今年上半年，全省新建社区嵌入式养老服务中心156个，新增养老床位2.6万张。',
    ),
    'a long unit and post before a name signs the article; the label above is a kicker': (
        '专家坐诊\n血压忽高忽低，要不要换药？\n溪州市第一人民医院心内科主任医师\u3000冯卫东\n问：我今年71岁，有高血压十多年了，一直按时吃药，最近一个月血压忽高忽低，这是怎么回事？\n答：老年人血压波动较大比较常见，原因主要有三个方面，建议您先做一次24小时动态血压监测。\n',
        '== 1\n# 血压忽高忽低，要不要换药？ | K:专家坐诊 | B:溪州市第一人民医院心内科主任医师\u3000冯卫东\nP 问：我今年71岁，有高血压十多年了，一直按时吃药，最近一个月血压忽高忽低，这是怎么回事？\nP 答：老年人血压波动较大比较常见，原因主要有三个方面，建议您先做一次24小时动态血压监测。',
    ),
}


@pytest.mark.parametrize("raw, expected", OUTLINES.values(), ids=list(OUTLINES))
def test_set_f_outlines(raw: str, expected: str) -> None:
    assert read_outline(raw) == expected


# ------------------------------------------------------------------ signatures by their grammar


@pytest.mark.parametrize(
    "text, kind",
    [
        ("溪州市第一人民医院心内科主任医师\u3000冯卫东", "byline"),  # a long unit and post, a space, the name
        ("溪州市第一人民医院药剂科副主任药师\u3000蒋敏", "byline"),
        ("溪州市青石区\u3000张桂芳（72岁）", "byline"),  # place, name and age: a reader's signature
        ("答疑专家：华岳省植物研究所研究员 钟林", "byline"),  # a label and colon before a signature
        ("小记者 林朵朵（华岳市育才小学五年级）", "byline"),  # who the writer is, in brackets after the name
        ("口述\u3000溪州市中医院主任医师\u3000何建中\u3000整理\u3000本报记者\u3000唐蕾", "byline"),
        ("记者：陈叔叔，大海最深的地方有多深？", "text"),  # a Q&A line, not a labelled signature
        ("专家坐诊", "text"),
        ("溪州市青石区举办老年运动会（72岁）", "text"),  # no space before a name: a phrase
        ("热点问答：城市更新如何推进", "text"),  # the colon's right side is no signature
    ],
)
def test_signatures(text: str, kind: str) -> None:
    assert classify(text, 1) == kind


# ------------------------------------------------------------------ page lines


@pytest.mark.parametrize(
    "body, name",
    [
        ("01\u3000综合新闻\n\n全省新建社区养老服务中心156个\n本报讯\u3000记者\u3000孟秋\n记者从省民政厅获悉，今年上半年全省新建社区嵌入式养老服务中心156个。\n", "综合新闻"),
        # the number is not the page's own (a design number before a phrase): text, not a page line
        ("03\u3000综合新闻\n\n全省新建社区养老服务中心156个\n本报讯\u3000记者\u3000孟秋\n记者从省民政厅获悉，今年上半年全省新建社区嵌入式养老服务中心156个。\n", None),
    ],
    ids=["own-folio", "other-number"],
)
def test_opening_folio(body: str, name: str | None) -> None:
    first = read_outline(body).splitlines()[0]
    assert first == ("== 1 " + name if name else "== 1")


# ------------------------------------------------------------------ two heading lines: one title or kicker and title


def _text_item(no: int, text: str) -> Item:
    return Item(ln=Line(no=no, text=text), page=0, gap=0, page_start=False, kind="text")


@pytest.mark.parametrize(
    "a, b, joined",
    [
        ("全省老年大学秋季学期", "8月1日起开始网上报名", True),  # a long subject, its predicate opening with a time
        ("全国职业院校技能大赛", "今年设置赛项一百余个", True),
        ("惠民政策", "7月1日起医保缴费调整", False),  # a short label over a dated title: a kicker
        ("寻找身边的好医生", "一根银针守护山村三十年", False),
    ],
    ids=["date-predicate", "year-predicate", "short-kicker", "plain-kicker"],
)
def test_time_opened_second_line(a: str, b: str, joined: bool) -> None:
    assert wrapped(_text_item(1, a), _text_item(2, b)) is joined
