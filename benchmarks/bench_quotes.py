"""CPU time of ``find_quotes`` per article, on the bodies ``mn.parse`` reads.

Material, each parsed once with ``mideastnews.parse`` before any timing
(the quotation finder then runs on ``article.paragraphs`` in the article's
language, as ``parse`` runs it):

* ``seeds/*.txt``: the five seed text dumps;
* ``tests/fixtures/html/*.html.gz``: the golden layout pages;
* ``../shared/corpus``: Al Mayadeen scrapes (``title + "\\n\\n" + full_text``
  dumps), Hamshahri articles (title, subtitle and text blocks), and the
  Arabic pages of ``other_arabic/``; skipped when absent;
* ``--pages DIR``: more HTML pages (``DIR/html/*.html``, e.g. newspaper4k's
  test pages, as ``bench_html.py --pages`` takes them), long English bodies
  among them.

Each group's figure is the best, over ``--rounds`` rounds, of the CPU time
(``time.process_time``) of one pass over the group, per article; the
longest body of each group is also timed alone.

Run::

    .venv/bin/python benchmarks/bench_quotes.py [--rounds N] [--pages DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import mideastnews as mn
from mideastnews.text import find_quotes

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"

Body = tuple[str, str, list[str]]  # (name, language, paragraphs)


def _body(name: str, source: str | bytes) -> Body | None:
    try:
        article = mn.parse(source)
    except mn.ParseError:
        return None
    return name, article.language, list(article.paragraphs)


def seeds() -> Iterator[Body | None]:
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        yield _body(path.name, path.read_bytes())


def fixtures() -> Iterator[Body | None]:
    for path in sorted((ROOT / "tests" / "fixtures" / "html").glob("*.html.gz")):
        yield _body(path.name, gzip.decompress(path.read_bytes()))


def corpus() -> Iterator[Body | None]:
    for path in sorted((CORPUS / "almayadeen").glob("*.json")):
        for i, item in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            text = item.get("full_text") or ""
            if not text.lstrip().startswith("{"):  # a page's metadata block, not its text
                yield _body(f"{path.stem}/{i}", (item.get("title") or "") + "\n\n" + text)
    for path in sorted((CORPUS / "hamshahri").glob("*.json")):
        item = json.loads(path.read_text(encoding="utf-8"))
        parts = [item.get("title") or "", item.get("subtitle") or ""]
        parts += [c.get("text", "") for c in item.get("content", []) if isinstance(c, dict)]
        yield _body(path.stem, "\n\n".join(p for p in parts if p))
    for path in sorted((CORPUS / "other_arabic").glob("*.html")):
        yield _body(path.name, path.read_bytes())


def pages(folder: Path) -> Iterator[Body | None]:
    for path in sorted((folder / "html").glob("*.html")):
        yield _body(path.name, path.read_bytes())


def best_per_article(bodies: list[Body], rounds: int) -> float:
    """The best CPU seconds, over ``rounds`` passes, of ``find_quotes`` per body."""
    for _name, language, paragraphs in bodies:  # warm-up: lexicon caches
        find_quotes(paragraphs, language=language)
    best = float("inf")
    for _ in range(rounds):
        t0 = time.process_time()
        for _name, language, paragraphs in bodies:
            find_quotes(paragraphs, language=language)
        best = min(best, time.process_time() - t0)
    return best / len(bodies)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=20, help="passes over each group; the best counts")
    ap.add_argument("--pages", type=Path, help="a folder with html/*.html pages")
    args = ap.parse_args()
    groups = {"seeds": list(seeds()), "fixtures": list(fixtures())}
    if CORPUS.is_dir():
        groups["corpus"] = list(corpus())
    else:
        print(f"no corpus at {CORPUS}: skipped", file=sys.stderr)
    if args.pages is not None:
        groups["pages"] = list(pages(args.pages))
    print(f"{'group':10s} {'articles':>8s} {'paragraphs':>10s} {'us/article':>10s}   longest body (us)")
    for label, found in groups.items():
        bodies = [b for b in found if b is not None and b[2]]
        if not bodies:
            continue
        longest = max(bodies, key=lambda b: sum(map(len, b[2])))
        per = best_per_article(bodies, args.rounds)
        alone = best_per_article([longest], args.rounds)
        count = sum(len(b[2]) for b in bodies)
        print(f"{label:10s} {len(bodies):8d} {count:10d} {per * 1e6:10.1f}   "
              f"{longest[0]} ({len(longest[2])} paragraphs, {longest[1]}): {alone * 1e6:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
