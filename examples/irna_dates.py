"""Find and reconcile the dates in an IRNA text.

Run:  python examples/irna_dates.py [FILE]
(FILE defaults to the IRNA seed, seeds/002_4e89572f350e2751.txt.)

Persian wire copy writes a day in two calendars at once («چهارشنبه هشتم آذرماه
۱۴۰۲ همزمان با ۲۹ نوامبر»): :func:`mideastnews.dates.find_dates` returns each
calendar's expression as its own mention, and :func:`mideastnews.dates.reconcile`
links them and checks that they name the same day.
"""

from __future__ import annotations

import sys
from pathlib import Path

import mideastnews as mn
from mideastnews import dates

IRNA_SEED = Path(__file__).resolve().parents[1] / "seeds" / "002_4e89572f350e2751.txt"


def main(argv: list[str]) -> int:
    """Print every date mention of the article, then the reconciled groups."""
    path = Path(argv[1]) if len(argv) > 1 else IRNA_SEED
    article = mn.parse(path)
    print(f"{article.source}: {article.title}")
    print(f"published: {article.published} (inferred: {article.published_inferred})")
    print()
    print(f"{'field':<10} {'#':>2}  {'calendar':<9} {'gregorian':<10}  text")
    for m in article.dates:
        day = m.date.isoformat() if m.date else "-"
        print(f"{m.field or '':<10} {m.index if m.index is not None else '':>2}  {m.calendar:<9} "
              f"{day:<10}  {m.text}")
    print()
    groups = dates.reconcile(article.dates)
    if not groups:
        print("no date is written in two calendars")
    for group in groups:
        texts = " = ".join(m.text for m in group.mentions)
        verdict = "CONFLICT" if group.conflict else f"agree on {group.date}"
        print(f"{texts}: {verdict}")
        for warning in group.warnings:
            print(f"  warning: {warning}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
