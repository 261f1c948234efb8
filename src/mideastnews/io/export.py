"""Articles to Arrow, Parquet and pandas, with one explicit schema.

pyarrow (extra ``arrow``) and pandas (extra ``pandas``) are imported only when
one of these functions is called, so ``import mideastnews`` stays light.

The schema (:func:`arrow_schema`) is one row per input: an article, or a
failure (``error`` set, the article's columns null), so a batch written to
Parquet loses nothing.  Times are UTC timestamps with the original offset kept
beside them; ``published_date`` is the publication day as the source states it
(its own zone), and ``published_local`` the same day written in the source's
calendar (``published_calendar``: Solar Hijri for Persian articles, Gregorian
otherwise), e.g. ``"1402-09-08"``.  Paragraphs, tags and the other sequences
are list columns; quotes, date mentions and dropped pieces are lists of structs.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ..dates import convert
from ..errors import DateError
from ..model import Article, Failure
from .inputs import Input

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

__all__ = [
    "ARROW_SCHEMA_VERSION",
    "COLUMNS",
    "ParquetSink",
    "arrow_schema",
    "record_row",
    "source_calendar",
    "table_from_rows",
    "to_arrow",
    "to_pandas",
    "to_parquet",
]

#: Bumped whenever a column is added, removed or retyped (kept in the schema's metadata).
ARROW_SCHEMA_VERSION = 1

#: The schema's column names, in order.
COLUMNS = (
    "source_id", "error", "error_message", "fetched",
    "source", "url", "site_id", "language", "section", "title", "lead", "description",
    "paragraphs", "subheadings",
    "published", "published_utc_offset", "published_date", "published_calendar", "published_local",
    "published_inferred", "modified", "modified_utc_offset",
    "authors", "tags", "images", "captions", "embeds", "credits",
    "quotes", "dates", "dropped", "warnings",
)

_SCHEMA: pa.Schema | None = None


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError as exc:
        raise ImportError("Arrow and Parquet export need pyarrow: pip install 'mideastnews[arrow]'") from exc
    return pyarrow


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:
        raise ImportError("pandas export needs pandas and pyarrow: "
                          "pip install 'mideastnews[pandas]'") from exc
    return pandas


def arrow_schema() -> pa.Schema:
    """The one Arrow schema of every export (Arrow, Parquet, pandas, Dask).

    Raises:
        ImportError: pyarrow is not installed (``pip install 'mideastnews[arrow]'``).
    """
    global _SCHEMA
    if _SCHEMA is not None:
        return _SCHEMA
    pa = _pyarrow()
    utc = pa.timestamp("us", tz="UTC")
    strings = pa.list_(pa.string())
    mention = pa.struct([
        ("text", pa.string()), ("start", pa.int32()), ("end", pa.int32()), ("calendar", pa.string()),
        ("year", pa.int32()), ("month", pa.int8()), ("day", pa.int8()), ("date", pa.date32()),
        ("time", pa.time64("us")), ("granularity", pa.string()), ("relative", pa.bool_()),
        ("weekday", pa.int8()), ("field", pa.string()), ("index", pa.int32()), ("warnings", strings),
    ])
    types: dict[str, Any] = {
        "source_id": pa.string(), "error": pa.string(), "error_message": pa.string(), "fetched": utc,
        "source": pa.string(), "url": pa.string(), "site_id": pa.string(), "language": pa.string(),
        "section": pa.string(), "title": pa.string(), "lead": pa.string(), "description": pa.string(),
        "paragraphs": strings, "subheadings": pa.list_(pa.int32()),
        "published": utc, "published_utc_offset": pa.int32(), "published_date": pa.date32(),
        "published_calendar": pa.string(), "published_local": pa.string(), "published_inferred": pa.bool_(),
        "modified": utc, "modified_utc_offset": pa.int32(),
        "authors": strings, "tags": strings, "images": strings, "captions": strings, "embeds": strings,
        "credits": strings,
        "quotes": pa.list_(pa.struct([("text", pa.string()), ("speaker", pa.string()),
                                      ("paragraph", pa.int32())])),
        "dates": pa.list_(mention),
        "dropped": pa.list_(pa.struct([("text", pa.string()), ("kind", pa.string())])),
        "warnings": strings,
    }
    assert tuple(types) == COLUMNS
    _SCHEMA = pa.schema(list(types.items()),
                        metadata={"mideastnews.schema": str(ARROW_SCHEMA_VERSION)})
    return _SCHEMA


def source_calendar(language: str) -> str:
    """The calendar an article's own dates are kept in: Solar Hijri for Persian, else Gregorian."""
    return "jalali" if language == "fa" else "gregorian"


