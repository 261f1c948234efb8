"""Shared machinery for text dumps: the headline line, then one page element per line.

A *text dump* is what scrapers save: the headline on the first line, then the
page's text, a paragraph or a page element (menu item, caption, credit,
timestamp, tweet, footer) per line, blank lines anywhere.  Each source module
describes its site as data -- a :class:`DumpProfile` made of boilerplate
:class:`Rule` objects, :class:`Marker` objects for content scoring and a few
switches -- and :func:`read_dump` does the rest the same way for every site:

1. the title is the first line; a site suffix (``– RT World News``) is cut off
   and kept in ``dropped`` as ``"site-suffix"``;
2. every other line is classified, first by the site's rules, then by the
   rules every site shares (duplicate title, auto-posting markers, tweets,
   photo credits, caption labels, image URLs, date-only lines, publication
   stamps);
3. what is left is the article: the first line is the lead, the others the
   paragraphs; short lines without closing punctuation are subheadings;
4. the tail's tag list, text credits (``به گزارش … به نقل از ایرنا``) and the
   language are read off what was found.

Nothing is rewritten: every kept text is the input line, stripped of its
surrounding whitespace, and every removed line is in ``dropped`` with a kind.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
import zoneinfo
from collections.abc import Callable, Iterable, Sequence
from re import _constants as _sre_ops  # type: ignore[attr-defined]  # what a pattern's matches hold
from re import _parser as _sre_parser  # type: ignore[attr-defined]
from typing import Any, Literal

import attrs

from .. import _regex
from ..document import Document
from ..errors import ParseError
from ..model import Article, Dropped
from ._memo import ByIdentity

__all__ = [
    "BYLINE",
    "COMMON_RULES",
    "CREDIT_LINE",
    "DATE_LINE",
    "HEADLINE_WORDS",
    "HEAD_LINES",
    "PERSIAN_OUTLETS",
    "PHOTO_AGENCIES",
    "SHORT_LINE_WORDS",
    "SOURCE_LINE",
    "TAG_WORDS",
    "DumpProfile",
    "Line",
    "LineMatch",
    "Marker",
    "Rule",
    "Stamp",
    "detect_language",
    "exact",
    "marker_score",
    "matching",
    "read_dotted",
    "read_dump",
    "read_iso",
    "read_jalali",
    "split_lines",
    "split_lost_subheading",
    "starts",
    "text_credits",
    "word_count",
]

Take = Literal["line", "next", "rest", "previous", "tags"]
StampField = Literal["published", "modified", "published-then-modified"]

#: How far into a dump the head (navigation, schedule, photo credit) may reach.
HEAD_LINES = 150
#: A subheading, caption label or tag is at most this many words.
SHORT_LINE_WORDS = 12
TAG_WORDS = 7
#: A headline linked from a marker line is at most this many words.
HEADLINE_WORDS = 25

_WORD = _regex.compile("textdump.WORD", r"\w+")
# Closing punctuation of a sentence: a line ending with one is prose, not a heading.
_CLOSERS = frozenset(".!?؟…:؛;\"'»”)]»›")
_SENTENCE_ENDS = (".", "!", "?", "؟", "…", ":", "؛", ";")
_BULLETS = ("•", "●", "▪", "◦", "·", "‣")


@functools.lru_cache(maxsize=8192)
def word_count(text: str) -> int:
    """The number of words (runs of letters and digits) in ``text``."""
    return len(_WORD.findall(text))


_casefold = functools.lru_cache(maxsize=8192)(str.casefold)


@functools.lru_cache(maxsize=8192)
def _key(text: str) -> str:
    """Comparison key of a line: spaces collapsed, trailing colon dropped, case folded."""
    return " ".join(text.split()).rstrip(":：").strip().casefold()


# -- line matching ---------------------------------------------------------


@attrs.frozen
class LineMatch:
    """What lines a rule or marker matches.

    Attributes:
        lines: Whole lines (compared with spaces collapsed, a trailing colon
            and case ignored).
        prefixes: Line beginnings.
        contains: Substrings anywhere in the line.
        pattern: A compiled pattern searched in the line.
        max_words: Prefix, substring and pattern matches only count on lines
            this short (``None``: any length).
    """

    lines: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()
    contains: tuple[str, ...] = ()
    pattern: re.Pattern[str] | None = None
    max_words: int | None = None
    _line_keys: frozenset[str] = attrs.field(init=False, repr=False, eq=False)
    _folded_prefixes: tuple[str, ...] = attrs.field(init=False, repr=False, eq=False)
    _folded_contains: tuple[str, ...] = attrs.field(init=False, repr=False, eq=False)

    @_line_keys.default
    def _make_line_keys(self) -> frozenset[str]:
        return frozenset(_key(x) for x in self.lines)

    @_folded_prefixes.default
    def _make_folded_prefixes(self) -> tuple[str, ...]:
        return tuple(p.casefold() for p in self.prefixes)

    @_folded_contains.default
    def _make_folded_contains(self) -> tuple[str, ...]:
        return tuple(c.casefold() for c in self.contains)

    def is_bare(self, line: str) -> bool:
        """Whether ``line`` is one of the lines or prefixes alone (a marker without its link)."""
        key = _key(line)
        return key in self._line_keys or any(key == _key(p) for p in self.prefixes)

    def matches(self, line: str) -> bool:
        """Whether ``line`` (already stripped) matches."""
        return self._matches(line, _key(line), None)

    def _matches(self, line: str, key: str, folded: str | None) -> bool:
        """:meth:`matches` with the line's key (and case-folded form) already computed."""
        if key in self._line_keys:
            return True
        if not (self.prefixes or self.contains or self.pattern is not None):
            return False
        if folded is None:
            folded = _casefold(line)
        hit = (folded.startswith(self._folded_prefixes)
               or any(c in folded for c in self._folded_contains)
               or (self.pattern is not None and self.pattern.search(line) is not None))
        return hit and (self.max_words is None or word_count(line) <= self.max_words)


@attrs.frozen
class Rule(LineMatch):
    """A boilerplate rule: the lines it matches are dropped with ``kind``.

    Attributes:
        kind: The :class:`~mideastnews.Dropped` kind (``"read-also"``, ``"footer"``, …).
        take: ``"line"`` drops the line; ``"next"`` also drops the next line
            when the matched line is the bare marker (``إقرأ المزيد`` then the
            linked headline); ``"previous"`` also drops the line before (a
            headline followed by its rail's hashtags); ``"tags"`` drops the line
            (a «برچسب‌ها» header) and reads the short lines after it as tags;
            ``"rest"`` drops the line and everything after it.
        rest_kind: The kind of the lines after a ``"rest"`` marker that no
            other rule names (default: ``kind``).
    """

    kind: str = "boilerplate"
    take: Take = "line"
    rest_kind: str | None = None


@attrs.frozen
class Marker(LineMatch):
    """A sign that a dump is the source's: a line pattern and its weight (0..1).

    Weights combine as independent evidence: a dump matching markers of
    weights ``a`` and ``b`` scores ``1 - (1 - a) * (1 - b)``.
    """

    weight: float = 0.5
    #: Only the first line (the headline) is tested.
    title_only: bool = False


def exact(kind: str, *lines: str, take: Take = "line", rest_kind: str | None = None) -> Rule:
    """A rule dropping whole lines equal to one of ``lines``."""
    return Rule(lines=lines, kind=kind, take=take, rest_kind=rest_kind)


def starts(kind: str, *prefixes: str, max_words: int | None = None, take: Take = "line",
           rest_kind: str | None = None) -> Rule:
    """A rule dropping lines that begin with one of ``prefixes``."""
    return Rule(prefixes=prefixes, kind=kind, take=take, rest_kind=rest_kind, max_words=max_words)


def matching(kind: str, pattern: re.Pattern[str], *, max_words: int | None = None, take: Take = "line",
             rest_kind: str | None = None) -> Rule:
    """A rule dropping lines in which ``pattern`` is found."""
    return Rule(pattern=pattern, kind=kind, take=take, rest_kind=rest_kind, max_words=max_words)


# -- publication stamps ----------------------------------------------------

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_JALALI_MONTHS = {
    "فروردین": 1, "اردیبهشت": 2, "خرداد": 3, "تیر": 4, "مرداد": 5, "شهریور": 6,
    "مهر": 7, "آبان": 8, "آذر": 9, "دی": 10, "بهمن": 11, "اسفند": 12,
}


def _zone(name: str | None) -> dt.tzinfo | None:
    if not name:
        return None
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


def read_iso(match: re.Match[str], zone: str | None) -> dt.datetime | dt.date | None:
    """Read an ISO 8601 stamp (``2026-03-01T17:34+0000``); a naive time is read in ``zone``."""
    try:
        value = dt.datetime.fromisoformat(match.group("iso"))
    except ValueError:
        return None
    if value.tzinfo is None:
        tz = _zone(zone)
        value = value.replace(tzinfo=tz) if tz else value
    return value


def read_dotted(match: re.Match[str], zone: str | None) -> dt.datetime | dt.date | None:
    """Read a ``DD.MM.YYYY`` date (with an optional ``HH:MM``)."""
    try:
        day = dt.date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
    except ValueError:
        return None
    hm = match.groupdict().get("hm")
    if not hm:
        return day
    hour, minute = (int(x) for x in hm.split(":"))
    if hour > 23 or minute > 59:
        return day
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=_zone(zone))


