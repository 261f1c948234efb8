"""Batch throughput and memory: parse_many with 1 and 2 workers, the process tree's peak memory,
the 5,000-copy corrupt-file run of the CLI, and warcio against FastWARC.

    .venv/bin/python benchmarks/bench_batch.py                  # everything, full size
    .venv/bin/python benchmarks/bench_batch.py --speed 300 --memory 5000 --corrupt 500 --warc 2000
    .venv/bin/python benchmarks/bench_batch.py --speed 1000 --rounds 5 --memory 0 --corrupt 0 --warc 0

Speed: seed-size articles (the five seeds, as text dumps and as simple HTML
pages) through ``mn.parse_many``, in this process (1 worker) and with a pool
of 2 worker processes; articles/s and the 2-worker/1-worker ratio.

Memory: ``--memory`` inputs streamed through a 2-worker pool while a separate
sampler process reads the resident memory (VmRSS) of every process in the
tree (this process, the fork server if any, the workers; the sampler itself
excluded) from /proc every 0.1 s; the peak of the sum is reported at
checkpoints, so growth with the input count shows.  (RSS counts pages shared
between parent and forked workers once per process: an overestimate.)
"""

from __future__ import annotations

import argparse
import html
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import mideastnews as mn

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
TEXTS = [s.read_text(encoding="utf-8") for s in SEEDS]


def as_html(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines[1:])
    title = html.escape(lines[0])
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><article><h1>{title}</h1>{body}</article></body></html>")


PAGES = [as_html(t) for t in TEXTS]


def stream(kind: str, n: int) -> Iterator[str]:
    docs = TEXTS if kind == "text" else PAGES
    for i in range(n):
        yield docs[i % len(docs)]


# -- speed --------------------------------------------------------------------------------------
class BusyParser(mn.Parser):
    """A control: burns 5 ms of CPU per input and nothing else, to show what the machine gives."""

    name = "bench_busy"
    languages = ("en",)

    def parse_text(self, doc: mn.Document) -> mn.Article:
        start = time.process_time()
        while time.process_time() - start < 0.005:
            pass
        return mn.Article(source=self.name, title=doc.lines[0], language="en")


def fixed_work(rounds: int = 20_000) -> int:
    """The same pure-Python work every call (dict and integer operations, about 5 ms on an idle core)."""
    table: dict[int, int] = {}
    total = 0
    for i in range(rounds):
        total += i * i % 7
        table[i & 1023] = total
    return total


class WorkParser(mn.Parser):
    """A control: a fixed amount of pure-Python work per input, nothing else.

    Unlike :class:`BusyParser` (which runs for 5 ms of CPU time however fast the
    CPU goes that moment), it does the same work each time, so its 2 / 1 ratio
    shows what two busy processes get from this machine for Python work: the
    ceiling for any pool here.
    """

    name = "bench_work"
    languages = ("en",)

    def parse_text(self, doc: mn.Document) -> mn.Article:
        fixed_work()
        return mn.Article(source=self.name, title=doc.lines[0], language="en")


