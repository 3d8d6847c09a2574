"""Image records and stylesheet flows: order, kindle: URLs, cover thumbnail, JFIF fix."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from PIL import Image

from ... import regex_cache
from ...render.book import RenderedBook, Resource
from .codec import base32
from .markup import resolve

THUMBNAIL_BOX = (180, 240)  # calibre's embedded thumbnail limit
THUMBNAIL_MAX_BYTES = 16 * 1024
# A minimal JFIF APP0 segment (version 1.1, no density units, 1:1, no thumbnail).
_JFIF_APP0 = b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
_CSS_URL = regex_cache.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")


def ensure_jfif(data: bytes) -> bytes:
    """Give a JPEG a JFIF APP0 header: Amazon's renderer fails on JPEGs without one (calibre's finding)."""
    if data[:2] != b"\xff\xd8" or data[2:4] == b"\xff\xe0":
        return data
    return data[:2] + _JFIF_APP0 + data[2:]


def _jpeg(img: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    img.save(out, "JPEG", quality=quality, optimize=False, progressive=False)
    return out.getvalue()


def _scaled(data: bytes, box: tuple[int, int]) -> Image.Image:
    with Image.open(io.BytesIO(data)) as img:
        img.thumbnail(box, Image.Resampling.LANCZOS)  # a JPEG is decoded at a reduced scale first (draft)
        return img.convert("RGB")


def embedded_thumbnail(cover: bytes) -> bytes:
    """A JPEG of at most 180×240 px and 16 KB, as kindlegen/calibre embed next to the cover."""
    img = _scaled(cover, THUMBNAIL_BOX)
    for quality in (90, 80, 70, 60, 50, 40, 30):
        data = _jpeg(img, quality)
        if len(data) <= THUMBNAIL_MAX_BYTES:
            return data
    return data


def cover_resource(book: RenderedBook) -> Resource | None:
    """The cover image resource, if the book names one."""
    return next((r for r in book.resources if r.id == book.cover_image), None)


@dataclass
class ResourcePlan:
    """Which image goes in which record, and the flow number of each stylesheet."""

    images: list[bytes] = field(default_factory=list)  # record data, in record order
    image_urls: dict[str, str] = field(default_factory=dict)  # href -> kindle:embed URL
    cover_offset: int | None = None
    thumbnail_offset: int | None = None
    css: list[str] = field(default_factory=list)  # flow 1, 2, … contents
    css_urls: dict[str, str] = field(default_factory=dict)  # href -> kindle:flow URL

    def style_url(self, text: str) -> str:
        """Register an inline <style> as a flow (identical ones shared) and return its URL."""
        text = self.rewrite_css(text, "")
        if text not in self.css:
            self.css.append(text)
        return f"kindle:flow:{base32(self.css.index(text) + 1, 4)}?mime=text/css"

    def rewrite_css(self, text: str, base: str) -> str:
        """Point url(...) references at image records; leave unknown ones alone."""

        def sub(match: re.Match[str]) -> str:
            target = resolve(base, match.group(2))
            url = self.image_urls.get(target[0]) if target else None
            return f'url("{url}")' if url else match.group(0)

        return _CSS_URL.sub(sub, text)


def plan_resources(book: RenderedBook) -> ResourcePlan:
    """Cover first, then its thumbnail, then the other images; stylesheets become flows 1…n."""
    plan = ResourcePlan()
    cover = cover_resource(book)

    def add(href: str | None, data: bytes, media_type: str) -> int:
        plan.images.append(data)
        number = len(plan.images)  # kindle:embed is 1-based
        if href is not None:
            plan.image_urls[href] = f"kindle:embed:{base32(number, 4)}?mime={media_type}"
        return number - 1

    if cover is not None:
        plan.cover_offset = add(cover.href, _prepare(cover), cover.media_type)
        plan.thumbnail_offset = add(None, embedded_thumbnail(cover.data), "image/jpeg")
    for res in book.resources:
        if res.media_type.startswith("image/") and res is not cover and res.media_type != "image/svg+xml":
            add(res.href, _prepare(res), res.media_type)
    for res in book.resources:
        if res.media_type == "text/css":
            plan.css.append(plan.rewrite_css(res.data.decode("utf-8"), res.href))
            plan.css_urls[res.href] = f"kindle:flow:{base32(len(plan.css), 4)}?mime=text/css"
    return plan


def _prepare(res: Resource) -> bytes:
    return ensure_jfif(res.data) if res.media_type == "image/jpeg" else res.data
