"""What the reader decided for each input line: its role, how sure it was, and whether it was joined on.

The proof page and ``check`` show this trace.  ``trace_issue`` derives it from the
IR (every node keeps its input line); the line-role model adds its own
probabilities through ``confidence``.
"""

from __future__ import annotations

from dataclasses import dataclass

from rsbz_epub.model import Aside, Caption, Issue, PageJump, Paragraph, Subheading

#: Roles a line can get, in the order the proof page's legend lists them.
ROLES: tuple[str, ...] = (
    "masthead", "page", "header", "kicker", "title", "subtitle", "byline",
    "paragraph", "section", "caption", "box", "note", "jump", "blank", "dropped",
)


@dataclass(frozen=True)
class LineRole:
    """One input line: its number, its text, its role and the reader's confidence (0–1)."""

    no: int
    text: str
    role: str
    confidence: float = 1.0
    joined: bool = False  # the paragraph goes on in the next text line (a print break rejoined)


def trace_issue(text_lines: list[str], issue: Issue, confidence: dict[int, float] | None = None) -> tuple[LineRole, ...]:
    """Give every input line (1-based, as numbered by the reader) the role the IR shows for it."""
    role: dict[int, str] = {no: "masthead" for no in issue.meta.source_lines}
    joined: set[int] = set()
    for page in issue.pages:
        role.setdefault(page.line, "page")
        for art in page.articles:
            role[art.line] = "title"
            _header_lines(text_lines, art.line, (art.kicker, "kicker"), (art.subtitle, "subtitle"), (art.byline, "byline"), role=role)
            for block in art.blocks:
                match block:
                    case Paragraph(line=line, joins=joins):
                        role.setdefault(line, "paragraph")
                        for j in joins:
                            role.setdefault(j, "paragraph")
                            joined.add(_previous_text(text_lines, j))
                    case Subheading(line=line):
                        role[line] = "section"
                    case Caption(line=line):
                        role[line] = "caption"
                    case Aside(line=line, paragraphs=paras):
                        role.setdefault(line, "box")
                        for k, no in _lines_holding(text_lines, line, paras):
                            role.setdefault(no, "box")
                    case PageJump(line=line):
                        role[line] = "jump"
    conf = confidence or {}
    out = []
    for no, text in enumerate(text_lines, start=1):
        r = role.get(no) or ("blank" if not text.strip() else "dropped")
        out.append(LineRole(no=no, text=text, role=r, confidence=conf.get(no, 1.0), joined=no in joined))
    return tuple(out)


def _header_lines(text_lines: list[str], title_line: int, *parts: tuple[str | None, str], role: dict[int, str]) -> None:
    """Mark the kicker, subtitle and byline lines found within a few lines of the title."""
    for value, name in parts:
        if not value:
            continue
        want = "".join(value.split()).lstrip("—-－")
        for no in range(max(1, title_line - 3), min(len(text_lines), title_line + 6) + 1):
            have = "".join(text_lines[no - 1].split()).lstrip("—-－■□")
            if have and no not in role and (want in have or have in want) and len(have) >= min(len(want), 2):
                role[no] = name
                break


def _previous_text(text_lines: list[str], no: int) -> int:
    """The nearest non-blank line before ``no`` (the line a break was rejoined from)."""
    k = no - 1
    while k > 1 and not text_lines[k - 1].strip():
        k -= 1
    return k


def _lines_holding(text_lines: list[str], start: int, paras: tuple[str, ...]) -> list[tuple[int, int]]:
    """Input lines after ``start`` whose text occurs in the box's paragraphs."""
    joined = "".join("".join(p.split()) for p in paras)
    out = []
    for no in range(start + 1, min(len(text_lines), start + 200) + 1):
        t = "".join(text_lines[no - 1].split())
        if not t:
            continue
        if t not in joined:
            break
        out.append((len(out), no))
    return out
