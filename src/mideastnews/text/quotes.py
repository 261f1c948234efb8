"""Direct quotations and their speakers, in Arabic and Persian news text.

The finder works in two passes over the body, in reading order:

1. **Quotation spans.**  Every quotation mark (“ ” „ ‟, « », ‹ ›, " ＂) is
   classified by its surroundings as opening, closing or ambiguous, and the
   marks are paired by a small state machine that tolerates the mess real
   pages hold: mixed pairs (“…"), nested quotations of another family
   («… "…" …»), an opening mark that is never closed before the next
   attribution (“… . وقال X: “…”), a closing mark whose opening was lost,
   and a quotation left open at the end of its paragraph.  Persian wire copy
   (and some Arabic) marks direct speech with a colon alone
   («X گفت: …»): the quotation then runs to the sentence before the next
   attribution, or to the end of the paragraph.

2. **Attributions.**  Verbs of saying (``قال``, ``أكد``, ``شدد``, ``أضاف``…;
   ``گفت``, ``افزود``, ``یادآور شد``…), participles (``مضيفاً``,
   ``مؤكداً``), and ``به گفته X`` are found with their subject: after the
   verb in Arabic (verb–subject order, with the appositive name of
   «الرئيس الإيراني، إبراهيم رئيسي،» preferred over the title), before the
   verb in Persian (after any «به گزارش … به نقل از …» credit).  A verb
   with no subject of its own («وأضاف:», «وأكد أن», «وی افزود:») speaks
   for the previous speaker, also across paragraphs; a short name that
   ends an earlier speaker's name («رئيسي» after «إبراهيم رئيسي») is read as
   that speaker.

A quoted name or short term (fewer than three words, or a name after
«منصة», «عملية», «با نام»…) is not a quotation.  Everything here is
linear in the length of the text.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .. import _regex

__all__ = ["QuoteSpan", "find_quotes"]


class QuoteSpan(NamedTuple):
    """A quotation found in a paragraph.

    Attributes:
        text: The quoted words, without the marks.
        speaker: Who the text says spoke them, or ``None`` when it names no one.
        paragraph: Index of the paragraph the quotation stands in.
    """

    text: str
    speaker: str | None
    paragraph: int


# ---------------------------------------------------------------------------
# Lexicons

_DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"
_KEY_TABLE = str.maketrans({**dict.fromkeys(_DIACRITICS), "أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي",
                            "ة": "ه", "ی": "ي", "ک": "ك", "\u200c": None})


_KEY_STRIP = ".,،؛;:!?؟()[]«»“”\"'…-–—"
_KEY_DROPPED = "".join(chr(c) for c, to in _KEY_TABLE.items() if to is None)
_KEY_SWAPPED = tuple((chr(c), str(to)) for c, to in _KEY_TABLE.items() if to is not None)


@functools.lru_cache(maxsize=65536)
def _key(token: str) -> str:
    """A token folded for lexicon look-ups: no diacritics, one alif, one yeh."""
    return token.strip(_KEY_STRIP).translate(_KEY_TABLE)


def _keys(words: Iterable[str]) -> frozenset[str]:
    return frozenset(_key(w) for w in words)


def _lexicon(words: str) -> frozenset[str]:
    """The folded set of the whitespace-separated ``words``."""
    return _keys(_split(words))


def _split(words: str) -> list[str]:
    return words.split()


# Words that end an Arabic subject noun phrase (after the verb of saying).
_AR_STOP = _lexicon("""
أن أنّ إن إنّ أنه أنّه إنه إنّه أنها أنّها إنها إنّها أنهم إنهم بأن بأنّ بأنه بأنها
على عن في خلال عبر مع من إلى لدى أثناء حين عندما بعد قبل ضمن بشأن حول إثر أمام
اليوم أمس يوم صباح مساء ليلة الشهر الأسبوع الأحد الاثنين الإثنين الثلاثاء
الأربعاء الخميس الجمعة السبت تعليقا تعليقاً ردا رداً أيضا أيضاً كذلك بدوره بدورها وفق وفقا وفقاً
بحسب حسب بشدة بشدّة بقوة الذي التي الذين اللذان اللتان وهو وهي كما حيث لكن بل ثم إذ
""")

# Words that open a title: «الرئيس الإيراني، إبراهيم رئيسي،» names the title first.
_AR_TITLE = _lexicon("""
وزير رئيس سفير مندوب ممثل قائد زعيم أمين نائب مستشار متحدث ناطق مدير عضو مرشد رئيسة وزيرة
مسؤول مصدر قيادي
""")

# Nouns after which a quoted word is a name, not a quotation.
_NAME_NOUNS = _lexicon("""
معركة عملية عمليات حملة مؤتمر قمة منصة موقع صحيفة وكالة شبكة قناة مجلة حركة كتاب برنامج
فيلم مسلسل وسم هاشتاغ بعنوان عنوان باسم اسم المسماة المسمى تطبيق مبادرة مناورات مناورة
يعرف يسمى تسمى المعروف المعروفة يدعى تدعى جائزة مهرجان معرض مسابقة ندوة حفل شعار مشروع
نام عنوان روزنامه خبرگزاری شبکه پایگاه کانال هشتگ فیلم برنامه طرح رزمایش نشست همایش
کنفرانس کتاب سایت موسوم
""")

# Addressees after the subject: «قال الوزير للصحفيين إن».
_AR_ADDRESSEES = _lexicon("""
للصحفيين للصحافيين للصحافة لوسائل للإعلام للاعلام للميادين لقناة لوكالة لصحيفة لموقع للتلفزيون
لشبكة للإذاعة للتلفزة لنا له لها لهم للجزيرة للعربية
""")

_CLITICS = _lexicon("بـ لـ و ب ل وبـ ولـ")

# Verbs whose object follows directly («ودعا العالم الإسلامي إلى»): their
# following noun phrase is not surely the subject.
_AR_OBJECT_VERBS = _lexicon("دعا طالب حث ناشد حذر")
# Verbs with a direct object: «أبدى الرئيس التركي استعداد بلاده» — a definite
# subject ends where the definite chain does.
_AR_TRANSITIVE = _lexicon("أبدى ثمن شكر وصف أدان نفى رحب أعرب")

_FA_PRONOUNS = _lexicon("وی او ایشان")
_FA_TITLE = _lexicon("""
سفیر وزیر رئیس سخنگوی نماینده فرمانده دبیر معاون مدیر رهبر مشاور دبیرکل عضو استاندار
فرماندار شهردار دادستان رئیس‌جمهور سرلشکر سردار امیر
""")
# Words and phrases that end a Persian subject (its adverbials start there).
_FA_STOP_WORDS = _lexicon("""
شنبه یکشنبه دوشنبه سه‌شنبه سهشنبه چهارشنبه پنجشنبه پنج‌شنبه جمعه امروز دیروز روز صبح عصر
شب ظهر بامداد همچنین نیز ضمن درباره امشب هفته
""")
_FA_STOP_PAIRS = frozenset({
    ("با", "اشاره"), ("با", "بیان"), ("با", "تاکید"), ("با", "تأکید"), ("با", "اعلام"),
    ("با", "انتقاد"), ("با", "ابراز"), ("با", "یادآوری"), ("با", "حضور"), ("در", "گفت"),
    ("در", "گفتگو"), ("در", "گفت‌وگو"), ("در", "ادامه"), ("در", "بخش"), ("در", "پاسخ"),
    ("در", "حاشیه"), ("در", "جمع"), ("در", "مصاحبه"), ("در", "نشست"), ("در", "دیدار"),
    ("در", "سخنانی"), ("در", "این"), ("در", "پایان"), ("در", "خصوص"), ("در", "مورد"),
    ("در", "آیین"), ("در", "مراسم"), ("در", "همایش"), ("در", "جلسه"), ("در", "تماس"),
    ("پیش", "از"), ("پس", "از"),
})
_FA_STOP_PAIRS_KEYED = frozenset((_key(a), _key(b)) for a, b in _FA_STOP_PAIRS)
_FA_TO, _FA_REPORT = _key("به"), _key("گزارش")

_FA_SUBJECT_WORDS = 6  # a longer span before the verb is not one subject
_FA_STOP_PREPOSITIONS = _lexicon("به با برای")

_FA_LEADING = _lexicon("و همچنین اما ولی")

# ---------------------------------------------------------------------------
# Patterns

_MARK_CHARS = "“”„‟«»‹›\"＂″"
_FAMILY = {"“": "c", "”": "c", "„": "c", "‟": "c", "«": "g", "»": "g", "‹": "a", "›": "a",
           '"': "s", "＂": "s", "″": "s"}
_FIXED_OPEN = "«‹„"
_FIXED_CLOSE = "»›"
_LEFT_OPEN = set(" \t\n\u00a0(([{:،,؛;—–-ـ/\u200c\u200f\u200e") | set(_MARK_CHARS)
_RIGHT_OPEN = set(" \t\n\u00a0.,،؛;:!?؟)]}…\u200c\u200f\u200e-–—") | set(_MARK_CHARS)
_SENTENCE_END = ".!?؟"
#: A sentence end: a stop that a space (``str.isspace``, as ``\s`` reads it) or the end of the text follows.
_SENTENCE_STOP = _regex.compile("text.quotes.SENTENCE_STOP", r"[.!?؟](?=\s|\Z)")



def _repeat(unit: str) -> _regex.WorstInput:
    """A worst-input generator: ``unit`` repeated to ``n`` characters."""

    def build(n: int) -> str:
        return (unit * (n // len(unit) + 1))[:n]

    return build


_MARK = _regex.compile("text.quotes.MARK", "[" + _MARK_CHARS + "]", worst=(_repeat("“”«»\""),))
#: What ends the intro after a verb of saying (or opens a quoted name inside it).
_INTRO_STOP = _regex.compile("text.quotes.INTRO_STOP", "[" + _MARK_CHARS + ":.!?؟\n]",
                             worst=(_repeat("“”«»\":."),))


def _flex(word: str) -> str:
    """A pattern for ``word`` with optional diacritics after each letter and hamza-free alifs."""
    out = []
    for ch in word:
        out.append("[أإآا]" if ch in "أإآا" else "[ىي]" if ch in "ىي" else ch)
        out.append("[\u064b-\u0652]?")
    return "".join(out)


def _flex_any(words: Sequence[str]) -> str:
    """:func:`_flex` of each of ``words`` as one prefix-factored alternation (a trie).

    The regex engine tries an alternation's branches one by one at every word
    start; shared beginnings are tested once here.  No word of a list may be a
    prefix of another (then at most one of them matches at a position, and the
    factoring matches exactly what the plain alternation did).
    """
    trie: dict[str, dict[str, Any]] = {}
    for word in words:
        node = trie
        for ch in word:
            letter = "[أإآا]" if ch in "أإآا" else "[ىي]" if ch in "ىي" else ch
            node = node.setdefault(letter, {})
        node[""] = {}

    def emit(node: dict[str, dict[str, Any]]) -> str:
        branches = [letter + "[\u064b-\u0652]?" + emit(child) for letter, child in node.items() if letter]
        if "" in node:  # a word ends here: by the rule above, nothing continues it
            if branches:
                raise ValueError(f"a word of {list(words)} is a prefix of another")
            return ""
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(trie)


_AR_VERBS = _split("""
قال أضاف تابع أكد شدد أوضح أشار اعتبر رأى لفت ذكر صرح أعلن كتب ختم استطرد استدرك زعم رد
أبدى أعرب وصف ثمن شكر نفى أدان رحب غرد أفاد اعترف أقر تساءل علق نوه أردف دعا طالب حذر
""")
_AR_PRESENT = _split("يقول تقول يضيف تضيف يؤكد تؤكد يرى ترى")
_AR_PARTICIPLES = _split("""
مضيف مؤكد مشدد مشير لافت معتبر موضح متابع قائل محذر معرب واصف منوه مردف مستطرد داعي
""")


def _first_letters(words: Iterable[str], extra: str) -> str:
    """A character class of the letters ``extra`` and the words (as :func:`_flex` spells them) open with."""
    letters = set(extra)
    for word in words:
        ch = word[0]
        letters |= set("أإآا" if ch in "أإآا" else "ىي" if ch in "ىي" else ch)
    return "[" + "".join(sorted(letters)) + "]"


# After the look-behind, a look-ahead for the letters a match can open with (the prefixes و ف ثم كما,
# then each verb's first letter) turns most word starts away with one test instead of the alternation.
_AR_FIRST = _first_letters([*_AR_VERBS, *_AR_PRESENT, *_AR_PARTICIPLES], "وفثكب")  # ب: بيّن
_PAST_ENDINGS = r"(?:ت|وا)?(?:ه|ها|هم)?"
_PARTICIPLE_ENDINGS = r"(?:\u064b?ا\u064b?|\u064b|ة|ين|ان)?"
# What ``\s`` matches (the characters of ``str.isspace``), spelled out: in a class with other characters,
# ``\s`` is a category the engine tests by a function call at each character; spelled out, the whole
# class is one table look-up.
_SPACES = r"\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_AR_BEFORE = r"[" + _SPACES + r"(\"“”«»،,.:؛]"  # what may stand before a verb (or start the text)
_AR_AFTER = r"(?![^" + _SPACES + r"\"“”«»،,.:؛])"  # what may follow one (or end the text)
_AR_VERB_WORST = (_repeat("وقال "), _repeat("قائلاً"), _repeat("وأكّدّ"), _repeat("مضيفمضيف "))
_AR_VERB = _regex.compile(
    "text.quotes.AR_VERB",
    r"(?<!" + _AR_BEFORE.replace("[", "[^", 1) + r")"
    r"(?=" + _AR_FIRST + r")"
    r"(?:[وف]|ثم\s|كما\s)?"
    r"(?:(?P<past>" + _flex_any(_AR_VERBS) + r"|بيّن|بیّن)" + _PAST_ENDINGS
    + r"|(?P<present>" + _flex_any(_AR_PRESENT) + r")"
    r"|(?P<part>" + _flex_any(_AR_PARTICIPLES) + r")" + _PARTICIPLE_ENDINGS
    + r")" + _AR_AFTER,
    worst=_AR_VERB_WORST,
)


def _verb_trie(prefixes: Sequence[str]) -> str:
    """Every form :data:`_AR_VERB` reads after one of ``prefixes``, as one trie without groups.

    Each verb becomes its :func:`_flex` letters, then its endings, and the
    prefixes are spelled into the trie instead of being tried (and given up)
    before every verb.  Forms may here be prefixes of one another: a match
    must end where its word ends (:data:`_AR_AFTER`), and no form holds a
    character that ends a word but the space after the prefixes «ثم» and
    «كما» (and no verb opens with those words), so wherever the engine finds
    one, it finds the same span, whichever branch it takes first.
    """
    trie: dict[str, dict[str, Any]] = {}
    forms = [(_PAST_ENDINGS, _AR_VERBS), ("", _AR_PRESENT), (_PARTICIPLE_ENDINGS, _AR_PARTICIPLES)]
    for prefix in prefixes:
        for ending, words in forms:
            for word in words:
                node = trie.setdefault(prefix, {}) if prefix else trie
                for ch in word:
                    letter = "[أإآا]" if ch in "أإآا" else "[ىي]" if ch in "ىي" else ch
                    node = node.setdefault(letter + "[\u064b-\u0652]?", {})
                node.setdefault("", {})[ending] = {}
        for word in ("بيّن", "بیّن"):
            node = trie.setdefault(prefix, {}) if prefix else trie
            node.setdefault(word, {}).setdefault("", {})[_PAST_ENDINGS] = {}

    def emit(node: dict[str, dict[str, Any]]) -> str:
        branches = [atom + emit(child) for atom, child in node.items() if atom]
        branches += sorted(node.get("", {}))  # the endings of the forms that end here
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(trie)


# Where _AR_VERB matches, in a pattern without groups that takes the character before the verb
# first: the engine skips at C speed from one word start to the next and walks one trie there,
# where _AR_VERB tries its look-behind at every position and then, prefix by prefix, three
# alternations.  The groups are then read by _AR_VERB at the few places found.  «ثم » and «كما »
# are prefixes in the one trie: a word start that opens no verb is turned away by one alternation,
# where a second one after them cost as much again.
_AR_VERB_FORMS = _verb_trie(["", "و", "ف", r"ثم\s", r"كما\s"]) + _AR_AFTER
# No form opens with «ال», and a quarter of the words of news text do: two letters compared turn
# them away before the trie's alternation is walked (tests/test_quotes.py checks the forms).
_AR_VERB_AFTER = _regex.compile(
    "text.quotes.AR_VERB_AFTER", _AR_BEFORE + "(?!ال)" + _AR_VERB_FORMS, worst=_AR_VERB_WORST,
)
# Every match of _AR_VERB opens with one of these letters: a text without any has no verb.
_AR_FIRST_SEARCH = _regex.compile("text.quotes.AR_FIRST", _AR_FIRST, worst=(_repeat("وقال "),))


# The body is scanned for verbs and marks once, each paragraph after this character: a verb may
# stand before and after it (as at a text's start and end) and holds none, and it is open on both
# sides for a mark (as a text's edges are), so every paragraph reads as it does alone, and the
# scans' fixed costs are paid once an article instead of once a paragraph.
_JOIN = "،"

_Verb = tuple[int, int, str | None]  # an Arabic verb of saying: start, end, its key (None: a participle)


def _body(paragraphs: Sequence[str]) -> tuple[str, list[int]]:
    """The paragraphs, each after :data:`_JOIN`, as one text; and where each starts in it."""
    starts = list(itertools.accumulate((len(p) + 1 for p in paragraphs), initial=1))
    starts.pop()
    return _JOIN + _JOIN.join(paragraphs), starts


@functools.lru_cache(maxsize=4096)
def _said(form: str) -> str | None:
    """The key of the verb in ``form`` (a match of :data:`_AR_VERB_AFTER` after its first character),
    or ``None`` for a participle.

    ``_AR_VERB`` reads the groups of a form the same way wherever it stands: its look-behind is met
    (by the character :data:`_AR_VERB_AFTER` took first, or by the start of ``form``) and its
    look-ahead too (by the character after, or by the end), so a form is read once, not at each
    place.
    """
    m = _AR_VERB.match(form)
    assert m is not None  # as the form matched
    return None if m.group("part") else _key(m.group("past") or m.group("present") or "")


def _ar_verbs_by_paragraph(body: str, starts: Sequence[int]) -> dict[int, list[_Verb]]:
    """Where ``_AR_VERB.finditer`` finds a verb in each paragraph, from one scan of their :func:`_body`.

    Every paragraph follows a character :data:`_AR_VERB_AFTER` takes before a verb, so its one
    ``finditer`` finds each paragraph's first verb too.
    """
    if body.isascii() or _AR_FIRST_SEARCH.search(body) is None:
        return {}
    found: dict[int, list[_Verb]] = {}
    for m in _AR_VERB_AFTER.finditer(body):
        start, end = m.span()
        start += 1  # past the character before the verb
        index = bisect.bisect_right(starts, start) - 1
        offset = starts[index]
        found.setdefault(index, []).append((start - offset, end - offset, _said(body[start:end])))
    return found


_FA_VERBS = _split("""
گفت افزود یادآور\\s?شد خاطرنشان\\s?کرد خاطر\\s?نشان\\s?کرد تاکید\\s?کرد تأکید\\s?کرد تصریح\\s?کرد
اظهار\\s?کرد اظهار\\s?داشت بیان\\s?کرد بیان\\s?داشت عنوان\\s?کرد ادامه\\s?داد اعلام\\s?کرد
توضیح\\s?داد اضافه\\s?کرد نوشت یادآوری\\s?کرد متذکر\\s?شد ابراز\\s?داشت ابراز\\s?کرد
گفته\\s?است می\\s?گوید تشریح\\s?کرد اذعان\\s?کرد
""")
_FA_VERB_BODY = r"(?:" + "|".join(_FA_VERBS) + r")(?P<colon>[ \t\u00a0]{0,3}:)"
_FA_VERB_WORST = (_repeat("یادآور "), _repeat("گفت   "), _repeat("خاطر نشان "))
_FA_VERB = _regex.compile("text.quotes.FA_VERB", r"(?<![^\s،,.])" + _FA_VERB_BODY, worst=_FA_VERB_WORST)
# The same verbs after the character before them, taken as the match's first character: a
# pattern that opens with a character class is searched at C speed from one such character
# to the next, where one opening with a look-behind is tried at every position.
_FA_VERB_AFTER = _regex.compile(
    "text.quotes.FA_VERB_AFTER", r"[\s،,.](?P<verb>" + _FA_VERB_BODY + ")", worst=_FA_VERB_WORST,
)


def _verbs(
    text: str, at_start: re.Pattern[str], after: re.Pattern[str], start: int = 0, end: int | None = None,
) -> Iterator[tuple[int, str, re.Match[str]]]:
    """What ``at_start.finditer(text)`` finds, as ``(start, text, match)``.

    ``at_start`` is a verb pattern behind a look-behind for the character
    before it; ``after`` takes that character first and the rest as group
    ``verb`` (the other groups are the same).  A verb match ends with a
    character that never stands before a verb (a colon),
    so after a match both go on from its end.  Only the first match of
    ``at_start`` may open the text.  ``after`` is only tried from ``start``
    (where its character before the verb may stand) to ``end``: the caller
    knows no verb lies outside.
    """
    first = at_start.match(text)
    if first is not None:
        yield first.start(), first.group(), first
        start = max(start, first.end())
    for m in after.finditer(text, start, len(text) if end is None else end):
        yield m.start("verb"), m.group("verb"), m


# The most characters a Persian verb match spans before its colon (with the character before it).
_FA_VERB_SPAN = 1 + max(len(v.replace("\\s?", " ")) for v in _FA_VERBS) + 3


def _fa_verbs(text: str) -> Iterator[tuple[int, str, re.Match[str]]]:
    """What ``_FA_VERB.finditer(text)`` finds, as :func:`_verbs` gives it.

    Every match ends with a colon, so only the stretch from a verb's length
    before the first colon to the last colon is searched.
    """
    first = text.find(":")
    if first < 0:
        return iter(())
    return _verbs(text, _FA_VERB, _FA_VERB_AFTER, max(0, first - _FA_VERB_SPAN), text.rfind(":") + 1)


# «به» first, then a look-behind over it and the character before (a space, or the text's start):
# a pattern that opens with a literal is searched for that literal at C speed.
_FA_ACCORDING = _regex.compile("text.quotes.FA_ACCORDING", r"به(?<!\S..)\sگفته\s(?P<who>[^،,.:«»\"“”]{1,80})",
                               worst=(_repeat("به گفته "),))


# ---------------------------------------------------------------------------
# Quotation spans


@dataclass(slots=True)
class _Span:
    start: int  # first character inside the marks
    end: int  # one past the last character inside
    marked: bool = True
    colon: bool = False  # introduced by a colon


def _role(text: str, i: int) -> str:
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    left_open = prev in _LEFT_OPEN
    right_open = nxt in _RIGHT_OPEN
    if ch in _FIXED_OPEN and not (right_open and not left_open):
        return "open"
    if ch in _FIXED_CLOSE and not (left_open and not right_open):
        return "close"
    if left_open and not right_open:
        return "open"
    if right_open and not left_open:
        return "close"
    return "either"


# _role read once for every mark and surroundings: (mark, left open, right open) -> (family, role).
_ROLES = {
    (ch, left, right): (_FAMILY[ch], _role(("x", " ")[left] + ch + ("x", " ")[right], 1))
    for ch in _MARK_CHARS for left in (False, True) for right in (False, True)
}


def _find_all(text: str, chars: str) -> list[int]:
    """The offsets of every one of ``chars`` in ``text``, in order.

    What a search for the class of ``chars`` finds, by one ``str.find`` pass
    per character: a few are found at C speed where the regex engine steps
    through the text.
    """
    found: list[int] = []
    for ch in chars:
        if ch not in text:  # the usual case: an operator, cheaper than a method call
            continue
        at = text.find(ch)
        while at >= 0:
            found.append(at)
            at = text.find(ch, at + 1)
    found.sort()
    return found


class _Bounds:
    """The sentence ends of a paragraph (a stop that a space or the end follows)."""

    __slots__ = ("_ends", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._ends: list[int] | None = None  # found on first use: many paragraphs never ask

    def last(self, start: int, end: int) -> int | None:
        """Offset just past the last sentence end in ``[start, end)``, if any."""
        ends = self._ends
        if ends is None:
            text = self._text
            size = len(text)
            # _SENTENCE_STOP's matches, found by character
            ends = self._ends = [at for at in _find_all(text, _SENTENCE_END)
                                 if at + 1 == size or text[at + 1].isspace()]
        k = bisect.bisect_left(ends, end) - 1
        if k >= 0 and ends[k] >= start:
            return ends[k] + 1
        return None

    def any_between(self, start: int, end: int) -> bool:
        """Whether a sentence ends in ``[start, end)``."""
        return self.last(start, end) is not None


def _next_closers(marks: Sequence[tuple[int, str, str]]) -> list[dict[str, int]]:
    """For each mark, the index of the next closing-capable mark of each family after it."""
    table: list[dict[str, int]] = [{} for _ in marks]
    ahead: dict[str, int] = {}
    for i in range(len(marks) - 1, -1, -1):
        table[i] = dict(ahead)
        _, fam, role = marks[i]
        if role in ("close", "either"):
            ahead[fam] = i
    return table


_Mark = tuple[int, str, str]  # offset in the body, family, role

# _ROLES by mark, then by 2 * (open on the left) + (open on the right): read without building a key.
_ROLE_OF = {ch: tuple(_ROLES[ch, left, right] for left in (False, True) for right in (False, True))
            for ch in _MARK_CHARS}


def _marks_by_paragraph(body: str, starts: Sequence[int]) -> dict[int, list[_Mark]]:
    """Every quotation mark of each paragraph, with its family and role, from one scan of the :func:`_body`.

    The offsets are the body's (a paragraph's start subtracted as the marks are read, not each
    beforehand): the marks are dealt out to the paragraphs by slices of one list.
    """
    positions = _find_all(body, _MARK_CHARS)
    last = len(body) - 1
    marks = [(pos, *_ROLE_OF[body[pos]][(pos == 0 or body[pos - 1] in _LEFT_OPEN) * 2
                                        + (pos == last or body[pos + 1] in _RIGHT_OPEN)])
             for pos in positions]
    found: dict[int, list[_Mark]] = {}
    i = 0
    while i < len(marks):  # a paragraph's marks at a time
        index = bisect.bisect_right(starts, positions[i]) - 1
        j = bisect.bisect_left(positions, starts[index + 1], i) if index + 1 < len(starts) else len(marks)
        found[index] = marks[i:j]
        i = j
    return found


def _marked_spans(text: str, bounds: _Bounds, marks: Sequence[_Mark], offset: int) -> list[_Span]:
    """The quotations that the ``marks`` of ``text`` (:func:`_marks_by_paragraph`) delimit.

    ``offset``: where ``text`` starts in the body the marks' offsets count in.
    """
    closers: list[dict[str, int]] | None = None  # worked out when two families meet (rare)
    spans: list[_Span] = []
    open_at: int | None = None
    family = ""
    floor = 0  # start of text not yet in a span
    i = 0
    while i < len(marks):
        pos, fam, role = marks[i]
        pos -= offset
        if open_at is None:
            if role in ("open", "either"):
                open_at, family = pos + 1, fam
            else:  # a closing mark whose opening was lost
                colon = text.rfind(":", floor, pos)
                begin = colon + 1 if colon >= 0 else floor
                spans.append(_Span(begin, pos))
                floor = pos + 1
            i += 1
            continue
        if fam != family:
            # Nested quotation of another family, or a mixed pair?
            if closers is None:
                closers = _next_closers(marks)
            same_later = family in closers[i]
            if role in ("open", "either") and same_later:
                closer = closers[i].get(fam)
                i = (closer + 1) if closer is not None else i + 1
                continue
            if role == "close" and same_later:
                i += 1
                continue
            if role == "close" or (role == "either" and not same_later):
                spans.append(_Span(open_at, pos))
                open_at, floor = None, pos + 1
                i += 1
                continue
        if role in ("close", "either"):
            spans.append(_Span(open_at, pos))
            open_at, floor = None, pos + 1
        else:  # an opening mark while one is open: the first was never closed
            boundary = bounds.last(open_at, pos)
            if boundary is not None:
                spans.append(_Span(open_at, boundary))
            open_at, family = pos + 1, fam
        i += 1
    if open_at is not None:
        spans.append(_Span(open_at, len(text)))
    return spans


def _words(text: str, most: int) -> int:
    """How many words ``text`` holds, counted up to ``most + 1`` (a longer text is not split further)."""
    return len(text.split(None, most))


def _is_name(text: str, span: _Span) -> bool:
    """A scare-quoted name or short term rather than a quotation."""
    count = _words(text[span.start:span.end], 8)
    if count >= 8:
        return False
    before = text[max(span.start - 80, 0):max(span.start - 1, 0)].rstrip()
    intro_colon = before.endswith(":")
    if count < 3 and not intro_colon:
        return True
    if count < 8:
        # The word before the mark, past a clitic written apart («ما يعرف بـ"…"»).
        words = [w for w in before.split()[-3:] if _key(w) not in _CLITICS]
        if words and _key(words[-1]) in _NAME_NOUNS:
            return True
    return False


# ---------------------------------------------------------------------------
# Attributions


@dataclass(slots=True)
class _Attribution:
    start: int  # where the attribution begins (subject or verb)
    end: int  # end of the verb and subject (after the colon where there is one)
    subject: str | None  # as written; None: the previous speaker
    colon: bool = False
    carries: bool = True  # whether it may update the current speaker
    speaker: str | None = None  # resolved
    verb_end: int = -1  # Arabic verbs of saying: where the verb ends


class _Vocab:
    """The folded words of the body (:func:`_key` of each), as a container; most articles never ask.

    A look-up searches the body folded whole (a few ``str.replace`` passes)
    for the key standing as a word, instead of folding every word.  That
    reads the words as :func:`_key` does unless a character :func:`_key`
    drops touches one it strips (``"…،\u0651"``: stripped first, the mark
    stays), and so for such a body, and for keys that no word search can
    stand for, the words are folded one by one.
    """

    __slots__ = ("_folded", "_keys", "_paragraphs")

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self._paragraphs = paragraphs
        self._keys: frozenset[str] | None = None
        self._folded: str | None = None

    def __contains__(self, key: object) -> bool:
        if self._keys is None and isinstance(key, str) and _searchable(key):
            if self._folded is None:
                text = " ".join(self._paragraphs)
                if not _dropped_beside_stripped(text):
                    self._folded = _fold(text)
            if self._folded is not None:
                return _stands_as_word(self._folded, key)
        if self._keys is None:
            words = set(itertools.chain.from_iterable(p.split() for p in self._paragraphs))
            self._keys = frozenset(map(_key, words))
        return key in self._keys


def _searchable(key: str) -> bool:
    """Whether a word search finds ``key``: no space in it, no stripped mark at either end."""
    return bool(key) and key[0] not in _KEY_STRIP and key[-1] not in _KEY_STRIP and not any(
        c.isspace() for c in key)


def _fold(text: str) -> str:
    """``text.translate(_KEY_TABLE)``, by one C-speed pass per character the text holds."""
    for ch in _KEY_DROPPED:
        if ch in text:
            text = text.replace(ch, "")
    for ch, to in _KEY_SWAPPED:
        if ch in text:
            text = text.replace(ch, to)
    return text


def _dropped_beside_stripped(text: str) -> bool:
    """Whether a character :func:`_key` drops stands next to one it strips."""
    size = len(text)
    for ch in _KEY_DROPPED:
        at = text.find(ch)
        while at >= 0:
            if (at > 0 and text[at - 1] in _KEY_STRIP) or (at + 1 < size and text[at + 1] in _KEY_STRIP):
                return True
            at = text.find(ch, at + 1)
    return False


def _stands_as_word(folded: str, key: str) -> bool:
    """Whether ``key`` is a word of ``folded`` once its stripped marks are stripped."""
    size = len(folded)
    at = folded.find(key)
    while at >= 0:
        left = at - 1
        while left >= 0 and folded[left] in _KEY_STRIP:
            left -= 1
        if left < 0 or folded[left].isspace():
            right = at + len(key)
            while right < size and folded[right] in _KEY_STRIP:
                right += 1
            if right == size or folded[right].isspace():
                return True
        at = folded.find(key, at + 1)
    return False


@functools.lru_cache(maxsize=65536)
def _np_token(token: str) -> tuple[str, bool, str]:
    """A token after an Arabic verb: its key, whether it ends the subject anywhere, and its bare form."""
    key = _key(token)
    stop = (
        key in _AR_STOP
        or key in _AR_ADDRESSEES
        or token.startswith(("لـ", "بـ"))
        or _AR_VERB.fullmatch(token) is not None
    )
    return key, stop, token.strip("«»“”\"()")


_NP_WORDS = 9


def _take_np(segment: str, vocab: Container[str]) -> tuple[list[str], bool]:
    """Leading tokens of ``segment`` before a stop word; and whether a stop word ended them."""
    out: list[str] = []
    # Past nine words no caller takes the phrase (more than eight words is no subject).
    for token in segment.split(None, _NP_WORDS)[:_NP_WORDS]:
        key, stop, bare = _np_token(token)
        if stop or (
            # «وقال لبوتين:»: right after the verb, ل + a name of the text is the addressee;
            # further on («الأمين العام لحزب الله») it is a genitive.
            not out and len(key) > 3 and key[0] in "لب" and key[1:] in vocab
        ):
            return out, True
        out.append(bare)
    return out, False


def _ar_subject(text: str, pos: int, vocab: Container[str],
                transitive: bool = False) -> tuple[str | None, int, bool]:
    """The subject after an Arabic verb of saying, where the intro ends, and whether a colon ends it."""
    limit = min(len(text), pos + 300)
    cut = limit
    i = pos
    while i < limit:
        stop = _INTRO_STOP.search(text, i, limit)  # the next mark or stop, found at C speed
        if stop is None:
            break
        i = stop.start()
        if text[i] in _MARK_CHARS:
            # «وقالت صحيفة "فايننشال تايمز" إن»: a quoted name inside the subject.
            found = _MARK.search(text, i + 1, min(limit, i + 40))  # the closing mark, if near
            if (found is not None and _words(text[i + 1:found.start()], 3) <= 3
                    and _words(text[pos:i], 1) >= 1):
                i = found.start() + 1
                continue
            cut = i
            break
        if text[i] in ":.!?؟\n":
            cut = i
            break
        i += 1
    region = text[pos:cut]
    colon = cut < len(text) and text[cut] == ":" and _words(region, 12) <= 12
    end = cut + 1 if colon else pos
    segments = region.replace(",", "،").split("،", 2)  # the first two and whether more follow
    first, stopped = _take_np(segments[0], vocab)
    if not first or len(first) > 8:
        return None, end, colon
    if transitive and _key(first[0]).startswith("ال"):
        chain = 1
        while chain < len(first) and _key(first[chain]).startswith("ال"):
            chain += 1
        stopped = stopped or chain < len(first)
        first = first[:chain]
    subject = first
    if not stopped and len(segments) > 2 and (_key(first[0]).startswith("ال") or _key(first[0]) in _AR_TITLE):
        second, stopped2 = _take_np(segments[1], vocab)
        if second and not stopped2 and len(second) <= 5:
            subject = second
    if not colon:
        end = pos + len(segments[0])
    return _named(" ".join(subject)), end, colon


def _ar_topic(text: str, verb_start: int, attached_fa: bool) -> str | None:
    """The fronted subject of «أما الائتلاف الوطني، فقد دعا …», if the verb has one."""
    floor = max(0, verb_start - 160)
    if text.rfind("أما ", floor, verb_start) < 0:  # the usual case, told without a copy
        return None
    before = text[floor:verb_start]
    stem = before.rstrip()
    if not (attached_fa or stem.endswith(("فقد", "فـ"))):
        return None
    at = before.rfind("أما ")
    comma = before.find("،", at)
    if comma < 0 or any(c in _SENTENCE_END for c in before[at:]):
        return None
    topic = before[at + 4:comma].strip()
    if not topic or _words(topic, 6) > 6 or _words(before[comma:], 2) > 2:
        return None
    return topic


def _fa_clause_start(bounds: _Bounds, verb_start: int, floor: int) -> int:
    boundary = bounds.last(floor, verb_start)
    return max(boundary if boundary is not None else floor, floor)


def _fa_subject(span: str, state: _State) -> tuple[str | None, bool]:
    """The subject in the clause before a Persian verb; and whether it is a pronoun."""
    tokens = span.split()
    # «به گزارش آران نیوز به نقل از ایرنا، …»: a credit is not the subject.
    if len(tokens) >= 2 and _key(tokens[0]) == _FA_TO and _key(tokens[1]) == _FA_REPORT:
        comma = next((i for i, t in enumerate(tokens[:10]) if t.endswith(("،", ","))), None)
        via = next((i for i in range(2, min(len(tokens) - 2, 10))
                    if _key(tokens[i]) == _key("به") and _key(tokens[i + 1]) == _key("نقل")
                    and _key(tokens[i + 2]) == _key("از")), None)
        if via is not None and (comma is None or comma > via):
            rest = via + 3
            if rest < len(tokens) and _key(tokens[rest]) == _key("خبرگزاری"):
                rest += 1
            rest += 1  # the agency: a one-word name («ایرنا», «فارس»)
            tokens = tokens[rest:]
        elif comma is not None:
            tokens = tokens[comma + 1:]
        else:  # «به گزارش ایرنا …»: a one-word outlet
            tokens = tokens[3:]
    # Each token's key is folded as the walk reaches it: the subject usually ends long before the clause.
    size = len(tokens)
    first = 0
    while first < size and _key(tokens[first]) in _FA_LEADING:
        first += 1
    out: list[str] = []
    nxt = _key(tokens[first]) if first < size else ""
    for i in range(first, size):
        key = nxt
        nxt = _key(tokens[i + 1]) if i + 1 < size else ""
        if key in _FA_STOP_WORDS or (key, nxt) in _FA_STOP_PAIRS_KEYED:
            break
        out.append(tokens[i].strip("،,"))
    if not out:
        return None, False
    if _key(out[-1]) in _FA_PRONOUNS:
        return None, True
    # A subheading that lost its line break may precede the subject: prefer a
    # known speaker's name at the end, then a title word, else give up on long spans.
    if _key(out[-1]) in state.last_words():
        return _named(out[-1]), False
    if len(out) > _FA_SUBJECT_WORDS:
        titled = next((i for i, t in enumerate(out) if i > 0 and _key(t) in _FA_TITLE), None)
        if titled is not None and _key(out[0]) not in _FA_TITLE:
            out = out[titled:]
    # «… به همشهری گفت», «… با اندوه می گوید»: an addressee or a manner is not the subject.
    prep = next((i for i, t in enumerate(out) if i > 0 and _key(t) in _FA_STOP_PREPOSITIONS), None)
    if prep is not None:
        out = out[:prep]
    if len(out) > _FA_SUBJECT_WORDS:
        # «مسعود ده‌نمکی نویسنده و کارگردان سینما در فقدان …»: an adverbial «در …» ends it.
        at = next((i for i, t in enumerate(out) if i >= 2 and _key(t) == _key("در")), None)
        if at is not None and at <= _FA_SUBJECT_WORDS:
            out = out[:at]
    if len(out) > _FA_SUBJECT_WORDS:
        return None, False
    return _named(" ".join(out)), False


def _named(subject: str) -> str | None:
    """``subject``, or ``None`` where it holds no word («، گفت:»: only punctuation before the verb)."""
    return subject if subject.strip() else None


def _honorific_short(tokens: Sequence[str], name_tokens: Sequence[str]) -> bool:
    """``السيد نصر الله`` for ``السيد حسن نصر الله``: same first and last word, the rest in order."""
    if len(tokens) < 2 or tokens[0] != name_tokens[0] or tokens[-1] != name_tokens[-1]:
        return False
    rest = iter(name_tokens[1:-1])
    return all(t in rest for t in tokens[1:-1])


@functools.lru_cache(maxsize=8192)
def _name_keys(name: str) -> tuple[str, ...]:
    """The folded words of a speaker's name."""
    return tuple(_key(t) for t in name.split())


