"""bench/lopo.py --models: each held-out model is kept in the folder and read again next time, not retrained.

The real corpus is not committed, so two "papers" are laid out from the fixture records and the
trainings use their own lines only (no invented issues): a few seconds.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import corpus.issues  # noqa: E402
from corpus.layout import lay_out  # noqa: E402

_spec = importlib.util.spec_from_file_location("rsbz_bench_lopo", ROOT / "bench" / "lopo.py")
assert _spec and _spec.loader
lopo = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = lopo
_spec.loader.exec_module(lopo)  # puts bench/ on sys.path: train_reader and metrics below are bench's
import train_reader  # noqa: E402

RECORDS = json.loads((ROOT / "tests" / "fixtures" / "records.json").read_text(encoding="utf-8"))


def _figures(result: dict) -> dict:
    return {paper: [(r.name, {k: (v.right, v.total) for k, v in r.scores.items()}) for r in rs] for paper, rs in result.items()}


def test_kept_models_are_read_again_instead_of_trained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    laid = [("甲报", lay_out(RECORDS, 1, "jb-2024-01-01-1")), ("乙报", lay_out(RECORDS, 2, "yb-2024-01-01-1"))]
    monkeypatch.setattr(corpus.issues, "dumps", lambda paragraphs=None, spread=False: iter(laid))
    monkeypatch.setattr(train_reader, "training_dumps", lambda: laid)  # one layout each: the test is about kept models
    monkeypatch.setattr(train_reader, "invented_sequences", lambda: [])
    monkeypatch.setattr(train_reader, "snippet_sequences", lambda: [])
    monkeypatch.setattr(corpus.issues, "load_records", lambda: RECORDS)  # the clause tables' text: the issues'
    monkeypatch.setattr(lopo, "_TABLES", {})
    first = lopo.lopo(models=tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["without-乙报.crfsuite", "without-甲报.crfsuite"]

    def no_training(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a kept model was trained again")

    monkeypatch.setattr(train_reader, "train", no_training)
    monkeypatch.setattr(train_reader, "dump_sequence", no_training)  # nor are features computed
    assert _figures(lopo.lopo(models=tmp_path)) == _figures(first)


def test_kept_later_models_are_read_again_instead_of_trained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--real --later --models: the two models of the later-issues split (and the papers' list) are kept too."""
    days = ("2024-01-01", "2024-01-02", "2024-01-03")  # the last is held out, the first two train
    laid = [(paper, lay_out(RECORDS, seed * 10 + k, f"{slug}-{day}-1"))
            for seed, (paper, slug) in enumerate((("甲报", "jb"), ("乙报", "yb"))) for k, day in enumerate(days)]
    monkeypatch.setattr(corpus.issues, "dumps", lambda paragraphs=None, spread=False: iter(laid))
    monkeypatch.setattr(train_reader, "training_dumps", lambda: laid)
    monkeypatch.setattr(train_reader, "invented_sequences", lambda: [])
    monkeypatch.setattr(train_reader, "snippet_sequences", lambda: [])
    monkeypatch.setattr(corpus.issues, "load_records", lambda: RECORDS)
    monkeypatch.setattr(lopo, "_TABLES", {})
    first = lopo.later_issues(models=tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["later-papers.crfsuite", "later-papers.txt", "later.crfsuite"]
    assert [r.name for r in first["甲报"]] == ["jb-2024-01-03-1"]

    def no_training(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a kept model was trained again")

    monkeypatch.setattr(train_reader, "train", no_training)
    monkeypatch.setattr(train_reader, "dump_sequence", no_training)
    assert _figures(lopo.later_issues(models=tmp_path)) == _figures(first)


def test_gold_roles_read_each_issue_with_the_roles_its_layout_wrote(monkeypatch: pytest.MonkeyPatch) -> None:
    """--real --gold-roles: no model; every line gets the role the layout wrote it with, and the model is put back."""
    import dataclasses

    from rsbz_epub.reader import assembly

    laid = [("甲报", lay_out(RECORDS, 1, "jb-2024-01-01-1")), ("乙报", lay_out(RECORDS, 2, "yb-2024-01-01-1"))]
    monkeypatch.setattr(corpus.issues, "dumps", lambda paragraphs=None, spread=False: iter(laid))
    model_tag = assembly.tag
    read = lopo.gold_roles()
    assert assembly.tag is model_tag
    assert list(read) == ["乙报", "甲报"]
    for paper, (result,) in read.items():
        recall = result.scores["title_recall"]
        assert recall.total and recall.right == recall.total, (paper, result.problems)
    # the same issues with no role written for any line: every line reads as text, and the titles are lost (the
    # rules after the model find a page's opening headline, no more)
    unmarked = [(paper, dataclasses.replace(d, roles={})) for paper, d in laid]
    monkeypatch.setattr(corpus.issues, "dumps", lambda paragraphs=None, spread=False: iter(unmarked))
    for paper, (result,) in lopo.gold_roles().items():
        recall = result.scores["title_recall"]
        assert 2 * recall.right < recall.total, (paper, recall)
