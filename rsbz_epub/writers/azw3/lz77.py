"""PalmDOC LZ77 compression (MOBI compression type 2) and its decoder."""

from __future__ import annotations

_MAX_DISTANCE = 2047  # 11 bits of distance in a back-reference pair
_MIN_MATCH, _MAX_MATCH = 3, 10  # 3 bits of length, biased by 3


def compress(data: bytes) -> bytes:
    """Compress one text record greedily (the method calibre uses; any decodable output is valid)."""
    out = bytearray()
    i, n = 0, len(data)
    while i < n:
        # Back-references are only tried away from the record edges, as calibre does;
        # this keeps our output byte-comparable with calibre's for debugging.
        if 10 < i < n - 10:
            pair = _find_match(data, i)
            if pair is not None:
                distance, length = pair
                code = 0x8000 | (distance << 3) | (length - _MIN_MATCH)
                out += code.to_bytes(2, "big")
                i += length
                continue
        c = data[i]
        i += 1
        if c == 0x20 and i < n and 0x40 <= data[i] <= 0x7F:
            # "space + printable" packs into one byte with the top bit set.
            out.append(data[i] ^ 0x80)
            i += 1
        elif c == 0 or 0x09 <= c <= 0x7F:
            out.append(c)
        else:
            # Bytes 01-08 and >= 0x80 (all UTF-8 Chinese) travel in counted literal runs.
            run = bytearray([c])
            while i < n and len(run) < 8 and (0x01 <= data[i] <= 0x08 or data[i] >= 0x80):
                run.append(data[i])
                i += 1
            out.append(len(run))
            out += run
    return bytes(out)


def _find_match(data: bytes, i: int) -> tuple[int, int] | None:
    """Longest (3-10 byte) earlier copy of data[i:] within reach: (distance, length), nearest first."""
    lo = max(0, i - _MAX_DISTANCE)
    # If no 3-byte match exists, no longer one can; check it first to stay fast.
    if data.rfind(data[i : i + _MIN_MATCH], lo, i) < 0:
        return None
    for length in range(_MAX_MATCH, _MIN_MATCH - 1, -1):
        j = data.rfind(data[i : i + length], lo, i)
        if j >= 0:
            return i - j, length
    return None  # unreachable: the 3-byte match exists


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
