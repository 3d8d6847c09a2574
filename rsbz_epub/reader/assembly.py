"""The assembler's state and its jump and paragraph helpers: opening, continuing and closing paragraphs."""

from __future__ import annotations

import re

from rsbz_epub.model import Aside, Block, Diagnostic, PageBreak
from rsbz_epub.reader.diagnostics import diag
from rsbz_epub.reader.drafts import Draft
from rsbz_epub.reader.jumps import has_inner_marker, only_marker, split_leading, split_trailing
from rsbz_epub.reader.layout import (
    Item, demote_brief_runs, demote_wrapped_subheadings, make_items, mark_caption_wraps, mark_credited_captions, mark_label_subheadings, measure_layout, page_layouts, promote_marked_bylines, promote_unit_bylines,
)
from rsbz_epub.reader.pages import PageChunk
from rsbz_epub.reader.paragraphs import OpenParagraph
from rsbz_epub.reader.roles import tag
from rsbz_epub.reader.segment import cjk_count, ends_finished, starts_mid_sentence, titleish


class AssemblerBase:
    """The walk's state (items, open article and paragraph) and the moves that change it."""
    def __init__(self, chunks: list[PageChunk]) -> None:
        self.chunks = chunks
        self.items = make_items(chunks)
        self.layout = measure_layout(self.items)
        demote_wrapped_subheadings(self.items, self.layout)
        promote_unit_bylines(self.items)
        promote_marked_bylines(self.items)
        demote_brief_runs(self.items)
        mark_credited_captions(self.items, self.layout)
        mark_caption_wraps(self.items, self.layout)
        mark_label_subheadings(self.items, self.layout)
        self.issue_layout = self.layout
        self.page_layouts = page_layouts(self.items, self.layout)  # the walk switches self.layout page by page
        self.drafts: list[Draft] = []
        self.cur: Draft | None = None
        self.para: OpenParagraph | None = None
        self.diags: list[Diagnostic] = []
        self.ended = False  # the current article showed an end (trailing byline, continued-on jump)
        self.page_break: PageBreak | None = None  # a page began inside the current article
        self.pending_note: Aside | None = None
        self.roles = tag(self.items)  # the line-role model's decisions ([] without a model)
        self.given: dict[int, str] = {}  # input line → the role the walk gave it (corpus/layout.py ROLES)

    # ------------------------------------------------------------ pieces

    def _jump_line(self, i: int) -> int:
        """A jump marker on a line of its own: it ends an article, or opens (or heads) its continuation."""
        it = self.items[i]
        jump = only_marker(it.text, it.ln.no)
        assert jump is not None
        if jump.direction == "continued-on":
            self._close_para()
            self._add(it, jump)
            self.ended = True
            return i + 1
        if self.cur is not None and not self.cur.has_body:
            self.cur.blocks.append(jump)
            return i + 1
        title = self._repeated_title()
        self._close_article()
        self._start(it, placeholder=f"（接第{jump.page}版）")
        assert self.cur is not None
        if title is not None:
            self.cur.title, self.cur.line = title
        self.cur.blocks.append(jump)
        return i + 1

    def _repeated_title(self) -> tuple[str, int] | None:
        """A one-line paragraph just before a continued-from marker is the continuation's repeated title."""
        para = self.para
        if para is None or para.literal or para.joins or para.line != para.last_line or not titleish(para.text):
            return None
        self.para = None
        return para.text, para.line


    def _new_paragraph(self, it: Item) -> None:
        """Open a paragraph at the item; a leading continued-from marker starts a continuation article."""
        self._ensure_article(it)
        self._flush_page_break()
        jump, text = split_leading(it.text, it.ln.no)
        if jump is not None:
            if self.cur is not None and self.cur.has_body:
                self._close_article()
                self._start(it, placeholder=f"（接第{jump.page}版）")
            assert self.cur is not None
            self.cur.blocks.append(jump)
        self.para = OpenParagraph(text=text, line=it.ln.no, last_line=it.ln.no)
        self.given[it.ln.no] = "P"
        assert self.cur is not None
        self.cur.text_started = True
        self._check_trailing_jump()

    def _continue_para(self, it: Item) -> None:
        """Append the item to the open paragraph (a rejoined print break when a gap or page lies between)."""
        para = self.para
        assert para is not None
        self.given[para.last_line] = "W"
        self.given[it.ln.no] = "P"
        is_break = it.gap > 0 or it.page_start
        para.extend(it.text, it.ln.no, is_break=is_break, diags=self.diags)
        if is_break:
            self.diags.append(diag("R008", "paragraph rejoined across a column/page break", it.ln.no))
        self._check_trailing_jump()

    def _check_trailing_jump(self) -> None:
        """A continued-on marker ends the paragraph; one in the middle is left in the text."""
        para = self.para
        assert para is not None
        text, jump = split_trailing(para.text, para.last_line)
        if jump is not None:
            para.text = text
            self._close_para()
            assert self.cur is not None
            self.cur.blocks.append(jump)
            self.ended = True
        elif has_inner_marker(para.text):
            self.diags.append(diag("R010", "a jump marker inside a paragraph was left in the text", para.last_line))

    def _soft_wrap(self, it: Item) -> bool:
        """The line continues the open paragraph without a print break (wrapped by width)."""
        para = self.para
        if para is None or para.literal or it.gap > 0 or it.page_start:
            return False
        width = self.layout.wrap_width
        filled = width is not None and len(self._line_text(para.last_line)) >= 0.85 * width
        if para.finished and _next_item(para.text, it.text):
            return False
        if self.layout.indent_style:
            # a sentence that ended on a short line ended its paragraph: a short line under it is not a wrap
            # (with no column width known, every line is a paragraph of its own or a heading)
            if para.finished and self._head_over_indent(it):
                return False  # a wrap's last line ends its sentence; a bare phrase over a new paragraph heads it
            return not it.ln.indent and not (para.finished and not filled and titleish(it.text))
        return filled

    def _head_over_indent(self, it: Item) -> bool:
        """A short unindented phrase, no sentence end, with an indented paragraph packed right under it."""
        if it.ln.indent or not titleish(it.text, 16) or ends_finished(it.text):
            return False
        if it.text[:1] in "（(" and it.text.rstrip()[-1:] in "）)":
            return False  # a bracketed signature under a question ((临江 读者 周女士)) closes it, heads nothing
        k = next(n for n, x in enumerate(self.items) if x is it)
        nxt = self.items[k + 1] if k + 1 < len(self.items) else None
        return nxt is not None and nxt.page == it.page and nxt.gap == 0 and nxt.kind == "text" and nxt.ln.indent

    def _filled_wrap(self, i: int) -> bool:
        """In indent text, an unfinished line that filled the column goes on in the unindented line under it."""
        it, para, width = self.items[i], self.para, self.layout.wrap_width
        if para is None or para.literal or width is None or not self.layout.indent_style:
            return False
        if it.gap > 0 or it.page_start or it.kind != "text" or it.ln.indent:
            return False
        nxt = self.items[i + 1] if i + 1 < len(self.items) else None
        if nxt is not None and nxt.page == it.page and nxt.gap == 0 and nxt.kind in ("byline", "subtitle"):
            return False  # a byline packed under it makes the line a heading after all
        return len(self._line_text(para.last_line)) >= 0.9 * width

    def _hard_line_break(self, it: Item) -> bool:
        """In blank-line style a short line followed directly by another is a deliberate line break."""
        return (
            not self.layout.indent_style
            and not self.layout.line_per_paragraph  # there a line cut mid-sentence goes on below
            and it.gap == 0
            and not it.page_start
            and not self._soft_wrap(it)
            and not starts_mid_sentence(it.text)
        )

    def _verse_before(self) -> bool:
        """The open paragraph is a verse line: it and the line over it were set as hard breaks far short of the column."""
        para, width = self.para, self.layout.wrap_width
        if para is None or para.joins or para.line != para.last_line or self.layout.indent_style:
            return False
        k = next((n for n, it in enumerate(self.items) if it.ln.no == para.line), None)
        if k is None or k == 0:
            return False
        cur, above = self.items[k], self.items[k - 1]
        # a verse line is short however it ends; prose wrapped by the column fills it
        short = 0.75 * width if width is not None else _VERSE_LINE
        if cur.gap > 0 or above.page != cur.page or above.kind != "text":
            return False
        # each a phrase of words, not a number or a lone label (12 / 名单) set over the text
        return all(cjk_count(t) >= 3 and len(t) < short for t in (above.text, cur.text))

    def _visibly_ended(self, i: int) -> bool:
        """In soft-wrapped indent text, a paragraph whose sentence ended on a line short of the column is over:
        an unindented line under it is no part of it, and no paragraph (those start indented)."""
        it, para, width = self.items[i], self.para, self.layout.wrap_width
        if not self.layout.indent_style or width is None or para is None or para.literal or not para.finished:
            return False
        if it.ln.indent or it.gap > 0 or it.page_start:
            return False
        return len(self._line_text(para.last_line)) < 0.85 * width

    def _indented_continuation(self, it: Item) -> bool:
        """In indent style a long unindented line after a finished paragraph continues it (a break at a sentence end)."""
        return (
            self.layout.indent_style
            and self.para is not None
            and not self.para.literal
            and not it.ln.indent
            and not titleish(it.text)
        )

    def _section_head(self, i: int) -> bool:
        """In indent text, a short unindented line after a finished paragraph with an indented one packed
        under it: no paragraph (those start indented) and no title (no byline under it) — a section head."""
        it, cur = self.items[i], self.cur
        if not self.layout.indent_style or it.ln.indent or it.page_start or it.kind != "text" or cur is None or not cur.has_body:
            return False
        if self.ended or not titleish(it.text, 24):
            return False
        nxt = self.items[i + 1] if i + 1 < len(self.items) else None
        return nxt is not None and nxt.page == it.page and nxt.gap == 0 and nxt.kind == "text" and nxt.ln.indent

    def _line_text(self, no: int) -> str:
        """The text of input line ``no`` among the items ("" when it is not one)."""
        for it in self.items:
            if it.ln.no == no:
                return it.text
        return ""

    # ------------------------------------------------------------ state

    def _start(self, it: Item, placeholder: str | None = None) -> None:
        """Begin a new draft at the item (a waiting 编者按 goes into it)."""
        self.cur = Draft(page=it.page, line=it.ln.no, placeholder=placeholder)
        self.drafts.append(self.cur)
        self.ended = False
        self.page_break = None
        if self.pending_note is not None:
            self.cur.blocks.append(self.pending_note)
            self.pending_note = None

    def _ensure_article(self, it: Item) -> None:
        """Text before any title still needs an article: an untitled one, with a warning."""
        if self.cur is None:
            self._start(it, placeholder=first_clause(it.text))
            self.diags.append(diag("R011", "text before the first title was kept as an untitled article", it.ln.no))

    def _add(self, it: Item, block: Block) -> None:
        """Append a block to the current article, after a pending page break."""
        self._ensure_article(it)
        self._flush_page_break()
        assert self.cur is not None
        self.cur.blocks.append(block)
        self.given.setdefault(it.ln.no, _BLOCK_ROLES.get(type(block).__name__, "X"))

    def _flush_page_break(self) -> None:
        """Put the pending page break into the article before its next block."""
        if self.page_break is not None and self.cur is not None:
            self.cur.blocks.append(self.page_break)
            self.page_break = None

    def _close_para_if_finished(self) -> None:
        """Close the open paragraph when it ended a sentence (a page boundary may not cut it)."""
        if self.para is not None and self.para.finished:
            self._close_para()

    def _close_para(self) -> None:
        """Emit the open paragraph (and what print placed inside it) into the article."""
        para = self.para
        if para is not None and self.cur is not None:
            self.cur.blocks.extend(para.close())
            if self.page_break is not None and para.last_line >= self.page_break.line:
                self._flush_page_break()  # the paragraph ran over onto the new page
        self.para = None

    def _close_article(self) -> None:
        """Finish the current article: its last paragraph, a waiting note; forget its state."""
        if self.page_break is not None and (self.para is None or self.para.last_line < self.page_break.line):
            self.page_break = None  # the new page starts with this next article, not inside this one
        self._close_para()
        if self.pending_note is not None and self.cur is not None:
            self.cur.blocks.append(self.pending_note)
            self.pending_note = None
        self.cur = None
        self.ended = False
        self.page_break = None



_BLOCK_ROLES = {"Subheading": "H", "Caption": "C", "PageJump": "J", "Paragraph": "P", "Aside": "X"}
_VERSE_LINE = 16  # with no column width measured, a verse line is still this short
_ITEM_MARKS = "◆◇◎●○■□★☆"


def _next_item(para: str, line: str) -> bool:
    """A line opening with the mark the finished paragraph opened with is the next item of a run
    of marked briefs (◆…。 / ◆…), whether or not the sentence before it filled the column."""
    return bool(line) and line[0] in _ITEM_MARKS and para.startswith(line[0])


def first_clause(text: str) -> str:
    """The opening clause of a text, as the placeholder title of an untitled article."""
    m = re.match(r"[^，。！？；：,!?;:]{1,20}", text)
    return m.group(0) if m else text[:20]
