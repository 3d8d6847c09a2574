"""Pages of lines → articles: the walk over every line, by the role the line-role model gave it."""

from __future__ import annotations

from rsbz_epub.model import Diagnostic, Page, PageBreak, Subheading
from rsbz_epub.reader.assembly import AssemblerBase
from rsbz_epub.reader.boxes import read_note
from rsbz_epub.reader.drafts import Draft, build_pages
from rsbz_epub.reader.pages import PageChunk
from rsbz_epub.reader.paragraphs import OpenParagraph
from rsbz_epub.reader.roles import Role
from rsbz_epub.reader.rolesteps import RoleSteps

#: Staff overrides decide a line's role whatever the model says.
_FORCED = {"title": "T", "subheading": "H", "literal": "P"}


class _Assembler(RoleSteps, AssemblerBase):
    """Walks the items of all pages in order and builds article drafts."""

    def run(self) -> list[Draft]:
        """Read every item in order and return the article drafts."""
        self.roles = [Role(_FORCED[it.ln.force], 1.0) if it.ln.force in _FORCED else r for it, r in zip(self.items, self.roles)]
        i = 0
        while i < len(self.items):
            it = self.items[i]
            self.layout = self.page_layouts.get(it.page, self.issue_layout)
            if it.page_start and self.cur is not None and it.page != self.cur.page:
                if not self._continues(i):
                    self._close_para()
                chunk = self.chunks[it.page]
                # the page line itself when one was printed, so the consumed marker stays accounted for
                self.page_break = PageBreak(label=chunk.label, line=min(chunk.line, it.ln.no))
            i = self._step(i)
        self._close_article()
        return self.drafts

    def _step(self, i: int) -> int:
        """Handle the item at i (staff override, jump, or by its role); return the next index."""
        it = self.items[i]
        ln = it.ln
        if ln.force == "literal":
            self._close_para()
            self._ensure_article(it)
            self.para = OpenParagraph(text=ln.text, line=ln.no, last_line=ln.no, literal=True)
            assert self.cur is not None
            self.cur.text_started = True
            return i + 1
        if ln.force == "subheading":
            self._close_para()
            self._add(it, Subheading(text=ln.text, line=ln.no))
            return i + 1
        if it.kind == "jump" and ln.force is None:
            return self._jump_line(i)
        return self._by_role(i)

    def _note(self, i: int) -> int:
        """编者按: an Aside of the article it stands in, or of the one whose title follows it."""
        it = self.items[i]
        note, j = read_note(self.items, self.layout, i)
        if self.cur is not None and self.cur.has_body and j < len(self.items) and self._role(j) in ("K", "T"):
            self.pending_note = note  # it introduces the article that follows
        else:
            self._add(it, note)
        return j


def assemble(
    chunks: list[PageChunk], trace: dict[int, tuple[str, float]] | None = None, paper: str = ""
) -> tuple[tuple[Page, ...], list[Diagnostic]]:
    """Build the pages of articles from the page chunks; ``trace`` gets each line's role and its probability;
    ``paper`` is the masthead's name (the line-role model knows some papers' habits)."""
    asm = _Assembler(chunks, paper)
    drafts = asm.run()
    if trace is not None:
        trace.update({it.ln.no: (r.label, r.prob) for it, r in zip(asm.items, asm.roles)})
    return build_pages(drafts, chunks), asm.diags
