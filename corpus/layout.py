"""Lay real published articles out as raw issue dumps, with exact answers and a role for every line.

A PDF-to-text dump of a newspaper page is the articles' text plus the print layout:
masthead, page lines, running headers and footers, headline groups, paragraphs in
one of several layouts (blank-line separated, one line each with or without an
indent, soft-wrapped narrow columns with an indent, a blank line or neither: a
PDF-to-text tool drops the indent a paragraph is printed with), mid-sentence
column and page breaks, jumps between pages.  The text of real papers is what the
reader must learn; the layout is what varies.
:func:`lay_out` turns the records of one issue (``corpus/FORMAT.md``) into such a
dump, chosen at random from a fixed seed, and returns

- the raw bytes in the chosen encoding and line ends,
- the answer in the schema of ``tests/corpus/README.md`` (plus each article's ``end``),
- the role of every non-blank line (``ROLES``), the line-role model's training labels.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field

from rsbz_epub.reader.measure import ems

#: Line roles: masthead, page line, header/footer, kicker, title, subtitle, byline,
#: section head, caption, end note, jump marker, repeated title of a continuation,
#: paragraph line that ends its paragraph, paragraph line that goes on in the next line.
ROLES = ("M", "G", "X", "K", "T", "S", "B", "H", "C", "N", "J", "R", "P", "W")

_CN_DIGITS = "零一二三四五六七八九十"
_WEEKDAYS = "一二三四五六日"
_EDITORS = ("王敏", "李华", "张　伟", "刘晓禾", "陈静", "周　芸", "赵磊", "孙悦", "钱程", "吴桐")
_SENTENCE_END = "。！？…”』」）"


def cn_number(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (page numbers in Chinese numerals)."""
    if n <= 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")


@dataclass
class Style:
    """One dump's layout habits, drawn once per issue."""

    paragraphs: str  # "blank" | "indent" | "plain" | "wrap-indent" | "wrap-blank" | "wrap-plain" | "wrap-stripped"
    width: int  # column width in characters for the wrapped layouts
    page_form: int
    feed: bool
    header: bool
    footer: bool
    masthead_form: int
    break_rate: float
    title_wrap: float
    dash_subtitle: float
    spaced_byline: float
    blank_after_heading: bool
    encoding: str
    newline: str
    spread_titles: bool = False  # every title line letter-spaced, as print spreads a headline (春 耕 时 节); never drawn
    hang: bool = True  # a stop or closing mark due at a line's start hangs at the end of the line above (``kinsoku``)
    ems: bool = False  # a column holds ``width`` ems, a digit or a Latin letter half of one (``print_measure``)


def _spread(text: str) -> str:
    """A title line letter-spaced: a space between every two characters that stand together (the gaps the title
    already has stay as they are: 山海情深  携手同行 → 山 海 情 深  携 手 同 行)."""
    return re.sub(r"(?<=\S)(?=\S)", " ", text)


#: The share of indented dumps laid out without their indent instead (``unindented``).
UNINDENTED = 0.5
#: Of the wrapped columns that lose their indent, the share whose first lines keep the indent's room (``unindented``).
STRIPPED = 0.5


def unindented(style: Style, seed: int) -> Style:
    """Half the dumps drawn with indented paragraphs lose the indent: one plain line per paragraph, or column
    lines whose only paragraph mark is where a line stops short, as a PDF-to-text tool writes them. Of the wrapped
    columns, half are wrapped as if no paragraph were indented (``wrap-plain``: a text tool's own wrap, or a page that
    sets no indent), half as print set them, indented, with the indent's spaces dropped (``wrap-stripped``): a
    PDF-to-text step writes the glyphs of each printed line and not the room before the first, so a paragraph's first
    line holds two characters fewer than the column.

    Drawn from its own generator so that every other choice of the seed's layout stays as it was."""
    rng = random.Random(seed ^ 0x1D3E7)
    if style.paragraphs in ("indent", "wrap-indent") and rng.random() < UNINDENTED:
        lost = "wrap-stripped" if style.paragraphs == "wrap-indent" and rng.random() < STRIPPED else style.paragraphs.replace("indent", "plain")
        return Style(**{**style.__dict__, "paragraphs": lost})
    return style


