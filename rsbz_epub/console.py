"""What the CLI shows besides errors: safe echoes of user text, the batch progress bar, the summary table.

User text (file names, folder names, messages quoting them) is never read as rich
markup, and terminal control sequences in it are shown as escapes, not obeyed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from rich.markup import escape
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console

    from rsbz_epub.batch import Result

# C0 and C1 controls (ESC starts terminal sequences; CSI is \x9b) and DEL; a tab or a line
# break in a file name would break the one line a result or an error is shown on.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")


def plain(text: str) -> str:
    """``text`` with every control character shown as an escape (``\\x1b``), nothing obeyed."""
    return _CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def shown(text: str) -> str:
    """``text`` ready for a rich markup string: controls escaped, ``[`` not read as markup."""
    return escape(plain(text))


def progress(console: "Console") -> Any:
    """A progress bar for a batch: issues done / total, rate, time left."""
    from rich.progress import BarColumn, Progress, ProgressColumn, TextColumn, TimeRemainingColumn

    class Rate(ProgressColumn):
        def render(self, task: Any) -> Text:
            return Text(rate_text(task.completed, task.elapsed))

    return Progress(
        TextColumn("building"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        Rate(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    )


def rate_text(done: float, seconds: float | None) -> str:
    """``"2.4 issues/s"`` (``"– issues/s"`` before the first one is done)."""
    if not done or not seconds:
        return "– issues/s"
    return f"{done / seconds:.1f} issues/s"


def summary_table(results: Iterable["Result"], seconds: float) -> Any:
    """The end-of-run table: built, skipped, failed, and warnings by code."""
    from rich.table import Table

    results = list(results)
    count = Counter(r.status for r in results)
    codes = Counter(d.code for r in results for d in r.diagnostics if d.severity == "warning")
    table = Table(title=f"{len(results)} input(s) in {seconds:.1f} s", title_justify="left", show_header=True)
    table.add_column("result")
    table.add_column("issues", justify="right")
    for status in ("built", "skipped", "failed"):
        table.add_row(status, str(count.get(status, 0)))
    for code, n in sorted(codes.items()):
        table.add_row(f"warning {code}", str(n))
    return table
