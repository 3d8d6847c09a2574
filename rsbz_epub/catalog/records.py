"""Reading issue folders for the catalog: every ``*/manifest.json``, checked field by field.

A manifest is data from disk, written by any version of the bundle or edited by
hand, so nothing in it is trusted: one with a wrong-typed field (a ``files``
entry that is not an object, an integer ``date``, a list ``title``, an infinite
``size``, a NUL in ``description``…) is skipped with its reason, and the other
issues are still catalogued.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rsbz_epub.errors import InputError
from rsbz_epub.identity import position_of

# XML 1.0 cannot carry these; a feed with one would be unreadable.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TEXT_FIELDS = ("title", "paper", "language", "identifier", "publisher", "description", "series_position")


class ManifestError(ValueError):
    """Why a manifest cannot be catalogued."""


@dataclass(frozen=True)
class CatalogFile:
    """One file of an issue folder as its manifest lists it."""

    name: str
    format: str
    media_type: str
    size: int


@dataclass(frozen=True)
class CatalogIssue:
    """One issue edition, checked: everything the feeds and the index show."""

    folder: str  # relative to the catalog folder, POSIX
    edition: str
    title: str
    paper: str
    date: _dt.date | None
    issue_number: int | None
    total_issue_number: int | None
    series_position: str | None
    language: str | None
    identifier: str | None
    publisher: str | None
    description: str | None
    files: tuple[CatalogFile, ...]
    updated: _dt.datetime  # when the folder was last written (its manifest's mtime), UTC

    def file(self, fmt: str) -> CatalogFile | None:
        """The first file of a format."""
        return next((f for f in self.files if f.format == fmt), None)


@dataclass(frozen=True)
class CatalogScan:
    """The issues found, and the manifests skipped with their reasons."""

    issues: tuple[CatalogIssue, ...]
    skipped: tuple[tuple[str, str], ...]  # (manifest path, reason)


def _text(value: Any, where: str, *, required: bool = False) -> str | None:
    if value is None and not required:
        return None
    if not isinstance(value, str) or (required and not value):
        raise ManifestError(f"{where} is not a string")
    if _XML_ILLEGAL.search(value):
        raise ManifestError(f"{where} holds a control character (e.g. NUL)")
    return value


def _int(value: Any, where: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ManifestError(f"{where} is not an integer")
    return value


def _file(entry: Any, n: int) -> CatalogFile:
    if not isinstance(entry, dict):
        raise ManifestError(f"files[{n}] is not an object")
    name = _text(entry.get("name"), f"files[{n}].name", required=True)
    assert name is not None
    if "/" in name or "\\" in name or name in (".", ".."):
        raise ManifestError(f"files[{n}].name is not a plain file name")
    size = entry.get("size", 0)
    if isinstance(size, bool) or not isinstance(size, int) or size < 0:  # a float (1e400 is inf) is not a count
        raise ManifestError(f"files[{n}].size is not a byte count")
    fmt = _text(entry.get("format"), f"files[{n}].format", required=True)
    media = _text(entry.get("media_type", "application/octet-stream"), f"files[{n}].media_type", required=True)
    return CatalogFile(name, fmt or "", media or "", size)


def parse_manifest(doc: Any, folder: str, updated: _dt.datetime) -> CatalogIssue:
    """A checked :class:`CatalogIssue`, or :class:`ManifestError` naming the first bad field."""
    if not isinstance(doc, dict):
        raise ManifestError("not a JSON object")
    meta, files = doc.get("metadata"), doc.get("files")
    if not isinstance(meta, dict):
        raise ManifestError("metadata is missing or not an object")
    if not isinstance(files, list):
        raise ManifestError("files is missing or not a list")
    text = {key: _text(meta.get(key), f"metadata.{key}") for key in _TEXT_FIELDS}
    raw_date = _text(meta.get("date"), "metadata.date")
    try:
        date = _dt.date.fromisoformat(raw_date) if raw_date else None
    except ValueError:
        raise ManifestError("metadata.date is not a YYYY-MM-DD date") from None
    number = _int(meta.get("issue_number"), "metadata.issue_number")
    total = _int(meta.get("total_issue_number"), "metadata.total_issue_number")
    edition = _text(doc.get("edition", "hans"), "edition", required=True) or "hans"
    paper = text["paper"] or ""
    return CatalogIssue(
        folder=folder,
        edition=edition,
        title=text["title"] or paper or folder,
        paper=paper,
        date=date,
        issue_number=number,
        total_issue_number=total,
        series_position=text["series_position"] or position_of(total, date, number),
        language=text["language"],
        identifier=text["identifier"],
        publisher=text["publisher"],
        description=text["description"],
        files=tuple(_file(entry, n) for n, entry in enumerate(files)),
        updated=updated,
    )


def scan_catalog_dir(path: Path | str) -> CatalogScan:
    """Every ``*/manifest.json`` below ``path`` (hidden temp folders skipped), sorted by folder."""
    root = Path(path)
    if not root.is_dir():
        raise InputError("not a folder of built issues", path=str(root), hint="give the -o folder of `rsbz-epub build`")
    issues: list[CatalogIssue] = []
    skipped: list[tuple[str, str]] = []
    for file in sorted(root.rglob("manifest.json")):
        rel = file.parent.relative_to(root)
        if not rel.parts or any(part.startswith(".") for part in rel.parts):
            continue
        try:
            # parse_constant: NaN/Infinity are not JSON; refuse them like any other bad value.
            doc = json.loads(file.read_text(encoding="utf-8"), parse_constant=_no_constant)
            mtime = _dt.datetime.fromtimestamp(int(file.stat().st_mtime), tz=_dt.timezone.utc)
            issues.append(parse_manifest(doc, rel.as_posix(), mtime))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, ManifestError, RecursionError) as exc:
            skipped.append((str(file), str(exc) if isinstance(exc, ManifestError) else f"unreadable ({exc})"))
    return CatalogScan(tuple(issues), tuple(skipped))


def _no_constant(name: str) -> Any:
    raise ManifestError(f"{name} is not a JSON value")
