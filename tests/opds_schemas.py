"""The OPDS 1.2 RELAX NG grammar and the OPDS 2.0 JSON Schemas, loaded from tests/schemas/ (see its README)."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

from lxml import etree

SCHEMAS = Path(__file__).resolve().parent / "schemas"


@functools.lru_cache(maxsize=None)
def opds1_relaxng() -> etree.RelaxNG:
    """OPDS 1.2 (which includes Atom's grammar), in the XML syntax lxml reads (see schemas/README.md)."""
    return etree.RelaxNG(etree.parse(str(SCHEMAS / "opds1" / "opds.rng")))


def validate_opds1(feed: bytes) -> list[str]:
    """RELAX NG errors of an OPDS 1.2 feed (empty when valid)."""
    schema = opds1_relaxng()
    doc = etree.fromstring(feed)
    if schema.validate(doc):
        return []
    return [f"{e.line}: {e.message}" for e in schema.error_log]


@functools.lru_cache(maxsize=None)
def opds2_validator():
    """A jsonschema validator for OPDS 2.0 feeds whose every $ref resolves to a file here."""
    import jsonschema
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT7

    registry = Registry()
    bases = {
        "opds2": ("https://specs.opds.io/schema/", "https://drafts.opds.io/schema/"),
        "webpub-manifest": ("https://readium.org/webpub-manifest/schema/",),
    }
    for folder, urls in bases.items():
        for path in sorted((SCHEMAS / folder).rglob("*.schema.json")):
            # ECMA-262 named groups (?<name>…) are (?P<name>…) in Python's re.
            text = re.sub(r"\(\?<(?=[A-Za-z])", "(?P<", path.read_text(encoding="utf-8"))
            contents = json.loads(text)
            resource = Resource.from_contents(contents, default_specification=DRAFT7)
            rel = path.relative_to(SCHEMAS / folder).as_posix()
            for url in urls:
                registry = registry.with_resource(url + rel, resource)
    feed = json.loads((SCHEMAS / "opds2" / "feed.schema.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(feed)
    return cls(feed, registry=registry, format_checker=cls.FORMAT_CHECKER)


def validate_opds2(feed: bytes) -> list[str]:
    """JSON Schema errors of an OPDS 2.0 feed (empty when valid)."""
    validator = opds2_validator()
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(json.loads(feed))]
