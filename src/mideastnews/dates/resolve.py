"""Relative mentions against a reference day, and the reconciling of paired dates.

Relative phrases move in the calendar of the language they are written in:
«الشهر الماضي» counts Gregorian months, «ماه گذشته» and «سال گذشته» Solar
Hijri ones.  :func:`reconcile` takes the mentions :func:`~.finder.find_dates`
linked into pairs or triples («۸ آذر ۱۴۰۲ همزمان با ۲۹ نوامبر») and checks that
they name one day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from ..errors import DateError
from .calendars import IRAN_HIJRI_TOLERANCE, Calendar, CalendarDate, hijri_candidates
from .mention import DateMention, Granularity, _evolve

__all__ = [
    "ARAB_HIJRI_TOLERANCE",
    "DateGroup",
    "add_months",
    "day_of",
    "fill_year",
    "hijri_tolerance",
    "in_calendar",
    "month_not_after",
    "reconcile",
    "weekday_after",
    "weekday_on_or_before",
]

#: Days an Arabic outlet's lunar Hijri date may lie from its Umm al-Qura reading
#: (local sighting: a day either way).
ARAB_HIJRI_TOLERANCE: tuple[int, int] = (-1, 1)

_PERSIAN_MARKS = frozenset("یکپچژگ۰۱۲۳۴۵۶۷۸۹")


def _persian(text: str) -> bool:
    return any(c in _PERSIAN_MARKS for c in text)


def hijri_tolerance(mention: DateMention) -> tuple[int, int]:
    """The days a Hijri mention may lie from its Umm al-Qura reading.

    Args:
        mention: A mention (any calendar).

    Returns:
        ``(0, 0)`` for Gregorian and Solar Hijri mentions, Iran's tolerance
        for a Hijri date written in Persian, a day either way otherwise.
    """
    if mention.calendar is not Calendar.HIJRI:
        return (0, 0)
    return IRAN_HIJRI_TOLERANCE if _persian(mention.text) else ARAB_HIJRI_TOLERANCE


def day_of(calendar: Calendar, year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian day of ``day month year`` in ``calendar``, or ``None`` when it does not exist.

    A Hijri day 30 of a month Umm al-Qura makes 29 days long reads as the day
    after the 29th (the month may have 30 days by local sighting).
    """
    if calendar is Calendar.GREGORIAN and type(year) is int and type(month) is int and type(day) is int:
        try:  # what CalendarDate accepts for the Gregorian calendar: datetime.date's range
            return dt.date(year, month, day)
        except ValueError:
            return None
    try:
        return CalendarDate(calendar, year, month, day).to_gregorian()
    except DateError:
        if calendar is Calendar.HIJRI and day == 30:
            try:
                return hijri_candidates((year, month, day), iranian=False)[0]
            except DateError:
                return None
        return None


