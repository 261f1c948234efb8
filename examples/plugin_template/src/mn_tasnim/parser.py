"""Tasnim News Agency (tasnimnews.com): a mideastnews parser plugin.

What the site's pages carry, as the data tables below record it:

* Addresses ``https://www.tasnimnews.com/{fa|ar|en}/news/{date}/{id}/{slug}``
  (the date is Solar Hijri in Persian, Gregorian otherwise) and short links
  ``https://tn.ai/{id}``; ``{id}`` is the site's article id.
* Page titles end in a site suffix («- خبرگزاری تسنیم | Tasnim»,
  «- Tasnim News Agency», «- وكالة تسنيم الدولية للأنباء»).
* Under the headline, a time stamp in Tehran time: «۰۸ آذر ۱۴۰۲ - ۱۲:۳۴»,
  «November, 29, 2023 - 12:34».
* The standfirst, then the body, whose first paragraph carries the agency's
  credit formula: «به گزارش خبرنگار سیاسی خبرگزاری تسنیم، …», «TEHRAN (Tasnim) – …»,
  «أفادت وكالة تسنيم الدولية للأنباء، …».
* Persian articles end with «انتهای پیام/»; then the tag list under a header
  («برچسب‌ها», «Tags», «الكلمات المفتاحية»), the short link and the page's
  navigation.

Only mideastnews' public API is used: :class:`mideastnews.Parser`,
:class:`mideastnews.Document`, :class:`mideastnews.Article`,
:class:`mideastnews.Dropped`, :class:`mideastnews.ParseError` and
:func:`mideastnews.dates.parse_date`.  The pipeline adds dates, quotes and
the inferred publication date after :meth:`TasnimParser.parse` returns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import mideastnews as mn

__all__ = [
    "CREDIT_OPENINGS",
    "END_MARKERS",
    "HTML_LAYOUT",
    "NAVIGATION",
    "READ_ALSO",
    "RELATED",
    "SITE_NAMES",
    "SITE_SUFFIXES",
    "TAG_HEADERS",
    "TasnimParser",
]

#: Tasnim's name as its credit formulas and site suffixes print it, by language.
SITE_NAMES: dict[str, str] = {"fa": "تسنیم", "ar": "تسنيم", "en": "Tasnim"}

#: Page-title suffixes; the longest that matches is removed (kept as ``"site-suffix"``).
SITE_SUFFIXES: tuple[str, ...] = (
    " - خبرگزاری تسنیم | Tasnim",
    " | خبرگزاری تسنیم | Tasnim",
    " - خبرگزاری تسنیم",
    " | خبرگزاری تسنیم",
    " - Tasnim News Agency",
    " | Tasnim News Agency",
    " - وكالة تسنيم الدولية للأنباء",
    " | وكالة تسنيم الدولية للأنباء",
    " - وكالة تسنيم",
)

#: The line that closes a Persian article («end of message»).
END_MARKERS: frozenset[str] = frozenset({"انتهای پیام/", "انتهای پیام /", "انتهای پیام", "/انتهای پیام/"})

#: Whole lines of page furniture (share bar, short-link label, rails).
NAVIGATION: frozenset[str] = frozenset({
    "اشتراک گذاری", "اشتراک‌گذاری", "لینک کوتاه", "کپی شد", "چاپ", "ارسال به دوستان",
    "پربازدیدترین", "پربحث‌ترین", "آخرین اخبار", "صفحه نخست",
    "Share", "Print", "Short Link", "Most Visited", "Most Popular", "Latest News", "Home",
    "مشاركة", "طباعة", "رابط مختصر", "الأكثر مشاهدة", "آخر الأخبار", "الرئيسية",
})

#: Headers of a rail of related headlines.
RELATED: frozenset[str] = frozenset({"اخبار مرتبط", "Related News", "أخبار ذات صلة"})

#: Openings of an inline link to another article (the whole line is dropped).
READ_ALSO: tuple[str, ...] = (
    "بیشتر بخوانید", "بخوانید:", "Read more:", "Also read:", "اقرأ أيضا", "اقرأ أيضاً",
)

#: Headers of the tag list: alone on a line (tags follow, one a line) or before a colon.
TAG_HEADERS: tuple[str, ...] = ("برچسب‌ها", "برچسب ها", "Tags", "الكلمات المفتاحية", "كلمات مفتاحية")

#: Openings of the credit formula, by language, and the word that chains a further source.
CREDIT_OPENINGS: dict[str, tuple[tuple[str, ...], str]] = {
    "fa": (("به گزارش ",), " به نقل از "),
    "ar": (("أفادت ", "ذكرت ", "وأفادت ", "وذكرت ", "بحسب ", "وبحسب "), " نقلا عن "),
}

#: CSS selectors of the article page, tried in order (the site's current layout first).
HTML_LAYOUT: dict[str, tuple[str, ...]] = {
    "title": ("article.single-news h1.title", "h1.title", "article h1", "h1"),
    "lead": ("article.single-news h3.lead", "h3.lead", "p.lead", ".lead"),
    "body": ("article.single-news div.story > p", "div.story p", "article .story p"),
    "captions": ("div.story figcaption", "article figcaption"),
    "images": ("article.single-news div.story img", "article.single-news img", "div.story img"),
    "time": ("article.single-news li.time", "li.time", ".time"),
    "service": ("article.single-news h3.service", "li.service", ".service"),
    "tags": ("ul.smart-keyword li a", "div.tags a", ".tags a"),
}

#: What any sign :meth:`TasnimParser.score_text` reads must hold: the site's name (suffixes,
#: credit formulas), its short-link and address hosts, the Persian end marker.
_TEXT_SIGNS: tuple[str, ...] = (*SITE_NAMES.values(), "tn.ai/", "tasnimnews.com/", "انتهای پیام")

_TEHRAN = ZoneInfo("Asia/Tehran")
_TO_LATIN = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_PERSIAN_LETTERS = frozenset("پچژگکی")
_MAX_CREDIT_HEAD = 160
_MAX_TAG_WORDS = 5


def _visible(text: str) -> bool:
    return any(c.isalnum() for c in text)


def _language(url: str | None, sample: str) -> str:
    """The page's language: the URL's first path segment, else the script of ``sample``."""
    if url:
        first = urlsplit(url if "//" in url else "//" + url).path.strip("/").partition("/")[0]
        if first in SITE_NAMES:
            return first
    letters = [c for c in sample if c.isalpha()]
    arabic_script = [c for c in letters if "\u0600" <= c <= "\u06ff"]
    if len(arabic_script) * 2 < len(letters):
        return "en"
    return "fa" if any(c in _PERSIAN_LETTERS for c in arabic_script) else "ar"


def _site_id(url: str | None) -> str | None:
    """The article id: the numeric segment after the date in ``/news/…``, or a short link's id."""
    if not url:
        return None
    parts = urlsplit(url if "//" in url else "//" + url)
    segments = [s for s in parts.path.split("/") if s]
    host = (parts.hostname or "").removeprefix("www.")
    if host == "tn.ai" and segments and segments[0].isdigit():
        return segments[0]
    if "news" in segments:
        after = segments[segments.index("news") + 1:]
        # {year}/{month}/{day}/{id}/{slug}
        if len(after) >= 4 and all(s.isdigit() for s in after[:4]):
            return after[3]
    return None


