"""The error taxonomy: one exception type per kind of user-caused failure.

Each kind has a stable exit code (loosely after BSD ``sysexits.h``) that the
CLI returns; messages are rendered in one place, :func:`format_error`, as
``error: FILE[:LINE]: what happened — what to do``.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Stable process exit codes; documented in the README."""

    OK = 0
    FAILED = 1  # some issues of a batch failed (each reported on its own line)
    USAGE = 2  # bad command line (the code argparse and click use too)
    WARNINGS = 3  # --strict and the input produced warnings
    DATA = 65  # input bytes cannot be read as a newspaper issue
    NO_INPUT = 66  # input file missing, a directory, or unreadable
    INTERNAL = 70  # a bug: please report
    CANT_CREATE = 73  # output folder or file cannot be written
    CONFIG = 78  # publication config file is wrong


class RsbzError(Exception):
    """Base class: a failure the user can cause and fix."""

    exit_code: ExitCode = ExitCode.INTERNAL

    def __init__(self, what: str, *, path: str | None = None, line: int | None = None, hint: str = "") -> None:
        super().__init__(what)
        self.what = what
        self.path = path
        self.line = line
        self.hint = hint

    def with_path(self, path: str) -> "RsbzError":
        """Return self with ``path`` filled in when the core did not know it."""
        if self.path is None:
            self.path = path
        return self


class InputError(RsbzError):
    """The input file is missing, a directory, or unreadable."""

    exit_code = ExitCode.NO_INPUT


class DataError(RsbzError):
    """The input bytes are empty, binary, undecodable, or hold no article."""

    exit_code = ExitCode.DATA


class ConfigError(RsbzError):
    """A publication config file has an unknown key or a bad value."""

    exit_code = ExitCode.CONFIG


class OutputError(RsbzError):
    """The output folder or a file in it cannot be written (or would be too large)."""

    exit_code = ExitCode.CANT_CREATE


class ClashError(RsbzError):
    """Two inputs of one run would be written into the same output folder."""

    exit_code = ExitCode.USAGE


class StrictError(RsbzError):
    """``--strict`` was given and the issue produced warnings."""

    exit_code = ExitCode.WARNINGS


def format_error(err: RsbzError) -> str:
    """Render an error as the one line the CLI prints."""
    where = err.path or "rsbz-epub"
    if err.line is not None:
        where = f"{where}:{err.line}"
    text = f"error: {where}: {err.what}"
    if err.hint:
        text += f" — {err.hint}"
    return text
