"""Promos last on their 版: a book opens on the news, not on an advertisement."""

from __future__ import annotations

from dataclasses import replace

from rsbz_epub.model import Issue


def promos_last(issue: Issue) -> Issue:
    """Move every promo after the news of its 版 (a stable reorder; nothing else changes).

    The print page often opens with a boxed notice (an account to follow, a
    hotline); in reading order, the contents and the start position that would
    greet the reader before any article.
    """
    pages = tuple(
        replace(page, articles=tuple(sorted(page.articles, key=lambda a: a.kind == "promo")))
        for page in issue.pages
    )
    return replace(issue, pages=pages)