def _split_suffix(title: str) -> tuple[str, str | None]:
    for suffix in sorted(SITE_SUFFIXES, key=len, reverse=True):
        if title.endswith(suffix) and _visible(title[: -len(suffix)]):
            return title[: -len(suffix)].strip(), suffix.strip(" -|")
    return title, None


def _is_time(text: str) -> bool:
    hours, sep, minutes = text.translate(_TO_LATIN).strip().partition(":")
    return bool(sep) and hours.isdigit() and minutes.isdigit() and len(hours) <= 2 and len(minutes) == 2


def _stamp_parts(line: str) -> tuple[str, str] | None:
    """``(date, time)`` when ``line`` is a time stamp such as «۰۸ آذر ۱۴۰۲ - ۱۲:۳۴»."""
    date_part, sep, time_part = line.rpartition(" - ")
    if not sep or not _is_time(time_part):
        return None
    if len(date_part.split()) > 5 or not any(c.isdigit() for c in date_part):
        return None
    return date_part.strip(), time_part.strip()


def _read_stamp(date_part: str, time_part: str) -> dt.datetime | None:
    """The stamp as an aware datetime in Tehran time, or ``None`` when the date is unreadable."""
    try:
        mention = mn.dates.parse_date(date_part)
    except mn.DateError:
        return None
    if mention.date is None:
        return None
    hours, _, minutes = time_part.translate(_TO_LATIN).partition(":")
    try:
        clock = dt.time(int(hours), int(minutes))
    except ValueError:
        return None
    return dt.datetime.combine(mention.date, clock, tzinfo=_TEHRAN)


