"""The reader's time grows linearly with the lines of an article (a table dumped one cell per line).

A scaling ratio, not a timed assertion: reading 4x the lines may take about 4x the time;
a step that is quadratic in lines per article takes about 16x (and more than 6x at these sizes) and fails here.
"""

from __future__ import annotations

import time

import pytest

from rsbz_epub.reader import read_issue

HEAD = "人力资源社会保障\n2021年10月21日 第40期\n\n标题一二三\n\n"
SHAPES = {
    "one character per line": lambda n: "\n".join("字" for _ in range(n)),
    "one table cell per line": lambda n: "\n".join(f"单元{i % 97}" for i in range(n)),
    "sections of cells": lambda n: "\n".join("（一）小标题" if i % 50 == 0 else "项目名称，" for i in range(n)),
}


def _seconds(body: str) -> float:
    data = (HEAD + body + "\n").encode("utf-8")
    best = float("inf")
    for _ in range(3):  # the best of three is the least disturbed by other test processes
        start = time.perf_counter()
        read_issue(data)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_reading_time_grows_linearly_with_lines_per_article(shape: str) -> None:
    make = SHAPES[shape]
    small, large = _seconds(make(2500)), _seconds(make(10000))
    ratio = large / small
    assert ratio < 6, f"4x the lines took {ratio:.1f}x the time ({small:.3f} s → {large:.3f} s): a quadratic step is back"
