"""The parallel bench's scorer counts conversion errors at ambiguous characters, by form, and nothing else."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench" / "parallel"))

from score import score  # type: ignore[import-not-found]  # noqa: E402

# Lines written for this test, not taken from the bench's text.


def test_an_error_is_counted_once_with_its_form() -> None:
    result = score(["他的头发很长，发展很快。"], ["他的頭髮很長，發展很快。"], ["他的頭發很長，發展很快。"], frozenset("发"))
    assert (result.scored, result.errors) == (2, 1)
    assert result.forms == {("发", "發", "髮"): 1}


def test_a_glyph_variant_both_regions_use_is_no_error() -> None:
    result = score(["屋里有人。"], ["屋裡有人。"], ["屋裏有人。"], frozenset("里"))
    assert (result.scored, result.errors) == (1, 0)


def test_a_word_the_reference_changed_is_not_scored() -> None:
    # 发送 → 傳送: the reference wrote another word, so its 发 has no form to compare
    result = score(["发送邮件。"], ["傳送郵件。"], ["發送郵件。"], frozenset("发"))
    assert (result.scored, result.errors) == (0, 0)
