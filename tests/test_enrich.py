"""The shared enrichment step: dates with their place, quotes, and the inferred publication day."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import mideastnews as mn
from mideastnews.enrich import article_fields, enrich

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD_DATES = ROOT.parent / "shared" / "gold" / "seed_dates.jsonl"


def seed_path(seed: str) -> Path:
    return next(SEEDS.glob(seed + "_*.txt"))


def test_fields_in_reading_order() -> None:
    article = mn.Article(source="generic", title="t", lead="l", captions=("c0", "c1"),
                         paragraphs=("p0", "p1"))
    assert list(article_fields(article)) == [
        ("title", 0, "t"), ("lead", 0, "l"), ("caption", 0, "c0"), ("caption", 1, "c1"),
        ("paragraph", 0, "p0"), ("paragraph", 1, "p1"),
    ]


def test_dates_carry_field_and_index() -> None:
    article = enrich(mn.Article(
        source="generic",
        title="قمة في 5 كانون الثاني 2023",
        lead="عقدت القمة في 6 كانون الثاني 2023",
        captions=("صورة من 7 كانون الثاني 2023",),
        paragraphs=("لا تاريخ هنا.", "وفي 8 كانون الثاني 2023 انتهت."),
    ))
    placed = [(m.field, m.index, m.date) for m in article.dates]
    assert placed == [
        ("title", 0, dt.date(2023, 1, 5)), ("lead", 0, dt.date(2023, 1, 6)),
        ("caption", 0, dt.date(2023, 1, 7)), ("paragraph", 1, dt.date(2023, 1, 8)),
    ]


def test_metadata_published_is_kept_and_anchors_relative_dates() -> None:
    stamped = dt.datetime(2023, 12, 9, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    article = enrich(mn.Article(source="generic", title="عنوان", published=stamped,
                                paragraphs=("وقال الوزير أمس إن المحادثات مستمرة.",)),
                     ref=dt.date(2020, 1, 1))
    assert article.published == stamped
    assert article.published_inferred is False
    assert [m.date for m in article.dates if m.relative] == [dt.date(2023, 12, 8)]


def test_ref_resolves_when_nothing_is_known() -> None:
    article = enrich(mn.Article(source="generic", title="عنوان",
                                paragraphs=("وقال الوزير أمس إن الوضع صعب.",)),
                     ref=dt.date(2024, 3, 5))
    assert article.published is None
    assert [m.date for m in article.dates] == [dt.date(2024, 3, 4)]


def test_inferred_day_wins_over_ref_and_resolves_every_relative_mention() -> None:
    article = mn.parse(seed_path("004").read_text(encoding="utf-8"), ref=dt.date(2020, 1, 1))
    assert article.published == dt.date(2023, 12, 8)
    assert article.published_inferred is True
    relative = {m.text: m.date for m in article.dates if m.relative and m.granularity == "day"}
    assert relative["اليوم الجمعة"] == dt.date(2023, 12, 8)
    assert relative["أمس الخميس"] == dt.date(2023, 12, 7)


def test_quotes_added() -> None:
    article = enrich(mn.Article(source="generic", title="عنوان",
                                paragraphs=('وقال الوزير سامي: "لن نقبل بهذا الاتفاق أبدا".',)))
    assert article.quotes == (mn.Quote("لن نقبل بهذا الاتفاق أبدا", "الوزير سامي", 0),)


def test_mention_warnings_are_placed() -> None:
    article = enrich(mn.Article(source="generic", title="عنوان",
                                paragraphs=("وجرى اللقاء يوم الأحد 7 كانون الثاني 2023.",)))
    assert any(w.startswith("paragraph 0: ") for w in article.warnings)


def _gold_rows() -> list[dict[str, object]]:
    if not GOLD_DATES.is_file():
        return []
    return [json.loads(line) for line in GOLD_DATES.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.corpus
@pytest.mark.parametrize("with_ref", [False, True])
@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_relative_mentions_match_gold(seed: str, with_ref: bool) -> None:
    """Where the day is known (inferred, or given as ref) every relative mention resolves as the gold says."""
    rows = [r for r in _gold_rows() if str(r["seed"]).startswith(seed)]
    if not rows:
        pytest.skip("../shared/gold is absent")
    ref = dt.date.fromisoformat(str(rows[0]["ref"])) if with_ref else None
    article = mn.parse(seed_path(seed).read_text(encoding="utf-8"), ref=ref)
    if article.published is None and ref is None:
        assert all(m.date is None for m in article.dates if m.relative)
        return
    checked = 0
    for row in rows:
        for gm in row["mentions"]:  # type: ignore[attr-defined]
            found = [m for m in article.dates if gm["surface"] in m.text and m.relative]
            for m in found:
                checked += 1
                assert (m.date.isoformat() if m.date else None) == gm["greg"], (m.text, gm)
                ymd = (m.year, m.month, m.day)
                assert all(g is None or g == v for g, v in zip(gm["ymd"], ymd, strict=True))
    assert checked > 0 or not any(m.relative for m in article.dates)


def test_enriched_copy_is_attrs_evolve() -> None:
    import attrs

    from mideastnews.enrich import _evolved

    article = mn.parse(seed_path("004").read_bytes())
    for changes in ({}, {"published": dt.date(2023, 12, 8), "published_inferred": True},
                    {"dates": list(article.dates), "quotes": list(article.quotes), "warnings": ["w", "w2"]}):
        got, want = _evolved(article, dict(changes)), attrs.evolve(article, **changes)
        assert got == want
        assert got.to_dict() == want.to_dict()
        for f in attrs.fields(mn.Article):
            assert type(getattr(got, f.name)) is type(getattr(want, f.name))