def _canonical(subject: str, known: Sequence[str]) -> str:
    """An earlier, fuller name that ``subject`` shortens.

    A person's short name ends the full one (``رئيسي`` → ``إبراهيم رئيسي``) or
    keeps its title and surname (``السيد نصر الله``); a body's short name is its
    definite head (``الائتلاف`` → ``الائتلاف الوطني السوري المعارض``).
    """
    tokens = _name_keys(subject)
    if len(tokens) >= 4:  # no name of at most four words is longer
        return subject
    head = len(tokens) == 1 and tokens[0].startswith("ال")
    for name in reversed(known):
        name_tokens = _name_keys(name)
        if len(tokens) < len(name_tokens) <= 4 and (
                name_tokens[-len(tokens):] == tokens or (head and name_tokens[0] == tokens[0])
                or _honorific_short(tokens, name_tokens)):
            return name
    return subject


def _attributions(text: str, bounds: _Bounds, language: str, vocab: Container[str],
                  state: _State, verbs: Iterable[_Verb]) -> list[_Attribution]:
    """The attributions of a paragraph: Persian ones read from ``text``, Arabic ones from its ``verbs``."""
    found: list[_Attribution] = []
    if language == "fa":
        floor = 0
        # Every Persian verb of saying ends with a colon, every «به گفته» holds «گفته»: most
        # paragraphs are turned away by these searches for a character or a word.
        for start, _said, m in _fa_verbs(text):
            begin = _fa_clause_start(bounds, start, floor)
            subject, _pronoun = _fa_subject(text[begin:start], state)
            found.append(_Attribution(begin, m.end(), subject, colon=True))
            floor = m.end()
        for m in _FA_ACCORDING.finditer(text) if "گفته" in text else ():
            who = m.group("who").strip()
            # «به گفته» before a bare quote mark names no one
            if any(c.isalpha() for c in who) and _words(who, 6) <= 6:
                pronoun = _key(who) in _FA_PRONOUNS
                found.append(_Attribution(m.start(), m.end(), None if pronoun else who))
    for start, verb_end, verb in verbs:
        if verb is None:  # a participle
            found.append(_Attribution(start, verb_end, None))
            continue
        subject, end, colon = _ar_subject(text, verb_end, vocab, verb in _AR_TRANSITIVE)
        carries = True
        topic = _ar_topic(text, start, text.startswith("ف", start))
        if topic is not None and (subject is None or verb in _AR_OBJECT_VERBS):
            found.append(_Attribution(start, end, topic, colon=colon, verb_end=verb_end))
            continue
        if verb in _AR_OBJECT_VERBS or (verb == _key("رد") and subject is None and not colon):
            carries = subject is None and colon
            subject = None if not carries else subject
        found.append(_Attribution(start, end, subject, colon=colon, carries=carries, verb_end=verb_end))
    if language == "fa":  # verbs, then «به گفته»: each in reading order, the Arabic ones too
        found.sort(key=_start)
    return found


