"""find_dates / parse_date: every construct of the issue, the traps, hygiene, and robustness."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mideastnews import DateError
from mideastnews.dates import Calendar, DateMention, Granularity, find_dates, parse_date

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CASES = ROOT / "tests" / "data" / "date_cases.jsonl"


def _load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _agrees(g: dict[str, Any], m: DateMention) -> bool:
    if g["greg"]:
        return m.date is not None and abs((dt.date.fromisoformat(g["greg"]) - m.date).days) <= g["tol"]
    if g["calendar"] != str(m.calendar):
        return False
    return all(w is None or w == got for w, got in zip(g["ymd"], (m.year, m.month, m.day), strict=True))


def _score(cases: list[dict[str, Any]]) -> tuple[float, list[str]]:
    """F1 as ../shared/tools/score_dates.py counts it, with the misses and extras."""
    gold_n = correct = extra = 0
    problems: list[str] = []
    for c in cases:
        ref = dt.date.fromisoformat(c["ref"]) if c["ref"] else None
        got = find_dates(c["text"], ref=ref)
        used: set[int] = set()
        spans = [(g["start"], g["end"]) for g in c["mentions"]]
        for g, (gs, ge) in zip(c["mentions"], spans, strict=True):
            gold_n += 1
            hit = next((i for i, m in enumerate(got) if i not in used and m.start < ge and gs < m.end
                        and _agrees(g, m)), None)
            if hit is None:
                problems.append(f"MISS {c['id']}: {g['surface']} {g['greg'] or g['ymd']}")
            else:
                used.add(hit)
                correct += 1
        for i, m in enumerate(got):
            if i not in used and not any(m.start < ge and gs < m.end for gs, ge in spans):
                extra += 1
                problems.append(f"EXTRA {c['id']}: {m.text} {m.date or (m.year, m.month, m.day)}")
    p = correct / (correct + extra) if correct + extra else 0.0
    r = correct / gold_n if gold_n else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), problems


def test_case_file_is_what_its_generator_writes() -> None:
    spec = importlib.util.spec_from_file_location("make_date_cases", CASES.with_name("make_date_cases.py"))
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert _load(CASES) == module.CASES


def test_own_case_set_is_large_and_scores() -> None:
    cases = _load(CASES)
    assert len(cases) >= 150
    score, problems = _score(cases)
    assert score >= 0.95, problems
    assert not problems  # every case of the project's own set, exactly


@pytest.mark.corpus
def test_seed_gold_every_mention_no_extras() -> None:
    gold = SHARED / "gold" / "seed_dates.jsonl"
    if not gold.exists():
        pytest.skip("../shared/gold is absent")
    score, problems = _score(_load(gold))
    assert problems == []
    assert score == 1.0


# ------------------------------------------------------------ the seeds' conventions, as the project's own
REF = dt.date(2023, 12, 8)  # a Friday


def _one(text: str, ref: dt.date | None = REF) -> DateMention:
    found = find_dates(text, ref=ref)
    assert len(found) == 1, found
    return found[0]


def test_weekday_and_time_belong_to_the_date() -> None:
    text = "انتهت الهدنة عند الساعة 7:00 من صباح يوم الجمعة 1 ديسمبر الجاري، وفق البيان."
    m = _one(text)
    assert m.date == dt.date(2023, 12, 1)
    assert m.time == dt.time(7, 0)
    assert m.weekday == 4
    assert m.warnings == ()
    assert "الساعة 7:00" in m.text
    assert m.text.endswith("الجاري")


def test_weekday_mismatch_is_a_warning() -> None:
    m = _one("وقع الانفجار يوم الأحد 7 ديسمبر 2023 في المدينة.")
    assert m.date == dt.date(2023, 12, 7)
    assert m.weekday == 6
    assert m.warnings
    assert "Sunday" in m.warnings[0]


def test_bare_weekday_is_latest_on_or_before_ref_and_future_cues() -> None:
    assert _one("وصل الوفد الجمعة إلى موسكو.").date == REF
    assert _one("وصل الوفد الخميس إلى موسكو.").date == dt.date(2023, 12, 7)
    assert _one("ستعقد القمة الأحد المقبل.").date == dt.date(2023, 12, 10)
    assert _one("ستعقد القمة الجمعة القادمة.", ref=dt.date(2023, 12, 7)).date == dt.date(2023, 12, 8)
    assert _one("ستعقد القمة الجمعة المقبلة.").date == dt.date(2023, 12, 15)
    assert _one("وصل الوفد الجمعة الماضية.").date == dt.date(2023, 12, 1)
    assert _one("جلسه بعدی جمعه آینده برگزار می‌شود.").date == dt.date(2023, 12, 15)
    assert _one("ومن المقرر أن يعقد مجلس الأمن جلسة طارئة مساء الأحد.").date == dt.date(2023, 12, 10)
    assert _one("ستعقد القمة الجمعة في الرياض.").date == REF  # a future cue: on or after ref
    assert _one("قرار است نشست شنبه برگزار شود.").date == dt.date(2023, 12, 9)
    m = _one("قال المتحدث اليوم الخميس إن المفاوضات مستمرة.")
    assert m.date == REF
    assert m.warnings


def test_month_without_year_is_latest_not_after_ref() -> None:
    assert (_one("التقى الوفدان في أكتوبر.").year, _one("التقى الوفدان في أكتوبر.").month) == (2023, 10)
    m = _one("ستعقد الانتخابات في شهر مارس.")
    assert (m.year, m.month, m.granularity) == (2023, 3, Granularity.MONTH)
    assert _one("وقال الكرملين الشهر الماضي إن التعاون مستمر.").month == 11


def test_persian_relative_months_and_years_count_solar_hijri() -> None:
    m = _one("تورم ماه گذشته کاهش یافت.")  # ref 1402-09-17
    assert (m.calendar, m.year, m.month) == (Calendar.JALALI, 1402, 8)
    m = _one("صادرات سال گذشته افزایش یافت.")
    assert (m.calendar, m.year, m.granularity) == (Calendar.JALALI, 1401, Granularity.YEAR)
    m = _one("ارتفعت الصادرات العام الماضي.")
    assert (m.calendar, m.year) == (Calendar.GREGORIAN, 2022)


def test_exact_counts_are_dates_vague_lengths_are_not() -> None:
    assert _one("وصل الوفد قبل يومين.").date == dt.date(2023, 12, 6)
    assert _one("اعتقل منذ 3 أيام.").date == dt.date(2023, 12, 5)
    m = _one("این حادثه سه روز پیش رخ داد.")
    assert m.date == dt.date(2023, 12, 5)
    assert m.calendar is Calendar.JALALI
    for text in ("الحملة مستمرة منذ نحو عام.", "استمرت المعارك لسبعة أيام.", "يعاني السكان منذ عقود.",
                 "چند روز پیش خبرهایی منتشر شد.", "قبل يومين من الانتخابات أعلن المرشح انسحابه."):
        assert find_dates(text, ref=REF) == [], text


@pytest.mark.parametrize("text", [
    "وقتل أكثر من 41 ألف فلسطيني، و1100 شخص في الهجوم.",
    "ارتفعت البطالة إلى 12.5% في الربع الثالث.",
    "نصت المادة 99 من الميثاق على ذلك.",
    "وطالب القرار رقم 2720 بإدخال المساعدات.",
    "هبطت الرحلة رقم 2023 في مطار بيروت.",
    "بیش از ۱۴۰۲ خانوار در این طرح ثبت‌نام کرده‌اند.",
    "ورصد المرصد 1445 انتهاكاً لوقف إطلاق النار.",
    "وقف الحاضرون دقيقة صمت عند الساعة 11:00 حداداً.",
    "امام جمعه تهران در خطبه‌ها به این موضوع اشاره کرد.",
    "اليوم العالمي لحقوق الإنسان مناسبة سنوية.",
    "رجب طيب أردوغان يلتقي نظيره الإيراني.",
    "يقام سوق شعبي كل يوم جمعة في الساحة.",
    "وبعد الانسحاب غدا الوضع الأمني أكثر تعقيداً.",
    "وقال الباحث محمد جمعة إن الوضع خطير.",
    "ادارات دولتی شنبه‌ها تعطیل نیستند.",
    "راهپیمایی در آخرین جمعه برگزار می‌شود.",
    "وبحث رئيسي مع إردوغان الأوضاع في قطاع غزة، الذي يتعرض لحرب إسرائيلية مدمّرة منذ 34 يوماً.",
])
def test_not_dates(text: str) -> None:
    assert find_dates(text, ref=REF) == []


def test_weekday_in_brackets_after_the_date_is_its_own() -> None:
    (m,) = find_dates("نشست ۸ آذر ۱۴۰۲ (چهارشنبه) برگزار شد")
    assert m.text == "۸ آذر ۱۴۰۲ (چهارشنبه)"
    assert (m.weekday, m.warnings) == (2, ())
    (m,) = find_dates("نشست ۸ آذر ۱۴۰۲ (جمعه) برگزار شد")
    assert m.warnings


def test_weekday_after_a_relative_day_is_one_mention() -> None:
    assert [m.text for m in find_dates("امروز (چهارشنبه) نشست برگزار شد", ref=REF)] == ["امروز (چهارشنبه)"]
    (m,) = find_dates("وقال أمس، الخميس، إن المفاوضات مستمرة", ref=REF)
    assert m.date == dt.date(2023, 12, 7)
    assert m.warnings == ()


def test_ambiguous_month_names_need_context() -> None:
    ref = dt.date(2023, 12, 7)  # 1402-09-16, 1445-05-23
    assert _one("قیمت‌ها در اواسط آذر افزایش یافت.", ref=ref).month == 9
    assert _one("في رمضان الماضي ارتفعت الأسعار.", ref=ref).year == 1444
    assert find_dates("قال رمضان إن الوفد وصل.", ref=ref) == []
    assert find_dates("در مهر و موم شده بود.", ref=ref) == []
    m = _one("رشد اقتصادی سال آینده میلادی کند می‌شود.", ref=ref)
    assert (m.calendar, m.year) == (Calendar.GREGORIAN, 2024)


def test_without_ref_relative_mentions_keep_open_parts() -> None:
    m = _one("وصل الوفد أمس الخميس إلى موسكو.", ref=None)
    assert m.relative
    assert m.date is None
    assert (m.year, m.month, m.day) == (None, None, None)
    assert m.weekday == 3
    m = _one("نشست در ۱۵ مهر برگزار شد.", ref=None)
    assert (m.year, m.month, m.day, m.date) == (None, 7, 15, None)


def test_pair_each_calendar_its_own_mention_and_year_from_partner() -> None:
    text = "گروه های مقاومت روز شنبه ۱۵ مهرماه برابر با هفتم اکتبر ۲۰۲۳ عملیات را آغاز کردند."
    a, b = find_dates(text)  # no ref: the year comes from the partner
    assert (a.calendar, a.year, a.month, a.day) == (Calendar.JALALI, 1402, 7, 15)
    assert a.date == b.date == dt.date(2023, 10, 7)
    assert a.group == b.group == a.start
    assert a.warnings == ()
    levantine = _one("في السابع من تشرين الأول/أكتوبر 2023 أعلنت الكتائب المعركة.")
    assert levantine.date == dt.date(2023, 10, 7)
    assert levantine.group is None


def test_numeric_forms_and_digit_sets() -> None:
    assert _one("صدر المرسوم بتاريخ 12/03/2024.").date == dt.date(2024, 3, 12)
    m = _one("این حکم در تاریخ ۱۴۰۲/۰۸/۱۵ ابلاغ شد.")
    assert (m.calendar, m.year, m.month, m.day) == (Calendar.JALALI, 1402, 8, 15)
    assert _one("تحديث 2024-03-14T09:30 بتوقيت مكة").time == dt.time(9, 30)
    assert _one("في ١٥ يناير 2024 عقد الاجتماع.").date == dt.date(2024, 1, 15)


def test_format_characters_never_hide_a_date_and_offsets_map_back() -> None:
    text = "سررسید\u200f این سند «١٤٠٣\u200f/١٢\u200f/٣٠» است و \u202bدر ۸ آذر\u202c ۱۴۰۲ امضا شد."
    found = find_dates(text)
    assert [(m.calendar, m.year, m.month, m.day) for m in found] == [
        (Calendar.JALALI, 1403, 12, 30), (Calendar.JALALI, 1402, 9, 8)]
    for m in found:
        assert text[m.start:m.end] == m.text
    assert found[0].text == "١٤٠٣\u200f/١٢\u200f/٣٠"


def test_ordinals_both_genders_and_persian() -> None:
    assert _one("في الحادي والعشرين من مارس 2023 افتتح المعرض.").date == dt.date(2023, 3, 21)
    assert _one("غرة رمضان 1445 هـ.").date == dt.date(2024, 3, 11)
    m = _one("این طرح از بیست و نهم اسفند ۱۴۰۱ اجرایی شد.")
    assert (m.year, m.month, m.day) == (1401, 12, 29)
    assert _one("نشست سی‌ام مهر ۱۴۰۲ برگزار شد.").day == 30


def test_day_of_a_relative_month_and_other_forms() -> None:
    ref = dt.date(2024, 5, 30)
    m = _one("والمقررة في الـثامن والعشرين من الشهر المقبل.", ref=ref)
    assert m.date == dt.date(2024, 6, 28)
    assert m.text == "الـثامن والعشرين من الشهر المقبل"
    assert _one("وعقد الاجتماع في 15 من الشهر الجاري.", ref=ref).date == dt.date(2024, 5, 15)
    assert _one("وعقد الاجتماع الأسبوع الفائت.", ref=ref).date == dt.date(2024, 5, 23)
    assert find_dates("في اليوم الـ237 من العدوان على غزة", ref=ref) == []
    assert find_dates("في مركز جون إف. كينيدي للفنون", ref=ref) == []
    assert [m.day for m in find_dates("من 20 إلى 25 نوفمبر 2023", ref=ref)] == [20, 25]


def test_parse_date_errors() -> None:
    assert parse_date("۸ آذر ۱۴۰۲").date == dt.date(2023, 11, 29)
    with pytest.raises(DateError):
        parse_date("لا تاريخ هنا")
    with pytest.raises(TypeError):
        find_dates(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        find_dates("x", ref="2023-01-01")  # type: ignore[arg-type]


def test_mention_round_trips_through_dict() -> None:
    for m in find_dates("امروز چهارشنبه ۸ آذر ۱۴۰۲ – ۲۹ نوامبر ۲۰۲۳ ساعت ۱۰:۳۰", ref=dt.date(2023, 11, 29)):
        assert DateMention.from_dict(json.loads(json.dumps(m.to_dict()))) == m


# ---------------------------------------------------------------- robustness
PIECES = st.sampled_from([
    "۸ آذر ۱۴۰۲", "7 أكتوبر 2023", "١٤٠٣/١٢/٣٠", "أمس الخميس", "الأحد المقبل", "هفتم اکتبر ۲۰۲۳", "الـ",
    "غرة رمضان 1445 هـ", "ساعت ۱۰:۳۰", "الساعة 7:00 صباحاً", "2026-03-01T17:34+0000", "/", "-", "الموافق",
    "همزمان با", "قبل", "منذ", "يومين", "سه روز پیش", "\u200c", "\u200f", "\u202b", "\u0640", "ً", " ", "\n",
    "31", "0", "99", "9999", "سال", "عام", "ماه", "شهر", "رجب", "مهر", "می", "،", "(", ")",
])
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=30).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.one_of(st.none(), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))))
def test_random_text_never_raises_and_offsets_slice(text: str, ref: dt.date | None) -> None:
    found = find_dates(text, ref=ref)
    last = -1
    for m in found:
        assert text[m.start:m.end] == m.text
        assert m.start >= last  # text order, no overlaps
        last = m.end
        assert DateMention.from_dict(m.to_dict()) == m


def _scan_disagreements(text: str) -> list[int]:
    """Where trying only the scan's candidates, and only the alternatives their words open, finds
    something other than DATE_PATTERN itself in ``text``'s matching copy."""
    from mideastnews.dates import finder

    clean = finder._clean(text)[0]
    found = finder._candidates(clean)
    cands = sorted(found)
    bad = []
    for at in range(len(clean) + 1):
        want = finder.DATE_PATTERN.match(clean, at)
        got = finder._match_at(clean, at, found[at], cands, found) if at in found else None
        if (want is None) != (got is None) or (want is not None and got is not None and (
                want.end() != got.end() or want.lastgroup != got.lastgroup
                or {k: v for k, v in want.groupdict().items() if v is not None} != {
                    k: v for k, v in got.groupdict().items() if v is not None})):
            bad.append(at)
    return bad


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(PIECES, st.text(max_size=6), st.characters()), max_size=30).map("".join))
def test_candidate_scan_finds_what_the_pattern_finds(text: str) -> None:
    assert _scan_disagreements(text) == []


