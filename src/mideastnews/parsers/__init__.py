"""Source parsers: one module per source, plus the shared text and HTML machinery."""

from __future__ import annotations

from .base import Parser

__all__ = ["Parser"]
