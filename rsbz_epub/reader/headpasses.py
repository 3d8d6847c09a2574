"""The rules for headline groups applied to the model's roles (``reader/rolepasses.py`` applies them in order).

Each corrects a role against a convention of how print sets a headline, whatever the paper: a photo credit, a staff
line or a sentence is no title; a reporter line under a heading is its byline, and what stands between them is the
headline group's; a head at a page's top, or set apart by a blank line where the issue sets its heads close, is a
title, and a title close under the text where the issue sets its articles apart is a head; a line ending —— is a
kicker over its title; an unfinished line between two headline lines is one of them; a column's label stands over
its title; a head under a title cut in mid-phrase, or a line closing the bracket the title left open, is the title's
second line; a kicker with a blank line under it is a title of its own, over its first section's head; a line ending
with its column's label is the title, and a line close under it its subtitle; of three lines read as one title,
wrapped in mid-phrase once, the third is the subtitle when the first two wrap and the first the kicker when the last
two do; two lines that close a label the upper opened are the title, under its kicker; a line read as the title under a
kicker that names its piece's genre (访…, …纪实) is the subtitle, and so is the second of two lines read as one title;
a line naming who spoke
is the kicker; a date in brackets under a title is its subtitle; a line set apart over a title is the headline's. The
rules that read a headline habit off the issue are ``reader/habitpasses.py``'s, those for the byline's line
``reader/bylinepasses.py``'s. Each is tested in ``tests/test_role_rules.py``.
"""

from __future__ import annotations

from collections.abc import Iterator

from rsbz_epub import regex_cache
from rsbz_epub.reader.jumps import split_leading
from rsbz_epub.reader.layout import Item
from rsbz_epub.reader.lexicon import SUBTITLE_ENDS, SUBTITLE_OPENERS
from rsbz_epub.reader.linefeatures import FINISHED, credit_line
from rsbz_epub.reader.roles import Role
from rsbz_epub.reader.segment import LABEL_LINE, MADE_BY, NOTE_HEAD, PAIRED_MARKS, STAFF_CREDIT, TITLE_LABEL, heading_runs_on
from rsbz_epub.reader.wordspan import is_word, spans_break


# who put a page or a piece together, on a line of its own: 本期统筹：郭雪岩 / 策划：陈芳 / 数据来源：国家统计局
_STAFF_LINE = regex_cache.compile(r"^(?:本期|本版)?(?:总?策划|总?统筹|监制|数据来源|资料来源)[：:]")


# a reporter line and nothing else: 新华社记者赵文君、高亢 / 記者莊曉彤 / 新华社记者王钟毅　朱雨博　刘宇辰 / 界面新闻记者 | 尹靖霏
_REPORTERS_ONLY = regex_cache.compile(
    r"^(?:本报|本報|新华社|新華社|[\u4e00-\u9fff]{1,8}(?:日报|日報|晚报|晚報|报|報|社|网|網|台))?(?:特约|特約|首席|见习|見習|实习|實習)?(?:[记記][ \u3000]?者|通[ \u3000]?[讯訊][ \u3000]?[员員])[:：]?[ \u3000]*"
    r"(?!手记|手記|观察|觀察|调查|調查|连线|連線|探访|探訪|走访|走訪|札记|札記|笔记|筆記|日记|日記|来信|來信|一线|一線|回音|感言|故事|视角|視角|见闻|見聞|追踪|追蹤|直击|直擊|走基层|走基層|专访|專訪|随笔|隨筆)"
    r"(?:[\u4e00-\u9fff·]{1,4}(?:[ \u3000、，,]+[\u4e00-\u9fff·]{1,4})*|[\u4e00-\u9fff]{5,9})$"
    # or the outlet's reporters with no name (眾新聞記者, letter-spaced 眾 新 聞 記 者), or its correspondent (台灣特派員鄭智仁)
    r"|^(?:[\u4e00-\u9fff][ \u3000]?){0,4}(?:新[ \u3000]?闻|新[ \u3000]?聞|[报報社台网網刊])[ \u3000]?(?:记[ \u3000]?者|記[ \u3000]?者)$|^[\u4e00-\u9fff]{2,6}(?:特派员|特派員)[\u4e00-\u9fff·]{2,4}$"
    # or any outlet's reporter and the name parted by a bar, which running text never prints (界面新闻记者 | 尹靖霏)
    r"|^[\u4e00-\u9fff]{0,8}(?:记者|記者)[ \u3000]*[|｜][ \u3000]*[\u4e00-\u9fff·]{2,4}$"
)


