"""HTML metadata: trust order, time zones, sidebars, lead and description, titles, ids; and decoding."""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import gzip
import json
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import mideastnews as mn
from mideastnews.document import Document, decode_bytes
from mideastnews.parsers.htmlpage import parse_when, read_date_line, strip_site_suffix

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "html"


def _fixture(name: str) -> str:
    return gzip.decompress((FIXTURES / f"{name}.html.gz").read_bytes()).decode("utf-8")


BEIRUT_WINTER = dt.timezone(dt.timedelta(hours=2))
MOSCOW = dt.timezone(dt.timedelta(hours=3))
TEHRAN = dt.timezone(dt.timedelta(hours=3, minutes=30))


# -- times --------------------------------------------------------------------------


def test_seven_digit_fraction_naive_time_is_beirut() -> None:
    when = parse_when("2023-01-30T17:04:00.0000000", "Asia/Beirut")
    assert when == dt.datetime(2023, 1, 30, 17, 4, tzinfo=BEIRUT_WINTER)
    assert isinstance(when, dt.datetime)
    assert when.utcoffset() == dt.timedelta(hours=2)


def test_offsets_are_kept() -> None:
    want = dt.datetime(2024, 5, 30, 23, 49, tzinfo=MOSCOW)
    assert parse_when("2024-05-30T23:49:00+03:00", "Asia/Tehran") == want
    when = parse_when("2026-01-08T11:42:50Z", "Asia/Beirut")
    assert isinstance(when, dt.datetime)
    assert when.utcoffset() == dt.timedelta(0)
    assert parse_when("Thu, 08 Jan 2026 11:42:50 +0200") == dt.datetime(
        2026, 1, 8, 11, 42, 50, tzinfo=dt.timezone(dt.timedelta(hours=2)))


def test_unix_time_is_shown_in_the_source_zone() -> None:
    when = parse_when("1716118320", "Europe/Moscow")
    assert isinstance(when, dt.datetime)
    assert when.isoformat() == "2024-05-19T14:32:00+03:00"
    assert parse_when(1716118320000) == dt.datetime(2024, 5, 19, 11, 32, tzinfo=dt.UTC)


def test_dates_and_junk() -> None:
    assert parse_when("2024-05-19") == dt.date(2024, 5, 19)
    for junk in ("", "   ", "yesterday", "2024-13-45T10:00", None, [], {}, True):
        assert parse_when(junk) is None


def test_visible_date_lines() -> None:
    tehran = dt.datetime(2023, 11, 29, 10, 30, tzinfo=TEHRAN)
    assert read_date_line("۸ آذر ۱۴۰۲، ۱۰:۳۰", "Asia/Tehran") == tehran
    assert read_date_line("الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)") == dt.datetime(
        2013, 8, 28, 14, 0, tzinfo=dt.timezone(dt.timedelta(hours=4)))
    moscow = dt.datetime(2024, 5, 12, 14, 32, tzinfo=MOSCOW)
    assert read_date_line("12.05.2024 | 14:32", "Europe/Moscow") == moscow
    moscow = dt.datetime(2023, 11, 29, 10, 30, tzinfo=MOSCOW)
    assert read_date_line("29 Nov, 2023 10:30", "Europe/Moscow") == moscow
    assert read_date_line("January 5, 2024") == dt.date(2024, 1, 5)
    assert read_date_line("١٥ أيار ٢٠٢٤") == dt.date(2024, 5, 15)
    assert read_date_line("no date here") is None


# -- trust order ------------------------------------------------------------------------


def _page(head: str, body: str = "") -> str:
    return (f"<!DOCTYPE html><html lang='ar'><head><meta charset='utf-8'>{head}</head><body>"
            f"<div class='details-white-box'><h1>عنوان الخبر</h1><div class='p-content'>"
            f"<p>نص الخبر الأول في فقرة طويلة بما يكفي.</p>{body}</div></div></body></html>")


TAWSIYAT = ('<script type="text/tawsiyat" id="tawsiyat-metadata">{"postid": "42", '
            '"published_time": "2024-05-30T23:49:00+03:00", '
            '"last_updated": "2024-05-31T08:00:00+03:00"}</script>')
META = '<meta property="article:published_time" content="2024-05-29T10:00:00.0000000">'
JSON_LD = ('<script type="application/ld+json">{"@type": "NewsArticle", '
           '"datePublished": "2024-05-28T09:00:00+03:00"}</script>')
URL = "https://www.almayadeen.net/news/politics/x"


