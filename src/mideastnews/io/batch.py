"""parse_many: many inputs to one Article or Failure each, in input order.

(Skeleton: the batch issue adds the process pool, time budget and streaming.)
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from ..api import parse
from ..errors import MideastNewsError
from ..model import Article, Failure

__all__ = ["parse_many"]

Source = str | bytes | os.PathLike[str]


def _source_id(source: object, position: int) -> str:
    if isinstance(source, os.PathLike):
        return str(os.fspath(source))
    return f"#{position}"


def parse_many(
    sources: Iterable[Source], *, workers: int | None = None, progress: bool = False
) -> Iterator[Article | Failure]:
    """Parse many inputs, yielding one Article or Failure per input, in order."""
    for position, source in enumerate(sources):
        try:
            yield parse(source)
        except (MideastNewsError, TypeError) as exc:
            yield Failure(_source_id(source, position), type(exc).__name__, str(exc))
