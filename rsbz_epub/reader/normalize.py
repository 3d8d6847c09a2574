"""Half-width punctuation inside Chinese → full-width; Latin words, numbers, URLs and e-mails untouched."""

from __future__ import annotations

from rsbz_epub import regex_cache

FULL_WIDTH = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
# Only the marks to convert and the brackets that pair are visited, not every character:
# a character-by-character walk cost over a second on a 5 MB issue.
_HALF = regex_cache.compile(r"[,:;!?()]")
_BRACKET = regex_cache.compile(r"[(（)）]")

# Spans never touched: URLs, bare www/domain addresses, e-mail addresses and entity-like runs.
_PROTECTED = regex_cache.compile(
    r"(?:https?|ftp)://[A-Za-z0-9._~:/?#@$&+=%-]+"
    r"|www\.[A-Za-z0-9.-]+(?:/[A-Za-z0-9._~/?#=&%-]*)?"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"
    r"|&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"  # an entity-like run (&amp;) stays as typed
)


# The Han blocks the dumps use (unified, extension A, compatibility, the supplementary planes, 〇), as runs:
# counting them is one C-level scan (a character-by-character loop took about a second of a 5 MB issue's build).
_HAN_RUN = regex_cache.compile(r"[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\U00020000-\U0002ffff\u3007]+")


def is_cjk(ch: str) -> bool:
    """True for a Han character (any CJK block the dumps use)."""
    return len(ch) == 1 and _HAN_RUN.match(ch) is not None


def cjk_count(text: str) -> int:
    """How many Han characters the text holds."""
    return sum(map(len, _HAN_RUN.findall(text)))


def is_cjk_context(ch: str) -> bool:
    """True for a Han character or full-width/CJK punctuation (including curly quotes Chinese uses)."""
    if not ch:
        return False
    o = ord(ch)
    return is_cjk(ch) or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or ch in "“”‘’…—·"


def normalize_punctuation(text: str) -> str:
    """Make , : ; ! ? ( ) full-width where they sit in Chinese text."""
    if _HALF.search(text) is None:
        return text
    protected: set[int] = set()
    for m in _PROTECTED.finditer(text):
        protected.update(range(m.start(), m.end()))
    return _convert(text, protected)


def _neighbour(s: str, i: int, step: int) -> str:
    """The nearest non-space character from i in direction step ('' at the edge)."""
    j = i + step
    while 0 <= j < len(s) and s[j] in " \t":
        j += step
    return s[j] if 0 <= j < len(s) else ""


def _pairs(s: str, protected: set[int]) -> dict[int, int]:
    """Matching bracket positions outside the protected spans, both ways."""
    stack: list[int] = []
    pairs: dict[int, int] = {}
    for m in _BRACKET.finditer(s):
        i, c = m.start(), m.group()
        if i in protected:
            continue
        if c in "(（":
            stack.append(i)
        elif stack:
            j = stack.pop()
            pairs[i], pairs[j] = j, i
    return pairs


def _convert(s: str, protected: set[int]) -> str:
    """Convert outside the protected spans, judging by neighbours on the whole line."""
    chars = list(s)
    pairs = _pairs(s, protected)
    for m in _HALF.finditer(s):
        i, c = m.start(), m.group()
        if i in protected:
            continue
        prev, nxt = _neighbour(s, i, -1), _neighbour(s, i, 1)
        if c in "()":
            convert = _bracket_in_chinese(s, i, pairs.get(i), prev, nxt)
        elif c in ",:" and prev.isdigit() and nxt.isdigit():
            convert = False  # 3,500 and 10:30
        elif c in ",:;":
            convert = is_cjk_context(prev) or is_cjk_context(nxt)
        else:  # ! ?  end what precedes them
            convert = is_cjk_context(prev) or (prev == "" and is_cjk_context(nxt))
        if convert:
            chars[i] = FULL_WIDTH[c]
    return _drop_spaces_next_to_full_width("".join(chars))


_SUBCLAUSE = regex_cache.compile(r"[A-Za-z0-9]{1,3}$")  # what a sub-clause's brackets hold: (5), (b), (iv)


def _bracket_in_chinese(s: str, i: int, mate: int | None, prev: str, nxt: str) -> bool:
    if mate is None:
        return is_cjk_context(prev) or is_cjk_context(nxt)
    lo, hi = sorted((i, mate))
    inside = s[lo + 1 : hi]
    if any(is_cjk(ch) for ch in inside):
        return True
    if lo > 0 and (s[lo - 1].isascii() and s[lo - 1].isalnum() or s[lo - 1] == ")") and _SUBCLAUSE.match(inside):
        return False  # a sub-clause's number glued to its clause, part of it: 第5(5)(b)段, 第18(1)條, f(x)
    return is_cjk_context(_neighbour(s, lo, -1)) or is_cjk_context(_neighbour(s, hi, 1))


_SPACE_AROUND = regex_cache.compile(r"[ \t]*([，：；！？（）])[ \t]*")


def _drop_spaces_next_to_full_width(s: str) -> str:
    """Full-width marks carry their own spacing; an ASCII space beside one is an artefact."""
    return _SPACE_AROUND.sub(lambda m: m.group(1), s)
