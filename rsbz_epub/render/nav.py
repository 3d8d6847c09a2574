"""Navigation as data (TOC, landmarks, page list) and the EPUB 3 nav document built from it.

The NCX and the AZW3 index are written by the container writers from the same
data, so every reading system shows the same tree.
"""

from __future__ import annotations

from collections.abc import Sequence

from rsbz_epub.model import Article, Issue, Subheading
from rsbz_epub.render.book import Document, PageTarget, TocEntry
from rsbz_epub.render.contents import page_heading
from rsbz_epub.render.labels import label
from rsbz_epub.render.markup import attr, document, esc
from rsbz_epub.render.plan import CONTENTS_HREF, COVER_HREF, NAV_HREF, BookPlan, relative


def toc_title(article: Article, edition: str) -> str:
    """The article's title in navigation; a promo is marked as one (推广)."""
    return article.title + label("promo_mark", edition) if article.kind == "promo" else article.title


def _sections(plan: BookPlan, index: int) -> tuple[TocEntry, ...]:
    """An article's first two section levels (一、 and its （一）) as nested entries."""
    top: list[tuple[TocEntry, list[TocEntry]]] = []
    for b_index, block in enumerate(plan.articles[index].blocks):
        element_id = plan.block_ids.get((index, b_index))
        if not isinstance(block, Subheading) or element_id is None:
            continue
        entry = TocEntry(block.text, f"{plan.hrefs[index]}#{element_id}")
        if block.level > 2 and top:
            top[-1][1].append(entry)
        else:
            top.append((entry, []))
    return tuple(TocEntry(e.label, e.href, tuple(kids)) for e, kids in top)


def build_toc(issue: Issue, plan: BookPlan) -> tuple[TocEntry, ...]:
    """本期目录 first, then 版 → articles (articles only when no page is marked), in spine order."""
    edition = issue.meta.edition
    entries = [TocEntry(label("contents", edition), CONTENTS_HREF)]
    articles = [TocEntry(toc_title(a, edition), plan.hrefs[i], _sections(plan, i)) for i, a in enumerate(plan.articles)]
    if not any(p.marked for p in issue.pages):
        return tuple(entries + articles)
    index = 0
    for page in issue.pages:
        children = tuple(articles[index : index + len(page.articles)])
        index += len(page.articles)
        if children:  # a 版 left empty by stitching has no place of its own in reading order
            entries.append(TocEntry(page_heading(page.label, page.name, edition), children[0].href, children))
    return tuple(entries)


def build_landmarks(issue: Issue, plan: BookPlan) -> tuple[tuple[TocEntry, ...], tuple[str, ...]]:
    """Cover, contents and the start of the body, with their ``epub:type`` values."""
    edition = issue.meta.edition
    entries = [TocEntry(label("cover", edition), COVER_HREF), TocEntry(label("contents", edition), CONTENTS_HREF)]
    types = ["cover", "toc"]
    if plan.hrefs:
        # Open on the first news article: a promo is not where the reading starts.
        first = next((i for i, a in enumerate(plan.articles) if a.kind != "promo"), 0)
        entries.append(TocEntry(label("bodymatter", edition), plan.hrefs[first]))
        types.append("bodymatter")
    return tuple(entries), tuple(types)


def _ol(entries: Sequence[TocEntry], depth: int = 0) -> str:
    pad = "  " * depth
    lines = [f"{pad}<ol>\n"]
    for entry in entries:
        link = f'<a href="{attr(relative(NAV_HREF, entry.href))}">{esc(entry.label)}</a>'
        if entry.children:
            lines.append(f"{pad}  <li>{link}\n{_ol(entry.children, depth + 2)}{pad}  </li>\n")
        else:
            lines.append(f"{pad}  <li>{link}</li>\n")
    lines.append(f"{pad}</ol>\n")
    return "".join(lines)


def render_nav(
    issue: Issue,
    toc: Sequence[TocEntry],
    landmarks: Sequence[TocEntry],
    landmark_types: Sequence[str],
    page_list: Sequence[PageTarget],
    *,
    lang: str,
    stylesheets: Sequence[str],
) -> Document:
    """The nav document: visible toc, hidden landmarks and page-list."""
    edition = issue.meta.edition
    title = label("toc", edition)
    parts = [f'<nav epub:type="toc" id="toc" role="doc-toc">\n<h1>{esc(title)}</h1>\n', _ol(toc), "</nav>\n"]
    parts.append(f'<nav epub:type="landmarks" id="landmarks" hidden="hidden">\n<h2>{esc(label("landmarks", edition))}</h2>\n<ol>\n')
    for entry, kind in zip(landmarks, landmark_types):
        href = relative(NAV_HREF, entry.href)
        parts.append(f'  <li><a epub:type="{attr(kind)}" href="{attr(href)}">{esc(entry.label)}</a></li>\n')
    parts.append("</ol>\n</nav>\n")
    if page_list:
        parts.append(
            f'<nav epub:type="page-list" id="page-list" role="doc-pagelist" hidden="hidden">\n'
            f'<h2>{esc(label("page_list", edition))}</h2>\n<ol>\n'
        )
        for target in page_list:
            href = relative(NAV_HREF, target.href)
            parts.append(f'  <li><a href="{attr(href)}">{esc(target.label)}</a></li>\n')
        parts.append("</ol>\n</nav>\n")
    return Document(
        id="nav",
        href=NAV_HREF,
        title=title,
        xhtml=document(title=title, lang=lang, body="".join(parts), stylesheets=stylesheets),
        kind="nav",
        linear=False,
        properties=("nav",),
    )
