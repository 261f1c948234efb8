"""The generic parser: every page no source parser claims.

(Skeleton: the parser issues fill in text-dump and HTML extraction.)
"""

from __future__ import annotations

from typing import ClassVar

from ..document import Document
from ..model import Article
from .base import Parser
from .textdump import read_dump

__all__ = ["GenericParser"]


class GenericParser(Parser):
    """Any news page in Arabic, Persian or English."""

    name: ClassVar[str] = "generic"
    languages: ClassVar[tuple[str, ...]] = ("ar", "fa", "en")

    def parse_text(self, doc: Document) -> Article:
        return read_dump(doc, source=self.name, language="ar")
