"""CalendarDate, convert, validation, formatting and the bulk forms."""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import json
import pickle
import re
from pathlib import Path

import attrs
import hijridate
import jdatetime
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mideastnews as mn
from mideastnews import dates
from mideastnews.dates import (
    Calendar,
    CalendarDate,
    convert,
    convert_many,
    from_calendar_columns,
    hijri_agrees,
    hijri_candidates,
    month_length,
    supported_range,
    to_calendar_columns,
    year_length,
)
from mideastnews.dates import format as fmt

# ---------------------------------------------------------------- known days
KNOWN = [
    # (gregorian, hijri (Umm al-Qura), jalali)
    (dt.date(2023, 11, 29), (1445, 5, 15), (1402, 9, 8)),
    (dt.date(1979, 2, 11), (1399, 3, 14), (1357, 11, 22)),
    (dt.date(2024, 3, 20), (1445, 9, 10), (1403, 1, 1)),
    (dt.date(1924, 8, 1), (1343, 1, 1), (1303, 5, 10)),
    (dt.date(2077, 11, 16), (1500, 12, 30), (1456, 8, 26)),
]


@pytest.mark.parametrize(("greg", "hijri", "jalali"), KNOWN)
def test_known_days(greg: dt.date, hijri: tuple[int, int, int], jalali: tuple[int, int, int]) -> None:
    h = CalendarDate("hijri", *hijri)
    j = CalendarDate("jalali", *jalali)
    assert h.to_gregorian() == greg == j.to_gregorian()
    assert convert(greg, "hijri") == h
    assert convert(greg, Calendar.JALALI) == j
    assert h.to("jalali") == j
    assert j.to("hijri") == h
    assert CalendarDate.from_gregorian(greg, "gregorian") == CalendarDate(
        "gregorian", greg.year, greg.month, greg.day
    )
    assert h.weekday == j.weekday == greg.weekday()
    assert not h.approximate


def test_calendar_strings_everywhere() -> None:
    assert CalendarDate("jalali", 1402, 9, 8).calendar is Calendar.JALALI
    assert CalendarDate(" Solar Hijri ", 1402, 9, 8).calendar is Calendar.JALALI
    assert CalendarDate("HIJRI", 1445, 5, 15).calendar is Calendar.HIJRI
    assert convert(dt.date(2023, 11, 29), "jalali").isoformat() == "1402-09-08"
    assert month_length("jalali", 1402, 12) == 29
    with pytest.raises(mn.DateError, match="unknown calendar 'julian'"):
        convert(dt.date(2023, 1, 1), "julian")
    with pytest.raises(TypeError):
        convert(dt.date(2023, 1, 1), 3)  # type: ignore[arg-type]


def test_to_same_calendar_and_datetime_input() -> None:
    cd = CalendarDate("hijri", 1445, 5, 15)
    assert cd.to("hijri") is cd
    assert convert(dt.datetime(2023, 11, 29, 23, 59), "jalali") == CalendarDate("jalali", 1402, 9, 8)


def test_pickle_copy_and_evolve_keep_the_day() -> None:
    cd = CalendarDate("jalali", 1402, 9, 8)
    back = pickle.loads(pickle.dumps(cd))
    assert back == cd
    assert back.to_gregorian() == dt.date(2023, 11, 29)
    assert copy.deepcopy(cd).toordinal() == cd.toordinal()
    assert attrs.evolve(cd, day=9).to_gregorian() == dt.date(2023, 11, 30)
    with pytest.raises(mn.DateError, match="Esfand 1402 has 29 days"):
        attrs.evolve(cd, month=12, day=30)


def test_frozen_hashable_equal() -> None:
    a = CalendarDate("jalali", 1402, 9, 8)
    b = convert(dt.date(2023, 11, 29), "jalali")
    assert a == b
    assert hash(a) == hash(b)
    assert len({a, b}) == 1
    with pytest.raises(AttributeError):
        a.day = 9  # type: ignore[misc]
    assert CalendarDate("jalali", 1402, 9, 8) != CalendarDate("hijri", 1445, 5, 15)


