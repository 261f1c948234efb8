"""Nothing is lost: every word of a text dump is in some field of the article or in ``dropped``."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mideastnews as mn

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
WORD = re.compile(r"\w+")
PARSERS = ("rt", "almayadeen", "irna", "sputnik", "generic")


def words(texts: list[str]) -> Counter[str]:
    out: Counter[str] = Counter()
    for text in texts:
        out.update(WORD.findall(text))
    return out


def assert_nothing_lost(text: str, article: mn.Article) -> None:
    """Every word of every input line, as often as it occurs, is in the article's fields."""
    kept = words([
        article.title, article.lead or "", *article.paragraphs, *article.captions, *article.embeds,
        *article.credits, *article.tags, *article.authors, *(d.text for d in article.dropped),
    ])
    given_words = words(text.splitlines())
    missing = given_words - kept
    assert not missing, f"lost words: {sorted(missing)[:20]}"


# Lines of the kinds real dumps carry, for every site, mixed with free text.
PAGE_LINES = (
    "مباشر", "أين يمكنك متابعتنا", "أقسام مهمة", "Stories", "56 خبر", "• أخبار", "• اقتصاد", "  • قمة",
    "RT STORIES", "#اسأل_أكثر #Question_More", "RIA NOVOSTI", "Gettyimages.ru", "إقرأ المزيد",
    "هذا المحتوى مقدم من قناة روسيا اليوم", "المصدر: RT + وكالات", "اقرأ أيضاً", "اقرأ أيضاً: عنوان خبر",
    "شاهد أيضاً", "اخترنا لك", "تصفح المزيد", "اقرأ للكاتب", "اليوم 13:00", "12 اب", "19 اب 01:40",
    "شبكة الميادين الإعلامية قناة فضائية عربية", "جميع الحقوق محفوظة",
    "في السابع من تشرين الأول/أكتوبر 2023 أعلنت كتائب القسام معركة طوفان الأقصى، فاقتحمت المستوطنات.",
    "نص تغريدة عن #غزة pic.twitter.com/AbCd12", "Breaking news https://t.co/xyz123 more",
    "به گزارش آران نیوز به نقل از ایرنا کاظم جلالی گفت: متن خبر.", "به گزارش ایرنا، متن خبر.",
    "تهران- ایرنا- خلاصه خبر.", "نظر شما", "فیلم: ایرنا۲۴", "عکس: علی محمدی", "برچسب‌ها", "کد خبر: ۸۵۲۹۸۴۱۶",
    "تاریخ انتشار: ۸ آذر ۱۴۰۲ - ۱۲:۳۰", "تاریخ انتشار: ۳۰ اسفند ۱۴۰۲ - ۲۵:۷۰",
    "ارتباط نزدیک در عین وجود اختلاف نظرها وی یادآور شد: این تعامل ادامه دارد.",
    "00:00", "02:30 GMT", "150 د", "أمساليوم", "بث مباشر", "سبوتنيك عربي", "07.12.2023, سبوتنيك عربي",
    "31.02.2023, سبوتنيك عربي", "2023-12-07T10:15+0000", "2023-13-45T99:99+0000", "Sputnik",
    "© Sputnik / Photographer", "مناقشة", "https://cdn.example.com/img/a_b.jpg", "[ad_1]", "[ad_2]",
    "المصدر", "(CNN) -- Oil prices rose.", "العالم العربي", "Share this article",
    "قال الوزير إن المحادثات كانت مثمرة.", "فقرة قصيرة بلا نقطة", "وی گفت: متن.",
    "عنوان الخبر – RT World News", "عنوان – الميادين",
)
free_line = st.text(
    alphabet=st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإةىپچژگکی٠١٢۳۴0123456789"
                                  " .،:؛؟!\"«»•-–#@/_")),
    min_size=0, max_size=60,
)
line = st.one_of(st.sampled_from(PAGE_LINES), free_line)
dumps = st.lists(line, min_size=1, max_size=30).map(lambda lines: "\n".join(lines)).filter(
    lambda text: text.strip() != "")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=dumps, parser=st.sampled_from((None, *PARSERS)))
def test_generated_dumps_lose_nothing(text: str, parser: str | None) -> None:
    article = mn.parse(text, parser=parser)
    assert_nothing_lost(text, article)


@settings(max_examples=60, deadline=None)
@given(head=st.lists(st.sampled_from(PAGE_LINES), max_size=10),
       body=st.lists(free_line, min_size=1, max_size=10),
       gaps=st.sampled_from(("\n", "\n\n", "\n\n\n")))
def test_generated_pages_with_spacing_lose_nothing(head: list[str], body: list[str], gaps: str) -> None:
    text = gaps.join(["عنوان الخبر", *head, *body, *head])
    for parser in PARSERS:
        assert_nothing_lost(text, mn.parse(text, parser=parser))


SEEDS = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "golden" / "text").glob("*.txt"))


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
@pytest.mark.parametrize("parser", [None, *PARSERS])
def test_seeds_lose_nothing(path: Path, parser: str | None) -> None:
    text = path.read_text(encoding="utf-8")
    assert_nothing_lost(text, mn.parse(text, parser=parser))


@pytest.mark.corpus
def test_corpus_loses_nothing() -> None:
    folder = SHARED / "corpus" / "almayadeen"
    if not folder.is_dir():
        pytest.skip("../shared/corpus is absent")
    count = 0
    for path in sorted(folder.glob("HydrMhmad731_*.json")):
        for item in json.loads(path.read_text(encoding="utf-8")):
            text = item["title"] + "\n\n" + item["full_text"]
            assert_nothing_lost(text, mn.parse(text))
            count += 1
    assert count
