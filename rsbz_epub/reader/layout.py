"""Document-wide facts the segmentation heuristics compare against: items, gaps, indent style, wrap width."""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass

from rsbz_epub import regex_cache
from rsbz_epub.reader.lines import Line
from rsbz_epub.reader.measure import line_measure
from rsbz_epub.reader.pages import PageChunk
from rsbz_epub.reader.segment import classify, ends_finished


@dataclass
class Item:
    """A non-blank line in page context."""

    ln: Line
    page: int  # index of its PageChunk
    gap: int  # blank lines before it on its page
    page_start: bool
    kind: str
    measured: float | None = None  # how much of a column it takes in the measure (None: its characters)

    @property
    def text(self) -> str:
        return self.ln.text

    @property
    def span(self) -> float:
        """How much of a column the line takes, in ems or in characters as the issue's column lines fill their
        column (``measure.line_measure``): what a line's length is compared with a column's width in."""
        return len(self.ln.text) if self.measured is None else self.measured


@dataclass
class Layout:
    """Document-wide habits the heuristics compare against."""

    indent_style: bool
    wrap_width: float | None
    normal_gap: int
    #: neither blank lines nor indents part the paragraphs and no column wraps them: each line that
    #: ends a sentence ends its paragraph, and one that stops mid-sentence goes on below
    line_per_paragraph: bool = False


def wrapped(a: Item, b: Item) -> bool:
    """One title wrapped over two lines fills the first line; a kicker is a phrase of its own,
    usually shorter than the title, and the pair is longer than one title would be."""
    if b.gap > 0:
        return False
    if a.text.rstrip()[-1:] in "，,":
        return True  # no kicker or title ends on a comma: the headline broke after its first clause
    if _clause_runs_on(a.text, b.text):
        return True
    if len(a.text) + len(b.text) > 25:
        return False
    if len(a.text) >= 8 and _WHEN_OPENS.match(b.text) and not ends_finished(a.text):
        return True  # a long subject over "8月1日起开始…": the second line is its predicate, not a headline alone
    # a second line opening with a demonstrative (这些, 这份) points back at the first: one headline
    return len(a.text) >= len(b.text) or _POINTS_BACK.match(b.text) is not None


def _clause_runs_on(a: str, b: str) -> bool:
    """A first line holding a comma, its last clause shorter than its first (城市定向赛昨日开跑，三千名跑者),
    over a shorter line without one: a long headline wrapped mid-clause.  A kicker is the shorter line."""
    clauses = re.split(r"[，,]", a)
    if len(clauses) != 2 or not clauses[1] or re.search(r"[，,]", b) or len(a) < len(b) or len(a) + len(b) > 40:
        return False
    return len(clauses[1]) < len(clauses[0])


# A time that opens a clause's predicate (8月1日起 / 今年 / 即日起): a title wrapped after its subject goes on so.
_WHEN_OPENS = regex_cache.compile(r"^(?:[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?起?|今年|明年|即日起|今起|本周|下周|本月|下月)")
# 这/那/此 open a headline's second half that refers to its first (节后复工复产 / 这些安全隐患要当心).
_POINTS_BACK = regex_cache.compile(r"^(?:这|那|此)[\u4e00-\u9fff]")


def runs_on(items: list[Item], layout: Layout, i: int) -> bool:
    """In packed text, a line that fills the column mid-sentence and goes on in a body line packed under it
    (◇云岭山…新布设的160台 / 红外相机…) is a wrapped paragraph line, never a heading: headings end on their line."""
    it, width = items[i], layout.wrap_width
    if width is None or layout.normal_gap > 0 or it.span < 0.9 * width or ends_finished(it.text):
        return False
    nxt = items[i + 1] if i + 1 < len(items) else None
    if nxt is None or nxt.page != it.page or nxt.gap > 0 or nxt.page_start or nxt.kind != "text":
        return False
    if layout.indent_style and nxt.ln.indent:
        return False
    return nxt.span >= 0.85 * width or ends_finished(nxt.text)


def make_items(chunks: list[PageChunk]) -> list[Item]:
    """Every non-blank line with its page, the blank lines before it, and its kind."""
    items: list[Item] = []
    for index, chunk in enumerate(chunks):
        gap = 0
        first = True
        for ln in chunk.lines:
            if ln.blank:
                gap += 1
                continue
            kind = "text" if ln.force is not None else classify(ln.text, ln.no)
            items.append(Item(ln=ln, page=index, gap=gap, page_start=first, kind=kind))
            gap = 0
            first = False
    measure = line_measure(items)
    if measure is not len:
        for it in items:
            it.measured = measure(it.text)
    return items


