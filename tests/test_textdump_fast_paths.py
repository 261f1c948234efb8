"""Text mode's fast paths answer as the rules they implement: property tests against plain references."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from mideastnews import _regex
from mideastnews.document import Document
from mideastnews.parsers import almayadeen, generic, irna, rt, sputnik
from mideastnews.parsers.textdump import (
    _EMBED,
    _FA_FUNCTION_WORDS,
    _FA_PRONOUNS,
    _FA_SPEECH_VERBS,
    _IMAGE_URL,
    _URL_LINE,
    BYLINE,
    COMMON_RULES,
    CREDIT_LINE,
    DATE_LINE,
    PHOTO_AGENCIES,
    SOURCE_LINE,
    DumpProfile,
    Marker,
    _anchored,
    _char_screened,
    _classify_common,
    _is_title,
    _needle_chars,
    _openers,
    _plain_lines,
    _reporting_clause,
    _rulesets,
    _Screen,
    _start,
    _State,
    _strip_site_suffix,
    _title_key,
    detect_language,
    marker_score,
    required_strings,
    split_lines,
    split_lost_subheading,
)

SITES = (rt, almayadeen, irna, sputnik)
SITE_MARKERS = [m for site in SITES for m in site.TEXT_MARKERS]
# The markers' own strings, cut and case-changed, and the strings their patterns' matches hold.
PIECES = sorted({s for m in SITE_MARKERS for s in (*m.lines, *m.prefixes, *m.contains)}
                | {s for m in SITE_MARKERS if m.pattern is not None
                   for s in required_strings(m.pattern) or ()}
                | {"12.03.2024, ", "02:30 GMT", "به گزارش ", "تهران- ", "کد خبر: ۸۴۵۶۷۸۹۰", "#", ":", "ß"})
WORDS = st.sampled_from(PIECES) | st.sampled_from(PIECES).map(str.upper) | st.sampled_from(
    PIECES).map(lambda s: s[: len(s) // 2]) | st.text(alphabet="اب تRrT Sß: .-–۲۴0123456789", max_size=6)
LINES = st.lists(WORDS, max_size=5).map("".join) | st.lists(WORDS, max_size=5).map(" ".join)
DUMPS = st.lists(LINES, min_size=1, max_size=12).map("\n".join).filter(str.strip)


def reference_score(text: str, markers: tuple[Marker, ...]) -> float:
    """What marker_score means: each marker tested on every line (the headline alone for title markers)."""
    lines = [line.strip() for line in text.splitlines()[:3000] if line.strip()]
    miss = 1.0
    for marker in markers:
        hit = marker.matches(lines[0]) if marker.title_only else any(map(marker.matches, lines))
        if hit:
            miss *= 1.0 - max(0.0, min(1.0, marker.weight))
    return 1.0 - miss


# Markers of every kind marker_score tells apart: whole lines, prefixes and substrings (tested on the
# whole text at once), a pattern alone (screened by the strings its matches hold), the headline, and
# markers mixing kinds or limited in words (tested line by line).
PLUGIN_MARKERS = (
    Marker(lines=("RT STORIES",), prefixes=("ß",), weight=0.3),
    Marker(pattern=re.compile(r"(?:Question|اسأل)_?(?:More|أكثر)"), weight=0.4),
    Marker(pattern=re.compile(r"^به گزارش"), weight=0.2),
    Marker(pattern=re.compile(r"(?i)rt"), weight=0.25),
    Marker(pattern=re.compile(r"[0-9]:[0-9]{2} GMT$"), weight=0.35),
    Marker(contains=("ss", "للميادين"), max_words=3, weight=0.45),
    Marker(prefixes=("المصدر: rt",), pattern=re.compile("ایرنا"), weight=0.5),
    Marker(title_only=True, contains=("rt",), weight=0.6),
    Marker(contains=(":\nr",), weight=0.7),
)


@settings(max_examples=400, deadline=None)
@given(DUMPS)
def test_marker_score_is_every_marker_tested_on_every_line(text: str) -> None:
    doc = Document.from_source(text)
    for markers in (*(site.TEXT_MARKERS for site in SITES), PLUGIN_MARKERS):
        assert marker_score(doc, markers) == reference_score(text, markers)
        assert marker_score(doc, list(markers)) == reference_score(text, markers)  # no plan remembered


@pytest.mark.parametrize(("pattern", "strings"), [
    (r"abc", ("abc",)),
    (r"ab?c", ("a",)),  # "a" and "c" hold equally: the first found is kept
    (r"x(?:abc)+y", ("abc",)),
    (r"x(?:abc)*y", ("x",)),
    (r"(?:foo|barbaz)[0-9]", ("barbaz", "foo")),
    (r"(?:foo|[0-9])x", ("x",)),
    (r"(?:foo|[0-9])", None),
    (r"(?=abcd)a", ("a",)),  # a lookahead's text is not part of the match
    (r"(?i)abc", None),
    (r"x(?i:abcdef)y", ("x",)),
    (r"(a)\1", ("a",)),
    (r"[ab]", None),
    (r"^\S{1,30} ?[-–] ?ایرنا ?[-–]", ("ایرنا",)),
])
def test_required_strings(pattern: str, strings: tuple[str, ...] | None) -> None:
    assert required_strings(re.compile(pattern)) == strings


TEXT_PATTERNS = sorted((name, p.pattern) for name, p in _regex.PATTERNS.items()
                       if isinstance(p.pattern.pattern, str) and required_strings(p.pattern) is not None)


@pytest.mark.parametrize(("name", "pattern"), TEXT_PATTERNS, ids=[n for n, _ in TEXT_PATTERNS])
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_every_match_holds_a_required_string(name: str, pattern: re.Pattern[str],
                                             data: st.DataObject) -> None:
    strings = required_strings(pattern)
    assert strings
    # Texts made of the pattern's own characters, where its matches are likely.
    alphabet = sorted({c for c in pattern.pattern if not c.isspace()} | set(" 0123456789۰۱۲"))
    pieces = st.sampled_from(strings) | st.text(alphabet=alphabet, max_size=8)
    text = data.draw(st.lists(pieces, max_size=8).map("".join))
    for m in pattern.finditer(text):
        assert any(s in m.group() for s in strings), (name, text, m.group())


def reference_language(texts: list[str], default: str) -> str:
    """detect_language's rule, counted character by character."""
    chars = "\n".join(texts)
    fa = sum(c in "پچژگکی" for c in chars)
    ar = sum(c in "يكةىؤ" for c in chars)
    arabic_script = sum("\u0600" <= c <= "\u06ff" for c in chars)
    latin = sum(c.isascii() and c.isalpha() for c in chars)
    if arabic_script == 0 and latin == 0:
        return default
    if latin > arabic_script:
        return "en"
    if fa == ar == 0:
        return default
    return "fa" if fa > ar else "ar"


