"""The rules applied to the model's roles before the assembler walks them.

Each rule corrects a role the model gives against a convention of print that holds
whatever the paper: a photo credit is no title, a page opens with a headline, what
stands between a title and its byline is the headline group's, a head cannot be
followed by the rest of a sentence (nor a title stop on 的), an indent opens a
paragraph (and where paragraphs are indented, a line with none goes on the full line
above it, or under a line that ended is set apart: a caption or a head), a line far
longer than its wrapped column is none of its text, a photo story's caption is its
text. Each was measured leave-one-paper-out on the real corpus
(``bench/reader_metrics.py --real --models DIR``) and is tested in ``tests/test_role_rules.py``.
"""

from __future__ import annotations

import unicodedata

from rsbz_epub import regex_cache
from rsbz_epub.reader.jumps import split_leading
from rsbz_epub.reader.layout import Item
from rsbz_epub.reader.linefeatures import FINISHED, column_widths, credit_line
from rsbz_epub.reader.roles import Role
from rsbz_epub.reader.segment import NOTE_HEAD


def corrected(items: list[Item], roles: list[Role]) -> list[Role]:
    """The model's roles with every rule of this module applied, in order."""
    roles = titles_after_closing_notes(items, credits_as_captions(items, lines_no_title_is(items, roles)))
    roles = kickers_stand_over_titles(items, pages_open_with_headlines(items, roles))
    roles = indents_begin_paragraphs(items, heads_cut_mid_sentence(items, captions_above_credits(items, roles)))
    roles = unindented_lines_set_apart(items, unindented_lines_go_on(items, roles))
    roles = photo_stories_are_their_captions(items, lines_over_the_column_set_apart(items, roles))
    return guides_list_an_entry_a_line(items, roles)


# who put a page or a piece together, on a line of its own: 本期统筹：郭雪岩 / 策划：陈芳 / 数据来源：国家统计局
_STAFF_LINE = regex_cache.compile(r"^(?:本期|本版)?(?:总?策划|总?统筹|监制|数据来源|资料来源)[：:]")


# a reporter line and nothing else: 新华社记者赵文君、高亢 / 記者莊曉彤 / 新华社记者王钟毅　朱雨博　刘宇辰
_REPORTERS_ONLY = regex_cache.compile(
    r"^(?:本报|本報|新华社|新華社)?(?:特约|首席|见习|見習)?(?:记者|記者|通讯员|通訊員)[:：]?[ \u3000]*"
    r"(?!手记|手記|观察|觀察|调查|調查|连线|連線|探访|探訪|走访|走訪|札记|札記|笔记|筆記|日记|日記|来信|來信|一线|一線|回音|感言|故事|视角|視角|见闻|見聞|追踪|追蹤|直击|直擊|走基层|走基層|专访|專訪|随笔|隨筆)"
    r"[\u4e00-\u9fff·]{1,4}(?:[ \u3000、，,]+[\u4e00-\u9fff·]{1,4})*$"
    # or the outlet's reporters with no name (眾新聞記者, letter-spaced 眾 新 聞 記 者), or its correspondent (台灣特派員鄭智仁)
    r"|^(?:[\u4e00-\u9fff][ \u3000]?){0,4}(?:新[ \u3000]?闻|新[ \u3000]?聞|[报報社台网網刊])[ \u3000]?(?:记[ \u3000]?者|記[ \u3000]?者)$|^[\u4e00-\u9fff]{2,6}(?:特派员|特派員)[\u4e00-\u9fff·]{2,4}$"
)


# a line set with a space between every two characters: 新 华 社 记 者 邹 多 为
_LETTER_SPACED = regex_cache.compile(r"^[\u4e00-\u9fff](?:[ \u3000][\u4e00-\u9fff])+$")


def _reporters_only(text: str) -> bool:
    """A reporter line and nothing else (``_REPORTERS_ONLY``), also when letter-spaced as a whole."""
    if _LETTER_SPACED.match(text):
        text = text.replace(" ", "").replace("\u3000", "")
    return _REPORTERS_ONLY.match(text) is not None


