"""Segmentation-aware Simplified → Traditional: OpenCC inside word boundaries, names, corrections.

Plain OpenCC segments by maximum match over its phrase table, so a phrase can
cross a word boundary (分配制度 → 分|配制|度 → 分配製度; 并成功 → 併成功) and a
name falls to the common word (游钧 → 遊鈞).  Here, for each string:

1. names the reader found in bylines are cut out first — they are names;
2. jieba cuts the rest into words; a word of three or more characters is cut
   again into its dictionary sub-words when OpenCC would match a phrase across
   them (分配制度: 配制), so OpenCC cannot match across those either;
   runs of one-character words and number words are rejoined, so OpenCC's own
   phrases (这只鸟 → 這隻鳥, 十四只 → 十四隻) still decide there;
3. a word jieba tags as a person name (and every byline name) keeps its surname
   in the form of rsbz_epub/data/surnames.toml; the rest converts with OpenCC —
   unless the word is one of OpenCC's phrases, or lies inside one its maximum
   match takes (郁金香, 钟声, 余悸: jieba calls them names, OpenCC knows them);
4. a word is not cut into its sub-words (step 2) where the cut would break a
   phrase of three or more characters that OpenCC's maximum match takes in the
   word (不知所云: 不知|所|云; 夹心饼干: 夹心饼|干); a two-character phrase across
   the cut is what the cut is for (分配|制度: 配制);
5. every other unit converts with OpenCC on its own (one batched call for all);
6. a character its neighbouring word decides (:mod:`rsbz_epub.transforms.neighbours`)
   takes OpenCC's form across that one boundary: a verb before its complement
   (卷|起来 → 捲), 只 after a numeral (七|只好 → 隻), 不准 before what it forbids (准);
7. the context model (:mod:`rsbz_epub.transforms.context`) re-decides a character
   with several Traditional forms (饥 飢/饑, 只 只/隻) where real Traditional text
   clearly prefers another of OpenCC's forms in its context; not in names, nor
   where an OpenCC phrase chose the form (儘快, 週一: the training text's Hong Kong
   habits must not overrule OpenCC's table) — except in the Hong Kong edition,
   whose own model is Hong Kong usage (盡快, 每周, 宣布), where a context that
   covers the OpenCC phrase decides;
8. the edition's correction table (rsbz_epub/data/corrections/) overrules what is
   left, on the Simplified source.

Every source character keeps the rule that produced its output, for ``check``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rsbz_epub.transforms.context import UNDECIDED, context_model
from rsbz_epub.transforms.corrections import correction_pattern
from rsbz_epub.transforms.names import surname_forms
from rsbz_epub.transforms.neighbours import NUMBER as _NUMBER
from rsbz_epub.transforms.neighbours import Neighbour, neighbours
from rsbz_epub.transforms.opencc_batch import converter, opencc_many
from rsbz_epub.transforms.phrases import is_opencc_phrase, opencc_phrases
from rsbz_epub.transforms.segmenter import HAN as _HAN
from rsbz_epub.transforms.segmenter import is_dictionary_name, is_word, person_name_tag, segment, subwords

__all__ = ["Converted", "convert_wordwise"]



@dataclass(frozen=True)
class Converted:
    """A converted string: per source character, its output and the rule that chose it."""

    source: str
    parts: tuple[str, ...]  # "" for a character whose output an earlier one carries
    rules: tuple[str, ...]

    @property
    def text(self) -> str:
        return "".join(self.parts)


@dataclass
class _Unit:
    start: int
    text: str
    rule: str
    fixed: str | None = None  # output decided without OpenCC (a surname)
    singles: bool = False  # a run of one-character words, rejoined


def _name_units(start: int, name: str, why: str) -> list[_Unit]:
    """A person name: its surname from the table, the given name through OpenCC."""
    form = surname_forms().get(name[0])
    rule = f"name {name} ({why})"
    if form is None:
        return [_Unit(start, name, rule)]
    units = [_Unit(start, name[0], f"{rule}: surname {name[0]} → {form}", fixed=form)]
    if len(name) > 1:
        units.append(_Unit(start + 1, name[1:], rule))
    return units


@lru_cache(maxsize=65536)
def _crossed_subwords(word: str, config: str) -> tuple[str, ...]:
    """The sub-words of ``word`` when OpenCC's conversion of it matches a phrase across them, else (word,).

    分配制度 → (分配, 制度): OpenCC matches 配制, itself a word, across the two.
    分布式 stays whole for s2twp, whose 分布式 → 分散式 is a phrase of the whole word;
    A number with its measure word (十四只 → 十四隻, 第二只 → 第二隻) stays whole.
    """
    parts = subwords(word)
    if len(parts) < 2 or _NUMBER.match(word.removeprefix("第")):
        return (word,)  # a number and its measure word (十四只) convert as one
    conv = converter(config).convert
    if conv(word) == "".join(conv(p) for p in parts):
        return (word,)
    bounds, edge = [], 0
    for part in parts[:-1]:
        edge += len(part)
        bounds.append(edge)
    for b in bounds:
        for i in range(max(0, b - 3), b):
            for j in range(b + 1, min(len(word), i + 4) + 1):
                span = word[i:j]
                if span != word and is_word(span) and conv(span) != conv(word[i:b]) + conv(word[b:j]):
                    return tuple(parts)  # a competing word (配制) across the sub-words
    return (word,)


def _in_phrase(phrases: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` lies inside one of the phrases (spans) OpenCC's maximum match takes."""
    return any(a <= start and end <= b for a, b in phrases)