LANGUAGE_CHARS = "پچژگکیيكةىؤابت" "\u05ff\u0600\u06ff\u0700\u0750\ud7ff\ud800\ue000" "aZ@[`{ 0\né中😀"


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(LANGUAGE_CHARS), max_size=40), max_size=4),
       st.sampled_from(["ar", "fa", "en"]))
def test_detect_language_counts_as_its_rule_says(texts: list[str], default: str) -> None:
    assert detect_language(texts, default=default) == reference_language(texts, default)


def reference_clause(words: list[str], limit: int = 60) -> bool:
    """_reporting_clause's rule on a list of words."""
    for w in words[:limit]:
        if w.endswith(":"):
            return w.rstrip(":") in _FA_SPEECH_VERBS
        if w[-1:] in ".؟?!«»":
            return False
    return False


def reference_split(paragraph: str, openers: dict[str, int]) -> tuple[str, str] | None:
    """split_lost_subheading's rule on the paragraph's full list of words."""
    words = paragraph.split(" ")
    if len(words) < 4 or words[0] in _FA_FUNCTION_WORDS or words[0] in _FA_PRONOUNS:
        return None
    own = 1 if reference_clause(words) else 0
    if openers.get(words[0], 0) - own > 0:
        return None
    for k in range(2, min(15, len(words) - 1)):
        word = words[k]
        if word not in _FA_PRONOUNS and openers.get(word, 0) - (own if word == words[0] else 0) <= 0:
            continue
        head = " ".join(words[:k])
        if any(c in head for c in ".:؟?!«»\"“”؛"):
            return None
        if words[k - 1] in _FA_FUNCTION_WORDS or not reference_clause(words[k:]):
            continue
        return head, " ".join(words[k:])
    return None


