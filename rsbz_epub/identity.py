"""Stable names and identifiers derived from publication + issue + edition.

Nothing here reads the clock or a random source: the same issue always gets
the same folder name, urn:uuid and Kindle ASIN, so rebuilds are reproducible
and libraries can rely on the identifier.
"""

from __future__ import annotations

import datetime as _dt
import os
import uuid

from rsbz_epub.model import IssueMeta
from rsbz_epub.options import EDITIONS

_NAMESPACE = uuid.UUID("6f1c3c1e-4b0e-5d4a-9a57-72737a2d6570")  # fixed for rsbz-epub


def paper_slug(paper: str) -> str:
    """Folder prefix for a paper without a config: its pinyin initials (中国气象报 → zgqxb)."""
    from pypinyin import Style, lazy_pinyin

    letters = "".join(lazy_pinyin(paper, style=Style.FIRST_LETTER, errors="default")).lower()
    return "".join(c for c in letters if c.isascii() and c.isalnum())[:16] or "paper"


def issue_key(meta: IssueMeta) -> str:
    """The text every identifier is derived from, e.g. ``rsbz:2021-10-21:40``."""
    date = meta.date.isoformat() if meta.date else "undated"
    number = meta.issue_number if meta.issue_number is not None else "x"
    key = f"{meta.publication_slug}:{date}:{number}"
    return f"{key}:{meta.source_digest}" if meta.source_digest and not meta.date else key


def book_uuid(meta: IssueMeta) -> uuid.UUID:
    """A UUIDv5 stable per publication + issue + edition."""
    return uuid.uuid5(_NAMESPACE, f"{issue_key(meta)}:{meta.edition}")


def book_identifier(meta: IssueMeta) -> str:
    """``dc:identifier`` value, ``urn:uuid:…``."""
    return f"urn:uuid:{book_uuid(meta)}"


def asin(meta: IssueMeta) -> str:
    """The Kindle ASIN-like id (EXTH 113, thumbnail name): the book UUID's hex."""
    return book_uuid(meta).hex.upper()


def folder_name(meta: IssueMeta) -> str:
    """Folder and file stem, e.g. ``rsbz-2021-040`` or ``rsbz-2021-040-hant-tw``."""
    year = meta.date.year if meta.date else "undated"
    number = f"{meta.issue_number:03d}" if meta.issue_number is not None else (
        meta.date.strftime("%m%d") if meta.date else "000"
    )
    if meta.date is None and meta.source_digest:
        # undated: the input's hash tells issues apart (rsbz-undated-040-1a2b3c4d)
        number = f"{number}-{meta.source_digest}" if meta.issue_number is not None else meta.source_digest
    return f"{meta.publication_slug}-{year}-{number}{EDITIONS[meta.edition][3]}"


def series_position(meta: IssueMeta) -> str | None:
    """The issue's place in the paper's whole run, for series metadata (group-position, calibre, OPDS).

    The yearly 第N期 restarts every January, so two years of a daily would collide
    (2024 #62 and 2025 #62).  The total issue number (总第N期) never restarts; when
    the masthead prints none, ``2024.062`` (year, then the yearly number in three
    digits) still sorts and stays unique across years.
    """
    return position_of(meta.total_issue_number, meta.date, meta.issue_number)


def position_of(total: int | None, date: _dt.date | None, number: int | None) -> str | None:
    """:func:`series_position` from its three parts (the catalog reads them from older manifests)."""
    if total is not None:
        return str(total)
    if number is None:
        return None
    if date is None:
        return str(number)
    return f"{date.year}.{number:03d}"


def build_time(meta: IssueMeta, source_date_epoch: int | None = None) -> _dt.datetime:
    """The build timestamp (UTC): explicit value, else ``SOURCE_DATE_EPOCH``, else the issue date."""
    if source_date_epoch is None:
        source_date_epoch = source_date_epoch_from_env()
    if source_date_epoch is not None:
        return _dt.datetime.fromtimestamp(source_date_epoch, tz=_dt.timezone.utc)
    day = meta.date or _dt.date(1980, 1, 1)
    return _dt.datetime(day.year, day.month, day.day, tzinfo=_dt.timezone.utc)


#: The latest time a zip entry and dcterms:modified can hold (9999-12-31T23:59:59Z).
MAX_EPOCH = 253402300799


def source_date_epoch_from_env() -> int | None:
    """``SOURCE_DATE_EPOCH`` as an int, None when unset; ValueError when not a time we can write."""
    env = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not env:
        return None
    if not env.isdigit() or int(env) > MAX_EPOCH:
        raise ValueError(f"SOURCE_DATE_EPOCH={env[:40]!r} is not a number of seconds between 1970 and 9999")
    return int(env)