#: The shortest OpenCC phrase a cut inside a word may not break: a two-character one is what the cut is for (配制).
LONG_PHRASE = 3


def _broken_phrase(word: str, parts: Sequence[str]) -> str | None:
    """The OpenCC phrase of LONG_PHRASE or more characters that cutting ``word`` into ``parts`` would break, if any.

    不知所云 (不知|所|云) and 夹心饼干 (夹心饼|干) are OpenCC phrases: its maximum match
    reads them right, and the cut would not (不知所雲, 夾心餅幹).
    """
    cuts, edge = set(), 0
    for part in parts[:-1]:
        edge += len(part)
        cuts.add(edge)
    return next((word[a:b] for a, b in opencc_phrases(word) if b - a >= LONG_PHRASE and any(a < c < b for c in cuts)), None)


def _word_units(start: int, chunk: str, config: str) -> list[_Unit]:
    """Units of a stretch without byline names: jieba's words, names, sub-words."""
    surnames = surname_forms()
    units: list[_Unit] = []
    pos = start
    phrases: list[tuple[int, int]] | None = None  # OpenCC's phrases in the chunk, found on first need
    for word in segment(chunk):
        if 2 <= len(word) <= 4 and word[0] in surnames and (tag := person_name_tag(word, chunk)):
            if phrases is None:
                phrases = opencc_phrases(chunk)
            if is_opencc_phrase(word) or _in_phrase(phrases, pos - start, pos - start + len(word)):
                units.append(_Unit(pos, word, f"word {word} (jieba {tag}, but an OpenCC phrase: not a name)"))
            else:
                units += _name_units(pos, word, f"jieba {tag}")
        elif len(word) >= 3 and _HAN.match(word) and len(parts := _crossed_subwords(word, config)) > 1:
            if phrase := _broken_phrase(word, parts):
                units.append(_Unit(pos, word, f"word {word} (not cut {'|'.join(parts)}: OpenCC phrase {phrase})"))
            else:
                rule = f"words {'|'.join(parts)}"
                offset = pos
                for part in parts:
                    units.append(_Unit(offset, part, rule))
                    offset += len(part)
        else:
            units.append(_Unit(pos, word, f"word {word}", singles=len(word) == 1 or bool(_NUMBER.fullmatch(word))))
        pos += len(word)
    return _join_single_characters(units)