def _cpu() -> tuple[float, float]:
    """CPU seconds of this process and of its (finished) children."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, kids.ru_utime + kids.ru_stime


def _steal() -> tuple[int, int]:
    """(steal ticks, all ticks) of the machine so far, from /proc/stat (zeros where it is not there)."""
    try:
        with open("/proc/stat") as fh:
            values = [int(v) for v in fh.readline().split()[1:]]
    except (OSError, ValueError):
        return 0, 0
    return (values[7] if len(values) > 7 else 0), sum(values)


def bench_speed(n: int, rounds: int = 1) -> None:
    """Articles/s with 1 and 2 workers for each kind of input, ``rounds`` times over.

    This machine's speed for Python work drifts by up to a third from minute
    to minute, and what a second busy process gets from it varies more (the
    fixed-work control's 2 / 1 ratio has been seen anywhere from 1.15x to 2.4x
    a minute apart).  So each round runs every kind with 1 and then 2 workers
    back to back, the control among them, and the summary gives each round's
    ratios side by side: the text and HTML ratios of a round are to be read
    against that round's control ratio (what the machine gave two processes
    then).  ``steal`` is the share of CPU time the hypervisor gave to others
    during the run.
    """
    mn.register_parser(BusyParser, replace=True)
    mn.register_parser(WorkParser, replace=True)
    print(f"\n## Speed: {n} seed-size inputs per run, {rounds} round(s) (cpu count {os.cpu_count()}, "
          f"load average {os.getloadavg()[0]:.1f})")
    print("cores used = CPU seconds of this process and its workers / wall seconds; per CPU-s = articles\n"
          "per CPU second (what a free core would give: equal for 1 and 2 workers means no pool overhead);\n"
          "parent, workers = CPU milliseconds per article spent in this process and in the workers;\n"
          "steal = CPU time the hypervisor took for others during the run")
    header = ("input", "workers", "articles/s", "cores used", "per CPU-s", "parent", "workers", "steal",
              "failed")
    print("{:<22} {:>7} {:>11} {:>11} {:>10} {:>8} {:>8} {:>6} {:>7}".format(*header))
    kinds = {"text": lambda k: stream("text", k), "html": lambda k: stream("html", k),
             "control (5 ms busy)": lambda k: (mn.io.Input(f"t{i}\nb", f"{i}", parser="bench_busy")
                                               for i in range(k)),
             "control (fixed work)": lambda k: (mn.io.Input(f"t{i}\nb", f"{i}", parser="bench_work")
                                                for i in range(k))}
    rates: dict[str, dict[int, list[float]]] = {kind: {1: [], 2: []} for kind in kinds}
    for make in kinds.values():
        list(mn.parse_many(make(10)))  # warm the parsers and caches
    for _round in range(rounds):
        for kind, make in kinds.items():
            for workers in (1, 2):
                start, (own, kids), (stolen, ticks) = time.perf_counter(), _cpu(), _steal()
                failed = sum(isinstance(r, mn.Failure) for r in mn.parse_many(make(n), workers=workers))
                wall = time.perf_counter() - start
                (own_now, kids_now), (stolen_now, ticks_now) = _cpu(), _steal()
                parent, pool = own_now - own, kids_now - kids
                used = parent + pool
                steal = (stolen_now - stolen) / max(1, ticks_now - ticks)
                rates[kind][workers].append(n / wall)
                print(f"{kind:<22} {workers:>7} {n / wall:>11.1f} {used / wall:>11.2f} {n / used:>10.1f} "
                      f"{parent / n * 1e3:>8.3f} {pool / n * 1e3:>8.3f} {steal:>6.1%} {failed:>7}",
                      flush=True)
    print()
    for kind in kinds:
        one_rates, two_rates = rates[kind][1], rates[kind][2]
        ratios = [two / one for one, two in zip(one_rates, two_rates, strict=True)]
        one, two = statistics.median(one_rates), statistics.median(two_rates)
        per_round = ", ".join(f"{r:.2f}" for r in ratios)
        print(f"{kind:<22} 1 worker {min(one_rates):.0f}-{max(one_rates):.0f}/s (median {one:.0f}), "
              f"2 workers {min(two_rates):.0f}-{max(two_rates):.0f}/s (median {two:.0f}); "
              f"2 / 1 per round {per_round} (median {statistics.median(ratios):.2f}x, "
              f"ratio of medians {two / one:.2f}x)")


# -- memory -------------------------------------------------------------------------------------
def _tree(root: int, skip: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        if pid == skip:
            continue
        found.append(pid)
        todo.extend(children.get(pid, ()))
    return found


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def sampler(root: int, out: str) -> None:
    """Run as a separate process: write the tree's summed RSS (KB) and process count each 0.1 s."""
    me = os.getpid()
    with open(out, "w") as fh:
        while os.path.exists(f"/proc/{root}"):
            pids = _tree(root, me)
            fh.write(f"{time.monotonic():.3f} {sum(_rss_kb(p) for p in pids)} {len(pids)}\n")
            fh.flush()
            time.sleep(0.1)


def bench_memory(n: int, kind: str = "text") -> None:
    print(f"\n## Memory: {n} {kind} inputs streamed through 2 workers (peak RSS of the process tree)")
    fd, log = tempfile.mkstemp(suffix=".log")
    os.close(fd)
    proc = subprocess.Popen([sys.executable, __file__, "--sample", str(os.getpid()), log])
    time.sleep(0.5)
    checkpoints = sorted({c for c in (1000, 5000, 10000, 25000, n) if c <= n})
    marks: list[tuple[int, float]] = []
    start = time.perf_counter()
    failed = 0
    base_rss = _rss_kb(os.getpid())
    for done, result in enumerate(mn.parse_many(stream(kind, n), workers=2), 1):
        failed += isinstance(result, mn.Failure)
        if done in checkpoints:
            marks.append((done, time.monotonic()))
            print(f"  ... {done} inputs, {done / (time.perf_counter() - start):.0f}/s", flush=True)
    elapsed = time.perf_counter() - start
    time.sleep(0.3)
    proc.terminate()
    proc.wait()
    samples = []
    with open(log) as fh:
        for line in fh:
            t, kb, count = line.split()
            samples.append((float(t), int(kb), int(count)))
    os.unlink(log)
    print(f"parent RSS before the pool: {base_rss / 1024:.0f} MB; {failed} failed; "
          f"{n / elapsed:.0f} articles/s")
    print(f"{'inputs':>8} {'peak tree RSS so far (MB)':>26} {'processes':>10}")
    for count, when in marks:
        upto = [s for s in samples if s[0] <= when] or samples[:1]
        peak = max(upto, key=lambda s: s[1])
        print(f"{count:>8} {peak[1] / 1024:>26.1f} {peak[2]:>10}")


# -- corrupt copies -----------------------------------------------------------------------------
def corrupt_bytes(kind: int, rng: random.Random) -> bytes:
    if kind == 0:
        return bytes(rng.randrange(256) for _ in range(4000))  # binary
    if kind == 1:
        return b""  # empty
    return PAGES[0].encode("utf-8")[: 40 + rng.randrange(17)]  # HTML cut off in its head, before any text