# ---------------------------------------------------------------- validation
INVALID = [
    (
        ("jalali", 1402, 12, 30),
        r"Solar Hijri \(jalali\) date 1402-12-30: Esfand 1402 has 29 days \(1402 is a common",
    ),
    (("jalali", 1403, 12, 31), r"1403-12-31: Esfand 1403 has 30 days \(1403 is a leap year\)"),
    (("hijri", 1445, 1, 30), r"Hijri date 1445-01-30: Muharram 1445 has 29 days in the Umm al-Qura calendar"),
    (("hijri", 1343, 7, 31), r"Hijri date 1343-07-31: Rajab 1343 has 30 days"),
    (("hijri", 1342, 12, 29), r"Dhu al-Hijjah 1342 has 28 days in the tabular Islamic calendar"),
    (("hijri", 1200, 2, 30), r"Safar 1200 has 29 days in the tabular"),
    (
        ("gregorian", 2023, 2, 29),
        r"Gregorian date 2023-02-29: February 2023 has 28 days \(2023 is not a leap",
    ),
    (("gregorian", 2023, 13, 1), r"Gregorian date 2023-13-01: month 13 does not exist"),
    (("hijri", 1445, 13, 1), r"Hijri date 1445-13-01: month 13 does not exist"),
    (("jalali", 1402, 0, 1), r"month 0 does not exist"),
    (("jalali", 1402, 1, 0), r"1402-01-00: day 0 does not exist"),
    (("jalali", 0, 1, 1), r"year 0 does not exist \(the Solar Hijri \(jalali\) calendar has no year 0"),
    (("hijri", 0, 1, 1), r"Hijri date 0000-01-01: year 0 does not exist"),
    (("gregorian", 0, 1, 1), r"Gregorian date 0000-01-01: year 0 does not exist"),
    (("hijri", -5, 1, 1), r"year -5 is before the start of the Hijri calendar"),
    (("gregorian", 10000, 1, 1), r"year 10000 is outside the supported range 0001-01-01 CE .. 9999-12-31 CE"),
    (("jalali", 9378, 1, 1), r"year 9378 is outside the supported range 0001-01-01 SH .. 9377-12-30 SH"),
    (("hijri", 9667, 1, 1), r"year 9667 is outside the supported range 0001-01-01 AH .. 9666-04-02 AH"),
    (("hijri", 9666, 5, 1), r"falls after 9999-12-31, outside the supported range"),
]


@pytest.mark.parametrize(("args", "message"), INVALID)
def test_invalid_dates_raise_date_error(args: tuple[str, int, int, int], message: str) -> None:
    with pytest.raises(mn.DateError, match=message):
        CalendarDate(*args)


def test_conversion_outside_target_range() -> None:
    with pytest.raises(
        mn.DateError, match=r"0500-01-01 \(Gregorian\) cannot be written in the Hijri calendar"
    ):
        convert(dt.date(500, 1, 1), "hijri")
    with pytest.raises(mn.DateError, match="cannot be written in the Solar Hijri"):
        CalendarDate("gregorian", 622, 3, 20).to("jalali")
    assert convert(dt.date(622, 3, 21), "jalali") == CalendarDate("jalali", 1, 1, 1)
    assert convert(dt.date(622, 7, 19), "hijri") == CalendarDate("hijri", 1, 1, 1)
    with pytest.raises(mn.DateError, match="Solar Hijri"):
        convert(dt.date(9999, 12, 31), "jalali")


def test_wrong_types() -> None:
    with pytest.raises(TypeError, match="year must be an integer"):
        CalendarDate("jalali", "1402", 9, 8)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="day must be an integer"):
        CalendarDate("jalali", 1402, 9, 8.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="month must be an integer"):
        CalendarDate("jalali", 1402, True, 8)
    with pytest.raises(TypeError):
        convert("2023-11-29", "hijri")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        CalendarDate.from_gregorian("2023-11-29", "hijri")  # type: ignore[arg-type]


def test_index_ints_are_coerced() -> None:
    np = pytest.importorskip("numpy")
    cd = CalendarDate("jalali", np.int64(1402), np.int32(9), np.int16(8))
    assert type(cd.year) is int
    assert cd == CalendarDate("jalali", 1402, 9, 8)


def test_dependency_errors_are_not_ours_to_leak() -> None:
    # hijridate raises OverflowError and jdatetime ValueError for these; we raise DateError.
    with pytest.raises(OverflowError):
        hijridate.Hijri(1501, 1, 1)
    with pytest.raises(ValueError, match="day is out of range"):
        jdatetime.date(1402, 12, 30)
    assert CalendarDate("hijri", 1501, 1, 1).approximate
    with pytest.raises(mn.DateError):
        CalendarDate("jalali", 1402, 12, 30)