def _tag_header(line: str) -> tuple[str, str] | None:
    """``(header, rest)`` when ``line`` opens the tag list."""
    for header in TAG_HEADERS:
        if line == header or line == header + ":":
            return line, ""
        if line.startswith(header + ":"):
            return line[: len(header) + 1], line[len(header) + 1:].strip()
    return None


def _split_tags(text: str) -> list[str]:
    for sep in ("،", "؛", "|"):
        text = text.replace(sep, ",")
    return [t.strip() for t in text.split(",") if _visible(t)]


def _boilerplate_kind(line: str) -> str | None:
    if line in END_MARKERS:
        return "footer"
    if line in NAVIGATION:
        return "navigation"
    if line in RELATED:
        return "related"
    if line.startswith(READ_ALSO):
        return "read-also"
    bare = line.removeprefix("https://").removeprefix("http://").removeprefix("www.")
    if bare.startswith(("tn.ai/", "tasnimnews.com/")) and " " not in bare:
        return "navigation"
    return None


def _outlet(part: str, lang: str) -> str | None:
    name = SITE_NAMES[lang]
    part = part.strip(" ،,:")
    if name in part:
        return name
    for prefix in ("خبرگزاری ", "پایگاه خبری ", "وكالة ", "موقع "):
        part = part.removeprefix(prefix)
    return part if part and len(part.split()) <= 4 else None


def _credits(paragraph: str, lang: str) -> tuple[str, ...]:
    """The outlets ``paragraph``'s credit formula names, outermost first."""
    if lang == "en":
        head = paragraph[:60]
        marker = f"({SITE_NAMES['en']})"
        at = head.find(marker)
        if at >= 0 and head[at + len(marker):].lstrip().startswith(("–", "-", "—")):
            return (SITE_NAMES["en"],)
        return ()
    openings, chain = CREDIT_OPENINGS[lang]
    if not paragraph.startswith(openings):
        return ()
    stop = min((i for i in (paragraph.find("،"), paragraph.find(",")) if i >= 0), default=-1)
    if stop < 0 or stop > _MAX_CREDIT_HEAD:
        return ()
    head = paragraph[:stop]
    for opening in openings:
        head = head.removeprefix(opening)
    outlets: list[str] = []
    for part in head.split(chain):
        outlet = _outlet(part, lang)
        if outlet is None:
            break
        outlets.append(outlet)
    return tuple(outlets) if outlets and outlets[0] == SITE_NAMES[lang] else ()


def _first(tree: Any, selectors: Sequence[str]) -> Any:
    for selector in selectors:
        node = tree.css_first(selector)
        if node is not None:
            return node
    return None


def _all(tree: Any, selectors: Sequence[str]) -> list[Any]:
    for selector in selectors:
        nodes = tree.css(selector)
        if nodes:
            return list(nodes)
    return []


