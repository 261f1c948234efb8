"""Where a page's markup is, as the HTML tokenizer reads it: tags, comments, raw text.

The depth guard counts tags before lexbor builds a tree, so it must see the
tags lexbor will see, and no others: a ``</div>`` inside an attribute value,
a comment or a script is text, and counted as an end tag it would hide real
nesting.  This module follows the tokenizer where that matters: a tag runs to
its ``>`` past quoted attribute values, names end only at whitespace, ``/``
or ``>`` (and fold ASCII case only), comments end at ``-->`` or ``--!>``
(``<!-->`` is a whole one), ``<!…>``, ``<?…>`` and ``</ …>`` are bogus
comments, ``<noscript>`` is markup (lexbor parses with scripting off), raw
text ends only at an end tag of its name followed by whitespace, ``/`` or
``>``, and a script's ``<!--<script>`` … ``-->`` escapes are followed.

Inside SVG and MathML, ``<script>``, ``<style>``, ``<title>`` … are ordinary
elements; whether one stands in foreign content depends on the tree builder.
The scan keeps the ``<svg>``/``<math>`` roots that may be open (an end tag
closes one only if no integration point inside it held markup, as HTML left
open there makes the tree builder ignore it).  Where a root may be open, a
raw-text name whose text holds no ``<`` (bar CDATA sections) reads the same
either way and is skipped; one holding ``<`` parts the two readings, and
from there the scan is uncertain (see :attr:`Markup.uncertain`).

Each pattern comes in two forms, for a page's text and for its UTF-8 bytes
(tags are ASCII, so the matches are the same).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import attrs

from . import _regex

__all__ = ["STARTS", "STARTS_PAIR", "TAG", "TAG_PAIR", "Markup", "any_name", "ascii_lower", "has_attribute",
           "is_code_type", "scan", "self_closing", "tag_tokens"]

_WS = r"\t\n\f\r "
# A tag's attributes, to the tokenizer's rules (quoted values may hold «>» and «<»; an unclosed
# quote runs to the end of the page).  Possessive throughout: linear on any input.
# The first alternative is the usual «␣name="value"», read the same way faster.
_ATTRS = (rf"""(?:[{_WS}]++[A-Za-z_:-][A-Za-z0-9_:.-]*+="[^"]*+"|[{_WS}/]++|[^{_WS}/>][^{_WS}/>=]*+"""
          rf"""(?:[{_WS}]*+=[{_WS}]*+(?:"[^"]*+"?|'[^']*+'?|[^{_WS}>"'][^{_WS}>]*+)?+)?+)*+""")
_NAME = rf"[A-Za-z][^{_WS}/>]*+"
_RAW_NAMES = ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext")
_FOREIGN_NAMES = ("svg", "math", "frameset")
# Where HTML may stand inside SVG or MathML (title, a raw-text name, is among the raw ones).
_POINT_NAMES = ("foreignobject", "desc", "mi", "mo", "mn", "ms", "mtext", "annotation-xml")
_ENDS_NAME = rf"(?=[{_WS}/>]|\Z)"


def any_name(names: tuple[str, ...]) -> str:
    """One of ``names``, in any ASCII case, as an alternation grouped by first letter.

    The first letters come first as one class: most tags open with none of them and fail there,
    in one test.  (At a tag the engine then tries the one group its first letter opens, not every
    name; an ``(?i:…)`` alternation has no such shortcut.)
    """
    def anycase(text: str) -> str:
        return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in text)

    firsts = dict.fromkeys(name[0] for name in names)
    letters = "".join(sorted({c for first in firsts for c in (first.lower(), first.upper())}))
    return f"(?=[{re.escape(letters)}])(?:" + "|".join(
        anycase(first) + "(?:" + "|".join(anycase(name[1:]) for name in names if name[0] == first) + ")"
        for first in firsts) + ")"


_SPECIAL_START = any_name(_RAW_NAMES + _FOREIGN_NAMES + _POINT_NAMES) + _ENDS_NAME
_FOREIGN = any_name(_FOREIGN_NAMES) + _ENDS_NAME

