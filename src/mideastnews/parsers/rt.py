"""RT (arabic.rt.com, rt.com).

(Skeleton: the text-mode and HTML-mode parser issues describe the site here.)
"""

from __future__ import annotations

from typing import ClassVar

from ..document import Document
from ..model import Article
from .base import Parser
from .textdump import read_dump

__all__ = ["RTParser"]


class RTParser(Parser):
    """RT (arabic.rt.com, rt.com)."""

    name: ClassVar[str] = "rt"
    domains: ClassVar[tuple[str, ...]] = ('rt.com', 'arabic.rt.com', 'russian.rt.com')
    languages: ClassVar[tuple[str, ...]] = ('ar', 'en')

    def parse_text(self, doc: Document) -> Article:
        return read_dump(doc, source=self.name, language="ar")
