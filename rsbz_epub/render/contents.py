"""The front matter: the cover page and the issue contents page (本期目录)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rsbz_epub.model import Article, Aside, Issue, Paragraph
from rsbz_epub.render.book import Document
from rsbz_epub.render.labels import dateline, edition_name, label, page_name
from rsbz_epub.render.markup import PINYIN_LANG, attr, document, esc, inline, lang_attrs
from rsbz_epub.render.plan import CONTENTS_HREF, COVER_HREF, COVER_IMAGE_HREF, BookPlan, relative

#: Longest first sentence shown on the contents page; the article itself is never cut.
LEDE_MAX = 100

# A sentence ends at 。！？ (or …… / half-width !?) plus any closing quotes/brackets.
_SENTENCE = re.compile(r".+?(?:[。！？!?]|……)[”’」』）)》〉\]]*", re.S)


def first_sentence(article: Article) -> str:
    """The article's opening sentence (shortened past ``LEDE_MAX`` characters), or ''."""
    text = ""
    for block in article.blocks:
        if isinstance(block, Paragraph) and block.text.strip():
            text = block.text.strip()
            break
        if isinstance(block, Aside) and block.paragraphs:
            text = block.paragraphs[0].strip()
            break
    match = _SENTENCE.match(text)
    sentence = match.group(0) if match else text
    return sentence if len(sentence) <= LEDE_MAX else sentence[: LEDE_MAX - 1] + "…"


def page_heading(label_: str, name: str | None, edition: str) -> str:
    """``第1版 要闻`` — the 版 number and, when printed, the page name."""
    return f"{page_name(label_, edition)} {name}" if name else page_name(label_, edition)


def cover_text(issue: Issue) -> str:
    """What the cover image says, for its alt text (paper, date, issue, edition)."""
    meta = issue.meta
    parts = [meta.paper, dateline(meta.date, meta.issue_number, meta.edition), edition_name(meta.edition)]
    return "，".join(p for p in parts if p)


def render_cover(issue: Issue, *, lang: str, stylesheets: Sequence[str]) -> Document:
    """The cover page: just the cover image, with alt text that says what it shows."""
    edition = issue.meta.edition
    alt = label("cover_alt", edition).format(text=cover_text(issue))
    src = relative(COVER_HREF, COVER_IMAGE_HREF)
    body = (
        '<div class="cover">\n'
        f'<img class="cover" epub:type="cover" role="doc-cover" src="{attr(src)}" alt="{attr(alt)}"/>\n'
        "</div>\n"
    )
    title = label("cover", edition)
    return Document(
        id="cover",
        href=COVER_HREF,
        title=title,
        xhtml=document(title=title, lang=lang, body=body, stylesheets=stylesheets, body_type="frontmatter", body_class="cover"),
        kind="cover",
    )


def _masthead(issue: Issue) -> str:
    meta = issue.meta
    lines = ['<header class="masthead">\n', f'<p class="paper">{esc(meta.paper)}</p>\n']
    if meta.paper_latin:
        lines.append(f'<p class="paper-latin" {lang_attrs(PINYIN_LANG)}>{esc(meta.paper_latin)}</p>\n')
    line = dateline(meta.date, meta.issue_number, meta.edition, meta.total_issue_number)
    if line:
        lines.append(f'<p class="dateline">{esc(line)}</p>\n')
    lines.append("</header>\n")
    return "".join(lines)


def _entries(plan: BookPlan, indexes: Sequence[int], latin: str | None, edition: str) -> str:
    lines = ['<ol class="contents-list">\n']
    for i in indexes:
        article = plan.articles[i]
        href = relative(CONTENTS_HREF, plan.hrefs[i])
        lines.append(f'<li class="{article.kind}">\n')
        mark = f'<span class="promo-mark">{esc(label("promo_mark", edition))}</span>' if article.kind == "promo" else ""
        lines.append(f'<p class="contents-title"><a href="{attr(href)}">{inline(article.title, latin)}</a>{mark}</p>\n')
        # A promo gets no lede: the contents summarise what the issue reports.
        lede = first_sentence(article) if article.kind != "promo" else ""
        if lede:
            lines.append(f'<p class="lede">{inline(lede, latin)}</p>\n')
        lines.append("</li>\n")
    lines.append("</ol>\n")
    return "".join(lines)


def render_contents(issue: Issue, plan: BookPlan, *, lang: str, stylesheets: Sequence[str]) -> Document:
    """本期目录: articles grouped by 版 (one flat list when no page is marked)."""
    edition = issue.meta.edition
    latin = issue.meta.paper_latin
    title = label("contents", edition)
    body = [
        '<section class="contents" epub:type="toc" role="doc-toc" aria-labelledby="contents-title">\n',
        _masthead(issue),
        f'<h1 id="contents-title">{esc(title)}</h1>\n',
    ]
    if any(p.marked for p in issue.pages):
        index = 0
        for page in issue.pages:
            indexes = range(index, index + len(page.articles))
            index += len(page.articles)
            if not indexes:
                continue  # a 版 whose text was all stitched into earlier articles
            body.append('<section class="contents-page">\n')
            body.append(f"<h2>{inline(page_heading(page.label, page.name, edition), latin)}</h2>\n")
            body.append(_entries(plan, indexes, latin, edition))
            body.append("</section>\n")
    elif plan.articles:
        body.append(_entries(plan, range(len(plan.articles)), latin, edition))
    body.append("</section>\n")
    return Document(
        id="contents",
        href=CONTENTS_HREF,
        title=title,
        xhtml=document(title=title, lang=lang, body="".join(body), stylesheets=stylesheets, body_type="frontmatter"),
        kind="contents",
    )
