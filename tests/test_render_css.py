"""The shipped stylesheets: Chinese body text rules, Kindle restraint, vertical writing mode."""

from __future__ import annotations

import re

import pytest

from rsbz_epub.render import css


def rules(text: str) -> dict[str, dict[str, str]]:
    """A tiny CSS reader: selector → {property: value} (comments and @charset dropped)."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"@charset[^;]*;", "", text)
    out: dict[str, dict[str, str]] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", text):
        decls = dict(
            (k.strip(), v.strip()) for k, _, v in (d.partition(":") for d in body.split(";")) if k.strip()
        )
        for selector in selectors.split(","):
            out.setdefault(" ".join(selector.split()), {}).update(decls)
    return out


@pytest.mark.parametrize("name", [css.LAYOUT_CSS, css.BOOK_CSS, css.KINDLE_CSS, css.VERTICAL_CSS])
def test_stylesheets_load_and_are_balanced(name):
    text = css.stylesheet(name)
    assert text.count("{") == text.count("}") > 0
    assert "@font-face" not in text and "url(" not in text  # nothing embedded


def sheets(*names: str) -> dict[str, dict[str, str]]:
    """The rules of several sheets cascaded in order (later declarations win)."""
    merged: dict[str, dict[str, str]] = {}
    for name in names:
        for selector, decls in rules(css.stylesheet(name)).items():
            merged.setdefault(selector, {}).update(decls)
    return merged


def test_book_css_sets_chinese_body_text():
    book = sheets(css.LAYOUT_CSS, css.BOOK_CSS)
    p = book["p"]
    assert p["text-indent"] == "2em" and p["margin"] == "0" and p["text-align"] == "justify"
    assert re.fullmatch(r"1\.[5-8]\d?", p["line-height"])  # unitless
    family = book["body"]["font-family"]
    assert family.endswith("serif") and "Noto Serif CJK SC" in family
    assert "TC" in book["body:lang(zh-Hant)"]["font-family"]
    for selector in ("header p", ".caption", "p.jump", "aside", ".masthead .paper-latin", "img.cover"):
        assert selector in book, selector


def test_kindle_css_leaves_body_text_to_the_device():
    kindle = sheets(css.LAYOUT_CSS, css.KINDLE_CSS)
    for selector, decls in kindle.items():
        assert "font-family" not in decls, selector
        if selector in ("body", "p", "html"):
            assert "line-height" not in decls and "font-size" not in decls
    assert kindle["p"]["text-indent"] == "2em"


def test_vertical_css_has_every_prefix():
    html = rules(css.stylesheet(css.VERTICAL_CSS))["html"]
    for prop in ("writing-mode", "-epub-writing-mode", "-webkit-writing-mode"):
        assert html[prop] == "vertical-rl"


def test_loader_falls_back_to_the_source_tree(monkeypatch, tmp_path):
    (tmp_path / "x.css").write_text("p { }", encoding="utf-8")
    monkeypatch.setattr(css, "_SOURCE_STYLES", tmp_path)
    css.stylesheet.cache_clear()
    try:
        assert css.stylesheet("x.css") == "p { }"
    finally:
        css.stylesheet.cache_clear()
