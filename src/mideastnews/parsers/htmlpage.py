"""Shared machinery for HTML pages: metadata, selector layouts, and the body walker.

A source module describes its site as data — a :class:`Site` (time zone,
URL patterns, site blocks) and its :class:`Layout` generations — and calls
:func:`read_page`.  The generic parser calls the same function with no
layouts, and the body is then chosen by the page's own structure
(``itemprop=articleBody``, ``article``, ``main``, then text density).

Metadata is read in order of trust, for ``published`` and ``modified``
alike: JSON-LD (``NewsArticle``/``Article``…), then ``article:*`` /
OpenGraph / ``itemprop`` meta, then the site's own blocks, then the visible
date line of the layout.  A time with an offset keeps it; a naive time is
read in the site's zone (:attr:`Site.zone`).
"""

from __future__ import annotations

import datetime as dt
import functools
import html as htmllib
import itertools
import json
import re
import zoneinfo
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urljoin, urlsplit

import attrs

from .. import _regex
from ..document import Document
from ..errors import ParseError
from ..model import Article, Dropped
from ._memo import ByIdentity
from .textdump import COMMON_RULES, Rule, _RuleSet, text_credits

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser, LexborNode

__all__ = [
    "ARTICLE_TYPES",
    "CAPTION_TOKENS",
    "MAX_PARAGRAPHS",
    "NEGATIVE_TOKENS",
    "Layout",
    "PageMeta",
    "ParagraphRule",
    "Site",
    "Walk",
    "choose_body",
    "class_tokens",
    "clean_text",
    "detect_language",
    "first_text",
    "node_attr",
    "parse_when",
    "read_date_line",
    "read_metadata",
    "read_page",
    "score_page",
    "strip_site_suffix",
    "walk_body",
]

When = dt.datetime | dt.date

#: JSON-LD ``@type`` values read as the article.
ARTICLE_TYPES = frozenset({
    "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "liveblogposting", "report",
    "scholarlyarticle", "techarticle", "socialmediaposting", "videoobject",
})

# -- text helpers --------------------------------------------------------------

_SPACE = _regex.compile("htmlpage.SPACE", r"[\s\u00a0\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+")
_TOKEN_SPLIT = _regex.compile("htmlpage.TOKEN_SPLIT", r"[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])")
_WORD = _regex.compile("htmlpage.WORD", r"\w+")
# A line break in the page's source is only a space, as a browser shows it; a blank line inside
# one text node («…\n\n…», shown by pages styled white-space: pre-line) still parts paragraphs.
_BLANK_LINE = _regex.compile("htmlpage.BLANK_LINE", r"\n[ \t\r\f]*\n",
                             worst=(lambda n: ("\n" + " " * 50) * (n // 51 + 1),))
_LETTER = _regex.compile("htmlpage.LETTER", r"[^\W\d_]")
_DIGITS_RUN = _regex.compile("htmlpage.DIGITS_RUN", r"[0-9]+")


def clean_text(text: str | None) -> str:
    """Collapse whitespace (no-break and zero-width spaces included) and trim."""
    if not text:
        return ""
    # Already clean: no whitespace but single inner spaces (every other space is unprintable).
    if text.isprintable() and "  " not in text and text[0] != " " and text[-1] != " ":
        return text
    if "\u200b" in text or "\ufeff" in text:
        return _SPACE.sub(" ", text).strip()
    # Without the two marks str.isspace() leaves out, split() cuts at exactly the runs _SPACE matches.
    return " ".join(text.split())


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _at_most_words(text: str, limit: int) -> bool:
    """``len(_words(text)) <= limit``, stopping at the word past the limit.

    Lower-casing keeps every character a word character or not, except «İ»,
    which becomes two: only then is the text lower-cased first.
    """
    if "\u0130" in text:
        text = text.lower()
    whole = _AT_MOST.get(limit)
    if whole is not None:
        return whole.fullmatch(text) is not None
    return len(list(itertools.islice(_WORD.finditer(text), limit + 1))) <= limit


# ``_at_most_words`` for the limits the reader asks about, in one match each: possessive steps (no
# backtracking) over at most ``limit`` words and the non-word runs around them, failing at the next word.
_AT_MOST = {limit: _regex.compile(f"htmlpage.AT_MOST_{limit}_WORDS", rf"\W*+(?:\w++\W*+){{0,{limit}}}+")
            for limit in (2, 4, 6, 7)}


def _same_text(a: str, b: str, threshold: float = 0.8) -> bool:
    """Whether two texts carry (nearly) the same words."""
    return _same_words(set(_words(a)), b, threshold)


def _same_words(wa: set[str], b: str, threshold: float = 0.8) -> bool:
    """:func:`_same_text` with the first text's words already gathered."""
    wb = set(_words(b))
    if not wa or not wb:
        return False
    return len(wa & wb) / max(len(wa), len(wb)) >= threshold


_TOKEN_ATTRS = ("class", "id", "data-component", "data-e2e", "data-testid")


def class_tokens(node: LexborNode) -> frozenset[str]:
    """The lower-cased words of a node's class, id and component names (``article__body`` → article, body).

    Component attributes (``data-component``, ``data-e2e``, ``data-testid``) count too:
    sites with hashed class names name their parts there.
    """
    return _attr_tokens(node.attributes)


def _attr_tokens(attributes: dict[str, str | None]) -> frozenset[str]:
    """:func:`class_tokens` of a node's attribute dict."""
    if not attributes:
        return _NO_TOKENS
    raw = " ".join(filter(None, map(attributes.get, _TOKEN_ATTRS)))
    if not raw or raw.isspace():
        return _NO_TOKENS
    return _split_tokens(raw)


_NO_TOKENS: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=4096)
def _split_tokens(raw: str) -> frozenset[str]:
    """The lower-cased words of a class/id string (pages repeat the same few: memoised)."""
    return frozenset(t.lower() for t in _TOKEN_SPLIT.split(raw) if t)


def node_attr(node: LexborNode | None, *names: str) -> str | None:
    """The first non-empty attribute of ``names`` on ``node``."""
    if node is None:
        return None
    attributes = node.attributes
    for name in names:
        value = attributes.get(name)
        if value and value.strip():
            return value.strip()
    return None


def first_text(
    root: LexborHTMLParser | LexborNode, selectors: Iterable[str]
) -> tuple[str, LexborNode | None]:
    """The text of the first element matched by one of ``selectors`` that has text."""
    for selector in selectors:
        for node in root.css(selector):
            text = clean_text(node.text(deep=True, separator=" "))
            if text:
                return text, node
    return "", None


# The letters detect_language counts: Arabic-script (U+0600–U+06FF, counted as their UTF-8 lead bytes
# 0xD8–0xDB), ASCII Latin, and the letters only Persian uses.
_ARABIC_LEAD_BYTES = bytes(range(0xD8, 0xDC))
_LATIN_BYTES = bytes(range(ord("A"), ord("Z") + 1)) + bytes(range(ord("a"), ord("z") + 1))
_PERSIAN_LETTERS = "پچژگکیۀ"


def detect_language(text: str, default: str = "ar") -> str:
    """``"ar"``, ``"fa"`` or ``"en"`` by the letters of ``text``."""
    sample = text[:4000]
    # Counted on the UTF-8 bytes at C speed: a U+0600–U+06FF letter is one lead byte 0xD8–0xDB.
    raw = sample.encode("utf-8", "surrogatepass")
    arabic = len(raw) - len(raw.translate(None, _ARABIC_LEAD_BYTES))
    latin = len(raw) - len(raw.translate(None, _LATIN_BYTES))
    if arabic == 0 and latin == 0:
        return default
    if latin > arabic:
        return "en"
    persian = sum(map(sample.count, _PERSIAN_LETTERS))
    return "fa" if persian > max(2, arabic // 60) else "ar"


# -- times -----------------------------------------------------------------------

_ISO = _regex.compile(
    "htmlpage.ISO",
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?"
    r"\s{0,3}(Z|[+-]\d{2}:?\d{2}|[+-]\d{2}(?!\d)|GMT|UTC)?",
)
_ANY_DIGIT = _regex.compile("htmlpage.ANY_DIGIT", r"\d")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def _zone(name: str | None) -> dt.tzinfo | None:
    if not name:
        return None
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):  # pragma: no cover - tzdata is a dependency
        return None


@functools.lru_cache(maxsize=256)
def _offset(text: str | None) -> dt.tzinfo | None:
    if not text:
        return None
    if text in ("Z", "GMT", "UTC"):
        return dt.UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours = int(digits[:2])
    minutes = int(digits[2:4]) if len(digits) >= 4 else 0
    if hours > 14 or minutes > 59:
        return None
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def parse_when(value: object, zone: str | None = None) -> When | None:
    """Read a machine date or time: ISO 8601 (any fraction, ``Z`` or an offset), RFC 2822, Unix time.

    A time with an offset keeps it; a naive time is read in ``zone`` (an
    IANA name such as ``"Asia/Beirut"``); Unix time is shown in ``zone``;
    a bare day is a ``datetime.date``.

    Args:
        value: The text (or a number, for Unix time in seconds or milliseconds).
        zone: The source's zone for naive times.

    Returns:
        The aware datetime or date, or ``None`` when ``value`` is no date.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return _in_zone(_from_unix(float(value)), zone)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text.isascii():  # (the digits table maps only non-ASCII digits)
        text = text.translate(_DIGITS)
    if not text:
        return None
    if text.isdigit() and len(text) in (10, 13):
        return _in_zone(_from_unix(float(text)), zone)
    m = _ISO.search(text[:80])
    if m:
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
        try:
            if m.group(4) is None:
                return dt.date(year, month, day)
            fraction = (m.group(7) or "0")[:6].ljust(6, "0")
            naive = dt.datetime(year, month, day, int(m.group(4)), int(m.group(5)), int(m.group(6) or 0),
                                int(fraction))
        except ValueError:
            return None
        tz = _offset(m.group(8)) or _zone(zone)
        return naive.replace(tzinfo=tz) if tz is not None else naive
    try:
        from email.utils import parsedate_to_datetime

        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed.tzinfo is None:
        tz = _zone(zone)
        return parsed.replace(tzinfo=tz) if tz else parsed
    return parsed


def _in_zone(value: dt.datetime | None, zone: str | None) -> dt.datetime | None:
    """An absolute time shown in the source's zone (the offset its pages print)."""
    tz = _zone(zone)
    return value.astimezone(tz) if value is not None and tz is not None else value


def _from_unix(seconds: float) -> dt.datetime | None:
    if seconds > 1e11:
        seconds /= 1000.0
    if not 0 < seconds < 7e9:
        return None
    try:
        return dt.datetime.fromtimestamp(seconds, dt.UTC)
    except (OverflowError, OSError, ValueError):
        return None


# Visible date lines: «٨ آذر ١٤٠٢ - ١٠:٣٠», «28 آب/اغسطس 2013، 14:00», «08/01/2026 11:42», «Jan 8, 2026».
_MONTHS: dict[str, tuple[str, int]] = {}
for _cal, _month_names in (
    ("jalali", ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی",
                "بهمن", "اسفند")),
    ("gregorian", ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
                   "أكتوبر", "نوفمبر", "ديسمبر")),
    ("gregorian", ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
                   "تشرين الأول", "تشرين الثاني", "كانون الأول")),
    ("gregorian", ("ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر",
                   "نوامبر", "دسامبر")),
    ("gregorian", ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                   "october", "november", "december")),
    ("gregorian", ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")),
):
    for _i, _name in enumerate(_month_names, 1):
        _MONTHS.setdefault(_name, (_cal, _i))
