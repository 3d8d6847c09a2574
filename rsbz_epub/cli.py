"""The command line: parse arguments, print with rich, map errors to exit codes — nothing else."""

from __future__ import annotations

import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from rsbz_epub import __version__
from rsbz_epub.errors import ExitCode, RsbzError, format_error
from rsbz_epub.model import Diagnostic
from rsbz_epub.options import EDITIONS, FORMATS, BuildOptions, ReadOptions

# Path parameters are declared readable=False: access problems are reported by our own
# one-line errors (with the exit codes of the README), not as click usage errors.
app = typer.Typer(
    name="rsbz-epub",
    help="Turn the raw text of one newspaper issue into EPUB 3, Kindle (EPUB + AZW3) and Kobo e-books.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
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
    err.print(format_error(exc), markup=False, soft_wrap=True)
    return int(exc.exit_code)


def _internal(path: str, exc: BaseException) -> int:
    if os.environ.get("RSBZ_DEBUG"):
        raise exc
    err.print(
        f"error: {path}: internal error ({type(exc).__name__}: {exc}) — please report it with the input file; RSBZ_DEBUG=1 shows the traceback",
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

    return ReadOptions(publication=load_publication(config), encoding=encoding)


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
    return tuple(f for f in FORMATS if f in chosen)


def _print_diagnostics(diags: tuple[Diagnostic, ...], source: str) -> None:
    from rsbz_epub.report import diagnostics_text

    for line in diagnostics_text(diags, source):
        err.print(line, soft_wrap=True)


# ------------------------------------------------------------------ build


@dataclass
class _Result:
    """What a (possibly remote) build of one input reports back to the console."""

    source: str
    code: int = 0
    message: str = ""
    folders: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    diagnostics: tuple[Diagnostic, ...] = ()
    summary: str = ""


def _build_one(source: str, options: BuildOptions, out_dir: str) -> _Result:
    """Build and write one input; runs in a worker process under --jobs."""
    from rsbz_epub.bundle import build_issue, write_build
    from rsbz_epub.inputs import read_bytes
    from rsbz_epub.report import summary

    result = _Result(source)
    try:
        build = build_issue(read_bytes(Path(source)), options)
        result.diagnostics = build.diagnostics
        written = write_build(build, Path(out_dir))
        result.folders = [str(p) for p in written]
        result.files = [f.name for f in build.editions[0].files]
        result.summary = summary(build.issue)
    except RsbzError as exc:
        result.code, result.message = int(exc.exit_code), format_error(exc.with_path(source))
    except Exception as exc:  # noqa: BLE001 - reported per issue; the batch goes on
        if os.environ.get("RSBZ_DEBUG"):
            raise
        result.code = int(ExitCode.INTERNAL)
        result.message = f"error: {source}: internal error ({type(exc).__name__}: {exc}) — please report it with the input file"
    return result


def _report(result: _Result) -> None:
    if result.code:
        err.print(result.message, markup=False, soft_wrap=True)
        return
    for folder in result.folders:
        out.print(f"[green]✓[/] {result.source} → {folder}/", soft_wrap=True)
    out.print(f"  [dim]{result.summary}[/]", soft_wrap=True)
    # build shows what looks wrong; `check` also lists the info-level notes.
    _print_diagnostics(tuple(d for d in result.diagnostics if d.severity == "warning"), result.source)


def _run_builds(sources: list[str], options: BuildOptions, out_dir: Path, jobs: int) -> list[_Result]:
    if jobs <= 1 or len(sources) == 1:
        results = []
        for src in sources:
            res = _build_one(src, options, str(out_dir))
            _report(res)
            results.append(res)
        return results
    results = []
    with Progress(TextColumn("building"), BarColumn(), MofNCompleteColumn(), console=err, transient=True) as bar:
        task = bar.add_task("build", total=len(sources))
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(_build_one, src, options, str(out_dir)) for src in sources]
            for fut in as_completed(futures):
                res = fut.result()
                _report(res)
                results.append(res)
                bar.advance(task)
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
    jobs: int = typer.Option(max(1, min(4, os.cpu_count() or 1)), "--jobs", "-j", min=1, help="Issues built in parallel."),
    strict: bool = typer.Option(False, "--strict", help="Treat warnings as errors."),
) -> None:
    """Build e-books for each issue: one folder per issue and edition, written atomically."""
    for name in edition:
        if name not in EDITIONS:
            raise typer.BadParameter(f"unknown edition '{name}'; choose from {', '.join(EDITIONS)}", param_hint="--edition")
    formats = _parse_formats(fmt)

    def body() -> int:
        from rsbz_epub.bundle import ensure_output_dir
        from rsbz_epub.inputs import load_text

        options = BuildOptions(
            editions=tuple(edition),
            formats=formats,
            keep_print_order=keep_print_order,
            keep_quotes=keep_quotes,
            vertical=vertical,
            extra_css=load_text(css, "stylesheet"),
            cover_font=str(cover_font) if cover_font else None,
            strict=strict,
            read=_read_options(config, encoding),
        )
        ensure_output_dir(output)
        results = _run_builds([str(p) for p in issues], options, output, jobs)
        failed = [r for r in results if r.code]
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
                out.print(issue_tree(issue, source))
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
    if worst:
        raise typer.Exit(worst if len(issues) == 1 else max(worst, int(ExitCode.FAILED)))


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
    """Write an OPDS 1.2 feed (catalog.xml) and an HTML index (index.html) over built issues."""

    def body() -> int:
        from rsbz_epub.catalog import build_catalog, scan_catalog_dir
        from rsbz_epub.errors import InputError
        from rsbz_epub.bundle import write_atomic

        if not folder.is_dir():
            raise InputError("not a folder", path=str(folder), hint="give the folder you built issues into with -o")
        issues = scan_catalog_dir(folder)
        if not issues:
            raise InputError("no built issues (no */manifest.json)", path=str(folder), hint="run `rsbz-epub build … -o` into it first")
        for name, data in sorted(build_catalog(issues).items()):
            write_atomic(folder / name, data)
            out.print(f"[green]✓[/] {folder / name}")
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