ORDINARY = ["گفت", "جلالی", "وی", "در", "به", "او", "ادامه", "«نقل»x", "a\nb", "\t", "د"]
ENDINGS = ["گفت:", "افزود:", "شد::", "کرد.:", ":", "", "است.", "چرا؟", "x!", "x?", "«نقل»", "x«"]
CLAUSE_WORDS = st.sampled_from(ORDINARY + ENDINGS)
# Random words, and runs of ordinary words near the 60-word limit before a word that decides.
PARAGRAPHS = st.lists(CLAUSE_WORDS, max_size=80).map(" ".join) | st.tuples(
    st.lists(st.sampled_from(ORDINARY), min_size=55, max_size=62), st.sampled_from(ENDINGS),
    st.lists(CLAUSE_WORDS, max_size=3)).map(lambda t: " ".join([*t[0], t[1], *t[2]]))


@settings(max_examples=500, deadline=None)
@given(PARAGRAPHS)
def test_reporting_clause_is_its_rule_from_every_word(paragraph: str) -> None:
    words = paragraph.split(" ")
    start = 0
    for k, word in enumerate(words):
        assert _reporting_clause(paragraph, start) == reference_clause(words[k:]), (paragraph, k)
        start += len(word) + 1


@settings(max_examples=500, deadline=None)
@given(st.lists(PARAGRAPHS, min_size=1, max_size=6))
def test_split_lost_subheading_is_its_rule(paragraphs: list[str]) -> None:
    openers = _openers(paragraphs)
    reference: dict[str, int] = {}
    for p in paragraphs:
        words = p.split(" ")
        if words[0] not in _FA_FUNCTION_WORDS and reference_clause(words):
            reference[words[0]] = reference.get(words[0], 0) + 1
    assert openers == reference
    for p in paragraphs:
        assert split_lost_subheading(p, openers) == reference_split(p, openers)


HEAD_WORDS = ["الف", "ب", "ج", "د", "ه", "ز", "ح", "ط", "ی۲", "ک۲", "ل", "م", "ن", "س", "ع"]


@pytest.mark.parametrize("k", range(2, 16))
def test_a_subheading_splits_off_before_the_15th_word_at_the_latest(k: int) -> None:
    head = " ".join(HEAD_WORDS[:k])
    paragraph = head + " وی در ادامه گفت: متن خبر است."
    expected = (head, paragraph[len(head) + 1:]) if k < 15 else None
    assert split_lost_subheading(paragraph, {}) == reference_split(paragraph, {}) == expected


def reference_suffix(title: str, names: tuple[str, ...]) -> tuple[str, str | None]:
    """_strip_site_suffix's rule: the longest name first, each separator in order."""
    for name in sorted(names, key=len, reverse=True):
        for sep in (" – ", " - ", " | ", " — ", " :: ", "| ", " |", "- ", " -", "– ", " –"):
            tail = sep + name
            if title.endswith(tail) and len(title) > len(tail):
                return title[: -len(tail)].rstrip(), name
    return title, None


SITE_NAMES = [site.TEXT_DUMP.site_names for site in SITES] + [("RT", "News - RT"), ()]
TITLE_PIECES = ["عنوان", " ", "-", "–", "|", "—", "::", "RT", "Arabic", "ایرنا", "سبوتنيك عربي", "الميادين",
                "World News", "News", "x"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(TITLE_PIECES), max_size=12).map("".join), st.sampled_from(SITE_NAMES))
@example("x - News - RT", ("RT", "News - RT"))  # the longer name first
@example("- RT", ("RT",))  # a title that is only the suffix keeps it
def test_site_suffix_is_its_rule(title: str, names: tuple[str, ...]) -> None:
    assert _strip_site_suffix(title, names) == reference_suffix(title, names)
    assert _strip_site_suffix(title, list(names)) == reference_suffix(title, names)