def test_json_ld_beats_meta_beats_site_block() -> None:
    article = mn.parse(_page(JSON_LD + META + TAWSIYAT), url=URL)
    assert article.published == dt.datetime(2024, 5, 28, 9, 0, tzinfo=MOSCOW)
    article = mn.parse(_page(META + TAWSIYAT), url=URL)
    assert article.published == dt.datetime(2024, 5, 29, 10, 0, tzinfo=MOSCOW)  # Beirut in summer
    article = mn.parse(_page(TAWSIYAT), url=URL)
    assert article.published == dt.datetime(2024, 5, 30, 23, 49, tzinfo=MOSCOW)
    assert article.modified == dt.datetime(2024, 5, 31, 8, 0, tzinfo=MOSCOW)
    assert article.site_id == "42"
    assert article.section == "politics"


def test_sidebar_dates_are_never_the_publication_date() -> None:
    html = _fixture("RT_2024-05-12")
    html = re.sub(r'<script type="application/ld\+json">.*?</script>', "", html, flags=re.S)
    article = mn.parse(html, url="https://arabic.rt.com/middle_east/1567890-x/")
    # The article's own date line (12.05.2024 | 14:32, Moscow), not the sidebar's 11.05 or 10.05.
    assert article.published == dt.datetime(2024, 5, 12, 14, 32, tzinfo=MOSCOW)
    html = html.replace('<span class="date">12.05.2024 | 14:32</span>', "")
    article = mn.parse(html, url="https://arabic.rt.com/middle_east/1567890-x/")
    assert not isinstance(article.published, dt.datetime) or article.published.day != 11
    assert article.published is None or article.published_inferred


def test_sputnik_sidebar_unixtime_is_ignored() -> None:
    html = _fixture("Sputnik_2024-05-19")
    html = html.replace('<a href="/20240519/" data-unixtime="1716118320">', '<a href="/20240519/">')
    html = re.sub(r'<span class="article__info-date-modified"[^>]*>[^<]*</span>', "", html)
    article = mn.parse(html, url="https://sarabic.ae/20240519/x-1087654321.html")
    # The visible line «14:32 19.05.2024» in Moscow time; never the sidebar's data-unixtime (18.05).
    assert article.published == dt.datetime(2024, 5, 19, 14, 32, tzinfo=MOSCOW)


# -- lead, description, title, ids ----------------------------------------------------------


def test_displayed_standfirst_is_lead_and_hidden_description_is_description() -> None:
    article = mn.parse(_fixture("AlMayadeen_2024-05-30"))
    assert article.lead is not None
    assert article.lead.startswith("وفد برلماني عربي يصل إلى بيروت")
    assert article.description is not None
    assert article.description != article.lead


def test_description_equal_to_lead_is_not_repeated() -> None:
    html = _fixture("RT_2023-11-29").replace(
        "A new commuter line connects the city centre with three suburbs, officials said.",
        "A new commuter line connects the city centre with three suburbs, officials said on Wednesday.")
    article = mn.parse(html, url="https://www.rt.com/news/588123-x/")
    assert article.lead is not None
    assert article.description is None


@pytest.mark.parametrize(("title", "names", "want", "suffix"), [
    ("Moscow opens new rail link — RT World News", ("RT World News",), "Moscow opens new rail link",
     "RT World News"),
    ("وفد برلماني يزور بيروت | الميادين", ("الميادين",), "وفد برلماني يزور بيروت", "الميادين"),
    ("معارضون يسيطرون على مخازن للصواريخ بريف دمشق - CNNArabic.com", (),
     "معارضون يسيطرون على مخازن للصواريخ بريف دمشق", "CNNArabic.com"),
    ("التحليلية | قراءة في المشهد السياسي اللبناني بعد الانتخابات البلدية", (),
     "التحليلية | قراءة في المشهد السياسي اللبناني بعد الانتخابات البلدية", None),
])
def test_site_suffix(title: str, names: tuple[str, ...], want: str, suffix: str | None) -> None:
    assert strip_site_suffix(title, names) == (want, suffix)