for _alias, _target in (("ابريل", "أبريل"), ("إبريل", "أبريل"), ("اغسطس", "أغسطس"), ("أغسطس", "أغسطس"),
                        ("اكتوبر", "أكتوبر"), ("ايار", "أيار"), ("ايلول", "أيلول"), ("يوليه", "يوليو"),
                        ("يونيه", "يونيو"), ("sept", "sep"), ("اردبیهشت", "اردیبهشت")):
    _MONTHS.setdefault(_alias, _MONTHS[_target])
_MONTH_ALT = "|".join(sorted((re.escape(k) for k in _MONTHS), key=len, reverse=True))
_DAY_MONTH_YEAR = _regex.compile(
    "htmlpage.DAY_MONTH_YEAR",
    rf"(\d{{1,2}})\s{{0,3}}(?:-\s{{0,2}})?({_MONTH_ALT})(?:\s{{0,2}}/\s{{0,2}}[^\s\d/]{{2,12}})?[\s,،-]{{0,4}}(\d{{4}})",
    re.IGNORECASE,
)
_MONTH_DAY_YEAR = _regex.compile(
    "htmlpage.MONTH_DAY_YEAR",
    rf"\b({_MONTH_ALT})\.?\s{{1,3}}(\d{{1,2}}),?\s{{1,3}}(\d{{4}})",
    re.IGNORECASE,
)
_NUMERIC_DATE = _regex.compile(
    "htmlpage.NUMERIC_DATE",
    r"(?<!\d)(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?!\d)|(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)",
)
_CLOCK = _regex.compile(
    "htmlpage.CLOCK",
    r"(?<!\d)(\d{1,2}):(\d{2})(?::\d{2})?(?!\d)\s{0,3}(am|pm|ص|م|AM|PM)?(?:\s{0,3}\(?\s{0,2}(?:GMT|UTC)\s{0,2}"
    r"([+-]\d{1,2}(?::?\d{2})?)\)?)?",
)


def _to_gregorian(calendar: str, year: int, month: int, day: int) -> dt.date | None:
    try:
        if calendar == "jalali":
            import jdatetime

            return jdatetime.date(year, month, day).togregorian()  # type: ignore[no-any-return]
        return dt.date(year, month, day)
    except (ValueError, OverflowError, TypeError):
        return None


def read_date_line(text: str, zone: str | None = None) -> When | None:
    """Read a visible date line («٨ آذر ١٤٠٢ - ١٠:٣٠», «28 آب/اغسطس 2013، 14:00», «08/01/2026 11:42»).

    Solar Hijri years (below 1500 with a Persian month) are converted;
    a time next to the day makes it a datetime in the line's ``GMT±h``
    offset, or else in ``zone``.

    Args:
        text: The visible date line.
        zone: The source's zone for the time.

    Returns:
        An aware datetime, a date, or ``None`` when the line holds no day.
    """
    if not text or _ANY_DIGIT.search(text) is None:  # every form of a day holds digits
        return None
    line = clean_text(text).translate(_DIGITS)[:300]
    if not line:
        return None
    day: dt.date | None = None
    m = _DAY_MONTH_YEAR.search(line)
    if m:
        calendar, month = _MONTHS[m.group(2).lower()]
        year = int(m.group(3))
        if calendar == "gregorian" and year < 1700 and m.group(2) in _MONTHS and year > 1300:
            calendar = "jalali"
        day = _to_gregorian(calendar, year, month, int(m.group(1)))
        rest = line[:m.start()] + " " + line[m.end():]
    else:
        m2 = _MONTH_DAY_YEAR.search(line)
        if m2:
            month = _MONTHS[m2.group(1).lower()][1]
            day = _to_gregorian("gregorian", int(m2.group(3)), month, int(m2.group(2)))
            rest = line[:m2.start()] + " " + line[m2.end():]
        else:
            m3 = _NUMERIC_DATE.search(line)
            if m3 is None:
                return None
            if m3.group(1):
                y, mo, d = int(m3.group(1)), int(m3.group(2)), int(m3.group(3))
            else:
                d, mo, y = int(m3.group(4)), int(m3.group(5)), int(m3.group(6))
            day = _to_gregorian("jalali" if y < 1500 else "gregorian", y, mo, d)
            rest = line[:m3.start()] + " " + line[m3.end():]
    if day is None:
        return None
    clock = _CLOCK.search(rest)
    if clock is None:
        return day
    hour, minute = int(clock.group(1)), int(clock.group(2))
    marker = (clock.group(3) or "").lower()
    if marker in ("pm", "م") and hour < 12:
        hour += 12
    elif marker in ("am", "ص") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return day
    tz: dt.tzinfo | None = None
    if clock.group(4):
        raw = clock.group(4)
        sign = raw[0]
        digits = raw[1:].replace(":", "")
        tz = _offset(sign + digits.zfill(2) if len(digits) <= 2 else sign + digits.zfill(4))
    tz = tz or _zone(zone)
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=tz)


# -- metadata --------------------------------------------------------------------


@attrs.define
class PageMeta:
    """Metadata of a page, gathered by source in order of trust.

    Each field holds the first value found by the most trusted source; the
    ``*_from`` fields say which source gave it.
    """

    title: str | None = None
    description: str | None = None
    published: When | None = None
    published_from: str | None = None
    modified: dt.datetime | None = None
    modified_from: str | None = None
    authors: list[str] = attrs.field(factory=list)
    tags: list[str] = attrs.field(factory=list)
    section: str | None = None
    images: list[str] = attrs.field(factory=list)
    captions: list[str] = attrs.field(factory=list)
    url: str | None = None
    site_id: str | None = None
    site_name: str | None = None
    language: str | None = None
    html_title: str | None = None
    body: str | None = None

    def offer(self, field: str, value: Any, source: str) -> None:
        """Set ``field`` from ``source`` unless a more trusted source already did."""
        if value is None or value == "" or value == []:
            return
        current = getattr(self, field)
        if current not in (None, "", []):
            return
        if field == "modified" and not isinstance(value, dt.datetime):
            return
        setattr(self, field, value)
        if field in ("published", "modified"):
            setattr(self, f"{field}_from", source)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, list):
        return value
    return [value]


def _names(value: Any) -> list[str]:
    out: list[str] = []
    for item in _as_list(value):
        if isinstance(item, dict):
            item = item.get("name")
        if isinstance(item, list):
            out.extend(_names(item))
        elif isinstance(item, str):
            for part in _NAME_SPLIT.split(clean_text(htmllib.unescape(item))):
                name = _NAME_AND.sub("", part).strip()
                if name and not name.startswith(("http://", "https://")):
                    out.append(name)
    return out


# «Dana Ford, Tom Watkins and Sam Lee» is three names; «و» and «and» start the last.
_NAME_SPLIT = _regex.compile("htmlpage.NAME_SPLIT", r"\s{0,3}[,،;]\s{0,3}|\s{1,3}(?:and|&)\s{1,3}")
_NAME_AND = _regex.compile("htmlpage.NAME_AND", r"^(?:and|&)\s{1,3}")


_KEYWORD_SPLIT = _regex.compile("htmlpage.KEYWORD_SPLIT", r"\s{0,3}[,،;؛]\s{0,3}")


def _keywords(value: Any) -> list[str]:
    out: list[str] = []
    for item in _as_list(value):
        if isinstance(item, str):
            out.extend(k for k in (clean_text(htmllib.unescape(p)) for p in _KEYWORD_SPLIT.split(item)) if k)
        elif isinstance(item, dict) and isinstance(item.get("name"), str):
            out.append(clean_text(item["name"]))
    return list(dict.fromkeys(out))


def _image_urls(value: Any) -> tuple[list[str], list[str]]:
    urls: list[str] = []
    captions: list[str] = []
    for item in _as_list(value):
        if isinstance(item, str):
            urls.append(item.strip())
        elif isinstance(item, dict):
            url = item.get("url") or item.get("contentUrl")
            if isinstance(url, str):
                urls.append(url.strip())
            caption = item.get("caption") or item.get("description")
            if isinstance(caption, str) and clean_text(caption):
                captions.append(clean_text(htmllib.unescape(caption)))
    return urls, captions


_JSON_LD_SCRIPTS = 'script[type="application/ld+json"]'
_META_NODES = "meta[content], [itemprop][content], [itemprop][datetime]"
_JSON_LD_TYPE = "application/ld+json"
_TIMES = "time[datetime]"


_HEADINGS_SELECTOR = "h1, h2"
_ARTICLE_BODY = '[itemprop="articleBody"]'
_BODY_UNITS = "p, br"
# The one walk asks for every element with an ``itemprop`` instead of the three itemprop selectors of
# _META_NODES and _ARTICLE_BODY: each selector of a list costs lexbor a test of every element, and
# which of them an element matches is read from its attributes anyway.
_ANY_ITEMPROP = "[itemprop]"


class _PageNodes:
    """The elements of a page the reader looks for across the whole tree, found in one walk.

    ``scripts`` is ``tree.css(_JSON_LD_SCRIPTS)``, ``metas`` the attributes
    of ``tree.css(_META_NODES)``, ``times`` ``tree.css(_TIMES)``,
    ``headings`` ``tree.css(_HEADINGS_SELECTOR)``; with ``units`` also
    ``bodies`` (``tree.css(_ARTICLE_BODY)``), ``paragraphs`` and ``breaks``
    (the ``<p>`` and ``<br>`` of ``tree.css(_BODY_UNITS)``), for
    :func:`choose_body`; else those three are ``None``.

    Lexbor gives an element once for each selector of a list it matches, so
    the union holds each element as many times, next to each other: it is
    read once.  The walk asks for ``meta[content]`` and every element with
    an ``itemprop`` (:data:`_ANY_ITEMPROP`); which meta selectors such an
    element matches (its attributes are given once per one) and whether it
    is the ``articleBody`` are read from its attributes.  An element given
    once that is a ``<p>``, ``<br>``, ``<h1>`` or ``<h2>`` matched only its
    tag (it has no ``itemprop``: its attributes are not read).  A script
    is told apart by its ``type`` as written; one written in other letter
    cases (which the selector matches on HTML elements only) sends the
    question back to the separate selectors.
    """

    __slots__ = ("bodies", "breaks", "headings", "metas", "paragraphs", "scripts", "times")

    def __init__(self, tree: LexborHTMLParser, units: bool = False) -> None:
        self.scripts: list[LexborNode] = []
        self.metas: list[dict[str, str | None]] = []
        self.times: list[LexborNode] = []
        self.headings: list[LexborNode] = []
        self.bodies: list[LexborNode] | None = [] if units else None
        self.paragraphs: list[LexborNode] | None = [] if units else None
        self.breaks: list[LexborNode] | None = [] if units else None
        selector = f"{_JSON_LD_SCRIPTS}, meta[content], {_ANY_ITEMPROP}, {_TIMES}, {_HEADINGS_SELECTOR}"
        if units:
            selector = f"{selector}, {_BODY_UNITS}"
        nodes = tree.css(selector)
        mems = [node.mem_id for node in nodes]
        count = len(nodes)
        i = 0
        while i < count:
            node = nodes[i]
            mem = mems[i]
            j = i + 1
            while j < count and mems[j] == mem:
                j += 1
            alone = j == i + 1
            i = j
            tag = node.tag
            if alone and units and tag in ("p", "br"):
                (self.paragraphs if tag == "p" else self.breaks).append(node)  # type: ignore[union-attr]
                continue
            if alone and tag in ("h1", "h2"):
                self.headings.append(node)
                continue
            a = node.attributes
            if tag == "script":
                kind = a.get("type")
                if kind == _JSON_LD_TYPE:
                    self.scripts.append(node)
                elif kind is not None and kind.lower() == _JSON_LD_TYPE:
                    self._separately(tree, units)
                    return
            elif tag == "time":
                if "datetime" in a:
                    self.times.append(node)
            elif tag in ("h1", "h2"):
                self.headings.append(node)
            elif units and tag in ("p", "br"):
                (self.paragraphs if tag == "p" else self.breaks).append(node)  # type: ignore[union-attr]
            content = "content" in a
            if "itemprop" in a:
                copies = content + ("datetime" in a) + (content and tag == "meta")
                if units and a["itemprop"] == "articleBody":
                    self.bodies.append(node)  # type: ignore[union-attr]
            else:
                copies = content and tag == "meta"
            if copies:
                self.metas.extend([a] * copies)

    def _separately(self, tree: LexborHTMLParser, units: bool) -> None:
        self.scripts = list(tree.css(_JSON_LD_SCRIPTS))
        self.metas = [n.attributes for n in tree.css(_META_NODES)]
        self.times = list(tree.css(_TIMES))
        self.headings = list(tree.css(_HEADINGS_SELECTOR))
        if units:
            self.bodies = list(tree.css(_ARTICLE_BODY))
            self.paragraphs = list(tree.css("p"))
            self.breaks = list(tree.css("br"))


