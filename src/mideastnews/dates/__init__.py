"""Dates across the Gregorian, lunar Hijri and Solar Hijri calendars.

This package stands alone: it imports nothing about articles or parsers.
"""

from __future__ import annotations

from .calendars import Calendar
from .finder import find_dates, parse_date
from .mention import DateMention, Granularity

__all__ = ["Calendar", "DateMention", "Granularity", "find_dates", "parse_date"]
