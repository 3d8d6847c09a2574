"""The command line: parse arguments, print (rsbz_epub.console), map errors to exit codes — nothing else."""

from __future__ import annotations

import json
import os
import sys
from argparse import Namespace
from pathlib import Path
from typing import Any, Callable, Optional

from rsbz_epub import __version__
from rsbz_epub.arguments import COMMANDS, UsageError, bad_value, parse, root_help
from rsbz_epub.console import Part, Stream, plain
from rsbz_epub.errors import ExitCode, RsbzError, format_error
from rsbz_epub.model import Diagnostic
from rsbz_epub.options import EDITIONS, FORMATS, BuildOptions, ReadOptions

out = Stream()
err = Stream(stderr=True)


def _fail(exc: RsbzError) -> int:
    err.line(format_error(exc))
    return int(exc.exit_code)


def _internal(path: str, exc: BaseException) -> int:
    if os.environ.get("RSBZ_DEBUG"):
        raise exc
    err.line(f"error: {path}: internal error ({type(exc).__name__}: {exc}) — please report it with the input file; RSBZ_DEBUG=1 shows the traceback")
    return int(ExitCode.INTERNAL)


def _guard(path: str, body: Callable[[], int]) -> int:
    """Run a command body; any error becomes one line and an exit code, never a traceback."""
    try:
        return body()
    except RsbzError as exc:
        return _fail(exc.with_path(path))
    except KeyboardInterrupt:
        raise
    except Exception as exc:  # noqa: BLE001 - the edge turns bugs into a clear line too
        return _internal(path, exc)


def _read_options(config: Optional[Path], encoding: Optional[str]) -> ReadOptions:
    from rsbz_epub.inputs import load_publication

    return ReadOptions(publication=load_publication(config), encoding=_check_encoding(encoding))


def _check_encoding(name: Optional[str]) -> Optional[str]:
    """A text codec Python knows, or a usage error (rot13 and base64 are codecs, not text encodings)."""
    if name is None:
        return None
    import codecs

    try:
        info = codecs.lookup(name)
    except LookupError:
        info = None
    if info is None or not getattr(info, "_is_text_encoding", True):
        raise bad_value("--encoding", f"'{name}' is not a text encoding; use e.g. utf-8, gb18030, big5")
    return name


def _source_date_epoch() -> Optional[int]:
    from rsbz_epub.identity import source_date_epoch_from_env

    try:
        return source_date_epoch_from_env()
    except ValueError as exc:
        raise bad_value("SOURCE_DATE_EPOCH", f"{exc}; unset it or give seconds since 1970") from None


def _parse_formats(values: list[str]) -> tuple[str, ...]:
    chosen: list[str] = []
    for value in values or [",".join(FORMATS)]:
        for name in value.split(","):
            name = name.strip().lower()
            if name == "all":
                chosen.extend(FORMATS)
            elif name in FORMATS:
                chosen.append(name)
            elif name:
                raise bad_value("--format", f"unknown format '{name}'; choose from {', '.join(FORMATS)}")
    if not chosen:
        raise bad_value("--format", f"no format named; choose from {', '.join(FORMATS)} or all")
    return tuple(f for f in FORMATS if f in chosen)


def _print_diagnostics(diags: tuple[Diagnostic, ...], source: str) -> None:
    from rsbz_epub.console import diagnostic_lines

    for line in diagnostic_lines(diags, source):
        err.line(line)


# ------------------------------------------------------------------ build


def _report(result: Any, done: int, total: int) -> None:
    """One input's outcome: its folders, or why it was skipped or failed, then its warnings."""
    count: Part = (f"[{done}/{total}] ", "dim") if total > 1 else ""
    if result.status == "failed":
        err.line(result.message)
        return
    if result.status == "skipped":
        folders = ", ".join(f"{f}/" for f in result.folders)
        out.line(("=", "cyan"), " ", count, f"{result.source}: up to date ({folders}); --force rebuilds")
        return
    for folder in result.folders:
        out.line(("✓", "green"), " ", count, f"{result.source} → {folder}/")
    out.line("  ", (result.summary, "dim"))
    if result.kept:
        out.line(f"  kept {len(result.kept)} file(s) you added: {', '.join(result.kept)}")
    # build shows what looks wrong; `check` also lists the info-level notes.
    _print_diagnostics(tuple(d for d in result.diagnostics if d.severity == "warning"), result.source)


