"""WARC input: HTML responses with their URL and capture date; damaged archives fail in place."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

import pytest

import mideastnews as mn
from mideastnews.io import Input
from mideastnews.io.warc import warc_inputs, write_warc

pytest.importorskip("fastwarc")

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
WHEN = dt.datetime(2023, 12, 1, 8, 30, tzinfo=dt.UTC)


def _page(seed: Path) -> str:
    lines = [line for line in seed.read_text(encoding="utf-8").splitlines() if line.strip()]
    body = "".join(f"<p>{line}</p>" for line in lines[1:])
    return (f"<!DOCTYPE html><html><head><title>{lines[0]}</title></head>"
            f"<body><h1>{lines[0]}</h1>{body}</body></html>")


@pytest.mark.parametrize("suffix", [".warc", ".warc.gz"])
def test_reads_html_responses_with_url_and_date(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"crawl{suffix}"
    pages = [(f"https://example.org/news/{i}", _page(seed)) for i, seed in enumerate(SEEDS)]
    assert write_warc(path, pages, date=WHEN) == len(SEEDS)
    inputs = list(warc_inputs(path))
    assert all(isinstance(i, Input) for i in inputs)
    assert [i.url for i in inputs if isinstance(i, Input)] == [u for u, _ in pages]
    for item in inputs:
        assert isinstance(item, Input)
        assert item.fetched == WHEN
        assert item.ref == WHEN.date()
        assert item.source_id.startswith(f"{path}@")
    offsets = [int(i.source_id.rpartition("@")[2]) for i in inputs if isinstance(i, Input)]
    assert offsets == sorted(offsets)
    assert len(set(offsets)) == len(offsets)
    articles = list(mn.parse_many(inputs))
    for article, seed in zip(articles, SEEDS, strict=True):
        assert isinstance(article, mn.Article), article
        assert article.title == mn.parse(seed).title
        assert article.url is not None


def test_skips_what_is_not_an_html_page(tmp_path: Path) -> None:
    path = tmp_path / "mixed.warc.gz"
    write_warc(path, [("https://example.org/a.json", b'{"a": 1}')], date=WHEN,
               content_type="application/json")
    assert list(warc_inputs(path)) == []


def test_cp1256_page_decodes_by_its_http_charset(tmp_path: Path) -> None:
    path = tmp_path / "legacy.warc"
    html = ("<html><head><title>خبر</title></head>"
            "<body><h1>عنوان الخبر</h1><p>نص الخبر اليوم.</p></body></html>")
    write_warc(path, [("https://example.org/x", html.encode("cp1256"))], date=WHEN,
               content_type="text/html; charset=windows-1256")
    (item,) = warc_inputs(path)
    assert isinstance(item, Input)
    assert isinstance(item.source, str)
    assert "عنوان الخبر" in item.source


def test_truncated_archive_fails_its_last_record(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    pages = [(f"https://example.org/{i}", _page(SEEDS[i % len(SEEDS)]) * 3) for i in range(6)]
    write_warc(path, pages, date=WHEN)
    data = path.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * 0.8)])
    items = list(warc_inputs(cut))
    assert 1 <= len(items) < 6
    assert all(isinstance(i, Input) for i in items[:-1])
    assert isinstance(items[-1], mn.Failure)
    assert items[-1].error_type == "ParseError"


def test_not_a_warc_and_missing_file(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.warc.gz"
    garbage.write_bytes(gzip.compress(b"this is not a web archive\r\n" * 10))
    (failure,) = warc_inputs(garbage)
    assert isinstance(failure, mn.Failure)
    assert "WARC" in failure.message
    missing = list(warc_inputs(tmp_path / "nope.warc"))
    assert len(missing) == 1
    assert isinstance(missing[0], mn.Failure)
