"""Container, record 0, flows and skeleton/fragment invariants of the written file."""

from __future__ import annotations

import datetime as dt
import json
import re
import struct
import subprocess
from dataclasses import replace

import pytest

from support import needs_calibre
from rsbz_epub.writers.azw3 import build_azw3
from rsbz_epub.writers.azw3.codec import unbase32
from rsbz_epub.writers.azw3.exth import build_exth
from rsbz_epub.writers.azw3.headers import kindle_language, locale_code
from rsbz_epub.writers.azw3.indexes import ncx_nodes
from rsbz_epub.writers.azw3.palmdb import build_palmdb, palm_name, palm_time
from rsbz_epub.writers.azw3.records import split_text
from rsbz_epub.writers.azw3.resources import ensure_jfif, plan_resources
from rsbz_epub.writers.azw3.skeleton import FRAGMENT_SIZE
from rsbz_epub.writers.azw3.tbs import tbs_payloads
from rsbz_epub.writers.azw3.writer import _flow0

from azw3_fixtures import sample_book, unpack


def test_palmdb_layout() -> None:
    when = dt.datetime(2021, 10, 21, tzinfo=dt.timezone.utc)
    data = build_palmdb("Test_Book", [b"zero", b"one!", b"2"], when)
    assert data[:9] == b"Test_Book" and data[9:32] == bytes(23)
    assert data[60:68] == b"BOOKMOBI"
    created, modified = struct.unpack_from(">II", data, 0x24)
    assert created == modified == palm_time(when) == 1634774400 + 2082844800
    assert created & 0x80000000  # the top bit tells libmobi this is the 1904 epoch
    seed, next_list, count = struct.unpack_from(">IIH", data, 0x44)
    assert (seed, next_list, count) == (5, 0, 3)
    entries = [struct.unpack_from(">II", data, 78 + 8 * i) for i in range(3)]
    first = 78 + 8 * 3 + 2
    assert [e[0] for e in entries] == [first, first + 4, first + 8]
    assert [e[1] for e in entries] == [0, 2, 4]  # attributes 0, unique ids 2·i
    assert data[first - 2 : first] == b"\0\0"
    assert data[first:] == b"zeroone!2"


def test_palm_name_is_ascii_and_short() -> None:
    assert palm_name("人力资源社会保障 2021年10月21日 第40期", "rsbz_1234") == "2021_10_21_40"
    assert palm_name("人力资源社会保障", "rsbz_1234") == "rsbz_1234"
    assert len(palm_name("A" * 60, "x")) == 31


@pytest.mark.parametrize(("tag", "kindle", "lcid"), [
    ("zh-CN", "zh-CN", 0x804), ("zh-Hans", "zh-CN", 0x804), ("zh-TW", "zh-TW", 0x404),
    ("zh-Hant-TW", "zh-TW", 0x404), ("zh-HK", "zh-HK", 0xC04), ("zh-Hant-HK", "zh-HK", 0xC04), ("en", "en", 0),
])
def test_language_and_locale(tag: str, kindle: str, lcid: int) -> None:
    assert kindle_language(tag) == kindle
    assert locale_code(tag) == lcid


def test_exth_padding_and_length() -> None:
    block = build_exth([(503, b"abcd")])  # 12 + 12 = 24 bytes: already aligned, still padded
    assert struct.unpack_from(">II", block, 4) == (24, 1)
    assert len(block) == 28 and block[24:] == bytes(4)
    block = build_exth([(503, b"abc")])
    assert len(block) == 24 and block[-1] == 0
    with pytest.raises(ValueError):
        build_exth([])


