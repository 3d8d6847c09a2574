"""What the CLI shows: safe echoes of user text, the batch progress bar, the summary table.

User text (file names, folder names, messages quoting them) is never read as rich
markup, and terminal control sequences in it are shown as escapes, not obeyed. On a
terminal the lines are coloured through rich; written to a file or a pipe (a script, an
archive run) they are plain text, and rich is not even loaded: it would cost a cold build
about a tenth of its time.
"""

from __future__ import annotations

import os
import re
import sys
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TextIO, Union

if TYPE_CHECKING:
    from rich.console import Console

    from rsbz_epub.batch import Result

# C0 and C1 controls (ESC starts terminal sequences; CSI is \x9b) and DEL; a tab or a line
# break in a file name would break the one line a result or an error is shown on.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")

# a piece of a line: plain text, or (text, rich style) such as ("✓", "green")
Part = Union[str, "tuple[str, str]"]


def plain(text: str) -> str:
    """``text`` with every control character shown as an escape (``\\x1b``), nothing obeyed."""
    return _CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


class Stream:
    """Standard output or standard error, as the CLI writes to it (looked up at each write, so a caller may swap
    ``sys.stdout``): coloured through rich on a terminal or when ``FORCE_COLOR`` asks, plain text otherwise."""

    def __init__(self, stderr: bool = False) -> None:
        self.stderr = stderr
        self._console: Console | None = None
        self._file: TextIO | None = None

    @property
    def file(self) -> TextIO:
        return sys.stderr if self.stderr else sys.stdout

    @property
    def is_terminal(self) -> bool:
        try:
            return bool(self.file.isatty())
        except (AttributeError, ValueError, OSError):  # no isatty, or a closed stream
            return False

    @property
    def console(self) -> Console:
        """The rich console for this stream (made on first use, again when the stream was swapped)."""
        if self._console is None or self._file is not self.file:
            from rich.console import Console

            self._console, self._file = Console(file=self.file, highlight=False), self.file
        return self._console

    def _coloured(self) -> bool:
        return self.is_terminal or bool(os.environ.get("FORCE_COLOR"))

    def line(self, *parts: Part) -> None:
        """One line made of ``parts``, each shown as it is (no markup read, controls escaped)."""
        pieces = [(plain(p), "") if isinstance(p, str) else (plain(p[0]), p[1]) for p in parts]
        if self._coloured():
            from rich.text import Text

            self.console.print(Text.assemble(*pieces), soft_wrap=True)
        else:
            self.file.write("".join(text for text, _ in pieces) + "\n")
            self.file.flush()

    def show(self, renderable: Any) -> None:
        """A rich renderable: the ``check`` tree, the batch summary table."""
        self.console.print(renderable)


def progress(console: "Console") -> Any:
    """A progress bar for a batch: issues done / total, rate, time left."""
    from rich.progress import BarColumn, Progress, ProgressColumn, TextColumn, TimeRemainingColumn
    from rich.text import Text

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


def diagnostic_lines(diags: Iterable[Any], source: str) -> list[tuple[str, str]]:
    """One line per diagnostic, ``FILE:LINE: SEVERITY CODE message``, with its style."""
    lines = []
    for d in diags:
        where = f"{source}:{d.line}" if d.line is not None else source
        lines.append((f"{where}: {d.severity} {d.code} {d.message}", "yellow" if d.severity == "warning" else "dim"))
    return lines
