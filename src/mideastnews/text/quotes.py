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


@functools.lru_cache(maxsize=65536)
def _key(token: str) -> str:
    """A token folded for lexicon look-ups: no diacritics, one alif, one yeh."""
    return token.strip(".,،؛;:!?؟()[]«»“”\"'…-–—").translate(_KEY_TABLE)


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
_AR_VERB = _regex.compile(
    "text.quotes.AR_VERB",
    r"(?<![^\s(\"“”«»،,.:؛])"
    r"(?=" + _first_letters([*_AR_VERBS, *_AR_PRESENT, *_AR_PARTICIPLES], "وفثكب") + r")"  # ب: بيّن
    r"(?:[وف]|ثم\s|كما\s)?"
    r"(?:(?P<past>" + _flex_any(_AR_VERBS) + r"|بيّن|بیّن)(?:ت|وا)?(?:ه|ها|هم)?"
    r"|(?P<present>" + _flex_any(_AR_PRESENT) + r")"
    r"|(?P<part>" + _flex_any(_AR_PARTICIPLES) + r")(?:\u064b?ا\u064b?|\u064b|ة|ين|ان)?"
    r")(?![^\s\"“”«»،,.:؛])",
    worst=(_repeat("وقال "), _repeat("قائلاً"), _repeat("وأكّدّ"), _repeat("مضيفمضيف ")),
)


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
    text: str, at_start: re.Pattern[str], after: re.Pattern[str]
) -> Iterator[tuple[int, str, re.Match[str]]]:
    """What ``at_start.finditer(text)`` finds, as ``(start, text, match)``.

    ``at_start`` is a verb pattern behind a look-behind for the character
    before it; ``after`` takes that character first and the rest as group
    ``verb`` (the other groups are the same).  A verb match ends with a
    character that never stands before a verb (a colon),
    so after a match both go on from its end.  Only the first match of
    ``at_start`` may open the text.
    """
    first = at_start.match(text)
    if first is not None:
        yield first.start(), first.group(), first
    for m in after.finditer(text, first.end() if first is not None else 0):
        yield m.start("verb"), m.group("verb"), m


# «به» first, then a look-behind over it and the character before (a space, or the text's start):
# a pattern that opens with a literal is searched for that literal at C speed.
_FA_ACCORDING = _regex.compile("text.quotes.FA_ACCORDING", r"به(?<!\S..)\sگفته\s(?P<who>[^،,.:«»\"“”]{1,80})",
                               worst=(_repeat("به گفته "),))


# ---------------------------------------------------------------------------
# Quotation spans


@dataclass
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
            ends = self._ends = [m.start() for m in _SENTENCE_STOP.finditer(self._text)]
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


def _marked_spans(text: str, bounds: _Bounds) -> list[_Span]:
    marks = [(m.start(), _FAMILY[m.group()], _role(text, m.start())) for m in _MARK.finditer(text)]
    closers: list[dict[str, int]] | None = None  # worked out when two families meet (rare)
    spans: list[_Span] = []
    open_at: int | None = None
    family = ""
    floor = 0  # start of text not yet in a span
    i = 0
    while i < len(marks):
        pos, fam, role = marks[i]
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


def _words(text: str) -> int:
    return len(text.split())


def _is_name(text: str, span: _Span) -> bool:
    """A scare-quoted name or short term rather than a quotation."""
    inner = text[span.start:span.end].strip()
    before = text[max(span.start - 80, 0):max(span.start - 1, 0)].rstrip()
    intro_colon = before.endswith(":")
    count = _words(inner)
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


@dataclass
class _Attribution:
    start: int  # where the attribution begins (subject or verb)
    end: int  # end of the verb and subject (after the colon where there is one)
    subject: str | None  # as written; None: the previous speaker
    colon: bool = False
    carries: bool = True  # whether it may update the current speaker
    speaker: str | None = None  # resolved
    verb_end: int = -1  # Arabic verbs of saying: where the verb ends


class _Vocab:
    """The folded words of the body, gathered on the first look-up (most articles never need them)."""

    __slots__ = ("_keys", "_paragraphs")

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self._paragraphs = paragraphs
        self._keys: frozenset[str] | None = None

    def __contains__(self, key: object) -> bool:
        if self._keys is None:
            words = set(itertools.chain.from_iterable(p.split() for p in self._paragraphs))
            self._keys = frozenset(map(_key, words))
        return key in self._keys