RULE_PIECES = sorted({s for site in SITES for r in (*site.BOILERPLATE, *COMMON_RULES)
                      for s in (*r.lines, *r.prefixes, *r.contains)}
                     | {"[ad_12]", "© AFP", "Photo: x", "12:30", "02:30 GMT", "15 د", "۷۱۷۸/ ۲۰۹۷", "9 news",
                        "#اسأل_أكثر", "Question_More", ":", " ", "متن", "x"})


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(RULE_PIECES) | st.sampled_from(RULE_PIECES).map(str.upper),
                min_size=1, max_size=4).map(" ".join).map(str.strip).filter(bool))
def test_the_first_rule_is_the_first_that_matches(line: str) -> None:
    for site in SITES:
        for rule_set in _rulesets(site.TEXT_DUMP)[:3]:
            assert rule_set.first(line) == next((r for r in rule_set.rules if r.matches(line)), None)


class OtherEngine:
    """A pattern object of another regex engine (duck-typed like re.Pattern): its syntax is not read."""

    pattern = "(?:abc){e<=1}"
    flags = 0

    def search(self, text: str) -> object:
        return re.search("abc|ab|bc|ac", text)


def test_only_the_standard_engines_patterns_are_read() -> None:
    assert required_strings(re.compile("(?:abc){e<=1}")) == ("abc{e<=1}",)
    assert required_strings(OtherEngine()) is None  # type: ignore[arg-type]
    doc = Document.from_source("headline\nab\n")
    assert marker_score(doc, (Marker(pattern=OtherEngine(), weight=0.5),)) == 0.5  # type: ignore[arg-type]


@pytest.mark.parametrize(("pattern", "anchored"), [
    (r"^abc", True),
    (r"\Aabc", True),
    (r"^a|b", False),  # only the first branch is anchored
    (r"(?:^a|^b)", True),  # the parser takes the branches' common «^» out
    (r"(?:^a|b)", False),
    (r"(?m)^abc", False),  # a line's start, anywhere in a text
    (r"a^", False),
])
def test_anchored(pattern: str, anchored: bool) -> None:
    assert _anchored(re.compile(pattern)) is anchored
    assert _anchored(OtherEngine()) is False  # type: ignore[arg-type]


ANCHORED = sorted((name, p.pattern) for name, p in _regex.PATTERNS.items()
                  if isinstance(p.pattern.pattern, str) and _anchored(p.pattern))


@pytest.mark.parametrize(("name", "pattern"), ANCHORED, ids=[n for n, _ in ANCHORED])
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_an_anchored_pattern_is_found_where_it_matches(name: str, pattern: re.Pattern[str],
                                                       data: st.DataObject) -> None:
    alphabet = sorted({c for c in pattern.pattern if not c.isspace()} | set(" 0123456789۰۱۲\n"))
    text = data.draw(st.text(alphabet=alphabet, max_size=30))
    found = pattern.search(text)
    matched = pattern.match(text)
    assert (found and found.span()) == (matched and matched.span()), (name, text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from(RULE_PIECES) | st.sampled_from(RULE_PIECES).map(str.upper),
                         min_size=1, max_size=4).map(" ".join).map(str.strip).filter(bool),
                min_size=1, max_size=6))
def test_a_rule_set_within_a_text_finds_what_it_finds_on_each_line(lines: list[str]) -> None:
    screen = _Screen("\n".join(lines))
    for site in SITES:
        for rule_set in _rulesets(site.TEXT_DUMP)[:3]:
            within = rule_set.within(screen)
            for line in lines:
                rules = rule_set.rules
                expected = next((n for n, r in enumerate(rules) if r.matches(line)), len(rules))
                assert within.index(line) == rule_set.index(line) == expected
                assert within.first(line) == rule_set.first(line)


