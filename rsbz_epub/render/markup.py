"""Low-level XHTML helpers: escaping, language tagging, ids and the document skeleton."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rsbz_epub import regex_cache

XHTML_NS = "http://www.w3.org/1999/xhtml"
EPUB_NS = "http://www.idpf.org/2007/ops"
PINYIN_LANG = "zh-Latn-pinyin"

# Characters XML 1.0 forbids.  The reader removes them; a hand-built IR may not,
# and one stray byte must not make the whole book unreadable, so they become
# U+FFFD (visible) rather than vanishing.
_XML_ILLEGAL = regex_cache.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
ID_UNSAFE = regex_cache.compile(r"[^A-Za-z0-9_-]+")


def clean(text: str) -> str:
    """Replace XML-illegal characters by U+FFFD."""
    return _XML_ILLEGAL.sub("\ufffd", text)


def esc(text: str) -> str:
    """Escape text content."""
    # A bare CR would be turned into LF by every XML parser; the reference keeps it.
    return clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def attr(text: str) -> str:
    """Escape an attribute value (always written in double quotes)."""
    # Tabs and newlines in attributes would be normalised to spaces by parsers.
    return esc(text).replace('"', "&quot;").replace("\t", "&#9;").replace("\n", "&#10;")


def lang_attrs(lang: str) -> str:
    """``lang`` and ``xml:lang`` together, as XHTML wants them to agree."""
    return f'lang="{attr(lang)}" xml:lang="{attr(lang)}"'


def inline(text: str, latin_name: str | None = None) -> str:
    """Escape running text, tagging occurrences of the pinyin masthead as ``zh-Latn-pinyin``."""
    if not latin_name or latin_name not in text:
        return esc(text)
    parts = text.split(latin_name)
    tagged = f'<span {lang_attrs(PINYIN_LANG)}>{esc(latin_name)}</span>'
    return tagged.join(esc(p) for p in parts)


def safe_id(text: str, prefix: str = "x") -> str:
    """An ASCII XML NCName built from ``text`` (letters, digits, '-', '_'), starting with a letter."""
    slug = ID_UNSAFE.sub("-", text).strip("-_")
    if not slug:
        slug = "0"
    if not slug[0].isalpha():
        slug = f"{prefix}{slug}" if prefix[-1:] in "-_" else f"{prefix}-{slug}"
    return slug


class IdAllocator:
    """Hands out ids that are unique across the whole book (``x``, ``x-2``, ``x-3`` …)."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self._taken: set[str] = set(taken)

    def take(self, wanted: str) -> str:
        """Return ``wanted`` or the first free ``wanted-N``, and reserve it."""
        candidate, n = wanted, 1
        while candidate in self._taken:
            n += 1
            candidate = f"{wanted}-{n}"
        self._taken.add(candidate)
        return candidate

    def __contains__(self, value: str) -> bool:
        return value in self._taken


def pagebreak(label_id: str, aria_label: str) -> str:
    """An empty print-page marker; written with an end tag, never self-closed."""
    return (
        f'<span epub:type="pagebreak" role="doc-pagebreak" id="{attr(label_id)}"'
        f' aria-label="{attr(aria_label)}"></span>'
    )


def document(
    *,
    title: str,
    lang: str,
    body: str,
    stylesheets: Sequence[str],
    body_type: str | None = None,
    body_class: str | None = None,
) -> str:
    """A complete XHTML5 content document with XML declaration and epub namespace."""
    links = "".join(f'<link rel="stylesheet" type="text/css" href="{attr(h)}"/>\n' for h in stylesheets)
    body_attrs = ""
    if body_type:
        body_attrs += f' epub:type="{attr(body_type)}"'
    if body_class:
        body_attrs += f' class="{attr(body_class)}"'
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        "<!DOCTYPE html>\n"
        f'<html xmlns="{XHTML_NS}" xmlns:epub="{EPUB_NS}" {lang_attrs(lang)}>\n'
        "<head>\n"
        '<meta charset="utf-8"/>\n'
        f"<title>{esc(title)}</title>\n"
        f"{links}"
        "</head>\n"
        f"<body{body_attrs}>\n"
        f"{body}"
        "</body>\n"
        "</html>\n"
    )
