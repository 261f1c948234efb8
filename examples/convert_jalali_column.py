"""Convert a column of Solar Hijri dates, as a spreadsheet of Iranian records holds them.

Run:  python examples/convert_jalali_column.py

Dates written ``1402/09/08`` are split into year, month and day columns and
converted in bulk with :func:`mideastnews.dates.from_calendar_columns`; the
Hijri (Umm al-Qura) column comes from :func:`mideastnews.dates.convert_many`.
An invalid row (30 Esfand in a common year) is reported, not skipped silently.
"""

from __future__ import annotations

import sys

from mideastnews import DateError, dates

#: A column as it comes out of a spreadsheet: Persian or Latin digits, "/" or "-".
COLUMN = [
    "۱۴۰۲/۰۹/۰۸",
    "1402/07/15",
    "1403-01-01",
    "۱۴۰۲/۱۲/۲۹",
    "1403/12/30",
    "1402/12/30",
]

_TO_LATIN = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


def split_column(column: list[str]) -> tuple[list[int], list[int], list[int]]:
    """Split ``YYYY/MM/DD`` strings (any digits, ``/`` or ``-``) into three integer columns."""
    years: list[int] = []
    months: list[int] = []
    days: list[int] = []
    for value in column:
        year, month, day = value.translate(_TO_LATIN).replace("-", "/").split("/")
        years.append(int(year))
        months.append(int(month))
        days.append(int(day))
    return years, months, days


def main() -> int:
    """Convert the column row by row where a row is invalid, in bulk otherwise."""
    years, months, days = split_column(COLUMN)
    try:
        gregorian = dates.from_calendar_columns("jalali", years, months, days)
    except DateError as exc:
        # The bulk form names the first bad row; convert the rest one by one.
        print(f"bulk conversion refused the column: {exc}")
        gregorian = []
        for y, m, d in zip(years, months, days, strict=True):
            try:
                gregorian.append(dates.CalendarDate("jalali", y, m, d).to_gregorian())
            except DateError:
                gregorian.append(None)
    valid = [g for g in gregorian if g is not None]
    hijri = iter(dates.convert_many(valid, "hijri"))
    print(f"{'jalali':<12} {'gregorian':<12} {'hijri (Umm al-Qura)':<28} weekday")
    for written, day in zip(COLUMN, gregorian, strict=True):
        if day is None:
            print(f"{written:<12} {'invalid':<12}")
            continue
        lunar = next(hijri)
        print(f"{written:<12} {day.isoformat():<12} {lunar.format(lang='ar', digits='latin'):<28} "
              f"{day.strftime('%A')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