def _join_single_characters(units: list[_Unit]) -> list[_Unit]:
    """Rejoin runs of one-character (or number) OpenCC units, so OpenCC's phrases decide inside them."""
    out: list[_Unit] = []
    for unit in units:
        prev = out[-1] if out else None
        if prev is not None and prev.singles and unit.singles:
            text = prev.text + unit.text
            out[-1] = _Unit(prev.start, text, f"one-character or number words {text}", singles=True)
        else:
            out.append(unit)
    return out


def _plan(text: str, names: re.Pattern[str] | None, config: str) -> tuple[list[_Unit], list[Neighbour]]:
    """``text`` as consecutive units (byline names cut out first, then words), and the
    characters a neighbouring word decides (:mod:`rsbz_epub.transforms.neighbours`)."""
    units: list[_Unit] = []
    decided: list[Neighbour] = []
    pos = 0

    def words(start: int, chunk: str) -> None:
        units.extend(_word_units(start, chunk, config))
        decided.extend(n._replace(position=start + n.position, start=start + n.start, end=start + n.end) for n in neighbours(segment(chunk)))

    for m in names.finditer(text) if names is not None else ():
        if m.start() > pos:
            words(pos, text[pos : m.start()])
        units += _name_units(m.start(), m.group(), "byline")
        pos = m.end()
    if pos < len(text):
        words(pos, text[pos:])
    return units, decided


def _names_pattern(names: frozenset[str]) -> re.Pattern[str] | None:
    """A longest-first alternation over the byline names (None when there are none)."""
    if not names:
        return None
    return re.compile("|".join(map(re.escape, sorted(names, key=lambda n: (-len(n), n)))))


#: Whether a form an OpenCC phrase chose (儘快, 饑荒) stays, whatever the context model says.
KEEP_PHRASES = True


@lru_cache(maxsize=None)
def _edition_forms(config: str) -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """For ``config``: each form the context model can give (OpenCC's standard glyph) → its glyph in the
    output, and each modelled character → the glyphs OpenCC could have written for it."""
    model = context_model(config)
    variants = {"s2tw": "t2tw", "s2twp": "t2tw", "s2hk": "t2hk"}.get(config)
    glyph = {f: (converter(variants).convert(f) if variants else f) for cands in model.candidates.values() for f in cands}
    options = {c: frozenset(glyph[f] for f in cands) for c, cands in model.candidates.items()}
    return glyph, options


@lru_cache(maxsize=4096)
def _single_form(char: str, config: str) -> str:
    """OpenCC's conversion of ``char`` alone: what it writes where no phrase covers it."""
    return converter(config).convert(char)


def _word_bounds(plan: list[_Unit]) -> frozenset[int]:
    """Where words begin and end: a unit's edges, and every position inside a run of one-character words."""
    return frozenset(
        b for u in plan for b in (range(u.start, u.start + len(u.text) + 1) if u.singles else (u.start, u.start + len(u.text)))
    )


def _apply_neighbours(source: str, decided: list[Neighbour], parts: list[str], rules: list[str], aligned: list[bool], config: str) -> None:
    """Give each character a neighbouring word decides its form in OpenCC's phrase across the boundary, in place;
    only where it has OpenCC's one-character default (a form a phrase chose in its word stays)."""
    for i, a, b, rule, fixed in decided:
        if not all(aligned[a:b]) or parts[i] != _single_form(source[i], config):
            continue
        form = fixed if fixed is not None else converter(config).convert(source[a:b])[i - a : i - a + 1]
        if form and form != parts[i]:
            parts[i] = form
            rules[i] = rule


