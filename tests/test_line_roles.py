"""The line-role model: shipped in the package, deterministic, reproducible from its training data, and shown to staff."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from importlib import resources
from pathlib import Path

import pytest

from rsbz_epub.reader import read_issue, read_issue_traced
from rsbz_epub.reader.roles import tag
from rsbz_epub.reader.trace import ROLES, uncertain_lines

ROOT = Path(__file__).resolve().parents[1]
SEED = (ROOT / "examples" / "rsbz-2021-40.txt").read_bytes()
sys.path.insert(0, str(ROOT / "bench"))


def test_models_ship_in_the_package_and_are_small() -> None:
    data = resources.files("rsbz_epub.data")
    models = [data.joinpath("reader.crfsuite"), data.joinpath("reader-papers.crfsuite")]
    assert all(m.is_file() and len(m.read_bytes()) > 10_000 for m in models)
    assert sum(len(m.read_bytes()) for m in models) <= 5 * 1024 * 1024
    known = data.joinpath("reader-papers.txt").read_text(encoding="utf-8").split()
    assert {"人民日报", "中国气象报", "学习时报", "新华每日电讯"} <= set(known)


def test_an_issue_of_a_paper_the_papers_model_met_is_read_with_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The papers' model reads only the papers on its list; every other issue is read by the first model."""
    from train_reader import invented_sequences, train

    from rsbz_epub.reader import prepare

    paper = prepare(SEED)[0].paper
    seqs = [(x, ["P" if lab == "T" else lab for lab in y]) for x, _, y in invented_sequences()[:6]]  # never a title
    model = tmp_path / "papers.crfsuite"
    train(seqs, model, papers=True)
    before = [a.title for a in read_issue(SEED).articles() if a.kind == "article"]
    monkeypatch.setenv("RSBZ_READER_PAPERS_MODEL", str(model))
    model.with_suffix(".txt").write_text("某某日报\n", encoding="utf-8")
    assert [a.title for a in read_issue(SEED).articles() if a.kind == "article"] == before  # not on the list
    model.with_suffix(".txt").write_text(f"某某日报\n{paper}\n", encoding="utf-8")
    from rsbz_epub.reader import roles

    roles._known.cache_clear()
    assert [a.title for a in read_issue(SEED).articles() if a.kind == "article"] != before
    roles._known.cache_clear()


def test_a_replaced_first_model_turns_the_packaged_papers_model_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """Leave-one-paper-out measurement replaces the first model; the held-out paper must not meet the packaged papers' model."""
    from rsbz_epub.reader.roles import known_paper

    assert known_paper("人民日报") and not known_paper("某某日报") and not known_paper("")
    monkeypatch.setenv("RSBZ_READER_MODEL", "/nonexistent/other.crfsuite")
    assert not known_paper("人民日报")


def test_tagging_is_deterministic_with_probabilities() -> None:
    from train_reader import items_of

    items = items_of(SEED)
    a, b = tag(items), tag(items)
    assert a == b and len(a) == len(items)
    assert all(0.0 < r.prob <= 1.0 for r in a)
    assert {r.label for r in a} <= set("KTSBHCNJRPWXMG")


def test_two_trainings_give_the_same_model_bytes(tmp_path: Path) -> None:
    from train_reader import invented_sequences, train

    seqs = [(x, y) for x, _, y in invented_sequences()[:6]]
    train(seqs, tmp_path / "a.crfsuite")
    train(seqs, tmp_path / "b.crfsuite")
    assert (tmp_path / "a.crfsuite").read_bytes() == (tmp_path / "b.crfsuite").read_bytes()


def test_the_first_model_takes_no_paper_beyond_its_share() -> None:
    from train_reader import balanced

    seq = lambda paper, n: (paper, [["x"]] * n, ["P"] * n)  # noqa: E731 - an issue of n lines
    big = [seq("大报", 100) for _ in range(9)]
    small = [seq("小报", 100) for _ in range(2)]
    kept = balanced(big + small, cap=300)
    assert [p for p, _, _ in kept] == ["大报"] * 3 + ["小报"] * 2  # every third issue of 900 lines; the small paper whole
    assert kept[0] is big[0] and kept[1] is big[3] and kept[2] is big[6]  # spread over the run, not its first issues
    assert balanced(small, cap=300) == small