def _json_ld_items(scripts: Iterable[LexborNode]) -> Iterator[dict[str, Any]]:
    for script in scripts:
        raw = script.text(deep=True)
        if not raw or len(raw) > 1_000_000:
            continue
        try:
            data = json.loads(raw, strict=False)
        except (ValueError, RecursionError):
            continue
        stack: list[Any] = [data]
        seen = 0
        while stack and seen < 200:
            item = stack.pop(0)
            seen += 1
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                for key in ("@graph", "mainEntity", "mainEntityOfPage"):
                    nested = item.get(key)
                    if isinstance(nested, (dict, list)):
                        stack.extend(_as_list(nested))
                yield item


def _types(item: dict[str, Any]) -> set[str]:
    return {str(t).lower() for t in _as_list(item.get("@type")) if isinstance(t, str)}


def _read_json_ld(scripts: Iterable[LexborNode], meta: PageMeta, zone: str | None) -> None:
    for item in _json_ld_items(scripts):
        if not _types(item) & ARTICLE_TYPES:
            continue
        src = "json-ld"
        headline = item.get("headline") or item.get("name")
        if isinstance(headline, str):
            meta.offer("title", clean_text(htmllib.unescape(headline)), src)
        meta.offer("published", parse_when(item.get("datePublished") or item.get("uploadDate"), zone), src)
        modified = parse_when(item.get("dateModified"), zone)
        meta.offer("modified", modified, src)
        meta.offer("authors", _names(item.get("author")), src)
        meta.offer("tags", _keywords(item.get("keywords")), src)
        description = item.get("description")
        if isinstance(description, str):
            meta.offer("description", clean_text(htmllib.unescape(description)), src)
        section = item.get("articleSection")
        sections = _names(section)
        meta.offer("section", sections[0] if sections else None, src)
        urls, captions = _image_urls(item.get("image") or item.get("thumbnailUrl"))
        meta.offer("images", urls, src)
        meta.offer("captions", captions, src)
        page = item.get("mainEntityOfPage")
        page_url = page.get("@id") if isinstance(page, dict) else page if isinstance(page, str) else None
        url = item.get("url") if isinstance(item.get("url"), str) else page_url
        if isinstance(url, str) and url.startswith("http"):
            meta.offer("url", url.strip(), src)
        language = item.get("inLanguage")
        if isinstance(language, str):
            meta.offer("language", language[:2].lower(), src)
        body = item.get("articleBody")
        if isinstance(body, str) and body.strip():
            meta.body = htmllib.unescape(body)
        return


_META_KEYS = {
    "article:published_time": "published", "og:published_time": "published", "datepublished": "published",
    "article:published": "published", "pubdate": "published", "publish-date": "published",
    "publishdate": "published", "parsely-pub-date": "published", "dc.date.issued": "published",
    "dcterms.created": "published", "sailthru.date": "published", "date": "published",
    "article:modified_time": "modified", "og:updated_time": "modified", "datemodified": "modified",
    "article:modified": "modified", "lastmod": "modified", "last-modified": "modified",
    "og:title": "title", "twitter:title": "title", "headline": "title",
    "og:description": "description", "description": "description", "twitter:description": "description",
    "article:section": "section", "articlesection": "section",
    "article:author": "authors", "author": "authors", "sailthru.author": "authors",
    "article:tag": "tags", "news_keywords": "tags", "keywords": "tags",
    "og:image": "images", "twitter:image": "images", "og:url": "url",
    "og:site_name": "site_name", "og:locale": "language", "inlanguage": "language",
}


def _read_meta_tags(attributes: Iterable[dict[str, str | None]], meta: PageMeta, zone: str | None) -> None:
    found: dict[str, list[str]] = {}
    for a in attributes:
        key = (a.get("property") or a.get("name") or a.get("itemprop") or "").strip().lower()
        field = _META_KEYS.get(key)
        if field is None:
            continue
        content = a.get("content") or a.get("datetime")
        if content and content.strip():
            found.setdefault(key, []).append(content.strip())
    src = "meta"
    for key, values in found.items():
        field = _META_KEYS[key]
        value = values[0]
        if field in ("published", "modified"):
            if getattr(meta, field) is None:  # else a more trusted source gave it: no need to read
                meta.offer(field, parse_when(value, zone), f"{src}:{key}")
        elif field == "authors":
            meta.offer("authors", [n for v in values for n in _names(v)], src)
        elif field == "tags":
            if key != "keywords":
                meta.offer("tags", list(dict.fromkeys(k for v in values for k in _keywords(v))), src)
        elif field == "images":
            meta.offer("images", values[:1], src)
        elif field == "language":
            meta.offer("language", value[:2].lower(), src)
        elif field in ("title", "description", "section", "site_name"):
            meta.offer(field, clean_text(htmllib.unescape(value)), src)
        elif field == "url" and value.startswith("http"):
            meta.offer("url", value, src)
    # The page-wide `keywords` meta is often the site's, not the article's: lowest trust, and
    # ignored when it names the site itself («news, lbci, أخبار»).
    if "keywords" in found:
        keywords = _keywords(found["keywords"][0])
        site_words = " ".join(found.get("og:site_name", []) + found.get("og:url", [])).lower()
        if not any(len(k) >= 3 and k.lower() in site_words for k in keywords):
            meta.offer("tags", keywords, src)


def read_metadata(doc: Document, zone: str | None = None) -> PageMeta:
    """Read a page's metadata: JSON-LD first, then ``<link rel=canonical>``, ``article:*``/OG/itemprop meta.

    Args:
        doc: The HTML document.
        zone: The source's zone for naive times.

    Returns:
        The gathered metadata (site blocks and date lines are added by :func:`read_page`).
    """
    return _read_metadata(doc, zone)[0]


def _read_metadata(doc: Document, zone: str | None = None,
                   units: bool = False) -> tuple[PageMeta, _PageNodes]:
    """:func:`read_metadata`, and the page's elements found on the way (see :class:`_PageNodes`)."""
    tree = doc.tree
    meta = PageMeta()
    nodes = _PageNodes(tree, units)
    _read_json_ld(nodes.scripts, meta, zone)
    href = node_attr(_canonical_link(doc), "href")
    if href and href.startswith("http"):
        meta.url = meta.url or href
    _read_meta_tags(nodes.metas, meta, zone)
    title = tree.css_first("title")
    if title is not None:
        meta.html_title = clean_text(title.text(deep=True)) or None
    root = tree.root  # the <html> element (always the first one)
    lang = node_attr(root, "lang", "xml:lang")
    if lang:
        meta.language = meta.language or lang[:2].lower()
    return meta, nodes


_SUFFIX_SEPARATORS = (" | ", " -- ", " - ", " – ", " — ", " :: ", " « ", " » ", " ｜ ", " • ")


def strip_site_suffix(title: str, site_names: Iterable[str] = ()) -> tuple[str, str | None]:
    """Remove a site suffix or prefix, and a section named before it («… -- Puppet Masters -- Sott.net»).

    See :func:`_strip_once`.

    Returns:
        The title and the removed suffix (or ``None``).
    """
    names = tuple(site_names)
    head, suffix = _strip_once(title, names)
    if suffix is None:
        return title, None
    again, section = _strip_once(head, names)
    if section is not None and len(section.split()) <= 3 and len(again.split()) >= 4:
        return again, f"{section} {suffix}"
    return head, suffix


def _strip_once(title: str, site_names: Iterable[str] = ()) -> tuple[str, str | None]:
    """Remove a site suffix or prefix («… - CNNArabic.com», «… | RT World News»).

    A part is a site suffix when it names the site (one of ``site_names``,
    or a domain-like or short trailing part after the last separator) and
    the rest is longer.

    Returns:
        The title and the removed suffix (or ``None``).
    """
    names = [_compact(n) for n in site_names if n]
    for sep in _SUFFIX_SEPARATORS:
        if sep not in title:
            continue
        head, _, tail = title.rpartition(sep)
        tail_l = tail.strip().lower()
        tail_c = _compact(tail)
        if head and (any(n == tail_c or (len(tail_c) >= 3 and (n in tail_c or tail_c in n)) for n in names)
                     or ("." in tail_l.replace(" ", "") and len(tail_l.split()) <= 3)
                     or (len(tail_l.split()) <= 3 and len(head.split()) >= 2 * len(tail_l.split()) + 2)):
            return head.strip(), tail.strip()
        first, _, rest = title.partition(sep)
        first_c = _compact(first)
        if rest and any(n in first_c or first_c in n for n in names if len(first_c) >= 3):
            return rest.strip(), first.strip()
    return title, None


@functools.lru_cache(maxsize=1024)
def _compact(name: str) -> str:
    """A name without case, spaces, dots and hyphens (``Town Daily`` ~ ``towndaily.example``)."""
    return "".join(ch for ch in name.lower() if ch.isalnum())


def _host_name(url: str | None) -> str | None:
    """The site's name as its host spells it (``www.towndaily.co.uk`` → ``towndaily``)."""
    if not url:
        return None
    return _host_name_of(url)


@functools.lru_cache(maxsize=1024)
def _host_name_of(url: str) -> str | None:
    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").removeprefix("www.")
    parts = [p for p in host.split(".") if p]
    while len(parts) > 1 and (len(parts[-1]) <= 3 or parts[-1] in ("example", "online", "news")):
        parts.pop()
    name = parts[-1] if parts else ""
    return name if len(name) >= 4 else None


# -- layouts -----------------------------------------------------------------------