def lines_no_title_is(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line the model read as a title or a kicker that no headline is: a photo credit (杨  东摄（人民视觉）) is a
    caption, a staff or source line (本期统筹：郭雪岩, 数据来源：…) an end note, a finished sentence (…产业园。) text;
    and a reporter line with names only (新华社记者赵文君、高亢) under a heading line, read as a heading or a box, is
    its byline — and the lines between it and a title, read as a section head or a box, are the headline group's."""
    out = list(roles)
    for k, it in enumerate(items):
        if out[k].label not in ("T", "K", "S", "H", "X") or it.ln.force is not None:
            continue
        text = it.text.strip()
        if _reporters_only(text) and k > 0 and items[k - 1].page == it.page:
            _headline_group_above(items, out, k)
            if out[k - 1].label in ("T", "K", "S"):
                out[k] = Role("B", out[k].prob)  # under a heading: its byline
        elif out[k].label in ("T", "K"):
            label = "C" if credit_line(text) else "N" if _STAFF_LINE.match(text) else "P" if text.endswith("。") else None
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


# the bracket that closes an article: （记者朱丽莉、陈露缘）, （来源：WMO官网）, （李继翔、彭恩翔对本文有贡献）, （李长培）
_CLOSING_NOTE = regex_cache.compile(r"（([^（）]{2,40})）$")
_NOT_CLOSING = regex_cache.compile(r"[上下]转|[转接]第|续第|摄|图|见第")


def titles_after_closing_notes(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line the model read as a section head, right after a paragraph that ends with the bracket that closes an
    article (…消费。（记者朱丽莉、陈露缘）), heads the next article: no section follows an article's closing note.
    A jump marker (（下转第二版）) or a photo credit in that bracket closes nothing, and a place name of two or three
    characters (漯河, 叶县) heads the next brief of a roundup, inside one article."""
    out = list(roles)
    for k in range(1, len(items)):
        if out[k].label != "H" or out[k - 1].label not in ("P", "N") or items[k - 1].page != items[k].page or len(items[k].text.strip()) < 4:
            continue
        note = _CLOSING_NOTE.search(items[k - 1].text.rstrip())
        if note is not None and not _NOT_CLOSING.search(note.group(1)):
            out[k] = Role("T", out[k].prob)
    return out


def pages_open_with_headlines(items: list[Item], roles: list[Role]) -> list[Role]:
    """The first line of a page is a headline when the page before ended its text: a page opens with a title
    (an article carried over says so with its jump marker, which is no text line). Only a sentence the page
    before left open (… 后面还有 / 更多的内容在这里结束。) goes on at the top of the next."""
    out = list(roles)
    for k, it in enumerate(items):
        if (
            it.page_start and k > 0 and out[k - 1].label != "W" and it.kind != "jump" and it.ln.force is None
            and out[k].label in ("W", "P", "H") and split_leading(it.text, it.ln.no)[0] is None  # （接1版）次。 goes on
            and len(it.text) <= 60 and not NOTE_HEAD.match(it.text)  # a paragraph or an 编者按 is no title
        ):
            out[k] = Role("T", out[k].prob)
    return out


def credits_as_captions(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line that is only a photo credit (唐  克摄（人民视觉）, 本报记者  刘仲华摄, 受访者供图), which the model read as a
    paragraph or a section head inside an article, is a caption's credit. At an article's end (a title follows) it stays:
    there it is the article's own credit line."""
    out = list(roles)
    for k in range(len(items) - 1):
        it, below = items[k], items[k + 1]
        if out[k].label in ("P", "H") and below.page == it.page and out[k + 1].label not in ("T", "K") and credit_line(it.text.strip()):
            out[k] = Role("C", out[k].prob, out[k].kicker)
    return out


def indents_begin_paragraphs(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line the model read as running on, when the line below it is indented (an indent opens a paragraph:
    a column break never indents the rest of a sentence), ends its paragraph."""
    out = list(roles)
    for k in range(len(items) - 1):
        if out[k].label == "W" and items[k + 1].page == items[k].page and items[k + 1].ln.indent > 0 and items[k].ln.force is None:
            out[k] = Role("P", out[k].prob, out[k].kicker)
    return out


def _indented_pages(items: list[Item]) -> dict[int, int]:
    """The pages whose paragraphs open with an indent (one in twelve or more of their text lines of 10 characters
    or more is indented), each with the length its column lines reach (the median of the unindented ones)."""
    lines: dict[int, list[Item]] = {}
    for it in items:
        if it.kind == "text" and len(it.text) >= 10:
            lines.setdefault(it.page, []).append(it)
    out = {}
    for page, mine in lines.items():
        plain = sorted(len(it.text) for it in mine if not it.ln.indent)
        if plain and (n := len(mine) - len(plain)) >= 2 and n * 12 >= len(mine):
            out[page] = plain[len(plain) // 2]
    return out


# the columns a paragraph's indent takes (two full-width spaces), which its stripped text does not count
_INDENT_WIDTH = 2


def unindented_lines_go_on(items: list[Item], roles: list[Role]) -> list[Role]:
    """On a page whose paragraphs open with an indent, a full column line (an indented first line counting its
    indent) the model read as ending its paragraph runs on when the line right under it (no blank line between) is
    paragraph text with no indent: a new paragraph there would be indented (…三维新场景演进。 / 在此进程中，… is one
    paragraph's lines only if the second is indented)."""
    out = list(roles)
    pages = _indented_pages(items)
    for k in range(len(items) - 1):
        it, below = items[k], items[k + 1]
        full = pages.get(it.page)
        if (
            full is not None and out[k].label == "P" and out[k + 1].label in ("P", "W") and below.page == it.page
            and below.gap == 0 and below.ln.indent == 0 and not below.page_start and it.ln.force is None
            and below.kind == "text" and full - 1 <= len(it.text) + _INDENT_WIDTH * it.ln.indent <= full + 2
        ):
            out[k] = Role("W", out[k].prob, out[k].kicker)
    return out


def unindented_lines_set_apart(items: list[Item], roles: list[Role]) -> list[Role]:
    """On a page whose paragraphs open with an indent, a line with no indent that the model read as a whole
    paragraph, under text that ended above it, opens no paragraph (one would be indented): it is set apart from the
    text, a caption when it finishes a sentence or is long (男童获救后，警方将其交予嫲嫲。), else a section head (卷二第一题：)."""
    out = list(roles)
    pages = _indented_pages(items)
    for k in range(1, len(items)):
        it, above = items[k], items[k - 1]
        if (
            it.page in pages and out[k].label == "P" and out[k - 1].label in ("P", "C", "H", "N") and above.page == it.page
            and it.ln.indent == 0 and not it.page_start and it.kind == "text" and it.ln.force is None
            and not credit_line(it.text.strip())  # a photo credit is the credit rules' (a caption's, or the article's own)
        ):
            out[k] = Role(_set_apart(it.text.strip()), out[k].prob, out[k].kicker)
    return out


def _set_apart(text: str) -> str:
    """The role of a line set apart from the text: a caption when it finishes a sentence or is long, else a head."""
    return "C" if FINISHED.search(text) or len(text) > 30 else "H"


def _measure(text: str) -> float:
    """How much of a column a line takes, in Chinese characters: digits and Latin letters take half of one each."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


def lines_over_the_column_set_apart(items: list[Item], roles: list[Role]) -> list[Role]:
    """On a page set in wrapped columns (five of its text lines at least, and half of them, fill the column), a line
    that runs half as far again past the column, between lines that do not, which the model read as paragraph text
    under text that ended (not the rest of a line that runs on into it), is no line of that column: a caption (set in
    smaller type it holds more characters, or a dump leaves it unwrapped) or a head. Half again, because a column
    line with digits or Latin letters (half a character each) runs a little past it."""
    out = list(roles)
    widths = column_widths(items)
    lines: dict[int, list[int]] = {}
    for it in items:
        if it.kind == "text" and len(it.text) >= 8:
            lines.setdefault(it.page, []).append(len(it.text))
    wrapped = {}
    for page, width in widths.items():
        full = sum(abs(n - width) <= 1 for n in lines.get(page, ()))
        if width and full >= 5 and 2 * full >= len(lines.get(page, ())):  # five full lines at least: a column, not a chance
            wrapped[page] = width

    def over(j: int, page: int) -> bool:
        return 0 <= j < len(items) and items[j].page == page and _measure(items[j].text) > 1.5 * wrapped[page] + 1

    for k, it in enumerate(items):
        if (
            it.page in wrapped and out[k].label in ("P", "W") and (k == 0 or out[k - 1].label != "W")
            and it.kind == "text" and it.ln.force is None
            and over(k, it.page) and not over(k - 1, it.page) and not over(k + 1, it.page) and not credit_line(it.text.strip())
        ):
            out[k] = Role(_set_apart(it.text.strip()), out[k].prob, out[k].kicker)
    return out


def captions_above_credits(items: list[Item], roles: list[Role]) -> list[Role]:
    """A short finished line the model read as a paragraph, right above a credit line it read as a
    caption (游客在新馆选购文创产品。 / 新华社记者  郝  源摄), is the caption that credit belongs to."""
    out = list(roles)
    for k in range(1, len(items) - 1):
        it, below = items[k], items[k + 1]
        if (
            out[k].label == "P" and out[k + 1].label == "C" and out[k - 1].label != "W"
            and len(it.text) <= 80 and below.page == it.page and credit_line(below.text)
        ):
            out[k] = Role("C", out[k].prob, out[k].kicker)
    return out


# What no paragraph begins with: a particle that ends a word (的, 们), a closing mark, or the one- or two-character end
# of a sentence (点。习近平…, 不到；但…) — the rest of a line the column cut, not the first line after a section head.
_MID_SENTENCE = regex_cache.compile(r"^[\u3000 ]*(?:的(?!确)|们|們|[，。；：、）”」』]|[^\s\d，。！？；：、“”「」『』（）《》]{1,2}[。；])")


def heads_cut_mid_sentence(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line the model read as a section head, when the line below it goes on mid-sentence
    (揭示了政治能力实践落 / 点。习近平总书记…), is a paragraph line the column cut: it runs on; so is a line read as a
    title that stops on 的 (这是一段足够长的 / 正文，…) right above text."""
    out = list(roles)
    for k in range(len(items) - 1):
        if items[k + 1].page != items[k].page or items[k].ln.force is not None:
            continue
        if out[k].label == "H" and _MID_SENTENCE.match(items[k + 1].text):
            out[k] = Role("W", out[k].prob, out[k].kicker)
        elif out[k].label == "T" and _CUT_AFTER.search(items[k].text) and out[k + 1].label in ("P", "W"):
            out[k] = Role("W", out[k].prob, out[k].kicker)
    return out


# a line that stops on a particle waiting for its noun (这是一段足够长的 / 正文，…): a title over its text seldom ends so,
# a cut line often does (a section head may: 2.血液是蓝色的)
_CUT_AFTER = regex_cache.compile(r"[\u4e00-\u9fff]的$")


def kickers_stand_over_titles(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line the model read as a title right above a line it read as a kicker (春耕春播气象服务·一线见闻 / 气象服务跟着农时走)
    would make an article of a title alone: the two are one headline group, a kicker stands over its title."""
    out = list(roles)
    for k in range(len(items) - 1):
        if out[k].label == "T" and out[k + 1].label == "K" and items[k + 1].page == items[k].page and items[k + 1].ln.force is None:
            out[k], out[k + 1] = Role("K", out[k].prob), Role("T", out[k + 1].prob)
    return out


# the head of a guide to the issue: 导读, 今日导读, 本期要目
_GUIDE = regex_cache.compile(r"^(?:今日|本期|本版)?(?:导读|要目)$")
_GUIDE_ENTRIES = 12  # a guide lists a few stories; more lines under it are the page's next text


def guides_list_an_entry_a_line(items: list[Item], roles: list[Role]) -> list[Role]:
    """Under a guide's head (今日导读), each line is an entry of its own (▶ 如何让金融“活水”精准滴灌小微企业？　　A2,
    全省一季度重点项目集中开工 详见A02版): no entry runs on into the next or heads a section."""
    out = list(roles)
    for k, it in enumerate(items):
        if out[k].label != "T" or not _GUIDE.match(it.text.strip()):
            continue
        for j in range(k + 1, min(len(items), k + 1 + _GUIDE_ENTRIES)):
            if items[j].page != it.page or out[j].label in ("T", "K", "S", "B") or items[j].ln.force is not None:
                break
            if out[j].label in ("W", "H"):
                out[j] = Role("P", out[j].prob, out[j].kicker)
    return out


def photo_stories_are_their_captions(items: list[Item], roles: list[Role]) -> list[Role]:
    """An article whose text the model read as captions only (a photo story: 港口作业忙 / 元旦假期，…图为…码头。新华社记者
    赵子硕摄) has no other text: its caption is what the article says, its paragraphs."""
    out = list(roles)
    k = 0
    while k < len(items):
        if out[k].label != "T":
            k += 1
            continue
        j = k + 1
        while j < len(items) and items[j].page == items[k].page and out[j].label in ("T", "S", "B"):
            j += 1
        body = j
        while j < len(items) and items[j].page == items[k].page and out[j].label == "C":
            j += 1
        end_of_story = j >= len(items) or items[j].page != items[k].page or out[j].label in ("T", "K")
        if j > body and end_of_story:
            for m in range(body, j):
                out[m] = Role("P", out[m].prob, out[m].kicker)
        k = max(j, k + 1)
    return out
