"""Benchmark Simplified → Traditional conversion against OpenCC itself, in one run.

Usage:  .venv/bin/python bench/convert_bench.py [--edition tw] [--size-mb 10] [--repeat 5]
                                               [--reimpl /tmp/venv/bin/python] [--no-build]
        .venv/bin/python bench/convert_bench.py --accuracy [--details]

--accuracy scores plain OpenCC, ours without the context model ("before") and ours
against the parallel benches (bench/parallel/: build their text first with
extract_cuv.py, extract_ddia.py, extract_2kenize.py, extract_hkcnews.py) for s2t, s2tw,
s2hk and s2twp in one run: conversion errors per 10,000 Chinese characters (see
bench/parallel/score.py for what counts), for each bench and its parts.  On hkcnews,
Hong Kong news the shipped context models were counted from, "ours" uses the models built
without those articles (bench/parallel/data/context-heldout.tsv, and
context-hk-heldout.tsv for s2hk: see extract_hkcnews.py).  Otherwise:

Reports, for the example issues and an archive-sized synthetic issue (the
examples repeated to >= --size-mb of text):
- convert_issue MB/s (MB = UTF-8 bytes of the issue's visible text), and the
  same with one OpenCC call per string, to show what batching buys;
- OpenCC(config).convert on the same raw text, in the same process, and the
  ``opencc`` command line when installed (including process start);
- ratios of ours against that OpenCC baseline (no absolute thresholds: the
  machine varies, the ratio should not);
- the share of conversion in a whole ``--edition tw`` build (read, stitch,
  original + Traditional edition, every format) via rsbz_epub.bundle;
- with --reimpl PYTHON (a venv holding opencc-python-reimplemented), its speed
  and how many characters it converts differently from the official wheel.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from opencc import OpenCC

from rsbz_epub.inputs import load_publication
from rsbz_epub.model import Article, Issue, Page, Paragraph
from rsbz_epub.reader import read_issue
from rsbz_epub.options import EDITIONS, BuildOptions, Publication, ReadOptions
from rsbz_epub.transforms.chinese import convert_issue, convert_many, convert_text, visible_strings
from rsbz_epub.transforms.context import ContextModel, parse_model

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))
PUB = Publication()
KNOWN_PHRASES = ("机制作出", "托举", "乐里镇")


def _clear_conversion_caches() -> None:
    """Forget segmentations and sub-word decisions, so each timed run converts from scratch
    (the segmenter's dictionary stays loaded: that happens once per process)."""
    from rsbz_epub.transforms import segmenter, wordwise

    segmenter.segment.cache_clear()
    wordwise._crossed_subwords.cache_clear()


def best(fn: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs, in seconds (conversion caches cleared before each)."""
    times = []
    for _ in range(repeat):
        _clear_conversion_caches()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def read_example(path: Path) -> Issue:
    """The reader's Issue of an example (with its paper's config when there is one)."""
    config = path.with_name(path.name.split("-")[0] + ".toml")
    return read_issue(path.read_bytes(), ReadOptions(publication=load_publication(config if config.exists() else None)))


def enlarge(issues: list[Issue], size_mb: float) -> Issue:
    """One synthetic issue of >= size_mb of visible text: the examples' articles repeated."""
    base = [a for i in issues for a in i.articles()]
    unit = sum(len(s.encode()) for i in issues for s in visible_strings(i))
    copies = int(size_mb * 1e6 // max(unit, 1)) + 1
    pages = tuple(Page(str(n + 1), tuple(_numbered(a, n) for a in base), 1) for n in range(copies))
    return Issue(issues[0].meta, pages)


def _numbered(article: Article, n: int) -> Article:
    """A copy of an article whose strings are all distinct from other copies (no dedupe shortcut)."""
    blocks = tuple(
        dataclasses.replace(b, text=f"{n}.{b.text}") if isinstance(b, Paragraph) else b for b in article.blocks
    )
    return dataclasses.replace(article, id=f"{article.id}-{n}", title=f"{n}.{article.title}", blocks=blocks)


def text_of(issue: Issue) -> str:
    """The issue's visible text as one raw string (what OpenCC is timed on)."""
    return "\n".join(visible_strings(issue))


def cli_seconds(text: str, config: str) -> float | None:
    """Wall time of the ``opencc`` command line on ``text`` (process start included), or None."""
    exe = shutil.which("opencc")
    if exe is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp, "in.txt"), Path(tmp, "out.txt")
        src.write_text(text, encoding="utf-8")
        cmd = [exe, "-c", f"{config}.json", "-i", str(src), "-o", str(dst)]
        return best(lambda: subprocess.run(cmd, check=True), 3)


def measure(label: str, issue: Issue, edition: str, repeat: int) -> dict[str, float]:
    """Print and return MB/s of ours (batched, per string) and OpenCC's on the same text."""
    config = EDITIONS[edition][0]
    assert config is not None
    text = text_of(issue)
    mb = len(text.encode("utf-8")) / 1e6
    strings = visible_strings(issue)
    converter = OpenCC(config)
    t_ours = best(lambda: convert_issue(issue, edition, publication=PUB), repeat)
    t_each = best(lambda: [convert_text(s, edition) for s in strings], repeat)
    t_lib = best(lambda: converter.convert(text), repeat)
    t_cli = cli_seconds(text, config)
    row = {"mb": mb, "ours": mb / t_ours, "per_string": mb / t_each, "opencc": mb / t_lib, "t_ours": t_ours}
    cli = f"{mb / t_cli:6.1f} MB/s" if t_cli else "n/a (apt-get install opencc)"
    print(
        f"{label:<22} {mb:7.2f} MB  {len(strings):>7} strings | convert_issue {row['ours']:6.1f} MB/s"
        f" | per-string {row['per_string']:6.1f} MB/s | OpenCC.convert {row['opencc']:6.1f} MB/s"
        f" | opencc CLI {cli} | ours/OpenCC {row['ours'] / row['opencc']:.2f}"
    )
    return row


def build_share(label: str, data: bytes | None, issue: Issue, edition: str, repeat: int) -> None:
    """Print conversion's share of a whole ``--edition <edition>`` build (needs rsbz_epub.bundle)."""
    from rsbz_epub import bundle

    options = BuildOptions(editions=(edition,))
    try:
        if data is not None:
            t_build = best(lambda: bundle.build_issue(data, options), repeat)
        else:  # synthetic issue: no raw bytes, build its editions from the IR
            t_build = best(lambda: [bundle.build_edition(issue, e, options) for e in ("hans", edition)], repeat)
    except Exception as exc:  # noqa: BLE001 - a benchmark reports, it does not stop
        print(f"{label:<22} build share: n/a (build failed: {type(exc).__name__}: {exc})")
        return
    t_conv = best(lambda: convert_issue(issue, edition, publication=PUB), repeat)
    print(f"{label:<22} build {t_build * 1000:8.1f} ms, conversion {t_conv * 1000:7.1f} ms = {100 * t_conv / t_build:5.1f} % of the build")


_REIMPL_SCRIPT = """
import json, sys, time
from opencc import OpenCC
text = open(sys.argv[1], encoding="utf-8").read()
out = {}
for cfg in sys.argv[2].split(","):
    c = OpenCC(cfg)
    start = time.perf_counter(); converted = c.convert(text); secs = time.perf_counter() - start
    out[cfg] = {"text": converted, "seconds": secs, "phrases": [c.convert(p) for p in sys.argv[3].split(",")]}
print(json.dumps(out, ensure_ascii=False))
"""


def differing_chars(a: str, b: str) -> int:
    """Characters that differ between two conversions of the same text."""
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b))
    import difflib

    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")