# A number's day-and-month alternative is left out where no month name can follow it as a day's: numbers
# before months, «من», spaces, letters and signs, glued or not, must still find what the pattern finds.
_DAY_PIECES = st.sampled_from([
    "7", "15", "١٥", "۱۵", "123", "2023", "ال", " ", "  ", "   ", "    ", "\u00a0", "\u200c", "من", "از", "%",
    ".", "،", "/", "-", "(", "أكتوبر", "اكتوبر", "كانون الأول", "مهر", "مهرماه", "آذر", "می", "may", "شهر",
    "ألف", "عنصرا", "x", "\n",
])


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_DAY_PIECES, max_size=12).map("".join))
@example("7 من أكتوبر")
@example("15\u00a0\u00a0\u00a0من   كانون الأول 2023")
@example("۱۵مهرماه")
def test_number_before_a_month_or_not_finds_what_the_pattern_finds(text: str) -> None:
    assert _scan_disagreements(text) == []


def test_every_month_name_starts_with_a_letter() -> None:
    import re

    from mideastnews.dates import finder, lexicon

    assert all(w[:1].isalpha() for w in lexicon.MONTH_WORDS)
    month = re.compile(finder._MONTH_ANY)
    assert [c for c in range(0x30000) if not chr(c).isalpha() and month.match(chr(c) * 8)] == []


