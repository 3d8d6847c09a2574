"""Native KF8 (AZW3) writer: a RenderedBook in, a sideloadable Kindle book out."""

from __future__ import annotations

from ...render.book import RenderedBook
from .writer import book_asin, build_azw3, write_apnx, write_azw3


def thumbnail_name(book: RenderedBook) -> str:
    """File name of the Kindle cover thumbnail: ``thumbnail_<asin>_EBOK_portrait.jpg``."""
    return f"thumbnail_{book_asin(book)}_EBOK_portrait.jpg"


__all__ = ["build_azw3", "thumbnail_name", "write_apnx", "write_azw3"]
