"""The reader's work grows linearly with the lines of an article (a table dumped one cell per line).

A scaling ratio, not a timed assertion: the work is counted as the function calls
the interpreter makes (Python and C, via ``sys.setprofile``), which no other load on
the machine can disturb.  Reading 4x the lines may take about 4x the calls; a step
that is quadratic in lines per article takes about 16x and fails here.
"""

from __future__ import annotations

import sys

import pytest

from rsbz_epub.reader import read_issue

HEAD = "人力资源社会保障\n2021年10月21日 第40期\n\n标题一二三\n\n"
SHAPES = {
    "one character per line": lambda n: "\n".join("字" for _ in range(n)),
    "one table cell per line": lambda n: "\n".join(f"单元{i % 97}" for i in range(n)),
    "sections of cells": lambda n: "\n".join("（一）小标题" if i % 50 == 0 else "项目名称，" for i in range(n)),
}


def _calls(body: str) -> int:
    data = (HEAD + body + "\n").encode("utf-8")
    read_issue(data)  # warm: lazy compiles and caches are not part of the scaling
    count = 0

    def profile(frame, event, arg):  # noqa: ANN001 - sys.setprofile's signature
        nonlocal count
        count += 1

    sys.setprofile(profile)
    try:
        read_issue(data)
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_reading_work_grows_linearly_with_lines_per_article(shape: str) -> None:
    make = SHAPES[shape]
    small, large = _calls(make(800)), _calls(make(3200))
    ratio = large / small
    assert ratio < 6, f"4x the lines made {ratio:.1f}x the calls ({small} → {large}): a quadratic step is back"
