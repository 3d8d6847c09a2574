"""Table-driven tests of the layout passes that re-kind items: caption continuations and label subheadings."""

from __future__ import annotations

import pytest

from rsbz_epub.reader.layout import Item, Layout, mark_caption_wraps
from rsbz_epub.reader.lines import Line


def _items(rows: list[tuple[str, str]], page_of: dict[int, int] | None = None) -> list[Item]:
    """Items from (kind, raw text) rows; a leading full-width space indents, a leading "|" marks one blank line before."""
    items: list[Item] = []
    last_page = -1
    for no, (kind, raw) in enumerate(rows, start=1):
        gap = 1 if raw.startswith("|") else 0
        raw = raw.lstrip("|")
        page = (page_of or {}).get(no - 1, 0)
        ln = Line(no=no, text=raw.strip(), indent=raw.startswith("\u3000"))
        items.append(Item(ln=ln, page=page, gap=gap, page_start=page != last_page, kind=kind))
        last_page = page
    return items


BLANK_STYLE = Layout(indent_style=False, wrap_width=20, normal_gap=1)
INDENT_STYLE = Layout(indent_style=True, wrap_width=20, normal_gap=0)


@pytest.mark.parametrize(
    "rows, layout, kinds",
    [
        # a caption cut mid-sentence goes on in the line packed under it
        ([("caption", "图为村民在白沙"), ("text", "镇方庄村采摘草莓。")], BLANK_STYLE, ["caption", "caption-wrap"]),
        # the credit wrapped onto the next line, even when it reads as a byline
        ([("caption", "图为新建的厂房（融"), ("byline", "媒记者 许诺 摄）")], BLANK_STYLE, ["caption", "caption-wrap"]),
        # a wrap of a wrap continues the chain
        ([("caption", "图为工人在车间"), ("text", "检修设备，确保"), ("text", "按期投产。")], BLANK_STYLE, ["caption", "caption-wrap", "caption-wrap"]),
        # a finished caption is complete: the next line is the body
        ([("caption", "图为工人检修设备。"), ("text", "本报讯 近日，全市开展检查。")], BLANK_STYLE, ["caption", "text"]),
        # a caption ending on its credit is complete too
        ([("caption", "图为工人检修设备 本报记者 林涛 摄"), ("text", "近日全市开展检查")], BLANK_STYLE, ["caption", "text"]),
        # a blank line between them: not packed under it
        ([("caption", "图为村民在白沙"), ("text", "|镇方庄村采摘草莓。")], BLANK_STYLE, ["caption", "text"]),
        # an indented line in indent style opens a paragraph
        ([("caption", "图为村民在白沙"), ("text", "\u3000镇方庄村采摘草莓。")], INDENT_STYLE, ["caption", "text"]),
        # a line longer than a column (and than 40) is prose, not a caption's wrap
        ([("caption", "图为村民在白沙"), ("text", "镇" * 41)], BLANK_STYLE, ["caption", "text"]),
        # a subheading under it keeps its kind
        ([("caption", "图为村民在白沙"), ("subheading", "一、基本情况")], BLANK_STYLE, ["caption", "subheading"]),
    ],
    ids=["mid-sentence", "credit-wrap", "chain", "finished", "credited", "gap", "indented", "too-long", "subheading"],
)
def test_mark_caption_wraps(rows, layout, kinds):
    items = _items(rows)
    mark_caption_wraps(items, layout)
    assert [it.kind for it in items] == kinds


def test_mark_caption_wraps_stops_at_a_page() -> None:
    items = _items([("caption", "图为村民在白沙"), ("text", "镇方庄村采摘草莓。")], page_of={1: 1})
    mark_caption_wraps(items, BLANK_STYLE)
    assert [it.kind for it in items] == ["caption", "text"]


def test_an_editors_note_stops_at_its_sentence_among_lines_longer_than_the_column() -> None:
    """A column measured from short heading lines (14) says nothing of lines far longer than it: a 编者按 broken
    over two lines ends with its finished sentence instead of taking in the one-line paragraph under it."""
    from rsbz_epub.reader.boxes import read_note

    rows = [
        ("text", "编者按：盛夏时节，本报"),
        ("text", "推出系列报道，记录一线气象人的坚守。"),
        ("text", "这是一段足够长的正文，用来说明编者按之后的文章正文，它的长度超过四十个字，以句号结束。"),
    ]
    note, after = read_note(_items(rows), Layout(indent_style=False, wrap_width=14, normal_gap=0), 0)
    assert note.paragraphs == ("盛夏时节，本报推出系列报道，记录一线气象人的坚守。",) and after == 2
    # lines of the column's own length still wrap the note on, finished sentence or not
    column = [("text", "编者按：盛夏时节，本报推出"), ("text", "系列报道。记录一线坚守的人"), ("text", "和他们的故事。")]
    note, after = read_note(_items(column), Layout(indent_style=False, wrap_width=14, normal_gap=0), 0)
    assert after == 3
