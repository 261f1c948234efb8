"""The command line: parse (formats, inputs, failures, exit status), dates, convert."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import mideastnews as mn
from mideastnews.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def _lines(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_parse_seeds_to_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(ROOT / "seeds"), "--workers", "1"]) == 0
    out, err = capsys.readouterr()
    records = _lines(out)
    assert [r["source_id"] for r in records] == [str(s) for s in SEEDS]
    assert [r["title"] for r in records] == [mn.parse(s).title for s in SEEDS]
    assert all("error" not in r for r in records)
    assert "\\u06" not in out  # ensure_ascii=False: Arabic script as it is
    assert err.startswith("parsed 5 (")
    assert "failed 0" in err


def test_parquet_by_extension_and_by_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "out.parquet"
    assert main(["parse", str(ROOT / "seeds"), "-o", str(out), "--workers", "2"]) == 0
    table = pq.read_table(out)
    assert table.column("source_id").to_pylist() == [str(s) for s in SEEDS]
    assert table.column("title").to_pylist() == [mn.parse(s).title for s in SEEDS]
    other = tmp_path / "data.bin"
    assert main(["parse", str(SEEDS[0]), "--format", "parquet", "-o", str(other), "--workers", "1"]) == 0
    assert pq.read_table(other).num_rows == 1
    assert main(["parse", str(SEEDS[0]), "--format", "parquet"]) == 2
    assert "needs a file" in capsys.readouterr().err


def test_json_format_is_one_array(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    assert main(["parse", *map(str, SEEDS[:2]), str(tmp_path / "missing.txt"), "-o", str(out)]) == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [d.get("error") for d in data] == [None, None, "ParseError"]
    empty = tmp_path / "empty.json"
    assert main(["parse", str(tmp_path / "nothing-*.txt"), "-o", str(empty)]) == 1
    assert len(json.loads(empty.read_text(encoding="utf-8"))) == 1


def test_globs_folders_and_scraper_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    shutil.copy(SEEDS[0], nested / "one.txt")
    shutil.copy(SEEDS[1], tmp_path / "a" / "two.htm.txt")
    (tmp_path / "a" / "notes.md").write_text("ignored", encoding="utf-8")
    lines = SEEDS[2].read_text(encoding="utf-8").splitlines()
    (tmp_path / "a" / "scraped.json").write_text(json.dumps(
        [{"title": lines[0], "full_text": "\n".join(lines[1:]), "url": "https://www.irna.ir/news/85301234/x"},
         {"title": "no body"}], ensure_ascii=False), encoding="utf-8")
    (tmp_path / "a" / "one.json").write_text(json.dumps(
        {"headline": lines[0], "content": [{"type": "p", "text": t} for t in lines[1:]]}), encoding="utf-8")
    (tmp_path / "a" / "lines.jsonl").write_text(
        json.dumps({"text": "\n".join(lines)}) + "\n\n{broken\n", encoding="utf-8")
    assert main(["parse", str(tmp_path / "a"), str(tmp_path / "a" / "b" / "*.txt"), "--workers", "1"]) == 1
    records = _lines(capsys.readouterr().out)
    ids = [str(r["source_id"]).replace(str(tmp_path), "") for r in records]
    assert ids == ["/a/b/one.txt", "/a/lines.jsonl#0", "/a/lines.jsonl#2", "/a/one.json", "/a/scraped.json#0",
                   "/a/scraped.json#1", "/a/two.htm.txt", "/a/b/one.txt"]
    errors = [r.get("error") for r in records]
    assert errors == [None, None, "ParseError", None, None, "ParseError", None, None]
    scraped = records[4]
    assert scraped["url"] == "https://www.irna.ir/news/85301234/x"
    assert scraped["title"] == records[3]["title"] == mn.parse(SEEDS[2]).title


def test_stdin_and_exit_status() -> None:
    run = subprocess.run([sys.executable, "-m", "mideastnews", "parse", "-", "--no-progress"],
                         input=SEEDS[0].read_bytes(), capture_output=True, check=False)
    assert run.returncode == 0, run.stderr
    (record,) = _lines(run.stdout.decode("utf-8"))
    assert record["source_id"] == "-"
    assert record["title"] == mn.parse(SEEDS[0]).title
    assert run.stderr.decode().startswith("parsed 1")
    bad = subprocess.run([sys.executable, "-m", "mideastnews", "parse", "-"], input=b"\x00\xff" * 50,
                         capture_output=True, check=False)
    assert bad.returncode == 1
    assert _lines(bad.stdout.decode())[0]["error"] == "ParseError"
    assert "failed 1 (ParseError 1)" in bad.stderr.decode()


def _corrupt(kind: int, seed: Path) -> bytes:
    if kind == 0:
        return bytes(random.Random(7).randrange(256) for _ in range(3000))  # binary
    if kind == 1:
        return b""  # empty
    head = "<!DOCTYPE html><html><head><meta charset='utf-8'><title>"
    return head.encode()[: 30 + len(seed.name) % 20]  # HTML cut short before any content


@pytest.mark.parametrize("copies", [200])
def test_copies_with_one_percent_corrupt(
    tmp_path: Path, copies: int, capsys: pytest.CaptureFixture[str]
) -> None:
    # The full-size run (5,000 copies) is benchmarks/bench_batch.py --corrupt.
    corrupt = set(range(50, copies, 100)) | set(range(99, copies, 100))
    for i in range(copies):
        seed = SEEDS[i % len(SEEDS)]
        suffix = ".html" if i in corrupt and i % 3 == 2 else ".txt"
        target = tmp_path / "in" / f"{i // 100:03d}" / f"{i:05d}{suffix}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(_corrupt(i % 3, seed) if i in corrupt else seed.read_bytes())
    out = tmp_path / "out.jsonl"
    status = main(["parse", str(tmp_path / "in"), "-o", str(out), "--workers", "2", "--no-progress"])
    records = _lines(out.read_text(encoding="utf-8"))
    assert status == 1
    assert len(records) == copies
    failed = {int(Path(str(r["source_id"])).stem) for r in records if "error" in r}
    assert failed == corrupt
    assert f"failed {len(corrupt)}" in capsys.readouterr().err


def test_dates_and_convert(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dates", "روز شنبه ۱۵ مهرماه ۱۴۰۲ و ۸ آذر", "--ref", "2023-12-01", "--json"]) == 0
    mentions = json.loads(capsys.readouterr().out)
    assert [m["date"] for m in mentions] == ["2023-10-07", "2023-11-29"]
    assert main(["dates", "وقال يوم 5 مارس 2024 إن"]) == 0
    table = capsys.readouterr().out
    assert "2024-03-05" in table
    assert table.splitlines()[0].split()[:2] == ["text", "calendar"]
    assert main(["convert", "۸ آذر ۱۴۰۲", "--to", "gregorian"]) == 0
    assert capsys.readouterr().out.startswith("2023-11-29")
    assert main(["convert", "2023-11-29", "--to", "jalali", "--json"]) == 0
    converted = json.loads(capsys.readouterr().out)
    assert (converted["year"], converted["month"], converted["day"]) == (1402, 9, 8)
    assert converted["text"] == "۸ آذر ۱۴۰۲"
    assert main(["convert", "1402-09-08", "--from", "jalali", "--to", "hijri"]) == 0
    assert capsys.readouterr().out.startswith("1445-05-15")
    assert main(["convert", "no date here", "--to", "hijri"]) == 1
    assert "mideastnews convert:" in capsys.readouterr().err


def test_scraper_records() -> None:
    from mideastnews.io.inputs import Input, scraper_record_input

    page = scraper_record_input({"html": "<html><body><h1>t</h1></body></html>", "text": "ignored",
                                 "link": "https://x.org/1", "published_time": "2024-05-30T23:49:00+03:00"},
                                "r")
    assert isinstance(page, Input)
    assert page.source == "<html><body><h1>t</h1></body></html>"
    assert (page.url, str(page.ref)) == ("https://x.org/1", "2024-05-30")
    dump = scraper_record_input({"title": "Headline", "subtitle": "Lead.",
                                 "content": ["One.", {"text": "Two."}], "date": "1402-07-24"}, "r")
    assert isinstance(dump, Input)
    assert dump.source == "Headline\nLead.\nOne.\nTwo."
    assert dump.ref is None  # a Solar Hijri date in ISO form is not a Gregorian day
    # A text field holding a page's JSON metadata block is read as the record.
    nested = scraper_record_input({"url": "https://x.org/2", "full_text": json.dumps(
        {"type": "article", "title": "عنوان", "description": "ملخص الخبر."}, ensure_ascii=False)}, "r")
    assert isinstance(nested, Input)
    assert (nested.source, nested.url) == ("عنوان\nملخص الخبر.", "https://x.org/2")
    assert isinstance(scraper_record_input({"title": "only a title"}, "r"), mn.Failure)
    assert isinstance(scraper_record_input(["not", "an", "object"], "r"), mn.Failure)
