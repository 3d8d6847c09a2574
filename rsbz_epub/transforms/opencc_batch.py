"""OpenCC itself: one converter per config, and many strings converted in one call."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from opencc import OpenCC

__all__ = ["converter", "opencc_many"]

#: Candidate separators for batching: control characters no OpenCC key contains.
_SEPARATORS = ("\x1e", "\x1f", "\x1d", "\x1c", "\n")


@lru_cache(maxsize=None)
def converter(config: str) -> OpenCC:
    """One OpenCC converter per config, loaded once (loading reads the dictionaries).

    OpenCC is imported here, on first use: a Simplified-only build never loads it."""
    from opencc import OpenCC

    return OpenCC(config)


def opencc_many(pieces: Sequence[str], config: str) -> list[str]:
    """OpenCC on many NUL-free strings in one call; falls back to one call each.

    The strings are joined by a separator no dictionary key contains, so no phrase
    can match across two of them: the result is what one call per string gives.
    """
    conv = converter(config)
    if len(pieces) < 2:
        return [conv.convert(p) for p in pieces]
    sep = next((s for s in _SEPARATORS if not any(s in p for p in pieces)), None)
    if sep is not None:
        out = conv.convert(sep.join(pieces)).split(sep)
        if len(out) == len(pieces):
            return out
    return [conv.convert(p) for p in pieces]  # pragma: no cover - every separator in use