# a line set with a space between every two characters: 新 华 社 记 者 邹 多 为
_LETTER_SPACED = regex_cache.compile(r"^[\u4e00-\u9fff](?:[ \u3000][\u4e00-\u9fff])+$")


def reporters_only(text: str) -> bool:
    """A reporter line and nothing else (``_REPORTERS_ONLY``), also when letter-spaced as a whole."""
    if _LETTER_SPACED.match(text):
        text = text.replace(" ", "").replace("\u3000", "")
    return _REPORTERS_ONLY.match(text) is not None


#: A speaker and the post in brackets after the name (马科斯·伊格莱西亚（金砖国家新开发银行行长人工智能顾问）, 刘文郡（中共中央党校
#: （国家行政学院）…研究员）): a name of two to four characters, or a foreign one joined by ·, and a post that ends a title or office.
_SPEAKER = regex_cache.compile(
    r"^(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,8}(?:·[\u4e00-\u9fff]{1,8})+)（.{2,60}"
    r"(?:[学专作画]家|企业家|艺术家|长|员|主任|主席|书记|教授|院士|顾问|总裁|代表|大使|议员|董事|理事|学者)）$"
)


def lines_no_title_is(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line the model read as a title or a kicker that no headline is: a photo credit (杨  东摄（人民视觉）) is a
    caption, a staff, source or maker's line (本期统筹：郭雪岩, 数据来源：…, 新华社音视频部制作) an end note, a finished sentence (…产业园。),
    an editor's note (编者按：, under the title it introduces; read as the byline, too) or a forum speaker named with a post in brackets
    (夏华声（巴西瓦加斯基金会经济学家）: a title's bracket names its column, not a post) text;
    and a reporter line with names only (新华社记者赵文君、高亢, 界面新闻记者 | 尹靖霏) under a heading line, read as a heading,
    a box or a caption (over the lead photo's credit: 界面新闻记者 | 冯丽君 / 图片来源：界面图库), is its byline — and the lines between it and a title, read as a section head or a box, are the headline group's."""
    out = list(roles)
    for k, it in enumerate(items):
        if out[k].label not in ("T", "K", "S", "H", "X", "B", "C") or it.ln.force is not None:
            continue
        text = it.text.strip()
        if out[k].label == "C" and not (reporters_only(text) and k > 0 and out[k - 1].label in ("T", "K", "S")):
            continue  # a caption stays one, unless it is a reporter line right under a heading
        if out[k].label == "B":
            if NOTE_HEAD.match(text):  # 编者按： on its own line under the title: the note's label, no byline
                out[k] = Role("P", out[k].prob)
        elif reporters_only(text) and k > 0 and items[k - 1].page == it.page:
            _headline_group_above(items, out, k)
            if out[k - 1].label in ("T", "K", "S"):
                out[k] = Role("B", out[k].prob)  # under a heading: its byline
        elif out[k].label in ("T", "K"):
            label = (
                "C" if credit_line(text) else "N" if _STAFF_LINE.match(text) or MADE_BY.match(text)
                else "P" if text.endswith("。") or NOTE_HEAD.match(text) or _SPEAKER.match(text) else None
            )
            if label is not None:
                out[k] = Role(label, out[k].prob)
    return out


def _headline_group_above(items: list[Item], out: list[Role], k: int) -> None:
    """The lines between a title and the reporter line ``k`` under it that the model read as a section head or as
    no text (X) are the rest of the headline group, in print's order: one is the title's subtitle; of two, the
    first is the title and the second its subtitle, and the line the model read as the title is their kicker."""
    run = k
    while run > 0 and k - run < 2 and out[run - 1].label in ("H", "X") and items[run - 1].page == items[k].page:
        run -= 1
    if run == k or run == 0 or out[run - 1].label not in ("T", "K") or items[run - 1].page != items[k].page:
        return
    if k - run == 1:
        out[run] = Role("S", out[run].prob)
        return
    out[run - 1] = Role("K", out[run - 1].prob)
    out[run], out[run + 1] = Role("T", out[run].prob), Role("S", out[run + 1].prob)


def titles_set_apart(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line read as a section head with a blank line above it, under a paragraph's end, caption or note, is the
    next article's title in an issue that sets its section heads close: one where more heads follow the text
    above them with no blank line than with one, and at least one does. There a blank line parts articles, not an
    article's sections (…防线。 / (blank) / 坚守风雨一线跑出防灾“加速度” / 　　入汛以来，…)."""
    out = list(roles)
    heads = [
        k for k in range(1, len(items))
        if out[k].label == "H" and out[k - 1].label in ("P", "W", "N", "C") and items[k - 1].page == items[k].page
    ]
    close = sum(1 for k in heads if items[k].gap == 0)
    if close == 0 or close <= len(heads) - close:
        return out
    for k in heads:
        if items[k].gap > 0 and out[k - 1].label in ("P", "N", "C"):
            out[k] = Role("T", out[k].prob)
    return out


def heads_close_to_the_text(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line read as a title right under a paragraph's end, caption or note, with no blank line between, is a section
    head in an issue that sets its articles apart: one where the titles read under text stand, all but one in ten,
    after a blank line, three of them at least (…标准空白。 / 福建举办农产品经纪人技能竞赛 inside a roundup). Only under a
    paragraph that finishes a sentence: a line that does not (推进共同富裕——) is a kicker read as text, over its title."""
    out = list(roles)
    opening = [
        k for k in range(1, len(items))
        if out[k].label == "T" and items[k - 1].page == items[k].page
        and (out[k - 1].label in ("N", "C") or out[k - 1].label == "P" and FINISHED.search(items[k - 1].text.strip()))
    ]
    apart = sum(1 for k in opening if items[k].gap > 0)
    if apart < _APART or 10 * apart < 9 * len(opening):
        return out
    for k in opening:
        if items[k].gap == 0 and items[k].ln.force is None:
            out[k] = Role("H", out[k].prob)
    return out


_APART = 3  # titles after a blank line an issue shows before its habit is read


def pages_open_with_headlines(items: list[Item], roles: list[Role]) -> list[Role]:
    """The first line of a page is a headline when the page before ended its text: a page opens with a title
    (an article carried over says so with its jump marker, which is no text line). Only a sentence the page
    before left open (… 后面还有 / 更多的内容在这里结束。) goes on at the top of the next. An 编者按 that opens its text
    is no title; one alone on its line, read as a head, is the title of the page's note (人民日报 sets it so)."""
    out = list(roles)
    for k, it in enumerate(items):
        if (
            it.page_start and k > 0 and out[k - 1].label != "W" and it.kind != "jump" and it.ln.force is None
            and out[k].label in ("W", "P", "H") and split_leading(it.text, it.ln.no)[0] is None  # （接1版）次。 goes on
            and len(it.text) <= 60 and (not NOTE_HEAD.match(it.text) or NOTE_HEAD.sub("", it.text).strip() == "" and out[k].label == "H")
        ):  # an 编者按 over its text is no title, but one read as a head, alone on its line, heads the page's note
            out[k] = Role("T", out[k].prob)
    return out


# a line that no title is, under a lead-in: a finished sentence, a reporter line, a photo credit
_NO_TITLE = regex_cache.compile(r"[。；]$|记者|記者|通讯员|通訊員|^本报|^本報|^新华社|^新華社")
_TITLE_LINES = 2  # a title wraps to two lines at most


def lead_ins_head_titles(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line the model read as a title that ends with —— (河北正定县用心守护好千年文脉——) is a kicker: a lead-in
    introduces the title under it, and no title ends so. So is such a line read as text or a head over a title with
    its column label (山西晋城泽州县—— / 不可移动文物损毁严重无人修（身边事）), or close over a line read as a title
    (阿曼外交大臣—— / 高度赞赏习近平主席提出的维护和促进中东和平稳定四点主张). The line under it, which the model read as
    text, a head or a byline, is the title, and the next one too when the title runs on into it (保护中发展  古城焕光彩（牢 /
    记初心使命  奋进复兴征程）)."""
    out = list(roles)
    for k, it in enumerate(items):
        if it.ln.force is not None or not it.text.rstrip().endswith("——") or it.text.lstrip().startswith("——"):
            continue
        if out[k].label != "T" and not (out[k].label in ("P", "W", "H", "N") and (_labelled_below(items, k) or _title_close_below(items, out, k))):
            continue
        j = k + 1
        while j < len(items) and j - k <= _TITLE_LINES and _title_under(items, out, j, items[k].page):
            if j == k + 1:
                out[k] = Role("K", out[k].prob)
            goes_on = out[j].label == "W" or heading_runs_on(items[j].text)
            if out[j].label != "T":
                out[j] = Role("T", out[j].prob)
            if not goes_on:
                break
            j += 1
    return out


def _labelled_below(items: list[Item], k: int) -> bool:
    """Whether the line under ``k``, on its page, is a title with its column label (不可移动文物损毁严重无人修（身边事）):
    under a line ending —— it is the title that lead-in introduces, whatever the model read the two as."""
    if k + 1 >= len(items) or items[k + 1].page != items[k].page or items[k + 1].ln.force is not None:
        return False
    below = items[k + 1].text.strip()
    return TITLE_LABEL.search(below) is not None and FINISHED.search(below) is None


def _title_close_below(items: list[Item], out: list[Role], k: int) -> bool:
    """Whether the line under ``k``, on its page with no blank line between, is read as a title (阿曼外交大臣—— /
    高度赞赏习近平主席提出的维护和促进中东和平稳定四点主张): a line ending —— close over it leads it in."""
    return (
        k + 1 < len(items) and items[k + 1].page == items[k].page and items[k + 1].gap == 0 and out[k + 1].label == "T"
        and items[k + 1].ln.force is None
    )


_HEADLINE_LINE = 40  # characters at most in a headline's line


def _title_under(items: list[Item], out: list[Role], j: int, page: int) -> bool:
    """Whether item j, under a lead-in on ``page``, can be (a line of) its title."""
    it = items[j]
    if it.page != page or it.ln.force is not None or it.kind == "jump" or out[j].label in ("K", "G", "M", "J", "X"):
        return False
    text = it.text.strip()
    return 0 < len(text) <= _HEADLINE_LINE and not _NO_TITLE.search(text) and not credit_line(text)


def lines_between_headline_lines(items: list[Item], roles: list[Role]) -> list[Role]:
    """A short line with no sentence end that the model read as a paragraph, between a line it read as a title or
    kicker and one it read as a title or subtitle on the same page, is a line of that headline group: an article's
    text ends its sentence (春耕春播气象服务·一线见闻 / 气象服务跟着农时走 / 多地开展春播期精细化预报). So is such a line read
    as a caption, a line running on or a section head when it stands close between the two (…一届“市长杯”近900场比赛 /
    在青岛，校园足球 / 不再“练完就算”): a caption or a head is set apart from a headline."""
    out = list(roles)
    for k in range(1, len(items) - 1):
        it = items[k]
        if (
            (out[k].label == "P" or out[k].label in ("C", "W", "H") and it.gap == 0 and items[k + 1].gap == 0)
            and out[k - 1].label in ("T", "K") and out[k + 1].label in ("T", "S")
            and items[k - 1].page == it.page == items[k + 1].page and it.ln.force is None
            and len(it.text.strip()) <= 30 and not FINISHED.search(it.text.rstrip()) and not credit_line(it.text.strip())
        ):
            out[k] = Role("T", out[k].prob)
    return out


#: blank lines above a line that set it apart from the text above, as a headline group is set apart
_SET_APART = 2


def lines_set_apart_over_titles_are_titles(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line the model read as text, a head, a caption or a note, set apart from what is above it by two blank lines
    or more and close over a line it read as a title, is that headline's first line (新华社东京4月28日电 / (blank) /
    世界杯决赛球票炒到近230万美元？ / “史上最贵”世界杯让球迷很受伤…): text and its heads do not stand close over a
    title, and a headline group is set apart from the article above it."""
    out = list(roles)
    for k in range(len(items) - 1):
        it, below = items[k], items[k + 1]
        if (
            out[k].label in ("P", "W", "H", "C", "N") and out[k + 1].label == "T" and it.gap >= _SET_APART and below.gap == 0
            and it.page == below.page and it.ln.force is None and below.ln.force is None
            and len(it.text.strip()) <= _HEADLINE_LINE and not it.text.strip().endswith(("。", "。”", "。」"))
        ):
            out[k] = Role("T", out[k].prob)
    return out


def kickers_stand_over_titles(items: list[Item], roles: list[Role]) -> list[Role]:
    """A column's label (春耕春播气象服务·一线见闻) that the model read as a title right above a line it read as a kicker
    (气象服务跟着农时走) would make an article of a title alone: the label is the kicker, the line under it the title.
    Only a line with the column mark ·: on the real corpus the other lines of this shape were a title over a line it
    wraps to (给城市做个“精密), an end note or a guide (导读 / 理论), and swapping them lost titles."""
    out = list(roles)
    for k in range(len(items) - 1):
        if (
            out[k].label == "T" and out[k + 1].label == "K" and items[k + 1].page == items[k].page
            and items[k + 1].ln.force is None and "·" in items[k].text
        ):
            out[k], out[k + 1] = Role("K", out[k].prob), Role("T", out[k + 1].prob)
    return out


def goes_on(upper: str, lower: str) -> bool:
    """Whether the headline line ``upper`` goes on into ``lower`` under it: it stops on a comma or a colon or leaves a quote
    open (:func:`segment.heading_runs_on`), or a dictionary word runs across the break (``reader/wordspan.py``)."""
    return heading_runs_on(upper) or spans_break(upper, lower)


def titles_cut_inside_a_phrase_go_on(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line the model read as a head right under the one line it read as the title, close under it, is the title's
    second line when the title goes on into it: the title line stops on a comma or a colon or leaves a quote open
    (极端天气下， / 城市治理需“刚柔并济”), or a dictionary word runs across the break (中国气象局部署推 / 进气象人工智能:
    推进; ``reader/wordspan.py``). A head never opens under a title cut in mid-phrase. So is a line the model read as the
    subtitle, a caption or the byline that closes a bracket or a quote the title line left open (世界杯赛场内外的中国制造（
    / 美加墨世界杯·特别报道）), and a line read as the subtitle or a caption under a title line that stops on a word that
    ties it to the next or that a dictionary word runs across (科技之眼丨素问：5亿年前的 / 生物大灭绝藏着什么秘密？). Not a
    line read as the byline there: a title may stop on 在 or 和 over its writer's name (时势不可负“妈祖”更有为 / 本报评论员)."""
    out = list(roles)
    for k in range(len(items) - 1):
        it, below = items[k], items[k + 1]
        title, rest = it.text.strip(), below.text.strip()
        if (
            out[k].label == "T" and (k == 0 or out[k - 1].label != "T") and below.page == it.page
            and below.gap == 0 and it.ln.force is None and below.ln.force is None and not rest.startswith("——")
            and (
                out[k + 1].label == "H" and goes_on(title, rest)
                or out[k + 1].label in ("S", "C", "B") and _closes_what_is_open(title, rest)
                or out[k + 1].label in ("S", "C") and (tied(title) or spans_break(title, rest))
            )
        ):
            out[k + 1] = Role("T", out[k + 1].prob)
    return out


def _closes_what_is_open(upper: str, lower: str) -> bool:
    """Whether ``upper`` opens a bracket or a quote it does not close and ``lower`` closes it (…中国制造（ / …特别报道）)."""
    return any(upper.count(a) > upper.count(b) and lower.count(b) > lower.count(a) for a, b in PAIRED_MARKS)


def kickers_set_apart_are_titles(items: list[Item], roles: list[Role]) -> list[Role]:
    """A kicker is set close over its title: a line read as a kicker with a blank line under it, over a line read as
    the title that text follows (not a byline), is a title of its own, and that line its first section's head
    (环球扫描 / (blank) / 美媒披露特朗普暂缓扩大对伊作战规模原因 / 据新华社华盛顿7月25日电…: a roundup's items)."""
    out = list(roles)
    for k in range(len(items) - 2):
        if (
            out[k].label == "K" and out[k + 1].label == "T" and items[k + 1].gap > 0 and items[k + 1].page == items[k].page
            and items[k + 2].page == items[k].page and out[k + 2].label in ("P", "W")
            and items[k].ln.force is None and items[k + 1].ln.force is None
            and not STAFF_CREDIT.match(items[k].text.strip())  # 版式设计：蔡华伟 closes the article above: no title
        ):
            out[k], out[k + 1] = Role("T", out[k].prob), Role("H", out[k + 1].prob)
    return out


_LABEL_LEAST = 3  # a column's label is this long at least (（身边事）); a shorter bracket is a place's part (乡镇（街道）)


def _labelled(text: str) -> bool:
    """Whether a headline line ends with its column's label (…（评论员观察）: ``segment.TITLE_LABEL``, _LABEL_LEAST long)."""
    m = TITLE_LABEL.search(text)
    return m is not None and len(m.group()) - 3 >= _LABEL_LEAST


def labels_end_titles(items: list[Item], roles: list[Role]) -> list[Role]:
    """A headline line that ends with its column's label (注重强健自身，始终充满生机活力（评论员观察）) is the title, and a
    line close under it read as the title or its second line is the subtitle (把党的优秀特质不断发扬光大⑥): the label
    closes the title it names, so nothing of the title comes after it, and the title is no kicker."""
    out = list(roles)
    for k in range(len(items) - 1):
        it, below = items[k], items[k + 1]
        if (
            out[k].label in ("K", "T") and out[k + 1].label in ("K", "T") and below.page == it.page and below.gap == 0
            and it.ln.force is None and below.ln.force is None and _labelled(it.text.strip())
        ):
            out[k], out[k + 1] = Role("T", out[k].prob), Role("S", out[k + 1].prob)
    return out


def third_title_lines_are_subtitles(items: list[Item], roles: list[Role]) -> list[Role]:
    """Of three lines read as one title, the third is the subtitle when the first runs on into the second and the second
    does not into the third (全国先进基层党组织、 / 黄飞华爱心车队党支部 / “跑出为民服务加速度”): a title wraps where its
    line is full, in the middle of a phrase (:func:`titles_cut_inside_a_phrase_go_on`'s evidence), and the line under
    a finished title is the next line of its headline group."""
    out = list(roles)
    for k in _three_line_titles(items, out, ("T",)):
        first, second, third = (items[m].text.strip() for m in range(k, k + 3))
        if goes_on(first, second) and not goes_on(second, third):
            out[k + 2] = Role("S", out[k + 2].prob)
    return out


def first_title_lines_are_kickers(items: list[Item], roles: list[Role]) -> list[Role]:
    """Of three headline lines read as one title (or a title broken by a kicker or a subtitle between its lines), the
    first is the kicker when it does not run on into the second and the second runs on into the third (湖北汉川推动纺织产业升级 /
    一根缝纫线的智慧转 / 型（县域看发展）: 转型): the title is the two lines the column wrapped, and the finished line
    over it is its kicker — :func:`third_title_lines_are_subtitles` read the other way up."""
    out = list(roles)
    for k in _three_line_titles(items, out, ("K", "T", "S")):
        first, second, third = (items[m].text.strip() for m in range(k, k + 3))
        if "T" in (out[k].label, out[k + 1].label) and not goes_on(first, second) and goes_on(second, third):
            out[k], out[k + 1], out[k + 2] = Role("K", out[k].prob), Role("T", out[k + 1].prob), Role("T", out[k + 2].prob)
    return out


def titles_wrapped_inside_their_label(items: list[Item], roles: list[Role]) -> list[Role]:
    """A title the column wrapped before its column's label closed is a title of two lines under the headline line over
    it, whatever the model read the two as (海南三亚援建佛得角萨尔市标准田径跑道 / 两国情谊在体育场流淌（美 /
    加墨世界杯·特别报道）, read as a title over text and an end note): the lower line closes the label the upper line
    opened (or a word runs across the break) and ends the title with it, and a label only ever ends a title. The
    headline line over them is their kicker, unless it runs on into them. Lines that hold a full stop are text."""
    out = list(roles)
    for k in range(1, len(items) - 1):
        above, it, below = items[k - 1], items[k], items[k + 1]
        upper, lower = it.text.strip(), below.text.strip()
        if (
            out[k - 1].label in ("K", "T") and out[k].label != "T" and out[k + 1].label not in ("T", "S")
            and above.page == it.page == below.page and it.gap == 0 and below.gap == 0
            and all(x.ln.force is None for x in (above, it, below))
            and lower.endswith("）") and _labelled(upper + lower) and not _labelled(upper) and "。" not in upper + lower
            and (upper.count("（") > upper.count("）") or goes_on(upper, lower))
        ):
            head = above.text.strip()
            out[k - 1] = Role("T" if goes_on(head, upper) else "K", out[k - 1].prob)
            out[k], out[k + 1] = Role("T", out[k].prob), Role("T", out[k + 1].prob)
    return out


def _three_line_titles(items: list[Item], roles: list[Role], labels: tuple[str, ...]) -> Iterator[int]:
    """Where three close headline lines read with ``labels`` stand alone on their page: no headline line right over
    them, no title or subtitle line right under them, no blank line between them, none set by staff."""
    for k in range(len(items) - 2):
        run = range(k, k + 3)
        if not (
            any(roles[m].label not in labels or items[m].page != items[k].page or items[m].ln.force is not None for m in run)
            or (k and roles[k - 1].label in ("K", "T", "S") and items[k - 1].page == items[k].page)
            or (k + 3 < len(items) and roles[k + 3].label in ("T", "S") and items[k + 3].page == items[k].page)
            or items[k + 1].gap or items[k + 2].gap
        ):
            yield k


# a line that names its piece's genre, as a subtitle does: 访…, 专访…, 走进…, …纪实, …侧记, …答记者问
GENRE = regex_cache.compile(rf"^(?:{SUBTITLE_OPENERS})(?![\s　])|(?:{SUBTITLE_ENDS})$")
# a word that ties a title line to the next when the line stops on it (赵树理的创作精神对 / 新大众文艺的启示), unless it
# ends a word there (供给, 方向, 协同)
_TIES = "的对和与及在向为把被将从给跟同到至于"


def tied(line: str) -> bool:
    """Whether a headline line stops on a word that ties it to the line under it (…精神对, not …供给)."""
    return line[-1:] in _TIES and not is_word(line[-2:])


_COLUMN_NAME_GENRE = 4  # a kicker this short names its column (新书架), over a title that may name its genre (读《淮畔草木记》)


def genre_lines_are_subtitles(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line read as the title under a kicker that names its piece's genre (访加纳非中政策与咨询中心执行主任弗林蓬,
    今年以来中国经济观察, 写在…之际: ``lexicon.SUBTITLE_OPENERS`` and ``SUBTITLE_ENDS``) is the subtitle, and the line
    read as the kicker the title: a title names its news, a subtitle what kind of piece tells it. So is the second of two
    lines read as one title when the first does not go on into it (医疗剧的现实主义升级 / 剧集《问心2》观后; not
    四川省成都市人大常委会原党组 / 书记、主任包惠接受审查调查, a word across the break)."""
    out = list(roles)
    for k in range(1, len(items)):
        upper, text = items[k - 1].text.strip(), items[k].text.strip()
        if (
            out[k].label == "T" and items[k - 1].page == items[k].page
            and (k + 1 >= len(items) or out[k + 1].label != "T" or items[k + 1].page != items[k].page)
            and items[k].ln.force is None and items[k - 1].ln.force is None and GENRE.search(text)
            and not upper.endswith("——")  # a lead-in is a kicker whatever its title says
            and (
                out[k - 1].label == "K" and len(upper) > _COLUMN_NAME_GENRE
                or out[k - 1].label == "T" and (k < 2 or out[k - 2].label != "T" or items[k - 2].page != items[k].page)
                and items[k].gap == 0 and not goes_on(upper, text) and not tied(upper)
            )
        ):
            out[k - 1], out[k] = Role("T", out[k - 1].prob), Role("S", out[k].prob)
    return out


# a date alone in brackets, maybe with a place: （2026年8月17日）, （2026年5月6日，北京）
_DATED = regex_cache.compile(r"^[（(][^（）()]{0,12}\d{4}年\d{1,2}月\d{1,2}日[^（）()]{0,12}[）)]$")


def dates_under_titles_are_subtitles(items: list[Item], roles: list[Role]) -> list[Role]:
    """A date alone in brackets close under a headline line (在纪念江泽民同志诞辰100周年大会上的讲话 / （2026年8月17日）, a
    document's title over the day it was issued) is that title's subtitle, and the line above it the title, whatever the
    model or an issue's habit read them as: a date names no news, so it is neither a title nor a kicker's title, nor text
    nor a jump's marker."""
    out = list(roles)
    for k in range(1, len(items)):
        it, above = items[k], items[k - 1]
        if (
            out[k - 1].label in ("T", "K", "R") and above.page == it.page and it.gap == 0 and out[k].label != "S"
            and it.ln.force is None and above.ln.force is None and _DATED.match(it.text.strip())
        ):
            out[k - 1], out[k] = Role("T", out[k - 1].prob), Role("S", out[k].prob)
    return out


def labels_stand_under_titles(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line that is a column label alone (（“十五五”开好局起好步）), read as a title under a line read as a kicker, is
    the label of that line, which is the title: a label names the column of the title it stands under, never a title."""
    out = list(roles)
    for k in range(1, len(items)):
        it, above = items[k], items[k - 1]
        if (
            out[k].label == "T" and out[k - 1].label == "K" and above.page == it.page
            and it.ln.force is None and above.ln.force is None and LABEL_LINE.match(it.text.strip())
        ):
            out[k - 1] = Role("T", out[k - 1].prob)
    return out


#: The roles of text a spread line may stand under (a head under a paragraph, a caption, a note or another head).
_TEXT_ABOVE = frozenset("PNCH")


def spread_lines_are_heads(items: list[Item], roles: list[Role]) -> list[Role]:
    """A short line print spread every character apart (县 气 象 局 推 出 新 服 务, read in set close), which the model read
    as text — a paragraph's end or a line running on — under a paragraph that ended on its page, is a section head: print
    spreads a head, a title or a name over its width, never a line of running text, and the model reads the line set
    close, without the spacing (a short line under a finished paragraph is about as often a head as a paragraph's end
    to it, and a head running on glues it to the next paragraph: 田间地头有专家技术人员还来到…)."""
    out = list(roles)
    for k in range(1, len(items)):
        it, above = items[k], items[k - 1]
        if (
            it.ln.spread and out[k].label in ("P", "W") and it.ln.force is None and above.page == it.page
            and out[k - 1].label in _TEXT_ABOVE and len(it.text) <= _SPREAD_HEAD and not FINISHED.search(it.text)
        ):
            out[k] = Role("H", out[k].prob)
    return out


_SPREAD_HEAD = 20  # characters: a spread head is short; a longer spread line is a title or print's own quirk
