"""Sputnik Arabic (sarabic.ae).

(Skeleton: the text-mode and HTML-mode parser issues describe the site here.)
"""

from __future__ import annotations

from typing import ClassVar

from ..document import Document
from ..model import Article
from .base import Parser
from .textdump import read_dump

__all__ = ["SputnikParser"]


class SputnikParser(Parser):
    """Sputnik Arabic (sarabic.ae)."""

    name: ClassVar[str] = "sputnik"
    domains: ClassVar[tuple[str, ...]] = ('sarabic.ae', 'sputnikarabic.ae', 'arabic.sputniknews.com')
    languages: ClassVar[tuple[str, ...]] = ('ar',)

    def parse_text(self, doc: Document) -> Article:
        return read_dump(doc, source=self.name, language="ar")
