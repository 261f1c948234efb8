"""IRNA, the Islamic Republic News Agency (irna.ir).

(Skeleton: the text-mode and HTML-mode parser issues describe the site here.)
"""

from __future__ import annotations

from typing import ClassVar

from ..document import Document
from ..model import Article
from .base import Parser
from .textdump import read_dump

__all__ = ["IRNAParser"]


class IRNAParser(Parser):
    """IRNA, the Islamic Republic News Agency (irna.ir)."""

    name: ClassVar[str] = "irna"
    domains: ClassVar[tuple[str, ...]] = ('irna.ir',)
    languages: ClassVar[tuple[str, ...]] = ('fa', 'ar', 'en')

    def parse_text(self, doc: Document) -> Article:
        return read_dump(doc, source=self.name, language="fa")
