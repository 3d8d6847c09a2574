"""bench/rule_ablation.py: every rule the reader applies after the model can be switched off and measured."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import rule_ablation  # noqa: E402
from rsbz_epub.reader import rolepasses  # noqa: E402


def test_the_rules_are_the_passes_corrected_applies_and_no_helper() -> None:
    names = rule_ablation.rules()
    assert {"continued_lines_are_text", "captions_above_credits", "titles_set_apart", "guides_list_an_entry_a_line"} <= set(names)
    assert "column_widths" not in names and "wrapped_pages" not in names and "corrected" not in names


def test_a_rule_switched_off_is_put_back() -> None:
    rule = rolepasses.guides_list_an_entry_a_line
    with rule_ablation.switched_off("guides_list_an_entry_a_line"):
        assert rolepasses.guides_list_an_entry_a_line is not rule
    assert rolepasses.guides_list_an_entry_a_line is rule


def test_switching_a_rule_off_shows_what_it_is_worth(capsys) -> None:
    # an invented issue whose guide (今日导读) lists an entry a line: without the rule its entries run together
    answer = ROOT / "tests/corpus/dhcb-2024-09-12.answer.json"
    rule_ablation.main(["--rules", "guides_list_an_entry_a_line", str(answer)])
    out = capsys.readouterr().out.splitlines()
    head, on, row = out[0].split(), out[1], out[2].split()
    assert on.startswith("every rule on") and row[0] == "guides_list_an_entry_a_line"
    assert int(row[1 + head.index("paragraphs")]) == -1


def test_an_unknown_rule_is_named_and_nothing_is_read(capsys, monkeypatch) -> None:
    monkeypatch.setattr(rule_ablation, "_measure", lambda args: (_ for _ in ()).throw(AssertionError("read")))
    assert rule_ablation.main(["--rules", "guides_list_an_entry_a_line,no_such_rule"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("no such rule: no_such_rule (the rules: ") and "guides_list_an_entry_a_line" in out