def _meta(tree: Any, *keys: str) -> str | None:
    for key in keys:
        for attr in ("property", "name", "itemprop"):
            node = tree.css_first(f'meta[{attr}="{key}"]')
            if node is not None:
                content = (node.attributes.get("content") or "").strip()
                if content:
                    return str(content)
    return None


def _text(node: Any) -> str:
    return " ".join(str(node.text(deep=True, separator=" ")).split()) if node is not None else ""


def _texts(nodes: Iterable[Any]) -> list[str]:
    return [t for t in (_text(n) for n in nodes) if _visible(t)]


def _iso(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        when = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=_TEHRAN)


class TasnimParser(mn.Parser):
    """Tasnim News Agency (tasnimnews.com), in Persian, Arabic and English."""

    name: ClassVar[str] = "tasnim"
    domains: ClassVar[tuple[str, ...]] = ("tasnimnews.com", "tn.ai")
    languages: ClassVar[tuple[str, ...]] = ("fa", "ar", "en")

    # -- detection -------------------------------------------------------
    def score_text(self, doc: mn.Document) -> float:
        """How surely a text dump is Tasnim's: its site suffix, its links, its credit formula."""
        # Every sign below carries one of these strings: a text without any scores 0, at C speed.
        if not any(sign in doc.text for sign in _TEXT_SIGNS):
            return 0.0
        lines = [line.strip() for line in doc.lines if _visible(line)]
        if not lines:
            return 0.0
        if _split_suffix(lines[0])[1] is not None:
            return 0.95
        if any(_boilerplate_kind(line) == "navigation" and "/" in line for line in lines):
            return 0.9
        lang = _language(doc.url, lines[0])
        score = 0.0
        for line in lines[1:5]:
            if _credits(line, lang):
                # The Arabic formula also opens other outlets' reports of Tasnim's news.
                score = 0.8 if lang in ("fa", "en") else 0.45
                break
        if any(line in END_MARKERS for line in lines[-8:]):
            score += 0.1
        return min(score, 1.0)

    def score_html(self, doc: mn.Document) -> float:
        """How surely an HTML page is Tasnim's: its canonical address, then its site name."""
        tree = doc.tree
        canonical = tree.css_first('link[rel="canonical"]')
        href = canonical.attributes.get("href") if canonical is not None else None
        if self.claims_url(href) or self.claims_url(_meta(tree, "og:url")):
            return 1.0
        site = _meta(tree, "og:site_name") or ""
        return 0.9 if any(name in site for name in SITE_NAMES.values()) else 0.0

    # -- text dumps --------------------------------------------------------
    def parse_text(self, doc: mn.Document) -> mn.Article:
        """Read a text dump: headline, time stamp, standfirst, body, tags and page furniture.

        Raises:
            mideastnews.ParseError: the text has no visible line.
        """
        lines = [line.strip() for line in doc.lines if _visible(line)]
        if not lines:
            raise mn.ParseError("the text holds no visible line")
        dropped: list[mn.Dropped] = []
        warnings = list(doc.warnings)
        title, suffix = _split_suffix(lines[0])
        if suffix:
            dropped.append(mn.Dropped(suffix, "site-suffix"))
        lang = _language(doc.url, title)
        body: list[str] = []
        tags: list[str] = []
        published: dt.datetime | None = None
        in_tags = False
        for line in lines[1:]:
            kind = _boilerplate_kind(line)
            if kind is not None:
                dropped.append(mn.Dropped(line, kind))
                in_tags = False
                continue
            if in_tags and len(line.split()) <= _MAX_TAG_WORDS:
                tags.append(line)
                continue
            in_tags = False
            header = _tag_header(line)
            if header is not None:
                dropped.append(mn.Dropped(header[0], "tag-list"))
                tags.extend(_split_tags(header[1]))
                in_tags = not header[1]
                continue
            stamp = _stamp_parts(line)
            if stamp is not None and not body:
                dropped.append(mn.Dropped(line, "timestamp"))
                when = _read_stamp(*stamp)
                if when is None:
                    warnings.append(f"could not read the time stamp {line!r}")
                published = published or when
                continue
            if line == title or line == lines[0]:
                dropped.append(mn.Dropped(line, "duplicate-title"))
                continue
            body.append(line)
        credits: tuple[str, ...] = ()
        for paragraph in body[:3]:
            credits = _credits(paragraph, lang)
            if credits:
                break
        # The standfirst stands before the paragraph with the credit formula.
        has_lead = len(body) >= 2 and not _credits(body[0], lang)
        return mn.Article(
            source=self.name,
            title=title,
            language=lang,
            url=doc.url,
            site_id=_site_id(doc.url),
            lead=body[0] if has_lead else None,
            paragraphs=tuple(body[1:] if has_lead else body),
            published=published,
            tags=tuple(tags),
            credits=credits,
            dropped=tuple(dropped),
            warnings=tuple(warnings),
        )

    # -- HTML pages ------------------------------------------------------
    def parse_html(self, doc: mn.Document) -> mn.Article:
        """Read an article page through :data:`HTML_LAYOUT` and the page's meta tags.

        Raises:
            mideastnews.ParseError: the page has no headline.
        """
        if not _visible(doc.text):
            raise mn.ParseError("the page holds no visible text")
        tree = doc.tree
        dropped: list[mn.Dropped] = []
        title_node = _first(tree, HTML_LAYOUT["title"])
        title = _text(title_node) or (_meta(tree, "og:title") or "")
        title, suffix = _split_suffix(title)
        if suffix:
            dropped.append(mn.Dropped(suffix, "site-suffix"))
        if not _visible(title):
            raise mn.ParseError("the page has no headline")
        canonical = tree.css_first('link[rel="canonical"]')
        url = (canonical.attributes.get("href") if canonical is not None else None) \
            or _meta(tree, "og:url") or doc.url
        html_node = tree.css_first("html")
        html_lang = (html_node.attributes.get("lang") or "")[:2] if html_node is not None else ""
        lang = _language(url, title) if not html_lang or html_lang not in SITE_NAMES else html_lang
        lead = _text(_first(tree, HTML_LAYOUT["lead"])) or None
        paragraphs = _texts(_all(tree, HTML_LAYOUT["body"]))
        body = [p for p in paragraphs if _boilerplate_kind(p) is None]
        dropped.extend(mn.Dropped(p, _boilerplate_kind(p) or "") for p in paragraphs if p not in body)
        description = _meta(tree, "description", "og:description")
        published = _iso(_meta(tree, "article:published_time", "datePublished"))
        warnings = list(doc.warnings)
        stamp_text = _text(_first(tree, HTML_LAYOUT["time"]))
        stamp = _stamp_parts(stamp_text) if stamp_text else None
        if published is None and stamp is not None:
            published = _read_stamp(*stamp)
            if published is None:
                warnings.append(f"could not read the time stamp {stamp_text!r}")
        credits: tuple[str, ...] = ()
        for paragraph in body[:3]:
            credits = _credits(paragraph, lang)
            if credits:
                break
        images = tuple(str(img.attributes.get("src")) for img in _all(tree, HTML_LAYOUT["images"])
                       if img.attributes.get("src"))
        return mn.Article(
            source=self.name,
            title=title,
            language=lang,
            url=url,
            site_id=_site_id(url),
            section=_text(_first(tree, HTML_LAYOUT["service"])) or None,
            lead=lead,
            description=description if description and description != lead else None,
            paragraphs=tuple(body),
            published=published,
            modified=_iso(_meta(tree, "article:modified_time", "dateModified")),
            tags=tuple(_texts(_all(tree, HTML_LAYOUT["tags"]))),
            images=images,
            captions=tuple(_texts(_all(tree, HTML_LAYOUT["captions"]))),
            credits=credits,
            dropped=tuple(dropped),
            warnings=tuple(warnings),
        )
