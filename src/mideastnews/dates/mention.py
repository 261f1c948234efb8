"""DateMention: one date expression found in a text, with its resolved value."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum
from typing import Any

import attrs

from .._evolve import evolver
from .calendars import Calendar

__all__ = ["DateMention", "Granularity"]


class Granularity(StrEnum):
    """How much of a day a mention pins down."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


def _str_tuple(values: Iterable[str]) -> tuple[str, ...]:
    return values if type(values) is tuple else tuple(values)


def _calendar(value: Calendar | str) -> Calendar:
    return value if type(value) is Calendar else Calendar(value)


def _granularity(value: Granularity | str) -> Granularity:
    return value if type(value) is Granularity else Granularity(value)


@attrs.frozen
class DateMention:
    """A date expression in a text.

    Attributes:
        text: The expression as written (weekday and time included).
        start: Offset of its first character in the text searched.
        end: Offset one past its last character.
        calendar: The calendar the text is written in.  Relative phrases are
            Gregorian in Arabic text and Solar Hijri in Persian text.
        year: Year in that calendar, or ``None`` where nothing fixes it.
        month: Month in that calendar, or ``None``.
        day: Day in that calendar, or ``None``.
        date: The Gregorian day denoted, when a day is determined.
        time: Clock time written with the date, if any.
        granularity: ``"day"``, ``"week"``, ``"month"`` or ``"year"``.
        relative: Whether the expression was resolved against a reference day.
        weekday: The weekday the text names (0 = Monday), if any.
        field: Inside ``Article.dates``: ``"title"``, ``"lead"``,
            ``"paragraph"`` or ``"caption"``.
        index: Inside ``Article.dates``: the index within that field.
        warnings: What did not add up (a weekday that contradicts the date).
        group: When the mention is one calendar's expression in a pair or
            triple naming the same day («۸ آذر ۱۴۰۲ همزمان با ۲۹ نوامبر»), the
            ``start`` of the group's first mention, shared by every member;
            ``None`` for a mention that stands alone.
    """

    text: str
    start: int
    end: int
    calendar: Calendar = attrs.field(converter=_calendar)
    year: int | None = None
    month: int | None = None
    day: int | None = None
    date: dt.date | None = None
    time: dt.time | None = None
    granularity: Granularity = attrs.field(default=Granularity.DAY, converter=_granularity)
    relative: bool = False
    weekday: int | None = None
    field: str | None = None
    index: int | None = None
    warnings: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    group: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict (dates and times as ISO 8601 strings)."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "calendar": str(self.calendar),
            "year": self.year,
            "month": self.month,
            "day": self.day,
            "date": self.date.isoformat() if self.date else None,
            "time": self.time.isoformat() if self.time else None,
            "granularity": str(self.granularity),
            "relative": self.relative,
            "weekday": self.weekday,
            "field": self.field,
            "index": self.index,
            "warnings": list(self.warnings),
            "group": self.group,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DateMention:
        """Read back what :meth:`to_dict` wrote."""
        kwargs = dict(data)
        if kwargs.get("date"):
            kwargs["date"] = dt.date.fromisoformat(kwargs["date"])
        if kwargs.get("time"):
            kwargs["time"] = dt.time.fromisoformat(kwargs["time"])
        kwargs["warnings"] = tuple(kwargs.get("warnings") or ())
        return cls(**kwargs)


_COPY = evolver(DateMention)


def _evolve(m: DateMention, **changes: Any) -> DateMention:
    """``attrs.evolve(m, **changes)``: a copy of ``m`` with ``changes``, converted as ``__init__`` would."""
    return _COPY(m, changes)


def _placed(m: DateMention, field: str, index: int) -> DateMention:
    """``_evolve(m, field=field, index=index)``, by the positional constructor.

    The enrichment step places every mention it reports in its field: the values of ``m`` are
    already converted (converting them again gives them back), and ``field`` and ``index`` have
    no converter.
    """
    if type(m) is not DateMention:
        return attrs.evolve(m, field=field, index=index)
    return DateMention(m.text, m.start, m.end, m.calendar, m.year, m.month, m.day, m.date, m.time,
                       m.granularity, m.relative, m.weekday, field, index, m.warnings, m.group)
