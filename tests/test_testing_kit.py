"""The test kit for plugin authors: strategies, the hypothesis hook and ParserContract."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st

import mideastnews as mn
from mideastnews import dates
from mideastnews.testing import (
    DEFAULT_MAX_DAY,
    DEFAULT_MIN_DAY,
    ParserContract,
    article_texts,
    calendar_dates,
    date_expressions,
    lost_words,
    words,
)

_FEW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_DIGITS = {"latin": set("0123456789"), "arabic": set("٠١٢٣٤٥٦٧٨٩"), "persian": set("۰۱۲۳۴۵۶۷۸۹")}


# -- strategies --------------------------------------------------------------
@pytest.mark.parametrize("calendar", ["gregorian", "hijri", "jalali"])
@_FEW
@given(data=st.data())
def test_calendar_dates_are_valid_days_of_their_calendar(calendar: str, data: st.DataObject) -> None:
    day = data.draw(calendar_dates(calendar))
    assert isinstance(day, dates.CalendarDate)
    assert day.calendar == calendar
    assert DEFAULT_MIN_DAY <= day.to_gregorian() <= DEFAULT_MAX_DAY
    # Valid when made again from its parts, and the same day in every calendar.
    assert dates.CalendarDate(calendar, day.year, day.month, day.day) == day
    assert day.to("gregorian").to(calendar) == day


@_FEW
@given(day=calendar_dates("jalali", min_value=dt.date(2023, 3, 21), max_value=dt.date(2024, 3, 19)))
def test_calendar_dates_respect_the_range(day: dates.CalendarDate) -> None:
    assert day.year == 1402


def test_calendar_dates_reach_the_ends_of_months() -> None:
    # 30 Esfand exists only in leap years; uniform days over the range find it.
    leap_day = find(calendar_dates("jalali"), lambda d: d.month == 12 and d.day == 30)
    assert leap_day.month_length == 30


def test_calendar_dates_refuse_an_empty_range() -> None:
    with pytest.raises(ValueError, match="empty range"):
        calendar_dates("hijri", min_value=dt.date(2024, 1, 2), max_value=dt.date(2024, 1, 1))


@pytest.mark.parametrize("lang", ["ar", "fa", "en"])
@_FEW
@given(data=st.data())
def test_date_expressions_pair_text_with_its_date(lang: str, data: st.DataObject) -> None:
    text, day = data.draw(date_expressions(lang))
    assert isinstance(day, dates.CalendarDate)
    assert text.strip() == text
    written = {digit_set for digit_set, chars in _DIGITS.items() if chars & set(text)}
    assert len(written) == 1, text  # one digit set per expression
    latin = text.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789"))
    assert str(day.year) in latin
    assert str(day.day) in latin


@pytest.mark.parametrize("lang", ["ar", "fa", "en"])
@_FEW
@given(data=st.data())
def test_date_expressions_read_back_to_their_value(lang: str, data: st.DataObject) -> None:
    # What a plugin's property test relies on: the finder reads each text as the paired date.
    text, day = data.draw(date_expressions(lang))
    mention = dates.parse_date(text)
    assert (mention.calendar, mention.year, mention.month, mention.day) == (
        day.calendar, day.year, day.month, day.day)
    assert mention.date == day.to_gregorian()


@_FEW
@given(pair=date_expressions("fa", calendars=["jalali"], digits=["persian"]))
def test_date_expressions_follow_the_choices(pair: tuple[str, dates.CalendarDate]) -> None:
    text, day = pair
    assert day.calendar == "jalali"
    assert not set("0123456789٠١٢٣٤٥٦٧٨٩") & set(text)


def test_date_expressions_refuse_unknown_choices() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        date_expressions("tr")
    with pytest.raises(ValueError, match="unknown digit set"):
        date_expressions("ar", digits=["roman"])


@_FEW
@given(text=article_texts())
def test_article_texts_are_text_dumps(text: str) -> None:
    lines = text.splitlines()
    # Blank lines (empty, spaces, an RLM mark) may precede the headline; it holds letters.
    headline = next(line for line in lines if words(line))
    assert any(c.isalpha() for c in headline)
    assert any("\u0600" <= c <= "\u06ff" for c in text)
    assert mn.Document.from_source(text).is_html is False


def test_article_texts_put_blank_lines_anywhere() -> None:
    find(article_texts(), lambda t: t.startswith("\n") and "\n\n" in t.strip())
    find(article_texts(min_paragraphs=2), lambda t: "\r\n" in t)


@_FEW
@given(text=article_texts(lang="fa", min_paragraphs=1, max_paragraphs=3))
def test_article_texts_in_one_language(text: str) -> None:
    assert any(c in "پچژگک" for c in text) or any(c in "۰۱۲۳۴۵۶۷۸۹" for c in text) or len(words(text)) < 30


def test_article_texts_refuse_other_languages() -> None:
    with pytest.raises(ValueError, match="Arabic or Persian"):
        article_texts(lang="en")


def test_hypothesis_entry_point_registers_types() -> None:
    # The hook ran when hypothesis was imported (the package's `hypothesis` entry point).
    day = find(st.from_type(dates.CalendarDate), lambda d: d.calendar == "hijri")
    assert isinstance(day, dates.CalendarDate)
    doc = find(st.from_type(mn.Document), lambda d: len(d.lines) > 2)
    assert doc.text.strip()


# -- words and lost_words ----------------------------------------------------
def test_words_split_on_punctuation_and_zwnj() -> None:
    assert words("به گزارش «تسنیم»، ۱۲:۳۰ می\u200cشود") == ["به", "گزارش", "تسنیم", "۱۲", "۳۰", "می", "شود"]


def test_lost_words_names_each_lost_word_and_its_line() -> None:
    text = "العنوان هنا\nفقرة أولى\nاقرأ أيضا: خبر آخر\nسطر ضائع"
    article = mn.Article(source="x", title="العنوان هنا", paragraphs=("فقرة أولى",),
                         dropped=(mn.Dropped("اقرأ أيضا: خبر آخر", "read-also"),))
    assert lost_words(text, article) == [(4, "سطر"), (4, "ضائع")]
    kept = mn.Article(source="x", title="العنوان هنا", paragraphs=("فقرة أولى", "سطر ضائع"),
                      dropped=(mn.Dropped("اقرأ أيضا: خبر آخر", "read-also"),))
    assert lost_words(text, kept) == []


# -- ParserContract -----------------------------------------------------------
class KitParser(mn.Parser):
    """A small, correct parser for a made-up site, to run the contract against."""

    name: ClassVar[str] = "kit_example"
    domains: ClassVar[tuple[str, ...]] = ("kit-news.test",)
    languages: ClassVar[tuple[str, ...]] = ("ar", "fa")
    marker: ClassVar[str] = "KIT NEWS"

    def score_text(self, doc: mn.Document) -> float:
        return 0.9 if any(line.strip() == self.marker for line in doc.lines) else 0.0

    def parse_text(self, doc: mn.Document) -> mn.Article:
        lines = [line.strip() for line in doc.lines if any(c.isalnum() for c in line)]
        if not lines:
            raise mn.ParseError("no visible line")
        body = [line for line in lines[1:] if line != self.marker]
        dropped = [mn.Dropped(line, "navigation") for line in lines[1:] if line == self.marker]
        persian = any(c in "پچژگکی" for c in doc.text)
        return mn.Article(source=self.name, title=lines[0], language="fa" if persian else "ar",
                          url=doc.url, paragraphs=tuple(body), dropped=tuple(dropped))


KIT_SAMPLE = "عنوان الخبر عن المحادثات\nKIT NEWS\n\nقال الوزير إن المحادثات مهمة.\nفقرة ثانية من الخبر.\n"


class TestKitParserContract(ParserContract):
    """The whole contract passes for a correct parser registered at run time."""

    parser_class = KitParser
    text_samples = (KIT_SAMPLE,)


class LosesWords(KitParser):
    name: ClassVar[str] = "kit_loses"

    def parse_text(self, doc: mn.Document) -> mn.Article:
        article = super().parse_text(doc)
        return mn.Article(source=self.name, title=article.title, language=article.language,
                          paragraphs=article.paragraphs[:1])


class RaisesValueError(KitParser):
    name: ClassVar[str] = "kit_raises"

    def parse_text(self, doc: mn.Document) -> mn.Article:
        if not doc.text.strip():
            raise ValueError("empty")
        return super().parse_text(doc)


class ScoresTooHigh(KitParser):
    name: ClassVar[str] = "kit_scores"

    def score_text(self, doc: mn.Document) -> float:
        return 2.0


class BadName(KitParser):
    name: ClassVar[str] = "Kit Bad"


def _contract(parser_class: type[mn.Parser]) -> ParserContract:
    class Contract(ParserContract):
        __test__ = False
        text_samples = (KIT_SAMPLE,)

    Contract.parser_class = parser_class
    return Contract()


def test_contract_catches_lost_words() -> None:
    contract = _contract(LosesWords)
    with pytest.raises(AssertionError):
        contract.test_nothing_lost(LosesWords())
    with pytest.raises(AssertionError):
        contract.test_nothing_lost_on_any_text()


def test_contract_catches_undocumented_errors() -> None:
    contract = _contract(RaisesValueError)
    with contract.registration() as registered, pytest.raises(ValueError, match="empty"):
        contract.test_empty_input_is_parse_error(RaisesValueError(), registered, " \n ")


def test_contract_catches_scores_out_of_range() -> None:
    contract = _contract(ScoresTooHigh)
    with pytest.raises(AssertionError):
        contract.test_score_in_range(ScoresTooHigh())


def test_contract_catches_bad_metadata() -> None:
    with pytest.raises(AssertionError, match="lowercase identifier"):
        _contract(BadName).test_declares_metadata()


def test_contract_requires_an_installed_entry_point() -> None:
    contract = _contract(KitParser)
    type(contract).require_installed = True
    with pytest.raises(pytest.fail.Exception, match="no parser named 'kit_example' is installed"), \
            contract.registration():
        pass


def test_contract_base_class_is_not_collected() -> None:
    assert ParserContract.__test__ is False
    assert TestKitParserContract.__test__ is True
    assert type(_contract(KitParser)).__test__ is False
    assert "kit_example" not in mn.parsers()  # the run-time registration was undone


def test_strategies_register_when_imported_before_hypothesis() -> None:
    # Importing mideastnews.testing may be what imports hypothesis; its entry
    # point then meets a half-imported module and must neither fail nor warn.
    import subprocess
    import sys

    code = ("import mideastnews.testing\n"
            "from hypothesis import find, strategies as st\n"
            "from mideastnews import dates\n"
            "assert isinstance(find(st.from_type(dates.CalendarDate), bool), dates.CalendarDate)\n")
    result = subprocess.run([sys.executable, "-W", "error", "-c", code], capture_output=True, text=True,
                            check=False, timeout=120)
    assert result.returncode == 0, result.stderr
