"""RT (arabic.rt.com, rt.com).

(Skeleton: the text-mode and HTML-mode parser issues describe the site here.)
"""

from __future__ import annotations

from typing import ClassVar

from .. import _regex
from ..document import Document
from ..model import Article
from .base import Parser
from .textdump import DumpProfile, Marker, Rule, exact, marker_score, matching, read_dump, starts

__all__ = ["BOILERPLATE", "PHOTO_CREDITS", "TEXT_DUMP", "TEXT_MARKERS", "RTParser"]

# -- text dumps --
# RT's pages, as scrapers dump them: the headline (with « – RT World News» or
# « - RT Arabic»), the site's navigation (live, follow-us, sections, «Stories»,
# news counts, bulleted section menus whose items repeat), the headline again,
# the photo's credit, the lead, the body with «إقرأ المزيد» links, «RT STORIES»
# rails of other headlines each followed by «#اسأل_أكثر #Question_More», and
# «المصدر: …» lines naming the text's sources.

#: Photo agencies RT prints under its pictures.
PHOTO_CREDITS: tuple[str, ...] = (
    "RIA NOVOSTI", "Gettyimages.ru", "Global Look Press", "Sputnik", "AFP", "Reuters", "AP",
    "EPA", "TASS", "Legion-Media", "Public Domain", "RT",
)
_NEWS_COUNT = _regex.compile("rt.NEWS_COUNT", r"^[0-9٠-٩]{1,4} (?:خبر|أخبار|news)$", )
_QUESTION_MORE = _regex.compile("rt.QUESTION_MORE", r"#اسأل_أكثر|#Question_?More", )

#: RT's boilerplate lines, by kind (the HTML mode drops the same texts).
BOILERPLATE: tuple[Rule, ...] = (
    exact("navigation", "مباشر", "أين يمكنك متابعتنا", "أقسام مهمة", "Stories", "الرئيسية",
          "الأكثر قراءة", "RT Arabic", "RT عربي", "تابعوا RT على"),
    matching("navigation", _NEWS_COUNT, max_words=3),
    exact("related", "RT STORIES"),
    matching("related", _QUESTION_MORE, max_words=4, take="previous"),
    starts("read-also", "إقرأ المزيد", "اقرأ المزيد", "READ MORE", take="next"),
    starts("footer", "جميع الحقوق محفوظة", "© 2005", "RT © 20", take="rest"),
)

#: Signs that a text is an RT page, with their weights.
TEXT_MARKERS: tuple[Marker, ...] = (
    Marker(title_only=True, contains=("RT World News", "RT Arabic", "RT عربي"), weight=0.9),
    Marker(pattern=_QUESTION_MORE, weight=0.6),
    Marker(lines=("RT STORIES",), weight=0.6),
    Marker(prefixes=("هذا المحتوى مقدم من قناة روسيا اليوم",), weight=0.8),
    Marker(lines=("أين يمكنك متابعتنا",), weight=0.6),
    Marker(lines=("أقسام مهمة",), weight=0.3),
    Marker(lines=("إقرأ المزيد",), weight=0.35),
    Marker(prefixes=("المصدر: RT", "المصدر: روسيا اليوم"), weight=0.6),
    Marker(lines=("RIA NOVOSTI", "Gettyimages.ru"), weight=0.3),
)

#: How :func:`~mideastnews.parsers.textdump.read_dump` reads the site's dumps.
TEXT_DUMP = DumpProfile(
    source="rt",
    language="ar",
    site_names=("RT World News", "RT Arabic", "RT عربي", "RT"),
    rules=BOILERPLATE,
    photo_credits=PHOTO_CREDITS,
    zone="Europe/Moscow",
)


class RTParser(Parser):
    """RT (arabic.rt.com, rt.com)."""

    name: ClassVar[str] = "rt"
    domains: ClassVar[tuple[str, ...]] = ('rt.com', 'arabic.rt.com', 'russian.rt.com')
    languages: ClassVar[tuple[str, ...]] = ('ar', 'en')

    # -- text dumps --
    text_markers: ClassVar[tuple[Marker, ...]] = TEXT_MARKERS
    text_dump: ClassVar[DumpProfile] = TEXT_DUMP

    def score_text(self, doc: Document) -> float:
        """How surely a text dump is RT's, from its markers."""
        return marker_score(doc, self.text_markers)

    def parse_text(self, doc: Document) -> Article:
        """Read an RT text dump."""
        return read_dump(doc, self.text_dump)
