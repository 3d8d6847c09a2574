"""The rules for bylines under a headline applied to the model's roles (``reader/rolepasses.py`` applies them in order).

Each reads who signs a piece where print sets it: a line read as the byline over a dateline lead that names no one is
the subtitle; a reporter line over the text makes the line above it a title; a name alone under a kicker is the
byline and the kicker the title; an author named by post or place, then by name set apart, under a title or a
kicker is its byline, and under a letter's text its signature; a body of people or a person by post and name read
as the title or the subtitle is the byline; a line read as the byline that names no one — no name, no byline word,
no body of people — is the title, under the line above as its kicker (or its second line, where the title goes on
into it), and one whose last spaced part is longer than a name is the title's line; a poem an essay opens with, its
author named by era (唐·殷尧藩), is the essay's text. Each is tested in ``tests/test_role_rules.py``.
"""

from __future__ import annotations

from rsbz_epub import regex_cache
from rsbz_epub.reader.headpasses import GENRE, goes_on, reporters_only, tied
from rsbz_epub.reader.layout import Item
from rsbz_epub.reader.lexicon import AUTHOR_POST_ENDS
from rsbz_epub.reader.linefeatures import DATELINE, FINISHED, SPACED_NAME, credit_line
from rsbz_epub.reader.roles import Role


_NAMES = regex_cache.compile(r"^[\u4e00-\u9fff·]{1,4}(?:[ \u3000\xa0]+[\u4e00-\u9fff·]{1,4})*$")


#: A subtitle under a one-line title, set smaller, holds at most this share of the title's characters; a line nearly
#: as long is as likely the title under its kicker (WTT美国大满贯赛结束 / 中国队收获三项冠军), which the assembler makes
#: of a title over a line read as a byline that names no one. Read off the corpus's leave-one-paper-out misses: with
#: no bound, 5 kicker-and-title pairs were read as title and subtitle (README, "Latest").
_SUBTITLE_SHARE = 0.6


