"""What each rule on the model's roles is worth: switch it off, read the issues again, compare.

    .venv/bin/python bench/rule_ablation.py --real --models /tmp/lopo     # leave one paper out, kept models
    .venv/bin/python bench/rule_ablation.py --real --later --models /tmp/later
    .venv/bin/python bench/rule_ablation.py                                # the invented corpus
    .venv/bin/python bench/rule_ablation.py tests/heldout/*.answer.json    # set H
    .venv/bin/python bench/rule_ablation.py --rules titles_set_apart,lines_no_title_is --real --models /tmp/lopo

Each rule ``reader.rolepasses.corrected`` applies is replaced in turn by one that hands back the roles it is given,
and the issues are read again with the same models. The table shows the pooled figures with every rule on, then per
rule what switching it off changes (titles right and read, paragraphs, breaks, parts, ends): a negative figure is
what the rule is worth, a positive one what it costs. Give ``--models`` with ``--real``: the first run trains the
held-out models into it (as ``bench/reader_metrics.py --real --models`` does), every later read takes seconds. This
is a report: it always exits 0.
"""

from __future__ import annotations

import argparse
import inspect
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from metrics import answer_files, score_file, total  # noqa: E402
from rsbz_epub.reader import rolepasses  # noqa: E402

#: the pooled figures a row shows: (column, metric, right or total)
COLUMNS = (("titles", "title_recall", "right"), ("read", "title_precision", "total"), ("paragraphs", "paragraphs", "right"),
           ("breaks", "breaks", "right"), ("parts", "parts", "right"), ("ends", "ends", "right"))


def rules() -> list[str]:
    """The rules ``corrected`` applies: the functions of items and roles it calls, in the order its source names them."""
    source = inspect.getsource(rolepasses.corrected)
    found = []
    for name, fn in vars(rolepasses).items():
        if callable(fn) and name != "corrected" and f"{name}(" in source and list(inspect.signature(fn).parameters)[:2] == ["items", "roles"]:
            found.append((source.index(f"{name}("), name))
    return [name for _, name in sorted(found)]


@contextmanager
def switched_off(name: str) -> Iterator[None]:
    """``corrected`` reads the rule ``name`` from the module, so it is replaced there for the block's length."""
    rule = getattr(rolepasses, name)
    setattr(rolepasses, name, lambda items, roles, *more: roles)
    try:
        yield
    finally:
        setattr(rolepasses, name, rule)


def pooled(measure: Callable[[], list]) -> dict[str, int]:
    """The pooled figures of one reading (``COLUMNS``)."""
    tot = total(measure())
    return {col: getattr(tot[metric], field) for col, metric, field in COLUMNS}


def _measure(args: argparse.Namespace) -> Callable[[], list]:
    if not args.real:
        paths = args.files or answer_files()
        return lambda: [score_file(p) for p in paths]
    from lopo import later_issues, lopo

    if args.later:
        return lambda: [r for res in later_issues(models=args.models).values() for r in res]
    return lambda: [r for res in lopo(jobs=args.jobs, models=args.models).values() for r in res]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--real", action="store_true", help="leave one paper out on corpus/real/ (give --models)")
    ap.add_argument("--later", action="store_true", help="with --real: each paper's latest third of issues")
    ap.add_argument("--models", type=Path, help="with --real: the folder of held-out models (trained into it on the first run)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="with --real: papers held out at a time")
    ap.add_argument("--rules", help="comma-separated rule names (default: every rule corrected applies)")
    ap.add_argument("files", nargs="*", type=Path, help="answer files (default: every one in tests/corpus/ and examples/)")
    args = ap.parse_args(argv)
    known = rules()
    names = args.rules.split(",") if args.rules else known
    unknown = [n for n in names if n not in known]
    if unknown:
        print(f"no such rule: {', '.join(unknown)} (the rules: {', '.join(known)})")
        return 0
    measure = _measure(args)
    base = pooled(measure)
    width = max(len(n) for n in names + ["every rule on"])
    head = "".join(f"{col:>12}" for col, _, _ in COLUMNS)
    print(f"{'':<{width}}{head}")
    print(f"{'every rule on':<{width}}" + "".join(f"{base[col]:>12}" for col, _, _ in COLUMNS))
    for name in names:
        with switched_off(name):
            off = pooled(measure)
        print(f"{name:<{width}}" + "".join(f"{off[col] - base[col]:>+12}" for col, _, _ in COLUMNS), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