@attrs.frozen
class Layout:
    """One generation of a site's page layout, as CSS selectors.

    Selector tuples are tried in order; the first that matches an element
    with text wins.  ``body`` selectors may match several elements (all are
    read, in page order).  ``exclude`` removes matches inside the body as
    ``(selector, dropped kind)``.  ``since``/``until`` bound the layout's
    years of use (``until`` is the day the layout ended), which picks
    between generations when a page matches more than one.

    Attributes:
        name: ``"V1"``, ``"V1_1"``, …
        detect: Selectors that must all match for the page to be this layout.
        title: The headline.
        kicker: The line above the headline (kept as a dropped ``"kicker"``).
        lead: The standfirst.
        body: The body containers.
        exclude: Body elements that are boilerplate, with their kind.
        date: The visible publication date line.
        modified: The visible update line.
        date_attr: Attributes of a date element holding a machine time.
        tags: Tag links.
        authors: Bylines.
        section: The section or category.
        captions: Caption elements inside the body.
        media: Figures outside the body (the header picture) read for images and captions.
        since: First day of use.
        until: The day the layout ended.
    """

    name: str
    detect: tuple[str, ...]
    title: tuple[str, ...] = ("h1",)
    kicker: tuple[str, ...] = ()
    lead: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    exclude: tuple[tuple[str, str], ...] = ()
    date: tuple[str, ...] = ()
    modified: tuple[str, ...] = ()
    date_attr: tuple[str, ...] = ("datetime", "data-unixtime", "content")
    tags: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    section: tuple[str, ...] = ()
    captions: tuple[str, ...] = ("figcaption",)
    media: tuple[str, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None

    def matches(self, tree: LexborHTMLParser, html: str | None = None) -> bool:
        """Whether every ``detect`` selector matches the page.

        Args:
            tree: The page's tree.
            html: The page's source, when at hand: a selector whose class
                and id names do not all occur in it cannot match, which
                spares a walk of the tree.
        """
        if not self.detect:
            return False
        if html is not None:
            for selector in self.detect:
                if not all(name in html for name in _selector_names(selector)):
                    return False
        return all(tree.css_first(s) is not None for s in self.detect)


_SELECTOR_NAMES = _regex.compile("htmlpage.SELECTOR_NAMES", r"(?<=[.#])[A-Za-z0-9_-]{1,80}")


@functools.lru_cache(maxsize=1024)
def _selector_names(selector: str) -> tuple[str, ...]:
    """The class and id names in a selector (layouts are data: the same few, over and over)."""
    return tuple(_SELECTOR_NAMES.findall(selector))

SiteBlock = Callable[[Document, PageMeta], None]


class ParagraphRule(Protocol):
    """A boilerplate rule shared with text mode (:class:`~mideastnews.parsers.textdump.Rule`).

    ``take`` is ``"line"`` (the paragraph), ``"next"`` (also the next one when
    the paragraph is the bare marker), ``"previous"`` or ``"rest"`` (it and all after).
    """

    @property
    def kind(self) -> str:
        """The dropped kind."""

    @property
    def take(self) -> str:
        """What else the rule drops."""

    def matches(self, line: str) -> bool:
        """Whether the paragraph matches."""


@attrs.frozen
class Site:
    """A source's HTML description: zone, names, URL patterns, site blocks and layouts.

    Attributes:
        name: The parser name.
        zone: IANA zone of the site's naive times.
        language: The default language.
        site_names: Names that appear as title suffixes.
        url_id: Pattern whose group ``id`` is the article id in the URL.
        url_section: Pattern whose group ``section`` is the section in the URL.
        blocks: Readers of the site's own metadata blocks (after meta, before date lines).
        layouts: The layout generations, newest first.
        rules: Boilerplate rules shared with text mode, applied to the body's paragraphs.
    """

    name: str
    zone: str | None = None
    language: str = "ar"
    site_names: tuple[str, ...] = ()
    url_id: re.Pattern[str] | None = None
    url_section: re.Pattern[str] | None = None
    blocks: tuple[SiteBlock, ...] = ()
    layouts: tuple[Layout, ...] = ()
    rules: tuple[ParagraphRule, ...] = ()


def _layout_matches(layout: Layout, doc: Document) -> bool:
    """``layout.matches(doc.tree)``, once its class and id names are in the source (each looked for once).

    Every site parser scoring a page, then the reader, test their layouts'
    names in the page's source; a name missing from a long page costs a
    scan of all of it, so the answers are kept in the document's cache.
    """
    if not layout.detect:
        return False
    found: dict[str, bool] = doc.__dict__.setdefault("htmlpage.names", {})
    for selector in layout.detect:
        for name in _selector_names(selector):
            hit = found.get(name)
            if hit is None:
                hit = found[name] = doc.contains(name)
            if not hit:
                return False
    return layout.matches(doc.tree)


def _pick_layout(doc: Document, layouts: tuple[Layout, ...], when: When | None) -> Layout | None:
    matching = [layout for layout in layouts if _layout_matches(layout, doc)]
    if len(matching) <= 1 or when is None:
        return matching[0] if matching else None
    day = when.date() if isinstance(when, dt.datetime) else when
    for layout in matching:
        if (layout.since is None or layout.since <= day) and (layout.until is None or day < layout.until):
            return layout
    return matching[0]


# -- the body walker -----------------------------------------------------------------

_BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "ul", "ol", "li", "dl",
    "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "blockquote", "figure", "figcaption",
    "h1", "h2", "h3", "h4", "h5", "h6", "pre", "address", "hr", "center", "details", "summary", "form",
    "fieldset", "caption", "body", "html",
})
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "video",
    "audio", "button", "input", "select", "textarea", "option", "label", "head", "title", "meta", "link",
    "map", "area", "dialog",
})
_STRUCTURAL_KINDS = {"nav": "navigation", "aside": "sidebar", "footer": "footer", "form": "form"}
#: Class and id words that mark boilerplate, with the kind it is dropped as.
NEGATIVE_TOKENS: dict[str, str] = {
    **dict.fromkeys(("nav", "navbar", "menu", "breadcrumb", "breadcrumbs", "pagination", "pager"),
                    "navigation"),
    **dict.fromkeys(("related", "recommended", "recommendations", "relatedposts", "readmore", "more",
                     "also", "mostread", "popular", "trending", "latest", "dual"), "related"),
    **dict.fromkeys(("share", "sharing", "social", "sharethis", "addthis", "whatsapp", "telegram", "print"),
                    "social"),
    **dict.fromkeys(("comment", "comments", "disqus", "respond", "reply"), "comments"),
    **dict.fromkeys(("sidebar", "widget", "aside", "rail"), "sidebar"),
    **dict.fromkeys(("footer", "copyright"), "footer"),
    **dict.fromkeys(("ad", "ads", "adv", "advert", "advertisement", "advertising", "banner", "promo",
                     "sponsor", "sponsored", "dfp", "outbrain", "taboola", "adsbygoogle", "mpu"),
                    "ad-marker"),
    **dict.fromkeys(("tags", "tag", "keywords", "topics"), "tag-list"),
    **dict.fromkeys(("newsletter", "subscribe", "subscription", "signup"), "newsletter"),
    **dict.fromkeys(("date", "time", "timestamp", "published", "updated", "dateline"), "timestamp"),
    **dict.fromkeys(("byline", "author", "authors"), "byline"),
    **dict.fromkeys(("hidden", "none", "invisible", "sronly", "offscreen"), "hidden"),
    **dict.fromkeys(("modal", "popup", "cookie", "cookies", "consent", "overlay"), "overlay"),
    **dict.fromkeys(("gallery", "slideshow", "carousel", "slider"), "gallery"),
    **dict.fromkeys(("video", "player", "podcast", "audio"), "media"),
    **dict.fromkeys(("credit", "credits"), "photo-credit"),
}
_POSITIVE_TOKENS = frozenset({
    "article", "articlebody", "body", "content", "entry", "main", "story", "text", "post", "news",
    "detail", "details", "longdesc", "desc", "blog", "column", "page", "single", "itemtext",
})
_NEGATIVE_SCORE_TOKENS = frozenset(NEGATIVE_TOKENS) - {"date", "time", "published", "updated", "print"}
_HIDDEN_STYLE = _regex.compile(
    "htmlpage.HIDDEN_STYLE", r"display\s{0,3}:\s{0,3}none|visibility\s{0,3}:\s{0,3}hidden"
)
_IMG_JUNK_WORDS = (r"(?:logo|icon|sprite|pixel|spacer|blank|1px|placeholder|avatar|advert|loading|lazy)"
                   r"[^/]{0,80}$")
_IMG_JUNK = _regex.compile("htmlpage.IMG_JUNK", _IMG_JUNK_WORDS, re.IGNORECASE)
# The same words in lower case, for an ASCII file name lower-cased: a case-blind search tries every
# word at every position, many times slower than a case-sensitive one.
_IMG_JUNK_LOWER = _regex.compile("htmlpage.IMG_JUNK_LOWER", _IMG_JUNK_WORDS)


def _junk_image(path: str) -> bool:
    """Whether an image address (without its query) names a logo, icon, spacer… (``_IMG_JUNK``).

    A match holds no ``/``, so it lies in the last path segment; in ASCII,
    matching without case is matching the lower-cased text.
    """
    name = path[path.rfind("/") + 1:]
    if name.isascii():
        return _IMG_JUNK_LOWER.search(name.lower()) is not None
    return _IMG_JUNK.search(path) is not None


# A caption that is only a photo or video credit («عکس: ایرنا», «Photo: AFP»).
_CREDIT_LABEL = _regex.compile(
    "htmlpage.CREDIT_LABEL",
    r"(?:©|\(c\)|عکس ?:|عکس از|عکاس ?:|فیلم ?:|تصویر ?:|صورة ?:|تصوير ?:|الصورة ?:|Photo ?:|Photo by|"
    r"Image ?:|Credit ?:)",
    re.IGNORECASE,
)
# Labels screen readers hear before a caption («التعليق على الصورة،», «Image caption,»).
_CAPTION_LABEL = _regex.compile(
    "htmlpage.CAPTION_LABEL",
    r"^(?:التعليق على الصورة|تعليق الصورة|توضیح تصویر|Image caption|Caption|Photo caption)"
    r"\s{0,3}[,،:]\s{0,3}",
    re.IGNORECASE,
)
_SOURCE_LABEL = _regex.compile(
    "htmlpage.SOURCE_LABEL",
    r"^(?:صدر الصورة|مصدر الصورة|منبع تصویر|Image source|Source)\s{0,3}[,،:]",
    re.IGNORECASE,
)
_UPDATED_LABEL = _regex.compile(
    "htmlpage.UPDATED_LABEL",
    r"آخر تحديث|تم التحديث|محدث|به[\u200c ]?روز|updated|last modified",
    re.IGNORECASE,
)


_ROLE_KINDS = {"navigation": "navigation", "banner": "navigation", "search": "navigation",
               "complementary": "sidebar", "contentinfo": "footer", "dialog": "overlay", "menu": "navigation"}
_CREDIT_TOKENS = frozenset({"credit", "credits"})
#: Class words of caption elements outside <figure> (``image__caption``).
CAPTION_TOKENS = frozenset({"caption", "figcaption", "imagecaption", "photocaption", "wp-caption-text"})


_NEGATIVE_RANK = {token: rank for rank, token in enumerate(NEGATIVE_TOKENS)}


def _negative_kind(node: LexborNode, tokens: frozenset[str], a: dict[str, str | None] | None = None,
                   tag: str | None = None) -> str | None:
    kind = _STRUCTURAL_KINDS.get((node.tag if tag is None else tag) or "")
    if kind:
        return kind
    if a is None:
        a = node.attributes
    if "hidden" in a or a.get("aria-hidden") == "true":
        return "hidden"
    role = a.get("role")
    if role:
        kind = _ROLE_KINDS.get(role.strip().lower())
        if kind:
            return kind
    style = a.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return "hidden"
    if not tokens:
        return None
    try:
        return _TOKENS_KIND[tokens]
    except KeyError:
        pass
    # Class words naming two kinds («gallery hidden»): the one listed first in NEGATIVE_TOKENS, so
    # the kind does not hang on the set's order (which changes with the hash seed from run to run).
    found = [token for token in tokens if token in NEGATIVE_TOKENS]
    kind = (NEGATIVE_TOKENS[found[0] if len(found) == 1 else min(found, key=_NEGATIVE_RANK.__getitem__)]
            if found else None)
    if len(_TOKENS_KIND) > 4096:
        _TOKENS_KIND.clear()
    _TOKENS_KIND[tokens] = kind
    return kind


#: The class-word kind of each set of class words seen (pages repeat the same few).
_TOKENS_KIND: dict[frozenset[str], str | None] = {}


@attrs.define
class Walk:
    """What the body walker collected, in page order."""

    paragraphs: list[str] = attrs.field(factory=list)
    subheadings: list[int] = attrs.field(factory=list)
    signatures: list[tuple[str, str, bool, int]] = attrs.field(factory=list)
    link_ratios: list[float] = attrs.field(factory=list)
    captions: list[str] = attrs.field(factory=list)
    images: list[str] = attrs.field(factory=list)
    embeds: list[str] = attrs.field(factory=list)
    dropped: list[Dropped] = attrs.field(factory=list)