# Markup and text up to the next construct the scan must look at (matched where the tokenizer is
# in its data state), then that construct: a comment, a bogus comment, a raw-text start tag, or a
# foreign root's tag; or the end of the page.  (It always matches from where it starts, so a search
# over it is linear too.)
_STEP_SOURCE = (
    rf"(?:[^<]++|<(?![A-Za-z!/?])|</>|</\Z"
    rf"|</(?!{_FOREIGN}){_NAME}{_ATTRS}(?:>|\Z)"
    rf"|<(?!{_SPECIAL_START}){_NAME}{_ATTRS}(?:>|\Z))*+"
    rf"(?:(?P<comment><!--)|(?P<bogus><[!?]|</(?![A-Za-z]))"
    rf"|(?P<rawtag><(?P<raw>(?i:{'|'.join(_RAW_NAMES)})){_ENDS_NAME}{_ATTRS}(?:>|\Z))"
    rf"|(?P<foreigntag><(?P<slash>/?)(?P<root>{_FOREIGN}){_ATTRS}(?:>|\Z))"
    rf"|(?P<pointtag><(?P<point>(?i:{'|'.join(_POINT_NAMES)})){_ENDS_NAME}{_ATTRS}(?:>|\Z))|\Z)"
)
# A whole tag, start or end, with its name.
_TAG_SOURCE = rf"<(/?)({_NAME}){_ATTRS}(?:>|\Z)"
_TOKEN_SOURCE = rf"<(/?{_NAME}){_ATTRS}(?:>|\Z)"
# Any «<» a start tag may begin with, and its name (where the scan lost certainty).
_START_SOURCE = rf"<({_NAME})"
_COMMENT_END_SOURCE = r"--!?>"
# What ends an escaped script text's state: «-->», or a script start or end tag (see :func:`_script_end`).
_ESCAPED_STOP_SOURCE = rf"(-->)|<(/?)(?i:script)(?=[{_WS}/>])"
# A script's end tag, or the «<!--» that escapes its text (whichever comes first): one pass over
# the script's text where a search for each would make two.
_SCRIPT_STOP_SOURCE = rf"</(?i:script){_ENDS_NAME}|<!--"
# One attribute of a start tag (for a script's «type»).
_ATTRIBUTE_SOURCE = (rf"""[{_WS}/]*+([^{_WS}/>][^{_WS}/>=]*+)(?:[{_WS}]*+=[{_WS}]*+"""
                     rf"""(?:"([^"]*+)"?|'([^']*+)'?|([^{_WS}>"'][^{_WS}>]*+))?+)?+""")