def _take_np(segment: str, vocab: Container[str]) -> tuple[list[str], bool]:
    """Leading tokens of ``segment`` before a stop word; and whether a stop word ended them."""
    out: list[str] = []
    for token in segment.split():
        key = _key(token)
        if (
            key in _AR_STOP
            or key in _AR_ADDRESSEES
            or token.startswith(("لـ", "بـ"))
            or _AR_VERB.fullmatch(token) is not None
            # «وقال لبوتين:»: right after the verb, ل + a name of the text is the addressee;
            # further on («الأمين العام لحزب الله») it is a genitive.
            or (not out and len(key) > 3 and key[0] in "لب" and key[1:] in vocab)
        ):
            return out, True
        out.append(token.strip("«»“”\"()"))
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
            if found is not None and _words(text[i + 1:found.start()]) <= 3 and _words(text[pos:i]) >= 1:
                i = found.start() + 1
                continue
            cut = i
            break
        if text[i] in ":.!?؟\n":
            cut = i
            break
        i += 1
    region = text[pos:cut]
    colon = cut < len(text) and text[cut] == ":" and _words(region) <= 12
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
    return " ".join(subject), end, colon


def _ar_topic(text: str, verb_start: int, attached_fa: bool) -> str | None:
    """The fronted subject of «أما الائتلاف الوطني، فقد دعا …», if the verb has one."""
    before = text[max(0, verb_start - 160):verb_start]
    stem = before.rstrip()
    if not (attached_fa or stem.endswith(("فقد", "فـ"))):
        return None
    at = before.rfind("أما ")
    if at < 0:
        return None
    comma = before.find("،", at)
    if comma < 0 or any(c in _SENTENCE_END for c in before[at:]):
        return None
    topic = before[at + 4:comma].strip()
    if not topic or _words(topic) > 6 or _words(before[comma:]) > 2:
        return None
    return topic


def _fa_clause_start(bounds: _Bounds, verb_start: int, floor: int) -> int:
    boundary = bounds.last(floor, verb_start)
    return max(boundary if boundary is not None else floor, floor)


def _fa_subject(span: str, known: Sequence[str]) -> tuple[str | None, bool]:
    """The subject in the clause before a Persian verb; and whether it is a pronoun."""
    tokens = span.split()
    # «به گزارش آران نیوز به نقل از ایرنا، …»: a credit is not the subject.
    if tokens[:2] and [_key(t) for t in tokens[:2]] == [_key("به"), _key("گزارش")]:
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
    while tokens and _key(tokens[0]) in _FA_LEADING:
        tokens = tokens[1:]
    out: list[str] = []
    for i, token in enumerate(tokens):
        key = _key(token)
        nxt = _key(tokens[i + 1]) if i + 1 < len(tokens) else ""
        if key in _FA_STOP_WORDS or (key, nxt) in _FA_STOP_PAIRS_KEYED:
            break
        out.append(token.strip("،,"))
    if not out:
        return None, False
    if _key(out[-1]) in _FA_PRONOUNS:
        return None, True
    # A subheading that lost its line break may precede the subject: prefer a
    # known speaker's name at the end, then a title word, else give up on long spans.
    for name in reversed(known):
        name_tokens = name.split()
        if name_tokens and _key(out[-1]) == _key(name_tokens[-1]):
            return out[-1], False
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
    return " ".join(out), False


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
    head = len(tokens) == 1 and tokens[0].startswith("ال")
    for name in reversed(known):
        name_tokens = _name_keys(name)
        if len(tokens) < len(name_tokens) <= 4 and (
                name_tokens[-len(tokens):] == tokens or (head and name_tokens[0] == tokens[0])
                or _honorific_short(tokens, name_tokens)):
            return name
    return subject


