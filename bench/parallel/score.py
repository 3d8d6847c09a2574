"""Score a Simplified → Traditional conversion against a human-edited Traditional text.

What counts as an error is a *conversion* error, not a difference of vocabulary or
of glyph variant:
- only positions whose Simplified character is ambiguous are scored: a character
  the human Traditional text itself writes in two or more ways across the bench
  (发 → 發/髮, 并 → 並/併, 了 → 了/瞭, 制 → 制/製 …), a set taken from the reference,
  not from either converter;
- and only where the reference writes a Traditional form *of that character*
  (OpenCC t2s of the reference character gives the source character back): where
  the human text changed the word (数据 → 資料, 文件 → 檔案), nothing is scored,
  nor where the conversion did (s2twp's 发送 → 傳送);
- both sides are folded to OpenCC's standard glyphs first, alike and whatever the
  config (tw2t, then hk2t), so 裡/裏, 為/爲, 着/著, Taiwan's 才/纔 and Hong Kong's
  台/臺 are the same character: folding the reference one way and the output another
  would count a variant the two regions share as an error (a Hong Kong 台灣 folded
  to 臺灣 against a reference left as 台灣);
- positions are aligned line by line on the Simplified source (difflib where a
  line's length changed, e.g. Taiwan vocabulary); a position either side leaves
  unaligned is not scored.
Errors are reported per 10,000 Chinese characters of the Simplified text.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from functools import lru_cache

from opencc import OpenCC

_HAN = re.compile(r"[\u4e00-\u9fff]")
_FOLDS = ("tw2t", "hk2t")


@lru_cache(maxsize=None)
def _opencc(config: str) -> OpenCC:
    return OpenCC(config)


def fold(text: str) -> str:
    """``text`` with regional glyph variants folded to OpenCC's standard forms."""
    for name in _FOLDS:
        text = _opencc(name).convert(text)
    return text


def align(source: str, target: str) -> dict[int, int]:
    """Source position → target position, for a target converted from ``source`` (s2t forms)."""
    if len(source) == len(target):
        return {i: i for i in range(len(source))}
    base = _opencc("s2t").convert(source)
    mapping: dict[int, int] = {}
    matcher = difflib.SequenceMatcher(None, base, target, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            mapping.update({i1 + k: j1 + k for k in range(i2 - i1)})
    return mapping


def ambiguous_characters(sources: Sequence[str], references: Sequence[str], minimum: int = 2) -> frozenset[str]:
    """Simplified characters the reference writes in two or more folded forms, each at least ``minimum`` times."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for src, ref in zip(sources, references):
        ref = fold(ref)
        for i, j in align(src, ref).items():
            if _HAN.match(src[i]) and _same_character(src[i], ref[j]):
                forms[src[i]][ref[j]] += 1
    return frozenset(c for c, seen in forms.items() if sum(n >= minimum for n in seen.values()) >= 2)


@lru_cache(maxsize=None)
def _same_character(simplified: str, traditional: str) -> bool:
    """Whether ``traditional`` is a Traditional form of ``simplified`` (not another word's character)."""
    return traditional == simplified or _opencc("t2s").convert(traditional) == simplified


@dataclass
class Score:
    """Errors of one conversion over the bench."""

    han: int = 0
    scored: int = 0
    errors: int = 0
    examples: Counter[str] = field(default_factory=Counter)
    forms: Counter[tuple[str, str, str]] = field(default_factory=Counter)  # (Simplified, ours, reference) per error

    @property
    def per_10k(self) -> float:
        return 10_000 * self.errors / max(self.han, 1)


def score(
    sources: Sequence[str], references: Sequence[str], outputs: Sequence[str], ambiguous: frozenset[str]
) -> Score:
    """Count conversion errors of ``outputs`` (any config's) against the references."""
    result = Score()
    for src, ref, out in zip(sources, references, outputs):
        result.han += len(_HAN.findall(src))
        ref, out = fold(ref), fold(out)
        to_ref, to_out = align(src, ref), align(src, out)
        for i, char in enumerate(src):
            if char not in ambiguous or i not in to_ref or i not in to_out:
                continue
            if not (_same_character(char, ref[to_ref[i]]) and _same_character(char, out[to_out[i]])):
                continue  # either side has another word here (资料, 傳送): vocabulary, not conversion
            result.scored += 1
            got, want = out[to_out[i]], ref[to_ref[i]]
            if got != want:
                result.errors += 1
                result.examples[f"{src[max(0, i - 2) : i + 3]} {char}→{got} (ref {want})"] += 1
                result.forms[(char, got, want)] += 1
    return result
