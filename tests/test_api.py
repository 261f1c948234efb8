"""mn.parse's contract: argument types, bad input, and the Article model's round trips."""

from __future__ import annotations

import datetime as dt
import json
import os
import pickle
import random
from pathlib import Path

import pytest

import mideastnews as mn

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


@pytest.mark.parametrize(
    "source",
    [
        "",
        "   \n\t \n",
        b"",
        os.urandom(512),
        b"\x00\x01\x02" * 100,
    ],
)
def test_bad_content_is_parse_error(source: str | bytes) -> None:
    with pytest.raises(mn.ParseError):
        mn.parse(source)


def test_random_bytes_are_never_an_article() -> None:
    # One in twenty random 512-byte inputs used to be read as Cyrillic text (charset guessed as
    # cp1251): their control characters, one in ten, sat just under the old binary threshold.
    rng = random.Random(20261123)
    for _ in range(500):
        with pytest.raises(mn.ParseError, match="binary"):
            mn.parse(rng.randbytes(512))


def test_missing_path_and_directory_are_parse_errors(tmp_path: Path) -> None:
    with pytest.raises(mn.ParseError, match="no such file"):
        mn.parse(tmp_path / "missing.txt")
    with pytest.raises(mn.ParseError, match="directory"):
        mn.parse(tmp_path)


@pytest.mark.parametrize("source", [None, 42, 4.2, ["a"]])
def test_wrong_type_is_type_error(source: object) -> None:
    with pytest.raises(TypeError):
        mn.parse(source)  # type: ignore[arg-type]


def test_unknown_parser_is_plugin_error() -> None:
    with pytest.raises(mn.PluginError):
        mn.parse("عنوان\nنص", parser="nope")
    assert issubclass(mn.PluginError, LookupError)
    assert issubclass(mn.ParseError, ValueError)
    assert issubclass(mn.DateError, ValueError)


def test_too_large_is_parse_error() -> None:
    with pytest.raises(mn.ParseError, match="limit"):
        mn.parse("ا" * 100, max_bytes=50)


def test_str_is_content_never_a_path() -> None:
    article = mn.parse(str(SEEDS[0]))
    assert article.title == str(SEEDS[0])


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_seed_round_trips(path: Path) -> None:
    article = mn.parse(path)
    data = article.to_dict()
    assert data["schema"] == 1
    text = json.dumps(data, ensure_ascii=False)
    again = mn.Article.from_dict(json.loads(text))
    assert again == article
    assert pickle.loads(pickle.dumps(article)) == article
    assert article.body == "\n\n".join(article.paragraphs)


def test_to_dict_datetimes_keep_offsets() -> None:
    tz = dt.timezone(dt.timedelta(hours=3, minutes=30))
    article = mn.Article(source="irna", title="t", published=dt.datetime(2023, 11, 29, 10, 30, tzinfo=tz),
                         modified=dt.datetime(2023, 11, 29, 11, 0, tzinfo=tz))
    data = article.to_dict()
    assert data["published"] == "2023-11-29T10:30:00+03:30"
    assert mn.Article.from_dict(data) == article
    day = mn.Article(source="rt", title="t", published=dt.date(2023, 12, 8))
    assert mn.Article.from_dict(day.to_dict()).published == dt.date(2023, 12, 8)


def test_article_is_frozen() -> None:
    article = mn.Article(source="rt", title="t")
    with pytest.raises(AttributeError):
        article.title = "x"  # type: ignore[misc]


def test_bytes_in_cp1256_decode() -> None:
    text = "عنوان الخبر\nنص الخبر في بيروت."
    assert mn.parse(text.encode("cp1256")).title == "عنوان الخبر"
    assert mn.parse(text.encode("utf-8-sig")).title == "عنوان الخبر"


def test_from_dict_reads_cli_records() -> None:
    article = mn.parse(SEEDS[0])
    record = dict(article.to_dict(), source_id="seeds/000.txt", fetched="2024-01-01T00:00:00+00:00")
    assert mn.Article.from_dict(record) == article


def test_utf8_cut_inside_a_character_stays_utf8() -> None:
    html = '<html><head><title>عنوان الخبر</title></head><body><p>نص الخبر في بيروت اليوم.</p></body></html>'
    data = html.encode("utf-8")
    cut = data[: data.index("بيروت".encode()) + 1]  # inside the first letter of «بيروت»
    doc = mn.Document.from_source(cut)
    assert "عنوان الخبر" in doc.text
    assert any("UTF-8 character" in w for w in doc.warnings)


@pytest.mark.parametrize("source", ["\u200c\n \xa0 ", "\u200f\u200e\ufeff", " \u2066\u2069 \n"])
def test_only_invisible_marks_is_parse_error(source: str) -> None:
    with pytest.raises(mn.ParseError, match="invisible"):
        mn.parse(source)
