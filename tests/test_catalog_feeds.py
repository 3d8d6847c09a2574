"""The catalog over real builds: OPDS 1.2 valid against its RELAX NG grammar and read by feedparser,
OPDS 2.0 valid against its JSON Schema, ``updated`` following rebuilds, and bad manifests skipped."""

from __future__ import annotations

import json
import os
from pathlib import Path

import feedparser
import pytest
from lxml import etree
from cli_support import CliRunner

from build_support import Epub, options_for
from opds_schemas import validate_opds1, validate_opds2
from rsbz_epub import bundle
from rsbz_epub.catalog import build_catalog, scan_catalog_dir
from rsbz_epub.cli import main
from rsbz_epub.errors import ExitCode

ROOT = Path(__file__).resolve().parents[1]
ATOM = {"a": "http://www.w3.org/2005/Atom", "schema": "http://schema.org/"}
LDB = ROOT / "examples" / "ldb-2024-03-15.txt"  # 总第9877期
SEED = ROOT / "examples" / "rsbz-2021-40.txt"
YESTERDAY = 1_700_000_000


def _build(path: Path, out: Path, **kw) -> None:
    opts = options_for(path, editions=("hans", "tw"), **kw)
    bundle.write_build(bundle.build_issue(path.read_bytes(), opts), out)


@pytest.fixture(scope="module")
def shelf(tmp_path_factory) -> Path:
    """Two papers, each in Simplified and Taiwan editions, built as if yesterday."""
    out = tmp_path_factory.mktemp("shelf")
    for path in (LDB, SEED):
        _build(path, out)
    for manifest in out.glob("*/manifest.json"):
        os.utime(manifest, (YESTERDAY, YESTERDAY))
    return out


@pytest.fixture(scope="module")
def feeds(shelf) -> dict[str, bytes]:
    return build_catalog(scan_catalog_dir(shelf).issues)


def test_opds1_feed_is_valid_against_the_opds_1_2_relax_ng_grammar(feeds):
    assert validate_opds1(feeds["catalog.xml"]) == []


def test_the_grammar_is_not_a_rubber_stamp(feeds):
    broken = feeds["catalog.xml"].replace(b"<updated>", b"<modified>", 1).replace(b"</updated>", b"</modified>", 1)
    assert validate_opds1(broken)
    buy = feeds["catalog.xml"].replace(b"acquisition/open-access", b"acquisition/buy", 1)  # buy needs opds:price
    assert validate_opds1(buy)


def test_every_entry_has_content_or_an_alternate_link(feeds):
    # Atom's Schematron rule (RFC 4287 4.1.1), which RELAX NG alone does not check.
    feed = etree.fromstring(feeds["catalog.xml"])
    for entry in feed.iterfind("a:entry", ATOM):
        assert entry.find("a:content", ATOM) is not None or entry.find("a:link[@rel='alternate']", ATOM) is not None
        assert entry.find("a:author", ATOM) is not None or feed.find("a:author", ATOM) is not None


def test_feedparser_reads_every_entry_with_its_files(feeds, shelf):
    parsed = feedparser.parse(feeds["catalog.xml"])
    assert not parsed.bozo and parsed.version == "atom10"
    assert len(parsed.entries) == 4
    for entry in parsed.entries:
        assert entry.content[0].value and entry.updated_parsed
        types = [(l.get("title"), l.type) for l in entry.links if l.rel == "http://opds-spec.org/acquisition/open-access"]
        assert ("EPUB", "application/epub+zip") in types
        assert ("Kindle EPUB（Send to Kindle）", "application/epub+zip") in types  # the Send-to-Kindle EPUB is offered
        assert ("AZW3", "application/x-mobi8-ebook") in types and ("Kobo KEPUB", "application/kepub+zip") in types
        thumbs = [l.href for l in entry.links if l.rel == "http://opds-spec.org/image/thumbnail"]
        assert thumbs and "_EBOK_portrait.jpg" in thumbs[0]  # the Kindle thumbnail
        for link in entry.links:
            if not link.href.startswith(("index.html", "catalog.")):
                assert (shelf / link.href).is_file(), link.href


def test_titles_name_the_edition_once(feeds):
    parsed = feedparser.parse(feeds["catalog.xml"])
    titles = [e.title for e in parsed.entries]
    for title in titles:
        assert "（繁體（" not in title and title.count("繁體") <= 1
    assert sum("繁體·台灣" in t for t in titles) == 2
    page = feeds["index.html"].decode()
    assert "· 繁體" not in page  # the index has a 版本 column: titles there carry no edition


def test_total_issue_number_and_series_position_in_both_feeds_and_the_epub(feeds, shelf):
    feed = etree.fromstring(feeds["catalog.xml"])
    ldb = next(e for e in feed.iterfind("a:entry", ATOM) if "劳动报" in e.findtext("a:title", namespaces=ATOM))
    assert "总第9877期" in ldb.findtext("a:title", namespaces=ATOM)
    series = ldb.find("schema:Series", ATOM)
    assert series.get("{http://schema.org/}position") == "9877"
    pubs = json.loads(feeds["catalog.json"])["publications"]
    positions = {p["metadata"]["title"]: p["metadata"]["belongsTo"]["series"][0]["position"] for p in pubs}
    assert positions["劳动报 2024年3月15日 第62期（总第9877期）"] == 9877
    assert positions["人力资源社会保障 2021年10月21日 第40期"] == 2021.04  # 2021.040: no 总第N期 printed
    epub = Epub.from_bytes((shelf / "ldb-2024-062" / "ldb-2024-062.epub").read_bytes())
    assert epub.meta("//opf:meta[@property='group-position']/text()") == [series.get("{http://schema.org/}position")]