def _worst_tags(n: int) -> str:
    return "<a b='" + "<div " * (n // 5)


def _worst_attrs(n: int) -> str:
    return "<a" + " b=c d" * (n // 6) + "<!--" + "<a x='" * (n // 12)


def _pair(name: str, source: str, flags: int = 0) -> tuple[re.Pattern[str], re.Pattern[bytes]]:
    worst = (_worst_tags, _worst_attrs)
    return (_regex.compile(f"markup.{name}", source, flags | re.ASCII, worst=worst),
            _regex.compile_bytes(f"markup.{name}_BYTES", source.encode(), flags, worst=worst))


_STEP = _pair("STEP", _STEP_SOURCE)
TAG_PAIR = _pair("TAG", _TAG_SOURCE)
TAG = TAG_PAIR[0]
_TOKEN = _pair("TOKEN", _TOKEN_SOURCE)
STARTS_PAIR = _pair("START", _START_SOURCE)
STARTS = STARTS_PAIR[0]
_COMMENT_END = _pair("COMMENT_END", _COMMENT_END_SOURCE)
_ESCAPED_STOP = _pair("ESCAPED_STOP", _ESCAPED_STOP_SOURCE)
_SCRIPT_STOP = _pair("SCRIPT_STOP", _SCRIPT_STOP_SOURCE)
_ATTRIBUTE = _pair("ATTRIBUTE", _ATTRIBUTE_SOURCE)
_RAW_END = {name: _pair(f"RAW_END_{name.upper().replace('-', '_')}", f"</{name}{_ENDS_NAME}", re.IGNORECASE)
            for name in _RAW_NAMES + _POINT_NAMES}

# The script types that are code (the HTML standard's JavaScript MIME types, and modules); any other
# type marks a data block (JSON-LD, JSON, templates, a site's own metadata), kept in the tree.
_CODE_TYPES = frozenset({
    "", "module", "application/ecmascript", "application/javascript", "application/x-ecmascript",
    "application/x-javascript", "text/ecmascript", "text/javascript", "text/javascript1.0",
    "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4",
    "text/javascript1.5", "text/jscript", "text/livescript", "text/x-ecmascript", "text/x-javascript",
})

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def ascii_lower(name: str) -> str:
    """``name`` with ASCII letters lower-cased, as the tokenizer folds tag names (and nothing else)."""
    return name.lower() if name.isascii() else name.translate(_ASCII_LOWER)


def _lowered(value: str | bytes) -> str:
    """A matched name or attribute value as lower-case text (from a page's text or its bytes)."""
    return (value.decode("ascii", "replace") if isinstance(value, bytes) else value).lower()


@attrs.frozen
class Markup:
    """Where a page's markup is; offsets in characters, or in bytes for a page's bytes.

    Attributes:
        segments: The stretches that are tags and text (outside comments,
            bogus comments and raw text; a raw-text element's start tag is in).
        raw_starts: Where the raw-text elements whose text was skipped start.
        code: Where the text of each script that is code, and of each style
            sheet, lies (outside foreign content).
        uncertain: Where the scan lost certainty, if it did: a raw-text name
            holding markup where SVG or MathML may be open is raw text or
            markup as the tree builder decides, and so is what a
            ``<![CDATA[`` there holds between its first ``>`` and its
            ``]]>`` (a CDATA section's text, or markup after a bogus
            comment).  From there on nothing is
            skipped (the last segment runs to the end) and no end tag can be
            trusted to close anything (see :func:`tag_tokens`); the last
            segment is that stretch.
        roots_closed: For each ``<svg>``, ``<math>`` and ``<frameset>`` start
            tag before that point, in order, whether it closes itself.
    """

    segments: list[tuple[int, int]]
    raw_starts: set[int]
    code: list[tuple[int, int]]
    uncertain: int | None = None
    roots_closed: list[bool] = attrs.Factory(list)


def scan(html: str | bytes) -> Markup:
    """Read where ``html`` (a page's text or its UTF-8 bytes) has markup, comments and raw text."""
    k = 1 if isinstance(html, bytes) else 0
    step = _STEP[k].match
    lit: Any = _BYTES if k else _TEXT
    segments: list[tuple[int, int]] = []
    raw_starts: set[int] = set()
    code: list[tuple[int, int]] = []
    roots_closed: list[bool] = []
    length = len(html)
    pos = start = 0
    # The <svg>/<math>/<frameset> roots that may be open, innermost last, each with whether HTML
    # may be left open inside it (an integration point holding markup: its </svg> may then be
    # ignored by the tree builder, so it stays open here).  An HTML tag that breaks out of foreign
    # content is not followed: this over-counts, which only reads more as markup and leaves more
    # code in.
    roots: list[list[Any]] = []
    while pos < length:
        m = step(html, pos)  # type: ignore[arg-type]  # bytes patterns for bytes
        special = m.lastgroup if m is not None else None
        if m is None or special is None:
            break  # the end of the page
        if special == "foreigntag":
            root = m.group("root").lower()
            if m.group("slash"):
                for i in range(len(roots) - 1, -1, -1):
                    if roots[i][0] == root:
                        if not any(tainted for _, tainted in roots[i:]):
                            del roots[i:]
                        break
            else:
                closed = self_closing(html, m.end("root"), m.end())
                roots_closed.append(closed)
                if not closed:
                    roots.append([root, False])
            pos = m.end()
            continue
        if special == "pointtag":
            if roots:
                point = m.group("point")
                point = _lowered(point)
                text = html[m.end():_raw_end(html, point, m.end(), k)]
                if text.count(lit.lt) != text.count(lit.cdata):
                    roots[-1][1] = True
            pos = m.end()
            continue
        if special == "comment":
            at = m.start("comment")
            segments.append((start, at))
            pos = start = _comment_end(html, at + 4, k, lit)
            continue
        if special == "bogus":
            at = m.start("bogus")
            close = html.find(lit.gt, at + 2)
            if roots and close >= 0 and html.startswith(lit.cdata, at):
                # In SVG or MathML «<![CDATA[» opens a CDATA section, text up to «]]>»; in HTML
                # a bogus comment up to the first «>».  Where markup stands between the two ends
                # the readings part (an end tag there is text in one, a tag in the other).
                cdata_end = html.find(lit.cdata_close, close - 2)
                if html.find(lit.lt, close, length if cdata_end < 0 else cdata_end) >= 0:
                    segments += [(start, at), (at, length)]
                    return Markup(segments, raw_starts, code, at, roots_closed)
            segments.append((start, at))
            pos = start = length if close < 0 else close + 1
            continue
        tag_start, tag_end = m.start("rawtag"), m.end()
        name = m.group("raw")
        name = _lowered(name)
        if name == "plaintext":
            end = length
        elif name == "script":
            end = _script_end(html, tag_end, k, lit)
        else:
            end = _raw_end(html, name, tag_end, k)
        if roots:
            text = html[tag_end:end]
            if text.count(lit.lt) != text.count(lit.cdata):
                # Markup in foreign content, raw text outside it: the two readings part here.
                segments += [(start, tag_start), (tag_start, length)]
                return Markup(segments, raw_starts, code, tag_start, roots_closed)
        segments.append((start, tag_end))
        raw_starts.add(tag_start)
        if name == "plaintext":
            return Markup(segments, raw_starts, code, None, roots_closed)
        if not roots and (name == "style" or (name == "script" and _is_code(html, m, k))):
            code.append((tag_end, end))
        pos = start = end
    segments.append((start, length))
    return Markup(segments, raw_starts, code, None, roots_closed)


@attrs.frozen
class _Literals:
    gt: str | bytes
    lt: str | bytes
    cdata: str | bytes
    comment_open: str | bytes
    cdata_close: str | bytes


_TEXT = _Literals(">", "<", "<![CDATA[", "<!--", "]]>")
_BYTES = _Literals(b">", b"<", b"<![CDATA[", b"<!--", b"]]>")


def _comment_end(html: str | bytes, at: int, k: int, lit: _Literals) -> int:
    """Where a comment whose ``<!--`` ends at ``at`` ends (``<!-->`` and ``<!--->`` are whole ones)."""
    if html.startswith(lit.gt, at):  # type: ignore[arg-type]
        return at + 1
    if html.startswith(b"->" if k else "->", at):  # type: ignore[arg-type]
        return at + 2
    found = _COMMENT_END[k].search(html, at)  # type: ignore[arg-type]
    return len(html) if found is None else found.end()


def _raw_end(html: str | bytes, name: str, at: int, k: int) -> int:
    """Where the raw text from ``at`` ends: at its element's end tag, or at the end of the page."""
    found = _RAW_END[name][k].search(html, at)  # type: ignore[arg-type]
    return len(html) if found is None else found.start()


def _script_end(html: str | bytes, at: int, k: int, lit: _Literals) -> int:
    """Where a script's text from ``at`` ends, through its escapes.

    ``<!--`` escapes the text; inside, ``<script`` double-escapes it, where
    ``</script>`` only steps back to escaped; ``-->`` ends both.  Each state
    looks for the first of the marks that can end it, in one search from where
    it began: every stretch of the script is read once, however the marks
    alternate.
    """
    data_stop, escaped_stop = _SCRIPT_STOP[k].search, _ESCAPED_STOP[k].search
    state = 0  # 0 data, 1 escaped, 2 double-escaped
    pos = at
    while True:
        if state == 0:
            m = data_stop(html, pos)  # type: ignore[arg-type]
            if m is None:
                return len(html)
            if not html.startswith(lit.comment_open, m.start()):  # type: ignore[arg-type]
                return m.start()  # the end tag
            state, pos = 1, m.start() + 2  # its dashes may close the escape at once («<!-->»)
            continue
        m = escaped_stop(html, pos)  # type: ignore[arg-type]
        if m is None:
            return len(html)
        if m.group(1) is not None:  # -->
            state, pos = 0, m.end()
        elif m.group(2):  # </script
            if state == 1:
                return m.start()
            state, pos = 1, m.end()
        else:  # <script
            state, pos = 2, m.end()


def self_closing(html: str | bytes, name_end: int, tag_end: int) -> bool:
    """Whether the start tag whose name ends at ``name_end`` and that ends at ``tag_end`` closes itself.

    It does when it ends with ``/>`` and that ``/`` is not the last character
    of an unquoted attribute value (``<g d=x/>`` opens a ``<g>``, as the
    tokenizer reads it; ``<g d="x"/>`` and ``<g d=x />`` close themselves).
    """
    k = 1 if isinstance(html, bytes) else 0
    if not html.endswith(b"/>" if k else "/>", 0, tag_end):  # type: ignore[arg-type]
        return False
    end = tag_end - 1  # (up to its «>»)
    last: re.Match[Any] | None = None
    for last in _attributes(html, name_end, end, k):  # noqa: B007  # (the last one counts)
        pass
    return last is None or last.group(4) is None or last.end(4) != end


def has_attribute(html: str | bytes, name_end: int, tag_end: int, names: frozenset[str]) -> bool:
    """Whether the start tag whose name ends at ``name_end`` (ending at ``tag_end``) has one of ``names``.

    (A ``<font>`` with ``color``, ``face`` or ``size`` leaves SVG and MathML; one without stays in.)
    """
    k = 1 if isinstance(html, bytes) else 0
    return any(_lowered(a.group(1)) in names for a in _attributes(html, name_end, tag_end, k))


def _attributes(html: str | bytes, at: int, end: int, k: int) -> Iterator[re.Match[Any]]:
    """The attributes of a start tag from ``at`` (its name's end) to ``end``, as the tokenizer reads them."""
    attribute = _ATTRIBUTE[k].match
    while at < end and (a := attribute(html, at, end)) is not None and a.end() > at:  # type: ignore[arg-type]
        yield a
        at = a.end()


def _is_code(html: str | bytes, m: re.Match[Any], k: int) -> bool:
    """Whether the ``<script>`` start tag matched by ``m`` holds code (no ``type``, or a JavaScript one)."""
    for a in _attributes(html, m.end("raw"), m.end(), k):
        if a.group(1).lower() in ("type", b"type"):
            value = a.group(2) or a.group(3) or a.group(4) or ""
            return is_code_type(_lowered(value))  # the first «type» counts
    return True


def is_code_type(kind: str) -> bool:
    """Whether a script whose ``type`` is ``kind`` holds code (its parameters and case aside)."""
    return kind.lower().split(";")[0].strip() in _CODE_TYPES


def tag_tokens(html: str | bytes, markup: Markup) -> tuple[list[str], list[str]]:
    """The tags of ``html`` in order: ``name`` for a start tag, ``/name`` for an end tag.

    Names are lower-cased in ASCII only, as the tokenizer folds them.  The
    tags past :attr:`Markup.uncertain` come second: read there, a ``<`` may
    open a tag or stand in raw text.
    """
    certain = markup.segments
    if markup.uncertain is None:
        return _tokens(html, certain, _TOKEN), []
    return _tokens(html, certain[:-1], _TOKEN), _tokens(html, [(markup.uncertain, len(html))], STARTS_PAIR)


def _tokens(html: str | bytes, segments: list[tuple[int, int]],
            pattern: tuple[re.Pattern[str], re.Pattern[bytes]]) -> list[str]:
    if isinstance(html, bytes):
        findall_bytes = pattern[1].findall
        joined = b" ".join([t for a, b in segments for t in findall_bytes(html, a, b)])
        return joined.lower().decode("utf-8", "replace").split(" ") if joined else []
    findall = pattern[0].findall
    text = " ".join([t for a, b in segments for t in findall(html, a, b)])
    if not text:
        return []
    return (text.lower() if text.isascii() else text.translate(_ASCII_LOWER)).split(" ")
