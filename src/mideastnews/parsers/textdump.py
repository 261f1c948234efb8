"""Shared machinery for text dumps: the headline line, then one page element per line.

(Skeleton: the text-mode parsers issue fills in blocks, boilerplate rules,
captions, credits and embeds.)
"""

from __future__ import annotations

from ..document import Document
from ..errors import ParseError
from ..model import Article

__all__ = ["read_dump"]


def read_dump(doc: Document, *, source: str, language: str) -> Article:
    """Read a text dump: the first non-blank line is the title, the rest paragraphs."""
    lines = [line.strip() for line in doc.lines if line.strip()]
    if not lines:
        raise ParseError("the text holds no line")
    return Article(source=source, title=lines[0], language=language, url=doc.url,
                   paragraphs=tuple(lines[1:]), warnings=doc.warnings)
