"""Text records: varints, base 32, the 4096-byte split, trailing multibyte and TBS entries."""

from __future__ import annotations

import pytest

from rsbz_epub.writers.azw3.codec import backward_varint, base32, forward_varint, read_forward_varint, unbase32
from rsbz_epub.writers.azw3.lz77 import decompress
from rsbz_epub.writers.azw3.records import multibyte_entry, split_text, tbs_entry, text_records
from rsbz_epub.writers.azw3.tbs import NcxSpan, tbs_payloads

DI = "第".encode()  # e7 ac ac
EMOJI = "😀".encode()  # four bytes


@pytest.mark.parametrize(
    ("value", "forward", "backward"),
    [(0, "80", "80"), (4, "84", "84"), (8, "88", "88"), (200, "01c8", "8148"), (318, "02be", "823e"), (1128, "08e8", "8868")],
)
def test_varints(value: int, forward: str, backward: str) -> None:
    assert forward_varint(value).hex() == forward
    assert backward_varint(value).hex() == backward
    assert read_forward_varint(bytes.fromhex(forward) + b"x", 0) == (value, len(forward) // 2)


@pytest.mark.parametrize(("value", "width", "text"), [(0, 4, "0000"), (1, 4, "0001"), (7768, 10, "00000007IO"), (31, 1, "V")])
def test_base32(value: int, width: int, text: str) -> None:
    assert base32(value, width) == text
    assert unbase32(text) == value


def test_base32_overflow() -> None:
    with pytest.raises(ValueError):
        base32(32**4, 4)


def test_split_is_exactly_4096_and_ignores_characters() -> None:
    text = DI * 3000  # 9000 bytes
    assert split_text(text) == [(0, 4096), (4096, 8192), (8192, 9000)]


@pytest.mark.parametrize(
    ("prefix", "entry"),
    [
        (4093, "00"),  # 第 ends exactly at the cut
        (4094, "ac01"),  # two bytes of 第 in this record, one continues
        (4095, "acac02"),  # one byte here, two continue
    ],
)
def test_multibyte_entry_for_a_cut_chinese_character(prefix: int, entry: str) -> None:
    text = b"a" * prefix + DI + b"tail"
    assert multibyte_entry(text, 4096).hex() == entry


def test_multibyte_entry_four_byte_character() -> None:
    text = b"a" * 4095 + EMOJI
    assert multibyte_entry(text, 4096) == EMOJI[1:] + b"\x03"


def test_multibyte_entry_at_end_of_text() -> None:
    assert multibyte_entry(b"abc", 3) == b"\x00"


def test_tbs_entry_size_counts_itself() -> None:
    assert tbs_entry(b"") == b"\x81"
    assert tbs_entry(bytes.fromhex("828890")) == bytes.fromhex("82889084")
    long = b"\x01" * 200  # size 202 needs two bytes: 0x81 0x4a
    assert tbs_entry(long) == long + bytes.fromhex("814a")


def test_text_records_layout() -> None:
    text = (b"<p>" + DI * 2000 + b"</p>") * 2  # 12014 bytes
    records = text_records(text, [b""] * 3)
    assert len(records) == len(split_text(text)) == 3
    for n, (record, (start, end)) in enumerate(zip(records, split_text(text))):
        assert record.endswith(b"\x81")  # empty TBS entry last
        count = record[-2] & 3
        assert record[-2 - count : -2] == text[end : end + count]
        assert decompress(record[: -2 - count]) == text[start:end]
    # a cut inside 第 is recorded in the record before it
    assert any(r[-2] & 3 for r in records)


def test_text_records_without_compression_or_tbs() -> None:
    records = text_records(b"abc", None, compressed=False)
    assert records == [b"abc\x00"]


# TBS: the worked examples of the KF8 reference (NCX 0 at depth 0; 1, 2 its children; 3 child of 1).
NESTED = [
    NcxSpan(0, 100, 20000, 0, None),
    NcxSpan(1, 200, 14000, 1, 0),
    NcxSpan(2, 14200, 5900, 1, 0),
    NcxSpan(3, 9000, 5200, 2, 1),
]
RECORDS = [(0, 4096), (4096, 8192), (8192, 12288)]


def test_tbs_nested_worked_example() -> None:
    payloads = tbs_payloads(NESTED, RECORDS)
    assert [p.hex(" ") for p in payloads] == ["82 88 90", "82 88 91 80", "82 88 91 80 a0"]


def test_tbs_flat_shortcut() -> None:
    flat = [NcxSpan(0, 0, 1000, 0, None), NcxSpan(1, 1000, 9000, 0, None), NcxSpan(2, 10000, 100, 0, None),
            NcxSpan(3, 10100, 100, 0, None)]
    payloads = tbs_payloads(flat, [(0, 4096), (4096, 8192), (8192, 12288)])
    # entries 0-1; entry 1 spanning; entries 1-3
    assert [p.hex(" ") for p in payloads] == ["86 88 02", "8b 88 80", "8e 88 03"]


def test_tbs_record_touched_by_nothing() -> None:
    assert tbs_payloads([NcxSpan(0, 5000, 10, 0, None)], [(0, 4096)]) == [b""]


def test_tbs_second_strand_uses_relative_index() -> None:
    # 版 0 with article 2 ends in the record; 版 1 with article 3 starts in it.
    entries = [NcxSpan(0, 0, 5000, 0, None), NcxSpan(1, 5000, 3000, 0, None), NcxSpan(2, 0, 5000, 1, 0),
               NcxSpan(3, 5000, 3000, 1, 1)]
    payload = tbs_payloads(entries, [(4096, 8192)])[0]
    # strand 1: (v0, type 8) (v2); strand 2: v = 2 - 1 = 1 with the strand flag; then v = 3 - 1 = 2
    assert payload.hex(" ") == "82 88 a0 98 a0"