_AR_COMPLEMENTIZERS = _lexicon("أن أنّ إن إنّ أنه أنّه إنه إنّه أنها إنها أنهم إنهم بأن بأنّ بأنه بأنها")


def _opens_speech(words: Sequence[str]) -> int | None:
    """Index of the first word that opens reported speech («إنّ», «أنّ», a colon), if any."""
    for i, word in enumerate(words):
        if _key(word) in _AR_COMPLEMENTIZERS:
            return i
        if word.endswith(":"):
            return i
    return None


def _in_attribution(text: str, bounds: _Bounds, span: _Span, attributions: Sequence[_Attribution]) -> bool:
    """A short quoted name inside «وقال X، خلال حفل توزيع "جائزة …"، اليوم، إنّ …».

    The span stands after a verb of saying and before the «إنّ» or colon that
    opens what was said, in the same sentence.
    """
    if _words(text[span.start:span.end], 8) >= 8:
        return False
    after = text[span.end + 1:span.end + 120]
    end = bounds.last(span.end + 1, span.end + 120)
    if end is not None:
        after = text[span.end + 1:end]
    if _opens_speech(after.split(None, 6)[:6]) is None:
        return False
    k = bisect.bisect_right(attributions, span.start, key=_start)
    for a in reversed(attributions[max(0, k - 6):k]):
        if a.verb_end < 0 or a.verb_end > span.start:
            continue
        if bounds.any_between(a.verb_end, span.start) or span.start - a.verb_end > 300:
            return False
        return _opens_speech(text[a.verb_end:span.start].split()) is None
    return False


