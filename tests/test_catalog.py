"""`rsbz-epub catalog`: the OPDS 1.2 feed and the HTML index over built issue folders."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from urllib.parse import unquote

import pytest
from lxml import etree

from rsbz_epub.catalog import build_catalog, scan_catalog_dir
from rsbz_epub.errors import InputError

NS = {"a": "http://www.w3.org/2005/Atom", "dc": "http://purl.org/dc/terms/"}
ACQ = "http://opds-spec.org/acquisition/open-access"

#: (folder, edition, date, issue number, language, title)
ISSUES = [
    ("rsbz-2021-039", "hans", "2021-10-14", 39, "zh-Hans", "人力资源社会保障 2021年10月14日 第39期"),
    ("rsbz-2021-040", "hans", "2021-10-21", 40, "zh-Hans", "人力资源社会保障 2021年10月21日 第40期"),
    ("rsbz-2021-040-hant-tw", "tw", "2021-10-21", 40, "zh-Hant-TW", "人力資源社會保障 2021年10月21日 第40期"),
]
#: manifest mtimes (2021-10-15 00:00, 2021-10-22 08:00, 2021-10-22 09:00 UTC): what ``updated`` reports
BUILT = [1634256000, 1634889600, 1634893200]
FORMATS = [
    ("{f}.epub", "epub", "application/epub+zip"),
    ("{f}.kindle.epub", "kindle", "application/epub+zip"),
    ("{f}.azw3", "azw3", "application/x-mobi8-ebook"),
    ("{f}.kepub.epub", "kepub", "application/kepub+zip"),
    ("cover.jpg", "cover", "image/jpeg"),
    ("thumbnail_{f}_EBOK_portrait.jpg", "thumbnail", "image/jpeg"),
]


def write_fake_tree(root: Path) -> None:
    """Issue folders as the bundle writes them: files plus manifest.json, and a temp folder to skip."""
    for n, (folder, edition, date, number, lang, title) in enumerate(ISSUES):
        d = root / folder
        d.mkdir(parents=True)
        files = []
        for pattern, fmt, media in FORMATS:
            name = pattern.format(f=folder)
            data = f"{folder}:{fmt}".encode() * (n + 1)
            (d / name).write_bytes(data)
            files.append({"name": name, "format": fmt, "media_type": media, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()})
        manifest = {
            "folder": folder,
            "edition": edition,
            "metadata": {
                "title": title,
                "date": date,
                "issue_number": number,
                "language": lang,
                "identifier": f"urn:uuid:00000000-0000-5000-8000-00000000000{n}",
                "publisher": "上海市人力资源和社会保障局",
                "paper": title.split()[0],
                "description": "“外交官走进世赛”主题活动在沪成功举办 & <更多>",
            },
            "files": files,
        }
        (d / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
        os.utime(d / "manifest.json", (BUILT[n], BUILT[n]))  # when the bundle wrote the folder
    tmp = root / ".rsbz-2021-041.abc.tmp"
    tmp.mkdir()
    (tmp / "manifest.json").write_text("{", encoding="utf-8")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    write_fake_tree(tmp_path)
    return tmp_path


def test_scan_reads_every_issue_folder_and_skips_temp_folders(tree: Path) -> None:
    scan = scan_catalog_dir(tree)
    assert [d.folder for d in scan.issues] == [i[0] for i in ISSUES]
    assert scan.skipped == ()  # the hidden temp folder (a broken manifest) is not even read


def test_feed_entries_newest_first_with_metadata(tree: Path) -> None:
    feed = etree.fromstring(build_catalog(scan_catalog_dir(tree).issues)["catalog.xml"])
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    entries = feed.findall("a:entry", NS)
    assert [e.findtext("a:id", namespaces=NS) for e in entries] == [
        "urn:uuid:00000000-0000-5000-8000-000000000001",  # 40, original first
        "urn:uuid:00000000-0000-5000-8000-000000000002",  # 40, Taiwan edition
        "urn:uuid:00000000-0000-5000-8000-000000000000",  # 39
    ]
    first, tw = entries[0], entries[1]
    assert first.findtext("a:title", namespaces=NS) == ISSUES[1][5]
    assert first.findtext("a:updated", namespaces=NS) == "2021-10-22T08:00:00Z"
    assert first.findtext("dc:issued", namespaces=NS) == "2021-10-21"
    assert first.findtext("dc:language", namespaces=NS) == "zh-Hans"
    assert tw.findtext("dc:language", namespaces=NS) == "zh-Hant-TW"
    assert first.findtext("dc:publisher", namespaces=NS) == "上海市人力资源和社会保障局"
    assert first.findtext("a:summary", namespaces=NS) == "“外交官走进世赛”主题活动在沪成功举办 & <更多>"
    assert feed.findtext("a:updated", namespaces=NS) == "2021-10-22T09:00:00Z"  # the newest entry
    assert feed.find("a:link[@rel='self']", NS).get("type") == "application/atom+xml;profile=opds-catalog;kind=acquisition"


def test_feed_links_types_lengths(tree: Path) -> None:
    docs = scan_catalog_dir(tree).issues
    feed = etree.fromstring(build_catalog(docs)["catalog.xml"])
    entry = feed.findall("a:entry", NS)[0]
    links = {(l.get("rel"), l.get("type")): l for l in entry.findall("a:link", NS)}
    assert links[("http://opds-spec.org/image", "image/jpeg")].get("href") == "rsbz-2021-040/cover.jpg"
    assert links[("http://opds-spec.org/image/thumbnail", "image/jpeg")].get("href").startswith("rsbz-2021-040/thumbnail_")
    acquisitions = [l for l in entry.findall("a:link", NS) if l.get("rel") == ACQ]
    assert [l.get("type") for l in acquisitions] == [
        "application/epub+zip", "application/epub+zip", "application/kepub+zip", "application/x-mobi8-ebook"]
    assert [l.get("href") for l in acquisitions] == [
        "rsbz-2021-040/rsbz-2021-040.epub",
        "rsbz-2021-040/rsbz-2021-040.kindle.epub",
        "rsbz-2021-040/rsbz-2021-040.kepub.epub",
        "rsbz-2021-040/rsbz-2021-040.azw3",
    ]
    for link in acquisitions:
        assert int(link.get("length")) == (tree / unquote(link.get("href"))).stat().st_size


def test_every_href_exists(tree: Path) -> None:
    out = build_catalog(scan_catalog_dir(tree).issues)
    feed = etree.fromstring(out["catalog.xml"])
    page = etree.fromstring(out["index.html"].split(b"\n", 1)[1])  # polyglot markup: parses as XML
    hrefs = [l.get("href") for l in feed.iter("{http://www.w3.org/2005/Atom}link")]
    hrefs += [a.get("href") for a in page.iter("a")]
    assert len(hrefs) > 20
    for href in hrefs:
        assert not href.startswith(("/", "http")) and ".." not in href
        if href not in ("catalog.xml", "catalog.json", "index.html") and not href.startswith("index.html#"):
            assert (tree / unquote(href)).is_file(), href


def test_index_html(tree: Path) -> None:
    raw = build_catalog(scan_catalog_dir(tree).issues)["index.html"]
    assert raw.startswith(b"<!DOCTYPE html>\n")
    page = etree.fromstring(raw.split(b"\n", 1)[1])
    assert page.tag == "html" and page.get("lang") == "zh"
    assert page.find("head/meta").get("charset") == "utf-8"
    assert page.find("head/title").text
    assert not list(page.iter("script"))
    rows = page.findall("body/table/tbody/tr")
    assert len(rows) == 3
    assert rows[0].find("td/time").get("datetime") == "2021-10-21"
    first_links = [a.get("href") for a in rows[0].iter("a")]
    assert first_links == [f"rsbz-2021-040/{p.format(f='rsbz-2021-040')}" for p, fmt, _ in FORMATS if fmt != "cover"]
    assert "B" in "".join(rows[0].itertext())  # sizes shown


def test_output_is_deterministic(tree: Path) -> None:
    docs = scan_catalog_dir(tree).issues
    assert build_catalog(docs) == build_catalog(list(reversed(docs)))


def test_empty_catalog(tmp_path: Path) -> None:
    out = build_catalog(scan_catalog_dir(tmp_path).issues)
    assert etree.fromstring(out["catalog.xml"]).findall("a:entry", NS) == []
    assert b"<tbody>" in out["index.html"]


def test_scan_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        scan_catalog_dir(tmp_path / "missing")
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "manifest.json").write_text("not json", encoding="utf-8")
    scan = scan_catalog_dir(tmp_path)  # an unreadable manifest is skipped with its reason, not fatal
    assert scan.issues == () and scan.skipped[0][0].endswith("x/manifest.json") and "unreadable" in scan.skipped[0][1]


def test_catalog_over_a_real_build(tmp_path: Path) -> None:
    """End to end: every link of the feed points at a built file."""
    from rsbz_epub import bundle
    from rsbz_epub.options import BuildOptions

    data = (Path(__file__).resolve().parents[1] / "examples" / "rsbz-2021-40.txt").read_bytes()
    bundle.write_build(bundle.build_issue(data, BuildOptions(editions=("hans", "tw"))), tmp_path)
    docs = scan_catalog_dir(tmp_path).issues
    assert sorted(d.edition for d in docs) == ["hans", "tw"]
    feed = etree.fromstring(build_catalog(docs)["catalog.xml"])
    for link in feed.iter("{http://www.w3.org/2005/Atom}link"):
        if link.get("rel") == ACQ:
            assert int(link.get("length")) == (tmp_path / unquote(link.get("href"))).stat().st_size


def test_feed_title_names_the_original_paper(tree: Path) -> None:
    feed = etree.fromstring(build_catalog(scan_catalog_dir(tree).issues)["catalog.xml"])
    assert feed.findtext("a:title", namespaces=NS) == "人力资源社会保障"
