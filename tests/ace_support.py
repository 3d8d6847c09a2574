"""DAISY Ace (the accessibility checker libraries run) on many EPUBs with one Chromium: tests/ace/check_books.js."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "tests" / "ace" / "check_books.js"
ACE_DIR = Path(os.environ.get("ACE_DIR", ROOT / ".tools" / "ace"))


def chromium() -> str | None:
    """Debian's chromium (Ace's own browser download is skipped at install)."""
    return os.environ.get("PUPPETEER_EXECUTABLE_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


def ace_available() -> bool:
    return (
        shutil.which("node") is not None
        and chromium() is not None
        and (ACE_DIR / "node_modules" / "@daisy" / "ace-core").is_dir()
    )


@dataclass
class AceResult:
    book: str
    outcome: str
    violations: list[dict] = field(default_factory=list)
    error: str | None = None

    def __str__(self) -> str:
        found = "; ".join(f"{v['rule']} ({v['impact']}) in {v['doc']}" for v in self.violations)
        return f"{Path(self.book).name}: {self.outcome} {found or self.error or ''}"


def run_ace(books: list[Path], timeout: int = 900) -> list[AceResult]:
    """Ace on every book, one browser for all; one result per book, in order."""
    env = dict(os.environ, ACE_DIR=str(ACE_DIR), PUPPETEER_EXECUTABLE_PATH=chromium() or "")
    proc = subprocess.run(
        ["node", str(SCRIPT), *map(str, books)], capture_output=True, text=True, timeout=timeout, env=env
    )
    results = [AceResult(**json.loads(line)) for line in proc.stdout.splitlines() if line.startswith("{")]
    if len(results) != len(books):
        raise RuntimeError(f"Ace answered for {len(results)} of {len(books)} books (exit {proc.returncode}): {proc.stderr[-2000:]}")
    return results
