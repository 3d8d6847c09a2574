"""Helpers for the proof page tests: building pages, the input as the page should show it, a browser."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest

from build_support import options_for
from rsbz_epub.proof import build_proof
from rsbz_epub.reader.decode import decode
from support import needs

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "rsbz-2021-40.txt"
#: A multi-page corpus issue with jumps, a BOM, form feeds and control characters.
CORPUS_ISSUE = ROOT / "tests" / "corpus" / "jcwb-2023-11-02.txt"
CHROMIUM = shutil.which("chromium")
needs_chromium = needs(CHROMIUM is not None, "Debian's chromium (for Playwright)")


def proof_of(path: Path, **kw) -> str:
    """The proof page of an input file, built in memory."""
    return build_proof(path.read_bytes(), options_for(path, **kw), path.name).decode("utf-8")


def input_lines(data: bytes) -> list[str]:
    """The input's lines as an editor shows them (decoded, any line end; no empty line after a final one)."""
    text, _ = decode(data)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return lines[:-1] if len(lines) > 1 and lines[-1] == "" else lines


def page_lines(html: str) -> list[tuple[str, str]]:
    """(id, raw text) of every line item on the left, in page order."""
    tree = lxml.html.fromstring(html)
    out = []
    for li in tree.xpath('//*[@id="src"]//li'):
        raw = li.get("data-raw")
        text = json.loads(raw) if raw is not None else "".join(li.xpath('./span[@class="t"]')[0].itertext())
        out.append((li.get("id"), text))
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """One headless Debian chromium per test module (no Playwright browser download)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()
