"""Leave-one-paper-out scoring of the reader on real published text laid out as raw dumps.

For each paper of ``corpus/real/``: train the line-role model on every other paper
(``bench/train_reader.py``), read that paper's laid-out issues with it, and score
them against their answers (``bench/metrics.py``). No paper is ever scored by a
model that saw it, so these figures say how the reader does on a paper it has not met.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from metrics import FileScore, score_bytes  # noqa: E402

_SHARED: dict = {}


def _scores(model: Path, laid: list, papers: Path | None = None) -> list[FileScore]:
    """The scores of the laid-out issues read with ``model`` (and ``papers``, a papers' model, when given:
    without one, no paper is read with a model that met it)."""
    old = _set_env({"RSBZ_READER_MODEL": str(model), "RSBZ_READER_PAPERS_MODEL": str(papers) if papers else None})
    try:
        return [score_bytes(d.name, d.answer, d.data) for d in laid]
    finally:
        _set_env(old)


def _set_env(values: dict[str, str | None]) -> dict[str, str | None]:
    """Set (None: unset) the variables; return what they were."""
    old = {k: os.environ.get(k) for k in values}
    for k, v in values.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v
    return old


def _held_out(held: str) -> tuple[str, list[FileScore]]:
    """Train without ``held`` and score its issues (in a worker: the laid-out issues come from the parent). The clause
    table the model is trained and read with is built without ``held``'s text too."""
    from train_reader import balanced, train, with_clauses

    from rsbz_epub.reader import clauses

    laid, seqs, invented, folder = _SHARED["laid"], _SHARED["seqs"], _SHARED["invented"], _SHARED["folder"]
    table = fold_table(held_paper=held)
    model = Path(folder) / f"without-{held}.crfsuite"
    if not model.exists():  # kept models (--models) are read again, not retrained
        train(
            ((with_clauses(x, keys, table), y) for _, x, keys, y in balanced([s for s in seqs if s[0] != held])), model,
            more=[(with_clauses(x, keys, table), y) for x, keys, y in invented],
        )
    with clauses.using(table):
        return held, _scores(model, [d for p, d in laid if p == held])


def fold_table(held_paper: str | None = None, held_days: set[str] | frozenset = frozenset()):
    """The clause table (``reader/clauses.py``) of the corpus without a held-out paper's text, or without the held
    issues' days (:func:`later_days`): a held-out model never reads statistics of the text it is scored on."""
    from corpus.issues import group_issues, load_records
    from train_reader import clause_table, issue_day

    key = (held_paper, frozenset(held_days))
    if key not in _TABLES:
        records = [
            rec for paper, name, recs in group_issues(load_records())
            if paper != held_paper and issue_day(name) not in held_days for rec in recs
        ]
        _TABLES[key] = clause_table(records)
    return _TABLES[key]


_TABLES: dict = {}  # the clause tables built in this process, by what they leave out


