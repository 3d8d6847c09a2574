"""Chinese quotation marks for Traditional editions: “” → 「」 and ‘’ → 『』, nesting-aware.

OpenCC leaves quotation marks alone (OpenCC#312, #654), but Taiwan and Hong
Kong typesetting uses corner brackets: 「」 outside, 『』 for a quotation
inside a quotation.  The bracket is chosen by nesting depth, not by the
source mark, so a Simplified text that nests “…“…”…” still comes out as
「…『…』…」.  An apostrophe inside or after a Latin word (``China’s``,
``workers’``) is not a quotation mark and stays as it is.
"""

from __future__ import annotations

from rsbz_epub import regex_cache

_OPENERS = frozenset("“‘「『")
_CLOSERS = frozenset("”’」』")
#: Bracket pair by nesting depth (0 = outermost); deeper levels alternate.
_LEVELS = (("「", "」"), ("『", "』"))
#: A closing mark with no opener on the stack keeps its kind.
_LONE_CLOSE = {"”": "」", "’": "』", "」": "」", "』": "』"}
_ANY_MARK = regex_cache.compile("[“‘「『”’」』]")


def _is_latin(ch: str) -> bool:
    """True for an ASCII letter or digit (the sides of an apostrophe)."""
    return ch.isascii() and ch.isalnum()


def convert_quotes(text: str) -> str:
    """Replace curly quotation marks with corner brackets, choosing 「」 or 『』 by depth."""
    if not _ANY_MARK.search(text):
        return text
    out: list[str] = []
    stack: list[str] = []  # the source opening marks still open
    pos = 0
    for match in _ANY_MARK.finditer(text):
        i, ch = match.start(), match.group()
        out.append(text[pos:i])
        pos = i + 1
        if ch in _OPENERS:
            out.append(_LEVELS[len(stack) % 2][0] if ch in "“‘" else ch)
            stack.append(ch)
            continue
        before = text[i - 1] if i > 0 else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if ch == "’" and _is_latin(before) and (_is_latin(after) or not stack or stack[-1] != "‘"):
            out.append(ch)  # an apostrophe: China’s, workers’
        elif not stack:
            out.append(_LONE_CLOSE[ch])
        else:
            stack.pop()
            out.append(_LEVELS[len(stack) % 2][1] if ch in "”’" else ch)
    out.append(text[pos:])
    return "".join(out)
