"""Publication config files (TOML): parse, validate, and merge over the defaults.

A file looks like::

    [publication]
    title = "人力资源社会保障"
    title_latin = "RENLI ZIYUAN SHEHUI BAOZHANG"
    slug = "rsbz"
    publisher = "上海市人力资源和社会保障局"
    language = "zh-Hans"
    issn = "1234-5679"          # optional
    cn_number = "31-0000/D"     # optional
    frequency = "weekly"

    [cover]
    background = "#9e1b20"
    foreground = "#ffffff"

    [dictionary]                # after OpenCC, every Traditional edition
    "某某机构" = "某某機構"
    [dictionary.tw]             # only the tw edition
    "某某" = "某某"

Unknown tables or keys and bad values raise :class:`ConfigError` naming the
file and the key.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import fields, replace

from rsbz_epub import regex_cache
from rsbz_epub.errors import ConfigError
from rsbz_epub.options import EDITIONS, Publication

_PUBLICATION_KEYS = {"title", "title_latin", "slug", "publisher", "language", "issn", "cn_number", "frequency"}
_COVER_KEYS = {"background": "cover_background", "foreground": "cover_foreground"}
_OPTIONAL = {"issn", "cn_number"}

_VALIDATORS: dict[str, tuple[re.Pattern[str], str]] = {
    "slug": (regex_cache.compile(r"[a-z0-9][a-z0-9-]{0,30}"), "lower-case ASCII letters, digits and '-'"),
    "language": (regex_cache.compile(r"zh(-[A-Za-z0-9]{1,8})*"), "a Chinese BCP 47 tag such as zh-Hans"),
    "issn": (regex_cache.compile(r"\d{4}-\d{3}[\dX]"), "an ISSN such as 1234-5679"),
    "cover_background": (regex_cache.compile(r"#[0-9a-fA-F]{6}"), "a colour such as #9e1b20"),
    "cover_foreground": (regex_cache.compile(r"#[0-9a-fA-F]{6}"), "a colour such as #ffffff"),
    "frequency": (regex_cache.compile(r"daily|weekly|biweekly|monthly|irregular"), "daily, weekly, biweekly, monthly or irregular"),
}


def _bad(path: str, key: str, what: str) -> ConfigError:
    return ConfigError(f"{what} (key '{key}')", path=path, hint="fix the config file; the README lists its keys")


#: Characters no book may carry: C0/C1 controls (TOML strings can hold \u0007), surrogates,
#: and the Unicode non-characters XML forbids (\uFFFE, \uFFFF, \uFDD0–\uFDEF).
_FORBIDDEN = regex_cache.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def _plain(path: str, key: str, value: str) -> str:
    """The value, or a ConfigError naming the key when it holds a character a book cannot carry."""
    bad = _FORBIDDEN.search(value)
    if bad:
        raise _bad(path, key, f"contains the control or non-character U+{ord(bad.group()):04X}")
    return value


def _check_value(path: str, table: str, key: str, field_name: str, value: object) -> str | None:
    if value is None or (field_name in _OPTIONAL and value == ""):
        return None
    if not isinstance(value, str) or not value.strip():
        raise _bad(path, f"{table}.{key}", "expected a non-empty string")
    _plain(path, f"{table}.{key}", value)
    rule = _VALIDATORS.get(field_name)
    if rule and not rule[0].fullmatch(value):
        raise _bad(path, f"{table}.{key}", f"'{value}' is not {rule[1]}")
    if field_name == "issn" and not _issn_checksum_ok(value):
        raise _bad(path, f"{table}.{key}", f"'{value}' has a wrong ISSN check digit")
    return value


def _issn_checksum_ok(issn: str) -> bool:
    digits = issn.replace("-", "")
    total = sum(int(d) * w for d, w in zip(digits[:7], range(8, 1, -1)))
    check = (11 - total % 11) % 11
    return digits[7] == ("X" if check == 10 else str(check))


def _dictionary(path: str, table: object) -> dict[str, dict[str, str]]:
    if not isinstance(table, dict):
        raise _bad(path, "dictionary", "expected a table of phrase = replacement")
    result: dict[str, dict[str, str]] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            if key not in EDITIONS or key == "hans":
                raise _bad(path, f"dictionary.{key}", f"unknown edition; use one of {', '.join(e for e in EDITIONS if e != 'hans')}")
            entries = value
            scope = key
        else:
            entries = {key: value}
            scope = "*"
        for phrase, repl in entries.items():
            if not isinstance(repl, str) or not phrase:
                raise _bad(path, f"dictionary.{phrase}", "expected phrase = \"replacement\"")
            _plain(path, f"dictionary.{phrase}", phrase + repl)
            result.setdefault(scope, {})[phrase] = repl
    return result


def parse_publication(text: str, path: str, base: Publication | None = None) -> Publication:
    """Parse a TOML config over ``base`` (the built-in defaults when None)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML: {exc}", path=path, hint="fix the syntax") from None
    except RecursionError:  # tomllib recurses once per nesting level
        raise ConfigError("tables or arrays nested too deeply", path=path, hint="a publication config is flat; see the README") from None
    pub = base or Publication()
    changes: dict[str, object] = {}
    for table, content in data.items():
        if table == "dictionary":
            changes["user_dictionary"] = _dictionary(path, content)
            continue
        if table not in ("publication", "cover") or not isinstance(content, dict):
            raise _bad(path, table, "unknown table; use [publication], [cover] or [dictionary]")
        for key, value in content.items():
            if table == "publication" and key in _PUBLICATION_KEYS:
                name = key
            elif table == "cover" and key in _COVER_KEYS:
                name = _COVER_KEYS[key]
            else:
                raise _bad(path, f"{table}.{key}", "unknown key")
            changes[name] = _check_value(path, table, key, name, value)
    known = {f.name for f in fields(Publication)}
    assert set(changes) <= known
    return replace(pub, **changes)  # type: ignore[arg-type]
