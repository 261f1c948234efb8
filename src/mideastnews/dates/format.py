"""Writing calendar dates in Persian, Arabic and English.

Every combination of calendar × language × digit set × era × style gives one
fixed string, ``[weekday ]day month-name year[ era]``, so the date finder can
read each back.  The tables here are the spellings this library *writes*; the
finder's lexicon also reads the many other spellings found in the news.
"""

from __future__ import annotations

from typing import Final

from ..errors import DateError

__all__ = [
    "DIGITS",
    "ERA_MARKERS",
    "LANGUAGES",
    "MONTH_NAMES",
    "STYLES",
    "WEEKDAY_NAMES",
    "format_date",
    "month_name",
    "to_digits",
    "weekday_name",
]

LANGUAGES: Final = ("ar", "en", "fa")
"""The languages :func:`format_date` writes."""

STYLES: Final = ("levantine", "msa")
"""Arabic Gregorian month-name styles: ``"msa"`` (يناير …) or ``"levantine"`` (كانون الثاني …)."""

DIGITS: Final[dict[str, str]] = {
    "latin": "0123456789",
    "arabic": "٠١٢٣٤٥٦٧٨٩",
    "persian": "۰۱۲۳۴۵۶۷۸۹",
}
"""The digit sets, zero to nine."""

_NATIVE_DIGITS: Final = {"ar": "arabic", "en": "latin", "fa": "persian"}
_WEEKDAY_SEPARATOR: Final = {"ar": "، ", "en": ", ", "fa": " "}
_TRANSLATE: Final = {name: str.maketrans("0123456789", chars) for name, chars in DIGITS.items()}

_GREGORIAN_MSA = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
                  "نوفمبر", "ديسمبر")  # fmt: skip
_GREGORIAN_LEVANTINE = ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
                        "تشرين الأول", "تشرين الثاني", "كانون الأول")  # fmt: skip

MONTH_NAMES: Final[dict[tuple[str, str, str], tuple[str, ...]]] = {
    ("gregorian", "en", "msa"): ("January", "February", "March", "April", "May", "June", "July", "August",
                                 "September", "October", "November", "December"),
    ("gregorian", "ar", "msa"): _GREGORIAN_MSA,
    ("gregorian", "ar", "levantine"): _GREGORIAN_LEVANTINE,
    ("gregorian", "fa", "msa"): ("ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر",
                                 "اکتبر", "نوامبر", "دسامبر"),
    ("hijri", "en", "msa"): ("Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Ula",
                             "Jumada al-Akhirah", "Rajab", "Shaban", "Ramadan", "Shawwal", "Dhu al-Qadah",
                             "Dhu al-Hijjah"),
    ("hijri", "ar", "msa"): ("محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب",
                             "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة"),
    ("hijri", "fa", "msa"): ("محرم", "صفر", "ربیع‌الاول", "ربیع‌الثانی", "جمادی‌الاول", "جمادی‌الثانی", "رجب",
                             "شعبان", "رمضان", "شوال", "ذی‌القعده", "ذی‌الحجه"),
    ("jalali", "en", "msa"): ("Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar", "Mehr",
                              "Aban", "Azar", "Dey", "Bahman", "Esfand"),
    ("jalali", "ar", "msa"): ("فروردين", "أرديبهشت", "خرداد", "تير", "مرداد", "شهريور", "مهر", "آبان", "آذر",
                              "دي", "بهمن", "إسفند"),
    ("jalali", "fa", "msa"): ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر",
                              "دی", "بهمن", "اسفند"),
}  # fmt: skip
"""Month names by ``(calendar, lang, style)``; ``style`` only varies Arabic Gregorian names."""

WEEKDAY_NAMES: Final[dict[str, tuple[str, ...]]] = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "ar": ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"),
    "fa": ("دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه", "یکشنبه"),
}
"""Weekday names by language, Monday first (index = ``date.weekday()``)."""

ERA_MARKERS: Final[dict[tuple[str, str], str]] = {
    ("gregorian", "ar"): "م",
    ("gregorian", "en"): "CE",
    ("gregorian", "fa"): "م",
    ("hijri", "ar"): "هـ",
    ("hijri", "en"): "AH",
    ("hijri", "fa"): "ه.ق",
    ("jalali", "ar"): "هـ.ش",
    ("jalali", "en"): "SH",
    ("jalali", "fa"): "ه.ش",
}
"""Era markers by ``(calendar, lang)``."""


