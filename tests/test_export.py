"""Arrow, Parquet and pandas export: one schema, lossless rows, extras imported only when asked."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import mideastnews as mn
from mideastnews.io.export import COLUMNS, arrow_schema, record_row

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


def _articles() -> list[mn.Article | mn.Failure]:
    return [*mn.parse_many(SEEDS), mn.Failure("bad.txt", "ParseError", "input is empty")]


def test_import_stays_light() -> None:
    code = ("import sys, mideastnews as mn; mn.parse('عنوان\\nنص'); "
            "print(sorted(m for m in ('pyarrow', 'pandas', 'dask', 'fastwarc', 'tqdm') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_one_explicit_schema() -> None:
    schema = arrow_schema()
    assert tuple(schema.names) == COLUMNS
    assert schema.field("published").type == pa.timestamp("us", tz="UTC")
    assert schema.field("modified").type == pa.timestamp("us", tz="UTC")
    assert schema.field("published_local").type == pa.string()
    assert schema.field("published_date").type == pa.date32()
    for name in ("paragraphs", "tags", "authors", "images", "captions", "credits", "warnings"):
        assert schema.field(name).type == pa.list_(pa.string())
    dates = schema.field("dates").type
    assert pa.types.is_list(dates)
    assert pa.types.is_struct(dates.value_type)
    assert dates.value_type.field("date").type == pa.date32()
    assert schema.metadata[b"mideastnews.schema"] == b"1"


def test_to_arrow_rows() -> None:
    items = _articles()
    table = mn.to_arrow(items)
    assert table.schema == arrow_schema()
    assert table.num_rows == len(items)
    rows = table.to_pylist()
    for item, row in zip(items, rows, strict=True):
        if isinstance(item, mn.Failure):
            assert row["error"] == "ParseError"
            assert row["source_id"] == "bad.txt"
            assert row["title"] is None
            continue
        assert row["error"] is None
        assert row["title"] == item.title
        assert row["paragraphs"] == list(item.paragraphs)
        assert row["tags"] == list(item.tags)
        assert [d["text"] for d in row["dates"]] == [m.text for m in item.dates]
        assert [d["date"] for d in row["dates"]] == [m.date for m in item.dates]
        assert [(d["text"], d["kind"]) for d in row["dropped"]] == [(d.text, d.kind) for d in item.dropped]


def test_published_columns() -> None:
    tehran = dt.datetime(2023, 11, 29, 10, 30, tzinfo=ZoneInfo("Asia/Tehran"))
    fa = mn.Article(source="irna", title="t", language="fa", published=tehran,
                    modified=dt.datetime(2023, 11, 29, 12, 0, tzinfo=ZoneInfo("Asia/Tehran")))
    ar = mn.Article(source="rt", title="t", language="ar", published=dt.date(2024, 3, 11))
    row_fa, row_ar = mn.to_arrow([fa, ar]).to_pylist()
    assert row_fa["published"] == dt.datetime(2023, 11, 29, 7, 0, tzinfo=dt.UTC)
    assert row_fa["published_utc_offset"] == 210
    assert row_fa["published_date"] == dt.date(2023, 11, 29)
    assert (row_fa["published_calendar"], row_fa["published_local"]) == ("jalali", "1402-09-08")
    assert row_fa["modified"] == dt.datetime(2023, 11, 29, 8, 30, tzinfo=dt.UTC)
    # A day without a time: no timestamp, the day itself kept.
    assert row_ar["published"] is None
    assert row_ar["published_utc_offset"] is None
    assert row_ar["published_date"] == dt.date(2024, 3, 11)
    assert (row_ar["published_calendar"], row_ar["published_local"]) == ("gregorian", "2024-03-11")


def test_parquet_round_trip_streams_row_groups(tmp_path: Path) -> None:
    items = _articles() * 3
    out = tmp_path / "a.parquet"
    assert mn.to_parquet(iter(items), out, batch_size=4) == len(items)
    meta = pq.ParquetFile(out).metadata
    assert meta.num_rows == len(items)
    assert meta.num_row_groups == -(-len(items) // 4)
    table = pq.read_table(out)
    assert table.schema.remove_metadata() == arrow_schema().remove_metadata()
    assert table.to_pylist() == mn.to_arrow(items).to_pylist()


def test_to_pandas_keeps_the_schema() -> None:
    pd = pytest.importorskip("pandas")
    frame = mn.to_pandas(_articles(), inputs=[*map(str, SEEDS), "bad.txt"])
    assert list(frame.columns) == list(COLUMNS)
    assert all(isinstance(t, pd.ArrowDtype) for t in frame.dtypes)
    assert str(frame["published"].dtype) == "timestamp[us, tz=UTC][pyarrow]"
    assert frame["source_id"].tolist() == [*map(str, SEEDS), "bad.txt"]
    assert frame["paragraphs"].iloc[0] == list(mn.parse(SEEDS[0]).paragraphs)


def test_wrong_items_are_type_errors() -> None:
    with pytest.raises(TypeError):
        mn.to_arrow(["not an article"])  # type: ignore[list-item]


def test_missing_extra_names_the_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import mideastnews.io.export as export

    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setattr(export, "_SCHEMA", None)
    with pytest.raises(ImportError, match=r"pip install 'mideastnews\[arrow\]'"):
        mn.to_arrow(_articles())
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"mideastnews\[pandas\]"):
        mn.to_pandas(_articles())


def test_record_row_of_a_failure_takes_the_input_id() -> None:
    row = record_row(mn.Failure("#3", "Timeout", "slow"), source_id="x.html",
                     fetched=dt.datetime(2024, 1, 1, 5, tzinfo=ZoneInfo("Asia/Tehran")))
    assert (row["source_id"], row["error"], row["error_message"]) == ("x.html", "Timeout", "slow")
    assert row["fetched"] == dt.datetime(2024, 1, 1, 1, 30, tzinfo=dt.UTC)
