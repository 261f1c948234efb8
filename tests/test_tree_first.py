"""Pages lexbor reads first: the tree is measured, kept when fit, and the same as the scanned page's.

A page with few ``<`` cannot make lexbor slow, so :attr:`Document.tree` lets
lexbor read it before anything measures it, checks the tree with two
selectors (an element deeper than ``MAX_DEPTH``, a run of more than
``FORMATTING_LIMIT`` formatting elements one inside the next), and leaves
the code of scripts and style sheets out of the tree itself.  Any other page
is scanned first, as before.  These tests hold the two ways to the same tree
wherever the scan would not have flattened anything, and hold the selectors
to a walk of the tree (they lean on how lexbor matches them).
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

import mideastnews as mn
from mideastnews import _markup
from mideastnews import document as dm
from mideastnews.document import (
    FORMATTING_LIMIT,
    MAX_DEPTH,
    TREE_FIRST_ANY,
    TREE_FIRST_FORMATTING,
    TREE_FIRST_LIMIT,
    Document,
    flatten_deep_html,
)

HEAD = "<!DOCTYPE html><html lang='ar'><head><meta charset='utf-8'><title>t</title></head><body>"
PARA = "<p>نص عربي في فقرة من فقرات الخبر، وهو نص طويل بما يكفي ليعد فقرة.</p>"
FORMATTING = ("a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u")


def _scanned(page: str | bytes) -> tuple[LexborHTMLParser, dm.DepthReport]:
    """The tree and report of the scanned way: scan, flatten if need be, leave code out, parse."""
    flat, report, marked = dm._guard(page)
    if marked is None:
        marked = _markup.scan(flat)
    return LexborHTMLParser(dm._without_code(flat, marked.code)), report


def _walk(tree: LexborHTMLParser) -> tuple[int, int]:
    """The tree's height (<html> is 1) and its longest run of formatting elements, each the last's child."""
    height = run = 0
    todo = [(tree.root, 1, 1 if tree.root is not None and tree.root.tag in FORMATTING else 0)]
    while todo:
        node, level, chain = todo.pop()
        if node is None:
            continue
        height, run = max(height, level), max(run, chain)
        child = node.child
        while child is not None:
            if child.is_element_node:
                todo.append((child, level + 1, chain + 1 if child.tag in FORMATTING else 0))
            child = child.next
    return height, run


# What a page is made of, bar what the scan reads more cautiously than lexbor (SVG, MathML,
# <frameset>: the scan keeps the code of scripts that may stand in foreign content) and templates.
_PIECES = [
    "<div>", "</div>", "<span>", "</span>", "<p>", "</p>", "x", "نص", "<a href=x>", "</a>", "<b>", "</b>",
    "<i class=y>", "</i>", "<font size=2>", "</font>", "<nobr>", "<em>", "</em>", "<strong>", "<u>", "<s>",
    "<table>", "</table>", "<td>", "<tr>", "<li>", "<ul>", "</ul>", "<select>", "<option>", "</select>",
    "<button>", "<object>", "</object>", "<marquee>", "<h1>", "</h1>", "<br>", "</br>", "<img src=x>",
    "<script>", "</script>", "<script type=application/ld+json>", "<style>", "</style>", "<textarea>",
    "</textarea>", "<title>", "</title>", "<noscript>", "</noscript>", "<!--", "-->", "<!x>", "'", '"', ">",
    "<", "var a = 1 < 2;", "<!--<script>", "<![CDATA[", "]]>", "<a title=\"", "<x-a>", "</x-a>",
]


# A script with more «<» than a page read first may have: the page is read once its code is left out.
_CODE = "<script>" + "if (a < b) {}" * (TREE_FIRST_LIMIT + 1) + "</script>"


@given(st.lists(st.sampled_from(_PIECES), max_size=200), st.booleans(), st.booleans())
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_page_read_first_gives_the_scanned_tree(pieces: list[str], as_bytes: bool, code: bool) -> None:
    page = "<html><body>" + (_CODE if code else "") + "".join(pieces)
    source: str | bytes = page.encode() if as_bytes else page
    scanned, report = _scanned(source)
    if report.removed:
        return  # the scan flattened formatting elements lexbor would have kept (see below)
    doc = Document.from_source(source)
    assert dm._fit_to_read_first(source) is not code
    assert doc.tree.html == scanned.html
    assert doc.depth == dm.DepthReport(_walk(doc.tree)[0], 0)


# Formatting elements the tree builder keeps apart (distinct attributes, {n} being the repetition).
_NUMBERED = ["<b class=c{n}>", "<font size={n}>", "<em id={n}>", "<i class=c{n}>", "<a href={n}>"]


@given(st.lists(st.sampled_from(_PIECES + _NUMBERED + ["<svg>", "</svg>", "<math>", "<desc>", "<template>"]),
                max_size=12),
       st.integers(1, 140))
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_the_fitness_selector_matches_a_walk_of_the_tree(unit: list[str], times: int) -> None:
    """Repeated units reach past MAX_DEPTH and FORMATTING_LIMIT from both sides."""
    body = "".join("".join(unit).replace("{n}", str(n)) for n in range(times))
    tree = LexborHTMLParser("<html><body>" + body)
    height, run = _walk(tree)
    unfit = dm._code_if_fit(tree.root) is None
    assert unfit == (height > MAX_DEPTH or run > FORMATTING_LIMIT), (height, run)


def test_the_selector_sees_the_limits_exactly() -> None:
    for divs, unfit in ((MAX_DEPTH - 2, False), (MAX_DEPTH - 1, True)):  # + <html> and <body>
        tree = LexborHTMLParser("<div>" * divs + "x")
        assert (dm._code_if_fit(tree.root) is None) is unfit
    # Around the depth of the first, shorter selector (a quarter of MAX_DEPTH): fit either way.
    for divs in range(MAX_DEPTH // 4 - 4, MAX_DEPTH // 4 + 4):
        assert dm._code_if_fit(LexborHTMLParser("<div>" * divs + "x").root) is not None
    # The deepest elements may be among those the same walk finds for their code.
    for deepest in ("<script>x</script>", "<style>x</style>", "<template>x</template>", "<svg>", "<math>",
                    "<svg>" * 12, "<svg><style><style>"):
        for divs, unfit in ((MAX_DEPTH - 2 - deepest.count("<") + deepest.count("</"), False),
                            (MAX_DEPTH - 1 - deepest.count("<") + deepest.count("</"), True)):
            tree = LexborHTMLParser("<div>" * divs + deepest)
            assert (dm._code_if_fit(tree.root) is None) is unfit, (deepest, divs)
            assert unfit is (_walk(tree)[0] > MAX_DEPTH)
    for run, unfit in ((FORMATTING_LIMIT, False), (FORMATTING_LIMIT + 1, True)):
        tree = LexborHTMLParser("<div>".join(f"<b class=c{i}>" for i in range(run)) + "<p>x")
        assert dm._code_if_fit(tree.root) is not None  # not one inside the next
        tree = LexborHTMLParser("".join(f"<b class=c{i}>" for i in range(run)) + "x")
        assert (dm._code_if_fit(tree.root) is None) is unfit


def test_unclosed_formatting_elements_lexbor_keeps_shallow_are_not_flattened() -> None:
    """40 table cells each leaving a <b> open: the scan flattens 32, lexbor closes each with its cell."""
    page = HEAD + "<table><tr>" + "".join(f"<td><b>خلية {i}</td>" for i in range(40)) + "</table>" + PARA * 3
    assert flatten_deep_html(page)[1].removed > 0
    doc = Document.from_source(page)
    assert doc.tree.html == LexborHTMLParser(dm._without_code(page, _markup.scan(page).code)).html
    assert doc.depth == dm.DepthReport(_walk(doc.tree)[0], 0)
    article = mn.parse(page)
    assert not any("flattened" in w for w in article.warnings)
    assert "خلية 39" in " ".join([*article.paragraphs, *(dropped.text for dropped in article.dropped)])


def test_a_run_of_reopened_formatting_elements_is_flattened_as_before() -> None:
    page = HEAD + "".join(f"<p><b class=c{i}>كلمة {i}" for i in range(300)) + PARA + "</body></html>"
    assert page.count("<") <= TREE_FIRST_ANY
    doc = Document.from_source(page)
    assert doc.depth.removed > 0
    assert any("formatting elements" in w for w in doc.warnings)
    assert _walk(doc.tree)[1] <= FORMATTING_LIMIT + 1


def test_a_deep_page_read_first_is_scanned_and_flattened() -> None:
    page = HEAD + "<div>" * 600 + PARA + "</body></html>"
    doc = Document.from_source(page.encode())
    assert dm._fit_to_read_first(page)
    assert doc.depth.depth > MAX_DEPTH
    assert doc.depth.removed > 0
    assert _walk(doc.tree)[0] <= MAX_DEPTH + 4
    assert any("nested" in w for w in doc.warnings)


def test_which_pages_are_read_first() -> None:
    small = HEAD + PARA * (TREE_FIRST_ANY // 2 - 10)
    assert dm._fit_to_read_first(small)
    many = HEAD + PARA * (TREE_FIRST_LIMIT // 2 + 10)
    assert not dm._fit_to_read_first(many)
    # Past TREE_FIRST_ANY, formatting start tags with attributes are counted (bare ones the tree
    # builder keeps three of a kind at most); <a> and <nobr> close the one open before them.
    middle = HEAD + PARA * 1000
    assert dm._fit_to_read_first(middle)
    assert dm._fit_to_read_first(middle + "<b>x</b>" * 500 + "<a href=y>z</a>" * 500)
    assert dm._fit_to_read_first(middle + "<i class=icon></i>" * TREE_FIRST_FORMATTING)
    assert not dm._fit_to_read_first(middle + "<i class=icon></i>" * (TREE_FIRST_FORMATTING + 1))
    assert not dm._fit_to_read_first(middle.encode() + b"<FONT size=2>" * (TREE_FIRST_FORMATTING + 1))
    # A page of megabytes is mostly code, which the scan leaves out before lexbor reads it.
    assert not dm._fit_to_read_first(middle + "<script>" + "x" * (1 << 20) + "</script>")
    # …unless it has no more «<» than any page read first, wherever they stand.
    few = "<p>x</p>" * (TREE_FIRST_ANY // 2)
    assert dm._fit_to_read_first(few + "x" * (1 << 20))
    assert dm._fit_to_read_first(("x" * (1 << 20)).encode() + few.encode())
    assert not dm._fit_to_read_first(few + "x" * (1 << 20) + "<")
    assert not dm._fit_to_read_first(b"<" + ("x" * (1 << 20)).encode() + few.encode())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["<", "x", "<p>", "y" * 5000]), max_size=400), st.integers(0, 300),
       st.booleans())
def test_counting_by_stretches_is_counting(pieces: list[str], most: int, as_bytes: bool) -> None:
    page = "".join(pieces)
    source: str | bytes = page.encode() if as_bytes else page
    lt: str | bytes = b"<" if as_bytes else "<"
    assert dm._at_most(source, lt, most) == (source.count(lt) <= most)  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(-2, 2)), max_size=12), st.booleans())
def test_a_tag_at_a_stretch_end_is_counted_once(places: list[tuple[int, int]], as_bytes: bool) -> None:
    size = 4 * dm._COUNT_STRETCH
    page = bytearray(b"x" * size)
    for stretch, off in places:
        page[min(max(stretch * dm._COUNT_STRETCH + off, 0), size - 1)] = ord("<")
    source: str | bytes = bytes(page) if as_bytes else page.decode()
    lt: str | bytes = b"<" if as_bytes else "<"
    tags = page.count(b"<")
    for most in (tags - 1, tags):
        assert dm._at_most(source, lt, most) == (tags <= most)


def _fit_counting_each(source: str | bytes) -> bool:
    """What :func:`dm._fit_to_read_first` answers, from ``count`` of the whole page."""
    k = 1 if isinstance(source, bytes) else 0
    tags = source.count(b"<" if k else "<")  # type: ignore[arg-type]
    if len(source) > dm._TREE_FIRST_BYTES or tags <= TREE_FIRST_ANY or tags > TREE_FIRST_LIMIT:
        return tags <= TREE_FIRST_ANY
    return len(dm._FORMATTING_STARTS[k].findall(source)) <= TREE_FIRST_FORMATTING  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["<", "x", "<p>", "<b class=c>", "<i>", "\u00e9<", "y" * 700]), max_size=12),
       st.integers(0, 2000), st.booleans())
def test_the_fitness_count_is_counting(unit: list[str], times: int, as_bytes: bool) -> None:
    page = "".join(unit) * times
    source: str | bytes = page.encode() if as_bytes else page
    assert dm._count_lt(page.encode()) == page.encode().count(b"<")
    assert dm._fit_to_read_first(source) == _fit_counting_each(source)


def test_code_is_left_out_where_lexbor_reads_html() -> None:
    page = (HEAD + "<svg><style>svg{}</style><script>draw()</script></svg>"  # SVG's own: kept
            "<svg><br><style>p{color:red}</style></svg>"  # <br> leaves SVG: a style sheet
            "<template><script>tpl()</script><template><style>q{}</style></template></template>"
            "<script type='application/ld+json'>{\"@type\": \"NewsArticle\"}</script>"
            "<script type=' Text/JavaScript ; charset=utf-8'>code()</script>" + PARA)
    tree = Document.from_source(page).tree
    assert [n.text() for n in tree.css("svg style, svg script")] == ["svg{}", "draw()"]
    assert [n.text() for n in tree.css("body > style")] == [""]
    assert [n.text() for n in tree.css("body > script")] == ['{"@type": "NewsArticle"}', ""]
    fragments = tree.css_first("template").template_fragments()
    assert fragments[0].css_first("script").text() == ""
    assert fragments[0].css_first("template").template_fragments()[0].css_first("style").text() == ""


def test_a_page_whose_many_tags_are_in_its_scripts_is_read_without_their_code() -> None:
    page = HEAD + _CODE + PARA * 3 + "</body></html>"
    assert not dm._fit_to_read_first(page)
    doc = Document.from_source(page.encode())
    assert doc.depth == dm.DepthReport(_walk(doc.tree)[0], 0)
    assert doc.tree.css_first("script").text() == ""
    assert doc.tree.html == _scanned(page)[0].html
    deep = HEAD + _CODE + "<div>" * 600 + PARA + "</body></html>"
    doc = Document.from_source(deep)
    assert doc.depth.removed > 0
    assert any("nested" in w for w in doc.warnings)


def _slow_code_if_fit(root: object) -> list[int] | None:
    """:func:`document._code_if_fit` as its own selectors answer it, one walk of the tree each."""
    tree: Any = root
    if tree.css_first(dm._QUARTER_DEEP) is not None and tree.css_first(dm._TOO_DEEP) is not None:
        return None
    found = tree.css(dm._CODE_AND_RUNS)
    if any(node.tag in dm._FORMATTING for node in found):
        return None
    return [node.mem_id for node in found]


_NEAR_QUARTER = ["<div>", "</div>", "<span>", "<b>", "<i class=y>", "</b>", "<script>x</script>",
                 "<style>s</style>", "<svg>", "</svg>", "<math>", "</math>",
                 "<template><script>t</script></template>", "<p>", "x",
                 "<svg><script>y</script><style>z</style></svg>", "<math><style>m</style></math>", "<br>",
                 "<svg><foreignObject><template><script>q</script></template></foreignObject></svg>"]


@given(st.lists(st.sampled_from(_NEAR_QUARTER + _NUMBERED), max_size=20), st.integers(0, 80),
       st.lists(st.sampled_from(_NEAR_QUARTER), max_size=10))
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_the_one_walk_fitness_and_code_agree_with_the_separate_selectors(
        before: list[str], divs: int, inside: list[str]) -> None:
    """The depth question asked in the code's walk, and foreign code found up the ancestors."""
    page = "<html><body>" + "".join(before).replace("{n}", "1") + "<div>" * divs + "".join(inside)
    tree = LexborHTMLParser(page)
    found = dm._code_if_fit(tree.root)
    assert (None if found is None else [node.mem_id for node in found]) == _slow_code_if_fit(tree.root)
    if found:
        roots = [found] + [fragment.css(dm._CODE) for node in found if node.tag == "template"
                           for fragment in node.template_fragments()]
        for nodes, root in zip(roots, [tree.root] + [f for node in found if node.tag == "template"
                                                      for f in node.template_fragments()], strict=True):
            want = {node.mem_id for node in root.css(dm._FOREIGN_CODE)} & {node.mem_id for node in nodes}
            assert dm._foreign_code(nodes) == want


@given(st.lists(st.sampled_from([b"<", b"<<", b"a", b"\x00", b"\xd8\xa7", b"<b ", b"\xff", b" " * 40]),
                max_size=60))
@settings(max_examples=300, deadline=None)
def test_the_tags_are_counted_on_bytes_as_count_counts_them(parts: list[bytes]) -> None:
    """:func:`document._count_lt` (one byte taken out with ``memchr``) is ``bytes.count``."""
    page = b"".join(parts)
    assert dm._count_lt(page) == page.count(b"<")


def test_a_page_read_first_is_told_by_its_tag_count_either_side_of_the_limits() -> None:
    """The bytes and the text of a page are read first alike, just within and past each limit."""
    for tags in (dm.TREE_FIRST_ANY, dm.TREE_FIRST_ANY + 1, dm.TREE_FIRST_LIMIT, dm.TREE_FIRST_LIMIT + 1):
        page = "<html><body>" + "<p>ا" * (tags - 2)
        assert page.count("<") == tags
        assert dm._fit_to_read_first(page.encode()) == dm._fit_to_read_first(page) == (
            tags <= dm.TREE_FIRST_LIMIT)
