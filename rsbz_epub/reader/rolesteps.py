"""The assembler's moves when the line-role model has decided each line's role.

Hard structure stays with the rules (staff overrides, jump markers, 编者按 and
labelled boxes); everything the model decides — where a headline group starts
and what each of its lines is, section heads, captions, end notes, bylines, and
whether a paragraph goes on in the next line — is read from the roles here.
"""

from __future__ import annotations

from collections.abc import Callable

from rsbz_epub import regex_cache
from rsbz_epub.model import Caption, PageJump, Subheading
from rsbz_epub.reader.boxes import box_between, box_end, credit_onto_caption, labelled_box
from rsbz_epub.reader.jumps import only_marker, split_trailing
from rsbz_epub.reader.roles import Role
from rsbz_epub.reader.segment import LABEL_LINE, NOTE_HEAD, TITLE_LABEL, heading_runs_on, is_photo_credit, latin_across, titleish
from rsbz_epub.reader.wordspan import spans_break

_HEAD = ("K", "T")


# two phrases of a title set apart with a space, each maybe in quotes: 以侨为桥  发挥侨力, “免费体验”套路多  “高额回报”陷阱多
_SPACED_PAIR = regex_cache.compile(r"[\u4e00-\u9fff”’」』）》][ \u3000]+[\u4e00-\u9fff“‘「『（《]")


# a kicker that names who spoke, over the words it introduces: …在云南调研时强调, 外交部发言人表示, 应勇：
_SPEAKER_LEAD_IN = regex_cache.compile(r"(?:强调|強調|表示|指出|(?:通知|意见|意見)要求)$|^[\u4e00-\u9fff]{2,4}[：:]$")


def _leads_in(line: str) -> bool:
    """A headline line that introduces the one under it, as a kicker does: it ends ——, or names who spoke and stops
    on the verb or the colon before the words it reports (李强在广西调研时强调 / 加快推进水网建设…, 应勇： / 强化检察监督…)."""
    t = line.rstrip()
    return t.endswith("——") or _SPEAKER_LEAD_IN.search(t) is not None


def _title_goes_on(title: str, below: str, simplified: Callable[[str], str] = str) -> bool:
    """A title line broken inside a word (消|费, 現|場 read as 现|场 through ``simplified``: the word list is Simplified),
    inside quotes or brackets, or after a comma or colon goes on in the line below, which is its second line, not a
    subtitle (a subtitle set with —— is one). The word is found as ``reader/wordspan.py`` finds one, cut both ways:
    the pair list alone (``wordpairs.glue``) joined …与中外记者交流 / 民营经济… on 流民, a kicker over its title."""
    if below.startswith("——"):
        return False
    t, rest = title.rstrip(), below.strip()
    # a word cut at the line's end joins only a full line: a title wraps where its line is full, or in even halves
    return heading_runs_on(t) or (spans_break(simplified(t), simplified(rest)) and len(t) >= len(rest) - 1)


# a whole title stands before its column's label with this many characters at least; fewer are the last words of a title
# the column wrapped (规范涉企行政执法专项行动 / 取得明显成效（权威发布）). Measured leave one paper out: 5 → 8 found 14 more titles
# (7: 12, 9: 12), so the figure is tuned on the corpus.
_WHOLE_TITLE = 8


def _labelled_title(line: str) -> bool:
    """A whole title with its column label (学海共畅游  桑榆霞满天（大数据观察）), not the last words of a wrapped one
    (的意涵（人民时评）, 取得明显成效（权威发布）): _WHOLE_TITLE characters or more stand before the label."""
    m = TITLE_LABEL.search(line.rstrip())
    return m is not None and len(line[: m.start() + 1].strip()) >= _WHOLE_TITLE


def _slogan(line: str) -> bool:
    """A line set as a title's matched phrases, two or three of about one length: apart with a space (交通更有序  出行更从容)
    or a comma (身体动起来，心情亮起来), not a long title's last words after its space (死者路線　揭走廊非常狹窄)."""
    t = line.strip()
    parts = t.split() if _SPACED_PAIR.search(t) else t.split("，")
    sizes = [len(p) for p in parts]
    return 2 <= len(parts) <= 3 and min(sizes) >= 3 and max(sizes) - min(sizes) <= 2


def _subtitle_under(first: str, second: str) -> bool:
    """Two lines the model read as one title are a title over its undashed subtitle when they are no wrap: a title
    wraps in even halves or where its first line is full, so a first line one shorter than the second is finished, and
    so is a shorter second line under a first that reads as a whole title (it closes a quote, a book title or a
    bracket, asks or exclaims, or sets two phrases apart with a space)."""
    d = len(first) - len(second)
    if d == -1:
        return True
    return d >= 2 and (first.endswith(("”", "》", "）", "」", "？", "！")) or _SPACED_PAIR.search(first) is not None)


def _join(parts: list[str]) -> str:
    """Lines of one heading joined: no space between Chinese, one between Latin words."""
    out = ""
    for p in parts:
        if latin_across(out, p):
            out += " "
        out += p
    return out


