"""normalize: each step, its switch and default; idempotence; Article.normalized()."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mideastnews.model import Article, Quote
from mideastnews.text import normalize
from mideastnews.text.normalize import STEPS

Z = "\u200c"
OFF = dict.fromkeys(STEPS, False)


def only(step: str, text: str, lang: str = "fa") -> str:
    """``text`` through one step alone."""
    return normalize(text, lang, **{**OFF, step: True})


def test_defaults_documented() -> None:
    assert STEPS == {"nfkc": True, "letters": True, "tatweel": True, "diacritics": False,
                     "digits": False, "invisible": True, "zwnj": False, "spacing": True}


def test_nfkc_folds_presentation_forms() -> None:
    assert only("nfkc", "\ufefb", "ar") == "لا"  # lam-alef ligature
    assert only("nfkc", "\ufe91\ufeb4\ufee2", "ar") == "بسم"  # initial/medial/final forms
    assert only("nfkc", "\ufdf2", "ar") == "الله"
    assert only("nfkc", "\ufbfc\ufb8e", "fa") == "یک"  # Farsi yeh and keheh isolated forms


def test_letters_persian_after_nfkc() -> None:
    # NFKC folds the Arabic yeh's presentation form to «ي»; the letter step then makes it «ی».
    assert normalize("\ufef1\ufedb\ufeea", "fa", spacing=False) == "یکه"
    assert normalize("كتاب علي و موسى", "fa") == "کتاب علی و موسی"
    assert only("letters", "ھە", "fa") == "هه"
    assert only("letters", "كتاب علي", "fa") == "کتاب علی"
    # Arabic typed on a Persian keyboard
    assert only("letters", "کتاب علی", "ar") == "كتاب علي"
    # other languages: no letter mapping
    assert only("letters", "كتاب ی", "ur") == "كتاب ی"


def test_letters_off_keeps_arabic_forms() -> None:
    assert normalize("كتاب علي", "fa", letters=False) == "كتاب علي"


def test_tatweel() -> None:
    assert only("tatweel", "الســـلام") == "السلام"
    assert normalize("الســـلام", "ar", tatweel=False) == "الســـلام"


def test_diacritics_off_by_default() -> None:
    text = "مُحَمَّدٌ"
    assert normalize(text, "ar") == text
    assert normalize(text, "ar", diacritics=True) == "محمد"
    assert only("diacritics", "قُرْآنٰ", "ar") == "قرآن"


def test_digits_off_by_default() -> None:
    assert normalize("۱۴۰۲ و ٢٠٢٣", "fa") == "۱۴۰۲ و ٢٠٢٣"
    assert normalize("۱۴۰۲ و ٢٠٢٣", "fa", digits=True) == "1402 و 2023"
    assert only("digits", "۳٫۷ و ۱٬۰۰۰", "fa") == "3.7 و 1,000"
    assert only("digits", "٫ نعم", "ar") == "٫ نعم"  # a separator not between digits stays


def test_invisible_marks() -> None:
    text = "\u200fسلام\u200e \u202bدنیا\u202c\u200b\u200d\ufeff\u2067x\u2069"
    assert only("invisible", text, "fa") == "سلام دنیاx"
    # ZWNJ: kept in Persian between letters, runs collapsed, strays dropped
    assert only("invisible", "می" + Z + Z + "کنند" + Z + " " + Z + "ها" + Z, "fa") == "می" + Z + "کنند ها"
    # removed in Arabic
    assert only("invisible", "في" + Z + "ها", "ar") == "فيها"
    assert normalize("می" + Z + "کنند", "fa", invisible=False) == "می" + Z + "کنند"


def test_zwnj_step_is_persian_only() -> None:
    assert normalize("آنها میکنند", "fa", zwnj=True) == f"آن{Z}ها می{Z}کنند"
    assert normalize("آنها میکنند", "fa") == "آنها میکنند"
    assert normalize("قالوا إنهم يعملون", "ar", zwnj=True) == "قالوا إنهم يعملون"


def test_spacing() -> None:
    assert only("spacing", "سلام   ،  دنیا  .", "fa") == "سلام، دنیا."
    assert only("spacing", "«  سلام  »  ( دنیا )", "fa") == "«سلام» (دنیا)"
    assert only("spacing", "گفت:سلام،دنیا؟بله", "fa") == "گفت: سلام، دنیا؟ بله"
    assert only("spacing", "گفت«سلام»و رفت(امروز)دیروز", "fa") == "گفت «سلام» و رفت (امروز) دیروز"
    assert only("spacing", "f(x) و [1]", "fa") == "f(x) و [1]"
    assert only("spacing", "  سطر اول  \n  سطر دوم ", "fa") == "سطر اول\nسطر دوم"
    # digits and Latin keep their separators
    assert only("spacing", "زلزله ۳.۷ ریشتری ساعت 10:30 در example.com", "fa") == \
        "زلزله ۳.۷ ریشتری ساعت 10:30 در example.com"
    assert only("spacing", "سال ۱۴۰۲.بعد", "fa") == "سال ۱۴۰۲. بعد"
    assert normalize("سلام   ،", "fa", spacing=False) == "سلام   ،"


def test_all_steps_together() -> None:
    text = "\u200fﻛﺘﺎﺏ  الســـلام ، ۱۲٫۵ درصد\u200b"
    assert normalize(text, "fa", digits=True) == "کتاب السلام، 12.5 درصد"


def test_lang_tags() -> None:
    assert normalize("كتاب", "fa-IR") == normalize("كتاب", "fa") == "کتاب"


def test_errors() -> None:
    with pytest.raises(TypeError):
        normalize(None, "fa")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        normalize("x", 1)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        normalize("x", "fa", unknown_step=True)  # type: ignore[call-arg]


ALPHABET = (
    "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكىةءأإؤئآ"  # Persian and Arabic letters
    "\ufefb\ufe91\ufef1\ufbfc\ufdf2"  # presentation forms
    "\u064b\u064e\u0650\u0651\u0652\u0653\u0654\u0670\u06d6"  # marks
    "\u0640"  # tatweel
    "0123456789۰۱۲۳٠١٢٫٬"  # digits and separators
    " \t\n.،؛:؟!«»()"  # spacing and punctuation
    "\u200c\u200d\u200e\u200f\u202b\u202c\u2067\u2069\ufeffab"
)


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet=ALPHABET, max_size=60),
    st.sampled_from(["fa", "ar", "en"]),
    st.fixed_dictionaries({name: st.booleans() for name in STEPS}),
)
def test_idempotent(text: str, lang: str, steps: dict[str, bool]) -> None:
    once = normalize(text, lang, **steps)
    assert normalize(once, lang, **steps) == once


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60), st.sampled_from(["fa", "ar"]))
def test_idempotent_defaults(text: str, lang: str) -> None:
    once = normalize(text, lang)
    assert normalize(once, lang) == once


NASTY = [
    "",
    "\ufefb\u0640\u064b \u200c\u200c ، ، «  »  ( )\n  \t",
    "ﻛﺘﺎﺏ الســـلام ، ۱۲٫۵ درصد\u200b\u200f",
    "ا\u064b\u0653 ي\u0654 \u0627\u0670\u0653",
    "می\u200c\u200cکنند\u200c . برنامههای«سلام»و(x)ها:بله؟نه!",
    "٫٬۱٫۲٬۳ 1.5 ١٢٫٥٬ :ب .ب ،ب",
    "\u202bعربي\u202c \u2067فارسی\u2069 \ufeffx\u00ad",
    "ۀ ە ھ ى ك ي ی ک \ufdf2 \ufbfc",
    "گفت«سلام»و رفت . . .بعد !!؟؟",
]


def test_idempotent_every_combination() -> None:
    # Every language and every one of the 256 combinations of switches, on nasty strings.
    for lang in ("fa", "ar", "en"):
        for values in itertools.product((False, True), repeat=len(STEPS)):
            steps = dict(zip(STEPS, values, strict=True))
            for text in NASTY:
                once = normalize(text, lang, **steps)
                assert normalize(once, lang, **steps) == once, (lang, steps, text)


def _article(language: str) -> Article:
    return Article(
        source="test",
        title="برنامههاي   جديد ،  كشور",
        language=language,
        lead="متن ﻻ",
        paragraphs=["۱۲ ميكنند", "الســـلام"],
        captions=["عكس"],
        authors=["علي"],
        tags=["ايران"],
        quotes=[Quote("گفت ، بله", speaker="علي", paragraph=0)],
    )


def test_article_normalized_persian() -> None:
    art = _article("fa").normalized()
    assert art.title == "برنامههای جدید، کشور"
    assert art.lead == "متن لا"
    assert art.paragraphs == ("۱۲ میکنند", "السلام")
    assert art.captions == ("عکس",)
    assert art.authors == ("علی",)
    assert art.tags == ("ایران",)
    assert art.quotes[0].text == "گفت، بله"
    assert art.quotes[0].speaker == "علی"
    assert art.source == "test"
    assert art.language == "fa"
    assert art.description is None


def test_article_normalized_with_steps() -> None:
    art = _article("fa").normalized(digits=True, zwnj=True)
    assert art.title == f"برنامه{Z}های جدید، کشور"
    assert art.paragraphs[0] == f"12 می{Z}کنند"
    with pytest.raises(TypeError):
        _article("fa").normalized(nonsense=True)


def test_article_normalized_arabic() -> None:
    art = _article("ar").normalized()
    assert art.authors == ("علي",)
    assert art.captions == ("عكس",)


def test_zwnj_step_after_letters() -> None:
    # Persian typed with Arabic yeh and kaf: repair_zwnj alone leaves it, the zwnj step
    # folds the letters first.
    text = "آنها ميكنند و برنامههاي جديد دارند"
    assert normalize(text, "fa", zwnj=True) == f"آن{Z}ها می{Z}کنند و برنامه{Z}های جدید دارند"
