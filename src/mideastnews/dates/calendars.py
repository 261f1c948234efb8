"""Calendars: Gregorian, lunar Hijri (Umm al-Qura) and Solar Hijri.

Every conversion goes through a day number (the proleptic Gregorian ordinal of
``datetime.date.toordinal``) and the month-start tables of
:mod:`mideastnews.dates._tables`:

* lunar Hijri: Umm al-Qura for 1343-01-01 .. 1500-12-30 AH (1924-08-01 ..
  2077-11-16), exactly as hijridate converts; outside it, years 1 .. 9666 AH
  follow the arithmetic (tabular) Islamic calendar and are marked
  :attr:`CalendarDate.approximate`;
* Solar Hijri (``"jalali"``): years 1 .. 9377 SH under the 33-year rule,
  exactly as jdatetime converts;
* Gregorian: 0001-01-01 .. 9999-12-31, as :class:`datetime.date`.
"""

from __future__ import annotations

import datetime as dt
import importlib
from bisect import bisect_right as _bisect_right
from collections.abc import Iterable
from enum import StrEnum
from operator import add as _add
from operator import lt as _lt
from typing import Any, Final

import attrs

from ..errors import DateError
from . import _tables as _t
from .format import format_date

__all__ = [
    "IRAN_HIJRI_TOLERANCE",
    "UMM_AL_QURA_RANGE",
    "Calendar",
    "CalendarDate",
    "as_calendar",
    "convert",
    "convert_many",
    "from_calendar_columns",
    "hijri_agrees",
    "hijri_candidates",
    "is_leap_year",
    "month_length",
    "supported_range",
    "to_calendar_columns",
    "year_length",
]


class Calendar(StrEnum):
    """The three calendars of the region's news."""

    GREGORIAN = "gregorian"
    HIJRI = "hijri"
    JALALI = "jalali"


_GREGORIAN: Final = Calendar.GREGORIAN
_HIJRI: Final = Calendar.HIJRI
_JALALI: Final = Calendar.JALALI

_ALIASES: dict[str, Calendar] = {
    "gregorian": _GREGORIAN,
    "miladi": _GREGORIAN,
    "hijri": _HIJRI,
    "islamic": _HIJRI,
    "lunar": _HIJRI,
    "umm_al_qura": _HIJRI,
    "qamari": _HIJRI,
    "jalali": _JALALI,
    "persian": _JALALI,
    "shamsi": _JALALI,
    "solar_hijri": _JALALI,
}

_NAMES: dict[Calendar, str] = {
    _GREGORIAN: "Gregorian",
    _HIJRI: "Hijri",
    _JALALI: "Solar Hijri (jalali)",
}
_ENGLISH_MONTHS: dict[Calendar, tuple[str, ...]] = {
    _GREGORIAN: ("January", "February", "March", "April", "May", "June", "July", "August",
                 "September", "October", "November", "December"),
    _HIJRI: ("Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Ula", "Jumada al-Akhirah",
             "Rajab", "Shaban", "Ramadan", "Shawwal", "Dhu al-Qadah", "Dhu al-Hijjah"),
    _JALALI: ("Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar", "Mehr", "Aban",
              "Azar", "Dey", "Bahman", "Esfand"),
}  # fmt: skip

IRAN_HIJRI_TOLERANCE: Final[tuple[int, int]] = (-1, 2)
"""Days a lunar Hijri date printed in Iran may lie from its Umm al-Qura reading.

Iran starts its lunar months by its own sighting: from one day before to two
days after Umm al-Qura (1343-1447 AH), so the Gregorian day of an Iranian
``day month year`` is its Umm al-Qura day plus an offset in this range.
"""

UMM_AL_QURA_RANGE: Final[tuple[tuple[int, int, int], tuple[int, int, int]]] = ((1343, 1, 1), (1500, 12, 30))
"""First and last Hijri dates converted by the Umm al-Qura tables (inclusive)."""

