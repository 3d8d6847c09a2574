"""A Simplified-character view of an issue set in Traditional characters, for the line-role features.

The model's word evidence (bylines, credits, end notes: 记者, 摄, 图片, 作者系…) is
learned mostly from papers printed in Simplified characters; a Hong Kong or Taiwan
paper prints the same words as 記者, 攝, 圖片, 作者係…. Seen through OpenCC's t2s
conversion, the same evidence applies. Only the features see this view; the text
itself is never changed. OpenCC is loaded only for an issue that shows Traditional
characters.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from rsbz_epub.reader.layout import Item

# Frequent characters that exist only in Traditional script (their Simplified forms differ):
# enough of them in an issue's text says it is set in Traditional characters.
_TRADITIONAL_ONLY = frozenset("們這個說為會時國來對學與發後經過動還實點電開關將從當長業區務問題體頭產見現")
_SAMPLE = 20_000
_THRESHOLD = 20


def is_traditional(text: str) -> bool:
    """Whether ``text`` (its first 20,000 characters) is set in Traditional characters."""
    return sum(c in _TRADITIONAL_ONLY for c in text[:_SAMPLE]) >= _THRESHOLD


@lru_cache(maxsize=1)
def _t2s():
    from opencc import OpenCC

    return OpenCC("t2s")


def simplified_view(items: Sequence[Item]) -> Callable[[str], str]:
    """A function giving a line's text in Simplified characters for this issue (identity for a Simplified issue)."""
    sample, size = [], 0
    for it in items:
        sample.append(it.text)
        size += len(it.text)
        if size >= _SAMPLE:
            break
    if not is_traditional("".join(sample)):
        return lambda text: text
    convert = _t2s().convert

    def view(text: str) -> str:
        seen = convert(text)
        return seen if len(seen) == len(text) else text  # a phrase that changed length: keep the line as it is

    return view