def kinsoku(style: Style, seed: int) -> Style:
    """How the dump's print keeps a stop or a closing mark from starting a line (禁则): half hang it at the end of the
    line above, a character or two past the column; half move the character before it down with it, a line one or two
    short of the column.

    Drawn from its own generator so that every other choice of the seed's layout stays as it was."""
    return Style(**{**style.__dict__, "hang": random.Random(seed ^ 0x4B1E).random() < 0.5})


#: The share of dumps whose columns are measured as print measures them (``print_measure``).
PRINT_MEASURE = 0.5


def print_measure(style: Style, seed: int) -> Style:
    """How the dump's columns are measured: half as print sets them, a column so many ems wide where a digit or a Latin
    letter takes half an em (a PDF-to-text step writes each printed line, so a line with digits holds more
    characters: ``万元再加上70%的上浮，便是340万元。`` fills a column of 17 with its 20), half by a count of characters,
    as a text tool's fixed-width wrap does.

    Drawn from its own generator so that every other choice of the seed's layout stays as it was."""
    return Style(**{**style.__dict__, "ems": random.Random(seed ^ 0x3E35).random() < PRINT_MEASURE})


def draw_style(rng: random.Random) -> Style:
    """Pick a layout at random (the seed decides)."""
    paragraphs = rng.choice(("blank", "blank", "indent", "wrap-indent", "wrap-blank"))
    return Style(
        paragraphs=paragraphs,
        width=rng.randint(13, 30),
        page_form=rng.randrange(7),
        feed=rng.random() < 0.5,
        header=rng.random() < 0.35,
        footer=rng.random() < 0.3,
        masthead_form=rng.randrange(3),
        break_rate=rng.choice((0.05, 0.12, 0.25)),
        title_wrap=rng.choice((0.0, 0.2, 0.4)),
        dash_subtitle=rng.choice((0.0, 0.8, 1.0)),
        spaced_byline=rng.choice((0.0, 0.3)),
        blank_after_heading=rng.random() < 0.6 or paragraphs == "blank",
        encoding=rng.choice(("utf-8",) * 6 + ("utf-8-sig", "gb18030", "gb18030", "utf-16")),
        newline=rng.choice(("lf",) * 6 + ("crlf", "crlf", "cr")),
    )


@dataclass
class Dump:
    """One laid-out issue."""

    name: str
    data: bytes
    text: str
    answer: dict
    roles: dict[int, str]  # 1-based line number → role, for every non-blank line
    style: Style


@dataclass
class _Out:
    lines: list[str] = field(default_factory=list)
    roles: dict[int, str] = field(default_factory=dict)
    breaks: list[list[str]] = field(default_factory=list)

    def add(self, text: str, role: str | None) -> None:
        self.lines.append(text)
        if role and text.strip():
            self.roles[len(self.lines)] = role

    def blank(self, n: int = 1) -> None:
        for _ in range(n):
            self.lines.append("")


# ------------------------------------------------------------------ masthead and pages


def _masthead(out: _Out, paper: str, date: dt.date, number: int, total: int, form: int) -> dict:
    w = _WEEKDAYS[date.weekday()]
    out.add(paper, "M")
    out.blank()
    answer: dict = {"paper": paper, "date": date.isoformat()}
    if form == 0:
        out.add(f"{date.year}年{date.month}月{date.day}日　星期{w}　第{number}期", "M")
        answer |= {"weekday": f"星期{w}", "issue_number": number}
    elif form == 1:
        out.add(f"{date.isoformat()} 周{w} 第{number}期 总第{total}期", "M")
        answer |= {"weekday": f"周{w}", "issue_number": number, "total_issue_number": total}
    else:
        out.add(f"{date.year}年{date.month}月{date.day}日　星期{w}", "M")
        answer |= {"weekday": f"星期{w}"}
    out.blank(2)
    return answer


