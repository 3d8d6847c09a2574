"""The book's metadata record (OPF / EXTH), derived from the issue and the publication."""

from __future__ import annotations

import datetime as _dt

from rsbz_epub.identity import book_identifier, series_position
from rsbz_epub.model import Issue, PageBreak, PageJump
from rsbz_epub.options import EDITIONS, Publication
from rsbz_epub.render.book import BookMetadata
from rsbz_epub.render.labels import convert, dateline, edition_name, label


def book_title(issue: Issue) -> str:
    """``人力资源社会保障 2021年10月21日 第40期``."""
    meta = issue.meta
    line = dateline(meta.date, meta.issue_number, meta.edition, meta.total_issue_number)
    return f"{meta.paper} {line}" if line else meta.paper


def description(issue: Issue) -> str:
    """``本期文章：标题一；标题二。`` — every article title in reading order."""
    edition = issue.meta.edition
    # Promos are not articles: a library record lists what the issue reports.
    titles = label("description_sep", edition).join(a.title for a in issue.articles() if a.kind != "promo")
    return label("description", edition).format(titles=titles) if titles else book_title(issue)


def accessibility_summary(issue: Issue, *, has_page_list: bool, vertical: bool) -> str:
    """A plain-language summary: page navigation, order of continued articles, conversion."""
    meta = issue.meta
    edition = meta.edition
    blocks = [b for a in issue.articles() for b in a.blocks]
    jumps = [b for b in blocks if isinstance(b, PageJump)]
    sentences = [
        label("a11y_base", edition).format(
            paper=meta.paper, dateline=dateline(meta.date, meta.issue_number, edition)
        ),
        label("a11y_pages" if has_page_list else "a11y_flat", edition),
    ]
    if any(isinstance(b, PageBreak) for b in blocks):
        sentences.append(label("a11y_stitched", edition))
    if any(j.target is not None for j in jumps):
        sentences.append(label("a11y_linked", edition))
    if any(j.target is None for j in jumps):
        sentences.append(label("a11y_missing", edition))
    config = EDITIONS[edition][0]
    if config:
        sentences.append(label("a11y_converted", edition).format(config=config))
    if vertical:
        sentences.append(label("a11y_vertical", edition))
    # What was checked and by what, instead of a conformance claim nobody certified.
    sentences.append(label("a11y_checked", edition))
    return "".join(sentences)


def book_metadata(
    issue: Issue,
    *,
    publication: Publication,
    language: str,
    build_time: _dt.datetime,
    has_page_list: bool,
    vertical: bool,
) -> BookMetadata:
    """Every field of :class:`BookMetadata`, filled."""
    meta = issue.meta
    edition = meta.edition
    config = EDITIONS[edition][0]
    # The reader copies the publisher into the IR (where transforms convert it);
    # the config value is only a fallback, so convert it here to match the edition.
    publisher = meta.publisher or convert(publication.fallback(meta.publication_slug, publication.publisher), edition)
    note = (
        label("edition_note", edition).format(config=config, edition=edition_name(edition)) if config else None
    )
    return BookMetadata(
        identifier=book_identifier(meta),
        title=book_title(issue),
        language=language,
        date=meta.date,
        modified=build_time.astimezone(_dt.timezone.utc),
        publisher=publisher,
        source=label("source", edition).format(title=book_title(issue)),
        description=description(issue),
        series=meta.paper,
        series_index=series_position(meta),
        issn=meta.issn or publication.issn,
        creator=publisher,
        edition=edition,
        edition_note=note,
        accessibility_summary=accessibility_summary(issue, has_page_list=has_page_list, vertical=vertical),
        vertical=vertical,
    )
