"""HTML mode: mn.parse against trafilatura.extract on the same pages, in one run.

Pages:

* ``../shared/corpus/other_arabic/``: CNN Arabic (newspaper4k's expected text)
  and LBC (fundus' expected paragraphs) — skipped when ``../shared`` is absent;
* ``tests/fixtures/html/*.html.gz``: the project's own golden layout pages,
  scored against their expected ``lead`` + ``paragraphs``;
* ``--pages DIR``: more real pages with a peer's expected text, in newspaper4k's
  test-data layout (``DIR/html/NAME.html``, ``DIR/txt/NAME.txt``, optional
  ``DIR/metadata/NAME.json`` with the ``url``).  newspaper4k's source archive
  carries such pages from CNN, Time, Wired, cleveland.com, Fox 13 and others
  (English, Arabic, Spanish, 0.1-2.6 MB, on which trafilatura needs 15-115 ms a
  page here)::

      pip download --no-deps --no-binary :all: newspaper4k==0.9.6 && tar xzf newspaper4k-0.9.6.tar.gz
      .venv/bin/python benchmarks/bench_html.py --pages newspaper4k-0.9.6/tests/data

  Nothing of theirs is kept in this repository.

The closing lines are given for all pages and for the real pages alone (the
corpus and ``--pages``): the fixtures are small hand-written pages on which
trafilatura needs only 2-12 ms, not the real pages the speed target is about.

For each page, both extractors' body text is scored by word-F1 (bag of
lower-cased ``\\w+`` words, counted with multiplicity) against the expected
text (ours: ``lead`` + ``paragraphs``), and both are timed (best of
``--repeat`` runs, after one warm-up).  The ``reader`` column times the HTML
reader alone (decoding, depth guard, tree, the source's parser), without the
pipeline's shared enrichment (dates, quotes, inferred publication date).  The closing lines give the mean F1
and the speed ratio (trafilatura's time / ours; the ``x`` column gives it per page).

``--bad`` first times ``mn.parse`` on the robustness tests' bad inputs
(truncated, unclosed, 5,000- and 100,000-deep nesting, 100,000 siblings,
a 5 MB page, binary junk, a wrong charset).

Run: ``.venv/bin/python benchmarks/bench_html.py [--repeat 5] [--bad]``
(``.venv/bin/pip install trafilatura`` for the side-by-side).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import mideastnews as mn
from mideastnews.document import Document

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "other_arabic"
FIXTURES = ROOT / "tests" / "fixtures" / "html"
WORD = re.compile(r"\w+")


def word_f1(got: str, want: str) -> float:
    """Word-bag F1 of ``got`` against ``want``."""
    a, b = Counter(WORD.findall(got.lower())), Counter(WORD.findall(want.lower()))
    if not a or not b:
        return 1.0 if a == b else 0.0
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def extra_pages(folder: Path) -> list[tuple[str, bytes, str | None, str]]:
    """(name, html bytes, url, expected text) for each page of a newspaper4k-layout test-data folder."""
    out: list[tuple[str, bytes, str | None, str]] = []
    for html in sorted((folder / "html").glob("*.html")):
        text = folder / "txt" / f"{html.stem}.txt"
        if not text.exists():
            continue  # a page without expected text (a front page, a feed)
        meta = folder / "metadata" / f"{html.stem}.json"
        url = json.loads(meta.read_text(encoding="utf-8")).get("url") if meta.exists() else None
        out.append((f"+{html.stem}", html.read_bytes(), url, text.read_text(encoding="utf-8")))
    return out


def pages() -> list[tuple[str, bytes, str | None, str]]:
    """(name, html bytes, url, expected text) for every page available."""
    out: list[tuple[str, bytes, str | None, str]] = []
    cnn = CORPUS / "cnnarabic_2013_syria_clashes.newspaper4k.html"
    if cnn.exists():
        meta = json.loads((CORPUS / "cnnarabic_2013_syria_clashes.newspaper4k.metadata.json").read_text())
        want = (CORPUS / "cnnarabic_2013_syria_clashes.newspaper4k.expected.txt").read_text(encoding="utf-8")
        out.append(("cnnarabic", cnn.read_bytes(), meta.get("url"), want))
    lbc = CORPUS / "lbcgroup.tv_2026_01_08.fundus.html"
    if lbc.exists():
        expected = json.loads((CORPUS / "lbcgroup.tv_2026_01_08.fundus.expected.json").read_text())["V1"]
        info = json.loads((CORPUS / "lbcgroup.tv_2026_01_08.fundus.meta.info.json").read_text())
        body = expected["body"]
        texts = list(body.get("summary", []))
        for section in body.get("sections", []):
            texts += section.get("headline", []) + section.get("paragraphs", [])
        out.append(("lbcgroup", lbc.read_bytes(), next(iter(info.values()))["url"], "\n".join(texts)))
    for page in sorted(FIXTURES.glob("*.html.gz")):
        expected_file = page.with_name(page.name.replace(".html.gz", ".json"))
        expected = json.loads(expected_file.read_text(encoding="utf-8"))
        article = expected["article"]
        want = "\n".join(([article["lead"]] if article.get("lead") else []) + article["paragraphs"])
        html = gzip.decompress(page.read_bytes())
        out.append((page.name.split(".")[0], html, expected.get("given_url"), want))
    return out


def best(fn: Callable[[], object], repeat: int) -> float:
    """Best wall time of ``fn`` in milliseconds over ``repeat`` runs, after a warm-up."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def bad_inputs() -> list[tuple[str, bytes]]:
    """The bad pages of tests/test_html_bad.py, for timing."""
    head = b"<!DOCTYPE html><html lang='ar'><head><meta charset='utf-8'><title>t</title></head><body>"
    para = "<p>نص عربي في فقرة من فقرات الخبر، وهو نص طويل بما يكفي ليعد فقرة.</p>".encode()
    good = gzip.decompress((FIXTURES / "RT_2024-05-12.html.gz").read_bytes())
    five_mb = head + b"<div class='sidebar'><a href='/x'>link</a></div>" * 40_000 + b"<article>" + para * 200
    five_mb += b" " * (5 * 1024 * 1024 - len(five_mb) - 20) + b"</body></html>"
    return [
        ("truncated at 50%", good[: len(good) // 2]),
        ("unclosed tags", head + b"<div><div><p>" + para.replace(b"</p>", b"") * 50 + b"<span><b><i>" * 200),
        ("5,000-deep nesting", head + b"<div>" * 5000 + para * 3 + b"</div>" * 5000),
        ("100,000-deep nesting", head + b"<div>" * 100_000 + para),
        ("100,000 siblings", (head + b"<div class='article-body'>" + para * 100_000)[: 5 * 1024 * 1024 - 10]),
        ("5 MB page", five_mb),
        ("binary junk with an HTML header", head + bytes(range(256)) * 200),
        ("wrong charset (utf-8 declared, cp1256)", good.decode().encode("cp1256", errors="replace")),
    ]


def time_bad() -> None:
    """Print how long each bad input takes, and what it gives."""
    print(f"{'bad input':<42}{'ms':>10}  result")
    for name, data in bad_inputs():
        start = time.perf_counter()
        try:
            article = mn.parse(data)
            result = f"Article ({len(article.paragraphs)} paragraphs, {len(article.warnings)} warnings)"
        except mn.ParseError as exc:
            result = f"ParseError: {str(exc)[:60]}"
        print(f"{name:<42}{(time.perf_counter() - start) * 1000:>10.1f}  {result}")


def main() -> None:
    """Run the benchmark and print a table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--bad", action="store_true", help="also time the bad inputs of the robustness tests")
    parser.add_argument("--pages", type=Path, default=None,
                        help="a folder of more real pages in newspaper4k's test-data layout")
    args = parser.parse_args()
    if args.bad:
        time_bad()
        print()
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - optional peer
        trafilatura = None
    rows = []
    reader_ms: list[float] = []
    print(f"{'page':<28}{'mn F1':>8}{'traf F1':>9}{'mn ms':>9}{'reader':>9}{'traf ms':>9}{'x':>7}")
    real_names = {"cnnarabic", "lbcgroup"}
    todo = pages() + (extra_pages(args.pages) if args.pages else [])
    real_names |= {name for name, *_ in todo if name.startswith("+")}
    names: list[str] = []
    for name, data, url, want in todo:
        names.append(name)
        article = mn.parse(data, url=url)
        ours = "\n".join(([article.lead] if article.lead else []) + list(article.paragraphs))
        mn_ms = best(lambda d=data, u=url: mn.parse(d, url=u), args.repeat)
        reader = mn.get_parser(article.source)
        reader_ms.append(best(lambda d=data, u=url, r=reader: r.parse(Document.from_source(d, url=u)),
                              args.repeat))
        traf_f1 = traf_ms = float("nan")
        if trafilatura is not None:
            theirs = trafilatura.extract(data, url=url) or ""
            traf_f1 = word_f1(theirs, want)
            traf_ms = best(lambda d=data, u=url: trafilatura.extract(d, url=u), args.repeat)
        f1 = word_f1(ours, want)
        rows.append((f1, traf_f1, mn_ms, traf_ms))
        print(f"{name:<28}{f1:>8.3f}{traf_f1:>9.3f}{mn_ms:>9.2f}{reader_ms[-1]:>9.2f}{traf_ms:>9.2f}"
              f"{traf_ms / mn_ms:>7.1f}")
    if not rows:
        print("no pages")
        return
    summary(rows, reader_ms, trafilatura is not None, "all pages")
    real = [i for i, name in enumerate(names) if name in real_names]
    if real and len(real) < len(rows):
        summary([rows[i] for i in real], [reader_ms[i] for i in real], trafilatura is not None, "real pages")


def summary(rows: list[tuple[float, float, float, float]], reader_ms: list[float], peer: bool,
            label: str) -> None:
    """The mean line and the speed ratios (total time and median per page) of ``rows``."""
    n = len(rows)
    mean = [sum(r[i] for r in rows) / n for i in range(4)]
    reader_mean = sum(reader_ms) / n
    print(f"{'mean, ' + label:<28}{mean[0]:>8.3f}{mean[1]:>9.3f}{mean[2]:>9.2f}{reader_mean:>9.2f}"
          f"{mean[3]:>9.2f}")
    if peer:
        ratios = sorted(r[3] / r[2] for r in rows)
        median = ratios[n // 2] if n % 2 else (ratios[n // 2 - 1] + ratios[n // 2]) / 2
        print(f"speed: mn.parse is {mean[3] / mean[2]:.1f}x trafilatura.extract in total time "
              f"and {median:.1f}x per page (median), {n} {label}")
        reader_ratios = sorted(r[3] / ms for r, ms in zip(rows, reader_ms, strict=True))
        reader_median = (reader_ratios[n // 2] if n % 2
                         else (reader_ratios[n // 2 - 1] + reader_ratios[n // 2]) / 2)
        print(f"speed: the HTML reader alone (decode, tree, parser; no dates/quotes/inference) is "
              f"{mean[3] / reader_mean:.1f}x trafilatura.extract in total time "
              f"and {reader_median:.1f}x per page (median)")


if __name__ == "__main__":
    main()
