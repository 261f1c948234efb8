"""How well text mode reads real Al Mayadeen pages.

Run::

    .venv/bin/python benchmarks/bench_almayadeen_text.py [--corpus DIR] [--verbose]

Each scraped article (``../shared/corpus/almayadeen/*.json`` by default; files
whose ``full_text`` is a metadata JSON block are skipped) becomes a text dump
``title + "\\n\\n" + full_text`` and is parsed with ``mideastnews.parse`` and
no URL, as a user holding the dump would.  Reported:

* detection: how often the ``almayadeen`` parser is chosen;
* title accuracy: the parsed title equals the scraped ``title``;
* word-level precision and recall of ``lead + paragraphs`` against the
  *reference*: the page text minus its boilerplate (words are ``\\w+`` runs,
  counted as multisets, so splitting or joining lines costs nothing);
* boilerplate leaks: reference-removed lines found in ``lead`` or ``paragraphs``.

The reference is written here from a reader's judgement of the site, with the
scrape's own metadata, and never with the parser's rules (see
:func:`reference_lines`).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import mideastnews as mn
from mideastnews.document import Document

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "almayadeen"
WORD = re.compile(r"\w+")

# -- the reference: a reader's rules for what is not the article -------------
#
# R1  Blank lines carry nothing.
# R2  The article ends where its tag list begins: the first line, after the
#     first line of text, that is one of the page's own keywords (the scrape's
#     `keywords` metadata) and is followed by another keyword or by the page's
#     furniture (R3) -- a body line that happens to equal a keyword is followed
#     by more prose.  Everything from there on -- the tags, «اقرأ
#     للكاتب» and the author's other articles, the coverage blurb, the sidebar's
#     times of other articles, «تصفح المزيد», the network's footer, «جميع الحقوق
#     محفوظة» -- is page furniture.
# R3  Without a tag list, the furniture starts at the first of: a sidebar
#     time (R4), «تصفح المزيد», «اخترنا لك», «اقرأ للكاتب», or the footer
#     («شبكة الميادين الإعلامية …»).
# R4  A line that is only a date or a time of day is a sidebar entry:
#     «اليوم», «اليوم 13:00», «17 اب», «19 اب 01:40», «22 شباط 2023».
# R5  Embedded tweets are quoted posts, not the article's prose: lines with a
#     `pic.twitter.com/` or `t.co/` link.
# R6  «اقرأ أيضاً» / «شاهد أيضاً» lines link to other articles (a bare marker
#     links with the line after it).
# Kept: everything else, the first line (the page's summary) included.

_LEVANT_MONTHS = (
    "كانون الثاني", "كانون الأول", "كانون الاول", "كانون اول", "كانون ثاني", "شباط", "آذار", "اذار",
    "نيسان", "أيار", "ايار", "حزيران", "تموز", "آب", "اب", "أيلول", "ايلول", "تشرين الأول",
    "تشرين الاول", "تشرين اول", "تشرين الثاني", "تشرين ثاني",
)
_SIDEBAR_TIME = re.compile(
    r"(?:اليوم|أمس|(?:\d{1,2}) (?:" + "|".join(_LEVANT_MONTHS) + r")(?: \d{4})?)(?: \d{1,2}:\d{2})?"
)
_FURNITURE_STARTS = ("تصفح المزيد", "اخترنا لك", "اقرأ للكاتب", "شبكة الميادين الإعلامية")
_READ_ALSO = ("اقرأ أيضاً", "اقرأ أيضا", "شاهد أيضاً", "شاهد أيضا")


def keywords(item: dict[str, Any]) -> set[str]:
    """The page's keywords from the scrape's metadata (a list or its printed form)."""
    raw = item.get("keywords") or []
    if isinstance(raw, list):
        return {str(k).strip() for k in raw}
    return {k.strip() for k in re.findall(r"'([^']+)'", str(raw))}


def reference_lines(item: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The page's article lines and its boilerplate lines, by the rules R1-R6 above."""
    lines = [line.strip() for line in item["full_text"].splitlines()]
    lines = [line for line in lines if line]  # R1
    tags = keywords(item)
    end = len(lines)
    def furniture(line: str) -> bool:
        return bool(_SIDEBAR_TIME.fullmatch(line)) or line.startswith(_FURNITURE_STARTS)

    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else None
        if i > 0 and line in tags and (following is None or following in tags or furniture(following)):  # R2
            end = i
            break
        if furniture(line):  # R3
            end = i
            break
    kept: list[str] = []
    removed = lines[end:]
    skip_next = False
    for line in lines[:end]:
        if skip_next:
            removed.append(line)
            skip_next = False
            continue
        if _SIDEBAR_TIME.fullmatch(line) or "pic.twitter.com/" in line or "t.co/" in line:  # R4, R5
            removed.append(line)
        elif line.startswith(_READ_ALSO):  # R6
            removed.append(line)
            skip_next = line.rstrip(": ") in _READ_ALSO
        else:
            kept.append(line)
    return kept, removed


