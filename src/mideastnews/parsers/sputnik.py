"""Sputnik Arabic (sarabic.ae).

The module describes the site as data, in two blocks: ``# -- text dumps --``
(the boilerplate rules, shared with HTML mode, stamps and the markers of scraped
text) and ``# -- HTML pages --`` (the page layouts).
"""

from __future__ import annotations

from typing import ClassVar

from .. import _regex
from ..document import Document
from . import htmlpage
from .site import SiteParser
from .textdump import (
    DumpProfile,
    Marker,
    Rule,
    Stamp,
    exact,
    matching,
    read_dotted,
    read_iso,
    starts,
)

__all__ = [
    "BOILERPLATE",
    "HTML_LAYOUTS",
    "HTML_SITE",
    "SECTIONS",
    "TEXT_DUMP",
    "TEXT_MARKERS",
    "SputnikParser",
    "read_unixtime",
]

# -- text dumps --
# Sputnik Arabic's pages, as scrapers dump them: the headline, the radio
# schedule (the hours 00:00 … 23:00, programme names, «02:30 GMT», durations
# «150 د», «أمساليوم», «بث مباشر»), the headline again, the picture's caption,
# the lead, a «DD.MM.YYYY, سبوتنيك عربي» line and the ISO timestamps of
# publication and update, the photo's credit («Sputnik», «© …»), image URLs,
# the body with inline headlines of related articles, the tags, «مناقشة».

#: The site's section names, printed as lines of their own.
SECTIONS: tuple[str, ...] = (
    "العالم العربي", "العالم", "روسيا", "اقتصاد", "رياضة", "مجتمع", "علوم", "تكنولوجيا", "صحة",
    "ثقافة", "آراء", "تقارير", "مقابلات", "أخبار العالم العربي", "حول العالم",
)
_HOUR = _regex.compile("sputnik.HOUR", r"^[0-2]?[0-9]:[0-5][0-9]$")
# «\b[0-2]?[0-9]:[0-5][0-9] GMT\b», written to open with a digit class: the engine then skips to digits
# at C speed instead of trying every position of a long line (same matches).
_PROGRAMME_TIME = _regex.compile("sputnik.PROGRAMME_TIME",
                                 r"[0-9](?<!\w[0-9])(?:(?<=[0-2])[0-9])?:[0-5][0-9] GMT\b")
_DURATION = _regex.compile("sputnik.DURATION", r"^[0-9]{1,3} (?:د|دقيقة|دقائق)$")
_ISO_STAMP = _regex.compile(
    "sputnik.ISO_STAMP",
    r"(?P<iso>[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(?::[0-9]{2})?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)",
)
# The day is written «[0-9][0-9]?» (the same as «[0-9]{1,2}»): a pattern that opens with a plain class lets
# the engine skip to digits at C speed.
_DATED_SITE = _regex.compile(
    "sputnik.DATED_SITE",
    r"(?P<d>[0-9][0-9]?)\.(?P<m>[0-9]{1,2})\.(?P<y>[0-9]{4})(?:,? (?P<hm>[0-9]{1,2}:[0-9]{2}))?"
    r"[,،] ?سبوتنيك عربي",
)

#: Sputnik's boilerplate lines, by kind (the HTML mode drops the same texts).
BOILERPLATE: tuple[Rule, ...] = (
    matching("schedule", _HOUR),
    matching("schedule", _PROGRAMME_TIME, max_words=12),
    matching("schedule", _DURATION),
    exact("schedule", "أمساليوم", "أمس", "اليوم", "بث مباشر", "البث المباشر", "جدول البث"),
    exact("site-name", "سبوتنيك عربي", "Sputnik عربي"),
    exact("footer", "مناقشة", "انضم إلى النقاش", take="rest"),
    starts("read-also", "اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضا", take="next"),
)

#: Signs that a text is a Sputnik page, with their weights.
TEXT_MARKERS: tuple[Marker, ...] = (
    Marker(title_only=True, contains=("سبوتنيك عربي", "Sputnik عربي"), weight=0.9),
    Marker(pattern=_DATED_SITE, weight=0.8),
    Marker(lines=("أمساليوم",), weight=0.7),
    Marker(contains=("سبوتنيك عربي",), weight=0.6),
    Marker(prefixes=("© Sputnik",), weight=0.6),
    Marker(lines=("Sputnik",), weight=0.4),
    Marker(pattern=_PROGRAMME_TIME, weight=0.4),
    Marker(lines=("مناقشة",), weight=0.3),
    Marker(lines=("بث مباشر",), weight=0.15),
)

#: The article id in the site's URLs (a dump may print the article's URL on a line).
_TEXT_URL_ID = _regex.compile(
    "sputnik.TEXT_URL_ID", r"/[0-9]{8}/[^\s?#/]{0,300}?-(?P<id>[0-9]{6,12})\.html"
)

