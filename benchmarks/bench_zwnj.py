"""ZWNJ repair: recall, precision and speed, beside hazm's Normalizer on the same text.

Takes the Hamshahri paragraphs in ``../shared/corpus/hamshahri/*.json`` (title, subtitle
and every text block), which keep their ZWNJs, removes every ZWNJ, repairs the text, and
scores where ZWNJs came back:

* recall: of the ZWNJ positions in the original, the share restored;
* precision: of the ZWNJ positions inserted, the share that the original has.

A position is an offset in the ZWNJ-free text.  ``repair_zwnj`` only inserts ZWNJs, so its
positions are read directly; hazm's Normalizer also respaces, reorders and translates
characters, so its output is aligned back to the input (difflib on the ZWNJ-free strings)
and only ZWNJs that land between two input characters it kept count as its insertions.

Speed is the time of ``repair_zwnj`` per KB of input (UTF-8), after a warm-up run, next to
hazm's ``Normalizer.normalize`` on the same paragraphs.

Usage::

    .venv/bin/python benchmarks/bench_zwnj.py [--corpus DIR] [--show-errors N]

``--corpus`` may name any folder of ``*.json`` (Hamshahri layout) or ``*.txt`` files of
Persian text that keeps its ZWNJs.  Exits 0 with a note when the corpus is absent.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from mideastnews.text import repair_zwnj
from mideastnews.text import zwnj as zwnj_module

ZWNJ = "\u200c"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEFAULT_CORPUS = SHARED / "corpus" / "hamshahri"


def paragraphs(folder: Path) -> list[str]:
    """Every text block of every file in ``folder`` that holds a ZWNJ-bearing language."""
    out: list[str] = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for key in ("aboveTitle", "title", "subtitle"):
            if isinstance(data.get(key), str):
                out.append(data[key])
        for block in data.get("content", []):
            if isinstance(block, dict) and isinstance(block.get("text"), str):
                out.append(block["text"])
    for path in sorted(folder.glob("*.txt")):
        out.extend(p for p in path.read_text(encoding="utf-8").split("\n") if p.strip())
    return [p for p in out if p.strip()]


def positions(text: str) -> tuple[str, set[int]]:
    """The ZWNJ-free text and the offsets in it where ``text`` had a ZWNJ."""
    plain: list[str] = []
    where: set[int] = set()
    for ch in text:
        if ch == ZWNJ:
            where.add(len(plain))
        else:
            plain.append(ch)
    return "".join(plain), where


def aligned_positions(source: str, output: str) -> set[int]:
    """ZWNJ offsets of ``output`` mapped onto ``source`` (which has no ZWNJ)."""
    out_plain, out_where = positions(output)
    mapping: dict[int, int] = {}
    matcher = difflib.SequenceMatcher(None, source, out_plain, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        # Offset b+k (before output char b+k) maps to a+k; k == size is the block's end,
        # which is only a real "between two kept characters" spot for k in 1..size-1.
        for k in range(1, size):
            mapping[b + k] = a + k
    return {mapping[p] for p in out_where if p in mapping}


def score(gold: Iterable[set[int]], found: Iterable[set[int]]) -> tuple[int, int, int]:
    """True positives, gold count and found count."""
    tp = n_gold = n_found = 0
    for g, f in zip(gold, found, strict=True):
        tp += len(g & f)
        n_gold += len(g)
        n_found += len(f)
    return tp, n_gold, n_found


def timed(fn: Callable[[str], str], texts: list[str], rounds: int) -> tuple[list[str], float]:
    """Outputs of ``fn`` and the best total seconds over ``rounds`` runs."""
    outs = [fn(t) for t in texts]  # warm-up (loads lexicons, fills caches)
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for t in texts:
            fn(t)
        best = min(best, time.perf_counter() - start)
    return outs, best


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--show-errors", type=int, default=0, metavar="N",
                    help="print N misses and N wrong insertions")
    ap.add_argument("--no-hazm", action="store_true")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus} (skipped)")
        return 0
    originals = [p for p in paragraphs(args.corpus) if ZWNJ in p or any("\u0600" <= c <= "\u06ff" for c in p)]
    stripped_gold = [positions(p) for p in originals]
    inputs = [s for s, _ in stripped_gold]
    gold = [g for _, g in stripped_gold]
    kb = sum(len(t.encode("utf-8")) for t in inputs) / 1024
    print(f"corpus: {args.corpus}  paragraphs: {len(inputs)}  "
          f"ZWNJs: {sum(map(len, gold))}  size: {kb:.1f} KB")

    rows: list[tuple[str, float, float, float, float]] = []
    start = time.perf_counter()
    zwnj_module._lexicon()
    load = time.perf_counter() - start
    start = time.perf_counter()
    for t in inputs:
        repair_zwnj(t)
    cold = time.perf_counter() - start
    print(f"repair_zwnj: lexicon load {load * 1e3:.0f} ms (once); first pass, nothing memoized: "
          f"{cold / kb * 1e6:.0f} µs/KB; the table gives the memoized steady state")
    outs, secs = timed(repair_zwnj, inputs, args.rounds)
    ours = []
    for src, out in zip(inputs, outs, strict=True):
        plain, where = positions(out)
        if plain != src:
            print("repair_zwnj changed more than ZWNJs!", file=sys.stderr)
            return 1
        ours.append(where)
    tp, ng, nf = score(gold, ours)
    rows.append(("mideastnews.repair_zwnj", tp / ng if ng else 1.0, tp / nf if nf else 1.0, nf,
                 secs / kb * 1e6))

    if not args.no_hazm:
        try:
            import hazm  # type: ignore[import-not-found, unused-ignore]
        except ImportError:
            print("hazm not installed: `.venv/bin/pip install hazm` to compare (skipped)")
        else:
            normalizer = hazm.Normalizer()
            h_outs, h_secs = timed(normalizer.normalize, inputs, max(1, args.rounds // 2))
            theirs = [aligned_positions(src, out) for src, out in zip(inputs, h_outs, strict=True)]
            tp, ng, nf = score(gold, theirs)
            name = f"hazm {getattr(hazm, '__version__', '')} Normalizer()".replace("  ", " ")
            rows.append((name, tp / ng if ng else 1.0, tp / nf if nf else 1.0, nf, h_secs / kb * 1e6))

    print(f"{'':32} {'recall':>7} {'precision':>9} {'inserted':>8} {'µs/KB':>9}")
    for name, rec, prec, nf, us in rows:
        print(f"{name:32} {rec:7.3f} {prec:9.3f} {int(nf):8d} {us:9.0f}")
    if len(rows) == 2:
        print(f"speed ratio (hazm / repair_zwnj): {rows[1][4] / rows[0][4]:.1f}x")

    if args.show_errors:
        missed: list[str] = []
        wrong: list[str] = []
        for src, g, f in zip(inputs, gold, ours, strict=True):
            for p in sorted(g - f):
                missed.append(f"{src[max(0, p - 12):p]}|{src[p:p + 12]}")
            for p in sorted(f - g):
                wrong.append(f"{src[max(0, p - 12):p]}|{src[p:p + 12]}")
        print(f"\nmissed ({len(missed)}):", *missed[: args.show_errors], sep="\n  ")
        print(f"\nwrong ({len(wrong)}):", *wrong[: args.show_errors], sep="\n  ")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
