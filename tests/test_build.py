"""End to end: every example through the whole pipeline — EPUBCheck, reproducibility, nothing lost."""

from __future__ import annotations

import hashlib
import json
import re

import pytest

from build_support import CJK, CORPUS, EXAMPLES, HELDOUT, NS, Epub, built, text_of
from rsbz_epub.model import Aside, Caption, Paragraph, Subheading
from support import needs_java, run_epubcheck

NAMES = [p.name for p in EXAMPLES]
# The corpus issues too: ugly inputs (encodings, broken pages, jumps) must give valid books as well.
EVERY = NAMES + [f"corpus/{p.name}" for p in CORPUS if p.name not in NAMES] + [f"heldout/{p.name}" for p in HELDOUT]
SEED = "rsbz-2021-40.txt"


def files_of(build, edition="hans"):
    ed = next(e for e in build.editions if e.edition == edition)
    return {f.format: f for f in ed.files}


@pytest.mark.epubcheck
@needs_java
@pytest.mark.parametrize("fmt", ["epub", "kindle", "kepub"])
@pytest.mark.parametrize("name", EVERY)
def test_every_example_passes_epubcheck(tmp_path, name, fmt):
    f = files_of(built(name))[fmt]
    path = tmp_path / f.name.replace("/", "_")
    path.write_bytes(f.data)
    result = run_epubcheck(path)
    assert result.clean, str(result)


@pytest.mark.parametrize("name", NAMES)
def test_same_input_same_bytes(name):
    first = built(name)
    built.cache_clear()
    second = built(name)
    for a, b in zip(first.editions, second.editions):
        assert [f.name for f in a.files] == [f.name for f in b.files]
        for fa, fb in zip(a.files, b.files):
            assert fa.data == fb.data, f"{fa.name} differs between two builds"


