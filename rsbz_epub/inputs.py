"""Reading user-named files (issues, configs, stylesheets) into memory, with clear errors."""

from __future__ import annotations

import re
import stat
from pathlib import Path

from rsbz_epub.config import parse_publication
from rsbz_epub.errors import ConfigError, DataError, InputError
from rsbz_epub.options import Publication


# '<' is no CSS token (EPUBCheck rejects it) and could close markup around a stylesheet;
# control characters are not XML.
_CSS_FORBIDDEN = re.compile("[<\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

#: The most we read of an issue: 64 MB is ~30 times the largest real issue seen; more is
#: not a newspaper dump (e.g. /dev/zero) and would only exhaust memory.
MAX_ISSUE_BYTES = 64 * 1024 * 1024
#: Configs and stylesheets are small; 1 MB is far more than any real one.
MAX_SMALL_BYTES = 1024 * 1024


def read_bytes(path: Path, what: str = "issue", limit: int = MAX_ISSUE_BYTES) -> bytes:
    """The file's bytes (at most ``limit``), or an error that says what went wrong and what to do."""
    name = str(path)
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        raise InputError("no such file", path=name, hint=f"check the path of the {what} file") from None
    except PermissionError:
        raise InputError("permission denied", path=name, hint="check the permissions of the folders on its path") from None
    except OSError as exc:  # a name too long, a loop of symbolic links
        raise InputError(f"cannot read ({exc.strerror})", path=name, hint=f"check the path of the {what} file") from None
    if stat.S_ISDIR(mode):
        raise InputError("is a folder, not a file", path=name, hint=f"give the {what} file itself")
    if what == "issue" and (stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)):
        # a build reads its input more than once (to know its folder, then to build it): a pipe gives it only once
        raise InputError("is a pipe, not a file", path=name, hint="save the issue text to a file and give that file")
    try:
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)  # never more: a device or a huge file is refused, not read
        if len(data) > limit:
            raise TooLargeError(
                f"larger than {limit // (1024 * 1024)} MB; not a {what} file",
                path=name,
                hint=f"give the raw text of one {what}" if what == "issue" else f"a {what} file is small; check the path",
            )
        return data
    except PermissionError:
        raise InputError("permission denied", path=name, hint="check the file's permissions") from None
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", path=name, hint="check the file and the disk") from None


class TooLargeError(DataError):
    """A file is larger than anything of its kind can be."""


def load_publication(path: Path | None) -> Publication:
    """The publication config: built-in defaults, overridden by the TOML file if given."""
    if path is None:
        return Publication()
    try:
        data = read_bytes(path, "config", MAX_SMALL_BYTES)
    except (InputError, DataError) as exc:
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
    data = read_bytes(path, what, MAX_SMALL_BYTES)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text", path=str(path), hint=f"save the {what} as UTF-8") from None


def load_stylesheet(path: Path | None) -> str:
    """A house stylesheet, refused (ConfigError) when it could break the book's markup."""
    text = load_text(path, "stylesheet")
    bad = _CSS_FORBIDDEN.search(text)
    if bad:
        char = bad.group()
        line = text.count("\n", 0, bad.start()) + 1
        what = f"contains '{char}'" if char.isprintable() else f"contains the control character U+{ord(char):04X}"
        raise ConfigError(
            f"{what}, which a stylesheet in an e-book may not hold",
            path=str(path),
            line=line,
            hint="remove it (inside a CSS string write \\3C for '<')",
        )
    return text