def read_jalali(match: re.Match[str], zone: str | None) -> dt.datetime | dt.date | None:
    """Read a Solar Hijri stamp (``۸ آذر ۱۴۰۲ - ۱۲:۳۰`` or ``۱۴۰۲/۰۹/۰۸ ۱۲:۳۰``)."""
    import jdatetime

    groups = match.groupdict()
    try:
        if groups.get("month_name"):
            year = int(groups["jy"].translate(_DIGITS))
            month = _JALALI_MONTHS[groups["month_name"]]
            day = int(groups["jd"].translate(_DIGITS))
        else:
            year, month, day = (int(groups[k].translate(_DIGITS)) for k in ("jy", "jm", "jd"))
        gregorian: dt.date = jdatetime.date(year, month, day).togregorian()
    except (KeyError, ValueError, TypeError, OverflowError):
        return None
    hm = groups.get("hm")
    if not hm:
        return gregorian
    hour, minute = (int(x) for x in hm.translate(_DIGITS).split(":"))
    if hour > 23 or minute > 59:
        return gregorian
    return dt.datetime.combine(gregorian, dt.time(hour, minute), tzinfo=_zone(zone))


@attrs.frozen
class Stamp:
    """A printed publication stamp: the line's pattern and what it sets.

    Attributes:
        pattern: Matched against the whole line (``fullmatch``).
        read: Turns the match into a date or time (``None`` when invalid).
        field: ``"published"``, ``"modified"``, or ``"published-then-modified"``
            (the first such line is the publication, the next the update).
        fallback: Sets ``published`` only when no other stamp did.
    """

    pattern: re.Pattern[str]
    read: Callable[[re.Match[str], str | None], dt.datetime | dt.date | None]
    field: StampField = "published"
    fallback: bool = False


# -- what every site shares ------------------------------------------------

#: Photo agencies whose name alone on a line is a photo credit.
PHOTO_AGENCIES: tuple[str, ...] = (
    "AFP", "AP", "AP Photo", "EPA", "Reuters", "REUTERS", "Getty Images", "Gettyimages.ru",
    "Sputnik", "RIA Novosti", "RIA NOVOSTI", "Global Look Press", "TASS", "ТАСС", "Anadolu",
    "Xinhua", "Shutterstock", "IRNA", "ایرنا", "Wikipedia", "Social media", "©",
)

_EMBED = _regex.compile(
    "textdump.EMBED",
    r"pic\.twitter\.com/\w|https?://t\.co/\w|twitter\.com/\w{1,50}/status/\d"
    r"|x\.com/\w{1,50}/status/\d|\(@\w{1,50}\) \w{3,9} \d{1,2}, \d{4}$"
    r"|instagram\.com/(?:p|reel|tv)/|A post shared by|View this post on Instagram"
    r"|https?://t\.me/\w|youtube\.com/watch\?|youtu\.be/\w|tiktok\.com/@",
)
_URL_LINE = _regex.compile("textdump.URL_LINE", r"https?://[^\s]{1,2000}")
_IMAGE_URL = _regex.compile(
    "textdump.IMAGE_URL",
    r"https?://[^\s]{1,600}?\.(?:jpe?g|png|webp|gif|avif)(?:[?#][^\s]{0,300})?",
    re.IGNORECASE,
)
_ARABIC_MONTHS = (
    "كانون الثاني|كانون ثاني|كانون الأول|كانون الاول|كانون اول|شباط|آذار|اذار|أذار|نيسان|أيار|ايار"
    "|حزيران|تموز|آب|اب|أب|أيلول|ايلول|تشرين الأول|تشرين الاول|تشرين اول|تشرين الثاني|تشرين ثاني"
    "|يناير|فبراير|مارس|أبريل|ابريل|إبريل|مايو|يونيو|يونيه|يوليو|يوليه|أغسطس|اغسطس|سبتمبر"
    "|أكتوبر|اكتوبر|نوفمبر|ديسمبر"
)
_PERSIAN_MONTHS = "|".join(_JALALI_MONTHS)
#: A line that is only a date or a time (sidebars and lists of other articles print them).
DATE_LINE = _regex.compile(
    "textdump.DATE_LINE",
    r"(?:(?:اليوم|أمس|الأمس|امس|منذ \d{1,3} (?:دقيقة|دقائق|ساعة|ساعات))"
    r"|[0-9٠-٩۰-۹]{1,2} (?:" + _ARABIC_MONTHS + "|" + _PERSIAN_MONTHS + r")(?: [0-9٠-٩۰-۹]{4})?)"
    r"(?:[ ،,-]{1,3}[0-9٠-٩۰-۹]{1,2}:[0-9٠-٩۰-۹]{2})?"
    r"|[0-9٠-٩۰-۹]{1,2}:[0-9٠-٩۰-۹]{2}(?: [0-9]{1,2}[./][0-9]{1,2}[./][0-9]{4})?",
)
#: A list item: a dash, a star or a number before the text («- …», «1- …», «٢. …»).
_LIST_ITEM = _regex.compile("textdump.LIST_ITEM", r"^(?:[-–*]|[0-9٠-٩۰-۹]{1,3}[-.)])\s?")
_HASHTAG = _regex.compile("textdump.HASHTAG", r"(?:^|\s)#\w")
_AD_MARKER = _regex.compile("textdump.AD_MARKER", r"\[ad_\d{1,3}\]")
_PHOTO_PREFIX = _regex.compile(
    "textdump.PHOTO_PREFIX",
    r"^(?:©|\(c\)|عکس ?:|عکس از ?:|عکاس ?:|فیلم ?:|فیلمبردار ?:|تصویر ?:|صورة ?:|تصوير ?:|الصورة ?:"
    r"|Photo ?:|Photo by|Image ?:|Credit ?:)",
    re.IGNORECASE,
)

#: Rules every site shares; a site's own rules are tried first.
COMMON_RULES: tuple[Rule, ...] = (
    matching("ad-marker", _AD_MARKER, max_words=3),
    matching("photo-credit", _PHOTO_PREFIX, max_words=12),
)

#: Persian news outlets named in credit formulas, longest first where one contains another.
PERSIAN_OUTLETS: tuple[str, ...] = (
    "خبرگزاری جمهوری اسلامی", "باشگاه خبرنگاران جوان", "خبرگزاری فارس", "خبرگزاری مهر",
    "خبرگزاری تسنیم", "خبرگزاری ایسنا", "همشهری آنلاین", "صدا و سیما", "خبرگزاری صدا و سیما",
    "ایرنا", "ایسنا", "ایلنا", "ایکنا", "فارس", "مهر", "تسنیم", "میزان", "دفاع پرس", "شبکه خبر",
    "آنا", "برنا", "پانا", "رکنا", "خبرآنلاین", "تابناک", "انتخاب", "العالم", "پرس تی وی",
    "اسپوتنیک", "رویترز", "آسوشیتدپرس", "فرانس پرس", "الجزیره", "المیادین", "راشاتودی",
)

_FA_CREDIT = _regex.compile(
    "textdump.FA_CREDIT",
    r"^(?:\S{1,30}[ ]?[-–][ ]?(?P<dateline>ایرنا|ایسنا|ایلنا|ایکنا|مهر|فارس|تسنیم)[ ]?[-–])"
    r"|^به گزارش (?P<chain>[^،,:.]{1,160})",
)
_PAREN_CREDIT = _regex.compile(
    "textdump.PAREN_CREDIT",
    r"^(?:[^\s()]{1,30}[ ]?)?\((?P<outlet>[^()]{1,40})\)[ ]?(?:--|[-–—])",
)
#: ``المصدر: X`` lines: the outlets after the colon are credits.
SOURCE_LINE = _regex.compile(
    "textdump.SOURCE_LINE",
    r"^(?:المصدر|المصادر|مصدر|منبع|Source)[ ]?:[ ]?(?P<outlets>.{1,120})$",
)
#: A byline: ``نویسنده: …``, ``خبرنگار: …``, ``بقلم: …``, ``By …``.
BYLINE = _regex.compile(
    "textdump.BYLINE",
    r"^(?:(?:نویسنده|نویسندگان|خبرنگار|گزارش از|كتب|كتبت|إعداد)[ ]?:|بقلم[ ]?:?|By(?= [A-Z]))"
    r"[ ]?(?P<names>[^:.]{2,80})$",
)
#: ``هذا المحتوى مقدم من قناة روسيا اليوم``: aggregators crediting the outlet.
CREDIT_LINE = _regex.compile(
    "textdump.CREDIT_LINE",
    r"^(?:هذا المحتوى مقدم من|هذا الخبر منقول من|المقال منشور في) (?:قناة |موقع |وكالة |صحيفة )?"
    r"(?P<outlets>[^.]{1,60})\.?$",
)
_SOURCE_SPLIT = _regex.compile("textdump.SOURCE_SPLIT", r"[ ]?(?:\+|،|,|/|\bو(?= )|&)[ ]?")
_FA_ROLE = _regex.compile(
    "textdump.FA_ROLE", r"^(?:خبرنگار|گروه|سرویس|دفتر|میز)\b",
)


# -- the profile a source module fills in ----------------------------------


