"""find_dates / parse_date: candidates, then mentions.

(Skeleton: the date finder issue fills this in.)
"""

from __future__ import annotations

import datetime as dt

from ..errors import DateError
from .mention import DateMention

__all__ = ["find_dates", "parse_date"]


def find_dates(text: str, *, ref: dt.date | None = None) -> list[DateMention]:
    """Every date expression in ``text``, in text order."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a string, not {type(text).__name__}")
    return []


def parse_date(text: str, *, ref: dt.date | None = None) -> DateMention:
    """The one date mention in ``text``.

    Raises:
        DateError: ``text`` holds no date.
    """
    found = find_dates(text, ref=ref)
    if not found:
        raise DateError(f"no date found in {text[:80]!r}")
    return found[0]