@attrs.define
class _Buffer:
    parts: list[str] = attrs.field(factory=list)
    chars: int = 0  # the length of ``parts`` joined
    link_chars: int = 0
    owner: LexborNode | None = None
    owner_attributes: dict[str, str | None] | None = None


def _first_attr(attributes: dict[str, str | None], names: tuple[str, ...]) -> str | None:
    """:func:`node_attr` of a node's attribute dict."""
    for name in names:
        value = attributes.get(name)
        if value and value.strip():
            return value.strip()
    return None


def _image_src(node: LexborNode, base: str | None) -> str | None:
    attributes = node.attributes  # (read once: each read builds the dict)
    src = _first_attr(attributes, ("data-src", "data-original", "data-lazy-src", "src"))
    if not src:
        srcset = _first_attr(attributes, ("srcset", "data-srcset"))
        src = srcset.split(",")[0].split()[0] if srcset else None
    if not src or src.startswith("data:"):
        return None
    for dim in ("width", "height"):
        value = attributes.get(dim) or ""
        if value.isdigit() and int(value) <= 2:
            return None
    if _junk_image(src.split("?")[0]):
        return None
    return urljoin(base, src) if base else src


@functools.lru_cache(maxsize=1024)
def _class_look(classes: str) -> str:
    """A paragraph's look for its signature: its first two class names, without digits."""
    return _DIGITS_RUN.sub("", " ".join(classes.split()[:2]))


class _Walker:
    def __init__(self, *, base: str | None, exclude: dict[int, str], caption_ids: set[int],
                 credit_prefixes: tuple[str, ...]) -> None:
        self.base = base
        self.exclude = exclude
        self.caption_ids = caption_ids
        self.credit_prefixes = credit_prefixes
        self.out = Walk()
        self.buffer = _Buffer()
        self.full = False

    # paragraphs ------------------------------------------------------------
    def flush(self) -> None:
        buf = self.buffer
        if not buf.parts:
            buf.owner = None
            return
        raw = "".join(buf.parts)
        out = self.out
        # The paragraphs first: a buffer of only spaces (between blocks) gives none, and needs
        # no signature.
        texts = [] if raw.isspace() else [
            text for text in map(clean_text, raw.split("\n") if "\n" in raw else (raw,)) if text]
        if texts:
            total = len(raw.strip()) or 1
            ratio = min(1.0, buf.link_chars / total)
            owner = buf.owner
            signature = ("", "", False, 0)
            if owner is not None:
                a = buf.owner_attributes if buf.owner_attributes is not None else owner.attributes
                parent = owner.parent
                signature = (owner.tag or "", _class_look(a.get("class") or ""), "style" in a,
                             parent.mem_id if parent is not None else 0)
            for text in texts:
                out.paragraphs.append(text)
                out.signatures.append(signature)
                out.link_ratios.append(ratio)
        # A new paragraph, in the same buffer.
        buf.parts = []
        buf.chars = buf.link_chars = 0
        buf.owner = buf.owner_attributes = None
        self.full = len(out.paragraphs) > MAX_PARAGRAPHS

    def drop(self, node: LexborNode, kind: str) -> None:
        text = clean_text(node.text(deep=True, separator=" "))
        if text:
            self.out.dropped.append(Dropped(text, kind))

    # tree --------------------------------------------------------------------
    def walk(self, node: LexborNode, depth: int = 0, block: LexborNode | None = None,
             block_attributes: dict[str, str | None] | None = None) -> None:
        if block is None:
            block = node
        buffer = self.buffer
        out = self.out
        exclude = self.exclude
        caption_ids = self.caption_ids
        marked = bool(exclude or caption_ids)  # else no element's id need be read
        for child in node.iter(include_text=True):
            if self.full:
                return
            tag = child.tag
            if tag == "-text":
                text = child.text_content or ""
                if "\n" in text:
                    if text.count("\n") == 1:  # (a blank line takes two)
                        text = text.replace("\n", " ")
                    else:
                        text = "\n".join([part.replace("\n", " ") for part in _BLANK_LINE.split(text)])
                if text:
                    buffer = self.buffer
                    if buffer.owner is None:
                        buffer.owner = block
                        buffer.owner_attributes = block_attributes
                    buffer.parts.append(text)
                    buffer.chars += len(text)
                continue
            if tag is None or tag.startswith("-") or tag in _SKIP_TAGS:
                continue
            if tag == "br":
                buffer = self.buffer
                buffer.parts.append("\n")
                buffer.chars += 1
                continue
            if tag == "img":
                src = _image_src(child, self.base)
                if src:
                    out.images.append(src)
                continue
            if marked:
                mem = child.mem_id
                if mem in exclude:
                    self.flush()
                    self.drop(child, exclude[mem])
                    continue
                captioned = mem in caption_ids
            else:
                captioned = False
            a = child.attributes
            if a:
                tokens = _attr_tokens(a)
                if not tokens & _CREDIT_TOKENS and (captioned or tag == "figcaption" or (
                        tokens & CAPTION_TOKENS and tag not in _HEADINGS and tag != "p"
                        and len(child.text(deep=True)) < 600)):
                    self.flush()
                    self.caption(child)
                    continue
                kind = _negative_kind(child, tokens, a, tag)
            else:  # no attributes: no class words, no hidden or role marks
                tokens = _NO_TOKENS
                if captioned or tag == "figcaption":
                    self.flush()
                    self.caption(child)
                    continue
                kind = _STRUCTURAL_KINDS.get(tag)
            if kind == "gallery":
                self.flush()
                self.gallery(child)
                continue
            if kind is not None:
                self.flush()
                self.drop(child, kind)
                continue
            if tag in _BLOCK_TAGS or tag == "picture":
                self.flush()
                self.block(child, tag, tokens, depth, a)
                self.flush()
            else:
                # Inline: its text joins the current paragraph.
                if tag == "a":
                    before = self.buffer.chars
                    self.walk(child, depth + 1, block, block_attributes)
                    self.buffer.link_chars += max(0, self.buffer.chars - before)
                else:
                    self.walk(child, depth + 1, block, block_attributes)

    def block(self, node: LexborNode, tag: str, tokens: frozenset[str], depth: int,
              attributes: dict[str, str | None] | None = None) -> None:
        if tag in _HEADINGS or tag == "h1":
            text = clean_text(node.text(deep=True, separator=" "))
            if text:
                if tag == "h1":
                    self.out.dropped.append(Dropped(text, "duplicate-title"))
                else:
                    self.out.subheadings.append(len(self.out.paragraphs))
                    self.out.paragraphs.append(text)
                    self.out.signatures.append((tag, "", False, 0))
                    self.out.link_ratios.append(0.0)
            return
        if tag == "blockquote" and tokens & {"twitter", "tweet", "instagram", "tiktok", "facebook"}:
            text = clean_text(node.text(deep=True, separator=" "))
            if text:
                self.out.embeds.append(text)
            return
        if tag == "hr":
            return
        self.walk(node, depth + 1, node, attributes)

    def gallery(self, node: LexborNode) -> None:
        """A slideshow: its pictures and captions count, its controls are dropped."""
        for img in node.css("img"):
            src = _image_src(img, self.base)
            if src:
                self.out.images.append(src)
        captions = node.css("figcaption, cite, .caption")
        for caption in captions:
            self.caption(caption)
        rest = clean_text(node.text(deep=True, separator=" "))
        for caption in captions:
            rest = rest.replace(clean_text(caption.text(deep=True, separator=" ")), " ")
        rest = clean_text(rest)
        if rest:
            self.out.dropped.append(Dropped(rest, "gallery"))

    def caption(self, node: LexborNode) -> None:
        # A caption made of parts (the credit in one span, the words in another): each on its own.
        parts = []
        for child in node.iter(include_text=True):
            if child.tag == "-text":
                parts.append(clean_text(child.text_content))
            elif child.tag not in ("br", "-comment"):
                parts.append(clean_text(child.text(deep=True, separator=" ")))
        parts = [p for p in parts if p]
        if len(parts) > 1 and any(_CREDIT_LABEL.match(p) or _SOURCE_LABEL.match(p) for p in parts):
            for part in parts:
                self.caption_text(part)
            return
        self.caption_text(clean_text(node.text(deep=True, separator=" ")))

    def caption_text(self, text: str) -> None:
        if not text:
            return
        label = _CAPTION_LABEL.match(text)
        if label:
            self.out.dropped.append(Dropped(label.group(0).strip(), "caption-label"))
            text = text[label.end():].strip()
            if not text:
                return
        if _CREDIT_LABEL.match(text) or _SOURCE_LABEL.match(text):
            self.out.dropped.append(Dropped(text, "photo-credit"))
            return
        for prefix in self.credit_prefixes:
            at = text.find(prefix)
            if at >= 0:
                credit = text[at:].strip()
                text = text[:at].strip(" -–—|")
                self.out.dropped.append(Dropped(credit, "photo-credit"))
                break
        if text:
            self.out.captions.append(text)


def walk_body(
    containers: Iterable[LexborNode],
    *,
    base: str | None = None,
    exclude: Iterable[tuple[str, str]] = (),
    captions: Iterable[str] = ("figcaption",),
    credit_prefixes: tuple[str, ...] = ("©",),
) -> Walk:
    """Read body containers into paragraphs, subheadings, captions, images, embeds and dropped pieces.

    Block elements and ``<br>`` end paragraphs; inline elements join them.
    Elements matched by ``exclude`` and elements whose class or id names
    boilerplate (:data:`NEGATIVE_TOKENS`: navigation, related, share,
    comments, ads, tag lists, hidden…) are kept in ``dropped`` with their
    kind.  ``h2``–``h6`` become subheadings; tweets and other social embeds
    become embeds; figure captions become captions (a ``©`` credit is
    dropped as ``"photo-credit"``).
    """
    nodes = list(containers)
    excluded: dict[int, str] = {}
    caption_ids: set[int] = set()
    # The caption selectors in one query (<figcaption> is a caption to the walker anyway).
    caption_selector = ", ".join(s for s in captions if s != "figcaption")
    for node in nodes:
        for selector, kind in exclude:
            for hit in node.css(selector):
                excluded[hit.mem_id] = kind
        if caption_selector:
            caption_ids.update(hit.mem_id for hit in node.css(caption_selector))
    walker = _Walker(base=base, exclude=excluded, caption_ids=caption_ids, credit_prefixes=credit_prefixes)
    seen: set[int] = set()
    for node in nodes:
        if node.mem_id in seen:
            continue
        seen.add(node.mem_id)
        tag = node.tag or ""
        if tag in _HEADINGS:
            walker.block(node, tag, class_tokens(node), 0)
        else:
            walker.walk(node)
        walker.flush()
    return walker.out


# -- generic body choice ----------------------------------------------------------


def _unit_score(text: str) -> float:
    return 1.0 + text.count(",") + text.count("،") + min(len(text) / 100.0, 3.0)


def _class_weight(node: LexborNode) -> float:
    a = node.attributes
    tokens = _attr_tokens(a)
    weight = 0.0
    if tokens & _POSITIVE_TOKENS:
        weight += 25.0
    if tokens & _NEGATIVE_SCORE_TOKENS:
        weight -= 25.0
    if node.tag in ("article", "main"):
        weight += 10.0
    if a.get("itemprop") == "articleBody":
        weight += 50.0
    return weight


def _link_density(node: LexborNode, text_len: int, link_lengths: dict[int, int] | None = None) -> float:
    """The share of ``node``'s text in links (``link_lengths`` keeps each link's length between calls)."""
    if text_len <= 0:
        return 0.0
    if link_lengths is None:
        links = sum(len(a.text(deep=True)) for a in node.css("a"))
    else:
        links = 0
        for a in node.css("a"):
            length = link_lengths.get(a.mem_id)
            if length is None:
                length = link_lengths[a.mem_id] = len(a.text(deep=True))
            links += length
    return min(1.0, links / text_len)


