"""PalmDOC LZ77 compression (MOBI compression type 2) and its decoder."""

from __future__ import annotations

import re

_MAX_DISTANCE = 2047  # 11 bits of distance in a back-reference pair
_MIN_MATCH, _MAX_MATCH = 3, 10  # 3 bits of length, biased by 3
# Bytes 01-08 and >= 0x80 (all UTF-8 Chinese) travel in counted literal runs of at most 8.
_LITERAL_RUN = re.compile(rb"[\x01-\x08\x80-\xff]{1,8}")


def compress(data: bytes) -> bytes:
    """Compress one text record greedily (the method calibre uses; any decodable output is valid).

    At each position the longest (3-10 byte) earlier copy within reach is taken, the
    nearest of equals, exactly as calibre's ``compress_doc`` chooses: the output stays
    byte-comparable with calibre's for debugging.  Back-references are only tried away
    from the record edges, as calibre does.
    """
    out = bytearray()
    append = out.append
    i, n = 0, len(data)
    while i < n:
        if 10 < i < n - 10:
            pair = _find_match(data, i)
            if pair is not None:
                distance, length = pair
                code = 0x8000 | (distance << 3) | (length - _MIN_MATCH)
                append(code >> 8)
                append(code & 0xFF)
                i += length
                continue
        c = data[i]
        if c == 0x20 and i + 1 < n and 0x40 <= data[i + 1] <= 0x7F:
            # "space + printable" packs into one byte with the top bit set.
            append(data[i + 1] ^ 0x80)
            i += 2
        elif c == 0 or 0x09 <= c <= 0x7F:
            append(c)
            i += 1
        else:
            run = _LITERAL_RUN.match(data, i).group()  # type: ignore[union-attr]
            append(len(run))
            out += run
            i += len(run)
    return bytes(out)


def _find_match(data: bytes, i: int) -> tuple[int, int] | None:
    """Longest (3-10 byte) earlier copy of data[i:] within reach: (distance, length), nearest first.

    The nearest 3-byte copy is extended byte by byte; only then is a copy one byte
    longer than the best so far looked for (further back), until none is found or 10
    bytes match.  A copy may not run into position ``i`` (calibre's rule).
    """
    lo = i - _MAX_DISTANCE if i > _MAX_DISTANCE else 0
    j = data.rfind(data[i : i + _MIN_MATCH], lo, i)
    if j < 0:
        return None  # no 3-byte copy, so no longer one either: the common case, one search
    length = _MIN_MATCH
    while True:
        limit = min(_MAX_MATCH, i - j)
        while length < limit and data[j + length] == data[i + length]:
            length += 1
        if length == _MAX_MATCH:
            return i - j, length
        # The nearest copy one byte longer than this one, if any, lies further back.
        k = data.rfind(data[i : i + length + 1], lo, i)
        if k < 0:
            return i - j, length
        j, length = k, length + 1


def decompress(data: bytes) -> bytes:
    """Decode PalmDOC LZ77 (used by the tests and as a self-check)."""
    out = bytearray()
    i, n = 0, len(data)
    while i < n:
        c = data[i]
        i += 1
        if 1 <= c <= 8:
            out += data[i : i + c]
            i += c
        elif c <= 0x7F:
            out.append(c)
        elif c >= 0xC0:
            out += bytes((0x20, c ^ 0x80))
        else:
            if i >= n:
                raise ValueError("truncated back-reference")
            code = (c << 8) | data[i]
            i += 1
            distance = (code & 0x3FFF) >> 3
            length = (code & 7) + 3
            if distance == 0 or distance > len(out):
                raise ValueError(f"back-reference distance {distance} outside the output")
            for _ in range(length):  # byte by byte: source and target may overlap
                out.append(out[-distance])
    return bytes(out)
