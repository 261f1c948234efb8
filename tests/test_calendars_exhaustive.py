"""Every day, not a sample: Umm al-Qura against hijridate, Solar Hijri 1300-1500 against jdatetime.

Each day of the full Umm al-Qura range (1343-01-01 .. 1500-12-30 AH) and of
Solar Hijri 1300-1500 is converted both ways, through the object API and the
bulk columns, back to itself, and compared with the libraries' own answers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import hijridate
import jdatetime
import pytest

import mideastnews as mn
from mideastnews.dates import (
    CalendarDate,
    _tables,
    convert,
    from_calendar_columns,
    month_length,
    to_calendar_columns,
    year_length,
)

pytestmark = pytest.mark.slow

UQ_FIRST = dt.date(1924, 8, 1)
UQ_LAST = dt.date(2077, 11, 16)


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    start = first.toordinal()
    return [dt.date.fromordinal(o) for o in range(start, last.toordinal() + 1)]


def _calendar_days(calendar: str, first_year: int, last_year: int) -> list[tuple[int, int, int]]:
    """Every (year, month, day) of the years, from our tables' month lengths."""
    return [
        (y, m, d)
        for y in range(first_year, last_year + 1)
        for m in range(1, 13)
        for d in range(1, month_length(calendar, y, m) + 1)
    ]


def test_umm_al_qura_every_day_both_ways() -> None:
    gregorian = _days(UQ_FIRST, UQ_LAST)
    hijri = _calendar_days("hijri", 1343, 1500)
    assert len(hijri) == len(gregorian) == 55_991  # 1924-08-01 .. 2077-11-16 inclusive
    # Gregorian -> Hijri: the library, our object API, our bulk columns.
    expected = [hijridate.Gregorian(d.year, d.month, d.day).to_hijri().datetuple() for d in gregorian]
    assert expected == hijri
    ours = [convert(d, "hijri") for d in gregorian]
    assert [(c.year, c.month, c.day) for c in ours] == hijri
    assert not any(c.approximate for c in ours)
    years, months, days = to_calendar_columns(gregorian, "hijri")
    assert list(zip(years, months, days, strict=True)) == hijri
    # Hijri -> Gregorian: the library, our object API, our bulk columns, and back to itself.
    library = [hijridate.Hijri(y, m, d).to_gregorian() for y, m, d in hijri]
    assert library == gregorian
    back = [CalendarDate("hijri", y, m, d).to_gregorian() for y, m, d in hijri]
    assert back == gregorian
    assert from_calendar_columns("hijri", years, months, days) == gregorian
    assert [c.to("gregorian").to("hijri") for c in ours] == ours
    assert [c.weekday for c in ours] == [d.weekday() for d in gregorian]


def _accepts(error: type[Exception], make: Callable[..., object], *args: object) -> bool:
    """Whether ``make(*args)`` accepts the date: ``error`` is how it refuses one."""
    try:
        make(*args)
    except error:
        return False
    return True


def test_umm_al_qura_validity_matches_hijridate() -> None:
    """Days 28-31 of every month: we accept exactly what hijridate accepts."""
    for y in range(1343, 1501):
        assert year_length("hijri", y) == hijridate.Hijri(y, 1, 1).year_length()
        for m in range(1, 13):
            for d in (28, 29, 30, 31):
                assert (_accepts(mn.DateError, CalendarDate, "hijri", y, m, d)
                        == _accepts(ValueError, hijridate.Hijri, y, m, d)), (y, m, d)


def test_solar_hijri_1300_1500_every_day_both_ways() -> None:
    jalali = _calendar_days("jalali", 1300, 1500)
    first = jdatetime.date(1300, 1, 1).togregorian()
    last = jdatetime.date(1500, 12, month_length("jalali", 1500, 12)).togregorian()
    gregorian = _days(first, last)
    assert len(jalali) == len(gregorian) == sum(year_length("jalali", y) for y in range(1300, 1501))
    expected = [jdatetime.date.fromgregorian(date=d) for d in gregorian]
    assert [(j.year, j.month, j.day) for j in expected] == jalali
    ours = [convert(d, "jalali") for d in gregorian]
    assert [(c.year, c.month, c.day) for c in ours] == jalali
    years, months, days = to_calendar_columns(gregorian, "jalali")
    assert list(zip(years, months, days, strict=True)) == jalali
    library = [jdatetime.date(y, m, d).togregorian() for y, m, d in jalali]
    assert library == gregorian
    assert [CalendarDate("jalali", y, m, d).to_gregorian() for y, m, d in jalali] == gregorian
    assert from_calendar_columns("jalali", years, months, days) == gregorian
    assert [c.to("hijri").to("jalali") for c in ours] == ours


def test_solar_hijri_validity_and_year_starts_match_jdatetime() -> None:
    for y in range(1300, 1501):
        assert (year_length("jalali", y) == 366) == jdatetime.date(y, 1, 1).isleap()
        for m in range(1, 13):
            for d in (29, 30, 31, 32):
                assert (_accepts(mn.DateError, CalendarDate, "jalali", y, m, d)
                        == _accepts(ValueError, jdatetime.date, y, m, d)), (y, m, d)
    # The first day of every year jdatetime supports, 1 .. 9377 SH.
    for y in range(1, _tables.JALALI_LAST_YEAR + 1):
        assert CalendarDate("jalali", y, 1, 1).to_gregorian() == jdatetime.date(y, 1, 1).togregorian(), y


def test_tabular_table_matches_the_arithmetic_formula() -> None:
    """Outside Umm al-Qura the table is the civil tabular calendar (bar the two junction months)."""

    def tabular(y: int, m: int) -> int:
        return _tables.HIJRI_EPOCH - 1 + (y - 1) * 354 + (3 + 11 * y) // 30 + 29 * (m - 1) + m // 2 + 1

    starts = _tables.HIJRI_STARTS
    for i in range(len(starts) - 1):
        y, m = divmod(i, 12)
        if not _tables.UMM_AL_QURA_FIRST_INDEX <= i <= _tables.UMM_AL_QURA_LAST_INDEX:
            assert starts[i] == tabular(y + 1, m + 1), (y + 1, m + 1)
    assert starts[-1] == tabular(_tables.HIJRI_LAST_YEAR + 1, 1)