def _inside_negative(node: LexborNode, stop: int, limit: int = 12,
                     allow: frozenset[str] = frozenset(), memo: dict[int, bool] | None = None) -> bool:
    """Whether one of ``node``'s ``limit`` nearest ancestors below ``stop`` is a sidebar, footer, form….

    ``memo`` keeps, between calls with the same ``allow``, whether an ancestor is one.
    """
    current = node.parent
    steps = 0
    negative = _inside_tokens(allow)
    while current is not None and steps < limit:
        mem = current.mem_id
        if mem == stop:
            break
        hit = memo.get(mem) if memo is not None else None
        if hit is None:
            hit = current.tag in ("nav", "aside", "footer", "form") or bool(class_tokens(current) & negative)
            if memo is not None:
                memo[mem] = hit
        if hit:
            return True
        current = current.parent
        steps += 1
    return False


@functools.lru_cache(maxsize=64)
def _inside_tokens(allow: frozenset[str]) -> frozenset[str]:
    """The class words :func:`_inside_negative` looks for above a node, less ``allow``."""
    return _NEGATIVE_SCORE_TOKENS - {"more", "also", "content"} - allow


_MAX_UNITS = 6000


#: Inline wrappers: text inside them belongs to the block around them (Blogger and WordPress
#: posts wrap each paragraph's text in «<span style=…><span style=…>»).
_INLINE_WRAPPERS = frozenset({"span", "font", "b", "strong", "i", "em", "u", "small", "big", "a", "mark"})
#: How many levels above a paragraph's holder its text counts as held (the wrapper descent).
_HELD_LEVELS = 6


def _holder(node: LexborNode | None) -> LexborNode | None:
    """The block element that holds ``node``'s text: ``node`` unless it is an inline wrapper."""
    for _ in range(8):
        if node is None or node.tag not in _INLINE_WRAPPERS:
            return node
        node = node.parent
    return node


def choose_body(tree: LexborHTMLParser, anchor: LexborNode | None = None,
                found: _PageNodes | None = None) -> list[LexborNode]:
    """The body containers of a page no layout describes.

    ``anchor``, the headline's element when known, favours candidates that
    sit near it (the body follows its headline; a teaser list or the
    comments sit elsewhere).

    ``[itemprop=articleBody]`` wins when it holds text; otherwise paragraphs
    (``<p>`` and ``<br>``-separated text) score their parent and
    grandparent (by length and commas, as readability does), class and id
    words weigh in, link density weighs down, and the best container is
    taken together with siblings that score nearly as well.
    """
    if found is not None and found.bodies is not None:
        bodies, paragraphs, breaks = found.bodies, found.paragraphs, found.breaks
    else:
        bodies, paragraphs, breaks = tree.css(_ARTICLE_BODY), None, None
    for node in bodies:
        raw = node.text(deep=True)
        # A long text's opening, cleaned, is enough when it is that long (cleaning more only adds).
        if len(raw) >= 80 and (len(clean_text(raw[:400])) >= 80 or len(clean_text(raw)) >= 80):
            return [node]
    scope_root = tree.body
    if scope_root is None:
        return []
    scores: dict[int, float] = {}
    nodes: dict[int, LexborNode] = {}
    # Units as (the element holding the text, its text): a <p> is held by its parent, and a
    # <br>-separated block (or bare text, below) by itself.
    # The <p> and <br> elements in one walk (no element is both: each comes once, in page order).
    if paragraphs is None or breaks is None:
        paragraphs, breaks = [], []
        for node in tree.css(_BODY_UNITS):
            (paragraphs if node.tag == "p" else breaks).append(node)
    # (Each unit with its holder's id, read once: 0 when it has none.)
    units: list[tuple[LexborNode | None, int, str]] = []
    for p in paragraphs[:_MAX_UNITS]:
        parent = p.parent
        units.append((parent, parent.mem_id if parent is not None else 0, p.text(deep=True)))
    # How many <p> each holder has as children: one with three or more is no teaser card (it has
    # that many <p> below it), told without searching its subtree for a linked headline.
    child_paragraphs = Counter(held for _, held, _ in units)
    seen_br_parents: set[int] = set()
    for br in breaks:
        parent = br.parent
        if parent is not None and parent.tag != "p" and parent.mem_id not in seen_br_parents:
            seen_br_parents.add(parent.mem_id)
            holder = _holder(parent)
            units.append((holder, holder.mem_id if holder is not None else 0, parent.text(deep=False)))
    # Where no parent gathers much <p> text, paragraphs may be bare text in <div>s, <td>s, <span>s.
    gathered: dict[int, int] = {}
    for parent, held, raw in units:
        if parent is not None:
            gathered[held] = gathered.get(held, 0) + len(raw)
    if max(gathered.values(), default=0) < 500:
        for node in tree.css("div, td, section, article, span, font, li"):
            if node.mem_id not in seen_br_parents:
                raw = node.text(deep=False) or ""
                if len(raw.strip()) >= 80:
                    holder = _holder(node)
                    units.append((holder, holder.mem_id if holder is not None else 0, raw))
    root_id = scope_root.mem_id
    direct: dict[int, int] = {}
    below: dict[int, int] = {}  # the units' text held in each element's subtree (a few levels up)
    # What a unit adds to depends only on the element holding it, and units share their holders:
    # whether it is a teaser card, the elements it counts as held under and those it scores are
    # worked out once per holder.
    holders: dict[int, tuple[bool, list[int], list[tuple[int, float]]]] = {}
    for parent, held, raw in units:
        if parent is None or len(raw) < 25:  # (cleaning only shortens a text)
            continue
        text = clean_text(raw)
        length = len(text)
        if length < 25:
            continue
        score = _unit_score(text)
        known = holders.get(held)
        if known is None:
            # A teaser card: a lone summary under a linked headline is another story's.
            card = (child_paragraphs[held] <= 2
                    and parent.css_first("h2 a, h3 a, h4 a, h5 a, a h2, a h3, a h4") is not None
                    and len(parent.css("p")) <= 2)  # (the cheaper tests first)
            held_by: list[int] = []
            above: LexborNode | None = parent
            for _ in range(_HELD_LEVELS):
                if above is None:
                    break
                mem = above.mem_id
                if mem == root_id:
                    break
                held_by.append(mem)
                above = above.parent
            targets: list[tuple[int, float]] = []
            for target, share in ((parent, 1.0), (parent.parent, 0.5)):
                if target is None or target.tag in ("html", "body"):
                    continue
                mem = target.mem_id
                if mem not in nodes:
                    nodes[mem] = target
                    scores[mem] = _class_weight(target)
                targets.append((mem, share))
            known = holders[held] = (card, held_by, targets)
        card, held_by, targets = known
        if card:
            score *= 0.2
        direct[held] = direct.get(held, 0) + length
        for mem in held_by:
            below[mem] = below.get(mem, 0) + length
        for mem, share in targets:
            scores[mem] += score * share
    if not scores:
        return [scope_root]
    # Link density and sidebars weigh down the strongest candidates (computed for the top ones only);
    # nearness to the headline weighs up.
    near_anchor: set[int] = set()
    current = anchor.parent if anchor is not None else None
    while current is not None and len(near_anchor) < 5 and current.tag not in ("body", "html"):
        near_anchor.add(current.mem_id)
        current = current.parent
    ranked: list[tuple[float, int]] = []
    link_lengths: dict[int, int] = {}
    negative_ancestors: dict[int, bool] = {}
    for score, mem in sorted(((s, m) for m, s in scores.items()), reverse=True)[:12]:
        node = nodes[mem]
        # (A candidate scoring nothing has no link density to weigh: its text is not read.)
        adjusted = (score * (1.0 - _link_density(node, len(node.text(deep=True)), link_lengths)) if score > 0
                    else score)
        if _inside_negative(node, root_id, memo=negative_ancestors):
            adjusted *= 0.3
        if near_anchor and adjusted > 0:
            current, steps = node, 0
            while current is not None and steps < 4 and current.mem_id not in near_anchor:
                current, steps = current.parent, steps + 1
            if current is not None and current.mem_id in near_anchor:
                adjusted *= 1.25
        ranked.append((adjusted, mem))
    ranked.sort(reverse=True)
    best_score, best_id = ranked[0]
    best = nodes[best_id]
    # A wrapper whose paragraphs nearly all sit in one child: the child is the body.
    # (Counted through the subtree: paragraphs one <div> deeper, beside that child, keep the wrapper.)
    for _ in range(4):
        children = [(held_below, c) for c in best.iter(include_text=False)
                    if (held_below := below.get(c.mem_id)) is not None]
        if not children:
            break
        held = direct.get(best_id, 0) + sum(held_below for held_below, _ in children)
        top_held, top = children[0]
        for held_below, c in children:  # the first child holding the most (as max() takes)
            if held_below > top_held:
                top_held, top = held_below, c
        if top_held < 0.75 * held:
            break
        best, best_id = top, top.mem_id
    best_score = max(best_score, scores.get(best_id, 0.0))
    parent = best.parent
    if parent is None:
        return [best]
    threshold = max(10.0, best_score * 0.2)
    adjusted_scores = {mem: s for s, mem in ranked}
    chosen: list[LexborNode] = []
    for sibling in parent.iter(include_text=False):
        if sibling.mem_id == best_id:
            chosen.append(sibling)
            continue
        if sibling.tag != best.tag or class_tokens(sibling) & _NEGATIVE_SCORE_TOKENS:
            continue
        sibling_score = adjusted_scores.get(sibling.mem_id)
        if sibling_score is not None and sibling_score >= threshold:
            chosen.append(sibling)
    return chosen


# -- reading a page ---------------------------------------------------------------

#: Paragraphs kept from one page; the rest is cut with a warning (bounds the work on junk pages).
MAX_PARAGRAPHS = 2000


def _drop_trailing_foreign(walk: Walk) -> None:
    """Drop trailing paragraphs styled unlike the body (comment policies, disclaimers under the text)."""
    n = len(walk.paragraphs)
    if n < 4:
        return
    weight: dict[tuple[str, str, bool, int], int] = {}
    for sig, text in zip(walk.signatures, walk.paragraphs, strict=True):
        weight[sig] = weight.get(sig, 0) + len(text)
    main = max(weight, key=lambda s: weight[s])
    total = sum(weight.values())
    last_main = max(i for i, s in enumerate(walk.signatures) if s == main)
    tail = [i for i in range(last_main + 1, n) if i not in walk.subheadings]
    tail_len = sum(len(walk.paragraphs[i]) for i in tail)
    if not tail or tail_len > 0.25 * total:
        return
    # Same look, or the same parent as the body's paragraphs: still the body.  Foreign are
    # text blocks that are not <p> (a widget's captions, the next article's title) and <p>s
    # styled inline (a comment policy's box) under an unstyled body.
    if any(walk.signatures[i][:3] == main[:3] or walk.signatures[i][3] == main[3] for i in tail):
        return
    prose = ("p", "li", "blockquote")
    if not all(walk.signatures[i][0] not in prose or (walk.signatures[i][2] and not main[2])
               for i in tail if walk.signatures[i][0] not in _HEADINGS):
        return
    for i in reversed(tail):
        if walk.signatures[i][0] in ("h2", "h3", "h4", "h5", "h6"):
            continue
        walk.dropped.append(Dropped(walk.paragraphs[i], "footer"))
        del walk.paragraphs[i]
        del walk.signatures[i]
        del walk.link_ratios[i]
        walk.subheadings = [j - 1 if j > i else j for j in walk.subheadings if j != i]


_BODY_BREAK = _regex.compile("htmlpage.BODY_BREAK", r"\n|(?<=[.!?؟])\s{2,}")