# ---------------------------------------------------------------- tables
def test_month_and_year_lengths_come_from_the_tables() -> None:
    seen = {month_length("hijri", y, m) for y in range(1343, 1501) for m in range(1, 13)}
    assert seen == {28, 29, 30, 31}
    for y in range(1343, 1501):
        h = hijridate.Hijri(y, 1, 1)
        assert year_length("hijri", y) == h.year_length()
        for m in range(1, 13):
            assert month_length("hijri", y, m) == hijridate.Hijri(y, m, 1).month_length()
    assert year_length("jalali", 1403) == 366
    assert year_length("jalali", 1402) == 365
    assert year_length("gregorian", 2024) == 366
    assert month_length("gregorian", 1900, 2) == 28
    assert month_length("hijri", 1342, 12) == 28
    assert {year_length("hijri", y) for y in range(1, 1342)} == {354, 355}
    assert dates.is_leap_year("jalali", 1403)
    assert not dates.is_leap_year("gregorian", 1900)
    uq_years = {year_length("hijri", y) for y in range(1343, 1501)}
    assert uq_years == {353, 354, 355, 356}
    assert [dates.is_leap_year("hijri", y) for y in range(1343, 1501)] == [
        year_length("hijri", y) > 354 for y in range(1343, 1501)
    ]
    with pytest.raises(mn.DateError, match="month 13"):
        month_length("hijri", 1445, 13)
    with pytest.raises(mn.DateError, match="year 0"):
        year_length("jalali", 0)


def test_tabular_calendar_outside_umm_al_qura() -> None:
    # 1 Muharram 1300 AH (tabular, civil epoch) = 1882-11-12 Gregorian.
    cd = CalendarDate("hijri", 1300, 1, 1)
    assert cd.approximate
    assert cd.to_gregorian() == dt.date(1882, 11, 12)
    late = CalendarDate("hijri", 1530, 9, 1)
    assert late.approximate
    assert late.to("gregorian").to("hijri") == late
    assert convert(late.to_gregorian(), "hijri").approximate
    # The junctions leave no gap and no overlap.
    assert (
        CalendarDate("hijri", 1342, 12, 28).toordinal() + 1 == CalendarDate("hijri", 1343, 1, 1).toordinal()
    )
    assert (
        CalendarDate("hijri", 1500, 12, 30).toordinal() + 1 == CalendarDate("hijri", 1501, 1, 1).toordinal()
    )
    assert not CalendarDate("hijri", 1500, 12, 30).approximate
    assert CalendarDate("hijri", 1501, 1, 1).approximate
    assert not CalendarDate("jalali", 1200, 1, 1).approximate


def test_supported_ranges() -> None:
    first, last = supported_range("hijri")
    assert first.to_gregorian() == dt.date(622, 7, 19)
    assert last.to_gregorian() == dt.date.max
    first, last = supported_range("jalali")
    assert first.to_gregorian() == dt.date(622, 3, 21)
    assert (last.year, last.month, last.day) == (9377, 12, 30)
    assert supported_range("gregorian")[1].to_gregorian() == dt.date.max


# ---------------------------------------------------------------- Iranian tolerance
def test_hijri_candidates_and_agreement() -> None:
    cd = CalendarDate("hijri", 1445, 5, 15)
    assert hijri_candidates(cd) == (*tuple(dt.date(2023, 11, d) for d in (28, 29, 30)), dt.date(2023, 12, 1))
    assert hijri_candidates(cd, iranian=False) == (dt.date(2023, 11, 29),)
    assert hijri_agrees(cd, dt.date(2023, 11, 30), iranian=True)
    assert not hijri_agrees(cd, dt.date(2023, 11, 30))
    assert not hijri_agrees(cd, dt.date(2023, 12, 2), iranian=True)
    assert hijri_agrees(cd, dt.date(2023, 11, 27), tolerance=(-2, 0))
    # Day 30 of a month Umm al-Qura makes 29 days long: only the tuple form admits it.
    assert month_length("hijri", 1445, 1) == 29
    assert hijri_candidates((1445, 1, 30), iranian=False) == (
        CalendarDate("hijri", 1445, 2, 1).to_gregorian(),
    )
    with pytest.raises(mn.DateError):
        hijri_candidates((1445, 1, 31))
    assert hijri_candidates(CalendarDate("jalali", 1402, 9, 8)) == (dt.date(2023, 11, 29),)


