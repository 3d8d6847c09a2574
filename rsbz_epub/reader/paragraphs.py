"""Paragraph building: soft-wrapped lines and print breaks rejoined without losing a character."""

from __future__ import annotations

from dataclasses import dataclass, field

from rsbz_epub.model import Block, Diagnostic, Paragraph
from rsbz_epub.reader.diagnostics import diag
from rsbz_epub.reader.normalize import is_cjk, normalize_punctuation
from rsbz_epub.reader.segment import ends_finished

_LATIN_END = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789,.;:!?)%'\"")
_LATIN_START = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789(\"'")


def join_text(left: str, right: str) -> str:
    """Glue two parts of one paragraph: nothing between CJK, one space between Latin words."""
    if left and right and left[-1] in _LATIN_END and right[0] in _LATIN_START and not left.endswith("-"):
        return f"{left} {right}"
    return left + right


@dataclass
class OpenParagraph:
    """A paragraph still being read: its parts, first line, and the lines where breaks were rejoined."""

    text: str
    line: int
    last_line: int
    literal: bool = False
    joins: list[int] = field(default_factory=list)
    #: blocks print placed between the halves of this paragraph (a caption, a box); emitted after it
    deferred: list[Block] = field(default_factory=list)

    @property
    def finished(self) -> bool:
        """True when the text so far ends a sentence (a literal line is always complete)."""
        return self.literal or ends_finished(self.text)

    def extend(self, text: str, line: int, *, is_break: bool, diags: list[Diagnostic]) -> None:
        """Append the next part; a print break (not a soft wrap) is recorded in ``joins``."""
        if is_break:
            self.joins.append(line)
            if self.text and text and self.text[-1] == text[0] and is_cjk(text[0]):
                diags.append(
                    diag("R007", f"'{text[0]}' ends line {self.last_line} and begins line {line}; both kept — check the print", line)
                )
        self.text = join_text(self.text, text)
        self.last_line = line

    def close(self) -> list[Block]:
        """The finished Paragraph followed by whatever print placed inside it."""
        # Lines were normalised one by one; a bracket or comma at a line edge only finds its
        # Chinese neighbour once the lines are joined.
        text = self.text if self.literal else normalize_punctuation(self.text)
        return [Paragraph(text=text, line=self.line, joins=tuple(self.joins)), *self.deferred]
