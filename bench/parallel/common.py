"""What the bench extraction scripts share: git on a fetched repository, writing the text, the manifest."""

from __future__ import annotations

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


def write_bench(name: str, texts: dict[str, list[str]], record: dict[str, object], write_manifest: bool) -> int:
    """Write each text (one line per pair) to DATA, record checksums, and write or check the manifest."""
    path, manifest = manifest_of(name)
    DATA.mkdir(exist_ok=True)
    outputs = {}
    for file_name, lines in texts.items():
        text = "\n".join(lines) + "\n"
        (DATA / file_name).write_text(text, encoding="utf-8")
        outputs[file_name] = {"sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "lines": len(lines), "han": len(HAN.findall(text))}
    record = record | {"outputs": outputs}
    if write_manifest:
        path.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    elif manifest and manifest.get("outputs") != outputs:
        print(f"extracted text differs from {path.name} (another commit?)", file=sys.stderr)
        return 1
    first = next(iter(outputs.values()))
    print(f"{name}: {first['lines']} line pairs, {first['han']} Chinese characters → {DATA}")
    return 0