# ---------------------------------------------------------------- formatting
def test_format_examples() -> None:
    j = CalendarDate("jalali", 1402, 9, 8)
    assert j.format(lang="fa", digits="persian") == "۸ آذر ۱۴۰۲"
    assert j.format(lang="fa") == "۸ آذر ۱۴۰۲"
    assert j.format(lang="fa", digits="persian", era=True) == "۸ آذر ۱۴۰۲ ه.ش"
    assert j.format(lang="en", era=True) == "8 Azar 1402 SH"
    assert j.format(lang="ar", digits="latin") == "8 آذر 1402"
    assert j.format(lang="fa", weekday=True) == "چهارشنبه ۸ آذر ۱۴۰۲"
    g = j.to("gregorian")
    assert g.format("ar", "latin") == "29 نوفمبر 2023"
    assert g.format("ar", "latin", style="levantine") == "29 تشرين الثاني 2023"
    assert g.format("ar", era=True) == "٢٩ نوفمبر ٢٠٢٣ م"
    assert g.format("en", weekday=True) == "Wednesday, 29 November 2023"
    assert g.format("fa") == "۲۹ نوامبر ۲۰۲۳"
    h = j.to("hijri")
    assert h.format("ar", "latin", era=True) == "15 جمادى الأولى 1445 هـ"
    assert h.format("ar", "arabic", era=True, weekday=True) == "الأربعاء، ١٥ جمادى الأولى ١٤٤٥ هـ"
    assert h.format("fa", era=True) == "۱۵ جمادی‌الاول ۱۴۴۵ ه.ق"
    assert h.format("en", era=True) == "15 Jumada al-Ula 1445 AH"
    assert (
        CalendarDate("gregorian", 2024, 1, 5).format("ar", "latin", style="levantine")
        == "5 كانون الثاني 2024"
    )


def test_format_rejects_unknown_options() -> None:
    cd = CalendarDate("jalali", 1402, 9, 8)
    with pytest.raises(mn.DateError, match="unknown language 'de'"):
        cd.format("de")
    with pytest.raises(mn.DateError, match="unknown digits 'roman'"):
        cd.format("fa", "roman")
    with pytest.raises(mn.DateError, match="unknown style 'maghrebi'"):
        cd.format("ar", style="maghrebi")


def test_every_format_combination_is_distinct_and_uses_its_digits() -> None:
    cds = [CalendarDate(c, y, 12, 29) for c, y in (("gregorian", 2023), ("hijri", 1445), ("jalali", 1402))]
    seen: dict[str, tuple[object, ...]] = {}
    for cd, lang, digits, era, style, weekday in itertools.product(
        cds, fmt.LANGUAGES, fmt.DIGITS, (False, True), fmt.STYLES, (False, True)
    ):
        text = cd.format(lang, digits, era, style=style, weekday=weekday)
        assert text == cd.format(lang, digits, era, style=style, weekday=weekday)
        other_digits = "".join(v for k, v in fmt.DIGITS.items() if k != digits)
        assert not set(text) & set(other_digits)
        assert fmt.to_digits(str(cd.year), digits) in text
        key = (
            cd.calendar,
            lang,
            digits,
            era,
            style if (cd.calendar, lang) == ("gregorian", "ar") else "",
            weekday,
        )
        if text in seen:
            assert seen[text] == key
        seen[text] = key


def test_month_names_complete() -> None:
    for (calendar, lang, style), names in fmt.MONTH_NAMES.items():
        assert len(names) == len(set(names)) == 12
        assert [fmt.month_name(calendar, m, lang, style=style) for m in range(1, 13)] == list(names)
    for lang in fmt.LANGUAGES:
        for calendar in Calendar:
            assert (str(calendar), lang) in fmt.ERA_MARKERS
            assert (str(calendar), lang, "msa") in fmt.MONTH_NAMES


# ---------------------------------------------------------------- bulk
def test_bulk_matches_object_api() -> None:
    days = [dt.date(1900, 1, 1) + dt.timedelta(days=37 * i) for i in range(2000)]
    for cal in Calendar:
        years, months, mdays = to_calendar_columns(days, cal)
        expected = [convert(d, cal) for d in days]
        assert [(e.year, e.month, e.day) for e in expected] == list(zip(years, months, mdays, strict=True))
        assert convert_many(days, cal) == expected
        assert from_calendar_columns(cal, years, months, mdays) == days
    assert convert_many([], "hijri") == []
    assert to_calendar_columns([], "hijri") == ([], [], [])


