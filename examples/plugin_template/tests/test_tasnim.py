"""Tests of the Tasnim parser: the mideastnews contract, then what this site's pages hold.

The contract checks come from ``mideastnews.testing.ParserContract``; the
samples in ``samples/`` are short texts written for this template in the
layout of Tasnim's pages (replace them with dumps of your own crawl).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import mideastnews as mn
from hypothesis import given
from mideastnews.testing import ParserContract, article_texts, lost_words

from mn_tasnim import TasnimParser

SAMPLES = Path(__file__).parent / "samples"
FA_URL = "https://www.tasnimnews.com/fa/news/1402/09/08/2994321/slug"


class TestTasnimContract(ParserContract):
    """Every check of the contract, on the three text samples and the HTML page."""

    parser_class = TasnimParser
    text_samples = tuple(sorted(SAMPLES.glob("*.txt")))
    html_samples = tuple(sorted(SAMPLES.glob("*.html")))
    require_installed = True


def _sample(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


def test_parse_uses_the_plugin_for_tasnim_urls() -> None:
    assert mn.parsers()["tasnim"].status == "loaded"
    article = mn.parse(_sample("fa_politics.txt"), url=FA_URL)
    assert article.source == "tasnim"
    assert article.site_id == "2994321"
    assert article.language == "fa"
    assert mn.parse(_sample("fa_politics.txt"), url="https://tn.ai/2994321").site_id == "2994321"


def test_persian_dump_fields() -> None:
    article = mn.parse(_sample("fa_politics.txt"), url=FA_URL)
    assert article.title == "گفت‌وگوی وزیران خارجه ایران و روسیه درباره غزه و کریدور شمال-جنوب"
    assert article.lead is not None
    assert article.lead.startswith("وزیر امور خارجه کشورمان امروز چهارشنبه")
    assert article.paragraphs[0].startswith("به گزارش خبرنگار سیاسی خبرگزاری تسنیم،")
    assert article.credits == ("تسنیم",)
    assert article.tags == ("سیاست خارجی", "روسیه", "غزه")
    kinds = {d.text: d.kind for d in article.dropped}
    assert kinds["خبرگزاری تسنیم | Tasnim"] == "site-suffix"
    assert kinds["انتهای پیام/"] == "footer"
    assert kinds["https://tn.ai/2994321"] == "navigation"
    assert kinds["۰۸ آذر ۱۴۰۲ - ۱۲:۳۴"] == "timestamp"
    assert not any("بیشتر بخوانید" in p for p in article.paragraphs)


def test_time_stamp_is_tehran_time() -> None:
    article = mn.parse(_sample("fa_politics.txt"), url=FA_URL)
    assert article.published == dt.datetime(2023, 11, 29, 12, 34, tzinfo=dt.timezone(dt.timedelta(hours=3.5)))
    assert article.published_inferred is False


def test_english_and_arabic_credits() -> None:
    english = mn.parse(_sample("en_politics.txt"))
    assert (english.source, english.language, english.credits) == ("tasnim", "en", ("Tasnim",))
    assert english.tags == ("Iran", "Russia", "Gaza")
    arabic = mn.parse(_sample("ar_politics.txt"))
    assert (arabic.source, arabic.language, arabic.credits) == ("tasnim", "ar", ("تسنيم",))
    assert arabic.tags == ("إيران", "روسيا", "غزة")


def test_html_page() -> None:
    article = mn.parse(_sample("fa_politics.html"))
    assert article.source == "tasnim"
    assert article.title == "گفت‌وگوی وزیران خارجه ایران و روسیه درباره غزه"
    assert article.site_id == "2994321"
    assert article.section == "سیاست خارجی"
    assert article.captions == ("دیدار وزیران خارجه ایران و روسیه در مسکو",)
    assert article.credits == ("تسنیم",)
    assert article.published == dt.datetime(2023, 11, 29, 12, 34, tzinfo=dt.timezone(dt.timedelta(hours=3.5)))
    assert [d.kind for d in article.dropped] == ["footer"]


def test_a_report_about_tasnim_is_not_tasnim() -> None:
    # Another agency quoting Tasnim: the outermost credit is not Tasnim's.
    text = "عنوان خبر\n\nبه گزارش ایرنا به نقل از تسنیم، وزیر امروز به مسکو رفت.\nمتن دوم خبر."
    assert TasnimParser().score(mn.Document.from_source(text)) < 0.5


@given(text=article_texts(lang="fa"))
def test_persian_dumps_lose_nothing_with_a_url(text: str) -> None:
    article = TasnimParser().parse(mn.Document.from_source(text, url=FA_URL))
    assert lost_words(text, article) == []
    assert article.language == "fa"
