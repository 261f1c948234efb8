"""IRNA, the Islamic Republic News Agency (irna.ir).

The module describes the site as data, in two blocks: ``# -- text dumps --``
(the boilerplate rules, shared with HTML mode, credit chains, stamps and the
markers of scraped text) and ``# -- HTML pages --`` (the page layouts).
"""

from __future__ import annotations

from typing import ClassVar

from .. import _regex
from . import htmlpage
from .site import SiteParser
from .textdump import (
    DumpProfile,
    Marker,
    Rule,
    Stamp,
    exact,
    matching,
    read_jalali,
    starts,
)

__all__ = ["BOILERPLATE", "HTML_LAYOUTS", "HTML_SITE", "TEXT_DUMP", "TEXT_MARKERS", "IRNAParser"]

# -- text dumps --
# IRNA's pages, as scrapers dump them: the headline, the lead, the body whose
# first paragraph carries the credit chain («به گزارش ایرنا»، «به گزارش آران
# نیوز به نقل از ایرنا»، «به گزارش خبرنگار سیاسی ایرنا»، «تهران- ایرنا-»),
# subheadings that often lost their line break and lead the paragraph after
# them, media credits («فیلم: ایرنا۲۴»، «عکس: …»), «تاریخ انتشار: …», «کد خبر: …»,
# the tags and the trailing «نظر شما».

_FA_DIGIT = "[0-9۰-۹]"
_MONTHS = "فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند"
_TIME = rf"(?:[ ،,-]{{1,4}}(?P<hm>{_FA_DIGIT}{{1,2}}:{_FA_DIGIT}{{2}}))?"
_PUBLISHED_NAMED = _regex.compile(
    "irna.PUBLISHED_NAMED",
    rf"تاریخ انتشار ?: ?(?P<jd>{_FA_DIGIT}{{1,2}}) (?P<month_name>{_MONTHS}) (?P<jy>{_FA_DIGIT}{{4}}){_TIME}",
)
_PUBLISHED_NUMERIC = _regex.compile(
    "irna.PUBLISHED_NUMERIC",
    rf"تاریخ انتشار ?: ?(?P<jy>{_FA_DIGIT}{{4}})/(?P<jm>{_FA_DIGIT}{{1,2}})/(?P<jd>{_FA_DIGIT}{{1,2}})"
    + _TIME,
)
_MODIFIED_NAMED = _regex.compile(
    "irna.MODIFIED_NAMED",
    rf"(?:تاریخ به‌روزرسانی|تاریخ بروزرسانی|آخرین به‌روزرسانی) ?: ?(?P<jd>{_FA_DIGIT}{{1,2}}) "
    rf"(?P<month_name>{_MONTHS}) (?P<jy>{_FA_DIGIT}{{4}}){_TIME}",
)
_NEWS_ID = _regex.compile("irna.NEWS_ID", rf"کد خبر ?: ?(?P<id>{_FA_DIGIT}{{6,10}})")
_CREDIT_CHAIN = _regex.compile("irna.CREDIT_CHAIN", r"^به (?:گزارش|نقل از) [^،,:.]{0,60}ایرنا")
_DATELINE = _regex.compile("irna.DATELINE", r"^\S{1,30} ?[-–] ?ایرنا ?[-–]")
#: The desk and reporter codes closing a story («۷۱۷۸/ ۲۰۹۷», «**۱۰۳۹»).
_DESK_CODE = _regex.compile("irna.DESK_CODE", r"^(?=[^۰-۹0-9]{0,40}[۰-۹0-9])[*/ ۰-۹0-9]{2,40}$")

#: IRNA's boilerplate lines, by kind (the HTML mode drops the same texts).
BOILERPLATE: tuple[Rule, ...] = (
    exact("footer", "نظر شما", take="rest"),
    exact("share", "کپی شد", "لینک کوتاه", "لینک کپی شد", "اشتراک گذاری", "ذخیره"),
    exact("tag-list", "برچسب‌ها", "برچسب ها", "برچسبها", take="tags"),
    exact("related", "اخبار مرتبط", "پربازدیدترین", "پربازدیدترین ها", "آخرین اخبار", take="rest"),
    starts("photo-credit", "فیلم: ایرنا۲۴", "عکس: ایرنا", "عکاس:", max_words=10),
    matching("desk-code", _DESK_CODE),
    exact("footer", "انتهای پیام", "انتهای خبر"),
)

