"""Text → numbered lines: CRLF/CR, form feeds as page boundaries, XML-forbidden characters removed."""

from __future__ import annotations

from dataclasses import dataclass

from rsbz_epub import regex_cache
from rsbz_epub.model import Diagnostic
from rsbz_epub.reader.diagnostics import diag
from rsbz_epub.reader.spacing import spread_as_a_whole, unspaced

# Everything XML 1.0 forbids (the form feed is taken out before, as a page boundary).
_FORBIDDEN = regex_cache.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_INDENT = regex_cache.compile(r"^(?:\u3000+|[ \t]{2,}|\t)")


@dataclass(frozen=True)
class Line:
    """One input line as the reader sees it."""

    no: int  # 1-based input line number
    text: str  # stripped of surrounding whitespace
    indent: bool = False  # began with a full-width indent, a tab or 2+ spaces
    feed: bool = False  # a form feed came right before (a page boundary)
    force: str | None = None  # staff override: "title", "subheading", "page", "literal"
    spread: bool = False  # print spread every character apart (春 耕 时 节); ``text`` holds it set close

    @property
    def blank(self) -> bool:
        """True for an empty line."""
        return not self.text


def split_lines(text: str) -> tuple[list[Line], list[Diagnostic]]:
    """Number the lines (CRLF and CR count as one break), mark form feeds, drop forbidden characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines: list[Line] = []
    removed = 0
    first_removed: int | None = None
    pending_feed = False
    for no, raw in enumerate(text.split("\n"), start=1):
        if "\f" in raw:
            # pdftotext puts the feed at the start of the next page's first line; any
            # position means "a page ends here", so text after it starts the new page.
            before, _, after = raw.rpartition("\f")
            if before.replace("\f", "").strip():
                lines.append(_line(no, before.replace("\f", ""), pending_feed))
                pending_feed = False
            pending_feed = True
            raw = after
        cleaned, n = _FORBIDDEN.subn("", raw)
        if n:
            removed += n
            first_removed = first_removed or no
        lines.append(_line(no, cleaned, pending_feed and bool(cleaned.strip())))
        if cleaned.strip():
            pending_feed = False
    diags = []
    if removed:
        diags.append(diag("R002", f"{removed} control character(s) that XML forbids were removed", first_removed))
    return lines, diags


def _line(no: int, raw: str, feed: bool) -> Line:
    stripped = raw.strip(" \t\u3000\u00a0\ufeff")
    spread = spread_as_a_whole(stripped)
    if spread:  # 春 耕 时 节: print spread the line; it is read set close, as its words
        stripped = unspaced(stripped)
    return Line(no=no, text=stripped, indent=bool(stripped) and bool(_INDENT.match(raw)), feed=feed, spread=spread)
