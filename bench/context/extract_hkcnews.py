"""Extract the training text of the context model: 眾新聞 (Citizen News, Hong Kong) articles.

Human-written Traditional Chinese (Hong Kong news, 2017–2021), never converted
from Simplified: what the context model (bench/context/build_context.py) learns
which Traditional form a Simplified character takes in context from.  The text is
not ours and is never committed: it is written to bench/context/data/ (git-ignored);
manifest-hkcnews.json records repository, commit, the tree id of the articles read
and checksums of what was written.

Source: github.com/hkarchivist/hkcnews-article-archive (one Markdown file per
article).  Kept: body paragraphs and captions with their inline markup removed;
dropped: front matter, tables, media embeds, the site's subscription trailer, and
any line with fewer than 4 ideographs.  One paragraph per line, in article order.

Every ``HELD_OUT_EVERY``-th article (``held_out``) is the held-out Hong Kong news
bench, bench/parallel/extract_hkcnews.py, which also writes the training text
without it (hkcnews-train.zh-Hant.txt) for a bench-only model; the shipped model
is counted from all of them.

Usage:  python bench/context/extract_hkcnews.py GIT_DIR [--write-manifest]
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "corpus" / "extract"))

from rss_common import GitMirror  # noqa: E402 - the corpus extractors' git access

DATA = HERE / "data"  # git-ignored: fetched text is never committed
REPO = "hkarchivist/hkcnews-article-archive"
OUTPUT = "hkcnews.zh-Hant.txt"
_PATH = re.compile(r"^articles/[^/]+/article_(\d+)\.md$")
_HAN = re.compile(r"[\u3400-\u9fff]")
_LINK = re.compile(r"!?\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\([^)]*\)")
_MARKUP = re.compile(r"<[^>]+>|\*\*|^#+\s+|^(?:[-*] |> ?)+")
_TRAILER = ("月費訂戶", "眾新聞的月費", "支持眾新聞")
#: An article whose number is a multiple of this is held out of the bench-only model (bench/parallel/extract_hkcnews.py).
HELD_OUT_EVERY = 50


def held_out(number: int) -> bool:
    """Whether article ``number`` belongs to the held-out bench, not to the bench-only model's training text."""
    return number % HELD_OUT_EVERY == 0


def articles(repo: GitMirror, commit: str = "HEAD") -> list[tuple[int, str]]:
    """(article number, blob id) of every article at ``commit``, in article order."""
    listing = (line.split(None, 3)[2:] for line in repo.run("ls-tree", "-r", commit, "articles").splitlines())
    return sorted((int(m.group(1)), blob) for blob, path in listing if (m := _PATH.match(path)) is not None)


def paragraphs(markdown: str) -> list[str]:
    """The article's paragraphs without markup (see the module note for what is dropped).

    A paragraph's lines are joined: the archive wraps some paragraphs mid-sentence."""
    body = markdown.split("\n---\n", 1)[-1] if markdown.startswith("---\n") else markdown
    kept = []
    for block in body.split("\n\n"):
        lines = []
        for raw in block.split("\n"):
            line = raw.strip()
            if line.startswith(("|", "{{<", "![", "<img", "<figure", "</figure")) or any(t in line for t in _TRAILER):
                continue
            lines.append(html.unescape(_MARKUP.sub("", _LINK.sub(r"\1", line))).strip())
        text = "".join(lines)
        if len(_HAN.findall(text)) >= 4:
            kept.append(text)
    return kept


def main(argv: list[str] | None = None) -> int:
    """Write bench/context/data/hkcnews.zh-Hant.txt and write or check the manifest."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("git_dir")
    parser.add_argument("--write-manifest", action="store_true")
    args = parser.parse_args(argv)
    repo = GitMirror(args.git_dir)
    listed = articles(repo)
    contents = repo.cat_blobs(b for _, b in listed)
    lines = [p for _, b in listed for p in paragraphs(contents[b].decode("utf-8", "replace"))]
    text = "\n".join(lines) + "\n"
    DATA.mkdir(exist_ok=True)
    (DATA / OUTPUT).write_text(text, encoding="utf-8")
    record = {
        "repository": REPO,
        "commit": repo.head(),
        "articles_tree": repo.run("rev-parse", "HEAD:articles").strip(),
        "articles": len(listed),
        "outputs": {OUTPUT: {"sha256": hashlib.sha256(text.encode()).hexdigest(), "lines": len(lines), "han": len(_HAN.findall(text))}},
    }
    manifest = HERE / "manifest-hkcnews.json"
    if args.write_manifest:
        manifest.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    elif manifest.exists() and json.loads(manifest.read_text(encoding="utf-8")) != record:
        print(f"extracted text differs from {manifest.name} (another commit?)", file=sys.stderr)
        return 1
    print(f"hkcnews: {len(listed)} articles, {len(lines)} lines, {record['outputs'][OUTPUT]['han']} Chinese characters → {DATA}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
