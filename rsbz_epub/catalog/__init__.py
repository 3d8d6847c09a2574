"""`rsbz-epub catalog DIR`: OPDS 1.2 (Atom) and OPDS 2.0 (JSON) feeds and a static HTML index over built issues.

The input is the ``manifest.json`` the bundle writes into every issue/edition
folder; nothing else is read and nothing is fetched.  Each manifest is checked
field by field (``records``): a bad one is skipped with its reason, never fatal.
An entry's ``updated`` is when its folder was last written (the manifest's
mtime), so a rebuilt book shows as changed; the same folder always gives the
same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence

from rsbz_epub.catalog import html_index, opds1, opds2
from rsbz_epub.catalog.common import CATALOG_JSON, CATALOG_XML, INDEX_HTML
from rsbz_epub.catalog.records import CatalogIssue, CatalogScan, scan_catalog_dir

__all__ = ["build_catalog", "scan_catalog_dir", "CatalogIssue", "CatalogScan", "CATALOG_XML", "CATALOG_JSON", "INDEX_HTML"]


def build_catalog(issues: Sequence[CatalogIssue]) -> dict[str, bytes]:
    """``catalog.xml`` (OPDS 1.2), ``catalog.json`` (OPDS 2.0) and ``index.html`` for the checked issues."""
    return {
        CATALOG_XML: opds1.build_feed(issues),
        CATALOG_JSON: opds2.build_feed(issues),
        INDEX_HTML: html_index.build_index(issues),
    }
