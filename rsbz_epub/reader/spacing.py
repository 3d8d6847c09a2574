"""Letter-spacing taken out of headings and names: 春 耕 时 节 → 春耕时节, 本报记者　林　晓 → 本报记者　林晓.

Print spreads a headline's characters, and a two-character name to the width of a
three-character one, with spaces that a PDF-to-text step writes out. In an e-book
those spaces stay in the contents and the headings, and a search for 春耕 or 林晓
finds nothing. A run of single characters parted by spaces is one word set wide: its
spaces go, and a wider gap inside the run (县 气 象 局　　推 出 新 服 务) parts two words
and stays. Spaces between longer words (激发新动能  跑出加速度) are the print's own
separators and stay. Only the characters' spacing changes: every character is kept.
"""

from __future__ import annotations

from rsbz_epub import regex_cache

_GAP = regex_cache.compile(r"[ \u3000\xa0]+")
_SPACES = " \u3000\xa0"


def _width(gap: str) -> int:
    return sum(2 if c == "\u3000" else 1 for c in gap)


# one Han character, with the quotes or brackets a spread heading sets around its words (“ 放 心 ”, 【小　贴　士】);
# not a Latin letter or a digit (A B, 5 G stay apart), nor a mark that heads a byline (□ 梁　溪)
_SINGLE = regex_cache.compile(r"[“‘「『《（【〔]*[\u3400-\u9fff\uf900-\ufaff]?[”’」』》）】〕]*")
_BRACKETS = "“‘「『《（【〔”’」』》）】〕"
_MARKS = "■□◆◇●○▲△▍▌▶►"


def _single(token: str, any_character: bool = False) -> bool:
    """One character of a word set on its own: a Han character, or (``any_character``, in a line spread as a whole:
    2 0 2 6 年 世 界 杯) any character but a mark."""
    core = token.strip(_BRACKETS)
    if not token or len(core) > 1:
        return False
    if _SINGLE.fullmatch(token) is not None:
        return True
    return any_character and core not in _MARKS


def unspaced(text: str, longest: int | None = None) -> str:
    """``text`` with each run of letter-spaced single characters joined (see the module's note).

    ``longest``: join a run of at most this many characters only, unless the whole text is letter-spaced — a
    byline's name is two or three characters (本报记者　钱　程　实习生　章一诺), and a longer run of single
    characters with even gaps may be two names that nothing tells apart."""
    core = text.strip(" \u3000\xa0")
    if not core or not _GAP.search(core):
        return text
    tokens, gaps = _GAP.split(core), _GAP.findall(core)
    # a line spread as a whole, Han characters among its single ones: its digits and letters are spread too
    whole = all(_single(t, True) for t in tokens) and any(_single(t) for t in tokens)
    keep = [True] * len(gaps)  # keep[i]: the gap between tokens i and i + 1 stays
    i = 0
    while i < len(tokens):
        j = i
        while j + 1 < len(tokens) and _single(tokens[i], whole) and _single(tokens[j + 1], whole):
            j += 1
        if j > i:  # tokens i..j are a run of single characters
            narrow = min(_width(g) for g in gaps[i:j])
            start = i
            for k in range(i, j + 1):  # cut the run at its wider gaps: each part is one word
                if k == j or _width(gaps[k]) > narrow:
                    if k > start and (whole or longest is None or k - start + 1 <= longest):
                        for g in range(start, k):
                            keep[g] = False
                    start = k + 1
        i = j + 1
    out = tokens[0] + "".join((gap if kept else "") + tok for gap, kept, tok in zip(gaps, keep, tokens[1:]))
    lead = text[: len(text) - len(text.lstrip(" \u3000\xa0"))]
    trail = text[len(text.rstrip(" \u3000\xa0")) :]
    return lead + out + trail


def spread_as_a_whole(text: str) -> bool:
    """Whether every character of the line stands apart (春 耕 时 节, 第 三 版, 2 0 2 6 年): a heading or a name print
    spread over its width, which the reader takes in set close from the start. A line that begins with a staff
    mark (``#``, ``\\``, ``===``) or any other ASCII sign is left to the rest of the reader."""
    if " " not in text and "\u3000" not in text and "\xa0" not in text:
        return False  # most lines: nothing to look at (this runs on every line of an issue)
    core = text.strip(" \u3000\xa0")
    if len(core) < 3 or (core[0].isascii() and not core[0].isalnum()) or not (core[1] in _SPACES or core[2] in _SPACES):
        return False  # a spread line's first character (or its bracket and it) stands apart
    tokens = _GAP.split(core)
    return all(_single(t, True) for t in tokens) and any(_single(t) for t in tokens)
