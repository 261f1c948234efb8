"""Iran's lunar month starts against Umm al-Qura: the tolerance reconciliation uses.

Reads ``../shared/data/iran_lunar_month_starts.txt`` (Iran's official first day
of each lunar month, roozbehp/qamari, CC0) in place; skips when it is absent.
"""

from __future__ import annotations

import collections
import datetime as dt
from pathlib import Path

import pytest

from mideastnews.dates import IRAN_HIJRI_TOLERANCE, CalendarDate, hijri_agrees, hijri_candidates

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "iran_lunar_month_starts.txt"

pytestmark = pytest.mark.corpus


def _iran_month_starts() -> dict[tuple[int, int], dt.date]:
    if not DATA.is_file():
        pytest.skip(f"{DATA} is absent")
    starts: dict[tuple[int, int], dt.date] = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        month_part, day_part = line.split()
        # A leading "*" marks a month the data set flags (sighting-based starts); the date is the same kind.
        year, month = (int(x) for x in month_part.lstrip("*").split("/"))
        starts[year, month] = dt.date.fromisoformat(day_part)
    return starts


def _offsets(first_year: int, last_year: int) -> collections.Counter[int]:
    starts = _iran_month_starts()
    offsets: collections.Counter[int] = collections.Counter()
    for (year, month), iran in starts.items():
        if first_year <= year <= last_year:
            uq = CalendarDate("hijri", year, month, 1).to_gregorian()
            offsets[(iran - uq).days] += 1
    return offsets


def test_every_month_1343_1447_within_tolerance() -> None:
    offsets = _offsets(1343, 1447)
    lo, hi = IRAN_HIJRI_TOLERANCE
    assert sum(offsets.values()) == 105 * 12 - 2  # the data ends with Shawwal 1447
    assert all(lo <= k <= hi for k in offsets), offsets
    # The tolerance is tight: both ends occur.
    assert min(offsets) == lo
    assert max(offsets) == hi


def test_offsets_as_the_data_readme_states() -> None:
    assert _offsets(1423, 1447) == {0: 102, 1: 195, 2: 1}
    assert _offsets(1343, 1422) == {-1: 5, 0: 186, 1: 649, 2: 120}


def test_every_iranian_day_agrees_with_its_umm_al_qura_reading() -> None:
    """Each day of each Iranian month 1343-1447 (day 30 included) is among the candidates."""
    starts = _iran_month_starts()
    checked = 0
    for (year, month), start in sorted(starts.items()):
        nxt = starts.get((year, month + 1) if month < 12 else (year + 1, 1))
        if 1343 <= year <= 1447 and nxt is not None:
            length = (nxt - start).days
            assert 29 <= length <= 30
            for day in range(1, length + 1):
                gregorian = start + dt.timedelta(days=day - 1)
                assert hijri_agrees((year, month, day), gregorian, iranian=True), (year, month, day)
                assert gregorian in hijri_candidates((year, month, day))
                checked += 1
    assert checked > 37_000


def test_without_iranian_tolerance_most_iranian_days_disagree() -> None:
    starts = _iran_month_starts()
    disagree = sum(
        not hijri_agrees((year, month, 1), start, iranian=False)
        for (year, month), start in starts.items()
        if 1343 <= year <= 1447
    )
    assert disagree == 5 + 649 + 120 + 195 + 1
