"""find_dates / parse_date: candidates in one pass, then mentions.

One compiled pattern (:data:`DATE_PATTERN`) describes every way a date
expression may start: a day (digits or an ordinal word) before a month name, a
numeric date, a weekday, a relative phrase, an exact count («قبل يومين», «سه
روز پیش»), a month name, a year after a year word.  A single Aho-Corasick pass
over a folded copy of the text lists the places where its gate (a number or a
date word at a word start) may hold, and the pattern is tried only there, with
only the alternatives the words there can open.  Each match is then read by a
few lines of Python that look only at its own groups and a few characters
around it.

Matching runs on a copy of the text with bidi controls, other format
characters, diacritics and tatweel removed; offsets are mapped back so that
``text[m.start:m.end] == m.text`` for every mention.
"""

from __future__ import annotations

import bisect
import codecs
import datetime as dt
import functools
import itertools
import operator
import re
from collections.abc import Callable, Iterable
from re import _parser as re_parser  # type: ignore[attr-defined]  # the widths of the leading words
from typing import Any

import ahocorasick  # type: ignore[import-not-found]
import attrs

from .. import _regex
from ..errors import DateError
from . import lexicon as lx
from .calendars import IRAN_HIJRI_TOLERANCE, Calendar
from .mention import DateMention, Granularity, _evolve, _placed
from .resolve import (
    ARAB_HIJRI_TOLERANCE,
    add_months,
    day_of,
    in_calendar,
    month_not_after,
    reconcile,
    weekday_after,
    weekday_on_or_before,
)

__all__ = ["DATE_PATTERN", "SharedFinder", "find_dates", "parse_date"]  # noqa: F822  # DATE_PATTERN: see __getattr__

G, H, J = Calendar.GREGORIAN, Calendar.HIJRI, Calendar.JALALI
# (an enum member is a slow look-up: the readers below ask for these per mention)
_BY_DAY, _BY_WEEK = Granularity.DAY, Granularity.WEEK
_BY_MONTH, _BY_YEAR = Granularity.MONTH, Granularity.YEAR
_DAYS, _WEEKS, _MONTHS, _YEARS = lx.Relative.DAY, lx.Relative.WEEK, lx.Relative.MONTH, lx.Relative.YEAR
_LEVEL_PREP, _LEVEL_STRICT = lx.Level.PREP, lx.Level.STRICT

_SP = "[ \u00a0\u200c]{1,3}"
_OSP = "[ \u00a0\u200c]{0,3}"
_END = r"(?!\w)"
_W = lx.word_regex


