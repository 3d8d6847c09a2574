"""Train the reader's line-role model from real published text laid out as raw dumps.

    .venv/bin/python bench/train_reader.py                      # → rsbz_epub/data/reader.crfsuite, reader-papers.*
    .venv/bin/python bench/train_reader.py --exclude 人民日报 -o /tmp/m.crfsuite   # leave one paper out

The training issues are every issue of ``corpus/real/`` laid out by
``corpus/layout.py`` in each of the ``LAYOUTS`` (each with a seed from its name and
the layout's salt, so the same corpus gives the same issues) plus the answered issues of ``tests/corpus/`` and ``examples/`` with
the roles the reader gives them today (their answers score 1.00, so those roles
are right). Features: ``rsbz_epub/reader/linefeatures.py``. CRFsuite's L-BFGS
training is deterministic: the same corpus gives the same model bytes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rsbz_epub.options import ReadOptions  # noqa: E402

OUT = ROOT / "rsbz_epub" / "data" / "reader.crfsuite"
#: The clause table the models are trained with, written beside them (``rsbz_epub/data/clauses.txt``).
CLAUSES = "clauses.txt"
#: L-BFGS with L1 and L2 penalties. c1 0.1 and c2 0.1 (0.05 and 0.01 before): leave one paper out +27 paragraphs and
#: +14 ends, the later issues +9 titles and +12 ends (README, "Latest"). A stronger L2 keeps more features alive and the
#: stronger L1 drops them again: c1 0.05 with c2 0.1 made a pair of 4.9 MB, near the 5 MB the wheel allows.
PARAMS = {"c1": 0.1, "c2": 0.1, "max_iterations": 80, "feature.possible_transitions": True}


def items_of(data: bytes, options: ReadOptions = ReadOptions()):
    """The reader's items (non-blank lines in page context) for raw bytes."""
    return issue_items(data, options)[0]


def issue_items(data: bytes, options: ReadOptions = ReadOptions()):
    """The reader's items for raw bytes and the paper its masthead names (the model's features use both)."""
    from rsbz_epub.reader import prepare
    from rsbz_epub.reader.layout import make_items

    meta, chunks, _ = prepare(data, options)
    return make_items(chunks), meta.paper


def features_of(data: bytes, options: ReadOptions = ReadOptions()):
    """The items of raw bytes and their features, as the reader computes them, but for the clause features
    (``reader/clauses.py``), which depend on the table a model is trained with: they come apart, as keys
    (:func:`with_clauses` adds them). Returns the items, their features and their keys."""
    from rsbz_epub.reader import clauses
    from rsbz_epub.reader.linefeatures import clause_keys, line_features

    items, paper = issue_items(data, options)
    with clauses.using(None):
        feats = line_features(items, paper=paper)
    return items, feats, clause_keys(items)


def dump_sequence(dump) -> tuple[list[list[str]], list, list[str]]:
    """Features (without the clause features), clause keys and gold roles of one laid-out real issue."""
    items, feats, keys = features_of(dump.data)
    return feats, keys, [dump.roles.get(it.ln.no, "X") for it in items]


def with_clauses(x: list[list[str]], keys: list, table) -> list[list[str]]:
    """A sequence's features with the clause features read from ``table`` (``reader/clauses.py``)."""
    from rsbz_epub.reader.clauses import sequence_features

    return [a + b for a, b in zip(x, sequence_features(table, keys))]


def clause_table(records: list[dict] | None = None):
    """The clause table (``reader/clauses.py``) of the records' paragraphs (default: the whole corpus), seen in
    Simplified characters as the features see a line."""
    from corpus.issues import load_records
    from rsbz_epub.reader.clauses import build
    from rsbz_epub.reader.normalize import FULL_WIDTH
    from rsbz_epub.reader.script import _t2s, is_traditional

    wide = str.maketrans(FULL_WIDTH)
    records = load_records() if records is None else records

    def texts():
        for rec in records:
            paras = [t.translate(wide) for kind, t in rec["body"] if kind == "p"]
            if paras and is_traditional("".join(paras)):
                paras = [_t2s().convert(t) for t in paras]
            yield from paras

    return build(texts())


