"""Document-wide facts the segmentation heuristics compare against: items, gaps, indent style, wrap width."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass

from rsbz_epub.reader.lines import Line
from rsbz_epub.reader.pages import PageChunk
from rsbz_epub.reader.segment import classify


@dataclass
class Item:
    """A non-blank line in page context."""

    ln: Line
    page: int  # index of its PageChunk
    gap: int  # blank lines before it on its page
    page_start: bool
    kind: str

    @property
    def text(self) -> str:
        return self.ln.text


@dataclass
class Layout:
    """Document-wide habits the heuristics compare against."""

    indent_style: bool
    wrap_width: float | None
    normal_gap: int


def wrapped(a: Item, b: Item) -> bool:
    """One title wrapped over two lines fills the first line; a kicker is a phrase of its own,
    usually shorter than the title, and the pair is longer than one title would be."""
    return b.gap == 0 and len(a.text) >= len(b.text) and len(a.text) + len(b.text) <= 26


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
    return items


def measure_layout(items: list[Item]) -> Layout:
    """Indent style, typical wrap width and the usual gap between lines of this issue."""
    long_lines = [it for it in items if it.kind == "text" and len(it.text) >= 15]
    indented = sum(1 for it in items if it.kind == "text" and it.ln.indent)
    # soft-wrapped text indents only a paragraph's first line, so a modest share is enough
    indent_style = indented >= 2 and indented >= 0.15 * len(long_lines)
    wrapped = [len(a.text) for a, b in zip(items, items[1:]) if b.gap == 0 and not b.page_start and len(a.text) >= 10]
    width = statistics.median(wrapped) if len(wrapped) >= 3 else None
    gaps = Counter(it.gap for it in items if not it.page_start)
    normal = gaps.most_common(1)[0][0] if gaps else 1
    return Layout(indent_style=indent_style, wrap_width=width, normal_gap=normal)


def demote_wrapped_subheadings(items: list[Item], layout: Layout) -> None:
    """A numbered line that fills the column and runs on into the next line is a wrapped item
    paragraph (①涉及转账汇款时，务必…), not a subheading: headings are short and end on their line."""
    width = layout.wrap_width
    if width is None:
        return
    for a, b in zip(items, items[1:]):
        if a.kind != "subheading" or a.ln.force is not None or len(a.text) < 0.9 * width:
            continue
        runs_on = b.kind == "text" and b.gap == 0 and not b.page_start and b.page == a.page
        if runs_on and not (layout.indent_style and b.ln.indent):
            a.kind = "text"
