"""rsbz-epub: raw newspaper text → EPUB 3, Kindle EPUB, AZW3 and KEPUB.

The public API (everything else is private):

- ``read_issue(data: bytes, options: ReadOptions) -> Issue`` — reader
- ``stitch_jumps(issue, keep_print_order=False) -> Issue`` — transform
- ``convert_issue(issue, edition, publication=…, keep_quotes=False) -> Issue`` — transform
- ``build_issue(data: bytes, options: BuildOptions) -> IssueBuild`` — whole pipeline, in memory
- ``write_build(build, out_dir) -> list[Path]`` — atomic writes
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "read_issue",
    "stitch_jumps",
    "convert_issue",
    "build_issue",
    "write_build",
    "BuildOptions",
    "ReadOptions",
    "Publication",
    "Issue",
]

_LAZY = {
    "read_issue": "rsbz_epub.reader",
    "stitch_jumps": "rsbz_epub.transforms.stitch",
    "convert_issue": "rsbz_epub.transforms.chinese",
    "build_issue": "rsbz_epub.bundle",
    "write_build": "rsbz_epub.bundle",
    "BuildOptions": "rsbz_epub.options",
    "ReadOptions": "rsbz_epub.options",
    "Publication": "rsbz_epub.options",
    "Issue": "rsbz_epub.model",
}


def __getattr__(name: str) -> Any:
    """Import the public names on first use, so ``rsbz-epub --help`` starts fast."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'rsbz_epub' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
