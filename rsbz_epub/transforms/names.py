"""Person names in a Traditional edition: the surname table, and the names the reader found in bylines."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

__all__ = ["surname_forms", "byline_names"]

#: Role words around names in a byline (本报记者 张三 通讯员 李四 摄).
_ROLES = re.compile(
    r"本报讯|本报记者|特约记者|实习记者|见习记者|记者|通讯员|实习生|特约撰稿|撰稿|撰文|责任编辑|编辑|责编|报道|整理|供图|"
    r"[文图](?=\s*[/／])|摄(?:影)?(?=\s|$|[）)])|本报"
)
_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")


@lru_cache(maxsize=1)
def surname_forms() -> dict[str, str]:
    """Simplified surname character → its Traditional form in a name (rsbz_epub/data/surnames.toml)."""
    text = resources.files("rsbz_epub.data").joinpath("surnames.toml").read_text(encoding="utf-8")
    return dict(tomllib.loads(text))


def byline_names(bylines: Iterable[str | None]) -> frozenset[str]:
    """The person names in bylines: what is left of 2–4 ideographs once role words are removed."""
    found: set[str] = set()
    for byline in bylines:
        if not byline:
            continue
        for chunk in re.split(r"[\s、，,／/（）()：:·]+", _ROLES.sub(" ", byline)):
            if _NAME.fullmatch(chunk):
                found.add(chunk)
    return frozenset(found)
