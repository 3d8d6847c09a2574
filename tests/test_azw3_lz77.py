"""PalmDOC LZ77: known vectors, the decoder's token table, and round trips."""

from __future__ import annotations

import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from support import needs_calibre
from rsbz_epub.writers.azw3.lz77 import compress, decompress

from azw3_fixtures import SENTENCE

VECTORS = [
    # (input, compressed) — worked out by hand from the token rules.
    (b"", b""),
    (b"abc", b"abc"),
    (b"a b", b"a\xe2"),  # space + 0x40-0x7F merges into one byte (b ^ 0x80)
    (b"a  ", b"a  "),  # space + space does not merge
    (b"\x00\x09\x7f", b"\x00\x09\x7f"),  # bytes that stand for themselves
    ("第".encode(), b"\x03\xe7\xac\xac"),  # high bytes travel in counted runs
    ("第一篇".encode(), b"\x08\xe7\xac\xac\xe4\xb8\x80\xe7\xaf\x01\x87"),  # runs hold at most 8
    (b"\x01\x02", b"\x02\x01\x02"),
    # A 10-byte repeat at distance 20: 0x8000 | 20 << 3 | (10 - 3) = 0x80A7; no pair near the end.
    (b"0123456789ABCDEFGHIJ0123456789ABCDEFGHIJ", b"0123456789ABCDEFGHIJ\x80\xa7ABCDEFGHIJ"),
]


@pytest.mark.parametrize(("raw", "packed"), VECTORS)
def test_known_vectors(raw: bytes, packed: bytes) -> None:
    assert compress(raw) == packed
    assert decompress(packed) == raw


def test_decoder_overlapping_copy() -> None:
    # distance 1, length 5 repeats the last byte: "a" then "aaaaa"
    assert decompress(b"a\x80\x0a") == b"aaaaaa"


def test_decoder_rejects_reference_before_start() -> None:
    with pytest.raises(ValueError):
        decompress(b"\x80\x0a")


def test_chinese_markup_compresses_and_round_trips() -> None:
    text = ("<p>" + SENTENCE * 40 + "</p>\n").encode()[:4096]
    packed = compress(text)
    assert decompress(packed) == text
    assert len(packed) < len(text) // 2


def test_far_repeat_is_not_referenced() -> None:
    # 2047 is the largest distance a pair can hold.
    text = b"xyzxyzQ" + bytes(range(9, 0x7F)) * 20 + b"xyzxyzQ"
    assert decompress(compress(text)) == text


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=4096))
def test_round_trip_bytes(data: bytes) -> None:
    assert decompress(compress(data)) == data


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("上海人社局 <p>第一二三。，“”abc\n")), max_size=1500))
def test_round_trip_chinese_text(text: str) -> None:
    data = text.encode()[:4096]
    assert decompress(compress(data)) == data


@needs_calibre
def test_byte_identical_to_calibre(tmp_path) -> None:
    samples = [("<p>" + SENTENCE * 30 + "</p>").encode()[:4096], bytes(range(256)) * 3, b"a b c d " * 300]
    for i, sample in enumerate(samples):
        (tmp_path / f"{i}.bin").write_bytes(sample)
    script = (
        "import sys, pathlib\n"
        "from calibre.ebooks.compression.palmdoc import compress_doc\n"
        "for p in sorted(pathlib.Path(sys.argv[-1]).glob('*.bin')):\n"
        "    p.with_suffix('.out').write_bytes(compress_doc(p.read_bytes()))\n"
    )
    (tmp_path / "run.py").write_text(script)
    subprocess.run(["calibre-debug", str(tmp_path / "run.py"), "--", str(tmp_path)], check=True, capture_output=True, timeout=120)
    for i, sample in enumerate(samples):
        assert compress(sample) == (tmp_path / f"{i}.out").read_bytes()