def test_source_date_epoch_changes_only_time(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    built.cache_clear()
    epub = Epub.from_bytes(files_of(built(SEED))["epub"].data)
    built.cache_clear()
    assert epub.meta("//opf:meta[@property='dcterms:modified']/text()") == ["2023-11-14T22:13:20Z"]


def _ir_text(article) -> str:
    parts = [article.kicker or "", article.title, article.subtitle or "", article.byline or ""]
    for block in article.blocks:
        match block:
            case Paragraph(text=t) | Subheading(text=t) | Caption(text=t):
                parts.append(t)
            case Aside(title=t, paragraphs=ps):
                parts.extend([t or "", *ps])
            case _:
                pass
    return "".join(parts)


def _is_subsequence(needle: str, haystack: str) -> int:
    """Index in needle of the first character not found in order in haystack (len(needle) if all are)."""
    pos = 0
    for i, ch in enumerate(needle):
        pos = haystack.find(ch, pos)
        if pos < 0:
            return i
        pos += 1
    return len(needle)


@pytest.mark.parametrize("fmt", ["epub", "kindle", "kepub"])
@pytest.mark.parametrize("name", EVERY)
def test_no_article_character_lost_on_the_way_to_the_book(name, fmt):
    build = built(name)
    epub = Epub.from_bytes(files_of(build)[fmt].data)
    book_text = "".join(text_of(doc.xpath("//x:body", namespaces=NS)[0]) for _, doc in epub.spine_docs())
    book_cjk = "".join(CJK.findall(book_text))
    for article in build.issue.articles():
        want = "".join(CJK.findall(_ir_text(article)))
        got = _is_subsequence(want, book_cjk)
        assert got == len(want), f"{article.id}: lost at …{want[max(0, got - 10):got + 10]}…"


@pytest.mark.parametrize("name", NAMES)
def test_manifest_lists_every_file_with_size_and_checksum(name):
    ed = built(name).editions[0]
    manifest = json.loads(next(f for f in ed.files if f.name == "manifest.json").data)
    listed = {f["name"]: f for f in manifest["files"]}
    on_disk = {f.name: f for f in ed.files if f.name != "manifest.json"}
    assert set(listed) == set(on_disk)
    for name_, f in on_disk.items():
        assert listed[name_]["size"] == len(f.data)
        assert listed[name_]["sha256"] == hashlib.sha256(f.data).hexdigest()
    assert manifest["metadata"]["identifier"].startswith("urn:uuid:")
    epub = Epub.from_bytes(on_disk[next(n for n, f in on_disk.items() if f.format == "epub")].data)
    assert manifest["metadata"]["identifier"] == epub.meta("//dc:identifier/text()")[0]
    assert manifest["metadata"]["title"] == epub.meta("//dc:title/text()")[0]  # one source for both
    assert manifest["metadata"]["description"] == epub.meta("//dc:description/text()")[0]
    assert {f["format"] for f in manifest["files"]} >= {"epub", "kindle", "azw3", "kepub", "cover", "thumbnail"}


# ---------------------------------------------------------------- the seed issue, as issue 2 judges it


@pytest.fixture(scope="module")
def seed_epub() -> Epub:
    return Epub.from_bytes(files_of(built(SEED))["epub"].data)


def test_seed_metadata(seed_epub):
    assert seed_epub.meta("//dc:date/text()") == ["2021-10-21"]
    title = seed_epub.meta("//dc:title/text()")[0]
    assert "人力资源社会保障" in title and "40" in title
    assert seed_epub.meta("//opf:meta[@property='group-position']/text()") == ["2021.040"]  # no 总第N期 in the seed: year.NNN
    assert seed_epub.meta("//opf:meta[@property='collection-type']/text()") == ["series"]
    assert seed_epub.meta("//opf:meta[@name='calibre:series_index']/@content") == ["2021.040"]
    assert seed_epub.meta("//dc:language/text()") == ["zh-Hans"]
    ident = seed_epub.meta("//dc:identifier/text()")[0]
    assert ident.startswith("urn:uuid:")
    features = set(seed_epub.meta("//opf:meta[@property='schema:accessibilityFeature']/text()"))
    assert {"tableOfContents", "readingOrder", "structuralNavigation"} <= features


def test_seed_articles_paragraphs_and_subheading(seed_epub):
    docs = seed_epub.article_docs()
    by_title = {}
    for _, doc in docs:
        h1 = doc.xpath("//x:article//x:h1", namespaces=NS)
        if h1:
            by_title[text_of(h1[0]).strip()] = doc
    first = by_title["“外交官走进世赛”主题活动在沪成功举办"]
    second = by_title["赵永峰局长在“局长走流程”推进大会上的讲话"]

    def body_paragraphs(doc):
        return [p for p in doc.xpath("//x:article/x:p | //x:article/x:section/x:p", namespaces=NS)
                if "jump" not in (p.get("class") or "") and "caption" not in (p.get("class") or "")]

    assert len(body_paragraphs(first)) == 9
    assert len(body_paragraphs(second)) == 7
    h2 = [text_of(h) for h in second.xpath("//x:h2", namespaces=NS)]
    assert len(h2) == 1 and h2[0].startswith("一、深入领会李强书记重要批示精神")
    text = text_of(first.xpath("//x:body", namespaces=NS)[0])
    assert "打造职业教育培训国家合作" in text  # rejoined column break
    assert "，" in text and not re.search(r"[\u4e00-\u9fff],[\u4e00-\u9fff]", text)


def test_seed_unresolved_jump_is_a_visible_note(seed_epub):
    _, doc = [d for d in seed_epub.article_docs() if "局长走流程" in text_of(d[1])][-1]
    body = text_of(doc.xpath("//x:body", namespaces=NS)[0])
    assert re.search(r"下接.{0,3}(三|3)版", body)
    assert "(下接三版)" not in body  # not left as dead raw text: it is rendered as a note


@pytest.mark.epubcheck
@needs_java
@pytest.mark.parametrize("name", ["rsbz-2021-41.txt", "corpus/ldb-2024-03-14.txt"])
def test_keep_print_order_books_are_valid_and_linked(tmp_path, name):
    from build_support import ROOT, options_for
    from rsbz_epub.bundle import build_issue

    src = ROOT / ("tests/" + name if "/" in name else "examples/" + name)
    build = build_issue(src.read_bytes(), options_for(src, keep_print_order=True, formats=("epub", "kindle", "kepub")))
    for f in build.editions[0].files:
        if not f.name.endswith(".epub"):
            continue
        epub = Epub.from_bytes(f.data)
        links = [a.get("href") for _, doc in epub.article_docs() for a in doc.xpath("//x:p[contains(@class,'jump')]//x:a", namespaces=NS)]
        assert len(links) >= 2, "both halves of a jump link to each other"
        path = tmp_path / f.name
        path.write_bytes(f.data)
        result = run_epubcheck(path)
        assert result.clean, str(result)


def test_same_bytes_across_processes(tmp_path):
    """Hash seeds and process state must not leak into the output."""
    import os
    import subprocess
    import sys

    from build_support import ROOT

    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = dict(os.environ, PYTHONHASHSEED=seed)
        env.pop("SOURCE_DATE_EPOCH", None)
        subprocess.run(
            [sys.executable, "-m", "rsbz_epub", "build", str(ROOT / "examples" / "rsbz-2021-41.txt"), "-o", str(out), "-e", "tw"],
            check=True, capture_output=True, env=env,
        )
        outputs.append({p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()})
    assert outputs[0].keys() == outputs[1].keys() and len(outputs[0]) >= 14
    for name in outputs[0]:
        assert outputs[0][name] == outputs[1][name], name