def _clause_words() -> st.SearchStrategy[list[str]]:
    from mideastnews.dates import lexicon

    table = sorted(lexicon.FUTURE_BEFORE | lexicon.ONGOING_BEFORE)
    word = st.one_of(st.sampled_from(table), st.text(max_size=4))
    return st.lists(st.tuples(st.sampled_from(["", "و", "ف", "ب"]), word).map("".join), max_size=8)


@settings(max_examples=300, deadline=None)
@given(_clause_words())
def test_clause_tables_hold_a_word_or_the_word_after_its_conjunction(words: list[str]) -> None:
    from mideastnews.dates import finder, lexicon

    for table, with_conjunctions in ((lexicon.FUTURE_BEFORE, finder._FUTURE_BEFORE),
                                     (lexicon.ONGOING_BEFORE, finder._ONGOING_BEFORE)):
        holds = any(w in table or (w[:1] in "وف" and w[1:] in table) for w in words)
        assert (not with_conjunctions.isdisjoint(words)) == holds


def _gate_words() -> list[str]:
    from mideastnews.dates import finder

    return sorted({w.replace("_", "") for w in finder._GATE_WORDS})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(PIECES, st.sampled_from(_gate_words()), st.sampled_from([" ", "\u200c", "ال", "و"]),
                          st.text(max_size=4), st.characters()), max_size=30).map("".join))
