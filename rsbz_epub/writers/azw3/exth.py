"""EXTH: the metadata records of record 0 (title, language, ASIN, cover, KF8 fields)."""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass

from ...render.book import BookMetadata
from .codec import base32

TOOL_NAME = "rsbz-epub"


@dataclass(frozen=True)
class KindleFacts:
    """EXTH values that come from the layout rather than the metadata."""

    asin: str
    language: str  # the Kindle tag: zh-CN, zh-TW, zh-HK
    start_offset: int | None  # flow-0 offset of the start document's <body
    resource_count: int  # image records (cover and thumbnail included)
    cover_offset: int | None  # 0-based, from the first resource record
    thumbnail_offset: int | None


def _text(kind: int, value: str) -> tuple[int, bytes]:
    return kind, value.encode("utf-8")


def _number(kind: int, value: int) -> tuple[int, bytes]:
    return kind, struct.pack(">I", value)


def exth_records(meta: BookMetadata, facts: KindleFacts) -> list[tuple[int, bytes]]:
    """Every EXTH record as (type, data), in a fixed order so output is reproducible."""
    out = [_text(524, facts.language), _text(503, meta.title)]
    author = meta.creator or meta.publisher
    if author:  # a newspaper's "author" is its publisher when no creator is named
        out.append(_text(100, author))
    out.append(_text(108, TOOL_NAME))
    if meta.description:
        out.append(_text(103, meta.description))
    if meta.publisher:
        out.append(_text(101, meta.publisher))
    out += [_text(105, subject) for subject in meta.subjects]
    out.append(_text(113, facts.asin))
    out.append(_text(112, meta.identifier))
    out.append(_text(501, "EBOK"))  # a book: PDOC/NWPR/MAGZ change how the Kindle files it
    if meta.date is not None:
        out.append(_text(106, f"{meta.date.isoformat()}T00:00:00+00:00"))
    # Pose as kindlegen 2.9 (Linux), as calibre does: some firmware looks at these.
    out += [_number(204, 201), _number(205, 2), _number(206, 9), _number(207, 0)]
    out.append(_text(535, "0730-890adc2"))
    if facts.cover_offset is not None:
        out += [_number(201, facts.cover_offset), _number(203, 0)]
        if facts.thumbnail_offset is not None:
            out.append(_number(202, facts.thumbnail_offset))
        out.append(_text(129, f"kindle:embed:{base32(facts.cover_offset + 1, 4)}"))
    if facts.start_offset is not None:
        out.append(_number(116, facts.start_offset))
    if facts.resource_count:
        out += [_number(125, facts.resource_count), _number(131, 0)]
    if meta.vertical:
        out += [_text(525, "vertical-rl"), _text(527, "rtl")]
    return out


def build_exth(records: Sequence[tuple[int, bytes]]) -> bytes:
    """The EXTH block, padded to 4 bytes (at least one NUL; the padding is not in the length)."""
    if not records:
        raise ValueError("EXTH needs at least one record (calibre's KF8 reader crashes without)")
    body = b"".join(struct.pack(">II", kind, 8 + len(data)) + data for kind, data in records)
    block = b"EXTH" + struct.pack(">II", 12 + len(body), len(records)) + body
    return block + b"\0" * (4 - len(block) % 4)


def parse_exth(data: bytes) -> dict[int, list[bytes]]:
    """Read an EXTH block back (tests and self-checks): type -> data of each record."""
    if data[:4] != b"EXTH":
        raise ValueError("not an EXTH block")
    count = struct.unpack_from(">I", data, 8)[0]
    pos = 12
    out: dict[int, list[bytes]] = {}
    for _ in range(count):
        kind, size = struct.unpack_from(">II", data, pos)
        out.setdefault(kind, []).append(data[pos + 8 : pos + size])
        pos += size
    return out
