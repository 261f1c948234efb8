"""SiteParser: a source parser that is a description of its site, as data.

A site module declares its text-dump markers and profile and its HTML site
(layouts, zone, boilerplate rules); this class turns those into
``score_text``/``parse_text`` and ``score_html``/``parse_html``, so a source
module holds data and no reading code.
"""

from __future__ import annotations

from typing import ClassVar

from ..document import Document
from ..model import Article
from . import htmlpage
from .base import Parser
from .textdump import DumpProfile, Marker, marker_score, read_dump

__all__ = ["SiteParser"]


class SiteParser(Parser):
    """A parser described by its site's data.

    Attributes:
        text_markers: Signs that a text dump is this site's, with their weights.
        text_dump: How :func:`~mideastnews.parsers.textdump.read_dump` reads
            the site's dumps; ``None`` when the parser reads no text dumps.
        html_site: The site's HTML layouts, zone and boilerplate rules;
            ``None`` when the parser reads no HTML pages.
    """

    text_markers: ClassVar[tuple[Marker, ...]] = ()
    text_dump: ClassVar[DumpProfile | None] = None
    html_site: ClassVar[htmlpage.Site | None] = None

    def score_text(self, doc: Document) -> float:
        """How surely a text dump is this site's, from its markers."""
        return marker_score(doc, self.text_markers) if self.text_markers else 0.0

    def parse_text(self, doc: Document) -> Article:
        """Read a text dump with the site's profile."""
        if self.text_dump is None:
            return super().parse_text(doc)
        return read_dump(doc, self.text_dump)

    def score_html(self, doc: Document) -> float:
        """How surely an HTML page is this site's: its canonical address or one of its layouts."""
        if self.html_site is None:
            return 0.0
        return htmlpage.score_page(doc, self.html_site, self.domains)

    def parse_html(self, doc: Document) -> Article:
        """Read a page with the site's layouts, else by its structure."""
        if self.html_site is None:
            return super().parse_html(doc)
        return htmlpage.read_page(doc, self.html_site)
