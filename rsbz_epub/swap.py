"""Put an issue's edition folders in place all or none, so that no crash loses a build.

The folders of one issue are staged, then swapped in; the names are per issue, so the
next run finds whatever a crash left and finishes or undoes it (:func:`recover`):

- ``OUT/.KEY.tmp/NAME/…`` — each new edition folder, its files written (and fsynced) one by
  one as the build makes them, so a big issue's books are never all in memory at once;
- ``OUT/.KEY.tmp/COMMIT`` — written once every new folder is complete: from then on the
  new build wins, and a crash is finished by the next run;
- ``OUT/.KEY.old/NAME`` — an earlier folder moved aside just before the new one takes
  its place; removed when every edition is in place.

KEY is the issue's first folder name.  A folder that cannot be replaced (a read-only
edition folder, a full disk) undoes the editions already swapped, so an issue's editions
are always all from one build.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from rsbz_epub.errors import OutputError
from rsbz_epub.incremental import MANIFEST, read_folder

COMMIT = "COMMIT"
#: ours (.KEY.tmp / .KEY.old) and the mkdtemp names of earlier versions (.NAME.abcd1234.tmp)
_LEFTOVER = re.compile(r"^\.(?P<key>.+?)(?P<legacy>\.[A-Za-z0-9_]{8})?\.(?P<kind>tmp|old)$")

Files = list[tuple[str, bytes]]
#: A file's bytes, or a function that writes them to a stream.
Content = bytes | Callable[[BinaryIO], None]


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class _Digest:
    """A write-only stream that passes bytes on to a file, counting and hashing them (for the manifest)."""

    def __init__(self, fh: BinaryIO) -> None:
        self.fh = fh
        self.size = 0
        self.sha256 = hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.sha256.update(data)
        self.size += len(data)
        return self.fh.write(data)


def _write(path: Path, content: Content) -> tuple[int, str]:
    """Write one file and fsync it; return its size and SHA-256."""
    with open(path, "wb") as fh:
        out = _Digest(fh)
        if isinstance(content, bytes):
            out.write(content)
        else:
            content(out)  # type: ignore[arg-type]
        fh.flush()
        os.fsync(fh.fileno())
    return out.size, out.sha256.hexdigest()


def _cannot_write(key: str, out_dir: Path, exc: OSError) -> OutputError:
    return OutputError(f"cannot write {key}/ ({exc.strerror})", path=str(out_dir), hint="check free space and permissions; the earlier build is intact")


def _our_files(folder: Path) -> set[str] | None:
    """The files an earlier build listed in its manifest (None: no readable manifest)."""
    built = read_folder(folder)
    return None if built is None else {name for name, _ in built.files} | {MANIFEST}


def _keep_user_files(earlier: Path, staged: Path, new_names: set[str]) -> list[str]:
    """Copy files a user added to an earlier folder into the new one; name them."""
    ours = _our_files(earlier)
    if ours is None or not earlier.is_dir():
        return []
    kept = []
    for child in sorted(earlier.iterdir()):
        if child.name in ours or child.name in new_names or not child.is_file() or child.is_symlink():
            continue
        shutil.copy2(child, staged / child.name)
        kept.append(child.name)
    return kept


class StagedFolder:
    """One new edition folder inside the staging folder; files go into it as they are made."""

    def __init__(self, staging: Staging, name: str) -> None:
        self.staging = staging
        self.name = name
        self.path = staging.path / name
        self.names: set[str] = set()
        try:
            self.path.mkdir()
        except OSError as exc:
            raise _cannot_write(staging.key, staging.out_dir, exc) from None

    def put(self, name: str, content: Content) -> tuple[int, str, None]:
        """Write one file of the folder; return its size and SHA-256 (and no bytes: they are on disk)."""
        try:
            size, digest = _write(self.path / name, content)
        except OSError as exc:
            raise _cannot_write(self.staging.key, self.staging.out_dir, exc) from None
        self.names.add(name)
        return size, digest, None


class Staging:
    """The staging folder of one issue, ``OUT/.KEY.tmp``: open it with ``with``, write each
    edition folder into it (:meth:`folder`), then :meth:`commit` swaps them all in.

    Leaving the ``with`` block without a commit (an error, Ctrl-C) removes the staging
    folder: every earlier folder stays as it was, and no partial file is ever visible.
    """

    def __init__(self, out_dir: Path, key: str) -> None:
        self.out_dir = out_dir
        self.key = key
        self.path, self.old = out_dir / f".{key}.tmp", out_dir / f".{key}.old"
        self.folders: list[StagedFolder] = []
        self.committed = False

    def __enter__(self) -> Staging:
        shutil.rmtree(self.path, ignore_errors=True)
        try:
            self.path.mkdir()
        except OSError as exc:
            raise _cannot_write(self.key, self.out_dir, exc) from None
        return self

    def __exit__(self, *exc: object) -> None:
        if not self.committed:
            shutil.rmtree(self.path, ignore_errors=True)

    def folder(self, name: str) -> StagedFolder:
        """A new, empty edition folder ``name``."""
        folder = StagedFolder(self, name)
        self.folders.append(folder)
        return folder

    def commit(self) -> list[str]:
        """Keep the files a user added to earlier folders, mark the build complete, swap it in.

        Returns the kept files (as ``NAME/file``).  Raises OutputError, with every
        earlier folder intact, when anything cannot be written or replaced.
        """
        names = [f.name for f in self.folders]
        kept: list[str] = []
        try:
            for folder in self.folders:
                kept += [f"{folder.name}/{k}" for k in _keep_user_files(self.out_dir / folder.name, folder.path, folder.names)]
                os.chmod(folder.path, 0o755)
            _write(self.path / f"{COMMIT}.part", json.dumps(names).encode())
            os.rename(self.path / f"{COMMIT}.part", self.path / COMMIT)
            _fsync_dir(self.path)
        except OSError as exc:
            raise _cannot_write(self.key, self.out_dir, exc) from None
        self.committed = True  # from here the swap finishes or undoes itself, and so does recover()
        _swap_in(self.out_dir, self.path, self.old, names)
        return kept


def replace_folders(out_dir: Path, folders: list[tuple[str, Files]]) -> list[str]:
    """Write ``folders`` (name, files) into ``out_dir``, replacing earlier ones all or none.

    Returns the files a user had added to earlier folders, kept in the new ones
    (as ``NAME/file``).  Raises OutputError, with every earlier folder intact, when
    anything cannot be written or replaced.
    """
    with Staging(out_dir, folders[0][0]) as staging:
        for name, files in folders:
            folder = staging.folder(name)
            for file_name, data in files:
                folder.put(file_name, data)
        return staging.commit()


def _swap_in(out_dir: Path, staging: Path, old: Path, names: list[str]) -> None:
    """Move every staged folder into place; on failure put every earlier folder back."""
    done: list[str] = []
    current = ""
    try:
        for name in names:
            current = name
            if (out_dir / name).exists():
                old.mkdir(exist_ok=True)
                os.rename(out_dir / name, old / name)
            os.rename(staging / name, out_dir / name)
            done.append(name)
        _fsync_dir(out_dir)
    except OSError as exc:
        _undo(out_dir, staging, old, done, current)
        raise OutputError(
            f"cannot replace {current}/ ({exc.strerror}); no edition of this issue was changed",
            path=str(out_dir),
            hint="check the folder's permissions and free space",
        ) from None
    shutil.rmtree(staging, ignore_errors=True)  # the COMMIT goes first: the swap is complete
    shutil.rmtree(old, ignore_errors=True)


def _undo(out_dir: Path, staging: Path, old: Path, done: list[str], current: str) -> None:
    """Put the earlier folders back after a failed swap (best effort, then discard the new build)."""
    (staging / COMMIT).unlink(missing_ok=True)  # from here a crash must keep the earlier build
    for name in reversed(done):
        try:
            shutil.rmtree(out_dir / name, ignore_errors=True)
            if (old / name).exists():
                os.rename(old / name, out_dir / name)
        except OSError:
            pass
    if current and not (out_dir / current).exists() and (old / current).exists():
        try:
            os.rename(old / current, out_dir / current)
        except OSError:
            pass
    shutil.rmtree(staging, ignore_errors=True)
    if old.is_dir() and not any(old.iterdir()):
        old.rmdir()


def recover(out_dir: Path) -> list[str]:
    """Finish or undo what an interrupted build left in ``out_dir``; say what was done."""
    notes: list[str] = []
    try:
        entries = sorted(out_dir.iterdir()) if out_dir.is_dir() else []
    except OSError:
        return notes
    for entry in entries:
        match = _LEFTOVER.match(entry.name)
        if not match or entry.is_symlink():
            continue
        try:
            notes += _recover_one(out_dir, entry, match)
        except OSError as exc:
            raise OutputError(
                f"cannot clean up {entry.name} left by an interrupted build ({exc.strerror})",
                path=str(out_dir),
                hint="check the folder's permissions",
            ) from None
    return notes


def _recover_one(out_dir: Path, entry: Path, match: re.Match[str]) -> list[str]:
    if not entry.exists() and not entry.is_symlink():  # handled with its partner (.KEY.tmp with .KEY.old)
        return []
    if not entry.is_dir():  # a temporary file of write_atomic (catalog.xml, index.html)
        entry.unlink()
        return [f"removed {entry.name} left by an interrupted run"]
    key, kind = match["key"], match["kind"]
    if match["legacy"]:
        restored = []
        if kind == "old":
            for child in entry.iterdir():
                if child.is_dir() and not (out_dir / child.name).exists():
                    os.rename(child, out_dir / child.name)
                    restored.append(f"restored {child.name}/ from an interrupted build")
        shutil.rmtree(entry)
        return restored or [f"removed {entry.name} left by an interrupted build"]
    staging, old = out_dir / f".{key}.tmp", out_dir / f".{key}.old"
    notes = []
    if (staging / COMMIT).is_file():
        for name in json.loads((staging / COMMIT).read_text(encoding="utf-8")):
            if not isinstance(name, str) or "/" in name or name.startswith(".") or not (staging / name).is_dir():
                continue
            if (out_dir / name).exists():
                old.mkdir(exist_ok=True)
                os.rename(out_dir / name, old / name)
            os.rename(staging / name, out_dir / name)
            notes.append(f"finished replacing {name}/ (an earlier build was interrupted)")
    elif old.is_dir():
        for child in old.iterdir():
            if not (out_dir / child.name).exists():
                os.rename(child, out_dir / child.name)
                notes.append(f"restored {child.name}/ (an earlier build was interrupted)")
    for leftover in (staging, old):
        if leftover.exists():
            shutil.rmtree(leftover)
            notes.append(f"removed {leftover.name} left by an interrupted build")
    return notes