@pytest.mark.parametrize(("url", "parser", "site_id"), [
    ("https://arabic.rt.com/world/1601234-slug/", "rt", "1601234"),
    ("https://www.irna.ir/news/85301234/slug", "irna", "85301234"),
    ("https://sarabic.ae/20240519/slug-1087654321.html", "sputnik", "1087654321"),
    ("https://sputnikarabic.ae/20240519/slug-1087654321.html", "sputnik", "1087654321"),
])
def test_site_id_from_url(url: str, parser: str, site_id: str) -> None:
    html = "<html><head><title>عنوان</title></head><body><h1>عنوان</h1><p>نص الخبر في فقرة طويلة.</p>"
    article = mn.parse(html, url=url)
    assert article.source == parser
    assert article.site_id == site_id


# -- decoding --------------------------------------------------------------------------------

ARABIC = "<html lang='ar'><head>{meta}<title>عنوان</title></head><body><p>{text}</p></body></html>"
TEXT = "أعلنت السلطات إعادة فتح الميناء أمام السفن الكبيرة بعد أشهر من أعمال التوسعة والتأهيل."


@pytest.mark.parametrize(("meta", "encoding"), [
    ("<meta charset='windows-1256'>", "cp1256"),
    ("<meta http-equiv='Content-Type' content='text/html; charset=windows-1256'>", "cp1256"),
    ("<meta charset='utf-8'>", "cp1256"),  # declared UTF-8, cp1256 bytes
    ("<meta charset='windows-1256'>", "utf-8"),  # declared cp1256, UTF-8 bytes
    ("<meta charset='iso-8859-1'>", "cp1256"),  # declared Latin-1 over Arabic bytes
    ("", "cp1256"),
    ("", "utf-8"),
    ("<meta charset='iso-8859-6'>", "iso-8859-6"),
])
def test_arabic_pages_decode(meta: str, encoding: str) -> None:
    data = ARABIC.format(meta=meta, text=TEXT).encode(encoding)
    text, _ = decode_bytes(data)
    assert TEXT in text
    assert "\ufffd" not in text
    article = mn.parse(data)
    assert article.paragraphs == (TEXT,)


def test_misdeclared_charset_is_reported() -> None:
    data = ARABIC.format(meta="<meta charset='utf-8'>", text=TEXT).encode("cp1256")
    assert any("declares charset 'utf-8'" in w for w in mn.parse(data).warnings)


def test_bom_wins() -> None:
    page = ARABIC.format(meta="<meta charset='windows-1256'>", text=TEXT)
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le")):
        text, _ = decode_bytes(bom + page.encode(encoding))
        assert TEXT in text


def test_undecodable_bytes_are_reported_with_offsets() -> None:
    good = ARABIC.format(meta="<meta charset='utf-8'>", text=TEXT * 5).encode("utf-8")
    data = good[:200] + b"\xff\xfe\x80" + good[200:]
    text, warnings = decode_bytes(data)
    assert TEXT in text.replace("\ufffd", "")
    assert any("could not be decoded" in w and "offset" in w for w in warnings)


def test_stray_cp1256_in_utf8_is_repaired() -> None:
    good = ARABIC.format(meta="<meta charset='utf-8'>", text=TEXT * 5).encode("utf-8")
    data = good + "<p>الخبر</p>".encode("cp1256")
    text, warnings = decode_bytes(data)
    assert "الخبر" in text
    assert any("Windows-1256" in w for w in warnings)


@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from(["utf-8", "cp1256", "iso-8859-1", "utf-16", "bogus", ""]))
def test_decode_never_raises(data: bytes, declared: str) -> None:
    head = f"<html><head><meta charset='{declared}'></head><body>".encode()
    text, warnings = decode_bytes(head + data)
    assert isinstance(text, str)
    assert all(isinstance(w, str) for w in warnings)
    with contextlib.suppress(mn.ParseError):
        Document.from_source(head + data)


# -- layouts and fallbacks ---------------------------------------------------------------------


def test_layout_generation_is_picked_by_date() -> None:
    from mideastnews.parsers.htmlpage import Layout, Site, read_page

    old = Layout(name="V1", detect=("div.story",), body=("div.story .old",), until=dt.date(2020, 1, 1))
    new = Layout(name="V1_1", detect=("div.story",), body=("div.story .new",), since=dt.date(2020, 1, 1))
    site = Site(name="generic", layouts=(old, new))

    def page(day: str) -> Document:
        return Document.from_source(
            f"<html><head><meta property='article:published_time' content='{day}'></head><body>"
            "<h1>Headline of the story</h1><div class='story'><p class='old'>Old layout text here.</p>"
            "<p class='new'>New layout text here.</p></div></body></html>")

    assert read_page(page("2019-05-01"), site).paragraphs == ("Old layout text here.",)
    assert read_page(page("2021-05-01"), site).paragraphs == ("New layout text here.",)


