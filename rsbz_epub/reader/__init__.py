"""The reader: raw issue bytes → :class:`~rsbz_epub.model.Issue`."""

from __future__ import annotations

from dataclasses import replace

from rsbz_epub.errors import DataError
from rsbz_epub.model import Diagnostic, Issue, IssueMeta
from rsbz_epub.options import ReadOptions
from rsbz_epub.reader.articles import assemble
from rsbz_epub.reader.decode import decode
from rsbz_epub.reader.diagnostics import diag
from rsbz_epub.reader.lines import split_lines
from rsbz_epub.reader.masthead import read_masthead
from rsbz_epub.reader.normalize import normalize_punctuation
from rsbz_epub.reader.overrides import apply_overrides
from rsbz_epub.reader.pages import PageChunk, split_pages
from rsbz_epub.reader.roles import known_paper
from rsbz_epub.reader.trace import LineRole, trace_lines, uncertain_lines

__all__ = ["read_issue", "read_issue_traced"]


def read_issue(data: bytes, options: ReadOptions = ReadOptions()) -> Issue:
    """Read one raw issue.  Every step is mandatory; each exists for the reason given.

    1. decode       — dumps come as UTF-8 (± BOM), UTF-16, GB18030/GBK; --encoding forces one.
    2. split_lines  — number lines as the input has them (CRLF/CR), keep form feeds as page
                      boundaries, drop characters XML forbids so none reaches the book.
    3. overrides    — staff markup (# title, ## subheading, === 第3版 ===, \\literal) beats
                      every heuristic, so it is read before any of them.
    4. normalize    — half-width , : ; ! ? ( ) inside Chinese become full-width; the later
                      steps then see one punctuation style.
    5. masthead     — paper, date, issue number, publisher; its lines are not article text.
    6. pages        — 版 boundaries and names; running headers/footers are removed.
    7. articles     — titles, kickers, subtitles, bylines, subheadings, captions, boxes,
                      paragraphs with print breaks rejoined, jump markers as PageJump blocks.
    """
    return _read(data, options)[0]


def _read(data: bytes, options: ReadOptions) -> tuple[Issue, list[PageChunk], dict[int, tuple[str, float]]]:
    """The issue, its page chunks and every item line's role with its probability."""
    meta, chunks, diags = prepare(data, options)
    roles: dict[int, tuple[str, float]] = {}
    pages, more = assemble(chunks, roles, meta.paper)
    diags += more + uncertain_lines(roles, chunks)
    if known_paper(meta.paper):
        diags.append(diag("R017", f"read with the line-role model that has met {meta.paper} (reader-papers.crfsuite): its habits are known"))
    if not any(p.articles for p in pages):
        raise DataError("no article text found after the masthead", hint="check that the file is the raw text of an issue")
    issue = Issue(meta=meta, pages=pages, diagnostics=tuple(sorted(diags, key=lambda d: (d.line or 0, d.code))))
    return issue, chunks, roles


def prepare(data: bytes, options: ReadOptions = ReadOptions()) -> tuple[IssueMeta, list[PageChunk], list[Diagnostic]]:
    """Steps 1–6 of :func:`read_issue`: the masthead and the page chunks the articles are read from."""
    text, diags = decode(data, options.encoding)
    lines, more = split_lines(text)
    diags += more
    lines, more = apply_overrides(lines)
    diags += more
    lines = [ln if ln.force == "literal" else replace(ln, text=normalize_punctuation(ln.text)) for ln in lines]
    meta, consumed, more = read_masthead(lines, options.publication)
    diags += more
    lines = [ln for ln in lines if ln.no not in consumed]
    chunks, more = split_pages(lines, options.publication, meta.paper)
    diags += more
    return meta, chunks, diags


def read_issue_traced(data: bytes, options: ReadOptions = ReadOptions()) -> tuple[Issue, tuple[LineRole, ...]]:
    """Read one raw issue and say, for every input line, what role it got and how sure the reader was."""
    issue, chunks, roles = _read(data, options)
    text, _ = decode(data, options.encoding)
    text_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return issue, trace_lines(text_lines, issue, chunks, roles)