@attrs.frozen
class DumpProfile:
    """How one site's text dumps look: everything :func:`read_dump` needs.

    Attributes:
        source: The parser's name, written to ``Article.source``.
        language: The language assumed when the text's letters do not tell.
        site_names: Names the site appends to headlines (``"RT World News"``);
            cut off after a `` – ``, `` - ``, `` | `` or `` — `` separator.
        rules: The site's boilerplate rules, tried before :data:`COMMON_RULES`.
        photo_credits: Whole lines that are the site's photo credits.
        stamps: Printed publication stamps.
        zone: The site's time zone, for naive printed times.
        site_id: A pattern whose ``id`` group is the site's article id.
        url_id: A pattern whose ``id`` group is the article id in the site's
            URLs: read from the given URL, or from a line holding the
            article's own URL (which also sets ``url``).
        sections: Names of the site's sections; such a line sets ``section``.
        head_kind: Kind of the unrecognised short lines before the duplicate
            headline (navigation menus, a radio schedule).
        short_line_kind: ``None`` makes short body lines without closing
            punctuation subheadings; a kind drops them instead (Sputnik's inline
            related-article headlines); list items («- …», «1- …») stay.
        caption_before_credit: The image's caption is printed between the
            headline and the photo credit, before the lead (Sputnik).
        caption_labels: A bullet line (``• قمة``) followed by a longer line is
            the caption's label and the caption.
        recover_subheadings: Split subheadings that lost their line break off
            the paragraph they were glued to (IRNA).
        tail_tags: The short lines just before the page's tail boilerplate are
            the tag list.
        tail_prose_kind: Kind of the long lines inside the tail (after the tag
            list or a ``"rest"`` marker), e.g. a coverage blurb.
        date_line_kind: Kind of the lines that are only a date or a time.
        embed_gap: Where paragraphs follow one another without blank lines, a
            line with a hashtag followed by at least this many blank lines is
            an embedded post whose link the scraper lost (the embed's frame
            leaves the blank lines).
    """

    source: str
    language: str
    site_names: tuple[str, ...] = ()
    rules: tuple[Rule, ...] = ()
    photo_credits: tuple[str, ...] = ()
    stamps: tuple[Stamp, ...] = ()
    zone: str | None = None
    site_id: re.Pattern[str] | None = None
    url_id: re.Pattern[str] | None = None
    sections: tuple[str, ...] = ()
    head_kind: str = "navigation"
    short_line_kind: str | None = None
    caption_before_credit: bool = False
    caption_labels: bool = True
    recover_subheadings: bool = False
    tail_tags: bool = False
    tail_prose_kind: str | None = None
    date_line_kind: str = "timestamp"
    embed_gap: int | None = None


# -- lines -----------------------------------------------------------------


@attrs.frozen
class Line:
    """One non-blank line of a dump.

    Attributes:
        number: Its 0-based line number in the input.
        text: The line without surrounding whitespace (never otherwise changed).
        indent: How many whitespace characters preceded it.
        gap: How many blank lines preceded it.
    """

    number: int
    text: str
    indent: int
    gap: int


def split_lines(lines: Iterable[str]) -> list[Line]:
    """The non-blank lines of a dump, with their position, indentation and preceding gap."""
    out: list[Line] = []
    gap = 0
    for number, raw in enumerate(lines):
        text = raw.strip()
        if not text:
            gap += 1
            continue
        out.append(Line(number, text, len(raw) - len(raw.lstrip()), gap))
        gap = 0
    return out


# -- language ----------------------------------------------------------------

_FA_ONLY = frozenset("پچژگکی")  # Persian letters (keheh, Farsi yeh) Arabic does not use
_AR_ONLY = frozenset("يكةىؤ")  # Arabic yeh, kaf, teh marbuta, alef maksura, waw hamza
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_NOT_ARABIC_LEADS = bytes(b for b in range(256) if not 0xD8 <= b <= 0xDB)


def detect_language(texts: Iterable[str], default: str = "ar") -> str:
    """``"fa"``, ``"ar"`` or ``"en"`` from the letters of ``texts``.

    Persian writes پ چ ژ گ and the keheh/Farsi-yeh forms ک ی; Arabic writes
    ي ك ة ى.  Text with more Latin than Arabic-script letters is English.

    Args:
        texts: The texts to read (title, lead, paragraphs).
        default: The answer when the letters do not tell.
    """
    joined = "\n".join(texts)  # counted at C speed: no loop over characters in Python
    fa = sum(joined.count(ch) for ch in _FA_ONLY)
    ar = sum(joined.count(ch) for ch in _AR_ONLY)
    # In UTF-8, U+0600..U+06FF are exactly the characters led by bytes D8..DB; ASCII letters are themselves.
    # Bytes are counted by deleting the others (bytes.count pays for each of the many leads it finds).
    data = joined.encode("utf-8", "surrogatepass")
    arabic_script = len(data.translate(None, _NOT_ARABIC_LEADS))
    latin = len(data) - len(data.translate(None, _ASCII_LETTERS))
    if arabic_script == 0 and latin == 0:
        return default
    if latin > arabic_script:
        return "en"
    if fa == ar == 0:
        return default
    return "fa" if fa > ar else "ar"


# -- what a pattern's matches hold -------------------------------------------



