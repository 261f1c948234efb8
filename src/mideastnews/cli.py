"""The command line: argument parsing and output only; the work is the library's."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from . import __version__
from .api import parsers
from .io.batch import parse_many
from .model import Article, Failure

__all__ = ["main"]

_SUFFIXES = {".txt", ".html", ".htm"}


def _expand(paths: Sequence[str]) -> Iterator[Path | bytes]:
    import glob

    for raw in paths:
        if raw == "-":
            yield sys.stdin.buffer.read()
            continue
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in _SUFFIXES)
        elif not path.exists() and glob.has_magic(raw):
            yield from sorted(Path(p) for p in glob.glob(raw, recursive=True) if Path(p).is_file())
        else:
            yield path


def _cmd_parse(args: argparse.Namespace) -> int:
    counts: Counter[str] = Counter()
    failed = 0
    out = sys.stdout
    for item in parse_many(_expand(args.paths), workers=args.workers):
        if isinstance(item, Failure):
            failed += 1
            record = item.to_dict()
        else:
            assert isinstance(item, Article)
            counts[item.source] += 1
            record = item.to_dict()
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    parsed = sum(counts.values())
    detail = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    print(f"parsed {parsed}, failed {failed}" + (f" ({detail})" if detail else ""), file=sys.stderr)
    return 1 if failed else 0


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
    ap = argparse.ArgumentParser(prog="mideastnews", description=__doc__)
    ap.add_argument("--version", action="version", version=f"mideastnews {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help="parse files, folders, globs or - (stdin) to JSON Lines")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--workers", type=int, default=None)
    p.set_defaults(func=_cmd_parse)

    p = sub.add_parser("parsers", help="list every parser, where it comes from and whether it loaded")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd_parsers)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    return int(args.func(args))
