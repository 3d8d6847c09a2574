"""The correction layer: per-edition phrase entries that overrule OpenCC (rsbz_epub/data/corrections/).

Each entry names a Simplified phrase (``match``), the Traditional text it must
become in this edition (``to``), the ``reason`` and a ``test`` sentence that
contains the phrase (tests/test_corrections.py converts every one).  Entries
apply after OpenCC and before the publication's user dictionary, which wins.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["Correction", "corrections", "correction_pattern"]


@dataclass(frozen=True)
class Correction:
    """One phrase entry of an edition's correction table."""

    match: str
    to: str
    reason: str
    test: str
    source: str  # file name, for the review listing


@lru_cache(maxsize=None)
def corrections(edition: str) -> tuple[Correction, ...]:
    """The correction table of an edition (empty when the edition has no file)."""
    name = f"{edition}.toml"
    path = resources.files("rsbz_epub.data").joinpath("corrections", name)
    if not path.is_file():
        return ()
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    entries = tuple(
        Correction(e["match"], e["to"], e["reason"], e["test"], f"corrections/{name}") for e in data.get("entry", [])
    )
    for e in entries:
        if len(e.match) != len(e.to) or e.match not in e.test:
            raise ValueError(f"{name}: entry {e.match!r} must keep its length and occur in its test sentence")
    return entries


@lru_cache(maxsize=None)
def correction_pattern(edition: str) -> tuple[re.Pattern[str] | None, dict[str, Correction]]:
    """A longest-first alternation over an edition's ``match`` phrases, and the entries by phrase."""
    table = {e.match: e for e in corrections(edition)}
    if not table:
        return None, table
    keys = sorted(table, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, keys))), table