def test_record0_layout() -> None:
    book = sample_book()
    got = unpack(build_azw3(book))
    h = got.header
    assert struct.unpack_from(">HHIHHHH", h, 0)[0] == 2  # PalmDOC compression
    assert h[16:20] == b"MOBI" and got.u32(0x14) == 264 and got.u32(0x18) == 2
    assert h[16 + 264 : 16 + 264 + 4] == b"EXTH"
    name_off, name_len = got.u32(0x54), got.u32(0x58)
    assert h[name_off : name_off + name_len].decode() == book.metadata.title
    assert h[name_off + name_len : name_off + name_len + 2] == b"\0\0"
    assert len(h) >= name_off + name_len + 8192
    assert got.u32(0x80) == 0x50 and got.u32(0xA8) == 0xFFFFFFFF  # EXTH present; no DRM
    assert got.u32(0xF0) == 3  # multibyte + TBS trailing entries
    text_len, count = struct.unpack_from(">IH", h, 4)
    assert text_len == len(got.text) and count == len(split_text(got.text))
    # FDST covers every flow; FCIS repeats the text length; EOF closes the file
    fdst = got.records[got.u32(0xC0)]
    flows = struct.unpack_from(">I", fdst, 8)[0]
    assert fdst[:4] == b"FDST" and flows == got.u32(0xC4) == 2
    bounds = struct.unpack_from(f">{2 * flows}I", fdst, 12)
    assert bounds[0] == 0 and bounds[-1] == len(got.text) and bounds[1] == bounds[2]
    assert b"h1 { font-size: 1.4em }" in got.text[bounds[2] :]
    fcis = got.records[got.u32(0xC8)]
    assert fcis[:4] == b"FCIS" and struct.unpack_from(">I", fcis, 20)[0] == len(got.text)
    assert got.records[got.u32(0xD0)][:4] == b"FLIS"
    assert got.records[-1] == b"\xe9\x8e\r\n"
    for offset in (0xF4, 0xF8, 0xFC, 0x104):  # NCX, FRAG, SKEL, guide
        assert got.records[got.u32(offset)][:4] == b"INDX"


def _assembled(flow, file) -> bytes:
    """Rebuild one document the way readers do: insert each fragment into the skeleton."""
    stored = flow.data[file.start : file.start + file.length]
    doc = bytearray(stored[: file.skeleton_length])
    frag_data = stored[file.skeleton_length :]
    for frag in file.fragments:
        at = frag.insert_pos - file.start
        doc[at:at] = frag_data[frag.offset_in_file : frag.offset_in_file + frag.length]
    return bytes(doc)


def test_skeletons_and_fragments() -> None:
    book = sample_book()
    flow = _flow0(book, plan_resources(book))
    assert len(flow.files) == 5  # the EPUB nav document is left out
    seen_aids: set[str] = set()
    for file in flow.files:
        doc = _assembled(flow, file)
        skeleton = flow.data[file.start : file.start + file.skeleton_length]
        assert b"<body" in skeleton and b"</html>" in skeleton
        assert not re.search(rb"<(?!(?:img|br|hr|meta|link)\b)\w+[^>]*/>", doc)  # no self-closed non-void
        assert b"xmlns:epub" not in doc and b"epub:type" not in doc
        aids = re.findall(rb' aid="([^"]+)"', doc)
        assert all(re.fullmatch(rb"[0-9A-V]+", a) for a in aids)
        assert not seen_aids & {a.decode() for a in aids}
        seen_aids |= {a.decode() for a in aids}
        for frag in file.fragments:
            piece = doc[frag.insert_pos - file.start : frag.insert_pos - file.start + frag.length]
            assert piece.startswith(b"<")  # fragments start on a tag, so offset 0 is a tag
            assert frag.length <= FRAGMENT_SIZE or piece.count(b"\n<p") <= 1
    long_file = flow.files[2]
    assert len(long_file.fragments) >= 2  # the long article is cut inside its <section>
    assert {f.selector for f in long_file.fragments} == {long_file.fragments[0].selector}


def test_links_point_at_their_targets() -> None:
    book = sample_book()
    flow = _flow0(book, plan_resources(book))
    links = re.findall(rb"kindle:pos:fid:([0-9A-V]{4}):off:([0-9A-V]{10})", flow.data)
    assert len(links) == 4
    assembled = b"".join(_assembled(flow, f) for f in flow.files)
    targets = []
    for fid, off in links:
        frag = flow.fragments[unbase32(fid.decode())]
        at = frag.insert_pos + unbase32(off.decode())
        targets.append(assembled[at : at + 40])
    # whole-document link: first fragment, offset 0 — the <h1> opening the article's <section>
    assert targets[0].startswith(b'<h1 class="title"')
    assert targets[1].startswith(b'<h2 id="part2"')
    assert targets[3].startswith(b'<p id="p3"')
    assert b'src="kindle:embed:0003?mime=image/png"' in flow.data
    assert b'src="kindle:embed:0001?mime=image/jpeg"' in flow.data
    assert b'href="kindle:flow:0001?mime=text/css"' in flow.data


