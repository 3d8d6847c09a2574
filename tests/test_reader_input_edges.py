"""Two faults of the hostile-input review that live in the reader: entity-like runs and damaged UTF-8."""

from __future__ import annotations

from pathlib import Path

from cli_support import CliRunner

from rsbz_epub.cli import main
from rsbz_epub.reader.normalize import normalize_punctuation

HEAD = "人力资源社会保障\n\n2021年10月21日 第40期\n\n测试标题\n\n"


def test_entity_like_runs_keep_their_semicolon() -> None:
    assert normalize_punctuation("中文&amp;中文,测试&#38;好&#x26;") == "中文&amp;中文，测试&#38;好&#x26;"
    assert normalize_punctuation("甲;乙") == "甲；乙"  # a plain semicolon in Chinese still widens


def test_damaged_utf8_is_named_with_its_offset(tmp_path: Path) -> None:
    body = (HEAD + "本报讯 这是一段足够长的正文，用来说明损坏的字节。" * 4).encode("utf-8")
    src = tmp_path / "bad.txt"
    cut = len((HEAD + "本报讯").encode("utf-8"))  # at a character boundary
    src.write_bytes(body[:cut] + b"\xff" + body[cut:])
    result = CliRunner().invoke(main, ["check", str(src)])
    assert result.exit_code == 65
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and f"UTF-8 with 1 invalid byte sequence(s), the first at offset {cut}" in lines[0]
    assert "gb18030" not in result.output


def test_a_gb18030_file_is_still_read_as_gb18030(tmp_path: Path) -> None:
    src = tmp_path / "gb.txt"
    src.write_bytes((HEAD + "本报讯 这是一段足够长的正文。" * 4 + "\n").encode("gb18030"))
    result = CliRunner().invoke(main, ["check", str(src)])
    assert result.exit_code == 0, result.output
    assert "gb18030" in result.output
