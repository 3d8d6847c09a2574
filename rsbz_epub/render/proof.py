"""The proof page: one self-contained HTML file showing staff what the reader decided, line by line.

Layout: a banner (title, download button), a summary (counts, role legend, first
sentence of every article, least certain lines), then the input on the left and the
issue as readers will see it on the right.  Everything is inlined — the page's own
CSS and script from ``proof_assets/``, the book's stylesheets scoped to the right
side — and a Content-Security-Policy forbids any fetch, so the file works offline.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from rsbz_epub.model import Issue, PageBreak, PageJump, Paragraph
from rsbz_epub.reader.trace import LineRole
from rsbz_epub.render.contents import first_sentence, page_heading
from rsbz_epub.render.css import BOOK_CSS, LAYOUT_CSS, stylesheet
from rsbz_epub.render.labels import dateline
from rsbz_epub.render.markup import attr, esc
from rsbz_epub.render.proof_issue import issue_html
from rsbz_epub.render.plan import plan_book
from rsbz_epub.render.proof_source import least_certain, role_class, source_list
from rsbz_epub.render.proof_text import ROLE_LABELS, role_css, strings_json, ui

_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
_UNSURE_SHOWN = 20


@dataclass(frozen=True)
class ProofCounts:
    """The summary's figures."""

    pages: int
    articles: int
    paragraphs: int
    rejoined: int
    stitched: int
    unresolved: int
    warnings: int


def proof_counts(issue: Issue) -> ProofCounts:
    """Count what the summary shows, from the (stitched) issue."""
    blocks = [b for a in issue.articles() for b in a.blocks]
    return ProofCounts(
        pages=len(issue.pages),
        articles=len(issue.articles()),
        paragraphs=sum(isinstance(b, Paragraph) for b in blocks),
        rejoined=sum(len(b.joins) for b in blocks if isinstance(b, Paragraph)),
        stitched=sum(isinstance(b, PageBreak) for b in blocks),
        unresolved=sum(isinstance(b, PageJump) and b.target is None for b in blocks),
        warnings=sum(d.severity == "warning" for d in issue.diagnostics),
    )


def _asset(name: str) -> str:
    return resources.files("rsbz_epub.render").joinpath("proof_assets", name).read_text(encoding="utf-8")


def book_css() -> str:
    """The book's stylesheets, scoped to the right side so the page's own UI keeps its look."""
    text = "\n".join(stylesheet(n) for n in (LAYOUT_CSS, BOOK_CSS)).replace('@charset "utf-8";', "")
    # In the book, ``body`` is the document; here it is the scoping root.
    return "@scope (.book) {\n" + text.replace("body", ":scope") + "\n}\n"


def _i18n(key: str, tag: str = "span", attrs: str = "") -> str:
    return f'<{tag} data-i18n="{key}"{attrs}>{esc(ui(key))}</{tag}>'


def _counts(c: ProofCounts) -> str:
    items = [
        ("pages", c.pages), ("articles", c.articles), ("paragraphs", c.paragraphs), ("rejoined", c.rejoined),
        ("stitched", c.stitched), ("unresolved", c.unresolved), ("warnings", c.warnings),
    ]
    cells = "".join(f'<div class="count" id="count-{k}"><dt>{_i18n(k)}</dt><dd>{n}</dd></div>' for k, n in items)
    return f'<dl class="counts">{cells}</dl>\n'


def _legend(trace: Sequence[LineRole]) -> str:
    seen = Counter(r.role for r in trace)
    roles = [r for r in ROLE_LABELS if seen[r]] + sorted(r for r in seen if r not in ROLE_LABELS)
    items = "".join(
        f'<li class="{role_class(r)}"><span class="sw"></span><span class="rn" data-r="{attr(r)}"></span>'
        f' <span class="lg-n">{seen[r]}</span></li>'
        for r in roles
    )
    return f'<h3>{_i18n("legend")}</h3><ul class="legend">{items}</ul>\n'


def _ledes(issue: Issue) -> str:
    plan = plan_book(issue)
    edition = issue.meta.edition
    parts: list[str] = [f'<details class="ledes"><summary>{_i18n("ledes")} ({len(plan.articles)})</summary>\n']
    index = 0
    for page in issue.pages:
        parts.append(f"<h4>{esc(page_heading(page.label, page.name, edition))}</h4>\n<ol>\n")
        for art in page.articles:
            parts.append(
                f'<li><a href="#{plan.doc_ids[index]}" data-go="{art.line}">{esc(art.title)}</a>'
                f' <span class="lede">{esc(first_sentence(art))}</span></li>\n'
            )
            index += 1
        parts.append("</ol>\n")
    parts.append("</details>\n")
    return "".join(parts)


