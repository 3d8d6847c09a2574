"""INDX/TAGX/IDXT/CNCX encoding against the byte dumps of the KF8 reference."""

from __future__ import annotations

import struct

from rsbz_epub.writers.azw3.indexes import FRAG_TAGS, GUIDE_TAGS, NCX_TAGS, SKEL_TAGS
from rsbz_epub.writers.azw3.indx import Cncx, Entry, build_index, encode_entry, tagx


def test_tagx_blocks() -> None:
    assert tagx(SKEL_TAGS)[12:].hex(" ") == "01 01 03 00 06 02 0c 00 00 00 00 01"
    assert tagx(FRAG_TAGS)[12:].hex(" ") == "02 01 01 00 03 01 02 00 04 01 04 00 06 02 08 00 00 00 00 01"
    assert tagx(NCX_TAGS)[12:].hex(" ") == (
        "01 01 01 00 02 01 02 00 03 01 04 00 04 01 08 00 15 01 10 00 16 01 20 00 17 01 40 00 06 02 80 00 00 00 00 01"
    )
    block = tagx(GUIDE_TAGS)
    assert block[:12] == b"TAGX" + struct.pack(">II", 24, 1)


def test_skel_entry() -> None:
    entry = Entry("SKEL0000000001", {1: [2, 2], 6: [739, 439, 739, 439]})
    assert encode_entry(entry, SKEL_TAGS) == b"\x0eSKEL0000000001" + bytes.fromhex("0a 82 82 05 e3 03 b7 05 e3 03 b7")


def test_frag_entry() -> None:
    entry = Entry("0000001162", {2: [16], 3: [1], 4: [1], 6: [0, 8158]})
    assert encode_entry(entry, FRAG_TAGS) == b"\x0a0000001162" + bytes.fromhex("0f 90 81 81 80 3f de")


def test_ncx_middle_entry() -> None:
    entry = Entry("01", {1: [1128], 2: [16042], 3: [13], 4: [1], 21: [0], 22: [3], 23: [3], 6: [1, 0]})
    assert encode_entry(entry, NCX_TAGS) == b"\x0201" + bytes.fromhex("ff 08 e8 7d aa 8d 81 80 83 83 81 80")


def test_ncx_control_bytes() -> None:
    base = {1: [0], 2: [1], 3: [0], 4: [0], 6: [0, 0]}
    assert encode_entry(Entry("00", base), NCX_TAGS)[3] == 0x8F  # root leaf
    assert encode_entry(Entry("00", base | {22: [1], 23: [2]}), NCX_TAGS)[3] == 0xEF  # root with children
    assert encode_entry(Entry("00", base | {21: [0]}), NCX_TAGS)[3] == 0x9F  # leaf with parent


def test_cncx_offsets_and_dedupe() -> None:
    cncx = Cncx()
    assert cncx.add("本期目录") == 0
    assert cncx.add("第一篇：长文章") == 13  # 1 length byte + 12 bytes before it
    assert cncx.add("本期目录") == 0
    (blob,) = cncx.blobs()
    assert blob.startswith(b"\x8c" + "本期目录".encode() + b"\x95")
    assert len(blob) % 4 == 0


def test_cncx_spills_into_a_second_record() -> None:
    cncx = Cncx()
    offsets = [cncx.add(f"{i:05d}" + "字" * 300) for i in range(80)]  # 80 × ~907 bytes > 63 KB
    blobs = cncx.blobs()
    assert len(blobs) == 2
    assert offsets[-1] >= 0x10000


def test_guide_index_matches_reference_dump() -> None:
    cncx = Cncx()
    entries = [
        Entry("text", {1: [cncx.add("正文")], 6: [1, 0]}),
        Entry("toc", {1: [cncx.add("目录")], 6: [0, 0]}),
    ]
    header, data, strings = build_index(GUIDE_TAGS, entries, cncx)
    expected_header = bytes.fromhex(
        "494e4458 000000c0 00000000 00000000 00000002 000000e0 00000001 0000fde9"
        "ffffffff 00000002 00000000 00000000 00000000 00000001"
    ) + bytes(0xB4 - 56) + bytes.fromhex(
        "000000c0 00000000 00000000"
        "54414758 00000018 00000001 01010100 06020200 00000001"
        "03746f63 0002 0000"
        "49445854 00d8 0000"
    )
    assert header == expected_header
    expected_data = bytes.fromhex(
        "494e4458 000000c0 00000000 00000001 00000000 000000d4 00000002 ffffffff ffffffff"
    ) + bytes(0xC0 - 36) + bytes.fromhex("04 74657874 03 80 81 80  03 746f63 03 87 80 80 000000  49445854 00c0 00c9")
    assert data == expected_data
    assert strings == bytes.fromhex("86 e6ada3 e69687 86 e79bae e5bd95 0000")


def test_many_entries_split_data_records() -> None:
    entries = [Entry(f"{i:010d}", {2: [0], 3: [0], 4: [i], 6: [i * 1000, 1000]}) for i in range(6000)]
    records = build_index(FRAG_TAGS, entries, Cncx())
    header = records[0]
    n_data = struct.unpack_from(">I", header, 24)[0]
    assert n_data >= 2
    assert struct.unpack_from(">I", header, 36)[0] == 6000
    counts = [struct.unpack_from(">I", r, 24)[0] for r in records[1 : 1 + n_data]]
    assert sum(counts) == 6000
    assert all(len(r) < 0x10000 for r in records)
