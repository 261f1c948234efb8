"""RT (arabic.rt.com, rt.com).

The module describes the site as data, in two blocks: ``# -- text dumps --``
(the boilerplate rules, shared with HTML mode, and the markers of scraped text)
and ``# -- HTML pages --`` (the page layouts).
"""

from __future__ import annotations

from typing import ClassVar

from .. import _regex
from . import htmlpage
from .site import SiteParser
from .textdump import DumpProfile, Marker, Rule, exact, matching, starts

__all__ = [
    "BOILERPLATE",
    "HTML_LAYOUTS",
    "HTML_SITE",
    "PHOTO_CREDITS",
    "TEXT_DUMP",
    "TEXT_MARKERS",
    "RTParser",
]

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
_NEWS_COUNT = _regex.compile(
    "rt.NEWS_COUNT", r"^(?:STORIES |Stories )?[0-9٠-٩]{1,4}(?: (?:خبر|أخبار|news))?$"
)
# «#اسأل_أكثر|#?Question_?More», written so that every branch opens with a literal: the engine then
# skips to «#» or «Q» at C speed instead of trying every position of a long line (same matches).
_QUESTION_MORE = _regex.compile("rt.QUESTION_MORE", r"#(?:اسأل_أكثر|Question_?More)|Question_?More")

#: RT's boilerplate lines, by kind (the HTML mode drops the same texts).
BOILERPLATE: tuple[Rule, ...] = (
    exact("navigation", "مباشر", "أين يمكنك متابعتنا", "أقسام مهمة", "Stories", "الرئيسية",
          "الأكثر قراءة", "RT Arabic", "RT عربي", "تابعوا RT على"),
    matching("navigation", _NEWS_COUNT, max_words=3),
    exact("navigation", "اضغط للمزيد", "(فيديوهات)", "فيديوهات"),
    exact("share", "Save post", "Share", "Facebook", "VK.com", "Telegram", "Twitter", "WhatsApp", "X"),
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

#: The article id in the site's URLs (a dump may print the article's URL on a line).
_TEXT_URL_ID = _regex.compile("rt.TEXT_URL_ID", r"rt\.com/(?:[a-z][a-z_-]{1,30}/){1,3}(?P<id>[0-9]{3,10})-")

#: How :func:`~mideastnews.parsers.textdump.read_dump` reads the site's dumps.
TEXT_DUMP = DumpProfile(
    source="rt",
    url_id=_TEXT_URL_ID,
    language="ar",
    site_names=("RT World News", "RT Arabic", "RT عربي", "RT"),
    rules=BOILERPLATE,
    photo_credits=PHOTO_CREDITS,
    zone="Europe/Moscow",
)


# -- HTML pages --
# RT's article pages in two CMS families: arabic.rt.com (`div.article` with
# `h1.heading`, the body `div.text.js-text.js-mediator-article`, tag links in
# `div.news-tags`, the date line `span.date`) and rt.com (`h1.article__heading`,
# the standfirst `div.article__summary`, the body `div.article__text`, the date
# `span.date_article-header`).  Naive times are Moscow time.  The address is
# `<host>/<section>/<id>-<slug>/`.

#: RT's layouts: Arabic edition, then rt.com.
HTML_LAYOUTS: tuple[htmlpage.Layout, ...] = (
    htmlpage.Layout(
        name="V1",
        detect=("div.article h1.heading", "div.js-mediator-article"),
        title=("div.article h1.heading", "h1.heading"),
        lead=("div.article .article__summary", "div.article div.summary", "div.article p.summary"),
        body=("div.text.js-text.js-mediator-article",),
        exclude=(("div.read-more", "read-also"), ("div.news-tags", "tag-list")),
        date=("div.article span.date",),
        tags=("div.news-tags a",),
        media=("div.article div.media", "div.article figure"),
        captions=("figcaption", ".media__footer", ".caption"),
    ),
    htmlpage.Layout(
        name="EN_V1",
        detect=("h1.article__heading", "div.article__text"),
        title=("h1.article__heading",),
        lead=("div.article__summary",),
        body=("div.article__text",),
        exclude=(("div.read-more", "read-also"), ("div.tags-trends", "tag-list")),
        date=("span.date_article-header", "div.article span.date"),
        tags=("div.tags-trends a", "div.news-tags a"),
        media=("div.article__cover", "div.article__main-media"),
        captions=("figcaption", ".media__footer", ".caption"),
    ),
)

_URL = _regex.compile("rt.URL", r"rt\.com/(?P<section>[a-z][a-z_-]{1,30})/(?P<id>[0-9]{3,10})-")

#: RT for the HTML reader.
HTML_SITE = htmlpage.Site(
    name="rt",
    zone="Europe/Moscow",
    language="ar",
    site_names=("RT Arabic", "RT عربي", "RT World News", "RT"),
    url_id=_URL,
    url_section=_URL,
    layouts=HTML_LAYOUTS,
    rules=BOILERPLATE,
)


class RTParser(SiteParser):
    """RT (arabic.rt.com, rt.com): its text dumps and its two page families."""

    name: ClassVar[str] = "rt"
    domains: ClassVar[tuple[str, ...]] = ('rt.com', 'arabic.rt.com', 'russian.rt.com')
    languages: ClassVar[tuple[str, ...]] = ('ar', 'en')
    text_markers: ClassVar[tuple[Marker, ...]] = TEXT_MARKERS
    text_dump: ClassVar[DumpProfile | None] = TEXT_DUMP
    html_site: ClassVar[htmlpage.Site | None] = HTML_SITE
