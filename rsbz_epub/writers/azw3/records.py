"""Text records: 4096-byte slices of all flows, compressed, with trailing entries."""

from __future__ import annotations

from collections.abc import Sequence

from .codec import backward_varint
from .lz77 import compress

RECORD_SIZE = 4096
FLAG_MULTIBYTE = 0x1  # extra-data flag bit 0: multibyte-overlap entry
FLAG_TBS = 0x2  # extra-data flag bit 1: TBS (index) entry


def split_text(text: bytes) -> list[tuple[int, int]]:
    """[start, end) of each record: exactly 4096 bytes each, the last short, cutting mid-character."""
    return [(s, min(s + RECORD_SIZE, len(text))) for s in range(0, len(text), RECORD_SIZE)]


def overlap_bytes(text: bytes, end: int) -> bytes:
    """UTF-8 continuation bytes that open the next record when a character is cut at ``end``."""
    # Chinese characters are 3 bytes, so a 4096-byte cut often lands inside one;
    # readers need the rest of the character to display the record on its own.
    out = bytearray()
    pos = end
    while pos < len(text) and len(out) < 3 and 0x80 <= text[pos] < 0xC0:
        out.append(text[pos])
        pos += 1
    return bytes(out)


def multibyte_entry(text: bytes, end: int) -> bytes:
    """The trailing multibyte entry: overlap bytes then a count byte (a lone 00 when nothing is cut)."""
    extra = overlap_bytes(text, end)
    return extra + bytes([len(extra)])


def tbs_entry(payload: bytes) -> bytes:
    """A TBS entry: payload then its total size (counting the size bytes) as a backward varint."""
    size = len(payload) + 1
    size_bytes = backward_varint(size)
    if len(size_bytes) > 1:  # the size counts itself, so a longer size field changes the total
        size = len(payload) + len(backward_varint(len(payload) + 2))
        size_bytes = backward_varint(size)
    return payload + size_bytes


def text_records(text: bytes, tbs: Sequence[bytes] | None, *, compressed: bool = True) -> list[bytes]:
    """Build every text record: data, multibyte entry and (when ``tbs`` is given) TBS entry."""
    spans = split_text(text)
    if tbs is not None and len(tbs) != len(spans):
        raise ValueError(f"{len(tbs)} TBS payloads for {len(spans)} text records")
    records = []
    for n, (start, end) in enumerate(spans):
        chunk = text[start:end]
        data = compress(chunk) if compressed else chunk
        # Trailing entries sit in flag-bit order, bit 0 nearest the data; never compressed.
        record = data + multibyte_entry(text, end)
        if tbs is not None:
            record += tbs_entry(tbs[n])
        records.append(record)
    return records


def extra_data_flags(with_tbs: bool) -> int:
    """The MOBI header's extra-data flags for the entries :func:`text_records` writes."""
    return FLAG_MULTIBYTE | (FLAG_TBS if with_tbs else 0)