def compare_reimplementation(python: str, text: str, big: str) -> None:
    """Speed and disagreement of opencc-python-reimplemented (run by another interpreter)."""
    configs = [row[0] for row in EDITIONS.values() if row[0]]
    with tempfile.TemporaryDirectory() as tmp:
        for label, sample in (("examples", text), (f"{len(big.encode()) / 1e6:.1f} MB", big)):
            path = Path(tmp, "in.txt")
            path.write_text(sample, encoding="utf-8")
            cfgs = configs if label == "examples" else ["s2t"]
            proc = subprocess.run(
                [python, "-c", _REIMPL_SCRIPT, str(path), ",".join(cfgs), ",".join(KNOWN_PHRASES)],
                check=True, capture_output=True, text=True,
            )
            result = json.loads(proc.stdout)
            mb = len(sample.encode()) / 1e6
            for cfg in cfgs:
                official = OpenCC(cfg)
                t_official = best(lambda: official.convert(sample), 3)
                ours = official.convert(sample)
                r = result[cfg]
                if label == "examples" or len(ours) == len(r["text"]):
                    diff = f"{differing_chars(ours, r['text'])} of {len(ours)}"
                else:
                    diff = "n/a (lengths differ)"
                phrases = " ".join(f"{p}→{o}" for p, o in zip(KNOWN_PHRASES, r["phrases"]))
                print(
                    f"reimplementation {label:<9} {cfg:<6} {mb / r['seconds']:6.2f} MB/s vs official {mb / t_official:6.1f} MB/s"
                    f" ({r['seconds'] / t_official:5.1f}x slower); characters differing: {diff}"
                    + (f"; {phrases}" if label == "examples" else "")
                )


