"""find_dates against dateparser's search_dates, side by side, on the seeds' paragraphs.

    .venv/bin/python benchmarks/bench_dates.py [--gold PATH] [--rounds N] [--articles]

Both finders run over the same texts in one process (each warmed first), with
the reference day set (dateparser: ``languages`` and ``RELATIVE_BASE``).
Prints µs per KB of UTF-8 text (best of ``--rounds``) over the gold paragraphs
and over every line of the project's ``seeds/``, F1 against the gold mentions
(scored as ``../shared/tools/score_dates.py`` does) and the speed ratios.
The gold file defaults to ``../shared/gold/seed_dates.jsonl``; without it, the
project's own ``tests/data/date_cases.jsonl`` is used.

``--articles`` adds what one seed article's date work costs in ``mn.parse``
(CPU time of this process, best of ``--rounds`` x 4 passes over the seeds,
per article): the whole parse, the enrichment step, and its date part, the
inference's probe readings and the final reading of every field through one
:class:`~mideastnews.dates.finder.SharedFinder`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

Found = list[dict[str, Any]]
Runner = Callable[[str, str, dt.date | None], Found]


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def run_mideastnews() -> Runner:
    from mideastnews.dates import find_dates

    def run(text: str, lang: str, ref: dt.date | None) -> Found:
        return [{"start": m.start, "end": m.end, "calendar": str(m.calendar), "ymd": [m.year, m.month, m.day],
                     "greg": m.date.isoformat() if m.date else None} for m in find_dates(text, ref=ref)]
    return run


def run_dateparser() -> Runner:
    from dateparser.search import search_dates

    def run(text: str, lang: str, ref: dt.date | None) -> Found:
        settings = {"RELATIVE_BASE": dt.datetime.combine(ref, dt.time())} if ref else {}
        found = search_dates(text, languages=[lang], settings=settings) or []
        out, pos = [], 0
        for surface, value in found:
            start = text.find(surface, pos)
            if start < 0:
                start = text.find(surface)
            pos = max(pos, start + 1)
            out.append({"start": start, "end": start + len(surface), "calendar": "gregorian",
                            "ymd": [value.year, value.month, value.day], "greg": value.date().isoformat()})
        return out
    return run


def _agrees(g: dict[str, Any], r: dict[str, Any]) -> bool:
    if g["greg"]:
        if not r["greg"]:
            return False
        gap = dt.date.fromisoformat(g["greg"]) - dt.date.fromisoformat(r["greg"])
        return bool(abs(gap.days) <= g["tol"])
    if g["calendar"] != r["calendar"]:
        return False
    return all(w is None or w == got for w, got in zip(g["ymd"], r["ymd"], strict=True))


def f1(cases: list[dict[str, Any]], run: Runner) -> float:
    gold_n = correct = extra = 0
    for c in cases:
        ref = dt.date.fromisoformat(c["ref"]) if c["ref"] else None
        try:
            got = run(c["text"], c["lang"], ref)
        except Exception:  # a crash scores as finding nothing
            got = []
        used: set[int] = set()
        spans = [(g["start"], g["end"]) for g in c["mentions"]]
        for g, (gs, ge) in zip(c["mentions"], spans, strict=True):
            gold_n += 1
            for i, r in enumerate(got):
                if i not in used and r["start"] < ge and gs < r["end"] and _agrees(g, r):
                    used.add(i)
                    correct += 1
                    break
        extra += sum(1 for i, r in enumerate(got) if i not in used
                     and not any(r["start"] < ge and gs < r["end"] for gs, ge in spans))
    p = correct / (correct + extra) if correct + extra else 0.0
    rc = correct / gold_n if gold_n else 0.0
    return 2 * p * rc / (p + rc) if p + rc else 0.0


def speed(cases: list[dict[str, Any]], run: Runner, rounds: int) -> float:
    texts = [(c["text"], c["lang"], dt.date.fromisoformat(c["ref"]) if c["ref"] else None) for c in cases]
    kb = sum(len(t.encode()) for t, _l, _r in texts) / 1024
    for t, lang, ref in texts:  # warm
        run(t, lang, ref)
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        for t, lang, ref in texts:
            run(t, lang, ref)
        best = min(best, time.perf_counter() - t0)
    return best * 1e6 / kb


def article_costs(rounds: int) -> None:
    """CPU time per seed article: mn.parse, the enrichment step, and its date part."""
    import attrs

    import mideastnews as mn
    from mideastnews import enrich

    sources = [path.read_bytes() for path in sorted((ROOT / "seeds").glob("*.txt"))]
    if not sources:
        return
    # the parser's own article: what enrich adds taken off again (dates, quotes, an inferred day)
    parsed = [mn.parse(s) for s in sources]
    articles = [attrs.evolve(a, dates=(), quotes=(), published=None if a.published_inferred else a.published,
                             published_inferred=False) for a in parsed]

    def dates_only() -> None:
        for a in articles:
            finder = enrich._finder_for(a)
            published, _inferred = enrich._published(a, finder)
            enrich._dates(a, enrich._day(published), finder)

    steps: list[tuple[str, Callable[[], object]]] = [
        ("mn.parse", lambda: [mn.parse(s) for s in sources]),
        ("enrichment step", lambda: [enrich.enrich(a) for a in articles]),
        ("  its date work", dates_only),
    ]
    for _name, step in steps:  # warm
        step()
    best = dict.fromkeys((name for name, _step in steps), float("inf"))
    for _ in range(rounds):
        for name, step in steps:  # alternated, so that a busy moment does not land on one alone
            t0 = time.process_time()
            for _ in range(4):
                step()
            best[name] = min(best[name], (time.process_time() - t0) / 4 / len(sources))
    print(f"per seed article ({len(sources)} seeds), CPU, best of {rounds}:")
    for name, seconds in best.items():
        print(f"  {name:18} {seconds * 1e3:7.3f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=None)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--articles", action="store_true",
                    help="also the date work of one seed article in mn.parse (CPU per article)")
    args = ap.parse_args()
    gold = args.gold or (SHARED / "gold" / "seed_dates.jsonl")
    if not gold.exists():
        gold = ROOT / "tests" / "data" / "date_cases.jsonl"
    cases = load(gold)
    size = sum(len(c["text"].encode()) for c in cases) / 1024
    print(f"{gold.name}: {len(cases)} paragraphs, {size:.1f} KB")
    seed_lines = [
        {"text": line, "lang": "fa" if sum(c in "پچژگکی" for c in line) > len(line) // 50 else "ar",
         "ref": "2023-12-08"}
        for path in sorted((ROOT / "seeds").glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    rows = []
    for name, make, rounds in (("mideastnews.find_dates", run_mideastnews, args.rounds * 20),
                               ("dateparser.search_dates", run_dateparser, args.rounds)):
        try:
            run = make()
        except ImportError as e:
            print(f"{name}: not installed ({e})", file=sys.stderr)
            continue
        all_lines = speed(seed_lines, run, max(1, rounds // 2)) if seed_lines else float("nan")
        rows.append((name, speed(cases, run, rounds), all_lines, f1(cases, run)))
    print(f"{'':26} {'gold paragraphs':>16} {'all seed lines':>16}")
    for name, us, us_all, score in rows:
        print(f"{name:26} {us:10.1f} us/KB {us_all:10.1f} us/KB   F1 {score:.3f}")
    if len(rows) == 2:
        print(f"speed ratio: {rows[1][1] / rows[0][1]:.0f}x (gold paragraphs), "
              f"{rows[1][2] / rows[0][2]:.0f}x (all seed lines)")
    if args.articles:
        article_costs(args.rounds * 4)


if __name__ == "__main__":
    main()