def _page_line(n: int, name: str | None, form: int) -> tuple[str, bool]:
    """A page line in one of the printed forms; the bool says whether the name is in it."""
    nm = name or ""
    forms = [
        (f"第{n}版", False),
        (f"第{n}版　{nm}", True),
        (f"{n}版 {nm}", True),
        (f"第{cn_number(n)}版", False),
        (f"第{n:02d}版：{nm}", True),
        (f"第{cn_number(n)}版　{nm}", True),
        (f"第{n}版 {nm}", True),
    ]
    text, named = forms[form]
    if named and not name:
        return f"第{n}版", False
    return text, named


# ------------------------------------------------------------------ text layout


#: Marks print never sets at the start of a line (禁则): a line that would start with one keeps it at its own end.
_NO_LINE_START = "，。、；：！？”’」』）》〉】,.;:!?)"
_NO_LINE_END = "“‘「『（《〈【("
#: What print keeps together on one line: a number (1.8, 35%) or a Latin word.
_UNBROKEN = re.compile(r"[0-9A-Za-z.%]")


def _wrap(text: str, width: int, indent: bool, hang: bool = True, in_ems: bool = False) -> list[str]:
    """Cut a paragraph into column lines of ``width`` characters (the first indented), or ``width`` ems (``in_ems``: a
    digit or a Latin letter takes half of one, and a number or a Latin word that would be cut goes down whole, as print
    sets them). As print does, a stop or a closing mark never starts a line, nor an opening mark ends one: a stop hangs
    at the end of the line above, a character or two past the column (``hang``), or the character before it goes down
    with it and leaves the line a character or two short; an opening mark goes down with what it opens."""
    lines, pos, first = [], 0, True
    while pos < len(text):
        room = width - (2 if first and indent else 0)
        end = pos + room
        if in_ems:
            end, used = pos, 0.0
            while end < len(text) and used + ems(text[end]) <= room:
                used += ems(text[end])
                end += 1
            run = end  # and print keeps a number or a Latin word on one line (GB/T 15835): it goes down whole
            while pos < run < len(text) and _UNBROKEN.match(text[run - 1]) and _UNBROKEN.match(text[run]):
                run -= 1
            if run > pos + 2:
                end = run
        back = end  # moving down: back to the first character that may start a line (none found: hang after all)
        while not hang and pos + 1 < back < len(text) and text[back] in _NO_LINE_START:
            back -= 1
        end = back if text[back : back + 1] not in _NO_LINE_START else end
        while end < len(text) and text[end] in _NO_LINE_START:
            end += 1
        while pos + 1 < end < len(text) and text[end - 1] in _NO_LINE_END:
            end -= 1
        lines.append(("　　" if first and indent else "") + text[pos:end])
        pos = end
        first = False
    return lines


def _set_in_column(text: str, style: Style) -> list[str]:
    """A section head or a caption as a column sets it: in a wrapped layout, one longer than the column goes on in
    the lines under it, cut where the column is full (print wraps a head or a photo's caption as it wraps the text,
    and a PDF-to-text step writes each printed line); else one line."""
    if style.paragraphs.startswith("wrap") and (ems(text) if style.ems else len(text)) > style.width:
        return _wrap(text, style.width, indent=False, hang=style.hang, in_ems=style.ems)
    return [text]


def _split_point(text: str, rng: random.Random) -> int | None:
    """A mid-sentence position to break a paragraph at (never right after a sentence end)."""
    if len(text) < 24:
        return None
    for _ in range(6):
        k = rng.randint(8, len(text) - 8)
        if text[k - 1] not in _SENTENCE_END and not text[k - 1].isspace() and not text[k].isspace():
            return k
    return None


