"""Fuzzing with hypothesis: public functions raise nothing but the documented errors.

Longer runs live in ``fuzz/`` (atheris); every crash found there becomes a
regression test here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mideastnews as mn
from mideastnews import dates

DOCUMENTED = (mn.ParseError, mn.DateError, mn.PluginError)
SEEDS = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))]

ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
MARKS = st.sampled_from(["\u200c", "\u200d", "\u200e", "\u200f", "\u202b", "\u202c", "\u2066", "\ufeff", "\u0640"])
PIECES = st.sampled_from([
    "۸ آذر ۱۴۰۲", "7 أكتوبر 2023", "١٤٠٣/١٢/٣٠", "أمس الخميس", "الأحد المقبل", "هفتم اکتبر ۲۰۲۳",
    "غرة رمضان 1445 هـ", "ساعت ۱۰:۳۰", "الساعة 7:00 صباحاً", "2026-03-01T17:34+0000", "<p>", "</div>",
    "<meta charset=\"cp1256\">", "؟", "«", "»", "“", "\"", "\n", " ", "قبل يومين", "سه روز پیش", "1445 انتهاكاً",
])
TEXTS = st.lists(st.one_of(PIECES, MARKS, st.text(ARABIC, max_size=8), st.text(max_size=8)), max_size=40).map("".join)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _mutate(text: str, cut: int, insert: str) -> str:
    cut = cut % (len(text) + 1)
    return text[:cut] + insert + text[cut:]


@FUZZ
@given(TEXTS)
def test_parse_text(text: str) -> None:
    try:
        article = mn.parse(text)
    except DOCUMENTED:
        return
    assert isinstance(article, mn.Article)


@FUZZ
@given(st.binary(max_size=2000))
def test_parse_bytes(data: bytes) -> None:
    try:
        mn.parse(data)
    except DOCUMENTED:
        pass


@FUZZ
@given(st.sampled_from(["utf-8", "windows-1256", "iso-8859-6", "utf-16", "bogus", ""]), TEXTS,
       st.sampled_from(["utf-8", "cp1256", "utf-16-le"]))
def test_parse_html_with_fuzzed_charset(declared: str, body: str, actual: str) -> None:
    html = f'<html><head><meta charset="{declared}"><title>{body[:30]}</title></head><body><p>{body}</p></body></html>'
    try:
        mn.parse(html.encode(actual, errors="replace"))
    except DOCUMENTED:
        pass


@FUZZ
@given(st.sampled_from(SEEDS), st.integers(min_value=0), TEXTS)
def test_parse_mutated_seeds(seed: str, cut: int, insert: str) -> None:
    try:
        mn.parse(_mutate(seed, cut, insert))
    except DOCUMENTED:
        pass


@FUZZ
@given(TEXTS, st.one_of(st.none(), st.dates()))
def test_find_dates_and_reconcile(text: str, ref: dt.date | None) -> None:
    found = dates.find_dates(text, ref=ref)
    for m in found:
        assert text[m.start:m.end] == m.text
    dates.reconcile(found)


@FUZZ
@given(TEXTS, st.one_of(st.none(), st.dates()))
def test_parse_date(text: str, ref: dt.date | None) -> None:
    try:
        dates.parse_date(text, ref=ref)
    except mn.DateError:
        pass


@FUZZ
@given(st.sampled_from(["gregorian", "hijri", "jalali"]), st.integers(-5, 12000), st.integers(-2, 15),
       st.integers(-2, 34), st.sampled_from(["gregorian", "hijri", "jalali"]))
def test_convert(cal: str, year: int, month: int, day: int, to: str) -> None:
    try:
        value = dates.CalendarDate(cal, year, month, day)
    except mn.DateError:
        return
    try:
        back = dates.convert(dates.convert(value, to), cal)
    except mn.DateError:
        return
    assert back.to_gregorian() == value.to_gregorian()


@FUZZ
@given(st.dates(), st.sampled_from(["gregorian", "hijri", "jalali"]))
def test_convert_any_gregorian_day(day: dt.date, to: str) -> None:
    try:
        dates.convert(day, to)
    except mn.DateError:
        pass


@pytest.mark.parametrize("text", [
    "١٤٠٣\u200f/١٢\u200f/٣٠",
    "\u202b۸ آذر ۱۴۰۲\u202c",
    "7\u200f أكتوبر\u200f 2023",
])
def test_format_marks_do_not_hide_dates(text: str) -> None:
    found = dates.find_dates(text)
    assert found, text
    assert text[found[0].start:found[0].end] == found[0].text


def test_adversarial_inputs_documented_errors_only() -> None:
    for text in ["؟" * 10_000, "<div>" * 5_000 + "x", "ا" * 200_000, "\u200f" * 50_000]:
        try:
            mn.parse(text)
        except DOCUMENTED:
            pass
        dates.find_dates(text)