def test_opds2_feed_is_valid_against_its_json_schema(feeds):
    assert validate_opds2(feeds["catalog.json"]) == []
    doc = json.loads(feeds["catalog.json"])
    assert doc["links"][0] == {"rel": "self", "href": "catalog.json", "type": "application/opds+json"}
    assert len(doc["publications"]) == 4
    del doc["publications"][0]["metadata"]["title"]
    assert validate_opds2(json.dumps(doc).encode())  # and the schema does catch a missing title


def test_updated_changes_when_a_book_is_rebuilt_differently(shelf, tmp_path):
    before = build_catalog(scan_catalog_dir(shelf).issues)["catalog.xml"]
    copy = tmp_path / "shelf"
    import shutil

    shutil.copytree(shelf, copy, copy_function=shutil.copy2)  # keeps the mtimes
    assert build_catalog(scan_catalog_dir(copy).issues)["catalog.xml"] == before  # same folder, same bytes
    _build(LDB, copy, extra_css="p { color: black; }")  # the house CSS changes the books
    after = build_catalog(scan_catalog_dir(copy).issues)["catalog.xml"]

    def updated(feed: bytes) -> dict[str, str]:
        root = etree.fromstring(feed)
        out = {e.findtext("a:id", namespaces=ATOM): e.findtext("a:updated", namespaces=ATOM) for e in root.iterfind("a:entry", ATOM)}
        out["feed"] = root.findtext("a:updated", namespaces=ATOM)
        return out

    old, new = updated(before), updated(after)
    changed = {k for k in old if old[k] != new[k]}
    assert len(changed) == 3 and "feed" in changed  # the two 劳动报 editions and the feed
    assert all(new[k] > old[k] for k in changed)


BAD_MANIFESTS = {
    "files-entry-not-object": lambda m: m["files"].__setitem__(0, "cover.jpg"),
    "integer-date": lambda m: m["metadata"].__setitem__("date", 20211021),
    "list-title": lambda m: m["metadata"].__setitem__("title", ["人力资源社会保障"]),
    "infinite-size": lambda m: m["files"][1].__setitem__("size", float("inf")),
    "nul-in-description": lambda m: m["metadata"].__setitem__("description", "本期\x00文章"),
    "string-issue-number": lambda m: m["metadata"].__setitem__("issue_number", "40"),
    "path-in-file-name": lambda m: m["files"][1].__setitem__("name", "../../etc/passwd"),
    "files-not-a-list": lambda m: m.__setitem__("files", {"name": "x"}),
}


@pytest.mark.parametrize("kind", sorted(BAD_MANIFESTS))
def test_a_manifest_with_wrong_typed_fields_is_skipped_with_a_warning(shelf, tmp_path, kind):
    import shutil

    copy = tmp_path / "shelf"
    shutil.copytree(shelf, copy)
    bad = copy / "rsbz-2021-040" / "manifest.json"
    manifest = json.loads(bad.read_text(encoding="utf-8"))
    BAD_MANIFESTS[kind](manifest)
    bad.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")  # json writes inf as Infinity
    result = CliRunner().invoke(main, ["catalog", str(copy)])
    assert result.exit_code == 0, result.output
    assert f"warning: {bad}: manifest skipped" in result.output
    feed = etree.fromstring((copy / "catalog.xml").read_bytes())
    assert len(feed.findall("a:entry", ATOM)) == 3  # the other three issues are still there
    assert validate_opds1((copy / "catalog.xml").read_bytes()) == []


def test_a_folder_named_like_rich_markup_does_not_crash(shelf, tmp_path):
    import shutil

    copy = tmp_path / "[/bar]" / "[bold]x"
    shutil.copytree(shelf, copy)
    result = CliRunner().invoke(main, ["catalog", str(copy)])
    assert result.exit_code == 0, result.output
    assert "[/bar]" in result.output and (copy / "catalog.json").is_file()


def _old_catalog(copy: Path) -> dict[str, bytes]:
    old = {name: f"old {name}".encode() for name in ("catalog.xml", "catalog.json", "index.html")}
    for name, data in old.items():
        (copy / name).write_bytes(data)
    return old


def test_a_read_only_folder_gives_exit_73_with_the_reason_and_no_file(shelf, tmp_path, monkeypatch):
    import shutil
    import tempfile

    copy = tmp_path / "shelf"
    shutil.copytree(shelf, copy)
    old = _old_catalog(copy)

    def refuse(*args, **kwargs):  # what a read-only folder does (tests may run as root, which ignores chmod)
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    result = CliRunner().invoke(main, ["catalog", str(copy)])
    assert result.exit_code == ExitCode.CANT_CREATE == 73
    assert "Permission denied" in result.output and "error:" in result.output
    assert {name: (copy / name).read_bytes() for name in old} == old
    assert not [p for p in copy.iterdir() if p.name.startswith(".")]


def test_feeds_and_index_are_written_all_or_none(shelf, tmp_path, monkeypatch):
    import shutil

    copy = tmp_path / "shelf"
    shutil.copytree(shelf, copy)
    old = _old_catalog(copy)
    real = os.replace
    calls = []

    def fail_on_second_placement(src, dst):
        calls.append(dst)
        if str(dst).endswith("catalog.xml") and not str(src).endswith(".old"):
            raise OSError(28, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(os, "replace", fail_on_second_placement)
    result = CliRunner().invoke(main, ["catalog", str(copy)])
    assert result.exit_code == 73 and "No space left on device" in result.output
    assert {name: (copy / name).read_bytes() for name in old} == old  # catalog.json was put back too
    assert not [p for p in copy.iterdir() if p.name.startswith(".")]
    monkeypatch.setattr(os, "replace", real)
    assert CliRunner().invoke(main, ["catalog", str(copy)]).exit_code == 0
    assert all((copy / name).read_bytes() != data for name, data in old.items())

