"""The naming pass before any markup: file names, page markers, jump anchors.

Everything that one document needs to know about another (where 版 3 starts,
which anchor a jump links to) is decided here once, so the article, contents
and nav renderers stay independent and ids stay unique across the book.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from rsbz_epub.model import Article, Issue, PageBreak, PageJump, Subheading
from rsbz_epub.render.book import PageTarget
from rsbz_epub.render.markup import ID_UNSAFE, IdAllocator, safe_id

COVER_HREF = "text/cover.xhtml"
CONTENTS_HREF = "text/contents.xhtml"
NAV_HREF = "nav.xhtml"
COVER_IMAGE_HREF = "images/cover.jpg"

#: Sections down to this heading level (h2 一、, h3 （一）) are listed under their article in nav and NCX.
TOC_SECTION_LEVEL = 3

# Element ids the cover, contents and nav documents use themselves.
_RESERVED_IDS = ("toc", "landmarks", "page-list", "contents-title", "cover")


@dataclass(frozen=True)
class Marker:
    """A print-page marker placed in an article: 版 ``label`` begins at ``href#id``."""

    label: str
    id: str
    href: str
    start: bool  # True: the 版's own first article; False: a PageBreak inside a stitched article


@dataclass(frozen=True)
class BookPlan:
    """Names decided for one book, keyed by the article's position in reading order."""

    articles: tuple[Article, ...]
    doc_ids: tuple[str, ...]
    hrefs: tuple[str, ...]
    page_starts: dict[int, Marker]  # article index -> marker opening that 版
    block_ids: dict[tuple[int, int], str]  # (article index, block index) -> element id (breaks, jumps, sections)
    markers: tuple[Marker, ...]  # reading order
    page_targets: tuple[PageTarget, ...]  # print order, every marker
    by_article_id: dict[str, int]  # Article.id -> first index with that id

    def jump_link(self, index: int, block: PageJump) -> str | None:
        """Href (from ``hrefs[index]``) of the other half of a jump, or None when not in this book."""
        if block.target is None or block.target not in self.by_article_id:
            return None
        other = self.by_article_id[block.target]
        source_id = self.articles[index].id
        href = relative(self.hrefs[index], self.hrefs[other])
        # Land on the matching marker in the other half when it has one (two-way link).
        for b_index, b in enumerate(self.articles[other].blocks):
            if isinstance(b, PageJump) and b.target == source_id:
                return f"{href}#{self.block_ids[(other, b_index)]}"
        return href


def relative(from_href: str, to_href: str) -> str:
    """``to_href`` relative to the document at ``from_href`` (both package-relative)."""
    return posixpath.relpath(to_href, posixpath.dirname(from_href) or ".")


def _label_id(label: str) -> str:
    # "page-" already makes a valid NCName, so a folio "3" gives "page-3".
    return "page-" + (ID_UNSAFE.sub("-", label).strip("-").lower() or "x")


def plan_book(issue: Issue) -> BookPlan:
    """Name every article file and every page/jump anchor of ``issue``."""
    articles = issue.articles()
    files = IdAllocator(("cover", "contents", "nav"))
    doc_ids: list[str] = []
    for i, article in enumerate(articles):
        slug = safe_id(article.id, prefix="a").lower() if article.id.isascii() else str(i + 1)
        doc_ids.append(files.take("a-" + slug.removeprefix("a-")))
    hrefs = tuple(f"text/{d}.xhtml" for d in doc_ids)
    by_article_id: dict[str, int] = {}
    for i, article in enumerate(articles):
        by_article_id.setdefault(article.id, i)

    ids = IdAllocator(_RESERVED_IDS)
    # Start markers first, so each 版's own start gets the plain ``page-3`` id.
    page_starts: dict[int, Marker] = {}
    first_index = 0
    for page in issue.pages:
        if page.articles:
            marker = Marker(page.label, ids.take(_label_id(page.label)), hrefs[first_index], True)
            page_starts[first_index] = marker
        first_index += len(page.articles)

    block_ids: dict[tuple[int, int], str] = {}
    markers: list[Marker] = []
    for i, article in enumerate(articles):
        if i in page_starts:
            markers.append(page_starts[i])
        for b, block in enumerate(article.blocks):
            if isinstance(block, PageBreak):
                block_ids[(i, b)] = ids.take(_label_id(block.label))
                markers.append(Marker(block.label, block_ids[(i, b)], hrefs[i], False))
            elif isinstance(block, Subheading) and block.level <= TOC_SECTION_LEVEL:
                block_ids[(i, b)] = ids.take(f"s-{doc_ids[i].removeprefix('a-')}-{b}")
            elif isinstance(block, PageJump):
                direction = "on" if block.direction == "continued-on" else "from"
                block_ids[(i, b)] = ids.take(f"jump-{direction}-{doc_ids[i].removeprefix('a-')}")

    return BookPlan(
        articles=articles,
        doc_ids=tuple(doc_ids),
        hrefs=hrefs,
        page_starts=page_starts,
        block_ids=block_ids,
        markers=tuple(markers),
        page_targets=_page_targets(issue, markers),
        by_article_id=by_article_id,
    )


def _page_targets(issue: Issue, markers: list[Marker]) -> tuple[PageTarget, ...]:
    """Every marker, grouped by 版 in print order: the 版's own start first, then where stitched articles reach it.

    The page list must reference every ``pagebreak`` marker (EPUB Accessibility
    1.1 page navigation; Ace's ``epub-pagelist-missing-pagebreak``), so a 版 that
    a continuation reaches gets a second entry with the same label.
    """
    by_label: dict[str, list[Marker]] = {}
    for marker in markers:
        by_label.setdefault(marker.label, []).append(marker)
    order = [p.label for p in issue.pages] + [m.label for m in markers]
    targets: list[PageTarget] = []
    for label in dict.fromkeys(order):
        group = sorted(by_label.get(label, ()), key=lambda m: not m.start)  # stable: reading order otherwise
        targets.extend(PageTarget(label, f"{m.href}#{m.id}") for m in group)
    return tuple(targets)
