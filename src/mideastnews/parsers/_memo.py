"""Values worked out once per description object (a site, a dump profile, a tuple of markers).

Such objects are frozen but large: hashing one on every page would cost more
than the work a memo saves, so they are looked up by identity.  The object is
kept beside its value, so an id reused after the object is gone never answers
for another one; past ``limit`` objects (descriptions built at run time, over
and over) the memo starts afresh.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["ByIdentity"]

K = TypeVar("K")
V = TypeVar("V")


class ByIdentity(Generic[K, V]):
    """``build(owner)``, computed once per ``owner`` object."""

    __slots__ = ("_build", "_items", "_limit")

    def __init__(self, build: Callable[[K], V], limit: int = 256) -> None:
        self._build = build
        self._items: dict[int, tuple[K, V]] = {}
        self._limit = limit

    def __call__(self, owner: K) -> V:
        """The value for ``owner``, built on first use."""
        got = self._items.get(id(owner))
        if got is not None and got[0] is owner:
            return got[1]
        value = self._build(owner)
        if len(self._items) > self._limit:
            self._items.clear()
        self._items[id(owner)] = (owner, value)
        return value
