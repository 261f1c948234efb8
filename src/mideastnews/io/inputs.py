"""Inputs for batch parsing: paths, folders, globs, stdin, scraper JSON and WARC files as sources.

:func:`iter_inputs` turns what a user names on a command line into a stream of
:class:`Input` records (content or a path, with an id, the URL and a reference
day where known), or a :class:`~mideastnews.Failure` for a named input that
cannot even be opened as a container (a JSON file that does not parse, a WARC
file that is truncated).  Nothing is read ahead: folders are walked one
directory at a time, JSON Lines and WARC files one record at a time.
"""

from __future__ import annotations

import datetime as dt
import glob
import json
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

import attrs

from ..document import DEFAULT_MAX_BYTES
from ..model import Failure

__all__ = [
    "HTML_FIELDS",
    "JSON_SUFFIXES",
    "SUFFIXES",
    "TEXT_FIELDS",
    "TEXT_SUFFIXES",
    "WARC_SUFFIXES",
    "Input",
    "as_input",
    "file_inputs",
    "input_kind",
    "iter_inputs",
    "iter_paths",
    "scraper_record_input",
]

#: Files read as one article each (text dump or HTML page).
TEXT_SUFFIXES = (".txt", ".html", ".htm", ".xhtml")
#: Scraper output: ``.json`` holds one article or a list, ``.jsonl`` one article per line.
JSON_SUFFIXES = (".json", ".jsonl", ".ndjson")
#: Web archives.
WARC_SUFFIXES = (".warc", ".warc.gz")
#: Every suffix picked up when a folder is walked.
SUFFIXES = TEXT_SUFFIXES + JSON_SUFFIXES + WARC_SUFFIXES

#: Keys of a scraper record holding the page's HTML, tried in order.
HTML_FIELDS = ("html", "raw_html", "page_html", "content_html", "body_html", "source_html")
#: Keys of a scraper record holding the article's text, tried in order.  A list
#: value is read as paragraphs (strings, or dicts with a ``"text"`` key).
TEXT_FIELDS = ("text", "full_text", "content", "body", "article", "article_text", "maintext", "contents")
_TITLE_FIELDS = ("title", "headline")
_LEAD_FIELDS = ("lead", "subtitle", "standfirst", "summary")
_SUMMARY_FIELDS = ("description", "summary", "meta_description")
_URL_FIELDS = ("url", "link", "canonical_url", "source_url", "href")
_DATE_FIELDS = ("published", "published_time", "publication_date", "date_published", "pubDate", "date")


@attrs.frozen
class Input:
    """One input of a batch: its content (or a path to it) and what is known about it.

    Attributes:
        source: Text, bytes, or a path the worker reads (as :func:`mideastnews.parse` takes).
        source_id: Where it came from, for records and messages: a path, ``path#3`` for the
            fourth article of a scraper file, ``path@offset`` for a WARC record, ``-`` for stdin.
        url: The page's address, when known.
        ref: A day to resolve relative dates against when the article gives none (a WARC
            record's capture day, a scraper record's date).
        fetched: When the page was captured (a WARC record's date), in UTC.
        parser: A parser's name, to force it.
    """

    source: str | bytes | os.PathLike[str]
    source_id: str
    url: str | None = None
    ref: dt.date | None = None
    fetched: dt.datetime | None = None
    parser: str | None = None


def as_input(source: object, position: int) -> Input:
    """Wrap one item given to :func:`~mideastnews.parse_many` as an :class:`Input`.

    An :class:`Input` is kept; a path's id is the path; content's id is ``#position``.

    Raises:
        TypeError: ``source`` is not text, bytes, a path or an :class:`Input`.
    """
    if isinstance(source, Input):
        return source
    if isinstance(source, os.PathLike):
        return Input(source, os.fsdecode(source))
    if isinstance(source, (str, bytes)):
        return Input(source, f"#{position}")
    if isinstance(source, (bytearray, memoryview)):
        return Input(bytes(source), f"#{position}")
    raise TypeError(f"source must be str, bytes, a path or an Input, not {type(source).__name__}")


def input_kind(path: str | os.PathLike[str]) -> str:
    """``"warc"``, ``"json"``, ``"jsonl"`` or ``"page"``: how a file is read, by its name."""
    name = os.fspath(path).lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(".json"):
        return "json"
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    return "page"