#: The layouts each real issue is trained in: its own (the one the measurements read) and more drawn with salted
#: seeds. A model that meets an issue in one layout learns that dump's accidents with its text; met in two, the
#: roles of the text itself (measured: bench/reader_metrics.py --real and --later, corpus/README.md).
LAYOUTS = ("", "layout-2")


def training_dumps(records: list[dict] | None = None, salts: tuple[str, ...] = LAYOUTS) -> list:
    """(paper, dump) of every real issue (of ``records``, default the corpus) in every training layout: each
    layout's issues in corpus order, one layout after the other (so that ``balanced`` taking every k-th issue of a
    paper takes from each)."""
    from corpus.issues import dumps, load_records

    records = load_records() if records is None else records
    return [pd for salt in salts for pd in dumps(records, salt=salt)]


def issue_day(name: str) -> str:
    """The issue a laid-out part belongs to: zgqxb-2026-06-03-2 → zgqxb-2026-06-03."""
    return name.rsplit("-", 1)[0]


def real_sequences(exclude: set[str] = frozenset(), only: set[str] | None = None) -> list[tuple[str, list, list, list]]:
    """(paper, features, clause keys, roles) of every real issue in every training layout, minus the papers in ``exclude``."""
    out = []
    for paper, dump in training_dumps():
        if paper in exclude or (only is not None and paper not in only):
            continue
        out.append((paper, *dump_sequence(dump)))
    return out


INVENTED_ROLES = ROOT / "corpus" / "invented_roles.json"


def invented_sequences() -> list[tuple[list, list]]:
    """Features and roles of the answered invented issues (tests/corpus, examples).

    Their roles are the ones the rule reader gave each line when it scored 1.00 on
    these answers, kept in ``corpus/invented_roles.json`` (one letter a line, "." for a
    line the articles are not read from); they keep the layouts those issues show
    (boxes, Q&A, verse, 编者按) in the model's view.
    """
    import json

    from rsbz_epub.config import parse_publication

    sys.path.insert(0, str(ROOT / "bench"))
    from metrics import answer_files, display_name

    frozen = json.loads(INVENTED_ROLES.read_text(encoding="utf-8"))
    out = []
    for path in answer_files():
        answer = json.loads(path.read_text(encoding="utf-8"))
        options = ReadOptions()
        if answer.get("config"):
            cfg = path.parent / answer["config"]
            options = ReadOptions(publication=parse_publication(cfg.read_text(encoding="utf-8"), str(cfg)))
        roles = frozen[display_name(path)]
        items, feats, keys = features_of((path.parent / answer["file"]).read_bytes(), options)
        out.append((feats, keys, [roles[it.ln.no - 1] if roles[it.ln.no - 1] != "." else "X" for it in items]))
    return out


INVENTED_SNIPPETS = ROOT / "corpus" / "invented_snippets.json"


def snippet_sequences() -> list[tuple[list, list]]:
    """Features and roles of the reader tests' invented snippets (one shape each: a verse, a Q&A, a box…).

    Their roles are the ones the rule reader gave when it passed those tests, kept with
    their text in ``corpus/invented_snippets.json``.
    """
    import json

    out = []
    for case in json.loads(INVENTED_SNIPPETS.read_text(encoding="utf-8")):
        items, feats, keys = features_of(case["text"].encode("utf-8"))
        roles = case["roles"]
        out.append((feats, keys, [roles[it.ln.no - 1] if roles[it.ln.no - 1] != "." else "X" for it in items]))
    return out


def without_paper(x: list[list[str]]) -> list[list[str]]:
    """The features of a sequence without those that name its paper (``@人民日报|…``)."""
    return [[f for f in feats if not f.startswith("@")] for feats in x]