def _check_lang(lang: str) -> None:
    if lang not in _NATIVE_DIGITS:
        raise DateError(f"unknown language {lang!r}: use 'fa', 'ar' or 'en'")


def to_digits(text: str, digits: str) -> str:
    """Rewrite the Latin digits of ``text`` in a digit set.

    Args:
        text: Text with ASCII digits.
        digits: ``"latin"``, ``"arabic"`` or ``"persian"``.

    Returns:
        The text with its digits replaced.

    Raises:
        DateError: Unknown digit set.
    """
    table = _TRANSLATE.get(digits)
    if table is None:
        raise DateError(f"unknown digits {digits!r}: use 'latin', 'arabic' or 'persian'")
    return text.translate(table)


def month_name(calendar: str, month: int, lang: str = "en", *, style: str = "msa") -> str:
    """The name this library writes for a month.

    Args:
        calendar: ``"gregorian"``, ``"hijri"`` or ``"jalali"``.
        month: 1 to 12.
        lang: ``"fa"``, ``"ar"`` or ``"en"``.
        style: ``"msa"`` or ``"levantine"`` (Arabic Gregorian names only).

    Returns:
        The month's name.

    Raises:
        DateError: Unknown calendar, language or style, or a month outside 1..12.
    """
    _check_lang(lang)
    if style not in STYLES:
        raise DateError(f"unknown style {style!r}: use 'msa' or 'levantine'")
    names = MONTH_NAMES.get((str(calendar), lang, style)) or MONTH_NAMES.get((str(calendar), lang, "msa"))
    if names is None:
        raise DateError(f"unknown calendar {calendar!r}: use 'gregorian', 'hijri' or 'jalali'")
    if not 1 <= month <= 12:
        raise DateError(f"month {month} does not exist (months run 1 to 12)")
    return names[month - 1]


def weekday_name(weekday: int, lang: str = "en") -> str:
    """The weekday's name in ``lang``.

    Args:
        weekday: 0 = Monday .. 6 = Sunday, as :meth:`datetime.date.weekday` counts.
        lang: ``"fa"``, ``"ar"`` or ``"en"``.

    Returns:
        The name, e.g. ``"چهارشنبه"`` for 2 in Persian.

    Raises:
        DateError: Unknown language or a weekday outside 0..6.
    """
    _check_lang(lang)
    if not 0 <= weekday <= 6:
        raise DateError(f"weekday {weekday} does not exist (0 = Monday .. 6 = Sunday)")
    return WEEKDAY_NAMES[lang][weekday]


def format_date(
    calendar: str,
    year: int,
    month: int,
    day: int,
    *,
    lang: str = "en",
    digits: str | None = None,
    era: bool = False,
    style: str = "msa",
    weekday: int | None = None,
) -> str:
    """Write ``day month-name year`` (the engine of :meth:`CalendarDate.format`).

    The date itself is not validated here: :class:`CalendarDate` does that.

    Args:
        calendar: ``"gregorian"``, ``"hijri"`` or ``"jalali"``.
        year: The year.
        month: The month, 1 to 12.
        day: The day of the month.
        lang: ``"fa"``, ``"ar"`` or ``"en"``.
        digits: ``"latin"``, ``"arabic"``, ``"persian"``, or ``None`` for the
            language's own.
        era: Append the era marker.
        style: ``"msa"`` or ``"levantine"`` Arabic Gregorian month names.
        weekday: A weekday (0 = Monday) to write first, or ``None``.

    Returns:
        The formatted date.

    Raises:
        DateError: An unknown option.
    """
    name = month_name(calendar, month, lang, style=style)
    text = f"{day} {name} {year}"
    if era:
        text += " " + ERA_MARKERS[(str(calendar), lang)]
    if weekday is not None:
        text = weekday_name(weekday, lang) + _WEEKDAY_SEPARATOR[lang] + text
    return to_digits(text, digits or _NATIVE_DIGITS[lang])
