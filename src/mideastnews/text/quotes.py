"""Direct quotations and their speakers.

(Skeleton: the quotes-and-inference issue fills this in.)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

__all__ = ["QuoteSpan", "find_quotes"]


class QuoteSpan(NamedTuple):
    """A quotation found in a paragraph: its text, speaker and paragraph index."""

    text: str
    speaker: str | None
    paragraph: int


def find_quotes(paragraphs: Sequence[str], *, language: str = "ar") -> list[QuoteSpan]:
    """Every direct quotation in ``paragraphs``, in order."""
    return []
