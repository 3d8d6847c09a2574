"""Sentence splitting for Kobo spans: Chinese sentence ends as well as Latin ones.

kepubify and SE split only on ASCII ``.!?:`` (kepubify#12), which leaves a
whole Chinese paragraph in one span; Kobo then cannot highlight or locate
within it. Joining the pieces always gives back the input exactly.
"""

from __future__ import annotations

from rsbz_epub import regex_cache

# Chinese ends split at once (no space follows in Chinese); closing quotes and
# brackets stay with the sentence they close, e.g. 。” or ？」.
_CJK_END = r"[。！？；…]+[”’」』）》〉】〕\"')\]]*"
# Latin ends only before whitespace, so "3.5", "www.x.cn" and "U.S." mid-token stay whole.
_LATIN_END = r"[.!?;]+[\"')\]”’」』）]*(?=\s)"
_END = regex_cache.compile(rf"(?:{_CJK_END}|{_LATIN_END})\s*")


def split_sentences(text: str) -> list[str]:
    """``text`` cut after each sentence end (trailing spaces kept with the sentence)."""
    pieces: list[str] = []
    start = 0
    for match in _END.finditer(text):
        if match.end() > start:
            pieces.append(text[start:match.end()])
            start = match.end()
    if start < len(text):
        pieces.append(text[start:])
    return pieces
