"""A column's lines measured as the issue sets them: in ems (print: a digit or a Latin letter half of one), or in
characters (a text tool's fixed-width wrap). Which one, the issue's own lines tell."""

from __future__ import annotations

import sys
from pathlib import Path

from rsbz_epub.reader.linefeatures import line_features
from rsbz_epub.reader.measure import ems

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

# column lines of 15: each fills it, in ems (the digit lines hold more characters) or in characters
_PURE = ["近年来全市人社系统坚持把技能人", "才工作作为人才工作的重要组成部", "分，紧紧围绕城市发展战略和产业", "发展需要，大力推进技能人才培养", "使用评价激励各环节改革，队伍规"]
_IN_EMS = ["截至今年10月底，全市技能劳动者", "总量达到4780万人，其中高技能人", "才达到1190万人，占技能劳动者总"]
_IN_CHARS = ["截至今年10月底，全市技能劳动", "者总量达到478万人，其中高技", "人才达到119万人，占技能劳动"]


def _items(lines: list[str]):
    from train_reader import items_of

    return items_of(("\n".join(lines) + "\n").encode("utf-8"))


def _spans(lines: list[str]) -> list[float]:
    return [it.span for it in _items(lines)]


def test_ems_count_a_digit_or_a_latin_letter_as_half_and_a_curly_quote_as_whole() -> None:
    assert ems("340万元。") == 4.5
    assert ems("“APP”") == 3.5


def test_a_column_that_fills_in_ems_is_measured_in_ems() -> None:
    lines = _PURE + _IN_EMS + ["目前，这支队伍还在扩大。"]
    assert all(ems(t) == 15 for t in lines[:-1]) and all(len(t) > 15 for t in _IN_EMS)
    assert _spans(lines)[:-1] == [15.0] * (len(lines) - 1)
    # and the model sees each digit line fill its column, not run past it
    feats = line_features(_items(lines))
    assert all("w=full" in feats[len(_PURE) + k] for k in range(len(_IN_EMS)))


def test_a_column_that_fills_in_characters_keeps_characters() -> None:
    lines = _PURE + _IN_CHARS + ["目前，这支队伍还在扩大。"]
    assert all(len(t) == 15 for t in lines[:-1]) and all(ems(t) <= 14 for t in _IN_CHARS)
    assert _spans(lines)[:-1] == [15] * (len(lines) - 1)


def test_an_issue_with_no_column_keeps_characters() -> None:
    """One line a paragraph: the lines that run on are whole paragraphs, as long as they happen to be."""
    lines = [p * k for p, k in zip(_PURE + _IN_EMS, (1, 2, 3, 1, 2, 3, 1, 2))]
    assert _spans(lines) == [len(t) for t in lines]
