"""Stable diagnostic codes of the reader (R…) and of jump stitching (S…).

Codes never change meaning; new ones are appended.  Every diagnostic carries
the 1-based input line it is about when there is one.

=====  ========  ================================================================
code   severity  meaning
=====  ========  ================================================================
R001   info      input was not UTF-8; the encoding that was used is named
R002   warning   characters XML forbids were removed (count given)
R003   warning   a masthead field (paper, date, issue number) was not found; config default used
R004   info      a masthead field was not printed; taken from the publication config
R005   warning   a page label repeats or goes backwards (pages kept in input order)
R006   info      a running page header/footer or page credit line was removed
R007   warning   the same character ends one part and begins the next at a rejoined break (both kept)
R008   info      a paragraph broken by a column/page break was rejoined
R009   warning   a title looks suspicious (very long, or ends like a sentence)
R010   warning   a jump marker in the middle of a paragraph was left in the text
R011   warning   text before the first title on a page was kept as an untitled article
R012   warning   a staff override line is malformed and was read as plain text
R013   info      a staff override was applied
R014   warning   no article text found after the masthead
R015   warning   no publication config for this paper: name and folder from the masthead, publisher/ISSN/CN only where printed
R016   info      the line-role model was unsure of a line (its probability and the override that fixes it are named)
R017   info      the issue was read with the line-role model that has met its paper (its own habits are known)
S001   warning   a continued-on jump was not resolved (the other half is not in this issue)
S002   warning   a continued-from jump was not resolved (its start is not in this issue)
S003   info      a jump was stitched (pages and titles named)
S004   warning   several continuations matched one jump equally well; the first in print order was used
S005   info      a start's heading lines were re-read by the title its continuation repeats
=====  ========  ================================================================
"""

from __future__ import annotations

from rsbz_epub.model import Diagnostic, Severity

_SEVERITY: dict[str, Severity] = {
    "R001": "info",
    "R002": "warning",
    "R003": "warning",
    "R004": "info",
    "R005": "warning",
    "R006": "info",
    "R007": "warning",
    "R008": "info",
    "R009": "warning",
    "R010": "warning",
    "R011": "warning",
    "R012": "warning",
    "R013": "info",
    "R014": "warning",
    "R015": "warning",
    "R016": "info",
    "R017": "info",
    "S001": "warning",
    "S002": "warning",
    "S003": "info",
    "S004": "warning",
    "S005": "info",
}


def diag(code: str, message: str, line: int | None = None) -> Diagnostic:
    """A diagnostic with the severity that belongs to its code."""
    return Diagnostic(code=code, message=message, line=line, severity=_SEVERITY[code])