def measure_layout(items: list[Item]) -> Layout:
    """Indent style, typical wrap width and the usual gap between lines of this issue."""
    long_lines = [it for it in items if it.kind == "text" and len(it.text) >= 15]
    indented = sum(1 for it in items if it.kind == "text" and it.ln.indent)
    # soft-wrapped text indents only a paragraph's first line, so a modest share is enough
    indent_style = indented >= 2 and indented >= 0.15 * len(long_lines)
    wrapped = [a.span for a, b in zip(items, items[1:]) if b.gap == 0 and not b.page_start and len(a.text) >= 10]
    width = statistics.median(wrapped) if len(wrapped) >= 3 else None
    # Packed text (indented, or no blank line between paragraphs) either wraps at a column, so line
    # lengths cluster, or sets one line per paragraph, so they do not: test the cluster in both.
    packed = indent_style or _usual_gap(items) == 0
    if packed and width is not None and _near(wrapped, width) < 0.4 * len(wrapped):
        # Soft-wrapped lines all fill the column, so their lengths cluster.  When the median is off
        # the cluster (headings packed over their bylines pull it down), the cluster gives the width.
        # Indented text with one line per paragraph has no cluster at all: what follows a line
        # there is a new paragraph or a heading, and a "width" would only be a paragraph length.
        best = max(wrapped, key=lambda n: (_near(wrapped, n), n))
        width = statistics.median([n for n in wrapped if abs(n - best) <= 2]) if _near(wrapped, best) >= 0.4 * len(wrapped) else None
    normal = _usual_gap(items)
    texts = [len(it.text) for it in items if it.kind == "text"]
    # whole paragraphs on one line run long; short packed lines with no column are verse or lists
    one_line = not indent_style and normal == 0 and width is None and bool(texts) and statistics.median(texts) >= _PARAGRAPH_LINE
    return Layout(indent_style=indent_style, wrap_width=width, normal_gap=normal, line_per_paragraph=one_line)


def page_layouts(items: list[Item], layout: Layout) -> dict[int, Layout]:
    """Pages set otherwise than the issue's indent style: a page with no indented line at all measured alone.

    One issue may mix styles page by page (an indented page beside one with blank lines between
    paragraphs, or one with a paragraph per line); on such a page the indent rules would merge
    every paragraph, since none of its lines starts one by an indent."""
    by_page: dict[int, list[Item]] = {}
    for it in items:
        by_page.setdefault(it.page, []).append(it)
    if not layout.indent_style:
        return _blank_line_pages(by_page, layout)
    out: dict[int, Layout] = {}
    for page, its in by_page.items():
        texts = [it for it in its if it.kind == "text"]
        if len(texts) >= 4 and not any(it.ln.indent for it in texts):
            own = measure_layout(its)
            if own.wrap_width is not None and sum(it.span > 1.5 * own.wrap_width for it in texts) >= 2:
                # a handful of heading lines makes a "width" that whole-paragraph lines run far past: no column
                lengths = [len(it.text) for it in texts]
                one_line = own.normal_gap == 0 and statistics.median(lengths) >= _PARAGRAPH_LINE
                own = Layout(indent_style=False, wrap_width=None, normal_gap=own.normal_gap, line_per_paragraph=one_line)
            if not own.indent_style:
                out[page] = own
    return out


def _blank_line_pages(by_page: dict[int, list[Item]], layout: Layout) -> dict[int, Layout]:
    """In an issue set one line per paragraph, a page whose paragraphs stand between blank lines, measured alone.

    There only a blank line ends a paragraph: a wrapped line that happens to end on 。 goes on below."""
    if not layout.line_per_paragraph:
        return {}
    out: dict[int, Layout] = {}
    for page, its in by_page.items():
        if sum(it.kind == "text" for it in its) < 4:
            continue
        own = measure_layout(its)
        # lines that cluster at a column width are soft wraps, whatever the other pages do,
        # when body text (long lines, not headings) opens after blank lines: they part paragraphs here
        blank_paragraphs = sum(it.gap > 0 and not it.page_start and it.kind == "text" and len(it.text) >= 20 for it in its)
        if not own.indent_style and own.wrap_width is not None and blank_paragraphs >= 2:
            out[page] = own
    return out


_PARAGRAPH_LINE = 30  # a line this long (median) is no column's wrap of a narrow page: a whole paragraph


def _usual_gap(items: list[Item]) -> int:
    """The most common number of blank lines before a line inside a page."""
    gaps = Counter(it.gap for it in items if not it.page_start)
    return gaps.most_common(1)[0][0] if gaps else 1


def _near(lengths: list[float], width: float) -> int:
    """How many line lengths lie within two characters of the width."""
    return sum(abs(n - width) <= 2 for n in lengths)


def demote_wrapped_subheadings(items: list[Item], layout: Layout) -> None:
    """A numbered line that fills the column and runs on into the next line is a wrapped item
    paragraph (①涉及转账汇款时，务必…), not a subheading: headings are short and end on their line."""
    width = layout.wrap_width
    if width is None:
        return
    for a, b in zip(items, items[1:]):
        if a.kind != "subheading" or a.ln.force is not None or a.span < 0.9 * width:
            continue
        runs_on = b.kind == "text" and b.gap == 0 and not b.page_start and b.page == a.page
        if runs_on and not (layout.indent_style and b.ln.indent):
            a.kind = "text"


_CREDITED = regex_cache.compile(r"(?:摄|供图|制图)\s*[)）]?$")  # a caption that ends on its photo credit is complete


def mark_caption_wraps(items: list[Item], layout: Layout) -> None:
    """Lines packed under a caption that stopped mid-sentence (…在白沙 / 镇方庄村…。, （融 / 媒记者 许诺 摄）)
    are the caption wrapped by the column, not a paragraph: a caption ends on a full stop or its credit."""
    for k in range(1, len(items)):
        prev, it = items[k - 1], items[k]
        if prev.kind not in ("caption", "caption-wrap") or it.kind not in ("text", "byline") or it.gap > 0 or it.page_start:
            continue
        if it.page != prev.page or it.ln.force is not None or (layout.indent_style and it.ln.indent):
            continue
        if ends_finished(prev.text) or _CREDITED.search(prev.text) or it.span > max(layout.wrap_width or 0, 40):
            continue
        it.kind = "caption-wrap"
