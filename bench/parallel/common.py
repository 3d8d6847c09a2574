"""What the bench extraction scripts share: git on a fetched repository, writing the text, the manifest."""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"  # git-ignored: fetched text is never committed
HAN = re.compile(r"[\u3400-\u9fff]")


def git(git_dir: str, *args: str) -> str:
    """Output of a git command on a bare git dir."""
    return subprocess.run(["git", "--git-dir", git_dir, *args], check=True, capture_output=True, text=True).stdout


def manifest_of(name: str) -> tuple[Path, dict[str, object]]:
    """The manifest file of a bench and what it records (empty before the first --write-manifest)."""
    path = HERE / f"manifest-{name}.json"
    return path, (json.loads(path.read_text(encoding="utf-8")) if path.exists() else {})


def arguments(name: str, doc: str, argv: list[str] | None) -> tuple[str, str, bool]:
    """An extraction script's command line: the git dir, the commit to read (--commit, else the
    manifest's, else HEAD) and whether to write the manifest (else the output is checked against it)."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("git_dir", help="the fetched repository's git dir (e.g. /work/.mirror/OWNER+NAME/repo)")
    parser.add_argument("--commit", help="default: the manifest's commit, else HEAD")
    parser.add_argument("--write-manifest", action="store_true", help=f"record this extraction in manifest-{name}.json")
    args = parser.parse_args(argv)
    commit = args.commit or manifest_of(name)[1].get("commit") or git(args.git_dir, "rev-parse", "HEAD").strip()
    return args.git_dir, str(commit), args.write_manifest


def write_lines(path: Path, lines: list[str]) -> dict[str, object]:
    """Write ``lines`` to ``path``, one a line; return what a manifest records of it: checksum, lines, Chinese characters."""
    path.parent.mkdir(exist_ok=True)
    text = "\n".join(lines) + "\n"
    path.write_text(text, encoding="utf-8")
    return {"sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "lines": len(lines), "han": len(HAN.findall(text))}


def write_bench(name: str, texts: dict[str, list[str]], record: dict[str, object], write_manifest: bool) -> int:
    """Write each text (one line per pair) to DATA, record checksums, and write or check the manifest."""
    path, manifest = manifest_of(name)
    outputs = {file_name: write_lines(DATA / file_name, lines) for file_name, lines in texts.items()}
    record = record | {"outputs": outputs}
    if write_manifest:
        path.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    elif manifest and manifest.get("outputs") != outputs:
        print(f"extracted text differs from {path.name} (another commit?)", file=sys.stderr)
        return 1
    first = next(iter(outputs.values()))
    print(f"{name}: {first['lines']} line pairs, {first['han']} Chinese characters → {DATA}")
    return 0