@pytest.mark.parametrize(("pattern", "prefixes", "chars"), [
    (r"abc|xyz", {"abc", "xyz"}, set()),
    (r"abc|abd", {"ab"}, set()),  # the parser takes the common «ab» out: «c» and «d» are a class
    (r"^(?:ab)?c", {"abc", "c"}, set()),
    (r"(?=x)ab+c", {"ab"}, set()),  # a repetition's first pass only: what follows is not known
    (r"[0-9]+x|y", {"y"}, set()),
    (r"(?i)ab", set(), {"a"}),  # a cased letter: any cased character may match it
    (r"(?i)ابc", {"اب"}, set()),  # uncased letters are themselves
    (r"\dx", None, None),
    (r"a?", None, None),  # the empty string matches
])
def test_start(pattern: str, prefixes: set[str] | None, chars: set[str] | None) -> None:
    start = _start(re.compile(pattern))
    if prefixes is None:
        assert start is None
        return
    assert start is not None
    assert start.prefixes == prefixes
    assert start.chars == chars


def _patterns_with(reading: Callable[[re.Pattern[str]], object]) -> list[tuple[str, re.Pattern[str]]]:
    """The library's text patterns for which ``reading`` finds something, by name."""
    return sorted((name, p.pattern) for name, p in _regex.PATTERNS.items()
                  if isinstance(p.pattern.pattern, str) and reading(p.pattern) is not None)


STARTED = _patterns_with(_start)


@pytest.mark.parametrize(("name", "pattern"), STARTED, ids=[n for n, _ in STARTED])
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_a_match_begins_as_its_start_says(name: str, pattern: re.Pattern[str], data: st.DataObject) -> None:
    start = _start(pattern)
    assert start is not None
    alphabet = sorted({c for c in pattern.pattern if not c.isspace()} | set(" 0123456789۰۱۲AaßK\u212a"))
    pieces = st.sampled_from(sorted(start.prefixes) or [""]) | st.text(alphabet=alphabet, max_size=8)
    text = data.draw(st.lists(pieces, max_size=6).map("".join))
    for i in range(len(text)):
        if pattern.match(text[i:]) is not None:
            assert text[i:].startswith(tuple(start.prefixes)) or start.admits(text[i]), (name, text[i:])


NEEDLED = _patterns_with(_needle_chars)


@pytest.mark.parametrize(("name", "pattern"), NEEDLED, ids=[n for n, _ in NEEDLED])
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_every_match_holds_a_needle_char(name: str, pattern: re.Pattern[str], data: st.DataObject) -> None:
    chars = _needle_chars(pattern)
    strings = required_strings(pattern)
    assert chars
    assert strings
    alphabet = sorted({c for c in pattern.pattern if not c.isspace()} | set(" 0123456789"))
    text = data.draw(st.lists(st.sampled_from(strings) | st.text(alphabet=alphabet, max_size=8),
                              max_size=8).map("".join))
    find = _char_screened(pattern, chars)
    for line in text.split("\n"):
        assert (find(line) is None) == (pattern.search(line) is None), (name, line)


PROFILES = [site.TEXT_DUMP for site in (*SITES, generic)]


def _start_patterns(profile: DumpProfile) -> list[re.Pattern[str]]:
    """What the plain-line screen must keep out: each pattern tried at a line's start."""
    rules = _rulesets(profile)[1]  # type: ignore[arg-type]
    found = [r.pattern for _, r, find in rules.others if find is not None and _anchored(r.pattern)]
    found += [s.pattern for s in profile.stamps]
    found += [p for p in (profile.site_id, profile.url_id and _URL_LINE) if p]
    return [*found, _IMAGE_URL, DATE_LINE, SOURCE_LINE, BYLINE, CREDIT_LINE]