def _apply_context(
    source: str, plan: list[_Unit], parts: list[str], rules: list[str], aligned: list[bool], config: str, fixed: frozenset[int] = frozenset()
) -> None:
    """Re-decide each ambiguous character with the context model, in place (see the module note, step 7);
    not the ``fixed`` positions, which a neighbouring word decided (step 6)."""
    model = context_model(config)
    if not model.pattern.search(source):
        return
    keep_phrases = KEEP_PHRASES and not model.overrules_phrases
    forms, options = _edition_forms(config)
    bounds: frozenset[int] | None = None  # the word boundaries, found on first need
    for unit in plan:
        if unit.fixed is not None or unit.rule.startswith("name "):
            continue  # a name keeps its forms
        matches = list(model.pattern.finditer(unit.text))
        if not matches or (not unit.singles and is_dictionary_name(unit.text)):
            continue  # a name jieba knows (白岩松) keeps OpenCC's forms too
        word = (unit.start, unit.start + len(unit.text)) if not unit.singles else None
        phrases = [] if keep_phrases else [(unit.start + a, unit.start + b) for a, b in opencc_phrases(unit.text)]
        for m in matches:
            i = unit.start + m.start()
            if not aligned[i] or i in fixed:
                continue  # OpenCC rewrote the word to another length (a twp term), or a neighbour decided
            if parts[i] not in options[source[i]]:
                continue  # OpenCC wrote another word here (软件 → 軟體): vocabulary, not a form
            if keep_phrases and parts[i] != _single_form(source[i], config):
                continue  # an OpenCC phrase chose this form
            # the hk model overrules an OpenCC phrase over the character only with a span that covers it:
            # 必须 says nothing of 须发, nor 关干 of 干部 (whose 幹 is also 干's default)
            phrase = next(((a, b) for a, b in phrases if a <= i < b), None)
            if bounds is None:
                bounds = _word_bounds(plan)
            decision = model.decide(source, i, word, bounds, phrase)
            if decision is None or decision.form == UNDECIDED:
                continue
            form = forms[decision.form]
            if form != parts[i]:
                parts[i] = form
                rules[i] = decision.rule


def _apply_corrections(source: str, parts: list[str], rules: list[str], aligned: list[bool], edition: str) -> None:
    """Overrule the output of each phrase of the edition's correction table, in place."""
    pattern, table = correction_pattern(edition)
    if pattern is None:
        return
    for m in pattern.finditer(source):
        a, b = m.span()
        if not all(aligned[a:b]):
            continue  # the phrase lies in a unit OpenCC rewrote to another length (a twp term)
        entry = table[m.group()]
        for i, char in enumerate(entry.to):
            if parts[a + i] != char:
                parts[a + i] = char
                rules[a + i] = f"{entry.source}: {entry.match} → {entry.to} ({entry.reason})"


def convert_wordwise(
    texts: Sequence[str], config: str, edition: str, names: frozenset[str] = frozenset()
) -> list[Converted]:
    """Convert NUL-free strings word by word (see the module note), with one OpenCC call."""
    pattern = _names_pattern(names)
    plans = [_plan(text, pattern, config) for text in texts]
    todo = [u.text for plan, _ in plans for u in plan if u.fixed is None]
    converted = iter(opencc_many(todo, config))
    result = []
    for text, (plan, decided) in zip(texts, plans):
        parts: list[str] = []
        rules: list[str] = []
        aligned: list[bool] = []
        for unit in plan:
            out = unit.fixed if unit.fixed is not None else next(converted)
            same = len(out) == len(unit.text)
            parts += list(out) if same else [out] + [""] * (len(unit.text) - 1)
            rules += [unit.rule] * len(unit.text)
            aligned += [same] * len(unit.text)
        _apply_neighbours(text, decided, parts, rules, aligned, config)
        _apply_context(text, plan, parts, rules, aligned, config, frozenset(n.position for n in decided))
        _apply_corrections(text, parts, rules, aligned, edition)
        result.append(Converted(text, tuple(parts), tuple(rules)))
    return result
