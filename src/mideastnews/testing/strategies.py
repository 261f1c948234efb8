"""Hypothesis strategies for mideastnews values: calendar dates, date expressions and text dumps.

Plugin authors use them to drive property tests of their parsers; the
``hypothesis`` entry point also registers them for :func:`hypothesis.strategies.from_type`
(see :func:`register_strategies`).

>>> from hypothesis import given
>>> from mideastnews.testing import calendar_dates
>>> @given(calendar_dates("jalali"))
... def test_round_trip(day):
...     assert day.to("gregorian").to("jalali") == day
>>> test_round_trip()
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from hypothesis import strategies as st

from ..dates import Calendar

__all__ = [
    "ARABIC_WORDS",
    "DEFAULT_MAX_DAY",
    "DEFAULT_MIN_DAY",
    "PERSIAN_WORDS",
    "article_texts",
    "calendar_dates",
    "date_expressions",
    "register_strategies",
]

#: The first day of the Umm al-Qura tables (1 Muharram 1343 AH): from here to
#: :data:`DEFAULT_MAX_DAY` every calendar converts exactly.
DEFAULT_MIN_DAY = dt.date(1924, 8, 1)
#: The last day of the Umm al-Qura tables (30 Dhu al-Hijjah 1500 AH).
DEFAULT_MAX_DAY = dt.date(2077, 11, 16)

#: Words of Arabic news prose, used by :func:`article_texts`.
ARABIC_WORDS: tuple[str, ...] = (
    "قال", "الرئيس", "الإيراني", "وزير", "الخارجية", "غزة", "إسرائيل", "المحادثات", "حكومة",
    "الشعب", "الفلسطيني", "مؤتمر", "طهران", "موسكو", "العاصمة", "أعلن", "أكّد", "خلال", "لقائه",
    "نظيره", "الدول", "الإسلامية", "قطع", "علاقاتها", "الاقتصادية", "المنطقة", "الأمن", "مجلس",
    "الأمم", "المتحدة", "بيان", "الجيش", "هجوم", "شدّد", "الوزارة", "مصادر", "في", "على", "من",
    "إلى", "مع", "أنّ", "بـ\"إسرائيل\"", "وكالة", "الأنباء",
)
#: Words of Persian news prose (some with a ZWNJ), used by :func:`article_texts`.
PERSIAN_WORDS: tuple[str, ...] = (
    "گفت", "رئیس", "جمهوری", "اسلامی", "ایران", "وزیر", "امور", "خارجه", "غزه", "اسرائیل",
    "گزارش", "خبرنگار", "تهران", "مسکو", "دولت", "مردم", "فلسطین", "نشست", "سفیر", "روسیه",
    "می‌شود", "کرده‌اند", "بین‌المللی", "همکاری", "اقتصادی", "منطقه", "امنیت", "شورای", "سازمان",
    "ملل", "بیانیه", "خبرگزاری", "در", "به", "از", "با", "که", "این", "را", "برای", "است",
)
_ARABIC_LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي"
_PERSIAN_LETTERS = "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیئ"
_PUNCTUATION = ("،", ".", ":", "؛", "؟", "!", "«", "»", "\"", "-", "–", "(", ")")
_DIGITS = {"latin": "0123456789", "arabic": "٠١٢٣٤٥٦٧٨٩", "persian": "۰۱۲۳۴۵۶۷۸۹"}

#: The calendars a writer of each language uses, and the digit sets.
_LANG_CALENDARS: dict[str, tuple[Calendar, ...]] = {
    "ar": (Calendar.GREGORIAN, Calendar.HIJRI),
    "fa": (Calendar.JALALI, Calendar.GREGORIAN, Calendar.HIJRI),
    "en": (Calendar.GREGORIAN, Calendar.HIJRI, Calendar.JALALI),
}
_LANG_DIGITS: dict[str, tuple[str, ...]] = {
    "ar": ("latin", "arabic"),
    "fa": ("persian", "latin"),
    "en": ("latin",),
}


def _gregorian(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    to_gregorian = getattr(value, "to_gregorian", None)
    if callable(to_gregorian):
        day = to_gregorian()
        if isinstance(day, dt.date):
            return day
    raise TypeError(f"expected a datetime.date or a CalendarDate, not {type(value).__name__}")


def calendar_dates(
    calendar: Calendar | str = Calendar.GREGORIAN,
    *,
    min_value: Any = None,
    max_value: Any = None,
) -> st.SearchStrategy[Any]:
    """Valid :class:`mideastnews.dates.CalendarDate` values in one calendar.

    Days are drawn uniformly over the range, and half the time moved to the
    first or last day of their month or year, so month ends, leap days
    (30 Esfand in a Solar Hijri leap year) and Umm al-Qura's 28- and 31-day
    months turn up often.

    Args:
        calendar: ``"gregorian"``, ``"hijri"`` or ``"jalali"`` (or a :class:`~mideastnews.dates.Calendar`).
        min_value: The earliest day, as a ``datetime.date`` or a ``CalendarDate``
            (default :data:`DEFAULT_MIN_DAY`).
        max_value: The latest day, likewise (default :data:`DEFAULT_MAX_DAY`).

    Returns:
        A strategy of ``CalendarDate`` in ``calendar``.

    Raises:
        ValueError: ``calendar`` names no calendar, or the range is empty.
    """
    cal = Calendar(calendar)
    low = DEFAULT_MIN_DAY if min_value is None else _gregorian(min_value)
    high = DEFAULT_MAX_DAY if max_value is None else _gregorian(max_value)
    if low > high:
        raise ValueError(f"empty range: {low} is after {high}")

    def to_calendar(day: dt.date) -> Any:
        from ..dates import convert

        return convert(day, cal)

    def snap(args: tuple[dt.date, str]) -> Any:
        # Month and year ends are where calendars differ (30 Esfand in leap
        # years, Umm al-Qura's 28- and 31-day months): draw them often.
        from ..dates import CalendarDate

        day, where = args
        date = to_calendar(day)
        if where == "any":
            return date
        month = 12 if where == "year-end" else date.month
        snapped = CalendarDate(cal, date.year, month, 1)
        if where != "month-start":
            snapped = CalendarDate(cal, date.year, month, snapped.month_length)
        return snapped if low <= snapped.to_gregorian() <= high else date

    where = st.sampled_from(("any", "any", "any", "month-end", "month-start", "year-end"))
    return st.tuples(st.dates(min_value=low, max_value=high), where).map(snap)


def _with_digits(text: str, digits: str) -> str:
    return text.translate(str.maketrans(_DIGITS["latin"], _DIGITS[digits]))


def date_expressions(
    lang: str = "ar",
    *,
    calendars: Sequence[Calendar | str] | None = None,
    digits: Sequence[str] | None = None,
    min_value: Any = None,
    max_value: Any = None,
) -> st.SearchStrategy[tuple[str, Any]]:
    """Date expressions as a writer of ``lang`` prints them, each with the date it names.

    The text is built by :meth:`CalendarDate.format <mideastnews.dates.CalendarDate.format>`
    (day, month name, year; with or without the era marker and the weekday
    name; Arabic Gregorian months in both the Egyptian/Gulf and the Levantine
    names), so a date finder must read it back to exactly the paired value::

        text, day = ...   # e.g. ("۸ آذر ۱۴۰۲", CalendarDate("jalali", 1402, 9, 8))
        m = mideastnews.dates.parse_date(text)
        assert (m.calendar, m.year, m.month, m.day) == (day.calendar, day.year, day.month, day.day)

    Args:
        lang: ``"ar"``, ``"fa"`` or ``"en"``.
        calendars: The calendars to draw from (default: those the language's
            press uses: Gregorian and Hijri in Arabic, all three in Persian and English).
        digits: Digit sets to draw from: ``"latin"``, ``"arabic"``, ``"persian"``
            (default: the language's usual ones).
        min_value: The earliest day (see :func:`calendar_dates`).
        max_value: The latest day.

    Returns:
        A strategy of ``(text, CalendarDate)`` pairs.

    Raises:
        ValueError: an unknown language, calendar or digit set.
    """
    if lang not in _LANG_CALENDARS:
        raise ValueError(f"unknown language {lang!r}: expected one of {sorted(_LANG_CALENDARS)}")
    cals = tuple(Calendar(c) for c in calendars) if calendars else _LANG_CALENDARS[lang]
    digit_sets = tuple(digits) if digits else _LANG_DIGITS[lang]
    for d in digit_sets:
        if d not in _DIGITS:
            raise ValueError(f"unknown digit set {d!r}: expected one of {sorted(_DIGITS)}")

    styles = ("msa", "levantine") if lang == "ar" else ("msa",)

    def build(args: tuple[Any, str, bool, str, bool]) -> tuple[str, Any]:
        day, digit_set, era, style, weekday = args
        return day.format(lang=lang, digits=digit_set, era=era, style=style, weekday=weekday), day

    days = st.sampled_from(cals).flatmap(
        lambda cal: calendar_dates(cal, min_value=min_value, max_value=max_value)
    )
    return st.tuples(
        days, st.sampled_from(digit_sets), st.booleans(), st.sampled_from(styles), st.booleans()
    ).map(build)


def _words(lang: str) -> st.SearchStrategy[str]:
    vocabulary = ARABIC_WORDS if lang == "ar" else PERSIAN_WORDS
    letters = _ARABIC_LETTERS if lang == "ar" else _PERSIAN_LETTERS
    digit_set = "arabic" if lang == "ar" else "persian"
    number = st.integers(min_value=0, max_value=2100).map(str)
    return st.one_of(
        st.sampled_from(vocabulary),
        st.sampled_from(vocabulary),
        st.text(alphabet=letters, min_size=1, max_size=9),
        number,
        number.map(lambda n: _with_digits(n, digit_set)),
    )


def _sentence(lang: str, *, min_words: int, max_words: int, letters: bool) -> st.SearchStrategy[str]:
    token = st.one_of(_words(lang), _words(lang), _words(lang), st.sampled_from(_PUNCTUATION))
    wanted = str.isalpha if letters else str.isalnum
    return st.lists(token, min_size=min_words, max_size=max_words).map(" ".join).filter(
        lambda s: any(wanted(c) for c in s)
    )


_blank = st.sampled_from(("", "", " ", "\t", "  \u200f "))


@st.composite
def _dump(
    draw: st.DrawFn, lang: str | None, min_paragraphs: int, max_paragraphs: int
) -> str:
    language = draw(st.sampled_from(("ar", "fa"))) if lang is None else lang
    title = draw(_sentence(language, min_words=1, max_words=14, letters=True))
    paragraphs = draw(
        st.lists(_sentence(language, min_words=1, max_words=60, letters=False),
                 min_size=min_paragraphs, max_size=max_paragraphs)
    )
    lines: list[str] = draw(st.lists(_blank, max_size=3))
    lines.append(title)
    for paragraph in paragraphs:
        lines.extend(draw(st.lists(_blank, max_size=2)))
        pad = draw(st.sampled_from(("", " ", "  ")))
        lines.append(pad + paragraph + pad)
    lines.extend(draw(st.lists(_blank, max_size=2)))
    end = draw(st.sampled_from(("\n", "\r\n")))
    return end.join(lines) + draw(st.sampled_from(("", end)))


def article_texts(
    *, lang: str | None = None, min_paragraphs: int = 0, max_paragraphs: int = 12
) -> st.SearchStrategy[str]:
    """Text dumps as scrapers save them: a headline line, then one paragraph per line.

    Words come from real Arabic or Persian news vocabulary, random
    letter runs and numbers (Latin, Arabic-Indic or Persian digits), mixed
    with punctuation; blank and whitespace-only lines may stand anywhere
    (before the headline too), lines may carry padding, and line ends are
    ``\\n`` or ``\\r\\n``.  The headline holds at least one word with letters.

    Args:
        lang: ``"ar"`` or ``"fa"``; ``None`` draws either per text.
        min_paragraphs: The fewest paragraph lines after the headline.
        max_paragraphs: The most paragraph lines.

    Returns:
        A strategy of ``str``.

    Raises:
        ValueError: ``lang`` is not ``"ar"``, ``"fa"`` or ``None``.
    """
    if lang not in (None, "ar", "fa"):
        raise ValueError(f"article_texts() writes Arabic or Persian, not {lang!r}")
    return _dump(lang, min_paragraphs, max_paragraphs)


def register_strategies() -> None:
    """Register these strategies with hypothesis for mideastnews' own types.

    After this, ``st.from_type(CalendarDate)`` draws valid dates in any
    calendar and ``st.from_type(Document)`` draws text-dump documents.  The
    ``hypothesis`` entry point calls it when hypothesis is imported.
    """
    from .. import dates
    from ..document import Document

    st.register_type_strategy(
        dates.CalendarDate, st.sampled_from(list(Calendar)).flatmap(calendar_dates)
    )
    st.register_type_strategy(Document, article_texts().map(lambda t: Document(text=t)))


# Importing this module may be what imported hypothesis (whose entry point then
# found it half-built): register here too.  Registering twice is harmless.
register_strategies()
