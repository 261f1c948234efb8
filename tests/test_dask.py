"""The Dask path: a real LocalCluster with two worker processes gives parse_many's rows."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import mideastnews as mn
from mideastnews.io import iter_inputs
from mideastnews.io.warc import write_warc

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


def _inputs(tmp_path: Path) -> list[Path]:
    pages = tmp_path / "pages"
    pages.mkdir()
    for seed in SEEDS:
        (pages / seed.name).write_bytes(seed.read_bytes())
    (pages / "empty.txt").write_bytes(b"")
    lines = [s.read_text(encoding="utf-8").splitlines() for s in SEEDS[:3]]
    (tmp_path / "scraped.json").write_text(json.dumps(
        [{"title": ls[0], "text": "\n".join(ls[1:]), "url": f"https://example.org/{i}"}
         for i, ls in enumerate(lines)] + [{"nothing": 1}], ensure_ascii=False), encoding="utf-8")
    html = []
    for i, ls in enumerate(lines):
        body = "".join(f"<p>{p}</p>" for p in ls[1:] if p.strip())
        html.append((f"https://example.org/w{i}", f"<html><head><title>{ls[0]}</title></head><body><article>"
                     f"<h1>{ls[0]}</h1>{body}</article></body></html>"))
    write_warc(tmp_path / "crawl.warc.gz", html, date=dt.datetime(2024, 1, 2, 3, 4, tzinfo=dt.UTC))
    return [pages, tmp_path / "scraped.json", tmp_path / "crawl.warc.gz"]


def test_read_articles_on_a_local_cluster_equals_parse_many(tmp_path: Path) -> None:
    from mideastnews.dask import read_articles

    paths = _inputs(tmp_path)
    inputs = list(iter_inputs(paths))
    parsed = iter(mn.parse_many([i for i in inputs if isinstance(i, mn.io.Input)]))
    results = [i if isinstance(i, mn.Failure) else next(parsed) for i in inputs]
    ids = [i if isinstance(i, mn.io.Input) else i.source_id for i in inputs]
    expected = mn.to_pandas(results, inputs=ids)

    frame = read_articles(paths)
    assert frame.npartitions == len(SEEDS) + 1 + 2  # one per file
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        got = frame.compute().reset_index(drop=True)
    assert list(got.columns) == list(expected.columns)
    assert list(got.dtypes) == list(expected.dtypes)
    pd.testing.assert_frame_equal(got, expected)
    failures = got[got["error"].notna()]
    assert set(failures["source_id"]) == {str(paths[0] / "empty.txt"), f"{paths[1]}#3"}
    assert got["fetched"].notna().sum() == 3  # the WARC records keep their capture time
    assert set(got["url"].dropna()) >= {f"https://example.org/w{i}" for i in range(3)}


def test_meta_matches_partitions(tmp_path: Path) -> None:
    from mideastnews.io.dask import empty_frame, parse_file

    part = parse_file(SEEDS[0])
    assert list(part.dtypes) == list(empty_frame().dtypes)
    assert part.loc[0, "title"] == mn.parse(SEEDS[0]).title


def test_no_files_is_an_error(tmp_path: Path) -> None:
    from mideastnews.dask import read_articles

    with pytest.raises(ValueError, match="no input files"):
        read_articles([tmp_path])