def _prefer_json_ld_body(walk: Walk, body: str, warnings: list[str]) -> None:
    """Take the JSON-LD ``articleBody`` when the page's markup holds much less (script-rendered pages)."""
    found = sum(len(p) for p in walk.paragraphs)
    if found >= 0.5 * len(body):  # (then also of the cleaned text, no longer)
        return
    text = clean_text(body)
    if len(text) < 300 or found >= 0.5 * len(text):
        return
    paragraphs = [p for p in (clean_text(x) for x in _BODY_BREAK.split(body)) if p]
    walk.dropped.extend(Dropped(p, "boilerplate") for p in walk.paragraphs)
    walk.paragraphs = paragraphs
    walk.signatures = [("json-ld", "", False, 0)] * len(paragraphs)
    walk.link_ratios = [0.0] * len(paragraphs)
    walk.subheadings = []
    warnings.append("the page's markup holds little of the text: the body is the JSON-LD articleBody")


_DATELINE_END = _regex.compile("htmlpage.DATELINE_END", r"(?:—|–|--|-)\s{0,3}$")


def _join_datelines(walk: Walk) -> None:
    """Join a dateline printed as its own block («Lisbon GNN —») to the paragraph it opens."""
    i = 0
    while i + 1 < len(walk.paragraphs):
        text = walk.paragraphs[i]
        # (A match ends within the last five characters: a dash and at most three spaces and a newline.)
        if (_DATELINE_END.search(text[-5:]) and i not in walk.subheadings and i + 1 not in walk.subheadings
                and _at_most_words(text, 6)):
            walk.paragraphs[i] = f"{text} {walk.paragraphs[i + 1]}"
            del walk.paragraphs[i + 1], walk.signatures[i + 1], walk.link_ratios[i + 1]
            walk.subheadings = [j - 1 if j > i else j for j in walk.subheadings]
        i += 1


def _drop_leading_lists(walk: Walk) -> None:
    """Drop list items before the body's first paragraph (story highlights, tables of contents)."""
    n = len(walk.paragraphs)
    lead = 0
    while lead < n and walk.signatures[lead][0] != "p":
        lead += 1
    if lead == 0 or lead == n:
        return
    items = range(lead)

    def label_or_item(i: int) -> bool:
        if walk.signatures[i][0] == "li":
            return True
        return _at_most_words(walk.paragraphs[i], 4) and i not in walk.subheadings

    if not any(walk.signatures[i][0] == "li" for i in items) or not all(label_or_item(i) for i in items):
        return
    total = sum(len(p) for p in walk.paragraphs)
    if sum(len(p) for p in walk.paragraphs[:lead]) > 0.2 * total:
        return
    for i in range(lead):
        walk.dropped.append(Dropped(walk.paragraphs[i], "highlights"))
    del walk.paragraphs[:lead], walk.signatures[:lead], walk.link_ratios[:lead]
    walk.subheadings = [j - lead for j in walk.subheadings if j >= lead]


def _is_date_only(text: str) -> bool:
    """Whether a short paragraph is only a date line («2 مارس/ آذار 2024», «14:32 19.05.2024»)."""
    if read_date_line(text) is None:
        return False
    rest = _DAY_MONTH_YEAR.sub(" ", text.translate(_DIGITS))
    rest = _NUMERIC_DATE.sub(" ", _MONTH_DAY_YEAR.sub(" ", rest))
    rest = _CLOCK.sub(" ", rest)
    return len(_LETTER.findall(rest)) <= 12


RuleFinder = Callable[[str], ParagraphRule | None]
def _build_site_rules(site: Site) -> tuple[tuple[ParagraphRule, ...], RuleFinder]:
    """The site's rules then the common ones, and a function giving the first that matches a paragraph.

    When all are text-mode :class:`~mideastnews.parsers.textdump.Rule` s, the
    finder is text mode's own index of them (one look-up for whole lines, one
    screen for prefixes, substrings and patterns); it answers exactly as
    trying each rule's ``matches`` in order.
    """
    rules = (*site.rules, *COMMON_RULES)
    finder: RuleFinder
    if all(isinstance(rule, Rule) for rule in rules):
        # (The paragraphs the finder is asked about are clean_text's: spaces collapsed and trimmed.)
        finder = _RuleSet(tuple(r for r in rules if isinstance(r, Rule))).first_clean
    else:
        def finder(text: str) -> ParagraphRule | None:
            return next((rule for rule in rules if rule.matches(text)), None)
    return rules, finder


_site_rules: ByIdentity[Site, tuple[tuple[ParagraphRule, ...], RuleFinder]] = ByIdentity(
    _build_site_rules)  # built once per site


def _apply_rules(walk: Walk, rules: tuple[ParagraphRule, ...], title: str,
                 first: RuleFinder | None = None) -> None:
    kinds: dict[int, str] = {}
    title_words = clean_text(title)
    n = len(walk.paragraphs)
    if first is None:
        def first(text: str) -> ParagraphRule | None:
            return next((rule for rule in rules if rule.matches(text)), None)
    for i, text in enumerate(walk.paragraphs):
        if i in kinds:
            continue
        if text == title_words:
            kinds[i] = "duplicate-title"
            continue
        rule = first(text)
        if rule is not None:
            kinds[i] = rule.kind
            take = getattr(rule, "take", "line")
            if take == "rest":
                rest_kind = getattr(rule, "rest_kind", None) or rule.kind
                for j in range(i + 1, n):
                    kinds.setdefault(j, rest_kind)
            elif take == "next" and i + 1 < n and _at_most_words(text, 4):
                kinds[i + 1] = rule.kind
            elif take == "previous" and i > 0:
                kinds[i - 1] = rule.kind
        elif not _LETTER.search(text):
            kinds[i] = "navigation"
        elif _at_most_words(text, 7) and i not in walk.subheadings and _is_date_only(text):
            kinds[i] = "timestamp"
        elif walk.link_ratios[i] > 0.6 and len(text) < 200 and i not in walk.subheadings \
                and walk.signatures[i][0] != "p":
            kinds[i] = "related"
    if not kinds:
        return
    keep = [i for i in range(n) if i not in kinds]
    for i in sorted(kinds):
        walk.dropped.append(Dropped(walk.paragraphs[i], kinds[i]))
    new_index = {old: new for new, old in enumerate(keep)}
    walk.subheadings = [new_index[j] for j in walk.subheadings if j in new_index]
    walk.paragraphs = [walk.paragraphs[i] for i in keep]
    walk.signatures = [walk.signatures[i] for i in keep]
    walk.link_ratios = [walk.link_ratios[i] for i in keep]


def _url_parts(site: Site, url: str | None) -> tuple[str | None, str | None]:
    if not url:
        return None, None
    site_id = section = None
    if site.url_id is not None:
        m = site.url_id.search(url)
        if m:
            site_id = m.group("id")
    if site.url_section is not None:
        m = site.url_section.search(url)
        if m:
            section = m.group("section")
    return site_id, section


def _date_from(nodes: Iterable[LexborNode], layout: Layout, zone: str | None) -> When | None:
    memo: dict[int, bool] = {}
    for node in nodes:
        if _inside_negative(node, 0, limit=30, allow=_BYLINE_TOKENS, memo=memo):
            continue  # a sidebar's or a related article's date
        for attr in layout.date_attr:
            value = node.attributes.get(attr)
            if value:
                when = parse_when(value, zone)
                if when is not None:
                    return when
        when = read_date_line(node.text(deep=True, separator=" "), zone)
        if when is not None:
            return when
    return None


def _select_all(tree: LexborHTMLParser, selectors: Iterable[str]) -> list[LexborNode]:
    for selector in selectors:
        found = tree.css(selector)
        if found:
            return list(found)
    return []


def _texts(nodes: Iterable[LexborNode]) -> list[str]:
    return list(dict.fromkeys(t for t in (clean_text(n.text(deep=True, separator=" ")) for n in nodes) if t))


_LEAD_SELECTORS = ", ".join((
    '[itemprop="description"]:not(meta)', ".lead", ".standfirst", ".summary", ".excerpt", ".intro", ".dek",
    ".article-summary", ".article__summary", ".subtitle", ".sub-title",
))


def _generic_lead(tree: LexborHTMLParser, containers: list[LexborNode]) -> tuple[str, LexborNode | None]:
    """A standfirst element outside the body (class words lead/summary/standfirst/excerpt/intro/dek)."""
    inside = {c.mem_id for c in containers}
    # The standfirst sits near the body: under one of its five nearest ancestors.
    near: set[int] = set()
    top: LexborNode | None = None
    current = containers[0].parent if containers else None
    while current is not None and len(near) < 5 and current.tag not in ("body", "html"):
        near.add(current.mem_id)
        top = current
        current = current.parent
    if top is None:
        return "", None
    # Every standfirst taken has a near ancestor, so it lies under the topmost one: only that
    # subtree is searched (in the same document order).
    for selector in (_LEAD_SELECTORS,):
        for node in top.css(selector):
            if node.tag in ("meta", "body", "html") or node.mem_id in inside or node.mem_id in near:
                continue
            # Cheapest test first: one of the body's near ancestors within six levels up.
            current, steps = node.parent, 0
            while current is not None and steps < 6 and current.mem_id not in near:
                current, steps = current.parent, steps + 1
            if current is None or current.mem_id not in near:
                continue
            current = node.parent
            nested = False
            while current is not None:
                if current.mem_id in inside:
                    nested = True
                    break
                current = current.parent
            if nested or _inside_negative(node, 0, limit=30):
                continue
            text = clean_text(node.text(deep=True, separator=" "))
            if 20 <= len(text) <= 1200:
                return text, node
    return "", None


_AUTHOR_SELECTORS = ", ".join((
    'a[rel="author"]', '[itemprop="author"] [itemprop="name"]', '[itemprop="author"]:not(meta)',
    ".byline a", ".author-name", ".author a", ".article-author a", ".byline__name",
))
_BYLINE_PREFIX = _regex.compile(
    "htmlpage.BYLINE_PREFIX", r"^(?:By|بقلم|كتب|كتبت|إعداد|نویسنده|به قلم)\s{0,3}:?\s{0,3}", re.IGNORECASE
)


_BYLINE_TOKENS = frozenset({"byline", "author", "authors", "meta", "date", "time", "published"})


def _generic_authors(tree: LexborHTMLParser) -> list[str]:
    """Bylines of a page no layout describes: author links and names outside sidebars."""
    found: list[str] = []
    memo: dict[int, bool] = {}
    for node in tree.css(_AUTHOR_SELECTORS)[:20]:
        if _inside_negative(node, 0, limit=30, allow=_BYLINE_TOKENS, memo=memo):
            continue
        name = _BYLINE_PREFIX.sub("", clean_text(node.text(deep=True, separator=" ")))
        if name and len(name.split()) <= 6 and name not in found:
            found.append(name)
        if len(found) >= 6:
            break
    return found


_URL_DATE = _regex.compile(
    "htmlpage.URL_DATE", r"/((?:19|20)[0-9]{2})[/-]([01]?[0-9])[/-]([0-3]?[0-9])(?:/|$|[-_][^0-9])"
)


def _url_date(url: str | None) -> dt.date | None:
    """The day in an address (``/2013/11/27/``), the last resort for ``published``."""
    if not url:
        return None
    m = _URL_DATE.search(url)
    if m is None:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


_DATE_CLASSES = ('[class*="date"], [class*="time"], [class*="publish"], [class*="updat"], '
                 '[class*="Date"], [class*="Time"]')