def test_bulk_wide_span_falls_back_to_bisect() -> None:
    days = [dt.date(700, 1, 1), dt.date(9000, 1, 1), dt.date(2023, 11, 29)]
    assert convert_many(days, "hijri") == [convert(d, "hijri") for d in days]


def test_bulk_batches_far_apart_stay_exact() -> None:
    """The cached per-day window is widened or replaced between batches; answers never change."""
    batches = [
        [dt.date(2000, 1, 1), dt.date(2010, 6, 30)],
        [dt.date(800, 1, 1), dt.date(810, 1, 1)],
        [dt.date(1990, 3, 1), dt.date(2030, 1, 1)],
        [dt.date(2000, 1, 1)],
    ]
    for days in batches * 2:
        for cal in Calendar:
            expected = [convert(d, cal) for d in days]
            assert convert_many(days, cal) == expected


def test_bulk_at_the_ends_of_the_gregorian_range() -> None:
    ends = [dt.date(1, 1, 1), dt.date(1, 2, 28), dt.date.max, dt.date(9999, 12, 1)]
    for days in (ends[:2], ends[2:]):
        assert to_calendar_columns(days, "gregorian") == (
            [d.year for d in days],
            [d.month for d in days],
            [d.day for d in days],
        )
    assert convert_many([dt.date.max], "hijri") == [convert(dt.date.max, "hijri")]
    np = pytest.importorskip("numpy")
    years, months, mdays = to_calendar_columns(np.array(ends, dtype="datetime64[D]"), "gregorian")
    assert list(zip(years.tolist(), months.tolist(), mdays.tolist(), strict=True)) == [
        (d.year, d.month, d.day) for d in ends
    ]


def test_bulk_errors_name_the_row() -> None:
    with pytest.raises(mn.DateError, match=r"row 1: invalid Solar Hijri \(jalali\) date 1402-12-30"):
        from_calendar_columns("jalali", [1402, 1402], [9, 12], [8, 30])
    with pytest.raises(mn.DateError, match="row 0: invalid Gregorian date 2023-02-29"):
        from_calendar_columns("gregorian", [2023], [2], [29])
    with pytest.raises(mn.DateError, match="cannot be written in the Hijri"):
        to_calendar_columns([dt.date(100, 1, 1)], "hijri")
    with pytest.raises(TypeError, match=r"values must be datetime\.date"):
        convert_many([dt.date(2023, 1, 1), "2023-01-02"], "hijri")  # type: ignore[list-item]
    with pytest.raises(TypeError, match="row 0: year must be an integer"):
        from_calendar_columns("hijri", ["x"], [1], [1])
    with pytest.raises(TypeError, match="same length"):
        from_calendar_columns("hijri", [1445], [1], [])


def test_bulk_numpy() -> None:
    np = pytest.importorskip("numpy")
    days = np.arange("1930-01-01", "2070-01-01", 11, dtype="datetime64[D]")
    as_dates = days.astype(object).tolist()
    for cal in Calendar:
        years, months, mdays = to_calendar_columns(days, cal)
        ref = to_calendar_columns(as_dates, cal)
        assert years.tolist() == ref[0]
        assert months.tolist() == ref[1]
        assert mdays.tolist() == ref[2]
        back = from_calendar_columns(cal, years, months, mdays)
        assert (back == days).all()
    with pytest.raises(mn.DateError, match=r"row 1: invalid Hijri date 1445-01-30"):
        from_calendar_columns("hijri", np.array([1445, 1445]), np.array([1, 1]), np.array([29, 30]))
    with pytest.raises(TypeError):
        to_calendar_columns(np.array([1, 2]), "hijri")
    empty = to_calendar_columns(np.array([], dtype="datetime64[D]"), "jalali")
    assert all(col.size == 0 for col in empty)
    assert convert_many(days[:50], "hijri") == convert_many(as_dates[:50], "hijri")
    with pytest.raises(mn.DateError, match="row 1 is NaT"):
        to_calendar_columns(np.array(["2023-11-29", "NaT"], dtype="datetime64[D]"), "hijri")
    objects = np.array([dt.date(2023, 11, 29), dt.date(2024, 3, 20)], dtype=object)
    assert to_calendar_columns(objects, "jalali") == ([1402, 1403], [9, 1], [8, 1])
    times = np.array(["1969-12-31T23:59:59", "2023-11-29T12:00"], dtype="datetime64[s]")
    assert [c.tolist() for c in to_calendar_columns(times, "gregorian")] == [[1969, 2023], [12, 11], [31, 29]]


