"""repair_zwnj(): put back the zero-width non-joiners Persian orthography needs.

Scraped Persian often loses its ZWNJs (U+200C): «برنامههای» for «برنامه‌های», «میکنند» for
«می‌کنند».  :func:`repair_zwnj` finds the Persian words of a text and, for each one that is
not itself a word, looks for an analysis that is:

1. a compound the lexicon spells with a ZWNJ («تصمیمگیری» → «تصمیم‌گیری»);
2. a verb with the prefix «می» or «نمی», after an optional preverb («بر», «در», …), and
   a verb stem with a person ending («میکنند» → «می‌کنند», «برنمیگردد» → «برنمی‌گردد»);
3. a word and a suffix written apart: the plural «ها» and its forms («‌های», «‌هایی»,
   «‌هایش», …), the comparative «‌تر», «‌ترین», after a final «ه» or «ی» the forms
   «‌ای», «‌ام», «‌اش», «‌اند», «‌ایم», «‌اید» (and «‌است» after «ه»), and «‌اند» after an
   adjective ending in a consonant; where two readings fit, the better-attested base wins;
4. a productive prefix («بی», «نیمه», «به», …) or compound head («گیری», «کننده»,
   «دهنده», «شده», …) with a known word;
5. the plural of a word no list knows («پادکستها» → «پادکست‌ها»).

A word the lexicon knows as it stands (tagged in hazm's word list) is never touched, nor
one that is a known word plus a suffix written joined («میدانی» is «میدان» + «ی»), so
«تنها», «میز» and «دکتر» stay whole.  A ZWNJ goes only after a letter that joins to the
next («کشتی‌گیرهای» keeps «گیرهای» joined after «ر»).  Where hazm lists both a joined and
a ZWNJ spelling of one word («اینکه» / «این‌که»), the joined one is left, unless the ZWNJ
follows a silent final «ه» («سرمایه‌گذاری»), where joining is no spelling at all.

The lexicon (``text/data/fa_lexicon.txt.gz``) is built by ``scripts/build_zwnj_lexicon.py``
from hazm's word lists and shekar's word counts (both MIT licence); it is read once, on
first use.

Only lines that read as Persian are repaired (more Persian-only letters «پ چ ژ گ ی ک» than
Arabic-only ones «ة ي ك ى»), and words with Arabic-only letters are skipped, so Arabic
text passes through unchanged.  Persian typed with the Arabic «ي» and «ك» is therefore left
alone too: ``normalize(text, "fa", zwnj=True)`` folds the letters first, then repairs.
"""

from __future__ import annotations

import functools
import gzip
import importlib.resources
from collections.abc import Iterable

import attrs

from .._regex import compile as _compile

__all__ = ["repair_zwnj"]

ZWNJ = "\u200c"

#: Letters after which a ZWNJ changes nothing (they never join the next letter).
NON_JOINING = frozenset("آأإؤادذرزژوةء")

