"""One registry of every compiled pattern, with generators of its worst inputs.

Untrusted pages reach these patterns, so each one is registered together with
functions that build adversarial strings of a given length.  The regex growth
check (``tests/test_regex_growth.py`` and ``benchmarks/bench_regex.py``) times
every registered pattern at 8 KB and 64 KB and fails on super-linear growth.
"""

from __future__ import annotations

import gc
import re
import time
from collections.abc import Callable
from typing import TypeVar

import attrs

__all__ = ["PATTERNS", "RegisteredPattern", "compile", "compile_bytes", "cpu_seconds"]

WorstInput = Callable[[int], str]
PatternT = TypeVar("PatternT", re.Pattern[str], re.Pattern[bytes])


@attrs.frozen
class RegisteredPattern:
    """A compiled pattern, where it was defined, and its adversarial inputs."""

    name: str
    pattern: re.Pattern[str] | re.Pattern[bytes]
    worst: tuple[WorstInput, ...]


PATTERNS: dict[str, RegisteredPattern] = {}


def _default_worst(pattern: re.Pattern[str] | re.Pattern[bytes]) -> tuple[WorstInput, ...]:
    # Repeating the pattern's own literal characters is what makes most
    # backtracking patterns blow up; add a mismatching tail to force failure.
    source = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode("latin-1")
    chars = "".join(sorted({c for c in source if c.isalnum() or c in " ./-:"}))[:12] or "a"

    def repeat_chars(n: int) -> str:
        return (chars * (n // len(chars) + 1))[:n] + "\x00"

    def spaces(n: int) -> str:
        return " " * n + "\x00"

    def digits(n: int) -> str:
        return ("1 ۱٫" * (n // 4 + 1))[:n] + "!"

    return (repeat_chars, spaces, digits)


def _register(name: str, compiled: PatternT, worst: tuple[WorstInput, ...]) -> PatternT:
    PATTERNS[name] = RegisteredPattern(name, compiled, tuple(worst) + _default_worst(compiled))
    return compiled


def compile(
    name: str,
    pattern: str,
    flags: int = 0,
    *,
    worst: tuple[WorstInput, ...] = (),
) -> re.Pattern[str]:
    """Compile ``pattern`` and register it under ``name`` with its worst inputs.

    Args:
        name: A unique dotted name, usually ``module.PURPOSE``.
        pattern: The regular expression.
        flags: ``re`` flags.
        worst: Functions ``n -> str`` that build adversarial inputs of about
            ``n`` characters; a few generic ones are always added.

    Returns:
        The compiled pattern.
    """
    return _register(name, re.compile(pattern, flags), worst)


def compile_bytes(
    name: str,
    pattern: bytes,
    flags: int = 0,
    *,
    worst: tuple[WorstInput, ...] = (),
) -> re.Pattern[bytes]:
    """:func:`compile` for a pattern over bytes (a page's raw UTF-8, scanned before it is decoded).

    The worst inputs are built as text and scanned in their UTF-8 form.
    """
    return _register(name, re.compile(pattern, flags), worst)


def cpu_seconds(pattern: re.Pattern[str] | re.Pattern[bytes], text: str, rounds: int = 5) -> float:
    """The best CPU time, over ``rounds`` runs, of one ``finditer`` pass of ``pattern`` over ``text``.

    CPU time of this thread, with garbage collection off, so that other
    processes and a collection landing in one run do not swamp the figure;
    used by the growth check and its benchmark.
    """
    best = float("inf")
    subject: str | bytes = text if isinstance(pattern.pattern, str) else text.encode("utf-8", "surrogatepass")
    gc.disable()
    try:
        for _ in range(rounds):
            t0 = time.thread_time()
            for _m in pattern.finditer(subject):  # type: ignore[arg-type]  # the subject's type follows the pattern's
                pass
            best = min(best, time.thread_time() - t0)
    finally:
        gc.enable()
    return best