_MIN_ORDINAL: Final[dict[Calendar, int]] = {
    _GREGORIAN: 1,
    _HIJRI: _t.HIJRI_EPOCH,
    _JALALI: _t.JALALI_EPOCH,
}
_MAX_ORDINAL: Final[dict[Calendar, int]] = {
    _GREGORIAN: _t.ORDINAL_MAX,
    _HIJRI: _t.ORDINAL_MAX,
    _JALALI: _t.JALALI_STARTS[-1] - 1,
}
_LAST_YEAR: Final[dict[Calendar, int]] = {
    _GREGORIAN: _t.GREGORIAN_LAST_YEAR,
    _HIJRI: _t.HIJRI_LAST_YEAR,
    _JALALI: _t.JALALI_LAST_YEAR,
}
_ERA_LABELS: Final = {_GREGORIAN: "CE", _HIJRI: "AH", _JALALI: "SH"}
_GREGORIAN_LENGTHS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_UQ_FIRST = _t.UMM_AL_QURA_FIRST_ORDINAL
_UQ_LAST = _t.UMM_AL_QURA_LAST_ORDINAL
_HIJRI_STARTS = _t.HIJRI_STARTS
_JALALI_STARTS = _t.JALALI_STARTS
_ORDINAL_MAX = _t.ORDINAL_MAX
_fromordinal = dt.date.fromordinal
_date = dt.date
_date_toordinal = dt.date.toordinal
_plus_one = (1).__add__
_minus_one = (-1).__add__
_HIJRI_LAST_YEAR = _t.HIJRI_LAST_YEAR
_JALALI_LAST_YEAR = _t.JALALI_LAST_YEAR
_HIJRI_MIN = _t.HIJRI_EPOCH
_JALALI_MIN = _t.JALALI_EPOCH
_JALALI_MAX = _t.JALALI_STARTS[-1] - 1
_UQ_MONTH_STARTS = _t.UQ_STARTS
_lunar_from_ordinal = _t.lunar_from_ordinal
_solar_from_ordinal = _t.solar_from_ordinal


def as_calendar(value: Calendar | str) -> Calendar:
    """Return the :class:`Calendar` that ``value`` names.

    Args:
        value: A :class:`Calendar`, or its string (``"gregorian"``, ``"hijri"``,
            ``"jalali"``); case, spaces and a few common synonyms (``"persian"``,
            ``"shamsi"``, ``"islamic"``, ``"solar hijri"``) are accepted.

    Returns:
        The calendar.

    Raises:
        DateError: ``value`` names no calendar.
        TypeError: ``value`` is not a string.
    """
    if value.__class__ is Calendar:
        return value
    if not isinstance(value, str):
        raise TypeError(f"calendar must be a Calendar or a string, not {type(value).__name__}")
    found = _ALIASES.get(value)
    if found is not None:
        return found
    key = "_".join(value.strip().lower().replace("-", " ").split())
    found = _ALIASES.get(key)
    if found is None:
        raise DateError(f"unknown calendar {value!r}: use 'gregorian', 'hijri' or 'jalali'")
    return found


def _gregorian_length(year: int, month: int) -> int:
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _GREGORIAN_LENGTHS[month]


def _check_ints(year: object, month: object, day: object) -> tuple[int, int, int]:
    out: list[int] = []
    for name, value in (("year", year), ("month", month), ("day", day)):
        if isinstance(value, bool) or not hasattr(value, "__index__"):
            raise TypeError(f"{name} must be an integer, not {type(value).__name__}")
        out.append(value.__index__())
    return out[0], out[1], out[2]


def _month_label(calendar: Calendar, year: int, month: int) -> str:
    return f"{_ENGLISH_MONTHS[calendar][month - 1]} {year}"


def _invalid(calendar: Calendar, year: int, month: int, day: int, reason: str) -> DateError:
    return DateError(f"invalid {_NAMES[calendar]} date {year:04d}-{month:02d}-{day:02d}: {reason}")


def _range_text(calendar: Calendar) -> str:
    first, last = supported_range(calendar)
    era = _ERA_LABELS[calendar]
    return f"{first.isoformat()} {era} .. {last.isoformat()} {era}"


def _validate(calendar: Calendar, year: int, month: int, day: int) -> int:
    """Check a date and return its ordinal; raise :class:`DateError` naming the reason."""
    if calendar is _GREGORIAN:
        if 0 < year < 10000 and 0 < month < 13 and day > 0:
            try:
                return _date(year, month, day).toordinal()
            except ValueError:
                pass
    else:
        if calendar is _HIJRI:
            starts, last_year = _HIJRI_STARTS, _HIJRI_LAST_YEAR
        else:
            starts, last_year = _JALALI_STARTS, _JALALI_LAST_YEAR
        if 0 < year <= last_year and 0 < month < 13 and day > 0:
            i = year * 12 + month - 13
            ordinal = starts[i] + day - 1
            if ordinal < starts[i + 1] and ordinal <= _ORDINAL_MAX:
                return ordinal
    raise _explain(calendar, year, month, day)


