"""Features of each line for the line-role model: its shape, its neighbours', its page's and its issue's.

A line's role is decided by context: how long it is against the column width of
its page, how it ends, whether a quote or bracket is still open, how the next line
starts, the blank lines around it, its place after a headline group, the shape of
other short lines nearby (a series of section heads), the issue's own habits. The
rule reader's word lists (bylines, captions, notes, jump markers) enter as
features, not decisions; the model weighs them by what real papers print.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from rsbz_epub import regex_cache
from rsbz_epub.reader import clauses
from rsbz_epub.reader.layout import Item
from rsbz_epub.reader.normalize import FULL_WIDTH
from rsbz_epub.reader.segment import starts_mid_sentence, titleish
from rsbz_epub.reader.script import simplified_view
from rsbz_epub.reader.wordpairs import glue

# Punctuation a PDF-to-text step may give in ASCII, seen by the features in its Chinese form wherever it
# stands (the text itself is not changed; the period stays: it is also a decimal point). The tortoise-shell
# brackets are seen as round ones: a paper that closes its pieces with 〔作者系…〕 (学习时报) prints what the
# others print as （作者系…）, and a model that has met only the round form reads the other as text.
_FULL_WIDTH = str.maketrans(FULL_WIDTH | {"〔": "（", "〕": "）"})
_CLOSERS = "”’」』）)】》〉"
OPENERS = "“‘「『（(【《〈"  # the marks that open a quote or a bracket (print never ends a line with one)
_CJK = regex_cache.compile(r"[\u3400-\u9fff]")
_SPACE_INSIDE = regex_cache.compile(r"[\u4e00-\u9fff][ \u3000\xa0]+[\u4e00-\u9fff]")
_NUMBERED = regex_cache.compile(r"^(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十]{1,3}[）)]|[0-9０-９]{1,2}[.．、](?![0-9])|[①②③④⑤⑥⑦⑧⑨⑩])")
SPACED_NAME = regex_cache.compile(r"^[\u4e00-\u9fff](?:[ \u3000\xa0]+[\u4e00-\u9fff]){1,3}$|^[\u4e00-\u9fff]{2,4}$")
# a photo or graphic credit at the end of a line: 吴晓峰摄（影像中国） / 受访者供图 / 资料图片 / 网上图片 /
# 美联社 / 片段截图 / ViuTV提供 / 制图：…
_CREDIT_END = regex_cache.compile(
    r"(?:摄|供图|制图|绘|图片|照片|截图|提供|美联社|路透社|法新社|视觉中国|图片来源[^，。]*)(?:（[^）]{1,12}）)?$|^(?:制图|图|摄影)[：:/／]"
)
_CREDIT_LABEL = regex_cache.compile(r"^(?:制图|图|摄影|图片来源|供图)[：:]")
# a dateline lead opens an article's first paragraph: 本报北京7月5日电 / 新华社墨尔本1月27日电 /
# 央视网消息（新闻联播）： / 本报讯
DATELINE = regex_cache.compile(r"^.{0,16}?(?:\d{1,2}月\d{1,2}日电|[0-9一二三四五六七八九十]日电|消息[（(：:]|本报讯|^[^，。]{2,10}讯[ 　（(])")
_LEADS = ("本报讯", "本报记者", "记者", "通讯员", "新华社", "本报", "据", "图为", "图：", "图/", "文/", "文：", "（作者", "（本报", "——", "编者按", "【", "■", "□", "●", "写在", "专访")
# a subtitle often names the piece's genre: …观察, …纪实, 写在…之际
_TAILS = ("摄", "供图", "电）", "报道", "记者）", "整理）", "编者", "制图", "本报记者", "》", "？", "！", "观察", "纪实", "调查", "述评", "之际", "综述", "侧记", "手记")


# the shape features a paper's own habits are learned on
_PAPER_KEYS = ("len", "end", "start", "w", "titleish", "name", "dot", "space", "lead", "tail", "credit", "bracketed", "gap", "indent")


def credit_line(text: str) -> bool:
    """A short line that is only a photo or graphic credit (新华社记者  郝  源摄, 徐江海摄（影像中国）, 浙江大学供图,
    李家鼎  钟陆轩摄影报道),
    not a caption with its credit (图为志愿者为村民测量血压。 索朗 摄), nor a line of text or a head that ends as one does
    (只需短短几个小时，高湿度小麦就能快速升温至50摄 / 下沉基层：为乡村消费者以旧换新提供): a credit has no comma, and no colon
    but after its label (制图：…, 绘图：曹  一)."""
    if len(text) > 24 or "。" in text or "，" in text or "：" in text and not (_CREDIT_LABEL.match(text) or _DRAWN_BY.match(text)):
        return False
    return _CREDIT_END.search(text) is not None or PHOTO_REPORT.search(text) is not None or _DRAWN_BY.match(text) is not None


# a photo report's credit, which names who took the photos and wrote the lines: 李家鼎  钟陆轩摄影报道 (the model's
# credit feature does not read it, so that the models are the ones trained; the rules that ask credit_line do)
PHOTO_REPORT = regex_cache.compile(r"摄影报道$|攝影報道$")
# a drawing's credit, labelled: 绘图：曹  一, 漫画：…, 插画：… (read by the rules only, as a photo report's credit is)
_DRAWN_BY = regex_cache.compile(r"^(?:绘图|繪圖|漫画|漫畫|插画|插畫|插图|插圖)[：:]\S")


def _end_class(text: str) -> str:
    if not text:
        return "none"
    c = text[-1]
    if text.endswith(("……", "…")):
        return "ellipsis"
    if c in "。":
        return "stop"
    if c in "！？!?":
        return "excl"
    if c in "；;":
        return "semi"
    if c in "，,、":
        return "comma"
    if c in "：:":
        return "colon"
    if c in "—":
        return "dash"
    if c in _CLOSERS:
        inner = text.rstrip(_CLOSERS)
        return "close-after-" + (_end_class(inner) if inner else "none")
    if c.isdigit():
        return "digit"
    if c.isascii() and c.isalpha():
        return "latin"
    if _CJK.match(c):
        return "cjk"
    return "other"


def _start_class(text: str) -> str:
    c = text[0]
    if c in "，。、；：！？,.;:!?":
        return "punct"
    if c in OPENERS:
        return "open"
    if c in "—-":
        return "dash"
    if c.isdigit():
        return "digit"
    if c.isascii() and c.isalpha():
        return "latin"
    if _CJK.match(c):
        return "cjk"
    return "other"


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f"{edges[-1]}+"


def _compare(n: int, m: int) -> str:
    """A line's length against a neighbour's: shorter, about the same, longer."""
    return "shorter" if n <= m - 2 else ("longer" if n >= m + 2 else "same")


def _unbalanced(text: str) -> str:
    q = text.count("“") - text.count("”")
    b = text.count("（") + text.count("(") - text.count("）") - text.count(")")
    return f"{'q' if q > 0 else ''}{'b' if b > 0 else ''}" or "0"


def column_widths(items: list[Item]) -> dict[int, float]:
    """The column width of each page: the median length of lines that run on into the next without a gap."""
    by_page: dict[int, list[float]] = {}
    for a, b in zip(items, items[1:]):
        if a.page == b.page and b.gap == 0 and len(a.text) >= 8:
            by_page.setdefault(a.page, []).append(a.span)
    every = [n for v in by_page.values() for n in v]
    default = statistics.median(every) if len(every) >= 3 else 0.0
    return {p: (statistics.median(v) if len(v) >= 5 else default) for p, v in by_page.items()} | {-1: default}


def two_short(span: float, width: float) -> bool:
    """Whether a line of ``span`` falls two characters short of its column of ``width``: a paragraph's first line where a
    PDF-to-text step dropped the spaces of its indent (it writes a printed line's glyphs, not the room before them)."""
    return abs(span - (width - 2)) <= 0.5


def _own(it: Item, width: float, t: str) -> dict[str, str]:
    """Features of one line on its own (no neighbours); ``t`` is its text in Simplified characters."""
    n = len(t)
    f = {
        "len": _bucket(n, (2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 24, 28, 32, 40, 60, 100)),
        "end": _end_class(t),
        "start": _start_class(t),
        "open": _unbalanced(t),
        "kind": it.kind,
        "indent": str(it.ln.indent),
        "gap": _bucket(it.gap, (0, 1)),
        "stops": _bucket(len(re.findall(r"[。！？]", t[:-1])), (0, 1, 3)),
        "commas": _bucket(len(re.findall(r"[，、]", t)), (0, 1, 2)),
        "titleish": str(titleish(t)),
        "midstart": str(starts_mid_sentence(t)),
        "numbered": str(bool(_NUMBERED.match(t))),
        "name": str(bool(SPACED_NAME.match(t))),
        "dot": str("·" in t or "•" in t),
        "space": str(bool(_SPACE_INSIDE.search(t))),
        "first1": t[:1],
        "first2": t[:2],
        "last1": t[-1:],
        "last2": t[-2:],
        "last3": t[-3:],
        "after_stop": _after_stop(t),
        "force": it.ln.force or "-",
    }
    if width:
        r = it.span / width
        f["w"] = "full" if abs(it.span - width) <= 1 else ("over" if r > 1.05 else _bucket(int(r * 10), (3, 5, 7, 8, 9)))
        f["room"] = str(two_short(it.span, width))
    else:
        f["w"] = "nowidth"
        f["room"] = "-"
    for lead in _LEADS:
        if t.startswith(lead):
            f["lead"] = lead
            break
    for tail in _TAILS:
        if t.endswith(tail):
            f["tail"] = tail
            break
    if _CREDIT_END.search(t):
        f["credit"] = "1"
    if DATELINE.search(t):
        f["dateline"] = "1"
    opened = max(t.rfind("（"), t.rfind("【"))
    if t.startswith("（") and t.endswith("）"):
        f["bracketed"] = "1"
    elif t.endswith(("）", "】")) and opened > 0 and 2 <= len(t) - opened - 2 <= 24 and "。" not in t:
        f["label_end"] = "1"  # a title with its column label: 外资对我国投资总体表现向好（权威发布）
    return f


def _after_stop(text: str) -> str:
    """How much follows the line's last full stop when the line does not end on one: a caption's
    credit (…门外。莊曉彤摄, …。资料图片) is a few characters after a finished sentence."""
    k = max(text.rfind("。"), text.rfind("！"), text.rfind("？"))
    if k < 0 or k == len(text) - 1:
        return "-"
    return _bucket(len(text) - k - 1, (4, 8, 14))


# a line that finishes a sentence: …。 / …！ / …？” / ……
FINISHED = regex_cache.compile(r"(?:[。！？!?]|……)[”’」』）)]*$")


@dataclass(frozen=True)
class Marks:
    """How an issue marks its paragraphs, counted on its lines (:func:`_text_marks`)."""

    text: int  # text lines: 15 characters or more, or four fifths of the page's column where it is narrower
    indented: int  # the indents of the text lines, summed
    gapped: int  # text lines after a blank line
    full: int  # text lines that fill their page's column to within a character
    ends: int  # lines that finish a sentence and do not fill their column, with a text line under them on the page
    ends_gapped: int  # of those, how many have a blank line under them
    ends_indented: int  # and how many an indented line
    ends_room: int  # and how many a line two short of the column, with no indent (an indent's room, its spaces dropped)


def _text_marks(items: list[Item], widths: dict[int, float]) -> Marks:
    """This issue's paragraph marks. A text line has 15 characters or more, or four fifths of its page's column
    (``widths``: :func:`column_widths`) where the column is narrower: in a column of 13 the lines of text are 13 long, and
    the only longer lines are headlines, set apart by blank lines. A line that finishes a sentence and does not fill
    its column ends a paragraph whatever the layout; what comes between it and the text line under it is the
    layout's paragraph mark, counted apart from how long the paragraphs are (long paragraphs have few blank lines,
    and still one under each)."""
    def width(page: int) -> float:
        return widths.get(page, widths[-1])

    def texty(it: Item) -> bool:
        return it.span >= (min(15.0, 0.8 * width(it.page)) if width(it.page) else 15.0)

    def fills(it: Item) -> bool:
        return bool(width(it.page)) and abs(it.span - width(it.page)) <= 1

    text = [it for it in items if texty(it)]
    full = sum(1 for it in text if fills(it))
    ends = [below for it, below in zip(items, items[1:]) if below.page == it.page and texty(below) and FINISHED.search(it.text) and not fills(it)]
    roomy = sum(1 for b in ends if not b.ln.indent and width(b.page) and two_short(b.span, width(b.page)))
    return Marks(
        len(text), sum(it.ln.indent for it in text), sum(it.gap > 0 for it in text), full,
        len(ends), sum(b.gap > 0 for b in ends), sum(b.ln.indent > 0 for b in ends), roomy,
    )


def _issue_habits(items: list[Item], marks: Marks) -> dict[str, str]:
    """How this issue sets its text (``marks``: :func:`_text_marks`): indents, blank lines, wrapped columns, dateline leads."""
    n = marks.text
    if not n:
        return {}
    return {
        "I_indent": _bucket(int(marks.indented / n * 10), (0, 2, 5)),
        "I_gap": _bucket(int(marks.gapped / n * 10), (1, 4, 7)),
        "I_leads": str(sum(it.text.startswith("本报讯") for it in items) >= 2),
    }


def _paragraph_marks(marks: Marks) -> str | None:
    """How this issue marks a paragraph's end (``marks``: :func:`_text_marks`), in percent bands: the shares of its
    lines that finish a sentence without filling their column that have an indented line, and a blank line, under
    them (near all in a dump that marks paragraphs so, few in one that does not: there a blank line is a column
    break), and the share of its text lines that fill their column (most in a wrapped column, few in a dump with one
    line per paragraph, which otherwise shows the same marks). None when no paragraph visibly ends."""
    if not marks.text or not marks.ends:
        return None  # no paragraph visibly ends (a short piece whose last lines fill the column): no marks to read
    bands = (2, 5, 10, 20, 40, 70)
    share = lambda k: _bucket(100 * k // marks.ends, bands)  # noqa: E731
    return f"{share(marks.ends_indented)}/{share(marks.ends_gapped)}/{_bucket(100 * marks.full // marks.text, (10, 30, 60))}/{share(marks.ends_room)}"


def line_features(items: list[Item], start: int = 0, end: int | None = None, paper: str = "") -> list[list[str]]:
    """One list of ``name=value`` features per item of ``items[start:end]``, for the CRF (see :func:`each_line_features`)."""
    return list(each_line_features(items, start, end, paper))


def each_line_features(items: list[Item], start: int = 0, end: int | None = None, paper: str = "") -> Iterator[list[str]]:
    """One list of ``name=value`` features per item of ``items[start:end]``, for the CRF, item by item.

    The tagger reads them as they are made: a window's lists all at once would be some
    200,000 strings (about 15 MB) beside the tagger's own copy of them.

    ``paper`` (the masthead's name) adds a copy of a line's main shape features under that name, so the
    model learns a paper's own habits (人民日报 sets a kicker above its titles, 新华每日电讯 a subtitle
    under them) when it has met the paper; a paper it has not met gets features it never saw, which do nothing.

    Widths, habits and section-head shapes are measured on the whole issue; only the
    window's lines (and two neighbours each side) get their features built, so a long
    issue is tagged window by window in bounded memory.
    """
    end = len(items) if end is None else end
    widths = column_widths(items)
    marks = _text_marks(items, widths)
    habits = [f"{a}={b}" for a, b in _issue_habits(items, marks).items()]
    # how this issue marks a paragraph's end (an indent, a blank line, neither): the same blank line is a paragraph's
    # end in one issue and a column break in another, so the line's end signals are also read under these marks
    style = _paragraph_marks(marks)
    lo, hi = max(0, start - 2), min(len(items), end + 2)
    view = simplified_view(items)
    # breaks[j]: the word-list band of the break before item j ("-" at a page's start or the issue's ends), the pair
    # read in Simplified characters (the word list's: 現|場 is 现|场)
    breaks = {
        j: glue(view(items[j - 1].text[-2:]), view(items[j].text[:2])) if 0 < j < len(items) and items[j - 1].page == items[j].page else "-"
        for j in range(start, end + 1)
    }
    own = {k: _own(items[k], widths.get(items[k].page, widths[-1]), view(items[k].text).translate(_FULL_WIDTH)) for k in range(lo, hi)}
    table = clauses.current()  # where running text sets a clause mark (``reader/clauses.py``); None: not read
    # the window and two lines each side, so that a window's lines get the features the whole issue would give them
    clause = [] if table is None else clauses.sequence_features(table, [clause_key(items[k], view, own[k]) for k in range(lo, hi)])
    # the parallel shape of section heads: short lines with no stop, of a length seen again on the page
    shapes: Counter[tuple[int, int, str]] = Counter()
    for it in items:
        if 4 <= len(it.text) <= 30:
            shapes[(it.page, len(it.text) // 3, _end_class(it.text))] += 1
    for k in range(start, end):
        it, f = items[k], own[k]
        feats = [f"{a}={b}" for a, b in f.items()]
        feats += habits
        if paper:
            feats += [f"@{paper}|{key}={f[key]}" for key in _PAPER_KEYS if key in f]
        nxt = items[k + 1].text if k + 1 < len(items) else ""
        feats.append(f"end|next={f['end']}|{_start_class(nxt) if nxt else 'EOF'}")
        # a break inside a word (消|费) is a wrapped line; the pair across the break, from a word list
        g_next, g_prev = breaks[k + 1], breaks[k]
        feats += [f"glue={g_next}", f"glue|end={g_next}|{f['end']}", f"glue|w={g_next}|{f['w']}", f"-1:glue={g_prev}"]
        feats.append(f"len|end={f['len']}|{f['end']}")
        feats.append(f"w|end={f['w']}|{f['end']}")
        below = own.get(k + 1) if k + 1 < len(items) and items[k + 1].page == it.page else None
        if style is not None:  # an issue that shows no paragraph's end gives the model nothing to read them under
            feats += [f"I|w|end={style}|{f['w']}|{f['end']}", f"I|gap={style}|{f['gap']}"]
            if below is not None:
                feats.append(f"I|next={style}|{below['gap']}|{below['indent']}|{below['room']}|{f['end']}")
            # a short line between blank lines is a section head where every paragraph has a blank line after it, a
            # headline where only headlines and column breaks do
            size = "short" if len(it.text) <= 30 else "long"
            feats.append(f"I|around={style}|{f['gap']}|{below['gap'] if below is not None else '-'}|{f['end']}|{size}")
        if 4 <= len(it.text) <= 30 and f["end"] not in ("stop", "comma"):
            feats.append(f"series={_bucket(shapes[(it.page, len(it.text) // 3, f['end'])], (1, 2, 4))}")
        if it.page_start:
            feats.append("page_start")
        if k == 0 or items[k - 1].page != it.page:
            feats.append("first_on_page")
        for d in (-1, 1):
            # a title wraps where its first line is full, so a heading line shorter than the one under it is a kicker
            j = k + d
            if 0 <= j < len(items) and items[j].page == it.page and len(it.text) <= 40 and len(items[j].text) <= 40:
                cmp = f"{d}:cmp={_compare(len(it.text), len(items[j].text))}|{f['end']}"
                feats += [cmp, f"@{paper}|{cmp}"] if paper else [cmp]
        for d in (-2, -1, 1, 2):
            j = k + d
            if 0 <= j < len(items) and items[j].page == it.page:
                g = own[j]
                for key in ("len", "end", "kind", "indent", "gap", "w", "titleish", "start", "name", "open", "midstart", "after_stop"):
                    feats.append(f"{d}:{key}={g[key]}")
                for key in ("lead", "tail", "credit", "bracketed", "label_end", "dateline"):
                    if key in g:
                        feats.append(f"{d}:{key}={g[key]}")
            else:
                feats.append(f"{d}:none")
        if clause:
            feats += clause[k - lo]
        yield feats


def clause_key(it: Item, view, own: dict[str, str]) -> tuple[str, str, int, str, str]:
    """What the clause features read of a line (``reader/clauses.py``): its last two and first two characters, in
    Simplified characters with ASCII marks seen in their Chinese form, its page, and of its own features how far it
    fills its column and the blank lines above it (``own``: :func:`_own`)."""
    t = view(it.text).translate(_FULL_WIDTH).strip()
    return t[-2:], t[:2], it.page, own["w"], own["gap"]


def clause_keys(items: list[Item]) -> list[tuple[str, str, int, str, str]]:
    """:func:`clause_key` of every item of an issue, as :func:`each_line_features` reads them."""
    widths, view = column_widths(items), simplified_view(items)
    return [clause_key(it, view, _own(it, widths.get(it.page, widths[-1]), view(it.text).translate(_FULL_WIDTH))) for it in items]
