"""normalize(): documented, switchable normalization steps for Arabic and Persian.

Each step is a keyword switch of :func:`normalize`; the defaults suit search, matching and
NLP while keeping the text readable.  In order:

``nfkc`` (on)
    Unicode NFKC: presentation forms (``ﻻ``, ``ﺑ``, ``ﯾ``, …) and ligatures (``ﷲ``) fold to
    the letters they show; compatibility characters (full-width Latin, ``…``) fold too.
``letters`` (on)
    One letter per sound.  Persian: Arabic yeh ``ي`` and alef maqsura ``ى`` → Persian yeh
    ``ی``, Arabic kaf ``ك`` → keheh ``ک``, Arabic heh goal and heh doachashmee
    (``ە``/``ھ``) → ``ه``.  Arabic: Persian yeh ``ی`` → ``ي`` and keheh ``ک`` → ``ك`` (text
    typed on a Persian keyboard).  Runs after NFKC, which folds presentation forms of the
    Persian yeh to the Arabic one.
``tatweel`` (on)
    Remove the kashida ``ـ`` (U+0640) that stretches words.
``diacritics`` (off)
    Remove harakat, tanwin, shadda, sukun, superscript alef and Quranic marks
    (U+064B–U+065F, U+0670, U+06D6–U+06ED).
``digits`` (off)
    Arabic-Indic ``٠–٩`` and Persian ``۰–۹`` digits → ``0–9``, and the Arabic decimal and
    thousands separators ``٫`` ``٬`` between digits → ``.`` ``,``.
``invisible`` (on)
    Remove bidi controls (LRM, RLM, ALM, embeddings, overrides, isolates), zero-width
    space, zero-width joiner, word joiner, BOM and soft hyphen.  ZWNJ (U+200C) is removed
    in Arabic; in Persian it is kept only between two letters (one of a run), since it is
    part of the spelling there («می‌کنند»); other languages keep theirs.
``zwnj`` (off)
    Persian only: :func:`mideastnews.text.repair_zwnj`, putting back lost ZWNJs.
``spacing`` (on)
    Runs of spaces and tabs become one space, no space at a line's ends; no space before
    ``، ؛ : . ! ؟ ? ) ] } »`` nor after ``( [ { «``; one space after ``، ؛ ؟ ! :`` and a
    sentence ``.`` when a letter follows, and between a word and an opening ``( [ «`` or a
    closing ``) ] »`` and a word glued to it.  Digits keep their separators (``۳.۷``,
    ``۱۰:۳۰``).

The steps are applied until the text no longer changes (at most a few rounds), so
``normalize`` is idempotent for every language and combination of switches.
"""

from __future__ import annotations

import re
import unicodedata

from .._regex import compile as _compile
from .zwnj import repair_zwnj

__all__ = ["STEPS", "normalize"]

#: Every step's switch and its default.
STEPS: dict[str, bool] = {
    "nfkc": True,
    "letters": True,
    "tatweel": True,
    "diacritics": False,
    "digits": False,
    "invisible": True,
    "zwnj": False,
    "spacing": True,
}

_ZWNJ = "\u200c"
_FA_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ە": "ه", "ھ": "ه"})
_AR_LETTERS = str.maketrans({"ی": "ي", "ک": "ك"})
_TATWEEL = str.maketrans({"\u0640": None})
_DIACRITICS = str.maketrans(
    dict.fromkeys([*range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06DD), *range(0x06DF, 0x06E9),
                   *range(0x06EA, 0x06EE)])
)
_DIGITS = str.maketrans({**{chr(0x0660 + i): str(i) for i in range(10)},
                         **{chr(0x06F0 + i): str(i) for i in range(10)}})
# Bidi controls, zero-width characters other than ZWNJ, BOM, soft hyphen.
_INVISIBLE = str.maketrans(
    dict.fromkeys([0x200B, 0x200D, 0x200E, 0x200F, 0x061C, *range(0x202A, 0x202F), 0x2060,
                   *range(0x2066, 0x206A), 0xFEFF, 0x00AD])
)
_NO_ZWNJ = str.maketrans({_ZWNJ: None})

_LETTER = "\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ffA-Za-z"
_DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"

