"""Al Mayadeen (almayadeen.net).

(Skeleton: the text-mode and HTML-mode parser issues describe the site here.)
"""

from __future__ import annotations

from typing import ClassVar

from ..document import Document
from ..model import Article
from .base import Parser
from .textdump import read_dump

__all__ = ["AlMayadeenParser"]


class AlMayadeenParser(Parser):
    """Al Mayadeen (almayadeen.net)."""

    name: ClassVar[str] = "almayadeen"
    domains: ClassVar[tuple[str, ...]] = ('almayadeen.net',)
    languages: ClassVar[tuple[str, ...]] = ('ar', 'en')

    def parse_text(self, doc: Document) -> Article:
        return read_dump(doc, source=self.name, language="ar")
