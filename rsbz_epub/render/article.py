"""One article as one XHTML document: ``<article>`` with a ``<header>`` and its blocks."""

from __future__ import annotations

from collections.abc import Sequence

from rsbz_epub.model import Article, Aside, Block, Caption, PageBreak, PageJump, Paragraph, Subheading
from rsbz_epub.render.book import Document
from rsbz_epub.render.labels import label, page_name
from rsbz_epub.render.markup import attr, document, esc, inline, pagebreak
from rsbz_epub.render.plan import BookPlan


def render_article(
    plan: BookPlan,
    index: int,
    *,
    lang: str,
    edition: str,
    latin_name: str | None,
    stylesheets: Sequence[str],
) -> Document:
    """The document for ``plan.articles[index]``; nothing of its text is left out."""
    article = plan.articles[index]
    parts: list[str] = [f'<article class="{article.kind}">\n']
    start = plan.page_starts.get(index)
    if start is not None:
        # The 版 begins with this article, so its marker precedes the header.
        parts.append(pagebreak(start.id, page_name(start.label, edition)) + "\n")
    parts.append(header_html(article, latin_name))
    for b_index, block in enumerate(article.blocks):
        parts.append(block_html(plan, index, b_index, block, edition, latin_name))
    parts.append("</article>\n")
    return Document(
        id=plan.doc_ids[index],
        href=plan.hrefs[index],
        title=article.title,
        xhtml=document(
            title=article.title,
            lang=lang,
            body="".join(parts),
            stylesheets=stylesheets,
            body_type="bodymatter",
        ),
        kind="article",
    )


def header_html(article: Article, latin_name: str | None) -> str:
    """The article's ``<header>``: kicker, ``h1`` title, subtitle, byline."""
    lines = ["<header>\n"]
    if article.kicker:
        lines.append(f'<p class="kicker">{inline(article.kicker, latin_name)}</p>\n')
    lines.append(f"<h1>{inline(article.title, latin_name)}</h1>\n")
    if article.subtitle:
        lines.append(f'<p class="subtitle">{inline(article.subtitle, latin_name)}</p>\n')
    if article.byline:
        lines.append(f'<p class="byline">{inline(article.byline, latin_name)}</p>\n')
    lines.append("</header>\n")
    return "".join(lines)


def block_html(plan: BookPlan, index: int, b_index: int, block: Block, edition: str, latin: str | None) -> str:
    """One body block of ``plan.articles[index]`` (the book and the proof page share it)."""
    match block:
        case Paragraph(text=text):
            return f"<p>{inline(text, latin)}</p>\n"
        case Subheading(text=text, level=level):
            tag = f"h{min(max(level, 2), 6)}"
            element_id = plan.block_ids.get((index, b_index))
            id_attr = f' id="{attr(element_id)}"' if element_id else ""
            return f"<{tag}{id_attr}>{inline(text, latin)}</{tag}>\n"
        case Caption(text=text):
            return f'<p class="caption">{inline(text, latin)}</p>\n'
        case Aside():
            return _aside(block, latin)
        case PageJump():
            return _jump(plan, index, b_index, block, edition)
        case PageBreak(label=page):
            return pagebreak(plan.block_ids[(index, b_index)], page_name(page, edition)) + "\n"
    raise TypeError(f"unknown block type {type(block).__name__}")


def _aside(block: Aside, latin: str | None) -> str:
    lines = [f'<aside class="{block.kind}">\n']
    if block.title:
        lines.append(f'<h2 class="aside-title">{inline(block.title, latin)}</h2>\n')
    lines.extend(f"<p>{inline(p, latin)}</p>\n" for p in block.paragraphs)
    lines.append("</aside>\n")
    return "".join(lines)


def _jump(plan: BookPlan, index: int, b_index: int, block: PageJump, edition: str) -> str:
    """A visible jump note; with a target in the book, a link to the other half."""
    direction = "on" if block.direction == "continued-on" else "from"
    element_id = plan.block_ids[(index, b_index)]
    page = page_name(block.page, edition)
    link = plan.jump_link(index, block)
    if link is None:
        note = esc(label(f"jump_{direction}_missing", edition).format(page=page))
    else:
        note = f'<a href="{attr(link)}">{esc(label(f"jump_{direction}", edition).format(page=page))}</a>'
    return f'<p class="jump jump-{direction}" id="{element_id}">{note}</p>\n'
