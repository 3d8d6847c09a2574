"""Choose the Hong Kong edition's context model (build_context.py's ``hk`` profile) on a development split.

Usage:  python bench/context/tune_hk.py GIT_DIR

GIT_DIR is the 眾新聞 archive bench/context/extract_hkcnews.py reads.  Its
articles are split three ways by number N: N % 50 == 0 is the held-out hkcnews
bench (bench/parallel/extract_hkcnews.py), never read here; N % 50 == 25 is the
development split, scored here; the rest is counted.  For each grid point — lines
counted (Mandarin only, or Cantonese too), min-count, min-share, and whether the
model overrules OpenCC's phrases — the development split's t2s side is converted
for the hk edition and scored as ``bench/convert_bench.py --accuracy`` scores
(bench/parallel/score.py, the split's own list of ambiguous characters); errors on
the lines without Cantonese particles are printed apart, because the product's
input is Mandarin.

Result (2026-12, 15,509 development lines, 13,973 of them Mandarin; plain OpenCC
s2hk 5,344 errors, 3,375 on Mandarin lines; the standard model as shipped — Mandarin,
30, 0.99, phrases kept — 4,405 / 2,919):

    lines      min-count  min-share  phrases    errors  on Mandarin lines
    Mandarin   30         0.99       overruled  3,945   2,482
    Mandarin   10         0.7        overruled  2,359   1,339
    all        10         0.7        kept       3,609   2,808
    all        10         0.5        overruled  1,950   1,347
    all        10         0.6        overruled  1,924   1,315
    all        10         0.7        overruled  1,926   1,320   <- shipped (hk)
    all        10         0.8        overruled  2,216   1,580
    all        20         0.7        overruled  1,985   1,349
    all        100        0.7        overruled  2,169   1,445

Counting the Cantonese lines costs nothing on the Mandarin ones (1,320 against
1,339); 0.7 was taken over 0.6 (2 errors apart) as the more cautious share.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from opencc import OpenCC

ROOT = Path(__file__).resolve().parents[2]
# bench/context before bench/parallel: its extract_hkcnews is the archive's reader (the other writes the bench)
sys.path[:0] = [str(ROOT), str(ROOT / "bench" / "context"), str(ROOT / "bench" / "parallel")]

import extract_hkcnews as hkcnews  # noqa: E402
from build_context import CANTONESE, aligned_pairs, count, decisions, FOLD, model_text, stcharacters, summary  # noqa: E402
from score import ambiguous_characters, score  # type: ignore[import-not-found]  # noqa: E402

from rsbz_epub.transforms import wordwise  # noqa: E402
from rsbz_epub.transforms.chinese import convert_many  # noqa: E402
from rsbz_epub.transforms.context import parse_model  # noqa: E402

GRID = [
    (cantonese, n, r, overrule)
    for cantonese in (False, True)
    for n in (10, 20, 30, 100)
    for r in (0.5, 0.6, 0.7, 0.8, 0.9, 0.99)
    for overrule in (False, True)
]


def development(number: int) -> bool:
    """Whether article ``number`` is in the development split (half-way between two held-out articles)."""
    return number % hkcnews.HELD_OUT_EVERY == hkcnews.HELD_OUT_EVERY // 2


def split(git_dir: str) -> tuple[list[str], list[str]]:
    """(development lines, counted lines) of the archive, the held-out bench's articles left out."""
    repo = hkcnews.GitMirror(git_dir)
    listed = hkcnews.articles(repo)
    contents = repo.cat_blobs(b for _, b in listed)
    dev: list[str] = []
    counted: list[str] = []
    for number, blob in listed:
        if not hkcnews.held_out(number):
            (dev if development(number) else counted).extend(hkcnews.paragraphs(contents[blob].decode("utf-8", "replace")))
    return dev, counted


def _plan_once() -> None:
    """Cache the segmentation across grid points: it does not depend on the model."""
    plans: dict[tuple[str, str], object] = {}
    plan: Callable = wordwise._plan

    def cached(text: str, names: object, config: str) -> object:
        if (text, config) not in plans:
            plans[text, config] = plan(text, names, config)
        return plans[text, config]

    wordwise._plan = cached  # type: ignore[assignment]


def main(argv: list[str] | None = None) -> int:
    """Print plain OpenCC's errors, then each grid point's, on the development split."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("git_dir")
    args = parser.parse_args(argv)
    dev, counted = split(args.git_dir)
    t2s = OpenCC("t2s")
    pairs = [(s, t) for t in dev if not t.isascii() and len(s := t2s.convert(t)) == len(t)]
    sources, references = [s for s, _ in pairs], [t for _, t in pairs]
    mandarin = [i for i, t in enumerate(references) if not CANTONESE.search(t)]
    ambiguous = ambiguous_characters(sources, references)

    def errors(converted: list[str]) -> tuple[int, int]:
        pick = lambda xs: [xs[i] for i in mandarin]  # noqa: E731
        return score(sources, references, converted, ambiguous).errors, score(pick(sources), pick(references), pick(converted), ambiguous).errors

    s2hk = OpenCC("s2hk")
    plain = errors([s2hk.convert(s) for s in sources])
    print(f"development split: {len(sources)} lines ({len(mandarin)} Mandarin); plain OpenCC s2hk {plain[0]} errors, {plain[1]} on Mandarin lines", flush=True)
    candidates = stcharacters()
    summed = {}
    for cantonese in (False, True):
        found, forms = count(candidates, aligned_pairs(counted, FOLD, cantonese))
        summed[cantonese] = (summary(found), forms)
    _plan_once()
    for cantonese, n, r, overrule in GRID:
        table, forms = summed[cantonese]
        model = parse_model(model_text(candidates, forms, decisions(table, n, r), n, r, overrules_phrases=overrule))
        wordwise.context_model = lambda config=None, model=model: model  # type: ignore[assignment]
        wordwise._edition_forms.cache_clear()
        got = errors(convert_many(sources, "hk", keep_quotes=True))
        lines = "all" if cantonese else "Mandarin"
        phrases = "overruled" if overrule else "kept"
        print(f"{lines:<9} min-count {n:>3} min-share {r:.2f} phrases {phrases:<9}: {got[0]} errors, {got[1]} on Mandarin lines", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
