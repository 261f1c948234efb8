"""Web archives: HTML responses from WARC files as inputs, keeping each record's URL and date.

Reading uses FastWARC (extra ``warc``): on a WARC of 5,000 seed-size pages it
read 10-15 times more records per second than warcio (numbers in
``docs/batch.md``), and in a batch the parent process reads the archive while
the workers parse, so the reader's cost comes straight off the parent's core.

Only ``response`` records with an HTML (or XHTML) content type and a 2xx
status are inputs; requests, metadata, redirects, images and the like are
skipped.  Each input carries the record's target URI as ``url`` (the
strongest hint of the source), the capture time as ``fetched`` and the
capture day as ``ref`` (relative dates in a page with no publication date
resolve against the day it was captured).  Its id is ``path@offset``, the
record's byte offset in the file.

:func:`write_warc` writes a small WARC of HTML responses (for tests, fixtures
and benchmarks) with no dependency.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import os
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..document import DEFAULT_MAX_BYTES
from ..model import Failure
from .inputs import Input

__all__ = ["HTML_TYPES", "warc_inputs", "write_warc"]

#: Content types read as pages.
HTML_TYPES = ("text/html", "application/xhtml+xml")


def _fastwarc() -> Any:
    try:
        from fastwarc import warc
    except ImportError as exc:
        raise ImportError("reading WARC files needs FastWARC: pip install 'mideastnews[warc]'") from exc
    return warc


def _decode(body: bytes, charset: str | None) -> str | bytes:
    """The body as text when the HTTP charset decodes it cleanly, else the bytes (detected later)."""
    if charset:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return body


def warc_inputs(
    path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Input | Failure]:
    """The HTML responses of a WARC file (``.warc`` or ``.warc.gz``), one record at a time.

    Args:
        path: The archive.
        max_bytes: Pages larger than this are failures (as :func:`~mideastnews.parse` refuses them).

    Yields:
        An :class:`~mideastnews.io.Input` per HTML response, or a
        :class:`~mideastnews.Failure` for a page that is too large or cut short
        (fewer bytes than its ``Content-Length``) and for an archive that
        cannot be opened or read.

    Raises:
        ImportError: FastWARC is not installed (``pip install 'mideastnews[warc]'``).
    """
    warc = _fastwarc()
    name = os.fspath(path)
    try:
        stream = open(name, "rb")  # noqa: SIM115 (closed below; a generator cannot use `with` around yields safely)
    except OSError as exc:
        yield Failure(name, "ParseError", f"cannot read {name}: {exc}")
        return
    count = 0
    try:
        records = warc.ArchiveIterator(stream, record_types=warc.WarcRecordType.response, auto_decode="all")
        for record in records:
            count += 1
            content_type = (record.http_content_type or "").lower()
            if not content_type.startswith(HTML_TYPES):
                continue
            headers = record.http_headers
            status = headers.status_code if headers is not None else None
            if status is not None and not 200 <= status < 300:
                continue
            sid = f"{name}@{record.stream_pos}"
            url = record.headers.get("WARC-Target-URI")
            fetched = record.record_date
            if fetched is not None and fetched.tzinfo is None:
                fetched = fetched.replace(tzinfo=dt.UTC)
            body = record.reader.read(max_bytes + 1)
            if len(body) > max_bytes:
                yield Failure(sid, "ParseError", f"the page at {url} is over the limit of {max_bytes} bytes")
                continue
            declared = headers.get("Content-Length") if headers is not None else None
            encoded = headers is not None and bool(headers.get("Content-Encoding")
                                                   or headers.get("Transfer-Encoding"))
            if declared and declared.strip().isdigit() and not encoded and len(body) < int(declared):
                yield Failure(sid, "ParseError", f"the record of {url} is cut short: {len(body)} of "
                              f"{declared} bytes (a truncated archive?)")
                continue
            yield Input(_decode(body, record.http_charset), sid, url=url,
                        ref=fetched.date() if fetched is not None else None, fetched=fetched)
    except Exception as exc:  # FastWARC raises several kinds on a damaged archive
        yield Failure(f"{name}@record{count}", "ParseError",
                      f"cannot read {name} as WARC: {type(exc).__name__}: {exc}")
    finally:
        stream.close()


def _record(headers: list[tuple[str, str]], block: bytes) -> bytes:
    head = "WARC/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    return head.encode("utf-8") + block + b"\r\n\r\n"


def write_warc(
    path: str | os.PathLike[str],
    pages: Iterable[tuple[str, bytes | str]],
    *,
    date: dt.datetime | None = None,
    content_type: str = "text/html; charset=utf-8",
) -> int:
    """Write HTML pages as WARC ``response`` records (gzipped per record when ``path`` ends in ``.gz``).

    Each page gets a ``request`` record before its response, as crawlers write them.

    Args:
        path: The file to write.
        pages: ``(url, html)`` pairs; ``str`` html is encoded as UTF-8.
        date: The capture time of every record (now by default).
        content_type: The HTTP ``Content-Type`` of every response.

    Returns:
        The number of response records written.
    """
    when = (date or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    compress = os.fspath(path).endswith(".gz")
    count = 0
    with Path(path).open("wb") as out:
        for url, html in pages:
            body = html.encode("utf-8") if isinstance(html, str) else html
            http = (f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
                    .encode("ascii") + body)
            request = f"GET {url} HTTP/1.1\r\nUser-Agent: mideastnews-test\r\n\r\n".encode()
            for rec_type, block, ctype in (("request", request, "application/http; msgtype=request"),
                                           ("response", http, "application/http; msgtype=response")):
                data = _record([("WARC-Type", rec_type), ("WARC-Record-ID", f"<urn:uuid:{uuid.uuid4()}>"),
                                ("WARC-Date", when), ("WARC-Target-URI", url), ("Content-Type", ctype),
                                ("Content-Length", str(len(block)))], block)
                if compress:
                    buffer = io.BytesIO()
                    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0) as gz:
                        gz.write(data)
                    data = buffer.getvalue()
                out.write(data)
            count += 1
    return count