def test_every_alternative_opens_where_the_gate_holds(text: str) -> None:
    """_match_at takes an alternative's match without asking the gate: each alternative opens with a
    gate phrase and a non-word character, a digit, or «ال» and a digit (after optional words that
    are gate phrases themselves)."""
    from mideastnews.dates import finder

    clean = finder._clean(text)[0]
    for at in range(len(clean) + 1):
        if any(match(clean, at) for _bit, match in finder._ALTERNATIVE_AT):
            assert finder._GATE_AT.match(clean, at), (clean, at)


def test_every_alternative_opens_where_the_gate_holds_in_the_case_file() -> None:
    from mideastnews.dates import finder

    for case in _load(CASES):
        clean = finder._clean(case["text"])[0]
        for at in range(len(clean) + 1):
            if any(match(clean, at) for _bit, match in finder._ALTERNATIVE_AT):
                assert finder._GATE_AT.match(clean, at), (clean, at)


# Digits of scripts the folded copy has no byte for, and text made of such scripts.
OTHER_SCRIPTS = st.sampled_from([
    "๑๒", "๒๕๖๖", "၁၅", "१५ ", "１２", "梁振英", "、", "。", "ကို", "นายก", "３月", " ٢٠٢٣ ๑",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(PIECES, OTHER_SCRIPTS, st.characters()), max_size=30).map("".join))
