"""The exceptions mideastnews raises.

Every error is a :class:`MideastNewsError` and also the built-in exception it
resembles, so ``except ValueError`` keeps working for callers who do not know
this library.
"""

from __future__ import annotations

__all__ = ["DateError", "MideastNewsError", "MideastNewsWarning", "ParseError", "PluginError"]


class MideastNewsError(Exception):
    """The root of every error mideastnews raises on purpose."""


class ParseError(MideastNewsError, ValueError):
    """The input holds no article: empty, binary, undecodable, too large, or missing."""


class DateError(MideastNewsError, ValueError):
    """A date is invalid in its calendar, out of every supported range, or not found."""


class PluginError(MideastNewsError, LookupError):
    """A parser is unknown, failed to load, or is not a :class:`mideastnews.Parser`."""


class MideastNewsWarning(UserWarning):
    """Something was skipped or repaired: a faulty plugin, undecodable bytes."""
