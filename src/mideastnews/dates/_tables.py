"""Day-number tables behind every conversion.

A day is a proleptic Gregorian ordinal (``datetime.date.toordinal()``: 1 is
0001-01-01).  Each non-Gregorian calendar is one array of month starts: entry
``i`` is the ordinal of the first day of month ``i`` counted from the
calendar's first month (``i = (year - 1) * 12 + month - 1``), and one more
entry closes the last month.  A month's length is the difference of two
neighbouring entries, so no length is ever assumed.

* Lunar Hijri: the arithmetic (tabular) Islamic calendar, civil epoch
  (1 Muharram 1 AH = 0622-07-19 Gregorian, 16 July 622 Julian) with leap years
  2, 5, 7, 10, 13, 16, 18, 21, 24, 26 and 29 of each 30-year cycle, overwritten
  for 1343-01 .. 1500-12 by the Umm al-Qura month starts that hijridate ships.
  The last tabular month before the Umm al-Qura range (Dhu al-Hijjah 1342) ends
  the day before 1 Muharram 1343 and so has 28 days.
* Solar Hijri: the 33-year arithmetic rule of jdatetime (leap when
  ``year % 33`` is 1, 5, 9, 13, 17, 22, 26 or 30), years 1 .. 9377.
"""

from __future__ import annotations

import datetime as dt
import importlib
from array import array
from bisect import bisect_right
from itertools import accumulate, repeat
from typing import Any

__all__ = [
    "GREGORIAN_LAST_YEAR",
    "HIJRI_EPOCH",
    "HIJRI_LAST_YEAR",
    "HIJRI_STARTS",
    "JALALI_EPOCH",
    "JALALI_LAST_YEAR",
    "JALALI_STARTS",
    "ORDINAL_MAX",
    "UMM_AL_QURA_FIRST_INDEX",
    "UMM_AL_QURA_FIRST_ORDINAL",
    "UMM_AL_QURA_LAST_INDEX",
    "UMM_AL_QURA_LAST_ORDINAL",
    "UQ_STARTS",
    "DayWindow",
    "day_window",
    "gregorian_month_starts",
    "jalali_is_leap",
    "lunar_from_ordinal",
    "numpy_month_starts",
    "solar_from_ordinal",
    "tabular_is_leap",
]

ORDINAL_MAX = dt.date.max.toordinal()
_UNIX_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
GREGORIAN_LAST_YEAR = dt.MAXYEAR

# ---------------------------------------------------------------- lunar Hijri
HIJRI_EPOCH = 227015
"""Ordinal of 1 Muharram 1 AH in the tabular calendar (civil epoch)."""
HIJRI_LAST_YEAR = 9666
"""The year that holds 9999-12-31, the last day Python can represent."""
_UMM_AL_QURA_FIRST_YEAR = 1343
_UMM_AL_QURA_LAST_YEAR = 1500
_RJD_TO_ORDINAL = 2400000 - 1721425


def tabular_is_leap(year: int) -> bool:
    """Whether ``year`` AH has 355 days in the tabular Islamic calendar."""
    return (14 + 11 * year) % 30 < 11


def _umm_al_qura_starts() -> list[int]:
    """Month-start ordinals of 1343-01 .. 1500-12 plus the day after 1500-12-30."""
    months = (_UMM_AL_QURA_LAST_YEAR - _UMM_AL_QURA_FIRST_YEAR + 1) * 12
    try:
        ummalqura = importlib.import_module("hijridate.ummalqura")
        rjd = tuple(ummalqura.MONTH_STARTS)
    except (ImportError, AttributeError):  # pragma: no cover - older/newer hijridate layouts
        rjd = ()
    if len(rjd) == months + 1:
        return [r + _RJD_TO_ORDINAL for r in rjd]
    # Fall back on hijridate's public API: one conversion per month.
    from hijridate import Hijri  # pragma: no cover

    starts = [  # pragma: no cover
        Hijri(y, m, 1).to_gregorian().toordinal()
        for y in range(_UMM_AL_QURA_FIRST_YEAR, _UMM_AL_QURA_LAST_YEAR + 1)
        for m in range(1, 13)
    ]
    starts.append(Hijri(_UMM_AL_QURA_LAST_YEAR, 12, 30).to_gregorian().toordinal() + 1)  # pragma: no cover
    return starts  # pragma: no cover


