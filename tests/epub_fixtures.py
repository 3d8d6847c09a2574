"""Hand-built RenderedBooks for the container-writer tests (independent of render.xhtml)."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace


from support import jpeg, sample_metadata

from rsbz_epub.render.book import Document, PageTarget, RenderedBook, Resource, TocEntry

CSS = b"p { text-indent: 2em; margin: 0; text-align: justify; line-height: 1.6; }\n"


def _page(lang: str, title: str, body: str, css: str = "../styles/book.css", *, body_attrs: str = "") -> str:
    """A complete XHTML5 document with XML declaration, doctype and language tags."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
        f'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="{lang}" xml:lang="{lang}">\n'
        f'<head>\n<meta charset="utf-8"/>\n<title>{title}</title>\n'
        f'<link rel="stylesheet" type="text/css" href="{css}"/>\n</head>\n'
        f"<body{body_attrs}>\n{body}\n</body>\n</html>\n"
    )


def _pagebreak(label: str) -> str:
    return (
        f'<span epub:type="pagebreak" role="doc-pagebreak" id="page-{label}" '
        f'aria-label="第{label}版"></span>'
    )


ARTICLE_1 = """{pb}
<article>
<header>
<p class="kicker">深化改革 服务民生</p>
<h1>上海打造职业教育培训新高地</h1>
<p class="subtitle">——全市技能人才队伍持续壮大</p>
<p class="byline">本报记者 张三</p>
</header>
<p>今年以来，本市以刀刃向内的勇气推进改革。全年培训人数达到3.5万人次！这是怎样做到的？记者进行了采访；答案就在基层……</p>
<p>他说：“我们要<em>继续努力</em>。”随后又补充道：「坚持下去。」然后离开了。</p>
<h2>一、聚焦重点，补齐短板</h2>
<p>The masthead reads <span lang="zh-Latn-pinyin" xml:lang="zh-Latn-pinyin">RENLI ZIYUAN SHEHUI BAOZHANG</span>. It is printed weekly! Version 3.5 is fine; really? Yes.</p>
<p>详见<a href="a-p1-02.xhtml">另一篇报道</a>，以及<a href="a-p2-01.xhtml#page-2">第2版</a>。<strong>重点<em>内容</em></strong>在此。</p>
<figure>
<img src="../images/photo.jpg" alt="培训现场"/>
<figcaption>图为培训现场。</figcaption>
</figure>
</article>"""

ARTICLE_2 = """<article>
<header>
<h1>社保卡服务再升级</h1>
</header>
<p>即日起，市民可在线办理社保卡业务。办理流程简化了（详见官网）。欢迎咨询！</p>
<aside epub:type="sidebar">
<p>扫码关注抖音号：上海人社。</p>
</aside>
</article>"""

ARTICLE_3 = """{pb}
<article>
<header>
<h1>就业见习计划启动</h1>
</header>
<p>本次计划面向应届高校毕业生。报名截止日期为11月30日。</p>
</article>"""