#: The parallel benches: name → (Simplified file, human-edited Traditional file) in bench/parallel/data/.
BENCHES = {
    "cuv": ("cuv.zh-Hans.txt", "cuv.zh-Hant.txt"),  # bench/parallel/extract_cuv.py
    "ddia": ("ddia.zh-Hans.txt", "ddia.zh-Hant-TW.txt"),  # bench/parallel/extract_ddia.py
    "2kenize": ("2kenize.zh-Hans.txt", "2kenize.zh-Hant.txt"),  # bench/parallel/extract_2kenize.py
    "hkcnews": ("hkcnews.zh-Hans.txt", "hkcnews.zh-Hant.txt"),  # bench/parallel/extract_hkcnews.py
}
#: A bench whose text the shipped models have read: its models built without that text
#: (bench/context/build_context.py --input …-train… [--profile hk]), per OpenCC config (None: the others).
HELD_OUT_MODELS = {"hkcnews": {None: "context-heldout.tsv", "s2hk": "context-hk-heldout.tsv"}}


#: The CUV bench's books 1–39 (Old Testament) tuned the context model's thresholds; 40–66 are the test.
TUNING_BOOKS = 39


#: The 2kenize subsets scored on their own (tw_news, 39 lines, only counts in the whole).
KENIZE_PARTS = ("hk_news", "hk_lit", "tw_lit")


def _manifest(name: str) -> dict:
    """What a bench's manifest records (bench/parallel/manifest-NAME.json)."""
    return json.loads((ROOT / "bench" / "parallel" / f"manifest-{name}.json").read_text(encoding="utf-8"))


def parts(name: str, sources: list[str], references: list[str]) -> dict[str, tuple[list[str], list[str]]]:
    """A bench's parts, each scored on its own: CUV by testament (books 1–39 tuned the
    context model, 40–66 are the test), 2kenize by subset (Hong Kong text matters most
    for s2hk, Taiwan text for s2tw); line counts per file from the bench's manifest."""
    files = _manifest(name)["files"] if name in ("cuv", "2kenize") else []
    if name == "cuv":
        cut = sum(f["lines"] for f in files[:TUNING_BOOKS])
        return {"tuning (OT)": (sources[:cut], references[:cut]), "test (NT)": (sources[cut:], references[cut:])}
    result = {}
    start = 0
    for f in files:
        end = start + f["lines"]
        if f["subset"] in KENIZE_PARTS:
            result[f["subset"]] = (sources[start:end], references[start:end])
        start = end
    return result


def cuv_halves() -> dict[str, tuple[list[str], list[str]]]:
    """The CUV bench's verse pairs split by testament."""
    data = ROOT / "bench" / "parallel" / "data"
    return parts("cuv", *(_lines(data / name) for name in BENCHES["cuv"]))


def _lines(path: Path) -> list[str]:
    """A bench file's lines (one verse or line per line)."""
    return path.read_text(encoding="utf-8").split("\n")[:-1]


def _with_context_model(sources: list[str], edition: str, model: ContextModel) -> list[str]:
    """Our conversion with another context model than the shipped one (bench-only switch);
    with an empty one, the state before the model."""
    from rsbz_epub.transforms import wordwise

    shipped = wordwise.context_model
    wordwise.context_model = lambda config=None: model  # type: ignore[assignment]
    wordwise._edition_forms.cache_clear()
    try:
        return convert_many(sources, edition, keep_quotes=True)
    finally:
        wordwise.context_model = shipped  # type: ignore[assignment]
        wordwise._edition_forms.cache_clear()


