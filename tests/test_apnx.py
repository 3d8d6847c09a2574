"""The APNX page map beside every AZW3: read back, each page lands on its 版 marker in the Kindle text."""

from __future__ import annotations

import json
import re
import struct

import pytest

from azw3_fixtures import unpack
from build_support import EXAMPLES, built
from rsbz_epub.writers.azw3.apnx import build_apnx, page_map

NAMES = [p.name for p in EXAMPLES]


def read_apnx(data: bytes) -> tuple[dict, dict, list[int]]:
    """Parse an APNX with the layout alone: content header, page header, page offsets."""
    version, page_header_at, content_len = struct.unpack_from(">III", data, 0)
    assert version == 0x00010001
    content = json.loads(data[12 : 12 + content_len])
    assert page_header_at == 12 + content_len
    one, header_len, count, bits = struct.unpack_from(">HHHH", data, page_header_at)
    assert (one, bits) == (1, 32)
    start = page_header_at + 8
    header = json.loads(data[start : start + header_len])
    table = start + header_len
    assert len(data) == table + 4 * count, "nothing after the page table"
    return content, header, list(struct.unpack_from(f">{count}I", data, table))


def labels_of(page_map_text: str, count: int) -> list[str]:
    """Expand a pageMap such as ``(1,a,1)`` or ``(1,c,1|3|2)`` into one label per page."""
    labels: list[str] = []
    groups = re.findall(r"\((\d+),([arc]),([^)]*)\)", page_map_text)
    for n, (first_page, kind, values) in enumerate(groups):
        end = int(groups[n + 1][0]) - 1 if n + 1 < len(groups) else count
        size = end - int(first_page) + 1
        labels += values.split("|") if kind == "c" else [str(int(values) + i) for i in range(size)]
    return labels


def _files(name: str) -> dict[str, bytes]:
    return {f.format: f.data for f in built(name).editions[0].files}


def test_page_map_groups():
    assert page_map(["1", "2", "3"]) == "(1,a,1)"
    assert page_map(["1", "3", "2", "3"]) == "(1,c,1|3|2|3)"
    assert page_map(["A1", "A2"]) == "(1,c,A1|A2)"


def test_offsets_are_sorted_and_the_same_input_gives_the_same_bytes():
    data = build_apnx([(900, "2"), (10, "1")], asin="ABCDEF0123", pdb_name="x")
    assert data == build_apnx([(900, "2"), (10, "1")], asin="ABCDEF0123", pdb_name="x")
    content, header, offsets = read_apnx(data)
    assert offsets == [10, 900] and header["pageMap"] == "(1,a,1)"
    assert content["format"] == "MOBI_8" and content["asin"] == "ABCDEF0123" and content["acr"] == "x"


@pytest.mark.parametrize("name", NAMES)
def test_every_azw3_has_an_apnx_whose_pages_land_on_the_print_page_markers(name):
    files = _files(name)
    assert "apnx" in files
    content, header, offsets = read_apnx(files["apnx"])
    book = unpack(files["azw3"])
    asin = book.exth[113][0].decode()
    assert content["asin"] == header["asin"] == asin and content["cdeType"] == "EBOK"
    assert content["acr"] == files["azw3"][:32].rstrip(b"\0").decode("ascii")  # the PalmDB name
    assert offsets == sorted(offsets) and len(set(offsets)) == len(offsets)
    labels = labels_of(header["pageMap"], len(offsets))
    assert len(labels) == len(offsets)
    text = book.text
    for offset, label in zip(offsets, labels):
        tag = text[offset : text.index(b">", offset) + 1].decode("utf-8")
        assert "pagebreak" in tag, tag  # a Kindle page starts exactly at a 版 marker
        assert re.search(r'aria-label="[^"]*' + re.escape(label) + r'[^"]*版"', tag), (label, tag)
    # Every 版 marker in the Kindle text is a page: none left out.
    markers = [m.start() for m in re.finditer(rb'<span[^>]*pagebreak', text)]
    assert markers == offsets
    issue = built(name).editions[0].issue
    assert set(labels) <= {p.label for p in issue.pages}


def test_a_stitched_page_gets_two_kindle_pages_in_text_order():
    _, header, offsets = read_apnx(_files("ldb-2024-03-15.txt")["apnx"])
    assert labels_of(header["pageMap"], len(offsets)) == ["1", "3", "2", "3"]
