"""repair_zwnj(): put back the zero-width non-joiners Persian orthography needs.

(Skeleton: the normalization issue fills this in.)
"""

from __future__ import annotations

__all__ = ["repair_zwnj"]


def repair_zwnj(text: str) -> str:
    """Insert ZWNJ characters where Persian orthography needs them."""
    return text