def load(folder: Path) -> list[dict[str, Any]]:
    """The text articles of a folder of scrapes (metadata-only pages are left out)."""
    items: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for item in data if isinstance(data, list) else [data]:
            text = (item.get("full_text") or "").lstrip()
            if not item.get("title") or text.startswith("{"):
                continue
            item["_file"] = path.name
            items.append(item)
    return items


def words(texts: list[str]) -> Counter[str]:
    out: Counter[str] = Counter()
    for text in texts:
        out.update(WORD.findall(text))
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its report; returns the exit status."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of scraped JSON files")
    ap.add_argument("--verbose", action="store_true", help="one line per article")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}: nothing to measure", file=sys.stderr)
        return 0
    items = load(args.corpus)
    if not items:
        print(f"no text articles in {args.corpus}", file=sys.stderr)
        return 0

    detected = titles = leaks = 0
    tp = predicted = expected = 0
    macro_p: list[float] = []
    macro_r: list[float] = []
    elapsed = 0.0
    for item in items:
        dump = item["title"] + "\n\n" + item["full_text"]
        start = time.perf_counter()
        article = mn.parse(dump)
        elapsed += time.perf_counter() - start
        kept, removed = reference_lines(item)
        body = ([article.lead] if article.lead else []) + list(article.paragraphs)
        got, ref = words(body), words(kept)
        hit = sum((got & ref).values())
        tp, predicted, expected = tp + hit, predicted + sum(got.values()), expected + sum(ref.values())
        if got:
            macro_p.append(hit / sum(got.values()))
        if ref:
            macro_r.append(hit / sum(ref.values()))
        leaked = sorted(set(body) & set(removed))
        leaks += len(leaked)
        detected += article.source == "almayadeen"
        titles += article.title == item["title"]
        if args.verbose or leaked:
            p = hit / sum(got.values()) if got else 1.0
            r = hit / sum(ref.values()) if ref else 1.0
            title_ok = "ok" if article.title == item["title"] else "NO"
            print(f"{article.source:10} P={p:.3f} R={r:.3f} title={title_ok}  {item['title'][:60]}")
            for line in leaked:
                print(f"    leaked boilerplate: {line[:90]}")

    n = len(items)
    precision = tp / predicted if predicted else 1.0
    recall = tp / expected if expected else 1.0
    print(f"Al Mayadeen text dumps: {n} articles from {args.corpus}")
    print(f"  detected as almayadeen : {detected}/{n} ({detected / n:.1%})")
    print(f"  title accuracy         : {titles}/{n} ({titles / n:.1%})")
    print(f"  word precision (micro) : {precision:.4f}   (macro {sum(macro_p) / max(1, len(macro_p)):.4f})")
    print(f"  word recall    (micro) : {recall:.4f}   (macro {sum(macro_r) / max(1, len(macro_r)):.4f})")
    print(f"  boilerplate lines in lead/paragraphs: {leaks}")
    parser = mn.get_parser("almayadeen")
    docs = [Document.from_source(item["title"] + "\n\n" + item["full_text"]) for item in items]
    start = time.perf_counter()
    for doc in docs:
        parser.parse(doc)
    alone = time.perf_counter() - start
    print(f"  time: {1000 * elapsed / n:.2f} ms per article with mn.parse (detection, dates, quotes), "
          f"{1000 * alone / n:.2f} ms for the text-mode parser alone")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
