"""Bad HTML gives an Article or a ParseError, in bounded time, never another exception.

Times are not asserted (benchmarks measure speed); the depth guard is
checked by what it reports and by the text it keeps.
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mideastnews as mn
from mideastnews.document import MAX_DEPTH, Document, flatten_deep_html

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "html"
GOOD = gzip.decompress((FIXTURES / "RT_2024-05-12.html.gz").read_bytes())
HEAD = b"<!DOCTYPE html><html lang='ar'><head><meta charset='utf-8'><title>t</title></head><body>"
PARA = "<p>نص عربي في فقرة من فقرات الخبر، وهو نص طويل بما يكفي ليعد فقرة.</p>".encode()


def _article_or_parse_error(source: bytes | str, url: str | None = None) -> mn.Article | None:
    try:
        article = mn.parse(source, url=url)
    except mn.ParseError:
        return None
    assert isinstance(article, mn.Article)
    return article


@pytest.mark.parametrize("cut", [0.1, 0.33, 0.5, 0.77, 0.95])
def test_truncated(cut: int) -> None:
    _article_or_parse_error(GOOD[: int(len(GOOD) * cut)], url="https://arabic.rt.com/middle_east/1-x/")


def test_unclosed_tags() -> None:
    html = HEAD + b"<div><div><p>" + PARA.replace(b"</p>", b"") * 50 + b"<span><b><i>" * 200
    article = _article_or_parse_error(html)
    assert article is not None
    assert article.paragraphs


def test_5000_deep_nesting_keeps_text_and_warns() -> None:
    html = HEAD + b"<div>" * 5000 + PARA * 3 + b"</div>" * 5000 + b"<p>after</p></body></html>"
    article = _article_or_parse_error(html)
    assert article is not None
    assert any("nested 500" in w for w in article.warnings)
    assert any("نص عربي" in p for p in article.paragraphs)


def test_100000_deep_nesting_is_flattened() -> None:
    text = "<html><body>" + "<div>" * 100_000 + "عمق" + "</div>" * 100_000
    flat, report = flatten_deep_html(text)
    assert report.depth > 100_000
    assert report.removed > 0
    doc = Document(text=flat, is_html=True)
    assert "عمق" in doc.tree.body.text()
    _article_or_parse_error(text)


def test_flatten_keeps_shallow_pages_unchanged() -> None:
    text = GOOD.decode()
    flat, report = flatten_deep_html(text)
    assert flat is text
    assert report.removed == 0
    assert report.depth < MAX_DEPTH


def test_stray_end_tags_do_not_hide_depth() -> None:
    text = "<div></i>" * 20_000 + "x"
    _, report = flatten_deep_html(text)
    assert report.depth >= 20_000


def test_self_closed_svg_does_not_nest() -> None:
    text = "<html><body><svg>" + "<path d='1'/>" * 5000 + "</svg><div><p>x</p></div></body></html>"
    flat, report = flatten_deep_html(text)
    assert report.removed == 0
    assert flat == text


def test_comments_and_scripts_do_not_count() -> None:
    text = "<html><body><!--" + "<div>" * 5000 + "--><script>" + "<div>" * 5000 + "</script><p>x</p>"
    _, report = flatten_deep_html(text)
    assert report.removed == 0


@pytest.mark.parametrize("unit", [
    # End tags the tree builder ignores: out of scope past a table, a select, an object, a template,
    # an SVG integration point; past a special element for an inline name.  Each unit nests deeper.
    "<div><table></div></table>", "<div><select></div></select>", "<div><object></div></object>",
    "<div><template></div></template>", "<div><svg><desc></div></desc></svg>",
    "<x-a><x-b><div></x-a></x-b>", "<span><div></span>",
])
def test_ignored_end_tags_do_not_hide_depth(unit: str) -> None:
    page = "<html><body>" + unit * 3000 + "deep"
    doc = Document.from_source(page.encode())
    assert "deep" in doc.tree.body.text()
    assert doc.depth.removed > 0
    assert _tree_depth(doc.tree) <= MAX_DEPTH + 3


@pytest.mark.parametrize("unit", ["<a>", "<td>", "<tr>", "<option>", "<button>", "<section>", "<g d=x/>"])
def test_html_closing_rules_do_not_apply_in_svg(unit: str) -> None:
    # In SVG a new <a> or <td> does not close the one before it: they nest, as the tree builder builds.
    page = "<html><body><svg>" + unit * 3000 + "deep"
    doc = Document.from_source(page.encode())
    assert doc.depth.removed > 0
    assert _tree_depth(doc.tree) <= MAX_DEPTH + 3


@pytest.mark.parametrize("unit", ['<div"x><b><svg>', "<g><g><g><g><g><g><g><g><g><b><svg>"])
def test_a_flattened_page_is_measured_again(unit: str) -> None:
    # Past the limit of open formatting elements the <b> tags are cut; without them nothing closes
    # the SVG and everything after nests in it: the flattened page is measured and flattened again.
    page = "<html><body>" + unit * 3000 + "deep"
    doc = Document.from_source(page.encode())
    assert "deep" in doc.tree.body.text()
    assert _tree_depth(doc.tree) <= MAX_DEPTH + 8


def test_a_page_still_too_deep_after_the_passes_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from mideastnews import document

    monkeypatch.setattr(document, "_FLATTEN_ROUNDS", 0)
    page = "<html><body>" + "<g><g><g><g><g><g><g><g><g><b><svg>" * 3000 + "deep"
    with pytest.raises(mn.ParseError, match="nested too deep"):
        mn.parse(page.encode())


@pytest.mark.parametrize("opener", [
    "<script>var a;</SCRIPT>",  # an end tag in capitals ends the script, whatever a lower-case one later says
    "<script\xa0>",  # a no-break space after a tag name is part of the name: no script starts
    "<\u017fcript>",  # a long s is not an «s»: no script either
    "<STYLE>x</Style>",
])
def test_no_raw_text_lookalike_hides_depth(opener: str) -> None:
    text = "<html><body>" + opener + "<div>" * 2000 + "x</body><script>y</script>"
    for page in (text, text.encode()):
        doc = Document.from_source(page)
        assert doc.depth.depth > 2000
        assert doc.depth.removed > 0
        assert "x" in doc.tree.body.text()


@given(st.lists(st.sampled_from([
    "<div>", "</div>", "<p>", "<b>", "</i>", "<svg>", "</svg>", "<script>", "</script>", "</SCRIPT>", "<!--",
    "-->", "<title>", "</title>", "<math>", "x", "\u00e9", "\U0001f600", "<br>", "<span>", "</span>",
]), max_size=400))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_bytes_and_text_give_the_same_page(pieces: list[str]) -> None:
    """A page read from its UTF-8 bytes (scanned without being decoded) is the page read from its text."""
    text = "<html><body>" + "".join(pieces)
    from_text, from_bytes = Document.from_source(text), Document.from_source(text.encode())
    assert from_bytes.text == text
    assert from_bytes.depth == from_text.depth
    assert from_bytes.tree.html == from_text.tree.html
    assert from_bytes.warnings == from_text.warnings


def test_100000_siblings() -> None:
    html = HEAD + b"<div class='article-body'>" + PARA * 100_000 + b"</div></body></html>"
    html = html[: 5 * 1024 * 1024 - 10]
    _article_or_parse_error(html)


def test_5mb_page() -> None:
    filler = b"<div class='sidebar'><a href='/x'>link</a></div>" * 40_000
    html = HEAD + filler + b"<article>" + PARA * 200 + b"</article>"
    html = html + b" " * (5 * 1024 * 1024 - len(html) - 20) + b"</body></html>"
    assert len(html) <= 5 * 1024 * 1024
    article = _article_or_parse_error(html)
    assert article is not None


def test_over_5mb_is_parse_error() -> None:
    with pytest.raises(mn.ParseError, match="limit"):
        mn.parse(HEAD + b" " * (5 * 1024 * 1024 + 1))


def test_binary_junk_with_html_header() -> None:
    for seed in range(5):
        junk = HEAD + os.urandom(50_000) if seed else HEAD + bytes(range(256)) * 200
        _article_or_parse_error(junk)


def test_wrong_charset() -> None:
    page = GOOD.decode()
    for declared, actual in (("utf-8", "cp1256"), ("windows-1256", "utf-8"), ("iso-8859-1", "cp1256")):
        data = page.replace('charset="utf-8"', f'charset="{declared}"').encode(actual, errors="replace")
        article = _article_or_parse_error(data, url="https://arabic.rt.com/middle_east/1567890-x/")
        assert article is not None
        assert article.title == "سوريا تعيد فتح ميناء اللاذقية أمام سفن الشحن الكبيرة"


def test_empty_and_tagless_html() -> None:
    for html in (b"<html></html>", b"<html><body></body></html>", HEAD + b"</body></html>",
                 b"<!DOCTYPE html><html><head><title></title></head><body><script>x</script></body></html>"):
        _article_or_parse_error(html)


def test_malformed_json_ld_and_meta() -> None:
    html = (b"<html><head><script type='application/ld+json'>{\"@type\": \"NewsArticle\","
            b" \"headline\": [1, {}], \"datePublished\": {\"x\": 1},"
            b" \"author\": [null, 3, {\"name\": 5}], \"image\": 7}</script>"
            b"<script type='application/ld+json'>{not json</script>"
            b"<meta property='article:published_time' content='2024-99-99T99:99'>"
            b"<meta property='og:title' content=''>"
            b"</head><body><h1>Title</h1>"
            b"<p>Body text that is long enough to be a paragraph of the article.</p></body></html>")
    article = _article_or_parse_error(html)
    assert article is not None
    assert article.title == "Title"


TAGS = st.sampled_from([
    "<div>", "</div>", "<p>", "</p>", "<b>", "</i>", "<svg>", "<path/>", "</svg>", "<br>", "<script>",
    "</script>", "<!--", "-->", "<table><tr><td>", "<h1>", "</h1>", "<article>", "<meta charset='cp1256'>",
    "<time datetime='2024-01-01T10:00'>", "</time>", "<script type='application/ld+json'>",
    "{\"@type\":\"NewsArticle\"}", "<a href='x'>",
])
TEXT = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x6FF), max_size=12)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(TAGS, TEXT), max_size=60).map("".join))
def test_random_markup(body: str) -> None:
    _article_or_parse_error("<!DOCTYPE html><html><body>" + body)
    _article_or_parse_error(("<html><head><meta charset='utf-8'></head><body>" + body).encode("utf-8"))


def _shape(tree: object) -> list[tuple[str, object]]:
    """Every element with its attributes, and every text that is not script code or a style sheet."""
    out: list[tuple[str, object]] = []
    for node in tree.root.traverse(include_text=True):  # type: ignore[attr-defined]
        if node.tag == "-text":
            parent = node.parent
            if parent is None or parent.tag not in ("script", "style"):
                out.append(("#", node.text_content))
        else:
            out.append((node.tag, dict(node.attributes)))
    return out


def test_code_is_left_out_of_the_tree_and_data_blocks_are_kept() -> None:
    from selectolax.lexbor import LexborHTMLParser

    page = ("<html><head><script>var a = '<p>not text</p>';</script><style>p{color:red}</style>"
            "<script type='application/ld+json'>{\"@type\": \"NewsArticle\"}</script>"
            "<script type=\"text/tawsiyat\" id=\"tawsiyat-metadata\">{\"a\": 1}</script>"
            "<script type=module>import x from 'y'</script>"
            "<script data-x='a>b' src=x>code(1)</script></head><body><p>نص</p></body></html>")
    for source in (page, page.encode()):
        doc = Document.from_source(source)
        scripts = [node.text() for node in doc.tree.css("script")]
        assert scripts == ["", '{"@type": "NewsArticle"}', '{"a": 1}', "", ""]  # (a quoted «>» ends no tag)
        assert doc.tree.css_first("style").text() == ""
        assert "not text" in doc.text
        assert _shape(doc.tree) == _shape(LexborHTMLParser(page))


@given(st.lists(st.sampled_from([
    "<script>", "<script type='text/javascript'>", "<script type=application/json>", "<SCRIPT src='a>b'>",
    "<script a=\"'\" b=\"x>\">", "</script>", "</SCRIPT >", "<style>", "</style>", "<div>", "</div>", "<p>",
    "x", "<!--", "-->", "<svg>", "</svg>", "<title>", "</title>", "'", '"', ">", "<", "=",
]), max_size=200))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_leaving_code_out_keeps_the_rest_of_the_tree(pieces: list[str]) -> None:
    from selectolax.lexbor import LexborHTMLParser

    page = "<html><body>" + "".join(pieces)
    doc = Document.from_source(page.encode())
    if doc.depth.removed:
        return  # flattened: another tree by design
    assert _shape(doc.tree) == _shape(LexborHTMLParser(page))


_TRICKS = [
    "<div>", "</div>", "<span>", "</span>", "<p>", "x", "<a title=\"", "<a title='", "\"", "'", ">", "\">",
    "<!--", "-->", "--!>", "<!-->", "<!x", "<?x", "</ x", "</>", "<noscript>", "</noscript>", "<script>",
    "</script>", "</scriptx>", "<style>", "</style>", "<textarea>", "</textarea>", "<div\"x>", "</div\"x>",
    "<svg>", "</svg>", "<math>", "</math>", "<![CDATA[", "]]>", "<title>", "</title>", "<plaintext>",
    "<DIV>", "</DIV >", "<div/>", "<br>", "<foreignObject>", "</foreignObject>", "<desc>", "</desc>",
    "<mtext>", "<svg/>", "<table>", "</table>", "<td>", "<select>", "</select>", "<object>", "<template>",
    "</template>", "<x-a>", "</x-a>", "<b>", "</b>", "<li>", "</li>", "<ul>", "<button>", "<marquee>",
]


def _tree_depth(tree: object) -> int:
    deepest = 0
    for node in tree.root.traverse():  # type: ignore[attr-defined]
        depth, current = 0, node
        while current is not None:
            depth, current = depth + 1, current.parent
        deepest = max(deepest, depth)
    return deepest


def _assert_bounded(page: str, limit: int = 24) -> None:
    """The guard's depth bounds lexbor's, and what it lets through is no deeper than ``limit``.

    Both up to the formatting elements the tree builder may re-open at once
    (:data:`FORMATTING_LIMIT` at most), the implied <head>, the root's own
    level and a cut tag's text node.  (A low limit, so that small pages
    exercise the flattening too.)
    """
    from selectolax.lexbor import LexborHTMLParser

    from mideastnews.document import FORMATTING_LIMIT, _guard

    slack = FORMATTING_LIMIT + 3
    for source in (page, page.encode()):
        flat, report, _ = _guard(source, limit)
        if not report.removed:
            assert _tree_depth(LexborHTMLParser(page)) <= report.depth + slack, source
        assert _tree_depth(LexborHTMLParser(flat)) <= limit + slack, source


@given(st.lists(st.sampled_from(_TRICKS), max_size=120))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_the_depth_bound_holds_whatever_hides_a_tag(pieces: list[str]) -> None:
    """Tags in attribute values, comments, bogus comments or raw text keep the bound above lexbor's depth."""
    page = "<html><body>" + "".join(pieces)
    _assert_bounded(page)


