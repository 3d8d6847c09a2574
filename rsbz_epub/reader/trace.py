"""What the reader decided for each input line: its role, how sure it was, and whether it was joined on.

The proof page and ``check`` show this trace. Item lines (text the articles are
read from) carry the line-role model's role and probability; masthead, page and
removed header lines are named from the steps that consumed them.
"""

from __future__ import annotations

from dataclasses import dataclass

from rsbz_epub.model import Diagnostic, Issue
from rsbz_epub.reader.diagnostics import diag

#: Roles a line can get, in the order the proof page's legend lists them.
ROLES: tuple[str, ...] = (
    "masthead", "page", "header", "kicker", "title", "subtitle", "byline",
    "paragraph", "section", "caption", "box", "note", "jump", "blank", "dropped",
)

#: The line-role model's labels (corpus/layout.py ROLES) as trace roles.
_NAMES = {
    "K": "kicker", "T": "title", "R": "title", "S": "subtitle", "B": "byline", "H": "section", "C": "caption",
    "N": "note", "J": "jump", "P": "paragraph", "W": "paragraph", "X": "box", "M": "masthead", "G": "page",
}

#: Below this probability a decision is listed for staff (R016).
UNSURE = 0.6
#: At most this many R016 lines per issue, the least certain first.
MOST = 12

_FIX = {
    "title": "if it is not a title, start it with \\ (a paragraph)",
    "kicker": "if it is the title, start it with '# '",
    "subtitle": "if it is the title, start it with '# '",
    "section": "if it is body text, start it with \\; if it is a new article, start it with '# '",
    "paragraph": "if it heads an article, start it with '# '; a section head, '## '",
    "byline": "if it is body text, start it with \\",
    "caption": "if it is body text, start it with \\",
    "note": "if it heads an article, start it with '# '",
    "box": "if it heads an article, start it with '# '",
}


@dataclass(frozen=True)
class LineRole:
    """One input line: its number, its text, its role and the reader's confidence (0–1)."""

    no: int
    text: str
    role: str
    confidence: float = 1.0
    joined: bool = False  # the paragraph goes on in the next text line (a print break or wrap rejoined)


def trace_lines(text_lines: list[str], issue: Issue, chunks: list, roles: dict[int, tuple[str, float]]) -> tuple[LineRole, ...]:
    """Every input line (1-based, as the reader numbers them) with its role."""
    masthead = set(issue.meta.source_lines)
    page_lines = {c.line for c in chunks if c.marked}
    out = []
    for no, text in enumerate(text_lines, start=1):
        if no in roles:
            label, prob = roles[no]
            out.append(LineRole(no, text, _NAMES.get(label, "paragraph"), round(prob, 3), joined=label == "W"))
        elif not text.strip():
            out.append(LineRole(no, text, "blank"))
        elif no in masthead:
            out.append(LineRole(no, text, "masthead"))
        elif no in page_lines:
            out.append(LineRole(no, text, "page"))
        else:
            out.append(LineRole(no, text, "header"))  # consumed as a running header, footer or page credit
    return tuple(out)


def uncertain_lines(roles: dict[int, tuple[str, float]], chunks: list) -> list[Diagnostic]:
    """R016 for the least certain decisions (below ``UNSURE``), at most ``MOST``, each with its fix."""
    text = {ln.no: ln.text for c in chunks for ln in c.lines}
    unsure = sorted((p, no, label) for no, (label, p) in roles.items() if p < UNSURE)[:MOST]
    out = []
    for p, no, label in sorted(unsure, key=lambda t: t[1]):
        name = _NAMES.get(label, "paragraph")
        line = text.get(no, "")
        shown = line if len(line) <= 24 else line[:23] + "…"
        out.append(diag("R016", f"unsure ({p:.0%}) that '{shown}' is a {name}: {_FIX.get(name, 'check it')}", no))
    return out
