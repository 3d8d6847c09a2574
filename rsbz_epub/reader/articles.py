"""Pages of lines → articles: headings, bylines, paragraphs, breaks rejoined, jumps kept as blocks."""

from __future__ import annotations

import re

from rsbz_epub.model import Aside, Block, Caption, Diagnostic, Page, PageBreak, Subheading
from rsbz_epub.reader.boxes import NOTE_HEAD, box_between, box_end, credit_onto_caption, labelled_box, read_note
from rsbz_epub.reader.diagnostics import diag
from rsbz_epub.reader.drafts import Draft, build_pages
from rsbz_epub.reader.headings import TITLE_THRESHOLD, read_heading, repeated_title_line, title_score
from rsbz_epub.reader.jumps import has_inner_marker, only_marker, split_leading, split_trailing
from rsbz_epub.reader.layout import (
    Item, demote_brief_runs, demote_wrapped_subheadings, make_items, mark_caption_wraps, mark_label_subheadings, measure_layout, promote_unit_bylines,
)
from rsbz_epub.reader.pages import PageChunk
from rsbz_epub.reader.paragraphs import OpenParagraph
from rsbz_epub.reader.segment import starts_mid_sentence, titleish


class _Assembler:
    """Walks the items of all pages in order and builds article drafts."""

    def __init__(self, chunks: list[PageChunk]) -> None:
        self.chunks = chunks
        self.items = make_items(chunks)
        self.layout = measure_layout(self.items)
        demote_wrapped_subheadings(self.items, self.layout)
        promote_unit_bylines(self.items)
        demote_brief_runs(self.items)
        mark_caption_wraps(self.items, self.layout)
        mark_label_subheadings(self.items, self.layout)
        self.drafts: list[Draft] = []
        self.cur: Draft | None = None
        self.para: OpenParagraph | None = None
        self.diags: list[Diagnostic] = []
        self.ended = False  # the current article showed an end (trailing byline, continued-on jump)
        self.page_break: PageBreak | None = None  # a page began inside the current article
        self.pending_note: Aside | None = None

    # ------------------------------------------------------------ walking

    def run(self) -> list[Draft]:
        """Read every item in order and return the article drafts."""
        i = 0
        while i < len(self.items):
            it = self.items[i]
            if it.page_start and self.cur is not None and it.page != self.cur.page:
                self._close_para_if_finished()
                chunk = self.chunks[it.page]
                # the page line itself when one was printed, so the consumed marker stays accounted for
                self.page_break = PageBreak(label=chunk.label, line=min(chunk.line, it.ln.no))
            i = self._step(i)
        self._close_article()
        return self.drafts

    def _step(self, i: int) -> int:
        """Handle the item at i (staff override, jump, or by the open paragraph's state); return the next index."""
        it = self.items[i]
        ln = it.ln
        if ln.force == "literal":
            self._close_para()
            self._ensure_article(it)
            self.para = OpenParagraph(text=ln.text, line=ln.no, last_line=ln.no, literal=True)
            assert self.cur is not None
            self.cur.text_started = True
            return i + 1
        if ln.force == "title":
            return self._heading_group(i, forced=True)
        if ln.force == "subheading":
            self._close_para()
            self._add(it, Subheading(text=ln.text, line=ln.no))
            return i + 1
        if it.kind == "jump":
            return self._jump_line(i)
        if self.para is not None and not self.para.finished and not self.para.literal:
            return self._after_unfinished(i)
        return self._fresh(i)

    def _after_unfinished(self, i: int) -> int:
        """An item after a paragraph that stopped mid-sentence: its continuation, a box, or a new heading."""
        it = self.items[i]
        para = self.para
        assert para is not None
        if it.kind in ("caption", "caption-wrap"):
            if not credit_onto_caption(it, para.deferred):
                para.deferred.append(Caption(text=it.text, line=it.ln.no))
            return i + 1
        if it.kind == "subheading" and len(para.text) >= 30 and (end := box_end(self.items, self.layout, i)) is not None:
            para.deferred.append(box_between(self.items, i, end))  # a 【人物名片】 box print set inside the paragraph
            self._continue_para(self.items[end])
            return end + 1
        if it.kind != "text":
            self._close_para()
            return self._fresh(i)
        if self.layout.indent_style and it.ln.indent and not it.page_start:
            self._close_para()
            return self._fresh(i)
        if self._filled_wrap(i):
            self._continue_para(it)  # the line before filled the column: a soft wrap, whatever follows
            return i + 1
        if self._hard_line_break(it):
            self._close_para()
            return self._fresh(i)
        # A long prose line cut short is strong evidence of a break; a short one (a box or
        # contact line) is not, so a heading after it needs no more than usual.
        extra = 2 if len(para.text) >= 30 else 0
        if titleish(it.text):
            score = self._score(i)
            end = box_end(self.items, self.layout, i) if extra and score >= TITLE_THRESHOLD else None
            if end is not None:
                # a box print placed between the halves: keep it after the rejoined paragraph
                para.deferred.append(box_between(self.items, i, end))
                i = end
            elif score >= TITLE_THRESHOLD + extra:
                self._close_para()
                return self._heading_group(i)
        self._continue_para(self.items[i])
        return i + 1

    def _fresh(self, i: int) -> int:
        """An item after a finished paragraph (or none)."""
        it = self.items[i]
        kind, text, ln = it.kind, it.text, it.ln
        if kind in ("text", "subheading") and self.cur is not None and self.cur.has_body and (box := labelled_box(self.items, self.layout, i)):
            self._close_para()
            self._add(it, box[0])  # 小贴士 / 相关链接 and the lines packed under the label
            return box[1]
        if kind == "text":
            if self.para is not None and self._soft_wrap(it) and not (titleish(text) and self._score(i) >= TITLE_THRESHOLD + 2):
                self._continue_para(it)
                return i + 1
            if self.para is not None and starts_mid_sentence(text):
                self._continue_para(it)
                return i + 1
            # a page opens with a heading even under an article that has no body yet (a one-line
            # promo whose text was read as its title), since articles do not run on over a page unmarked
            if (self.cur is None or self.cur.has_body or self.cur.title is None or it.page_start) and titleish(text):
                if self.cur is not None and self.cur.title is None and not self.cur.has_body:
                    if repeated_title_line(self.items, self.layout, i):
                        self.cur.title = text  # an untitled continuation: the repeated title follows its marker
                        return i + 1
                    self._new_paragraph(it)  # the marker stood alone: its text starts right away
                    return i + 1
                if self._score(i) >= TITLE_THRESHOLD:
                    self._close_para()
                    return self._heading_group(i)
            if self._indented_continuation(it):
                self._continue_para(it)
                return i + 1
            self._close_para()
            if NOTE_HEAD.match(text):
                return self._note(i)
            self._new_paragraph(it)
            return i + 1
        self._close_para()
        if kind == "byline":
            if self.cur is not None and credit_onto_caption(it, self.cur.blocks):
                return i + 1  # 本报记者 林涛 摄 under a caption is its photo credit
            if self.cur is not None and self.cur.byline is None:
                self.cur.byline = text
                self.ended = self.cur.has_body
                return i + 1
            if self.cur is not None and not self.cur.has_body:
                self.cur.byline = f"{self.cur.byline} {text}"
                return i + 1
            self.ended = True
            self._new_paragraph(it)
            self._close_para()  # a trailing byline is complete; nothing joins onto it
            return i + 1
        if kind == "subtitle" and self.cur is not None and not self.cur.has_body and self.cur.subtitle is None:
            self.cur.subtitle = text
            return i + 1
        if kind == "subheading":
            self._add(it, Subheading(text=text, line=ln.no))
            return i + 1
        if kind in ("caption", "caption-wrap"):
            if self.cur is None or not credit_onto_caption(it, self.cur.blocks):
                self._add(it, Caption(text=text, line=ln.no))
            return i + 1
        if kind == "note":
            return self._note(i)
        self._new_paragraph(it)
        return i + 1

    # ------------------------------------------------------------ headings

    def _score(self, i: int) -> int:
        """The heading score of item i, knowing whether an article just ended."""
        para = self.para
        after_end = self.cur is None or self.ended or (para is not None and not para.finished and len(para.text) < 30)
        return title_score(self.items, self.layout, i, after_end=after_end)

    def _heading_group(self, i: int, forced: bool = False) -> int:
        """Start the article that the heading group at i heads."""
        self._close_article()
        head = read_heading(self.items, self.layout, i)
        self._start(head.first)
        assert self.cur is not None
        self.cur.title, self.cur.kicker, self.cur.subtitle, self.cur.byline = head.title, head.kicker, head.subtitle, head.byline
        self.cur.blocks.extend(head.jumps)
        if not forced and head.unusual:
            self.diags.append(diag("R009", f"title looks unusual: {head.title}", head.first.ln.no))
        return head.end

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

    def _note(self, i: int) -> int:
        """编者按: an Aside of the article it stands in, or of the one whose title follows it."""
        it = self.items[i]
        note, j = read_note(self.items, self.layout, i)
        if self.cur is not None and self.cur.has_body and j < len(self.items) and titleish(self.items[j].text):
            self.pending_note = note  # it introduces the article that follows
        else:
            self._add(it, note)
        return j

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
        if self.layout.indent_style:
            # a sentence that ended on a short line ended its paragraph: a short line under it is not a wrap
            # (with no column width known, every line is a paragraph of its own or a heading)
            return not it.ln.indent and not (para.finished and not filled and titleish(it.text))
        return filled

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
            and it.gap == 0
            and not it.page_start
            and not self._soft_wrap(it)
            and not starts_mid_sentence(it.text)
        )

    def _indented_continuation(self, it: Item) -> bool:
        """In indent style a long unindented line after a finished paragraph continues it (a break at a sentence end)."""
        return (
            self.layout.indent_style
            and self.para is not None
            and not self.para.literal
            and not it.ln.indent
            and not titleish(it.text)
        )

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
            self._start(it, placeholder=_first_clause(it.text))
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


def _first_clause(text: str) -> str:
    m = re.match(r"[^，。！？；：,!?;:]{1,20}", text)
    return m.group(0) if m else text[:20]


def assemble(chunks: list[PageChunk]) -> tuple[tuple[Page, ...], list[Diagnostic]]:
    """Build the pages of articles from the page chunks."""
    asm = _Assembler(chunks)
    drafts = asm.run()
    return build_pages(drafts, chunks), asm.diags