def _colon_spans(text: str, bounds: _Bounds, attributions: Sequence[_Attribution],
                 marked: Sequence[_Span]) -> list[_Span]:
    """Direct speech marked by a colon alone: «X گفت: …» up to the next attribution."""
    spans: list[_Span] = []
    colon_attrs = [a for a in attributions if a.colon]
    starts = [s.start for s in marked]
    for k, a in enumerate(colon_attrs):
        begin = a.end
        while begin < len(text) and text[begin].isspace():
            begin += 1
        if begin >= len(text) or text[begin] in _MARK_CHARS:
            continue
        j = bisect.bisect_right(starts, begin) - 1
        if j >= 0 and marked[j].start <= begin < marked[j].end + 1:
            continue
        end = len(text)
        if k + 1 < len(colon_attrs):
            nxt = colon_attrs[k + 1]
            boundary = bounds.last(begin, nxt.start + 1) if nxt.start > begin else None
            end = boundary if boundary is not None else nxt.start
        j = bisect.bisect_right(starts, begin)
        if j < len(marked) and marked[j].start - 1 < end:
            end = marked[j].start - 1
        if end > begin:  # then it holds a word: text[begin] is not a space
            spans.append(_Span(begin, end, marked=False, colon=True))
    return spans


# ---------------------------------------------------------------------------
# The finder