def headlines_over_datelines(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line the model read as a byline, under a title and over a dateline lead (本报北京8月17日电), that names no
    reporter and is no run of names (中国队包揽冠亚军), is the headline's subtitle: the dateline signs the text. Only a
    line much shorter than the title (``_SUBTITLE_SHARE``): one nearly as long is left to the assembler, which reads
    the two as a kicker over the title."""
    out = list(roles)
    for k in range(1, len(items) - 1):
        text = items[k].text.strip()
        if (
            roles[k].label == "B" and roles[k - 1].label in ("T", "S") and items[k - 1].page == items[k].page == items[k + 1].page
            and items[k].ln.force is None and DATELINE.search(items[k + 1].text.strip())
            and not reporters_only(text) and not _NAMES.match(text) and not credit_line(text)
            and not any(w in text for w in ("记者", "記者", "通讯员", "通訊員", "作者", "撰稿"))
            and len(text) <= _SUBTITLE_SHARE * len(items[k - 1].text.strip())
        ):
            out[k] = Role("S", roles[k].prob)
    return out


def titles_over_reporter_lines(items: list[Item], roles: list[Role]) -> list[Role]:
    """A reporter line and nothing else (記者莊曉彤, 台灣特派員鄭智仁), over the text, is the byline of the line above it,
    which is the title, whatever the model read them as: a reporter signs an article under its headline. Under a line
    read as a headline it is that headline's byline, whatever it was read as."""
    out = list(roles)
    for k in range(1, len(items) - 1):
        it, above, below = items[k], items[k - 1], items[k + 1]
        text, head = it.text.strip(), above.text.strip()
        if (
            out[k - 1].label in ("T", "K", "S") and out[k].label in ("P", "W", "C", "H", "X") and above.page == it.page
            and it.ln.force is None and "：" not in text and ":" not in text and reporters_only(text)
        ):
            out[k] = Role("B", out[k].prob)
        elif (
            out[k].label not in ("B", "T", "K", "S") and out[k - 1].label not in ("T", "K", "S", "B", "G", "M", "J")
            and out[k + 1].label in ("P", "W") and above.page == it.page == below.page
            and it.ln.force is None and above.ln.force is None
            and "：" not in text and ":" not in text and reporters_only(text)
            and 4 <= len(head) <= 60 and not head.endswith(("。", "；", "，")) and not head.startswith("——") and not credit_line(head)
        ):
            out[k - 1], out[k] = Role("T", out[k - 1].prob), Role("B", out[k].prob)
    return out


def names_under_kickers_are_bylines(items: list[Item], roles: list[Role]) -> list[Role]:
    """A name alone (刘典, 宋超营, 王  磊) that the model read as a title under a line it read as a kicker, over the text,
    is the byline, and that kicker the title: a headline is no bare name, and a byline stands under its title."""
    out = list(roles)
    for k in range(1, len(items) - 1):
        it, above, below = items[k], items[k - 1], items[k + 1]
        if (
            out[k].label == "T" and out[k - 1].label == "K" and out[k + 1].label in ("P", "W")
            and above.page == it.page == below.page and it.ln.force is None and above.ln.force is None
            and SPACED_NAME.match(it.text.strip())
        ):
            out[k - 1], out[k] = Role("T", out[k - 1].prob), Role("B", out[k].prob)
    return out


_GAP = "[ \u3000\xa0]"


# an author named by post or place, set apart from the name: 山东外国语职业技术大学校长  杜  琳, 安徽亳州市  马方正
_POST_AND_NAME = regex_cache.compile(
    rf"^[\u4e00-\u9fff（）、·]{{2,40}}?(?:{AUTHOR_POST_ENDS}){_GAP}{{2,}}(?:[\u4e00-\u9fff·]{{2,3}}|[\u4e00-\u9fff]{_GAP}+[\u4e00-\u9fff])$"
)


def posts_and_names_under_titles_are_bylines(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line close under a title that names an author by post or place and then, set apart, by name (吉林大学哲学社会
    科学资深教授  孙正聿, 安徽亳州市  马方正) is the piece's byline, whatever the model read it as: a head or a line of text
    does not end on a name set apart. Under a line read as the kicker it is the byline of that line, the title (于“不起眼”
    处着眼 / 安徽合肥市  刘安黎). Under text that ended, read as a head or a kicker, it signs the text above it (a
    reader's letter: …保障群众的生命健康安全。 / 湖北孝感市  黄国清), an end note."""
    out = list(roles)
    for k in range(1, len(items)):
        it, above = items[k], items[k - 1]
        if above.page != it.page or it.gap or it.ln.force is not None or not _POST_AND_NAME.match(it.text.strip()):
            continue
        if out[k].label in ("H", "T", "C", "W", "P") and out[k - 1].label in ("T", "S", "K"):
            out[k] = Role("B", out[k].prob)
            if out[k - 1].label == "K" and above.ln.force is None:
                out[k - 1] = Role("T", out[k - 1].prob)
        elif out[k].label in ("H", "K") and out[k - 1].label == "P" and FINISHED.search(above.text.strip()):
            out[k] = Role("N", out[k].prob)
    return out


# what a byline that names no person ends with: a body of people (中共中国南水北调集团有限公司党组, …课题组, …中心组)
_BODY_END = regex_cache.compile(r"(?:党组|党委|中心组|课题组|机关|中心|委员会|研究院|学院|基金|协会|学会|工会|部|局|办|厅|院|所|社|组|室)$")


# what a head of something heads: 部长, 局长, 董事长, 行长, 院长, 会长, 站长
_HEADS = "部局厅市省县区院校所社事镇乡村队司处科组行会馆站台团军"


# or a person by post and name (人力资源和社会保障部党组书记、部长王晓萍, 河南省委书记刘宁); a 长 that heads something
# (部长, 董事长, 行长), not the verb of 运动新空间这样长出来
_POSTED_NAME = regex_cache.compile(rf"(?:(?<![^{_HEADS}])长|(?!长)(?:{AUTHOR_POST_ENDS}))[\u4e00-\u9fff]{{2,3}}$")


_UNSIGNED_HEADLINE = 9  # characters at least: a column's name set as the byline is shorter (一個律師的筆記本)


# what a headline line holds and a byline of names does not need: Han characters, quotes, commas, marks, figures
_HEADLINE_WORDS = regex_cache.compile(r"[\u4e00-\u9fff“”‘’、，！？0-9０-９%]+")
# a byline's words, Simplified and Traditional
_BYLINE_WORDS = regex_cache.compile(r"记者|記者|通讯员|通訊員|特派员|特派員|本报|本報|撰文|整理|作者|供稿|特约|特約|评论员|評論員|主持|报道|報道|摄|攝|编|編")


def authors_read_as_titles_are_bylines(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line read as the title under a line read as its kicker, or as the subtitle under the title, over the text, that
    names a body of people by what it is (人类命运共同体研究中心, 中共中央党校（国家行政学院）校（院）务委员会,
    福建省人民政府督查室) or a person by post and name (中国铁路工程集团有限公司党委书记、董事长陈文健) — thirty characters
    at most, no dash, comma, colon, quote or stop, not a genre's line (访加纳…执行主任弗林蓬 is the subtitle) — is the
    byline, and the line above it the title: 学习时报 signs its pieces so, and neither a headline nor its subtitle ends on
    who wrote it (:func:`headlines_read_as_bylines_are_titles` read the other way up)."""
    out = list(roles)
    for k in range(1, len(items) - 1):
        it, above, below = items[k], items[k - 1], items[k + 1]
        text = it.text.strip()
        if (
            (out[k].label, out[k - 1].label) in (("T", "K"), ("S", "T")) and out[k + 1].label in ("P", "W", "H", "C", "N")
            and above.page == it.page == below.page and it.gap == 0 and it.ln.force is None and above.ln.force is None
            and len(text) <= 30 and not _MARKED.search(text) and not GENRE.search(text)
            and (_AUTHOR_BODY.search(text) or _POSTED_NAME.search(text))
        ):
            out[k - 1], out[k] = Role("T", out[k - 1].prob), Role("B", out[k].prob)
    return out


# what a byline naming its authors never holds: a dash, a clause's mark, a quote, a stop
_MARKED = regex_cache.compile(r"[—，,：:“”「」。！？!?]")
# a body of people by what it is, as it signs a piece (not …布局 or …举办, which a subtitle ends with)
_AUTHOR_BODY = regex_cache.compile(r"(?:党组|党委|中心组|课题组|中心|委员会|研究院|学院|督查室|办公室)$")


def spaced_headline_lines_read_as_bylines_are_titles(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line read as the byline, close under a headline line, whose last part set apart is longer than a name and names
    no body of people, with no byline word or clause mark (河南信阳：产业兴村强 / 根基 党建引领绘文明, 拟规定国内航班经济舱
    免费可选座位 / 不少于七成 中国航协公开征求意见), is a line of the title: a byline ends with a name (天津市南开区  张  静),
    a title's phrases are parted by a space too."""
    out = list(roles)
    for k in range(1, len(items)):
        it, above = items[k], items[k - 1]
        text = it.text.strip()
        parts = _SPACES.split(text)
        if (
            out[k].label == "B" and out[k - 1].label in ("T", "K") and above.page == it.page and it.gap == 0
            and it.ln.force is None and len(parts) >= 2 and len(parts[-1]) > _NAME_MOST and _HEADLINE_WORDS.fullmatch(parts[-1])
            and not _BODY_END.search(text) and not _BYLINE_WORDS.search(text) and not reporters_only(text) and not _MARKED.search(text)
        ):
            out[k] = Role("T", out[k].prob)
    return out


_SPACES = regex_cache.compile(r"[ \u3000\xa0]+")
_NAME_MOST = 4  # Han characters in a name at most (欧阳海燕)


def headlines_read_as_bylines_are_titles(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line read as the byline under one title line that names no one — nine Han characters or more, no space, no
    byline word, not a body of people (…党组, …课题组, …督查室), a person by post and name (河南省委书记刘宁) nor a summary
    of speeches (…发言摘要, the subtitle) — is the title, and the line above it its kicker (江苏无锡惠山区破解科研成果
    转化痛点 / 让院士团队敢闯敢试敢投入): a byline names who wrote the piece. Not when the line above goes on into it
    (a word across the break, a tying word at its end: 朱德：从南昌公安局局长到 / 南昌起义的“参谋和向导”): there it is the
    title's second line."""
    out = list(roles)
    for k in range(1, len(items)):
        it, above = items[k], items[k - 1]
        text = it.text.strip()
        if (
            out[k].label == "B" and out[k - 1].label == "T" and (k < 2 or out[k - 2].label not in ("T", "K") or items[k - 2].page != it.page)
            and above.page == it.page and it.gap == 0 and it.ln.force is None and above.ln.force is None
            and len(text) >= _UNSIGNED_HEADLINE and _HEADLINE_WORDS.fullmatch(text) and not _BYLINE_WORDS.search(text)
            and not _BODY_END.search(text) and not _POSTED_NAME.search(text) and not text.endswith(("摘要", "摘编"))
        ):
            if goes_on(above.text.strip(), text) or tied(above.text.strip()):
                out[k] = Role("T", out[k].prob)
            else:
                out[k - 1], out[k] = Role("K", out[k - 1].prob, 1.0), Role("T", out[k].prob)
    return out


# a poem's author by era and name (唐·殷尧藩, 宋·文天祥, 当代·田汉): an old poem quoted, not a piece's writer
_POET = regex_cache.compile(
    r"^(?:先秦|秦|西汉|东汉|汉|三国|魏|西晋|东晋|晋|南朝|北朝|隋|唐|五代|北宋|南宋|宋|辽|金|元|明|清|近代|现代|当代)[·・•][\u4e00-\u9fff]{2,4}$"
)


def quoted_poems_are_text(items: list[Item], roles: list[Role]) -> list[Role]:
    """A poem an essay opens with, its title and its author by era and name (端午日 / 唐·殷尧藩), read as a new title and
    its byline right under the essay's byline, is the essay's text: a writer named by era is a poet quoted, and a
    headline does not stand between a byline and its text."""
    out = list(roles)
    for k in range(2, len(items)):
        it = items[k]
        if (
            out[k].label == "B" and out[k - 1].label == "T" and out[k - 2].label == "B"
            and items[k - 1].page == items[k - 2].page == it.page and it.ln.force is None and items[k - 1].ln.force is None
            and _POET.match(it.text.strip())
        ):
            out[k - 1], out[k] = Role("P", out[k - 1].prob), Role("P", out[k].prob)
    return out
