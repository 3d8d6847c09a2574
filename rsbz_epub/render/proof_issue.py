"""The proof page's right side: the issue as the reader will see it, 版 → articles.

Articles are rendered by the book's own article renderer (``header_html``/``block_html``),
so what staff proof is what subscribers read; each part carries ``data-l``, the input
line it came from, which is how a click on either side finds the other.
"""

from __future__ import annotations

import re

from rsbz_epub.model import Issue, Paragraph
from rsbz_epub.render.article import block_html, header_html
from rsbz_epub.render.contents import page_heading
from rsbz_epub.render.labels import dateline
from rsbz_epub.render.markup import attr, esc
from rsbz_epub.render.plan import BookPlan, plan_book

#: Characters per line of the right side, for its height estimate.
ROW_CHARS = 38
_FIRST_TAG = re.compile(r"^<([a-z0-9]+)")
# Jump links of --keep-print-order point at other XHTML files of the book; here
# every article is on one page, so they become in-page anchors.
_BOOK_HREF = re.compile(r'href="(?:[^"#]*/)?([A-Za-z0-9_-]+)\.xhtml(?:#([^"]*))?"')


def _with_line(html: str, line: int) -> str:
    """Add ``data-l`` to the first element of a rendered part."""
    return _FIRST_TAG.sub(lambda m: f'<{m.group(1)} data-l="{line}"', html, count=1)


def _in_page(html: str) -> str:
    return _BOOK_HREF.sub(lambda m: f'href="#{m.group(2) or m.group(1)}"', html)


def _article(plan: BookPlan, index: int, edition: str, latin: str | None) -> str:
    art = plan.articles[index]
    parts = [f'<article class="{attr(art.kind)}" id="{plan.doc_ids[index]}">\n']
    parts.append(_with_line(header_html(art, latin), art.line))
    for b_index, block in enumerate(art.blocks):
        parts.append(_with_line(block_html(plan, index, b_index, block, edition, latin), block.line))
    parts.append("</article>\n")
    return _in_page("".join(parts))


def issue_html(issue: Issue) -> str:
    """The rendered issue: a heading per 版 and its articles with the book's markup."""
    meta = issue.meta
    plan = plan_book(issue)
    edition = meta.edition
    out = [
        f'<p class="proof-masthead" data-l="{min(meta.source_lines, default=1)}">'
        f"<b>{esc(meta.paper)}</b> {esc(dateline(meta.date, meta.issue_number, edition))}</p>\n"
    ]
    index = 0
    for page in issue.pages:
        heading = page_heading(page.label, page.name, edition)
        # Laid out only when on screen (see proof.css); the estimate keeps the scroll bar honest.
        chars = sum(len(b.text) if isinstance(b, Paragraph) else 40 for a in page.articles for b in a.blocks)
        out.append(
            f'<section class="proof-page" data-page="{attr(page.label)}" aria-label="{attr(heading)}"'
            f' style="contain-intrinsic-size:auto {chars / ROW_CHARS * 1.7 + 8 * len(page.articles):.0f}em">\n'
            f'<h2 class="proof-page-h" data-l="{page.line}">{esc(heading)}</h2>\n'
        )
        for _ in page.articles:
            out.append(_article(plan, index, edition, meta.paper_latin))
            index += 1
        out.append("</section>\n")
    return "".join(out)
