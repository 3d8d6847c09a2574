"""Small number encodings shared by the KF8 parts: varints and base 32."""

from __future__ import annotations

_B32 = "0123456789ABCDEFGHIJKLMNOPQRSTUV"


def forward_varint(value: int) -> bytes:
    """7-bit groups, most significant first, 0x80 on the *last* byte (index values, CNCX, TBS)."""
    if value < 0:
        raise ValueError(f"varint of a negative number: {value}")
    groups = [value & 0x7F]
    value >>= 7
    while value:
        groups.append(value & 0x7F)
        value >>= 7
    groups.reverse()
    groups[-1] |= 0x80
    return bytes(groups)


def backward_varint(value: int) -> bytes:
    """7-bit groups, most significant first, 0x80 on the *first* byte (TBS entry size)."""
    out = forward_varint(value)
    # Same groups; only the marker bit moves from the last byte to the first.
    groups = bytearray(out)
    groups[-1] &= 0x7F
    groups[0] |= 0x80
    return bytes(groups)


def read_forward_varint(data: bytes, pos: int) -> tuple[int, int]:
    """Decode a forward varint at ``pos``; return (value, position after it)."""
    value = 0
    while True:
        byte = data[pos]
        pos += 1
        value = (value << 7) | (byte & 0x7F)
        if byte & 0x80:
            return value, pos


def base32(value: int, width: int) -> str:
    """Upper-case base 32 (0-9A-V), left-padded with 0 to ``width`` digits (libmobi rejects lower case)."""
    if value < 0:
        raise ValueError(f"base 32 of a negative number: {value}")
    digits = ""
    while value:
        digits = _B32[value % 32] + digits
        value //= 32
    digits = digits or "0"
    if len(digits) > width:
        raise ValueError(f"{digits} does not fit in {width} base-32 digits")
    return digits.rjust(width, "0")


def unbase32(text: str) -> int:
    """Inverse of :func:`base32`."""
    return int(text, 32)
