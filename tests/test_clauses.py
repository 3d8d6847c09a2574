"""The clause table (reader/clauses.py): where running text sets a mark, read as model features."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from rsbz_epub.reader import clauses
from rsbz_epub.reader.clauses import Table, build

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
SEED = (ROOT / "examples" / "rsbz-2021-40.txt").read_bytes()


def _text() -> list[str]:
    # 发展 is always followed by a mark, 先进 never; 进 alone takes one half the time
    return ["我们推动发展，坚持先进理念。"] * 12 + ["改革先进，推进。"] * 12 + ["先进生产力在进步。"] * 12


def test_a_pair_gets_the_band_of_how_often_a_mark_follows_or_precedes_it() -> None:
    table = build(_text())
    assert table.end("推动发展") == "5"  # 发展 ends a clause every time
    assert table.end("坚持先进") in ("1", "2", "3", "4") or table.end("坚持先进") != "5"
    assert table.end("先进生") == table.band("E", "生")  # a pair never seen falls back to its character
    assert table.start("我们推动") == "5"  # 我们 opens every paragraph it is in
    assert table.start("推动发展") == "0"  # 推动 never follows a mark
    assert table.end("abc") == "-" and table.start("“我们") == "-"  # no Han character at the edge
    assert table.end("鑫鑫") == "?"  # nothing known of either


def test_a_pair_in_its_characters_band_is_not_stored() -> None:
    table = build(["发展，发展，发展。"] * 12)
    assert table.band("E", "展") == "5" and table.band("e", "发展") is None  # 展 answers for 发展
    assert table.end("发展") == "5"


def test_the_table_text_round_trips_and_the_same_text_gives_the_same_bytes() -> None:
    a, b = build(_text()), build(list(reversed(_text())))
    assert a.text() == b.text()
    assert Table.parse(a.text()) == a
    assert all(Table.parse(a.text()).end(t) == a.end(t) for t in ("推动发展", "先进", "鑫鑫", "生产力"))


def test_a_long_issue_reads_the_same_bands_from_the_dictionary() -> None:
    searched, table = build(_text()), build(_text())
    table._searched[0] = clauses._SEARCHES  # as after 3,000 look-ups
    for t in ("推动发展", "坚持先进", "先进生", "我们推动", "鑫鑫", "产力在进步"):
        assert table.end(t) == searched.end(t) and table.start(t) == searched.start(t)


def test_using_sets_the_table_the_features_read_and_none_leaves_them_out() -> None:
    from train_reader import items_of

    from rsbz_epub.reader.linefeatures import line_features

    items = items_of(SEED)
    shipped = line_features(items)
    assert all(any(f.startswith("cend=") for f in fs) for fs in shipped)
    with clauses.using(None):
        assert not any(f.startswith(("cend", "cstart", "+1:cstart", "-1:cend")) for fs in line_features(items) for f in fs)
    with clauses.using(build(_text())):
        other = line_features(items)
    assert other != shipped and clauses.current() is clauses.shipped()


def test_training_adds_the_features_the_reader_computes() -> None:
    """A held-out model is trained on features without the clause features plus those of its own table: they must
    be the very features the reader computes with that table (else the model learns features it never meets)."""
    from train_reader import features_of, issue_items, with_clauses

    from rsbz_epub.reader.linefeatures import line_features

    paper = issue_items(SEED)[1]
    for table in (clauses.shipped(), build(_text())):
        items, base, keys = features_of(SEED)
        with clauses.using(table):
            assert with_clauses(base, keys, table) == line_features(items, paper=paper)


def test_a_window_of_lines_gets_the_features_the_whole_issue_gives() -> None:
    from train_reader import items_of

    from rsbz_epub.reader.linefeatures import line_features

    items = items_of(SEED)
    whole = line_features(items)
    assert line_features(items, 10, 20) == whole[10:20]


def test_a_held_out_paper_s_text_is_not_in_its_table(monkeypatch: pytest.MonkeyPatch) -> None:
    import corpus.issues
    import lopo

    base = json.loads((ROOT / "tests" / "fixtures" / "records.json").read_text(encoding="utf-8"))[0]

    def rec(paper: str, slug: str, text: str) -> dict:
        return base | {"paper": paper, "paper_slug": slug, "body": [["p", text]] * 12}

    monkeypatch.setattr(corpus.issues, "load_records", lambda: [rec("人民日报", "rmrb", "鑫森淼焱，鑫森淼焱。"), rec("学习时报", "xxsb", "推动发展，坚持。")])
    monkeypatch.setattr(lopo, "_TABLES", {})
    assert lopo.fold_table().end("鑫森淼焱") == "5"
    assert lopo.fold_table(held_paper="人民日报").end("鑫森淼焱") == "?"
    assert lopo.fold_table(held_paper="学习时报").end("鑫森淼焱") == "5"


def test_the_shipped_table_is_in_the_form_build_writes() -> None:
    """The package's table (written by ``bench/train_reader.py`` from ``corpus/real/``, which the tests do not have)
    reads back to the same bytes, holds every band of each kind, a character once per kind and a pair only where its
    band differs from its character's, as :func:`build` writes them."""
    text = (ROOT / "rsbz_epub" / "data" / "clauses.txt").read_text(encoding="utf-8")
    table = Table.parse(text)
    assert table.text() == text
    runs = dict(table.runs)
    assert set(runs) == {f"{kind}{band}" for kind in "eEsS" for band in range(len(clauses.BANDS) + 1)}
    chars = {kind: {c: key[1:] for key, cells in table.runs if key[0] == kind for c in cells} for kind in "ES"}
    assert all(sum(len(runs[f"{kind}{b}"]) for b in range(6)) == len(chars[kind]) for kind in "ES")  # once each
    for kind, edge in (("e", 1), ("s", 0)):
        for key, cells in table.runs:
            if key[0] == kind:
                pairs = [cells[i : i + 2] for i in range(0, len(cells), 2)]
                assert pairs == sorted(pairs) and all(chars[kind.upper()].get(p[edge]) != key[1:] for p in pairs)


def _attributes(path: Path) -> set[str]:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    try:
        return set(tagger.info().attributes)
    finally:
        tagger.close()


def test_the_first_model_reads_the_clause_features_and_the_papers_model_does_not(tmp_path: Path) -> None:
    """The papers' model read the later issues of the papers it met worse with them, so only the first model (every
    paper it has not met) is trained with them; the reader computes them for both, and the papers' model ignores them."""
    from train_reader import invented_sequences, train_both

    invented = invented_sequences()[:4]
    first, papers = train_both([], invented, tmp_path / "m.crfsuite", build(_text()))
    assert any(a.startswith(("cend=", "cend|")) for a in _attributes(first))
    assert not any(a.startswith(("cend", "cstart", "+1:cstart", "-1:cend", "w|cend")) for a in _attributes(papers))


def test_the_shipped_first_model_was_trained_with_the_clause_features() -> None:
    data = ROOT / "rsbz_epub" / "data"
    assert any(a.startswith("cend|+1:cstart=") for a in _attributes(data / "reader.crfsuite"))
    assert not any(a.startswith("cend") for a in _attributes(data / "reader-papers.crfsuite"))