def _offset_minutes(value: dt.datetime) -> int | None:
    offset = value.utcoffset()
    return None if offset is None else int(offset.total_seconds() // 60)


def _utc(value: dt.datetime) -> dt.datetime:
    # A naive time (which parsers should not produce) is taken to be UTC already.
    return value if value.tzinfo is None else value.astimezone(dt.UTC)


def record_row(
    item: Article | Failure, *, source_id: str | None = None, fetched: dt.datetime | None = None
) -> dict[str, Any]:
    """One row of the schema, as a dict of plain Python values, for an article or a failure.

    Args:
        item: The result for one input.
        source_id: The input's id (a failure's own id wins where this is ``None``).
        fetched: When the page was captured (a WARC record's date).
    """
    row: dict[str, Any] = dict.fromkeys(COLUMNS)
    row["fetched"] = _utc(fetched) if fetched is not None else None
    if isinstance(item, Failure):
        row.update(source_id=source_id if source_id is not None else item.source_id,
                   error=item.error_type, error_message=item.message)
        return row
    published, day, offset, local, calendar = item.published, None, None, None, None
    if isinstance(published, dt.datetime):
        day, offset, published = published.date(), _offset_minutes(published), _utc(published)
    elif isinstance(published, dt.date):
        day, published = published, None
    if day is not None:
        calendar = source_calendar(item.language)
        try:
            cd = convert(day, calendar)
            local = f"{cd.year:04d}-{cd.month:02d}-{cd.day:02d}"
        except DateError:
            local = None
    row.update(
        source_id=source_id, source=item.source, url=item.url, site_id=item.site_id, language=item.language,
        section=item.section, title=item.title, lead=item.lead, description=item.description,
        paragraphs=list(item.paragraphs), subheadings=list(item.subheadings),
        published=published, published_utc_offset=offset, published_date=day, published_calendar=calendar,
        published_local=local, published_inferred=item.published_inferred,
        modified=_utc(item.modified) if item.modified is not None else None,
        modified_utc_offset=_offset_minutes(item.modified) if item.modified is not None else None,
        authors=list(item.authors), tags=list(item.tags), images=list(item.images),
        captions=list(item.captions), embeds=list(item.embeds), credits=list(item.credits),
        quotes=[{"text": q.text, "speaker": q.speaker, "paragraph": q.paragraph} for q in item.quotes],
        dates=[{"text": m.text, "start": m.start, "end": m.end, "calendar": str(m.calendar), "year": m.year,
                "month": m.month, "day": m.day, "date": m.date, "time": m.time,
                "granularity": str(m.granularity), "relative": m.relative, "weekday": m.weekday,
                "field": m.field, "index": m.index, "warnings": list(m.warnings)} for m in item.dates],
        dropped=[{"text": d.text, "kind": d.kind} for d in item.dropped],
        warnings=list(item.warnings),
    )
    return row


def table_from_rows(rows: list[dict[str, Any]]) -> pa.Table:
    """An Arrow table of the schema from :func:`record_row` dicts.

    Raises:
        ImportError: pyarrow is not installed.
    """
    pa = _pyarrow()
    return pa.Table.from_pylist(rows, schema=arrow_schema())


SourceIds = Iterable[Input | str | None] | None


def _rows(items: Iterable[Article | Failure], inputs: SourceIds) -> Iterator[dict[str, Any]]:
    if inputs is None:
        for item in items:
            yield record_row(item)
        return
    for item, given in zip(items, inputs, strict=True):
        if isinstance(given, Input):
            yield record_row(item, source_id=given.source_id, fetched=given.fetched)
        else:
            yield record_row(item, source_id=given)


def _check(item: object) -> Article | Failure:
    if not isinstance(item, (Article, Failure)):
        raise TypeError(f"expected an Article or a Failure, not {type(item).__name__}")
    return item


def to_arrow(items: Iterable[Article | Failure], *, inputs: SourceIds = None) -> pa.Table:
    """A :class:`pyarrow.Table` of articles (and failures), one row each, with :func:`arrow_schema`.

    Args:
        items: Articles or failures, e.g. what :func:`~mideastnews.parse_many` yields.
        inputs: The inputs, in the same order (optional): each an
            :class:`~mideastnews.io.Input` (its id and capture time fill
            ``source_id`` and ``fetched``) or just an id.

    Raises:
        ImportError: pyarrow is not installed (``pip install 'mideastnews[arrow]'``).
        TypeError: an item is neither an Article nor a Failure.
    """
    arrow_schema()
    return table_from_rows(list(_rows((_check(i) for i in items), inputs)))


def to_pandas(items: Iterable[Article | Failure], *, inputs: SourceIds = None) -> pd.DataFrame:
    """A pandas DataFrame of articles with the same schema, every column Arrow-backed (``pd.ArrowDtype``).

    Raises:
        ImportError: pandas or pyarrow is not installed (``pip install 'mideastnews[pandas]'``).
        TypeError: an item is neither an Article nor a Failure.
    """
    pd = _pandas()
    return to_arrow(items, inputs=inputs).to_pandas(types_mapper=pd.ArrowDtype)


class ParquetSink:
    """Write rows to a Parquet file incrementally, one row group per ``batch_size`` rows.

    Memory holds one batch of rows, whatever the number written.

    Args:
        path: The file to write.
        batch_size: Rows per row group.
        compression: A Parquet codec (``"zstd"``, ``"snappy"``, ``"none"``).

    Raises:
        ImportError: pyarrow is not installed.
    """

    def __init__(
        self, path: str | os.PathLike[str], *, batch_size: int = 2000, compression: str = "zstd"
    ) -> None:
        """Open ``path`` for writing."""
        _pyarrow()
        import pyarrow.parquet as pq

        self._writer = pq.ParquetWriter(os.fspath(path), arrow_schema(), compression=compression)
        self._batch: list[dict[str, Any]] = []
        self._batch_size = batch_size
        self.rows = 0

    def write_row(self, row: dict[str, Any]) -> None:
        """Add one :func:`record_row` dict."""
        self._batch.append(row)
        self.rows += 1
        if len(self._batch) >= self._batch_size:
            self.flush()

    def write(self, item: Article | Failure, *, source_id: str | None = None) -> None:
        """Add one article or failure."""
        self.write_row(record_row(_check(item), source_id=source_id))

    def flush(self) -> None:
        """Write the rows held as a row group."""
        if self._batch:
            self._writer.write_table(table_from_rows(self._batch))
            self._batch = []

    def close(self) -> None:
        """Flush and close the file."""
        self.flush()
        self._writer.close()

    def __enter__(self) -> ParquetSink:
        """Use as a context manager."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Close the file."""
        self.close()


def to_parquet(
    items: Iterable[Article | Failure],
    path: str | os.PathLike[str],
    *,
    inputs: SourceIds = None,
    batch_size: int = 2000,
    compression: str = "zstd",
) -> int:
    """Write articles (and failures) to a Parquet file with :func:`arrow_schema`, streaming.

    ``items`` may be a generator of any length (``parse_many``'s output):
    rows are written in row groups of ``batch_size``.

    Returns:
        The number of rows written.

    Raises:
        ImportError: pyarrow is not installed (``pip install 'mideastnews[arrow]'``).
        TypeError: an item is neither an Article nor a Failure.
    """
    with ParquetSink(path, batch_size=batch_size, compression=compression) as sink:
        for row in _rows((_check(i) for i in items), inputs):
            sink.write_row(row)
        return sink.rows