def _attributions(text: str, bounds: _Bounds, language: str, vocab: Container[str],
                  known: Sequence[str]) -> list[_Attribution]:
    found: list[_Attribution] = []
    if language == "fa":
        floor = 0
        for start, _said, m in _verbs(text, _FA_VERB, _FA_VERB_AFTER):
            begin = _fa_clause_start(bounds, start, floor)
            subject, _pronoun = _fa_subject(text[begin:start], known)
            found.append(_Attribution(begin, m.end(), subject, colon=True))
            floor = m.end()
        for m in _FA_ACCORDING.finditer(text):
            who = m.group("who").strip()
            # «به گفته» before a bare quote mark names no one
            if any(c.isalpha() for c in who) and _words(who) <= 6:
                pronoun = _key(who) in _FA_PRONOUNS
                found.append(_Attribution(m.start(), m.end(), None if pronoun else who))
    for m in _AR_VERB.finditer(text) if language != "fa" else ():
        if m.group("part"):
            found.append(_Attribution(m.start(), m.end(), None))
            continue
        verb = _key(m.group("past") or m.group("present") or "")
        subject, end, colon = _ar_subject(text, m.end(), vocab, verb in _AR_TRANSITIVE)
        carries = True
        topic = _ar_topic(text, m.start(), m.group().startswith("ف"))
        if topic is not None and (subject is None or verb in _AR_OBJECT_VERBS):
            found.append(_Attribution(m.start(), end, topic, colon=colon, verb_end=m.end()))
            continue
        if verb in _AR_OBJECT_VERBS or (verb == _key("رد") and subject is None and not colon):
            carries = subject is None and colon
            subject = None if not carries else subject
        found.append(_Attribution(m.start(), end, subject, colon=colon, carries=carries, verb_end=m.end()))
    found.sort(key=lambda a: a.start)
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
    if _words(text[span.start:span.end]) >= 8:
        return False
    after = text[span.end + 1:span.end + 120]
    end = bounds.last(span.end + 1, span.end + 120)
    if end is not None:
        after = text[span.end + 1:end]
    if _opens_speech(after.split()[:6]) is None:
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
        span = _Span(begin, end, marked=False, colon=True)
        if _words(text[begin:end]) >= 1:
            spans.append(span)
    return spans


# ---------------------------------------------------------------------------
# The finder


_KNOWN_SPEAKERS = 40  # earlier speakers a short name may refer to


@dataclass
class _State:
    last: str | None = None
    last_paragraph: int = -10
    known: list[str] = field(default_factory=list)

    def said(self, speaker: str, paragraph: int) -> None:
        self.last, self.last_paragraph = speaker, paragraph
        if speaker not in self.known:
            self.known.append(speaker)
            del self.known[:-_KNOWN_SPEAKERS]


def _within_sentence(text: str, bounds: _Bounds, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stays inside one sentence and is not too long."""
    return end - start <= 400 and not bounds.any_between(start, end) and _words(text[start:end]) <= 40


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
    for index, text in enumerate(paragraphs):
        bounds = _Bounds(text)
        marked = [s for s in _marked_spans(text, bounds) if not _is_name(text, s)]
        raw = _attributions(text, bounds, language, vocab, state.known)
        if not raw and not marked:
            continue  # no quotation and no speaker: nothing below would happen
        marked = [s for s in marked if not _in_attribution(text, bounds, s, raw)]
        starts = [s.start for s in marked]

        def inside(pos: int, marked: list[_Span] = marked, starts: list[int] = starts) -> bool:
            k = bisect.bisect_right(starts, pos) - 1
            return k >= 0 and marked[k].start <= pos < marked[k].end

        attributions = [a for a in raw if not inside(a.start)]
        spans = sorted(marked + _colon_spans(text, bounds, attributions, marked), key=lambda s: s.start)
        # Resolve attributions and quotes together, in reading order.
        events: list[tuple[int, int, _Attribution | _Span]] = [(a.start, 0, a) for a in attributions]
        events += [(s.start, 1, s) for s in spans]
        events.sort(key=lambda e: (e[0], e[1]))
        opened_with = state.last if index - state.last_paragraph <= 2 else None
        resolved: list[_Attribution] = []
        for _, _kind, item in events:
            if isinstance(item, _Attribution):
                if item.subject is not None:
                    item.speaker = _canonical(item.subject, state.known)
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


def _start(attribution: _Attribution) -> int:
    return attribution.start


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
            return _canonical(after.subject or "", state.known)
    # A quotation that opens its paragraph continues the last speaker.
    if span.start <= 3 and not text[:max(span.start - 1, 0)].strip():
        return opened_with
    return None