def _explain(calendar: Calendar, year: int, month: int, day: int) -> DateError:
    """The error for an invalid date, naming the calendar, the date and the reason."""
    if not 1 <= month <= 12:
        return _invalid(calendar, year, month, day, f"month {month} does not exist (months run 1 to 12)")
    if year < 1:
        reason = (
            f"year {year} does not exist (the {_NAMES[calendar]} calendar has no year 0 and counts from 1)"
            if year == 0
            else f"year {year} is before the start of the {_NAMES[calendar]} calendar (year 1)"
        )
        return _invalid(calendar, year, month, day, reason)
    if year > _LAST_YEAR[calendar]:
        return _invalid(
            calendar, year, month, day, f"year {year} is outside the supported range {_range_text(calendar)}"
        )
    if day < 1:
        return _invalid(calendar, year, month, day, f"day {day} does not exist (days count from 1)")
    if calendar is _GREGORIAN:
        length = _gregorian_length(year, month)
        start = 0
    else:
        starts = _HIJRI_STARTS if calendar is _HIJRI else _JALALI_STARTS
        i = (year - 1) * 12 + month - 1
        start = starts[i]
        length = starts[i + 1] - start
    if day <= length:
        return _invalid(
            calendar, year, month, day,
            f"it falls after 9999-12-31, outside the supported range {_range_text(calendar)}",
        )  # fmt: skip
    reason = f"{_month_label(calendar, year, month)} has {length} days"
    if calendar is _JALALI and month == 12:
        kind = "a leap year" if _t.jalali_is_leap(year) else "a common year, not a leap year"
        reason += f" ({year} is {kind})"
    elif calendar is _HIJRI:
        reason += (
            " in the Umm al-Qura calendar"
            if _UQ_FIRST <= start <= _UQ_LAST
            else " in the tabular Islamic calendar used outside the Umm al-Qura range"
        )
    elif calendar is _GREGORIAN and month == 2:
        kind = "a leap year" if length == 29 else "not a leap year"
        reason += f" ({year} is {kind})"
    return _invalid(calendar, year, month, day, reason)


def _from_ordinal(calendar: Calendar, ordinal: int) -> tuple[int, int, int]:
    """``(year, month, day)`` of a day in ``calendar``; raise when the calendar does not reach it."""
    if calendar is _HIJRI:
        if _HIJRI_MIN <= ordinal <= _ORDINAL_MAX:
            return _lunar_from_ordinal(ordinal)
    elif calendar is _JALALI:
        if _JALALI_MIN <= ordinal <= _JALALI_MAX:
            return _solar_from_ordinal(ordinal)
    elif 1 <= ordinal <= _ORDINAL_MAX:
        d = _fromordinal(ordinal)
        return d.year, d.month, d.day
    if calendar is _GREGORIAN:
        raise DateError(f"day number {ordinal} is outside the Gregorian range 0001-01-01 .. 9999-12-31")
    day = _fromordinal(ordinal).isoformat() if 1 <= ordinal <= _ORDINAL_MAX else f"day number {ordinal}"
    raise DateError(
        f"{day} (Gregorian) cannot be written in the {_NAMES[calendar]} calendar: "
        f"outside its supported range {_range_text(calendar)}"
    )


def _coerce_int(value: object, name: str) -> int:
    if type(value) is int:
        return value
    if isinstance(value, bool) or not hasattr(value, "__index__"):
        raise TypeError(f"{name} must be an integer, not {type(value).__name__}")
    return int(value.__index__())


