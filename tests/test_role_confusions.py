"""bench/role_confusions.py: the line roles read wrong, counted by answer and reading, per article and in examples."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import role_confusions  # noqa: E402
from lopo import later_days  # noqa: E402

# two articles: the first has a head read as running on and a caption read as text, the second a paragraph's end
# read as running on; a kicker over the second title is no article of its own
ISSUE = {
    "paper": "人民日报", "name": "rmrb-2026-05-07-1", "layout": "blank",
    "text": ["标题一", "正文第一段。", "小标题", "正文第二段。", "图为现场。", "引题——", "标题二", "正文", "完。"],
    "answer": ["T", "P", "H", "P", "C", "K", "T", "P", "P"],
    "read": ["T", "P", "W", "P", "P", "K", "T", "W", "P"],
}
OTHER = {**ISSUE, "paper": "学习时报", "layout": "wrap-plain", "read": list(ISSUE["answer"])}


def test_confusions_count_each_line_read_wrong_by_answer_and_reading() -> None:
    assert role_confusions.confusions([ISSUE, OTHER]) == {"H>W": 1, "C>P": 1, "P>W": 1}


def test_each_article_counts_once_by_its_most_frequent_confusion() -> None:
    # the first article has one H>W and one C>P (the first met wins a tie); the kicker belongs to the second title
    assert role_confusions.article_confusions([ISSUE]) == {"H>W": 1, "P>W": 1}
    assert role_confusions.article_confusions([OTHER]) == {}


def test_the_report_groups_by_paper_and_layout() -> None:
    lines = role_confusions.report([ISSUE, OTHER])
    assert lines[0].split()[:2] == ["pooled", "3"]
    by_paper = lines[lines.index("per paper") + 1 : lines.index("per paper") + 3]
    assert [x.split()[:2] for x in by_paper] == [["人民日报", "3"], ["学习时报", "0"]]
    assert any(x.split()[:2] == ["wrap-plain", "0"] for x in lines)


def test_examples_show_the_line_with_its_neighbours() -> None:
    out = role_confusions.examples([ISSUE, OTHER], "C>P", 5)
    assert out[0] == "C>P: 1 lines" and out[1].startswith("--- rmrb-2026-05-07-1 (人民日报, blank)")
    marked = [x for x in out if x.startswith(">>")]
    assert marked == [">> C P  图为现场。"] and len(out) == 2 + 5


def test_the_later_issues_are_each_papers_latest_third() -> None:
    laid = [(p, SimpleNamespace(name=f"{p}-2026-05-0{d}-1")) for p in ("a", "b") for d in range(1, 7)]
    assert later_days(laid, ["a", "b"]) == {"a-2026-05-05", "a-2026-05-06", "b-2026-05-05", "b-2026-05-06"}
    assert later_days(laid, ["a"]) == {"a-2026-05-05", "a-2026-05-06"}


def test_a_count_of_examples_that_is_no_number_is_refused_before_anything_is_read(capsys, monkeypatch) -> None:
    monkeypatch.setattr(role_confusions, "readings", lambda *a: (_ for _ in ()).throw(AssertionError("read")))
    with pytest.raises(SystemExit) as exit_:
        role_confusions.main(["--models", "/nowhere", "--examples", "H>W", "many"])
    assert exit_.value.code == 2 and "N must be a number of lines, not 'many'" in capsys.readouterr().err