def bench_corrupt(n: int) -> None:
    print(f"\n## {n} copies of the seeds, 1% corrupt (binary, empty, truncated HTML), through the CLI")
    rng = random.Random(20240)
    corrupt = set(rng.sample(range(n), n // 100))
    tmp = Path(tempfile.mkdtemp(prefix="mn-corrupt-"))
    try:
        for i in range(n):
            folder = tmp / "in" / f"{i // 500:03d}"
            folder.mkdir(parents=True, exist_ok=True)
            if i in corrupt:
                kind = i % 3
                (folder / f"{i:06d}{'.html' if kind == 2 else '.txt'}").write_bytes(corrupt_bytes(kind, rng))
            else:
                (folder / f"{i:06d}.txt").write_bytes(SEEDS[i % len(SEEDS)].read_bytes())
        out = tmp / "out.jsonl"
        start = time.perf_counter()
        run = subprocess.run([sys.executable, "-m", "mideastnews", "parse", str(tmp / "in"), "-o", str(out),
                              "--workers", "2", "--no-progress"], capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - start
        import json

        # (Read line by line: holding every record would swell this process for the memory run.)
        count = 0
        failed: set[int] = set()
        with out.open(encoding="utf-8") as lines:
            for line in lines:
                count += 1
                record = json.loads(line)
                if "error" in record:
                    failed.add(int(Path(record["source_id"]).stem))
        print(f"records {count} (expected {n}); failures {len(failed)} (expected {len(corrupt)}); "
              f"failures are exactly the corrupt files: {failed == corrupt}; exit status {run.returncode}; "
              f"{elapsed:.1f} s ({n / elapsed:.0f} inputs/s)")
        print("summary:", run.stderr.strip().splitlines()[-1])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# -- WARC readers -------------------------------------------------------------------------------
def bench_warc(n: int) -> None:
    from mideastnews.io.warc import warc_inputs, write_warc

    print(f"\n## WARC readers: {n} HTML responses (+ {n} requests), seed-size pages")
    tmp = Path(tempfile.mkdtemp(prefix="mn-warc-"))
    try:
        for name in ("crawl.warc.gz", "crawl.warc"):
            path = tmp / name
            write_warc(path, ((f"https://example.org/news/{i}", PAGES[i % len(PAGES)]) for i in range(n)))
            readers = {"fastwarc": lambda p=path: _read_fastwarc(p), "warcio": lambda p=path: _read_warcio(p),
                       "mideastnews (fastwarc + Input)": lambda p=path: sum(1 for _ in warc_inputs(p))}
            for label, fn in readers.items():
                try:
                    best = min(_timed(fn) for _ in range(3))
                except ImportError as exc:
                    print(f"{name:<14} {label:<32} not installed ({exc})")
                    continue
                size = path.stat().st_size / 1e6
                print(f"{name:<14} {label:<32} {n / best:>9.0f} records/s  ({size:.1f} MB)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _timed(fn: object) -> float:
    start = time.perf_counter()
    assert callable(fn)
    fn()
    return time.perf_counter() - start


def _read_warcio(path: Path) -> int:
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    with path.open("rb") as fh:
        for record in ArchiveIterator(fh):
            if record.rec_type != "response":
                continue
            record.rec_headers.get_header("WARC-Target-URI")
            record.rec_headers.get_header("WARC-Date")
            record.http_headers.get_header("Content-Type")
            record.content_stream().read()
            n += 1
    return n


def _read_fastwarc(path: Path) -> int:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    n = 0
    with path.open("rb") as fh:
        for record in ArchiveIterator(fh, record_types=WarcRecordType.response, auto_decode="all"):
            record.headers.get("WARC-Target-URI")
            _ = record.record_date
            _ = record.http_content_type
            record.reader.read()
            n += 1
    return n


def main() -> None:
    """Run the benchmarks named by the flags (all of them by default)."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--speed", type=int, default=1000, help="inputs per speed run (0 skips)")
    ap.add_argument("--rounds", type=int, default=1, help="alternations of the 1- and 2-worker speed runs")
    ap.add_argument("--memory", type=int, default=50_000, help="inputs in the memory run (0 skips)")
    ap.add_argument("--corrupt", type=int, default=5000, help="copies in the corrupt-file run (0 skips)")
    ap.add_argument("--warc", type=int, default=5000, help="records in the WARC reader run (0 skips)")
    ap.add_argument("--sample", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.sample:
        sampler(int(args.sample[0]), args.sample[1])
        return
    print(f"mideastnews {mn.__version__}, Python {sys.version.split()[0]}, load average {os.getloadavg()}")
    if args.warc:
        bench_warc(args.warc)
    if args.speed:
        bench_speed(args.speed, args.rounds)
    if args.memory:  # before the corrupt run: its files and records must not count in this process
        bench_memory(args.memory)
    if args.corrupt:
        bench_corrupt(args.corrupt)


if __name__ == "__main__":
    main()