def later_days(laid: list, papers: list[str]) -> set[str]:
    """The issues (``train_reader.issue_day``) that are the latest third of each paper's, of the laid-out ``(paper,
    dump)`` pairs: what :func:`later_issues` reads and leaves out of its training."""
    from train_reader import issue_day

    held: set[str] = set()
    for paper in papers:
        days = sorted({issue_day(d.name) for p, d in laid if p == paper})
        held |= set(days[len(days) * 2 // 3 :])
    return held


def later_issues(
    papers: list[str] | None = None, models: Path | None = None, paragraphs: str | None = None, spread: bool = False,
) -> dict[str, list[FileScore]]:
    """Per paper, its latest issues (the last third of its dates), read by one model trained on everything else.

    Not a leave-one-paper-out figure: the model has seen earlier issues of the same papers, as the
    shipped model has seen the papers of the corpus. It shows what a paper's own habits are worth.
    ``models``: a folder that keeps the two models (``later.crfsuite``, ``later-papers.crfsuite``) and reads them
    again on the next run instead of training them (empty it whenever the features, the corpus or the training change).
    ``paragraphs``: lay out the issues read in this paragraph layout (``corpus.layout.PARAGRAPH_STYLES``); the
    training issues keep their own; ``spread``: letter-space every title line of the issues read (the training issues
    are laid out as always).
    """
    from corpus.issues import dumps
    from train_reader import (
        dump_sequence, invented_sequences, issue_day, papers_path, snippet_sequences, train_both, training_dumps,
    )

    from rsbz_epub.reader import clauses

    laid = list(dumps(paragraphs=paragraphs, spread=spread))
    names = sorted({p for p, _ in laid}) if papers is None else papers
    held = later_days(laid, names)
    with tempfile.TemporaryDirectory() as tmp:
        model = (Path(tmp) if models is None else models) / "later.crfsuite"
        known = papers_path(model)
        table = fold_table(held_days=held)
        if not (model.exists() and known.exists() and known.with_suffix(".txt").exists()):
            real = [(p, *dump_sequence(d)) for p, d in training_dumps() if issue_day(d.name) not in held]
            train_both(real, invented_sequences() + snippet_sequences(), model, table)
        with clauses.using(table):
            return {paper: _scores(model, [d for p, d in laid if p == paper and issue_day(d.name) in held], known) for paper in names}


def lopo(
    papers: list[str] | None = None, progress: Callable[[str], None] = lambda s: None, jobs: int = 1, models: Path | None = None,
    paragraphs: str | None = None, spread: bool = False,
) -> dict[str, list[FileScore]]:
    """Per held-out paper, the scores of its issues under a model trained without it (``jobs`` papers at a time).

    ``models``: a folder that keeps each held-out model (``without-人民日报.crfsuite``) and reads it again on the
    next run instead of training it, so that a change to the rules applied after the model is measured in
    seconds. Empty the folder whenever the features, the corpus or the training change. ``paragraphs``, ``spread``:
    as in :func:`later_issues`.
    """
    import multiprocessing

    from corpus.issues import dumps
    from train_reader import dump_sequence, invented_sequences, snippet_sequences, training_dumps

    laid = list(dumps(paragraphs=paragraphs, spread=spread))
    names = sorted({p for p, _ in laid}) if papers is None else papers
    out: dict[str, list[FileScore]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) if models is None else models
        folder.mkdir(parents=True, exist_ok=True)
        kept = all((folder / f"without-{held}.crfsuite").exists() for held in names)
        seqs = [] if kept else [(paper, *dump_sequence(d)) for paper, d in training_dumps()]  # features only when a model is to be trained
        _SHARED.update(laid=laid, seqs=seqs, invented=[] if kept else invented_sequences() + snippet_sequences(), folder=str(folder))
        try:
            if jobs <= 1:
                for held, scores in map(_held_out, names):
                    out[held] = scores
                    progress(held)
            else:
                # fork: the workers share the parent's laid-out issues and features
                with multiprocessing.get_context("fork").Pool(min(jobs, len(names))) as pool:
                    for held, scores in pool.imap_unordered(_held_out, names):
                        out[held] = scores
                        progress(held)
        finally:
            _SHARED.clear()
    return {held: out[held] for held in names}


def gold_roles(paragraphs: str | None = None, spread: bool = False) -> dict[str, list[FileScore]]:
    """Per paper, the scores of its issues read with the layout's own line roles in place of the model's.

    No model is trained or read: every rule after the model, the assembly and the stitching run as they do,
    on the roles the layout wrote each line with. The figures are what those steps make of a perfect model:
    what is missing from them is lost after the model (a rule that guesses, as where a full line of an unmarked
    column ends a sentence; an answer the steps cannot reach); what the model figures lack beyond them is the
    model's. ``paragraphs``, ``spread``: as in :func:`later_issues`.
    """
    from corpus.issues import dumps
    from rsbz_epub.reader import assembly
    from rsbz_epub.reader.roles import Role

    roles: dict[int, str] = {}

    def tag(items: list, paper: str = "") -> list[Role]:
        # a line the layout gave no role (none is left unmarked but blank ones) reads as text
        return [Role(roles.get(it.ln.no, "P"), 1.0, 1.0 if roles.get(it.ln.no) == "K" else 0.0) for it in items]

    model_tag, assembly.tag = assembly.tag, tag
    out: dict[str, list[FileScore]] = {}
    try:
        for paper, d in dumps(paragraphs=paragraphs, spread=spread):
            roles.clear()
            roles.update(d.roles)
            out.setdefault(paper, []).append(score_bytes(d.name, d.answer, d.data))
    finally:
        assembly.tag = model_tag
    return dict(sorted(out.items()))
