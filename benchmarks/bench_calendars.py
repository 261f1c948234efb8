"""Calendar conversion speed: hijridate and jdatetime against mideastnews.dates, in one process.

For each direction (Gregorian -> Hijri, Hijri -> Gregorian, Gregorian -> Solar
Hijri, Solar Hijri -> Gregorian) the same dates go through:

* the library's own per-date conversion in a loop (hijridate / jdatetime);
* our object API in a loop (``convert`` / ``CalendarDate(...).to_gregorian()``
  / ``.to()``);
* our bulk columns (``to_calendar_columns`` / ``from_calendar_columns``) on a
  list, and on a numpy array when numpy is installed.

The methods of one direction run in turn, round after round (``--repeat``
rounds), and each keeps its best round: on a shared machine a load swing then
hits the library and ours alike.  The bulk forms on lists are also timed once
cold (first call, building the cached per-day window).  Ratios are the
fastest library loop's time per date divided by ours (> 1: we are faster).

Run: ``.venv/bin/python benchmarks/bench_calendars.py [--n 20000] [--repeat 5]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import random
import time
from collections.abc import Callable
from typing import Any

import hijridate
import jdatetime

from mideastnews.dates import CalendarDate, _tables, convert, from_calendar_columns, to_calendar_columns


def once(fn: Callable[[], object], n: int) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) / n * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000, help="dates per direction")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    n, repeat = args.n, args.repeat
    rng = random.Random(args.seed)
    first = dt.date(1924, 8, 1).toordinal()
    last = dt.date(2077, 11, 16).toordinal()
    days = [dt.date.fromordinal(rng.randint(first, last)) for _ in range(n)]
    hijri = [convert(d, "hijri") for d in days]
    jalali = [convert(d, "jalali") for d in days]
    h_cols = ([c.year for c in hijri], [c.month for c in hijri], [c.day for c in hijri])
    j_cols = ([c.year for c in jalali], [c.month for c in jalali], [c.day for c in jalali])
    h_tuples = list(zip(*h_cols, strict=True))
    j_tuples = list(zip(*j_cols, strict=True))

    try:
        np: Any = importlib.import_module("numpy")
    except ImportError:  # pragma: no cover
        np = None

    # direction -> [(method, fn, cold us/date)]
    plan: dict[str, list[tuple[str, Callable[[], object], float | None]]] = {}

    def add(direction: str, method: str, fn: Callable[[], object], cold: bool = False) -> None:
        cold_time = None
        if cold:
            _tables._windows.clear()
            cold_time = once(fn, n)
        plan.setdefault(direction, []).append((method, fn, cold_time))

    # Gregorian -> Hijri
    g2h = "gregorian -> hijri"
    add(
        g2h,
        "hijridate Gregorian.fromdate(d).to_hijri()",
        lambda: [hijridate.Gregorian.fromdate(d).to_hijri() for d in days],
    )
    add(
        g2h,
        "hijridate Gregorian(y, m, d).to_hijri()",
        lambda: [hijridate.Gregorian(d.year, d.month, d.day).to_hijri() for d in days],
    )
    add(g2h, "ours convert(d, 'hijri')", lambda: [convert(d, "hijri") for d in days])
    add(
        g2h,
        "ours CalendarDate.from_gregorian(d, 'hijri')",
        lambda: [CalendarDate.from_gregorian(d, "hijri") for d in days],
    )
    add(g2h, "ours to_calendar_columns(list)", lambda: to_calendar_columns(days, "hijri"), cold=True)
    if np is not None:
        arr = np.array(days, dtype="datetime64[D]")
        add(g2h, "ours to_calendar_columns(numpy)", lambda: to_calendar_columns(arr, "hijri"))

    # Hijri -> Gregorian
    h2g = "hijri -> gregorian"
    add(
        h2g,
        "hijridate Hijri(y, m, d).to_gregorian()",
        lambda: [hijridate.Hijri(y, m, d).to_gregorian() for y, m, d in h_tuples],
    )
    add(
        h2g,
        "ours CalendarDate('hijri', y, m, d).to_gregorian()",
        lambda: [CalendarDate("hijri", y, m, d).to_gregorian() for y, m, d in h_tuples],
    )
    add(h2g, "ours cd.to('gregorian') (made dates)", lambda: [c.to("gregorian") for c in hijri])
    add(h2g, "ours from_calendar_columns(lists)", lambda: from_calendar_columns("hijri", *h_cols))
    if np is not None:
        h_np = tuple(np.array(c) for c in h_cols)
        add(h2g, "ours from_calendar_columns(numpy)", lambda: from_calendar_columns("hijri", *h_np))

    # Gregorian -> Solar Hijri
    g2j = "gregorian -> jalali"
    add(
        g2j,
        "jdatetime date.fromgregorian(date=d)",
        lambda: [jdatetime.date.fromgregorian(date=d) for d in days],
    )
    add(g2j, "ours convert(d, 'jalali')", lambda: [convert(d, "jalali") for d in days])
    add(g2j, "ours to_calendar_columns(list)", lambda: to_calendar_columns(days, "jalali"), cold=True)
    if np is not None:
        add(g2j, "ours to_calendar_columns(numpy)", lambda: to_calendar_columns(arr, "jalali"))

    # Solar Hijri -> Gregorian
    j2g = "jalali -> gregorian"
    add(
        j2g,
        "jdatetime date(y, m, d).togregorian()",
        lambda: [jdatetime.date(y, m, d).togregorian() for y, m, d in j_tuples],
    )
    add(
        j2g,
        "ours CalendarDate('jalali', y, m, d).to_gregorian()",
        lambda: [CalendarDate("jalali", y, m, d).to_gregorian() for y, m, d in j_tuples],
    )
    add(j2g, "ours cd.to('gregorian') (made dates)", lambda: [c.to("gregorian") for c in jalali])
    add(j2g, "ours from_calendar_columns(lists)", lambda: from_calendar_columns("jalali", *j_cols))
    if np is not None:
        j_np = tuple(np.array(c) for c in j_cols)
        add(j2g, "ours from_calendar_columns(numpy)", lambda: from_calendar_columns("jalali", *j_np))

    # Hijri <-> Solar Hijri through the object API (the libraries need two steps).
    h2j = "hijri -> jalali"
    add(
        h2j,
        "hijridate+jdatetime Hijri().to_gregorian() -> fromgregorian",
        lambda: [
            jdatetime.date.fromgregorian(date=hijridate.Hijri(y, m, d).to_gregorian()) for y, m, d in h_tuples
        ],
    )
    add(h2j, "ours cd.to('jalali') (made dates)", lambda: [c.to("jalali") for c in hijri])
    add(
        h2j,
        "ours CalendarDate('hijri', y, m, d).to('jalali')",
        lambda: [CalendarDate("hijri", y, m, d).to("jalali") for y, m, d in h_tuples],
    )

    rows: list[tuple[str, str, float, float | None]] = []  # direction, method, us/date, cold us/date
    for direction, methods in plan.items():
        best = [float("inf")] * len(methods)
        for _ in range(repeat):
            for k, (_, fn, _) in enumerate(methods):
                best[k] = min(best[k], once(fn, n))
        rows.extend((direction, m, b, c) for (m, _, c), b in zip(methods, best, strict=True))

    numpy_note = "numpy: yes" if np is not None else "numpy: not installed"
    print(f"{n} dates per direction, 1924-08-01 .. 2077-11-16, best of {repeat} rounds; {numpy_note}")
    print(f"{'direction':22} {'method':62} {'us/date':>8} {'cold':>7} {'lib/ours':>9}")
    for direction in dict.fromkeys(r[0] for r in rows):
        group = [r for r in rows if r[0] == direction]
        library = min(r[2] for r in group if not r[1].startswith("ours"))
        for _, method, us, cold in group:
            ratio = "" if not method.startswith("ours") else f"{library / us:8.1f}x"
            cold_text = f"{cold:7.3f}" if cold is not None else ""
            print(f"{direction:22} {method:62} {us:8.3f} {cold_text:>7} {ratio:>9}")
        print()
    print("lib/ours: the fastest library loop of the direction divided by ours (> 1: ours is faster).")


if __name__ == "__main__":
    main()
