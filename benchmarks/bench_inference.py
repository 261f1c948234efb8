"""How often the publication day is inferred from the text, and how often it is right.

Material: the real Al Mayadeen scrapes in ``../shared/corpus/almayadeen/``
(the HydrMhmad731 files: each article's text dump is ``title + "\\n\\n" +
full_text``, and its page date is known from the scrape's metadata,
``published_time``, a Beirut wall-clock time).  As a second, Persian check the
Hamshahri articles in ``../shared/corpus/hamshahri/`` (Jalali page date in
``date``; dump = title, subtitle and content paragraphs).

For each article the dump goes through ``mn.parse`` (no URL, no ``ref``: the
text alone), and the report counts:

* ``stamped``: ``published`` read by the parser from the text, not inferred;
* ``inferred``: ``published_inferred`` true — how many, and how many equal the
  page date (a wrong inferred date is worse than none: the aim is >= 99 % of
  given dates right);
* ``inference alone``: :func:`mideastnews.inference.infer_published` on the
  parsed article with any parser-read ``published`` removed, to measure the
  evidence model independently of stamps.

Every wrong inferred date is listed with its evidence.  Nothing here is timed.

Run: ``.venv/bin/python benchmarks/bench_inference.py [--verbose]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import attrs

import mideastnews as mn
from mideastnews.dates import CalendarDate
from mideastnews.inference import gather_evidence, infer_published

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"


def page_day(item: dict[str, str]) -> dt.date | None:
    """The page's publication day from the scrape's metadata, or ``None`` where it is a placeholder.

    Some pages carry ``2024-01-01T00:00:00Z`` as both published and updated
    time (the scraper's default, not the page's: their URLs say
    ``/2023/1/30/``); a URL day wins, and such a placeholder alone is unknown.
    """
    parts = item.get("url", "").split("/")
    for i in range(len(parts) - 3):
        y, m, d = parts[i:i + 3]
        if len(y) == 4 and y.isdigit() and m.isdigit() and d.isdigit():
            return dt.date(int(y), int(m), int(d))
    stamp = item.get("published_time") or ""
    if not stamp or (stamp.endswith("T00:00:00Z") and stamp == item.get("last_updated")):
        return None
    return dt.datetime.fromisoformat(stamp[:19]).date()


def almayadeen() -> Iterator[tuple[str, str, dt.date]]:
    """``(id, dump, page day)`` for every HydrMhmad731 Al Mayadeen article with a known page day."""
    for path in sorted((CORPUS / "almayadeen").glob("HydrMhmad731_*.json")):
        for item in json.loads(path.read_text(encoding="utf-8")):
            day = page_day(item)
            if not item.get("full_text") or day is None:
                continue
            yield f"almayadeen/{item.get('postid')}", item["title"] + "\n\n" + item["full_text"], day


def hamshahri() -> Iterator[tuple[str, str, dt.date]]:
    """``(id, dump, page day)`` for every Hamshahri article."""
    for path in sorted((CORPUS / "hamshahri").glob("*.json")):
        item = json.loads(path.read_text(encoding="utf-8"))
        year, month, day = (int(x) for x in item["date"].split("-"))
        page_day = CalendarDate("jalali", year, month, day).to_gregorian()
        parts = [item.get("title") or "", item.get("subtitle") or ""]
        parts += [c.get("text", "") for c in item.get("content", []) if isinstance(c, dict)]
        yield f"hamshahri/{path.stem}", "\n\n".join(p for p in parts if p), page_day


def seeds() -> Iterator[tuple[str, str, dt.date | None]]:
    """``(id, text, gold day)`` for each seed whose gold names one publication day (or none)."""
    gold_path = SHARED / "gold" / "seed_articles.json"
    if not gold_path.is_file():
        return
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    for path in sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt")):
        expected = gold.get(path.name, {}).get("published_one_of", [])
        if len(expected) == 1:
            day = dt.date.fromisoformat(expected[0]) if expected[0] else None
            yield f"seeds/{path.name[:3]}", path.read_text(encoding="utf-8"), day


def _day(value: dt.date | dt.datetime | None) -> dt.date | None:
    return value.date() if isinstance(value, dt.datetime) else value


def evaluate(name: str, items: list[tuple[str, str, dt.date | None]], verbose: bool) -> dict[str, int]:
    """Parse every item and count stamped, inferred and right dates; print the report."""
    counts = dict.fromkeys(("articles", "failed", "stamped", "stamped_right", "inferred", "inferred_right",
                            "alone", "alone_right"), 0)
    for source_id, dump, page_day in items:
        counts["articles"] += 1
        try:
            article = mn.parse(dump)
        except mn.ParseError as exc:
            counts["failed"] += 1
            print(f"  {source_id}: ParseError {exc}", file=sys.stderr)
            continue
        got = _day(article.published)
        if got is not None and not article.published_inferred:
            counts["stamped"] += 1
            counts["stamped_right"] += got == page_day
        if article.published_inferred:
            counts["inferred"] += 1
            counts["inferred_right"] += got == page_day
            if got != page_day:
                print(f"  WRONG {source_id}: inferred {got}, page {page_day}; "
                      f"{gather_evidence(attrs.evolve(article, published=None))}")
        bare = attrs.evolve(article, published=None, published_inferred=False)
        alone = infer_published(bare)
        if alone is not None:
            counts["alone"] += 1
            counts["alone_right"] += alone == page_day
            if alone != page_day:
                print(f"  WRONG (alone) {source_id}: {alone}, page {page_day}; {gather_evidence(bare)}")
        if verbose:
            print(f"  {source_id}: page {page_day}, published {got} (inferred={article.published_inferred}), "
                  f"alone {alone}")

    def share(part: int, whole: int) -> str:
        return f"{part}/{whole} ({100 * part / whole:.1f} %)" if whole else f"{part}/0 (-)"

    n = counts["articles"] - counts["failed"]
    print(f"{name}: {counts['articles']} articles, {counts['failed']} failed to parse")
    print(f"  stamped by the parser : {share(counts['stamped'], n)} given, "
          f"{share(counts['stamped_right'], counts['stamped'])} right")
    print(f"  inferred (mn.parse)   : {share(counts['inferred'], n)} given, "
          f"{share(counts['inferred_right'], counts['inferred'])} right")
    print(f"  inference alone       : {share(counts['alone'], n)} given, "
          f"{share(counts['alone_right'], counts['alone'])} right")
    return counts


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; exit 1 when fewer than 99 % of the inferred dates are right."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--verbose", action="store_true", help="one line per article")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}: nothing to measure")
        return 0
    seed_items = list(seeds())
    if seed_items:
        given = [(sid, text, day) for sid, text, day in seed_items if day is not None]
        none = sum(1 for _, text, day in seed_items if day is None and mn.parse(text).published is None)
        print(f"Seeds (gold): {none}/{len(seed_items) - len(given)} left without a date "
              "where the gold has none")
        evaluate("Seeds with a gold day", given, args.verbose)
    totals = [evaluate("Al Mayadeen (HydrMhmad731)", list(almayadeen()), args.verbose)]
    if (CORPUS / "hamshahri").is_dir():
        totals.append(evaluate("Hamshahri (Persian check)", list(hamshahri()), args.verbose))
    given = sum(c["inferred"] + c["alone"] for c in totals)
    right = sum(c["inferred_right"] + c["alone_right"] for c in totals)
    return 0 if given == 0 or right / given >= 0.99 else 1


if __name__ == "__main__":
    raise SystemExit(main())