def test_the_walk_reads_the_roles_the_model_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A model trained on different data gives other roles, and the reader builds other articles from them."""
    from train_reader import invented_sequences, train

    seqs = [(x, ["P" if lab == "T" else lab for lab in y]) for x, _, y in invented_sequences()[:6]]  # never a title
    train(seqs, tmp_path / "no-titles.crfsuite")
    monkeypatch.setenv("RSBZ_READER_MODEL", str(tmp_path / "no-titles.crfsuite"))
    titles = [a.title for a in read_issue(SEED).articles() if a.kind == "article"]
    monkeypatch.delenv("RSBZ_READER_MODEL")
    assert titles != [a.title for a in read_issue(SEED).articles() if a.kind == "article"]


def test_every_input_line_is_traced_once_with_a_known_role() -> None:
    issue, trace = read_issue_traced(SEED)
    lines = SEED.decode("utf-8").replace("\r\n", "\n").split("\n")
    assert [t.no for t in trace] == list(range(1, len(lines) + 1))
    assert [t.text for t in trace] == lines
    assert {t.role for t in trace} <= set(ROLES)
    titles = {t.text.strip() for t in trace if t.role == "title"}
    assert {a.title for a in issue.articles()} <= titles | {a.title for a in issue.articles() if a.kind != "article"}
    # the seed's column break 打造职业教 / 育培训… is a joined line
    joined = [t for t in trace if t.joined]
    assert any(t.text.rstrip().endswith("打造职业教") for t in joined)


def test_unsure_lines_are_listed_with_their_fix() -> None:
    roles = {5: ("T", 0.41), 6: ("P", 0.99), 7: ("H", 0.55), 8: ("P", 0.2)}

    class Chunk:
        lines = [type("L", (), {"no": n, "text": f"第{n}行的文字"})() for n in range(1, 10)]

    diags = uncertain_lines(roles, [Chunk])
    assert [d.line for d in diags] == [5, 7, 8] and all(d.code == "R016" and d.severity == "info" for d in diags)
    assert "title" in diags[0].message and "\\" in diags[0].message
    assert "section head" in diags[1].message or "section" in diags[1].message
    assert "'# '" in diags[2].message


def test_the_installed_wheel_finds_the_model(tmp_path: Path) -> None:
    """Build the wheel, unpack it alone on the path, and read the seed with the model it carries."""
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)], check=True)
    wheel = next(tmp_path.glob("rsbz_epub-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        assert {f"rsbz_epub/data/{n}" for n in ("reader.crfsuite", "reader-papers.crfsuite", "reader-papers.txt")} <= set(zf.namelist())
        zf.extractall(tmp_path / "site")
    code = (
        "import rsbz_epub.reader.roles as r, rsbz_epub.reader as rd, sys, json;"
        "from importlib import resources;"
        "p = resources.files('rsbz_epub.data').joinpath('reader.crfsuite');"
        "i = rd.read_issue(open(sys.argv[1], 'rb').read());"
        "print(json.dumps([str(p), r.__file__, [a.title for a in i.articles()], r.known_paper('人民日报')]))"
    )
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
    env.pop("RSBZ_READER_MODEL", None)
    env.pop("RSBZ_READER_PAPERS_MODEL", None)
    out = subprocess.run([sys.executable, "-c", code, str(ROOT / "examples" / "rsbz-2021-40.txt")],
                         capture_output=True, text=True, env=env, cwd=tmp_path, check=True).stdout
    model, module, titles, knows = json.loads(out)
    assert model.startswith(str(tmp_path / "site")) and module.startswith(str(tmp_path / "site"))
    assert titles == [a.title for a in read_issue(SEED).articles()]
    assert knows  # the papers' model and its list came with the wheel


def test_check_says_when_the_papers_model_read_the_issue() -> None:
    """R017 (info) names the paper when its own model read the issue; an issue of any other paper has none."""
    known = "人民日报\n2026年8月12日　星期三\n\n第1版 要闻\n\n城市更新打开文化空间\n\n　　本报北京8月11日电  记者从有关部门获悉，多地推进城市更新，老厂房变成了博物馆。\n"
    r017 = [d for d in read_issue(known.encode("utf-8")).diagnostics if d.code == "R017"]
    assert len(r017) == 1 and "人民日报" in r017[0].message and r017[0].severity == "info"
    assert not any(d.code == "R017" for d in read_issue(SEED).diagnostics)


def test_every_training_issue_comes_in_each_layout_with_the_same_answer() -> None:
    """The model trains on each real issue in LAYOUTS layouts: the first is the one the measurements read, the
    others are drawn with salted seeds, so the same text comes in other dumps with the same answers."""
    import json

    from corpus.issues import dumps
    from train_reader import LAYOUTS, training_dumps

    records = json.loads((ROOT / "tests" / "fixtures" / "records.json").read_text(encoding="utf-8"))
    laid = training_dumps(records)
    own = list(dumps(records))
    assert len(LAYOUTS) >= 2 and len(laid) == len(LAYOUTS) * len(own)
    assert [d.data for _, d in laid[: len(own)]] == [d.data for _, d in own]  # the measured layout comes first
    for (_, a), (_, b) in zip(own, laid[len(own) :]):
        articles = lambda d: [p["articles"] for p in d.answer["pages"]]  # noqa: E731 - a page line may drop the page's name
        assert a.name == b.name and articles(a) == articles(b) and a.data != b.data