@attrs.frozen(init=False)
class CalendarDate:
    """A day written in one of the three calendars, checked when made.

    Attributes:
        calendar: The calendar (a :class:`Calendar` or its string).
        year: The year in that calendar.
        month: The month, 1 to 12.
        day: The day of the month, 1 to the month's length in the tables.

    Raises:
        DateError: The date does not exist in its calendar (30 Esfand in a
            common year, day 30 of a 29-day Hijri month, month 13, year 0) or
            lies outside every supported range.
        TypeError: A part is not an integer.

    Example:
        >>> CalendarDate("jalali", 1402, 9, 8).to_gregorian()
        datetime.date(2023, 11, 29)
    """

    calendar: Calendar
    year: int
    month: int
    day: int
    _ordinal: int = attrs.field(init=False, repr=False, eq=False, hash=False, order=False)

    def __init__(self, calendar: Calendar | str, year: int, month: int, day: int) -> None:
        """Make the date, reading ``calendar`` from its string and validating the day."""
        if calendar.__class__ is str:
            cal = _ALIASES.get(calendar) or as_calendar(calendar)
        else:
            cal = calendar if calendar.__class__ is Calendar else as_calendar(calendar)
        if type(year) is not int or type(month) is not int or type(day) is not int:
            year, month, day = _coerce_int(year, "year"), _coerce_int(month, "month"), _coerce_int(day, "day")
        ordinal = _validate(cal, year, month, day)
        _set_calendar(self, cal)
        _set_year(self, year)
        _set_month(self, month)
        _set_day(self, day)
        _set_ordinal(self, ordinal)

    # ------------------------------------------------------------ constructors
    @classmethod
    def from_gregorian(cls, date: dt.date, calendar: Calendar | str) -> CalendarDate:
        """The day ``date`` written in ``calendar``.

        Args:
            date: A :class:`datetime.date` (a ``datetime`` counts as its date).
            calendar: The calendar to write it in.

        Returns:
            The calendar date.

        Raises:
            DateError: ``calendar`` does not reach that day.
            TypeError: ``date`` is not a date.
        """
        if not isinstance(date, dt.date):
            raise TypeError(f"date must be a datetime.date, not {type(date).__name__}")
        return convert(date, calendar)

    @classmethod
    def fromordinal(cls, ordinal: int, calendar: Calendar | str) -> CalendarDate:
        """The day with proleptic Gregorian ordinal ``ordinal`` written in ``calendar``.

        Args:
            ordinal: A day number as :meth:`datetime.date.toordinal` gives it.
            calendar: The calendar to write it in.

        Returns:
            The calendar date.

        Raises:
            DateError: ``calendar`` does not reach that day.
        """
        ordinal = _coerce_int(ordinal, "ordinal")
        return _day_in(calendar if calendar.__class__ is Calendar else as_calendar(calendar), ordinal)

    # ------------------------------------------------------------ conversion
    def toordinal(self) -> int:
        """The proleptic Gregorian ordinal of this day (``datetime.date.toordinal``)."""
        return self._ordinal

    def to_gregorian(self) -> dt.date:
        """This day as a :class:`datetime.date`."""
        return _fromordinal(self._ordinal)

    def to(self, calendar: Calendar | str) -> CalendarDate:
        """This day written in ``calendar``.

        Args:
            calendar: The target calendar or its string.

        Returns:
            The same day in ``calendar`` (``self`` when it already is).

        Raises:
            DateError: ``calendar`` does not reach this day.
        """
        cal = calendar if calendar.__class__ is Calendar else as_calendar(calendar)
        if cal is self.calendar:
            return self
        return _day_in(cal, self._ordinal)

    # ------------------------------------------------------------ properties
    @property
    def weekday(self) -> int:
        """Day of the week, 0 = Monday .. 6 = Sunday (like :meth:`datetime.date.weekday`)."""
        return (self._ordinal + 6) % 7

    @property
    def approximate(self) -> bool:
        """True for a Hijri date outside the Umm al-Qura range (tabular calendar)."""
        return self.calendar is _HIJRI and not _UQ_FIRST <= self._ordinal <= _UQ_LAST

    @property
    def month_length(self) -> int:
        """Days in this date's month, from the tables."""
        return month_length(self.calendar, self.year, self.month)

    def isoformat(self) -> str:
        """``YYYY-MM-DD`` in this date's own calendar (e.g. ``"1402-09-08"``)."""
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def format(
        self,
        lang: str = "en",
        digits: str | None = None,
        era: bool = False,
        *,
        style: str = "msa",
        weekday: bool = False,
    ) -> str:
        """Write the date as ``day month-name year`` in a language.

        Args:
            lang: ``"fa"``, ``"ar"`` or ``"en"``.
            digits: ``"latin"`` (0-9), ``"arabic"`` (٠-٩) or ``"persian"`` (۰-۹);
                ``None`` picks the language's own (Persian for ``"fa"``,
                Arabic-Indic for ``"ar"``, Latin for ``"en"``).
            era: Append the era marker (``هـ``, ``م``, ``ه.ش`` …).
            style: Gregorian month names in Arabic: ``"msa"`` (يناير …, Egypt
                and the Gulf) or ``"levantine"`` (كانون الثاني …).
            weekday: Put the weekday name first.

        Returns:
            The formatted date, e.g. ``«۸ آذر ۱۴۰۲»`` for 1402-09-08 jalali with
            ``lang="fa", digits="persian"``.

        Raises:
            DateError: An unknown ``lang``, ``digits`` or ``style``.
        """
        return format_date(
            str(self.calendar), self.year, self.month, self.day,
            lang=lang, digits=digits, era=era, style=style, weekday=self.weekday if weekday else None,
        )  # fmt: skip


