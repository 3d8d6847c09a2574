"""A stable, JSON-ready dump of the IR for ``check --json`` and golden tests."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
from typing import Any

from rsbz_epub.model import Issue


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {"type": type(value).__name__}
        for f in dataclasses.fields(value):
            if f.metadata.get("dump_when_set") and getattr(value, f.name) is None:
                continue
            out[f.name] = _plain(getattr(value, f.name))
        return out
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in sorted(value.items())}
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return value


def issue_to_dict(issue: Issue) -> dict[str, Any]:
    """The issue as nested dicts/lists; every node carries its type name."""
    return _plain(issue)


def issue_to_json(issue: Issue) -> str:
    """The dump as indented JSON text (UTF-8, Chinese left readable)."""
    return json.dumps(issue_to_dict(issue), ensure_ascii=False, indent=2) + "\n"
