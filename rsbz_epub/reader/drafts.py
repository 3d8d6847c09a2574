"""Article drafts as the assembler builds them, and their conversion into IR pages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from rsbz_epub.model import Article, Aside, Block, Page, PageJump, Subheading
from rsbz_epub.reader.pages import PageChunk
from rsbz_epub.reader.promo import article_kind, contact_block, page_contact
from rsbz_epub.reader.spacing import unspaced

#: a byline's letter-spaced name is two or three characters (本报记者　林　晓); a longer run is left as printed
_NAME = 3


@dataclass
class Draft:
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
        """True once the article holds text (a jump marker alone is not a body)."""
        return self.text_started or any(not isinstance(b, PageJump) for b in self.blocks)


def build_pages(drafts: list[Draft], chunks: list[PageChunk]) -> tuple[Page, ...]:
    """Turn the drafts into articles grouped by page; promos get their contact box."""
    by_page: dict[int, list[Article]] = {}
    for draft in drafts:
        title = draft.title or draft.placeholder or ""
        label = chunks[draft.page].label
        number = len(by_page.get(draft.page, [])) + 1
        kind = article_kind(title, draft.blocks, draft.byline)
        if kind == "promo":
            draft.blocks = contact_block(draft.blocks)
        elif len(draft.blocks) > 1:
            draft.blocks = page_contact(draft.blocks)
        article = Article(
            id=_article_id(label, number),
            title=unspaced(title),
            line=draft.line,
            kicker=_unspaced(draft.kicker),
            subtitle=_unspaced(draft.subtitle),
            byline=_unspaced(draft.byline, _NAME),
            blocks=tuple(_set_close(b) for b in draft.blocks),
            kind=kind,  # type: ignore[arg-type]
        )
        by_page.setdefault(draft.page, []).append(article)
    return tuple(
        Page(label=chunk.label, articles=tuple(by_page[i]), line=chunk.line, name=chunk.name, marked=chunk.marked)
        for i, chunk in enumerate(chunks)
        if by_page.get(i)
    )


def _set_close(block: Block) -> Block:
    """A section head, or a box's label (【镜　头】), with its letter-spacing taken out; any other block as it is."""
    if isinstance(block, Subheading):
        return replace(block, text=unspaced(block.text))
    if isinstance(block, Aside) and block.title:
        return replace(block, title=unspaced(block.title))
    return block


def _unspaced(text: str | None, longest: int | None = None) -> str | None:
    """A heading or byline with its letter-spacing taken out (``reader/spacing.py``); None stays None."""
    return None if text is None else unspaced(text, longest)


def _article_id(label: str, number: int) -> str:
    """Stable, ASCII, XML-safe: page label and position on the page (``p3-2``)."""
    safe = re.sub(r"[^a-z0-9]", "", label.lower()) or "x"
    return f"p{safe}-{number}"