@given(st.lists(st.sampled_from(_TRICKS), min_size=1, max_size=12), st.integers(8, 40))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_the_depth_bound_holds_for_a_repeated_trick(unit: list[str], times: int) -> None:
    """A trick repeated: one end tag it hides is within the slack of a bound, many are not."""
    page = "<html><body>" + "".join(unit) * times
    _assert_bounded(page)


_TAG_NAMES = ["div", "p", "span", "b", "a", "table", "td", "tr", "li", "ul", "object", "svg", "g",
              "foreignObject", "math", "mi", "select", "option", "button", "font", "template", "caption",
              "nobr", "marquee", "title", "textarea", "noscript", "br", "img", "sup", "rt", "dd", "x-a"]
_PIECES = st.one_of(
    st.sampled_from(_TAG_NAMES).map("<{}>".format), st.sampled_from(_TAG_NAMES).map("</{}>".format),
    st.sampled_from(["x", "<b class=1>", "<a href=1>", "<p/>", "<svg/>", "<g/>", "<g d=x/>", "<font color=1>",
                     "<![CDATA[ > ", "]]>", "<!---->"]))


@given(st.lists(_PIECES, max_size=3), st.lists(_PIECES, min_size=1, max_size=8), st.integers(6, 30))
@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_depth_bound_holds_for_repeated_tags(prefix: list[str], unit: list[str], times: int) -> None:
    """Any few tags repeated, after any few: the guard against lexbor's depth."""
    _assert_bounded("<html><body>" + "".join(prefix) + "".join(unit) * times)


