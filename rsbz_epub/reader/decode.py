"""Bytes → text: BOMs, UTF-8, GB18030/GBK (detected), a forced encoding; binary and empty input refused."""

from __future__ import annotations

import codecs

from rsbz_epub import regex_cache
from rsbz_epub.errors import DataError
from rsbz_epub.model import Diagnostic
from rsbz_epub.reader.diagnostics import diag

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Encodings charset-normalizer may name for Chinese text; GB18030 decodes all of GB2312/GBK.
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz", "cp936", "euc_cn"}

# C0 controls other than tab/newline/CR/form feed: their share tells text from binary.
_CONTROL = regex_cache.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_HINT_ENCODING = "save the file as UTF-8, or name its encoding with --encoding (e.g. gb18030)"


def decode(data: bytes, encoding: str | None = None) -> tuple[str, list[Diagnostic]]:
    """Decode raw issue bytes; raise DataError with a hint when they are not text."""
    if not data.strip():
        raise DataError("the input is empty", hint="give the raw text of one issue")
    if encoding:
        return _forced(data, encoding), []
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _strict(data, name), []
    if b"\x00" in data:
        raise DataError("the input looks binary (it contains NUL bytes)", hint="give the plain-text dump of the issue, not a PDF or Word file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        _mostly_utf8(data, err)
    else:
        return _text_or_binary(text), []
    name = _detect(data)
    text = _strict(data, name)
    return _text_or_binary(text), [diag("R001", f"input is not UTF-8; read as {name}")]


def _mostly_utf8(data: bytes, err: UnicodeDecodeError) -> None:
    """UTF-8 text with a few damaged bytes is named as such, with the real offset, not guessed as another encoding."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if good >= 20 and bad * 5 <= good:  # text in another encoding breaks at most of its characters
        raise DataError(
            f"the input is UTF-8 with {bad} invalid byte sequence(s), the first at offset {err.start}",
            hint="repair those bytes (no character is guessed for them), or give --encoding if the file is in another encoding",
        )


def _detect(data: bytes) -> str:
    """Name the most likely encoding, preferring GB18030 for any GB-family guess."""
    from charset_normalizer import from_bytes  # only for input that is not UTF-8: most issues never load it

    best = from_bytes(data).best()
    guess = best.encoding.lower().replace("-", "_") if best is not None else ""
    if not guess or guess in _GB_FAMILY:
        # GB18030 is the superset every Chinese print workflow on the mainland writes.
        return "gb18030"
    return guess


def _forced(data: bytes, encoding: str) -> str:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise DataError(f"unknown encoding '{encoding}'", hint="use a Python codec name such as utf-8, gb18030, big5") from None
    if encoding.lower().replace("_", "-") in ("utf-8", "utf8") and data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    return _text_or_binary(_strict(data, encoding))


def _strict(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        raise DataError(f"the input cannot be decoded as {encoding} (bad byte at offset {err.start})", hint=_HINT_ENCODING) from None
    return text.lstrip("\ufeff")


def _text_or_binary(text: str) -> str:
    """Refuse text that is mostly control characters (a binary file that happened to decode)."""
    if not text.strip():
        raise DataError("the input holds no text", hint="give the raw text of one issue")
    controls = len(_CONTROL.findall(text))
    if controls > max(8, len(text) // 50):
        raise DataError("the input looks binary (many control characters)", hint="give the plain-text dump of the issue, not a PDF or Word file")
    return text