def test_candidate_scan_in_other_scripts_finds_what_the_pattern_finds(text: str) -> None:
    assert _scan_disagreements(text) == []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(PIECES, OTHER_SCRIPTS, st.characters()), max_size=30).map("".join))
def test_scan_without_unknown_digit_keys_lists_the_same_positions(text: str) -> None:
    """The scanner without keys for unknown digits, used where no such digit stands, loses nothing."""
    from mideastnews.dates import finder

    clean = finder._clean(text)[0]
    saved = finder._SCANNER_KNOWN_DIGITS
    try:
        finder._SCANNER_KNOWN_DIGITS = finder._full_scanner()  # every key, whatever the text holds
        full = finder._candidates(clean)
    finally:
        finder._SCANNER_KNOWN_DIGITS = saved
    assert finder._candidates(clean) == full


def test_candidate_scan_finds_what_the_pattern_finds_in_the_case_file() -> None:
    for case in _load(CASES):
        assert _scan_disagreements(case["text"]) == [], case["text"]


def test_scan_word_characters_are_the_patterns_word_characters() -> None:
    import re

    from mideastnews.dates.finder import _is_word_char

    word = re.compile(r"\w")
    assert [c for c in range(0x30000) if bool(word.match(chr(c))) != _is_word_char(chr(c))] == []


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(PIECES, st.text(max_size=6), st.sampled_from([" ", "\n", "،", ". "])), max_size=20)
       .map("".join))
