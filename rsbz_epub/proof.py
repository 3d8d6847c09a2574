"""The proof page of one issue, in memory: read with the trace, stitch, render (no files, no printing)."""

from __future__ import annotations

from collections.abc import Sequence

from rsbz_epub.model import Issue
from rsbz_epub.options import BuildOptions
from rsbz_epub.reader import read_issue_traced
from rsbz_epub.reader.trace import LineRole
from rsbz_epub.render.proof import render_proof
from rsbz_epub.transforms.stitch import stitch_jumps

PROOF_NAME = "proof.html"


def read_traced(data: bytes, options: BuildOptions) -> tuple[Issue, tuple[LineRole, ...]]:
    """The stitched issue every edition starts from, and what the reader decided per input line."""
    issue, trace = read_issue_traced(data, options.read)  # every line's role, confidence and join
    return stitch_jumps(issue, keep_print_order=options.keep_print_order), _file_lines(trace)


def _file_lines(trace: Sequence[LineRole]) -> tuple[LineRole, ...]:
    """The trace without the empty 'line' after a final newline, which no editor shows."""
    if len(trace) > 1 and trace[-1].text == "":
        return tuple(trace[:-1])
    return tuple(trace)


def proof_page(issue: Issue, trace: Sequence[LineRole], source_name: str) -> bytes:
    """The self-contained HTML proof page as UTF-8 bytes."""
    return render_proof(issue, trace, source_name=source_name).encode("utf-8")


def build_proof(data: bytes, options: BuildOptions, source_name: str) -> bytes:
    """Bytes of a raw issue → its proof page: read with the trace, stitch jumps, render."""
    issue, trace = read_traced(data, options)
    return proof_page(issue, trace, source_name)