_new = object.__new__
_set_calendar = CalendarDate.__dict__["calendar"].__set__
_set_year = CalendarDate.__dict__["year"].__set__
_set_month = CalendarDate.__dict__["month"].__set__
_set_day = CalendarDate.__dict__["day"].__set__
_set_ordinal = CalendarDate.__dict__["_ordinal"].__set__


def _make(calendar: Calendar, year: int, month: int, day: int, ordinal: int) -> CalendarDate:
    """Build a date already known to be valid, skipping validation (slot setters, no checks)."""
    cd: CalendarDate = _new(CalendarDate)
    _set_calendar(cd, calendar)
    _set_year(cd, year)
    _set_month(cd, month)
    _set_day(cd, day)
    _set_ordinal(cd, ordinal)
    return cd


def convert(value: dt.date | CalendarDate, to: Calendar | str) -> CalendarDate:
    """Write a day in another calendar.

    Args:
        value: A :class:`datetime.date` (Gregorian) or a :class:`CalendarDate`.
        to: The target calendar or its string (``convert(d, "jalali")``).

    Returns:
        The day in ``to``.

    Raises:
        DateError: ``to`` does not reach that day, or names no calendar.
        TypeError: ``value`` is neither a date nor a :class:`CalendarDate`.

    Example:
        >>> convert(datetime.date(2023, 11, 29), "jalali").format("fa", "persian")
        '۸ آذر ۱۴۰۲'
    """
    if to.__class__ is str:
        cal = _ALIASES.get(to) or as_calendar(to)
    else:
        cal = to if to.__class__ is Calendar else as_calendar(to)
    if value.__class__ is _date or isinstance(value, _date):
        ordinal = value.toordinal()
    elif isinstance(value, CalendarDate):
        if value.calendar is cal:
            return value
        ordinal = value._ordinal
    else:
        raise TypeError(f"value must be a datetime.date or CalendarDate, not {type(value).__name__}")
    return _day_in(cal, ordinal)


def _day_in(cal: Calendar, ordinal: int) -> CalendarDate:
    """The day ``ordinal`` as a :class:`CalendarDate` of ``cal`` (raise when ``cal`` does not reach it)."""
    if cal is _HIJRI and _UQ_FIRST <= ordinal <= _UQ_LAST:
        # The common case inline: a day inside the Umm al-Qura table.
        i = _bisect_right(_UQ_MONTH_STARTS, ordinal) - 1
        year, month = divmod(i, 12)
        year += 1343
        month += 1
        day = ordinal - _UQ_MONTH_STARTS[i] + 1
    elif cal is _GREGORIAN and 0 < ordinal <= _ORDINAL_MAX:
        d = _fromordinal(ordinal)
        year, month, day = d.year, d.month, d.day
    else:
        year, month, day = _from_ordinal(cal, ordinal)
    cd: CalendarDate = _new(CalendarDate)
    _set_calendar(cd, cal)
    _set_year(cd, year)
    _set_month(cd, month)
    _set_day(cd, day)
    _set_ordinal(cd, ordinal)
    return cd


def month_length(calendar: Calendar | str, year: int, month: int) -> int:
    """Days in a month, read from the calendar's tables (28 to 31 for Umm al-Qura).

    Args:
        calendar: The calendar or its string.
        year: The year in that calendar.
        month: The month, 1 to 12.

    Returns:
        The number of days.

    Raises:
        DateError: The month is outside the calendar's supported range.
    """
    cal = as_calendar(calendar)
    year, month, _ = _check_ints(year, month, 1)
    _validate(cal, year, month, 1)
    if cal is _GREGORIAN:
        return _gregorian_length(year, month)
    starts = _HIJRI_STARTS if cal is _HIJRI else _JALALI_STARTS
    i = (year - 1) * 12 + month - 1
    return min(starts[i + 1], _ORDINAL_MAX + 1) - starts[i]


def year_length(calendar: Calendar | str, year: int) -> int:
    """Days in a year, read from the calendar's tables.

    Args:
        calendar: The calendar or its string.
        year: The year in that calendar.

    Returns:
        The number of days: 365 or 366 (Gregorian, Solar Hijri), 354 or 355
        (tabular Hijri), 353 to 356 (Umm al-Qura).

    Raises:
        DateError: The year is outside the calendar's supported range.
    """
    cal = as_calendar(calendar)
    year, _, _ = _check_ints(year, 1, 1)
    _validate(cal, year, 1, 1)
    if cal is _GREGORIAN:
        return 366 if _gregorian_length(year, 2) == 29 else 365
    starts = _HIJRI_STARTS if cal is _HIJRI else _JALALI_STARTS
    i = (year - 1) * 12
    return min(starts[i + 12], _ORDINAL_MAX + 1) - starts[i]