def test_word_before_reads_what_its_pattern_finds(text: str) -> None:
    from mideastnews.dates import finder, lexicon

    ctx = finder._Ctx(text, None, finder._Scan(*finder._clean_and_candidates(text)))
    clean = ctx.clean
    for pos in range(len(clean) + 1):
        m = finder._WORD_BEFORE.search(clean, max(0, pos - 24), pos)
        assert ctx.word_before_at(pos) == ((lexicon.canon(m.group(1)), m.start(1)) if m else ("", pos))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(PIECES, st.text(max_size=6), st.sampled_from([" ", ". ", *".،,؛;!?؟\n"])),
                max_size=30).map("".join))
def test_clause_before_is_the_window_after_its_last_stop(text: str) -> None:
    import re

    from mideastnews.dates import finder, lexicon

    ctx = finder._Ctx(text, None, finder._Scan(*finder._clean_and_candidates(text)))
    for pos in range(len(ctx.clean) + 1):
        clause = re.split("[.،,؛;!?؟\n]", ctx.clean[max(0, pos - 70):pos])[-1]
        assert finder._clause_before(ctx, pos) == [lexicon.canon(w) for w in clause.split()]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(PIECES, st.text(max_size=6), st.characters()), max_size=30).map("".join))
def test_clean_and_scan_in_one_encoding_is_clean_then_scan(text: str) -> None:
    from mideastnews.dates import finder

    clean, clean_pos, removed = finder._clean(text)
    assert finder._clean_and_candidates(text) == (clean, clean_pos, removed, finder._candidates(clean))


