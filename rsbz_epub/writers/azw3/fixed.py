"""The small fixed records after the text and indexes: FDST, FLIS, FCIS, EOF."""

from __future__ import annotations

import struct
from collections.abc import Sequence

# Constant as written by kindlegen 2 (and calibre); no reader checks it, devices may.
FLIS = bytes.fromhex("464c4953" "00000008" "00410000" "00000000" "ffffffff" "00010003" "00000003" "00000001" "ffffffff")
EOF_RECORD = b"\xe9\x8e\r\n"


def fdst(flows: Sequence[tuple[int, int]]) -> bytes:
    """The flow table: [start, end) of each flow in the uncompressed text."""
    body = b"".join(struct.pack(">II", start, end) for start, end in flows)
    return b"FDST" + struct.pack(">II", 12, len(flows)) + body


def fcis(text_length: int) -> bytes:
    """FCIS, KF8 form (52 bytes); only the text length varies."""
    return (
        b"FCIS"
        + struct.pack(">IIII", 0x14, 0x10, 2, 0)
        + struct.pack(">I", text_length)
        + struct.pack(">IIIIII", 0, 0x28, 0, 0x28, 8, 0x00010001)
        + struct.pack(">I", 0)
    )