def is_leap_year(calendar: Calendar | str, year: int) -> bool:
    """Whether ``year`` is longer than the calendar's common year.

    Args:
        calendar: The calendar or its string.
        year: The year in that calendar.

    Returns:
        True for a 366-day Gregorian or Solar Hijri year, and for a Hijri year
        longer than 354 days (Umm al-Qura has years of 353 to 356 days).

    Raises:
        DateError: The year is outside the calendar's supported range.
    """
    cal = as_calendar(calendar)
    return year_length(cal, year) > (354 if cal is _HIJRI else 365)


def supported_range(calendar: Calendar | str) -> tuple[CalendarDate, CalendarDate]:
    """The first and last day ``calendar`` can express here.

    Args:
        calendar: The calendar or its string.

    Returns:
        ``(first, last)`` as calendar dates; the last is 9999-12-31 Gregorian
        for the Gregorian and Hijri calendars, 9377-12-30 SH for Solar Hijri.
    """
    cal = as_calendar(calendar)
    first, last = _MIN_ORDINAL[cal], _MAX_ORDINAL[cal]
    return _make(cal, *_from_ordinal(cal, first), first), _make(cal, *_from_ordinal(cal, last), last)


# ---------------------------------------------------------------- Iranian lunar dates
def hijri_candidates(
    value: CalendarDate | tuple[int, int, int],
    *,
    iranian: bool = True,
    tolerance: tuple[int, int] | None = None,
) -> tuple[dt.date, ...]:
    """The Gregorian days a printed lunar Hijri date may denote.

    Umm al-Qura fixes one day; a date printed by an Iranian outlet follows
    Iran's own month starts, which lie from one day before to two days after
    Umm al-Qura's (``IRAN_HIJRI_TOLERANCE``).

    Args:
        value: A Hijri :class:`CalendarDate`, or ``(year, month, day)``; the
            tuple form admits any day up to 30, even past the end of a month
            Umm al-Qura makes shorter (Iran's month may have 30 days where Umm
            al-Qura has 29, or 29 where it has 28), counted on from the month's
            Umm al-Qura start.
        iranian: Apply ``IRAN_HIJRI_TOLERANCE``.
        tolerance: ``(before, after)`` offsets in days, overriding ``iranian``.

    Returns:
        The candidate days, earliest first (one day when no tolerance applies).
        A non-Hijri :class:`CalendarDate` gives its own day only.

    Raises:
        DateError: The date is invalid or outside the supported range.
    """
    if isinstance(value, CalendarDate):
        if value.calendar is not _HIJRI:
            return (value.to_gregorian(),)
        ordinal = value._ordinal
    else:
        year, month, day = _check_ints(*value)
        if 1 <= day <= 30:
            ordinal = _validate(_HIJRI, year, month, 1) + day - 1
        else:
            ordinal = _validate(_HIJRI, year, month, day)
    lo, hi = tolerance if tolerance is not None else IRAN_HIJRI_TOLERANCE if iranian else (0, 0)
    return tuple(_fromordinal(o) for o in range(ordinal + lo, ordinal + hi + 1) if 1 <= o <= _ORDINAL_MAX)


def hijri_agrees(
    value: CalendarDate | tuple[int, int, int],
    gregorian_day: dt.date,
    *,
    iranian: bool = False,
    tolerance: tuple[int, int] | None = None,
) -> bool:
    """Whether a printed Hijri date and a Gregorian day can name the same day.

    Args:
        value: A Hijri :class:`CalendarDate` or ``(year, month, day)`` (see
            :func:`hijri_candidates`).
        gregorian_day: The Gregorian day printed beside it.
        iranian: The date was printed by an Iranian outlet (Persian text):
            allow ``IRAN_HIJRI_TOLERANCE``.
        tolerance: ``(before, after)`` offsets in days, overriding ``iranian``.

    Returns:
        True when ``gregorian_day`` is among :func:`hijri_candidates`.
    """
    return gregorian_day in hijri_candidates(value, iranian=iranian, tolerance=tolerance)


# ---------------------------------------------------------------- bulk
def _is_ndarray(values: object) -> bool:
    return type(values).__name__ == "ndarray" and type(values).__module__ == "numpy"


def _numpy() -> Any:
    return importlib.import_module("numpy")


