"""Batch parsing, export and archive input."""

from __future__ import annotations

from .batch import parse_many

__all__ = ["parse_many"]
