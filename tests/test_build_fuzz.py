"""Fuzzing the whole `build` on mutated real issues.

Mutations: lines deleted, lines duplicated, another encoding (GB18030, UTF-16, UTF-8 with
BOM), control characters inserted, the file truncated (also inside a multi-byte character).
Whatever the mutation: no traceback, an exit code from the README's table (never 70), and
when the build succeeds, an EPUB that EPUBCheck passes with 0/0 holding every CJK character
of the input's article text.

Derandomized so CI sees the same cases every run; RSBZ_FUZZ_EXAMPLES=500 explores more.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from lxml import etree
from cli_support import CliRunner

from build_support import NS, text_of
from rsbz_epub.cli import main
from rsbz_epub.errors import ExitCode
from rsbz_epub.bundle import prepare_issue
from rsbz_epub.options import BuildOptions
from rsbz_epub.reader import read_issue
from support import needs_java, run_epubcheck
from test_build import _ir_text as article_text  # body text; jump markers become notes in the book
from test_reader_lossless import article_input_cjk, cjk, ir_text

ROOT = Path(__file__).resolve().parents[1]
#: Real issues of the built-in paper (no config needed), the seed first.
SOURCES = [ROOT / "examples" / f"rsbz-2021-{n}.txt" for n in (40, 41, 42)]
TABLE = {int(code) for code in ExitCode} - {int(ExitCode.INTERNAL)}
CONTROLS = [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0E, 0x1B, 0x7F, 0x85, 0xFFFE)]
ENCODINGS = ["utf-8", "gb18030", "utf-16", "utf-8-sig"]

runner = CliRunner()

mutation = st.one_of(
    st.tuples(st.just("delete"), st.floats(0, 1), st.integers(1, 12)),
    st.tuples(st.just("duplicate"), st.floats(0, 1), st.integers(1, 3)),
    st.tuples(st.just("control"), st.floats(0, 1), st.sampled_from(CONTROLS)),
    st.tuples(st.just("truncate"), st.floats(0.05, 1), st.just(0)),
)


def mutate(text: str, steps: list[tuple[str, float, object]], encoding: str) -> bytes:
    """Apply text mutations in order, encode, then truncate bytes if asked (the last truncate wins)."""
    cut = None
    for kind, where, arg in steps:
        lines = text.split("\n")
        at = int(where * (len(lines) - 1))
        if kind == "delete":
            del lines[at : at + int(arg)]  # type: ignore[call-overload]
        elif kind == "duplicate":
            lines[at:at] = [lines[at]] * int(arg)  # type: ignore[call-overload]
        elif kind == "control":
            pos = int(where * len(text))
            text = text[:pos] + str(arg) + text[pos:]
            continue
        elif kind == "truncate":
            cut = where
            continue
        text = "\n".join(lines)
    data = text.encode(encoding)
    if cut is not None:
        data = data[: max(1, int(len(data) * cut))]
    return data


def book_cjk(epub: Path) -> list[str]:
    with zipfile.ZipFile(epub) as zf:
        opf_name = next(n for n in zf.namelist() if n.endswith(".opf"))
        opf = etree.fromstring(zf.read(opf_name))
        base = opf_name.rsplit("/", 1)[0] + "/" if "/" in opf_name else ""
        hrefs = {i.get("id"): i.get("href") for i in opf.xpath("//opf:manifest/opf:item", namespaces=NS)}
        chars: list[str] = []
        for ref in opf.xpath("//opf:spine/opf:itemref/@idref", namespaces=NS):
            doc = etree.fromstring(zf.read(base + hrefs[ref]))
            chars += cjk(text_of(doc.xpath("//x:body", namespaces=NS)[0]))
    return chars


@needs_java
@settings(
    max_examples=int(os.environ.get("RSBZ_FUZZ_EXAMPLES", "24")),
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: a whole build per try takes minutes to shrink
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    source=st.sampled_from(SOURCES),
    steps=st.lists(mutation, min_size=1, max_size=4),
    encoding=st.sampled_from(ENCODINGS),
)
def test_build_survives_mutated_real_issues(source, steps, encoding):
    data = mutate(source.read_text(encoding="utf-8"), steps, encoding)
    with tempfile.TemporaryDirectory() as tmp:
        issue_path = Path(tmp) / "issue.txt"
        issue_path.write_bytes(data)
        out = Path(tmp) / "out"
        result = runner.invoke(main, ["build", str(issue_path), "-o", str(out), "--format", "epub"])
        assert "Traceback" not in result.output
        assert result.exit_code in TABLE, result.output
        if result.exit_code != 0:
            errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
            assert len(errors) == 1, result.output
            assert not out.exists() or not any(out.iterdir()), "nothing partial left"
            return
        (folder,) = [p for p in out.iterdir()]
        (epub,) = folder.glob("*.epub")
        check = run_epubcheck(epub)
        assert check.clean, str(check)
        issue = read_issue(data)
        kept, _ = article_input_cjk(data, issue)
        # as multisets: a mutation may make the reader order a box or caption differently, never drop it
        lost = Counter(kept) - Counter(cjk(ir_text(issue)))
        assert not lost, f"the reader lost CJK characters of the article text: {lost}"
        in_book = Counter(book_cjk(epub))
        for article in prepare_issue(data, BuildOptions()).articles():  # stitched, as the book has them
            lost = Counter(cjk(article_text(article))) - in_book
            assert not lost, f"{article.id}: CJK characters did not reach the book: {lost}"
