"""normalize(): documented, switchable normalization steps for Arabic and Persian.

(Skeleton: the normalization issue fills this in.)
"""

from __future__ import annotations

__all__ = ["normalize"]


def normalize(text: str, lang: str = "ar", **steps: bool) -> str:
    """Return ``text`` normalized for ``lang``."""
    return text