def test_fold_encoding_is_the_fast_table() -> None:
    from mideastnews.dates import finder

    assert type(finder._FOLD_ENCODING).__name__ == "EncodingMap"  # a dict would be looked up per character


@pytest.mark.parametrize(("text", "want"), [
    ("يعقد المؤتمر الخميس 2 يناير في الدوحة.", dt.date(2025, 1, 2)),  # a Thursday in 2025, a Tuesday in 2024
    ("عقد المؤتمر الثلاثاء 2 يناير في الدوحة.", dt.date(2024, 1, 2)),  # the weekday fits the rule's year
    ("يعقد المؤتمر 2 يناير في الدوحة.", dt.date(2024, 1, 2)),  # no weekday: the latest January
])
def test_a_weekday_names_the_year_of_a_day_and_month(text: str, want: dt.date) -> None:
    (m,) = find_dates(text, ref=dt.date(2024, 12, 20))
    assert m.date == want
    assert not m.warnings


def test_mention_copy_is_attrs_evolve() -> None:
    from mideastnews.dates.mention import _evolve

    m = find_dates("وصل الرئيس أمس الخميس 7 ديسمبر 2023", ref=dt.date(2023, 12, 8))[0]
    for changes in ({}, {"field": "paragraph", "index": 3}, {"warnings": ["a", "b"]},
                    {"calendar": "jalali", "granularity": "month", "date": None, "year": 1402}):
        got, want = _evolve(m, **changes), attrs.evolve(m, **changes)
        assert got == want
        assert type(got.warnings) is tuple
        assert type(got.calendar) is type(want.calendar)
    with pytest.raises(TypeError):
        _evolve(m, nope=1)


def test_placed_mention_is_attrs_evolve() -> None:
    from mideastnews.dates.mention import _placed

    for text in ("وصل الرئيس أمس الخميس 7 ديسمبر 2023", "۸ آذر ۱۴۰۲ همزمان با ۲۹ نوامبر ۲۰۲۳", "عام 2022"):
        for m in find_dates(text, ref=dt.date(2023, 12, 8)):
            got, want = _placed(m, "caption", 2), attrs.evolve(m, field="caption", index=2)
            assert got == want
            assert type(got.warnings) is tuple
            assert type(got.calendar) is type(want.calendar)
            assert type(got.granularity) is type(want.granularity)


# ------------------------------------------------ SharedFinder is find_dates
# A SharedFinder keeps each text's readings and resolves them under each call's ref, and keeps the
# whole result of a call that never looked at ref: every call must still be find_dates' answer.
_RELATIVE_PIECES = st.sampled_from([
    "اليوم", "أمس", "غدا", "امروز", "دیروز", "الشهر الماضي", "15 من الشهر الجاري", "العام المقبل",
    "سال گذشته", "الخميس", "يوم الأحد", "ستعقد القمة الأحد", "أمس الخميس 7 ديسمبر", " - 2024",
    "الأسبوع المقبل", "شنبه آینده",
])
_DATE_TEXTS = st.lists(st.one_of(PIECES, _RELATIVE_PIECES, st.text(max_size=4)), max_size=12).map(" ".join)
_REFS = st.one_of(st.none(), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
                  st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)))


