"""The assembler's moves when the line-role model has decided each line's role.

Hard structure stays with the rules (staff overrides, jump markers, 编者按 and
labelled boxes); everything the model decides — where a headline group starts
and what each of its lines is, section heads, captions, end notes, bylines, and
whether a paragraph goes on in the next line — is read from the roles here.
"""

from __future__ import annotations

from rsbz_epub import regex_cache
from rsbz_epub.model import Caption, Subheading
from rsbz_epub.reader.boxes import NOTE_HEAD, box_between, box_end, credit_onto_caption, labelled_box
from rsbz_epub.reader.jumps import split_leading
from rsbz_epub.reader.layout import Item
from rsbz_epub.reader.linefeatures import credit_line
from rsbz_epub.reader.roles import Role
from rsbz_epub.reader.segment import is_photo_credit, titleish
from rsbz_epub.reader.wordpairs import glue

_HEAD = ("K", "T")
_BODY_ENDS = ("P", "R", "X", "M", "G", "J")
_TAIL_STOP = regex_cache.compile(r"[。；！!]|？.")
_REPORTER = regex_cache.compile(r"记者|記者|通讯员|通訊員|本报|本報|新华社|新華社|^文[/／：]")


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


def lines_no_title_is(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line the model read as a title or a kicker that no headline is: a photo credit (杨  东摄（人民视觉）) is a
    caption, a staff or source line (本期统筹：郭雪岩, 数据来源：…) an end note, a finished sentence (…产业园。) text;
    and a reporter line with names only (新华社记者赵文君、高亢) under a heading line, read as a heading too, is its byline."""
    out = list(roles)
    for k, it in enumerate(items):
        if out[k].label not in ("T", "K", "S", "H") or it.ln.force is not None:
            continue
        text = it.text.strip()
        if _REPORTERS_ONLY.match(text) and k > 0 and out[k - 1].label in ("T", "K", "S") and items[k - 1].page == it.page:
            out[k] = Role("B", out[k].prob)  # under a heading: its byline
        elif out[k].label in ("S", "H"):
            continue
        elif credit_line(text):
            out[k] = Role("C", out[k].prob)
        elif _STAFF_LINE.match(text):
            out[k] = Role("N", out[k].prob)
        elif text.endswith("。"):
            out[k] = Role("P", out[k].prob)
    return out


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
    (揭示了政治能力实践落 / 点。习近平总书记…), is a paragraph line the column cut: it runs on."""
    out = list(roles)
    for k in range(len(items) - 1):
        if out[k].label == "H" and items[k + 1].page == items[k].page and _MID_SENTENCE.match(items[k + 1].text):
            out[k] = Role("W", out[k].prob, out[k].kicker)
    return out


def _title_goes_on(title: str, below: str) -> bool:
    """A title line broken inside a word (消|费), inside quotes or brackets, or after a comma or colon goes on in the line below,
    which is its second line, not a subtitle (a subtitle set with —— is one)."""
    if below.startswith("——"):
        return False
    t = title.rstrip()
    unclosed = any(t.count(a) > t.count(b) for a, b in ("“”", "（）", "《》", "「」"))
    return unclosed or t.endswith(("，", "、", "：", ",", ":")) or glue(t, below.lstrip()) != "0"


def _join(parts: list[str]) -> str:
    """Lines of one heading joined: no space between Chinese, one between Latin words."""
    out = ""
    for p in parts:
        if out and out[-1].isascii() and out[-1].isalnum() and p[:1].isascii() and p[:1].isalnum():
            out += " "
        out += p
    return out


class RoleSteps:
    """Mixed into the assembler: one step per item, driven by ``self.roles``."""

    roles: list[Role]
    line_index: dict[int, int]

    def _role(self, i: int) -> str:
        return self.roles[i].label if 0 <= i < len(self.roles) else ""

    def _by_role(self, i: int) -> int:
        """Handle item i by the role the model gave it; return the next index."""
        it = self.items[i]
        role = self._role(i)
        if self._continues(i) and not self.para.finished:
            # print sets captions and boxes inside a paragraph the column break cut: they wait until it ends
            if it.kind in ("caption", "caption-wrap"):
                return self._role_caption(i)
            short_label = it.kind == "subheading" or (titleish(it.text, 12) and self._role(i) != "W")
            if short_label and (end := box_end(self.items, self.layout, i)) is not None:
                self.para.deferred.append(box_between(self.items, i, end))
                self._continue_para(self.items[end])
                return end + 1
        if (it.kind == "caption-wrap" or is_photo_credit(it.text)) and self._after_caption():
            return self._role_caption(i)  # 新华社记者 刘大伟 摄 under a caption is its credit
        if role in _HEAD:
            return self._role_heading(i)
        if role == "H":
            self._close_para()
            self._add(it, Subheading(text=it.text, line=it.ln.no))
            return i + 1
        if role == "C":
            return self._role_caption(i)
        if role == "B" and self._role_byline(i):
            return i + 1
        if role == "S" and self.cur is not None and not self.cur.has_body and self.cur.subtitle is None and self.para is None:
            self.cur.subtitle = it.text
            return i + 1
        return self._role_text(i)

    def _after_caption(self) -> bool:
        """The last thing read was a caption (in the article, or waiting inside the open paragraph)."""
        if self.para is not None:
            return bool(self.para.deferred) and isinstance(self.para.deferred[-1], Caption)
        return self.cur is not None and bool(self.cur.blocks) and isinstance(self.cur.blocks[-1], Caption)

    def _continues(self, i: int) -> bool:
        """The open paragraph goes on in item i: the model said its last line runs on."""
        para = self.para
        if para is None or para.literal:
            return False
        # what stood between (a caption, a box) waits inside the paragraph; its last line decides
        return self._role(self._index_of(para.last_line)) == "W"

    def _index_of(self, line: int) -> int:
        """The item index of input line ``line`` (-1 when it is not an item)."""
        return self.line_index.get(line, -1)

    def _role_text(self, i: int) -> int:
        it = self.items[i]
        if self._continues(i):
            self._continue_para(it)
            return i + 1
        self._close_para()
        if NOTE_HEAD.match(it.text):
            return self._note(i)
        if (cur := self.cur) is not None and cur.has_body:
            # the article's section heads are collected only when a bracketed label asks (a pass over its blocks)
            box = labelled_box(self.items, self.layout, i, lambda: tuple(b.text for b in cur.blocks if isinstance(b, Subheading)))
            if box is not None:
                self._add(it, box[0])  # 小贴士 / 相关链接 and the lines packed under the label
                return box[1]
        self._new_paragraph(it)
        if self._role(i) == "N":
            self._close_para()  # an end note, credit or signature is complete; nothing joins onto it
        return i + 1

    def _role_caption(self, i: int) -> int:
        it = self.items[i]
        para = self.para
        if para is not None and (self._continues(i) and not para.finished or para.deferred and self._after_caption()):
            if not credit_onto_caption(it, para.deferred):
                para.deferred.append(Caption(text=it.text, line=it.ln.no))  # set between the halves of a paragraph
            return i + 1
        self._close_para()
        if self.cur is None or not credit_onto_caption(it, self.cur.blocks):
            self._add(it, Caption(text=it.text, line=it.ln.no))
        return i + 1

    def _role_byline(self, i: int) -> bool:
        """A byline away from a headline group: the article's if it has none yet, else a closing signature."""
        it, cur = self.items[i], self.cur
        if cur is None or self._continues(i):
            return False
        self._close_para()
        if cur.byline is None and not cur.has_body:
            cur.byline = it.text
            return True
        if not cur.has_body:
            cur.byline = f"{cur.byline} {it.text}"
            return True
        self._new_paragraph(it)
        self._close_para()  # a trailing byline is complete; nothing joins onto it
        self.ended = True
        return True

    def _split_kicker(self, i: int, parts: dict[str, list[str]]) -> None:
        """A run of title lines may open with a kicker the model took for a title line.

        A line ending in ——, or a column label with ·, introduces the title under it; a title broken after a
        comma or colon, inside a word or inside quotes goes on below it; otherwise the first of three lines, or of two when it is
        shorter than the second or the model gives it a fair chance of being a kicker, is the kicker.
        """
        lines = parts["T"]
        if len(lines) < 2:
            return
        first = lines[0].rstrip()
        if _title_goes_on(first, lines[1]):
            return  # broken inside a word or a quote: one title on two lines
        if first.endswith("——") or ("·" in first and "·" not in lines[1]):
            parts["K"], parts["T"] = [first], lines[1:]
        elif first.endswith(("，", "、", ",", "：", ":")):
            return
        elif len(lines) >= 3 or self.roles[i].kicker >= 0.5 or len(first) + 2 <= len(lines[1]):
            # a title wraps where its line is full, so a first line shorter than the next is a kicker
            parts["K"], parts["T"] = [first], lines[1:]

    def _title_tail(self, j: int, title: str) -> bool:
        """Item j, which the model read as a section head or a one-line paragraph, is the rest of the
        title line above it: the title breaks inside a word, a quote or a bracket, or after a comma, and the line
        is short, with no sentence in it and no reporter's name."""
        if j >= len(self.items) or self._role(j) not in ("H", "P") or self.items[j].ln.force is not None:
            return False
        text = self.items[j].text.strip()
        if len(text) > 30 or _TAIL_STOP.search(text) or _REPORTER.search(text) or credit_line(text):
            return False
        return self.items[j].page == self.items[j - 1].page and _title_goes_on(title, text)

    def _role_heading(self, i: int) -> int:
        """A headline group: kicker lines, title lines, then subtitle and byline lines, on one page."""
        page = self.items[i].page
        n = len(self.items)
        j = i
        parts: dict[str, list[str]] = {"K": [], "T": [], "S": [], "B": []}
        for wanted in (("K",), ("T",), ("S", "B")):
            while j < n and self.items[j].page == page and self._role(j) in wanted and self.items[j].kind != "jump":
                if j > i and self.items[j].ln.force is not None:
                    break
                parts[self._role(j)].append(self.items[j].text)
                j += 1
        if parts["T"] and not parts["S"] and not parts["B"] and self._title_tail(j, parts["T"][-1]):
            parts["T"].append(self.items[j].text)  # “网红”玩具不可忽 / 视安全性（建议）: the title's second line
            j += 1
        if parts["K"] and parts["T"] and len(parts["K"][-1]) >= len(parts["T"][0]) and _title_goes_on(parts["K"][-1], parts["T"][0]):
            # a full line that goes on inside a word: the model's kicker is the title's first line
            parts["K"], parts["T"] = [], parts["K"] + parts["T"]
        if parts["T"] and parts["S"] and _title_goes_on(parts["T"][-1], parts["S"][0]):
            parts["T"].append(parts["S"].pop(0))
        if len(parts["T"]) == 1 and parts["T"][0].rstrip().endswith("——") and parts["S"] and not parts["K"]:
            parts["K"], parts["T"] = parts["T"], [parts["S"].pop(0)]  # a lead-in ending —— introduces the title below it
        if parts["K"] and parts["T"] and parts["T"][0].startswith("——"):
            parts["S"], parts["T"], parts["K"] = parts["T"] + parts["S"], parts["K"], []  # ——… is a subtitle: the line above is the title
        if not parts["T"]:
            parts["T"], parts["K"] = parts["K"], []  # a lone kicker-like line heads the article itself
        elif not parts["K"]:
            self._split_kicker(i, parts)
        self._close_article()
        self._start(self.items[i])
        cur = self.cur
        assert cur is not None
        cur.title = _join(parts["T"])
        cur.kicker = _join(parts["K"]) or None
        cur.subtitle = _join(parts["S"]) or None
        cur.byline = " ".join(parts["B"]) or None
        return j
