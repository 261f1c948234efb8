"""Every registered pattern stays linear on its worst inputs (8 KB against 64 KB)."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable

import pytest

import mideastnews
from mideastnews import _regex

SMALL, LARGE = 8 * 1024, 64 * 1024
MAX_GROWTH = 12.0  # 8x the input; linear is about 8x
MAX_SECONDS = 2.0


def _import_all() -> None:
    for info in pkgutil.walk_packages(mideastnews.__path__, "mideastnews."):
        if info.name.endswith("__main__"):
            continue  # importing it runs the command line
        try:
            importlib.import_module(info.name)
        except ImportError as e:
            if "mideastnews" in str(e):
                raise  # our own module is broken, not an optional extra missing
            continue


_import_all()
from mideastnews.dates import finder  # noqa: E402

finder.DATE_PATTERN  # noqa: B018  # compiled (and registered) on first access
CASES = [(name, make) for name, reg in sorted(_regex.PATTERNS.items()) for make in reg.worst]


def test_patterns_registered() -> None:
    assert any(name.startswith("dates.") for name in _regex.PATTERNS)


@pytest.mark.parametrize(("name", "make"), CASES, ids=[f"{n}-{m.__name__}" for n, m in CASES])
def test_linear_growth(name: str, make: Callable[[int], str]) -> None:
    pattern = _regex.PATTERNS[name].pattern
    small_text, large_text = make(SMALL), make(LARGE)
    noise = 2e-3  # a 64 KB pass this fast is linear whatever the ratio says (timer noise)
    for _attempt in range(5):  # a shared machine's hiccup does not repeat; a quadratic pattern does
        small = _regex.cpu_seconds(pattern, small_text, 9)
        large = _regex.cpu_seconds(pattern, large_text, 9)
        if large <= MAX_GROWTH * small or large < noise:
            break
    assert large <= MAX_SECONDS, f"{name}: {large:.2f}s on 64 KB of {make.__name__}"
    assert large <= MAX_GROWTH * small or large < noise, (
        f"{name}: {small * 1e3:.2f} ms -> {large * 1e3:.2f} ms ({large / max(small, 1e-9):.1f}x) "
        f"on {make.__name__}")
