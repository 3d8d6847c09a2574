"""Writing several files into one folder all or nothing (catalog.xml, catalog.json, index.html).

A reader of the folder must never see a new feed beside an old index, nor a
half-written file: every file is first written in full to a temporary name,
then the old files are moved aside, the new ones renamed into place, and only
then the old ones dropped.  Any failure puts the old files back.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from rsbz_epub.errors import OutputError


def _fail(exc: OSError, folder: Path, name: str) -> OutputError:
    reason = exc.strerror or str(exc)
    return OutputError(f"cannot write {name} ({reason})", path=str(folder), hint="choose a folder you can write to, or fix its permissions")


def write_all(folder: Path, files: Mapping[str, bytes]) -> None:
    """Write ``files`` (name → bytes) into ``folder``: all of them, or none (old files kept)."""
    temps: dict[str, str] = {}
    moved: dict[str, str] = {}
    placed: list[str] = []
    current = ""
    try:
        for name, data in sorted(files.items()):
            current = name
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
            temps[name] = tmp
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o644)
        for name in sorted(files):
            current = name
            final = folder / name
            if final.exists():
                backup = tempfile.mktemp(prefix=f".{name}.", suffix=".old", dir=folder)
                os.replace(final, backup)
                moved[name] = backup
            os.replace(temps[name], final)
            del temps[name]
            placed.append(name)
    except OSError as exc:
        for name in placed:  # undo: drop the new file, put the old one back
            Path(folder / name).unlink(missing_ok=True)
        for name, backup in moved.items():
            try:
                os.replace(backup, folder / name)
            except OSError:
                pass
        for tmp in temps.values():
            Path(tmp).unlink(missing_ok=True)
        raise _fail(exc, folder, current) from None
    for backup in moved.values():
        Path(backup).unlink(missing_ok=True)
