"""Dates across the Gregorian, lunar Hijri and Solar Hijri calendars.

This package stands alone: it imports nothing about articles or parsers.
"""

from __future__ import annotations

from .calendars import (
    IRAN_HIJRI_TOLERANCE,
    UMM_AL_QURA_RANGE,
    Calendar,
    CalendarDate,
    convert,
    convert_many,
    from_calendar_columns,
    hijri_agrees,
    hijri_candidates,
    is_leap_year,
    month_length,
    supported_range,
    to_calendar_columns,
    year_length,
)
from .finder import find_dates, parse_date
from .mention import DateMention, Granularity
from .resolve import DateGroup, reconcile

__all__ = [
    "IRAN_HIJRI_TOLERANCE",
    "UMM_AL_QURA_RANGE",
    "Calendar",
    "CalendarDate",
    "DateGroup",
    "DateMention",
    "Granularity",
    "convert",
    "convert_many",
    "find_dates",
    "from_calendar_columns",
    "hijri_agrees",
    "hijri_candidates",
    "is_leap_year",
    "month_length",
    "parse_date",
    "reconcile",
    "supported_range",
    "to_calendar_columns",
    "year_length",
]
