"""``attrs.evolve`` for the library's frozen records, with its per-call look-ups done once per class.

The date finder copies mentions with a few fields changed, often several times a
mention, and the enrichment step copies every article once: the copy keeps the
fields it does not change as they are (the constructor already converted them,
and converting them again gives equal values back) and puts only the changed
ones through their converters, exactly as ``attrs.evolve`` would.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar, cast

import attrs

__all__ = ["evolver"]

R = TypeVar("R")


def evolver(cls: type[R]) -> Callable[[R, Mapping[str, Any]], R]:
    """A function ``copy(record, changes)`` that returns ``attrs.evolve(record, **changes)`` for ``cls``.

    A subclass of ``cls`` (it may add fields or checks of its own), or a
    class with validators, a post-init hook or aliased fields, is left to
    ``attrs.evolve`` itself.
    """
    fields = attrs.fields(cast("type[attrs.AttrsInstance]", cls))
    setters: tuple[tuple[str, Callable[[object, Any], None], Callable[[Any], Any] | None], ...] = tuple(
        (f.name, vars(cls)[f.name].__set__, cast("Callable[[Any], Any] | None", f.converter))
        for f in fields)  # (the library's converters are plain functions)
    names = frozenset(f.name for f in fields)
    plain = (all(f.validator is None and f.init and f.alias == f.name for f in fields)
             and not hasattr(cls, "__attrs_post_init__"))

    def copy(record: R, changes: Mapping[str, Any]) -> R:
        if type(record) is not cls or not plain:
            return attrs.evolve(record, **changes)  # type: ignore[misc]
        unknown = changes.keys() - names
        if unknown:
            raise TypeError(f"{cls.__name__} has no field(s) {sorted(unknown)}")
        new = object.__new__(cls)
        for name, put, convert in setters:
            if name in changes:
                value = changes[name]
                put(new, value if convert is None else convert(value))
            else:
                put(new, getattr(record, name))
        return new

    copy.__qualname__ = copy.__name__ = f"evolve_{cls.__name__}"
    return copy