#: Signs that a text is an IRNA page, with their weights.
TEXT_MARKERS: tuple[Marker, ...] = (
    Marker(title_only=True, contains=("- ایرنا", "| ایرنا", "– ایرنا"), weight=0.9),
    Marker(pattern=_CREDIT_CHAIN, weight=0.8),
    Marker(pattern=_DATELINE, weight=0.8),
    Marker(contains=("ایرنا۲۴", "ایرنا ۲۴"), weight=0.5),
    Marker(lines=("نظر شما",), weight=0.25),
    Marker(pattern=_NEWS_ID, weight=0.2),
)

#: The article id in the site's URLs (a dump may print the article's URL on a line).
_TEXT_URL_ID = _regex.compile("irna.TEXT_URL_ID", r"irna\.ir/news/(?P<id>[0-9]{8})(?![0-9])")

#: How :func:`~mideastnews.parsers.textdump.read_dump` reads the site's dumps.
TEXT_DUMP = DumpProfile(
    source="irna",
    url_id=_TEXT_URL_ID,
    language="fa",
    site_names=("ایرنا", "IRNA", "IRNA English"),
    rules=BOILERPLATE,
    stamps=(
        Stamp(_PUBLISHED_NAMED, read_jalali),
        Stamp(_PUBLISHED_NUMERIC, read_jalali),
        Stamp(_MODIFIED_NAMED, read_jalali, field="modified"),
    ),
    zone="Asia/Tehran",
    site_id=_NEWS_ID,
    recover_subheadings=True,
    tail_tags=True,
)


# -- HTML pages --
# IRNA's article pages (the news CMS it shares with other Iranian outlets):
# the kicker `.rutitr` / `.kicker` above `h1.title`, the lead `div.lead p`,
# `p.summary` or `p[itemprop=description]`, the body `div.item-body` (its
# `.item-text`), the tags `div.tags a`, and the date line `.item-date span`:
# a Solar Hijri date and a time split by «،» («۸ آذر ۱۴۰۲، ۱۰:۳۰»), Tehran
# time.  The address is `irna.ir/news/<8 digits>/<slug>`.

#: IRNA's layouts.
HTML_LAYOUTS: tuple[htmlpage.Layout, ...] = (
    htmlpage.Layout(
        name="V1",
        detect=("h1.title", "div.item-body"),
        title=("h1.title",),
        kicker=(".rutitr", ".kicker"),
        lead=("div.lead p", "p.summary", 'p[itemprop="description"]'),
        body=("div.item-body .item-text", "div.item-body"),
        exclude=(("div.tags", "tag-list"), (".item-code", "footer"), ("div.item-nav", "navigation")),
        date=("article .item-date span", ".item-header .item-date span", ".item-date span", ".item-date"),
        tags=("div.tags a", "section.tags a"),
        media=("div.item-summary figure", "figure.item-img"),
        captions=("figcaption",),
    ),
)

_URL_ID = _regex.compile("irna.URL_ID", r"irna\.ir/news/(?P<id>[0-9]{8})(?![0-9])")

#: IRNA for the HTML reader.
HTML_SITE = htmlpage.Site(
    name="irna",
    zone="Asia/Tehran",
    language="fa",
    site_names=("ایرنا", "IRNA", "ارنا", "IRNA English"),
    url_id=_URL_ID,
    layouts=HTML_LAYOUTS,
    rules=BOILERPLATE,
)


class IRNAParser(SiteParser):
    """IRNA, the Islamic Republic News Agency (irna.ir): its text dumps and its pages."""

    name: ClassVar[str] = "irna"
    domains: ClassVar[tuple[str, ...]] = ('irna.ir',)
    languages: ClassVar[tuple[str, ...]] = ('fa', 'ar', 'en')
    text_markers: ClassVar[tuple[Marker, ...]] = TEXT_MARKERS
    text_dump: ClassVar[DumpProfile | None] = TEXT_DUMP
    html_site: ClassVar[htmlpage.Site | None] = HTML_SITE
