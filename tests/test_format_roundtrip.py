"""Every date any calendar can write is read back by the finder with its value."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from mideastnews.dates import CalendarDate, find_dates, parse_date, supported_range

CALENDARS = ("gregorian", "hijri", "jalali")


@st.composite
def calendar_dates(draw: st.DrawFn) -> CalendarDate:
    cal = draw(st.sampled_from(CALENDARS))
    first, last = supported_range(cal)
    ordinal = draw(st.integers(first.toordinal(), last.toordinal()))
    return CalendarDate.fromordinal(ordinal, cal)


FORMATS = st.fixed_dictionaries({
    "lang": st.sampled_from(["fa", "ar", "en"]),
    "digits": st.sampled_from(["latin", "arabic", "persian"]),
    "era": st.booleans(),
    "style": st.sampled_from(["msa", "levantine"]),
    "weekday": st.booleans(),
})


@settings(max_examples=400, deadline=None)
@given(calendar_dates(), FORMATS)
def test_formatted_date_is_found_with_its_value(cd: CalendarDate, fmt: dict[str, object]) -> None:
    text = cd.format(str(fmt["lang"]), str(fmt["digits"]), bool(fmt["era"]), style=str(fmt["style"]),
                     weekday=bool(fmt["weekday"]))
    m = parse_date(text)
    assert (m.calendar, m.year, m.month, m.day) == (cd.calendar, cd.year, cd.month, cd.day), text
    assert m.date == cd.to_gregorian()
    assert m.warnings == ()  # the weekday format() writes agrees with the date
    assert text[m.start:m.end] == m.text


@settings(max_examples=150, deadline=None)
@given(calendar_dates(), FORMATS, st.sampled_from(["وقال المتحدث في ", "به گزارش ایرنا، در ", "On "]),
       st.sampled_from(["، وفق البيان.", " برگزار شد.", "."]))
def test_formatted_date_inside_a_sentence(cd: CalendarDate, fmt: dict[str, object], before: str,
                                          after: str) -> None:
    # A year of one to three digits followed by a word is read as a count («7 أكتوبر 15 قتيلاً»), not
    # a year: inside running text such years need their era mark.
    assume(cd.year >= 1000 or bool(fmt["era"]))
    written = cd.format(str(fmt["lang"]), str(fmt["digits"]), bool(fmt["era"]), style=str(fmt["style"]))
    text = before + written + after
    found = [m for m in find_dates(text) if m.day is not None]
    assert len(found) == 1, (text, found)
    m = found[0]
    assert (m.calendar, m.year, m.month, m.day) == (cd.calendar, cd.year, cd.month, cd.day), text
    assert m.start == len(before)
    assert m.end == len(before) + len(written)
