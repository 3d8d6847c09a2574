"""Pages of lines → articles: headings, bylines, paragraphs, breaks rejoined, jumps kept as blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rsbz_epub.model import Article, Aside, Block, Caption, Diagnostic, Page, PageBreak, PageJump, Subheading
from rsbz_epub.reader.diagnostics import diag
from rsbz_epub.reader.headings import HeadingRules
from rsbz_epub.reader.jumps import has_inner_marker, only_marker, split_leading, split_trailing
from rsbz_epub.reader.layout import Item, make_items, measure_layout
from rsbz_epub.reader.pages import PageChunk
from rsbz_epub.reader.paragraphs import OpenParagraph
from rsbz_epub.reader.promo import article_kind, contact_block
from rsbz_epub.reader.segment import cjk_count, ends_finished, starts_mid_sentence, titleish

_TITLE_THRESHOLD = 2
_NOTE_HEAD = re.compile(r"^[【\[]?\s*(?:编者按|编者的话|编后语|编后)\s*[】\]]?\s*[:：]?\s*")
_BOX_MAX_CHARS = 300


@dataclass
class _Draft:
    """An article being assembled."""

    page: int
    line: int
    title: str | None = None
    kicker: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    blocks: list[Block] = field(default_factory=list)
    placeholder: str | None = None  # title to use when none was printed
    text_started: bool = False  # a paragraph was opened (it reaches blocks only when closed)

    @property
    def has_body(self) -> bool:
        return self.text_started or any(not isinstance(b, PageJump) for b in self.blocks)


class _Assembler(HeadingRules):
    """Walks the items of all pages in order and builds article drafts."""

    def __init__(self, chunks: list[PageChunk]) -> None:
        self.chunks = chunks
        self.items = make_items(chunks)
        self.layout = measure_layout(self.items)
        self.drafts: list[_Draft] = []
        self.cur: _Draft | None = None
        self.para: OpenParagraph | None = None
        self.diags: list[Diagnostic] = []
        self.ended = False  # the current article showed an end (trailing byline, continued-on jump)
        self.page_break: PageBreak | None = None  # a page began inside the current article
        self.pending_note: Aside | None = None

    # ------------------------------------------------------------ walking

    def run(self) -> list[_Draft]:
        i = 0
        while i < len(self.items):
            it = self.items[i]
            if it.page_start and self.cur is not None and it.page != self.cur.page:
                self._close_para_if_finished()
                self.page_break = PageBreak(label=self.chunks[it.page].label, line=it.ln.no)
            i = self._step(i)
        self._close_article()
        return self.drafts

    def _step(self, i: int) -> int:
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
        it = self.items[i]
        para = self.para
        assert para is not None
        if it.kind == "caption":
            para.deferred.append(Caption(text=it.text, line=it.ln.no))
            return i + 1
        if it.kind != "text":
            self._close_para()
            return self._fresh(i)
        if self.layout.indent_style and it.ln.indent and not it.page_start:
            self._close_para()
            return self._fresh(i)
        if self._hard_line_break(it):
            self._close_para()
            return self._fresh(i)
        # A long prose line cut short is strong evidence of a break; a short one (a box or
        # contact line) is not, so a heading after it needs no more than usual.
        extra = 2 if len(para.text) >= 30 else 0
        if titleish(it.text):
            score = self._title_score(i)
            end = self._box_end(i) if extra and score >= _TITLE_THRESHOLD else None
            if end is not None:
                # a box print placed between the halves: keep it after the rejoined paragraph
                para.deferred.append(self._box(i, end))
                i = end
            elif score >= _TITLE_THRESHOLD + extra:
                self._close_para()
                return self._heading_group(i)
        self._continue_para(self.items[i])
        return i + 1

    def _fresh(self, i: int) -> int:
        """An item after a finished paragraph (or none)."""
        it = self.items[i]
        kind, text, ln = it.kind, it.text, it.ln
        if kind == "text":
            if self.para is not None and self._soft_wrap(it) and not (titleish(text) and self._title_score(i) >= _TITLE_THRESHOLD + 2):
                self._continue_para(it)
                return i + 1
            if self.para is not None and starts_mid_sentence(text):
                self._continue_para(it)
                return i + 1
            if (self.cur is None or self.cur.has_body or self.cur.title is None) and titleish(text):
                if self.cur is not None and self.cur.title is None and not self.cur.has_body:
                    self.cur.title = text  # an untitled continuation: the repeated title follows its marker
                    return i + 1
                if self._title_score(i) >= _TITLE_THRESHOLD:
                    self._close_para()
                    return self._heading_group(i)
            if self._indented_continuation(it):
                self._continue_para(it)
                return i + 1
            self._close_para()
            if _NOTE_HEAD.match(text):
                return self._note(i)
            self._new_paragraph(it)
            return i + 1
        self._close_para()
        if kind == "byline":
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
        if kind == "caption":
            self._add(it, Caption(text=text, line=ln.no))
            return i + 1
        if kind == "note":
            return self._note(i)
        self._new_paragraph(it)
        return i + 1

    # ------------------------------------------------------------ pieces

    def _jump_line(self, i: int) -> int:
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
        """编者按: the note text is on the same line or the next one."""
        it = self.items[i]
        rest = _NOTE_HEAD.sub("", it.text, count=1)
        head = it.text[: len(it.text) - len(rest)].strip("【】[]:： ") or "编者按"
        j = i + 1
        if not rest and j < len(self.items) and self.items[j].kind == "text":
            rest = self.items[j].text
            j += 1
        note = Aside(title=head, paragraphs=(rest,) if rest else (), line=it.ln.no, kind="editor-note")
        if self.cur is not None and self.cur.has_body and j < len(self.items) and titleish(self.items[j].text):
            self.pending_note = note  # it introduces the article that follows
        else:
            self._add(it, note)
        return j

    def _new_paragraph(self, it: Item) -> None:
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
        if self.layout.indent_style:
            return not it.ln.indent
        width = self.layout.wrap_width
        prev_len = len(self._line_text(para.last_line))
        return width is not None and prev_len >= 0.85 * width

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
        for it in self.items:
            if it.ln.no == no:
                return it.text
        return ""

    def _box_end(self, i: int) -> int | None:
        """Index of the paragraph that continues a broken one after a box print placed in between."""
        chars = 0
        if self.items[i].page_start:
            return None  # a page opens with a heading, not with a box inside a paragraph
        for j in range(i + 1, min(len(self.items), i + 8)):
            it = self.items[j]
            if it.page != self.items[i].page or it.ln.force is not None or it.kind == "byline":
                return None  # a byline means a new article, not a box
            prev = self.items[j - 1]
            if (
                j > i + 1
                and it.gap > 0  # a box's own lines are packed; the text resumes after a gap
                and it.kind == "text"
                and not titleish(it.text)
                and ends_finished(prev.text)
                and not (self.layout.indent_style and it.ln.indent)
                and chars <= _BOX_MAX_CHARS
            ):
                return j
            chars += cjk_count(it.text)
            if chars > _BOX_MAX_CHARS:
                return None
        return None

    def _box(self, i: int, end: int) -> Aside:
        body = tuple(it.text for it in self.items[i + 1 : end])
        return Aside(title=self.items[i].text, paragraphs=body, line=self.items[i].ln.no, kind="box")

    # ------------------------------------------------------------ state

    def _start(self, it: Item, placeholder: str | None = None) -> None:
        self.cur = _Draft(page=it.page, line=it.ln.no, placeholder=placeholder)
        self.drafts.append(self.cur)
        self.ended = False
        self.page_break = None
        if self.pending_note is not None:
            self.cur.blocks.append(self.pending_note)
            self.pending_note = None

    def _ensure_article(self, it: Item) -> None:
        if self.cur is None:
            self._start(it, placeholder=_first_clause(it.text))
            self.diags.append(diag("R011", "text before the first title was kept as an untitled article", it.ln.no))

    def _add(self, it: Item, block: Block) -> None:
        self._ensure_article(it)
        self._flush_page_break()
        assert self.cur is not None
        self.cur.blocks.append(block)

    def _flush_page_break(self) -> None:
        if self.page_break is not None and self.cur is not None:
            self.cur.blocks.append(self.page_break)
            self.page_break = None

    def _close_para_if_finished(self) -> None:
        if self.para is not None and self.para.finished:
            self._close_para()

    def _close_para(self) -> None:
        para = self.para
        if para is not None and self.cur is not None:
            self.cur.blocks.extend(para.close())
            if self.page_break is not None and para.last_line >= self.page_break.line:
                self._flush_page_break()  # the paragraph ran over onto the new page
        self.para = None

    def _close_article(self) -> None:
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
    diags = asm.diags
    by_page: dict[int, list[Article]] = {}
    for draft in drafts:
        title = draft.title or draft.placeholder or ""
        label = chunks[draft.page].label
        number = len(by_page.get(draft.page, [])) + 1
        kind = article_kind(title, draft.blocks)
        if kind == "promo":
            draft.blocks = contact_block(draft.blocks)
        article = Article(
            id=_article_id(label, number),
            title=title,
            line=draft.line,
            kicker=draft.kicker,
            subtitle=draft.subtitle,
            byline=draft.byline,
            blocks=tuple(draft.blocks),
            kind=kind,  # type: ignore[arg-type]
        )
        by_page.setdefault(draft.page, []).append(article)
    pages = tuple(
        Page(label=chunk.label, articles=tuple(by_page[i]), line=chunk.line, name=chunk.name, marked=chunk.marked)
        for i, chunk in enumerate(chunks)
        if by_page.get(i)
    )
    return pages, diags


def _article_id(label: str, number: int) -> str:
    """Stable, ASCII, XML-safe: page label and position on the page (``p3-2``)."""
    safe = re.sub(r"[^a-z0-9]", "", label.lower()) or "x"
    return f"p{safe}-{number}"
