"""Staff markup in the raw text, for when a heuristic gets a line wrong.

========================  ==========================================================
line in the input         meaning
========================  ==========================================================
``# 标题``                this line is an article title (starts a new article)
``## 小标题``             this line is a subheading inside the current article
``=== 第3版 ===``         a page (版) begins here; a name may follow: ``=== 第3版 要闻 ===``
``\\任何文字``            a literal line: the backslash is dropped, the rest is one
                          paragraph of its own, never joined, retitled or re-punctuated
                          (write ``\\#`` for a paragraph that really starts with ``#``)
========================  ==========================================================

The marks must start the line (after optional indentation); ``#`` needs a space after it
so hashtags such as ``#上海人社#`` stay text.
"""

from __future__ import annotations

from dataclasses import replace

from rsbz_epub import regex_cache
from rsbz_epub.model import Diagnostic
from rsbz_epub.reader.diagnostics import diag
from rsbz_epub.reader.lines import Line

_TITLE = regex_cache.compile(r"^#[ \u3000]+(\S.*)$")
_SUBHEADING = regex_cache.compile(r"^##[ \u3000]+(\S.*)$")
_PAGE = regex_cache.compile(r"^={3,}\s*(.*?)\s*={3,}$")


def apply_overrides(lines: list[Line]) -> tuple[list[Line], list[Diagnostic]]:
    """Tag override lines (their marks removed) so later steps obey them."""
    out: list[Line] = []
    diags: list[Diagnostic] = []
    for line in lines:
        text = line.text
        if text.startswith("\\"):
            out.append(replace(line, text=text[1:].strip(), force="literal", indent=False))
        elif m := _SUBHEADING.match(text):
            out.append(replace(line, text=m.group(1).strip(), force="subheading", indent=False))
        elif m := _TITLE.match(text):
            out.append(replace(line, text=m.group(1).strip(), force="title", indent=False))
        elif m := _PAGE.match(text):
            if not m.group(1):
                diags.append(diag("R012", "a '=== … ===' page line names no page; read as text", line.no))
                out.append(line)
                continue
            out.append(replace(line, text=m.group(1), force="page", indent=False))
        else:
            out.append(line)
            continue
        diags.append(diag("R013", f"staff override '{out[-1].force}' applied", line.no))
    return out, diags
