"""Many issues in one run: plan every input's folders, refuse clashes, skip what is up to date, build the rest.

``run_batch`` yields one :class:`Result` per input as it finishes (the CLI prints them
and keeps the progress bar); it never prints and never exits.  Steps, in order:

1. recover   — finish or undo what an interrupted earlier build left in the output folder.
2. hash      — each input's SHA-256; with the options and version it says whether the
               folders in the output were built from it already (then it is skipped).
3. plan      — the others are read (not built) to learn their folder names.
4. clashes   — two inputs that map to one folder are refused before anything is written.
5. build     — each remaining issue is built and swapped into place, in parallel.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rsbz_epub.errors import ClashError, ExitCode, RsbzError, format_error
from rsbz_epub.model import Diagnostic
from rsbz_epub.options import BuildOptions

#: At most this many worker processes per core: more only adds start-up cost and memory.
WORKERS_PER_CORE = 4


def worker_count(requested: int, tasks: int, cores: int | None = None) -> int:
    """Processes to start: as asked, but never more than the tasks or WORKERS_PER_CORE × cores."""
    cores = cores or os.cpu_count() or 1
    return max(1, min(requested, tasks, WORKERS_PER_CORE * cores))


@dataclass
class Result:
    """What became of one input (small: it travels back from a worker process)."""

    source: str
    status: str = "built"  # built | skipped | failed
    code: int = 0
    message: str = ""
    folders: list[str] = field(default_factory=list)
    diagnostics: tuple[Diagnostic, ...] = ()
    summary: str = ""
    kept: list[str] = field(default_factory=list)


@dataclass
class _Plan:
    source: str
    folders: list[str] = field(default_factory=list)
    failure: Result | None = None


def _failed(source: str, exc: BaseException) -> Result:
    if isinstance(exc, RsbzError):
        return Result(source, "failed", int(exc.exit_code), format_error(exc.with_path(source)))
    if os.environ.get("RSBZ_DEBUG"):
        raise exc
    return Result(
        source,
        "failed",
        int(ExitCode.INTERNAL),
        f"error: {source}: internal error ({type(exc).__name__}: {exc}) — please report it with the input file",
    )


def _plan_one(source: str, options: BuildOptions) -> _Plan:
    """Read an input far enough to know its folder names (worker)."""
    from rsbz_epub.bundle import issue_folders, prepare_issue
    from rsbz_epub.inputs import read_bytes

    try:
        issue = prepare_issue(read_bytes(Path(source)), options)
        return _Plan(source, issue_folders(issue, options))
    except Exception as exc:  # noqa: BLE001 - reported per input; the batch goes on
        return _Plan(source, failure=_failed(source, exc))


def build_one(source: str, options: BuildOptions, out_dir: str, force: bool = False) -> Result:
    """Build and write one input (worker)."""
    from rsbz_epub.bundle import build_and_write
    from rsbz_epub.inputs import read_bytes
    from rsbz_epub.report import summary

    try:
        build, written = build_and_write(read_bytes(Path(source)), options, Path(out_dir), Path(source).name, force=force)
        return Result(source, "built", 0, "", [p.name for p in written], build.diagnostics, summary(build.issue), build.kept_files)
    except Exception as exc:  # noqa: BLE001 - reported per input; the batch goes on
        return _failed(source, exc)


def _unique(sources: list[str]) -> list[str]:
    """The inputs, each file once (the same path given twice is one input)."""
    seen: set[str] = set()
    result = []
    for src in sources:
        key = os.path.realpath(src)
        if key not in seen:
            seen.add(key)
            result.append(src)
    return result


def check_clashes(claims: list[tuple[str, list[str]]]) -> None:
    """Raise ClashError when two inputs map to one output folder."""
    owner: dict[str, str] = {}
    for source, folders in claims:
        for folder in folders:
            first = owner.setdefault(folder, source)
            if first != source:
                raise ClashError(
                    f"{first} and {source} both map to the folder {folder}/; nothing was written",
                    path=source,
                    hint="build them into different -o folders, or fix the masthead date/number of one",
                )


class Batch:
    """One run of ``build`` over many inputs; iterate :meth:`run` for the results."""

    def __init__(self, sources: list[str], options: BuildOptions, out_dir: Path, jobs: int, force: bool = False) -> None:
        self.sources = _unique(sources)
        self.options = options
        self.out_dir = out_dir
        self.jobs = jobs
        self.force = force
        self.recovered: list[str] = []
        self.workers = 1

    def run(self) -> Iterator[Result]:
        """Plan everything (raising ClashError before any write), then yield results as they come."""
        from rsbz_epub.bundle import _editions, build_epoch, ensure_output_dir, input_digest
        from rsbz_epub.incremental import OutputIndex, build_record
        from rsbz_epub.swap import recover

        ensure_output_dir(self.out_dir)
        self.recovered = recover(self.out_dir)
        index = OutputIndex(self.out_dir)
        epoch = build_epoch(self.options)
        editions = _editions(self.options)
        done: list[Result] = []
        claims: list[tuple[str, list[str]]] = []
        to_plan: list[str] = []
        for src in self.sources:
            try:
                from rsbz_epub.inputs import read_bytes

                digest = input_digest(read_bytes(Path(src)))
            except RsbzError as exc:
                done.append(_failed(src, exc))
                continue
            folders = None if self.force else index.up_to_date(build_record(Path(src).name, digest, self.options, epoch), editions)
            if folders is None:
                to_plan.append(src)
            else:
                done.append(Result(src, "skipped", folders=folders))
                claims.append((src, folders))
        self.workers = worker_count(self.jobs, len(to_plan))
        with _Pool(self.workers) as pool:
            to_build = []
            # one input alone cannot clash: it is built without being read twice
            plans = pool.map(_plan_one, [(src, self.options) for src in to_plan]) if len(to_plan) + len(claims) > 1 else [_Plan(src) for src in to_plan]
            for plan in plans:
                if plan.failure:
                    done.append(plan.failure)
                else:
                    to_build.append(plan.source)
                    claims.append((plan.source, plan.folders))
            order = {src: i for i, src in enumerate(self.sources)}
            check_clashes(sorted(claims, key=lambda c: order[c[0]]))
            yield from done
            yield from pool.map(build_one, [(src, self.options, str(self.out_dir), self.force) for src in to_build])


class _Pool:
    """Run calls in worker processes (or in this one for one worker), a bounded window at a time.

    Only ``2 × workers`` calls are in flight, so a 1,000-issue run holds a handful of
    results, never all of them; results come back as they finish.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.executor = None

    def __enter__(self) -> "_Pool":
        if self.workers > 1:
            from concurrent.futures import ProcessPoolExecutor

            self.executor = ProcessPoolExecutor(max_workers=self.workers)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)

    def map(self, fn, calls: list[tuple]) -> Iterator:  # type: ignore[no-untyped-def]
        if self.executor is None:
            for args in calls:
                yield fn(*args)
            return
        from concurrent.futures import FIRST_COMPLETED, wait

        pending: set = set()
        queue = iter(calls)
        while True:
            for args in queue:
                pending.add(self.executor.submit(fn, *args))
                if len(pending) >= 2 * self.workers:
                    break
            if not pending:
                return
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for fut in finished:
                yield fut.result()
