"""The stored regular-expression programs give exactly the patterns re.compile gives."""

from __future__ import annotations

import re

import pytest

from rsbz_epub import regex_cache

PATTERNS = [
    (r"^(?P<name>[\u4e00-\u9fff]{2,4})[ \u3000]+(?P<b>[A-HＡ-Ｈ]\s?[0-9０-９]{1,2})\s*版?$", 0),
    (r"(?:[\u4e00-\u9fff][ \u3000][\u4e00-\u9fff](?![\u4e00-\u9fff])|[\u4e00-\u9fff]{2,4})", 0),
    (r"(?P<mo>june|july)\s+(?P<d>\d{1,2})", re.IGNORECASE),
    (r"[\x00-\x08\x0b\x0e-\x1f]", 0),
]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A cache module state with its file in tmp_path, as a fresh process sees it."""
    monkeypatch.setattr(regex_cache, "PATH", str(tmp_path / "regex.marshal"))
    monkeypatch.setattr(regex_cache, "_stored", None)
    monkeypatch.setattr(regex_cache, "_new", {})
    monkeypatch.setattr(regex_cache.sys, "dont_write_bytecode", False)
    monkeypatch.setattr(regex_cache.atexit, "register", lambda f: None)

    def next_process() -> None:
        regex_cache._save()
        monkeypatch.setattr(regex_cache, "_stored", None)
        monkeypatch.setattr(regex_cache, "_new", {})

    return next_process


def test_stored_programs_equal_what_re_compiles(cache):
    first = [regex_cache.compile(p, f) for p, f in PATTERNS]
    cache()
    again = [regex_cache.compile(p, f) for p, f in PATTERNS]
    assert regex_cache._load(), "the programs were stored and read back"
    assert not regex_cache._new, "nothing compiled afresh"
    for (pattern, flags), a, b in zip(PATTERNS, first, again):
        expected = re.compile(pattern, flags)
        assert a == expected and b == expected  # Pattern equality compares the compiled program
        assert (b.groupindex, b.groups, b.flags) == (expected.groupindex, expected.groups, expected.flags)
    assert again[0].match("要闻　A3").group("name", "b") == ("要闻", "A3")


def test_a_damaged_file_is_ignored(cache, tmp_path):
    (tmp_path / "regex.marshal").write_bytes(b"not marshal data")
    assert regex_cache.compile(*PATTERNS[0]) == re.compile(*PATTERNS[0])


def test_a_bad_pattern_is_still_an_error(cache):
    with pytest.raises(re.error):
        regex_cache.compile("[unclosed")
