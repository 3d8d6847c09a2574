"""Table-driven tests of segmentation: each case is raw text in, a readable outline of the IR out."""

from __future__ import annotations

import pytest

from rsbz_epub.model import Aside, Caption, Issue, PageBreak, PageJump, Paragraph, Subheading
from rsbz_epub.reader import read_issue

HEAD = "人力资源社会保障\n\n2021年10月21日 第40期\n\n\n"


def outline(issue: Issue) -> str:
    """One line per node: pages (==), articles (#), then P/H/C/BOX/NOTE/JUMP/BREAK blocks."""
    out: list[str] = []
    for page in issue.pages:
        out.append(f"== {page.label} {page.name or ''}".rstrip())
        for art in page.articles:
            head = f"# {art.title}"
            for tag, value in (("K", art.kicker), ("S", art.subtitle), ("B", art.byline)):
                if value:
                    head += f" | {tag}:{value}"
            if art.kind != "article":
                head += f" | {art.kind}"
            out.append(head)
            for b in art.blocks:
                match b:
                    case Paragraph():
                        out.append(f"P {b.text}")
                    case Subheading():
                        out.append(f"H {b.text}")
                    case Caption():
                        out.append(f"C {b.text}")
                    case Aside():
                        out.append(f"{b.kind.upper()} {b.title or ''}: {' / '.join(b.paragraphs)}")
                    case PageJump():
                        out.append(f"JUMP {b.direction} {b.page}")
                    case PageBreak():
                        out.append(f"BREAK {b.label}")
    return "\n".join(out)


def read_outline(raw: str, *, stitch: bool = True) -> str:
    """The outline of a raw issue body (masthead HEAD prepended), after jump stitching by default."""
    from rsbz_epub.transforms.stitch import stitch_jumps

    issue = read_issue((HEAD + raw).encode("utf-8"))
    return outline(stitch_jumps(issue) if stitch else issue)


def read(text: str) -> Issue:
    return read_issue((HEAD + text).encode("utf-8"))


