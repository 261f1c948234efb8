"""Al Mayadeen (almayadeen.net).

(Skeleton: the text-mode and HTML-mode parser issues describe the site here.)
"""

from __future__ import annotations

from typing import ClassVar

from ..document import Document
from ..model import Article
from .base import Parser
from .textdump import DumpProfile, Marker, Rule, exact, marker_score, read_dump, starts

__all__ = ["BOILERPLATE", "COVERAGE_BLURBS", "TEXT_DUMP", "TEXT_MARKERS", "AlMayadeenParser"]

# -- text dumps --
# Al Mayadeen's pages, as scrapers dump them: the headline, the summary (lead),
# the body with embedded tweets (`… pic.twitter.com/…`) and image captions under
# a bullet label («• قمة»), «اقرأ أيضاً: …» links inside the body; then the tag
# list, «اقرأ للكاتب», the coverage blurb, the sidebar's timestamps of other
# articles («اليوم 13:00», «12 اب»), «تصفح المزيد» and the footer.

#: The blurb the site appends to every article of a coverage, by its opening words.
COVERAGE_BLURBS: tuple[str, ...] = (
    "في السابع من تشرين الأول/أكتوبر 2023 أعلنت كتائب القسام معركة",  # طوفان الأقصى
)

#: Al Mayadeen's boilerplate lines, by kind (the HTML mode drops the same texts).
BOILERPLATE: tuple[Rule, ...] = (
    starts("read-also", "اقرأ أيضاً", "اقرأ أيضا", "إقرأ أيضاً", "إقرأ أيضا", take="next"),
    starts("read-also", "شاهد أيضاً", "شاهد أيضا", take="next"),
    exact("related", "اخترنا لك", take="rest"),
    exact("related", "اقرأ للكاتب", take="rest"),
    exact("footer", "تصفح المزيد", take="rest"),
    starts("footer", "شبكة الميادين الإعلامية", take="rest"),
    exact("footer", "جميع الحقوق محفوظة"),
    starts("coverage", *COVERAGE_BLURBS),
)

#: Signs that a text is an Al Mayadeen page, with their weights.
TEXT_MARKERS: tuple[Marker, ...] = (
    Marker(contains=("شبكة الميادين الإعلامية",), weight=0.9),
    Marker(lines=("تصفح المزيد",), weight=0.5),
    Marker(lines=("اقرأ للكاتب",), weight=0.5),
    Marker(lines=("اخترنا لك",), weight=0.45),
    Marker(prefixes=COVERAGE_BLURBS, weight=0.6),
    Marker(prefixes=("اقرأ أيضاً:", "اقرأ أيضا:"), weight=0.15),
    Marker(lines=("الميادين نت",), weight=0.4),
    Marker(contains=("للميادين",), weight=0.2),
    Marker(title_only=True, contains=("| الميادين", "- الميادين", "| Al Mayadeen"), weight=0.9),
)

#: How :func:`~mideastnews.parsers.textdump.read_dump` reads the site's dumps.
TEXT_DUMP = DumpProfile(
    source="almayadeen",
    language="ar",
    site_names=("الميادين", "الميادين نت", "Al Mayadeen English", "Al Mayadeen"),
    rules=BOILERPLATE,
    zone="Asia/Beirut",
    tail_tags=True,
    tail_prose_kind="coverage",
    date_line_kind="sidebar",
)


class AlMayadeenParser(Parser):
    """Al Mayadeen (almayadeen.net)."""

    name: ClassVar[str] = "almayadeen"
    domains: ClassVar[tuple[str, ...]] = ('almayadeen.net',)
    languages: ClassVar[tuple[str, ...]] = ('ar', 'en')

    # -- text dumps --
    text_markers: ClassVar[tuple[Marker, ...]] = TEXT_MARKERS
    text_dump: ClassVar[DumpProfile] = TEXT_DUMP

    def score_text(self, doc: Document) -> float:
        """How surely a text dump is Al Mayadeen's, from its markers."""
        return marker_score(doc, self.text_markers)

    def parse_text(self, doc: Document) -> Article:
        """Read an Al Mayadeen text dump."""
        return read_dump(doc, self.text_dump)