def _first(record: Mapping[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = record.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _as_text(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        parts: list[str] = []
        for item in value:
            if isinstance(item, str):
                parts.append(item)
            elif isinstance(item, Mapping) and isinstance(item.get("text"), str):
                parts.append(item["text"])
        return "\n".join(p for p in parts if p.strip()) or None
    return None


def _as_day(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    head = value.strip()[:10]
    try:
        day = dt.date.fromisoformat(head)
    except ValueError:
        return None
    # A year before 1900 is a Solar or lunar Hijri date written in ISO form (1402-07-24).
    return day if day.year >= 1900 else None


def _json_object(text: str) -> dict[str, Any] | None:
    stripped = text.strip()
    if not (stripped.startswith("{") and stripped.endswith("}")):
        return None
    try:
        value = json.loads(stripped)
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


def scraper_record_input(record: object, source_id: str, *, _nested: bool = False) -> Input | Failure:
    """Read one scraper record (a JSON object) into an :class:`Input`.

    HTML wins over text (``HTML_FIELDS`` then ``TEXT_FIELDS``).  A text gets the
    record's title as its first line (a text dump's headline) unless it already
    starts with it, and the lead or subtitle after it; the record's URL is kept,
    and its ISO publication day, if any, becomes the reference day.  A text
    field that holds a JSON object (a page's metadata block saved verbatim) is
    read as the record; a record with no body but a ``description`` or
    ``summary`` gives its headline and that summary.

    Returns:
        The input, or a :class:`~mideastnews.Failure` when the record holds
        neither HTML nor text.
    """
    if not isinstance(record, Mapping):
        kind = type(record).__name__
        return Failure(source_id, "ParseError", f"a scraper record must be a JSON object, not {kind}")
    url = _first(record, _URL_FIELDS)
    url = url if isinstance(url, str) else None
    ref = _as_day(_first(record, _DATE_FIELDS))
    html = _as_text(_first(record, HTML_FIELDS))
    if html is not None:
        return Input(html, source_id, url=url, ref=ref)
    text_key = next((k for k in TEXT_FIELDS if record.get(k) not in (None, "", [], {})), None)
    text = _as_text(record[text_key]) if text_key is not None else None
    if text is not None and text_key is not None and not _nested:
        inner = _json_object(text)
        if inner is not None:
            # A text field holding a JSON object (a page's metadata block saved verbatim):
            # read that object, the outer record filling what it lacks.
            outer = {k: v for k, v in record.items() if k != text_key}
            return scraper_record_input({**outer, **inner}, source_id, _nested=True)
    if text is None:
        # No body: a metadata record still gives a headline and its summary.
        text = _as_text(_first(record, _SUMMARY_FIELDS))
    if text is None:
        keys = ", ".join(sorted(str(k) for k in record)[:20])
        return Failure(source_id, "ParseError", f"the record has no text or html field (keys: {keys})")
    head: list[str] = []
    title = _as_text(_first(record, _TITLE_FIELDS))
    stripped = text.lstrip()
    if title and not stripped.startswith(title.strip()):
        head.append(title.strip())
        lead = _as_text(_first(record, _LEAD_FIELDS))
        if lead and not stripped.startswith(lead.strip()):
            head.append(lead.strip())
    return Input("\n".join([*head, text]), source_id, url=url, ref=ref)


def _json_inputs(path: Path) -> Iterator[Input | Failure]:
    name = str(path)
    try:
        size = path.stat().st_size
        if size > 64 * DEFAULT_MAX_BYTES:
            yield Failure(name, "ParseError", f"{name} is {size} bytes; split it or use JSON Lines")
            return
        data = json.loads(path.read_bytes())
    except (OSError, UnicodeError, ValueError, RecursionError) as exc:
        yield Failure(name, "ParseError", f"cannot read {name} as JSON: {type(exc).__name__}: {exc}")
        return
    if isinstance(data, list):
        if not data:
            yield Failure(name, "ParseError", f"{name} is an empty JSON list")
        for i, record in enumerate(data):
            yield scraper_record_input(record, f"{name}#{i}")
    else:
        yield scraper_record_input(data, name)


def _jsonl_inputs(path: Path) -> Iterator[Input | Failure]:
    name = str(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Failure(name, "ParseError", f"cannot read {name}: {exc}")
        return
    with handle:
        seen = 0
        for lineno, line in enumerate(handle):
            if not line.strip():
                continue
            seen += 1
            sid = f"{name}#{lineno}"
            try:
                record = json.loads(line)
            except (UnicodeError, ValueError, RecursionError) as exc:
                yield Failure(sid, "ParseError", f"line {lineno + 1} is not JSON: {exc}")
                continue
            yield scraper_record_input(record, sid)
        if not seen:
            yield Failure(name, "ParseError", f"{name} holds no JSON lines")


def file_inputs(path: Path) -> Iterator[Input | Failure]:
    """The inputs one file holds: itself, its scraper records, or its WARC responses."""
    kind = input_kind(path)
    if kind == "json":
        yield from _json_inputs(path)
    elif kind == "jsonl":
        yield from _jsonl_inputs(path)
    elif kind == "warc":
        from .warc import warc_inputs

        yield from warc_inputs(path)
    else:
        yield Input(path, str(path))


def _walk(folder: Path) -> Iterator[Path]:
    """Files under ``folder`` with a known suffix, depth first, sorted by name, hidden ones skipped."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir():
                yield from _walk(Path(entry.path))
            elif entry.is_file() and entry.name.lower().endswith(SUFFIXES):
                yield Path(entry.path)
        except OSError:
            continue


def iter_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | str]:
    """Expand folders (recursively) and globs into files; ``"-"`` stays as is, in the order given."""
    for raw in paths:
        text = os.fspath(raw)
        if text == "-":
            yield "-"
            continue
        path = Path(text)
        if path.is_dir():
            yield from _walk(path)
        elif not path.exists() and glob.has_magic(text):
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                yield path  # reported as a missing file
            for match in matches:
                p = Path(match)
                if p.is_dir():
                    yield from _walk(p)
                elif p.is_file():
                    yield p
        else:
            yield path


def iter_inputs(
    paths: Iterable[str | os.PathLike[str]], *, stdin: BinaryIO | None = None
) -> Iterator[Input | Failure]:
    """Every input named by ``paths``: files, folders (recursive), globs and ``"-"``.

    ``.txt``/``.html``/``.htm`` files are one input each (read by the worker);
    ``.json`` holds one scraper record or a list, ``.jsonl`` one per line;
    ``.warc``/``.warc.gz`` hold HTML responses.  A folder is walked for those
    suffixes; a file named explicitly is read whatever its suffix.

    Args:
        paths: What the user named.
        stdin: Where ``"-"`` reads from (``sys.stdin``'s bytes by default).

    Yields:
        An :class:`Input` per article to parse, or a :class:`~mideastnews.Failure`
        where a container could not be read.
    """
    for item in iter_paths(paths):
        if item == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield Input(stream.read(DEFAULT_MAX_BYTES + 1), "-")
        else:
            assert isinstance(item, Path)
            yield from file_inputs(item)