def _unsure(trace: Sequence[LineRole]) -> str:
    low = least_certain(trace)[:_UNSURE_SHOWN]
    head = f"<h3>{_i18n('unsure')}</h3>"
    if not low:
        return head + f'<p>{_i18n("all_sure")}</p>\n'
    items = "".join(
        f'<li><a href="#L{r.no}" data-go="{r.no}">{r.no}</a> <span class="conf">{round(r.confidence * 100)}%</span>'
        f" {esc(r.text.strip()[:40])}</li>"
        for r in low
    )
    return head + f'<ol class="unsure">{items}</ol>\n'


def _file_warnings(issue: Issue) -> str:
    loose = [d for d in issue.diagnostics if d.line is None]
    if not loose:
        return ""
    items = "".join(f'<li class="{d.severity}"><b>{esc(d.code)}</b> {esc(d.message)}</li>' for d in loose)
    return f'<h3>{_i18n("file_warnings")}</h3><ul class="file-w">{items}</ul>\n'


def render_proof(issue: Issue, trace: Sequence[LineRole], *, source_name: str = "issue.txt") -> str:
    """The whole proof page for ``issue`` read from the lines in ``trace``."""
    meta = issue.meta
    title = f"{ui('doc_title')}：{meta.paper} {dateline(meta.date, meta.issue_number, meta.edition)}".strip()
    stem = source_name.rsplit("/", 1)[-1].removesuffix(".txt") or "issue"
    return f"""<!DOCTYPE html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<link rel="icon" href="data:,">
<title>{esc(title)}</title>
<style>{_asset("proof.css")}</style>
<style>{role_css()}</style>
<style>{book_css()}</style>
</head>
<body data-download="{attr(stem)}.corrected.txt">
<a class="skip" href="#src">{esc(ui("skip"))}</a>
<header class="top">
<h1>{_i18n("doc_title")}：{esc(title.split("：", 1)[1])}</h1>
<p class="src-name">{_i18n("source")} <code>{esc(source_name)}</code> · {len(trace)} {_i18n("lines_n")}</p>
<div class="tools">
<button type="button" id="download">{_i18n("download")}</button>
<span id="edits" aria-live="polite">{_i18n("no_edits")}</span>
<button type="button" id="next-warn">{_i18n("next_warn")}</button>
<button type="button" id="next-low">{_i18n("next_low")}</button>
</div>
<div class="views" role="group" aria-label="{attr(ui("views"))}" data-i18n-label="views">
<button type="button" id="show-src" aria-pressed="true">{_i18n("show_src")}</button>
<button type="button" id="show-book" aria-pressed="false">{_i18n("show_book")}</button>
</div>
</header>
<nav id="summary" aria-labelledby="summary-h">
<h2 id="summary-h">{_i18n("summary")}</h2>
{_counts(proof_counts(issue))}<div class="summary-more">
<div>{_legend(trace)}</div>
<div>{_ledes(issue)}{_unsure(trace)}{_file_warnings(issue)}</div>
</div>
</nav>
<main class="panes">
<section id="src-pane" class="pane" aria-labelledby="src-h">
<h2 id="src-h">{_i18n("src_h")}</h2>
<p id="src-hint" class="hint">{_i18n("src_hint")}</p>
<div id="src" role="listbox" tabindex="0" aria-labelledby="src-h" aria-describedby="src-hint" data-lines="{len(trace)}">
{source_list(trace, issue.diagnostics)}</div>
{_menu()}
</section>
<section id="book-pane" class="pane" aria-labelledby="book-h">
<h2 id="book-h">{_i18n("book_h")}</h2>
<div class="book" lang="{attr(meta.language)}">
{issue_html(issue)}</div>
</section>
</main>
<p id="status" class="sr" role="status" aria-live="polite"></p>
<script type="application/json" id="strings">{strings_json()}</script>
<script>{_asset("proof.js")}</script>
</body>
</html>
"""


def _menu() -> str:
    buttons = "".join(
        f'<button type="button" data-kind="{kind}">{_i18n("ov_" + kind)} <code>{esc(mark)}</code></button>'
        for kind, mark in (("title", "# "), ("section", "## "), ("page", "=== 第N版 ==="), ("literal", "\\")))
    return f"""<div id="menu" role="group" aria-labelledby="menu-h" hidden>
<p id="menu-h"><span data-i18n="menu">{esc(ui("menu"))}</span> · <span id="menu-line"></span></p>
<div class="ov">{buttons}<button type="button" data-kind="reset">{_i18n("ov_reset")}</button></div>
<label for="edited">{_i18n("edited")}</label>
<div class="edited-row"><textarea id="edited" rows="1" readonly spellcheck="false"></textarea>
<button type="button" id="copy">{_i18n("copy")}</button></div>
<div class="menu-foot"><button type="button" id="in-book">{_i18n("in_book")}</button>
<button type="button" id="close-menu">{_i18n("close")}</button></div>
</div>"""
