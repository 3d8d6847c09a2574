"""Parallel archives: bounded work in flight, progress figures, the end-of-run summary table."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from cli_support import CliRunner

from rsbz_epub.batch import Result, _Pool
from rsbz_epub.cli import main
from rsbz_epub.console import rate_text, summary_table
from rsbz_epub.model import Diagnostic

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = [ROOT / "examples" / f"rsbz-2021-{n}.txt" for n in (40, 41, 42)]


def square(n: int) -> int:
    return n * n


def test_only_a_window_of_work_is_in_flight():
    """A 1,000-issue run never queues all its issues at once: memory stays bounded."""
    taken = []

    def calls():
        for n in range(1000):
            taken.append(n)
            yield (n,)

    with _Pool(2) as pool:
        results = pool.map(square, calls())
        first = next(results)
        assert len(taken) <= 4 + 1, f"{len(taken)} calls taken before the first result"
        rest = list(results)
    assert sorted([first, *rest]) == [n * n for n in range(1000)]


def test_rate_text():
    assert rate_text(0, 0) == "– issues/s"
    assert rate_text(6, 2.0) == "3.0 issues/s"


def test_summary_table_counts_results_and_warnings_by_code():
    results = [
        Result("a", "built", diagnostics=(Diagnostic("R007", "x"), Diagnostic("R008", "y", severity="info"))),
        Result("b", "built", diagnostics=(Diagnostic("R007", "z"), Diagnostic("S001", "w"))),
        Result("c", "skipped"),
        Result("d", "failed", 65, "error: d: …"),
    ]
    console = Console(width=80, record=True)
    console.print(summary_table(results, 1.5))
    text = console.export_text()
    rows = {line.split("│")[1].strip(): line.split("│")[2].strip() for line in text.splitlines() if line.count("│") == 3}
    assert rows == {"built": "2", "skipped": "1", "failed": "1", "warning R007": "2", "warning S001": "1"}


def test_a_parallel_run_counts_done_of_total_and_ends_with_the_table(tmp_path):
    result = CliRunner().invoke(main, ["build", *map(str, EXAMPLES), "-o", str(tmp_path), "--format", "epub", "-j", "2"])
    assert result.exit_code == 0, result.output
    assert all(f"[{i}/3]" in result.output for i in (1, 2, 3))
    assert "built" in result.output and "3 input(s)" in result.output