def _run_batch(batch: Any) -> list[Any]:
    import contextlib
    import time

    from rsbz_epub.console import progress, summary_table

    started = time.monotonic()
    total = len(batch.sources)
    results: list[Any] = []
    show_bar = total > 1 and err.is_terminal
    with progress(err.console) if show_bar else contextlib.nullcontext() as bar:
        task = bar.add_task("build", total=total) if bar else None
        for result in batch.run():
            if not results:
                for note in batch.recovered:
                    err.line(f"note: {batch.out_dir}: {note}")
            results.append(result)
            _report(result, len(results), total)
            if bar:
                bar.advance(task)
    if total > 1:
        out.show(summary_table(results, time.monotonic() - started))
    return results


def build(args: Namespace) -> int:
    """Build e-books for each issue: one folder per issue and edition, written atomically."""
    for name in args.edition:
        if name not in EDITIONS:
            raise bad_value("--edition", f"unknown edition '{name}'; choose from {', '.join(EDITIONS)}")
    formats = _parse_formats(args.fmt)
    config, css, encoding = _path(args.config), _path(args.css), args.encoding
    output = Path(args.output)

    epoch = _source_date_epoch()
    _check_encoding(encoding)

    def body() -> int:
        from rsbz_epub.batch import Batch
        from rsbz_epub.inputs import load_stylesheet

        options = BuildOptions(
            editions=tuple(args.edition),
            formats=formats,
            keep_print_order=args.keep_print_order,
            keep_quotes=args.keep_quotes,
            vertical=args.vertical,
            extra_css=load_stylesheet(css),
            cover_font=args.cover_font,
            strict=args.strict,
            proof=args.proof,
            source_date_epoch=epoch,
            read=_read_options(config, encoding),
        )
        results = _run_batch(Batch([str(Path(p)) for p in args.issues], options, output, args.jobs, args.force))
        failed = [r for r in results if r.status == "failed"]
        if not failed:
            return 0
        if len(results) == 1:
            return failed[0].code
        err.line(f"{len(failed)} of {len(results)} issue(s) failed")
        return int(ExitCode.FAILED)

    return _guard(str(output), body)


# ------------------------------------------------------------------ check


def check(args: Namespace) -> int:
    """Parse only: show pages, articles, paragraphs, jumps and warnings with input lines."""
    edition, as_json, strict = args.edition, args.json, args.strict
    issues = [Path(p) for p in args.issues]
    if edition is not None and (edition not in EDITIONS or EDITIONS[edition][0] is None):
        traditional = ", ".join(e for e, row in EDITIONS.items() if row[0])
        raise bad_value("--edition", f"unknown Traditional edition '{edition}'; choose from {traditional}")
    from rsbz_epub.dump import issue_to_dict
    from rsbz_epub.inputs import read_bytes
    from rsbz_epub.report import conversion_lines, issue_tree, summary

    worst = 0
    dumps = []
    _check_encoding(args.encoding)
    try:
        options = _read_options(_path(args.config), args.encoding)
    except RsbzError as exc:
        return _fail(exc)
    build_options = BuildOptions(read=options, keep_print_order=args.keep_print_order)
    for path in issues:
        source = str(path)

        def body() -> int:
            from rsbz_epub.bundle import prepare_issue

            issue = prepare_issue(read_bytes(path), build_options)
            review = _conversion_review(issue, edition) if edition else None
            if as_json:
                dumps.append(issue_to_dict(issue) | ({"conversion": review} if review is not None else {}))
            else:
                out.show(issue_tree(issue, plain(source)))
                out.line((summary(issue), "dim"))
                _print_diagnostics(issue.diagnostics, source)
                if review is not None:
                    for line in conversion_lines(review, source, edition):
                        out.line(line)
            if strict and any(d.severity == "warning" for d in issue.diagnostics):
                return int(ExitCode.WARNINGS)
            return 0

        worst = max(worst, _guard(source, body))
    if as_json:
        payload = dumps[0] if len(issues) == 1 and dumps else dumps
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    if worst:  # several inputs: 1, as for build (each problem was reported on its own line)
        return worst if len(issues) == 1 else int(ExitCode.FAILED)
    return 0


# ------------------------------------------------------------------ proof


