"""Parse the seed articles and print one line per article.

Run from anywhere:  python examples/parse_seeds.py [FOLDER]
(FOLDER defaults to the repository's seeds/.)
"""

from __future__ import annotations

import sys
from pathlib import Path

import mideastnews as mn

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def shorten(text: str, width: int) -> str:
    """Cut ``text`` to ``width`` characters, marking the cut with an ellipsis."""
    return text if len(text) <= width else text[: width - 1] + "…"


def main(argv: list[str]) -> int:
    """Print source, language, publication date, counts and title of each article."""
    folder = Path(argv[1]) if len(argv) > 1 else SEEDS
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        print(f"no .txt files in {folder}", file=sys.stderr)
        return 1
    print(f"{'file':<28} {'source':<11} {'lang':<4} {'published':<10} {'paras':>5} {'dates':>5}  title")
    for path in paths:
        article = mn.parse(path)
        published = article.published.isoformat()[:10] if article.published else "-"
        if article.published_inferred:
            published += "*"
        print(f"{path.name:<28} {article.source:<11} {article.language:<4} {published:<10} "
              f"{len(article.paragraphs):>5} {len(article.dates):>5}  {shorten(article.title, 50)}")
    print("* inferred from the text's own date evidence")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