_KNOWN_SPEAKERS = 40  # earlier speakers a short name may refer to


@dataclass(slots=True)
class _State:
    last: str | None = None
    last_paragraph: int = -10
    known: list[str] = field(default_factory=list)
    # Read off ``known`` when first asked, and again only after it changes: most attributions name a
    # speaker known already, and ask what an earlier one asked.
    shortened: dict[str, str] = field(default_factory=dict)  # subject -> _canonical(subject, known)
    ends: frozenset[str] | None = None  # the key of the last word of each known name

    def said(self, speaker: str, paragraph: int) -> None:
        self.last, self.last_paragraph = speaker, paragraph
        if speaker not in self.known:
            self.known.append(speaker)
            del self.known[:-_KNOWN_SPEAKERS]
            self.shortened.clear()
            self.ends = None

    def canonical(self, subject: str) -> str:
        """:func:`_canonical` of ``subject`` among the known speakers."""
        name = self.shortened.get(subject)
        if name is None:
            name = self.shortened[subject] = _canonical(subject, self.known)
        return name

    def last_words(self) -> frozenset[str]:
        """The key of the last word of each known speaker's name."""
        if self.ends is None:
            self.ends = frozenset(keys[-1] for keys in map(_name_keys, self.known) if keys)
        return self.ends


