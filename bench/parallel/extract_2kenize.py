"""Build the 2kenize parallel bench (machine Simplified / human HK and Taiwan Traditional) from a git dir.

The text is not ours and is never committed: it is written to bench/parallel/data/
(git-ignored); manifest-2kenize.json records repository, commit, the files and blob
ids read, the lines kept of each, and checksums of what was written.

Source: github.com/pranav-ust/2kenize, the script-conversion benchmark of "2kenize:
Tying Subword Sequences for Chinese Script Conversion" (ACL 2020).  dataset/X.txt is
the Traditional original, written by people: Hong Kong news (about 2003–04) and
literature (劉以鬯's 1960s prose), Taiwan literature (九把刀, 2000s) and news;
dataset/X_sim.txt is its Simplified side, made from it by machine (OpenCC t2s of the
Traditional line equals it on over 99 % of lines).  So converting the Simplified side
back and comparing with the original counts exactly the conversion's errors.  Lines
pair one to one and have the same length (punctuation flattened to ASCII on both
sides; the scorer compares Chinese characters only).

Two upstream faults are filtered out, line by line (see ``keep``): tw_news.txt is
mostly Simplified text, the same as its _sim file, and hk_news.txt holds about 430
Hong Kong government press-release lines in Simplified characters.  The output keeps
the subsets in the order of SUBSETS; the manifest's per-file "lines" say where each
one ends (bench/convert_bench.py scores them separately).

Usage:  python bench/parallel/extract_2kenize.py GIT_DIR [--commit SHA] [--write-manifest]
Without --write-manifest the text written is checked against the manifest's checksums.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from common import HAN, arguments, git, write_bench

REPO = "pranav-ust/2kenize"
#: The subsets, in the order written: Hong Kong news and literature, Taiwan literature and news.
SUBSETS = ("hk_news", "hk_lit", "tw_lit", "tw_news")


def simplified_only(text: str) -> int:
    """How many Chinese characters of ``text`` Big5-HKSCS cannot write (这, 们, 说: Simplified-only forms)."""
    count = 0
    for char in HAN.findall(text):
        try:
            char.encode("big5hkscs")
        except UnicodeEncodeError:
            count += 1
    return count


def keep(simplified: str, traditional: str) -> bool:
    """Whether a line pair belongs in the bench.

    Not when the lines are empty or differ in length, and not when the "Traditional"
    line is Simplified text: when it has two or more characters only Simplified
    writes (hk_news.txt's press releases have five and more; one is a rare character
    or a slip in a real Traditional line), or when it is the Simplified line itself
    and has one (tw_news.txt; a line the same in both scripts, 我要喝酒, stays).
    """
    if not traditional.strip() or len(simplified) != len(traditional):
        return False
    return simplified_only(traditional) < (1 if simplified == traditional else 2)


def pairs(simplified: str, traditional: str) -> Iterator[tuple[str, str]]:
    """The kept line pairs of one subset's two files."""
    s_lines, t_lines = simplified.split("\n"), traditional.split("\n")
    if len(s_lines) != len(t_lines):
        raise ValueError(f"line counts differ: {len(s_lines)} Simplified, {len(t_lines)} Traditional")
    return ((s, t) for s, t in zip(s_lines, t_lines) if keep(s, t))


def main(argv: list[str] | None = None) -> int:
    git_dir, commit, write_manifest = arguments("2kenize", __doc__, argv)
    src_lines: list[str] = []
    ref_lines: list[str] = []
    files = []
    for subset in SUBSETS:
        s_path, t_path = f"dataset/{subset}_sim.txt", f"dataset/{subset}.txt"
        kept = list(pairs(git(git_dir, "show", f"{commit}:{s_path}"), git(git_dir, "show", f"{commit}:{t_path}")))
        src_lines += [s for s, _ in kept]
        ref_lines += [t for _, t in kept]
        files.append({
            "subset": subset,
            "simplified": s_path,
            "simplified_blob": git(git_dir, "rev-parse", f"{commit}:{s_path}").strip(),
            "traditional": t_path,
            "traditional_blob": git(git_dir, "rev-parse", f"{commit}:{t_path}").strip(),
            "lines": len(kept),
        })
    record = {
        "name": "2kenize",
        "repository": f"https://github.com/{REPO}",
        "commit": commit,
        "license": "MIT (the repository); the texts are copyrighted news and literature excerpts: not redistributed here",
        "traditional_made_by": "the Hong Kong and Taiwan originals, written by people; the Simplified side is a machine t2s conversion of them",
        "files": files,
    }
    texts = {"2kenize.zh-Hans.txt": src_lines, "2kenize.zh-Hant.txt": ref_lines}
    return write_bench("2kenize", texts, record, write_manifest)


if __name__ == "__main__":
    sys.exit(main())
