"""The PalmDB container: 78-byte header, record list, then the records."""

from __future__ import annotations

import datetime as _dt
import re
import struct
from collections.abc import Sequence

_PALM_EPOCH = _dt.datetime(1904, 1, 1, tzinfo=_dt.timezone.utc)
HEADER_SIZE = 78


def palm_time(when: _dt.datetime) -> int:
    """Seconds since 1904-01-01 (the PalmOS epoch; libmobi recognises it by the top bit)."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=_dt.timezone.utc)
    return int((when - _PALM_EPOCH).total_seconds()) & 0xFFFFFFFF


def palm_name(title: str, fallback: str) -> str:
    """An ASCII database name of at most 31 bytes; readers take the real title from EXTH 503."""
    name = re.sub(r"[^A-Za-z0-9]+", "_", title).strip("_")
    if len(name) < 4:  # a Chinese title leaves nothing useful behind
        name = f"{fallback}_{name}".strip("_") if name else fallback
    return name[:31]


def build_palmdb(name: str, records: Sequence[bytes], modified: _dt.datetime) -> bytes:
    """Pack ``records`` into a BOOKMOBI PalmDB; dates come from ``modified`` for reproducibility."""
    return b"".join(palmdb_parts(name, records, modified))


def palmdb_parts(name: str, records: Sequence[bytes], modified: _dt.datetime) -> list[bytes]:
    """The PalmDB of :func:`build_palmdb` in the pieces that make it, to be written one after another."""
    raw_name = name.encode("ascii")
    if len(raw_name) > 31:
        raise ValueError(f"PalmDB name longer than 31 bytes: {name!r}")
    count = len(records)
    stamp = palm_time(modified)
    header = struct.pack(
        ">32sHHIIIIII4s4sIIH",
        raw_name,  # NUL-padded by struct
        0,  # attributes
        0,  # version
        stamp,  # created
        stamp,  # modified
        0,  # backed up
        0,  # modification number
        0,  # appInfo
        0,  # sortInfo
        b"BOOK",
        b"MOBI",
        2 * count - 1,  # unique-ID seed: one past the last record UID, as calibre writes
        0,  # next record list
        count,
    )
    offset = HEADER_SIZE + 8 * count + 2  # the two-byte gap after the list
    entries = bytearray()
    for i, record in enumerate(records):
        # u32 offset, u8 attributes (0), u24 unique id (2·i)
        entries += struct.pack(">II", offset, (2 * i) & 0xFFFFFF)
        offset += len(record)
    return [header, bytes(entries), b"\0\0", *records]


def read_records(data: bytes) -> list[bytes]:
    """Split a PalmDB back into its records (for tests and self-checks)."""
    count = struct.unpack_from(">H", data, 76)[0]
    offsets = [struct.unpack_from(">I", data, HEADER_SIZE + 8 * i)[0] for i in range(count)]
    offsets.append(len(data))
    return [data[offsets[i] : offsets[i + 1]] for i in range(count)]
