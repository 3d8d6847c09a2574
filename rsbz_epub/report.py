"""What ``check`` shows staff: the detected structure as a rich tree (no printing here), and the summary line a
build shows too. rich is loaded only to make the tree."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rsbz_epub.model import Article, Aside, Caption, Issue, PageBreak, PageJump, Paragraph, Subheading

if TYPE_CHECKING:
    from rich.tree import Tree

_TITLE_LEN = 40


def escape(text: str) -> str:
    """``text`` set into rich markup as it is (``[`` not read as a tag)."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


def _short(text: str, n: int = _TITLE_LEN) -> str:
    return escape(text if len(text) <= n else text[: n - 1] + "…")


def _meta_line(issue: Issue) -> str:
    m = issue.meta
    parts = [f"[bold]{escape(m.paper)}[/]"]
    if m.paper_latin:
        parts.append(escape(m.paper_latin))
    parts.append(m.date.isoformat() if m.date else "[yellow]date ?[/]")
    parts.append(f"第{m.issue_number}期" if m.issue_number is not None else "[yellow]issue ?[/]")
    if m.total_issue_number is not None:
        parts.append(f"总第{m.total_issue_number}期")
    if m.weekday:
        parts.append(escape(m.weekday))
    if m.publisher:
        parts.append(escape(m.publisher))
    return "  ".join(parts)


def _article_node(parent: Tree, art: Article, ids: dict[str, str]) -> None:
    paragraphs = sum(isinstance(b, Paragraph) for b in art.blocks)
    joins = sum(len(b.joins) for b in art.blocks if isinstance(b, Paragraph))
    kind = "" if art.kind == "article" else f" [magenta]({art.kind})[/]"
    label = f"[bold]{_short(art.title)}[/]{kind}  [dim]line {art.line} · {paragraphs} ¶"
    if joins:
        label += f" · {joins} break(s) rejoined"
    node = parent.add(label + "[/]")
    for name in ("kicker", "subtitle", "byline"):
        value = getattr(art, name)
        if value:
            node.add(f"[cyan]{name}[/] {_short(value)}")
    for block in art.blocks:
        match block:
            case Subheading(text=text, line=line):
                node.add(f"[green]subheading[/] {_short(text)} [dim]line {line}[/]")
            case Caption(text=text, line=line):
                node.add(f"[blue]caption[/] {_short(text)} [dim]line {line}[/]")
            case Aside(title=title, paragraphs=paras, line=line, kind=akind):
                node.add(f"[blue]{akind}[/] {_short(title or '')} ({len(paras)} ¶) [dim]line {line}[/]")
            case PageJump(direction=direction, page=page, text=text, line=line, target=target):
                arrow = "→" if direction == "continued-on" else "←"
                state = f"[green]linked to {escape(ids.get(target, target))}[/]" if target else "[red]unresolved[/]"
                node.add(f"[yellow]jump {arrow} 版{escape(page)}[/] {escape(text)} {state} [dim]line {line}[/]")
            case PageBreak(label=label_, line=line):
                node.add(f"[yellow]stitched: continues on 版{escape(label_)}[/] [dim]line {line}[/]")
            case _:
                pass


def issue_tree(issue: Issue, source: str) -> Tree:
    """The tree: masthead, pages (版) → articles → parts, then warnings."""
    from rich.tree import Tree  # the tree is for `check`; a build only prints its warnings

    tree = Tree(f"[bold]{escape(source)}[/]  {_meta_line(issue)}")
    ids = {a.id: a.title for a in issue.articles()}
    for page in issue.pages:
        name = f" {escape(page.name)}" if page.name else ""
        marked = "" if page.marked else " [dim](no page marker; inferred)[/]"
        pnode = tree.add(f"[bold]第{escape(page.label)}版{name}[/]{marked} [dim]line {page.line}[/]")
        for art in page.articles:
            _article_node(pnode, art, ids)
    return tree


def summary(issue: Issue) -> str:
    """One line: counts of pages, articles, paragraphs, jumps and warnings."""
    arts = issue.articles()
    paragraphs = sum(isinstance(b, Paragraph) for a in arts for b in a.blocks)
    jumps = [b for a in arts for b in a.blocks if isinstance(b, PageJump)]
    stitched = sum(isinstance(b, PageBreak) for a in arts for b in a.blocks)
    warnings = sum(d.severity == "warning" for d in issue.diagnostics)
    return (
        f"{len(issue.pages)} page(s), {sum(a.kind == 'article' for a in arts)} article(s), "
        f"{paragraphs} paragraph(s), {stitched} jump(s) stitched, {len(jumps)} jump marker(s) kept, "
        f"{warnings} warning(s)"
    )


def conversion_lines(review: list[dict[str, object]], source: str, edition: str) -> list[tuple[str, str]]:
    """``check --edition``: one line per place where our conversion differs from plain OpenCC, with its rule
    (each line with its style)."""
    lines = [(f"{edition}: {len(review)} place(s) where the conversion differs from plain OpenCC", "bold")]
    for d in review:
        where = f"{source}:{d['line']}" if d["line"] is not None else source
        lines.append((f"{where}: {d['source']} → {d['ours']} (OpenCC {d['plain']}) in “{d['context']}” — {d['rule']}", ""))
    return lines
