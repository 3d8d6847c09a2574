"""Render an Issue into a :class:`RenderedBook`: the one place the book's markup is built.

Steps, in order:

1. plan    — name every file and anchor once (file names, 版 markers, jump anchors);
2. styles  — layout.css, then the target's typography (book.css or kindle.css), vertical.css
             on request, the house stylesheet (--css) last so it wins;
3. cover   — the cover page around the generated cover image;
4. contents— 本期目录, articles by 版 with their first sentence;
5. articles— one document per article, in reading order (vertical: short digit runs set upright);
6. nav     — TOC, landmarks and page-list as data, then the nav document from it;
7. metadata— identifier, titles, series, source, accessibility summary.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import replace
from typing import Literal

from rsbz_epub.model import Issue
from rsbz_epub.options import EDITIONS, Publication
from rsbz_epub.render.article import render_article
from rsbz_epub.render.book import Document, RenderedBook, Resource
from rsbz_epub.render.contents import render_contents, render_cover
from rsbz_epub.render.css import BOOK_CSS, KINDLE_CSS, LAYOUT_CSS, VERTICAL_CSS, stylesheet
from rsbz_epub.render.metadata import book_metadata
from rsbz_epub.render.nav import build_landmarks, build_toc, render_nav
from rsbz_epub.render.plan import COVER_IMAGE_HREF, plan_book, relative
from rsbz_epub.render.vertical import combine_digits

Target = Literal["epub", "kindle"]

COVER_IMAGE_ID = "cover-image"
HOUSE_CSS_HREF = "styles/house.css"


def book_language(edition: str, target: Target) -> str:
    """``zh-Hans``/``zh-Hant-TW``… for EPUB readers, ``zh-CN``/``zh-TW``/``zh-HK`` for Kindle."""
    if edition not in EDITIONS:
        raise ValueError(f"unknown edition {edition!r}")
    return EDITIONS[edition][2 if target == "kindle" else 1]


def _stylesheets(target: Target, extra_css: str, vertical: bool) -> list[Resource]:
    names = [LAYOUT_CSS, KINDLE_CSS if target == "kindle" else BOOK_CSS] + ([VERTICAL_CSS] if vertical else [])
    sheets = [
        Resource(f"css-{name.removesuffix('.css')}", f"styles/{name}", "text/css", stylesheet(name).encode())
        for name in names
    ]
    if extra_css.strip():
        sheets.append(Resource("css-house", HOUSE_CSS_HREF, "text/css", extra_css.encode("utf-8")))
    return sheets


def render_book(
    issue: Issue,
    *,
    publication: Publication,
    target: Target = "epub",
    cover_jpeg: bytes,
    build_time: _dt.datetime,
    extra_css: str = "",
    vertical: bool = False,
) -> RenderedBook:
    """Every document, resource and navigation entry of the book for ``issue``; the IR is only read."""
    if target not in ("epub", "kindle"):
        raise ValueError(f"unknown render target {target!r}")
    edition = issue.meta.edition
    lang = book_language(edition, target)
    latin = issue.meta.paper_latin
    plan = plan_book(issue)

    sheets = _stylesheets(target, extra_css, vertical)
    # vertical.css is for reading text; the cover image page stays as it is.
    flat = [s.href for s in sheets if s.id != "css-vertical"]
    every = [s.href for s in sheets]

    def links(doc_href: str, hrefs: list[str]) -> list[str]:
        return [relative(doc_href, h) for h in hrefs]

    cover = render_cover(issue, lang=lang, stylesheets=links("text/cover.xhtml", flat))
    contents = render_contents(issue, plan, lang=lang, stylesheets=links("text/contents.xhtml", every))
    articles = [
        render_article(
            plan, i, lang=lang, edition=edition, latin_name=latin, stylesheets=links(plan.hrefs[i], every)
        )
        for i in range(len(plan.articles))
    ]

    if vertical:  # upright 2021, 46 … in vertical text (縱中橫)
        contents = replace(contents, xhtml=combine_digits(contents.xhtml))
        articles = [replace(a, xhtml=combine_digits(a.xhtml)) for a in articles]

    toc = build_toc(issue, plan)
    landmarks, landmark_types = build_landmarks(issue, plan)
    nav = render_nav(
        issue, toc, landmarks, landmark_types, plan.page_targets, lang=lang, stylesheets=links("nav.xhtml", flat)
    )
    documents: tuple[Document, ...] = (cover, contents, *articles, nav)

    cover_image = Resource(COVER_IMAGE_ID, COVER_IMAGE_HREF, "image/jpeg", cover_jpeg, ("cover-image",))
    metadata = book_metadata(
        issue,
        publication=publication,
        language=lang,
        build_time=build_time,
        has_page_list=bool(plan.page_targets),
        vertical=vertical,
    )
    return RenderedBook(
        metadata=metadata,
        documents=documents,
        resources=(*sheets, cover_image),
        toc=toc,
        page_list=plan.page_targets,
        landmarks=landmarks,
        landmark_types=landmark_types,
        cover_image=COVER_IMAGE_ID,
    )
