"""Build a pandas DataFrame of articles from a folder of text dumps or HTML pages.

Run:  python examples/dataframe_from_folder.py [FOLDER]
(FOLDER defaults to the repository's seeds/; needs the ``pandas`` extra:
``pip install "mideastnews[pandas]"``.)

:func:`mideastnews.parse_many` yields one result per input, in order: an
:class:`~mideastnews.Article`, or a :class:`~mideastnews.Failure` for an input
that held no article, so one bad file never stops the batch.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import mideastnews as mn

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SUFFIXES = {".txt", ".html", ".htm"}


def rows(folder: Path) -> tuple[list[dict[str, Any]], list[mn.Failure]]:
    """Parse every file under ``folder``: one row per article, and the failures."""
    paths = sorted(p for p in folder.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
    articles: list[dict[str, Any]] = []
    failures: list[mn.Failure] = []
    for path, result in zip(paths, mn.parse_many(paths), strict=True):
        if isinstance(result, mn.Failure):
            failures.append(result)
            continue
        articles.append({
            "file": path.name,
            "source": result.source,
            "language": result.language,
            "published": result.published.isoformat() if result.published else None,
            "inferred": result.published_inferred,
            "title": result.title,
            "words": len(result.body.split()),
            "dates": len(result.dates),
            "quotes": len(result.quotes),
            "credits": ", ".join(result.credits),
        })
    return articles, failures


def main(argv: list[str]) -> int:
    """Print the DataFrame and a per-source summary."""
    try:
        import pandas as pd
    except ImportError:
        print('this example needs pandas: pip install "mideastnews[pandas]"', file=sys.stderr)
        return 1
    folder = Path(argv[1]) if len(argv) > 1 else SEEDS
    articles, failures = rows(folder)
    frame = pd.DataFrame(articles)
    with pd.option_context("display.width", 160, "display.max_colwidth", 40):
        print(frame.drop(columns=["title"]).to_string(index=False))
        print()
        print(frame.groupby("source")["words"].agg(["count", "sum"]).to_string())
    for failure in failures:
        print(f"failed: {failure.source_id}: {failure.error_type}: {failure.message}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