def _paragraph(out: _Out, text: str, style: Style, rng: random.Random, role_end: str = "P") -> None:
    """Write one paragraph in the issue's layout, maybe with a mid-sentence column break."""
    cut = _split_point(text, rng) if rng.random() < style.break_rate else None
    if style.paragraphs in ("blank", "indent", "plain"):
        parts = [text] if cut is None else [text[:cut], text[cut:]]
        for j, part in enumerate(parts):
            lead = "　　" if style.paragraphs == "indent" and j == 0 else ""
            if j and style.paragraphs == "blank" or j and rng.random() < 0.5:
                out.blank()
            out.add(lead + part, "W" if j < len(parts) - 1 else role_end)
        if cut is not None:
            out.breaks.append([text[:cut][-8:], text[cut:][:8]])
        if style.paragraphs == "blank":
            out.blank()
        return
    lines = _wrap(text, style.width, indent=style.paragraphs in ("wrap-indent", "wrap-stripped"), hang=style.hang, in_ems=style.ems)
    if style.paragraphs == "wrap-stripped":
        lines[0] = lines[0].lstrip("　")
    break_after = None
    if cut is not None and len(lines) > 1:
        k = rng.randrange(len(lines) - 1)
        joined = lines[k].lstrip("　")
        tail = lines[k + 1]
        if joined and joined[-1] not in _SENTENCE_END:
            break_after = k
            out.breaks.append([joined[-8:], tail[:8]])
    for k, ln in enumerate(lines):
        out.add(ln, "W" if k < len(lines) - 1 else role_end)
        if k == break_after:
            out.blank(rng.choice((1, 1, 2)))
    if style.paragraphs == "wrap-blank":
        out.blank()


def _heading_lines(out: _Out, rec: dict, style: Style, rng: random.Random) -> None:
    """Kicker, title (maybe wrapped), subtitle, byline: the headline group as printed."""
    if rec.get("kicker"):
        out.add(rec["kicker"], "K")
    title = rec["title"]
    shown = _spread if style.spread_titles else str
    if len(title) > 14 and rng.random() < style.title_wrap:
        k = title.find("，", 5, len(title) - 3)
        k = k + 1 if k > 0 else (len(title) + 1) // 2  # a title wraps where its first line is full
        out.add(shown(title[:k]), "T")
        out.add(shown(title[k:]), "T")
    else:
        out.add(shown(title), "T")
    if rec.get("subtitle"):
        dash = "——" if rng.random() < style.dash_subtitle else ""
        out.add(dash + rec["subtitle"], "S")
    if rec.get("byline"):
        by = rec["byline"]
        if rng.random() < style.spaced_byline:
            by = re.sub(r"(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])", " ", by) if len(by) <= 8 else by.replace(" ", "　")
        out.add(by, "B")
    if style.blank_after_heading:
        out.blank()


def _body(out: _Out, blocks: list, style: Style, rng: random.Random) -> None:
    for kind, text in blocks:
        if kind == "p":
            _paragraph(out, text, style, rng)
        elif kind == "note":
            _paragraph(out, text, Style(**{**style.__dict__, "break_rate": 0.0}), rng, role_end="N")
        else:
            role = {"h": "H", "caption": "C"}[kind]
            for line in _set_in_column(text, style):
                out.add(line, role)
            if style.paragraphs in ("blank", "wrap-blank"):
                out.blank()


_EDITOR_NOTE = re.compile(r"^(?:编者按|編者按)\s*[:：]?")


def _editor_note(blocks: list) -> range:
    """The body blocks that are the 编者按 opening the article: one, or two when its label stands on a line of its own."""
    for k, (kind, text) in enumerate(blocks[:2]):
        m = _EDITOR_NOTE.match(text)
        if m and kind in ("p", "h"):
            alone = not text[m.end() :].strip()
            return range(k, k + 2 if alone and k + 1 < len(blocks) and blocks[k + 1][0] == "p" else k + 1)
    return range(0)