def test_ncx_numbering_is_level_order() -> None:
    book = sample_book()
    flow = _flow0(book, plan_resources(book))
    nodes = ncx_nodes(book.toc, flow)
    assert [(n.depth, n.label) for n in nodes][:2] == [(0, "第1版 要闻"), (0, "第2版 综合")]
    assert nodes[0].first_child == 2 and nodes[0].last_child == 4 and nodes[1].first_child == 5
    assert all(nodes[c].parent == 0 for c in range(2, 5))
    # lengths reach the next entry at the same or a shallower depth
    assert nodes[0].start + nodes[0].length == nodes[1].start
    assert nodes[1].start + nodes[1].length == len(flow.data)


def test_cover_jpeg_gets_jfif_header() -> None:
    exif_jpeg = b"\xff\xd8\xff\xe1\x00\x08Exif\x00\x00rest"
    fixed = ensure_jfif(exif_jpeg)
    assert fixed[:4] == b"\xff\xd8\xff\xe0" and fixed[6:11] == b"JFIF\x00" and fixed.endswith(exif_jpeg[2:])
    assert ensure_jfif(fixed) == fixed


def test_output_depends_only_on_the_book() -> None:
    book = sample_book()
    later = replace(book, metadata=replace(book.metadata, modified=dt.datetime(2022, 1, 1, tzinfo=dt.timezone.utc)))
    a, b = build_azw3(book), build_azw3(later)
    assert a != b and a[:0x24] == b[:0x24] and a[0x2C:] == b[0x2C:]  # only the PalmDB dates differ


@needs_calibre
def test_tbs_matches_calibre(tmp_path) -> None:
    book = sample_book()
    data = build_azw3(book)
    got = unpack(data)
    flow = _flow0(book, plan_resources(book))
    nodes = ncx_nodes(book.toc, flow)
    table = [
        {"index": n.index, "offset": n.start, "length": n.length, "depth": n.depth, "parent": n.parent,
         "first_child": n.first_child, "last_child": n.last_child, "label": n.label}
        for n in nodes
    ]
    table = [{k: v for k, v in row.items() if v is not None} for row in table]
    lengths = [e - s for s, e in split_text(got.text)]
    (tmp_path / "in.json").write_text(json.dumps({"table": table, "lengths": lengths}))
    script = (
        "import json, sys, pathlib\n"
        "from calibre.ebooks.mobi.writer8.tbs import apply_trailing_byte_sequences\n"
        "d = pathlib.Path(sys.argv[-1])\n"
        "inp = json.loads((d / 'in.json').read_text())\n"
        "records = [b''] * (len(inp['lengths']) + 1)\n"
        "apply_trailing_byte_sequences(inp['table'], records, inp['lengths'])\n"
        "(d / 'out.json').write_text(json.dumps([r.hex() for r in records[1:]]))\n"
    )
    (tmp_path / "run.py").write_text(script)
    subprocess.run(["calibre-debug", str(tmp_path / "run.py"), "--", str(tmp_path)], check=True, capture_output=True,
                   timeout=120)
    theirs = json.loads((tmp_path / "out.json").read_text())
    ours = tbs_payloads([n.span() for n in nodes], split_text(got.text))
    from rsbz_epub.writers.azw3.records import tbs_entry

    assert [tbs_entry(p).hex() for p in ours] == theirs


def _index_keys(got, header_at: int) -> list[str]:
    """Keys of every entry of the index whose header record is ``header_at``."""
    header = got.records[header_at]
    keys = []
    for data in got.records[header_at + 1 : header_at + 1 + struct.unpack_from(">I", header, 24)[0]]:
        idxt, count = struct.unpack_from(">II", data, 20)
        for i in range(count):
            at = struct.unpack_from(">H", data, idxt + 4 + 2 * i)[0]
            keys.append(data[at + 1 : at + 1 + data[at]].decode())
    return keys


def test_guide_and_index_keys_are_sorted() -> None:
    got = unpack(build_azw3(sample_book()))
    assert _index_keys(got, got.u32(0x104)) == ["cover", "text", "toc"]
    assert _index_keys(got, got.u32(0xF4)) == ["00", "01", "02", "03", "04", "05"]
    frag_keys = _index_keys(got, got.u32(0xF8))
    assert frag_keys == sorted(frag_keys) and all(len(k) == 10 for k in frag_keys)
    assert _index_keys(got, got.u32(0xFC)) == [f"SKEL{i:010d}" for i in range(5)]


def test_single_root_toc_leaves_toc_out_of_the_guide() -> None:
    # calibre drops an NCX with one root when the guide has a "toc" entry (KF8 reference §10).
    book = sample_book()
    single = replace(book, toc=book.toc[:1])
    got = unpack(build_azw3(single))
    assert _index_keys(got, got.u32(0x104)) == ["cover", "text"]
