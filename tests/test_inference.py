"""Publication days inferred from the text's own date evidence."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mideastnews as mn
from mideastnews.inference import Evidence, decide, gather_evidence, infer_published

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT.parent / "shared" / "gold" / "seed_articles.json"

FRI, THU, TUE, MON = 4, 3, 1, 0


def seed_text(seed: str) -> str:
    return next(SEEDS.glob(seed + "_*.txt")).read_text(encoding="utf-8")


# -- the decision, on evidence written by hand ---------------------------------------------------


def test_caption_with_today_and_yesterday_pins_friday() -> None:
    evidence = Evidence(anchors=((dt.date(2023, 12, 7), False),), weekdays=((0, FRI), (-1, THU)))
    assert decide(evidence) == dt.date(2023, 12, 8)


def test_anchor_named_as_today() -> None:
    evidence = Evidence(anchors=((dt.date(2023, 12, 8), False),), weekdays=((0, FRI),))
    assert decide(evidence) == dt.date(2023, 12, 8)


def test_old_date_beside_today_weekday_pins_nothing() -> None:
    # «اليوم الثلاثاء» and a 2020 date that happens to be a Monday: no phrase calls it yesterday.
    evidence = Evidence(anchors=((dt.date(2020, 11, 9), False),), weekdays=((0, TUE),))
    assert decide(evidence) is None


def test_anchor_without_relative_phrase_pins_nothing() -> None:
    assert decide(Evidence(anchors=((dt.date(2023, 12, 7), False),))) is None


def test_contradictory_weekdays_give_none() -> None:
    evidence = Evidence(anchors=((dt.date(2023, 12, 8), False),), weekdays=((0, FRI), (0, THU)))
    assert decide(evidence) is None


def test_wire_anchor_alone_and_against_a_weekday() -> None:
    wed = dt.date(2023, 11, 29)
    assert decide(Evidence(anchors=((wed, True),))) == wed
    assert decide(Evidence(anchors=((wed, True),), weekdays=((0, MON),))) is None


def test_two_anchors_two_days_give_none() -> None:
    evidence = Evidence(anchors=((dt.date(2023, 11, 29), True), (dt.date(2023, 11, 30), True)))
    assert decide(evidence) is None


def test_modified_time_bounds_the_day() -> None:
    evidence = Evidence(anchors=((dt.date(2023, 12, 7), False),), weekdays=((-1, THU),),
                        latest=dt.date(2023, 12, 7))
    assert decide(evidence) is None


_DAYS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_DAYS, st.booleans()), max_size=4),
       st.lists(st.tuples(st.integers(-3, 0), st.integers(0, 6)), max_size=4),
       st.randoms(use_true_random=False))
def test_decision_satisfies_every_constraint_and_ignores_order(
        anchors: list[tuple[dt.date, bool]], weekdays: list[tuple[int, int]], rnd: random.Random) -> None:
    day = decide(Evidence(tuple(anchors), tuple(weekdays)))
    shuffled_a, shuffled_w = list(anchors), list(weekdays)
    rnd.shuffle(shuffled_a)
    rnd.shuffle(shuffled_w)
    assert decide(Evidence(tuple(shuffled_a), tuple(shuffled_w))) == day
    if day is not None:
        for distance, weekday in weekdays:
            assert (day + dt.timedelta(days=distance)).weekday() == weekday
        assert any(day - anchor in (dt.timedelta(0), dt.timedelta(1)) for anchor, _ in anchors)


# -- evidence read from text --------------------------------------------------------------------


def test_sputnik_style_caption_and_relative_days() -> None:
    article = mn.Article(
        source="generic",
        title="وزير الخارجية: محادثات مهمة",
        lead="وصف وزير الخارجية، اليوم الجمعة، المحادثات بأنها مهمة.",
        captions=("الرئيسان خلال اجتماع في موسكو، روسيا 7 ديسمبر 2023",),
        paragraphs=("ووصل الرئيس، أمس الخميس، إلى موسكو.", "وانتهت الهدنة يوم الجمعة 1 ديسمبر الجاري."),
    )
    assert infer_published(article) == dt.date(2023, 12, 8)


def test_persian_wire_copy_dates_its_lead() -> None:
    paragraph = ("به گزارش ایرنا کاظم جلالی چهارشنبه هشتم آذرماه ۱۴۰۲ در گفت و گو با خبرنگار ایرنا گفت: "
                 "روابط دو کشور نزدیک است.")
    wire = mn.Article(source="irna", language="fa", title="روابط نزدیک", credits=("ایرنا",),
                      paragraphs=(paragraph,))
    assert infer_published(wire) == dt.date(2023, 11, 29)
    not_wire = mn.Article(source="generic", language="fa", title="روابط نزدیک",
                          paragraphs=(paragraph.removeprefix("به گزارش ایرنا "),))
    assert infer_published(not_wire) is None


def test_wire_copy_needs_the_weekday_written() -> None:
    paragraph = ("به گزارش ایرنا، کاظم جلالی روز هشتم آذرماه ۱۴۰۲ در گفت و گو با خبرنگار ایرنا گفت: "
                 "روابط نزدیک است.")
    wire = mn.Article(source="irna", language="fa", title="روابط نزدیک", credits=("ایرنا",),
                      paragraphs=(paragraph,))
    assert infer_published(wire) is None


@pytest.mark.parametrize(("language", "lead"), [
    ("ar", "أعلنت الوزارة، اليوم الإثنين 30 كانون الثاني/يناير 2023، أن الاجتماع انتهى."),
    ("ar", "أعلنت الوزارة اليوم، 30 يناير 2023، أن الاجتماع انتهى."),
    ("ar", "قالت الوزارة أمس 29 يناير 2023 إن الاجتماع انتهى."),
    ("fa", "وزارت امور خارجه امروز دوشنبه ۱۰ بهمن ۱۴۰۱ اعلام کرد که نشست پایان یافت."),
])
def test_a_full_date_called_today_or_yesterday(language: str, lead: str) -> None:
    article = mn.Article(source="generic", language=language, title="عنوان", lead=lead)
    assert infer_published(article) == dt.date(2023, 1, 30)


def test_today_with_the_wrong_weekday_pins_nothing() -> None:
    article = mn.Article(source="generic", title="عنوان", lead="أعلنت الوزارة اليوم الجمعة 30 يناير 2023 أن")
    assert infer_published(article) is None


def test_metadata_wins() -> None:
    stamped = dt.datetime(2023, 12, 9, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    article = mn.Article(source="generic", title="عنوان", lead="اليوم الجمعة", published=stamped,
                         captions=("7 ديسمبر 2023",), paragraphs=("أمس الخميس",))
    assert infer_published(article) == dt.date(2023, 12, 9)


def test_bare_weekdays_pin_nothing() -> None:
    article = mn.Article(source="generic", title="بوتين يستضيف رئيسي",
                         paragraphs=("واستضاف بوتين رئيسي يوم الخميس.", "زار بوتين الرياض، الأربعاء."))
    assert gather_evidence(article).weekdays == ()
    assert infer_published(article) is None


def test_wrong_type() -> None:
    with pytest.raises(TypeError):
        infer_published("نص")  # type: ignore[arg-type]


# -- the seeds ---------------------------------------------------------------------------------

SEED_PUBLISHED = {
    "000": (None, False),
    "001": (None, False),
    "002": (dt.date(2023, 11, 29), True),
    "003": (None, False),
    "004": (dt.date(2023, 12, 8), True),
}


@pytest.mark.parametrize("seed", sorted(SEED_PUBLISHED))
def test_seed_published(seed: str) -> None:
    article = mn.parse(seed_text(seed))
    assert (article.published, article.published_inferred) == SEED_PUBLISHED[seed]


@pytest.mark.corpus
@pytest.mark.parametrize("seed", sorted(SEED_PUBLISHED))
def test_seed_published_against_gold(seed: str) -> None:
    if not GOLD.is_file():
        pytest.skip("../shared/gold is absent")
    gold = next(v for k, v in json.loads(GOLD.read_text(encoding="utf-8")).items() if k.startswith(seed))
    article = mn.parse(seed_text(seed))
    published = article.published.isoformat() if article.published is not None else None
    assert published in gold["published_one_of"]
    if gold["published_inferred"] is not None:
        assert article.published_inferred is gold["published_inferred"]