def proof_command(args: Namespace) -> int:
    """Write a proof page: the input line by line with what the reader decided, beside the result."""
    issue = Path(args.issue)
    target = Path(args.output) if args.output else issue.with_name(issue.name.removesuffix(".txt") + ".proof.html")

    def body() -> int:
        from rsbz_epub.bundle import write_atomic
        from rsbz_epub.inputs import read_bytes
        from rsbz_epub.proof import build_proof

        options = BuildOptions(read=_read_options(_path(args.config), args.encoding), keep_print_order=args.keep_print_order)
        page = build_proof(read_bytes(issue), options, issue.name)
        _ensure_parent(target)
        write_atomic(target, page)
        out.line(("✓", "green"), f" {issue} → {target}")
        if args.open:
            import webbrowser

            webbrowser.open(target.resolve().as_uri())
        return 0

    return _guard(str(issue), body)


def _ensure_parent(path: Path) -> None:
    from rsbz_epub.bundle import ensure_output_dir

    from rsbz_epub.errors import OutputError

    try:
        is_dir = path.is_dir()
    except OSError as exc:  # a name too long, a loop of symbolic links
        raise OutputError(f"cannot write there ({exc.strerror})", path=str(path), hint="give a shorter file name with -o") from None
    if is_dir:
        raise OutputError("output path is a folder", path=str(path), hint="give a file name such as proof.html with -o")
    ensure_output_dir(path.parent if str(path.parent) else Path("."))


def _conversion_review(issue: object, edition: str) -> list[dict[str, object]]:
    """Where the edition's conversion differs from plain OpenCC (loads the segmenter: only on request)."""
    import dataclasses

    from rsbz_epub.transforms.review import differences

    return [dataclasses.asdict(d) for d in differences(issue, edition)]  # type: ignore[arg-type]


# ------------------------------------------------------------------ catalog


def catalog(args: Namespace) -> int:
    """Write OPDS 1.2 (catalog.xml) and OPDS 2.0 (catalog.json) feeds and an HTML index (index.html) over built issues."""
    folder = Path(args.folder)

    def body() -> int:
        from rsbz_epub.catalog import build_catalog, scan_catalog_dir
        from rsbz_epub.errors import InputError
        from rsbz_epub.files import write_all

        try:
            is_dir = folder.is_dir()
        except OSError as exc:  # a name too long, a loop of symbolic links
            raise InputError(f"cannot read ({exc.strerror})", path=str(folder), hint="check the folder's path") from None
        if not is_dir:
            raise InputError("not a folder", path=str(folder), hint="give the folder you built issues into with -o")
        scan = scan_catalog_dir(folder)
        for path, reason in scan.skipped:
            err.line(f"warning: {path}: manifest skipped ({reason}) — rebuild this issue")
        if not scan.issues:
            raise InputError("no built issues (no readable */manifest.json)", path=str(folder), hint="run `rsbz-epub build … -o` into it first")
        files = build_catalog(scan.issues)
        write_all(folder, files)  # all three or none: a feed never points past its index
        for name in sorted(files):
            out.line(("✓", "green"), f" {folder / name}")
        return 0

    return _guard(str(folder), body)


_COMMANDS: dict[str, Callable[[Namespace], int]] = {"build": build, "check": check, "proof": proof_command, "catalog": catalog}


def _path(value: Optional[str]) -> Optional[Path]:
    return Path(value) if value is not None else None


def _never_fail_to_show() -> None:
    """A terminal or pipe whose encoding lacks a character (PYTHONIOENCODING=ascii, a cp1252 console) shows
    it as an escape (\\u2713) instead of ending the run with an encoding error."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass  # a closed or detached stream: nothing to show on anyway


def main(argv: list[str] | None = None) -> int:
    """Entry point: run one command and return its exit code (tests call this directly)."""
    argv = sys.argv[1:] if argv is None else list(argv)
    _never_fail_to_show()
    try:
        command, args = parse(argv)
        if command in ("help", "usage"):  # `rsbz-epub` alone shows the help too, as a usage error
            sys.stdout.write(root_help())
            return 0 if command == "help" else int(ExitCode.USAGE)
        if command == "version":
            out.line(f"rsbz-epub {__version__}")
            return 0
        return _COMMANDS[command](args)
    except UsageError as exc:
        if exc.command is None and argv and argv[0] in COMMANDS:
            exc.command = argv[0]  # a bad value found by the command itself
        err.line(exc.line())
        return int(ExitCode.USAGE)
    except SystemExit as exc:  # argparse after a command's --help
        return exc.code if isinstance(exc.code, int) else 0
    except KeyboardInterrupt:
        err.line("error: aborted")
        return int(ExitCode.FAILED)
