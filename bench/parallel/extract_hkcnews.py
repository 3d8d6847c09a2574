"""Build the hkcnews parallel bench (machine Simplified / human Hong Kong Traditional) from a git dir.

The context model is counted from 眾新聞 (Citizen News) articles, Hong Kong news
of 2017–2021 written by people in today's standard usage
(bench/context/extract_hkcnews.py, whose paragraphs and article listing this
script reuses).  The articles it holds out (``held_out``: number N with
N % HELD_OUT_EVERY == 0) are this bench: their paragraphs, one a line, are the
Traditional side; OpenCC t2s of each line is the Simplified side, made by machine
as 2kenize's was.  A pair is dropped when t2s changes the line's length (the
positions would not align) or when the line has no character outside ASCII.

The other articles are written, one paragraph a line, to
bench/context/data/hkcnews-train.zh-Hant.txt: the training text of the bench-only
models that bench/convert_bench.py --accuracy scores "ours" with on this bench
(the shipped models have read the held-out articles):

    python bench/context/build_context.py --input bench/context/data/hkcnews-train.zh-Hant.txt \\
        --output bench/parallel/data/context-heldout.tsv
    python bench/context/build_context.py --profile hk --input bench/context/data/hkcnews-train.zh-Hant.txt \\
        --output bench/parallel/data/context-hk-heldout.tsv

The text is not ours and is never committed: both files are git-ignored;
manifest-hkcnews.json records repository, commit, the held-out articles and
checksums of what was written.

Usage:  python bench/parallel/extract_hkcnews.py GIT_DIR [--commit SHA] [--write-manifest]
Without --write-manifest the bench text written is checked against the manifest's checksums.
"""

from __future__ import annotations

import importlib.util
import sys

from opencc import OpenCC

from common import HERE, arguments, write_bench, write_lines

# bench/context/extract_hkcnews.py has this script's module name: loaded by its path.
_spec = importlib.util.spec_from_file_location("context_extract_hkcnews", HERE.parent / "context" / "extract_hkcnews.py")
assert _spec is not None and _spec.loader is not None
hkcnews = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hkcnews)

TRAINING = hkcnews.DATA / "hkcnews-train.zh-Hant.txt"


def pairs(traditional: list[str]) -> list[tuple[str, str]]:
    """(OpenCC t2s of the line, the line) for each line t2s keeps the length of and that is not all ASCII."""
    t2s = OpenCC("t2s")
    return [(s, t) for t in traditional if not t.isascii() and len(s := t2s.convert(t)) == len(t)]


def main(argv: list[str] | None = None) -> int:
    git_dir, commit, write_manifest = arguments("hkcnews", __doc__, argv)
    repo = hkcnews.GitMirror(git_dir)
    listed = hkcnews.articles(repo, commit)
    contents = repo.cat_blobs(b for _, b in listed)
    held: list[str] = []
    training: list[str] = []
    for number, blob in listed:
        (held if hkcnews.held_out(number) else training).extend(hkcnews.paragraphs(contents[blob].decode("utf-8", "replace")))
    kept = pairs(held)
    record = {
        "name": "hkcnews",
        "repository": f"https://github.com/{hkcnews.REPO}",
        "commit": commit,
        "articles_tree": repo.run("rev-parse", f"{commit}:articles").strip(),
        "license": "Citizen News (眾新聞) keeps the copyright of the articles (the repository's README): not redistributed here",
        "traditional_made_by": "Hong Kong news written by people; the Simplified side is a machine t2s conversion of it",
        "held_out": f"article number N with N % {hkcnews.HELD_OUT_EVERY} == 0",
        "articles": len(listed),
        "held_out_articles": sum(hkcnews.held_out(n) for n, _ in listed),
        "held_out_lines": len(held),
        "training": {"file": str(TRAINING.relative_to(HERE.parents[1])), **write_lines(TRAINING, training)},
    }
    texts = {"hkcnews.zh-Hans.txt": [s for s, _ in kept], "hkcnews.zh-Hant.txt": [t for _, t in kept]}
    return write_bench("hkcnews", texts, record, write_manifest)


if __name__ == "__main__":
    sys.exit(main())
