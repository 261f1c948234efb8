"""Month, weekday, ordinal, era and relative words in every spelling the region's news uses.

Every word is written here in one *canonical* spelling: Persian ``ی`` and ``ک``
for the Arabic ``ي ى`` and ``ك``, bare ``ا`` for ``أ إ آ ٱ``, ``ه`` for ``ة``,
no diacritics, no tatweel.  Inside a word ``" "`` stands for a required space
or ZWNJ and ``"_"`` for an optional one (``آذر_ماه`` is آذرماه, آذر ماه and
آذر‌ماه).  :func:`word_regex` turns such a list into a regular expression that
accepts every written variant, and :func:`canon` turns a matched surface back
into the lookup key of the tables below.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum

from .calendars import Calendar

__all__ = [
    "BIDI_AND_MARKS",
    "COUNT_UNITS_AR",
    "DAYPARTS",
    "DUAL_UNITS_AR",
    "ERAS",
    "LETTER_FORMS",
    "MONTHS",
    "MONTH_PREFIXES",
    "NUMBER_WORDS",
    "ORDINALS",
    "RELATIVE",
    "SINGLE_UNITS_AR",
    "UNITS_FA",
    "VAGUE_BEFORE",
    "WEEKDAYS",
    "Level",
    "Relative",
    "canon",
    "key",
    "word_regex",
]

#: Characters removed from the matching copy: bidi controls and other format
#: characters (ZWNJ is kept: it separates Persian words), Arabic diacritics,
#: the superscript alef and tatweel.
BIDI_AND_MARKS = (
    "\u00ad\u061c\u064b-\u065f\u0670\u0640\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u200b\u200d-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
)


class Level(IntEnum):
    """How much context a month name needs before it is read as a month.

    ``SAFE`` names are months wherever they stand; ``PREP`` names need a
    preposition, ``شهر``/``ماه``, a day or a year; ``STRICT`` names (also
    common words or given names: آب, صفر, رجب, مهر, آذر, می) need ``شهر``/``ماه``,
    a day or a year.
    """

    SAFE = 0
    PREP = 1
    STRICT = 2


G, H, J = Calendar.GREGORIAN, Calendar.HIJRI, Calendar.JALALI

_S, _P, _X = Level.SAFE, Level.PREP, Level.STRICT

# (spellings, calendar, month, level)
_MONTH_TABLE: tuple[tuple[tuple[str, ...], Calendar, int, Level], ...] = (
    # Gregorian: MSA / Egyptian
    (("ینایر", "يناير", "ینایِر"), G, 1, _S),
    (("فبرایر", "فبرایِر", "فیبرایر"), G, 2, _S),
    (("مارس",), G, 3, _P),
    (("ابریل", "ابریل"), G, 4, _S),
    (("مایو",), G, 5, _S),
    (("یونیو", "یونیه"), G, 6, _S),
    (("یولیو", "یولیه"), G, 7, _S),
    (("اغسطس", "اغسطوس"), G, 8, _S),
    (("سبتمبر", "سیبتمبر"), G, 9, _S),
    (("اکتوبر",), G, 10, _S),
    (("نوفمبر",), G, 11, _S),
    (("دیسمبر", "دجنبر"), G, 12, _S),
    # Levantine / Iraqi
    (("کانون الثانی",), G, 1, _S),
    (("شباط",), G, 2, _S),
    (("اذار",), G, 3, _S),
    (("نیسان",), G, 4, _P),
    (("ایار",), G, 5, _S),
    (("حزیران",), G, 6, _S),
    (("تموز",), G, 7, _P),
    (("اب",), G, 8, _X),
    (("ایلول",), G, 9, _S),
    (("تشرین الاول",), G, 10, _S),
    (("تشرین الثانی",), G, 11, _S),
    (("کانون الاول",), G, 12, _S),
    # Maghrebi (Algeria / Tunisia and Morocco)
    (("جانفی",), G, 1, _S),
    (("فیفری",), G, 2, _S),
    (("افریل",), G, 4, _S),
    (("مای",), G, 5, _X),
    (("جوان",), G, 6, _X),
    (("جویلیه", "جویلیت"), G, 7, _S),
    (("یولیوز",), G, 7, _S),
    (("اوت",), G, 8, _P),
    (("غشت",), G, 8, _S),
    (("شتنبر",), G, 9, _S),
    (("نونبر",), G, 11, _S),
    # Persian names of the Gregorian months
    (("ژانویه", "ژانویه_ی", "ژانوبه"), G, 1, _S),
    (("فوریه",), G, 2, _S),
    (("اوریل", "اپریل"), G, 4, _S),
    (("مه",), G, 5, _X),
    (("می",), G, 5, _X),
    (("ژوین", "ژوئن"), G, 6, _S),
    (("جون",), G, 6, _X),  # also «John»
    (("ژوییه", "ژوئیه", "جولای"), G, 7, _S),
    (("اگوست", "اگست"), G, 8, _S),
    (("سپتامبر",), G, 9, _S),
    (("اکتبر",), G, 10, _S),
    (("نوامبر",), G, 11, _S),
    (("دسامبر",), G, 12, _S),
    # English (CalendarDate.format(lang="en"))
    (("january", "jan"), G, 1, _S),
    (("february", "feb"), G, 2, _S),
    (("march",), G, 3, _P),
    (("april", "apr"), G, 4, _S),
    (("may",), G, 5, _X),
    (("june", "jun"), G, 6, _S),
    (("july", "jul"), G, 7, _S),
    (("august", "aug"), G, 8, _S),
    (("september", "sept", "sep"), G, 9, _S),
    (("october", "oct"), G, 10, _S),
    (("november", "nov"), G, 11, _S),
    (("december", "dec"), G, 12, _S),
    # Hijri (Arabic and Persian spellings)
    (("محرم", "محرم الحرام"), H, 1, _X),
    (("صفر", "صفر الخیر", "صفر المظفر"), H, 2, _X),
    (("ربیع الاول", "ربیع_الاول", "ربیع الاول"), H, 3, _S),
    (("ربیع الاخر", "ربیع الثانی", "ربیع_الثانی", "ربیع_الاخر"), H, 4, _S),
    (("جمادی الاولی", "جمادی_الاول", "جمادی الاول", "جمادی_الاولی"), H, 5, _S),
    (("جمادی الاخره", "جمادی الثانیه", "جمادی_الثانی", "جمادی الاخر", "جمادی_الاخر", "جمادی_الثانیه"),
     H, 6, _S),
    (("رجب", "رجب المرجب"), H, 7, _P),
    (("شعبان", "شعبان المعظم"), H, 8, _P),
    (("رمضان", "رمضان المبارک"), H, 9, _P),
    (("شوال", "شوال المکرم"), H, 10, _P),
    (("ذو القعده", "ذی القعده", "ذی_القعده", "ذوالقعده", "ذا القعده"), H, 11, _S),
    (("ذو الحجه", "ذی الحجه", "ذی_الحجه", "ذوالحجه", "ذا الحجه"), H, 12, _S),
    # Hijri, English transliterations
    (("muharram",), H, 1, _S),
    (("safar",), H, 2, _X),
    (("rabi al-awwal", "rabi' al-awwal", "rabi i", "rabi al-awal"), H, 3, _S),
    (("rabi al-thani", "rabi' al-thani", "rabi al-akhir", "rabi' al-akhir", "rabi ii"), H, 4, _S),
    (("jumada al-ula", "jumada al-awwal", "jumada al-oula", "jumada i"), H, 5, _S),
    (("jumada al-akhirah", "jumada al-thani", "jumada al-akhira", "jumada al-thaniyah", "jumada ii"),
     H, 6, _S),
    (("rajab",), H, 7, _X),
    (("sha'ban", "shaban"), H, 8, _X),
    (("ramadan", "ramazan"), H, 9, _X),
    (("shawwal",), H, 10, _S),
    (("dhu al-qadah", "dhu al-qa'dah", "dhu al-qidah", "dhul-qadah", "dhu al-qa'da"), H, 11, _S),
    (("dhu al-hijjah", "dhul-hijjah", "dhu al-hijja"), H, 12, _S),
    # Solar Hijri, bare (with ماه: see _JALALI_MAH below)
    (("فروردین",), J, 1, _P),
    (("اردیبهشت",), J, 2, _P),
    (("خرداد",), J, 3, _P),
    (("تیر",), J, 4, _X),
    (("مرداد", "امرداد"), J, 5, _P),
    (("شهریور",), J, 6, _P),
    (("مهر",), J, 7, _X),
    (("ابان",), J, 8, _P),
    (("اذر",), J, 9, _X),
    (("دی",), J, 10, _X),
    (("بهمن",), J, 11, _X),
    (("اسفند",), J, 12, _P),
    # Solar Hijri, English transliterations
    (("farvardin",), J, 1, _S),
    (("ordibehesht",), J, 2, _S),
    (("khordad",), J, 3, _S),
    (("tir",), J, 4, _X),
    (("mordad", "amordad"), J, 5, _S),
    (("shahrivar",), J, 6, _S),
    (("mehr",), J, 7, _X),
    (("aban",), J, 8, _X),
    (("azar",), J, 9, _X),
    (("dey",), J, 10, _X),
    (("bahman",), J, 11, _X),
    (("esfand",), J, 12, _S),
)

#: Solar Hijri month names that carry ماه are months anywhere: آذرماه, آذر ماه.
_JALALI_MAH = tuple(
    (tuple(f"{w}_ماه" for w in words), cal, month, Level.SAFE)
    for words, cal, month, _lvl in _MONTH_TABLE
    if cal is J and words[0][0] not in "abcdefghijklmnopqrstuvwxyz"
)

_CANON = str.maketrans(
    {
        "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "ھ": "ه", "ؤ": "و",
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ء": "ء",
        "\u200c": "", " ": "", "_": "", "\u00a0": "", "\u0640": "", "'": "", "-": "",
        "’": "", "ʿ": "", "ʾ": "",
    }
)


def canon(surface: str) -> str:
    """The lookup key of a matched surface: canonical letters, no spaces, lower case.

    Args:
        surface: A word or phrase as written.

    Returns:
        The key under which the tables of this module file it.
    """
    got = _CANON_CACHE.get(surface)
    if got is None:
        got = surface.lower().translate(_CANON)
        if len(_CANON_CACHE) < 8192:
            _CANON_CACHE[surface] = got
    return got


_CANON_CACHE: dict[str, str] = {}


def key(word: str) -> str:
    """The lookup key of a canonical lexicon word (its ``" "`` and ``"_"`` dropped).

    Args:
        word: A word in this module's canonical spelling.

    Returns:
        The same key :func:`canon` gives every written variant of it.
    """
    return canon(word)


#: key -> (calendar, month, level)
MONTHS: dict[str, tuple[Calendar, int, Level]] = {}
_MONTH_WORDS: dict[Level, list[str]] = {lvl: [] for lvl in Level}
for _words, _cal, _month, _lvl in _MONTH_TABLE + _JALALI_MAH:
    for _w in _words:
        MONTHS.setdefault(key(_w), (_cal, _month, _lvl))
        _MONTH_WORDS[_lvl].append(_w)

MONTH_WORDS: tuple[str, ...] = tuple(w for lvl in Level for w in _MONTH_WORDS[lvl])

#: Words that make any month name a month: شهر رجب, ماه رمضان, ماه مبارک رمضان.
MONTH_PREFIXES = ("شهر", "ماه", "ماه مبارک", "شهر رمضان المبارک")

# Weekdays: key -> 0 (Monday) .. 6 (Sunday)
_WEEKDAY_TABLE: tuple[tuple[tuple[str, ...], int], ...] = (
    (("الاثنین", "الاتنین", "الثنین", "دو_شنبه", "monday"), 0),
    (("الثلاثاء", "الثلاثا", "سه_شنبه", "tuesday"), 1),
    (("الاربعاء", "الاربعا", "چهار_شنبه", "wednesday"), 2),
    (("الخمیس", "پنج_شنبه", "thursday"), 3),
    (("الجمعه", "جمعه", "ادینه", "friday"), 4),
    (("السبت", "شنبه", "saturday"), 5),
    (("الاحد", "یک_شنبه", "sunday"), 6),
)
WEEKDAYS: dict[str, int] = {key(w): d for words, d in _WEEKDAY_TABLE for w in words}
WEEKDAY_WORDS: tuple[str, ...] = tuple(w for words, _d in _WEEKDAY_TABLE for w in words)

# Ordinal day words: Arabic (both genders, غرة) and Persian.
_AR_UNITS_M = ("الاول", "الثانی", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع")
_AR_UNITS_F = ("الاولی", "الثانیه", "الثالثه", "الرابعه", "الخامسه", "السادسه", "السابعه", "الثامنه",
               "التاسعه")
_AR_COMPOUND_M = ("الحادی", *_AR_UNITS_M[1:])
_AR_COMPOUND_F = ("الحادیه", *_AR_UNITS_F[1:])
_FA_UNITS = ("یکم", "دوم", "سوم", "چهارم", "پنجم", "ششم", "هفتم", "هشتم", "نهم")


def _ordinals() -> dict[str, int]:
    out: dict[str, int] = {}
    for i, (m, f) in enumerate(zip(_AR_UNITS_M, _AR_UNITS_F, strict=True), start=1):
        out[m] = out[f] = i
    out["العاشر"] = out["العاشره"] = 10
    for i, (m, f) in enumerate(zip(_AR_COMPOUND_M, _AR_COMPOUND_F, strict=True), start=11):
        out[f"{m} عشر"] = out[f"{f} عشره"] = out[f"{f} عشر"] = i
    out["العشرین"] = 20
    out["الثلاثین"] = 30
    for tens, tval in (("العشرین", 20), ("الثلاثین", 30)):
        for i, (m, f) in enumerate(zip(_AR_COMPOUND_M, _AR_COMPOUND_F, strict=True), start=1):
            if tval + i > 31:
                break
            out[f"{m} و_{tens}"] = out[f"{f} و_{tens}"] = tval + i
    out["غره"] = 1
    out["الفاتح"] = 1  # Maghrebi: «الفاتح ماي», «الفاتح من نوفمبر»
    # Persian
    for i, w in enumerate(_FA_UNITS, start=1):
        out[w] = i
    out["اول"] = 1
    out["یکم"] = 1
    for i, w in enumerate(("دهم", "یازدهم", "دوازدهم", "سیزدهم", "چهاردهم", "پانزدهم", "شانزدهم", "هفدهم",
                           "هجدهم", "نوزدهم", "بیستم"), start=10):
        out[w] = i
    out["هیجدهم"] = 18
    out["پونزدهم"] = 15
    for i, w in enumerate(_FA_UNITS, start=21):
        out[f"بیست_و_{w}"] = i
    out["بیست_و_اول"] = 21
    out["سی_ام"] = 30
    out["سیم"] = 30
    out["سی_و_یکم"] = 31
    out["سی_و_اول"] = 31
    return out


_ORDINAL_WORDS = _ordinals()
ORDINALS: dict[str, int] = {key(w): v for w, v in _ORDINAL_WORDS.items()}
ORDINAL_WORDS: tuple[str, ...] = tuple(_ORDINAL_WORDS)

#: Era marks after a year: key -> calendar.
_ERA_TABLE: tuple[tuple[tuple[str, ...], Calendar], ...] = (
    (("ه", "هجری", "هجریه", "للهجره", "هجریا", "ه ق", "ه.ق", "ه. ق", "هق", "ق", "قمری",
      "هجری قمری", "ah", "a.h.", "h"), H),
    (("ه ش", "ه.ش", "ه. ش", "هش", "ش", "شمسی", "هجری شمسی", "هجری خورشیدی", "خورشیدی",
      "ap", "sh", "s.h.", "a.p."), J),
    (("م", "میلادی", "میلادیه", "ce", "ad", "a.d.", "c.e."), G),
)
ERAS: dict[str, Calendar] = {canon(w).replace(".", ""): c for words, c in _ERA_TABLE for w in words}
ERA_WORDS: tuple[str, ...] = tuple(w for words, _c in _ERA_TABLE for w in words)

#: Parts of the day that may stand before a date: «صباح يوم الجمعة», «بامداد امروز».
DAYPARTS = ("صباح", "مساء", "ظهر", "عصر", "فجر", "لیله", "لیل", "ضحی", "منتصف لیل", "صبح", "بامداد",
            "ظهیره", "شامگاه", "صبحگاه", "نیمه شب", "سحر",
            "ظهر", "شب", "غروب", "عصر", "بعد از ظهر", "بعدازظهر", "ظهر")

#: Adverbs after a clock time: «7:00 صباحاً».
TIME_ADVERBS = ("صباحا", "مساء", "مساءا", "ظهرا", "عصرا", "لیلا", "فجرا", "صبح", "عصر", "شب", "ظهر",
                "بامداد", "بعد از ظهر", "بعدازظهر", "am", "pm", "a.m.", "p.m.")


class Relative(IntEnum):
    """The unit a relative phrase moves by."""

    DAY = 0
    WEEK = 1
    MONTH = 2
    YEAR = 3


# Relative phrases: (spellings, unit, offset, Persian?)
_RELATIVE_TABLE: tuple[tuple[tuple[str, ...], Relative, int, bool], ...] = (
    (("الیوم", "هذا الیوم"), Relative.DAY, 0, False),
    (("امس", "الامس", "البارحه", "یوم امس", "اللیله الماضیه"), Relative.DAY, -1, False),
    (("اول امس", "امس الاول", "اول من امس"), Relative.DAY, -2, False),
    (("غدا", "غد", "یوم غد", "الغد"), Relative.DAY, 1, False),
    (("بعد غد", "بعد غدا"), Relative.DAY, 2, False),
    (("امروز", "امشب"), Relative.DAY, 0, True),
    (("دیروز", "دیشب", "روز گذشته", "شب گذشته"), Relative.DAY, -1, True),
    (("پریروز",), Relative.DAY, -2, True),
    (("فردا", "فردا شب"), Relative.DAY, 1, True),
    (("پس_فردا",), Relative.DAY, 2, True),
    (("الاسبوع الماضی", "الاسبوع المنصرم", "الاسبوع الفائت", "الاسبوع السابق"), Relative.WEEK, -1, False),
    (("الاسبوع الجاری", "الاسبوع الحالی", "هذا الاسبوع"), Relative.WEEK, 0, False),
    (("الاسبوع المقبل", "الاسبوع القادم"), Relative.WEEK, 1, False),
    (("الشهر الماضی", "الشهر المنصرم", "الشهر الفائت", "الشهر السابق"), Relative.MONTH, -1, False),
    (("الشهر الجاری", "الشهر الحالی", "هذا الشهر"), Relative.MONTH, 0, False),
    (("الشهر المقبل", "الشهر القادم"), Relative.MONTH, 1, False),
    (("العام الماضی", "العام المنصرم", "العام الفائت", "السنه الماضیه", "السنه المنصرمه", "العام السابق"),
     Relative.YEAR, -1, False),
    (("العام الجاری", "العام الحالی", "هذا العام", "السنه الجاریه", "السنه الحالیه", "هذه السنه"),
     Relative.YEAR, 0, False),
    (("العام المقبل", "العام القادم", "السنه المقبله", "السنه القادمه"), Relative.YEAR, 1, False),
    (("هفته گذشته", "هفته پیش", "هفته قبل"), Relative.WEEK, -1, True),
    (("این هفته", "هفته جاری"), Relative.WEEK, 0, True),
    (("هفته اینده", "هفته بعد", "هفته اتی"), Relative.WEEK, 1, True),
    (("ماه گذشته", "ماه پیش", "ماه قبل"), Relative.MONTH, -1, True),
    (("این ماه", "ماه جاری"), Relative.MONTH, 0, True),
    (("ماه اینده", "ماه بعد", "ماه اتی"), Relative.MONTH, 1, True),
    (("سال گذشته", "سال پیش", "سال قبل", "پارسال"), Relative.YEAR, -1, True),
    (("امسال", "سال جاری"), Relative.YEAR, 0, True),
    (("سال اینده", "سال بعد", "سال اتی"), Relative.YEAR, 1, True),
)
#: key -> (unit, offset, written in Persian)
RELATIVE: dict[str, tuple[Relative, int, bool]] = {
    key(w): (u, o, fa) for words, u, o, fa in _RELATIVE_TABLE for w in words
}
RELATIVE_WORDS: tuple[str, ...] = tuple(w for words, *_rest in _RELATIVE_TABLE for w in words)
#: The day-level relative words that may stand before a weekday: «أمس الخميس», «امروز پنجشنبه».
RELATIVE_DAY_WORDS: tuple[str, ...] = tuple(
    w for words, u, _o, _fa in _RELATIVE_TABLE if u is Relative.DAY for w in words
    if key(w) not in {key("هذا الیوم"), key("الغد"), key("غد")}
)

#: Weekday qualifiers: key -> -1 (the one before ref), +1 (the next after ref), 0 (this week's).
_WEEKDAY_QUALIFIER_TABLE: tuple[tuple[str, int], ...] = (
        ("الماضی", -1), ("الفائت", -1), ("المنصرم", -1), ("السابق", -1), ("الماضیه", -1),
        ("الفائته", -1), ("المنصرمه", -1), ("المقبل", 1), ("القادم", 1), ("المقبله", 1), ("القادمه", 1),
        ("المقبلین", 1), ("القادمین", 1), ("الماضیین", -1),
        ("اینده", 1), ("هفته اینده", 1), ("هفته بعد", 1),
        ("گذشته", -1), ("هفته گذشته", -1), ("هفته پیش", -1), ("هفته قبل", -1),
        ("این هفته", 0), ("هذا الاسبوع", 0), ("من هذا الاسبوع", 0),
)
WEEKDAY_QUALIFIERS: dict[str, int] = {key(w): v for w, v in _WEEKDAY_QUALIFIER_TABLE}
WEEKDAY_QUALIFIER_WORDS: tuple[str, ...] = tuple(w for w, _v in _WEEKDAY_QUALIFIER_TABLE)

#: What may follow a month with no year: ``("month", d)``: «ديسمبر الجاري» (d = 0), «آذر ماه گذشته»
#: (-1), «مايو المقبل» (+1), counted from ref's month; ``("year", d)``: «من العام الماضي», «امسال»;
#: ``("every", 0)``: a recurring day, «من كل عام», «هر سال» (the year stays open).
_MONTH_QUALIFIER_TABLE: tuple[tuple[str, tuple[str, int]], ...] = (
        ("الجاری", ("month", 0)), ("الحالی", ("month", 0)), ("الماضی", ("month", -1)),
        ("المنصرم", ("month", -1)), ("الفائت", ("month", -1)), ("السابق", ("month", -1)),
        ("المقبل", ("month", 1)), ("القادم", ("month", 1)),
        ("گذشته", ("month", -1)), ("اینده", ("month", 1)), ("جاری", ("month", 0)),
        ("من العام الماضی", ("year", -1)), ("العام الماضی", ("year", -1)),
        ("من السنه الماضیه", ("year", -1)), ("السنه الماضیه", ("year", -1)),
        ("من العام الجاری", ("year", 0)), ("من العام الحالی", ("year", 0)), ("من هذا العام", ("year", 0)),
        ("العام الجاری", ("year", 0)), ("العام الحالی", ("year", 0)), ("هذا العام", ("year", 0)),
        ("من العام المقبل", ("year", 1)), ("العام المقبل", ("year", 1)), ("من العام القادم", ("year", 1)),
        ("العام القادم", ("year", 1)),
        ("امسال", ("year", 0)), ("سال جاری", ("year", 0)), ("سال گذشته", ("year", -1)),
        ("پارسال", ("year", -1)), ("سال قبل", ("year", -1)), ("سال اینده", ("year", 1)),
        ("سال بعد", ("year", 1)),
        ("هر سال", ("every", 0)), ("هر ساله", ("every", 0)), ("من کل عام", ("every", 0)),
        ("کل عام", ("every", 0)),
        ("من کل سنه", ("every", 0)), ("سنویا", ("every", 0)),
)
MONTH_QUALIFIERS: dict[str, tuple[str, int]] = {key(w): v for w, v in _MONTH_QUALIFIER_TABLE}
MONTH_QUALIFIER_WORDS: tuple[str, ...] = tuple(w for w, _v in _MONTH_QUALIFIER_TABLE)

#: Numbers written as words before a unit: «ثلاثة أيام», «سه روز».
_NUMBER_TABLE: tuple[tuple[tuple[str, ...], int], ...] = (
    (("ثلاثه", "ثلاث"), 3), (("اربعه", "اربع"), 4), (("خمسه", "خمس"), 5), (("سته", "ست"), 6),
    (("سبعه", "سبع"), 7), (("ثمانیه", "ثمانی", "ثمان"), 8), (("تسعه", "تسع"), 9), (("عشره", "عشر"), 10),
    (("یک",), 1), (("دو",), 2), (("سه",), 3), (("چهار",), 4), (("پنج",), 5), (("شش",), 6), (("هفت",), 7),
    (("هشت",), 8), (("نه",), 9), (("ده",), 10), (("یازده",), 11), (("دوازده",), 12), (("سیزده",), 13),
    (("چهارده",), 14), (("پانزده",), 15), (("بیست",), 20), (("سی",), 30),
)
NUMBER_WORDS: dict[str, int] = {key(w): n for words, n in _NUMBER_TABLE for w in words}

#: Arabic units after a count (plural / accusative singular): key -> Relative.
COUNT_UNITS_AR: dict[str, Relative] = {
    key(w): u for w, u in (
        ("ایام", Relative.DAY), ("یوما", Relative.DAY), ("اسابیع", Relative.WEEK), ("اسبوعا", Relative.WEEK),
        ("اشهر", Relative.MONTH), ("شهور", Relative.MONTH), ("شهرا", Relative.MONTH),
        ("اعوام", Relative.YEAR), ("عاما", Relative.YEAR), ("سنوات", Relative.YEAR), ("سنه", Relative.YEAR),
        ("سنین", Relative.YEAR),
    )
}
#: Arabic dual units: «يومين» = 2 days.
DUAL_UNITS_AR: dict[str, Relative] = {
    key(w): u for w, u in (
        ("یومین", Relative.DAY), ("اسبوعین", Relative.WEEK), ("شهرین", Relative.MONTH),
        ("عامین", Relative.YEAR), ("سنتین", Relative.YEAR),
    )
}
#: Arabic single units after «قبل» (a week ago): key -> Relative.
SINGLE_UNITS_AR: dict[str, Relative] = {
    key(w): u for w, u in (
        ("یوم", Relative.DAY), ("اسبوع", Relative.WEEK), ("شهر", Relative.MONTH), ("عام", Relative.YEAR),
        ("سنه", Relative.YEAR),
    )
}
#: Persian units: key -> Relative.
UNITS_FA: dict[str, Relative] = {
    key(w): u for w, u in (
        ("روز", Relative.DAY), ("هفته", Relative.WEEK), ("ماه", Relative.MONTH), ("سال", Relative.YEAR),
    )
}

#: Words before a count that make it vague or a length, not a date: «منذ نحو عام», «حدود سه روز پیش».
VAGUE_BEFORE = frozenset(
    key(w) for w in (
        "نحو", "حوالی", "قرابه", "زهاء", "یقارب", "اکثر", "اقل", "بضعه", "عده", "حدود", "حدودا", "نزدیک",
        "بیش", "کمتر", "تقریبا", "چند", "طی", "طول", "ظرف", "مدت", "لمده", "خلال", "طوال", "یک", "اخر",
        "اخیر", "مثل", "ذلک", "تلک",
    )
)

#: Words that make «منذ N أيام» a length («the war, ongoing for 34 days»), not a day («3 days ago»)
#: when they stand earlier in its clause.
ONGOING_BEFORE = frozenset(
    key(w) for w in (
        "المستمر", "المستمره", "مستمر", "مستمره", "المتواصل", "المتواصله", "متواصل", "متواصله", "یتعرض",
        "تتعرض", "یعیش", "تعیش", "یزال", "تزال", "زال", "زالت", "یستمر", "تستمر", "استمر", "استمرت", "یتواصل",
        "تتواصل", "یعانی", "تعانی", "المفروض", "المفروضه", "یخوض", "تخوض", "تدور", "یدور", "قائم", "قائمه",
        "القائم",
        "القائمه", "تشن", "یشن", "الدایر", "الدائر", "الدائره", "یشهد", "تشهد", "مضی", "طیله", "طوال", "مدی",
    )
)

#: Future cues: earlier in a bare weekday's clause they make it the next such day on or after ref
#: («ستعقد القمة الأحد», «من المقرر أن يلتقي الرئيسان السبت», «قرار است … شنبه»).
FUTURE_BEFORE = frozenset(
    key(w) for w in (
        "سوف", "المقرر", "المنتظر", "المرتقب", "یعتزم", "تعتزم", "یرتقب", "سیعقد", "ستعقد", "سیلتقی",
        "ستلتقی", "سیزور", "ستزور", "سیتوجه", "ستتوجه", "سیصل", "ستصل", "سیبدا", "ستبدا", "سینطلق", "ستنطلق",
        "سیجری", "ستجری", "سیشارک", "ستشارک", "سیلقی", "ستلقی", "سیکون", "ستکون", "سیتم", "ستقام", "سیقام",
        "سیعلن", "ستعلن", "سیستضیف", "تستضیف", "ستستضیف", "سیجتمع", "ستجتمع", "سیصوت", "سیناقش", "ستناقش",
        "سیعود", "ستعود", "سیغادر", "ستغادر", "خواهد", "خواهند", "خواهیم",
    )
)

#: Year words before a bare year: «عام 2022», «سال ۱۹۷۸».
YEAR_WORDS = ("عام", "العام", "سنه", "السنه", "سال", "عامی", "العامین", "سالهای", "سال های", "year")
#: Nouns for a part of a year: before «من»/«في» they make the number after it a year («الربع الأول من
#: 2024», «النصف الثاني من 2023», «تابستان ۱۴۰۲»).
TIME_NOUNS = frozenset(
    key(w) for w in ("الربع", "النصف", "الثلث", "الاول", "الثانی", "الثالث", "الرابع", "الاخیر", "بدایه",
                     "نهایه", "مطلع", "اواخر", "اوائل", "منتصف", "ربیع", "صیف", "خریف", "شتاء", "موسم", "فصل",
                     "نیمه", "تابستان", "زمستان", "بهار", "پاییز", "اوایل", "اواسط")
)
#: Prepositions strong enough to make even an ambiguous month name a month: «اواسط آذر», «مطلع تموز».
TEMPORAL_PREPOSITIONS = ("مطلع", "اوائل", "اواخر", "منتصف", "نهایه", "بدایه", "اواسط", "اوایل", "ابتدای",
                         "پایان", "نیمه", "طوال")
#: Words before a month or a year that make it a date: «في أبريل», «در سال».
PREPOSITIONS = ("فی", "منذ", "خلال", "حتی", "مطلع", "اوائل", "اواخر", "منتصف", "نهایه", "بدایه", "اواسط",
                "طوال", "قبل", "بعد", "الی", "من", "در", "از", "تا", "اوایل", "ابتدای", "پایان", "طی",
                "بحلول", "اعتبارا", "in",
                "since", "until")
#: Words that may follow a bare «في 2023» and keep it a year (not a count of things).
YEAR_FOLLOWERS = frozenset(
    key(w) for w in (
        "و", "عندما", "حین", "حیث", "الی", "حتی", "ثم", "بعد", "قبل", "فی", "من", "علی", "عن", "لکن", "کما",
        "اذ", "تا", "به", "که", "در", "از", "با", "را", "بود", "شد", "است", "میلادی", "شمسی", "قمری",
        # «في 2023 وحدها», «منذ 2014 فقط»: «alone», «only», «also», «itself» after a year
        "وحده", "وحدها", "فقط", "ایضا", "نفسه", "نفسها", "هم", "نیز",
    )
)
#: Words before «جمعة»/«الجمعة» that make it the Friday prayer, not a day.
FRIDAY_PRAYER = frozenset(key(w) for w in ("امام", "نماز", "خطیب", "ایمه", "ائمه", "صلاه", "خطبه", "خطبه",
                                            "امامت", "جماعه"))
#: Words before a weekday that make it any such day, not one day: «آخرین جمعه», «كل سبت», «هر شنبه».
GENERIC_WEEKDAY_BEFORE = frozenset(
    key(w) for w in ("هر", "همه", "اخرین", "اولین", "نخستین", "کل", "ایام", "روزهای", "اسبوعیا")
)
#: Adjectives after «اليوم» that make it «the … day», not today.
NOT_TODAY_AFTER = frozenset(
    [key(w) for w in ("نفسه", "ذاته", "التالی", "السابق", "الدولی", "العالمی", "الوطنی", "الواحد", "الاخیر",
                      "الموعود", "المشهود", "الاخر", "المفتوح", "الطویل", "الدامی", "الحاسم", "المقرر",
                      "المحدد", "الاکبر", "الاغر", "العربی", "الاسلامی")]
    + [k for k in (key(w) for w in _ORDINAL_WORDS) if k.startswith("ال")]
)
NOT_TODAY_BEFORE = frozenset(key(w) for w in ("مثل", "ذلک", "ذات", "نفس", "طیله", "طوال", "کل"))


#: Every written form of a canonical letter (the lexicon spells its words with the first).
LETTER_FORMS: dict[str, str] = {"ی": "یيىئ", "ک": "کك", "ه": "هةۀھ", "ا": "اأإآٱ", "و": "وؤ", "ء": "ءئ"}

_VARIANTS = {
    **{c: f"[{forms}]" for c, forms in LETTER_FORMS.items()},
    " ": "[ \u00a0\u200c]{1,2}",
    "_": "[ \u00a0\u200c]?",
    ".": r"\.",
    "'": "['’ʿʾ]?",
    "-": "[- ]?",
}


def _char_regex(ch: str) -> str:
    if ch in _VARIANTS:
        return _VARIANTS[ch]
    if "a" <= ch <= "z":
        return f"[{ch}{ch.upper()}]"
    return ch


def _trie_regex(words: Iterable[list[str]]) -> str:
    """Emit a prefix-factored alternation of token lists (longest alternatives first)."""
    trie: dict[str, object] = {}
    for toks in words:
        node = trie
        for t in toks:
            node = node.setdefault(t, {})  # type: ignore[assignment]
        node[""] = {}

    def emit(node: dict[str, object]) -> str:
        end = "" in node
        parts = [tok + emit(child) for tok, child in node.items() if tok != ""]  # type: ignore[arg-type]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        if end:
            if len(parts) == 1:
                body = "(?:" + body + ")"
            return body + "?"
        return body

    return emit(trie)


def word_regex(words: Iterable[str]) -> str:
    """A regular expression accepting every written variant of ``words``.

    Args:
        words: Canonical lexicon words (``" "`` a required space, ``"_"`` an
            optional one).

    Returns:
        A non-capturing, prefix-factored alternation; longer words win.
    """
    toks = sorted({tuple(_char_regex(c) for c in w.lower()) for w in words}, key=len, reverse=True)
    return "(?:" + _trie_regex([list(t) for t in toks]) + ")"