def test_url_day_is_the_last_resort() -> None:
    html = "<html><head><title>Headline</title></head><body><h1>Headline</h1><p>Body text of the story.</p>"
    article = mn.parse(html, url="https://news.example/2019/07/04/story-slug/")
    assert article.published == dt.date(2019, 7, 4)
    assert not article.published_inferred
    article = mn.parse(html, url="http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html")
    assert article.published is None or article.published_inferred


def test_bare_text_divs_beside_a_short_paragraph_elsewhere() -> None:
    text = "The council approved a budget for the new park on the river bank after months of debate."
    html = ("<html><head><title>Park budget approved - Town Daily</title></head><body>"
            "<div class='story'>" + "".join(f"<div class='txt'>{text} Part {i}.</div>" for i in range(4)) +
            "</div><div class='foot'><p>Contact us at the newsroom for corrections and tips.</p></div>"
            "</body></html>")
    article = mn.parse(html, url="https://www.towndaily.example/news/park")
    assert article.title == "Park budget approved"
    assert len(article.paragraphs) == 4


def test_script_rendered_page_takes_the_json_ld_body() -> None:
    body = "\n".join(f"Paragraph {i} of the story, long enough to count as real prose." for i in range(8))
    ld = json.dumps({"@type": "NewsArticle", "headline": "Rendered by script", "articleBody": body})
    html = (f'<html><head><script type="application/ld+json">{ld}</script></head>'
            '<body><div id="root"><h1>Rendered by script</h1><p>Loading…</p></div></body></html>')
    article = mn.parse(html)
    assert article.paragraphs[0].startswith("Paragraph 0 of the story")
    assert len(article.paragraphs) == 8
    assert any("articleBody" in w for w in article.warnings)


def test_same_cms_on_another_site_is_not_the_source() -> None:
    html = _fixture("IRNA_2023-11-29")
    assert mn.parse(html).source == "irna"
    other = mn.parse(html, url="https://www.hamshahrionline.ir/news/812345/x")
    assert other.source == "generic"
    assert other.title == "افتتاح خط ریلی جدید در شمال‌شرق کشور"
    declared = html.replace("<head>", "<head><link rel='canonical' href='https://www.hamshahrionline.ir/news/1/x'>")
    assert mn.parse(declared).source == "generic"


def test_short_story_beside_a_long_teaser_list() -> None:
    story = "".join(f"<p>Story paragraph {i}, with details of the vote, the budget and the next steps.</p>"
                    for i in range(4))
    teaser = "A teaser of another story, with its own summary sentence, a comma, and more words to fill it"
    teasers = "".join(f"<div class='card'><h3><a href='/t{i}'>Teaser {i}</a></h3><p>{teaser} {i}.</p></div>"
                      for i in range(14))
    html = (f"<html><head><title>Council votes budget</title></head><body><div class='page'>"
            f"<div class='col'><h1>Council votes budget</h1><div class='txt'>{story}</div></div>"
            f"<div class='col2'><div class='list'>{teasers}</div></div></div></body></html>")
    article = mn.parse(html)
    assert all(p.startswith("Story paragraph") for p in article.paragraphs)
    assert len(article.paragraphs) == 4