@functools.lru_cache(maxsize=1024)
def required_strings(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings one of which every match of ``pattern`` holds, or ``None`` when none is known.

    They are read off the parsed pattern: a run of literal characters; a
    group, an atomic group or a repetition at least once of what holds such
    strings; an alternation each of whose branches holds some (their union).
    Classes, anchors, lookarounds, back-references and case-insensitive parts
    hold none.  A match lies inside the line it is found in, so a text made of
    lines that holds none of the strings has no line that ``pattern`` is found in.
    """
    # Only the standard engine's patterns are read with its parser (another engine's syntax means
    # other things), and only case-sensitive ones.
    if not isinstance(pattern, re.Pattern) or not isinstance(pattern.pattern, str) or (
            pattern.flags & re.IGNORECASE):
        return None
    try:
        found = _held(list(_sre_parser.parse(pattern.pattern, pattern.flags)))
    except Exception:  # pragma: no cover  # a parser of another layout: nothing is screened
        return None
    return tuple(sorted(found)) if found else None


def _held(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """:func:`required_strings` of a parsed sequence: the best of what its parts hold."""
    best: frozenset[str] | None = None
    run: list[str] = []

    def consider(found: frozenset[str] | None) -> None:
        nonlocal best
        # The longest shortest string, then the fewest strings: the rarest in a text.
        if found and (best is None or (min(map(len, found)), -len(found)) > (min(map(len, best)),
                                                                              -len(best))):
            best = found

    for op, arg in items:
        if op is _sre_ops.LITERAL:
            run.append(chr(arg))
            continue
        if run:
            consider(frozenset({"".join(run)}))
            run = []
        if op is _sre_ops.SUBPATTERN:
            _group, add_flags, _del_flags, body = arg
            if not add_flags & re.IGNORECASE:
                consider(_held(list(body)))
        elif op in (_sre_ops.MAX_REPEAT, _sre_ops.MIN_REPEAT, _sre_ops.POSSESSIVE_REPEAT):
            least, _most, body = arg
            if least >= 1:
                consider(_held(list(body)))
        elif op is _sre_ops.ATOMIC_GROUP:
            consider(_held(list(arg)))
        elif op is _sre_ops.BRANCH:
            branches = [_held(list(b)) for b in arg[1]]
            if all(branches):
                consider(frozenset().union(*branches))  # type: ignore[arg-type]
    if run:
        consider(frozenset({"".join(run)}))
    return best


def _holds_any(text: str, needles: Iterable[str]) -> bool:
    """Whether ``text`` holds one of ``needles`` (a loop: no generator to set up for a few needles)."""
    for needle in needles:  # noqa: SIM110
        if needle in text:
            return True
    return False


@functools.lru_cache(maxsize=1024)
def _anchored(pattern: re.Pattern[str]) -> bool:
    """Whether every match of ``pattern`` begins where the searched string does (it opens with ``^``
    or ``\\A``, not in multi-line mode): ``search`` then finds what ``match`` finds, and tries no other
    position of a long line."""
    if not isinstance(pattern, re.Pattern) or not isinstance(pattern.pattern, str) or (
            pattern.flags & re.MULTILINE):
        return False
    try:
        items = list(_sre_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # pragma: no cover  # a parser of another layout: searched as written
        return False
    return bool(items) and items[0][0] is _sre_ops.AT and items[0][1] in (
        _sre_ops.AT_BEGINNING, _sre_ops.AT_BEGINNING_STRING)


class _Anywhere(Exception):
    """A pattern's match may begin with characters :class:`_Start` does not describe."""


def _cased(c: str) -> bool:
    """Whether a case-insensitive pattern may match ``c`` as another character (``c`` has a case)."""
    return c.lower() != c or c.upper() != c or c.casefold() != c


#: How long a literal beginning :func:`_start` spells out, and how many it keeps apart.
_START_CHARS = 8
_START_STRINGS = 64


@attrs.frozen
class _Start:
    """How a match of a pattern, tried at a line's start, may begin.

    Attributes:
        prefixes: Literal beginnings (their characters matched as themselves).
        chars: Characters, matched as themselves, opening the matches that begin otherwise.
        ranges: Code point ranges opening them.
        cased: A case-insensitive cased letter or range opens one: any cased character may.
    """

    prefixes: frozenset[str]
    chars: frozenset[str]
    ranges: tuple[tuple[int, int], ...]
    cased: bool

    def admits(self, c: str) -> bool:
        """Whether a match not beginning with one of the prefixes may begin with the character ``c``."""
        return (c in self.chars or any(lo <= ord(c) <= hi for lo, hi in self.ranges)
                or (self.cased and _cased(c)))


# A beginning of a match and whether it is the whole of what the parsed items matched (it may go on).
_Begun = frozenset[tuple[str, bool]]


@functools.lru_cache(maxsize=1024)
def _start(pattern: re.Pattern[str]) -> _Start | None:
    """How a match of ``pattern`` (matched, not searched) may begin, or ``None`` when not known.

    Read off the parsed pattern: runs of literals spell its beginnings; the
    first character of a beginning that is no literal (a class, a range, a
    case-insensitive letter) is described on its own.  Zero-width parts
    (anchors, lookarounds) are passed over: they only narrow the matches.  An
    uncased character matches a case-insensitive literal only when it is that
    literal (the engine compares lower cases), so only cased characters are widened.
    """
    if not isinstance(pattern, re.Pattern) or not isinstance(pattern.pattern, str):
        return None
    chars: set[str] = set()
    ranges: list[tuple[int, int]] = []
    cased = False

    def leaf(op: Any, arg: Any, ignore: bool) -> None:
        """Describe the first character of a match beginning with the part ``op``."""
        nonlocal cased
        members: list[tuple[Any, Any]] = (
            [(op, arg)] if op is _sre_ops.LITERAL else arg if op is _sre_ops.IN else [(None, 0)])
        for member, value in members:
            if member is _sre_ops.LITERAL:
                chars.add(chr(value))
                cased = cased or (ignore and _cased(chr(value)))
            elif member is _sre_ops.RANGE:
                ranges.append(value)
                cased = cased or ignore
            else:  # a negated class, a category (\d, \w), any character: far too many characters
                raise _Anywhere

    def item(op: Any, arg: Any, ignore: bool, lead: bool) -> _Begun:
        """The beginnings of the part ``op``; ``lead``: it may open the match."""
        if op is _sre_ops.LITERAL and not (ignore and _cased(chr(arg))):
            return frozenset({(chr(arg), True)})
        if op in (_sre_ops.AT, _sre_ops.ASSERT, _sre_ops.ASSERT_NOT):
            return frozenset({("", True)})
        if op is _sre_ops.SUBPATTERN:
            _group, add_flags, del_flags, body = arg
            return sequence(body, (ignore or bool(add_flags & re.IGNORECASE))
                            and not del_flags & re.IGNORECASE, lead)
        if op is _sre_ops.ATOMIC_GROUP:
            return sequence(arg, ignore, lead)
        if op is _sre_ops.BRANCH:
            return frozenset().union(*(sequence(branch, ignore, lead) for branch in arg[1]))
        if op in (_sre_ops.MAX_REPEAT, _sre_ops.MIN_REPEAT, _sre_ops.POSSESSIVE_REPEAT):
            least, most, body = arg
            begun = sequence(body, ignore, lead)
            if most != 1:  # repeated: what follows a first beginning is not known
                begun = frozenset((s, False) for s, _ in begun)
            return begun | {("", True)} if least == 0 else begun
        if lead:
            leaf(op, arg, ignore)
        return frozenset({("", False)})

    def sequence(items: Iterable[tuple[Any, Any]], ignore: bool, lead: bool) -> _Begun:
        begun: _Begun = frozenset({("", True)})
        for op, arg in items:
            open_ = [s for s, whole in begun if whole]
            if not open_:
                break
            got = item(op, arg, ignore, lead and "" in open_)
            begun = frozenset({(s, False) for s, whole in begun if not whole} | {
                (s + t, whole and len(s + t) < _START_CHARS) for s in open_ for t, whole in got})
            if len(begun) > _START_STRINGS:
                begun = frozenset((s, False) for s, _ in begun)
        return begun

    try:
        begun = sequence(list(_sre_parser.parse(pattern.pattern, pattern.flags)),
                         bool(pattern.flags & re.IGNORECASE), True)
    except _Anywhere:
        return None
    except Exception:  # pragma: no cover  # a parser of another layout: nothing is screened
        return None
    if ("", True) in begun:
        return None  # the empty string matches: anything may follow
    return _Start(frozenset(s for s, _ in begun if s), frozenset(chars), tuple(ranges), cased)


@functools.lru_cache(maxsize=256)
def _needle_chars(pattern: re.Pattern[str]) -> str | None:
    """Characters one of which every match of ``pattern`` holds (one of each of its required strings,
    the rarest in prose by a rough rule: punctuation, then capitals, then the rest), or ``None``.

    A search for one character runs at memory speed; one for a string, or of a
    pattern without a literal beginning, tries many more positions.
    """
    needles = required_strings(pattern)
    if needles is None:
        return None

    def commonness(c: str) -> tuple[bool, bool, bool, bool]:
        return (c.isspace(), c in ".,;:-_()'\"", c.isalnum() and not c.isupper(), c.isalnum())

    return "".join(sorted({min(needle, key=commonness) for needle in needles}))


def _char_screened(pattern: re.Pattern[str], chars: str) -> Callable[[str], object]:
    """``pattern.search`` for lines, tried only on those holding one of ``chars`` (:func:`_needle_chars`)."""

    def find(line: str) -> object:
        return pattern.search(line) if _holds_any(line, chars) else None

    return find


#: A pattern is screened (:class:`_Screen`) when its matches hold one of at most this many strings.
_SCREEN_STRINGS = 3


class _Screen:
    """Which patterns may be found in a line of one text.

    A line is a part of the text: a pattern none of whose required strings
    (:func:`required_strings`) the text holds is found in none of its lines,
    and need not be tried line by line.  Each answer costs a few substring
    searches of the text, once.
    """

    __slots__ = ("_answers", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        # by identity: hashing a compiled pattern hashes its whole program; the pattern is kept alive
        self._answers: dict[int, tuple[re.Pattern[str], bool]] = {}

    def may_find(self, pattern: re.Pattern[str]) -> bool:
        """Whether some line of the text may hold a match of ``pattern``."""
        got = self._answers.get(id(pattern))
        if got is not None and got[0] is pattern:
            return got[1]
        needles = required_strings(pattern)
        # One of the needles' characters first: a text without them is read at memory speed.
        chars = _needle_chars(pattern)
        answer = needles is None or (chars is not None and _holds_any(self.text, chars)
                                     and _holds_any(self.text, needles))
        self._answers[id(pattern)] = (pattern, answer)
        return answer


# -- scoring -----------------------------------------------------------------


def marker_score(doc: Document, markers: Sequence[Marker], *, max_lines: int = 3000) -> float:
    """How surely ``doc`` (a text dump) carries a site's ``markers``, from 0 to 1.

    Each marker counts once, however many lines match it; weights combine as
    independent evidence (``1 - Π(1 - w)``).  HTML documents score 0.

    Args:
        doc: The document to score.
        markers: The site's markers.
        max_lines: Only the first this many lines are read.
    """
    if doc.is_html:
        return 0.0
    scored = _scored_lines(doc, max_lines)
    if not scored.texts:
        return 0.0
    plan = _marker_plan(markers)
    # The markers a line opens with one of their prefixes: each folded line follows a line break.
    opened = {n for prefix, n in plan.prefixes if "\n" + prefix in scored.folded_text}
    miss = 1.0
    for n, (marker, how, needles, keep) in enumerate(plan.markers):
        if how == _TITLE:
            hit = marker._matches(scored.texts[0], scored.keys[0], scored.folded[0])
        elif how == _AT_ONCE:
            # Lines, prefixes and substrings: a set test, the lines' openings, substring tests of the text.
            hit = (n in opened or not marker._line_keys.isdisjoint(scored.key_set)
                   or _holds_any(scored.folded_text, marker._folded_contains))
        elif how == _PATTERN:
            # A pattern alone, in C; not at all when the text holds none of the strings its matches hold.
            hit = ((needles is None or _holds_any(scored.text, needles))
                   and any(map(marker.pattern.search, scored.texts)))  # type: ignore[union-attr]
        else:
            hit = any(map(marker._matches, scored.texts, scored.keys, scored.folded))
        if hit:
            miss *= keep
    return 1.0 - miss


_TITLE, _AT_ONCE, _PATTERN, _EACH_LINE = range(4)


@attrs.frozen
class _MarkerPlan:
    """How :func:`marker_score` tests each marker of a tuple.

    Attributes:
        markers: Each marker with its test (the headline alone, all lines at
            once for whole lines, prefixes and substrings, a pattern alone, or
            line by line), the strings a pattern's matches hold
            (:func:`required_strings`) and the factor its hit leaves of the miss.
        prefixes: The case-folded prefixes of the all-at-once markers, with their marker's index.
    """

    markers: tuple[tuple[Marker, int, tuple[str, ...] | None, float], ...]
    prefixes: tuple[tuple[str, int], ...]


def _marker_plan(markers: Sequence[Marker]) -> _MarkerPlan:
    """How :func:`marker_score` tests ``markers``, worked out once per tuple of markers."""
    # a list could change under the same id: only tuples are remembered
    return _PLANS(markers) if isinstance(markers, tuple) else _build_marker_plan(markers)


def _build_marker_plan(markers: Sequence[Marker]) -> _MarkerPlan:
    tests: list[tuple[Marker, int, tuple[str, ...] | None, float]] = []
    prefixes: list[tuple[str, int]] = []
    for n, marker in enumerate(markers):
        needles = None
        if marker.title_only:
            how = _TITLE
        elif marker.pattern is None and marker.max_words is None and not any(
                "\n" in x for x in (*marker._folded_contains, *marker._folded_prefixes)):
            # Substrings without a line break are in a line exactly when they are in the text, and
            # prefixes open one when they follow a line break.
            how = _AT_ONCE
            prefixes.extend((p, n) for p in marker._folded_prefixes)
        elif (marker.pattern is not None and marker.max_words is None and not marker._line_keys
              and not marker.prefixes and not marker.contains):
            how = _PATTERN
            needles = required_strings(marker.pattern)
        else:
            how = _EACH_LINE
        tests.append((marker, how, needles, 1.0 - max(0.0, min(1.0, marker.weight))))
    return _MarkerPlan(tuple(tests), tuple(prefixes))


_PLANS: ByIdentity[Sequence[Marker], _MarkerPlan] = ByIdentity(_build_marker_plan)


@attrs.frozen
class _ScoredLines:
    """A document's lines as :func:`marker_score` reads them.

    Attributes:
        texts: The non-blank lines, stripped.
        keys: Their keys (:func:`_key`).
        folded: Their case-folded forms.
        key_set: The keys as a set.
        text: The lines joined by line breaks.
        folded_text: Each folded line after a line break.
    """

    texts: list[str]
    keys: list[str]
    folded: list[str]
    key_set: frozenset[str]
    text: str
    folded_text: str


def _scored_lines(doc: Document, max_lines: int) -> _ScoredLines:
    """The first ``max_lines`` lines of ``doc`` as :func:`marker_score` reads them, computed once per
    document (every site's :func:`marker_score` reads them)."""
    cache: dict[int, _ScoredLines] = doc.__dict__.setdefault("_textdump_scored_lines", {})
    got = cache.get(max_lines)
    if got is None:
        texts = [line for line in map(str.strip, doc.lines[:max_lines]) if line]
        keys = list(map(_key, texts))
        folded = list(map(_casefold, texts))  # remembered: the reader folds the same lines
        got = _ScoredLines(texts, keys, folded, frozenset(keys), "\n".join(texts), "\n" + "\n".join(folded))
        cache[max_lines] = got
    return got


# -- the reader ------------------------------------------------------------


@attrs.define
class _State:
    """What :func:`read_dump` has learned about each line so far."""

    lines: list[Line]
    kinds: list[str | None]
    role: list[str]  # "body", "drop", "caption", "embed", "tag"
    dropped_text: dict[int, list[Dropped]] = attrs.field(factory=dict)
    credits: list[str] = attrs.field(factory=list)
    published: dt.datetime | dt.date | None = None
    modified: dt.datetime | None = None
    published_fallback: dt.datetime | dt.date | None = None
    site_id: str | None = None
    section: str | None = None
    url: str | None = None
    authors: list[str] = attrs.field(factory=list)
    in_head: bool = True
    images: list[str] = attrs.field(factory=list)

    def drop(self, i: int, kind: str) -> None:
        self.role[i] = "drop"
        self.kinds[i] = kind


_SUFFIX_SEPARATORS = (" – ", " - ", " | ", " — ", " :: ", "| ", " |", "- ", " -", "– ", " –")


@functools.lru_cache(maxsize=256)
def _site_suffixes(names: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """Each separator joined to each site name, with the name, longest names first, separators in
    order; and the joined strings alone."""
    pairs = tuple((sep + name, name) for name in sorted(names, key=len, reverse=True)
                  for sep in _SUFFIX_SEPARATORS)
    return tuple(tail for tail, _ in pairs), pairs


def _strip_site_suffix(title: str, names: Sequence[str]) -> tuple[str, str | None]:
    tails, pairs = _site_suffixes(tuple(names))
    if not title.endswith(tails):  # most titles end with none: one C call
        return title, None
    for tail, name in pairs:
        if title.endswith(tail) and len(title) > len(tail):
            return title[: -len(tail)].rstrip(), name
    return title, None


def _headline(text: str) -> bool:
    """Whether a line can be a linked headline: short, not closed by a full stop or a comma."""
    return word_count(text) <= HEADLINE_WORDS and not text.endswith((".", "،", ","))


class _RuleSet:
    """The first of an ordered tuple of rules that matches a line, found with few tests.

    Whole-line rules are one dictionary look-up (the index of the first rule
    holding the line's key); only the rules with prefixes, substrings or a
    pattern that come before it are then tried, in order, and not at all when
    the line opens with none of their prefixes, holds none of their
    substrings and none of their patterns is found.  The answer is exactly
    ``next((r for r in rules if r.matches(line)), None)``; for the lines of
    one text, :meth:`within` leaves out the patterns the text rules out.
    """

    __slots__ = ("_narrowed", "by_key", "contains", "finders", "lead", "longest", "others", "prefixes",
                 "rules", "screened", "searchers")

    def __init__(self, rules: tuple[Rule, ...], absent: frozenset[int] = frozenset()) -> None:
        """``absent``: the indices of the rules whose pattern no line holds (it is not searched)."""
        self.rules = rules
        self.by_key: dict[str, int] = {}
        for n, rule in enumerate(rules):
            for key in rule._line_keys:
                self.by_key.setdefault(key, n)
        self.longest = max(map(len, self.by_key), default=0)  # the longest whole-line key
        # Each rule tried beyond its whole lines, with how its pattern is found (None: not searched).
        self.others: list[tuple[int, Rule, Callable[[str], object] | None]] = []
        for n, rule in enumerate(rules):
            find = None
            if rule.pattern is not None and n not in absent:
                find = rule.pattern.match if _anchored(rule.pattern) else rule.pattern.search
            if rule.prefixes or rule.contains or find is not None:
                self.others.append((n, rule, find))
        self.lead = self.others[0][0] if self.others else len(rules)  # the first such rule's index
        self.prefixes = tuple(p for _, r, _ in self.others for p in r._folded_prefixes)
        self.contains = tuple(c for _, r, _ in self.others for c in r._folded_contains)
        self.finders = tuple(find for _, _, find in self.others if find is not None)
        self.searchers = tuple(find for _, r, find in self.others
                               if find is not None and not _anchored(r.pattern))
        # The patterns a text can rule out: searched ones whose matches hold one of a few known strings.
        # (A pattern matched at the line's start fails at once; a substring search of the text per
        # string costs about what a search of its lines does: measured on the seeds.)
        self.screened = tuple((n, r.pattern) for n, r, find in self.others
                              if r.pattern is not None and find is not None and not _anchored(r.pattern)
                              and len(required_strings(r.pattern) or range(_SCREEN_STRINGS + 1))
                              <= _SCREEN_STRINGS)
        self._narrowed: dict[frozenset[int], _RuleSet] = {}

    def within(self, screen: _Screen) -> _RuleSet:
        """The same rules for the lines of ``screen``'s text: a pattern the text rules out is not searched."""
        absent = frozenset(n for n, pattern in self.screened if not screen.may_find(pattern))
        if not absent:
            return self
        narrowed = self._narrowed.get(absent)
        if narrowed is None:
            narrowed = self._narrowed[absent] = _RuleSet(self.rules, absent)
        return narrowed

    def first(self, line: str) -> Rule | None:
        """The first rule that matches ``line`` (already stripped), or ``None``."""
        found = self.index(line)
        return self.rules[found] if found < len(self.rules) else None

    def index(self, line: str) -> int:
        """The index of :meth:`first`'s rule (the number of rules when none matches)."""
        best = self.by_key.get(_key(line), len(self.rules)) if self.by_key else len(self.rules)
        return self._index_before(line, best)

    def first_clean(self, line: str) -> Rule | None:
        """:meth:`first` of a line whose spaces are already collapsed and trimmed (as the HTML
        reader's paragraphs are): its key is then the line less a trailing colon, case-folded, at
        least as long as the line so cut (folding never shortens), and a line too long for any
        whole-line key is not looked up."""
        rules = self.rules
        best = len(rules)
        if self.by_key:
            bare = line.rstrip(":：").strip()
            if len(bare) <= self.longest:
                best = self.by_key.get(bare.casefold(), best)
        found = self._index_before(line, best)
        return rules[found] if found < len(rules) else None

    def _index_before(self, line: str, best: int) -> int:
        """The index of the first rule before rule ``best`` (the first whole-line rule matching) that
        matches, else ``best``."""
        if self.lead < best and self._screen(line, folded := _casefold(line)):
            for n, rule, find in self.others:
                if n >= best:
                    break
                if ((folded.startswith(rule._folded_prefixes)
                     or any(c in folded for c in rule._folded_contains)
                     or (find is not None and find(line) is not None))
                        and (rule.max_words is None or word_count(line) <= rule.max_words)):
                    return n
        return best

    def _screen(self, line: str, folded: str) -> bool:
        """Whether a prefix, substring or pattern rule may match ``line``."""
        if folded.startswith(self.prefixes):
            return True
        for c in self.contains:
            if c in folded:
                return True
        for find in self.finders:  # noqa: SIM110  # a loop: no generator to set up for each line
            if find(line) is not None:
                return True
        return False


_Rulesets = tuple[_RuleSet, _RuleSet, _RuleSet, frozenset[str], frozenset[str]]

#: Whole lines :func:`_classify_common` drops as source links.
_SOURCE_LINK_KEYS = frozenset({"المصدر", "المصادر", "منبع", "source"})


class _PlainLines:
    """Which lines of a site's dumps no rule takes and no kind every site shares names.

    Most lines of a dump are the article's prose: they open with none of the
    rules' prefixes and none of the beginnings (:func:`_start`) of the
    patterns tried at a line's start (the anchored rule patterns, the stamps,
    the site and URL ids, image URLs, dates, source, byline and credit
    lines), and their key is no whole-line rule, photo credit, section or
    source link.  Such a line only needs the patterns searched anywhere in it,
    and only those its dump's text does not rule out.  :func:`_plain_lines`
    gives ``None`` when a rule's substrings or a pattern's beginnings cannot be screened so.
    """

    __slots__ = ("_memo", "_rule_prefixes", "_starts", "keys", "prefixes")

    def __init__(self, rule_prefixes: tuple[str, ...], starts: tuple[_Start, ...],
                 keys: frozenset[str]) -> None:
        self._rule_prefixes = rule_prefixes  # case-folded: compared with the line folded
        self.prefixes = frozenset(p for start in starts for p in start.prefixes)
        self._starts = tuple(start for start in starts if start.chars or start.ranges or start.cased)
        self.keys = keys
        # By a line's first character: True when a match may begin with it whatever follows, else the
        # prefixes to compare with the line, those to compare with it folded and how much of it they need.
        self._memo: dict[str, bool | tuple[tuple[str, ...], tuple[str, ...], int]] = {}

    def _opening(self, c: str) -> bool | tuple[tuple[str, ...], tuple[str, ...], int]:
        if any(start.admits(c) for start in self._starts):
            return True
        head = c.casefold()[:1]
        folded = tuple(p for p in self._rule_prefixes if p.startswith(head))
        return (tuple(p for p in self.prefixes if p.startswith(c)), folded, max(map(len, folded), default=0))

    def settles(self, line: str, searchers: tuple[Callable[[str], object], ...]) -> bool:
        """Whether ``line`` (stripped, not blank) is plain: ``searchers`` are the patterns searched
        anywhere in it that its dump's text does not rule out."""
        got = self._memo.get(line[0])
        if got is None:
            got = self._opening(line[0])
            if len(self._memo) < 4096:
                self._memo[line[0]] = got
        if got is True:
            return False
        raw, folded, need = got  # type: ignore[misc]
        # Folding maps each character on its own and never shortens: the folded line begins with the
        # folded first ``need`` characters, which hold any prefix of that length or less it begins with.
        if (raw and line.startswith(raw)) or (folded and line[:need].casefold().startswith(folded)):
            return False
        if _key(line) in self.keys:
            return False
        for find in searchers:  # noqa: SIM110  # a loop: no generator to set up for each line
            if find(line) is not None:
                return False
        return True


def _build_plain_lines(profile: DumpProfile) -> _PlainLines | None:
    _own, rules, _common, sections, photo = _rulesets(profile)
    if rules.contains or "" in rules.prefixes:
        return None
    starting = [r.pattern for _, r, find in rules.others if find is not None and _anchored(r.pattern)]
    starting += [stamp.pattern for stamp in profile.stamps]
    starting += [p for p in (profile.site_id, _URL_LINE if profile.url_id is not None else None) if p]
    starting += [_IMAGE_URL, DATE_LINE, SOURCE_LINE, BYLINE, CREDIT_LINE]
    starts = tuple(map(_start, starting))
    if None in starts:
        return None
    return _PlainLines(rules.prefixes, starts, frozenset(rules.by_key) | photo | sections  # type: ignore[arg-type]
                       | _SOURCE_LINK_KEYS)


_plain_lines: ByIdentity[DumpProfile, _PlainLines | None] = ByIdentity(_build_plain_lines)


def _build_rulesets(profile: DumpProfile) -> _Rulesets:
    """The site's rules, its rules then the common ones, the common ones, its section keys and
    its photo-credit keys (the site's and :data:`PHOTO_AGENCIES`)."""
    sections = frozenset(_key(x) for x in profile.sections[:64])
    photo = frozenset(_key(p) for p in (*profile.photo_credits, *PHOTO_AGENCIES))
    return (_RuleSet(profile.rules), _RuleSet(profile.rules + COMMON_RULES), _RuleSet(COMMON_RULES),
            sections, photo)


_rulesets: ByIdentity[DumpProfile, _Rulesets] = ByIdentity(_build_rulesets)  # worked out once per profile


def _title_key(text: str) -> str:
    return "".join(_WORD.findall(text)).casefold()


def _is_title(text: str, title_keys: tuple[str, ...]) -> bool:
    """Whether ``_title_key(text)`` is one of ``title_keys``.

    The key starts with the line's first word, case-folded (folding maps each
    character on its own): a line whose first word starts no key is not read further.
    """
    c = text[:1]
    if c.isalnum() or c == "_":  # \w: the first word begins the line, and the key begins as it folds
        c = c.casefold()[:1]
        for key in title_keys:
            if key.startswith(c):
                break
        else:
            return False
    first = _WORD.search(text)
    if first is None:
        return "" in title_keys
    head = first.group().casefold()
    for key in title_keys:  # one or two keys: a loop, no generator
        if key.startswith(head):
            return _title_key(text) in title_keys
    return False


def _is_bullet(text: str) -> bool:
    return text.startswith(_BULLETS)


def _is_prose(text: str) -> bool:
    """A sentence rather than a heading or a label: it closes with punctuation."""
    return text[-1:] in _CLOSERS


def _apply_stamp(state: _State, stamp: Stamp, value: dt.datetime | dt.date) -> None:
    if stamp.fallback:
        if state.published_fallback is None:
            state.published_fallback = value
        return
    field = stamp.field
    if field == "published-then-modified":
        field = "published" if state.published is None else "modified"
    if field == "published" and state.published is None:
        state.published = value
    elif field == "modified" and state.modified is None and isinstance(value, dt.datetime):
        state.modified = value


def _classify(state: _State, profile: DumpProfile, title: str, full_title: str, text: str) -> None:
    """Classify every line after the headline; ``text``: the dump's text (every line is part of it)."""
    lines = state.lines
    _own, rules, _common, sections, photo = _rulesets(profile)
    screen = _Screen(text)
    rules = rules.within(screen)
    n_own = len(profile.rules)
    plain = _plain_lines(profile)
    searchers = rules.searchers
    embed_chars = _needle_chars(_EMBED)
    if embed_chars is None:
        searchers += (_EMBED.search,)
    elif _holds_any(text, embed_chars):
        searchers += (_char_screened(_EMBED, embed_chars),)
    title_keys = tuple({_title_key(title), _title_key(full_title)})
    rest_from: int | None = None
    rest_kind = "boilerplate"
    i = 1
    while i < len(lines):
        text = lines[i].text
        if rest_from is not None:
            rule = rules.first(text)
            if rule is not None:
                state.drop(i, rule.kind)
            elif DATE_LINE.fullmatch(text):
                state.drop(i, profile.date_line_kind)
            elif (profile.tail_prose_kind and word_count(text) > SHORT_LINE_WORDS
                    and not _EMBED.search(text)):
                state.drop(i, profile.tail_prose_kind)
            else:
                state.drop(i, rest_kind)
            i += 1
            continue
        if _is_title(text, title_keys):
            state.drop(i, "duplicate-title")
            i += 1
            continue
        if plain is not None and plain.settles(text, searchers):
            if _is_prose(text) and word_count(text) > SHORT_LINE_WORDS:
                state.in_head = False
            i += 1
            continue
        # The site's rules then the common ones, in one look: a common rule found here applies when
        # the line is none of the kinds every site shares.
        found = rules.index(text)
        if found < n_own:
            rule = rules.rules[found]
            state.drop(i, rule.kind)
            if rule.take == "rest":
                rest_from, rest_kind = i, rule.rest_kind or rule.kind
            elif rule.take == "previous" and i > 1 and state.role[i - 1] == "body" and _headline(
                    lines[i - 1].text):
                state.drop(i - 1, rule.kind)
            elif rule.take == "tags":
                while (i + 1 < len(lines) and word_count(lines[i + 1].text) <= TAG_WORDS
                       and not _is_prose(lines[i + 1].text)
                       and rules.first(lines[i + 1].text) is None):
                    i += 1
                    state.role[i] = "tag"
                    state.kinds[i] = "tag-list"
            elif (rule.take == "next" and i + 1 < len(lines) and rule.is_bare(text)
                  and _headline(lines[i + 1].text)):
                state.drop(i + 1, rule.kind)
                i += 1
            i += 1
            continue
        if _classify_common(state, profile, i, photo, sections):
            i += 1
            continue
        if _is_prose(text) and word_count(text) > SHORT_LINE_WORDS:
            state.in_head = False
        if found < len(rules.rules):
            state.drop(i, rules.rules[found].kind)
        i += 1


def _classify_common(state: _State, profile: DumpProfile, i: int, photo: frozenset[str],
                     sections: frozenset[str]) -> bool:
    """The line kinds every site shares (``photo`` and ``sections``: the profile's photo-credit and
    section keys); true when line ``i`` was classified."""
    # A new kind here must be known to the plain-line screen too (_build_plain_lines), which passes
    # over the lines none of these kinds can take (tests/test_textdump_fast_paths.py compares them).
    text = state.lines[i].text
    for stamp in profile.stamps:
        m = stamp.pattern.fullmatch(text)
        if m:
            value = stamp.read(m, profile.zone)
            if value is not None:
                _apply_stamp(state, stamp, value)
            state.drop(i, "timestamp")
            return True
    if profile.site_id is not None:
        m = profile.site_id.fullmatch(text)
        if m:
            state.site_id = state.site_id or m.group("id").translate(_DIGITS)
            state.drop(i, "site-id")
            return True
    if profile.url_id is not None and _URL_LINE.fullmatch(text):
        m = profile.url_id.search(text)
        if m:
            state.url = state.url or text
            state.site_id = state.site_id or m.group("id")
            state.drop(i, "url")
            return True
    if _IMAGE_URL.fullmatch(text):
        state.images.append(text)
        state.drop(i, "image-url")
        return True
    if _EMBED.search(text):
        state.role[i] = "embed"
        return True
    key = _key(text)
    if key in photo:
        state.drop(i, "photo-credit")
        return True
    if DATE_LINE.fullmatch(text):
        state.drop(i, profile.date_line_kind)
        return True
    m = SOURCE_LINE.match(text)
    if m and word_count(text) <= 14:
        state.credits.extend(o.strip() for o in _SOURCE_SPLIT.split(m.group("outlets")) if o.strip())
        state.drop(i, "credit-line")
        return True
    m = BYLINE.match(text)
    if m and word_count(text) <= 8:
        state.authors.extend(a.strip() for a in _SOURCE_SPLIT.split(m.group("names")) if a.strip())
        state.drop(i, "byline")
        return True
    m = CREDIT_LINE.match(text)
    if m:
        state.credits.append(m.group("outlets").strip())
        state.drop(i, "credit-line")
        return True
    if state.in_head and key in sections:
        state.section = state.section or text
        state.drop(i, "section")
        return True
    if key in _SOURCE_LINK_KEYS:
        state.drop(i, "source-link")
        return True
    return False


def _mark_captions(state: _State, profile: DumpProfile) -> None:
    lines, role = state.lines, state.role
    body = [i for i in range(1, len(lines)) if role[i] == "body"]
    if profile.caption_labels:
        for pos, i in enumerate(body):
            text = lines[i].text
            if not _is_bullet(text) or word_count(text) > 6:
                continue
            prev_bullet = pos > 0 and _is_bullet(lines[body[pos - 1]].text) and body[pos - 1] == i - 1
            nxt = body[pos + 1] if pos + 1 < len(body) else None
            if nxt is None or nxt != i + 1 or _is_bullet(lines[nxt].text) or prev_bullet:
                continue
            caption = lines[nxt]
            if word_count(caption.text) <= word_count(text):
                continue
            # The caption hangs under its label (indented deeper) or repeats the label's words.
            label = text.lstrip("".join(_BULLETS)).strip()
            if not (caption.indent > lines[i].indent or (label and caption.text.startswith(label))):
                continue
            state.drop(i, "caption-label")
            role[nxt] = "caption"
    # Runs of bullet items before the article's first sentence are menus (navigation).
    first_prose = next((i for i in range(1, len(lines)) if role[i] == "body" and _is_prose(lines[i].text)
                        and word_count(lines[i].text) > SHORT_LINE_WORDS), len(lines))
    for i in range(1, first_prose):
        if role[i] != "body" or not _is_bullet(lines[i].text):
            continue
        neighbours = [j for j in (i - 1, i + 1) if 0 < j < len(lines) and _is_bullet(lines[j].text)]
        if neighbours:
            state.drop(i, "navigation")


def _mark_head(state: _State, profile: DumpProfile) -> None:
    """Navigation or a schedule printed between the headline and its repetition."""
    lines, role = state.lines, state.role
    first_prose = next((i for i in range(1, len(lines)) if role[i] == "body" and _is_prose(lines[i].text)
                        and word_count(lines[i].text) > SHORT_LINE_WORDS), len(lines))
    # Only a repetition before the article's first sentence closes a head.
    repeat = next((i for i in range(1, min(len(lines), HEAD_LINES, first_prose))
                   if state.kinds[i] == "duplicate-title"), None)
    if repeat is not None:
        for i in range(1, repeat):
            if role[i] == "body" and not (_is_prose(lines[i].text)
                                         and word_count(lines[i].text) > SHORT_LINE_WORDS):
                state.drop(i, profile.head_kind)
    # Menu items the head prints twice are navigation too.
    head = [i for i in range(1, min(first_prose, HEAD_LINES)) if role[i] == "body"]
    seen: dict[str, int] = {}
    for i in head:
        seen[_key(lines[i].text)] = seen.get(_key(lines[i].text), 0) + 1
    for i in head:
        if seen[_key(lines[i].text)] > 1 and word_count(lines[i].text) <= 6:
            state.drop(i, profile.head_kind)
    # Short lines sandwiched between head lines belong to the head (menu items, programme names).
    marked = [i for i in range(1, min(len(lines), HEAD_LINES)) if state.kinds[i] == profile.head_kind]
    for a, b in itertools.pairwise(marked):
        if b - a > 1 and all(role[j] == "body" and word_count(lines[j].text) <= 6
                             and not _is_prose(lines[j].text) for j in range(a + 1, b)):
            for j in range(a + 1, b):
                state.drop(j, profile.head_kind)


def _mark_header_caption(state: _State) -> None:
    """Captions printed between the headline and the photo credit, before the lead."""
    lines, role = state.lines, state.role
    content = [i for i in range(1, min(len(lines), HEAD_LINES)) if role[i] in ("body", "caption")
               or state.kinds[i] == "photo-credit"]
    for pos, i in enumerate(content[:5]):
        if state.kinds[i] != "photo-credit":
            continue
        before = [j for j in content[:pos] if role[j] == "body"]
        # The last line before the credit is the lead; captions close without a full stop.
        for j in before[:-1]:
            if not _is_prose(lines[j].text):
                role[j] = "caption"
        return


def _dense(lines: Sequence[Line], body: Sequence[int]) -> bool:
    """Whether the dump's paragraphs mostly follow one another without blank lines."""
    prose = [i for i in body if word_count(lines[i].text) > TAG_WORDS or _is_prose(lines[i].text)]
    return sum(1 for i in prose if lines[i].gap == 0) * 2 > len(prose)


def _mark_gapped_embeds(state: _State, gap: int) -> None:
    """Posts embedded without their link: a hashtag line standing before an embed's blank lines."""
    lines, role = state.lines, state.role
    body = [i for i in range(1, len(lines)) if role[i] == "body"]
    if not _dense(lines, body):
        return
    for i in body[1:]:
        if i + 1 < len(lines) and lines[i + 1].gap >= gap and _HASHTAG.search(lines[i].text):
            role[i] = "embed"


def _mark_tail_tags(state: _State, profile: DumpProfile) -> None:
    """The tag list: short lines just before the page's tail boilerplate."""
    lines, role = state.lines, state.role
    body = [i for i in range(1, len(lines)) if role[i] in ("body", "embed", "caption")]
    if len(body) < 2:
        return
    last = body[-1]
    if last == len(lines) - 1:
        # No tail boilerplate after the last body line: a tag list cannot be told from text.
        return

    dense = _dense(lines, body)

    def tag_like(i: int) -> bool:
        # A tag may end with a quotation mark (صحيفة "لا ريبوبليكا"); not with a sentence's end,
        # unless it stands apart from a dense body.
        text = lines[i].text
        if role[i] != "body" or word_count(text) > TAG_WORDS or _is_bullet(text):
            return False
        return not text.endswith(_SENTENCE_ENDS) or (dense and lines[i].gap > 0)

    first_body = body[0]
    run: list[int] = []
    pos = len(body) - 1
    blurb: int | None = None
    # A tail blurb after the tags: only when at least two tags precede it.
    if (not tag_like(body[pos]) and profile.tail_prose_kind and pos >= 2
            and all(tag_like(body[p]) and body[p] != first_body for p in (pos - 1, pos - 2))):
        blurb, pos = body[pos], pos - 1
    while pos >= 0 and body[pos] != first_body and tag_like(body[pos]):
        run.append(body[pos])
        pos -= 1
    # Where paragraphs follow one another without blank lines but the tags
    # stand apart, each tag has a blank line before it: a short last paragraph
    # without one is not a tag.
    if dense and any(lines[i].gap for i in run):
        spaced = 0
        while spaced < len(run) and lines[run[spaced]].gap:
            spaced += 1
        run = run[:spaced]
    if not run:
        return
    # A tag that reads like a date («7 أكتوبر») or repeats the headline was dropped as such:
    # inside the run, or just before it, it is a tag.
    first, last = min(run), max(run)
    before = first - 1
    if before > 0 and state.kinds[before] in (profile.date_line_kind, "duplicate-title") and (
            not dense or lines[before].gap > 0) and word_count(lines[before].text) <= TAG_WORDS:
        first = before
    run = [i for i in range(first, last + 1)
           if i in run or state.kinds[i] in (profile.date_line_kind, "duplicate-title")]
    for i in run:
        role[i] = "tag"
        state.kinds[i] = "tag-list"
    if blurb is not None and profile.tail_prose_kind:
        state.drop(blurb, profile.tail_prose_kind)


def _is_heading(text: str) -> bool:
    return (word_count(text) <= SHORT_LINE_WORDS and not _is_prose(text) and not _is_bullet(text)
            and not _LIST_ITEM.match(text))


# The past-tense speech verbs of wire copy («گفت:», «یادآور شد:», «تاکید کرد:»).  Present
# forms («می‌گوید:») are left out: feature writing uses them mid-paragraph, where they
# split paragraphs that never had a subheading (measured on Hamshahri articles).
_FA_SPEECH_VERBS = frozenset({"گفت", "افزود", "شد", "کرد", "داشت", "داد", "نوشت"})
_FA_FUNCTION_WORDS = frozenset({
    "به", "در", "از", "با", "و", "که", "این", "آن", "بر", "برای", "تا", "هم", "همچنین", "پس", "سپس",
    "اما", "ولی", "بنابر", "بنابراین", "طبق", "براساس", "بعد", "را", "یا", "اگر", "چون", "زیرا",
})
_FA_PRONOUNS = frozenset({"وی", "او", "ایشان"})


# Up to 59 words that end no sentence, each before a space, then the next word (possibly empty: two
# spaces).  Possessive throughout: a word is what lies between spaces, so nothing is worth trying again.
_CLAUSE_WORDS = _regex.compile(
    "textdump.CLAUSE_WORDS", r"(?:[^ ]++(?<![.؟?!«»:]) ){0,59}+(?P<word>[^ ]*+)",
)


def _reporting_clause(text: str, start: int = 0) -> bool:
    """Whether the words of ``text`` from ``start`` (where a word begins) run, without a sentence's end,
    into a speech verb and a colon (``… گفت:``).

    Words are what lies between single spaces.  The first of the next 60 words
    that is empty or ends with ``. ؟ ? ! « » :`` decides: a speech verb and a
    colon, or not a reporting clause.
    """
    word = _CLAUSE_WORDS.match(text, start).group("word")  # type: ignore[union-attr]  # always matches
    return word.endswith(":") and word.rstrip(":") in _FA_SPEECH_VERBS


def _openers(paragraphs: Sequence[str]) -> dict[str, int]:
    """How many paragraphs open a reporting clause with each first word (``وی``, ``جلالی``)."""
    found: dict[str, int] = {}
    for p in paragraphs:
        first = p.split(" ", 1)[0]
        if first not in _FA_FUNCTION_WORDS and _reporting_clause(p):
            found[first] = found.get(first, 0) + 1
    return found


def split_lost_subheading(paragraph: str, openers: dict[str, int]) -> tuple[str, str] | None:
    """Split a subheading that lost its line break off the front of ``paragraph``.

    The evidence (IRNA): a few words in (2 to 14), a word that opens other
    paragraphs of the article (or a pronoun, ``وی``) begins a reporting clause
    that runs, without a sentence's end, to a speech verb and a colon
    (``جلالی در ادامه گفت:``); the paragraph itself does not begin with such an
    opener nor with a function word, and the words before the split carry no
    sentence punctuation.  ``openers`` counts, per first word, the paragraphs
    opening a reporting clause (:func:`_openers`; ``paragraph`` itself may be
    among them).  Returns ``(subheading, rest)``, the text unchanged, or ``None``.
    """
    # The first 15 words (a split falls before the 15th at the latest), then the rest uncut.
    words = paragraph.split(" ", 15)
    if len(words) < 4 or words[0] in _FA_FUNCTION_WORDS or words[0] in _FA_PRONOUNS:
        return None
    own = 1 if _reporting_clause(paragraph) else 0
    if openers.get(words[0], 0) - own > 0:
        return None
    for k in range(2, min(15, len(words) - 1)):
        word = words[k]
        if word not in _FA_PRONOUNS and openers.get(word, 0) - (own if word == words[0] else 0) <= 0:
            continue
        head = " ".join(words[:k])
        if any(c in head for c in ".:؟?!«»\"“”؛"):
            return None
        if words[k - 1] in _FA_FUNCTION_WORDS or not _reporting_clause(paragraph, len(head) + 1):
            continue
        return head, paragraph[len(head) + 1:]
    return None


def _fa_credits(text: str) -> list[str]:
    """Outlets of a Persian credit formula, outermost first.

    ``تهران- ایرنا-`` gives ``["ایرنا"]``; ``به گزارش آران نیوز به نقل از ایرنا …``
    gives ``["آران نیوز", "ایرنا"]``; a reporter or desk (``خبرنگار سیاسی ایرنا``)
    credits its outlet.  An outlet the chain does not delimit (no ``به نقل از``
    or comma after it) counts only when it is a known outlet.
    """
    m = _FA_CREDIT.match(text)
    if not m:
        return []
    if m.group("dateline"):
        return [m.group("dateline")]
    closed = text[m.end():m.end() + 1] in ("،", ",")
    parts = m.group("chain").split(" به نقل از ")
    out: list[str] = []
    for n, part in enumerate(parts):
        part = part.strip()
        delimited = n < len(parts) - 1 or closed
        known = [o for o in PERSIAN_OUTLETS if part == o or part.startswith(o + " ")]
        if not known and _FA_ROLE.match(part):
            known = [o for o in PERSIAN_OUTLETS if f" {o} " in f" {part} "]
        if known:
            out.append(max(known, key=len))
        elif delimited and word_count(part) <= 5 and not _FA_ROLE.match(part):
            out.append(part)
        else:
            break
    return out


def text_credits(paragraphs: Sequence[str]) -> list[str]:
    """The outlets credited at the start of the article's opening paragraphs, outermost first.

    Text dumps and HTML pages share it: «به گزارش آران نیوز به نقل از ایرنا …» gives
    ``["آران نیوز", "ایرنا"]``; «(CNN) --» gives ``["CNN"]``.
    """
    for text in paragraphs[:3]:
        found = _fa_credits(text)
        if not found:
            m = _PAREN_CREDIT.match(text)
            if m:
                found = [m.group("outlet").strip()]
        if found:
            return found
    return []


def read_dump(doc: Document, profile: DumpProfile) -> Article:
    """Read a text dump into an :class:`~mideastnews.Article` as ``profile`` describes its site.

    Args:
        doc: The decoded dump (its ``url``, when given, is kept and may give
            the article id).
        profile: The site's description (rules, markers, switches).

    Returns:
        The article as the parser reads it; dates, quotes and an inferred
        publication date are added later by :func:`mideastnews.parse`.

    Raises:
        ParseError: the text holds no line.
    """
    lines = split_lines(doc.lines)
    if not lines:
        raise ParseError("the text holds no line")
    full_title = lines[0].text
    title, suffix = _strip_site_suffix(full_title, profile.site_names)
    state = _State(lines=lines, kinds=[None] * len(lines), role=["body"] * len(lines))
    if doc.url and profile.url_id is not None:
        m = profile.url_id.search(doc.url)
        state.site_id = m.group("id") if m else None
    state.role[0] = "title"
    _classify(state, profile, title, full_title, doc.text)
    _mark_captions(state, profile)
    _mark_head(state, profile)
    if profile.caption_before_credit:
        _mark_header_caption(state)
    if profile.embed_gap:
        _mark_gapped_embeds(state, profile.embed_gap)
    if profile.tail_tags:
        _mark_tail_tags(state, profile)

    body = [i for i in range(1, len(lines)) if state.role[i] == "body"]
    lead = lines[body[0]].text if body else None
    paragraphs: list[str] = []
    subheadings: list[int] = []
    rest = body[1:]
    openers = _openers([lines[i].text for i in rest]) if profile.recover_subheadings else {}
    for n, i in enumerate(rest):
        text = lines[i].text
        is_last = n == len(rest) - 1
        if _is_heading(text) and not is_last:
            if profile.short_line_kind:
                state.drop(i, profile.short_line_kind)
                continue
            subheadings.append(len(paragraphs))
            paragraphs.append(text)
            continue
        if profile.recover_subheadings:
            split = split_lost_subheading(text, openers)
            if split is not None:
                subheadings.append(len(paragraphs))
                paragraphs.extend(split)
                continue
        paragraphs.append(text)

    dropped: list[Dropped] = []
    if suffix is not None:
        dropped.append(Dropped(suffix, "site-suffix"))
    captions: list[str] = []
    embeds: list[str] = []
    tags: list[str] = []
    for i in range(1, len(lines)):
        role, text = state.role[i], lines[i].text
        if role == "drop":
            dropped.append(Dropped(text, state.kinds[i] or "boilerplate"))
        elif role == "caption":
            captions.append(text)
        elif role == "embed":
            embeds.append(text)
        elif role == "tag":
            tags.append(text)
            dropped.append(Dropped(text, "tag-list"))

    credits = text_credits(([lead] if lead else []) + paragraphs) + state.credits
    language = detect_language([title, lead or "", *paragraphs[:20]], default=profile.language)
    published = state.published if state.published is not None else state.published_fallback
    return Article(
        source=profile.source,
        title=title,
        language=language,
        url=doc.url or state.url,
        site_id=state.site_id,
        section=state.section,
        lead=lead,
        paragraphs=tuple(paragraphs),
        subheadings=tuple(subheadings),
        published=published,
        modified=state.modified,
        authors=tuple(dict.fromkeys(state.authors)),
        tags=tuple(dict.fromkeys(tags)),
        images=tuple(state.images),
        captions=tuple(captions),
        embeds=tuple(embeds),
        credits=tuple(dict.fromkeys(c for c in credits if c)),
        dropped=tuple(dropped),
        warnings=doc.warnings,
    )
