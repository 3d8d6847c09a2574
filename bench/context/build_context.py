"""Build the context model (rsbz_epub/data/context.tsv) from human-written Traditional text.

Usage:  python bench/context/build_context.py [--profile standard|hk] [--min-count N] [--min-share R] [--input PATH] [--output PATH]

Two models are built from the same text (``PROFILES``): ``standard``
(rsbz_epub/data/context.tsv, every edition but hk) and ``hk``
(rsbz_epub/data/context-hk.tsv, the Hong Kong edition).  The hk model is Hong
Kong usage itself: it counts the lines written in Cantonese too, decides a context
whose most frequent form has 70 % of at least 10 occurrences, and overrules the
forms OpenCC's phrases chose (Hong Kong writes 宣布, 盡快, 每周, 回歸 where OpenCC
writes 宣佈, 儘快, 每週, 迴歸); its thresholds were chosen on a development split of
the training articles (bench/context/tune_hk.py), never on the held-out bench.

Input: the training text that bench/context/extract_hkcnews.py wrote to
bench/context/data/ (see the manifest beside this script); never the parallel
bench's text.  ``--input`` names another Hong Kong text: hkcnews-train.zh-Hant.txt,
the same articles without those of the held-out hkcnews bench
(bench/parallel/extract_hkcnews.py), builds the model that bench is scored with.
Steps:

1. candidates: OpenCC's own STCharacters table, read from the opencc wheel with
   its ``opencc_dict`` tool — a Simplified character with two or more Traditional forms;
2. each training line (for the standard model, only those without Cantonese
   particles — CANTONESE: the input is Mandarin, and quoted Cantonese 係 would
   teach 唔系 → 唔係) is folded to OpenCC's standard glyphs (hk2t for Hong Kong
   text), converted to Simplified with OpenCC t2s (which keeps the length, checked),
   and read position by position: where the Simplified character has several
   candidates and the Traditional character is one of them, every context of the
   position (rsbz_epub.transforms.context.context_keys: the 2- and 3-character
   spans around it) counts one for that form;
3. only characters the text itself writes in two forms (each at least
   ``MIN_FORM`` times) are modelled;
4. a context seen at least ``--min-count`` times keeps its most frequent form
   when that form has at least ``--min-share`` of them, else ``?`` (undecided: the
   runtime keeps OpenCC's form); a context whose decision its shorter contexts
   (the bigrams inside it) already give is dropped, which keeps the file small.

Same input, same bytes: everything is sorted, nothing depends on time or hashing.
The thresholds were chosen on the Old Testament half of the CUV bench only
(bench/context/tune_context.py); the New Testament half is the test.  Training
text and that bench share no text (news vs. the Bible); the hkcnews bench is
articles of the training text, so it is scored with the model built without them.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import opencc
from opencc import OpenCC

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from rsbz_epub.transforms.context import OVERRULES_PHRASES, UNDECIDED, context_keys, parse_model  # noqa: E402

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
OUTPUT = ROOT / "rsbz_epub" / "data" / "context.tsv"
#: The training text, and the OpenCC config that folds its Hong Kong glyphs to standard ones.
INPUT = DATA / "hkcnews.zh-Hant.txt"
FOLD = "hk2t"
MIN_FORM = 10
#: Cantonese particles: a line with one is written Cantonese (唔係, 係咪), whose 係 a Mandarin input never means.
CANTONESE = re.compile("[嘅咗唔哋喺嘢啲冇佢嗰咩囉㗎噉畀睇嚟諗]")
MIN_COUNT = 30
MIN_SHARE = 0.99


@dataclass(frozen=True)
class Profile:
    """One shipped model: its file, which lines it counts, its thresholds, whether it overrules OpenCC's phrases."""

    output: str  # file name in rsbz_epub/data
    cantonese: bool  # count the lines written in Cantonese too
    min_count: int
    min_share: float
    overrules_phrases: bool


PROFILES = {
    # every edition but hk: thresholds chosen on the CUV bench's Old Testament (tune_context.py)
    "standard": Profile("context.tsv", False, MIN_COUNT, MIN_SHARE, False),
    # the Hong Kong edition: Hong Kong usage, thresholds chosen on a development split (tune_hk.py)
    "hk": Profile("context-hk.tsv", True, 10, 0.7, True),
}


def stcharacters() -> dict[str, tuple[str, ...]]:
    """OpenCC's STCharacters table: Simplified character → its Traditional forms, from the installed wheel."""
    share = Path(opencc.__file__).parent / "clib"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp, "STCharacters.txt")
        subprocess.run(
            [str(share / "bin" / "opencc_dict"), "-i", str(share / "share" / "opencc" / "STCharacters.ocd2"), "-o", str(out), "-f", "ocd2", "-t", "text"],
            check=True, capture_output=True,
        )
        table = {}
        for line in out.read_text(encoding="utf-8").splitlines():
            key, forms = line.split("\t")
            table[key] = tuple(forms.split(" "))
    return table


def aligned_pairs(lines: list[str], fold: str, cantonese: bool = False) -> list[tuple[str, str]]:
    """(Simplified, standard Traditional) pairs of Traditional lines: folded with ``fold``, then t2s; equal lengths only;
    lines written in Cantonese only with ``cantonese``."""
    standard = OpenCC(fold).convert("\n".join(lines)).split("\n")
    simplified = OpenCC("t2s").convert("\n".join(standard)).split("\n")
    if not len(lines) == len(standard) == len(simplified):
        raise ValueError("OpenCC changed the number of lines")
    return [(s, t) for s, t in zip(simplified, standard) if len(s) == len(t) and (cantonese or not CANTONESE.search(t))]