def test_json_ld_article_nested_in_a_web_page() -> None:
    ld = json.dumps({"@context": "https://schema.org", "@type": "WebPage", "name": "Site",
                     "mainEntity": {"@type": ["NewsArticle"], "headline": "Nested headline",
                                    "datePublished": "2024-04-01T08:00:00+02:00",
                                    "author": [{"@type": "Person", "name": "A. Writer"}],
                                    "keywords": "one, two"}})
    html = (f'<html><head><script type="application/ld+json">{ld}</script></head>'
            "<body><h1>Nested headline</h1><p>Body text of the nested story, long enough.</p></body></html>")
    article = mn.parse(html)
    assert article.title == "Nested headline"
    assert article.published == dt.datetime(2024, 4, 1, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert article.authors == ("A. Writer",)
    assert article.tags == ("one", "two")


def test_page_saved_with_its_response_headers() -> None:
    page = _fixture("RT_2024-05-12")
    saved = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nServer: nginx\r\n\r\n" + page
    article = mn.parse(saved.encode("utf-8"), url="https://arabic.rt.com/middle_east/1567890-x/")
    assert article.title == "سوريا تعيد فتح ميناء اللاذقية أمام سفن الشحن الكبيرة"
    assert article.tags == ("سوريا", "موانئ", "تجارة")


def test_irna_sidebar_before_the_article_does_not_date_it() -> None:
    html = _fixture("IRNA_2023-11-29")
    sidebar = re.search(r'<aside class="sidebar">.*?</aside>', html, flags=re.S)
    assert sidebar is not None
    html = html.replace(sidebar.group(0), "").replace('<div class="container">',
                                                      '<div class="container">' + sidebar.group(0))
    html = html.replace('<article class="item">', '<div class="item">').replace("</article>", "</div>")
    article = mn.parse(html, url="https://www.irna.ir/news/85301234/x")
    assert article.published == dt.datetime(2023, 11, 29, 10, 30, tzinfo=TEHRAN)


def test_date_line_beside_the_headline() -> None:
    html = ("<html><head><title>Bridge reopens</title></head><body>"
            "<div class='sidebar'><span class='date'>March 1, 2024</span><a href='/x'>Other story</a></div>"
            "<div class='story'><h1>Bridge reopens</h1><div class='post-date'>Published March 4, 2024</div>"
            "<div class='text'><p>The bridge reopened to traffic on Monday after two years of repairs, "
            "officials said.</p><p>Drivers welcomed the shorter commute between the two banks.</p></div>"
            "</div></body></html>")
    article = mn.parse(html)
    assert article.published == dt.date(2024, 3, 4)
    assert not article.published_inferred


@pytest.mark.parametrize("shift", range(6))
@pytest.mark.parametrize("bad", [b"", b"\xd8", b"\xff", b"\xe2\x82", b"\xed\xa0\x80", b"\xc0\xaf"])
def test_utf8_check_in_pieces_is_the_whole_decode(shift: int, bad: bytes) -> None:
    """The piecewise UTF-8 check agrees with a whole decode, wherever a character or a bad byte falls."""
    from mideastnews.document import _VALIDATE_CHUNK, _as_utf8

    body = ("<p>" + "خبر \U0001f600 " * 3000 + "</p>").encode()
    at = _VALIDATE_CHUNK - 2 + shift
    data = b"<html><body>" + body[:at] + bad + body[at:] + b"</body></html>"
    try:
        text, warnings = data.decode("utf-8"), ()
    except UnicodeDecodeError:
        assert _as_utf8(data) is None
    else:
        assert _as_utf8(data) == warnings
        assert decode_bytes(data) == (text, warnings)
        doc = Document.from_source(data)
        assert doc.text == text
        assert doc.contains("خبر \U0001f600")
        assert not doc.contains("absent")


def test_document_from_utf8_bytes_copies_and_pickles() -> None:
    import pickle

    import attrs

    page = "<html><body><p>خبر عاجل</p></body></html>"
    doc = Document.from_source(page.encode())
    assert attrs.evolve(doc, url="https://example.com/a").text == page
    assert pickle.loads(pickle.dumps(doc)).text == page
    assert Document(page).text == page
    with pytest.raises(TypeError):
        Document(None)


# -- the reader's one walk for page-wide elements ----------------------------------------------

_PARTS = st.sampled_from([
    '<script type="application/ld+json">{"@type": "NewsArticle"}</script>',
    '<script type="Application/LD+JSON">{}</script>', "<script>var a = 1;</script>",
    '<meta property="og:title" content="t">', '<meta name="x">', '<span itemprop="name" content="n"></span>',
    '<time datetime="2024-05-01">1 May</time>', '<time>May</time>', '<h1>Head</h1>', '<h2 class="k">Sub</h2>',
    '<h1 itemprop="headline" content="h">H</h1>', '<div itemprop="articleBody"><p>Body text.</p></div>',
    '<meta itemprop="datePublished" content="2024-05-01" datetime="2024-05-01">', "<p>Text.</p>",
    '<p itemprop="description" content="d">D</p>', "line<br>next", '<br itemprop="x" datetime="y">',
    "<svg><time datetime='1'></time><p>in svg</p></svg>", "<template><meta content='t'></template>",
    "<math><h1>m</h1></math>", "<div>", "</div>",
    # Elements with an itemprop that no meta selector takes, or in other letter cases.
    '<div itemprop="author">A</div>', '<p itemprop="x">P</p>', '<h2 itemprop="headline">S</h2>',
    '<br itemprop="y">',
    '<div itemprop="ARTICLEBODY"><p>B</p></div>', '<div ITEMPROP="articleBody" CONTENT="c">C</div>',
    '<script itemprop="x" type="application/ld+json">{}</script>', '<meta itemprop="x">',
    '<time itemprop="t">',
    "<template><div itemprop='articleBody'>t</div></template>", "<svg><g itemprop='articleBody'/></svg>",
])


def _ids(nodes: object) -> list[int]:
    return [node.mem_id for node in nodes]  # type: ignore[attr-defined]


def _assert_one_walk_matches_the_queries(page: str | bytes) -> None:
    from mideastnews.parsers import htmlpage

    tree = Document.from_source(page).tree
    for units in (False, True):
        found = htmlpage._PageNodes(tree, units)
        # Each list is what its own query gives (the same elements, as often, in the same order):
        # the one walk leans on how lexbor lists the union of selectors.
        assert _ids(found.scripts) == _ids(tree.css(htmlpage._JSON_LD_SCRIPTS))
        assert found.metas == [n.attributes for n in tree.css(htmlpage._META_NODES)]
        assert _ids(found.times) == _ids(tree.css(htmlpage._TIMES))
        assert _ids(found.headings) == _ids(tree.css(htmlpage._HEADINGS_SELECTOR))
        if units:
            assert _ids(found.bodies or []) == _ids(tree.css(htmlpage._ARTICLE_BODY))
            assert _ids(found.paragraphs or []) == _ids(tree.css("p"))
            assert _ids(found.breaks or []) == _ids(tree.css("br"))


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.html.gz")), ids=lambda p: p.name)
def test_one_walk_finds_what_the_separate_queries_find(path: Path) -> None:
    _assert_one_walk_matches_the_queries(gzip.decompress(path.read_bytes()))


@settings(max_examples=150, deadline=None)
@given(st.lists(_PARTS, max_size=14))
def test_one_walk_finds_what_the_separate_queries_find_on_any_mix(parts: list[str]) -> None:
    _assert_one_walk_matches_the_queries("<!DOCTYPE html><html><head><title>t</title></head><body>"
                                         + "".join(parts) + "</body></html>")


@settings(max_examples=150, deadline=None)
@given(st.lists(_PARTS, max_size=14))
def test_a_holder_has_at_least_its_child_paragraphs_below_it(parts: list[str]) -> None:
    """choose_body tells a holder with three <p> children from a teaser card without searching it."""
    from collections import Counter

    tree = Document.from_source("<html><body>" + "".join(parts) + "<div><p>a</p><p>b<p>c</div>").tree
    children = Counter(p.parent.mem_id for p in tree.css("p") if p.parent is not None)
    for p in tree.css("p"):
        parent = p.parent
        if parent is not None:
            assert children[parent.mem_id] <= len(parent.css("p"))


@pytest.mark.parametrize("charset", ["unicode-escape", "raw-unicode-escape", "punycode", "utf-7", "UTF-7"])
def test_a_codec_that_reads_escapes_is_no_charset(charset: str) -> None:
    """Such a declaration is ignored: the bytes are decoded as what they are, escapes and all."""
    page = (f'<html><head><meta charset="{charset}"><title>عنوان \\z +ADw-</title></head>'
            "<body><p>قال المتحدث \\u0041 إن +ADw-script+AD4- ليس وسماً.</p></body></html>")
    article = mn.parse(page.encode("cp1256"))  # (valid UTF-8 would be read as such whatever it declares)
    assert article.title == "عنوان \\z +ADw-"
    assert "\\u0041" in article.paragraphs[0]
    assert "+ADw-script+AD4-" in article.paragraphs[0]


_IMAGE_NAME_PARTS = st.sampled_from([
    "logo", "LOGO", "Icon", "sprite", "pixel", "spacer", "blank", "1px", "placeHolder", "avatar", "advert",
    "loading", "lazy", "photo", "/", ".", "-", "_", "a", "x" * 40, "K", "\u0130", "\u017f", "صورة", "\n",
])


@given(st.lists(_IMAGE_NAME_PARTS, max_size=12).map("".join))
@example("/img/LOGO" + "x" * 80)
@example("LOGO" + "x" * 81)
def test_junk_image_names_match_the_case_blind_pattern(path: str) -> None:
    # The lower-cased ASCII fast path answers as the case-blind pattern over the whole address
    # (a fast path keeping case, or searching only the name's last 80 characters, fails this).
    from mideastnews.parsers.htmlpage import _IMG_JUNK, _junk_image

    assert _junk_image(path) == (_IMG_JUNK.search(path) is not None)
