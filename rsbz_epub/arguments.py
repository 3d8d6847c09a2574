"""The command line's grammar: one argparse parser per command, usage errors as one exception.

Plain argparse (the standard library) rather than typer or click: a cold ``rsbz-epub build``
spent about 0.15 s importing typer, its vendored click and pydantic and converting the options
through pydantic, a third of the whole build (measured for issue 12). Parsers are made only
for the command given, so ``--help`` and ``check`` stay instant.
"""

from __future__ import annotations

import argparse
import os
from typing import NoReturn

PROG = "rsbz-epub"
ABOUT = "Turn the raw text of one newspaper issue into EPUB 3, Kindle (EPUB + AZW3) and Kobo e-books."
JOBS_MAX = 1024

#: command -> its one-line summary, as the root help lists them.
COMMANDS = {
    "build": "Build e-books for each issue: one folder per issue and edition, written atomically.",
    "check": "Parse only: show pages, articles, paragraphs, jumps and warnings with input lines.",
    "proof": "Write a proof page: the input line by line with what the reader decided, beside the result.",
    "catalog": "Write OPDS 1.2 (catalog.xml) and OPDS 2.0 (catalog.json) feeds and an HTML index (index.html) over built issues.",
}

_CONFIG = "Publication config (TOML) for another paper."
_ENCODING = "Force the input encoding (default: detect)."


class UsageError(Exception):
    """A bad command line: shown as one ``error:`` line pointing at ``--help``, exit code 2."""

    def __init__(self, message: str, command: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.command = command

    def line(self) -> str:
        """``error: what — see `rsbz-epub CMD --help```: the one line the CLI prints."""
        where = f"{PROG} {self.command}" if self.command else PROG
        return f"error: {self.message.rstrip('.')} — see `{where} --help`"


def bad_value(option: str, message: str) -> UsageError:
    """A usage error about one option's value (``--format: unknown format 'pdf'; …``)."""
    return UsageError(f"invalid value for {option}: {message}")


class _Parser(argparse.ArgumentParser):
    """An argparse parser that raises UsageError instead of printing and exiting."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message, self.prog.removeprefix(PROG).strip() or None)


def _jobs(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number") from None
    if not 1 <= number <= JOBS_MAX:
        raise argparse.ArgumentTypeError(f"{value} is not in the range 1 to {JOBS_MAX}")
    return number


def _flag(parser: argparse.ArgumentParser, name: str, help: str) -> None:
    parser.add_argument(name, action="store_true", help=help)


def _build(p: argparse.ArgumentParser) -> None:
    p.add_argument("issues", nargs="+", metavar="ISSUES", help="Raw issue text files.")
    p.add_argument("-o", "--output", default="out", metavar="FOLDER", help="Folder to write issue folders into (default: out).")
    p.add_argument("-e", "--edition", action="append", default=[], metavar="EDITION", help="Also build a Traditional edition: hant, tw, hk, twp (repeatable).")
    p.add_argument("-f", "--format", dest="fmt", action="append", default=[], metavar="FORMATS", help="Formats, comma-separated: epub,kindle,azw3,kepub (default: all).")
    p.add_argument("--config", metavar="FILE", help=_CONFIG)
    p.add_argument("--css", metavar="FILE", help="A house stylesheet added after the built-in one.")
    p.add_argument("--cover-font", metavar="FILE", help="A CJK font file for the cover (default: found via fontconfig).")
    p.add_argument("--encoding", metavar="NAME", help=_ENCODING)
    _flag(p, "--keep-print-order", "Keep continued articles in print order, with two-way links.")
    _flag(p, "--keep-quotes", "Traditional editions: keep “” instead of 「」.")
    _flag(p, "--vertical", "Traditional editions: vertical layout (right to left).")
    p.add_argument("-j", "--jobs", type=_jobs, default=os.cpu_count() or 1, metavar="N",
                   help="Issues built in parallel (default: the number of cores; never more processes than issues or 4 per core).")
    _flag(p, "--strict", "Treat warnings as errors.")
    _flag(p, "--proof", "Also write proof.html, the staff proof page, into each issue folder.")
    _flag(p, "--force", "Rebuild up-to-date issues, and replace folders built from a different input.")


def _check(p: argparse.ArgumentParser) -> None:
    p.add_argument("issues", nargs="+", metavar="ISSUES", help="Raw issue text files.")
    _flag(p, "--json", "Print the IR as JSON instead of a tree.")
    p.add_argument("--config", metavar="FILE", help=_CONFIG)
    p.add_argument("--encoding", metavar="NAME", help=_ENCODING)
    _flag(p, "--keep-print-order", "Show jumps as links instead of stitching.")
    _flag(p, "--strict", "Exit non-zero when there are warnings.")
    p.add_argument("-e", "--edition", metavar="EDITION", help="Also list every character where this Traditional edition differs from plain OpenCC, with the rule.")


def _proof(p: argparse.ArgumentParser) -> None:
    p.add_argument("issue", metavar="ISSUE", help="A raw issue text file.")
    p.add_argument("-o", "--output", metavar="FILE", help="The HTML file to write (default: ISSUE.proof.html beside the input).")
    _flag(p, "--open", "Open the page in the default browser.")
    p.add_argument("--config", metavar="FILE", help=_CONFIG)
    p.add_argument("--encoding", metavar="NAME", help=_ENCODING)
    _flag(p, "--keep-print-order", "Show jumps as links instead of stitching.")


def _catalog(p: argparse.ArgumentParser) -> None:
    p.add_argument("folder", metavar="FOLDER", help="The output folder of earlier builds.")


_DECLARE = {"build": _build, "check": _check, "proof": _proof, "catalog": _catalog}


def command_parser(name: str) -> argparse.ArgumentParser:
    """The parser of one command (``build``, ``check``, ``proof``, ``catalog``)."""
    parser = _Parser(prog=f"{PROG} {name}", description=COMMANDS[name])
    _DECLARE[name](parser)
    return parser


def root_help() -> str:
    """What ``rsbz-epub --help`` (and ``rsbz-epub`` alone) prints."""
    width = max(map(len, COMMANDS))
    rows = "\n".join(f"  {name:<{width}}  {about}" for name, about in COMMANDS.items())
    return (
        f"usage: {PROG} [--version] [--help] COMMAND [ARGS]...\n\n{ABOUT}\n\n"
        f"commands:\n{rows}\n\noptions:\n  --version  Show the version and exit.\n  --help     Show this message and exit.\n\n"
        f"`{PROG} COMMAND --help` shows a command's options.\n"
    )


def parse(argv: list[str]) -> tuple[str, argparse.Namespace]:
    """``argv`` → (command, its options); ``("help", …)`` / ``("version", …)`` for the root flags.

    Options and file names may come in any order (``build a.txt -o out b.txt``).
    """
    if not argv or argv[0] in ("-h", "--help"):
        return ("help" if argv else "usage"), argparse.Namespace()
    first = argv[0]
    if first == "--version":
        return "version", argparse.Namespace()
    if first not in COMMANDS:
        what = f"no such option: {first}" if first.startswith("-") else f"no such command '{first}'; choose from {', '.join(COMMANDS)}"
        raise UsageError(what)
    return first, command_parser(first).parse_intermixed_args(argv[1:])
