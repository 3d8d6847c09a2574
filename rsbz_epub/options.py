"""Typed option records with every default in one place.

Precedence is defaults < publication config file < command-line flags; the
CLI builds these records, the core only reads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Editions: name -> (OpenCC config or None, BCP 47 tag of the main EPUB, Kindle tag, folder suffix)
EDITIONS: dict[str, tuple[str | None, str, str, str]] = {
    "hans": (None, "zh-Hans", "zh-CN", ""),
    "hant": ("s2t", "zh-Hant", "zh-TW", "-hant"),
    "tw": ("s2tw", "zh-Hant-TW", "zh-TW", "-hant-tw"),
    "hk": ("s2hk", "zh-Hant-HK", "zh-HK", "-hant-hk"),
    "twp": ("s2twp", "zh-Hant-TW", "zh-TW", "-hant-twp"),
}

#: Output formats in build order.
FORMATS: tuple[str, ...] = ("epub", "kindle", "azw3", "kepub")


@dataclass(frozen=True)
class Publication:
    """What is fixed for a paper across issues; the 人力资源社会保障 defaults are built in."""

    title: str = "人力资源社会保障"
    title_latin: str = "RENLI ZIYUAN SHEHUI BAOZHANG"
    slug: str = "rsbz"
    publisher: str = "上海市人力资源和社会保障局"
    language: str = "zh-Hans"
    issn: str | None = None
    cn_number: str | None = None
    frequency: str = "weekly"
    cover_background: str = "#9e1b20"
    cover_foreground: str = "#ffffff"
    #: Phrases the OpenCC tables get wrong for this paper, applied after conversion,
    #: per edition name ("hant", "tw", ...) or "*" for all Traditional editions.
    user_dictionary: dict[str, dict[str, str]] = field(default_factory=dict)

    def fallback(self, meta_slug: str, value: str | None) -> str:
        """A config value for an issue of this paper; another paper read without a config borrows nothing."""
        return (value or "") if meta_slug == self.slug else ""


@dataclass(frozen=True)
class ReadOptions:
    """How to read raw bytes into an Issue."""

    publication: Publication = field(default_factory=Publication)
    encoding: str | None = None  # None: detect


@dataclass(frozen=True)
class BuildOptions:
    """How to turn an Issue into files."""

    editions: tuple[str, ...] = ("hans",)
    formats: tuple[str, ...] = FORMATS
    keep_print_order: bool = False
    keep_quotes: bool = False
    vertical: bool = False
    extra_css: str = ""
    cover_font: str | None = None
    strict: bool = False
    #: Also write proof.html (the staff proof page) into every edition folder.
    proof: bool = False
    #: Seconds since the epoch for dcterms:modified and zip times; None: from
    #: SOURCE_DATE_EPOCH, else the issue date (so builds are reproducible).
    source_date_epoch: int | None = None
    read: ReadOptions = field(default_factory=ReadOptions)
