"""Calendar conversion speed: hijridate and jdatetime against mideastnews.dates, in one process.

For each direction (Gregorian -> Hijri, Hijri -> Gregorian, Gregorian -> Solar
Hijri, Solar Hijri -> Gregorian, Hijri -> Solar Hijri) the same dates go
through:

* the library's own per-date conversion in a loop (hijridate / jdatetime);
* our object API in a loop (``convert`` / ``CalendarDate(...).to_gregorian()``
  / ``.to()``);
* our bulk columns (``to_calendar_columns`` / ``from_calendar_columns``) on a
  list, and on numpy arrays when numpy is installed.

The dates (``--n``, random days of the Umm al-Qura range) are cut into chunks
of ``--chunk``.  Round after round every method of a direction converts the
next chunk, and each method keeps its fastest round (time per date): short
rounds interleaved this way let a shared, loaded machine disturb library and
ours alike, and the minimum is the undisturbed speed.  The bulk list forms are
also timed once cold on all ``--n`` dates (first call, building the cached
per-day window).  Ratios are the fastest library loop's time per date divided
by ours (> 1: ours is faster).

Run: ``.venv/bin/python benchmarks/bench_calendars.py [--n 20000] [--chunk 2000] [--rounds 60]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import random
import time
from collections.abc import Callable
from typing import Any

import attrs
import hijridate
import jdatetime

from mideastnews.dates import CalendarDate, _tables, convert, from_calendar_columns, to_calendar_columns


@attrs.frozen
class Chunk:
    """One slice of the test dates in every form the methods take."""

    days: list[dt.date]
    hijri: list[CalendarDate]
    jalali: list[CalendarDate]
    h_cols: tuple[list[int], list[int], list[int]]
    j_cols: tuple[list[int], list[int], list[int]]
    h_tuples: list[tuple[int, int, int]]
    j_tuples: list[tuple[int, int, int]]
    np_days: Any
    np_h_cols: Any
    np_j_cols: Any


def make_chunk(days: list[dt.date], np: Any) -> Chunk:
    """Every form of ``days`` the methods convert."""
    hijri = [convert(d, "hijri") for d in days]
    jalali = [convert(d, "jalali") for d in days]
    h_cols = ([c.year for c in hijri], [c.month for c in hijri], [c.day for c in hijri])
    j_cols = ([c.year for c in jalali], [c.month for c in jalali], [c.day for c in jalali])
    return Chunk(
        days=days,
        hijri=hijri,
        jalali=jalali,
        h_cols=h_cols,
        j_cols=j_cols,
        h_tuples=list(zip(*h_cols, strict=True)),
        j_tuples=list(zip(*j_cols, strict=True)),
        np_days=None if np is None else np.array(days, dtype="datetime64[D]"),
        np_h_cols=None if np is None else tuple(np.array(c) for c in h_cols),
        np_j_cols=None if np is None else tuple(np.array(c) for c in j_cols),
    )


Method = Callable[[Chunk], object]


def plan(has_numpy: bool) -> dict[str, list[tuple[str, Method]]]:
    """Direction -> ``(label, method)``; labels of our methods start with ``ours``."""
    g2h: list[tuple[str, Method]] = [
        (
            "hijridate Gregorian.fromdate(d).to_hijri()",
            lambda c: [hijridate.Gregorian.fromdate(d).to_hijri() for d in c.days],
        ),
        (
            "hijridate Gregorian(y, m, d).to_hijri()",
            lambda c: [hijridate.Gregorian(d.year, d.month, d.day).to_hijri() for d in c.days],
        ),
        ("ours convert(d, 'hijri')", lambda c: [convert(d, "hijri") for d in c.days]),
        (
            "ours CalendarDate.from_gregorian(d, 'hijri')",
            lambda c: [CalendarDate.from_gregorian(d, "hijri") for d in c.days],
        ),
        ("ours to_calendar_columns(list)", lambda c: to_calendar_columns(c.days, "hijri")),
    ]
    h2g: list[tuple[str, Method]] = [
        (
            "hijridate Hijri(y, m, d).to_gregorian()",
            lambda c: [hijridate.Hijri(y, m, d).to_gregorian() for y, m, d in c.h_tuples],
        ),
        (
            "ours CalendarDate('hijri', y, m, d).to_gregorian()",
            lambda c: [CalendarDate("hijri", y, m, d).to_gregorian() for y, m, d in c.h_tuples],
        ),
        ("ours cd.to('gregorian') (made dates)", lambda c: [h.to("gregorian") for h in c.hijri]),
        ("ours from_calendar_columns(lists)", lambda c: from_calendar_columns("hijri", *c.h_cols)),
    ]
    g2j: list[tuple[str, Method]] = [
        (
            "jdatetime date.fromgregorian(date=d)",
            lambda c: [jdatetime.date.fromgregorian(date=d) for d in c.days],
        ),
        ("ours convert(d, 'jalali')", lambda c: [convert(d, "jalali") for d in c.days]),
        ("ours to_calendar_columns(list)", lambda c: to_calendar_columns(c.days, "jalali")),
    ]
    j2g: list[tuple[str, Method]] = [
        (
            "jdatetime date(y, m, d).togregorian()",
            lambda c: [jdatetime.date(y, m, d).togregorian() for y, m, d in c.j_tuples],
        ),
        (
            "ours CalendarDate('jalali', y, m, d).to_gregorian()",
            lambda c: [CalendarDate("jalali", y, m, d).to_gregorian() for y, m, d in c.j_tuples],
        ),
        ("ours cd.to('gregorian') (made dates)", lambda c: [j.to("gregorian") for j in c.jalali]),
        ("ours from_calendar_columns(lists)", lambda c: from_calendar_columns("jalali", *c.j_cols)),
    ]
    h2j: list[tuple[str, Method]] = [
        (
            "hijridate + jdatetime via Gregorian",
            lambda c: [
                jdatetime.date.fromgregorian(date=hijridate.Hijri(y, m, d).to_gregorian())
                for y, m, d in c.h_tuples
            ],
        ),
        ("ours cd.to('jalali') (made dates)", lambda c: [h.to("jalali") for h in c.hijri]),
        (
            "ours CalendarDate('hijri', y, m, d).to('jalali')",
            lambda c: [CalendarDate("hijri", y, m, d).to("jalali") for y, m, d in c.h_tuples],
        ),
    ]
    if has_numpy:
        g2h.append(("ours to_calendar_columns(numpy)", lambda c: to_calendar_columns(c.np_days, "hijri")))
        h2g.append(
            ("ours from_calendar_columns(numpy)", lambda c: from_calendar_columns("hijri", *c.np_h_cols))
        )
        g2j.append(("ours to_calendar_columns(numpy)", lambda c: to_calendar_columns(c.np_days, "jalali")))
        j2g.append(
            ("ours from_calendar_columns(numpy)", lambda c: from_calendar_columns("jalali", *c.np_j_cols))
        )
    return {
        "gregorian -> hijri": g2h,
        "hijri -> gregorian": h2g,
        "gregorian -> jalali": g2j,
        "jalali -> gregorian": j2g,
        "hijri -> jalali": h2j,
    }


def timed(fn: Method, chunk: Chunk) -> float:
    """Microseconds per date of one call."""
    start = time.perf_counter()
    fn(chunk)
    return (time.perf_counter() - start) / len(chunk.days) * 1e6


def main() -> None:
    """Run every direction and print the table of times and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000, help="dates in all")
    parser.add_argument("--chunk", type=int, default=2_000, help="dates per timed call")
    parser.add_argument("--rounds", type=int, default=60, help="timed calls per method")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    try:
        np: Any = importlib.import_module("numpy")
    except ImportError:  # pragma: no cover
        np = None
    rng = random.Random(args.seed)
    first = dt.date(1924, 8, 1).toordinal()
    last = dt.date(2077, 11, 16).toordinal()
    days = [dt.date.fromordinal(rng.randint(first, last)) for _ in range(args.n)]
    everything = make_chunk(days, np)
    chunks = [make_chunk(days[i : i + args.chunk], np) for i in range(0, args.n, args.chunk)]

    cold: dict[tuple[str, str], float] = {}
    for direction, to in (("gregorian -> hijri", "hijri"), ("gregorian -> jalali", "jalali")):
        _tables._windows.clear()
        start = time.perf_counter()
        to_calendar_columns(everything.days, to)
        cold[direction, "ours to_calendar_columns(list)"] = (time.perf_counter() - start) / args.n * 1e6

    rows: list[tuple[str, str, float]] = []
    for direction, methods in plan(np is not None).items():
        best = [float("inf")] * len(methods)
        for r in range(args.rounds):
            chunk = chunks[r % len(chunks)]
            for k, (_, fn) in enumerate(methods):
                best[k] = min(best[k], timed(fn, chunk))
        rows.extend((direction, label, b) for (label, _), b in zip(methods, best, strict=True))

    numpy_note = "numpy: yes" if np is not None else "numpy: not installed"
    print(
        f"{args.n} random days of 1924-08-01 .. 2077-11-16 in chunks of {args.chunk}; "
        f"fastest of {args.rounds} interleaved rounds per method; {numpy_note}"
    )
    print(f"{'direction':22} {'method':52} {'us/date':>8} {'cold':>7} {'lib/ours':>9}")
    for direction in dict.fromkeys(r[0] for r in rows):
        group = [r for r in rows if r[0] == direction]
        library = min(us for _, label, us in group if not label.startswith("ours"))
        for _, label, us in group:
            ratio = f"{library / us:8.1f}x" if label.startswith("ours") else ""
            cold_us = cold.get((direction, label))
            cold_text = f"{cold_us:7.3f}" if cold_us is not None else ""
            print(f"{direction:22} {label:52} {us:8.3f} {cold_text:>7} {ratio:>9}")
        print()
    print("lib/ours: the fastest library loop of the direction divided by ours (> 1: ours is faster).")
    print("cold: the first call on all dates, building the cached per-day window.")


if __name__ == "__main__":
    main()