# A ZWNJ is kept only between two letters (marks may stand between them and the letter).
_STRAY_ZWNJ = _compile(
    "text.normalize.STRAY_ZWNJ",
    f"(?<![{_LETTER}\u064b-\u065f\u0670])\u200c+|\u200c+(?![{_LETTER}])",
    worst=(lambda n: "\u200c" * n + "!", lambda n: ("ب\u200c\u200c " * (n // 4 + 1))[:n]),
)
_ZWNJ_RUN = _compile("text.normalize.ZWNJ_RUN", "\u200c{2,}", worst=(lambda n: "\u200c" * n + "ب",))
_DIGIT_SEP = _compile(
    "text.normalize.DIGIT_SEP",
    f"(?<=[{_DIGIT}])([\u066b\u066c])(?=[{_DIGIT}])",
    worst=(lambda n: ("۱٫" * (n // 2 + 1))[:n],),
)
_SPACES = _compile("text.normalize.SPACES", "[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+",
                   worst=(lambda n: " \t" * (n // 2) + "x",))
_LINE_EDGE = _compile("text.normalize.LINE_EDGE", "^ | $", re.MULTILINE,
                      worst=(lambda n: " \n" * (n // 2),))
_SPACE_BEFORE = _compile(
    "text.normalize.SPACE_BEFORE",
    " (?=[\u060c\u061b:.!\u061f?)\\]}\u00bb])",
    worst=(lambda n: " " * n + "،",),
)
_SPACE_AFTER_OPEN = _compile(
    "text.normalize.SPACE_AFTER_OPEN", "(?<=[(\\[{\u00ab]) ", worst=(lambda n: "( " * (n // 2),)
)
# «،» «؛» «؟» «!» «:» and «.» glued to a following letter (not between digits: «۳.۷»).
_SPACE_AFTER = _compile(
    "text.normalize.SPACE_AFTER",
    "(?<![A-Za-z])([\u060c\u061b\u061f!:.])(?=[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06d5\u06fa-\u06fc])",
    worst=(lambda n: ("،ب" * (n // 2 + 1))[:n], lambda n: ("a.ب" * (n // 3 + 1))[:n]),
)


_AR_SCRIPT = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06d5\u06fa-\u06fc"
# «گفت«سلام»و» → «گفت «سلام» و»: a space outside quotes and brackets glued to a word.
_SPACE_OUTSIDE = _compile(
    "text.normalize.SPACE_OUTSIDE",
    f"(?<=[{_AR_SCRIPT}])(?=[(\\[\u00ab])|(?<=[)\\]\u00bb])(?=[{_AR_SCRIPT}])",
    worst=(lambda n: ("ب«" * (n // 2 + 1))[:n], lambda n: ("»ب" * (n // 2 + 1))[:n]),
)


def _step_nfkc(text: str, lang: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _step_letters(text: str, lang: str) -> str:
    if lang == "fa":
        return text.translate(_FA_LETTERS)
    if lang == "ar":
        return text.translate(_AR_LETTERS)
    return text


def _step_invisible(text: str, lang: str) -> str:
    text = text.translate(_INVISIBLE)
    if lang == "ar":
        return text.translate(_NO_ZWNJ)
    if lang != "fa" or _ZWNJ not in text:
        return text
    return _STRAY_ZWNJ.sub("", _ZWNJ_RUN.sub(_ZWNJ, text))


def _step_spacing(text: str, lang: str) -> str:
    text = _SPACES.sub(" ", text)
    text = _SPACE_BEFORE.sub("", text)
    text = _SPACE_AFTER_OPEN.sub("", text)
    text = _SPACE_AFTER.sub(r"\1 ", text)
    text = _SPACE_OUTSIDE.sub(" ", text)
    return _LINE_EDGE.sub("", text)


def _apply(text: str, lang: str, switches: dict[str, bool]) -> str:
    if switches["nfkc"]:
        text = _step_nfkc(text, lang)
    if switches["letters"]:
        text = _step_letters(text, lang)
    if switches["tatweel"]:
        text = text.translate(_TATWEEL)
    if switches["diacritics"]:
        text = text.translate(_DIACRITICS)
    if switches["digits"]:
        text = _DIGIT_SEP.sub(lambda m: "." if m.group(1) == "\u066b" else ",", text).translate(_DIGITS)
    if switches["invisible"]:
        text = _step_invisible(text, lang)
    if switches["zwnj"] and lang == "fa":
        text = repair_zwnj(text)
    if switches["spacing"]:
        text = _step_spacing(text, lang)
    return text


def normalize(
    text: str,
    lang: str = "ar",
    *,
    nfkc: bool = True,
    letters: bool = True,
    tatweel: bool = True,
    diacritics: bool = False,
    digits: bool = False,
    invisible: bool = True,
    zwnj: bool = False,
    spacing: bool = True,
) -> str:
    """Return ``text`` normalized for ``lang``, step by step.

    Every step is switched by its keyword; see the module documentation (and the
    *Normalization* page of the docs) for what each one does.  The steps run until the
    text no longer changes, so ``normalize(normalize(t)) == normalize(t)``.

    Args:
        text: The text.
        lang: ``"fa"`` (Persian) or ``"ar"`` (Arabic), or a tag starting with one
            (``"fa-IR"``); for any other language the letter step does nothing and ZWNJs
            are left as they are.
        nfkc: Unicode NFKC (presentation forms, ligatures).
        letters: Persian ``ي ى ك`` → ``ی ک`` (Arabic: ``ی ک`` → ``ي ك``).
        tatweel: Remove the kashida ``ـ``.
        diacritics: Remove harakat and Quranic marks.
        digits: Arabic-Indic and Persian digits → ASCII.
        invisible: Remove bidi and zero-width marks (keeping ZWNJ in Persian).
        zwnj: Persian: put back lost ZWNJs with :func:`~mideastnews.text.repair_zwnj`.
        spacing: Collapse spaces and fix spacing around punctuation.

    Returns:
        The normalized text.

    Raises:
        TypeError: ``text`` or ``lang`` is not a string, or an unknown step is named.

    Examples:
        >>> normalize("كتاب ﻻ يزال", "fa")
        'کتاب لا یزال'
        >>> normalize("عدد ۱۲٫۵ ،  نعم", "ar", digits=True)
        'عدد 12.5، نعم'
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a string, not {type(text).__name__}")
    if not isinstance(lang, str):
        raise TypeError(f"lang must be a string, not {type(lang).__name__}")
    switches = {"nfkc": nfkc, "letters": letters, "tatweel": tatweel, "diacritics": diacritics,
                "digits": digits, "invisible": invisible, "zwnj": zwnj, "spacing": spacing}
    lang = lang.lower().split("-")[0].split("_")[0]
    for _ in range(6):
        out = _apply(text, lang, switches)
        if out == text:
            break
        text = out
    return text
