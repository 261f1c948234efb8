"""Times for hostile and oversized inputs: deep, wide, large pages and adversarial strings.

    .venv/bin/python benchmarks/bench_robustness.py [--only NAME ...] [--lexbor] [--text-mb 5]

Each case is parsed once (they are slow on purpose) and the wall time, the
outcome (an Article with its paragraph count and warnings, or the documented
error) is printed.  ``--lexbor`` also times selectolax's lexbor on the raw
page for the cases where the depth guard matters (the peer: what parsing the
page directly costs), and prints the ratio.  ``--text-mb`` sets the size of
the large text dump (its time grows linearly with the dated lines in it).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import mideastnews as mn
from mideastnews import dates

__all__ = ["CASES", "main", "run_case"]

HEAD = "<html><head><title>عنوان الخبر المهم اليوم</title></head><body>"
PARA = "<p>وقال المتحدث في ۸ آذر ۱۴۰۲ إن الوضع «مستقر» في العاصمة والمناطق المحيطة بها اليوم.</p>"
DEEP = "<p>هذا هو النص العميق الذي يجب أن يبقى في المقال كاملا دون أي خسارة.</p>"
LIMIT = 5 * 1024 * 1024


def _large_html() -> str:
    """A page of distinct paragraphs just under the 5 MB limit (in UTF-8 bytes)."""
    parts = [HEAD]
    size = len(HEAD.encode())
    i = 0
    while True:
        p = f"<p>الفقرة {i}: وقال المتحدث في {i % 28 + 1} أكتوبر 2023 إن الوضع مستقر في العاصمة اليوم.</p>"
        n = len(p.encode())
        if size + n + 16 > LIMIT:
            break
        parts.append(p)
        size += n
        i += 1
    return "".join(parts) + "</body></html>"


def _large_text(megabytes: float) -> str:
    """A text dump of ``megabytes`` MB: prose lines, one in five with a date."""
    lines = ["عنوان الخبر المهم اليوم"]
    size = 0
    i = 0
    while size < megabytes * 1024 * 1024:
        if i % 5 == 0:
            line = f"وقال المتحدث في {i % 28 + 1} أكتوبر 2023 إن الوضع مستقر في العاصمة."
        else:
            line = f"الجملة {i} من النص تتحدث عن الأحداث الجارية في المنطقة والعالم دون توقف."
        lines.append(line)
        size += len(line.encode()) + 1
        i += 1
    return "\n".join(lines)


CASES: dict[str, Callable[[], str | bytes]] = {
    "deep 5,000 <div>": lambda: HEAD + PARA + "<div>" * 5_000 + DEEP + "</div>" * 5_000 + "</body></html>",
    "deep 100,000 <div>": lambda: HEAD + PARA + "<div>" * 100_000 + DEEP + "</body></html>",
    "wide 100,000 sibling <span>": lambda: HEAD + "<div>" + "<span>ا</span>" * 100_000 + PARA + "</div>",
    "wide 100,000 sibling <p>": lambda: HEAD + "".join(f"<p>فقرة {i}</p>" for i in range(100_000)),
    "large 5 MB HTML (bytes)": lambda: _large_html().encode(),
    "over the limit 5 MB + 1": lambda: b"<p>" + b"x" * (LIMIT - 2),
    "3,000 unclosed <b class=…>": lambda: HEAD + "".join(f"<p><b class=c{i}>x" for i in range(3_000)) + DEEP,
    "3,000 nested <table><td>": lambda: HEAD + PARA + "<table><td>" * 3_000 + DEEP,
    "10,000 «؟» (text)": lambda: "عنوان\n" + "؟" * 10_000,
    "100,000 «؟» (text)": lambda: "عنوان\n" + "؟" * 100_000,
    "100,000 «<»": lambda: "<" * 100_000,
    "large text dump": lambda: "",  # replaced by --text-mb
}
LEXBOR_CASES = ("deep 5,000 <div>", "deep 100,000 <div>", "3,000 unclosed <b class=…>",
                "3,000 nested <table><td>", "wide 100,000 sibling <span>")


def run_case(source: str | bytes) -> tuple[float, str]:
    """Parse ``source`` once; return the seconds and a one-line outcome."""
    t0 = time.perf_counter()
    try:
        article = mn.parse(source)
    except mn.MideastNewsError as exc:
        return time.perf_counter() - t0, f"{type(exc).__name__}: {str(exc)[:70]}"
    seconds = time.perf_counter() - t0
    warnings = "; ".join(w[:60] for w in article.warnings[:2])
    return seconds, f"Article: {len(article.paragraphs)} paragraphs, {len(article.dates)} dates [{warnings}]"


def _lexbor_seconds(source: str | bytes) -> float:
    from selectolax.lexbor import LexborHTMLParser

    t0 = time.perf_counter()
    LexborHTMLParser(source if isinstance(source, str) else source.decode())
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="*", help="run only the cases whose name contains one of these")
    ap.add_argument("--lexbor", action="store_true",
                    help="also time lexbor on the raw page (slow: ~24 s at 100k levels)")
    ap.add_argument("--text-mb", type=float, default=1.0,
                    help="size of the large text dump in MB (default 1)")
    args = ap.parse_args()
    CASES["large text dump"] = lambda: _large_text(args.text_mb)
    print(f"{'case':32} {'size':>10} {'seconds':>8}  outcome")
    for name, make in CASES.items():
        if args.only and not any(o in name for o in args.only):
            continue
        source = make()
        size = len(source.encode() if isinstance(source, str) else source)
        label = name if name != "large text dump" else f"large text dump {args.text_mb:g} MB"
        seconds, outcome = run_case(source)
        print(f"{label:32} {size:>10,} {seconds:8.2f}  {outcome}", flush=True)
        if args.lexbor and name in LEXBOR_CASES:
            raw = _lexbor_seconds(source)
            ratio = seconds / raw if raw else float("inf")
            print(f"{'  lexbor on the raw page':32} {'':>10} {raw:8.2f}  mideastnews/lexbor = {ratio:.2f}",
                  flush=True)
    if not args.only or any(o in "find_dates" for o in args.only):
        for label, text in (("find_dates 100,000 «؟»", "؟" * 100_000),
                            ("find_dates 50,000 RLM + date", "\u200f" * 50_000 + "7 أكتوبر 2023"),
                            ("find_dates 40,000 digits", "1" * 20_000 + " أكتوبر " + "٢" * 20_000)):
            t0 = time.perf_counter()
            found = dates.find_dates(text)
            seconds = time.perf_counter() - t0
            print(f"{label:32} {len(text.encode()):>10,} {seconds:8.2f}  {len(found)} mention(s)")


if __name__ == "__main__":
    main()
