"""Publication dates inferred from an article's own date evidence.

(Skeleton: the quotes-and-inference issue fills this in.)
"""

from __future__ import annotations

import datetime as dt

from .model import Article

__all__ = ["infer_published"]


def infer_published(article: Article) -> dt.date | None:
    """The publication day the text pins down, or ``None`` when it pins none."""
    return None
