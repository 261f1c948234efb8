"""Text tools for Arabic and Persian: normalization, ZWNJ repair and quotations.

This package stands alone: it imports nothing about articles or parsers.
"""

from __future__ import annotations

from .normalize import normalize
from .zwnj import repair_zwnj

__all__ = ["normalize", "repair_zwnj"]