def _hijri_starts() -> array[int]:
    common = [30, 29] * 6
    leap = [*common[:-1], 30]
    # The leap rule repeats every 30 years: build one cycle, repeat it in C, accumulate.
    cycle: list[int] = []
    for year in range(1, 31):
        cycle += leap if tabular_is_leap(year) else common
    lengths = (cycle * (HIJRI_LAST_YEAR // 30 + 1))[: HIJRI_LAST_YEAR * 12]
    starts = array("q", accumulate(lengths, initial=HIJRI_EPOCH))
    first = (_UMM_AL_QURA_FIRST_YEAR - 1) * 12
    uq = _umm_al_qura_starts()
    starts[first : first + len(uq)] = array("q", uq)
    return starts


HIJRI_STARTS: array[int] = _hijri_starts()
UMM_AL_QURA_FIRST_INDEX = (_UMM_AL_QURA_FIRST_YEAR - 1) * 12
UMM_AL_QURA_LAST_INDEX = _UMM_AL_QURA_LAST_YEAR * 12 - 1
UMM_AL_QURA_FIRST_ORDINAL = HIJRI_STARTS[UMM_AL_QURA_FIRST_INDEX]
UMM_AL_QURA_LAST_ORDINAL = HIJRI_STARTS[UMM_AL_QURA_LAST_INDEX + 1] - 1
UQ_STARTS: list[int] = HIJRI_STARTS[UMM_AL_QURA_FIRST_INDEX : UMM_AL_QURA_LAST_INDEX + 2].tolist()
_LUNAR_MONTH = 29.530588853

# ---------------------------------------------------------------- Solar Hijri
JALALI_LAST_YEAR = 9377
_JALALI_LEAP = frozenset({1, 5, 9, 13, 17, 22, 26, 30})
_ORDINAL_1600 = dt.date(1600, 1, 1).toordinal()


def jalali_is_leap(year: int) -> bool:
    """Whether ``year`` SH has 366 days under the 33-year rule."""
    return year % 33 in _JALALI_LEAP


def _jalali_year_start(year: int) -> int:
    j = year - 979
    return _ORDINAL_1600 + 79 + 365 * j + (j // 33) * 8 + (j % 33 + 3) // 4


JALALI_EPOCH = _jalali_year_start(1)
"""Ordinal of 1 Farvardin 1 SH (0622-03-21 Gregorian)."""


def _jalali_starts() -> array[int]:
    common = [31] * 6 + [30] * 5 + [29]
    leap = [31] * 6 + [30] * 6
    # The 33-year rule repeats every 33 years: build one cycle, repeat it in C, accumulate.
    cycle: list[int] = []
    for year in range(1, 34):
        cycle += leap if jalali_is_leap(year) else common
    lengths = (cycle * (JALALI_LAST_YEAR // 33 + 1))[: JALALI_LAST_YEAR * 12]
    return array("q", accumulate(lengths, initial=JALALI_EPOCH))


JALALI_STARTS: array[int] = _jalali_starts()
_JALALI_YEAR_STARTS: list[int] = JALALI_STARTS[::12].tolist()


# ---------------------------------------------------------------- ordinal -> (y, m, d)
def lunar_from_ordinal(ordinal: int) -> tuple[int, int, int]:
    """Hijri ``(year, month, day)`` of an ordinal inside the table (unchecked)."""
    if UMM_AL_QURA_FIRST_ORDINAL <= ordinal <= UMM_AL_QURA_LAST_ORDINAL:
        i = bisect_right(UQ_STARTS, ordinal) - 1
        year, month = divmod(i, 12)
        return year + 1343, month + 1, ordinal - UQ_STARTS[i] + 1
    starts = HIJRI_STARTS
    guess = int((ordinal - HIJRI_EPOCH) / _LUNAR_MONTH)
    lo = guess - 2 if guess > 2 else 0
    hi = min(guess + 3, len(starts))
    i = bisect_right(starts, ordinal, lo, hi)
    if i in (lo, hi):  # pragma: no cover - the estimate is never that far off
        i = bisect_right(starts, ordinal)
    i -= 1
    year, month = divmod(i, 12)
    return year + 1, month + 1, ordinal - starts[i] + 1


def solar_from_ordinal(ordinal: int) -> tuple[int, int, int]:
    """Solar Hijri ``(year, month, day)`` of an ordinal inside the table (unchecked)."""
    y = bisect_right(_JALALI_YEAR_STARTS, ordinal) - 1
    doy = ordinal - _JALALI_YEAR_STARTS[y]
    if doy < 186:
        month, day = divmod(doy, 31)
        return y + 1, month + 1, day + 1
    month, day = divmod(doy - 186, 30)
    return y + 1, month + 7, day + 1


# ---------------------------------------------------------------- bulk helpers
DayWindow = tuple[int, list[int], list[int], list[int]]
"""``(first ordinal, years, months, days)``: one entry per day from the first ordinal on."""

_WINDOW_LIMIT = 150_000
_windows: dict[str, DayWindow] = {}


def _month_index(calendar: str, ordinal: int) -> int:
    """Index ``(year - 1) * 12 + month - 1`` of the month holding ``ordinal``."""
    if calendar == "hijri":
        return bisect_right(HIJRI_STARTS, ordinal) - 1
    if calendar == "jalali":
        return bisect_right(JALALI_STARTS, ordinal) - 1
    day = dt.date.fromordinal(ordinal)
    return day.year * 12 + day.month - 13


def _month_start(calendar: str, index: int) -> int:
    """Ordinal of the first day of month ``index`` (the day after the last month for the end)."""
    if calendar == "hijri":
        return HIJRI_STARTS[index]
    if calendar == "jalali":
        return JALALI_STARTS[index]
    year, month = divmod(index, 12)
    return ORDINAL_MAX + 1 if year >= dt.MAXYEAR else dt.date(year + 1, month + 1, 1).toordinal()


def gregorian_month_starts() -> Any:
    """Month-start ordinals of 0001-01 .. 9999-12 plus one closing entry, as numpy ``int64``."""
    np: Any = importlib.import_module("numpy")
    months = np.arange("0001-01", "10000-01", dtype="datetime64[M]").astype("datetime64[D]")
    return np.append(months.astype(np.int64) + _UNIX_EPOCH_ORDINAL, ORDINAL_MAX + 1)


def day_window(calendar: str, lo: int, hi: int) -> DayWindow | None:
    """Per-day lookup lists covering ordinals ``lo .. hi`` for ``calendar``.

    The window is cached per calendar and widened as later batches need (or
    replaced, when widening would pass the limit); a batch spanning more than
    about 400 years returns ``None`` (the caller then converts day by day).

    Args:
        calendar: ``"gregorian"``, ``"hijri"`` or ``"jalali"``.
        lo: First ordinal needed.
        hi: Last ordinal needed.

    Returns:
        ``(base, years, months, days)`` with entry ``o - base`` for ordinal ``o``,
        or ``None``.
    """
    if hi - lo > _WINDOW_LIMIT:
        return None
    cached = _windows.get(calendar)
    if cached is not None:
        base = cached[0]
        if base <= lo and hi < base + len(cached[1]):
            return cached
        # Widen the cached window to cover both, or replace it when that is too wide.
        wide_lo, wide_hi = min(lo, base), max(hi, base + len(cached[1]) - 1)
        if wide_hi - wide_lo <= _WINDOW_LIMIT:
            lo, hi = wide_lo, wide_hi
    first = _month_index(calendar, lo)
    last = _month_index(calendar, hi)
    base = start = _month_start(calendar, first)
    years: list[int] = []
    months: list[int] = []
    days: list[int] = []
    for i in range(first, last + 1):
        end = _month_start(calendar, i + 1)
        length = end - start
        year, month = divmod(i, 12)
        years.extend(repeat(year + 1, length))
        months.extend(repeat(month + 1, length))
        days.extend(range(1, length + 1))
        start = end
    window = (base, years, months, days)
    _windows[calendar] = window
    return window


_numpy_starts: dict[str, Any] = {}


def numpy_month_starts(calendar: str) -> Any:
    """The month-start table of ``calendar`` as a numpy ``int64`` array (numpy required)."""
    found = _numpy_starts.get(calendar)
    if found is None:
        np: Any = importlib.import_module("numpy")
        if calendar == "gregorian":
            found = gregorian_month_starts()
        else:
            found = np.frombuffer(HIJRI_STARTS if calendar == "hijri" else JALALI_STARTS, dtype=np.int64)
        _numpy_starts[calendar] = found
    return found
