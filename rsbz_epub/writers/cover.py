"""The generated cover image (1600×2560 JPEG) and the Kindle thumbnail.

Chinese text needs a CJK font: an explicit ``--cover-font``, else the system
fonts fontconfig knows for zh-cn / zh-tw / zh-hk.  A font is used only when it
really has a glyph for every character drawn (a missing glyph would print as a
box); when no font qualifies the cover is Latin only (pinyin name, ISO date,
issue number, edition in English) in Pillow's built-in font, so nothing is
ever drawn as a box or silently left out of a line.

Output is deterministic: fixed size, fixed JPEG settings, no EXIF/timestamps,
and Pillow's basic layout engine (raqm, when present, may shape differently on
another machine; CJK and pinyin need no shaping).
"""

from __future__ import annotations

import io
import shutil
import subprocess
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from rsbz_epub.errors import InputError
from rsbz_epub.model import IssueMeta
from rsbz_epub.options import Publication
from rsbz_epub.render.labels import convert, dateline, edition_name

WIDTH, HEIGHT = 1600, 2560
MARGIN = 140
JPEG_QUALITY = 88
THUMB_QUALITY = 85

_EDITION_EN = {
    "hans": "Simplified Chinese edition",
    "hant": "Traditional Chinese edition",
    "tw": "Traditional Chinese edition (Taiwan)",
    "hk": "Traditional Chinese edition (Hong Kong)",
    "twp": "Traditional Chinese edition (Taiwan usage)",
}
# fontconfig patterns tried in order; the edition's own region first.
_FC_PATTERNS = {
    "hans": (":lang=zh-cn", ":lang=zh-tw", ":lang=zh-hk", ":lang=zh"),
    "hk": (":lang=zh-hk", ":lang=zh-tw", ":lang=zh-cn", ":lang=zh"),
}
_FC_TRADITIONAL = (":lang=zh-tw", ":lang=zh-hk", ":lang=zh-cn", ":lang=zh")


@dataclass(frozen=True)
class _Line:
    """One line of cover text: the text, its share of the width, vertical centre (0..1), weight."""

    text: str
    max_size: int
    y: float
    width: float = 1.0


def _notdef(font: ImageFont.FreeTypeFont) -> tuple[tuple[int, int], bytes]:
    # U+10FFFD is a private-use noncharacter no font maps: what a missing glyph looks like.
    mask = font.getmask("\U0010fffd")
    return mask.size, bytes(mask)


def covers(font: ImageFont.FreeTypeFont, text: str) -> bool:
    """True when ``font`` has a real glyph (not .notdef) for every visible character of ``text``."""
    missing = _notdef(font)
    for ch in set(text):
        if ch.isspace():
            continue
        mask = font.getmask(ch)
        if (mask.size, bytes(mask)) == missing:
            return False
    return True


def _load(path: str, index: int = 0, size: int = 64) -> ImageFont.FreeTypeFont:
    # Not cached: each face maps the font file anew and a CJK face touches about 2 MB of it, so the
    # eight or so faces of one cover, kept, held some 20 MB for the rest of the build; opening a
    # face again takes about a millisecond.
    return ImageFont.truetype(path, size, index=index, layout_engine=ImageFont.Layout.BASIC)