def _ordinals(values: Iterable[dt.date | CalendarDate]) -> list[int]:
    if not isinstance(values, list | tuple):
        values = list(values)
    try:
        return list(map(_date_toordinal, values))  # C-level loop over plain dates
    except TypeError:
        pass
    try:
        return [v.toordinal() for v in values]
    except AttributeError:
        for v in values:
            if not isinstance(v, dt.date | CalendarDate):
                raise TypeError(
                    f"values must be datetime.date or CalendarDate items, not {type(v).__name__}"
                ) from None
        raise  # pragma: no cover


def _columns_from_ordinals(cal: Calendar, ordinals: list[int]) -> tuple[list[int], list[int], list[int]]:
    if not ordinals:
        return [], [], []
    lo, hi = min(ordinals), max(ordinals)
    _from_ordinal(cal, lo)  # raise for a day outside the calendar
    _from_ordinal(cal, hi)
    window = _t.day_window(str(cal), lo, hi)
    if window is None:
        years: list[int] = []
        months: list[int] = []
        days: list[int] = []
        for o in ordinals:
            y, m, d = _from_ordinal(cal, o)
            years.append(y)
            months.append(m)
            days.append(d)
        return years, months, days
    base, wy, wm, wd = window
    idx = list(map(base.__rsub__, ordinals))  # o - base, in C
    return list(map(wy.__getitem__, idx)), list(map(wm.__getitem__, idx)), list(map(wd.__getitem__, idx))


def to_calendar_columns(values: Any, to: Calendar | str) -> tuple[Any, Any, Any]:
    """Convert a column of days into year, month and day columns of ``to``.

    Built for speed: each day becomes a day number, then a lookup in a cached
    per-day table (pure Python) or a binary search in the month-start table
    (numpy, vectorised).

    Args:
        values: A sequence of :class:`datetime.date` / :class:`CalendarDate`,
            or a numpy ``datetime64`` array.
        to: The target calendar or its string.

    Returns:
        ``(years, months, days)``: three lists, or three ``int64`` numpy arrays
        when ``values`` is a ``datetime64`` numpy array (an object array of
        dates takes the list path and gives lists).

    Raises:
        DateError: A day lies outside what ``to`` can express, or a
            ``datetime64`` value is NaT.
        TypeError: An item is not a date.
    """
    cal = as_calendar(to)
    if _is_ndarray(values):
        return _numpy_to_columns(cal, values)
    return _columns_from_ordinals(cal, _ordinals(values))


def _numpy_to_columns(cal: Calendar, values: Any) -> tuple[Any, Any, Any]:
    np = _numpy()
    if values.dtype.kind == "O":  # an object array of dates: the list path
        return _columns_from_ordinals(cal, _ordinals(values.ravel().tolist()))
    if values.dtype.kind != "M":
        raise TypeError(f"a numpy array of dates must have a datetime64 dtype, not {values.dtype}")
    missing = np.isnat(values)
    if missing.any():
        raise DateError(f"row {int(np.argmax(missing.ravel()))} is NaT (not a time), not a date")
    ordinals = values.astype("datetime64[D]").astype(np.int64) + 719163
    if ordinals.size == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty.copy(), empty.copy()
    _from_ordinal(cal, int(ordinals.min()))
    _from_ordinal(cal, int(ordinals.max()))
    starts = _t.numpy_month_starts(str(cal))
    i = np.searchsorted(starts, ordinals, side="right") - 1
    return i // 12 + 1, i % 12 + 1, ordinals - starts[i] + 1


