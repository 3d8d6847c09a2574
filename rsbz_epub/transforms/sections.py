"""Section levels from the Chinese numbering hierarchy: 一、 > （一） > 1. > （1）.

The reader marks numbered subheadings but not their depth; a speech numbered
一、…（一）…1.… read as one flat run of ``h2`` loses its outline.  Each article's
numbering styles, in hierarchy order, become levels 2, 3, 4 … (``h2``, ``h3``,
``h4``): an article numbered only with 1. gets ``h2`` for those.
"""

from __future__ import annotations

from dataclasses import replace

from rsbz_epub import regex_cache
from rsbz_epub.model import Article, Issue, Subheading

_CN = "一二三四五六七八九十百零〇"
#: Numbering styles in hierarchy order (Traditional text uses the same marks).
_STYLES = (
    regex_cache.compile(rf"^[{_CN}]+\s*[、，,．.]"),  # 一、
    regex_cache.compile(rf"^[（(]\s*[{_CN}]+\s*[）)]"),  # （一）
    regex_cache.compile(r"^[0-9０-９]+\s*(?:[、，,．]|\.(?![0-9]))"),  # 1. / 1、
    regex_cache.compile(r"^[（(]\s*[0-9０-９]+\s*[）)]"),  # （1）
)


def numbering_rank(text: str) -> int | None:
    """0 for 一、, 1 for （一）, 2 for 1., 3 for （1）; None when the heading is not numbered."""
    stripped = text.lstrip()
    return next((rank for rank, style in enumerate(_STYLES) if style.match(stripped)), None)


def _article_levels(article: Article) -> Article:
    heads = [b for b in article.blocks if isinstance(b, Subheading)]
    ranks = sorted({r for r in (numbering_rank(h.text) for h in heads) if r is not None})
    if not heads or len(ranks) <= 1 and all(h.level == 2 for h in heads):
        return article
    level_of = {rank: 2 + i for i, rank in enumerate(ranks)}

    def level(block: Subheading) -> int:
        rank = numbering_rank(block.text)
        return level_of[rank] if rank is not None else 2  # an unnumbered (forced) head stays at the top

    blocks = tuple(replace(b, level=level(b)) if isinstance(b, Subheading) else b for b in article.blocks)
    return replace(article, blocks=blocks)


def section_levels(issue: Issue) -> Issue:
    """Every subheading's level from its numbering style, article by article."""
    pages = tuple(replace(p, articles=tuple(_article_levels(a) for a in p.articles)) for p in issue.pages)
    return replace(issue, pages=pages)
