"""Generic INDX index records: header, data records (entries + IDXT), TAGX and CNCX."""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass, field

from .codec import forward_varint

NULL = 0xFFFFFFFF
_HEADER_LEN = 192
# IDXT offsets are u16; stay well below 64 KB per data record, as calibre does.
_MAX_DATA_RECORD = 0x10000 - 1240
_MAX_CNCX_RECORD = 63 * 1024


@dataclass(frozen=True)
class Tag:
    """One TAGX tag: number, values per group, bit mask in the control byte."""

    number: int
    per_group: int
    mask: int


@dataclass(frozen=True)
class Entry:
    """One index entry: an ASCII key and its tag values (a flat list per tag number)."""

    key: str
    values: dict[int, Sequence[int]]


@dataclass
class Cncx:
    """The string table: forward-varint length + UTF-8, one record per 63 KB."""

    records: list[bytearray] = field(default_factory=lambda: [bytearray()])
    _seen: dict[str, int] = field(default_factory=dict)

    def add(self, text: str) -> int:
        """Store ``text`` once and return the offset tags refer to it by."""
        if text in self._seen:
            return self._seen[text]
        raw = text.encode("utf-8")
        item = forward_varint(len(raw)) + raw
        if len(self.records[-1]) + len(item) > _MAX_CNCX_RECORD:
            self.records.append(bytearray())
        # Each earlier CNCX record shifts offsets by 0x10000 (readers index records by the high half).
        offset = (len(self.records) - 1) * 0x10000 + len(self.records[-1])
        self.records[-1] += item
        self._seen[text] = offset
        return offset

    def blobs(self) -> list[bytes]:
        """The CNCX records, each padded to 4 bytes; none when nothing was stored."""
        return [_pad4(bytes(r)) for r in self.records if r]


def _pad4(data: bytes) -> bytes:
    return data + b"\0" * (-len(data) % 4)


def _shift(mask: int) -> int:
    return (mask & -mask).bit_length() - 1


def tagx(tags: Sequence[Tag]) -> bytes:
    """The TAGX block: one control byte, 4 bytes per tag, then the end marker."""
    body = b"".join(bytes((t.number, t.per_group, t.mask, 0)) for t in tags) + b"\0\0\0\x01"
    return b"TAGX" + struct.pack(">II", 12 + len(body), 1) + body


def encode_entry(entry: Entry, tags: Sequence[Tag]) -> bytes:
    """Key length, key, control byte, then values as forward varints in TAGX order."""
    control = 0
    payload = bytearray()
    for tag in tags:
        values = list(entry.values.get(tag.number, ()))
        if not values:
            continue
        if len(values) % tag.per_group:
            raise ValueError(f"tag {tag.number}: {len(values)} values, groups of {tag.per_group}")
        groups = len(values) // tag.per_group
        # A multi-bit field that is all ones would mean "byte length follows"; we never need it.
        if groups << _shift(tag.mask) > tag.mask or (groups << _shift(tag.mask)) == tag.mask and tag.mask.bit_count() > 1:
            raise ValueError(f"tag {tag.number}: {groups} groups do not fit mask {tag.mask:#x}")
        control |= groups << _shift(tag.mask)
        for value in values:
            payload += forward_varint(value)
    key = entry.key.encode("ascii")
    return bytes((len(key),)) + key + bytes((control,)) + bytes(payload)


def _data_record(encoded: Sequence[bytes]) -> bytes:
    """One INDX data record holding ``encoded`` entries and their IDXT."""
    body = bytearray()
    offsets = []
    for item in encoded:
        offsets.append(_HEADER_LEN + len(body))
        body += item
    body = bytearray(_pad4(bytes(body)))
    idxt_offset = _HEADER_LEN + len(body)
    idxt = _pad4(b"IDXT" + b"".join(struct.pack(">H", o) for o in offsets))
    header = struct.pack(">4sIIIIIIII", b"INDX", _HEADER_LEN, 0, 1, 0, idxt_offset, len(encoded), NULL, NULL)
    header += b"\0" * (_HEADER_LEN - len(header))
    return header + bytes(body) + idxt


def build_index(tags: Sequence[Tag], entries: Sequence[Entry], cncx: Cncx | None = None) -> list[bytes]:
    """Header record, data records and CNCX records of one index, in file order."""
    groups: list[list[tuple[str, bytes]]] = [[]]
    size = 0
    for entry in entries:
        item = encode_entry(entry, tags)
        # Keep each data record's entries + IDXT under the u16 offset limit.
        if groups[-1] and size + len(item) + 2 * (len(groups[-1]) + 1) > _MAX_DATA_RECORD:
            groups.append([])
            size = 0
        groups[-1].append((entry.key, item))
        size += len(item)
    data_records = [_data_record([item for _, item in group]) for group in groups if group]
    cncx_records = cncx.blobs() if cncx is not None else []

    tagx_block = tagx(tags)
    geometry = bytearray()
    geo_offsets = []
    for group in groups:
        if not group:
            continue
        last_key = group[-1][0].encode("ascii")
        geo_offsets.append(_HEADER_LEN + len(tagx_block) + len(geometry))
        # Readers look keys up through each data record's last key.
        geometry += bytes((len(last_key),)) + last_key + struct.pack(">H", len(group))
    geometry = bytearray(_pad4(bytes(geometry)))
    idxt_offset = _HEADER_LEN + len(tagx_block) + len(geometry)
    idxt = _pad4(b"IDXT" + b"".join(struct.pack(">H", o) for o in geo_offsets))
    header = struct.pack(
        ">4sIIIIIIIIIIIIII",
        b"INDX", _HEADER_LEN, 0, 0, 2, idxt_offset, len(data_records), 65001, NULL,
        len(entries), 0, 0, 0, len(cncx_records), 0,
    )
    header += b"\0" * (180 - len(header))
    header += struct.pack(">III", _HEADER_LEN, 0, 0)
    head_record = header + tagx_block + bytes(geometry) + idxt
    return [head_record, *data_records, *cncx_records]
