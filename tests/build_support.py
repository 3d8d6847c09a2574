"""Building the example issues once per test session, and reading EPUBs back."""

from __future__ import annotations

import functools
import re
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from lxml import etree

from rsbz_epub.bundle import IssueBuild, build_issue
from rsbz_epub.inputs import load_publication
from rsbz_epub.options import BuildOptions, ReadOptions

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.txt"))
HELDOUT = sorted((ROOT / "tests" / "heldout").glob("*.txt"))
NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "x": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
}
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def config_for(example: Path) -> Path | None:
    """examples/ldb-2024-03-15.txt uses examples/ldb.toml when it exists."""
    cfg = example.with_name(example.name.split("-")[0] + ".toml")
    return cfg if cfg.exists() else None


def options_for(example: Path, **kw) -> BuildOptions:
    read = ReadOptions(publication=load_publication(config_for(example)))
    return BuildOptions(read=read, **kw)


@functools.lru_cache(maxsize=None)
def built(example_name: str, editions: tuple[str, ...] = ("hans",), formats: tuple[str, ...] | None = None) -> IssueBuild:
    """Build one example, or a corpus/held-out issue given as ``corpus/NAME.txt`` (cached for the session)."""
    example = ROOT / "tests" / example_name if "/" in example_name else ROOT / "examples" / example_name
    kw = {"editions": editions}
    if formats is not None:
        kw["formats"] = formats
    return build_issue(example.read_bytes(), options_for(example, **kw))


@dataclass
class Epub:
    """An EPUB opened for assertions."""

    files: dict[str, bytes]

    @classmethod
    def from_bytes(cls, data: bytes) -> "Epub":
        with zipfile.ZipFile(BytesIO(data)) as zf:
            return cls({n: zf.read(n) for n in zf.namelist()})

    @property
    def opf_path(self) -> str:
        container = etree.fromstring(self.files["META-INF/container.xml"])
        return container.xpath("//c:rootfile/@full-path", namespaces=NS)[0]

    @property
    def opf(self) -> etree._Element:
        return etree.fromstring(self.files[self.opf_path])

    def resolve(self, href: str) -> str:
        base = self.opf_path.rsplit("/", 1)[0] + "/" if "/" in self.opf_path else ""
        return base + href

    def spine_docs(self) -> list[tuple[str, etree._Element]]:
        opf = self.opf
        items = {i.get("id"): i.get("href") for i in opf.xpath("//opf:manifest/opf:item", namespaces=NS)}
        out = []
        for ref in opf.xpath("//opf:spine/opf:itemref/@idref", namespaces=NS):
            path = self.resolve(items[ref])
            out.append((path, etree.fromstring(self.files[path])))
        return out

    def article_docs(self) -> list[tuple[str, etree._Element]]:
        return [(p, d) for p, d in self.spine_docs() if d.xpath("//x:article", namespaces=NS)]

    def meta(self, xpath: str) -> list[str]:
        return [str(v) for v in self.opf.xpath(xpath, namespaces=NS)]


def text_of(el: etree._Element) -> str:
    return "".join(el.itertext())
