"""DAISY Ace: 0 violations of any impact on every book the tests build.

Every example in every edition (library EPUB, Kindle EPUB, KEPUB), each example's
vertical Traditional edition and its --keep-print-order build, and every corpus
issue that has a jump, a box and a caption.  One Chromium per group (Ace costs a
browser start per book on its command line; tests/ace/check_books.js shares one).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ace_support import ace_available, run_ace
from build_support import CORPUS, EXAMPLES, options_for
from rsbz_epub.bundle import build_issue, prepare_issue
from rsbz_epub.model import Aside, Caption, PageBreak, PageJump
from rsbz_epub.options import EDITIONS
from support import needs

needs_ace = needs(ace_available(), "DAISY Ace (npm @daisy/ace in .tools/ace) with node and chromium")
FORMATS = ("epub", "kindle", "kepub")
CORPUS_GROUPS = 3


def _has_jump_box_and_caption(path: Path) -> bool:
    blocks = [b for a in prepare_issue(path.read_bytes(), options_for(path)).articles() for b in a.blocks]
    return (
        any(isinstance(b, (PageJump, PageBreak)) for b in blocks)
        and any(isinstance(b, Aside) for b in blocks)
        and any(isinstance(b, Caption) for b in blocks)
    )


EXAMPLE_NAMES = [p.name for p in EXAMPLES]
CORPUS_PICKED = [p for p in CORPUS if p.name not in EXAMPLE_NAMES and _has_jump_box_and_caption(p)]
GROUPS = [f"example:{n}" for n in EXAMPLE_NAMES] + [f"corpus:{i}" for i in range(CORPUS_GROUPS)]


def _write(build, out: Path, formats=FORMATS, tag: str = "") -> list[Path]:
    paths = []
    for ed in build.editions:
        for f in ed.files:
            if f.format in formats:
                path = out / f"{tag}{f.name}"
                path.write_bytes(f.data)
                paths.append(path)
    return paths


def _books(group: str, out: Path) -> list[Path]:
    kind, _, name = group.partition(":")
    if kind == "example":
        path = next(p for p in EXAMPLES if p.name == name)
        data = path.read_bytes()
        books = _write(build_issue(data, options_for(path, editions=tuple(EDITIONS), formats=FORMATS)), out)
        vertical = build_issue(data, options_for(path, editions=("tw",), vertical=True, formats=FORMATS))
        books += _write(vertical, out, tag="vertical-")
        kept = build_issue(data, options_for(path, keep_print_order=True, formats=FORMATS))
        books += _write(kept, out, tag="print-order-")
        return books
    picked = CORPUS_PICKED[int(name) :: CORPUS_GROUPS]
    return [b for p in picked for b in _write(build_issue(p.read_bytes(), options_for(p, formats=("epub",))), out, ("epub",))]


def test_the_corpus_has_issues_with_jumps_boxes_and_captions():
    assert len(CORPUS_PICKED) >= 15


@pytest.mark.slow
@needs_ace
@pytest.mark.parametrize("group", GROUPS)
def test_ace_finds_no_violation(group, tmp_path):
    books = _books(group, tmp_path)
    assert books
    results = run_ace(books)
    failed = [r for r in results if r.outcome != "pass" or r.violations]
    assert not failed, "\n".join(map(str, failed))
