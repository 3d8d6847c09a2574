"""`rsbz-epub proof` and `build --proof` through the CLI: files, manifest, catalog, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

from cli_support import CliRunner

from proof_support import SEED, input_lines, page_lines
from test_cli import assert_one_line_error
from rsbz_epub.cli import main
from rsbz_epub.errors import ExitCode

runner = CliRunner()


def test_proof_writes_one_html_file(tmp_path: Path) -> None:
    out = tmp_path / "seed.html"
    result = runner.invoke(main, ["proof", str(SEED), "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert [t for _, t in page_lines(html)] == input_lines(SEED.read_bytes())
    assert [p.name for p in tmp_path.iterdir()] == ["seed.html"]  # no temp file left


def test_proof_defaults_to_a_file_beside_the_input(tmp_path: Path) -> None:
    issue = tmp_path / "rsbz-2021-40.txt"
    issue.write_bytes(SEED.read_bytes())
    result = runner.invoke(main, ["proof", str(issue)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "rsbz-2021-40.proof.html").is_file()


def test_proof_of_a_missing_input_is_one_line(tmp_path: Path) -> None:
    assert_one_line_error(runner.invoke(main, ["proof", str(tmp_path / "nope.txt")]), ExitCode.NO_INPUT, "nope.txt")


def test_proof_of_an_empty_input_is_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert_one_line_error(runner.invoke(main, ["proof", str(empty)]), ExitCode.DATA, "empty.txt")
    assert not (tmp_path / "empty.proof.html").exists()


def test_proof_into_a_folder_is_one_line(tmp_path: Path) -> None:
    assert_one_line_error(runner.invoke(main, ["proof", str(SEED), "-o", str(tmp_path)]), ExitCode.CANT_CREATE, "folder")


def test_build_proof_writes_proof_html_listed_in_the_manifest_not_in_the_catalog(tmp_path: Path) -> None:
    result = runner.invoke(main, ["build", str(SEED), "-o", str(tmp_path), "--proof", "--format", "epub"])
    assert result.exit_code == 0, result.output
    folder = tmp_path / "rsbz-2021-040"
    proof = folder / "proof.html"
    assert proof.is_file()
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    entry = next(f for f in manifest["files"] if f["name"] == "proof.html")
    assert entry["format"] == "proof" and entry["media_type"] == "text/html"
    assert entry["size"] == proof.stat().st_size
    assert runner.invoke(main, ["catalog", str(tmp_path)]).exit_code == 0
    assert "proof.html" not in (tmp_path / "catalog.xml").read_text(encoding="utf-8")
    assert "proof.html" not in (tmp_path / "index.html").read_text(encoding="utf-8")


def test_build_without_proof_writes_no_proof(tmp_path: Path) -> None:
    result = runner.invoke(main, ["build", str(SEED), "-o", str(tmp_path), "--format", "epub"])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "rsbz-2021-040" / "proof.html").exists()


def test_proof_open_hands_the_file_to_the_browser(tmp_path: Path, monkeypatch) -> None:
    import webbrowser

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    out = tmp_path / "p.html"
    result = runner.invoke(main, ["proof", str(SEED), "-o", str(out), "--open"])
    assert result.exit_code == 0, result.output
    assert opened == [out.resolve().as_uri()]
