"""The command line: argument parsing and output only; the work is the library's.

``mideastnews parse PATH...``   articles to JSON Lines, JSON or Parquet
``mideastnews dates TEXT``      the date mentions in a text
``mideastnews convert DATE``    a day in another calendar
``mideastnews parsers``         every parser and whether it loaded
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections import Counter
from collections.abc import Sequence
from typing import IO, Any

from . import __version__
from .api import parsers
from .errors import DateError, MideastNewsError
from .io.batch import DEFAULT_TIMEOUT, Result, run_batch
from .io.inputs import Input, iter_inputs
from .model import Article

__all__ = ["build_parser", "json_record", "main"]

_FORMATS = ("jsonl", "json", "parquet")
_EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
               ".parquet": "parquet", ".pq": "parquet"}


# -- parse --------------------------------------------------------------------------------------
def json_record(item: Input, result: Result) -> dict[str, Any]:
    """The JSON object written for one input: its id (and capture time), then the article or failure."""
    record: dict[str, Any] = {"source_id": item.source_id}
    if item.fetched is not None:
        record["fetched"] = item.fetched.isoformat()
    record.update(result.to_dict())
    return record


def _summary_key(result: Result) -> tuple[bool, str]:
    return (True, result.source) if isinstance(result, Article) else (False, result.error_type)


# Run in the workers, so the parent only writes what it receives.
def _to_json_line(item: Input, result: Result) -> tuple[bool, str, str]:
    ok, label = _summary_key(result)
    return ok, label, json.dumps(json_record(item, result), ensure_ascii=False)


def _to_row(item: Input, result: Result) -> tuple[bool, str, dict[str, Any]]:
    from .io.export import record_row

    ok, label = _summary_key(result)
    return ok, label, record_row(result, source_id=item.source_id, fetched=item.fetched)


def _output_format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    if args.output:
        name = args.output.lower()
        for ext, fmt in _EXTENSIONS.items():
            if name.endswith(ext):
                return fmt
    return "jsonl"


class _Usage(Exception):
    """A command-line mistake: reported on stderr with exit status 2."""


def _open_text(path: str | None) -> IO[str]:
    if path is None or path == "-":
        return sys.stdout
    try:
        return open(path, "w", encoding="utf-8", newline="\n")
    except OSError as exc:
        raise _Usage(f"cannot write {path}: {exc}") from exc


def _cmd_parse(args: argparse.Namespace) -> int:
    fmt = _output_format(args)
    if fmt == "parquet" and (not args.output or args.output == "-"):
        raise _Usage("Parquet output needs a file: -o OUT.parquet")
    if args.workers is not None and args.workers < 0:
        raise _Usage("--workers must be 0 (one per CPU) or more")
    if args.timeout is not None and args.timeout <= 0:
        raise _Usage("--timeout must be a positive number of seconds")
    items: Any = iter_inputs(args.paths)
    if args.parser or args.url:
        items = (Input(i.source, i.source_id, url=args.url or i.url, ref=i.ref, fetched=i.fetched,
                       parser=args.parser or i.parser) if isinstance(i, Input) else i for i in items)
    progress = sys.stderr.isatty() and not args.no_progress
    workers = None if args.workers == 1 else args.workers
    parsed: Counter[str] = Counter()
    failed: Counter[str] = Counter()
    if fmt == "parquet":
        from .io.export import ParquetSink

        with ParquetSink(args.output) as sink:
            for _, (ok, label, row) in run_batch(items, workers=workers, timeout=args.timeout,
                                                 transform=_to_row, progress=progress):
                (parsed if ok else failed)[label] += 1
                sink.write_row(row)
    else:
        out = _open_text(args.output)
        try:
            first = True
            if fmt == "json":
                out.write("[")
            for _, (ok, label, line) in run_batch(items, workers=workers, timeout=args.timeout,
                                                  transform=_to_json_line, progress=progress):
                (parsed if ok else failed)[label] += 1
                if fmt == "json":
                    out.write(("\n" if first else ",\n") + line)
                else:
                    out.write(line + "\n")
                first = False
            if fmt == "json":
                out.write("\n]\n" if not first else "]\n")
            out.flush()
        finally:
            if out is not sys.stdout:
                out.close()
    _print_summary(parsed, failed)
    return 1 if failed else 0


def _print_summary(parsed: Counter[str], failed: Counter[str]) -> None:
    def detail(counts: Counter[str]) -> str:
        return " (" + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) + ")" if counts else ""

    print(f"parsed {sum(parsed.values())}{detail(parsed)}, failed {sum(failed.values())}{detail(failed)}",
          file=sys.stderr)


# -- dates and convert --------------------------------------------------------------------------
def _read_text(value: str) -> str:
    return sys.stdin.read() if value == "-" else value


def _day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def _cmd_dates(args: argparse.Namespace) -> int:
    from .dates import find_dates

    mentions = find_dates(_read_text(args.text), ref=args.ref)
    if args.json:
        print(json.dumps([m.to_dict() for m in mentions], ensure_ascii=False, indent=2))
        return 0
    if not mentions:
        print("no dates found", file=sys.stderr)
        return 0
    rows = [("text", "calendar", "y-m-d", "date", "granularity", "relative")]
    for m in mentions:
        ymd = "-".join("?" if v is None else str(v) for v in (m.year, m.month, m.day))
        rows.append((m.text, str(m.calendar), ymd, m.date.isoformat() if m.date else "-", str(m.granularity),
                     "yes" if m.relative else "no"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    return 0


def _numeric_day(text: str, calendar: str | None) -> Any:
    """``YYYY-MM-DD`` (or with ``/``, in any digits) as a CalendarDate, or None when it is not that form."""
    from .dates import CalendarDate

    parts = text.strip().replace("/", "-").split("-")
    if len(parts) != 3 or not all(p.isdigit() and len(p) <= 4 for p in parts) or len(parts[0]) != 4:
        return None
    year, month, day = (int(p) for p in parts)
    if calendar is None:
        if year < 1700:
            return None  # a Hijri or Solar Hijri year: let the date finder weigh it
        calendar = "gregorian"
    return CalendarDate(calendar, year, month, day)


def _cmd_convert(args: argparse.Namespace) -> int:
    from .dates import CalendarDate, convert, parse_date

    text = _read_text(args.date)
    source = _numeric_day(text, args.from_calendar)
    if source is None:
        mention = parse_date(text, ref=args.ref)
        if mention.date is None:
            raise DateError(f"{mention.text!r} names no single day")
        if mention.year is not None and mention.month is not None and mention.day is not None:
            source = CalendarDate(mention.calendar, mention.year, mention.month, mention.day)
        else:
            source = convert(mention.date, "gregorian")
    target = convert(source, args.to)
    lang = args.lang or {"jalali": "fa", "hijri": "ar"}.get(str(target.calendar), "en")
    written = target.format(lang, args.digits)
    iso = f"{target.year:04d}-{target.month:02d}-{target.day:02d}"
    if args.json:
        print(json.dumps({"calendar": str(target.calendar), "year": target.year, "month": target.month,
                          "day": target.day, "text": written, "gregorian": target.to_gregorian().isoformat(),
                          "from": {"calendar": str(source.calendar), "year": source.year,
                                   "month": source.month, "day": source.day}}, ensure_ascii=False))
    else:
        print(f"{iso}  {written}")
    return 0


# -- parsers ------------------------------------------------------------------------------------
def _cmd_parsers(args: argparse.Namespace) -> int:
    infos = parsers()
    if args.json:
        print(json.dumps({n: {"distribution": i.distribution, "builtin": i.builtin, "status": i.status,
                              "domains": list(i.domains), "languages": list(i.languages), "error": i.error}
                          for n, i in infos.items()}, ensure_ascii=False, indent=2))
        return 0
    for name, info in infos.items():
        where = "built-in" if info.builtin else info.distribution
        line = f"{name:<16} {info.status:<10} {where:<20} {','.join(info.domains)}"
        if info.error:
            line += f"\n    {info.error}"
        print(line.rstrip())
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The ``mideastnews`` argument parser."""
    ap = argparse.ArgumentParser(prog="mideastnews", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--version", action="version", version=f"mideastnews {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help="parse files, folders, globs or - to JSON Lines, JSON or Parquet",
                       description="Parse articles: .txt/.html/.htm pages, .json/.jsonl scraper output "
                       "(a text or html field), .warc/.warc.gz archives; folders are walked recursively. "
                       "One record per input (a failure is a record with \"error\"); a summary on stderr; "
                       "exit status 1 if any input failed.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, globs, or - for stdin")
    p.add_argument("-f", "--format", choices=_FORMATS, default=None,
                   help="output format (default: from the -o extension, else jsonl)")
    p.add_argument("-o", "--output", metavar="OUT", default=None, help="output file (default: stdout)")
    p.add_argument("-w", "--workers", type=int, default=0, metavar="N",
                   help="worker processes: 0 = one per CPU (default), 1 = in this process")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help=f"time budget per input (default {DEFAULT_TIMEOUT:g})")
    p.add_argument("--parser", default=None, metavar="NAME", help="force a parser for every input")
    p.add_argument("--url", default=None, help="the URL of every input (for a single page)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    p.set_defaults(func=_cmd_parse)

    p = sub.add_parser("dates", help="the date mentions in a text")
    p.add_argument("text", metavar="TEXT", help="the text, or - for stdin")
    p.add_argument("--ref", type=_day, default=None, metavar="DATE",
                   help="the day relative dates resolve against (YYYY-MM-DD)")
    p.add_argument("--json", action="store_true", help="JSON instead of a table")
    p.set_defaults(func=_cmd_dates)

    p = sub.add_parser("convert", help="a day in another calendar",
                       description='e.g. mideastnews convert "۸ آذر ۱۴۰۲" --to gregorian')
    p.add_argument("date", metavar="DATE", help="a date as written («۸ آذر ۱۴۰۲», «15 جمادى الأولى 1445») "
                   "or YYYY-MM-DD")
    p.add_argument("--to", required=True, choices=("gregorian", "hijri", "jalali"), metavar="CALENDAR",
                   help="gregorian, hijri or jalali")
    p.add_argument("--from", dest="from_calendar", choices=("gregorian", "hijri", "jalali"), default=None,
                   metavar="CALENDAR", help="the calendar of a YYYY-MM-DD date (default: gregorian)")
    p.add_argument("--ref", type=_day, default=None, metavar="DATE", help="for relative dates")
    p.add_argument("--lang", choices=("fa", "ar", "en"), default=None, help="language of the written form")
    p.add_argument("--digits", choices=("latin", "arabic", "persian"), default=None)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd_convert)

    p = sub.add_parser("parsers", help="list every parser, where it comes from and whether it loaded")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd_parsers)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 some input failed, 2 usage)."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except _Usage as exc:
        print(f"mideastnews {args.command}: {exc}", file=sys.stderr)
        return 2
    except ImportError as exc:
        print(f"mideastnews {args.command}: {exc}", file=sys.stderr)
        return 2
    except (MideastNewsError, TypeError) as exc:
        print(f"mideastnews {args.command}: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (| head): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130