def in_calendar(date: dt.date, calendar: Calendar) -> tuple[int, int, int] | None:
    """``(year, month, day)`` of a Gregorian day in ``calendar``, or ``None`` out of range."""
    if calendar is Calendar.GREGORIAN:
        return date.year, date.month, date.day
    try:
        cd = CalendarDate.from_gregorian(date, calendar)
    except DateError:
        return None
    return cd.year, cd.month, cd.day


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """``(year, month)`` moved by ``months`` (12 months a year in all three calendars)."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def month_not_after(ref: dt.date, calendar: Calendar, month: int, shift: int = 0) -> int | None:
    """The year of the latest ``month`` not after ``ref``'s month, moved by ``shift``.

    Args:
        ref: The reference day.
        calendar: The month's calendar.
        month: 1 to 12.
        shift: ``0``: the latest such month not after ref's («أبريل»,
            «ديسمبر الجاري» in December); ``-1``: strictly before ref's month
            («ديسمبر الماضي»); ``+1``: the next one after ref's month («المقبل»).

    Returns:
        The year, or ``None`` when ``ref`` is outside the calendar's range.
    """
    here = in_calendar(ref, calendar)
    if here is None:
        return None
    ry, rm, _rd = here
    if shift > 0:
        return ry if month > rm else ry + 1
    if shift < 0:
        return ry if month < rm else ry - 1
    return ry if month <= rm else ry - 1


def weekday_on_or_before(ref: dt.date, weekday: int) -> dt.date:
    """The latest ``weekday`` (0 = Monday) on or before ``ref``."""
    return ref - dt.timedelta(days=(ref.weekday() - weekday) % 7)


def weekday_after(ref: dt.date, weekday: int) -> dt.date:
    """The first ``weekday`` strictly after ``ref``."""
    return ref + dt.timedelta(days=(weekday - ref.weekday() - 1) % 7 + 1)


def fill_year(mention: DateMention, partner: dt.date) -> DateMention | None:
    """``mention`` (a day and month without a year) completed from a partner's Gregorian day.

    The year chosen is the one that puts the mention's day nearest to
    ``partner``; the result is ``None`` when no year brings it within a week.
    """
    if mention.month is None or mention.day is None or mention.year is not None:
        return None
    here = in_calendar(partner, mention.calendar)
    if here is None:
        return None
    best: tuple[int, int, dt.date] | None = None
    for year in (here[0] - 1, here[0], here[0] + 1):
        day = day_of(mention.calendar, year, mention.month, mention.day)
        if day is None:
            continue
        gap = abs((day - partner).days)
        if best is None or gap < best[0]:
            best = (gap, year, day)
    if best is None or best[0] > 7:
        return None
    _gap, year, day = best
    return _evolve(mention, year=year, date=day, granularity=Granularity.DAY, relative=False)


def _str_tuple(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


@attrs.frozen
class DateGroup:
    """Mentions that name one day in several calendars.

    Attributes:
        mentions: The members, in text order: years filled from partners, and a
            lunar Hijri member's ``date`` set to the agreed day when its Umm
            al-Qura reading lies within the sighting tolerance of it.
        date: The agreed Gregorian day, when the members agree; ``None`` in a
            conflict or when no member fixes a day.
        conflict: True when two members name days further apart than their
            calendars allow (Hijri dates may lie a day or, in Persian text,
            up to two days from their Umm al-Qura reading).
        warnings: What did not add up, in words.
    """

    mentions: tuple[DateMention, ...]
    date: dt.date | None
    conflict: bool
    warnings: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)


def _agree(a: DateMention, b: DateMention) -> bool:
    if a.date is None or b.date is None:
        return True
    lo_a, hi_a = hijri_tolerance(a)
    lo_b, hi_b = hijri_tolerance(b)
    # true day = reading + offset; the two ranges of true days must meet
    return a.date.toordinal() + lo_a <= b.date.toordinal() + hi_b and \
        b.date.toordinal() + lo_b <= a.date.toordinal() + hi_a


def _anchor(members: list[DateMention]) -> DateMention | None:
    """The member whose day is the most exact: Gregorian, then Solar Hijri, then Hijri."""
    order = {Calendar.GREGORIAN: 0, Calendar.JALALI: 1, Calendar.HIJRI: 2}
    full = [m for m in members if m.date is not None]
    return min(full, key=lambda m: order[m.calendar]) if full else None


def _reconcile_one(members: list[DateMention]) -> DateGroup:
    anchor = _anchor(members)
    warnings: list[str] = []
    if anchor is not None and anchor.date is not None:
        filled = []
        for m in members:
            if m.date is None and m.year is None:
                done = fill_year(m, anchor.date)
                filled.append(done if done is not None else m)
            else:
                filled.append(m)
        members = filled
    conflict = False
    for i, a in enumerate(members):
        for b in members[i + 1:]:
            if a.calendar is not b.calendar and not _agree(a, b):
                conflict = True
                warnings.append(f"{a.text!r} ({a.date}) and {b.text!r} ({b.date}) name different days")
    agreed = None if conflict or anchor is None else anchor.date
    if agreed is not None:
        # a lunar date read by local sighting names the partners' day, not its Umm al-Qura reading
        members = [_evolve(m, date=agreed) if m.calendar is Calendar.HIJRI and m.date is not None
                   and m.date != agreed else m for m in members]
    if agreed is not None and anchor is not None:
        # a Gregorian or Solar Hijri partner fixes the day exactly; a lone Hijri reading is approximate
        lo, hi = hijri_tolerance(anchor)
        for m in members:
            if m.weekday is not None and not any(
                    (agreed + dt.timedelta(days=k)).weekday() == m.weekday for k in range(lo, hi + 1)):
                warnings.append(f"{m.text!r}: weekday does not match {agreed.isoformat()}")
    return DateGroup(tuple(members), agreed, conflict, tuple(warnings))


def reconcile(mentions: Iterable[DateMention]) -> list[DateGroup]:
    """Group the mentions that name one day in several calendars and check them.

    :func:`~.finder.find_dates` links each pair or triple («السبت ١٥ مهر ١٤٠٢ -
    ٢١ ربيع الأول ١٤٤٥ - ٧ أكتوبر ٢٠٢٣», «۱۵ مهرماه برابر با هفتم اکتبر ۲۰۲۳»)
    through :attr:`DateMention.group`; mentions from several texts (an
    article's ``dates``) are kept apart by their ``field`` and ``index``.

    Args:
        mentions: Mentions as :func:`~.finder.find_dates` or ``Article.dates``
            give them.

    Returns:
        One :class:`DateGroup` per pair or triple, in text order: its members
        with any missing year filled from a partner
        (``۱۵ مهرماه برابر با هفتم اکتبر ۲۰۲۳`` → 1402-07-15), the agreed day,
        and whether the members conflict (a Hijri date in Persian text may lie
        up to ``IRAN_HIJRI_TOLERANCE`` days from its Umm al-Qura reading).

    Raises:
        TypeError: An item is not a :class:`DateMention`.
    """
    groups: dict[tuple[str | None, int | None, int], list[DateMention]] = {}
    for m in mentions:
        if not isinstance(m, DateMention):
            raise TypeError(f"reconcile takes DateMention items, not {type(m).__name__}")
        if m.group is not None:
            groups.setdefault((m.field, m.index, m.group), []).append(m)
    out = [_reconcile_one(sorted(ms, key=lambda m: m.start)) for ms in groups.values() if len(ms) > 1]
    return out
