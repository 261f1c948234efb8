"""The growth table of every registered pattern on its worst inputs.

    .venv/bin/python benchmarks/bench_regex.py [--small 8192] [--large 65536]

Imports every mideastnews module (so every pattern registers itself with
``mideastnews._regex``), then times ``finditer`` over each pattern's worst
inputs at two sizes and prints the time at each and the growth ratio (8x the
input is linear at about 8x).
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
from collections.abc import Callable

import mideastnews
from mideastnews import _regex

__all__ = ["import_all", "run_time"]


def import_all() -> list[str]:
    """Import every module of the package; return those that failed (optional extras)."""
    failed = []
    for info in pkgutil.walk_packages(mideastnews.__path__, "mideastnews."):
        if info.name.endswith("__main__"):
            continue  # importing it runs the command line
        try:
            importlib.import_module(info.name)
        except ImportError as e:  # an optional dependency (pyarrow, dask …) missing
            failed.append(f"{info.name}: {e}")
    return failed


def run_time(pattern: re.Pattern[str], make: Callable[[int], str], size: int) -> float:
    """Seconds of CPU for one ``finditer`` pass over ``make(size)`` (best of five)."""
    return _regex.cpu_seconds(pattern, make(size), 5)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", type=int, default=8 * 1024)
    ap.add_argument("--large", type=int, default=64 * 1024)
    args = ap.parse_args()
    for line in import_all():
        print(f"skipped {line}")
    print(f"{'pattern':44} {'worst input':22} {'8 KB ms':>9} {'64 KB ms':>9} {'growth':>7}")
    worst_growth = 0.0
    for name, reg in sorted(_regex.PATTERNS.items()):
        for make in reg.worst:
            small = run_time(reg.pattern, make, args.small)
            large = run_time(reg.pattern, make, args.large)
            growth = large / small if small > 0 else 0.0
            worst_growth = max(worst_growth, growth)
            print(f"{name:44} {make.__name__:22} {small * 1e3:9.2f} {large * 1e3:9.2f} {growth:7.1f}")
    print(f"{len(_regex.PATTERNS)} patterns; worst growth {worst_growth:.1f}x for 8x the input")


if __name__ == "__main__":
    main()
