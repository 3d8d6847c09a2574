"""The command line: parse arguments, print with rich, map errors to exit codes — nothing else."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any, Callable, Optional

import typer
from rich.console import Console
from typer.core import TyperGroup

from rsbz_epub import __version__
from rsbz_epub.console import plain, shown
from rsbz_epub.errors import ExitCode, RsbzError, format_error
from rsbz_epub.model import Diagnostic
from rsbz_epub.options import EDITIONS, FORMATS, BuildOptions, ReadOptions


class _OneLineErrors(TyperGroup):
    """Usage errors as one ``error:`` line (exit 2), like every other error, not a box."""

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        try:
            from typer._click.exceptions import ClickException
        except ImportError:  # typer before 0.20 used click itself
            from click.exceptions import ClickException  # type: ignore[no-redef]
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except ClickException as exc:
            if type(exc).__name__ == "NoArgsIsHelpError":  # `rsbz-epub` alone shows the help
                exc.show()
                return exc.exit_code if not standalone_mode else sys.exit(exc.exit_code)
            usage = f" — see `{exc.ctx.command_path} --help`" if getattr(exc, "ctx", None) is not None else ""
            err.print(f"error: {plain(exc.format_message()).rstrip('.')}{usage}", markup=False, soft_wrap=True, highlight=False)
            code = exc.exit_code
        except typer.Abort:
            err.print("error: aborted", markup=False)
            code = 1
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)


# Path parameters are declared readable=False: access problems are reported by our own
# one-line errors (with the exit codes of the README), not as click usage errors.
app = typer.Typer(
    name="rsbz-epub",
    help="Turn the raw text of one newspaper issue into EPUB 3, Kindle (EPUB + AZW3) and Kobo e-books.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    cls=_OneLineErrors,
)
out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


def _version(value: bool) -> None:
    if value:
        out.print(f"rsbz-epub {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """rsbz-epub: one command per issue."""


def _fail(exc: RsbzError) -> int:
    err.print(plain(format_error(exc)), markup=False, soft_wrap=True)
    return int(exc.exit_code)


def _internal(path: str, exc: BaseException) -> int:
    if os.environ.get("RSBZ_DEBUG"):
        raise exc
    err.print(
        plain(f"error: {path}: internal error ({type(exc).__name__}: {exc}) — please report it with the input file; RSBZ_DEBUG=1 shows the traceback"),
        markup=False,
        soft_wrap=True,
    )
    return int(ExitCode.INTERNAL)


def _guard(path: str, body: Callable[[], int]) -> int:
    """Run a command body; any error becomes one line and an exit code, never a traceback."""
    try:
        return body()
    except RsbzError as exc:
        return _fail(exc.with_path(path))
    except (KeyboardInterrupt, typer.Exit, typer.Abort):
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
        raise typer.BadParameter(f"'{name}' is not a text encoding; use e.g. utf-8, gb18030, big5", param_hint="--encoding")
    return name


def _source_date_epoch() -> Optional[int]:
    from rsbz_epub.identity import source_date_epoch_from_env

    try:
        return source_date_epoch_from_env()
    except ValueError as exc:
        raise typer.BadParameter(f"{exc}; unset it or give seconds since 1970", param_hint="SOURCE_DATE_EPOCH") from None


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
                raise typer.BadParameter(f"unknown format '{name}'; choose from {', '.join(FORMATS)}", param_hint="--format")
    if not chosen:
        raise typer.BadParameter(f"no format named; choose from {', '.join(FORMATS)} or all", param_hint="--format")
    return tuple(f for f in FORMATS if f in chosen)


def _print_diagnostics(diags: tuple[Diagnostic, ...], source: str) -> None:
    from rsbz_epub.report import diagnostics_text

    for line in diagnostics_text(diags, plain(source)):
        err.print(line, soft_wrap=True)


# ------------------------------------------------------------------ build


def _report(result: Any, done: int, total: int) -> None:
    """One input's outcome: its folders, or why it was skipped or failed, then its warnings."""
    count = f"[dim]\\[{done}/{total}][/] " if total > 1 else ""
    if result.status == "failed":
        err.print(plain(result.message), markup=False, soft_wrap=True)
        return
    if result.status == "skipped":
        folders = ", ".join(f"{shown(f)}/" for f in result.folders)
        out.print(f"[cyan]=[/] {count}{shown(result.source)}: up to date ({folders}); --force rebuilds", soft_wrap=True)
        return
    for folder in result.folders:
        out.print(f"[green]✓[/] {count}{shown(result.source)} → {shown(folder)}/", soft_wrap=True)
    out.print(f"  [dim]{shown(result.summary)}[/]", soft_wrap=True)
    if result.kept:
        out.print(f"  kept {len(result.kept)} file(s) you added: {shown(', '.join(result.kept))}", soft_wrap=True)
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
    with progress(err) if show_bar else contextlib.nullcontext() as bar:
        task = bar.add_task("build", total=total) if bar else None
        for result in batch.run():
            if not results:
                for note in batch.recovered:
                    err.print(f"note: {shown(str(batch.out_dir))}: {shown(note)}", soft_wrap=True)
            results.append(result)
            _report(result, len(results), total)
            if bar:
                bar.advance(task)
    if total > 1:
        out.print(summary_table(results, time.monotonic() - started))
    return results