@pytest.mark.parametrize("hiding", [
    "<a title=\"</div>\">x</a>",  # an end tag in an attribute value is text
    # In SVG a CDATA section runs to «]]>» (in HTML, a bogus comment to the first «>»): its end tag is text.
    "<svg><![CDATA[ > </div> ]]></svg>",
    "<!x </div>>",  # a bogus comment
    "<? </div>>",
    "</ </div>>",
    "<!-- --!></div>",  # «--!>» ends a comment: this </div> is real, and closes
])
def test_hidden_end_tags_do_not_hide_depth(hiding: str) -> None:
    page = "<html><body>" + ("<div>" * 200 + hiding) * 10 + "deep"
    doc = Document.from_source(page.encode())
    assert "deep" in doc.tree.body.text()
    if "--!>" not in hiding:
        assert doc.depth.depth >= 2000
        assert doc.depth.removed > 0


@pytest.mark.parametrize("opener", [
    "<a title=\"<script>\">x</a>",  # a raw-text tag in an attribute value starts nothing
    "<a title='<!--'>x</a>",
    "<noscript>",  # markup when scripting is off, as lexbor parses
    "<div\"x>",  # a name runs to whitespace, «/» or «>»: «div"x» is not closed by </div>
    "<script><!--<script></script></script>",  # the escapes of script text
    "<style></stylex></style>",
    # an </svg> the tree builder ignores (HTML is open in <foreignObject>) leaves the SVG open:
    # the <style> after it is an SVG element, its content markup
    "<svg><foreignObject><div></svg></div></foreignObject><style>",
    "<svg><div><script></svg><style></script>",  # a tag that breaks out of SVG: the script is raw text
])
def test_nothing_hides_the_tags_after_it(opener: str) -> None:
    page = "<html><body>" + opener + "<div>" * 3000 + "deep"
    doc = Document.from_source(page.encode())
    assert doc.depth.depth > 3000
    assert doc.depth.removed > 0
    assert "deep" in doc.tree.body.text()


@given(st.lists(st.sampled_from([
    "<!--", "-->", "<!-->", "<!--->", "<script>", "</script>", "<SCRIPT ", "</Script/", "</script",
    "<scripts>", "</scriptx>", "x", "<", "-", "!", ">", "--", "a<b",
]), max_size=40), st.booleans())
@settings(max_examples=400, deadline=None)
def test_a_scripts_text_ends_where_lexbor_ends_it(pieces: list[str], as_bytes: bool) -> None:
    """The scan follows a script's escapes («<!--», «<script», «</script», «-->») as the tokenizer does."""
    from selectolax.lexbor import LexborHTMLParser

    from mideastnews import _markup

    # (Ended by an end tag: one cut off by the end of the input, «</script», is text to lexbor and an
    # end to the scan, which errs to the side of reading markup.)
    page = "<script>" + "".join(pieces) + " </script> x"
    source: str | bytes = page.encode() if as_bytes else page
    marked = _markup.scan(source)
    script = LexborHTMLParser(page).css_first("script")
    assert script is not None
    assert marked.code, page
    start, end = marked.code[0]
    text = source[start:end]
    assert (text.decode() if isinstance(text, bytes) else text) == script.text(), page