SCREEN_PIECES = sorted({
    *RULE_PIECES, *PIECES, "©", "(c)", "(C) x", "Photo: AFP", "photo by", "Image :", "http://x",
    "https://a.png", "HTTPS://A.JPG", "By Ali", "By ali", "بقلم: أحمد", "المصدر: RT", "Source: x",
    "هذا المحتوى مقدم من قناة x", "اليوم", "أمس 12:30", "منذ 3 ساعات", "12 مايو", "۱۲ آذر ۱۴۰۲", "13:45",
    "١٢:٣٠", "[ad_1]", "#اسأل_أكثر", "02:30 GMT", "12 د", "7 دقائق", "2024-03-01T17:34",
    "12.03.2024, 14:20، سبوتنيك عربي", "کد خبر: ۸۴۵۶۷۸۹۰", "تاریخ انتشار: ۸ آذر ۱۴۰۲",
    "تاریخ به‌روزرسانی: ۹ آذر ۱۴۰۲ - ۱۲:۳۰", "۷۱۷۸/ ۲۰۹۷", "**۱۰۳۹", "STORIES 12", "pic.twitter.com/x",
    "A post shared by", "(@a) March 3, 2024", "المصدر", "source", "منبع", "AFP", "REUTERS", "ß", "SS", "K",
    "\u212a", "İ", "ı", "ال", "قال الرئيس", "وزير الخارجية", "1", "٢", "۳", "-", "•", ":", ".",
    *PHOTO_AGENCIES, *(x for site in (*SITES, generic) for x in (*site.TEXT_DUMP.photo_credits,
                                                                 *site.TEXT_DUMP.sections)),
})
SCREEN_LINES = st.lists(st.sampled_from(SCREEN_PIECES) | st.sampled_from(SCREEN_PIECES).map(str.upper)
                        | st.text(alphabet="اب تRrT Sß: .-–۲۴0123456789/@", max_size=6),
                        min_size=1, max_size=4).map(lambda p: "".join(p).strip()).filter(bool)


def _slow_takes(profile: DumpProfile, line: str) -> bool:
    """Whether the slow path classifies ``line``: a rule takes it or a kind every site shares names it."""
    rules = _rulesets(profile)[1]  # type: ignore[arg-type]
    if rules.index(line) < len(rules.rules):
        return True
    lines = split_lines(["headline", line])
    state = _State(lines=lines, kinds=[None] * len(lines), role=["body"] * len(lines))
    _own, _rules, _common, sections, photo = _rulesets(profile)  # type: ignore[arg-type]
    return _classify_common(state, profile, 1, photo, sections) or state.role[1] != "body"  # type: ignore[arg-type]


@settings(max_examples=500, deadline=None)
@given(SCREEN_LINES | st.sampled_from(PROFILES).flatmap(
    lambda p: st.sampled_from(_start_patterns(p)).flatmap(lambda x: st.from_regex(x, fullmatch=True))
).map(str.strip).filter(bool))
def test_a_plain_line_is_one_the_slow_path_leaves(line: str) -> None:
    for profile in PROFILES:
        plain = _plain_lines(profile)
        assert plain is not None
        rules = _rulesets(profile)[1]
        if plain.settles(line, (*rules.searchers, _EMBED.search)):
            assert not _slow_takes(profile, line), (profile.source, line)


@pytest.mark.parametrize("profile", PROFILES, ids=[p.source for p in PROFILES])
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_no_line_a_start_pattern_matches_is_plain(profile: DumpProfile, data: st.DataObject) -> None:
    plain = _plain_lines(profile)  # type: ignore[arg-type]
    assert plain is not None
    pattern = data.draw(st.sampled_from(_start_patterns(profile)))
    line = data.draw(st.from_regex(pattern, fullmatch=True))
    if line.strip() == line and line and pattern.match(line):
        assert not plain.settles(line, ()), (pattern.pattern, line)


@settings(max_examples=400, deadline=None)
@given(SCREEN_LINES, SCREEN_LINES)
def test_is_title_is_the_title_key_compared(line: str, title: str) -> None:
    for keys in ((_title_key(title),), (_title_key(title), _title_key(title + " x")), ("",)):
        assert _is_title(line, keys) == (_title_key(line) in keys)


def test_no_piece_alone_the_slow_path_takes_is_plain() -> None:
    for line in {x.strip() for piece in SCREEN_PIECES for x in (piece, piece.upper(), piece + ":")} - {""}:
        for profile in PROFILES:
            plain = _plain_lines(profile)
            assert plain is not None
            if plain.settles(line, (*_rulesets(profile)[1].searchers, _EMBED.search)):
                assert not _slow_takes(profile, line), (profile.source, line)