@app.command()
def build(
    issues: list[Path] = typer.Argument(..., help="Raw issue text files.", show_default=False, readable=False),
    output: Path = typer.Option(Path("out"), "-o", "--output", help="Folder to write issue folders into.", readable=False),
    edition: list[str] = typer.Option([], "--edition", "-e", help="Also build a Traditional edition: hant, tw, hk, twp (repeatable)."),
    fmt: list[str] = typer.Option([], "--format", "-f", help="Formats, comma-separated: epub,kindle,azw3,kepub (default: all)."),
    config: Optional[Path] = typer.Option(None, "--config", help="Publication config (TOML) for another paper.", readable=False),
    css: Optional[Path] = typer.Option(None, "--css", help="A house stylesheet added after the built-in one.", readable=False),
    cover_font: Optional[Path] = typer.Option(None, "--cover-font", help="A CJK font file for the cover (default: found via fontconfig).", readable=False),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Force the input encoding (default: detect)."),
    keep_print_order: bool = typer.Option(False, "--keep-print-order", help="Keep continued articles in print order, with two-way links."),
    keep_quotes: bool = typer.Option(False, "--keep-quotes", help="Traditional editions: keep “” instead of 「」."),
    vertical: bool = typer.Option(False, "--vertical", help="Traditional editions: vertical layout (right to left)."),
    jobs: int = typer.Option(os.cpu_count() or 1, "--jobs", "-j", min=1, max=1024, help="Issues built in parallel (default: the number of cores; never more processes than issues or 4 per core).", show_default=False),
    strict: bool = typer.Option(False, "--strict", help="Treat warnings as errors."),
    proof: bool = typer.Option(False, "--proof", help="Also write proof.html, the staff proof page, into each issue folder."),
    force: bool = typer.Option(False, "--force", help="Rebuild up-to-date issues, and replace folders built from a different input."),
) -> None:
    """Build e-books for each issue: one folder per issue and edition, written atomically."""
    for name in edition:
        if name not in EDITIONS:
            raise typer.BadParameter(f"unknown edition '{name}'; choose from {', '.join(EDITIONS)}", param_hint="--edition")
    formats = _parse_formats(fmt)

    epoch = _source_date_epoch()
    _check_encoding(encoding)

    def body() -> int:
        from rsbz_epub.batch import Batch
        from rsbz_epub.inputs import load_stylesheet

        options = BuildOptions(
            editions=tuple(edition),
            formats=formats,
            keep_print_order=keep_print_order,
            keep_quotes=keep_quotes,
            vertical=vertical,
            extra_css=load_stylesheet(css),
            cover_font=str(cover_font) if cover_font else None,
            strict=strict,
            proof=proof,
            source_date_epoch=epoch,
            read=_read_options(config, encoding),
        )
        results = _run_batch(Batch([str(p) for p in issues], options, output, jobs, force))
        failed = [r for r in results if r.status == "failed"]
        if not failed:
            return 0
        if len(results) == 1:
            return failed[0].code
        err.print(f"{len(failed)} of {len(results)} issue(s) failed", markup=False)
        return int(ExitCode.FAILED)

    code = _guard(str(output), body)
    if code:
        raise typer.Exit(code)


# ------------------------------------------------------------------ check


@app.command()
def check(
    issues: list[Path] = typer.Argument(..., help="Raw issue text files.", show_default=False, readable=False),
    as_json: bool = typer.Option(False, "--json", help="Print the IR as JSON instead of a tree."),
    config: Optional[Path] = typer.Option(None, "--config", help="Publication config (TOML) for another paper.", readable=False),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Force the input encoding (default: detect)."),
    keep_print_order: bool = typer.Option(False, "--keep-print-order", help="Show jumps as links instead of stitching."),
    strict: bool = typer.Option(False, "--strict", help="Exit non-zero when there are warnings."),
    edition: Optional[str] = typer.Option(
        None, "--edition", "-e", help="Also list every character where this Traditional edition differs from plain OpenCC, with the rule."
    ),
) -> None:
    """Parse only: show pages, articles, paragraphs, jumps and warnings with input lines."""
    if edition is not None and (edition not in EDITIONS or EDITIONS[edition][0] is None):
        traditional = ", ".join(e for e, row in EDITIONS.items() if row[0])
        raise typer.BadParameter(f"unknown Traditional edition '{edition}'; choose from {traditional}", param_hint="--edition")
    from rsbz_epub.dump import issue_to_dict
    from rsbz_epub.inputs import read_bytes
    from rsbz_epub.report import conversion_lines, issue_tree, summary

    worst = 0
    dumps = []
    _check_encoding(encoding)
    try:
        options = _read_options(config, encoding)
    except RsbzError as exc:
        raise typer.Exit(_fail(exc)) from None
    build_options = BuildOptions(read=options, keep_print_order=keep_print_order)
    for path in issues:
        source = str(path)

        def body() -> int:
            from rsbz_epub.bundle import prepare_issue

            issue = prepare_issue(read_bytes(path), build_options)
            review = _conversion_review(issue, edition) if edition else None
            if as_json:
                dumps.append(issue_to_dict(issue) | ({"conversion": review} if review is not None else {}))
            else:
                out.print(issue_tree(issue, plain(source)))
                out.print(f"[dim]{summary(issue)}[/]")
                _print_diagnostics(issue.diagnostics, source)
                if review is not None:
                    for text in conversion_lines(review, source, edition):
                        out.print(text)
            if strict and any(d.severity == "warning" for d in issue.diagnostics):
                return int(ExitCode.WARNINGS)
            return 0

        worst = max(worst, _guard(source, body))
    if as_json:
        payload = dumps[0] if len(issues) == 1 and dumps else dumps
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    if worst:  # several inputs: 1, as for build (each problem was reported on its own line)
        raise typer.Exit(worst if len(issues) == 1 else int(ExitCode.FAILED))


