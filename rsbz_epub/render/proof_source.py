"""The proof page's left side: every input line with its number, role band, confidence and warnings.

One ``<li>`` per input line and nothing else in the list, so the page stays light on a
50-page archive issue: the role name, the confidence figure and the rejoined-break mark
are drawn by CSS from ``data-r``/``data-c`` and classes, not written 30,000 times.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from rsbz_epub.model import Diagnostic
from rsbz_epub.reader.trace import LineRole
from rsbz_epub.render.markup import attr, esc

#: Confidence below which a line is always highlighted as uncertain.
UNSURE = 0.5
#: Besides those, the least certain lines (below ``DOUBT``) are highlighted: at least
#: ``LOWEST_MIN`` of them, or ``LOWEST_SHARE`` of the text lines on a long issue.
DOUBT = 0.95
LOWEST_MIN = 5
LOWEST_SHARE = 0.02
#: Lines per chunk of the left list, and characters per row for its height estimate.
CHUNK = 100
ROW_CHARS = 36

# Control characters are shown as their visible Control Pictures (U+2400…) so a form
# feed or a stray byte is seen, not lost; the raw line then rides along in data-raw.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
_ROLE_CLASS = re.compile(r"[^a-z0-9-]+")


def least_certain(trace: Sequence[LineRole]) -> list[LineRole]:
    """The lines to highlight, least certain first (blank lines never count)."""
    text = [r for r in trace if r.text.strip() and r.confidence < DOUBT]
    text.sort(key=lambda r: (r.confidence, r.no))
    keep = max(LOWEST_MIN, int(LOWEST_SHARE * sum(1 for r in trace if r.text.strip())))
    return [r for i, r in enumerate(text) if i < keep or r.confidence < UNSURE]


def role_class(role: str) -> str:
    """A CSS-safe class for a role name (the reader may add roles; they get a neutral band)."""
    return "r-" + (_ROLE_CLASS.sub("-", role.lower()).strip("-") or "x")


def _picture(char: str) -> str:
    code = ord(char)
    return chr(0x2400 + code) if code < 0x20 else "\u2421" if code == 0x7F else "\ufffd"


def _shown(text: str) -> str:
    """Escaped text with each control character as a marked, visible Control Picture."""
    parts = _CONTROL.split(text)
    if len(parts) == 1:
        return esc(text)
    marks = [f'<span class="cc">{_picture(c)}</span>' for c in _CONTROL.findall(text)]
    return "".join(esc(p) + (marks[i] if i < len(marks) else "") for i, p in enumerate(parts))


def _warning(d: Diagnostic) -> str:
    return f'<span class="w {d.severity}" role="note"><b>{esc(d.code)}</b> {esc(d.message)}</span>'


def source_list(trace: Sequence[LineRole], diagnostics: Iterable[Diagnostic]) -> str:
    """The left list: chunks of ``CHUNK`` lines that the browser lays out only when on screen.

    ``content-visibility: auto`` on each chunk is what keeps a 20,000-line issue fast;
    the estimated height (wrapped rows of about ``ROW_CHARS`` characters) keeps the
    scroll bar honest until a chunk has been seen.
    """
    items = source_lines(trace, diagnostics)
    out = []
    for start in range(0, len(items), CHUNK):
        part = trace[start : start + CHUNK]
        rows = sum(max(1, -(-len(r.text) // ROW_CHARS)) for r in part)
        out.append(
            f'<ol class="chunk" role="presentation" style="contain-intrinsic-size:auto {rows * 1.55:.1f}em">\n'
            f'{"".join(items[start : start + CHUNK])}</ol>\n'
        )
    return "".join(out)


def source_lines(trace: Sequence[LineRole], diagnostics: Iterable[Diagnostic]) -> list[str]:
    """The ``<li>`` items of the left list, one per input line, in input order."""
    by_line: dict[int, list[Diagnostic]] = defaultdict(list)
    for d in diagnostics:
        if d.line is not None:
            by_line[d.line].append(d)
    low = {r.no for r in least_certain(trace)}
    out: list[str] = []
    for r in trace:
        classes = ["ln", role_class(r.role)]
        if r.joined:
            classes.append("j")
        if r.no in low:
            classes.append("low")
        extra = ""
        if _CONTROL.search(r.text):  # shown as Control Pictures; the line itself rides along
            extra = f' data-raw="{attr(json.dumps(r.text))}"'
        if r.text.strip():
            extra += f' data-c="{round(r.confidence * 100)}"'
        notes = by_line.get(r.no, ())
        if notes:
            classes.append("has-w")
        out.append(
            f'<li id="L{r.no}" class="{" ".join(classes)}" data-r="{attr(r.role)}" role="option"{extra}>'
            f'<span class="n">{r.no}</span><span class="t">{_shown(r.text)}</span>'
            f'{"".join(_warning(d) for d in notes)}</li>\n'
        )
    return out
