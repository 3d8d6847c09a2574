"""Choose the context model's thresholds on the tuning half of the CUV bench (the Old Testament) only.

Usage:  python bench/context/tune_context.py [--editions hant,tw]

Counts the training text once (bench/context/build_context.py), then for each
(min-count, min-share) of a small grid converts the Old Testament verses with
that model and scores them (bench/parallel/score.py, with the bench's own list of
scored characters, as ``convert_bench.py --accuracy`` scores).  No New Testament
verse is converted or scored here: it is the test half that
``bench/convert_bench.py --accuracy`` reports apart.

Result (2026-12, tw, Old Testament, 524 errors without the model, scored on the
bench's list): 531 at min-count 10 / min-share 0.97, 529 at 30 / 0.97, 528 at
30 / 0.99, 529 at 100 / 0.99, OpenCC's phrase forms kept (an earlier run scored on
the Old Testament's own list: -2 % to +1 % over 3-30 / 0.8-0.97).  Shipped: 30 / 0.99,
the least harmful; with contexts that cut a neighbouring word skipped (网罗|里 is
not 罗里), 524: no change.  README "What the numbers say".
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from opencc import OpenCC

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench" / "parallel"), str(ROOT / "bench" / "context")]

from build_context import count, decisions, stcharacters, summary, training_pairs  # noqa: E402
from score import ambiguous_characters, score  # type: ignore[import-not-found]  # noqa: E402

from rsbz_epub.options import EDITIONS  # noqa: E402
from rsbz_epub.transforms import wordwise  # noqa: E402
from rsbz_epub.transforms.chinese import convert_many  # noqa: E402
from rsbz_epub.transforms.context import ContextModel  # noqa: E402

GRID = [(n, r) for n in (3, 10, 30, 100) for r in (0.8, 0.9, 0.97, 0.99)]


def tuning_half() -> tuple[list[str], list[str]]:
    """The Old Testament verse pairs of the CUV bench (bench/parallel/manifest-cuv.json gives the split)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from convert_bench import cuv_halves  # type: ignore[import-not-found]

    return cuv_halves()["tuning (OT)"]


def whole_bench() -> tuple[list[str], list[str]]:
    """The whole CUV bench, only for its list of scored characters (the scoring definition)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from convert_bench import BENCHES, _lines  # type: ignore[import-not-found]

    data = ROOT / "bench" / "parallel" / "data"
    return _lines(data / BENCHES["cuv"][0]), _lines(data / BENCHES["cuv"][1])


def use(model: ContextModel) -> None:
    """Make the conversion use ``model`` (a bench-only switch of the shipped model)."""
    wordwise.context_model = lambda config=None: model  # type: ignore[assignment]
    wordwise._edition_forms.cache_clear()


def main(argv: list[str] | None = None) -> int:
    """Print, per edition, errors on the tuning half for OpenCC, no model, and each grid point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--editions", default="hant,tw")
    args = parser.parse_args(argv)
    sources, references = tuning_half()
    ambiguous = ambiguous_characters(*whole_bench())
    han = sum(len(re.findall(r"[\u4e00-\u9fff]", s)) for s in sources)
    print(f"tuning half: {len(sources)} verses, {han} characters, {len(ambiguous)} ambiguous characters")
    candidates = stcharacters()
    counts, forms = count(candidates, training_pairs())
    summed = summary(counts)
    del counts
    print(f"counted {len(summed)} contexts of {len(forms)} characters", flush=True)
    chars = {c: "".join(candidates[c]) for c in forms}
    for edition in args.editions.split(","):
        config = EDITIONS[edition][0]
        opencc = OpenCC(config)
        plain = score(sources, references, [opencc.convert(s) for s in sources], ambiguous)
        use(ContextModel({}, {}))
        bare = score(sources, references, convert_many(sources, edition, keep_quotes=True), ambiguous)
        print(f"{edition}: plain OpenCC {plain.errors}, ours without the model {bare.errors}", flush=True)
        for n, r in GRID:
            use(ContextModel(chars, decisions(summed, n, r)))
            for keep in (True, False):
                wordwise.KEEP_PHRASES = keep
                got = score(sources, references, convert_many(sources, edition, keep_quotes=True), ambiguous)
                print(
                    f"{edition} min-count {n:>2} min-share {r:.2f} keep-phrases {keep!s:<5}: {got.errors} errors"
                    f" ({got.errors / plain.errors:.2f} of plain)", flush=True
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