def _article_answer(rec: dict, blocks: list) -> dict:
    note = _editor_note(blocks)
    blocks = [b for k, b in enumerate(blocks) if k not in note]  # the reader sets the note apart, not as a paragraph
    texts = [t for k, t in blocks if k in ("p", "note")]
    return {
        "title": rec["title"],
        "kicker": rec.get("kicker"),
        "subtitle": rec.get("subtitle"),
        "byline": rec.get("byline"),
        "paragraphs": len(texts),
        "subheadings": [t for k, t in blocks if k == "h"],
        "captions": sum(k == "caption" for k, _ in blocks),
        "boxes": 0,
        "editor_note": bool(note),
        "kind": "article",
        "end": re.sub(r"\s+", "", texts[-1])[-10:] if texts else None,
    }


# ------------------------------------------------------------------ the issue


# a crawl's record of a page's credits (本版责编：张  健 / 本版邮箱：…, 版式设计：…) is the page's footer, not an article
_PAGE_CREDITS = re.compile(r"^本版(?:责编|编辑|责任编辑)")


def usable(rec: dict) -> bool:
    """A record the layout can show as an article: a title that is not a page's credits, and some paragraph text."""
    title = (rec.get("title") or "").strip()
    return bool(title) and not _PAGE_CREDITS.match(title) and any(k == "p" and t.strip() for k, t in rec.get("body", ()))


