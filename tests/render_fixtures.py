"""Hand-built Issues for the renderer tests (independent of the reader)."""

from __future__ import annotations

import datetime as dt


from support import jpeg

from rsbz_epub.model import (
    Article,
    Aside,
    Caption,
    Issue,
    IssueMeta,
    Page,
    PageBreak,
    PageJump,
    Paragraph,
    Subheading,
)

BUILD_TIME = dt.datetime(2021, 10, 21, tzinfo=dt.timezone.utc)


def tiny_jpeg() -> bytes:
    """A small fixed JPEG standing in for the generated cover."""
    return jpeg(16, 24, "#9e1b20")


def meta(**kw) -> IssueMeta:
    """The seed issue's masthead, overridable."""
    base = dict(
        paper="人力资源社会保障",
        paper_latin="RENLI ZIYUAN SHEHUI BAOZHANG",
        date=dt.date(2021, 10, 21),
        issue_number=40,
        weekday="周四",
        publisher="上海市人力资源和社会保障局",
    )
    base.update(kw)
    return IssueMeta(**base)


def paged_issue(**meta_kw) -> Issue:
    """Three marked 版: a promo, a stitched article (PageBreak to 版 3), an unresolved jump, escaping."""
    promo = Article(
        id="p1-01",
        title="欢迎关注市人社局官方抖音号",
        line=5,
        kind="promo",
        blocks=(
            Paragraph("上海市人力资源和社会保障局官方抖音号正式上线啦！", 7),
            Aside(None, ("@上海人社", "抖音号：shanghai renshe"), 11, kind="promo"),
        ),
    )
    lead = Article(
        id="p1-02",
        title="“外交官走进世赛”主题活动在沪成功举办",
        line=14,
        kicker="倒计时一周年",
        subtitle="——近30个国家驻沪领事机构参加",
        byline="本报记者 张三 通讯员 李四",
        blocks=(
            Paragraph("为进一步扩大上海第46届世界技能大赛的影响力和知晓度，活动在上海中心举办。来宾出席。", 16),
            Subheading("一、深入领会重要批示精神，充分认识活动的重大意义", 18),
            Paragraph("打造职业教育培训国家合作的长期平台。", 20, joins=(20,)),
            Subheading("（一）健全组织", 22, level=3),
            Caption("图为活动现场。", 24),
            PageBreak("3", 40),
            Paragraph("世界技能博物馆落户上海，将成为重要窗口。", 41),
        ),
    )
    second = Article(
        id="p2-01",
        title="赵永峰局长在推进大会上的讲话",
        line=50,
        blocks=(
            Aside("编者按", ("今年5月，局党组部署开展了活动。",), 51, kind="editor-note"),
            Paragraph("标记 <b>不是</b> 标签 & 实体 &amp; 照原样显示；报头拼音 RENLI ZIYUAN SHEHUI BAOZHANG 保留。", 53),
            Paragraph("政策穿透力不足，“最后一公里”难以打通。", 55),
            PageJump("continued-on", "4", "（下接四版）", 57),
        ),
    )
    third = Article(
        id="p3-01",
        title="本市技能人才队伍持续壮大",
        line=60,
        byline="文/王五",
        blocks=(Paragraph("全年培训人数达到3.5万人次！", 62),),
    )
    return Issue(
        meta=meta(**meta_kw),
        pages=(
            Page("1", (promo, lead), 4, name="要闻"),
            Page("2", (second,), 48, name="综合"),
            Page("3", (third,), 58),
        ),
    )


def print_order_issue() -> Issue:
    """--keep-print-order: a jump in both directions with targets (two-way links)."""
    first = Article(
        id="p1-01",
        title="局长走流程",
        line=5,
        blocks=(
            Paragraph("今年5月，局党组部署开展了活动。", 6),
            PageJump("continued-on", "3", "（下接第3版）", 8, target="p3-01"),
        ),
    )
    other = Article(id="p2-01", title="简讯", line=10, blocks=(Paragraph("本周无事。", 11),))
    rest = Article(
        id="p3-01",
        title="局长走流程",
        line=20,
        blocks=(
            PageJump("continued-from", "1", "（上接第1版）", 20, target="p1-01"),
            Paragraph("出办公室、走出会议室。", 21),
        ),
    )
    return Issue(
        meta=meta(),
        pages=(
            Page("1", (first,), 4),
            Page("2", (other,), 9),
            Page("3", (rest,), 19),
        ),
    )


def flat_issue() -> Issue:
    """No page marker in the text (one inferred 版); odd article ids and a stray control character."""
    one = Article(id="第一篇", title="无版面标记的稿件", line=3, blocks=(Paragraph("第一段。\x0b第二句", 4),))
    two = Article(id="7", title="第二篇", line=6, blocks=(Paragraph("只有一段，没有句号", 7),))
    return Issue(meta=meta(paper_latin=None, issue_number=None), pages=(Page("1", (one, two), 1, marked=False),))


FIXTURES = {"paged": paged_issue, "print-order": print_order_issue, "flat": flat_issue}