CASES = {
    "title, byline, paragraphs": (
        "本市举办职业技能大赛\n本报记者 张三\n\n10月12日，大赛在上海开幕，共有来自全市各区的五百名选手参加比赛。\n\n比赛设十个项目。\n",
        """== 1
# 本市举办职业技能大赛 | B:本报记者 张三
P 10月12日，大赛在上海开幕，共有来自全市各区的五百名选手参加比赛。
P 比赛设十个项目。""",
    ),
    "kicker, title, subtitle, dateline byline": (
        "稳就业 保民生\n本市出台十条措施支持重点群体就业\n——30条措施直达企业和劳动者\n本报讯 记者 陈思远 报道\n\n2月15日，市人社局印发措施，从扩大岗位供给等方面推出十条举措。\n",
        """== 1
# 本市出台十条措施支持重点群体就业 | K:稳就业 保民生 | S:——30条措施直达企业和劳动者 | B:本报讯 记者 陈思远 报道
P 2月15日，市人社局印发措施，从扩大岗位供给等方面推出十条举措。""",
    ),
    "fragment at a paragraph start is not a title": (
        "标题在这里\n\n第一段很长的文字，说明了很多情况，句子到这里结束。\n\n刚才,5家单位分别介绍了\n\n各自开展活动的做法经验，各有侧重。\n",
        """== 1
# 标题在这里
P 第一段很长的文字，说明了很多情况，句子到这里结束。
P 刚才，5家单位分别介绍了各自开展活动的做法经验，各有侧重。""",
    ),
    "numbered subheadings with commas, caption, editor's note": (
        "一篇讲话\n\n编者按:本报今天刊发讲话全文。\n\n开场白说明了会议的目的和安排，内容丰富。\n\n一、提高认识,统一思想\n\n第一部分正文。\n\n(二)狠抓落实,务求实效\n\n1.哪些人可以参加?\n\n第二部分正文。\n\n图为会议现场。\n",
        """== 1
# 一篇讲话
EDITOR-NOTE 编者按: 本报今天刊发讲话全文。
P 开场白说明了会议的目的和安排，内容丰富。
H 一、提高认识，统一思想
P 第一部分正文。
H （二）狠抓落实，务求实效
H 1.哪些人可以参加？
P 第二部分正文。
C 图为会议现场。""",
    ),
    "soft-wrapped lines with full-width indents": (
        "技能人才培养取得新进展\n\n\u3000\u3000今年以来，本市持续推进技能人才培养工作，累计开展各类\n职业技能培训五十万人次，取得了明显的成效。\n\u3000\u3000下一步，将继续加大\n投入力度。\n",
        """== 1
# 技能人才培养取得新进展
P 今年以来，本市持续推进技能人才培养工作，累计开展各类职业技能培训五十万人次，取得了明显的成效。
P 下一步，将继续加大投入力度。""",
    ),
    "Latin words keep one space across a wrap": (
        "外籍人才服务\n\n\u3000\u3000The Shanghai Foreign Talent\nService Center opened today。\n\u3000\u3000中心位于浦东。\n",
        """== 1
# 外籍人才服务
P The Shanghai Foreign Talent Service Center opened today。
P 中心位于浦东。""",
    ),
    "pages, names, a break across the page boundary": (
        "第1版 要闻\n\n第一篇标题\n本报记者 王五\n\n这是第一篇的第一段，内容很长很长，后面还有\n\n\f第2版 综合\n\n更多的内容在这里结束。\n\n第二篇标题\n本报记者 赵六\n\n第二篇的正文。\n",
        """== 1 要闻
# 第一篇标题 | B:本报记者 王五
P 这是第一篇的第一段，内容很长很长，后面还有更多的内容在这里结束。
BREAK 2
== 2 综合
# 第二篇标题 | B:本报记者 赵六
P 第二篇的正文。""",
    ),
    "box printed between the halves of a paragraph": (
        "服务站越开越多\n本报记者 杨帆\n\n据统计，全市已建成各类职工服务站点1800余个，市总工会今年将推动站点向园区延伸，让职工在\n\n相关链接\n职工服务站可以办什么?\n法律咨询、困难帮扶、技能培训等服务。\n\n步行15分钟内就能找到服务站。\n",
        """== 1
# 服务站越开越多 | B:本报记者 杨帆
P 据统计，全市已建成各类职工服务站点1800余个，市总工会今年将推动站点向园区延伸，让职工在步行15分钟内就能找到服务站。
BOX 相关链接: 职工服务站可以办什么？ / 法律咨询、困难帮扶、技能培训等服务。""",
    ),
    "jump markers become blocks": (
        "第1版\n\n头版文章\n本报记者 甲\n\n正文第一段。\n\n正文第二段没有说完(转第2版)\n\n\f第2版\n\n头版文章\n(接第1版)\n\n后半段的文字。\n",
        """== 1
# 头版文章 | B:本报记者 甲
P 正文第一段。
P 正文第二段没有说完
JUMP continued-on 2
== 2
# 头版文章
JUMP continued-from 1
P 后半段的文字。""",
    ),
    "staff overrides beat heuristics": (
        "# 强制的标题，带逗号\n\n正文第一段。\n\n## 强制小标题\n\n\\一、这行不是小标题,保持原样\n\n=== 第5版 专版 ===\n\n# 第二篇\n\n正文。\n",
        """== 1
# 强制的标题，带逗号
P 正文第一段。
H 强制小标题
P 一、这行不是小标题,保持原样
== 5 专版
# 第二篇
P 正文。""",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_segmentation(name):
    raw, expected = CASES[name]
    assert outline(read(raw)) == expected


def test_text_before_any_title_is_kept_with_a_warning():
    issue = read("这是一段没有标题的文字，它很长，说明了很多很多的情况，并且以句号结束。\n")
    assert [a.title for a in issue.articles()] == ["这是一段没有标题的文字"]
    assert "R011" in [d.code for d in issue.diagnostics]


def test_no_article_text_is_an_error():
    from rsbz_epub.errors import DataError

    with pytest.raises(DataError):
        read_issue(HEAD.encode("utf-8"))
