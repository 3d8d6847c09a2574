"""Measure the reader on every answered raw issue (tests/corpus/ and examples/), or leave-one-paper-out on real text.

    .venv/bin/python bench/reader_metrics.py --real       # real published text: per paper and pooled,
                                                          # each paper read by a model trained without it
    .venv/bin/python bench/reader_metrics.py --real --models /tmp/lopo   # the same, keeping the held-out models:
                                                          # the next run reads them instead of training (seconds)
    .venv/bin/python bench/reader_metrics.py --real --later   # each paper's latest issues, read by a model
                                                          # trained on its earlier ones and the other papers
    .venv/bin/python bench/reader_metrics.py --real --later --paragraphs wrap-plain   # the same issues read as a
                                                          # dump with no indent and no blank line sets them

    .venv/bin/python bench/reader_metrics.py              # table per file and in total
    .venv/bin/python bench/reader_metrics.py --details    # also what went wrong, per file
    .venv/bin/python bench/reader_metrics.py --json       # machine output
    .venv/bin/python bench/reader_metrics.py --markdown   # a table for the README

Figures (right / total, shown as a rate): title precision and recall, exact
paragraph count per article, mid-sentence breaks rejoined, page jumps stitched
right, masthead fields, pages (labels and names), article parts (kicker,
subtitle, byline, subheadings, captions, boxes, 编者按) and punctuation (strings
kept verbatim, no half-width punctuation left inside Chinese). The answer
schema is in tests/corpus/README.md. This is a report: it always exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from metrics import METRICS, FileScore, Score, answer_files, as_json, score_file, total  # noqa: E402
from corpus.layout import PARAGRAPH_STYLES  # noqa: E402


def _cell(s: Score) -> str:
    return "—" if s.rate is None else f"{s.rate:.2f}"


def _rows(results: list[FileScore]) -> list[list[str]]:
    rows = []
    for r in results:
        rows.append([r.name + (" (reader error)" if r.error else "")] + [_cell(r.scores[k]) for k in METRICS])
    tot = total(results)
    rows.append(["TOTAL"] + [_cell(tot[k]) for k in METRICS])
    # pooled figures weigh each row by its size; the mean weighs every row (paper) alike
    rows.append(["MEAN"] + [_mean([r.scores[k] for r in results]) for k in METRICS])
    rows.append(["(right/total)"] + [f"{tot[k].right}/{tot[k].total}" for k in METRICS])
    return rows


def _mean(scores: list[Score]) -> str:
    rates = [s.rate for s in scores if s.rate is not None]
    return "—" if not rates else f"{sum(rates) / len(rates):.2f}"


def _text_table(results: list[FileScore]) -> str:
    head = ["file"] + list(METRICS.values())
    rows = _rows(results)
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows)]
    line = lambda cells: "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))  # noqa: E731
    out = [line(head), line(["-" * w for w in widths])]
    rows_ = [line(r) for r in rows]
    out += rows_[:-3] + [line(["-" * w for w in widths])] + rows_[-3:]
    return "\n".join(out)


def _markdown_table(results: list[FileScore]) -> str:
    head = ["file"] + list(METRICS.values())
    out = ["| " + " | ".join(head) + " |", "|" + "|".join(["---"] + ["---:"] * len(METRICS)) + "|"]
    for r in _rows(results)[:-1]:
        name = f"**{r[0]}**" if r[0] in ("TOTAL", "MEAN") else f"`{r[0]}`"
        out.append("| " + " | ".join([name] + r[1:]) + " |")
    return "\n".join(out)


def _real(args: argparse.Namespace) -> int:
    """Leave-one-paper-out figures on the real corpus, one row per held-out paper and the pooled total."""
    from lopo import lopo

    from corpus.issues import record_files

    if not record_files():
        print("corpus/real/ holds no records: build it with corpus/extract/*.py (see corpus/README.md)")
        return 0
    if args.gold_roles:
        from lopo import gold_roles

        by_paper = gold_roles(paragraphs=args.paragraphs, spread=args.spread_titles)
    elif args.later:
        from lopo import later_issues

        by_paper = later_issues(models=args.models, paragraphs=args.paragraphs, spread=args.spread_titles)
    else:
        by_paper = lopo(
            progress=lambda p: print(f"  {p} done", file=sys.stderr), jobs=args.jobs, models=args.models, paragraphs=args.paragraphs,
            spread=args.spread_titles,
        )
    rows = [FileScore(paper, total(res)) for paper, res in by_paper.items()]
    for row, res in zip(rows, by_paper.values()):
        row.problems = [f"{r.name}: {p}" for r in res for p in r.problems]
        row.error = next((r.error for r in res if r.error), None)
    return _show(rows, args)


def _show(results: list[FileScore], args: argparse.Namespace) -> int:
    """Print the results as JSON, a Markdown table or a text table (with --details, every miss)."""
    if args.json:
        print(json.dumps(as_json(results), ensure_ascii=False, indent=1))
        return 0
    print(_markdown_table(results) if args.markdown else _text_table(results))
    if args.details:
        for r in results:
            if r.problems:
                print(f"\n{r.name}:")
                for p in r.problems:
                    print(f"  - {p}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    fmt = ap.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print JSON (scores, errors and problems per file)")
    fmt.add_argument("--markdown", action="store_true", help="print a Markdown table")
    ap.add_argument("--details", action="store_true", help="list what went wrong in each file")
    ap.add_argument("--real", action="store_true", help="leave-one-paper-out on corpus/real/ (see corpus/README.md)")
    ap.add_argument("--later", action="store_true", help="with --real: each paper's latest third of issues, read by a model trained on the rest (not leave-one-paper-out)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="with --real: papers held out at a time (default: the number of cores)")
    ap.add_argument("--models", type=Path, help="with --real (and --later): keep the held-out models in this folder and read them again next time "
                    "(measures a change to the rules after the model in seconds; empty it when features or corpus change)")
    ap.add_argument("--gold-roles", action="store_true", help="with --real: read every issue with the layout's own line roles instead of "
                    "the model's (no model): what the rules and the assembly after the model make of perfect roles")
    ap.add_argument("--paragraphs", choices=PARAGRAPH_STYLES, help="with --real: read every issue laid out with this paragraph layout "
                    "instead of its own (the training issues keep theirs): blank lines, an indent, neither (plain), or wrapped columns with each "
                    "(wrap-stripped: wrapped and indented, the indent's spaces dropped, its room kept)")
    ap.add_argument("--spread-titles", action="store_true", help="with --real: read every issue with its title lines letter-spaced "
                    "(春 耕 时 节), as print spreads a headline; the training issues keep theirs")
    ap.add_argument("files", nargs="*", type=Path, help="answer files (default: every one in tests/corpus/ and examples/; tests/heldout/*.answer.json for the held-out set)")
    args = ap.parse_args(argv)
    if args.real:
        return _real(args)
    paths = args.files or answer_files()
    return _show([score_file(p) for p in paths], args)


if __name__ == "__main__":
    raise SystemExit(main())