def train(seqs, out: Path, papers: bool = False, more=()) -> None:
    """Train a CRF on the sequences (features, roles), then ``more`` of them, and write it to ``out`` (``papers``: keep
    the paper-named features, for the papers' model; the first model never sees them)."""
    import itertools

    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in itertools.chain(seqs, more):
        trainer.append(x if papers else without_paper(x), y)
    trainer.set_params(PARAMS)
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    ap.add_argument("--exclude", action="append", default=[], help="leave this paper out (repeatable)")
    args = ap.parse_args(argv)
    from corpus.issues import load_records

    table = clause_table([r for r in load_records() if r["paper"] not in args.exclude])
    table_out = args.output.with_name(CLAUSES)  # beside the model: the package's data, or a check's folder
    table_out.parent.mkdir(parents=True, exist_ok=True)
    table_out.write_text(table.text(), encoding="utf-8")
    print(f"{table_out}: {table_out.stat().st_size} bytes")
    real = real_sequences(set(args.exclude))
    invented = invented_sequences() + snippet_sequences()
    for out in train_both(real, invented, args.output, table):
        print(f"{out}: {len(real) + len(invented)} issues, {out.stat().st_size} bytes")
    return 0


def papers_path(out: Path) -> Path:
    """Where the papers' model goes beside the first model ``out`` (reader.crfsuite → reader-papers.crfsuite)."""
    return out.with_name(f"{out.stem}-papers{out.suffix}")


# The first model reads papers it has never met, so no paper may outweigh the others in it: each paper gives at
# most this many lines (issues taken evenly over its run). The papers' model, for the papers it knows, takes all.
LINES_PER_PAPER = 40_000 * len(LAYOUTS)


def balanced(real: list[tuple], cap: int = LINES_PER_PAPER) -> list[tuple]:
    """The issues of ``real`` (in corpus order) with each paper cut to about ``cap`` lines, keeping issues spread
    evenly over the paper's run: every issue of a paper within the cap, else every k-th."""
    out = []
    for paper in dict.fromkeys(r[0] for r in real):
        mine = [r for r in real if r[0] == paper]
        lines = sum(len(r[-1]) for r in mine)
        step = max(1, -(-lines // cap))  # ceil: a paper of 86,000 lines gives every third issue
        out += mine[::step]
    return out


def train_both(real: list[tuple[str, list, list, list]], invented: list[tuple[list, list, list]], out: Path, table) -> tuple[Path, Path]:
    """The first model (no paper named, each paper ``balanced``) at ``out``; the papers' model beside it, trained on
    every issue, with the list of the real papers it met. ``real``: (paper, features, clause keys, roles);
    ``invented``: (features, clause keys, roles); ``table``: the clause table the first model's features read
    (``reader/clauses.py``).

    The invented issues' papers are made up, so their lines train the papers' model without a paper's name. The
    papers' model is trained without the clause features (it ignores them when it reads): with them, it read the
    later issues of the papers it met worse (``CLAUSES_FOR_MET_PAPERS``).
    """
    train(((with_clauses(x, keys, table), y) for _, x, keys, y in balanced(real)), out, more=[(with_clauses(x, k, table), y) for x, k, y in invented])
    papers = papers_path(out)
    met = (lambda x, keys: with_clauses(x, keys, table)) if CLAUSES_FOR_MET_PAPERS else (lambda x, keys: x)
    train(((met(x, keys), y) for _, x, keys, y in real), papers, papers=True, more=[(without_paper(met(x, k)), y) for x, k, y in invented])
    papers.with_suffix(".txt").write_text("".join(f"{p}\n" for p in sorted({r[0] for r in real})), encoding="utf-8")
    return out, papers


#: Whether the papers' model is trained with the clause features too. Measured with them (``bench/reader_metrics.py
#: --real --later``): the later issues lost 6 titles, 6 paragraphs and 11 ends; so it is trained as before, and reads
#: the papers it met exactly as before.
CLAUSES_FOR_MET_PAPERS = False


if __name__ == "__main__":
    raise SystemExit(main())