def _shared_texts() -> st.SearchStrategy[str]:
    from mideastnews.testing import article_texts, date_expressions

    return st.one_of(TEXTS, _DATE_TEXTS, article_texts(max_paragraphs=3),
                     st.tuples(date_expressions("ar"), _DATE_TEXTS).map(lambda p: p[0][0] + " " + p[1]),
                     st.tuples(date_expressions("fa"), _DATE_TEXTS).map(lambda p: p[1] + " " + p[0][0]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_shared_texts(), min_size=1, max_size=3),
       st.lists(st.tuples(st.integers(0, 2), _REFS), min_size=1, max_size=8))
def test_shared_finder_is_find_dates_under_any_sequence_of_refs(
        texts: list[str], calls: list[tuple[int, dt.date | None]]) -> None:
    from mideastnews.dates.finder import SharedFinder

    shared = SharedFinder()
    for which, ref in calls:
        text = texts[which % len(texts)]
        assert shared(text, ref=ref) == find_dates(text, ref=ref)


# The texts an article's SharedFinder is given up front are folded and scanned as one: each must come
# out as its own scan would (NULs, ZWNJ next to digits, marks, digits only the full scanner knows, and
# the halves of a phrase split between two texts, which the joined copy holds across the join).
_JOIN_PIECES = st.sampled_from(["\x00", "\u200c۱۴۰۳", "۱۲\u200c", "\u0e51\u0e52", "\u064b", "\u200f", "?",
                                " ", "\n", "کانون", "الأول", "روز", "گذشته", "الشهر", "الماضي", "هذا",
                                "اليوم"])
_TOGETHER_TEXTS = st.lists(st.one_of(_shared_texts(), TEXTS,
                                     st.lists(st.one_of(PIECES, _JOIN_PIECES), max_size=8).map("".join),
                                     st.lists(_JOIN_PIECES, max_size=3).map("".join)),
                           max_size=8)


def _scan_state(scan: Any) -> tuple[Any, ...]:
    return (scan.clean, scan.clean_pos, scan.removed, scan.opens, scan.cands, scan.fixed)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TOGETHER_TEXTS)
def test_texts_scanned_together_are_each_scanned_alone(texts: list[str]) -> None:
    from mideastnews.dates import finder

    together = finder._scan_together(texts)
    assert list(together) == list(dict.fromkeys(texts))
    for text, scan in together.items():
        alone = finder._scan_alone(text)
        assert (scan is finder._NOTHING) == (alone is finder._NOTHING), text
        assert _scan_state(scan) == _scan_state(alone), text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TOGETHER_TEXTS.filter(bool), st.lists(st.tuples(st.integers(0, 7), _REFS, st.booleans()), min_size=1,
                                               max_size=8))
def test_shared_finder_given_its_texts_is_find_dates(
        texts: list[str], calls: list[tuple[int, dt.date | None, bool]]) -> None:
    from mideastnews.dates.finder import SharedFinder
    from mideastnews.dates.mention import _placed

    shared = SharedFinder(texts)
    for which, ref, placed in calls:
        text = texts[which % len(texts)]
        want = find_dates(text, ref=ref)
        if placed:
            want = [_placed(m, "paragraph", which) for m in want]
            assert shared.placed(text, ref, "paragraph", which) == want
        else:
            assert shared(text, ref=ref) == want


def test_shared_finder_is_find_dates_on_the_case_file_under_changing_refs() -> None:
    from mideastnews.dates.finder import SharedFinder

    refs = [dt.date(2001, 1, 10), dt.date(2012, 7, 19), None, dt.date(2024, 3, 15), dt.date(1, 1, 1),
            dt.date(9999, 12, 31)]
    for case in _load(CASES):
        shared = SharedFinder()
        for ref in refs:
            assert shared(case["text"], ref=ref) == find_dates(case["text"], ref=ref), (case["id"], ref)


def test_mentions_are_built_with_their_fields_in_order() -> None:
    # the finder passes a mention's fields by position: the class's field order is that one
    assert [f.name for f in attrs.fields(DateMention)] == [
        "text", "start", "end", "calendar", "year", "month", "day", "date", "time", "granularity", "relative",
        "weekday", "field", "index", "warnings", "group"]
