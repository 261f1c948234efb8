"""mideastnews parser plugin for Tasnim News Agency (tasnimnews.com).

Installing this package is all it takes: its ``mideastnews.parsers`` entry
point makes :func:`mideastnews.parse` use :class:`TasnimParser` for Tasnim's
addresses and recognise Tasnim's text dumps.
"""

from __future__ import annotations

from .parser import TasnimParser

__all__ = ["TasnimParser"]
