"""Text tools for Arabic and Persian: normalization, ZWNJ repair and quotations.

This package stands alone: it imports nothing about articles or parsers.
"""

from __future__ import annotations

from .normalize import normalize
from .quotes import QuoteSpan, find_quotes
from .zwnj import repair_zwnj

__all__ = ["QuoteSpan", "find_quotes", "normalize", "repair_zwnj"]