class RoleSteps:
    """Mixed into the assembler: one step per item, driven by ``self.roles``."""

    roles: list[Role]
    line_index: dict[int, int]
    met: bool  # the model has met the paper (it knows whether the paper sets kickers over its titles)
    simplified: Callable[[str], str]  # a text in Simplified characters (the issue's own text when it is Simplified)

    def _role(self, i: int) -> str:
        return self.roles[i].label if 0 <= i < len(self.roles) else ""

    def _by_role(self, i: int) -> int:
        """Handle item i by the role the model gave it; return the next index."""
        it = self.items[i]
        role = self._role(i)
        if self._continues(i) and not self.para.finished:
            # print sets captions and boxes inside a paragraph the column break cut: they wait until it ends
            if it.kind in ("caption", "caption-wrap") and role not in ("P", "W"):
                return self._role_caption(i)
            # a short line the model read as text, a caption or an end note is that, not a box's label: the paragraph's
            # own last line (…蒸饭车、冰箱、消 / 毒柜等一应俱全……), a note's second line (赵景锋采访整理）)
            short_label = it.kind == "subheading" or (titleish(it.text, 12) and self._role(i) not in ("W", "P", "C", "N"))
            if short_label and (end := box_end(self.items, self.layout, i)) is not None:
                self.para.deferred.append(box_between(self.items, i, end))
                self._continue_para(self.items[end])
                return end + 1
        if (it.kind == "caption-wrap" or is_photo_credit(it.text)) and self._after_caption():
            return self._role_caption(i)  # 新华社记者 刘大伟 摄 under a caption is its credit
        if role not in _HEAD:  # a heading line's marker is split off with its headline group (_role_heading)
            title, jump = split_trailing(it.text, it.ln.no, "continued-from")
            if jump is not None and (role == "R" or self._an_earlier_title(title)):
                self._close_para()  # a continuation's repeated title with its marker on its line: 老手艺如何走进新生活？（上接第1版）
                self._open_continuation(it, jump, (title, it.ln.no))
                return i + 1
            below = self._marker_below(i)
            if below is not None and (role == "R" or self._an_earlier_title(it.text)):
                self._close_para()  # or on the line under it, however long the title: 李强…强调 坚定不移… / （上接第1版）
                self._open_continuation(self.items[i + 1], below, (it.text.strip(), it.ln.no))
                return i + 2
        if role in _HEAD:
            return self._role_heading(i)
        if role == "H":
            self._close_para()
            last = self.cur.blocks[-1] if self.cur is not None and self.cur.blocks else None
            if isinstance(last, Subheading) and self._column_wrap(i):
                self.cur.blocks[-1] = Subheading(text=_join([last.text, it.text]), line=last.line, level=last.level)
            else:
                self._add(it, Subheading(text=it.text, line=it.ln.no))
            return i + 1
        if role == "C":
            return self._role_caption(i)
        if role == "B" and self._role_byline(i):
            return i + 1
        if (
            role == "S" and self.cur is not None and not self.cur.has_body and self.cur.subtitle is None and self.para is None
            and not any(isinstance(b, PageJump) for b in self.cur.blocks)  # a continuation prints no subtitle
        ):
            self.cur.subtitle = it.text
            return i + 1
        return self._role_text(i)

    def _column_wrap(self, i: int) -> bool:
        """Item i is the next line of the head or caption on the line above, wrapped by the column: the model gave both
        the same role, nothing parts them, and the line above fills the issue's column, give or take the stop or
        closing mark print hangs at a line's end or moves down with a character to the next (a head or a caption
        longer than the column goes on where the column is full, as the text does)."""
        width = self.layout.wrap_width
        if not width or i == 0 or self._role(i - 1) != self._role(i):
            return False
        above, it = self.items[i - 1], self.items[i]
        return (
            above.page == it.page and it.gap == 0 and not it.page_start and it.ln.force is None
            and width - 2 <= above.span <= width + 2 and it.span <= width + 2
        )

    def _marker_below(self, i: int) -> PageJump | None:
        """The continued-from marker alone on the line under item i, on its page, if there is one."""
        if i + 1 >= len(self.items) or self.items[i + 1].page != self.items[i].page:
            return None
        below = self.items[i + 1]
        jump = only_marker(below.text, below.ln.no)
        return jump if jump is not None and jump.direction == "continued-from" else None

    def _an_earlier_title(self, text: str) -> bool:
        """The text is the title of an article read before (a continuation repeats its title)."""
        squashed = "".join(text.split())
        return any(d.title and "".join(d.title.split()) == squashed for d in self.drafts)

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
            if not credit_onto_caption(it, para.deferred, self._column_wrap(i)):
                para.deferred.append(Caption(text=it.text, line=it.ln.no))  # set between the halves of a paragraph
            return i + 1
        self._close_para()
        if self.cur is None or not credit_onto_caption(it, self.cur.blocks, self._column_wrap(i)):
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
        return True

    def _split_kicker(self, i: int, parts: dict[str, list[str]]) -> None:
        """A run of title lines may open with a kicker the model took for a title line.

        A line ending in ——, or a column label with ·, introduces the title under it; a title broken after a
        comma or colon, inside a word or inside quotes goes on below it; for a paper the model has not met, the lines over a
        whole title that ends with its column label (国家老年大学已在各地设立8.2万个基层学习点 / 学海共畅游  桑榆霞满天（大数据观察）)
        are its kicker, and so is a line over a title set as matched phrases (327家企业的521个产品获得拟中选资格 / 交通更有序  出行更从容);
        otherwise the first of three lines, or of two when it is
        shorter than the second or the model gives it a fair chance of being a kicker, is the kicker. Of two lines left, a
        pair that is no wrap is a title over its undashed subtitle (“总想为大家辟一条光明的路” / 瞿秋白的苏俄采访之行,
        “白海豚”强势逼近华东 / 在日界线西侧生成生命史长).
        """
        lines = parts["T"]
        if len(lines) < 2:
            return
        first = lines[0].rstrip()
        if _leads_in(first):
            parts["K"], parts["T"] = [first], lines[1:]  # a lead-in (……——) or who spoke (…强调), over the title
            return
        if _title_goes_on(first, lines[1], self.simplified) or len(lines) == 2 and LABEL_LINE.match(lines[1].strip()):
            return  # broken inside a word or a quote, or a column's label under it: one title on two lines
        if "·" in first and "·" not in lines[1]:
            parts["K"], parts["T"] = [first], lines[1:]
        elif not self.met and _labelled_title(lines[-1]) and not first.endswith("的"):
            t = len(lines) - 1
            while t > 1 and _title_goes_on(lines[t - 1], lines[t], self.simplified):
                t -= 1
            parts["K"], parts["T"] = lines[:t], lines[t:]  # the lines over a title with its column label are its kicker
        elif first.endswith(("，", "、", ",", "：", ":")):
            return
        elif not self.met and len(lines) == 2 and _slogan(lines[1]) and not _slogan(first):
            parts["K"], parts["T"] = [first], lines[1:]
        elif len(lines) >= 3 or self.roles[i].kicker >= 0.5 or len(first) + 2 <= len(lines[1]):
            # a title wraps where its line is full, so a first line shorter than the next is a kicker
            parts["K"], parts["T"] = [first], lines[1:]
        elif not parts["S"] and _subtitle_under(first, lines[1]):
            parts["T"], parts["S"] = [first], lines[1:]

    def _role_heading(self, i: int) -> int:
        """A headline group: kicker lines, title lines, then subtitle and byline lines, on one page."""
        page = self.items[i].page
        n = len(self.items)
        j = i
        parts: dict[str, list[str]] = {"K": [], "T": [], "S": [], "B": []}
        t_end = j  # the index after the last title line
        for wanted in (("K",), ("T",), ("S", "B")):
            while j < n and self.items[j].page == page and self._role(j) in wanted and self.items[j].kind != "jump":
                if j > i and self.items[j].ln.force is not None:
                    break
                parts[self._role(j)].append(self.items[j].text)
                j += 1
            if wanted == ("T",):
                t_end = j
        if parts["K"] and parts["T"] and len(parts["K"][-1]) >= len(parts["T"][0]) and _title_goes_on(parts["K"][-1], parts["T"][0], self.simplified):
            # a full line that goes on inside a word: the model's kicker is the title's first line
            parts["K"], parts["T"] = [], parts["K"] + parts["T"]
        if parts["T"] and parts["S"] and _title_goes_on(parts["T"][-1], parts["S"][0], self.simplified):
            parts["T"].append(parts["S"].pop(0))
        if (
            len(parts["T"]) == 1 and parts["S"] and not parts["K"] and not parts["S"][0].startswith("——")
            and (
                (TITLE_LABEL.search(parts["S"][0].rstrip()) and not TITLE_LABEL.search(parts["T"][0].rstrip()))
                or (not self.met and _slogan(parts["S"][0]) and not _slogan(parts["T"][0]))
            )
        ):
            # the column label (（权威发布）) goes with the title; for a paper the model has not met, so do matched phrases
            parts["K"], parts["T"] = parts["T"], [parts["S"].pop(0)]
        elif len(parts["T"]) == 1 and _leads_in(parts["T"][0]) and parts["S"] and not parts["K"]:
            parts["K"], parts["T"] = parts["T"], [parts["S"].pop(0)]  # a lead-in (……——, …强调) introduces the title below it
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
        cur.kicker = _join(parts["K"]) or None
        cur.title, jump = split_trailing(_join(parts["T"]), self.items[t_end - 1].ln.no, "continued-from")
        if jump is not None:
            cur.blocks.append(jump)  # a continuation's repeated title with its marker on its line: 老手艺如何走进新生活？（上接第1版）
            if parts["T"][-1] == self.items[t_end - 1].text:
                return t_end  # a continuation prints no subtitle or byline: lines read so are its text
        cur.subtitle = _join(parts["S"]) or None
        cur.byline = " ".join(parts["B"]) or None
        return j