def _repeat(n: int, piece: str) -> str:
    return (piece * (n // max(len(piece), 1) + 1))[:n]


def _worst_dates(n: int) -> str:
    return _repeat(n, "7 أكتوبر/ كانون 2023 الساعة 10:30 ")


def _worst_weekdays(n: int) -> str:
    return _repeat(n, "يوم أمس الخميس روز شنبه آینده ")


def _worst_numbers(n: int) -> str:
    return _repeat(n, "1/2/3-4.5/") + "x"


def _worst_spaces(n: int) -> str:
    return _repeat(n, "7 \u200c \u00a0") + "x"


_WORST = (_worst_dates, _worst_weekdays, _worst_numbers, _worst_spaces)

# ZWNJ separates Persian words and stays, except next to a digit, where it means nothing («١٤٠٣\u200c/١٢»).
# The run starts with a character class (its first character tested after it is taken) so that the
# engine skips at C speed to the next mark or ZWNJ instead of trying every position.
_HYGIENE = _regex.compile(
    "dates.finder.HYGIENE",
    f"[{lx.BIDI_AND_MARKS}\u200c](?:(?<=[{lx.BIDI_AND_MARKS}])|(?<=\\d\u200c)|(?=\\d))"
    f"(?:[{lx.BIDI_AND_MARKS}]|(?<=\\d)\u200c|\u200c(?=\\d))*",
    worst=_WORST,
)
# Any character the hygiene pattern could remove: a plain class, scanned at C speed, decides the fast path.
_HYGIENE_CHARS = _regex.compile("dates.finder.HYGIENE_CHARS", f"[{lx.BIDI_AND_MARKS}\u200c]", worst=_WORST)
_TRAILING_MARKS = frozenset("\u0640" + "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670")

_MONTH_G = _W([w for w in lx.MONTH_WORDS if lx.MONTHS[lx.key(w)][0] is G])
_MONTH_ANY = _W(lx.MONTH_WORDS)
_WEEKDAY = _W(lx.WEEKDAY_WORDS)
_ORDINAL = _W(lx.ORDINAL_WORDS)
_ERA = _W(lx.ERA_WORDS)
_RELDAY = _W(lx.RELATIVE_DAY_WORDS)
_REL = _W(lx.RELATIVE_WORDS)
_WDQUAL = _W(list(lx.WEEKDAY_QUALIFIER_WORDS))
_MQUAL = _W(lx.MONTH_QUALIFIER_WORDS)
_DAYPART = _W(lx.DAYPARTS)
_TADV = _W(lx.TIME_ADVERBS)
_YEARW = _W(lx.YEAR_WORDS)
_MPREFIX = _W(lx.MONTH_PREFIXES)
_YEARW_IN = _W(["العام", "عام", "سنه", "السنه", "لعام", "للعام", "لسنه", "للسنه", "سال"])
_NUMW_AR = _W(["ثلاثه", "ثلاث", "اربعه", "اربع", "خمسه", "خمس", "سته", "ست", "سبعه", "سبع", "ثمانیه", "ثمانی",
               "ثمان", "تسعه", "تسع", "عشره", "عشر"])
_UNITS_AR = _W(["ایام", "یوما", "اسابیع", "اسبوعا", "اشهر", "شهور", "شهرا", "اعوام", "عاما", "سنوات", "سنه",
                "سنین"])
_DUAL_AR = _W(["یومین", "اسبوعین", "شهرین", "عامین", "سنتین"])
_SINGLE_AR = _W(["اسبوع", "شهر", "عام", "سنه"])
_UNITS_FA = _W(["روز", "هفته", "ماه", "سال"])
_YOM = _W(["یوم", "روز"])


def _timepre(p: str) -> str:
    return (
        rf"(?:(?:عند{_SP})?{_W(['الساعه', 'ساعت', 'at'])}{_SP}(?P<{p}_pt>\d{{1,2}}(?:[:：]\d{{2}})?)(?!\d)"
        rf"(?:{_SP}(?P<{p}_pta>{_TADV}){_END})?(?:{_SP}{_W(['بتوقیت', 'به وقت'])}{_SP}\w{{2,12}})?"
        rf"{_SP}(?:من{_SP})?)?"
        rf"(?:{_DAYPART}{_SP})?"
    )


def _timesuf(p: str) -> str:
    return (
        rf"(?:(?:{_OSP}[,،\-–]?{_OSP}|T)(?:(?:عند{_SP})?{_W(['الساعه', 'ساعت', 'ساعه', 'at'])}{_SP})?"
        rf"(?P<{p}_t>\d{{1,2}}[:：]\d{{2}}(?:[:：]\d{{2}})?)(?![\d:])(?:Z|[+\-]\d{{2}}:?\d{{2}})?"
        rf"(?:{_SP}(?P<{p}_ta>{_TADV}){_END})?(?:{_SP}{_W(['بتوقیت', 'به وقت'])}{_SP}\w{{2,12}})?)?"
    )


def _wdpre(p: str) -> str:
    return (
        rf"(?:(?:{_YOM}{_SP})?(?:(?P<{p}_rw>{_RELDAY}){_END}{_SP})?(?:{_YOM}{_SP})?(?P<{p}_wd>{_WEEKDAY}){_END}"
        rf"(?:{_OSP}[,،]{_OSP}|{_OSP}\({_OSP}|{_SP})|{_YOM}{_SP})?"
    )


def _month(p: str) -> str:
    return (
        rf"(?:(?P<{p}_m1>{_MONTH_G}){_END}(?:{_OSP}[/(]{_OSP}(?P<{p}_m2>{_MONTH_G}){_END}(?:{_OSP}\))?)?"
        rf"|(?P<{p}_m3>{_MONTH_ANY}){_END})"
    )


def _year(p: str) -> str:
    return (
        rf"(?:(?:{_OSP}[,،]{_OSP}|{_SP}(?:من{_SP})?{_YEARW_IN}{_SP}|{_OSP})(?P<{p}_y>\d{{1,4}})(?![\d٫.,/:]\d|\d)"
        rf"(?:{_OSP}(?P<{p}_era>{_ERA})(?!\w))?)?"
        rf"(?:{_SP}(?P<{p}_q>{_MQUAL}){_END})?"
    )


_DAY = rf"(?:(?:ال)?(?<![\d.,:/٫٬])(?P<D_dd>\d{{1,2}})(?!\d)|(?P<D_do>{_ORDINAL}){_END})"

_ALTERNATIVES = {
    # 7 أكتوبر 2023, السابع من تشرين الأول/أكتوبر 2023, چهارشنبه هشتم آذرماه ۱۴۰۲, time and weekday around
    "D": rf"{_timepre('D')}{_wdpre('D')}{_DAY}(?:{_SP}من{_SP}|{_OSP}){_month('D')}{_year('D')}"
         rf"(?P<D_wap>{_OSP}\({_OSP}(?P<D_wa>{_WEEKDAY}){_OSP}\))?{_timesuf('D')}",
    # 15/10/2023, ١٤٠٣/١٢/٣٠, 2023-10-07T10:00
    "N": rf"{_timepre('N')}{_wdpre('N')}(?<![\d/.\-٫])(?P<N_a>\d{{1,4}})"
         rf"(?P<N_s>[/.\-]|{_SP}/{_SP})(?P<N_b>\d{{1,2}})(?P=N_s)"
         rf"(?P<N_c>\d{{1,4}})(?![\d٫]|[/.\-]\d)(?:{_OSP}(?P<N_era>{_ERA})(?!\w))?{_timesuf('N')}",
    # يوم السبت, أمس الخميس, الأحد المقبل, روز شنبه, شنبه آینده
    "W": rf"{_timepre('W')}(?:{_YOM}{_SP})?(?:(?P<W_rw>{_RELDAY}){_END}(?:{_OSP}[،,(]{_OSP}|{_SP}))?"
         rf"(?:{_YOM}{_SP})?(?P<W_wd>{_WEEKDAY}){_END}(?:{_OSP}\))?(?:{_SP}(?P<W_q>{_WDQUAL}){_END})?"
         rf"{_timesuf('W')}",
    # قبل يومين, منذ 3 أيام, سه روز پیش
    "C": rf"(?:(?P<C_ar>قبل|منذ){_SP}(?:(?P<C_n>\d{{1,3}}|{_NUMW_AR})(?!\d){_SP}(?P<C_u>{_UNITS_AR})|"
         rf"(?P<C_d>{_DUAL_AR})|(?P<C_s>{_SINGLE_AR})){_END}"
         rf"|(?:(?P<C_fn>\d{{1,3}})(?!\d){_SP})?(?P<C_fu>{_UNITS_FA}){_SP}(?P<C_fd>پیش|قبل){_END})",
    # اليوم, أمس, الشهر الماضي, سال گذشته
    "R": rf"{_timepre('R')}(?:{_YOM}{_SP})?(?P<R_w>{_REL}){_END}{_timesuf('R')}",
    # في أبريل, شهر يوليو, يوليو 2022, سبتمبر/أيلول, مهر ۱۳۸۹
    "M": rf"(?P<M_core>(?:(?P<M_mw>{_MPREFIX}){_SP})?{_month('M')}){_year('M')}",
    # سال ۱۹۷۸, عام 2022, 1445 هـ
    "Y": rf"(?:(?P<Y_w>{_YEARW}){_SP})?(?<![\d.,/٫])(?P<Y_y>\d{{4}})"
         rf"(?![\d٫.,/:]\d|\d)(?:{_OSP}(?P<Y_era>{_ERA})(?!\w))?",
}

# The words an expression can start with: one prefix-factored test at each word start lets the
# alternatives run only where a date may begin.  Every alternative follows its first word with a
# space or a word end, so the gate asks for a whole word («إبراهيم», «ابزار» do not open a date).
_GATE_WORDS = (
    "الساعه", "ساعت", "عند", "at", "یوم", "روز", "قبل", "منذ", *lx.DAYPARTS, *lx.RELATIVE_WORDS,
    *lx.WEEKDAY_WORDS, *lx.ORDINAL_WORDS, *lx.MONTH_WORDS, *lx.YEAR_WORDS, *lx.MONTH_PREFIXES,
    "هفته", "ماه", "سال",
)
_GATE = _W(_GATE_WORDS)

_DATE_SOURCE = (
    r"(?<!\w)[وفبل]?(?=\d|ال\d|" + _GATE + r"(?!\w))(?:"
    + "|".join(f"(?P<{k}>{v})" for k, v in _ALTERNATIVES.items()) + ")"
)


@functools.cache
def _date_pattern() -> re.Pattern[str]:
    return _regex.compile("dates.finder.DATE", _DATE_SOURCE, worst=_WORST)


def __getattr__(name: str) -> re.Pattern[str]:
    # DATE_PATTERN, the one pattern every date expression starts with, is the reference the
    # scan and the split patterns below must agree with (tests/test_finder.py); find_dates never
    # runs it, so it is compiled on first access (about a third of a second), not at import.
    if name == "DATE_PATTERN":
        return _date_pattern()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

# DATE_PATTERN taken apart, to try only the alternatives that can start with the words found at a
# place (see _match_at): its gate (which every alternative's match implies: tests/test_finder.py), and
# each alternative alone, with the same group names.
_GATE_AT = _regex.compile("dates.finder.GATE_AT", r"(?=\d|ال\d|" + _GATE + r"(?!\w))", worst=_WORST)
_BIT = {k: 1 << i for i, k in enumerate(_ALTERNATIVES)}
_ALTERNATIVE_AT = tuple(
    (_BIT[k], _regex.compile(f"dates.finder.DATE_{k}", f"(?P<{k}>{v})", worst=_WORST).match)
    for k, v in _ALTERNATIVES.items()
)


_EVERY_ALTERNATIVE = (1 << len(_ALTERNATIVES)) - 1
#: For each set of alternatives, the match functions of those in it, in the pattern's order.
_MATCHERS = tuple(tuple(match for bit, match in _ALTERNATIVE_AT if bits & bit)
                  for bits in range(_EVERY_ALTERNATIVE + 1))


def _bits(kinds: str) -> int:
    return sum(_BIT[k] for k in kinds)


#: The alternatives each kind of first word can open (every alternative's first word is a gate
#: phrase or a number): «D» day and month, «N» numeric, «W» weekday, «C» count, «R» relative,
#: «M» month, «Y» year.
# Three more bits: a day (a number of one or two digits, «الـ» and one, an ordinal word) or the first
# number of a numeric date starts here, or a month name does.  A day-and-month (D) or numeric (N)
# expression holds a day or number at its start or after its leading time and weekday words, whose
# longest spelling is bounded, and a day-and-month expression a month name right after its day.
_DAY_HERE = 1 << len(_ALTERNATIVES)
_NUMERIC_HERE = _DAY_HERE << 1
_MONTH_HERE = _DAY_HERE << 2
_OPENS: tuple[tuple[tuple[str, ...], int], ...] = (
    (("الساعه", "ساعت", "at", "عند", *lx.DAYPARTS, "یوم", "روز"), _bits("DNWR")),  # time, daypart, day word
    (lx.RELATIVE_DAY_WORDS, _bits("DNW")),
    (lx.RELATIVE_WORDS, _bits("R")),
    (lx.WEEKDAY_WORDS, _bits("DNW")),
    (lx.ORDINAL_WORDS, _bits("D") | _DAY_HERE),
    (lx.MONTH_WORDS, _bits("M") | _MONTH_HERE),
    (lx.MONTH_PREFIXES, _bits("M")),
    (lx.YEAR_WORDS, _bits("Y")),
    (("روز", "هفته", "ماه", "سال", "قبل", "منذ"), _bits("C")),
)
_DIGIT_OPENS = _bits("DNCY")  # a number: a day, a numeric date, a count, a year
_AL_DIGIT_OPENS = _bits("D")  # «الـ7 من أكتوبر»
_LEAD_WIDTH = {k: re_parser.parse(_timepre(k) + _wdpre(k)).getwidth()[1] for k in "DN"}
if max(_LEAD_WIDTH.values()) > 10_000:
    raise ValueError("the words before a day must have a bounded length")

_RANGE_TAIL = _regex.compile(
    "dates.finder.RANGE_TAIL",
    rf"{_OSP}(?:-|–|/|{_W(['تا', 'الی', 'حتی', 'و'])}){_OSP}(?P<y>\d{{4}})(?![\d٫.,/:]\d|\d)",
    worst=_WORST,
)
_RANGE_HEAD = _regex.compile(
    "dates.finder.RANGE_HEAD",
    rf"(?<![\d.,/:٫])(?P<d>\d{{1,2}})(?!\d){_OSP}(?:-|–|{_W(['و', 'الی', 'حتی', 'تا', 'و تا'])}){_OSP}"
    rf"(?:ال)?$",
    worst=_WORST,
)
_REL_DAY_HEAD = _regex.compile(
    "dates.finder.REL_DAY_HEAD",
    rf"(?:(?:(?<!\w)ال|(?<![\w.,/:٫]))(?P<d>\d{{1,2}})(?!\d)|(?<!\w)(?P<o>{_ORDINAL}))"
    rf"{_SP}(?:من|از){_SP}$",
    worst=_WORST,
)
_CONNECTOR = _regex.compile(
    "dates.finder.CONNECTOR",
    rf"[ \u00a0\u200c(\[]{{0,3}}(?:[-–—|/،,)\]]{{1,2}}"
    rf"|(?:ال)?{_W(['موافق', 'موافق ل', 'موافقه', 'موافقه ل'])}"
    rf"|{_W(['همزمان با', 'برابر با', 'مطابق با', 'مصادف با', 'برابر', 'مطابق', 'بمطابقه'])})?"
    rf"[ \u00a0\u200c(\[]{{0,3}}(?:ل|لـ)?[ \u00a0\u200c(\[]{{0,2}}",
    worst=_WORST,
)
# The word before a position; _Ctx.word_before_at reads the same without a search (tests/test_finder.py).
_WORD_BEFORE = _regex.compile("dates.finder.WORD_BEFORE", r"(\w{1,30})\W{0,3}$", worst=_WORST)
_WORD_JUST_BEFORE = _regex.compile("dates.finder.WORD_JUST_BEFORE", r"(\w{1,30})[ \u00a0\u200c]{1,3}$",
                                   worst=_WORST)
_WORD_AFTER = _regex.compile("dates.finder.WORD_AFTER", r"[ \u00a0\u200c]{1,3}(\w{1,30})", worst=_WORST)
# _WORD_BEFORE read backwards: _Ctx.word_before_at matches it on the reversed window before a position
# (a newline may stand after the three non-word characters, as ``$`` may stand before one).
_WORD_BEFORE_REVERSED = _regex.compile("dates.finder.WORD_BEFORE_REVERSED", r"(?:\n\W{0,3}|\W{0,3})(\w+)",
                                       worst=_WORST)


# ---------------------------------------------------------------------------
# Candidate scan.  DATE_PATTERN can only match where its gate does: after a non-word character (or
# at the start), an optional «و ف ب ل», then a digit, «ال» and a digit, or a whole gate phrase.
# Trying the pattern at every position costs a trie walk per word; instead one Aho-Corasick pass
# over a one-byte folded copy of the text (letter variants folded, every non-word character a
# space) lists every position where the gate may hold, and the pattern is only tried there.
# The folding may merge more than the pattern does (it only ever adds positions), never less.

#: Characters with a byte of their own in the folded copy; any other folds to «?», which is taken
#: as possibly a boundary, a digit or a letter alike.
def _class_chars(cls: str) -> list[str]:
    """The characters of a regex class body made of single characters and ``a-b`` ranges."""
    out: list[str] = []
    i = 0
    while i < len(cls):
        if i + 2 < len(cls) and cls[i + 1] == "-":
            out += [chr(c) for c in range(ord(cls[i]), ord(cls[i + 2]) + 1)]
            i += 3
        else:
            out.append(cls[i])
            i += 1
    return out


#: The characters _clean removes wherever they stand (ZWNJ, removed only next to a digit, aside).
_MARKS = tuple(_class_chars(lx.BIDI_AND_MARKS))
# (NUL first: codecs.charmap_build makes its fast table only for a decoding table that starts with it)
_FOLD_CHARS = tuple(dict.fromkeys([
    "\x00", "\t", "\n", "\r", *(chr(i) for i in range(0x20, 0x7F)), *(chr(c) for c in range(0x0621, 0x064B)),
    *"پچژگکیۀھٱ٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٪٫٬،؛؟\u200c\u00a0«»“”‘’–—…", *_MARKS,
]))
_UNKNOWN = "?"
#: How each separator of a lexicon word may appear in the folded copy (" " below is any non-word
#: character): " " one or two spaces, "_" an optional space, "." a dot, "'" an optional
#: apostrophe (a modifier letter «ʿ» is unknown), "-" an optional hyphen or space.
_FOLD_SEPARATORS = {" ": ("  ", " "), "_": ("", " "), ".": (" ",), "'": ("", " ", _UNKNOWN), "-": ("", " ")}


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what ``\\w`` matches


def _fold_char(ch: str) -> str:
    for forms in lx.LETTER_FORMS.values():
        if ch in forms:
            return "ی" if ch in lx.LETTER_FORMS["ی"] + lx.LETTER_FORMS["ء"] else forms[0]
    if ch.isdecimal():
        return "0"
    if "A" <= ch <= "Z":
        return ch.lower()
    if ch == _UNKNOWN:
        return ch
    return ch if _is_word_char(ch) else " "


if len(_FOLD_CHARS) > 256:
    raise ValueError("the folded copy has one byte per character: at most 256 of them")
_FOLD_INDEX = {ch: i for i, ch in enumerate(_FOLD_CHARS)}
_MARK_BYTES = bytes(_FOLD_INDEX[ch] for ch in _MARKS)
_ZWNJ_BYTE = _FOLD_INDEX["\u200c"]
_FOLD_SPACE = bytes([_FOLD_INDEX[" "]])
_ENCODE = codecs.charmap_encode
_FOLD_ENCODING = codecs.charmap_build("".join(_FOLD_CHARS).ljust(256, "\ufffe"))
_FOLD_TABLE = bytes(_FOLD_INDEX[_fold_char(ch)] for ch in _FOLD_CHARS).ljust(256, b"?")
# The fold with NUL kept as itself (no other character folds to its byte): texts joined by NULs fold
# into their own folded copies joined by NUL bytes.
_JOIN_TABLE = b"\x00" + _FOLD_TABLE[1:]
_FOLDED_CHAR = {ch: chr(_FOLD_INDEX[_fold_char(ch)]) for ch in _FOLD_CHARS}


def _folded(s: str) -> str:
    """``s`` as the folded copy writes it (every character must have its own byte)."""
    return "".join([_FOLDED_CHAR[ch] for ch in s])


def _written(word: str) -> list[str]:
    """The ways a lexicon word's separators may be written in the folded copy."""
    out = [""]
    for ch in word:
        if ch in _FOLD_SEPARATORS:
            out = [o + sep for o in out for sep in _FOLD_SEPARATORS[ch]]
        elif ch.isalpha() and ch in _FOLD_INDEX:
            out = [o + ch for o in out]
        elif ch != "\u200c" and _HYGIENE_CHARS.fullmatch(ch):
            return []  # a mark the matching copy never holds: this spelling is never found there
        else:
            raise ValueError(f"the candidate scan cannot fold {ch!r} of {word!r}")
    return out


def _build_scanner(unknown_digits: bool = True) -> Any:
    """The automaton of every gate phrase, with the boundary before and after it, in folded form.

    Each key is a boundary (space or unknown), an optional «و ف ب ل», then a digit («0», or
    unknown with ``unknown_digits``), «ال» and a digit, or a written form of a gate phrase
    followed by a boundary.  Its value: the key's length, whether it ends with a boundary, whether
    it holds an unknown character (then the boundaries are checked on the text itself), whether it
    starts with «و ف ب ل», and the alternatives its word can open.
    """
    opens: dict[str, int] = {}
    for words, bits in _OPENS:
        for w in words:
            for phrase in _written(w.lower()):
                opens[phrase] = opens.get(phrase, 0) | bits
    digits = ("0", _UNKNOWN) if unknown_digits else ("0",)
    cores: list[tuple[str, int, tuple[str, ...]]] = [
        (core, bits, (" ", _UNKNOWN)) for core, bits in opens.items()]
    for digit in digits:  # a number: no boundary after it
        cores += [(digit, _DIGIT_OPENS, ("",)), ("ال" + digit, _AL_DIGIT_OPENS, ("",))]
    keys: dict[str, tuple[int, bool, bool, bool, int]] = {}
    for core, bits, tails in cores:
        folded_core = _folded(core)
        for lead in (" ", _UNKNOWN):
            for prefix in ("", "و", "ف", "ب", "ل"):
                for tail in tails:
                    key = _folded(lead + prefix) + folded_core + _folded(tail)
                    old = keys.get(key)
                    keys[key] = (len(key), bool(tail), _UNKNOWN in lead + core + tail, bool(prefix),
                                 bits | (old[4] if old else 0))
    # pyahocorasick tries a node's children in the order they were added: the letters that most often
    # begin an Arabic or Persian word go first, which takes about a fifth off the pass.
    rank = {ch: i for i, ch in enumerate(_folded(" اوبمفلیتعنهکردقسشحجخصزطغضپگچثذظژ0"))}
    automaton = ahocorasick.Automaton()
    for key in sorted(keys, key=lambda k: [rank.get(ch, len(rank)) for ch in k]):
        automaton.add_word(key, keys[key])
    automaton.make_automaton()
    return automaton


# The automaton without the keys of a number written in digits the folded copy does not know (Thai,
# Burmese, Devanagari…): in a text with none of them, those keys find only other unknown
# characters, which start no number; in Chinese, Thai or Burmese text that is about every
# character, each a step in Python.
_SCANNER_KNOWN_DIGITS = _build_scanner(unknown_digits=False)


@functools.cache
def _full_scanner() -> Any:
    """The automaton with those keys, for a text that holds such a digit (built on first need: 2 MB)."""
    return _build_scanner()


_UNKNOWN_BYTE = _FOLD_INDEX[_UNKNOWN]
# A decimal digit (what ``\\d`` and ``str.isdecimal`` take) that the folded copy has no byte for.
_OTHER_DIGIT = _regex.compile(
    "dates.finder.OTHER_DIGIT",
    "[^\\D" + "".join(ch for ch in _FOLD_CHARS if ch.isdecimal()) + "]", worst=_WORST)


def _clean_and_candidates(text: str) -> tuple[str, list[int], list[int], dict[int, tuple[int, int]]]:
    """:func:`_clean` and :func:`_candidates` of its result, the text encoded once when nothing is removed.

    The one-byte copy holds every mark _clean removes, so it tells whether there is any: with none
    (and no ZWNJ next to a digit) the text is its own matching copy and its bytes are folded as
    they are.
    """
    raw = _ENCODE(text, "replace", _FOLD_ENCODING)[0]
    folded = raw.translate(_FOLD_TABLE, _MARK_BYTES)  # (folded and without the marks, in one pass)
    if len(folded) == len(raw):
        if _ZWNJ_BYTE not in raw or not _HYGIENE.search(text):
            return text, [], [], _candidates(text, raw, folded)
        clean, clean_pos, removed = _clean(text)
        return clean, clean_pos, removed, _candidates(clean)
    # A mark is there, and _HYGIENE matches wherever one stands.  Without a ZWNJ it removes every
    # mark and nothing else, so the matching copy's bytes are the text's without the marks' bytes
    # (and it holds the text's unknown characters).
    clean, clean_pos, removed = _remove_hygiene(text)
    if _ZWNJ_BYTE in raw:
        return clean, clean_pos, removed, _candidates(clean)
    return clean, clean_pos, removed, _candidates(clean, raw, folded)


def _scan_together(texts: Iterable[str]) -> dict[str, _Scan]:
    """What :func:`_find` works out for each text first (see :class:`_Scan`), the texts scanned as one.

    Most of an article's texts hold no place where a date may start, and setting up the fold and
    the scanner's pass for each costs about as much as the pass: the texts are joined with a NUL
    between them and folded in one go (NUL keeps a byte of its own there, so the folded copy splits
    back into the texts' own), then scanned in one pass with a space for each NUL, the space each
    text is padded with alone.  A key found inside one text's padded copy is exactly one its own
    pass finds, and in the same order; a key across a join belongs to no text.  A text whose
    matching copy is not its folded bytes (a ZWNJ next to a digit) is scanned alone, and so is
    every text when one holds a NUL or a digit only the full scanner knows.
    """
    unique = list(dict.fromkeys(texts))
    joined = "\x00".join(unique)
    raw = _ENCODE(joined, "replace", _FOLD_ENCODING)[0]
    folded = raw.translate(_JOIN_TABLE, _MARK_BYTES)
    pieces = folded.split(b"\x00")
    if len(pieces) != len(unique) or (_UNKNOWN_BYTE in raw and _OTHER_DIGIT.search(joined) is not None):
        return {text: _scan_alone(text) for text in unique}
    lead = [0, *itertools.accumulate([len(piece) + 1 for piece in pieces])]  # each padded copy's start
    hits: dict[int, list[_Hit]] = {}
    padded = (_FOLD_SPACE + folded.replace(b"\x00", _FOLD_SPACE) + _FOLD_SPACE).decode("latin-1")
    for end, value in _SCANNER_KNOWN_DIGITS.iter(padded):
        i = bisect.bisect_right(lead, end - value[0] + 1) - 1
        if end <= lead[i + 1]:
            if i in hits:
                hits[i].append((end - lead[i], value))
            else:
                hits[i] = [(end - lead[i], value)]
    scans = dict.fromkeys(unique, _NOTHING)
    zwnj = _ZWNJ_BYTE in raw
    for i, found_hits in hits.items():
        text = unique[i]
        if zwnj and "\u200c" in text and _HYGIENE.search(text):
            continue  # scanned alone below
        marks = len(pieces[i]) != len(text)
        clean, clean_pos, removed = _remove_hygiene(text) if marks else (text, [], [])
        found = _found(clean, found_hits)
        if found:
            scans[text] = _Scan(clean, clean_pos, removed, found)
    if zwnj:
        for text in unique:
            if "\u200c" in text and _HYGIENE.search(text):
                scans[text] = _scan_alone(text)
    return scans


def _scan_alone(text: str) -> _Scan:
    clean, clean_pos, removed, found = _clean_and_candidates(text)
    return _Scan(clean, clean_pos, removed, found) if found else _NOTHING


def _candidates(clean: str, raw: bytes | None = None,
                folded: bytes | None = None) -> dict[int, tuple[int, int]]:
    """Every position of ``clean`` where DATE_PATTERN's gate may hold (a superset).

    Args:
        clean: The matching copy.
        raw: Its one-byte encoding, when already made (or that of the text it was made from by
            removing marks only: the same unknown characters).
        folded: Its one-byte encoding folded, when already made (then with ``raw``).

    Returns:
        Position -> (the alternatives the words there can open, those the words after a
        leading «و ف ب ل» can open).
    """
    if raw is None:
        raw = _ENCODE(clean, "replace", _FOLD_ENCODING)[0]
    if folded is None:
        folded = raw.translate(_FOLD_TABLE)
    other_digits = _UNKNOWN_BYTE in raw and _OTHER_DIGIT.search(clean) is not None
    scanner = _full_scanner() if other_digits else _SCANNER_KNOWN_DIGITS
    return _found(clean, scanner.iter((_FOLD_SPACE + folded + _FOLD_SPACE).decode("latin-1")))


_Hit = tuple[int, tuple[int, bool, bool, bool, int]]


def _found(clean: str, hits: Iterable[_Hit]) -> dict[int, tuple[int, int]]:
    """:func:`_candidates` of ``clean`` from what the scanner found in its folded copy padded with a space."""
    n = len(clean)
    found: dict[int, tuple[int, int]] = {}
    for end, (size, tail, check, prefixed, bits) in hits:
        at = end - size + 1  # the key's first character is the one before ``at`` in ``clean``
        if check and ((at > 0 and _is_word_char(clean[at - 1])) or (
                tail and end - 1 < n and _is_word_char(clean[end - 1]))):
            continue
        if not tail:  # a number: its key ends with its first digit
            bits &= _number_opens(clean, end - 1)
            if not bits:
                continue
            if bits & _D:
                bits |= _DAY_HERE
            if bits & _N:
                bits |= _NUMERIC_HERE
        if at in found:
            here, after = found[at]
            found[at] = (here, after | bits) if prefixed else (here | bits, after)
        else:
            found[at] = (0, bits) if prefixed else (bits, 0)
    return found


def _number_opens(clean: str, at: int) -> int:
    """The alternatives a number starting at ``at`` can open, by its length and what follows it.

    A day has one or two digits (``D``), a count up to three (``C``), a year four (``Y``); a
    numeric date's first part has up to four and a separator right after it, or a slash after
    up to three spaces (``N``: «15 / 6 / 1445 هـ», as Saudi and Gulf outlets write).
    """
    end = at
    n = len(clean)
    while end < n and end - at < 5 and clean[end].isdecimal():
        end += 1
    size = end - at
    bits = 0
    if 0 < size <= 2:
        bits |= _BIT["D"]
    if 0 < size <= 3:
        bits |= _BIT["C"]
    if size == 4:
        bits |= _BIT["Y"]
    after = clean[end:end + 1]
    if 0 < size <= 4 and (after in ("/", ".", "-") or clean[end:end + 5].lstrip(" \u00a0\u200c")[:1] == "/"):
        bits |= _BIT["N"]
    return bits


def _match_at(clean: str, at: int, opens: tuple[int, int], cands: list[int] | None = None,
              found: dict[int, tuple[int, int]] | None = None) -> re.Match[str] | None:
    """``DATE_PATTERN.match(clean, at)``, trying only the alternatives the words there can open.

    The pattern is ``(?<!\\w)[وفبل]?(?=gate)(?:D|N|W|C|R|M|Y)``: with a leading «و ف ب ل» it first
    tries every alternative after that letter, then every alternative from ``at`` itself.  An
    alternative no word there can open cannot match, so leaving it out changes nothing; nor can a
    day-and-month or numeric expression with no day or number close enough after its start
    (``cands`` and ``found``, the scan's positions, tell).
    """
    if at > 0:
        ch = clean[at - 1]
        if ch.isalnum() or ch == "_":  # (_is_word_char, inlined: a call per candidate)
            return None
    here, after = opens
    if after and clean[at] in "وفبل":
        m = _match_from(clean, at + 1, after, cands, found)
        if m is not None:
            return m
    return _match_from(clean, at, here, cands, found)


def _match_from(clean: str, start: int, bits: int, cands: list[int] | None,
                found: dict[int, tuple[int, int]] | None) -> re.Match[str] | None:
    """The first of the alternatives in ``bits`` that matches at ``start``."""
    # (whether _without_missing_numbers has anything to check, asked here: a call per candidate)
    if found is not None and cands is not None and (
            (bits & _D and not bits & _DAY_HERE) or (bits & _N and not bits & _NUMERIC_HERE)):
        bits = _without_missing_numbers(bits, start, cands, found)
    if bits & _D and found is not None and cands is not None and clean[start:start + 1].isdecimal():
        bits = _without_missing_month(bits, clean, start, cands, found)
    # An alternative's match implies the gate: each opens with a gate phrase and a non-word character,
    # a digit, or «ال» and a digit, after optional words that are gate phrases themselves (tests).
    for match in _MATCHERS[bits & _EVERY_ALTERNATIVE]:
        m = match(clean, start)
        if m is not None:
            return m
    return None


_D, _N = _BIT["D"], _BIT["N"]


def _without_missing_month(bits: int, clean: str, start: int, cands: list[int],
                           found: dict[int, tuple[int, int]]) -> int:
    """``bits`` less D when no month name can follow the number at ``start`` as a day's.

    A day-and-month expression that starts with a number has a day of one or two digits there,
    then the month name: right after it (a letter follows the digits), or after up to three
    spaces, or after «من» between up to three spaces each side.  After a space the scan lists
    the month name at its own position, with its month bit, within eight characters of the day.
    (Most numbers in news are no day: «41 ألف», «4%».)
    """
    end = start
    while end < len(clean) and end - start < 3 and clean[end].isdecimal():
        end += 1
    if end - start > 2:
        return bits & ~_D
    after = clean[end:end + 1]
    if after.isalpha():
        return bits  # every month name starts with a letter (tests)
    if after in (" ", "\u00a0", "\u200c"):
        last = end + 8
        for i in range(bisect.bisect_right(cands, end), len(cands)):
            p = cands[i]
            if p > last:
                break
            if found[p][0] & _MONTH_HERE:
                return bits
    return bits & ~_D


def _without_missing_numbers(bits: int, start: int, cands: list[int],
                             found: dict[int, tuple[int, int]]) -> int:
    """``bits`` less D and N when no day, or no first number, starts within their reach of ``start``.

    A day or number after the leading words follows a space, a comma or a bracket, so the scan
    lists it at its own position.
    """
    need = (_DAY_HERE if bits & _D and not bits & _DAY_HERE else 0) | (
        _NUMERIC_HERE if bits & _N and not bits & _NUMERIC_HERE else 0)
    if not need:
        return bits
    got = 0
    day_end, numeric_end = start + _LEAD_WIDTH["D"], start + _LEAD_WIDTH["N"]
    last = max(day_end, numeric_end)
    for i in range(bisect.bisect_right(cands, start), len(cands)):
        p = cands[i]
        if p > last:
            break
        tokens = found[p][0]
        if p <= day_end:
            got |= tokens & _DAY_HERE
        if p <= numeric_end:
            got |= tokens & _NUMERIC_HERE
    if need & _DAY_HERE and not got & _DAY_HERE:
        bits &= ~_D
    if need & _NUMERIC_HERE and not got & _NUMERIC_HERE:
        bits &= ~_N
    return bits


def _clean(text: str) -> tuple[str, list[int], list[int]]:
    """The matching copy, with the clean positions and cumulative lengths of the removed runs."""
    if not _HYGIENE_CHARS.search(text) or not _HYGIENE.search(text):
        return text, [], []
    return _remove_hygiene(text)


def _remove_hygiene(text: str) -> tuple[str, list[int], list[int]]:
    """:func:`_clean` of a text where ``_HYGIENE`` matches."""
    clean_pos: list[int] = []
    removed: list[int] = []
    parts = []
    last = 0
    total = 0
    for m in _HYGIENE.finditer(text):
        parts.append(text[last:m.start()])
        clean_pos.append(m.start() - total)
        total += m.end() - m.start()
        removed.append(total)
        last = m.end()
    parts.append(text[last:])
    return "".join(parts), clean_pos, removed


class _Scan:
    """What reading a text needs that does not depend on ``ref``, worked out once per text.

    Attributes:
        clean: The matching copy.
        clean_pos: Where in it the removed runs stood.
        removed: The cumulative lengths of the removed runs.
        searched: Search position -> where and what the search from there found.
        cands: The positions where the pattern may match, in order.
        opens: The candidate search results by position (see :func:`_candidates`).
        tried: Candidate position -> what the pattern matched there.
        reads: Search position -> what reading the match found from there gave, before
            resolving it under ``ref``, as :func:`_frozen_raw` keeps it (kept only by
            :class:`SharedFinder`).
        fixed: The whole result, once one call's reading never looked at ``ref``.
    """

    __slots__ = ("_iranian", "cands", "clean", "clean_pos", "fixed", "opens", "reads", "removed", "searched",
                 "tried")

    def __init__(self, clean: str, clean_pos: list[int], removed: list[int],
                 opens: dict[int, tuple[int, int]]) -> None:
        self.clean, self.clean_pos, self.removed, self.opens = clean, clean_pos, removed, opens
        self.cands = sorted(opens)
        self.searched: dict[int, tuple[int, re.Match[str]] | None] = {}
        self.tried: dict[int, re.Match[str] | None] = {}
        self.reads: dict[int, tuple[Any, ...] | None] = {}
        self.fixed: tuple[DateMention, ...] | None = None
        self._iranian: bool | None = None

    @property
    def iranian(self) -> bool:
        """Whether the text is written in Persian letters (ی, ک) rather than Arabic ones (ي, ك)."""
        if self._iranian is None:
            c = self.clean
            persian = c.count("ی") + c.count("ک") + c.count("گ") + c.count("پ") + c.count("چ")
            self._iranian = persian > c.count("ي") + c.count("ك") + c.count("ة")
        return self._iranian


_NOTHING = _Scan("", [], [], {})  # what a SharedFinder keeps for a text where no date may start
_NOTHING.fixed = ()


class _Ctx:
    """One call's text, its clean copy and offset map, and its ``ref``, with a count of the looks at it.

    A reading that never looked at ``ref`` is the same under any other: :class:`SharedFinder`
    keeps it for the next call on the text.
    """

    __slots__ = ("_ref", "clean", "clean_pos", "field", "index", "pos", "ref_reads", "removed", "scan",
                 "text")

    def __init__(self, text: str, ref: dt.date | None, scan: _Scan, field: str | None = None,
                 index: int | None = None) -> None:
        self.text = text
        self.field, self.index = field, index  # where the mentions are placed (see SharedFinder.placed)
        self._ref = ref
        self.ref_reads = 0
        self.pos = 0  # where the search stands: nothing before it may be taken again
        self.scan = scan
        self.clean, self.clean_pos, self.removed = scan.clean, scan.clean_pos, scan.removed

    @property
    def ref(self) -> dt.date | None:
        """The reference day (each look counted)."""
        self.ref_reads += 1
        return self._ref

    @property
    def iranian(self) -> bool:
        """Whether the text is written in Persian letters (ی, ک) rather than Arabic ones (ي, ك)."""
        return self.scan.iranian

    def orig(self, i: int) -> int:
        if not self.clean_pos:
            return i
        k = bisect.bisect_right(self.clean_pos, i)
        return i + (self.removed[k - 1] if k else 0)

    def span(self, s: int, e: int) -> tuple[int, int]:
        if not self.clean_pos:  # nothing was removed, so no mark trails the mention either
            return s, max(s, e)
        start = self.orig(s)
        end = self.orig(e - 1) + 1 if e > s else start
        text = self.text
        while end < len(text) and text[end] in _TRAILING_MARKS:
            end += 1
        return start, end

    def word_before(self, pos: int) -> str:
        return self.word_before_at(pos)[0]

    def word_just_before(self, pos: int) -> str:
        m = _WORD_JUST_BEFORE.search(self.clean, max(0, pos - 24), pos)
        return lx.canon(m.group(1)) if m else ""

    def word_before_at(self, pos: int) -> tuple[str, int]:
        """The word before ``pos`` and where it starts: what ``_WORD_BEFORE`` finds in the 24 characters
        before it (up to three non-word characters after the word, four if the last is a newline, which
        ``$`` may stand before; the word cut at the window's start), read without a regex search."""
        # (one match on the reversed window: the run of non-word characters, then the word)
        m = _WORD_BEFORE_REVERSED.match(self.clean[max(0, pos - 24):pos][::-1])
        if m is None:
            return "", pos
        return lx.canon(m.group(1)[::-1]), pos - m.end()

    def word_after(self, pos: int) -> str:
        m = _WORD_AFTER.match(self.clean, pos)
        return lx.canon(m.group(1)) if m else ""


@attrs.define
class _Raw:
    """A mention before linking: clean-text span and the parts read."""

    s: int
    e: int
    calendar: Calendar
    year: int | None = None
    month: int | None = None
    day: int | None = None
    date: dt.date | None = None
    time: dt.time | None = None
    granularity: Granularity = Granularity.DAY
    relative: bool = False
    weekday: int | None = None
    warnings: list[str] = attrs.field(factory=list)
    year_open: bool = False  # a day/month with no year that a partner or ref may fill
    shift: int = 0  # month qualifier for year filling
    year_shift: int | None = None
    every: bool = False
    # What is left to do under the reference day, in order: (function, its arguments after ctx and r).
    # Reading never looks at ref itself, so a SharedFinder reads each text once for every ref.
    pending: tuple[tuple[Callable[..., None], tuple[Any, ...]], ...] = ()


def _later(r: _Raw, step: Callable[..., None], *args: Any) -> None:
    """Leave ``step(ctx, r, *args)``, which looks at ``ctx.ref``, to :func:`_resolve`."""
    r.pending += ((step, args),)


def _resolve(ctx: _Ctx, r: _Raw) -> None:
    """Do what reading ``r`` left to do under ``ctx.ref``."""
    for step, args in r.pending:
        step(ctx, r, *args)


_RAW_VALUES = operator.attrgetter(*(f.name for f in attrs.fields(_Raw)))


def _frozen_raw(r: _Raw) -> tuple[Any, ...]:
    """The values of ``r``'s fields, in order, sharing nothing mutable with it from now on.

    A reading is kept so: resolving and linking then change ``r`` itself, which gets a warnings
    list of its own here, and each later call on the text makes its own :func:`_thawed_raw`.
    """
    values = _RAW_VALUES(r)
    r.warnings = list(r.warnings)
    return values


def _thawed_raw(values: tuple[Any, ...]) -> _Raw:
    """A fresh :class:`_Raw` with the values :func:`_frozen_raw` kept (and a warnings list of its own)."""
    r = _Raw(*values)
    r.warnings = list(r.warnings)
    return r


def _int(s: str) -> int:
    return int(s)


_PM = frozenset(lx.key(w) for w in ("مساء", "مساءا", "عصرا", "لیلا", "عصر", "شب", "pm", "p.m.", "بعدازظهر"))
_TIME_GROUPS = {p: (f"{p}_t", f"{p}_pt", f"{p}_ta", f"{p}_pta") for p in "DNWR"}


def _time(m: re.Match[str], p: str) -> dt.time | None:
    """The clock time written before or after the date, if any («الساعة 7:00 صباحاً», «10:30»)."""
    after, before, adv_after, adv_before = m.group(*_TIME_GROUPS[p])
    val = after or before
    if not val:
        return None
    parts = val.replace("：", ":").split(":")
    hh = int(parts[0])
    mm = int(parts[1]) if len(parts) > 1 else 0
    ss = int(parts[2]) if len(parts) > 2 else 0
    adv = lx.canon((adv_after if after else adv_before) or "")
    if adv in _PM and hh < 12:
        hh += 12
    if not (0 <= hh <= 23 and 0 <= mm <= 59 and 0 <= ss <= 59):
        return None
    return dt.time(hh, mm, ss)


def _weekday_of(m: re.Match[str], p: str) -> int | None:
    try:
        wd = m.group(f"{p}_wd")
    except IndexError:
        return None
    return lx.WEEKDAYS.get(lx.canon(wd)) if wd else None


def _fill_from_date(r: _Raw, day: dt.date | None) -> None:
    r.date = day
    if day is not None:
        parts = in_calendar(day, r.calendar)
        if parts is not None:
            r.year, r.month, r.day = parts


def _year_calendar(year: int, persian: bool, era: Calendar | None) -> Calendar:
    if era is not None:
        return era
    if 1300 <= year <= 1420:
        return J if persian else H
    if 1421 <= year <= 1600:
        return H
    return G


def _era(m: re.Match[str], p: str) -> Calendar | None:
    e = m.group(f"{p}_era")
    return lx.ERAS.get(lx.canon(e).replace(".", "")) if e else None


_PREPS = frozenset(lx.key(w) for w in lx.PREPOSITIONS)


def _prep_before(ctx: _Ctx, pos: int) -> bool:
    return ctx.word_before(pos) in _PREPS


#: Prepositions after which a plausible year is a year whatever follows («بحلول 2030 ستصل»).
_STRONG_PREPS = frozenset(lx.key(w) for w in ("بحلول", "منذ", "مطلع", "اوائل", "اواخر", "منتصف", "نهایه",
                                              "بدایه", "اواسط", "اوایل", "ابتدای", "پایان", "since", "until"))
_MILADI = lx.key("میلادی")
_JUMUAH = lx.key("جمعه")
_MUNDHU = lx.key("منذ")
_RUZ_GOZASHTEH = lx.key("روز گذشته")
_GHADAN = lx.key("غدا")
_AL_FUNCTION_WORDS = frozenset(lx.key(w) for w in ("إلى", "الى", "إلا", "الذي", "التي", "الذين", "اللذين",
                                                  "اللتين"))
_FA_SEASONS = frozenset(lx.key(w) for w in ("تابستان", "زمستان", "بهار", "پاییز"))
_SEASONS = _FA_SEASONS | frozenset(lx.key(w) for w in ("ربیع", "صیف", "خریف", "شتاء"))
_TEMPORAL_PREPS = frozenset(lx.key(w) for w in lx.TEMPORAL_PREPOSITIONS)
_FA_PREPS = frozenset(lx.key(w) for w in ("در", "از", "تا", "اوایل", "اواسط", "اواخر", "ابتدای", "پایان",
                                          "طی"))
_NEEDS_YEAR = frozenset({lx.key("می"), lx.key("may")})  # also the Persian verb prefix, the English verb
_YOM_KEYS = frozenset({lx.key("یوم"), lx.key("روز")})
_FRIDAY = frozenset({lx.key("الجمعه"), lx.key("جمعه")})


def _short_year_ok(ctx: _Ctx, m: re.Match[str], p: str) -> bool:
    """A year of one to three digits counts only before an era mark or the end of a phrase."""
    if m.group(f"{p}_era"):
        return True
    end = m.end(f"{p}_y")
    rest = ctx.clean[end:end + 2].lstrip(" \u00a0\u200c")
    return not rest or not (rest[0].isalnum())


#: The names of the month, year and qualifier groups of a day-and-month (D) or month (M) match.
_MONTH_GROUPS = {p: (f"{p}_m1", f"{p}_m2", f"{p}_m3", f"{p}_y", f"{p}_era", f"{p}_q") for p in "DM"}


def _read_day_month(ctx: _Ctx, m: re.Match[str], p: str, r_start: int) -> _Raw | None:
    """A ``D`` match: day, month (pair), optional year, qualifier, weekday, time."""
    if p == "D":
        dd = m.group("D_dd")
        day = _int(dd) if dd else lx.ORDINALS.get(lx.canon(m.group("D_do")), 0)
        if not 1 <= day <= 31:
            return None
    else:
        day = 0
    g_m1, g_m2, g_m3, g_y, g_era, g_q = _MONTH_GROUPS[p]
    first, m2, m3, year_txt, era, q = m.group(g_m1, g_m2, g_m3, g_y, g_era, g_q)
    m1 = first or m3
    cal, month, _level = lx.MONTHS[lx.canon(m1)]
    end = m.end(g_m1) if first else m.end(g_m3)
    if m2 and lx.MONTHS[lx.canon(m2)][:2] == (cal, month):
        end = m.end(g_m2)
        tail = ctx.clean[end:end + 4]
        stripped = tail.lstrip(" \u00a0\u200c")
        if stripped.startswith(")"):
            end += len(tail) - len(stripped) + 1
    r = _Raw(r_start, end, cal)
    if year_txt and (len(year_txt) == 4 or _short_year_ok(ctx, m, p)):
        r.year = _int(year_txt)  # an era mark of another calendar is overruled by the month name
        r.e = m.end(g_era) if era else m.end(g_y)
    elif year_txt:
        year_txt = None
    if q and (not year_txt or m.start(g_q) >= r.e):
        info = lx.MONTH_QUALIFIERS.get(lx.canon(q))
        if info is not None and r.year is None:
            kind, val = info
            if kind == "month":
                r.shift = val
            elif kind == "year":
                r.year_shift = val
            else:
                r.every = True
            r.e = m.end(g_q)
    if lx.canon(m1) in _NEEDS_YEAR and (r.year is None or ctx.clean[end:end + 1] == "\u200c"):
        return None
    r.month = month
    r.day = day or None
    r.granularity = _BY_DAY if day else _BY_MONTH
    if r.year is None:
        r.year_open = True
    r.weekday = _weekday_of(m, p) if p == "D" else None
    if p == "D" and m.group("D_wap") and not ctx.clean[r.e:m.start("D_wap")].strip():
        # «۸ آذر ۱۴۰۲ (چهارشنبه)»: a weekday in brackets after the date is its own
        r.weekday = r.weekday if r.weekday is not None else lx.WEEKDAYS[lx.canon(m.group("D_wa"))]
        r.e = m.end("D_wap")
    return r


def _resolve_open_year(ctx: _Ctx, r: _Raw) -> None:
    """Give a month (and day) without a year its year from ``ref``."""
    if not r.year_open or r.year is not None or r.every or r.month is None:
        return
    r.relative = True
    if ctx.ref is None:
        return
    if r.year_shift is not None:
        here = in_calendar(ctx.ref, r.calendar)
        r.year = here[0] + r.year_shift if here else None
    else:
        r.year = month_not_after(ctx.ref, r.calendar, r.month, r.shift)
        if r.shift == 0 and r.year is not None and r.weekday is not None and r.day is not None:
            r.year = _year_the_weekday_names(ctx.ref, r, r.year)


#: How far after ``ref`` a day and month without a year, written with its weekday, may lie.
_AHEAD_DAYS = 183


def _year_the_weekday_names(ref: dt.date, r: _Raw, year: int) -> int:
    """The year of a day and month written with a weekday («پنجشنبه سوم خرداد», «الخميس 23 مايو»).

    The latest such month not after ``ref`` is the rule; but when the weekday is not that day's and
    the day is the same month a year on (within half a year after ``ref``: an announced event), the
    weekday names that one.  Lunar Hijri weekdays are left to the sighting tolerance.
    """
    if r.calendar is H or r.month is None or r.day is None or r.weekday is None:
        return year
    now, later = day_of(r.calendar, year, r.month, r.day), day_of(r.calendar, year + 1, r.month, r.day)
    if (now is not None and now.weekday() != r.weekday and later is not None
            and later.weekday() == r.weekday and ref < later <= ref + dt.timedelta(days=_AHEAD_DAYS)):
        return year + 1
    return year


def _finish_day(ctx: _Ctx, r: _Raw) -> None:
    if r.year is not None and r.month is not None and r.day is not None:
        r.date = day_of(r.calendar, r.year, r.month, r.day)
        if r.date is None:
            r.warnings.append(f"{r.day}/{r.month}/{r.year} does not exist in the {r.calendar} calendar")
    _check_weekday(ctx, r)


def _check_weekday(ctx: _Ctx, r: _Raw) -> None:
    """Warn when the weekday written with a date is not that date's (Hijri: within sighting tolerance)."""
    if r.weekday is None or r.date is None:
        return
    lo, hi = 0, 0
    if r.calendar is H:
        lo, hi = IRAN_HIJRI_TOLERANCE if ctx.iranian else ARAB_HIJRI_TOLERANCE
    elif r.date.weekday() == r.weekday:
        return
    if not any((r.date + dt.timedelta(days=k)).weekday() == r.weekday for k in range(lo, hi + 1)):
        r.warnings.append(f"weekday {_DAY_NAMES[r.weekday]} does not match {r.date.isoformat()} "
                          f"({_DAY_NAMES[r.date.weekday()]})")


_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _read_numeric(ctx: _Ctx, m: re.Match[str]) -> _Raw | None:
    a, b, c = m.group("N_a"), m.group("N_b"), m.group("N_c")
    if len(a) == 4 and len(c) <= 2:
        year, month, day = _int(a), _int(b), _int(c)
    elif len(c) == 4 and len(a) <= 2:
        year, month, day = _int(c), _int(b), _int(a)
    else:
        return None
    if month > 12 and 1 <= day <= 12 and len(c) == 4:
        month, day = day, month  # «12/25/2023»: month first, as English sources write it
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    # y/m/d with a year 1300-1420 is Solar Hijri (today's Iranian years); Hijri needs its era mark there
    cal = _year_calendar(year, True, _era(m, "N"))
    if cal is H and not (1300 <= year <= 1600):
        return None
    r = _Raw(m.start("N_a"), m.end("N_era") if m.group("N_era") else m.end("N_c"), cal, year, month, day)
    r.weekday = _weekday_of(m, "N")
    return r


def _relative_day(r: _Raw, offset: int) -> None:
    r.relative = True
    _later(r, _day_from_ref, offset)


def _day_from_ref(ctx: _Ctx, r: _Raw, offset: int) -> None:
    if ctx.ref is not None:
        _fill_from_date(r, ctx.ref + dt.timedelta(days=offset))


def _read_weekday(ctx: _Ctx, m: re.Match[str]) -> _Raw | None:
    wd_txt = m.group("W_wd")
    key = lx.canon(wd_txt)
    wd = lx.WEEKDAYS[key]
    persian_word = not key.startswith("ال") and key.isalpha() and not key.isascii()
    before, bstart = ctx.word_before_at(m.start("W"))
    if before in _YOM_KEYS:
        before = ctx.word_before(bstart)
    if before in lx.GENERIC_WEEKDAY_BEFORE or (
            key in _FRIDAY and m.start("W_wd") == m.start("W") and before in lx.FRIDAY_PRAYER):
        return None  # «آخرین جمعه ماه رمضان», «كل يوم جمعة», «امام جمعه»
    wd_end = m.end("W_wd")
    if ctx.clean[wd_end:wd_end + 3] in ("\u200cها", " ها"):
        return None  # «شنبه‌ها»: Saturdays
    rw = m.group("W_rw")
    if key == _JUMUAH and wd_txt.rstrip()[-1:] != "ه":  # «جمعة»: Arabic spelling
        if m.start("W_wd") == m.start("W") and not rw:
            return None  # «جمعة» alone in Arabic text is a name (محمد جمعة); «يوم جمعة» is a day
        persian_word = False
    _unit, offset, fa = lx.RELATIVE[lx.canon(rw)] if rw else (None, 0, False)
    cal = J if persian_word or fa else G
    r = _Raw(m.start("W"), m.end("W"), cal, weekday=wd, relative=True)
    q = m.group("W_q")
    if rw:
        _relative_day(r, offset)
        if q:
            r.e = m.start("W_q")
            while r.e > r.s and ctx.clean[r.e - 1] in " \u00a0\u200c":
                r.e -= 1
        _later(r, _check_weekday)
        return r
    qual = lx.WEEKDAY_QUALIFIERS.get(lx.canon(q)) if q else None
    _later(r, _weekday_from_ref, wd, qual, qual is None and _future_before(ctx, m.start("W")))
    return r


def _weekday_from_ref(ctx: _Ctx, r: _Raw, wd: int, qual: int | None, future: bool) -> None:
    """A bare weekday's day: the latest on or before ref, the next after it, or on or after it when the
    clause before it speaks of the future («ستعقد القمة الأحد»)."""
    ref = ctx.ref
    if ref is None:
        return
    if qual == 1:
        day = weekday_after(ref, wd)
    elif qual == -1:
        day = weekday_on_or_before(ref - dt.timedelta(days=1), wd)
    elif future:
        day = weekday_after(ref - dt.timedelta(days=1), wd)
    else:
        day = weekday_on_or_before(ref, wd)
    _fill_from_date(r, day)


def _clause_before(ctx: _Ctx, pos: int, size: int = 70) -> list[str]:
    """The canonical words of the clause that ends at ``pos`` (at most ``size`` characters back)."""
    # (the window after its last stop: the run without one at the start of the reversed window)
    reversed_window = ctx.clean[max(0, pos - size):pos][::-1]
    clause = reversed_window[:_NO_STOP_RUN.match(reversed_window).end()][::-1]  # type: ignore[union-attr]
    return list(map(lx.canon, clause.split()))


_NO_STOP_RUN = _regex.compile("dates.finder.NO_STOP_RUN", "[^.،,؛;!?؟\n]*", worst=_WORST)


def _future_before(ctx: _Ctx, pos: int) -> bool:
    """Whether the clause before a bare weekday speaks of the future («من المقرر أن…», «ستعقد», «خواهد»)."""
    words = _clause_before(ctx, pos)
    if not _FUTURE_BEFORE.isdisjoint(words):
        return True
    return "قرار" in words and any(a == "قرار" and b == "است" for a, b in itertools.pairwise(words))


def _with_conjunctions(table: frozenset[str]) -> frozenset[str]:
    """``table``'s words, each also after «و» or «ف»: a clause holds one when it shares a word with this."""
    return table | {conjunction + w for w in table for conjunction in "وف"}


_FUTURE_BEFORE = _with_conjunctions(lx.FUTURE_BEFORE)
_ONGOING_BEFORE = _with_conjunctions(lx.ONGOING_BEFORE)


def _count_ok(ctx: _Ctx, start: int, end: int) -> bool:
    if ctx.word_before(start) in lx.VAGUE_BEFORE:
        return False
    after = ctx.word_after(end)
    return after not in {"من", "از", "علی"}


def _ongoing_before(ctx: _Ctx, pos: int) -> bool:
    """Whether the clause before ``pos`` describes something still going on («الحرب المستمرة منذ …»)."""
    return not _ONGOING_BEFORE.isdisjoint(_clause_before(ctx, pos))


def _read_count(ctx: _Ctx, m: re.Match[str]) -> _Raw | None:
    start = m.start("C")
    if m.group("C_ar"):
        if m.group("C_n"):
            n_txt = m.group("C_n")
            n = int(n_txt) if n_txt.isdigit() else lx.NUMBER_WORDS.get(lx.canon(n_txt), 0)
            unit = lx.COUNT_UNITS_AR[lx.canon(m.group("C_u"))]
        elif m.group("C_d"):
            n, unit = 2, lx.DUAL_UNITS_AR[lx.canon(m.group("C_d"))]
        else:
            if lx.canon(m.group("C_ar")) != "قبل":
                return None
            n, unit = 1, lx.SINGLE_UNITS_AR[lx.canon(m.group("C_s"))]
        cal = G
    else:
        unit = lx.UNITS_FA[lx.canon(m.group("C_fu"))]
        cal = J
        if m.group("C_fn"):
            n = int(m.group("C_fn"))
        else:
            word, wstart = ctx.word_before_at(m.start("C_fu"))
            n = lx.NUMBER_WORDS.get(word, 0)
            if word.isdigit():
                n = 0  # a number run into other text
            if n:
                start = wstart
            elif word in _LENGTH_BEFORE or word in lx.VAGUE_BEFORE or word.isdigit():
                return None
            else:  # «سال پیش», «ماه قبل»: the last one
                r = _Raw(m.start("C_fu"), m.end("C"), cal, relative=True)
                _relative_unit(r, unit, -1)
                return r
    if n <= 0 or not _count_ok(ctx, start, m.end("C")):
        return None
    if m.group("C_ar") and lx.canon(m.group("C_ar")) == _MUNDHU and _ongoing_before(ctx, start):
        return None
    r = _Raw(start, m.end("C"), cal, relative=True)
    _relative_unit(r, unit, -n)
    return r


def _relative_unit(r: _Raw, unit: lx.Relative, offset: int) -> None:
    r.relative = True
    if unit is _DAYS:
        _relative_day(r, offset)
        return
    if unit is _WEEKS:
        r.granularity = _BY_WEEK
        _relative_day(r, 7 * offset)
        return
    r.granularity = _BY_MONTH if unit is _MONTHS else _BY_YEAR
    _later(r, _unit_from_ref, unit, offset)


def _unit_from_ref(ctx: _Ctx, r: _Raw, unit: lx.Relative, offset: int) -> None:
    """The year (and month) ``offset`` months or years from ref's, in ``r``'s calendar."""
    if ctx.ref is None:
        return
    here = in_calendar(ctx.ref, r.calendar)
    if here is None:
        return
    if unit is _MONTHS:
        r.year, r.month = add_months(here[0], here[1], offset)
    else:
        r.year = here[0] + offset


_NOT_TODAY = frozenset({lx.key("الیوم"), lx.key("هذا الیوم")})
_LENGTH_BEFORE = frozenset(lx.key(w) for w in (
    "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده", "چند", "طی", "طول", "ظرف", "مدت",
    "همین", "اخر", "اخیر",
))


def _read_relative(ctx: _Ctx, m: re.Match[str]) -> _Raw | None:
    w = m.group("R_w")
    k = lx.canon(w)
    unit, offset, fa = lx.RELATIVE[k]
    start = m.start("R_w")
    if k in _NOT_TODAY:
        after = ctx.word_after(m.end("R_w"))
        if after in lx.NOT_TODAY_AFTER or ctx.word_before(m.start("R")) in lx.NOT_TODAY_BEFORE:
            return None
        if after.startswith("ال") and after[2:3].isdigit():  # «في اليوم الـ237 من العدوان»
            return None
    if k == _GHADAN:
        # «غدا» is also the verb «became» («غدا الوضع أكثر تعقيداً»); with tanwin it is «tomorrow»
        end = ctx.span(m.start("R_w"), m.end("R_w"))[1]
        after = ctx.word_after(m.end("R_w"))
        if "\u064b" not in ctx.text[end - 1:end + 1] and after.startswith("ال") and \
                after not in lx.WEEKDAYS and after not in _AL_FUNCTION_WORDS:
            return None
    if unit is not _DAYS or k == _RUZ_GOZASHTEH:
        near = ctx.word_just_before(m.start("R"))
        if near.isdigit() or near in lx.NUMBER_WORDS or (fa and near in _LENGTH_BEFORE):
            return None
    r = _Raw(m.start("R"), m.end("R"), J if fa else G, relative=True)
    if fa and unit in (_MONTHS, _YEARS) and ctx.word_after(r.e) == _MILADI:
        # «سال آینده میلادی»: the Gregorian year
        r.calendar = G
        r.e = _WORD_AFTER.match(ctx.clean, r.e).end()  # type: ignore[union-attr]
    _relative_unit(r, unit, offset)
    if unit is _MONTHS:
        _day_of_relative_month(ctx, r, start)
    return r


def _day_of_relative_month(ctx: _Ctx, r: _Raw, start: int) -> None:
    """«في 15 من الشهر الجاري», «الثامن والعشرين من الشهر المقبل»: a day of a relative month."""
    h = _REL_DAY_HEAD.search(ctx.clean, max(ctx.pos, start - 40), start)
    if h is None:
        return
    dd = h.group("d")
    day = _int(dd) if dd else lx.ORDINALS.get(lx.canon(h.group("o")), 0)
    if not 1 <= day <= 31:
        return
    r.s = h.start("d") if dd else h.start("o")
    r.day = day
    r.granularity = _BY_DAY
    _later(r, _date_of_relative_month, day)


def _date_of_relative_month(_ctx: _Ctx, r: _Raw, day: int) -> None:
    """The date of a day of a relative month, once ref gave its year and month."""
    if r.year is not None and r.month is not None:
        r.date = day_of(r.calendar, r.year, r.month, day)
        if r.date is None:
            r.warnings.append(f"{day}/{r.month}/{r.year} does not exist in the {r.calendar} calendar")


def _read_month(ctx: _Ctx, m: re.Match[str]) -> _Raw | None:
    m1 = m.group("M_m1") or m.group("M_m3")
    _cal, _month_no, level = lx.MONTHS[lx.canon(m1)]
    has_year = bool(m.group("M_y")) and len(m.group("M_y")) == 4
    has_mw = bool(m.group("M_mw"))
    before = ctx.word_before(m.start("M_core"))
    has_pre = before in _PREPS
    paired = bool(m.group("M_m2"))
    qualified = bool(m.group("M_q")) and lx.canon(m.group("M_q")) in lx.MONTH_QUALIFIERS
    if level is _LEVEL_PREP and not (has_pre or has_mw or has_year or paired or qualified):
        return None
    if level is _LEVEL_STRICT and not (has_mw or has_year or qualified or before in _TEMPORAL_PREPS):
        return None
    r = _read_day_month(ctx, m, "M", m.start("M_core"))
    if r is None:
        return None
    if r.year is not None and not has_year:
        r.year = None
        r.year_open = True
        r.e = m.end("M_m2") if paired else m.end("M_m1") if m.group("M_m1") else m.end("M_m3")
    r.granularity = _BY_MONTH
    return r


def _read_year(ctx: _Ctx, m: re.Match[str]) -> _Raw | None:
    year = _int(m.group("Y_y"))
    era = _era(m, "Y")
    word = m.group("Y_w")
    pre_word, pre_start = ctx.word_before_at(m.start("Y"))
    pre = pre_word if pre_word in _PREPS else ""
    if pre and ctx.word_before(pre_start) in lx.TIME_NOUNS:
        pre = _MUNDHU  # «الربع الأول من 2024 …»: a part of the year, whatever follows
    persian = bool(word and lx.canon(word).startswith("سال")) or pre in _FA_PREPS
    if not word and era is None and pre_word in _SEASONS:
        persian = persian or pre_word in _FA_SEASONS  # «صيف 2023», «تابستان ۱۴۰۲»
    elif not word and era is None:
        if not pre:
            return None
        after = ctx.word_after(m.end())
        rest = ctx.clean[m.end():m.end() + 1]
        if pre not in _STRONG_PREPS and after and after not in lx.YEAR_FOLLOWERS and rest in " \u00a0\u200c":
            return None
        if not (1900 <= year <= 2100 or (persian and 1300 <= year <= 1420)):
            return None
    cal = _year_calendar(year, persian or ctx.iranian, era)
    start = m.start("Y_w") if word else m.start("Y_y")
    end = m.end("Y_era") if m.group("Y_era") else m.end("Y_y")
    return _Raw(start, end, cal, year=year, granularity=_BY_YEAR)


def _range_head(ctx: _Ctx, m: re.Match[str], r: _Raw, pos: int) -> _Raw | None:
    """The first day of a range that shares its month: «۹ و ۱۰ محرم», «من 20 إلى 25 نوفمبر»."""
    if m.lastgroup != "D" or r.day is None or m.group("D_wd") or m.group("D_pt"):
        return None
    day_start = m.start("D_dd") if m.group("D_dd") else m.start("D_do")
    h = _RANGE_HEAD.search(ctx.clean, max(pos, day_start - 16), day_start)
    if h is None:
        return None
    day = _int(h.group("d"))
    if not 1 <= day < r.day:
        return None
    return attrs.evolve(r, s=h.start("d"), e=h.end("d"), day=day, weekday=None, time=None, warnings=[])


def _range_tail(ctx: _Ctx, r: _Raw) -> _Raw | None:
    t = _RANGE_TAIL.match(ctx.clean, r.e)
    if t is None or r.year is None:
        return None
    year = _int(t.group("y"))
    if not 0 < year - r.year <= 200:
        return None
    return _Raw(t.start("y"), t.end("y"), r.calendar, year=year, granularity=_BY_YEAR)


_READERS = {
    "N": _read_numeric,
    "W": _read_weekday,
    "C": _read_count,
    "R": _read_relative,
    "M": _read_month,
    "Y": _read_year,
}


def _read(ctx: _Ctx, m: re.Match[str]) -> _Raw | None:
    kind = m.lastgroup
    if kind == "D":
        r = _read_day_month(ctx, m, "D", m.start("D"))
        if r is not None:
            r.s = m.start("D")
            w_start = m.start("D_wd") if m.group("D_wd") else -1
            if w_start < 0 and not m.group("D_pt"):
                r.s = m.start("D_dd") if m.group("D_dd") else m.start("D_do")
                before = ctx.clean[m.start("D"):r.s]
                if lx.canon(before.strip()) in _YOM_KEYS:
                    r.s = m.start("D")
        if r is not None and m.group("D_rw") and r.year_open:
            _later(r, _year_of_relative_day, lx.RELATIVE[lx.canon(m.group("D_rw"))][1])
    elif kind is None:
        return None
    else:
        r = _READERS[kind](ctx, m)
    if r is None:
        return None
    if kind in _TIME_GROUPS:
        r.time = _time(m, kind)
        after = _TIME_GROUPS[kind][0]  # a time after the date ends the mention (D, N: a valid one)
        if (r.time is not None or kind in {"W", "R"}) and m.group(after):
            r.e = max(r.e, m.end(after))
    return r


def _year_of_relative_day(ctx: _Ctx, r: _Raw, offset: int) -> None:
    """«أمس الخميس 7 ديسمبر»: the year of the day ``offset`` days from ref, when its month is the one
    written."""
    if ctx.ref is not None:
        parts = in_calendar(ctx.ref + dt.timedelta(days=offset), r.calendar)
        if parts is not None and parts[1] == r.month:
            r.year = parts[0]


def _link(ctx: _Ctx, raws: list[_Raw]) -> list[list[_Raw]]:
    """Runs of adjacent mentions in different calendars joined by a connector."""
    groups: list[list[_Raw]] = []
    for r in raws:
        if groups:
            last = groups[-1][-1]
            gap = _CONNECTOR.fullmatch(ctx.clean, last.e, r.s) if r.s - last.e <= 24 else None
            same_kind = (last.day is not None) == (r.day is not None)
            cals = {x.calendar for x in groups[-1]}
            if gap is not None and same_kind and r.calendar not in cals and \
                    r.granularity is not _BY_YEAR and not r.relative and not (
                    last.relative and last.year_open is False):
                groups[-1].append(r)
                continue
        groups.append([r])
    return groups


def _mention(ctx: _Ctx, r: _Raw, group: int | None) -> DateMention:
    # (ctx.span where nothing was removed, inlined: a call per mention)
    start, end = ctx.span(r.s, r.e) if ctx.clean_pos else (r.s, max(r.s, r.e))
    # (positional: the keywords, passed one by one, cost more than the rest of the call)
    return DateMention(ctx.text[start:end], start, end, r.calendar, r.year, r.month, r.day, r.date, r.time,
                       r.granularity, r.relative, r.weekday, ctx.field, ctx.index, tuple(r.warnings), group)


def find_dates(text: str, *, ref: dt.date | None = None) -> list[DateMention]:
    """Every date expression in ``text``, in text order.

    Reads Gregorian, lunar Hijri and Solar Hijri dates written with month
    names (every regional spelling), ordinal words, numeric forms and ISO
    dates, weekdays, clock times, relative phrases and exact counts, in Arabic
    and Persian (and the English :meth:`CalendarDate.format` writes).

    Args:
        text: The text to search.
        ref: The day relative phrases, weekdays and months without a year are
            resolved against (usually the publication day).  Without it such
            mentions are still reported with their open parts ``None``.

    Returns:
        The mentions, one per date expression: a weekday or time next to a
        date belongs to it; each calendar's expression in a pair or triple is
        its own mention, linked through :attr:`DateMention.group`, with a
        missing year filled from its partner.

    Raises:
        TypeError: ``text`` is not a string or ``ref`` not a date.
    """
    _check_call(text, ref)
    return _find(text, ref, None)


class SharedFinder:
    """:func:`find_dates` for the texts of one article, each text scanned once however often it is read.

    Inferring the publication day reads every field under two probe days and
    the enrichment step reads it once more under the final one.  What does
    not depend on ``ref`` is kept for the next call on the same text: the
    matching copy, the candidate search results and each match's reading
    (resolving a reading under ``ref`` is left to each call), and the whole
    result when one call never looked at ``ref`` (a text with no relative
    mention).  Results are exactly those of :func:`find_dates`.  Meant for
    one article: it keeps what it read.
    """

    __slots__ = ("_memo",)

    def __init__(self, texts: Iterable[str] = ()) -> None:
        """Make a finder, scanning ``texts`` together now.

        Args:
            texts: The texts it is to be asked about (others may follow).
        """
        self._memo: dict[str, _Scan] = _scan_together(texts) if texts else {}

    def __call__(self, text: str, *, ref: dt.date | None = None) -> list[DateMention]:
        """The same as :func:`find_dates` (``text``, ``ref``)."""
        _check_call(text, ref)
        scan = self._memo.get(text)
        if scan is not None and scan.fixed is not None:
            return list(scan.fixed)  # what _find gives back for it, under any ref
        return _find(text, ref, self._memo)

    def placed(self, text: str, ref: dt.date | None, field: str, index: int) -> list[DateMention]:
        """``[_placed(m, field, index) for m in self(text, ref=ref)]``, each mention built once.

        The enrichment step places every mention of its last reading in its field: a mention made
        to be copied into its field at once is made there instead.
        """
        _check_call(text, ref)
        scan = self._memo.get(text)
        if scan is not None and scan.fixed is not None:
            return [_placed(m, field, index) for m in scan.fixed]
        return _find(text, ref, self._memo, field, index)


def _check_call(text: object, ref: object) -> None:
    """Raise :class:`TypeError` for arguments :func:`find_dates` does not take."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a string, not {type(text).__name__}")
    if ref is not None and not isinstance(ref, dt.date):
        raise TypeError(f"ref must be a datetime.date, not {type(ref).__name__}")


def _find(text: str, ref: dt.date | None, memo: dict[str, _Scan] | None, field: str | None = None,
          index: int | None = None) -> list[DateMention]:
    if isinstance(ref, dt.datetime):
        ref = ref.date()
    scan = memo.get(text) if memo is not None else None
    if scan is None:
        clean, clean_pos, removed, found = _clean_and_candidates(text)
        if not found:  # no place where a date may start (most lines)
            if memo is not None:
                memo[text] = _NOTHING
            return []
        scan = _Scan(clean, clean_pos, removed, found)
        if memo is not None:
            memo[text] = scan
    elif scan.fixed is not None:
        return list(scan.fixed)  # a reading that never looked at ref: the same under this one
    searched = scan.searched
    if 0 not in searched:
        searched[0] = _search(scan, 0)
    if searched[0] is None:
        scan.fixed = ()
        return []  # no candidate at all (most paragraphs): nothing to read or link
    ctx = _Ctx(text, ref, scan, field, index)
    raws = _read_all(ctx, memo is not None)
    out = _finish(ctx, raws) if raws else []
    if memo is not None and not ctx.ref_reads and field is None and index is None:
        scan.fixed = tuple(out)
    return out


def _read_all(ctx: _Ctx, keep: bool) -> list[_Raw]:
    """The mentions read from left to right, before linking.

    Each step from a search position reads what the search finds there, resolves it under
    ``ref`` and adds a range's first day or last year.  Reading looks only at the text, so with
    ``keep`` each reading is kept and the next call on the text resolves a copy of it.
    """
    scan = ctx.scan
    searched, reads = scan.searched, scan.reads
    raws: list[_Raw] = []
    pos = 0
    n = len(scan.clean)
    while pos < n:
        if pos in searched:
            hit = searched[pos]
        else:
            hit = searched[pos] = _search(scan, pos)
        if hit is None:
            break
        at, m = hit
        r: _Raw | None
        if keep and pos in reads:
            kept = reads[pos]
            r = _thawed_raw(kept) if kept is not None else None  # resolving and linking change it in place
        else:
            looks = ctx.ref_reads
            ctx.pos = pos
            try:
                r = _read(ctx, m)
            except (DateError, ValueError, KeyError, OverflowError):
                r = None
            if r is not None and r.e <= r.s:
                r = None
            if keep and ctx.ref_reads == looks:  # (reading never looks at ref; were it to, nothing is kept)
                reads[pos] = _frozen_raw(r) if r is not None else None
        if r is not None and r.pending:
            try:
                _resolve(ctx, r)
            except (DateError, ValueError, KeyError, OverflowError):
                r = None
        if r is None:
            pos = at + 1
            continue
        head = _range_head(ctx, m, r, pos) if m.lastgroup == "D" else None  # (only a day and month has one)
        if head is not None:
            raws.append(head)
        raws.append(r)
        pos = r.e
        if r.granularity is _BY_YEAR:
            tail = _range_tail(ctx, r)
            if tail is not None:
                raws.append(tail)
                pos = tail.e
    return raws


def _search(scan: _Scan, pos: int) -> tuple[int, re.Match[str]] | None:
    """Where and what ``DATE_PATTERN.search(clean, pos)`` finds, trying only the scan's candidates."""
    cands, tried = scan.cands, scan.tried
    for at in cands[bisect.bisect_left(cands, pos):]:
        m = tried.get(at, _UNTRIED)
        if m is _UNTRIED:
            m = tried[at] = _match_at(scan.clean, at, scan.opens[at], cands, scan.opens)
        if m is not None:
            return at, m  # type: ignore[return-value]  # (not _UNTRIED)
    return None


_UNTRIED = object()


def _finish(ctx: _Ctx, raws: list[_Raw]) -> list[DateMention]:
    out: list[DateMention] = []
    for group in _link(ctx, raws) if len(raws) > 1 else (raws,):  # (one mention is a group of its own)
        if len(group) == 1:
            r = group[0]
            _resolve_open_year(ctx, r)
            if not r.relative or r.year_open:
                _finish_day(ctx, r)
            out.append(_mention(ctx, r, None))
            continue
        for r in group:
            if not r.year_open:
                _finish_day(ctx, r)
        mentions = [_mention(ctx, r, ctx.orig(group[0].s)) for r in group]
        if any(x.date is not None for x in mentions):
            rec = reconcile(mentions)
            if rec:
                mentions = list(rec[0].mentions)
                extra = rec[0].warnings
                if extra:
                    mentions = [_evolve(x, warnings=(*x.warnings, *extra)) for x in mentions]
        done = []
        for r, x in zip(group, mentions, strict=True):
            if x.year is None and r.year_open:
                _resolve_open_year(ctx, r)
                _finish_day(ctx, r)
                x = _mention(ctx, r, x.group)
            elif x.date is not None and r.weekday is not None and r.date is None:
                r.date = x.date
                r.year = x.year
                _check_weekday(ctx, r)
                x = _evolve(x, warnings=tuple(dict.fromkeys((*x.warnings, *r.warnings))))
            done.append(x)
        out.extend(done)
    return out


def parse_date(text: str, *, ref: dt.date | None = None) -> DateMention:
    """The one date mention in ``text``.

    Args:
        text: A short text holding a date («۸ آذر ۱۴۰۲», «7 أكتوبر 2023»).
        ref: The day relative expressions are resolved against.

    Returns:
        The first mention :func:`find_dates` reports.

    Raises:
        DateError: ``text`` holds no date.
        TypeError: ``text`` is not a string.
    """
    found = find_dates(text, ref=ref)
    if not found:
        raise DateError(f"no date found in {text[:80]!r}")
    return found[0]