def from_calendar_columns(calendar: Calendar | str, years: Any, months: Any, days: Any) -> Any:
    """Convert year, month and day columns of ``calendar`` into Gregorian days.

    Args:
        calendar: The calendar the columns are written in.
        years: Years (a sequence of ints or a numpy integer array).
        months: Months, 1 to 12.
        days: Days of the month.

    Returns:
        A list of :class:`datetime.date`, or a numpy ``datetime64[D]`` array
        when the columns are numpy arrays.

    Raises:
        DateError: A row is not a valid date (the message names its index).
        TypeError: The columns differ in length or hold non-integers.
    """
    cal = as_calendar(calendar)
    if _is_ndarray(years) or _is_ndarray(months) or _is_ndarray(days):
        return _numpy_from_columns(cal, years, months, days)
    if not len(years) == len(months) == len(days):
        raise TypeError("years, months and days must have the same length")
    if cal is _GREGORIAN:
        try:
            return list(map(_date, years, months, days))
        except (ValueError, TypeError, OverflowError):
            pass
        out: list[dt.date] = []
        for n, (y, m, d) in enumerate(zip(years, months, days, strict=True)):
            try:
                out.append(dt.date(y, m, d))
            except (ValueError, TypeError, OverflowError):
                _row_error(cal, n, y, m, d)
        return out
    starts = _HIJRI_STARTS if cal is _HIJRI else _JALALI_STARTS
    last_year = _LAST_YEAR[cal]
    try:
        # Fast path: range checks by min/max, day checks against the next month's start, all in C loops.
        if (
            years
            and min(years) > 0
            and max(years) <= last_year
            and min(months) > 0
            and max(months) < 13
            and min(days) > 0
        ):
            idx = [y * 12 + m - 13 for y, m in zip(years, months, strict=True)]
            ordinals = list(map(_add, map(starts.__getitem__, idx), map(_minus_one, days)))
            ends = map(starts.__getitem__, map(_plus_one, idx))
            if all(map(_lt, ordinals, ends)) and max(ordinals) <= _ORDINAL_MAX:
                return list(map(_fromordinal, ordinals))
    except (TypeError, ValueError, OverflowError):
        pass
    # Slow path: find the first bad row and say what is wrong with it.
    result: list[dt.date] = []
    append = result.append
    for n, (y, m, d) in enumerate(zip(years, months, days, strict=True)):
        try:
            if 0 < y <= last_year and 0 < m < 13:
                i = y * 12 + m - 13
                o = starts[i] + d - 1
                if d > 0 and o < starts[i + 1]:
                    append(_fromordinal(o))
                    continue
        except (TypeError, ValueError, OverflowError):
            pass
        _row_error(cal, n, y, m, d)
    return result


def _row_error(cal: Calendar, n: int, y: object, m: object, d: object) -> None:
    try:
        year, month, day = _check_ints(y, m, d)
    except TypeError as exc:
        raise TypeError(f"row {n}: {exc}") from None
    try:
        _validate(cal, year, month, day)
    except DateError as exc:
        raise DateError(f"row {n}: {exc}") from None
    raise DateError(f"row {n}: invalid {_NAMES[cal]} date {y}-{m}-{d}")  # pragma: no cover


def _numpy_from_columns(cal: Calendar, years: Any, months: Any, days: Any) -> Any:
    np = _numpy()
    y = np.asarray(years)
    m = np.asarray(months)
    d = np.asarray(days)
    if not y.shape == m.shape == d.shape:
        raise TypeError("years, months and days must have the same shape")
    for name, col in (("years", y), ("months", m), ("days", d)):
        if col.size and col.dtype.kind not in "iu":
            raise TypeError(f"{name} must hold integers, not {col.dtype}")
    y = y.astype(np.int64)
    m = m.astype(np.int64)
    d = d.astype(np.int64)
    if y.size == 0:
        return np.zeros(0, dtype="datetime64[D]")
    starts = _t.numpy_month_starts(str(cal))
    ok = (y >= 1) & (y <= _LAST_YEAR[cal]) & (m >= 1) & (m <= 12) & (d >= 1)
    i = np.where(ok, (y - 1) * 12 + m - 1, 0)
    ordinals = starts[i] + d - 1
    ok &= ordinals < np.minimum(starts[i + 1], _ORDINAL_MAX + 1)
    if not ok.all():
        n = int(np.argmin(ok))
        _row_error(cal, n, int(y[n]), int(m[n]), int(d[n]))
    return (ordinals - 719163).astype("datetime64[D]")


def convert_many(values: Iterable[dt.date | CalendarDate], to: Calendar | str) -> list[CalendarDate]:
    """Convert many days at once (the bulk form of :func:`convert`).

    Args:
        values: Dates and/or calendar dates, or a numpy ``datetime64`` array.
        to: The target calendar or its string.

    Returns:
        One :class:`CalendarDate` in ``to`` per value, in order.

    Raises:
        DateError: A day lies outside what ``to`` can express (or is NaT).
        TypeError: An item is not a date.
    """
    cal = as_calendar(to)
    if _is_ndarray(values) and values.dtype.kind == "M":  # type: ignore[attr-defined]
        flat = values.ravel()  # type: ignore[attr-defined]
        cols = _numpy_to_columns(cal, flat)
        ordinals = (flat.astype("datetime64[D]").astype("int64") + 719163).tolist()
        years, months, days = (c.tolist() for c in cols)
    else:
        ordinals = _ordinals(values)
        years, months, days = _columns_from_ordinals(cal, ordinals)
    return [_make(cal, y, m, d, o) for y, m, d, o in zip(years, months, days, ordinals, strict=True)]
