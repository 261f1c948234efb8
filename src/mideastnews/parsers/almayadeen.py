"""Al Mayadeen (almayadeen.net).

The module describes the site as data, in two blocks: ``# -- text dumps --``
(the boilerplate rules, shared with HTML mode, and the markers of scraped text)
and ``# -- HTML pages --`` (the page layouts).
"""

from __future__ import annotations

import json
from typing import ClassVar

from .. import _regex
from ..document import Document
from . import htmlpage
from .site import SiteParser
from .textdump import DumpProfile, Marker, Rule, exact, starts

__all__ = [
    "BOILERPLATE",
    "COVERAGE_BLURBS",
    "HTML_LAYOUTS",
    "HTML_SITE",
    "TEXT_DUMP",
    "TEXT_MARKERS",
    "AlMayadeenParser",
    "read_tawsiyat",
]

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
    starts("disclaimer", "إنّ الآراء المذكورة في هذه المقالة", "إن الآراء المذكورة في هذه المقالة",
           "الآراء المذكورة في هذه المقالة"),
    exact("footer", "Browse more", "All rights reserved", take="rest"),
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
    embed_gap=3,
)


# -- HTML pages --
# Al Mayadeen's article pages: the headline in `div.details-white-box` (an
# `h1`, in older pages an `h2`), the displayed summary `p.lg_para.summary`,
# the body `div.p-content` (its «اقرأ أيضاً» paragraphs and `div.dual-related`
# boxes are boilerplate), figures with captions, embedded tweets; and the
# site's own metadata block `<script type="text/tawsiyat" id="tawsiyat-metadata">`
# (postid, published_time and last_updated with offsets, keywords, author,
# classes: posttype, category, country, coverage, author).  The page's
# `article:published_time` is naive with a seven-digit fraction
# (`2023-01-30T17:04:00.0000000`): Beirut time.

#: Al Mayadeen's layouts, newest first.
HTML_LAYOUTS: tuple[htmlpage.Layout, ...] = (
    htmlpage.Layout(
        name="V1",
        detect=("div.details-white-box", "div.p-content"),
        title=("div.details-white-box h1", "div.details-white-box h2", "h1"),
        lead=("p.lg_para.summary", "p.summary"),
        body=("div.p-content",),
        exclude=(("div.dual-related", "related"), ("div.tags", "tag-list"), ("ul.tags", "tag-list")),
        date=("div.details-white-box .date", "div.details-white-box time"),
        tags=("div.details-white-box .tags a", "div.tags a", "ul.tags a"),
        authors=("div.details-white-box .author a", "div.details-white-box .author"),
        media=("div.details-white-box > figure", "div.details-white-box .main-image figure"),
    ),
)


def read_tawsiyat(doc: Document, meta: htmlpage.PageMeta) -> None:
    """Read the site block `<script type="text/tawsiyat" id="tawsiyat-metadata">` into ``meta``.

    Its values rank below JSON-LD and the meta tags, above the visible date line.
    """
    node = doc.tree.css_first('script#tawsiyat-metadata, script[type="text/tawsiyat"]')
    if node is None:
        return
    try:
        data = json.loads(node.text(deep=True) or "", strict=False)
    except (ValueError, RecursionError):
        return
    if not isinstance(data, dict):
        return
    source = "tawsiyat"
    meta.offer("published", htmlpage.parse_when(data.get("published_time"), _ZONE), source)
    meta.offer("modified", htmlpage.parse_when(data.get("last_updated"), _ZONE), source)
    postid = data.get("postid")
    if isinstance(postid, (str, int)) and str(postid).strip().isdigit():
        meta.site_id = str(postid).strip()
    for field, key in (("title", "title"), ("description", "description")):
        value = data.get(key)
        if isinstance(value, str):
            meta.offer(field, htmlpage.clean_text(value), source)
    keywords = data.get("keywords")
    if isinstance(keywords, str):
        tags = dict.fromkeys(htmlpage.clean_text(k) for k in keywords.split(","))
        meta.offer("tags", [k for k in tags if k], source)
    author = data.get("author")
    if isinstance(author, str) and author.strip():
        meta.offer("authors", [htmlpage.clean_text(author)], source)
    url = data.get("url")
    if isinstance(url, str) and url.startswith("http"):
        meta.offer("url", url.strip(), source)
    thumbnail = data.get("thumbnail")
    if isinstance(thumbnail, str) and thumbnail.startswith("http"):
        meta.offer("images", [thumbnail.strip()], source)
    lang = data.get("lang")
    if isinstance(lang, str):
        meta.offer("language", lang[:2].lower(), source)
    for item in data.get("classes") or ():
        if not isinstance(item, dict) or not isinstance(item.get("value"), str):
            continue
        if item.get("mapping") == "category":
            meta.offer("section", htmlpage.clean_text(item["value"]), source)


_ZONE = "Asia/Beirut"

#: Al Mayadeen for the HTML reader.
HTML_SITE = htmlpage.Site(
    name="almayadeen",
    zone=_ZONE,
    language="ar",
    site_names=("الميادين", "الميادين نت", "Al Mayadeen English", "Al Mayadeen"),
    url_section=_regex.compile(
        "almayadeen.URL_SECTION",
        r"almayadeen\.net/(?:[a-z]{2}/)?(?:news|articles?)/(?P<section>[A-Za-z-]{2,40})/",
    ),
    blocks=(read_tawsiyat,),
    layouts=HTML_LAYOUTS,
    rules=BOILERPLATE,
)


class AlMayadeenParser(SiteParser):
    """Al Mayadeen (almayadeen.net): its text dumps and its pages."""

    name: ClassVar[str] = "almayadeen"
    domains: ClassVar[tuple[str, ...]] = ('almayadeen.net',)
    languages: ClassVar[tuple[str, ...]] = ('ar', 'en')
    text_markers: ClassVar[tuple[Marker, ...]] = TEXT_MARKERS
    text_dump: ClassVar[DumpProfile | None] = TEXT_DUMP
    html_site: ClassVar[htmlpage.Site | None] = HTML_SITE
