"""Reading user-named files (issues, configs, stylesheets) into memory, with clear errors."""

from __future__ import annotations

from pathlib import Path

from rsbz_epub.config import parse_publication
from rsbz_epub.errors import ConfigError, InputError
from rsbz_epub.options import Publication


def read_bytes(path: Path, what: str = "issue") -> bytes:
    """The file's bytes, or an InputError that says what went wrong and what to do."""
    name = str(path)
    if not path.exists():
        raise InputError("no such file", path=name, hint=f"check the path of the {what} file")
    if path.is_dir():
        raise InputError("is a folder, not a file", path=name, hint=f"give the {what} file itself")
    try:
        return path.read_bytes()
    except PermissionError:
        raise InputError("permission denied", path=name, hint="check the file's permissions") from None
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", path=name, hint="check the file and the disk") from None


def load_publication(path: Path | None) -> Publication:
    """The publication config: built-in defaults, overridden by the TOML file if given."""
    if path is None:
        return Publication()
    try:
        data = read_bytes(path, "config")
    except InputError as exc:
        raise ConfigError(exc.what, path=exc.path, hint=exc.hint) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError("not UTF-8 text", path=str(path), hint="save the config as UTF-8") from None
    return parse_publication(text, str(path))


def load_text(path: Path | None, what: str) -> str:
    """A UTF-8 text file such as a house stylesheet ("" when not given)."""
    if path is None:
        return ""
    data = read_bytes(path, what)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text", path=str(path), hint=f"save the {what} as UTF-8") from None
