"""The assembler's state and its jump and paragraph helpers: opening, continuing and closing paragraphs."""

from __future__ import annotations

import re

from rsbz_epub.model import Aside, Block, Diagnostic, PageBreak, PageJump
from rsbz_epub.reader.diagnostics import diag
from rsbz_epub.reader.drafts import Draft
from rsbz_epub.reader.jumps import has_inner_marker, only_marker, split_leading, split_trailing
from rsbz_epub.reader.layout import (
    Item, demote_wrapped_subheadings, make_items, mark_caption_wraps, measure_layout, page_layouts,
)
from rsbz_epub.reader.pages import PageChunk
from rsbz_epub.reader.paragraphs import OpenParagraph
from rsbz_epub.reader.roles import known_paper, tag
from rsbz_epub.reader.rolepasses import corrected
from rsbz_epub.reader.script import simplified_view
from rsbz_epub.reader.segment import titleish


class AssemblerBase:
    """The walk's state (items, open article and paragraph) and the moves that change it."""
    def __init__(self, chunks: list[PageChunk], paper: str = "") -> None:
        self.chunks = chunks
        self.items = make_items(chunks)
        # roles first: the model was trained on the items as make_items gives them (before the passes below)
        self.simplified = simplified_view(self.items)
        self.met = known_paper(paper)  # the model knows the paper's headline habits; none is inferred from print conventions
        self.layout = measure_layout(self.items)  # before the passes below change any item's kind, as the rules read it
        self.roles = corrected(self.items, tag(self.items, paper), self.layout, met=self.met)
        self.line_index = {it.ln.no: k for k, it in enumerate(self.items)}  # input line → item index
        demote_wrapped_subheadings(self.items, self.layout)
        mark_caption_wraps(self.items, self.layout)
        self.issue_layout = self.layout
        self.page_layouts = page_layouts(self.items, self.layout)  # the walk switches self.layout page by page
        self.drafts: list[Draft] = []
        self.cur: Draft | None = None
        self.para: OpenParagraph | None = None
        self.diags: list[Diagnostic] = []
        self.page_break: PageBreak | None = None  # a page began inside the current article
        self.pending_note: Aside | None = None

    # ------------------------------------------------------------ pieces

    def _jump_line(self, i: int) -> int:
        """A jump marker on a line of its own: it ends an article, or opens (or heads) its continuation."""
        it = self.items[i]
        jump = only_marker(it.text, it.ln.no)
        assert jump is not None
        if jump.direction == "continued-on":
            self._close_para()
            self._add(it, jump)
            return i + 1
        if self.cur is not None and not self.cur.has_body:
            self.cur.blocks.append(jump)
            return i + 1
        self._open_continuation(it, jump, self._repeated_title())
        return i + 1

    def _open_continuation(self, it: Item, jump: PageJump, title: tuple[str, int] | None) -> None:
        """Start the continuation a continued-from marker opens, under its repeated title (text, line) if printed."""
        self._close_article()
        self._start(it, placeholder=f"（接第{jump.page}版）")
        assert self.cur is not None
        if title is not None:
            self.cur.title, self.cur.line = title
        self.cur.blocks.append(jump)

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
        assert self.cur is not None
        self.cur.text_started = True
        self._check_trailing_jump()

    def _continue_para(self, it: Item) -> None:
        """Append the item to the open paragraph (a rejoined print break when a gap or page lies between)."""
        para = self.para
        assert para is not None
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
        elif has_inner_marker(para.text):
            self.diags.append(diag("R010", "a jump marker inside a paragraph was left in the text", para.last_line))

    # ------------------------------------------------------------ state

    def _start(self, it: Item, placeholder: str | None = None) -> None:
        """Begin a new draft at the item (a waiting 编者按 goes into it)."""
        self.cur = Draft(page=it.page, line=it.ln.no, placeholder=placeholder)
        self.drafts.append(self.cur)
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


    def _flush_page_break(self) -> None:
        """Put the pending page break into the article before its next block."""
        if self.page_break is not None and self.cur is not None:
            self.cur.blocks.append(self.page_break)
            self.page_break = None

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
        self.page_break = None





def first_clause(text: str) -> str:
    """The opening clause of a text, as the placeholder title of an untitled article."""
    m = re.match(r"[^，。！？；：,!?;:]{1,20}", text)
    return m.group(0) if m else text[:20]
