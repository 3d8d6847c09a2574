"""What libraries and catalogues read: page list completeness, total issue number, series position."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest

from build_support import EXAMPLES, NS, Epub, built
from rsbz_epub.identity import series_position
from rsbz_epub.model import IssueMeta
from support import needs_calibre

NAMES = [p.name for p in EXAMPLES]
LDB = "ldb-2024-03-15.txt"  # 第62期(总第9877期), one stitched jump


def epub_of(name: str, fmt: str = "epub", edition: str = "hans") -> Epub:
    build = built(name, editions=(edition,)) if edition != "hans" else built(name)
    ed = next(e for e in build.editions if e.edition == edition)
    return Epub.from_bytes(next(f for f in ed.files if f.format == fmt).data)


@pytest.mark.parametrize("fmt", ["epub", "kindle", "kepub"])
@pytest.mark.parametrize("name", NAMES)
def test_page_list_and_ncx_reference_every_pagebreak_marker(name, fmt):
    epub = epub_of(name, fmt)
    markers = set()
    for path, doc in epub.spine_docs():
        for el in doc.xpath("//*[contains(concat(' ', @epub:type, ' '), ' pagebreak ')]", namespaces=NS):
            markers.add(f"{path.split('/', 1)[-1]}#{el.get('id')}")
    assert markers, "every example has 版 markers"
    nav_path = next(p for p in epub.files if p.endswith("nav.xhtml"))
    from lxml import etree

    nav = etree.fromstring(epub.files[nav_path])
    listed = {
        "text/" + href.split("text/", 1)[-1]
        for href in nav.xpath("//x:nav[@epub:type='page-list']//x:a/@href", namespaces=NS)
    }
    ncx = etree.fromstring(epub.files[next(p for p in epub.files if p.endswith(".ncx"))])
    in_ncx = set(ncx.xpath("//ncx:pageTarget/ncx:content/@src", namespaces=NS))
    assert {m.split("/", 1)[-1] if m.startswith("OEBPS/") else m for m in markers} <= listed
    assert listed == in_ncx


def test_a_stitched_page_is_listed_twice_with_one_numbered_ncx_target():
    epub = epub_of(LDB)
    from lxml import etree

    ncx = etree.fromstring(epub.files[next(p for p in epub.files if p.endswith(".ncx"))])
    targets = [(t.get("type"), t.get("value"), t.findtext("ncx:navLabel/ncx:text", namespaces=NS))
               for t in ncx.xpath("//ncx:pageTarget", namespaces=NS)]
    labels = [t[2] for t in targets]
    assert labels.count("3") == 2, targets
    assert ("normal", "3", "3") in targets and ("special", None, "3") in targets
    assert ncx.xpath("//ncx:meta[@name='dtb:totalPageCount']/@content", namespaces=NS) == ["3"]


def test_no_certifier_is_named_and_the_summary_says_what_was_checked():
    epub = epub_of(LDB)
    props = epub.meta("//opf:meta/@property")
    assert "a11y:certifiedBy" not in props and "dcterms:conformsTo" not in props
    summary = epub.meta("//opf:meta[@property='schema:accessibilitySummary']/text()")[0]
    assert "DAISY Ace" in summary and "EPUBCheck" in summary and "未经" in summary


def test_total_issue_number_in_title_source_and_series_position():
    epub = epub_of(LDB)
    assert epub.meta("//dc:title/text()") == ["劳动报 2024年3月15日 第62期（总第9877期）"]
    assert "总第9877期" in epub.meta("//dc:source/text()")[0]
    assert epub.meta("//opf:meta[@refines='#series'][@property='group-position']/text()") == ["9877"]
    assert epub.meta("//opf:meta[@name='calibre:series_index']/@content") == ["9877"]


@pytest.mark.parametrize("fmt", ["epub", "kindle", "kepub"])
def test_every_format_carries_the_same_series_position(fmt):
    epub = epub_of("rsbz-2021-40.txt", fmt)  # no 总第N期 in the masthead: year-based position
    assert epub.meta("//opf:meta[@refines='#series'][@property='group-position']/text()") == ["2021.040"]
    assert epub.meta("//opf:meta[@name='calibre:series_index']/@content") == ["2021.040"]


def _meta(**kw) -> IssueMeta:
    return IssueMeta(paper="报", **kw)


@pytest.mark.parametrize(
    "meta, expected",
    [
        (_meta(date=dt.date(2024, 3, 15), issue_number=62, total_issue_number=9877), "9877"),
        (_meta(date=dt.date(2024, 3, 15), issue_number=62), "2024.062"),
        (_meta(date=dt.date(2025, 3, 15), issue_number=62), "2025.062"),
        (_meta(issue_number=62), "62"),
        (_meta(date=dt.date(2025, 3, 15)), None),
    ],
)
def test_series_position_is_unique_across_years(meta, expected):
    assert series_position(meta) == expected


def test_two_years_of_a_daily_do_not_collide():
    positions = {series_position(_meta(date=dt.date(y, 3, 1), issue_number=62)) for y in (2024, 2025)}
    assert len(positions) == 2 and sorted(positions, key=float) == ["2024.062", "2025.062"]


def test_manifest_carries_total_issue_number_and_series_position():
    import json

    ed = built(LDB).editions[0]
    manifest = json.loads(next(f for f in ed.files if f.format == "manifest").data)
    assert manifest["metadata"]["total_issue_number"] == 9877
    assert manifest["metadata"]["series_position"] == "9877"
    assert "总第9877期" in manifest["metadata"]["title"]


@needs_calibre
def test_calibre_reads_the_series_position_and_total_issue_number(tmp_path):
    ed = built(LDB).editions[0]
    for fmt in ("epub", "azw3"):
        f = next(f for f in ed.files if f.format == fmt)
        path = tmp_path / f.name
        path.write_bytes(f.data)
        out = subprocess.run([shutil.which("ebook-meta"), str(path)], capture_output=True, text=True, timeout=120).stdout
        assert "总第9877期" in out, out
        if fmt == "epub":
            assert "#9877" in out.replace(" ", ""), out  # Series : 劳动报 #9877


def test_azw3_title_carries_the_total_issue_number():
    from azw3_fixtures import unpack

    ed = built(LDB).editions[0]
    book = unpack(next(f for f in ed.files if f.format == "azw3").data)
    assert book.exth[503][0].decode("utf-8") == "劳动报 2024年3月15日 第62期（总第9877期）"
