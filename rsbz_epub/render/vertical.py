"""Upright numbers in vertical text: short ASCII digit runs get ``text-combine-upright``.

In ``writing-mode: vertical-rl`` Latin digits lie on their side; Apple Books and
Kobo set a run of up to four digits upright in one character cell (縱中橫,
tate-chū-yoko) when it is wrapped in an element with ``text-combine-upright: all``
(vertical.css, class ``tcy``).  Longer runs (a phone number, 12333) stay sideways,
which is how print sets them too.  This is presentation, so it happens here on
the markup, never in the IR.
"""

from __future__ import annotations

from rsbz_epub import regex_cache

#: 1–4 ASCII digits not touching other Latin text, a decimal point, an entity (&#13;) or a URL.
_RUN = regex_cache.compile(r"(?<![0-9A-Za-z.,:/%#&+_-])[0-9]{1,4}(?![0-9A-Za-z.,:/%;+_-])")
_TEXT = regex_cache.compile(r">([^<]+)<")
TCY_CLASS = "tcy"


def _combine(text: str) -> str:
    return _RUN.sub(lambda m: f'<span class="{TCY_CLASS}">{m.group(0)}</span>', text)


def combine_digits(xhtml: str) -> str:
    """Wrap short digit runs of the body's text nodes in ``<span class="tcy">`` (attributes untouched)."""
    head, sep, body = xhtml.partition("<body")
    if not sep:
        return xhtml
    return head + sep + _TEXT.sub(lambda m: ">" + _combine(m.group(1)) + "<", body)