@lru_cache(maxsize=None)
def _fontconfig_matches(pattern: str) -> tuple[tuple[str, int], ...]:
    """(file, face index) of the fonts fontconfig offers for ``pattern``, best first."""
    if shutil.which("fc-match") is None:
        return ()
    try:
        out = subprocess.run(
            ["fc-match", "-s", "-f", "%{file}\t%{index}\n", pattern],
            capture_output=True, text=True, timeout=20, check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return ()
    rows = (row.partition("\t") for row in out.splitlines()[:12])  # the best matches; the tail is every font
    return tuple((file, int(index or 0)) for file, _, index in rows if file)


def find_cjk_font(text: str, edition: str = "hans") -> tuple[str, int] | None:
    """A system font (file, face index) with glyphs for all of ``text``, or None.

    The edition's patterns are asked one at a time, best first, and the first font that
    covers ``text`` wins; later patterns are asked only when no earlier match covers it.
    """
    tried: set[tuple[str, int]] = set()
    for pattern in _FC_PATTERNS.get(edition, _FC_TRADITIONAL):
        for path, index in _fontconfig_matches(pattern):
            if (path, index) in tried:
                continue
            tried.add((path, index))
            try:
                if covers(_load(path, index), text):
                    return path, index
            except OSError:
                continue  # unreadable or not a font FreeType can open
    return None


def _cjk_lines(meta: IssueMeta, publication: Publication) -> list[_Line]:
    latin = meta.paper_latin or publication.title_latin
    lines = [_Line(meta.paper, 230, 0.2)]
    if latin:
        lines.append(_Line(latin, 64, 0.29))
    line = dateline(meta.date, meta.issue_number, meta.edition)
    if meta.date:
        lines.append(_Line(line.split(" ")[0], 120, 0.52))
    if meta.issue_number is not None:
        lines.append(_Line(line.split(" ")[-1], 180, 0.62, 0.6))
    lines.append(_Line(edition_name(meta.edition), 80, 0.74, 0.7))
    publisher = meta.publisher or convert(publication.fallback(meta.publication_slug, publication.publisher), meta.edition)
    if publisher:
        lines.append(_Line(publisher, 60, 0.9, 0.85))
    return lines


def _ascii(text: str) -> str:
    # Tone marks and other accents become their base letters (ǎ → a): the Latin
    # fallback font may lack the accented forms, and a box is worse than a plain letter.
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _latin_lines(meta: IssueMeta, publication: Publication) -> list[_Line]:
    name = _ascii(meta.paper_latin or publication.fallback(meta.publication_slug, publication.title_latin) or meta.publication_slug.upper())
    lines = [_Line(name, 130, 0.22)]
    if meta.date:
        lines.append(_Line(meta.date.isoformat(), 120, 0.5))
    if meta.issue_number is not None:
        lines.append(_Line(f"No. {meta.issue_number}", 170, 0.61, 0.6))
    lines.append(_Line(_EDITION_EN.get(meta.edition, meta.edition), 70, 0.74, 0.8))
    return lines


def _fit(face: str | None, index: int, text: str, max_size: int, width: int) -> ImageFont.FreeTypeFont:
    """The largest size ≤ ``max_size`` at which ``text`` fits ``width`` pixels."""
    size = max_size
    while True:
        font = _load(face, index, size) if face else ImageFont.load_default(size)
        left, _, right, _ = font.getbbox(text)
        if right - left <= width or size <= 12:
            return font
        size = max(12, int(size * width / (right - left)) if right > left else size - 4)
        if size >= max_size:
            size = max_size - 4


def _hex(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


def _draw(lines: Iterable[_Line], face: str | None, index: int, publication: Publication) -> bytes:
    background, foreground = _hex(publication.cover_background), _hex(publication.cover_foreground)
    image = Image.new("RGB", (WIDTH, HEIGHT), background)
    draw = ImageDraw.Draw(image)
    inner = WIDTH - 2 * MARGIN
    # Two rules frame the dateline block, as on the printed masthead.
    for y in (0.36, 0.82):
        draw.rectangle((MARGIN, int(HEIGHT * y), WIDTH - MARGIN, int(HEIGHT * y) + 8), fill=foreground)
    for line in lines:
        font = _fit(face, index, line.text, line.max_size, int(inner * line.width))
        draw.text((WIDTH // 2, int(HEIGHT * line.y)), line.text, font=font, fill=foreground, anchor="mm")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=False, progressive=False, subsampling=0)
    return out.getvalue()


def make_cover(meta: IssueMeta, publication: Publication, font_path: str | None = None) -> bytes:
    """The 1600×2560 cover JPEG: paper name, pinyin name, date, issue number, edition."""
    lines = _cjk_lines(meta, publication)
    text = "".join(line.text for line in lines)
    if font_path is not None:
        try:
            font = _load(font_path)
        except OSError as exc:
            raise InputError(
                f"cannot use cover font {font_path}: {exc}", path=font_path,
                hint="give --cover-font a readable TrueType/OpenType font file",
            ) from exc
        missing = sorted({ch for ch in text if not ch.isspace() and not covers(font, ch)})
        if missing:
            raise InputError(
                f"cover font {font_path} has no glyph for {''.join(missing[:10])}", path=font_path,
                hint="choose a CJK font such as Noto Serif CJK or WenQuanYi, or leave --cover-font out",
            )
        return _draw(lines, font_path, 0, publication)
    found = find_cjk_font(text, meta.edition)
    if found is not None:
        return _draw(lines, found[0], found[1], publication)
    return _draw(_latin_lines(meta, publication), None, 0, publication)


def make_thumbnail(cover_jpeg: bytes, max_size: tuple[int, int] = (432, 648)) -> bytes:
    """A smaller JPEG of the cover (Kindle's sideload thumbnail), aspect ratio kept."""
    with Image.open(io.BytesIO(cover_jpeg)) as image:
        scale = min(max_size[0] / image.width, max_size[1] / image.height, 1.0)
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        image.draft("RGB", size)  # a JPEG is decoded at the smallest 1/2…1/8 scale still ≥ size: far less work
        thumb = image.convert("RGB").resize(size, Image.Resampling.LANCZOS)
    out = io.BytesIO()
    thumb.save(out, "JPEG", quality=THUMB_QUALITY, optimize=False, progressive=False)
    return out.getvalue()