# ------------------------------------------------------------------ proof


@app.command("proof")
def proof_command(
    issue: Path = typer.Argument(..., help="A raw issue text file.", show_default=False, readable=False),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="The HTML file to write (default: ISSUE.proof.html beside the input).", readable=False),
    open_page: bool = typer.Option(False, "--open", help="Open the page in the default browser."),
    config: Optional[Path] = typer.Option(None, "--config", help="Publication config (TOML) for another paper.", readable=False),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Force the input encoding (default: detect)."),
    keep_print_order: bool = typer.Option(False, "--keep-print-order", help="Show jumps as links instead of stitching."),
) -> None:
    """Write a proof page: the input line by line with what the reader decided, beside the result."""
    target = output or issue.with_name(issue.name.removesuffix(".txt") + ".proof.html")

    def body() -> int:
        from rsbz_epub.bundle import write_atomic
        from rsbz_epub.inputs import read_bytes
        from rsbz_epub.proof import build_proof

        options = BuildOptions(read=_read_options(config, encoding), keep_print_order=keep_print_order)
        page = build_proof(read_bytes(issue), options, issue.name)
        _ensure_parent(target)
        write_atomic(target, page)
        out.print(f"[green]✓[/] {issue} → {target}", soft_wrap=True)
        if open_page:
            import webbrowser

            webbrowser.open(target.resolve().as_uri())
        return 0

    code = _guard(str(issue), body)
    if code:
        raise typer.Exit(code)


def _ensure_parent(path: Path) -> None:
    from rsbz_epub.bundle import ensure_output_dir

    if path.is_dir():
        from rsbz_epub.errors import OutputError

        raise OutputError("output path is a folder", path=str(path), hint="give a file name such as proof.html with -o")
    ensure_output_dir(path.parent if str(path.parent) else Path("."))


def _conversion_review(issue: object, edition: str) -> list[dict[str, object]]:
    """Where the edition's conversion differs from plain OpenCC (loads the segmenter: only on request)."""
    import dataclasses

    from rsbz_epub.transforms.review import differences

    return [dataclasses.asdict(d) for d in differences(issue, edition)]  # type: ignore[arg-type]


# ------------------------------------------------------------------ catalog


@app.command()
def catalog(
    folder: Path = typer.Argument(..., help="The output folder of earlier builds.", show_default=False, readable=False),
) -> None:
    """Write OPDS 1.2 (catalog.xml) and OPDS 2.0 (catalog.json) feeds and an HTML index (index.html) over built issues."""

    def body() -> int:
        from rsbz_epub.catalog import build_catalog, scan_catalog_dir
        from rsbz_epub.errors import InputError
        from rsbz_epub.files import write_all

        if not folder.is_dir():
            raise InputError("not a folder", path=str(folder), hint="give the folder you built issues into with -o")
        scan = scan_catalog_dir(folder)
        for path, reason in scan.skipped:
            err.print(f"warning: {plain(str(path))}: manifest skipped ({plain(reason)}) — rebuild this issue", markup=False, soft_wrap=True)
        if not scan.issues:
            raise InputError("no built issues (no readable */manifest.json)", path=str(folder), hint="run `rsbz-epub build … -o` into it first")
        files = build_catalog(scan.issues)
        write_all(folder, files)  # all three or none: a feed never points past its index
        for name in sorted(files):
            out.print(f"[green]✓[/] {shown(str(folder / name))}")
        return 0

    code = _guard(str(folder), body)
    if code:
        raise typer.Exit(code)


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the app and return its exit code (tests call this directly)."""
    try:
        app(args=argv, prog_name="rsbz-epub")
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return 0