def _within_sentence(text: str, bounds: _Bounds, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stays inside one sentence and is not too long."""
    return end - start <= 400 and not bounds.any_between(start, end) and _words(text[start:end], 40) <= 40


def _clean(text: str) -> str:
    return text.strip().strip("،,:؛").strip()


def find_quotes(paragraphs: Sequence[str], *, language: str = "ar") -> list[QuoteSpan]:
    """Every direct quotation in ``paragraphs``, in reading order, with its speaker.

    Args:
        paragraphs: The body, one string per paragraph.
        language: ``"ar"`` or ``"fa"`` (``"en"`` and others are read with
            the Arabic rules for marks and attributions).

    Returns:
        One :class:`QuoteSpan` per quotation: its text (without the marks),
        its speaker (``None`` where the text names no one) and its paragraph.

    Raises:
        TypeError: ``paragraphs`` is a string or holds a non-string.
    """
    if isinstance(paragraphs, str):
        raise TypeError("paragraphs must be a sequence of strings, not a string")
    for p in paragraphs:
        if not isinstance(p, str):
            raise TypeError(f"paragraphs must hold strings, not {type(p).__name__}")
    vocab = _Vocab(paragraphs)
    state = _State()
    out: list[QuoteSpan] = []
    body, offsets = _body(paragraphs)
    all_marks = _marks_by_paragraph(body, offsets)
    all_verbs = _ar_verbs_by_paragraph(body, offsets) if language != "fa" else {}
    for index, text in enumerate(paragraphs):
        marks = all_marks.get(index)
        verbs = all_verbs.get(index)
        if marks is None and verbs is None and (language != "fa" or (":" not in text and "گفته" not in text)):
            continue  # no mark and no verb of saying (Persian ones need a colon or «گفته»): nothing to find
        bounds = _Bounds(text)
        marked = _marked_spans(text, bounds, marks, offsets[index]) if marks is not None else []
        if marked:
            marked = [s for s in marked if not _is_name(text, s)]
        attributions = _attributions(text, bounds, language, vocab, state, verbs or ())
        if not attributions:
            if not marked:
                continue  # no quotation and no speaker: nothing below would happen
        elif marked:
            marked = [s for s in marked if not _in_attribution(text, bounds, s, attributions)]
            if marked:  # an attribution inside a quotation is quoted
                starts = [s.start for s in marked]
                kept = []
                for a in attributions:
                    k = bisect.bisect_right(starts, a.start) - 1
                    if not (k >= 0 and marked[k].start <= a.start < marked[k].end):
                        kept.append(a)
                attributions = kept
        spans = marked
        if any(a.colon for a in attributions):
            spans = sorted(marked + _colon_spans(text, bounds, attributions, marked), key=_span_start)
        # Resolve attributions and quotes together, in reading order.
        events: list[tuple[int, int, _Attribution | _Span]] = [(a.start, 0, a) for a in attributions]
        if spans:
            events += [(s.start, 1, s) for s in spans]
            events.sort(key=_event_order)
        opened_with = state.last if index - state.last_paragraph <= 2 else None
        resolved: list[_Attribution] = []
        for _, _kind, item in events:
            if isinstance(item, _Attribution):
                if item.subject is not None:
                    item.speaker = state.canonical(item.subject)
                    if item.carries:
                        state.said(item.speaker, index)
                elif item.carries and index - state.last_paragraph <= 2:
                    item.speaker = state.last
                    if state.last is not None:
                        state.last_paragraph = index
                if item.speaker is not None:
                    resolved.append(item)
                continue
            quote = _clean(text[item.start:item.end])
            if not quote:
                continue
            speaker = _speaker_for(text, bounds, item, resolved, attributions, state, opened_with)
            if speaker is not None and speaker == state.last:
                state.last_paragraph = index
            out.append(QuoteSpan(quote, speaker, index))
    return out


_start = operator.attrgetter("start")
_span_start = _start
_event_order = operator.itemgetter(0, 1)


def _speaker_for(text: str, bounds: _Bounds, span: _Span, resolved: Sequence[_Attribution],
                 attributions: Sequence[_Attribution], state: _State, opened_with: str | None) -> str | None:
    # The nearest attribution before the quotation, in the same sentence.
    for a in reversed(resolved[-8:]):
        if a.end <= span.start:
            if _within_sentence(text, bounds, a.end, max(span.start - 1, a.end)):
                return a.speaker
            break
    # «"…"، قال X»: an attribution right after it.
    end = min(len(text), span.end + 1)
    k = bisect.bisect_left(attributions, end, key=_start)
    if k < len(attributions) and attributions[k].subject is not None:
        after = attributions[k]
        if text[end:after.start].strip(" ،,-–—و") == "" and not text.startswith(("كما", "ثم"), after.start):
            return state.canonical(after.subject or "")
    # A quotation that opens its paragraph continues the last speaker.
    if span.start <= 3 and not text[:max(span.start - 1, 0)].strip():
        return opened_with
    return None
