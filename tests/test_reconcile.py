"""reconcile(): pairs and triples that name one day, years filled from partners, real conflicts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest

from mideastnews.dates import Calendar, CalendarDate, DateGroup, DateMention, find_dates, reconcile
from mideastnews.dates.format import to_digits

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FA_HIJRI = ("محرم", "صفر", "ربیع‌الاول", "ربیع‌الثانی", "جمادی‌الاول", "جمادی‌الثانی", "رجب", "شعبان", "رمضان",
            "شوال", "ذی‌القعده", "ذی‌الحجه")

REF = dt.date(2023, 11, 29)


def test_persian_pair_fills_the_year_from_its_partner() -> None:
    text = "به گزارش ایرنا، روز شنبه ۱۵ مهرماه برابر با هفتم اکتبر ۲۰۲۳ عملیات آغاز شد."
    found = find_dates(text)
    groups = reconcile(found)
    assert len(groups) == 1
    g = groups[0]
    assert isinstance(g, DateGroup)
    assert not g.conflict
    assert g.date == dt.date(2023, 10, 7)
    jalali, gregorian = g.mentions
    assert (jalali.calendar, jalali.year, jalali.month, jalali.day) == (Calendar.JALALI, 1402, 7, 15)
    assert gregorian.calendar is Calendar.GREGORIAN


def test_reconcile_fills_a_year_find_dates_left_open() -> None:
    a = DateMention(text="۱۵ مهرماه", start=0, end=9, calendar="jalali", month=7, day=15, group=0)
    b = DateMention(text="هفتم اکتبر ۲۰۲۳", start=19, end=34, calendar="gregorian", year=2023, month=10,
                    day=7,
                    date=dt.date(2023, 10, 7), group=0)
    (g,) = reconcile([b, a])
    assert [m.start for m in g.mentions] == [0, 19]
    assert (g.mentions[0].year, g.mentions[0].date) == (1402, dt.date(2023, 10, 7))


def test_triple_with_iranian_lunar_date_agrees() -> None:
    text = "امروز چهارشنبه ۸ آذر ۱۴۰۲ – ۱۵ جمادی‌الاول ۱۴۴۵ – ۲۹ نوامبر ۲۰۲۳ است."
    found = find_dates(text, ref=REF)
    assert len(found) == 3
    assert len({m.group for m in found}) == 1
    (g,) = reconcile(found)
    assert not g.conflict
    assert g.date == dt.date(2023, 11, 29)
    assert [m.calendar for m in g.mentions] == [Calendar.JALALI, Calendar.HIJRI, Calendar.GREGORIAN]


def test_iranian_tolerance_for_hijri_in_persian_text() -> None:
    # Umm al-Qura puts 16 Jumada I 1445 on 30 Nov 2023; Iran's month may start a day later.
    text = "۸ آذر ۱۴۰۲ برابر با ۱۶ جمادی‌الاول ۱۴۴۵"
    (g,) = reconcile(find_dates(text))
    assert not g.conflict
    hijri = g.mentions[1]
    assert (hijri.year, hijri.month, hijri.day) == (1445, 5, 16)  # as written
    assert hijri.date == dt.date(2023, 11, 29)  # the day it names here, not Umm al-Qura's 30 November
    # Three days apart is beyond any sighting: a conflict.
    (g,) = reconcile(find_dates("۸ آذر ۱۴۰۲ برابر با ۱۹ جمادی‌الاول ۱۴۴۵"))
    assert g.conflict
    assert g.date is None
    assert g.warnings


def test_arabic_hijri_gregorian_pair() -> None:
    text = "صدر القرار بتاريخ 15 ربيع الأول 1445 هـ الموافق 30 سبتمبر 2023م."
    found = find_dates(text)
    assert [m.calendar for m in found] == [Calendar.HIJRI, Calendar.GREGORIAN]
    (g,) = reconcile(found)
    assert not g.conflict
    assert g.date == dt.date(2023, 9, 30)


def test_real_conflict_is_flagged_and_warned_in_find_dates() -> None:
    text = "۱۰ آذر ۱۴۰۲ همزمان با ۵ دسامبر ۲۰۲۳"
    found = find_dates(text)
    (g,) = reconcile(found)
    assert g.conflict
    assert g.date is None
    assert all(m.warnings for m in found)


def test_weekday_checked_against_the_agreed_day() -> None:
    found = find_dates("الجمعة 15 ربيع الأول 1445 هـ الموافق 30 سبتمبر 2023م", ref=REF)
    assert found[0].weekday == 4
    assert found[0].warnings
    found = find_dates("السبت 15 ربيع الأول 1445 هـ الموافق 30 سبتمبر 2023م", ref=REF)
    assert found[0].warnings == ()


def test_unlinked_mentions_form_no_group_and_articles_are_kept_apart() -> None:
    assert reconcile(find_dates("زار الوزير القاهرة في 7 أكتوبر 2023، ثم عاد في 9 أكتوبر 2023.")) == []
    found = find_dates("۸ آذر ۱۴۰۲ همزمان با ۲۹ نوامبر ۲۰۲۳")
    a = [attrs.evolve(m, field="paragraph", index=0) for m in found]
    b = [attrs.evolve(m, field="paragraph", index=1) for m in found]
    assert len(reconcile(a + b)) == 2


def test_reconcile_type_error() -> None:
    with pytest.raises(TypeError):
        reconcile(["۸ آذر ۱۴۰۲"])  # type: ignore[list-item]


@pytest.mark.corpus
def test_iran_official_lunar_dates_agree_with_their_solar_day() -> None:
    """Every month start Iran kept (1343-1447 AH), written as a Persian pair, reconciles without conflict."""
    path = SHARED / "data" / "iran_lunar_month_starts.txt"
    if not path.exists():
        pytest.skip("../shared/data is absent")
    checked = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("#")[0].split()
        if len(fields) != 2:
            continue
        year, month = (int(x) for x in fields[0].lstrip("*").split("/"))
        if year < 1343:
            continue
        start = dt.date.fromisoformat(fields[1])
        for day in (1, 29):
            solar = CalendarDate.from_gregorian(start + dt.timedelta(days=day - 1), "jalali")
            text = to_digits(f"{solar.format('fa')} برابر با {day} {FA_HIJRI[month - 1]} {year}", "persian")
            (group,) = reconcile(find_dates(text))
            assert not group.conflict, text
            assert group.date == start + dt.timedelta(days=day - 1)
            checked += 1
    assert checked > 2000