def sample_book(
    language: str = "zh-Hans",
    *,
    vertical: bool = False,
    modified: dt.datetime = dt.datetime(2021, 10, 21, tzinfo=dt.timezone.utc),
    issn: str | None = "1234-5679",
    edition_note: str | None = None,
) -> RenderedBook:
    """A two-page, three-article issue with nested TOC, page list, landmarks, cover and a photo."""
    lang = language
    cover = Document(
        "cover", "text/cover.xhtml", "封面",
        _page(lang, "封面", '<section epub:type="cover"><img src="../images/cover.jpg" alt="人力资源社会保障 2021年10月21日 第40期"/></section>'),
        "cover",
    )
    contents = Document(
        "contents", "text/contents.xhtml", "本期目录",
        _page(lang, "本期目录", '<section epub:type="toc"><h1>本期目录</h1>\n<h2>第1版 要闻</h2>\n<ul>\n'
              '<li><a href="a-p1-01.xhtml">上海打造职业教育培训新高地</a></li>\n'
              '<li><a href="a-p1-02.xhtml">社保卡服务再升级</a></li>\n</ul>\n'
              '<h2>第2版</h2>\n<ul>\n<li><a href="a-p2-01.xhtml">就业见习计划启动</a></li>\n</ul></section>'),
        "contents",
    )
    articles = (
        Document("a-p1-01", "text/a-p1-01.xhtml", "上海打造职业教育培训新高地",
                 _page(lang, "上海打造职业教育培训新高地", ARTICLE_1.format(pb=_pagebreak("1"))), "article"),
        Document("a-p1-02", "text/a-p1-02.xhtml", "社保卡服务再升级",
                 _page(lang, "社保卡服务再升级", ARTICLE_2), "article"),
        Document("a-p2-01", "text/a-p2-01.xhtml", "就业见习计划启动",
                 _page(lang, "就业见习计划启动", ARTICLE_3.format(pb=_pagebreak("2"))), "article"),
    )
    toc = (
        TocEntry("本期目录", "text/contents.xhtml"),
        TocEntry("第1版 要闻", "text/a-p1-01.xhtml", (
            TocEntry("上海打造职业教育培训新高地", "text/a-p1-01.xhtml"),
            TocEntry("社保卡服务再升级", "text/a-p1-02.xhtml"),
        )),
        TocEntry("第2版", "text/a-p2-01.xhtml", (
            TocEntry("就业见习计划启动", "text/a-p2-01.xhtml"),
        )),
    )
    pages = (PageTarget("1", "text/a-p1-01.xhtml#page-1"), PageTarget("2", "text/a-p2-01.xhtml#page-2"))
    landmarks = (
        TocEntry("封面", "text/cover.xhtml"),
        TocEntry("本期目录", "text/contents.xhtml"),
        TocEntry("正文", "text/a-p1-01.xhtml"),
    )
    nav = Document("nav", "nav.xhtml", "目录", _nav(lang, toc, pages, landmarks), "nav", linear=False, properties=("nav",))
    meta = sample_metadata(
        language=language,
        modified=modified,
        description="本期文章：上海打造职业教育培训新高地；社保卡服务再升级；就业见习计划启动。",
        issn=issn,
        edition_note=edition_note,
        subjects=("人力资源", "社会保障"),
        vertical=vertical,
    )
    resources = (
        Resource("css", "styles/book.css", "text/css", CSS),
        Resource("cover-image", "images/cover.jpg", "image/jpeg", jpeg(160, 256, "#9e1b20"), ("cover-image",)),
        Resource("photo", "images/photo.jpg", "image/jpeg", jpeg(64, 48, "#336699")),
    )
    return RenderedBook(
        metadata=meta,
        documents=(cover, contents, *articles, nav),
        resources=resources,
        toc=toc,
        page_list=pages,
        landmarks=landmarks,
        landmark_types=("cover", "toc", "bodymatter"),
        cover_image="cover-image",
    )


def _nav(lang: str, toc: tuple[TocEntry, ...], pages: tuple[PageTarget, ...], landmarks: tuple[TocEntry, ...]) -> str:
    """The EPUB 3 nav document for the sample (toc, page-list, landmarks)."""

    def items(entries: tuple[TocEntry, ...]) -> str:
        out = []
        for e in entries:
            sub = f"\n<ol>\n{items(e.children)}\n</ol>\n" if e.children else ""
            out.append(f'<li><a href="{e.href}">{e.label}</a>{sub}</li>')
        return "\n".join(out)

    page_items = "\n".join(f'<li><a href="{p.href}">{p.label}</a></li>' for p in pages)
    kinds = ("cover", "toc", "bodymatter")
    marks = "\n".join(f'<li><a epub:type="{k}" href="{e.href}">{e.label}</a></li>' for k, e in zip(kinds, landmarks))
    body = (
        f'<nav epub:type="toc" role="doc-toc" id="toc"><h1>目录</h1>\n<ol>\n{items(toc)}\n</ol>\n</nav>\n'
        f'<nav epub:type="page-list" role="doc-pagelist" id="page-list" hidden="hidden"><h2>页码</h2>\n<ol>\n{page_items}\n</ol>\n</nav>\n'
        f'<nav epub:type="landmarks" id="landmarks" hidden="hidden"><h2>导航</h2>\n<ol>\n{marks}\n</ol>\n</nav>'
    )
    return _page(lang, "目录", body, css="styles/book.css")


def with_documents(book: RenderedBook, **xhtml_by_id: str) -> RenderedBook:
    """A copy of ``book`` with some documents' XHTML replaced."""
    docs = tuple(replace(d, xhtml=xhtml_by_id.get(d.id, d.xhtml)) for d in book.documents)
    return replace(book, documents=docs)


def rendered_book(kind: str = "paged", *, target: str = "epub", edition: str = "hans", vertical: bool = False) -> RenderedBook:
    """A book from the colleague's real renderer over render_fixtures' hand-built Issues."""
    from render_fixtures import BUILD_TIME, flat_issue, paged_issue, print_order_issue, tiny_jpeg

    from rsbz_epub.options import Publication
    from rsbz_epub.render.xhtml import render_book

    issues = {"paged": paged_issue, "flat": flat_issue, "print": print_order_issue}
    issue = issues[kind]()
    if edition != "hans":
        issue = replace(issue, meta=replace(issue.meta, edition=edition))
    return render_book(
        issue, publication=Publication(), target=target, cover_jpeg=tiny_jpeg(), build_time=BUILD_TIME, vertical=vertical
    )


def write(writer, book: RenderedBook) -> bytes:
    """Run a ``write_*(book, out)`` writer into memory."""
    buf = io.BytesIO()
    writer(book, buf)
    return buf.getvalue()