# ---------------------------------------------------------------- properties
cal_st = st.sampled_from(list(Calendar))
ordinal_st = st.integers(
    min_value=dt.date(622, 7, 19).toordinal(), max_value=dt.date(9999, 3, 19).toordinal()
)


@settings(max_examples=300)
@given(ordinal_st, cal_st, cal_st)
def test_roundtrip_between_calendars(ordinal: int, a: Calendar, b: Calendar) -> None:
    day = dt.date.fromordinal(ordinal)
    in_a = convert(day, a)
    in_b = in_a.to(b)
    assert in_b.to_gregorian() == day
    assert in_b.to(a) == in_a
    assert CalendarDate(b, in_b.year, in_b.month, in_b.day) == in_b
    assert in_b.weekday == day.weekday()
    assert 1 <= in_b.day <= month_length(b, in_b.year, in_b.month)


@settings(max_examples=300)
@given(
    cal_st,
    st.integers(min_value=-3, max_value=10000),
    st.integers(min_value=-1, max_value=14),
    st.integers(min_value=-1, max_value=33),
)
def test_validation_is_exact(cal: Calendar, year: int, month: int, day: int) -> None:
    """A triple is accepted exactly when the tables say the day exists; otherwise DateError."""
    first, last = supported_range(cal)
    try:
        cd = CalendarDate(cal, year, month, day)
    except mn.DateError as exc:
        message = str(exc)
        assert str(cal) in message.lower() or "hijri" in message.lower()
        assert f"{year:04d}-{month:02d}-{day:02d}" in message
        valid_shape = 1 <= month <= 12 and first.year <= year <= last.year and day >= 1
        if valid_shape:
            try:
                length = month_length(cal, year, month)
            except mn.DateError:
                return
            assert day > length
        return
    assert first.toordinal() <= cd.toordinal() <= last.toordinal()
    assert day <= month_length(cal, year, month)


def test_public_names_exported() -> None:
    for name in ("CalendarDate", "convert", "convert_many", "to_calendar_columns", "IRAN_HIJRI_TOLERANCE"):
        assert hasattr(dates, name)
    assert dates.IRAN_HIJRI_TOLERANCE == (-1, 2)


@settings(max_examples=60)
@given(st.lists(ordinal_st, max_size=40), cal_st)
def test_bulk_equals_object_api_property(ordinals: list[int], cal: Calendar) -> None:
    days = [dt.date.fromordinal(o) for o in ordinals]
    expected = [convert(d, cal) for d in days]
    years, months, mdays = to_calendar_columns(days, cal)
    assert [(e.year, e.month, e.day) for e in expected] == list(zip(years, months, mdays, strict=True))
    assert convert_many(days, cal) == expected
    assert from_calendar_columns(cal, years, months, mdays) == days


# ---------------------------------------------------------------- real material
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.mark.corpus
def test_hamshahri_solar_hijri_dates_match_their_media_paths() -> None:
    """Hamshahri dates its articles in Solar Hijri; its media paths are Gregorian upload days.

    Converted, each article's date is on or after the newest upload day its
    page refers to, and mostly the same day.
    """
    folder = SHARED / "corpus" / "hamshahri"
    files = sorted(folder.glob("*.json")) if folder.is_dir() else []
    if not files:
        pytest.skip(f"{folder} is absent")
    same_day = 0
    for path in files:
        record = json.loads(path.read_text(encoding="utf-8"))
        year, month, day = (int(x) for x in record["date"].split("-"))
        published = CalendarDate("jalali", year, month, day).to_gregorian()
        uploads = [
            dt.date(int(y), int(m), int(d))
            for y, m, d in re.findall(r"/d/(\d{4})/(\d{2})/(\d{2})/", json.dumps(record))
        ]
        if not uploads:
            continue
        newest = max(uploads)
        assert newest <= published, (path.name, published, newest)
        same_day += newest == published
    assert same_day * 2 >= len(files)
