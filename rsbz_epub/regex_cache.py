"""Regular expressions whose compiled program is kept on disk, as Python keeps bytecode.

CPython's ``re`` compiler marks every code point of a character class one by one, so each
class spanning the CJK block (``[\\u4e00-\\u9fff]``, 20,992 code points) costs about half a
millisecond; the reader has some ninety of them, ≈ 60 ms of every cold start (issue 12).

``compile(pattern, flags)`` returns the same ``re.Pattern`` as ``re.compile`` (equal to it:
patterns compare by their compiled program). The program ``re`` produced is stored in
``__pycache__/regex.<interpreter>.marshal`` beside this module and handed straight to ``_sre``
by later processes. The file is keyed by the exact Python version and the ``_sre`` magic
number and is written only when Python writes bytecode; anything unexpected (another
interpreter, a damaged or unwritable file, ``_sre`` refusing the program) falls back to
``re.compile``.
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import tempfile
from typing import Any

try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # another implementation: plain re.compile
    _sre = None  # type: ignore[assignment]

_Entry = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]
_TAG = f"{sys.implementation.cache_tag}-{'.'.join(map(str, sys.version_info[:3]))}-{getattr(_sre, 'MAGIC', 0)}"
PATH = os.path.join(os.path.dirname(__file__), "__pycache__", f"regex.{_TAG}.marshal")

_stored: dict[tuple[str, int], _Entry] | None = None
_new: dict[tuple[str, int], _Entry] = {}


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the stored program when there is one."""
    if _sre is None:
        return re.compile(pattern, flags)
    flags = int(flags)
    key = (pattern, flags)
    entry = _load().get(key) or _new.get(key)
    if entry is not None:
        try:
            return _sre.compile(pattern, *entry)
        except Exception:  # noqa: BLE001 - a program this _sre refuses: compile it afresh
            pass
    try:
        entry = _program(pattern, flags)
        compiled = _sre.compile(pattern, *entry)
    except re.error:
        raise
    except Exception:  # noqa: BLE001 - re's internals moved: plain re.compile, uncached
        return re.compile(pattern, flags)
    if not _new:
        atexit.register(_save)
    _new[key] = entry
    return compiled


def _program(pattern: str, flags: int) -> _Entry:
    """What ``re._compiler.compile`` hands to ``_sre.compile``, as plain data."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # the opcodes are int subclasses (named constants): stored as plain ints
    return int(flags | parsed.state.flags), [int(op) for op in code], parsed.state.groups - 1, groupindex, tuple(indexgroup)


def _load() -> dict[tuple[str, int], _Entry]:
    global _stored
    if _stored is None:
        try:
            with open(PATH, "rb") as fh:
                data = marshal.loads(fh.read())  # marshal.load(fh) reads in small pieces: 8 ms against 1 ms
            _stored = data if isinstance(data, dict) else {}
        except (OSError, EOFError, ValueError, TypeError):
            _stored = {}
    return _stored


def _save() -> None:
    """Add this process's new programs to the file (atomically: parallel builds may race)."""
    if not _new or sys.dont_write_bytecode:
        return
    merged = {**_load(), **_new}
    try:
        os.makedirs(os.path.dirname(PATH), exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".regex.", dir=os.path.dirname(PATH))
    except OSError:
        return  # a read-only install: every process compiles, as before
    try:
        with os.fdopen(fd, "wb") as fh:
            marshal.dump(merged, fh)
        os.chmod(tmp, 0o644)  # readable by every user of the install, as .pyc files are
        os.replace(tmp, PATH)
    except (OSError, ValueError):
        try:
            os.unlink(tmp)
        except OSError:
            pass
