"""Direct quotations and their speakers: the seeds, the hard cases, and properties."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import mideastnews as mn
from mideastnews.text import QuoteSpan, find_quotes
from mideastnews.text import quotes as qm

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

# The body of each seed: its language and the 1-based lines that hold the
# article's paragraphs (title, lead, captions, credits and boilerplate left out).
BODIES = {
    "000": ("ar", list(range(3, 15))),
    "001": ("ar", list(range(8, 37, 2))),
    "002": ("fa", list(range(9, 38, 2))),
    "003": ("ar", list(range(9, 36, 2))),
    "004": ("ar", [6, 7, 9, 11, 14, 16, 17, 18, 19, 20]),
}

# Every quotation of each seed, read by hand: (paragraph, speaker, first words, last words).
EXPECTED = {
    "000": [
        (3, "خامنئي", "اليوم يرتكب النظام", "إخفاء ذلك"),  # «وأضاف:» after «وزعم خامنئي»
        (4, "خامنئي", "إنهم لا يقاتلون", "الناس العاديين"),  # a paragraph that is all quotation
        (6, "خامنئي", "اليوم، الخطوة الأولى", "بشكل كامل."),  # opened, never closed
        (6, "خامنئي", "هذا أقل ما", "القيام به"),
    ],
    "001": [
        (0, "إبراهيم رئيسي", "على البلدان الإسلامية", "بالكيان الصهيوني"),
        (2, "إبراهيم رئيسي", "وقف الهجمات الإسرائيلية", "المنطقة والعالم"),  # «وأكّد أنّ»
        (3, "إبراهيم رئيسي", "يتعين على منظمة", "الأحد المقبل"),
        (3, "إبراهيم رئيسي", "لا بدّ من", "الحصار عنه"),  # «مشيراً إلى أنه»
        (5, "إردوغان", "وجوب اتخاذ العالم", "على إسرائيل"),
        (6, "الرئيس التركي", "تبني مسؤولية الضامن", "- الإسرائيلي"),
        (8, "إردوغان", "ما يفعله الاحتلال", "غزة انتصرت"),
        (8, "إردوغان", "حماس ليست إرهابية", "ليست إرهابية"),
        (9, None, "تعزيز جهود المساعدات", "في غزة"),  # «وناقش …»: no verb of saying
        (10, "اللواء حسين سلامي", "غزة أصبحت اليوم", "وقوات التحالف"),
        (11, "اللواء حسين سلامي", "الأميركيين والإسرائيليين وكل", "صغير محاصر"),  # «وأضاف سلامي»
        (14, "حسين أمير عبد اللهيان", "المستقبل لفلسطين من", "دون شك"),
    ],
    "002": [
        (0, "کاظم جلالی", "جمهوری اسلامی ایران", "اخیر داشتهاند."),
        (1, "کاظم جلالی", "این تعامل در", "نظر دارند."),  # «وی یادآور شد:»
        (1, "سفیر ایران در مسکو", "روسها از راه", "تبیین فرمودند."),
        (2, "کاظم جلالی", "مواضع روسها در", "فصل کنید."),  # a subheading lost its line break
        (2, "سفیر ایران در مسکو", "بعد از آن", "ایجاد شد."),
        (3, "کاظم جلالی", "با توجه به", "بوده ایم."),
        (4, "کاظم جلالی", "یک بخش از", "ادامه دارد."),  # «وی … گفت:»
        (5, "سفیر ایران در روسیه", "ایران و روسیه،", "جلو ببرند."),
        (7, "کاظم جلالی", "ابزارهای قدرت بسیار", "ذکر کردند"),
        (8, "کاظم جلالی", "شاید برخی کشورهای", "استفاده کنند."),
        (9, "سفیر ایران در مسکو", "کشورهای اسلامی و", "نمی شود."),
        (10, "سفیر ایران در مسکو", "کشورهای اسلامی امکانات", "پیش بروید."),
        (11, "کاظم جلالی", "به نظر می", "گرفته شود."),
        (12, "سفیر ایران در روسیه", "رژیم صهیونیستی، رژیمی", "می شود."),
    ],
    "003": [
        (4, "رئيسي", "ما يحدث في", "ضد الإنسانية"),  # «ورد رئيسي عبر مترجم:»
        (5, "رئيسي", "إنها ليست مجرد", "البشرية جمعاء"),  # «وقال لبوتين:»: to Putin, not Putin
        (5, "رئيسي", "من الضروري إيجاد", "حل سريع"),
        (13, "الكرملين", "بما في ذلك", "العسكري الفني"),
    ],
    "004": [
        (2, "وزير الخارجية الإيراني", "إجراء نادر وقيّم", "في العالم"),  # «ووصفه بأنه»
        (3, "إسماعيل هنية", "مواقفها المعروفة والثابتة", "الشعب الفلسطيني"),
        (4, "إسماعيل هنية", "المقاومة ستستمر بعون", "فلسطين بالكامل"),
    ],
}


def seed_text(seed: str) -> str:
    return next(SEEDS.glob(seed + "_*.txt")).read_text(encoding="utf-8")


def seed_body(seed: str) -> tuple[str, list[str]]:
    language, lines = BODIES[seed]
    all_lines = seed_text(seed).split("\n")
    return language, [all_lines[i - 1].strip() for i in lines]


def summary(quotes: list[QuoteSpan]) -> list[tuple[int, str | None, str, str]]:
    return [(q.paragraph, q.speaker, " ".join(q.text.split()[:3]), " ".join(q.text.split()[-2:]))
            for q in quotes]


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_seed_quotations_and_speakers(seed: str) -> None:
    language, body = seed_body(seed)
    assert summary(find_quotes(body, language=language)) == EXPECTED[seed]


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_seed_quotes_through_parse(seed: str) -> None:
    """The pipeline gives the same quotations and speakers from the whole seed file."""
    article = mn.parse(seed_text(seed))
    got = [(q.speaker, " ".join(q.text.split()[:3])) for q in article.quotes]
    want = [(speaker, first) for _, speaker, first, _ in EXPECTED[seed]]
    assert got == want
    for q in article.quotes:
        assert q.text in article.paragraphs[q.paragraph]


def test_scare_quoted_names_are_not_quotations() -> None:
    body = [
        'رئيسي يؤكد ضرورة قطع العلاقات بـ"إسرائيل" على هامش قمة "إيكو" في طشقند.',
        'وقال أمير عبد اللهيان، عبر حسابه في منصة "أكس"، إنّ الفائدة الوحيدة كانت في زعزعة الكيان.',
        "گروه های مقاومت عملیاتی با نام «طوفان الاقصی» را آغاز کردند.",
        'أعلنت كتائب القسام معركة "طوفان الأقصى الكبرى" فجر السبت.',
    ]
    assert find_quotes(body[:2] + body[3:], language="ar") == []
    assert find_quotes(body[2:3], language="fa") == []


def test_unbalanced_opening_closes_before_the_next_attribution() -> None:
    body = ["“اليوم، الخطوة الأولى هي قطع العلاقات. وقال خامنئي: “هذا أقل ما يمكن القيام به”."]
    quotes = find_quotes(body)
    assert [q.text for q in quotes] == ["اليوم، الخطوة الأولى هي قطع العلاقات.", "هذا أقل ما يمكن القيام به"]
    assert quotes[1].speaker == "خامنئي"


def test_mixed_marks_pair() -> None:
    quotes = find_quotes(['وقال الوزير سامي: “لن نقبل بهذا الاتفاق أبدا" ثم غادر.'])
    assert [(q.text, q.speaker) for q in quotes] == [("لن نقبل بهذا الاتفاق أبدا", "الوزير سامي")]


def test_nested_quotation_stays_inside() -> None:
    quotes = find_quotes(['وقال سامي: «نحن نرفض ما سموه "خطة السلام الجديدة" رفضا تاما».'])
    assert [q.text for q in quotes] == ['نحن نرفض ما سموه "خطة السلام الجديدة" رفضا تاما']


def test_closing_mark_without_opening() -> None:
    quotes = find_quotes(["وقال المتحدث: نحن مستعدون لكل الاحتمالات” وغادر القاعة."])
    assert [(q.text, q.speaker) for q in quotes] == [("نحن مستعدون لكل الاحتمالات", "المتحدث")]


def test_open_quotation_runs_to_paragraph_end() -> None:
    quotes = find_quotes(['وأكد الرئيس الإيراني، إبراهيم رئيسي، أنّ "على البلدان الإسلامية قطع علاقاتها'])
    assert [(q.text, q.speaker) for q in quotes] == [("على البلدان الإسلامية قطع علاقاتها", "إبراهيم رئيسي")]


def test_previous_speaker_across_paragraphs() -> None:
    body = [
        'وقال وزير الخارجية التركي، هاكان فيدان، إنّ "الحل الوحيد هو وقف إطلاق النار".',
        "وبحث الوزيران في الأوضاع الإقليمية.",
        'وتابع: "نحن نعمل مع كل الأطراف".',
        'وأضاف فيدان أنّ "الوقت ينفد بسرعة كبيرة".',
    ]
    speakers = [q.speaker for q in find_quotes(body)]
    assert speakers == ["هاكان فيدان", "هاكان فيدان", "هاكان فيدان"]


def test_speaker_after_the_quotation() -> None:
    quotes = find_quotes(['"لن نتراجع عن موقفنا مهما حصل"، قال الناطق باسم الحركة.'])
    assert [q.speaker for q in quotes] == ["الناطق باسم الحركة"]


def test_persian_pronoun_and_according_to() -> None:
    body = [
        "علی احمدی سخنگوی وزارت امور خارجه روز دوشنبه گفت: ایران به تعهدات خود پایبند است.",
        "وی افزود: ما آماده گفت و گو هستیم.",
        "به گفته وزیر نفت، «تولید نفت ایران در ماه گذشته افزایش یافت».",
    ]
    quotes = find_quotes(body, language="fa")
    assert [(q.text, q.speaker) for q in quotes] == [
        ("ایران به تعهدات خود پایبند است.", "علی احمدی سخنگوی وزارت امور خارجه"),
        ("ما آماده گفت و گو هستیم.", "علی احمدی سخنگوی وزارت امور خارجه"),
        ("تولید نفت ایران در ماه گذشته افزایش یافت", "وزیر نفت"),
    ]


def test_persian_credit_is_not_the_speaker() -> None:
    body = ["به گزارش خبرگزاری فارس، حسین سلامی امروز در جمع فرماندهان گفت: دشمن شکست خورده است."]
    assert [q.speaker for q in find_quotes(body, language="fa")] == ["حسین سلامی"]


def test_persian_addressee_and_manner_are_not_the_subject() -> None:
    body = [
        "مدیر پژوهشگاه زلزله به همشهری گفت: «نیروها برای ارزیابی به محل اعزام شدند».",
        "این بازیگر با اندوه فراوان می گوید: او هرگز از یادها نخواهد رفت.",
        "مسعود کریمی نویسنده و کارگردان سینما در فقدان این هنرمند نوشت: سینما سوگوار است.",
    ]
    assert [q.speaker for q in find_quotes(body, language="fa")] == [
        "مدیر پژوهشگاه زلزله", "این بازیگر", "مسعود کریمی نویسنده و کارگردان سینما"]


def test_fronted_subject_and_short_name_of_a_body() -> None:
    body = [
        'أما الائتلاف الوطني السوري المعارض، فقد دعا في بيان له الفصائل إلى "ضبط النفس والتحلي بالحكمة".',
        'وشدد الائتلاف على "ضرورة الابتعاد عن الأعمال الاستفزازية".',
        'واشتبك مقاتلون مع ما يعرف بـ"الدولة الإسلامية في العراق والشام" قرب الحدود.',
    ]
    assert [(q.speaker, q.paragraph) for q in find_quotes(body)] == [
        ("الائتلاف الوطني السوري المعارض", 0), ("الائتلاف الوطني السوري المعارض", 1)]


def test_name_inside_the_attribution_and_genitive_subject() -> None:
    body = [
        'قال الأمين العام لحزب الله، السيد حسن نصر الله، إنّ "الشهيد سليماني شهيد يتجاوز المكان والزمان".',
        'وقال السيد نصر الله، خلال كلمته في حفل توزيع "جائزة سليماني العالمية للأدب المقاوم"، '
        'اليوم الثلاثاء، إنّ "المحور الذي قاتل داعش كان فيه سليماني قائداً كبيراً".',
        'وقال الوزير للصحفيين إنّ "الاتفاق سيوقع قريبا جدا".',
    ]
    assert [(q.speaker, q.text.split()[0]) for q in find_quotes(body)] == [
        ("السيد حسن نصر الله", "الشهيد"), ("السيد حسن نصر الله", "المحور"), ("الوزير", "الاتفاق")]


def test_no_speaker_without_a_verb_of_saying() -> None:
    quotes = find_quotes(['ونشرت الصحيفة تقريرا بعنوان مفصل عن "الأزمة الاقتصادية التي تعصف بالبلاد".'])
    assert [q.speaker for q in quotes] == [None]


def test_wrong_types() -> None:
    with pytest.raises(TypeError):
        find_quotes("نص")
    with pytest.raises(TypeError):
        find_quotes(["نص", 3])  # type: ignore[list-item]



def test_according_to_nobody_names_no_speaker() -> None:
    # «به گفته» followed only by spaces and a quote mark: there was an empty speaker, and the
    # next Persian verb of saying then failed looking up its words (IndexError)
    assert find_quotes(['به گفته  "', '" گفت:'], language="fa") == []


def test_punctuation_before_the_verb_names_no_speaker() -> None:
    # the subject was a comma or a bracket: the speaker was an empty string
    assert find_quotes(["، گفت:. "], language="fa") == [QuoteSpan(".", None, 0)]
    assert find_quotes(["قال ( : كلام طويل جدا"]) == [QuoteSpan("كلام طويل جدا", None, 0)]
    assert find_quotes(["وقال ( «» : كلام طويل"]) == [QuoteSpan("كلام طويل", None, 0)]


_PIECES = st.sampled_from([
    "“", "”", "«", "»", '"', "„", " ", ". ", "، ", ": ", "وقال", "وأضاف", "الرئيس", "إن", "أنّ",
    "گفت:", "وی", "افزود", "به گفته", "کاظم", "جلالی", "اليوم", "كلام", "طويل", "\u200c", "ـ", "x",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_PIECES, max_size=40).map("".join), max_size=6), st.sampled_from(["ar", "fa", "en"]))
def test_quotes_are_pieces_of_their_paragraphs(paragraphs: list[str], language: str) -> None:
    quotes = find_quotes(paragraphs, language=language)
    last = 0
    for q in quotes:
        assert 0 <= q.paragraph < len(paragraphs)
        assert q.paragraph >= last
        last = q.paragraph
        assert q.text
        assert q.text == q.text.strip()
        assert q.text in paragraphs[q.paragraph]
        assert q.speaker is None or q.speaker.strip()


# ---------------------------------------------------------------------------
# The fast paths of the finder against the definitions they stand for


_DIACRITIC = st.sampled_from(["", "", "", "\u064b", "\u064e", "\u0651", "\u0652"])


@st.composite
def _spelled_verb(draw: st.DrawFn) -> str:
    """A verb of saying as texts spell it: a prefix, diacritics and alif forms, an ending."""
    word = draw(st.sampled_from([*qm._AR_VERBS, *qm._AR_PRESENT, *qm._AR_PARTICIPLES, "بيّن"]))
    letters = [draw(st.sampled_from("أإآا")) if ch in "أإآا" else ch for ch in word]
    spelled = "".join(ch + draw(_DIACRITIC) for ch in letters)
    prefix = draw(st.sampled_from(["", "", "و", "ف", "ثم ", "كما ", "ثم\n", "ال"]))
    ending = draw(st.sampled_from(["", "", "ت", "وا", "ه", "ها", "تها", "اً", "ً", "ة", "ين", "ان", "ى", "x"]))
    return prefix + spelled + ending


_TEXT_PIECES = st.one_of(
    _spelled_verb(),
    st.sampled_from([
        " ", " ", "  ", "\n", "\u00a0", "\u2003", "(", ")", "«", "»", '"', "“", "”", "،", ",", ".", ":", "؛",
        "!", "؟", "…", "-", "ـ", "\u200c", "\u0651", "\u064b", "x", "a", "الرئيس", "أكد", "إن", "أنّ",
        "و", "ف", "ت", "ي", "ى", "ة", "ه", "ی", "ک", "ثم", "كما", "قائل", "مضيف", "به گفته", "گفت",
        "گفت:", "افزود :", "یادآور شد:", "وی", "ایران",
    ]),
)
_TEXTS = st.lists(_TEXT_PIECES, max_size=30).map("".join)


def _verbs_alone(text: str) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), None if m.group("part") else qm._key(m.group("past") or m.group("present")))
            for m in qm._AR_VERB.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_arabic_verb_scan_finds_what_the_verb_pattern_finds(text: str) -> None:
    # one trie after the character before the verb, behind a search for a letter a verb opens with;
    # each form's groups read once
    body, starts = qm._body([text])
    assert qm._ar_verbs_by_paragraph(body, starts).get(0, []) == _verbs_alone(text)


def test_spaces_spelled_out_are_what_backslash_s_matches() -> None:
    # the verb patterns spell \s out in their classes: the same characters, every code point checked
    spelled = re.compile("[" + qm._SPACES + "]")
    space = re.compile(r"\s")
    for c in range(sys.maxunicode + 1):
        assert (spelled.match(chr(c)) is None) == (space.match(chr(c)) is None), hex(c)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_persian_verbs_need_a_colon_and_according_to_its_word(text: str) -> None:
    if qm._FA_VERB.search(text) or qm._FA_VERB_AFTER.search(text):
        assert ":" in text
    if qm._FA_ACCORDING.search(text):
        assert "گفته" in text


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_marks_and_sentence_ends_found_by_character(text: str) -> None:
    assert qm._find_all(text, qm._MARK_CHARS) == [m.start() for m in qm._MARK.finditer(text)]
    for pos in qm._find_all(text, qm._MARK_CHARS):
        left = pos == 0 or text[pos - 1] in qm._LEFT_OPEN
        right = pos == len(text) - 1 or text[pos + 1] in qm._RIGHT_OPEN
        assert qm._ROLES[text[pos], left, right] == (qm._FAMILY[text[pos]], qm._role(text, pos))
    bounds = qm._Bounds(text)
    ends = [m.start() for m in qm._SENTENCE_STOP.finditer(text)]
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1, 7):
            inside = [e for e in ends if start <= e < end]
            assert bounds.last(start, end) == (inside[-1] + 1 if inside else None)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXTS, max_size=4), st.lists(_TEXT_PIECES, max_size=3).map("".join), st.integers(0, 40))
def test_vocabulary_holds_the_folded_words(paragraphs: list[str], other: str, pick: int) -> None:
    # a search of the body folded whole stands for folding each word
    keys = {qm._key(w) for p in paragraphs for w in p.split()}
    candidates = [qm._key(other), other, *sorted(keys)[pick:pick + 3]]
    candidates += [k[1:] for k in candidates] + [k[:-1] for k in candidates]
    for key in candidates:
        assert (key in qm._Vocab(paragraphs)) == (key in keys), key


_PERSIAN_PIECES = st.lists(st.one_of(_TEXT_PIECES, st.sampled_from([
    "خاطر نشان کرد", "خاطرنشان کرد", "تاکید کرد", "گفته است", "می گوید", "اظهار داشت", "   :", "\t:",
    "\u00a0:", ":", " ", "،", ".", "x" * 30,
])), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(_PERSIAN_PIECES)
def test_persian_verb_scan_finds_what_the_verb_pattern_finds(text: str) -> None:
    # searched only from a verb's length before the first colon to the last colon
    expected = [(m.start(), m.end()) for m in qm._FA_VERB.finditer(text)]
    assert [(start, m.end()) for start, _said, m in qm._fa_verbs(text)] == expected


def _marks_alone(text: str) -> list[tuple[int, str, str]]:
    return [(m.start(), qm._FAMILY[m.group()], qm._role(text, m.start())) for m in qm._MARK.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXTS, max_size=6))
@example(["وقال ثم", "قال الوزير"])  # a prefix at one paragraph's end, a verb at the next one's start
@example(["كما", "أكد", "", "مضيفاً"])
@example(["x«", "»x", '"', "„", "‹x›"])  # marks at the paragraphs' edges read as at a text's edges
def test_body_scans_find_what_each_paragraph_holds(paragraphs: list[str]) -> None:
    # verbs and marks are found in the body joined by _JOIN, then dealt out to the paragraphs
    body, starts = qm._body(paragraphs)
    assert [body[s:s + len(p)] for s, p in zip(starts, paragraphs, strict=True)] == paragraphs
    verbs = qm._ar_verbs_by_paragraph(body, starts)
    marks = qm._marks_by_paragraph(body, starts)
    for index, text in enumerate(paragraphs):
        assert verbs.get(index, []) == _verbs_alone(text)
        assert [(pos - starts[index], *rest) for pos, *rest in marks.get(index, [])] == _marks_alone(text)
    assert set(verbs) <= set(range(len(paragraphs)))
    assert set(marks) <= set(range(len(paragraphs)))


def test_no_verb_form_opens_with_the_article() -> None:
    # _AR_VERB_AFTER turns away words that open with «ال» before its trie: no form may open so
    for word in [*qm._AR_VERBS, *qm._AR_PRESENT, *qm._AR_PARTICIPLES, "بيّن", "بیّن", "ثم", "كما"]:
        assert not qm._key(word).startswith("ال"), word
    for text in ["ال", "الل", "قال", "والقال", " ال قال", "الْقال"]:
        assert qm._ar_verbs_by_paragraph(*qm._body([text])).get(0, []) == _verbs_alone(text)


_NAMES = st.sampled_from(["إبراهيم رئيسي", "رئيسي", "الائتلاف الوطني السوري", "الائتلاف",
                          "السيد حسن نصر الله", "السيد نصر الله", "کاظم جلالی", "جلالی",
                          "وزير الخارجية", "الرئيس"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_NAMES, _NAMES), max_size=60))
def test_known_speakers_worked_out_once_as_they_are_asked(steps: list[tuple[str, str]]) -> None:
    # the shortened names and last words the state keeps are what the known speakers give afresh
    state = qm._State()
    for said, asked in steps:
        assert state.canonical(asked) == qm._canonical(asked, state.known)
        assert state.last_words() == {qm._name_keys(n)[-1] for n in state.known if qm._name_keys(n)}
        state.said(said, 0)