def _table(
    name: str, sources: list[str], references: list[str], ambiguous: frozenset[str], details: bool,
    models: dict[str | None, ContextModel] | None = None,
) -> None:
    """One bench table: errors per 10,000 characters, plain OpenCC, ours before the context model, ours
    (with ``models`` — per OpenCC config, None for the others — instead of the shipped ones when given); per edition."""
    from score import score  # type: ignore[import-not-found]

    han = sum(len(re.findall(r"[\u4e00-\u9fff]", s)) for s in sources)
    print(f"\nbench {name}: {len(sources)} line pairs, {han} Chinese characters; {len(ambiguous)} ambiguous characters scored")
    print("| edition | OpenCC config | scored positions | plain OpenCC errors / 10k | before / 10k | ours / 10k | ours ÷ plain |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for edition, (config, *_rest) in EDITIONS.items():
        if config is None:
            continue
        opencc = OpenCC(config)
        plain = score(sources, references, [opencc.convert(s) for s in sources], ambiguous)
        before = score(sources, references, _with_context_model(sources, edition, ContextModel({}, {})), ambiguous)
        model = None if models is None else models.get(config, models[None])
        converted = convert_many(sources, edition, keep_quotes=True) if model is None else _with_context_model(sources, edition, model)
        ours = score(sources, references, converted, ambiguous)
        ratio = f"{ours.errors / plain.errors:.2f}" if plain.errors else "n/a"
        print(
            f"| {edition} | {config} | {plain.scored} | {plain.per_10k:.2f} ({plain.errors}) | {before.per_10k:.2f} ({before.errors})"
            f" | {ours.per_10k:.2f} ({ours.errors}) | {ratio} |"
        )
        if details:
            for label, result in (("plain", plain), ("ours", ours)):
                print(f"  {label}: " + "; ".join(f"{k} ×{n}" for k, n in result.examples.most_common(20)))
            # the same errors by form, whatever the context: what a class of errors weighs against the goal
            print("  by form (plain / ours): " + "; ".join(
                f"{c}→{got} (ref {want}) {plain.forms[(c, got, want)]} / {ours.forms[(c, got, want)]}"
                for (c, got, want), _ in (plain.forms + ours.forms).most_common(16)
            ))


def accuracy(details: bool) -> int:
    """Print each parallel bench's table, then its parts' (scored on the whole bench's ambiguous characters)."""
    sys.path.insert(0, str(ROOT / "bench" / "parallel"))
    from score import ambiguous_characters  # type: ignore[import-not-found]

    data = ROOT / "bench" / "parallel" / "data"
    found = 0
    for name, (zh_name, tw_name) in BENCHES.items():
        if not (data / zh_name).exists():
            print(f"{name}: no text in {data}: run bench/parallel/extract_{name}.py GIT_DIR first (see its docstring)")
            continue
        models = None
        if name in HELD_OUT_MODELS:
            missing = [f for f in HELD_OUT_MODELS[name].values() if not (data / f).exists()]
            if missing:
                print(f"{name}: no {', '.join(missing)} in {data} (the models without its text): build them as bench/parallel/extract_{name}.py says")
                continue
            models = {config: parse_model((data / f).read_text(encoding="utf-8")) for config, f in HELD_OUT_MODELS[name].items()}
            print(f"\n{name}: ours with the context models {', '.join(HELD_OUT_MODELS[name].values())}, not the shipped ones")
        found += 1
        sources, references = _lines(data / zh_name), _lines(data / tw_name)
        ambiguous = ambiguous_characters(sources, references)
        _table(name, sources, references, ambiguous, details, models)
        for part, (zh, tw) in parts(name, sources, references).items():
            _table(f"{name}, {part}", zh, tw, ambiguous, details)
    return 0 if found else 1


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print one line per measurement."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edition", default="tw", choices=[e for e, row in EDITIONS.items() if row[0]])
    parser.add_argument("--size-mb", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--reimpl", metavar="PYTHON", help="interpreter of a venv with opencc-python-reimplemented")
    parser.add_argument("--no-build", action="store_true", help="skip the build-share measurement")
    parser.add_argument("--accuracy", action="store_true", help="score against the parallel bench instead of timing")
    parser.add_argument("--details", action="store_true", help="with --accuracy: the most frequent errors")
    args = parser.parse_args(argv)
    if args.accuracy:
        return accuracy(args.details)

    import opencc

    print(f"official opencc wheel {getattr(opencc, '__version__', '?')}; edition {args.edition} ({EDITIONS[args.edition][0]})")
    issues = [read_example(p) for p in EXAMPLES]
    for path, issue in zip(EXAMPLES, issues):
        measure(path.name, issue, args.edition, args.repeat)
    big = enlarge(issues, args.size_mb)
    measure("archive (synthetic)", big, args.edition, max(1, args.repeat // 2))
    if not args.no_build:
        for path, issue in zip(EXAMPLES, issues):
            build_share(path.name, path.read_bytes(), issue, args.edition, args.repeat)
        build_share("archive (synthetic)", None, big, args.edition, 1)
    if args.reimpl:
        compare_reimplementation(args.reimpl, "\n".join(text_of(i) for i in issues), text_of(big))
    return 0


if __name__ == "__main__":
    sys.exit(main())