def training_pairs(path: Path = INPUT, cantonese: bool = False) -> list[tuple[str, str]]:
    """The aligned pairs of a training text (one paragraph per line)."""
    return aligned_pairs(path.read_text(encoding="utf-8").split("\n")[:-1], FOLD, cantonese)


def count(candidates: dict[str, tuple[str, ...]], pairs: list[tuple[str, str]], min_form: int = MIN_FORM) -> tuple[Counter[str], dict[str, Counter[str]]]:
    """Counts of ``key<TAB>form`` over the aligned pairs, and the forms of each modelled character."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for s, t in pairs:
        for c, f in zip(s, t):
            if c in candidates and f in candidates[c]:
                forms[c][f] += 1
    modelled = {c for c, seen in forms.items() if sum(n >= min_form for n in seen.values()) >= 2}
    counts: Counter[str] = Counter()
    for s, t in pairs:
        counts.update(
            f"{key}\t{t[i]}"
            for i, c in enumerate(s)
            if c in modelled and t[i] in candidates[c]
            for key in context_keys(s, i)
        )
    return counts, {c: forms[c] for c in sorted(modelled)}


def summary(counts: Counter[str]) -> dict[str, tuple[str, int, int]]:
    """Key → (most frequent form, its count, the key's total), for every counted context."""
    by_key: dict[str, dict[str, int]] = defaultdict(dict)
    for entry, n in counts.items():
        key, form = entry.split("\t")
        by_key[key][form] = n
    return {
        key: (*min(seen.items(), key=lambda kv: (-kv[1], kv[0])), sum(seen.values()))
        for key, seen in by_key.items()
    }


def decisions(summed: dict[str, tuple[str, int, int]], min_count: int, min_share: float) -> dict[str, tuple[str, int, int]]:
    """Key → (form or ``?``, count, total) for every context seen at least ``min_count`` times."""
    found = {
        key: (form if n >= min_share * total else UNDECIDED, n, total)
        for key, (form, n, total) in summed.items()
        if total >= min_count
    }
    return _pruned(found)


def _pruned(found: dict[str, tuple[str, int, int]]) -> dict[str, tuple[str, int, int]]:
    """Drop a trigram whose decision both its bigrams (those the model knows) already give."""
    kept = {}
    for key, value in found.items():
        offset, span = int(key[0]), key[1:]
        if len(span) == 3:
            inner = [found.get(k) for k in (f"{offset}{span[:2]}" if offset < 2 else None, f"{offset - 1}{span[1:]}" if offset > 0 else None) if k]
            known = [v[0] for v in inner if v is not None]
            if known and all(f == value[0] for f in known):
                continue
        kept[key] = value
    return kept


def model_text(
    candidates: dict[str, tuple[str, ...]], forms: dict[str, Counter[str]], found: dict[str, tuple[str, int, int]],
    min_count: int, min_share: float, source: str = INPUT.name, overrules_phrases: bool = False,
) -> str:
    """The model file: a header (naming the training text ``source``), whether it overrules OpenCC's phrases,
    each modelled character's candidates, then the contexts, sorted."""
    lines = [
        f"# rsbz-epub context model: built by bench/context/build_context.py from {source}",
        f"# opencc {getattr(opencc, '__version__', '?')}; min-count {min_count}, min-share {min_share}; key = offset + Simplified span",
    ]
    if overrules_phrases:
        lines.append(f"!\t{OVERRULES_PHRASES}")
    lines += [f"=\t{c}\t{''.join(candidates[c])}" for c in forms]
    lines += [f"{k}\t{f}\t{n}\t{t}" for k, (f, n, t) in sorted(found.items())]
    return "\n".join(lines) + "\n"


def build(
    candidates: dict[str, tuple[str, ...]], pairs: list[tuple[str, str]], min_count: int, min_share: float,
    min_form: int = MIN_FORM, source: str = INPUT.name, overrules_phrases: bool = False,
) -> str:
    """The model file of aligned training pairs (what main writes; a function so tests can build twice)."""
    counts, forms = count(candidates, pairs, min_form)
    found = decisions(summary(counts), min_count, min_share)
    return model_text(candidates, forms, found, min_count, min_share, source, overrules_phrases)


def main(argv: list[str] | None = None) -> int:
    """Count, decide, write the model; print its size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", choices=sorted(PROFILES), default="standard", help="which shipped model (default: %(default)s)")
    parser.add_argument("--min-count", type=int, help="default: the profile's")
    parser.add_argument("--min-share", type=float, help="default: the profile's")
    parser.add_argument("--input", type=Path, default=INPUT, help="the training text, one paragraph per line (default: %(default)s)")
    parser.add_argument("--output", type=Path, help="default: the profile's file in rsbz_epub/data")
    args = parser.parse_args(argv)
    profile = PROFILES[args.profile]
    min_count = profile.min_count if args.min_count is None else args.min_count
    min_share = profile.min_share if args.min_share is None else args.min_share
    output = args.output or OUTPUT.with_name(profile.output)
    pairs = training_pairs(args.input, profile.cantonese)
    text = build(stcharacters(), pairs, min_count, min_share, source=args.input.name, overrules_phrases=profile.overrules_phrases)
    output.write_text(text, encoding="utf-8")
    model = parse_model(text)
    decided = sum(v[0] != UNDECIDED for v in model.contexts.values())
    print(f"{output}: {len(model.candidates)} characters, {len(model.contexts)} contexts ({decided} decided), {len(text.encode()) / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
