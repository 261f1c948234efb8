"""Calendars: Gregorian, lunar Hijri (Umm al-Qura) and Solar Hijri.

(Skeleton: the calendars issue fills in CalendarDate and convert.)
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Calendar"]


class Calendar(StrEnum):
    """The three calendars of the region's news."""

    GREGORIAN = "gregorian"
    HIJRI = "hijri"
    JALALI = "jalali"
