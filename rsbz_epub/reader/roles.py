"""The line-role model: a linear-chain CRF (CRFsuite) that gives every line a role and its probability.

Roles (``corpus/layout.py`` ROLES): K kicker, T title, S subtitle, B byline, H section
head, C caption, N end note, J jump marker, R repeated title of a continuation,
P a paragraph line that ends its paragraph, W one that goes on in the next line,
X running header or footer, M masthead, G page line. The model is data shipped in
the package (``rsbz_epub/data/reader.crfsuite``), rebuilt byte for byte by
``bench/train_reader.py``; it is loaded once per process, when first needed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rsbz_epub.reader.layout import Item
from rsbz_epub.reader.linefeatures import line_features

MODEL = "reader.crfsuite"


@dataclass(frozen=True)
class Role:
    """A line's role and how sure the model is of it (the marginal probability)."""

    label: str
    prob: float
    kicker: float = 0.0  # the probability that the line is a kicker (it splits a run of title lines)


@lru_cache(maxsize=1)
def _tagger(path: str | None = None):
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    if path is None:
        ref = resources.files("rsbz_epub.data").joinpath(MODEL)
        with resources.as_file(ref) as p:
            tagger.open(str(p))
    else:
        tagger.open(path)
    return tagger


def model_path() -> str | None:
    """The model file in use: $RSBZ_READER_MODEL (for leave-one-out measurement) or the packaged one."""
    import os

    return os.environ.get("RSBZ_READER_MODEL") or None


#: At most this many items are tagged at a time: an ordinary issue in one sequence, as the model was trained;
#: an archive-sized one page by page (a very long page in slices), so memory stays bounded.
WINDOW = 3000


def _windows(items: list[Item]) -> list[tuple[int, int]]:
    """Item ranges of whole pages, as many as fit in ``WINDOW`` items; a longer page cut every ``WINDOW`` items."""
    out, start = [], 0
    for k in range(1, len(items) + 1):
        page_ends = k == len(items) or items[k].page != items[k - 1].page
        if k == len(items) or k - start >= WINDOW or (page_ends and _next_page_end(items, k) - start > WINDOW):
            out.append((start, k))
            start = k
    return out


def _next_page_end(items: list[Item], k: int) -> int:
    """The index just past the page that starts at item k."""
    j = k
    while j < len(items) and items[j].page == items[k].page:
        j += 1
    return j


def tag(items: list[Item]) -> list[Role]:
    """The role of every item, with its probability."""
    if not items:
        return []
    tagger = _tagger(model_path())
    out: list[Role] = []
    for start, end in _windows(items):
        labels = tagger.tag(line_features(items, start, end))
        out += [
            Role(lab, tagger.marginal(lab, k), tagger.marginal("K", k) if lab == "T" else 0.0)
            for k, lab in enumerate(labels)
        ]
    return out
