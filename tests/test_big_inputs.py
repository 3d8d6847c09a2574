"""Big inputs: a 1 MB text without any line break is read as one article; a 5 MB issue builds
every format with memory in proportion."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cli_support import CliRunner

from build_support import CJK
from rsbz_epub.bundle import prepare_issue
from rsbz_epub.cli import main
from rsbz_epub.options import BuildOptions
from support import needs_java, run_epubcheck

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "rsbz-2021-40.txt"
PARA = "上海市近日举办职业技能竞赛，来自全市各行业的选手在比赛中展示了精湛的技艺，赛事吸引了众多市民前来观看。"


def one_line_megabyte() -> bytes:
    return (PARA * (1_000_000 // len(PARA.encode()) + 1)).encode("utf-8")


def test_a_megabyte_without_line_breaks_is_one_article():
    data = one_line_megabyte()
    issue = prepare_issue(data, BuildOptions())
    (article,) = issue.articles()
    text = "".join(getattr(b, "text", "") for b in article.blocks) + article.title
    assert len(CJK.findall(text)) >= len(CJK.findall(data.decode("utf-8"))) - len(CJK.findall(article.title))


@needs_java
def test_a_megabyte_without_line_breaks_builds_a_valid_book(tmp_path):
    issue = tmp_path / "one-line.txt"
    issue.write_bytes(one_line_megabyte())
    result = CliRunner().invoke(main, ["build", str(issue), "-o", str(tmp_path / "out"), "--format", "epub"])
    assert result.exit_code == 0, result.output
    (epub,) = (tmp_path / "out").glob("*/*.epub")
    assert run_epubcheck(epub).clean


def test_a_five_megabyte_issue_builds_every_format_in_bounded_memory(tmp_path):
    lines = SEED.read_text(encoding="utf-8").splitlines()
    head, body = "\n".join(lines[:8]), "\n".join(lines[8:]).replace("(下接三版)", "")
    parts = [head]
    while sum(len(p.encode()) for p in parts) < 5_000_000:
        parts.append(f"\n\n=== 第{len(parts) + 1}版 ===\n\n{body}")
    big = tmp_path / "big.txt"
    big.write_text("".join(parts), encoding="utf-8")
    # The build's own peak: VmHWM of the process after the build. (ru_maxrss from wait4 is not it: Linux
    # carries the forking process's high-water mark across fork and exec, so under xdist it reported the
    # worker's 400-500 MB, not the build's.)
    peak = tmp_path / "peak"
    proc = subprocess.run([sys.executable, "-c", _PEAK, str(peak), "build", str(big), "-o", str(tmp_path / "out")], capture_output=True)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    assert {p.suffix for p in (tmp_path / "out").glob("*/*")} >= {".epub", ".azw3", ".jpg", ".json"}
    # Measured: ~130 MB peak for 5 MB (~145 MB before the books went to the staging folder one by one and the
    # Kindle check stopped keeping every parsed document; an interpreter with its libraries is ~60-70 MB of it).
    # A regression guard against unbounded growth (the reader once built every line's features at once),
    # not the issue's 10x goal (not reached).
    kib = int(peak.read_text())
    assert kib < 300 * 1024, f"peak {kib // 1024} MB for a 5 MB issue"


# Run the command line in this process, then write the process's own peak resident set (VmHWM, KiB).
_PEAK = """
import sys
from pathlib import Path
from rsbz_epub.cli import main
out, argv = sys.argv[1], sys.argv[2:]
try:
    code = main(argv)
except SystemExit as exit:
    code = exit.code
hwm = next(line for line in Path("/proc/self/status").read_text().splitlines() if line.startswith("VmHWM:"))
Path(out).write_text(hwm.split()[1])
sys.exit(code or 0)
"""
