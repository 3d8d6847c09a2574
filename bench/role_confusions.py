"""Which line roles the reader gets wrong on the real corpus, and where: answer against reading, line by line.

    .venv/bin/python bench/role_confusions.py --models DIR                 # leave one paper out, kept models
    .venv/bin/python bench/role_confusions.py --later --models DIR         # the later issues
    .venv/bin/python bench/role_confusions.py --models DIR --paragraphs blank --examples 'H>W' 8

Every laid-out issue of ``corpus/real/`` is read as ``bench/reader_metrics.py --real`` reads it (the held-out
model of its paper, or the later issues' pair) and each line's role after the rules (``rolepasses.corrected``) is set
beside the role the layout wrote it with (``corpus/layout.py`` ROLES: P a paragraph's last line, W a line that runs
on, H a section head, C a caption…). It prints the confusions (answer>read) pooled, per paper and per paragraph
layout, and, for each article with a line of its text read wrong, the confusion it has most; ``--examples`` shows
some of one confusion's lines with two lines each side. ``--models`` is the folder ``reader_metrics.py --real
--models`` keeps: models missing from it are trained into it first. A report: it always exits 0.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from lopo import _set_env, fold_table, later_days, later_issues, lopo  # noqa: E402
from metrics import score_bytes  # noqa: E402
from rsbz_epub.reader import assembly, clauses  # noqa: E402

_TEXT = set("PWHCN")  # the roles of an article's text: a confusion among them changes its paragraphs or parts


def readings(models: Path, later: bool = False, paragraphs: str | None = None, jobs: int = 1) -> list[dict]:
    """Per laid-out issue: its paper, layout, and per line its text, answer role and role read (after the rules)."""
    from corpus.issues import dumps
    from train_reader import issue_day

    laid = list(dumps(paragraphs=paragraphs))
    papers = sorted({p for p, _ in laid})
    if later:
        if not all((models / name).exists() for name in ("later.crfsuite", "later-papers.crfsuite")):
            later_issues(models=models, paragraphs=paragraphs)  # trains the pair into ``models``
        held = later_days(laid, papers)
        laid = [(p, d) for p, d in laid if issue_day(d.name) in held]
        env = {"RSBZ_READER_MODEL": str(models / "later.crfsuite"), "RSBZ_READER_PAPERS_MODEL": str(models / "later-papers.crfsuite")}
    elif not all((models / f"without-{p}.crfsuite").exists() for p in papers):
        lopo(jobs=jobs, models=models, paragraphs=paragraphs)
    seen: dict = {}
    corrected = assembly.corrected

    def keep(items, roles, layout, met=False):
        out = corrected(items, roles, layout, met=met)
        seen["items"], seen["roles"] = items, out
        return out

    out = []
    assembly.corrected = keep
    try:
        for paper, d in laid:
            old = _set_env(env if later else {"RSBZ_READER_MODEL": str(models / f"without-{paper}.crfsuite"), "RSBZ_READER_PAPERS_MODEL": None})
            try:
                seen.clear()
                with clauses.using(fold_table(held_days=held) if later else fold_table(held_paper=paper)):
                    score_bytes(d.name, d.answer, d.data)
            finally:
                _set_env(old)
            if "items" not in seen:  # the reader failed on this issue (reader_metrics counts it all wrong)
                continue
            items = seen["items"]
            out.append({
                "paper": paper, "name": d.name, "layout": d.style.paragraphs, "text": [it.text for it in items],
                "answer": [d.roles.get(it.ln.no, "X") for it in items], "read": [r.label for r in seen["roles"]],
            })
    finally:
        assembly.corrected = corrected
    return out


def confusions(issues: list[dict]) -> Counter:
    """answer>read → how many lines."""
    return Counter(f"{a}>{r}" for x in issues for a, r in zip(x["answer"], x["read"]) if a != r)


def article_confusions(issues: list[dict]) -> Counter:
    """For each article (an answer's headline group to the next) with a line of its text read wrong, its most
    frequent confusion of a text role (``_TEXT``)."""
    out: Counter = Counter()
    for x in issues:
        ans, read = x["answer"], x["read"]
        starts = [i for i, a in enumerate(ans) if a in "KT" and (i == 0 or ans[i - 1] not in "KT")] + [len(ans)]
        for i, j in zip(starts, starts[1:]):
            wrong = Counter(f"{a}>{r}" for a, r in zip(ans[i:j], read[i:j]) if a != r and (a in _TEXT or r in _TEXT))
            if wrong:
                out[wrong.most_common(1)[0][0]] += 1
    return out


def _row(name: str, counts: Counter, top: int) -> str:
    return f"{name:<16}{sum(counts.values()):>7}  " + "  ".join(f"{k} {v}" for k, v in counts.most_common(top))


def report(issues: list[dict], top: int = 10) -> list[str]:
    """The printed tables: pooled, per paper, per layout, per article."""
    lines = [_row("pooled", confusions(issues), top)]
    for title, key in (("per paper", "paper"), ("per paragraph layout", "layout")):
        groups = defaultdict(list)
        for x in issues:
            groups[x[key]].append(x)
        lines += ["", title] + [_row(k, confusions(v), 6) for k, v in sorted(groups.items())]
    lines += ["", _row("articles", article_confusions(issues), top)]
    return lines


def examples(issues: list[dict], pair: str, n: int, seed: int = 1) -> list[str]:
    """Up to ``n`` lines of the confusion ``pair`` (``H>W``), each with two lines either side: answer, read, text."""
    found = [(x, i) for x in issues for i, (a, r) in enumerate(zip(x["answer"], x["read"])) if f"{a}>{r}" == pair]
    lines = [f"{pair}: {len(found)} lines"]
    for x, i in random.Random(seed).sample(found, min(n, len(found))):
        lines.append(f"--- {x['name']} ({x['paper']}, {x['layout']})")
        for j in range(max(0, i - 2), min(len(x["text"]), i + 3)):
            lines.append(f"{'>>' if j == i else '  '} {x['answer'][j]} {x['read'][j]}  {x['text'][j][:60]}")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--models", type=Path, required=True, help="the folder of held-out models (trained into it when missing)")
    ap.add_argument("--later", action="store_true", help="each paper's latest third of issues, read by the later-issue pair")
    ap.add_argument("--paragraphs", help="lay out every issue read in this paragraph layout (corpus.layout.PARAGRAPH_STYLES)")
    ap.add_argument("--paper", help="only this paper's issues")
    ap.add_argument("--examples", nargs=2, metavar=("PAIR", "N"), help="show N lines read as PAIR (answer>read, e.g. H>W)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="papers held out at a time when models are trained")
    args = ap.parse_args(argv)
    if args.examples and not args.examples[1].isdigit():
        ap.error(f"--examples: N must be a number of lines, not {args.examples[1]!r}")
    issues = readings(args.models, args.later, args.paragraphs, args.jobs)
    if args.paper:
        issues = [x for x in issues if x["paper"] == args.paper]
    print("\n".join(examples(issues, args.examples[0], int(args.examples[1])) if args.examples else report(issues)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