#: How :func:`~mideastnews.parsers.textdump.read_dump` reads the site's dumps.
TEXT_DUMP = DumpProfile(
    source="sputnik",
    url_id=_TEXT_URL_ID,
    language="ar",
    site_names=("سبوتنيك عربي", "Sputnik عربي", "Sputnik Arabic"),
    rules=BOILERPLATE,
    photo_credits=("Sputnik",),
    stamps=(
        Stamp(_ISO_STAMP, read_iso, field="published-then-modified"),
        Stamp(_DATED_SITE, read_dotted, fallback=True),
    ),
    zone="Europe/Moscow",
    sections=SECTIONS,
    head_kind="schedule",
    short_line_kind="related",
    caption_before_credit=True,
    tail_tags=True,
)


# -- HTML pages --
# Sputnik's article pages in two CMS generations.  V2 (current): the title
# `.article__title` with its kicker `.uptitle`, the standfirst
# `.article__announce-text`, the body blocks `.article__body .article__block
# .article__text`, the date `.article__info-date a` with `[data-unixtime]`
# (a site block: seconds since the epoch), tags `.tags li`, pictures with
# captions and `© …` credits.  V1 (older): `.b-article__header-title`,
# `.b-article__lead`, `.b-article__text`, `meta[itemprop=datePublished]`.
# Naive times are Moscow time.  The address is
# `<host>/YYYYMMDD/<slug>-<id>.html` (sarabic.ae, sputnikarabic.ae,
# arabic.sputniknews.com).

#: Sputnik's layouts, newest first.
HTML_LAYOUTS: tuple[htmlpage.Layout, ...] = (
    htmlpage.Layout(
        name="V2",
        detect=(".article__title", ".article__body"),
        title=("h1.article__title", ".article__title"),
        kicker=(".article__header .uptitle", ".uptitle"),
        lead=(".article__announce-text",),
        body=(".article__body .article__block .article__text, .article__body .article__block .article__h2, "
              ".article__body .article__block .article__quote-text", ".article__body .article__text"),
        date=(".article__info-date a", ".article__info-date"),
        tags=(".article__tags li", ".tags li"),
        media=(".article__announce .media", ".article__header figure",
               ".article__body .article__block figure"),
        captions=("figcaption", ".media__copyright", ".media__caption"),
    ),
    htmlpage.Layout(
        name="V1",
        detect=(".b-article__header-title", ".b-article__text"),
        title=(".b-article__header-title h1", ".b-article__header-title"),
        lead=(".b-article__lead",),
        body=(".b-article__text",),
        date=(".b-article__refs-date", ".b-article__header .date"),
        tags=(".b-article__tags li", ".tags li"),
        media=(".b-article__header figure", ".b-article__media"),
        captions=("figcaption", ".b-article__media-caption"),
    ),
)


def read_unixtime(doc: Document, meta: htmlpage.PageMeta) -> None:
    """Read the site block `[data-unixtime]` of the article's own date line into ``meta``.

    Only the article header's `.article__info-date` counts: the same
    attribute on sidebar items dates other articles.
    """
    stamps = doc.tree.css(".article__info-date [data-unixtime], .article__info-date[data-unixtime]")
    values = [htmlpage.parse_when(node.attributes.get("data-unixtime"), "Europe/Moscow") for node in stamps]
    times = [v for v in values if v is not None]
    if times:
        meta.offer("published", times[0], "data-unixtime")
    if len(times) > 1:
        meta.offer("modified", times[-1], "data-unixtime")


# `/20240519/<slug>-1087654321.html`; older `/<section>/201903141039876543-<slug>/` (day, then id).
_URL_ID = _regex.compile(
    "sputnik.URL_ID", r"(?:/[0-9]{8}/[^?#]{0,300}?[/-]|/[0-9]{8})(?P<id>[0-9]{4,12})(?:\.html|-)"
)

#: Sputnik for the HTML reader.
HTML_SITE = htmlpage.Site(
    name="sputnik",
    zone="Europe/Moscow",
    language="ar",
    site_names=("سبوتنيك عربي", "Sputnik عربي", "Sputnik Arabic", "Sputnik"),
    url_id=_URL_ID,
    blocks=(read_unixtime,),
    layouts=HTML_LAYOUTS,
    rules=BOILERPLATE,
)


class SputnikParser(SiteParser):
    """Sputnik Arabic (sarabic.ae): its text dumps and its two page generations."""

    name: ClassVar[str] = "sputnik"
    domains: ClassVar[tuple[str, ...]] = ('sarabic.ae', 'sputnikarabic.ae', 'arabic.sputniknews.com')
    languages: ClassVar[tuple[str, ...]] = ('ar',)
    text_markers: ClassVar[tuple[Marker, ...]] = TEXT_MARKERS
    text_dump: ClassVar[DumpProfile | None] = TEXT_DUMP
    html_site: ClassVar[htmlpage.Site | None] = HTML_SITE
