"""Load the stylesheets shipped in ``styles/`` (installed wheel or source tree)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

#: Stylesheet names the renderer knows: layout.css for every target, then the
#: target's typography (book.css, or kindle.css which leaves it to the device).
LAYOUT_CSS = "layout.css"
BOOK_CSS = "book.css"
KINDLE_CSS = "kindle.css"
VERTICAL_CSS = "vertical.css"

# The repo's styles/ folder, for running from a source checkout or an editable
# install (pyproject force-includes it as rsbz_epub/styles only in the wheel).
_SOURCE_STYLES = Path(__file__).resolve().parents[2] / "styles"


@lru_cache(maxsize=None)
def stylesheet(name: str) -> str:
    """The text of ``styles/<name>``; FileNotFoundError when neither location has it."""
    packaged = resources.files("rsbz_epub").joinpath("styles", name)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    return (_SOURCE_STYLES / name).read_text(encoding="utf-8")
