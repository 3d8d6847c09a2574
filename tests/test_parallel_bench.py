"""The parallel bench's extraction keeps real Simplified/Traditional line pairs and drops upstream faults."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench" / "parallel"))

from extract_2kenize import keep, pairs, simplified_only  # type: ignore[import-not-found]  # noqa: E402

# Lines written for this test, not taken from the bench's text.


@pytest.mark.parametrize(
    ("simplified", "traditional", "kept"),
    [
        ("这里发生了车祸。", "這裡發生了車禍。", True),  # a real pair
        ("我要喝水,我想。", "我要喝水,我想。", True),  # the same in both scripts: still a real pair
        ("他说好。", "他说好。", False),  # the "Traditional" file holds the Simplified line
        ("这们国家发展。", "这们國家發展。", False),  # two Simplified-only characters (这, 们)
        ("这个国家發展。", "這個國家發展。", True),  # one is a slip or a rare character, not a Simplified line
        ("这里", "這裡。", False),  # lengths differ: positions would not align
        ("", "", False),
    ],
)
def test_a_line_pair_is_kept_only_when_its_traditional_side_is_traditional(simplified: str, traditional: str, kept: bool) -> None:
    assert keep(simplified, traditional) is kept


def test_simplified_only_counts_characters_big5_hkscs_cannot_write() -> None:
    assert simplified_only("这们说個") == 3
    assert simplified_only("國會這個 abc,") == 0


def test_pairs_keeps_line_order_and_refuses_files_of_different_lengths() -> None:
    simplified = "发展\n他说好。\n头发\n"
    traditional = "發展\n他说好。\n頭髮\n"
    assert list(pairs(simplified, traditional)) == [("发展", "發展"), ("头发", "頭髮")]
    with pytest.raises(ValueError):
        list(pairs(simplified, traditional + "多\n"))