def _pages(records: list[dict], rng: random.Random) -> list[tuple[int, str | None, list[dict]]]:
    """Group records by page as printed; a source without pages gets pages of a few articles."""
    if all(r.get("page") for r in records):
        order: dict[str, list[dict]] = {}
        for r in records:
            order.setdefault(str(r["page"]), []).append(r)
        out = []
        for k, (label, recs) in enumerate(order.items(), start=1):
            digits = re.sub(r"\D", "", label)
            n = int(digits) if digits else k
            out.append((n, recs[0].get("page_name"), recs))
        return sorted(out, key=lambda p: p[0])
    size = rng.randint(3, 6)
    return [(k // size + 1, None, records[k : k + size]) for k in range(0, len(records), size)]


#: The paragraph layouts a dump may take (``Style.paragraphs``).
PARAGRAPH_STYLES = ("blank", "indent", "plain", "wrap-indent", "wrap-blank", "wrap-plain", "wrap-stripped")


def lay_out(records: list[dict], seed: int, name: str, paragraphs: str | None = None, spread: bool = False) -> Dump:
    """Lay out one issue's records (same paper and date) as a raw dump; the seed fixes every choice.

    ``paragraphs`` (one of ``PARAGRAPH_STYLES``) replaces the drawn paragraph layout and leaves every other choice
    as the seed makes it, so that one set of issues can be measured in each layout; ``spread`` letter-spaces every
    title line, every other choice as the seed makes it (the answer does not change)."""
    rng = random.Random(seed)
    style = print_measure(kinsoku(unindented(draw_style(rng), seed), seed), seed)
    if paragraphs is not None:
        style = Style(**{**style.__dict__, "paragraphs": paragraphs})
    if spread:
        style = Style(**{**style.__dict__, "spread_titles": True})
    records = [r for r in records if usable(r)]
    paper, date = records[0]["paper"], dt.date.fromisoformat(records[0]["date"])
    out = _Out()
    number, total = rng.randint(1, 300), rng.randint(1000, 30000)
    masthead = _masthead(out, paper, date, number, total, style.masthead_form)
    pages = _pages(records, rng)
    jump = _plan_jump(pages, rng)
    answer_pages = []
    for idx, (n, pname, recs) in enumerate(pages):
        if idx or rng.random() < 0.7 or n != 1:  # a dump may leave out page 1's line, never a later page's
            text, named = _page_line(n, pname, style.page_form)
            if idx and style.feed:
                out.lines.append("\f" + text)
                out.roles[len(out.lines)] = "G"
            else:
                out.add(text, "G")
            out.blank()
        else:
            named = False
        if style.header:
            out.add(f"{date.year}年{date.month}月{date.day}日　星期{_WEEKDAYS[date.weekday()]}　　{pname or paper}　　第{n}版", "X")
            out.blank()
        arts = []
        if jump and jump["to_page"] == n:
            _continuation(out, jump, style, rng)
        for rec in recs:
            blocks = [(k, t) for k, t in rec["body"] if t.strip()]
            if jump and rec is jump["record"]:
                _heading_lines(out, rec, style, rng)
                _body(out, jump["first"], style, rng)
                out.add(f"（下转第{jump['to_page']}版）", "J")
                out.blank()
            else:
                _heading_lines(out, rec, style, rng)
                _body(out, blocks, style, rng)
            out.blank(rng.choice((1, 2, 3)))
            arts.append(_article_answer(rec, blocks))
        if style.footer:
            out.add(f"责任编辑：{rng.choice(_EDITORS)}", "X")
            out.blank()
        answer_pages.append({"label": str(n), "name": pname if named else None, "articles": arts})
    answer = {
        "file": f"{name}.txt",
        "encoding": style.encoding,
        "newline": style.newline,
        "config": None,
        "masthead": masthead,
        "pages": answer_pages,
        "breaks": out.breaks,
        "jumps": [] if not jump else [{
            "from_page": str(jump["from_page"]), "to_page": str(jump["to_page"]), "title": jump["record"]["title"],
            "resolved": True, "snippet": jump["snippet"],
        }],
        "verbatim": [],
    }
    text = "\n".join(out.lines) + "\n"
    data = _encode(text, style)
    return Dump(name=name, data=data, text=text, answer=answer, roles=out.roles, style=style)


def _plan_jump(pages: list, rng: random.Random) -> dict | None:
    """Maybe continue the longest article of the first page on a later page (下转/上接)."""
    if len(pages) < 2 or rng.random() < 0.6:
        return None
    n0, _, recs = pages[0]
    rec = max(recs, key=lambda r: sum(len(t) for _, t in r["body"]))
    blocks = [(k, t) for k, t in rec["body"] if t.strip()]
    paras = [i for i, (k, _) in enumerate(blocks) if k == "p"]
    if len(paras) < 4:
        return None
    cut = paras[len(paras) // 2]
    rest = blocks[cut:]
    first_p = next(t for k, t in rest if k == "p")
    if len(first_p) < 16:
        return None
    to_page = rng.choice(pages[1:])[0]
    return {"record": rec, "first": blocks[:cut], "rest": rest, "from_page": n0, "to_page": to_page,
            "snippet": _unique_snippet(re.sub(r"\s+", "", first_p), pages), "repeat": rng.random() < 0.6}


def _unique_snippet(first: str, pages: list) -> str:
    """Twelve characters of the continuation's first paragraph that the issue prints once: the answer finds the
    continuation by them, and a phrase the text repeats (战略性新兴产业) would be found twice however it is stitched."""
    text = "".join(re.sub(r"\s+", "", t) for _, _, recs in pages for r in recs for t in [r.get("title") or "", *(t for _, t in r["body"])])
    for k in range(2, max(3, len(first) - 11)):
        if text.count(first[k:k + 12]) == 1:
            return first[k:k + 12]
    return first[2:14]


def _continuation(out: _Out, jump: dict, style: Style, rng: random.Random) -> None:
    if jump["repeat"]:
        out.add(jump["record"]["title"], "R")
    out.add(f"（上接第{jump['from_page']}版）", "J")
    if style.blank_after_heading:
        out.blank()
    _body(out, jump["rest"], style, rng)
    out.blank(2)


def _encode(text: str, style: Style) -> bytes:
    nl = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}[style.newline]
    text = text.replace("\n", nl)
    if style.encoding == "gb18030":
        try:
            return text.encode("gb18030")
        except UnicodeEncodeError:
            style.encoding = "utf-8"
    return text.encode(style.encoding)
