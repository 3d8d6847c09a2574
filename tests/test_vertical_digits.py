"""Vertical editions set runs of up to four digits upright (text-combine-upright), in render only."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_support import EXAMPLES, NS, Epub, options_for
from rsbz_epub.bundle import build_issue
from rsbz_epub.render.vertical import combine_digits
from support import needs_java, run_epubcheck

SEED = next(p for p in EXAMPLES if p.name == "rsbz-2021-41.txt")
VERTICAL_CSS = Path(__file__).resolve().parents[1] / "styles" / "vertical.css"


def _body(text: str) -> str:
    out = combine_digits(f"<html><head><title>{text}</title></head><body><p>{text}</p></body></html>")
    assert f"<title>{text}</title>" in out  # the head is never touched
    return out.split("<body>")[1].removesuffix("</p></body></html>").removeprefix("<p>")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2021年10月", '<span class="tcy">2021</span>年<span class="tcy">10</span>月'),
        ("第3版", '第<span class="tcy">3</span>版'),
        ("热线12333", "热线12333"),  # five digits stay sideways
        ("增长1.5倍", "增长1.5倍"),  # a decimal number is not split
        ("www.a12.com", "www.a12.com"),
        ("COVID-19", "COVID-19"),
        ("50%", "50%"),
        ("&#13;", "&#13;"),  # an entity's digits are not text
    ],
)
def test_short_digit_runs_are_wrapped(text, expected):
    assert _body(text) == expected


def test_attributes_are_not_touched():
    out = combine_digits('<html><body><span id="page-3" aria-label="第3版"></span></body></html>')
    assert out == '<html><body><span id="page-3" aria-label="第3版"></span></body></html>'


def test_vertical_css_has_the_property_with_both_prefixes():
    css = VERTICAL_CSS.read_text(encoding="utf-8")
    rule = re.search(r"\.tcy\s*\{([^}]*)\}", css).group(1)
    for prop in ("text-combine-upright: all", "-webkit-text-combine-upright: all", "-epub-text-combine-upright: all"):
        assert prop in rule


@pytest.fixture(scope="module")
def vertical_build():
    return build_issue(SEED.read_bytes(), options_for(SEED, editions=("tw",), vertical=True, formats=("epub", "kindle", "kepub")))


def _files(build, edition):
    ed = next(e for e in build.editions if e.edition == edition)
    return {f.format: f for f in ed.files}


@pytest.mark.parametrize("fmt", ["epub", "kindle", "kepub"])
def test_vertical_edition_wraps_digits_and_the_horizontal_one_does_not(vertical_build, fmt):
    tw = Epub.from_bytes(_files(vertical_build, "tw")[fmt].data)
    hans = Epub.from_bytes(_files(vertical_build, "hans")[fmt].data)
    tcy = ["".join(el.itertext()) for _, d in tw.article_docs() for el in d.xpath("//x:span[@class='tcy']", namespaces=NS)]
    assert tcy and all(t.isdigit() and 1 <= len(t) <= 4 for t in tcy)
    assert not [1 for _, d in hans.article_docs() if d.xpath("//x:span[@class='tcy']", namespaces=NS)]


def test_the_ir_has_no_markup(vertical_build):
    tw = next(e for e in vertical_build.editions if e.edition == "tw")
    for article in tw.issue.articles():
        for block in article.blocks:
            assert "tcy" not in repr(block)


@needs_java
@pytest.mark.epubcheck
@pytest.mark.parametrize("fmt", ["epub", "kindle", "kepub"])
def test_vertical_books_pass_epubcheck(vertical_build, tmp_path, fmt):
    f = _files(vertical_build, "tw")[fmt]
    path = tmp_path / f.name
    path.write_bytes(f.data)
    result = run_epubcheck(path)
    assert result.clean, str(result)