_WORD = _compile(
    "text.zwnj.WORD",
    "([\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06fa-\u06fc\u06ff]+)",
    worst=(lambda n: ("کتاب" * (n // 4 + 1))[:n] + "!", lambda n: ("ها " * (n // 3 + 1))[:n]),
)

# Plural and comparative suffixes, most preferred first (longest first within a family).
_PLURAL = ("هایشان", "هایتان", "هایمان", "هایی", "هایم", "هایش", "هاست", "های", "ها")
_COMPARATIVE = ("ترین", "تری", "تر")
# After a final «ه» or «ی» (the indefinite «ای», the enclitic and copula forms).
# («ات» is left out: after «ه» and «ی» it is far more often the Arabic plural, «توجهات».)
_AFTER_VOWEL = ("اند", "ایم", "اید", "ای", "ام", "اش")
_AFTER_HEH = ("است",)  # «شده‌است», where a site writes the copula on
# The copula «اند» after an adjective ending in a consonant («موظف‌اند»; the joined
# spelling would be «موظفند», so «موظفاند» only comes from a lost ZWNJ).
_AFTER_ADJECTIVE = ("اند",)
# Suffixes written joined to a word: a known word plus one of these is a word as it stands.
_ATTACHED = ("ی", "یی", "ان", "م", "ت", "ش", "مان", "تان", "شان", "ین")
# Verb person endings after present and past stems.
_PRESENT_ENDINGS = ("م", "ی", "د", "یم", "ید", "ند")
_VOWEL_PRESENT_ENDINGS = ("یم", "یی", "ید", "ییم", "یید", "یند")
_PAST_ENDINGS = ("", "م", "ی", "یم", "ید", "ند", "ه")
_PREVERBS = ("", "بر", "در", "فرا", "باز", "وا", "فرو", "ور")
# Productive first parts of compounds written with a ZWNJ.
# Each with the least length of the word after it («به» wants 4 letters: «بهعنوان» is
# «به‌عنوان», while «بهراد», «بهرنگ» are names).
_PREFIXES = (("بی", 3), ("نیمه", 3), ("خوش", 3), ("بین", 3), ("یک", 3), ("چند", 3), ("به", 4))
# Productive heads (second parts) of compounds written with a ZWNJ.
_HEADS = (
    "آفرین", "آلود", "آمیز", "آور", "انگیز", "بخش", "بخشی", "برداری", "بندی", "پذیر", "پذیری",
    "پرداز", "پردازی", "پرست", "پرور", "پوش", "خواه", "خواهی", "خوار", "خورده", "دار", "داری",
    "دهنده", "دهندگان", "دیده", "رسان", "رسانی", "زدایی", "زده", "زدگی", "ساز", "سازی", "شده",
    "شدگان", "شناس", "شناسی", "طلب", "طلبی", "کننده", "کنندگان", "گذار", "گذاری", "گر", "گرا",
    "گرایی", "گری", "گیر", "گیری", "مند", "مندی", "نامه", "ناپذیر", "نشده", "نشین", "نگار",
    "نگاری", "نما", "نویس", "نویسی", "یافته", "یابی",
)
# Arabic prepositions with the pronoun «ها», quoted in Persian («سلام‌الله‌علیها»).
_ARABIC_WORDS = frozenset({"علیها", "منها", "فیها", "الیها", "عنها", "لها", "بها", "علیهما", "منهما"})
_HEAD_SET = frozenset(_HEADS)
# Letters Persian has only in Arabic loanwords.
_ARABIC_SHAPE = _compile("text.zwnj.ARABIC_SHAPE", "[ثحصضطظعق]")
_FA_ONLY = _compile("text.zwnj.FA_ONLY", "[پچژگ]")
_AR_LETTERS = frozenset("ةيكى")


@attrs.frozen
class _Lexicon:
    """The shipped word lists, as the lookups need them."""

    words: frozenset[str]
    comparable: frozenset[str]
    weak: frozenset[str]
    participles: frozenset[str]
    past: frozenset[str]
    hei: frozenset[str]
    plural_first: frozenset[str]
    rare: frozenset[str]
    freq: dict[str, int]
    compounds: dict[str, str]
    verb_forms: frozenset[str]


def _verb_forms(past: Iterable[str], present: Iterable[str]) -> frozenset[str]:
    forms: set[str] = set()
    for stem in present:
        forms.update(stem + e for e in _PRESENT_ENDINGS)
        if stem[-1] in "اآو":
            forms.update(stem + e for e in _VOWEL_PRESENT_ENDINGS)
    for stem in past:
        forms.update(stem + e for e in _PAST_ENDINGS)
    forms.add("توان")  # impersonal «می‌توان»
    return frozenset(forms)


@functools.cache
def _lexicon() -> _Lexicon:
    """Read the shipped lexicon, once."""
    res = importlib.resources.files("mideastnews.text").joinpath("data", "fa_lexicon.txt.gz")
    text = gzip.decompress(res.read_bytes()).decode("utf-8")
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            current = sections.setdefault(line[1:], [])
        else:
            current.append(line)
    words: set[str] = set()
    comparable: set[str] = set()
    for entry in sections.get("words", []):
        word, _, tags = entry.partition("\t")
        words.add(word)
        if tags:
            comparable.add(word)
    compounds = {c.replace(ZWNJ, ""): c for c in sections.get("compounds", [])}
    return _Lexicon(
        words=frozenset(words),
        comparable=frozenset(comparable),
        weak=frozenset(sections.get("weak", [])),
        hei=frozenset(sections.get("hei", [])),
        past=frozenset(sections.get("past", [])),
        plural_first=frozenset(sections.get("plural_first", [])),
        rare=frozenset(sections.get("rare", [])),
        freq={w: int(n) for w, _, n in (e.partition("\t") for e in sections.get("freq", []))},
        participles=frozenset(
            p + stem + "ه" for stem in sections.get("past", []) for p in ("", "ن")
        ),
        compounds=compounds,
        verb_forms=_verb_forms(sections.get("past", []), sections.get("present", [])),
    )


def _join(left: str, right: str) -> str:
    """``left`` and ``right`` with a ZWNJ between them if ``left`` joins to the next letter."""
    if not left or not right or left[-1] in NON_JOINING:
        return left + right
    return left + ZWNJ + right


def _attached(word: str, lex: _Lexicon, depth: int = 0) -> bool:
    """Whether ``word`` is a known word plus one or two suffixes written joined.

    «میدانی» is «میدان» + «ی», «بیمارانی» is «بیمار» + «ان» + «ی» (the inner suffix of two
    is the plural «ان»).
    """
    for suffix in _ATTACHED if depth == 0 else ("ان",):
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= 2 and (
            base in lex.words or (depth == 0 and _attached(base, lex, 1))
        ):
            return True
    return False


def _known(word: str, lex: _Lexicon) -> str | None:
    """``word`` as spelled if it is a word or a known compound, else None."""
    if word in lex.words:
        return word
    return lex.compounds.get(word)


def _verb(word: str, lex: _Lexicon) -> str | None:
    for preverb in _PREVERBS:
        if not word.startswith(preverb):
            continue
        rest = word[len(preverb):]
        for prefix in ("نمی", "می"):
            if rest.startswith(prefix) and rest[len(prefix):] in lex.verb_forms:
                return preverb + _join(prefix, rest[len(prefix):])
    return None


def _stem(word: str, lex: _Lexicon, depth: int, *, weak_ok: bool) -> tuple[str, int] | None:
    """A base that takes a suffix, as spelled, and how sure it is a word (4 down to 0).

    4: a listed word or compound; 3: a rare listed word («یهودیه», «آماد») or a relational
    adjective in «ی» of a listed word («یهودی», «سوری»); 2: another analysis; 1: a word
    only shekar counts («برند»); 0: a word hazm lists without a tag.
    """
    known = _known(word, lex)
    if known is not None:
        return known, 3 if known in lex.rare else 4
    if _attached(word, lex):
        return word, 3 if word[-1] == "ی" and word[:-1] in lex.words else 2
    found = _analyse(word, lex, depth + 1, weak=word in lex.weak)
    if found is not None:
        return found, 2
    if weak_ok and word in lex.freq:
        return word, 1
    if weak_ok and word in lex.weak:
        return word, 0
    return None


def _suffix_fits(family: tuple[str, ...], base: str, lex: _Lexicon) -> bool:
    last = base[-1]
    if family is _AFTER_VOWEL:
        return len(base) >= 3 and last in "هی"
    if family is _AFTER_HEH:
        return len(base) >= 3 and last == "ه"
    if family is _AFTER_ADJECTIVE:
        return len(base) >= 3 and last not in "هی" and base in lex.comparable
    if family is _COMPARATIVE:
        return len(base) >= 3 and (
            base in lex.comparable or base in lex.compounds
            or (last == "ی" and base[:-1] in lex.words)
        )
    return True


def _suffixed(word: str, lex: _Lexicon, depth: int, *, weak: bool = False) -> str | None:
    # base -> (rank, spelling, perfect tense): the readings found
    readings: dict[str, tuple[int, str, bool]] = {}
    for family in (_PLURAL, _COMPARATIVE, _AFTER_VOWEL, _AFTER_HEH, _AFTER_ADJECTIVE):
        for suffix in family:
            base = word[: -len(suffix)]
            if not word.endswith(suffix) or len(base) < 2 or not _suffix_fits(family, base, lex):
                continue
            if weak and family is _COMPARATIVE and suffix != "ترین":
                continue  # «فیلتر» is listed: a listed word is not read as «فیل» + «تر»
            # the perfect: «داده‌ایم», «داشته‌اند» (not «ای»: «آمدهای» is the plural «آمدهای»)
            participle = family is _AFTER_VOWEL and suffix != "ای" and base in lex.participles
            if weak and family is _AFTER_VOWEL and not participle and suffix != "ای":
                continue  # a listed word ending in «هام», «هاش» is rarely «ه» + «ام», «اش»
            if family is _AFTER_ADJECTIVE and (weak or word in lex.verb_forms):
                continue  # «ترساند» is a verb
            stem = _stem(base, lex, depth, weak_ok=len(base) >= 3 and not weak)
            if stem is None:
                continue
            rank = stem[1]
            if participle or (suffix == "ای" and base in lex.hei):
                # «دادهایم»: the perfect «داده‌ایم», not «داد» + «هایم»;
                # «دقیقهای»: «دقیقه‌ای», which hazm spells, not the plural «دقیق‌های»
                rank = 6
            if family is _AFTER_HEH:
                rank -= 2  # the copula is written apart: «زبانهاست» is «زبان‌هاست»
            if (suffix == "ای" and rank == 4 and _ARABIC_SHAPE.search(base[:-1])
                    and base[:-1] not in lex.plural_first):
                # An Arabic word in «ه» (Arabic «ة») is commonly more frequent than the
                # bare form's plural: «مجموعهای» is «مجموعه‌ای», not «مجموع‌های»; unless
                # the bare word is far the more frequent («طرفهای» is «طرف‌های»).
                rank = 5
            if base not in readings or rank > readings[base][0]:
                readings[base] = (rank, _join(stem[0], suffix), participle)
    if not readings:
        return None
    base = max(readings, key=lambda b: readings[b][0])  # the first of the best rank
    rival = base + "ه" if base + "ه" in readings else base[:-1] if base.endswith("ه") else ""
    if rival in readings and not readings[base][2] and not readings[rival][2]:
        # «سالهای»: «سال‌های» or «ساله‌ای»?  Where shekar counts both words, the plural
        # reading needs its word half again as frequent (its count also holds other uses:
        # «طبق» the preposition, «برند» the verb).
        bare, heh = sorted((base, rival), key=len)
        if readings[bare][0] >= 4 and _ends_in_past_stem(bare, lex):
            # «کارکردهای»: the plural of a listed noun made of a past stem, not the
            # participle «کارکرده» with «‌ای»
            base = bare
        elif bare in lex.freq and heh in lex.freq:
            base = bare if lex.freq[bare] > 1.5 * lex.freq[heh] else heh
    return readings[base][1]


def _ends_in_past_stem(word: str, lex: _Lexicon) -> bool:
    return any(word[-k:] in lex.past for k in range(2, min(len(word), 6) + 1))


def _compound(word: str, lex: _Lexicon) -> str | None:
    for prefix, least in _PREFIXES:
        rest = word[len(prefix):]
        if word.startswith(prefix) and len(rest) >= least:
            if rest in lex.words or _attached(rest, lex):
                return _join(prefix, rest)
            if rest in lex.compounds:
                return _join(prefix, lex.compounds[rest])
    for i in range(3, len(word) - 1):  # the longest head first
        if word[i:] in _HEAD_SET:
            known = _known(word[:i], lex)
            if known is not None:
                return _join(known, word[i:])
    return None


def _analyse(word: str, lex: _Lexicon, depth: int = 0, *, weak: bool = False) -> str | None:
    """``word`` (no ZWNJ) spelled with the ZWNJs it needs, or None if no analysis applies.

    A word hazm lists without a tag (``weak``) is only split into a verb or a word and a
    suffix, or into a compound after a final «ه»: many such entries are words in their
    own right («پیشگیری», «فیلتر»).
    """
    if depth > 3:
        return None
    found = _verb(word, lex) or _suffixed(word, lex, depth, weak=weak)
    if found is None:
        found = _compound(word, lex) or _compound_attached(word, lex)
        if weak and found is not None and not all(map(_silent_heh, found.split(ZWNJ)[:-1])):
            # a listed word is split into a compound only after a silent final «ه», where
            # joining is no spelling at all («سرمایهگذاری»)
            found = None
    return found


_CONSONANT_HEH = frozenset({"نگه", "سپه", "گنه", "کوته"})  # short for نگاه, سپاه, گناه, کوتاه


def _silent_heh(part: str) -> bool:
    """Whether ``part`` ends in a silent «ه» («سرمایه»), not a consonant («راه», «کوه»)."""
    return len(part) >= 3 and part[-1] == "ه" and part[-2] not in "او" and part not in _CONSONANT_HEH


def _compound_attached(word: str, lex: _Lexicon) -> str | None:
    """A compound with a suffix written joined: «معاملهگران» → «معامله‌گر» + «ان»."""
    for suffix in _ATTACHED:
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= 4:
            found = lex.compounds.get(base) or _compound(base, lex)
            if found is not None:
                return found + suffix
    return None


_CACHE: dict[str, str] = {}
_CACHE_SIZE = 200_000


def _repair_word(word: str) -> str:
    """One ZWNJ-free word, repaired (memoized: news repeats its words)."""
    found = _CACHE.get(word)
    if found is None:
        found = word if _AR_LETTERS.intersection(word) else _analyse_word(word)
        if ZWNJ in found:
            # A second repair reads each part between ZWNJs as a word of its own («می‌دادهای»
            # → «داده‌ای»); repairing the parts now makes repair_zwnj idempotent.  Each part is
            # shorter than the word, so this ends.
            found = ZWNJ.join([_repair_word(part) for part in found.split(ZWNJ)])
        if len(_CACHE) < _CACHE_SIZE:
            _CACHE[word] = found
    return found


#: No Persian word (with its suffixes) is longer; longer runs of letters are left alone.
_LONGEST = 40


def _analyse_word(word: str) -> str:
    lex = _lexicon()
    if not 3 <= len(word) <= _LONGEST or word in lex.words or word in _ARABIC_WORDS:
        return word
    compound = lex.compounds.get(word)
    if compound is not None:
        return compound
    if _attached(word, lex):
        return word
    weak = word in lex.weak
    return _analyse(word, lex, weak=weak) or (None if weak else _unknown_plural(word)) or word


def _unknown_plural(word: str, depth: int = 0) -> str | None:
    """A word no list knows, ending in the plural: a new or foreign noun («پادکستها»)."""
    for suffix in _PLURAL:
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= 3 and base[-1] not in NON_JOINING:
            # the base gets the same treatment, so a second repair changes nothing
            inner = _unknown_plural(base, depth + 1) if depth < 3 else None
            return (inner or base) + ZWNJ + suffix
    return None


def _is_persian(line: str) -> bool:
    """More Persian-only letters than Arabic-only ones (پ چ ژ گ and ة weigh double)."""
    fa = sum(line.count(c) for c in "پچژگ") * 2 + line.count("ی") + line.count("ک")
    ar = line.count("ة") * 2 + line.count("ي") + line.count("ك") + line.count("ى")
    return fa > ar


def repair_zwnj(text: str) -> str:
    """Insert the ZWNJ characters Persian orthography needs, and change nothing else.

    ``repair_zwnj(t).replace("\\u200c", "") == t.replace("\\u200c", "")`` holds for any
    ``t``: only U+200C is ever added.  Lines that are not Persian (Arabic, Latin) come back
    unchanged, and so do ZWNJs already present.

    Args:
        text: Any text; Persian lines are repaired.

    Returns:
        The text with ZWNJs inserted.

    Raises:
        TypeError: ``text`` is not a string.

    Examples:
        >>> repair_zwnj("برنامههای دو کشور")
        'برنامه\\u200cهای دو کشور'
        >>> repair_zwnj("آنها حمایت میکنند") == "آن\\u200cها حمایت می\\u200cکنند"
        True
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a string, not {type(text).__name__}")
    if "ی" not in text and "ک" not in text and not _FA_ONLY.search(text):
        return text
    out: list[str] = []
    for line in text.split("\n"):
        if not _is_persian(line):
            out.append(line)
            continue
        get = _CACHE.get
        out.append(" ".join([get(t) or _repair_token(t) for t in line.split(" ")]))
    return "\n".join(out)


def _repair_token(token: str) -> str:
    """A space-delimited token (punctuation and all), repaired word by word and memoized."""
    # split() with the capturing group puts the words at the odd indices
    parts = _WORD.split(token)
    parts[1::2] = [_repair_word(w) for w in parts[1::2]]
    found = "".join(parts)
    if len(token) <= 64 and len(_CACHE) < _CACHE_SIZE:
        _CACHE[token] = found
    return found
