"""Traditional editions end to end: valid books whose every visible word is converted."""

from __future__ import annotations

import re

import pytest
from opencc import OpenCC
from cli_support import CliRunner

from build_support import EXAMPLES, NS, Epub, built, text_of
from rsbz_epub.cli import main
from rsbz_epub.options import EDITIONS
from support import needs_java, run_epubcheck
from test_chinese import masked_phrases

NAMES = [p.name for p in EXAMPLES]
TRADITIONAL = ("hant", "tw", "hk", "twp")
ALL = ("hans", *TRADITIONAL)
_QUOTES = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})


def edition_files(name: str, edition: str) -> dict[str, bytes]:
    build = built(name, editions=ALL, formats=("epub", "kindle", "kepub"))
    ed = next(e for e in build.editions if e.edition == edition)
    return {f.format: f.data for f in ed.files}


def article_texts(epub: Epub) -> dict[str, str]:
    """Text of each article document, by file name."""
    return {
        path: text_of(doc.xpath("//x:article", namespaces=NS)[0])
        for path, doc in epub.article_docs()
    }


@pytest.mark.epubcheck
@needs_java
@pytest.mark.parametrize("edition", TRADITIONAL)
@pytest.mark.parametrize("name", NAMES)
def test_every_edition_passes_epubcheck(tmp_path, name, edition):
    for fmt in ("epub", "kindle", "kepub"):
        path = tmp_path / f"{edition}.{fmt}.epub"
        path.write_bytes(edition_files(name, edition)[fmt])
        result = run_epubcheck(path)
        assert result.clean, f"{fmt}: {result}"


@pytest.mark.parametrize("edition", TRADITIONAL)
@pytest.mark.parametrize("name", NAMES)
def test_article_text_is_opencc_of_the_simplified_book(name, edition):
    """Checked against the converter itself on whole articles, quote marks aside: equal to
    plain OpenCC except where ``check --edition`` lists a difference (names, word boundaries)."""
    import difflib

    from rsbz_epub.inputs import load_publication
    from rsbz_epub.options import ReadOptions
    from rsbz_epub.reader import read_issue
    from rsbz_epub.transforms.review import differences

    path = next(p for p in EXAMPLES if p.name == name)
    config = path.with_name(path.name.split("-")[0] + ".toml")
    issue = read_issue(path.read_bytes(), ReadOptions(publication=load_publication(config if config.exists() else None)))
    listed = [(d.plain, d.ours) for d in differences(issue, edition)]
    converter = OpenCC(EDITIONS[edition][0])
    hans = article_texts(Epub.from_bytes(edition_files(name, "hans")["epub"]))
    hant = article_texts(Epub.from_bytes(edition_files(name, edition)["epub"]))
    assert hans.keys() == hant.keys()
    for doc, text in hans.items():
        plain, ours = converter.convert(text).translate(_QUOTES), hant[doc]
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, plain, ours, autojunk=False).get_opcodes():
            if tag != "equal":
                was, now = plain[i1:i2], ours[j1:j2]
                assert any(was in p and now in o for p, o in listed), (doc, was, now)


def _visible(epub: Epub) -> dict[str, str]:
    """Every text a reader sees: document bodies and titles, NCX labels, OPF title/description."""
    seen = {}
    for path, data in epub.files.items():
        if path.endswith((".xhtml", ".ncx")):
            seen[path] = re.sub(r"<[^>]+>", "\n", data.decode("utf-8"))
    for field in ("title", "description", "publisher", "source"):
        seen[f"dc:{field}"] = "\n".join(epub.meta(f"//dc:{field}/text()"))
    return seen


@pytest.mark.parametrize("edition", TRADITIONAL)
@pytest.mark.parametrize("name", NAMES)
def test_conversion_is_complete(name, edition):
    """Run through the same OpenCC config again, a Traditional book comes back unchanged."""
    converter = OpenCC(EDITIONS[edition][0])
    for fmt in ("epub", "kindle"):
        epub = Epub.from_bytes(edition_files(name, edition)[fmt])
        for where, text in _visible(epub).items():
            for phrase in masked_phrases(edition):  # non-idempotent outputs, OpenCC's and ours (test_chinese proves each)
                text = text.replace(phrase, "□")
            assert converter.convert(text) == text, f"{fmt} {where} still has Simplified text"


@pytest.mark.parametrize("edition", ALL)
def test_language_tags_per_edition(edition):
    files = edition_files("rsbz-2021-40.txt", edition)
    for fmt, index in (("epub", 1), ("kindle", 2)):
        epub = Epub.from_bytes(files[fmt])
        tag = EDITIONS[edition][index]
        assert epub.meta("//dc:language/text()") == [tag]
        for path, doc in epub.spine_docs():
            assert doc.get("lang") == tag and doc.get("{http://www.w3.org/XML/1998/namespace}lang") == tag, path


def test_editions_have_own_identifier_and_metadata():
    idents = set()
    for edition in ALL:
        epub = Epub.from_bytes(edition_files("rsbz-2021-40.txt", edition)["epub"])
        idents.add(epub.meta("//dc:identifier/text()")[0])
        if edition != "hans":
            opf = epub.files[epub.opf_path].decode()
            assert EDITIONS[edition][0] in opf, "the OPF must say which OpenCC config converted it"
    assert len(idents) == len(ALL)


def test_two_editions_in_one_run(tmp_path):
    seed = EXAMPLES[0].parent / "rsbz-2021-40.txt"
    result = CliRunner().invoke(main, ["build", str(seed), "-o", str(tmp_path), "--edition", "tw", "--edition", "hk"])
    assert result.exit_code == 0, result.output
    folders = sorted(p.name for p in tmp_path.iterdir())
    assert folders == ["rsbz-2021-040", "rsbz-2021-040-hant-hk", "rsbz-2021-040-hant-tw"]
    for folder in folders:
        names = {p.name for p in (tmp_path / folder).iterdir()}
        assert {f"{folder}.epub", f"{folder}.kindle.epub", f"{folder}.azw3", f"{folder}.kepub.epub",
                "cover.jpg", "manifest.json"} <= names
        assert any(n.startswith("thumbnail_") for n in names)


@pytest.mark.epubcheck
@needs_java
def test_vertical_layout(tmp_path):
    from build_support import options_for
    from rsbz_epub.bundle import build_issue

    seed = EXAMPLES[0].parent / "rsbz-2021-41.txt"
    build = build_issue(seed.read_bytes(), options_for(seed, editions=("tw",), vertical=True, formats=("epub", "kindle")))
    ed = next(e for e in build.editions if e.edition == "tw")
    for f in ed.files:
        if not f.name.endswith(".epub"):
            continue
        epub = Epub.from_bytes(f.data)
        assert epub.meta("//opf:spine/@page-progression-direction") == ["rtl"]
        css = b"".join(v for k, v in epub.files.items() if k.endswith(".css"))
        assert b"vertical-rl" in css and b"-epub-writing-mode" in css
        path = tmp_path / f.name
        path.write_bytes(f.data)
        result = run_epubcheck(path)
        assert result.clean, str(result)
