"""An issue folder's manifest.json: the edition, what it was built from (input hash, options, tool version),
its metadata, and every file's size and SHA-256 — what ingest scripts and catalogs read."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from rsbz_epub.identity import asin, book_identifier, series_position
from rsbz_epub.incremental import GENERATOR
from rsbz_epub.model import Issue
from rsbz_epub.options import EDITIONS

if TYPE_CHECKING:
    from rsbz_epub.bundle import OutputFile


def manifest_json(issue: Issue, folder: str, files: list[OutputFile], record: dict[str, object] | None = None) -> bytes:
    """The folder's manifest: edition, what it was built from, metadata, every file's size and SHA-256."""
    from rsbz_epub.render.metadata import book_title, description

    meta = issue.meta
    record = record or {}
    doc = {
        "generator": GENERATOR,
        "input": record.get("input"),
        "options": record.get("options"),
        "folder": folder,
        "edition": meta.edition,
        "metadata": {
            "identifier": book_identifier(meta),
            "asin": asin(meta),
            "title": book_title(issue),
            "paper": meta.paper,
            "paper_latin": meta.paper_latin,
            "date": meta.date.isoformat() if meta.date else None,
            "issue_number": meta.issue_number,
            "total_issue_number": meta.total_issue_number,
            "series_position": series_position(meta),
            "language": meta.language,
            "kindle_language": EDITIONS[meta.edition][2],
            "publisher": meta.publisher,
            "issn": meta.issn,
            "pages": [p.label for p in issue.pages],
            "articles": [a.title for a in issue.articles()],
            "description": description(issue),
        },
        "files": [
            {
                "name": f.name,
                "format": f.format,
                "media_type": f.media_type,
                "size": f.size,
                "sha256": f.sha256,
            }
            for f in files
        ],
    }
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
