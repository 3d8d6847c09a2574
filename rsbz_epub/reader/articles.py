"""Pages of lines → articles: headings, bylines, paragraphs, breaks rejoined, jumps kept as blocks."""

from __future__ import annotations

from rsbz_epub.model import Caption, Diagnostic, Page, PageBreak, Subheading
from rsbz_epub.reader.assembly import AssemblerBase
from rsbz_epub.reader.boxes import NOTE_HEAD, box_between, box_end, credit_onto_caption, labelled_box, read_note
from rsbz_epub.reader.diagnostics import diag
from rsbz_epub.reader.drafts import Draft, build_pages
from rsbz_epub.reader.headings import TITLE_THRESHOLD, comma_broken, read_heading, repeated_title_line, title_score
from rsbz_epub.reader.pages import PageChunk
from rsbz_epub.reader.paragraphs import OpenParagraph
from rsbz_epub.reader.segment import starts_mid_sentence, titleish


class _Assembler(AssemblerBase):
    """Walks the items of all pages in order and builds article drafts."""

    # ------------------------------------------------------------ walking

    def run(self) -> list[Draft]:
        """Read every item in order and return the article drafts."""
        i = 0
        while i < len(self.items):
            it = self.items[i]
            self.layout = self.page_layouts.get(it.page, self.issue_layout)
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
        if it.gap > 0 and not it.page_start and self._verse_before():
            self._close_para()  # a blank line between stanzas, not a column break inside a sentence
            return self._fresh(i)
        if self._filled_wrap(i):
            self._continue_para(it)  # the line before filled the column: a soft wrap, whatever follows
            return i + 1
        if self._hard_line_break(it):
            self._close_para()
            return self._fresh(i)
        # A long prose line cut short is strong evidence of a break; a short one (a box or
        # contact line) is not, so a heading after it needs no more than usual.
        # Across a form feed the text may run on, but a line that reads as a heading there needs no more
        # than usual: the feed itself is the break, so a box or promo above never swallows the next title.
        extra = 2 if len(para.text) >= 30 and not (it.page_start and self.chunks[it.page].fed) else 0
        if it.page_start and self.chunks[it.page].fed and comma_broken(self.items, i):
            # a headline broken after its comma or colon opens the page: the feed ended the text above
            self._close_para()
            return self._heading_group(i)
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
        cur = self.cur
        sections = (lambda: tuple(b.text for b in cur.blocks if isinstance(b, Subheading))) if cur is not None else tuple
        if kind in ("text", "subheading") and self.cur is not None and self.cur.has_body and (box := labelled_box(self.items, self.layout, i, sections)):
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
            # a headline broken after its comma opens with a line no title ends on; the lines under it decide
            headish = titleish(text) or comma_broken(self.items, i)
            if (self.cur is None or self.cur.has_body or self.cur.title is None or it.page_start) and headish:
                if self.cur is not None and self.cur.title is None and not self.cur.has_body:
                    if repeated_title_line(self.items, self.layout, i):
                        self.cur.title = text  # an untitled continuation: the repeated title follows its marker
                        return i + 1
                    self._new_paragraph(it)  # the marker stood alone: its text starts right away
                    return i + 1
                if it.gap == 0 and self._section_head(i) and any(isinstance(b, Subheading) for b in self.cur.blocks if self.cur is not None):
                    # a sectioned article goes on with a head of the same shape packed into it; a new
                    # column's title after it stands apart by a blank line
                    self._close_para()
                    self._add(it, Subheading(text=text, line=ln.no))
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
            if self._section_head(i):
                self._add(it, Subheading(text=text, line=ln.no))
                return i + 1
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
        after_end = after_end or self._visibly_ended(i)
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

    def _note(self, i: int) -> int:
        """编者按: an Aside of the article it stands in, or of the one whose title follows it."""
        it = self.items[i]
        note, j = read_note(self.items, self.layout, i)
        if self.cur is not None and self.cur.has_body and j < len(self.items) and titleish(self.items[j].text):
            self.pending_note = note  # it introduces the article that follows
        else:
            self._add(it, note)
        return j


def assemble(chunks: list[PageChunk]) -> tuple[tuple[Page, ...], list[Diagnostic]]:
    """Build the pages of articles from the page chunks."""
    asm = _Assembler(chunks)
    drafts = asm.run()
    return build_pages(drafts, chunks), asm.diags
