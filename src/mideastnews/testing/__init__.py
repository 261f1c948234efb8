"""Test kit for plugin authors: hypothesis strategies and a parser contract.

* :func:`calendar_dates`, :func:`date_expressions` and :func:`article_texts`
  are hypothesis strategies (also registered for
  :func:`hypothesis.strategies.from_type` through hypothesis' entry point).
* :class:`ParserContract` is a base test class: subclass it in a plugin's
  test suite to check the registry contract, the *nothing lost* invariant,
  ``to_dict()`` round trips and error behaviour.
* :func:`words` and :func:`lost_words` are the word splitting and the
  *nothing lost* check the contract uses.

The strategies need hypothesis; :class:`ParserContract` needs pytest too
(both come with the ``test`` extra).  ``ParserContract`` is imported on first
use, so hypothesis' entry point never imports pytest; :func:`words` and
:func:`lost_words` need neither.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .invariants import lost_words, words
from .strategies import (
    ARABIC_WORDS,
    DEFAULT_MAX_DAY,
    DEFAULT_MIN_DAY,
    PERSIAN_WORDS,
    article_texts,
    calendar_dates,
    date_expressions,
    register_strategies,
)

if TYPE_CHECKING:
    from .contract import ParserContract

__all__ = [
    "ARABIC_WORDS",
    "DEFAULT_MAX_DAY",
    "DEFAULT_MIN_DAY",
    "PERSIAN_WORDS",
    "ParserContract",
    "article_texts",
    "calendar_dates",
    "date_expressions",
    "lost_words",
    "register_strategies",
    "words",
]

_LAZY = {"ParserContract"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from . import contract

        value = getattr(contract, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _LAZY)
