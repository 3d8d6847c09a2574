"""What the OPDS feeds and the HTML index share: order, names, links, labels."""

from __future__ import annotations

import datetime as _dt
import uuid
from collections.abc import Iterable, Sequence
from urllib.parse import quote

from rsbz_epub.catalog.records import CatalogFile, CatalogIssue
from rsbz_epub.options import EDITIONS

CATALOG_XML = "catalog.xml"
CATALOG_JSON = "catalog.json"
INDEX_HTML = "index.html"
ACQUISITION_FEED = "application/atom+xml;profile=opds-catalog;kind=acquisition"
OPDS2 = "application/opds+json"
OPEN_ACCESS = "http://opds-spec.org/acquisition/open-access"
IMAGE = "http://opds-spec.org/image"
THUMBNAIL = "http://opds-spec.org/image/thumbnail"
FEED_NAMESPACE = uuid.UUID("6f1c3c1e-4b0e-5d4a-9a57-72737a2d6571")  # catalog feed ids

#: Book formats offered for download, in link order: the library EPUB first (what
#: reading apps take when they pick one EPUB), then the Send-to-Kindle EPUB (titled,
#: so an app that lists them can tell the two apart), Kobo, and the AZW3.
ACQUIRE = ("epub", "kindle", "kepub", "azw3")
FORMAT_LABELS = {
    "epub": "EPUB",
    "kindle": "Kindle EPUB（Send to Kindle）",
    "azw3": "AZW3",
    "kepub": "Kobo KEPUB",
    "apnx": "APNX 页码",
    "cover": "封面",
    "thumbnail": "Kindle 缩略图",
}
#: Edition names without brackets, so a title carries its edition once and readably.
EDITION_LABELS = {"hans": "简体", "hant": "繁體", "tw": "繁體·台灣", "hk": "繁體·香港", "twp": "繁體·台灣用語"}


def ordered(issues: Iterable[CatalogIssue]) -> list[CatalogIssue]:
    """Newest first, then by issue number (descending), then editions in EDITIONS order."""
    editions = list(EDITIONS)

    def key(doc: CatalogIssue) -> tuple[object, ...]:
        day = doc.date or _dt.date.min
        number = doc.issue_number if doc.issue_number is not None else -1
        order = editions.index(doc.edition) if doc.edition in editions else len(editions)
        return (-day.toordinal(), -number, order, doc.folder)

    return sorted(issues, key=key)


def href(doc: CatalogIssue, f: CatalogFile) -> str:
    """Relative link ``<folder>/<file>``, percent-encoded."""
    return quote(f"{doc.folder}/{f.name}")


def edition_label(doc: CatalogIssue) -> str:
    return EDITION_LABELS.get(doc.edition, doc.edition)


def entry_title(doc: CatalogIssue) -> str:
    """The title in a feed (no edition column there): the edition named once, after the title."""
    return doc.title if doc.edition == "hans" else f"{doc.title} · {edition_label(doc)}"


def papers(docs: Sequence[CatalogIssue]) -> list[str]:
    """The paper names for the feed title: the originals' (Simplified) names when there are any."""
    names = {d.paper for d in docs if d.edition == "hans"} - {""}
    return sorted(names or {d.paper for d in docs} - {""})


def feed_title(docs: Sequence[CatalogIssue]) -> str:
    return "、".join(papers(docs)) or "rsbz-epub"


def feed_id(docs: Sequence[CatalogIssue]) -> str:
    return f"urn:uuid:{uuid.uuid5(FEED_NAMESPACE, 'catalog:' + '|'.join(papers(docs)))}"


def entry_id(doc: CatalogIssue) -> str:
    return doc.identifier or f"urn:uuid:{uuid.uuid5(FEED_NAMESPACE, doc.folder)}"


def stamp(when: _dt.datetime) -> str:
    """RFC 3339 in UTC, to the second."""
    return when.astimezone(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def feed_updated(docs: Sequence[CatalogIssue]) -> str:
    """The feed changes whenever one of its entries does."""
    return stamp(max((d.updated for d in docs), default=_dt.datetime(1980, 1, 1, tzinfo=_dt.timezone.utc)))


def position_number(position: str | None) -> int | float | None:
    """``"9877"`` → 9877, ``"2024.062"`` → 2024.062 (what series positions are in JSON)."""
    if position is None:
        return None
    try:
        return int(position)
    except ValueError:
        try:
            return float(position)
        except ValueError:
            return None