def _generic_date_lines(
    tree: LexborHTMLParser, walk: Walk, zone: str | None, headline: LexborNode | None = None,
    times: Iterable[LexborNode] | None = None,
) -> tuple[When | None, dt.datetime | None]:
    """The visible date line of a page no layout describes.

    In order: ``time[datetime]`` outside sidebars; a date-classed element
    beside the headline (under its parent or grandparent); the body's own
    date line (dropped as ``"timestamp"``).  «Updated» lines give ``modified``.
    """
    published: When | None = None
    modified: dt.datetime | None = None
    body = tree.body
    stop = body.mem_id if body is not None else 0
    lines: list[tuple[str, str | None]] = []
    memo: dict[int, bool] = {}
    for node in tree.css(_TIMES) if times is None else times:
        if not _inside_negative(node, stop, limit=30, memo=memo):
            lines.append((clean_text(node.text(deep=True)), node.attributes.get("datetime")))
    region = headline.parent if headline is not None else None
    byline_memo: dict[int, bool] = {}
    for _ in range(2):
        if region is None or region.tag in ("body", "html"):
            break
        for node in region.css(_DATE_CLASSES)[:8]:
            if node.tag != "time" and not _inside_negative(node, stop, limit=30, allow=_BYLINE_TOKENS,
                                                           memo=byline_memo):
                text = clean_text(node.text(deep=True, separator=" "))
                if 4 <= len(text) <= 120:
                    lines.append((text, None))
        if lines:
            break
        region = region.parent
    lines.extend((d.text, None) for d in walk.dropped if d.kind == "timestamp")
    for text, machine in lines[:8]:
        when = parse_when(machine, zone) if machine else None
        when = when or read_date_line(text, zone)
        if when is None:
            continue
        if _UPDATED_LABEL.search(text):
            if modified is None and isinstance(when, dt.datetime):
                modified = when
        elif published is None:
            published = when
    return published, modified


def read_page(doc: Document, site: Site) -> Article:
    """Read an HTML page into an :class:`Article` with the site's layouts (or generically).

    Args:
        doc: The HTML document.
        site: The site's description; with no layouts (or none matching)
            the body is chosen by the page's structure (:func:`choose_body`).

    Returns:
        The article's structure and metadata (the pipeline adds dates and quotes).

    Raises:
        ParseError: the page holds no title and no text.
    """
    tree = doc.tree
    zone = site.zone
    # A site without layouts has its body chosen by the page's structure: the elements that
    # choice reads across the whole tree are found in the metadata's walk.
    meta, nodes = _read_metadata(doc, zone, units=not site.layouts)
    for block in site.blocks:
        block(doc, meta)
    layout = _pick_layout(doc, site.layouts, meta.published)
    base = meta.url or doc.url
    dropped: list[Dropped] = []
    warnings = list(doc.warnings)

    # Headline: the page's visible headline where it agrees with the metadata, else the metadata.
    names = [n for n in (meta.site_name, *site.site_names, _host_name(meta.url or doc.url)) if n]
    headline: LexborNode | None = None
    known = meta.title
    if not known and meta.html_title:
        known, page_suffix = strip_site_suffix(meta.html_title, names)
        if page_suffix:
            dropped.append(Dropped(page_suffix, "site-suffix"))
    title = ""
    if layout is not None:
        title, _ = first_text(tree, layout.title)
    elif known:
        # The first <h1> (or, failing that, <h2>) that says what the metadata says.
        known_words = set(_words(known))
        for node in nodes.headings[:12]:
            text = clean_text(node.text(deep=True, separator=" "))
            if text and (known in text or _same_words(known_words, text)):
                title, headline = text, node
                break
    if not title and layout is None and not known:
        title, headline = first_text(tree, ("h1",))
    title = title or known or ""
    title, suffix = strip_site_suffix(title, names)
    if suffix:
        dropped.append(Dropped(suffix, "site-suffix"))

    # Body.
    if layout is not None:
        containers = _select_all(tree, layout.body)
        exclude = layout.exclude
        caption_selectors = layout.captions
    else:
        containers, exclude, caption_selectors = [], (), ("figcaption",)
    if not containers:
        containers = choose_body(tree, headline, nodes)
        layout_body = False
    else:
        layout_body = True
    walk = walk_body(containers, base=base, exclude=exclude, captions=caption_selectors)
    if meta.body and not layout_body:
        _prefer_json_ld_body(walk, meta.body, warnings)
    if len(walk.paragraphs) > MAX_PARAGRAPHS:
        warnings.append(f"the body has more than {MAX_PARAGRAPHS} paragraphs: the rest was cut "
                        "(no news article is that long)")
        del walk.paragraphs[MAX_PARAGRAPHS:], walk.signatures[MAX_PARAGRAPHS:]
        del walk.link_ratios[MAX_PARAGRAPHS:]
        walk.subheadings = [i for i in walk.subheadings if i < MAX_PARAGRAPHS]
    rules, first_rule = _site_rules(site)
    _apply_rules(walk, rules, title, first_rule)
    _join_datelines(walk)
    if not layout_body:
        _drop_leading_lists(walk)
        _drop_trailing_foreign(walk)
    dropped.extend(walk.dropped)

    # Lead: the layout's standfirst, else one outside the body, else a description the body opens with.
    lead_text = ""
    if layout is not None and layout.lead:
        lead_text, _ = first_text(tree, layout.lead)
    if not lead_text and not layout_body:
        lead_text, _ = _generic_lead(tree, containers)
    paragraphs = walk.paragraphs
    subheadings = walk.subheadings
    if lead_text and paragraphs and _same_text(paragraphs[0], lead_text, 0.95):
        paragraphs = paragraphs[1:]
        subheadings = [i - 1 for i in subheadings if i > 0]
    description = meta.description
    if description and not lead_text and not layout_body and paragraphs and 0 not in subheadings \
            and _same_text(paragraphs[0], description, 0.6):
        lead_text = paragraphs[0]
        paragraphs = paragraphs[1:]
        subheadings = [i - 1 for i in subheadings if i > 0]
    if description and (description == lead_text or (lead_text and _same_text(description, lead_text, 0.9))
                        or any(description == p for p in paragraphs)):
        description = None
    if description and title and _same_text(description, title, 0.9):
        description = None
    if description and _at_most_words(description, 2):
        description = None
    if not title and not paragraphs and not lead_text:
        raise ParseError("the page holds no headline and no text")
    if not title:
        title = (lead_text or paragraphs[0])[:200]
        warnings.append("the page has no headline; the title is the text's opening")

    # Kicker, tags, authors, section, dates from the layout.
    tags = list(meta.tags)
    authors = list(meta.authors)
    section = meta.section
    published = meta.published
    modified = meta.modified
    if layout is not None:
        kicker, _ = first_text(tree, layout.kicker)
        if kicker:
            dropped.append(Dropped(kicker, "kicker"))
        layout_tags = _texts(_select_all(tree, layout.tags))
        if layout_tags:
            tags = layout_tags
        if not authors:
            authors = _texts(_select_all(tree, layout.authors))
        if not section:
            section_text, _ = first_text(tree, layout.section)
            section = section_text or None
        if published is None:
            published = _date_from(_select_all(tree, layout.date), layout, zone)
            if published is not None:
                meta.published_from = "date-line"
        if modified is None:
            when = _date_from(_select_all(tree, layout.modified), layout, zone)
            modified = when if isinstance(when, dt.datetime) else None

        if layout.media:
            media = walk_body(_select_all(tree, layout.media), base=base, captions=layout.captions)
            walk.images[:0] = [i for i in media.images if i not in walk.images]
            walk.captions[:0] = [c for c in media.captions if c not in walk.captions]
            dropped.extend(d for d in media.dropped if d.kind == "photo-credit")

    else:
        if published is None or modified is None:
            line_published, line_modified = _generic_date_lines(tree, walk, zone, headline, nodes.times)
            if published is None and line_published is not None:
                published = line_published
                meta.published_from = "date-line"
            if modified is None and line_modified is not None:
                modified = line_modified
        if not authors:
            authors = _generic_authors(tree)

    # The outlet itself is not a byline («…, Tom Watkins, CNN»).
    outlet = {_compact(n) for n in names}
    authors = [a for a in authors if _compact(a) not in outlet] or authors
    url = meta.url or doc.url
    if published is None:
        published = _url_date(url) or _url_date(doc.url)
        if published is not None:
            meta.published_from = "url"
    site_id, url_section = _url_parts(site, url)
    if site_id is None and doc.url and doc.url != url:
        site_id, _ = _url_parts(site, doc.url)
    section = section or url_section
    images = list(dict.fromkeys([*meta.images, *walk.images]))
    captions = list(dict.fromkeys([*walk.captions, *(c for c in meta.captions if c not in walk.captions)]))
    # The declared language, unless the text's script contradicts it (lang="en" over Arabic text).
    detected = detect_language(" ".join([title, *paragraphs[:5]]), site.language)
    language = meta.language if meta.language in ("ar", "fa", "en") else detected
    if (language == "en") != (detected == "en"):
        language = detected
    # A time with neither an offset nor a known zone cannot be placed: keep its day.
    if isinstance(published, dt.datetime) and published.tzinfo is None:
        published = published.date()
        warnings.append("the publication time has no offset and the source's zone is unknown: kept the day")
    if modified is not None and modified.tzinfo is None:
        modified = None
    if modified is not None and isinstance(published, dt.datetime) and modified < published:
        modified = None
    return Article(
        source=site.name,
        title=title,
        language=language,
        url=url,
        site_id=meta.site_id or site_id,
        section=section,
        lead=lead_text or None,
        description=description or None,
        paragraphs=tuple(paragraphs),
        subheadings=tuple(subheadings),
        published=published,
        modified=modified,
        authors=tuple(dict.fromkeys(authors)),
        tags=tuple(dict.fromkeys(tags)),
        images=tuple(images),
        captions=tuple(captions),
        embeds=tuple(walk.embeds),
        credits=tuple(text_credits(([lead_text] if lead_text else []) + list(paragraphs))),
        dropped=tuple(dropped),
        warnings=tuple(dict.fromkeys(warnings + [w for w in doc.warnings if w not in warnings])),
    )


def score_page(doc: Document, site: Site, domains: tuple[str, ...]) -> float:
    """How surely an HTML page is ``site``'s, from its layouts and its self-declared address.

    The canonical or ``og:url`` address on one of ``domains`` is near
    certain; a matching layout alone is strong evidence.  A page whose given
    or self-declared address is another site's is not this source's, even in
    the same CMS (Hamshahri and IRNA share one): it scores 0.
    """
    from .base import domain_matches

    if doc.url and "." in doc.url and not domain_matches(doc.url, domains):
        return 0.0
    address = _declared_address(doc)
    if address is not None:
        return 0.95 if domain_matches(address, domains) else 0.0
    if any(_layout_matches(layout, doc) for layout in site.layouts):
        return 0.7
    return 0.0


def _declared_address(doc: Document) -> str | None:
    """The page's own address: its canonical link's, else its ``og:url`` (an ``http`` address, or ``None``).

    Every site parser asks for it when the registry scores a page, so it is
    read once per document (kept in the document's cache, like its tree).
    """
    cache = doc.__dict__
    if "htmlpage.address" in cache:
        address: str | None = cache["htmlpage.address"]
        return address
    address = None
    value = node_attr(_canonical_link(doc), "href", "content")
    if not (value and value.startswith("http")):
        value = node_attr(doc.tree.css_first('meta[property="og:url"]'), "href", "content")
    if value and value.startswith("http"):
        address = value
    cache["htmlpage.address"] = address
    return address


def _canonical_link(doc: Document) -> LexborNode | None:
    """The page's first ``<link rel="canonical">``, looked for once per document (the registry's
    scoring and the reader both ask; a page without one costs a walk of the whole tree)."""
    cache = doc.__dict__
    if "htmlpage.canonical" not in cache:
        cache["htmlpage.canonical"] = doc.tree.css_first('link[rel="canonical"]')
    node: LexborNode | None = cache["htmlpage.canonical"]
    return node

