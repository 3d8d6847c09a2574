"""The OPDS 2.0 feed (JSON, application/opds+json) beside the Atom one: the same issues and files."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from rsbz_epub.catalog.common import (
    ACQUIRE, ACQUISITION_FEED, CATALOG_JSON, CATALOG_XML, FORMAT_LABELS, INDEX_HTML, OPDS2, OPEN_ACCESS,
    entry_id, entry_title, feed_title, feed_updated, href, ordered, position_number, stamp,
)
from rsbz_epub.catalog.records import CatalogIssue


def _publication(doc: CatalogIssue) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "@type": "http://schema.org/PublicationIssue",
        "identifier": entry_id(doc),
        "title": entry_title(doc),
        "modified": stamp(doc.updated),
    }
    if doc.date:
        meta["published"] = doc.date.isoformat()
    if doc.language:
        meta["language"] = doc.language
    if doc.publisher:
        meta["publisher"] = doc.publisher
    if doc.description:
        meta["description"] = doc.description
    position = position_number(doc.series_position)
    if doc.paper:
        series: dict[str, Any] = {"name": doc.paper}
        if position is not None:
            series["position"] = position
        meta["belongsTo"] = {"series": [series]}
    links = [
        {"rel": OPEN_ACCESS, "href": href(doc, f), "type": f.media_type, "title": FORMAT_LABELS[fmt]}
        for fmt in ACQUIRE
        if (f := doc.file(fmt))
    ]
    links.append({"rel": "alternate", "href": f"{INDEX_HTML}#{doc.folder}", "type": "text/html"})
    images = [
        {"href": href(doc, f), "type": f.media_type}
        for f in (doc.file("cover"), doc.file("thumbnail"))
        if f is not None
    ]
    pub: dict[str, Any] = {"metadata": meta, "links": links}
    if images:
        pub["images"] = images
    return pub


def build_feed(issues: Sequence[CatalogIssue]) -> bytes:
    """``catalog.json``: feed metadata, self/alternate links, one publication per issue edition."""
    docs = ordered(issues)
    feed = {
        "metadata": {"title": feed_title(docs), "modified": feed_updated(docs), "numberOfItems": len(docs)},
        "links": [
            {"rel": "self", "href": CATALOG_JSON, "type": OPDS2},
            {"rel": "alternate", "href": CATALOG_XML, "type": ACQUISITION_FEED},
            {"rel": "alternate", "href": INDEX_HTML, "type": "text/html"},
        ],
        "publications": [_publication(d) for d in docs],
    }
    return (json.dumps(feed, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
