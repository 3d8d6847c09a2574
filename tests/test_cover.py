"""The generated cover: size, determinism, CJK font choice, Latin fallback, errors, thumbnail."""

from __future__ import annotations

import io
import os
import shutil

import pytest
from PIL import Image, ImageFont
from render_fixtures import meta
from support import needs

from rsbz_epub.errors import InputError
from rsbz_epub.options import Publication
from rsbz_epub.writers import cover

WQY = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
needs_cjk = needs(
    shutil.which("fc-match") is not None and cover.find_cjk_font("人力资源社会保障") is not None,
    "a CJK font (fonts-wqy-microhei)",
)


def image(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


def test_cover_is_a_1600x2560_jpeg_without_metadata():
    data = cover.make_cover(meta(), Publication())
    img = image(data)
    assert img.format == "JPEG" and img.size == (1600, 2560) and img.mode == "RGB"
    assert "exif" not in img.info and b"Exif" not in data[:200]


def test_cover_is_deterministic_and_issue_specific():
    a = cover.make_cover(meta(), Publication())
    assert a == cover.make_cover(meta(), Publication())
    assert a != cover.make_cover(meta(issue_number=41), Publication())


def test_cover_uses_publication_colours():
    img = image(cover.make_cover(meta(), Publication(cover_background="#003366")))
    r, g, b = img.getpixel((10, 10))
    assert abs(r - 0x00) < 8 and abs(g - 0x33) < 8 and abs(b - 0x66) < 8


@needs_cjk
def test_system_font_covers_simplified_and_traditional_text():
    for text, edition in (("人力资源社会保障简体中文版", "hans"), ("人力資源社會保障繁體中文版（臺灣）", "tw")):
        path, index = cover.find_cjk_font(text, edition)
        assert cover.covers(ImageFont.truetype(path, 40, index=index), text)


def test_glyph_coverage_detects_missing_glyphs():
    latin = ImageFont.truetype(DEJAVU, 40)
    assert cover.covers(latin, "RENLI ZIYUAN 2021")
    assert not cover.covers(latin, "RENLI 人力")


def test_latin_fallback_when_no_cjk_font(monkeypatch):
    monkeypatch.setattr(cover, "find_cjk_font", lambda text, edition="hans": None)
    drawn: list[str] = []
    real = cover._draw

    def spy(lines, face, index, publication):
        drawn.extend(line.text for line in lines)
        assert face is None  # Pillow's built-in Latin font
        return real(lines, face, index, publication)

    monkeypatch.setattr(cover, "_draw", spy)
    data = cover.make_cover(meta(edition="tw"), Publication())
    assert image(data).size == (1600, 2560)
    assert drawn == ["RENLI ZIYUAN SHEHUI BAOZHANG", "2021-10-21", "No. 40", "Traditional Chinese edition (Taiwan)"]
    assert all(text.isascii() for text in drawn)
    default = ImageFont.load_default(40)
    assert all(cover.covers(default, text) for text in drawn)  # no boxes in the fallback either


def test_latin_fallback_folds_tone_marks(monkeypatch):
    monkeypatch.setattr(cover, "find_cjk_font", lambda text, edition="hans": None)
    lines = cover._latin_lines(meta(paper_latin="Rénlì Zīyuán"), Publication())
    assert lines[0].text == "Renli Ziyuan"


@needs(os.path.exists(WQY), "fonts-wqy-microhei")
def test_explicit_cover_font():
    data = cover.make_cover(meta(), Publication(), font_path=WQY)
    assert image(data).size == (1600, 2560)


@pytest.mark.parametrize("path", ["/nonexistent/font.ttf", __file__, DEJAVU])
def test_unusable_cover_font_is_an_input_error(path):
    with pytest.raises(InputError) as info:
        cover.make_cover(meta(), Publication(), font_path=path)
    assert info.value.path == path


def test_thumbnail_keeps_aspect_ratio_and_is_deterministic():
    data = cover.make_cover(meta(), Publication())
    thumb = cover.make_thumbnail(data)
    assert image(thumb).size == (405, 648)
    assert thumb == cover.make_thumbnail(data)
    assert image(cover.make_thumbnail(data, max_size=(100, 100))).size == (62, 100)
