"""Document: the input as a parser sees it.

Bytes are decoded here (BOM, declared charset, then detection), text is told
apart from HTML, and the HTML tree is built only when a parser asks for it.

Two guards protect the HTML parser.  Decoding weighs the declared charset
against what the bytes are: a page that declares UTF-8 but holds
Windows-1256 bytes (or the reverse, or Latin-1 declared over Arabic bytes)
decodes with the encoding the bytes fit, and every byte that fits none is
reported in :attr:`Document.warnings`.  And because lexbor's parse time grows
quadratically with nesting depth (about 24 s at 100,000 levels), a page with
enough tags to nest that deep is measured by a linear scan *before* parsing;
tags nested deeper than :data:`MAX_DEPTH` are removed (their text is kept, in
place) and the page's warnings say so.  A page with too few tags to make lexbor
slow (:data:`TREE_FIRST_LIMIT`) is read first and measured on the tree, and
scanned only if the tree is too deep.
"""

from __future__ import annotations

import codecs
import itertools
import os
import re
import threading
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from . import _markup, _regex
from .errors import ParseError

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATTING_LIMIT",
    "MAX_DEPTH",
    "TREE_FIRST_ANY",
    "TREE_FIRST_FORMATTING",
    "TREE_FIRST_LIMIT",
    "DepthReport",
    "Document",
    "decode_bytes",
    "flatten_deep_html",
    "looks_like_html",
]

# Whitespace and the invisible marks (zero-width, bidi, BOM, soft hyphen) that
# scrapers leave behind: an input made only of these holds no article.
_BLANK = (" \t\n\r\f\v\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
          "\u200a\u2028\u2029\u202f\u205f\u3000\u00ad\u061c\u200b\u200c\u200d\u200e\u200f"
          "\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff")

_NOT_BLANK = _regex.compile("document.NOT_BLANK", "[^" + re.escape(_BLANK) + "]")

#: Inputs larger than this (in bytes, or characters for ``str``) are refused.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024

#: Elements nested deeper than this are flattened before the HTML is parsed.
MAX_DEPTH = 256

#: Formatting elements (``<b>``, ``<font>``, ``<a>`` …) left open beyond this many are removed before
#: parsing: the tree builder re-opens every one of them in each new paragraph, so unclosed ones with
#: distinct attributes make a tree as deep as their number and quadratic in size (3,000 of them, 56 KB
#: of HTML: lexbor takes 24 s and the tree is 3,000 levels deep).
FORMATTING_LIMIT = 8

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BOM_STARTS = tuple(bom for bom, _ in _BOMS)


def _worst_meta(n: int) -> str:
    return "<meta " + "charset" * (n // 7) + "\x00"


_META_CHARSET = _regex.compile(
    "document.META_CHARSET",
    r"""<meta[^>]{0,300}?charset\s{0,10}=\s{0,10}["']?\s{0,10}([A-Za-z0-9_.:-]{1,40})""",
    re.IGNORECASE,
    worst=(_worst_meta,),
)
_XML_ENCODING = _regex.compile(
    "document.XML_ENCODING",
    r"""^\s{0,100}<\?xml[^>]{0,200}?encoding\s{0,10}=\s{0,10}["']([A-Za-z0-9_.:-]{1,40})""",
    re.IGNORECASE,
)
_HTML_LANG = _regex.compile(
    "document.HTML_LANG",
    r"""<html[^>]{0,300}?\blang\s{0,10}=\s{0,10}["']?([A-Za-z]{2,3})""",
    re.IGNORECASE,
)
_PAGE_START = _regex.compile("document.PAGE_START", r"<(?:!doctype\s{1,10}html|html)[\s>]", re.IGNORECASE)
_HTML_MARKERS = _regex.compile(
    "document.HTML_MARKERS",
    r"<(?:!doctype\s+html|html|head|body|meta|article|div|p|span|title|script)[\s>/]",
    re.IGNORECASE,
)

# Arabic-script pages are mostly UTF-8 or Windows-1256; ISO-8859-6 is a
# rarer legacy.  Single-byte charsets decode any bytes, so a declared one is
# checked against what the bytes look like.
_ARABIC_SINGLE_BYTE = ("cp1256", "iso8859-6")
_RTL_LANGS = frozenset({"ar", "fa", "ur", "ps", "ku", "ckb", "sd", "ug"})


# Python text codecs that are not a page's character set: they read escapes out of the bytes (and
# warn of unknown ones), and no browser decodes a page with them (UTF-7 least of all: «+ADw-» is «<»).
_NOT_CHARSETS = frozenset({"unicode-escape", "raw-unicode-escape", "punycode", "utf-7"})


def _normalize_encoding(name: str) -> str | None:
    try:
        codec = codecs.lookup(name).name
        b"a".decode(codec, errors="replace")  # a text encoding, not rot13, base64 or zlib
    except (LookupError, ValueError):
        return None
    return None if codec in _NOT_CHARSETS else codec


def _is_single_byte(encoding: str) -> bool:
    try:
        return len(codecs.decode(b"\xe9", encoding, errors="replace")) == 1 and not encoding.startswith("utf")
    except (LookupError, ValueError):
        return False


_ARABIC_EXTRAS = "\u200c\u200f\u00ab\u00bb\u00a0"


# Counted at C speed on the UTF-8 bytes: a non-ASCII character is one lead byte (0xC2–0xF4, 0xED for a
# lone surrogate), a U+0600–U+06FF one a lead byte 0xD8–0xDB.
_UTF8_LEADS = bytes(range(0xC0, 0x100))
_ARABIC_LEADS = bytes(range(0xD8, 0xDC))
_PRESENTATION_FORMS = _regex.compile("document.PRESENTATION_FORMS", "[\ufb50-\ufeff]")


def _arabic_ratio(text: str) -> float:
    """Share of the non-ASCII characters that are Arabic-script letters or marks.

    Those are U+0600–U+06FF, the presentation forms U+FB50–U+FEFF, and
    ZWNJ, RLM, «, » and the no-break space.
    """
    raw = text.encode("utf-8", "surrogatepass")
    non_ascii = len(raw) - len(raw.translate(None, _UTF8_LEADS))
    if not non_ascii:
        return 0.0
    arabic = len(raw) - len(raw.translate(None, _ARABIC_LEADS))
    if b"\xef" in raw:  # the lead byte of U+F000–U+FFFF: there may be presentation forms
        arabic += len(text) - len(_PRESENTATION_FORMS.sub("", text))
    arabic += sum(map(text.count, _ARABIC_EXTRAS))
    return arabic / non_ascii


def _non_ascii(text: str) -> int:
    """How many characters of ``text`` are not ASCII."""
    return len(text) - len(text.encode("ascii", "ignore"))


_REPAIR = threading.local()


def _utf8_repair(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read stray bytes in a UTF-8 page as Windows-1256 when they are Arabic."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    raw = exc.object[exc.start:exc.end]
    text = bytes(raw).decode("cp1256", errors="replace")
    log: list[tuple[int, int, bool]] = getattr(_REPAIR, "log", [])
    if _arabic_ratio(text) >= 0.99:
        log.append((exc.start, exc.end, True))
        return text, exc.end
    log.append((exc.start, exc.end, False))
    return "\ufffd" * (exc.end - exc.start), exc.end


codecs.register_error("mideastnews.utf8-repair", _utf8_repair)


def _declared(head: bytes) -> tuple[str | None, str | None]:
    """The charset the page declares and its ``<html lang>``, from its first bytes."""
    text = head.decode("ascii", errors="replace")
    declared: str | None = None
    match = _XML_ENCODING.search(text) or _META_CHARSET.search(text)
    if match:
        declared = _normalize_encoding(match.group(1))
    lang_match = _HTML_LANG.search(text)
    lang = lang_match.group(1).lower() if lang_match else None
    return declared, lang


def _offsets(spans: list[tuple[int, int]]) -> str:
    shown = ", ".join(str(start) for start, _ in spans[:5])
    more = f" and {len(spans) - 5} more" if len(spans) > 5 else ""
    return f"at byte offset(s) {shown}{more}"


def _decode_utf8_repairing(data: bytes) -> tuple[str, list[str]]:
    _REPAIR.log = []
    try:
        text = data.decode("utf-8", errors="mideastnews.utf8-repair")
        log: list[tuple[int, int, bool]] = _REPAIR.log
    finally:
        _REPAIR.log = []
    warnings: list[str] = []
    repaired = [(s, e) for s, e, ok in log if ok]
    lost = [(s, e) for s, e, ok in log if not ok]
    if repaired:
        count = sum(e - s for s, e in repaired)
        warnings.append(f"{count} byte(s) not valid UTF-8 were read as Windows-1256 {_offsets(repaired)}")
    if lost:
        warnings.append(f"{sum(e - s for s, e in lost)} byte(s) could not be decoded and were replaced "
                        f"with U+FFFD {_offsets(lost)}")
    return text, warnings


_VALIDATE_CHUNK = 1 << 14


def _is_utf8(data: bytes) -> bool:
    """Whether ``data`` is valid UTF-8, checked piece by piece without building the page's text.

    Decoding a large page whole builds one string as wide as its widest
    character (four bytes a character after one emoji), several times the cost
    of decoding it in pieces that are thrown away.  The pieces are cut before
    a byte that starts a character, so each is valid exactly when the whole is.
    """
    view = memoryview(data)
    size = len(data)
    start = 0
    try:
        while start < size:
            end = start + _VALIDATE_CHUNK
            while end < size and data[end] & 0xC0 == 0x80:  # a continuation byte: not a character start
                end += 1
            str(view[start:end], "utf-8")
            start = end
    except UnicodeDecodeError:
        return False
    return True


def _misdeclared(declared: str | None, actual: str) -> list[str]:
    if declared and declared != actual:
        return [f"the page declares charset {declared!r} but its bytes are {actual!r}"]
    return []


def _as_utf8(data: bytes) -> tuple[str, ...] | None:
    """The warnings :func:`decode_bytes` gives ``data`` when it decodes it as plain UTF-8, else ``None``.

    When this is not ``None``, ``decode_bytes(data)`` is ``(data.decode("utf-8"), warnings)``: the
    bytes are the text's own UTF-8 form, and can stand for it until the text is needed.
    """
    if data.startswith(_BOM_STARTS):
        return None
    if data.isascii():
        return ()
    declared, _ = _declared(data[:8192])
    if declared and declared != "utf-8" and not _is_single_byte(declared):
        return None  # another multi-byte charset: decode_bytes tries it first
    if not _is_utf8(data):
        return None
    return tuple(_misdeclared(declared, "utf-8"))


def decode_bytes(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Decode page bytes to text, returning the text and any warnings.

    The order of evidence: a byte-order mark; then the declared charset
    (``<?xml encoding>``, ``<meta charset>``, ``<meta http-equiv>``) when the
    bytes fit it; then what the bytes are.  Bytes that are valid UTF-8 with
    non-ASCII sequences are UTF-8 whatever a single-byte declaration says
    (a multi-byte declaration that decodes cleanly is believed); a
    single-byte declaration other than an Arabic one is overruled by
    Windows-1256 when that reads the non-ASCII bytes as Arabic letters.
    Bytes that fit nothing cleanly are decoded as UTF-8 with stray Arabic
    Windows-1256 bytes repaired and the rest replaced by U+FFFD; a decode
    that leaves replacement characters is retried with the other candidates
    first, and what could not be decoded is reported with its byte offsets.

    Args:
        data: The raw page.

    Returns:
        The text and the warnings (mis-declared charsets, undecodable bytes).
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(enc, errors="replace")
            bad = text.count("\ufffd")
            return text, ((f"{bad} byte sequence(s) after the {enc} byte-order mark could not be decoded",)
                          if bad else ())
    if data.isascii():
        return data.decode("ascii"), ()
    declared, lang = _declared(data[:8192])
    warnings: list[str] = []

    def misdeclared(actual: str) -> None:
        warnings.extend(_misdeclared(declared, actual))

    utf8: str | None
    try:
        utf8 = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8 = None
        # A page cut in the middle of its last character is still UTF-8.
        if exc.reason == "unexpected end of data" and exc.end == len(data) and len(data) - exc.start < 4:
            try:
                utf8 = data[:exc.start].decode("utf-8")
            except UnicodeDecodeError:
                utf8 = None
            else:
                warnings.append(f"the input ends inside a UTF-8 character: its last {len(data) - exc.start}"
                                " byte(s) were dropped")
    if declared and declared != "utf-8" and not _is_single_byte(declared):
        try:
            return data.decode(declared), ()
        except (UnicodeDecodeError, LookupError):
            pass
    if utf8 is not None:
        misdeclared("utf-8")
        return utf8, tuple(warnings)
    # Mostly UTF-8 with a few stray bytes: keep UTF-8 and repair or report the strays.
    loose = data.decode("utf-8", errors="replace")
    bad = loose.count("\ufffd")
    good = _non_ascii(loose) - bad
    if good >= 3 * bad and (declared in (None, "utf-8") or good >= 50 * bad):
        text, problems = _decode_utf8_repairing(data)
        return text, tuple(warnings + problems)
    cp1256 = data.decode("cp1256")
    if declared and _is_single_byte(declared) and declared not in _ARABIC_SINGLE_BYTE:
        try:
            own = data.decode(declared)
        except UnicodeDecodeError:
            own = None
        rtl = lang in _RTL_LANGS
        if own is not None and not (rtl or _arabic_ratio(cp1256) >= 0.6):
            return own, ()
    if declared == "iso8859-6":
        try:
            return data.decode("iso8859-6"), ()
        except UnicodeDecodeError:
            pass
    if _arabic_ratio(cp1256) >= 0.6 or (lang in _RTL_LANGS and _arabic_ratio(cp1256) >= 0.3):
        misdeclared("cp1256")
        return cp1256, tuple(warnings)
    if declared and _is_single_byte(declared):
        return data.decode(declared, errors="replace"), tuple(warnings)
    guess = _guess_single_byte(data)
    if guess is not None:
        misdeclared(guess)
        return data.decode(guess, errors="replace"), (*warnings, f"charset guessed as {guess!r}")
    text, problems = _decode_utf8_repairing(data)
    return text, tuple(warnings + problems)


def _guess_single_byte(data: bytes) -> str | None:
    """Latin (Windows-1252) or Cyrillic (Windows-1251) text, by how its letters sit in words.

    Latin-script languages put their few non-ASCII letters inside words of
    ASCII letters; Cyrillic text is runs of non-ASCII letters.
    """
    sample = data[:65536].decode("cp1252", errors="replace")
    inside = alone = 0
    for i, ch in enumerate(sample):
        if ch > "\x7f" and ch.isalpha():
            before = sample[i - 1] if i else " "
            after = sample[i + 1] if i + 1 < len(sample) else " "
            if (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha()):
                inside += 1
            else:
                alone += 1
    if inside + alone < 3:
        return None
    return "cp1252" if inside >= alone else "cp1251"


# Control characters (C0 but tab, LF, VT, FF, CR) and U+FFFD, counted on the UTF-8 bytes: a C0
# character is its own byte, U+FFFD the sequence EF BF BD.
_CONTROL_BYTES = bytes(range(0x09)) + bytes(range(0x0E, 0x20))


def _is_binary(text: str) -> bool:
    """Whether ``text`` (decoded) is binary data: NULs, control characters, or undecodable bytes.

    Text has no control characters; random bytes decode to about one in ten
    (27 of the 256 byte values) whatever single-byte charset is guessed, so
    more than one in fifty is binary.  Replacement characters count with them
    up to one in ten, as a damaged page may hold a few.
    """
    sample = text[:8192]
    if not sample:
        return False
    if "\x00" in sample:
        return True
    raw = sample.encode("utf-8", "surrogatepass")
    controls = len(raw) - len(raw.translate(None, _CONTROL_BYTES))
    return controls > 0.02 * len(sample) or controls + raw.count(b"\xef\xbf\xbd") > 0.1 * len(sample)


def looks_like_html(text: str) -> bool:
    """Tell HTML from a plain-text dump by the tags at its start.

    A page saved with its HTTP response headers before the markup
    (``HTTP/1.1 200 OK`` …, then ``<!DOCTYPE html>``) is HTML too.
    """
    head = text[:4096].lstrip("\ufeff \t\r\n")
    if not head.startswith("<"):
        return _PAGE_START.search(head) is not None and head.startswith(("HTTP/", "http/"))
    return _HTML_MARKERS.search(head) is not None


# -- depth -------------------------------------------------------------------

_VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image",
})
# The "formatting" elements of the HTML tree builder: kept in its list of active
# formatting elements after an implied end tag pops them, and re-opened later.
_FORMATTING = frozenset({"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong",
                         "tt", "u"})
_TABLE_SECTIONS = frozenset({"tbody", "thead", "tfoot"})
# HTML start tags that close open SVG/MathML elements (the tree builder's breakout from foreign
# content), and the foreign elements inside which HTML may stand (integration points).
_BREAKOUT = frozenset({
    "br", "img", "embed", "hr", "meta", "b", "big", "blockquote", "body", "center", "code", "dd", "div",
    "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "head", "i", "li", "listing", "menu", "nobr",
    "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "table", "tt", "u",
    "ul", "var",
})
_FOREIGN_ROOTS = frozenset({"svg", "math"})
_FONT_BREAKOUT = frozenset({"color", "face", "size"})  # a <font> with one of these leaves foreign content
_INTEGRATION = frozenset({"foreignobject", "desc", "title", "annotation-xml", "mi", "mo", "mn", "ms",
                          "mtext"})
# Elements that bound the tree builder's "in scope" checks: an end tag (or the <p> an opening
# block closes) does not reach past them.  Special elements also stop the end tags of other ones
# (</span> past a <div>), and a formatting end tag past one restructures without getting shallower.
_SCOPE = frozenset({"applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
                    "button", "select", "foreignobject", "desc", "title", "mi", "mo", "mn", "ms", "mtext",
                    "annotation-xml"})
_SPECIAL = _SCOPE | frozenset({
    "option", "optgroup", "address", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote",
    "body", "br",
    "center", "col", "colgroup", "dd", "details", "dir", "div", "dl", "dt", "embed", "fieldset", "figcaption",
    "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
    "hgroup", "hr", "iframe", "img", "input", "keygen", "li", "link", "listing", "main", "menu", "meta",
    "nav", "noembed", "noframes", "noscript", "ol", "p", "param", "plaintext", "pre", "script", "search",
    "section", "select", "source", "style", "summary", "tbody", "textarea", "tfoot", "thead", "tr", "track",
    "ul", "wbr", "xmp",
})
# An open element of the same name is closed by these (an approximation of
# the HTML tree builder's implied end tags).
# (Not <optgroup>, <rb>, <rt>, <rp>: outside <select>/<ruby> they nest.)
_SELF_CLOSING_SIBLINGS = frozenset({"p", "li", "dt", "dd", "option", "tr", "td", "th", "a", "nobr", "button",
                                    "tbody", "thead", "tfoot"})
# Starting one of these closes an open <p>.
_P_CLOSERS = frozenset({
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "ul", "li",
    "listing", "search", "xmp", "plaintext", "dd", "dt",
})
# Start tags before which the tree builder does not re-open the formatting elements closed by an
# implied end tag (blocks, table parts, the head's elements, raw text): before any other it does.
_NOT_REOPENING = _P_CLOSERS | frozenset({
    "table", "hr", "form", "pre", "listing", "li", "dd", "dt", "plaintext", "textarea", "iframe", "noembed",
    "noscript", "noframes", "frameset", "frame", "param", "source", "track", "caption", "col", "colgroup",
    "tbody", "td", "tfoot", "th", "thead", "tr", "head", "html", "body", "template", "base", "basefont",
    "bgsound", "link", "meta", "script", "style", "title", "rb", "rp", "rt", "rtc",
})
# End tags that close their element only when it is "in scope" (the others stop at any special element).
_END_SCOPED = frozenset({
    "address", "article", "aside", "blockquote", "button", "center", "details", "dialog", "dir", "div", "dl",
    "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "listing", "main", "menu", "nav", "ol",
    "pre", "search", "section", "summary", "ul", "p", "li", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6",
    "applet", "marquee", "object", "table", "td", "th", "tr", "tbody", "thead", "tfoot", "caption",
    "template",
    # (a <p> or a <div> inside a <select> does not keep </select> from closing it: lexbor parses a
    # select's content as the body's, and closes what is open in it)
    "select",
})
# Table parts: outside a <table> the tree builder ignores their tags.
_TABLE_PARTS = frozenset({"td", "th", "tr", "tbody", "thead", "tfoot", "caption", "colgroup"})


@attrs.frozen
class DepthReport:
    """What the depth scan found.

    Attributes:
        depth: The deepest element nesting the page asks for (for pages within
            the limit, an upper bound of it).
        removed: How many tags (open and close) were removed to flatten it.
    """

    depth: int
    removed: int


def _without_code(html: str | bytes, code: list[tuple[int, int]]) -> str | bytes:
    """``html`` with the content of its scripts that are code and of its style sheets left out.

    Their elements stay (empty, with their attributes): no article text is in
    them, and a page can carry megabytes of them for lexbor to read.
    """
    if not code:
        return html
    ends = [0] + [end for _, end in code]
    starts = [start for start, _ in code] + [len(html)]
    keep = zip(ends, starts, strict=True)
    if isinstance(html, bytes):
        return b"".join([html[a:b] for a, b in keep])
    return "".join([html[a:b] for a, b in keep])


def _guard(html: str | bytes, limit: int = MAX_DEPTH, *, marked: _markup.Markup | None = None
           ) -> tuple[str | bytes, DepthReport, _markup.Markup | None]:
    """The page to parse (``html`` itself, or flattened), its depth report, and its markup if read.

    A page with too few tags to nest ``limit`` deep is let through unread;
    any other page is bounded by :func:`_stack_bound` (an end tag does not
    always close its element: the tree builder ignores one out of scope, so
    no count of tags by name bounds the depth), and measured and flattened
    by :func:`_flatten` only when that bound is over ``limit``.  The markup
    is that of the page returned (``None`` when the page was not read, or
    was flattened).  ``marked``, the page's markup when already scanned, is
    used as it is (and the page then bounded, however few its tags).

    Raises:
        ParseError: The page is still too deep after :data:`_FLATTEN_ROUNDS`
            more passes over what flattening left.
    """
    if marked is None:
        lt: Any = b"<" if isinstance(html, bytes) else "<"
        # Too few tags to nest that deep (counted in a first stretch first: a long page has more
        # there).  A tag opens at most three levels: its element, and the <tbody> and <tr> a cell
        # implies, or a formatting element's copy re-opened later; <html>, <head> and <body> are
        # implied.
        most = (limit - 3) // 3
        if html.count(lt, 0, 65536) <= most and (tags := html.count(lt)) <= most:
            return html, DepthReport(3 * tags + 3, 0), None
        marked = _markup.scan(html)
    bound, formatting = _stack_bound(*_markup.tag_tokens(html, marked), marked.roots_closed)
    if bound <= limit and formatting <= FORMATTING_LIMIT:
        return html, DepthReport(bound, 0), marked
    flat, report = _flatten(html, marked, limit)
    if not report.removed:
        return flat, report, marked
    # What was cut can change what the rest means (a <b> taken out of SVG no longer closes it, an
    # end tag left alone closes something else): the flattened page, as lexbor will read it, is
    # measured again, and flattened again while it needs it.
    removed = report.removed
    for _ in range(_FLATTEN_ROUNDS):
        marked = _markup.scan(flat)
        bound, formatting = _stack_bound(*_markup.tag_tokens(flat, marked), marked.roots_closed)
        if bound <= limit and formatting <= FORMATTING_LIMIT:
            break
        flat, again = _flatten(flat, marked, limit)
        if not again.removed:
            break
        removed += again.removed
    else:
        raise ParseError(f"HTML nested too deep to flatten: {report.depth} levels asked for, "
                         f"still deeper than {limit} after {_FLATTEN_ROUNDS + 1} passes")
    return flat, DepthReport(report.depth, removed), None


#: Pages with at most this many ``<`` are read by lexbor first and measured on its tree (see
#: :attr:`Document.tree`), if they open few formatting elements (:data:`TREE_FIRST_FORMATTING`).
TREE_FIRST_LIMIT = 5000
#: Pages with at most this many ``<`` are read by lexbor first whatever they hold.
TREE_FIRST_ANY = 1500
#: The most formatting start tags (not counting ``<a>`` and ``<nobr>``) a page read first may have
#: past :data:`TREE_FIRST_ANY` ``<``.
TREE_FIRST_FORMATTING = 100
# Past this size a page's scripts are large (a multi-megabyte page has few tags and much code): the
# scan, which leaves their code out before lexbor reads it, costs less than lexbor reading it.
_TREE_FIRST_BYTES = 1 << 20
# Why those numbers: lexbor's time grows with the depth times the number of tags (5,000 nested
# <div>: 40-60 ms) and with the formatting elements it re-opens in each new paragraph, which only
# formatting start tags can leave active (<a> and <nobr> close the one open before them).  The worst
# page measured within these limits takes lexbor 150-250 ms: 100 unclosed <b> with distinct
# attributes, each in a paragraph, then 4,800 more paragraphs; 1,500 «<» of the same take 30-100 ms.

_FORMATTING_START = "<" + _markup.any_name(tuple(sorted(_FORMATTING - {"a", "nobr"}))) + r"(?=[\t\n\f\r /])"
_FORMATTING_STARTS = (_regex.compile("document.FORMATTING_STARTS", _FORMATTING_START),
                      _regex.compile_bytes("document.FORMATTING_STARTS_BYTES", _FORMATTING_START.encode()))

# What makes a tree read first unfit: an element deeper than MAX_DEPTH (<html> is level 1), or a run
# of formatting elements one inside the next longer than FORMATTING_LIMIT (the tree builder re-opens
# the active ones as such a run, in every paragraph).  Child combinators only: lexbor matches them
# in at most as many steps an element as the selector is long (an :is() after a descendant
# combinator it does not always match, in selectolax 1.0).
_TOO_DEEP = ":root" + " > *" * MAX_DEPTH
# lexbor parses a selector anew at each call, in time growing with its length (70 µs for _TOO_DEEP):
# a tree with no element at a quarter of that depth (every real page) is told by a selector a
# quarter as long.  (An element deeper than MAX_DEPTH has an ancestor at each smaller depth.)
_QUARTER_DEEP = ":root" + " > *" * (MAX_DEPTH // 4)
# The same question asked of first children only, which lexbor tells from the others in one step
# (an element at that depth has a parent whose first child is at that depth too).
_QUARTER_DEEP_FIRST = ":root" + " > *" * (MAX_DEPTH // 4 - 1) + " > :first-child"
_REOPENED_RUN = " > ".join([":is(" + ",".join(sorted(_FORMATTING)) + ")"] * (FORMATTING_LIMIT + 1))
# What the code is left out of, found in the same walk of the tree as the runs (a run ends in a
# formatting element, which none of these is).
_CODE = "script, style, template, svg, math"
_CODE_TAGS = frozenset({"script", "style", "template", "svg", "math"})
_CODE_AND_RUNS = _CODE + ", " + _REOPENED_RUN
# Each walk of the tree costs lexbor about as much as a few more selectors in one walk: the depth
# question is asked in the code's walk.  A page answering it gives an element that is no code or
# one twice (lexbor gives an element once for each selector it matches), and is asked again apart.
_CODE_RUNS_AND_DEPTH = _CODE_AND_RUNS + ", " + _QUARTER_DEEP_FIRST
# Scripts and style sheets inside SVG or MathML: the scan never leaves their text out either.
_FOREIGN_CODE = "svg script, svg style, math script, math style"
_FOREIGN_ROOT_TAGS = ("svg", "math")


def _fit_to_read_first(source: str | bytes) -> bool:
    """Whether lexbor may read ``source`` before it is measured (see :data:`TREE_FIRST_LIMIT`)."""
    k = 1 if isinstance(source, bytes) else 0
    lt: Any = b"<" if k else "<"
    if len(source) > _TREE_FIRST_BYTES:
        return _at_most(source, lt, TREE_FIRST_ANY)
    tags = _count_lt(source) if isinstance(source, bytes) else source.count(lt)
    if tags <= TREE_FIRST_ANY:
        return True
    if tags > TREE_FIRST_LIMIT:
        return False
    return len(_FORMATTING_STARTS[k].findall(source)) <= TREE_FIRST_FORMATTING  # type: ignore[arg-type]


def _count_lt(source: bytes) -> int:
    """``source.count(b"<")``, in half its time or less on a page's bytes.

    ``bytes.count`` of one byte tests the bytes one by one; ``bytes.replace`` of one byte by nothing
    finds them with ``memchr``, which skips the long stretches between tags many bytes at a time.
    Each one taken out shortens the copy by one.  (Not for ``str``: its ``replace`` counts the way
    ``count`` does, then copies.)
    """
    return len(source) - len(source.replace(b"<", b""))


_COUNT_STRETCH = 1 << 16


def _at_most(source: Any, needle: Any, most: int) -> bool:
    """Whether ``source.count(needle) <= most`` (``needle`` «<»), counted stretch by stretch and stopped
    once past ``most``: a multi-megabyte page passes it within its first megabyte."""
    count = 0
    size = len(source)
    for start in range(0, size, _COUNT_STRETCH):
        if isinstance(source, bytes):
            # A stretch's copy costs less than the byte-by-byte count it spares (see _count_lt).
            count += _count_lt(source[start : start + _COUNT_STRETCH])
        else:
            count += source.count(needle, start, start + _COUNT_STRETCH)
        if count > most:
            return False
    return True


def _fit_tree(page: str | bytes) -> LexborHTMLParser | None:
    """lexbor's tree of ``page``, its code left out, if the tree is fit to keep (see :func:`_code_if_fit`)."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(page)
    found = _code_if_fit(tree.root)
    if found is None:
        return None
    _leave_out_code(tree.root, found)
    return tree


def _code_if_fit(root: Any) -> list[Any] | None:
    """The scripts, style sheets, templates and SVG/MathML roots under ``root``; ``None`` if it is unfit.

    Unfit: an element deeper than :data:`MAX_DEPTH` (``<html>`` is level 1),
    or a run of more than :data:`FORMATTING_LIMIT` formatting elements each
    the child of the last (the tree builder re-opens the active ones as such
    a run, in every paragraph).
    """
    if root is None:
        return []
    found: list[Any] = root.css(_CODE_RUNS_AND_DEPTH)
    if all(node.tag in _CODE_TAGS for node in found) and len({node.mem_id for node in found}) == len(found):
        return found  # no run, and no element at a quarter of the limit
    if root.css_first(_QUARTER_DEEP) is not None and root.css_first(_TOO_DEEP) is not None:
        return None
    found = root.css(_CODE_AND_RUNS)
    if any(node.tag in _FORMATTING for node in found):
        return None
    return found


def _leave_out_code(root: Any, found: list[Any]) -> None:
    """Empty the HTML scripts holding code and the style sheets among ``found`` (and in its templates).

    ``found``: the scripts, style sheets, templates and SVG/MathML roots under
    ``root`` (a tree's, or a template's content), in document order.
    """
    if not found:
        return
    foreign = _foreign_code(found)
    for node in found:
        tag = node.tag
        if tag in ("svg", "math"):
            continue
        if tag == "template":
            for fragment in node.template_fragments():
                _leave_out_code(fragment, fragment.css(_CODE))
            continue
        if node.mem_id in foreign:
            continue
        if tag == "script":
            kind = node.attributes.get("type")
            if kind is not None and not _markup.is_code_type(kind):
                continue  # a data block
        child = node.first_child
        while child is not None:
            after = child.next
            child.decompose()
            child = after


def _foreign_code(found: list[Any]) -> set[int]:
    """The ``mem_id`` of the scripts and style sheets among ``found`` that stand inside SVG or MathML.

    ``found`` as :func:`_leave_out_code` takes it, in document order: an SVG or MathML root
    comes before what it holds, so only what follows the first one is looked at, up its
    ancestors (no further than the tree or the template content it is in, as lexbor's
    ``svg script`` looks).  A walk of the whole tree for :data:`_FOREIGN_CODE` costs more than
    those few ancestors.
    """
    first = next((i for i, node in enumerate(found) if node.tag in _FOREIGN_ROOT_TAGS), None)
    if first is None:
        return set()
    inside: set[int] = set()
    for node in found[first + 1:]:
        if node.tag not in ("script", "style"):
            continue
        above = node.parent
        while above is not None and above.is_element_node:
            if above.tag in _FOREIGN_ROOT_TAGS:
                inside.add(node.mem_id)
                break
            above = above.parent
    return inside


def _tree_height(tree: LexborHTMLParser) -> int:
    """How many levels of elements ``tree`` has (``<html>`` is level 1)."""
    height = 0
    todo = [(tree.root, 1)]
    while todo:
        node, level = todo.pop()
        if node is None:
            continue
        height = max(height, level)
        child = node.child
        while child is not None:
            if child.is_element_node:
                todo.append((child, level + 1))
            child = child.next
    return height


#: Passes over a flattened page, measured again as lexbor will read it, before it is refused.
_FLATTEN_ROUNDS = 4

# What may stand above an SVG or MathML root that the tree builder left: a tag that breaks out of
# foreign content (<font> does with some attributes), an integration point (HTML inside), and
# what makes the root itself unsure (another root, a <frameset>, a <select>).
_LEAVES_FOREIGN = _BREAKOUT | _INTEGRATION | {"font", "svg", "math", "frameset", "select"}
_BREAKS_FOREIGN = _LEAVES_FOREIGN - _INTEGRATION  # (inside an integration point only a tag does)

# Start tags that close an element of their name on top of the stack (and so their own sibling).
_CLOSES_SIBLING_ON_TOP = frozenset({"p", "li", "dt", "dd", "option", "tr", "td", "th", "tbody", "thead",
                                    "tfoot", "button"})
# What the quick bound does with a start tag, by name (_OTHER: any other name, pushed and nothing else).
_VOID_KIND, _SIBLING, _FRAMESET, _TABLE, _ROOT, _SELECT, _FORMATTING_KIND, _OTHER = range(8)
_START_KINDS: dict[str, int] = {
    **dict.fromkeys(_VOID, _VOID_KIND), **dict.fromkeys(_CLOSES_SIBLING_ON_TOP, _SIBLING),
    "frameset": _FRAMESET, "table": _TABLE, "svg": _ROOT, "math": _ROOT, "select": _SELECT,
    **dict.fromkeys(_FORMATTING, _FORMATTING_KIND),
}


def _stack_bound(certain: list[str], uncertain: list[str], roots_closed: list[bool] | None = None
                 ) -> tuple[int, int]:
    """An upper bound of the tree builder's depth from the page's tags, and of its open formatting elements.

    A stack that closes less than the tree builder: an end tag pops its
    element only from the top (an end tag the tree builder ignores, out of
    scope or without its element, never closes anything here, and one that
    closes what stands above its element closes nothing here), and a start
    tag closes only a sibling of its name on top (not in SVG or MathML).
    The tree builder's stack then never holds more than this one, but for
    what it implies (``<html>``, ``<head>``, ``<body>``, and a table's
    ``<tbody>`` and ``<tr>``), which is added.  Void elements open nothing
    outside SVG and MathML; past where the scan lost certainty
    (``uncertain``) every tag opens one.

    With ``roots_closed`` (:attr:`_markup.Markup.roots_closed`: which of the
    ``certain`` tags' ``<svg>``, ``<math>`` and ``<frameset>`` close
    themselves) a self-closed root opens nothing, and the end tag of a root
    that surely opened SVG or MathML (not in a ``<select>``) pops everything
    above it while nothing since may have left foreign content (no tag that
    breaks out of it, no tag inside an integration point, no end tag ignored
    here whose name stands below the root), and no integration point is
    open above it: the tree builder pops the same.  Elements
    inside SVG are counted open even when they close themselves (their
    slash is not read here), and that end tag closes them.

    A page whose bound is over the limit gets :func:`_flatten`.
    """
    stack: list[str] = []
    push, pop = stack.append, stack.pop
    # Open elements by kind (see _START_KINDS): tables, SVG/MathML roots, selects, formatting.
    counts = [0] * (_OTHER + 1)
    deepest = formatting_peak = 0
    kinds, leaves, breakout, integration = _START_KINDS, _LEAVES_FOREIGN, _BREAKS_FOREIGN, _INTEGRATION
    if roots_closed is not None and len(roots_closed) != sum(map(certain.count, ("svg", "math", "frameset"))):
        roots_closed = None  # (never: one per such tag) not trusted
    # The first len(roots_closed) roots met are the certain tags' (their count was checked above).
    closed = iter(roots_closed or ())
    known_roots = len(roots_closed) if roots_closed is not None else 0
    roots: list[int] = []  # heights of the roots that surely opened SVG or MathML
    # The stack only grows between end tags: its height (two more levels a table) is taken before
    # each end tag and at the end.
    for token in itertools.chain(certain, uncertain):
        if token[0] == "/":
            if not stack:
                continue
            height = len(stack) + 2 * counts[_TABLE]
            if height > deepest:
                deepest = height
            name = token[1:]
            if stack[-1] == name:
                pop()
                counts[kinds.get(name, _OTHER)] -= 1
            elif ((name == "svg" or name == "math") and roots and stack[roots[-1] - 1] == name
                  and leaves.isdisjoint(stack[roots[-1]:])):
                for gone in stack[roots[-1] - 1:]:
                    counts[kinds.get(gone, _OTHER)] -= 1
                del stack[roots[-1] - 1:]
            else:
                # Ignored here; the tree builder, in foreign content, looks for the name down the
                # whole stack (and </p>, </br> leave it): the roots may be gone there.
                if roots and (name == "p" or name == "br" or name in stack[:roots[-1] - 1]):
                    roots.clear()
                continue
            while roots and roots[-1] > len(stack):
                roots.pop()
            continue
        if roots and (token in breakout or stack[-1] in integration):
            roots.clear()  # the tree builder may have left foreign content (or opened HTML in it)
        kind = kinds.get(token, _OTHER)
        if kind == _VOID_KIND:
            if not counts[_ROOT]:
                continue
        elif kind == _SIBLING:
            if stack and stack[-1] == token and not counts[_ROOT]:
                continue  # closes its sibling and opens itself: the same depth (not in SVG or MathML)
        elif kind in (_ROOT, _FRAMESET):
            known = known_roots > 0
            known_roots -= 1
            if known and next(closed) and kind == _ROOT:
                continue  # <svg/>: opens nothing
            if kind == _ROOT and known and not counts[_SELECT]:
                roots.append(len(stack) + 1)
        elif kind == _FORMATTING_KIND and counts[kind] + 1 > formatting_peak:
            formatting_peak = counts[kind] + 1
        push(token)
        counts[kind] += 1
    return max(deepest, len(stack) + 2 * counts[_TABLE]) + 3, formatting_peak


def flatten_deep_html(html: str, limit: int = MAX_DEPTH) -> tuple[str, DepthReport]:
    """Measure the nesting depth of ``html`` in one linear scan and flatten it below ``limit``.

    The scan follows the HTML tree builder closely enough to bound what
    lexbor will build: raw-text elements (``script``, ``style``, …) and
    comments are skipped, void elements and self-closed foreign elements do
    not nest, an end tag closes the nearest open element of its name (a
    stray one is ignored), and ``<p>``, ``<li>``, ``<td>``, … close an open
    sibling of their kind.  Tags that would open deeper than ``limit`` are
    removed together with their end tags; the text between them stays where
    it was, so no content is lost, only its nesting.  Formatting elements
    (``<b>``, ``<font>``, ``<a>`` …) stay active after an implied end tag
    closes them and the tree builder re-opens them all in each new paragraph;
    beyond :data:`FORMATTING_LIMIT` active ones, their start tags are removed
    too.

    Args:
        html: The page.
        limit: The deepest nesting kept.

    A page with too few ``<`` to nest ``limit`` deep is returned unread
    (its :attr:`DepthReport.depth` is three levels a ``<``, and three).

    Returns:
        The page (unchanged when within the limit) and a :class:`DepthReport`.
    """
    flat, report, _ = _guard(html, limit)
    assert isinstance(flat, str)
    return flat, report


def _flatten(html: str | bytes, marked: _markup.Markup, limit: int) -> tuple[str | bytes, DepthReport]:
    """The scan of :func:`flatten_deep_html`, on the text or the UTF-8 bytes :func:`_markup.scan` read."""
    segments, raw_starts = marked.segments, marked.raw_starts
    k = 1 if isinstance(html, bytes) else 0

    stack: list[str] = []
    phantom: list[bool] = []
    open_count: dict[str, int] = {}
    cuts: list[tuple[int, int]] = []
    deepest = depth = foreign = 0
    # Heights on the stack of open <svg>/<math> roots and of integration points inside them
    # (entries go stale when the stack shrinks; each use drops the stale ones from the top).
    roots: list[int] = []
    points: list[int] = []
    # The same for every element by name, and for the scope and special elements.
    where: dict[str, list[int]] = {}
    framesets = cut_framesets = 0  # <frameset> nests in a mode of its own, beside this stack
    scopes: list[int] = []
    specials: list[int] = []

    def nearest(heights: list[int], names: frozenset[str]) -> int:
        """Height of the nearest open element of ``names`` recorded in ``heights`` (0: none)."""
        height = len(stack)
        while heights and (heights[-1] > height or stack[heights[-1] - 1] not in names):
            heights.pop()
        return heights[-1] if heights else 0

    def nearest_named(heights: list[int], name: str) -> int:
        height = len(stack)
        while heights and (heights[-1] > height or stack[heights[-1] - 1] != name):
            heights.pop()
        return heights[-1] if heights else 0

    # Formatting elements active (open, or popped by an implied end tag and so re-opened later).
    active = 0

    def in_foreign_content() -> bool:
        """Whether the innermost SVG or MathML root is open with no integration point open in it."""
        root = nearest(roots, _FOREIGN_ROOTS)
        return root > 0 and nearest(points, _INTEGRATION) <= root

    def break_out() -> None:
        """Leave SVG and MathML as the tree builder does for a tag that breaks out of them."""
        nonlocal active, foreign
        nearest(roots, _FOREIGN_ROOTS)
        nearest(points, _INTEGRATION)
        if roots and not (points and points[-1] > roots[0]):
            while len(stack) >= roots[0]:
                top = stack.pop()
                if not phantom.pop() and top in formatting:
                    active -= 1
                open_count[top] -= 1
                if top in ("svg", "math"):
                    foreign = max(0, foreign - 1)
            roots.clear()

    floating: dict[str, int] = {}

    def reopen() -> None:
        """Push the formatting elements an implied end tag closed: the tree builder re-opens them."""
        for again, count in floating.items():
            for _ in range(count):
                heights = where.setdefault(again, [])
                nearest_named(heights, again)
                heights.append(len(stack) + 1)
                stack.append(again)
                phantom.append(False)
                open_count[again] = open_count.get(again, 0) + 1
        floating.clear()

    formatting = _FORMATTING
    void = _VOID
    siblings = _SELF_CLOSING_SIBLINGS
    p_closers = _P_CLOSERS - {"table"}  # in quirks mode (no doctype) a <table> stays inside the <p>
    finditer: Any = _markup.TAG_PAIR[k].finditer
    text_end = 0  # where the last tag ended: what stands between it and the next is text
    for seg_start, seg_end in segments if marked.uncertain is None else segments[:-1]:
        for m in finditer(html, seg_start, seg_end):
            if m.start() > text_end and not foreign and floating:
                # Text (blanks too) re-opens them before it is inserted, in the element open there:
                # «<p><b><div>x» nests a <b> in each <div>.  (Read wherever something other than a
                # tag stands, a comment or a script's text too: only ever deeper.)
                reopen()
            text_end = m.end()
            slash, name = m.groups()
            if k:
                name = name.lower().decode("latin-1")  # (ASCII letters only, as the tokenizer folds)
            elif not name.islower():
                name = _markup.ascii_lower(name)
            if slash:  # end tag
                if foreign and name in ("p", "br"):
                    break_out()  # (in SVG or MathML these two leave it, then act in HTML)
                if name == "frameset":
                    if cut_framesets:
                        cut_framesets -= 1
                        cuts.append((m.start(), m.end()))
                    elif framesets:
                        framesets -= 1
                    continue
                if not open_count.get(name):
                    if floating.get(name):
                        floating[name] -= 1
                        active -= 1
                    continue
                if name in ("body", "html", "form") or (name == "head" and stack[-1] != "head"):
                    continue  # these end tags never pop what is open inside them (counted deeper: safe)
                target = nearest_named(where[name], name)
                barrier = nearest(scopes, _SCOPE) if name in _END_SCOPED else nearest(specials, _SPECIAL)
                if name == "li":  # list item scope: an open <ul>/<ol> above the <li> stops it
                    barrier = max(barrier, nearest_named(where.get("ul", []), "ul"),
                                  nearest_named(where.get("ol", []), "ol"))
                if name in ("svg", "math") and foreign and in_foreign_content() and roots[-1] == target:
                    # Above the innermost root all is SVG or MathML: no element there bounds the end
                    # tag (a <td> in MathML does not), and the tree builder pops down to the root.
                    barrier = 0
                if barrier > target:  # out of scope: the tree builder ignores it
                    continue
                while stack:
                    top = stack.pop()
                    ghost = phantom.pop()
                    open_count[top] -= 1
                    if top in ("svg", "math"):
                        foreign -= 1
                    if top in formatting and not ghost:
                        if top == name:
                            active -= 1
                        else:
                            floating[top] = floating.get(top, 0) + 1
                    if top == name:
                        if ghost:
                            cuts.append((m.start(), m.end()))
                        break
                depth = len(stack)
                continue
            if name in void and not foreign:
                continue
            if name in ("body", "html") and not foreign and open_count.get(name):
                continue  # merged into the open one
            if name in _TABLE_PARTS and not foreign and not open_count.get("table"):
                continue  # outside a table the tree builder ignores it
            if name == "frameset" and not foreign:
                if framesets >= 8:
                    cut_framesets += 1
                    cuts.append((m.start(), m.end()))
                else:
                    framesets += 1
                continue
            if (((foreign and in_foreign_content()) or name in ("svg", "math")) and name not in _BREAKOUT
                    and _markup.self_closing(html, m.end(2), m.end())):
                continue  # foreign content: a self-closing tag (<path/>) opens nothing (<div/> is HTML)
            if foreign and (name in _BREAKOUT or (name == "font" and _markup.has_attribute(
                    html, m.end(2), m.end(), _FONT_BREAKOUT))):
                break_out()
            if name in void and (not foreign or name in _BREAKOUT):
                continue
            # In SVG and MathML none of the HTML tree builder's closing rules apply (an <a>, a <td>
            # or a <section> there is an SVG element, nested like any other): where foreign content
            # may be open they are not followed, which only reads the page deeper.
            if stack and not foreign:
                if name in siblings and stack[-1] == name:
                    stack.pop()
                    if not phantom.pop() and name in formatting:
                        active -= 1
                    open_count[name] -= 1
                elif (name in p_closers and open_count.get("p")
                      and nearest_named(where["p"], "p") > nearest(scopes, _SCOPE)):
                    while stack:
                        top = stack.pop()
                        if not phantom.pop() and top in formatting:
                            floating[top] = floating.get(top, 0) + 1
                        open_count[top] -= 1
                        if top == "p":
                            break
            if name == "a" and floating.get("a") and not foreign:  # a new link closes the one still active
                floating["a"] -= 1
                active -= 1
            if not foreign and name not in _NOT_REOPENING and any(floating.values()):
                # The tree builder re-opens the formatting elements an implied end tag closed before
                # most start tags that are not blocks (and before text): where they stay open (under
                # an <object>, an <applet>, a <marquee> opened next) they nest.
                reopen()
            # Tables: a new row or cell closes the open cell (and row); a row or cell
            # straight in a table gets the <tbody> (and <tr>) the tree builder implies.
            implied: tuple[str, ...] = ()
            if name in ("tr", "td", "th") and not foreign:
                while stack and (stack[-1] in ("td", "th") or (name == "tr" and stack[-1] == "tr")):
                    open_count[stack.pop()] -= 1
                    phantom.pop()
                top = stack[-1] if stack else ""
                if top == "table":
                    implied = ("tbody",) if name == "tr" else ("tbody", "tr")
                elif top in _TABLE_SECTIONS and name != "tr":
                    implied = ("tr",)
            depth = len(stack) + len(implied)
            ghost = ((depth >= limit and m.start() not in raw_starts)
                     or (name in formatting and active >= FORMATTING_LIMIT))
            if not ghost:
                for part in implied:
                    # Recorded like an opened element, so that its end tag finds it.
                    heights = where.setdefault(part, [])
                    nearest_named(heights, part)
                    heights.append(len(stack) + 1)
                    nearest(specials, _SPECIAL)
                    specials.append(len(stack) + 1)
                    stack.append(part)
                    phantom.append(False)
                    open_count[part] = open_count.get(part, 0) + 1
            if name in formatting and not ghost:
                active += 1
            if ghost:
                cuts.append((m.start(), m.end()))
            if name in ("svg", "math"):
                foreign += 1
                if not ghost:
                    while roots and (roots[-1] > depth or stack[roots[-1] - 1] not in ("svg", "math")):
                        roots.pop()
                    roots.append(len(stack) + 1)
            elif foreign and not ghost and name in _INTEGRATION:
                while points and (points[-1] > depth or stack[points[-1] - 1] not in _INTEGRATION):
                    points.pop()
                points.append(len(stack) + 1)
            named = where.get(name)
            if named is None:
                where[name] = [len(stack) + 1]
            else:
                nearest_named(named, name)
                named.append(len(stack) + 1)
            if not ghost and name in _SPECIAL:
                nearest(specials, _SPECIAL)
                specials.append(len(stack) + 1)
                if name in _SCOPE:
                    nearest(scopes, _SCOPE)
                    scopes.append(len(stack) + 1)
            stack.append(name)
            phantom.append(ghost)
            open_count[name] = open_count.get(name, 0) + 1
            if depth >= deepest:
                deepest = depth + 1
    if marked.uncertain is not None:
        # Past where the scan lost certainty every «<name» may open an element and nothing is
        # trusted to close one: those deeper than the limit lose their «<…» (up to the next «<»).
        depth = len(stack)
        for m in _markup.STARTS_PAIR[k].finditer(html, marked.uncertain):  # type: ignore[arg-type]
            depth += 1
            deepest = max(deepest, depth)
            if depth >= limit:
                tag = _markup.TAG_PAIR[k].match(html, m.start())  # type: ignore[arg-type]
                after = html.find(b"<" if k else "<", m.start() + 1)  # type: ignore[arg-type]
                end = tag.end() if tag is not None else m.end()
                cuts.append((m.start(), end if after < 0 else min(end, after)))
    if not cuts:
        return html, DepthReport(deepest, 0)
    cuts.sort()
    pieces: list[Any] = []
    last = 0
    for start, end in cuts:
        pieces.append(html[last:start])
        last = end
    pieces.append(html[last:])
    return (b"" if k else "").join(pieces), DepthReport(deepest, len(cuts))


# Enough of a page's UTF-8 to hold its first 8,192 characters (at most four bytes each, and a
# character cut at the end): what the checks on a page's start read.
_HEAD_BYTES = 4 * 8192 + 3


@attrs.define(slots=True, eq=False)
class Document:
    """A decoded input, ready for a parser.

    Attributes:
        url: The page's address, when known.
        is_html: Whether :attr:`text` is HTML.
        warnings: What decoding (and, once :attr:`tree` is built, the depth
            guard) could not do cleanly.
        name: Where the input came from (a path), for messages.
    """

    _text: str | None = attrs.field(alias="text", repr=False)
    url: str | None = None
    is_html: bool = False
    warnings: tuple[str, ...] = ()
    name: str | None = None
    # A page read from bytes that are plain UTF-8 keeps them: the depth scan and lexbor read them
    # as they are, and the text is decoded only when something asks for it.
    # (A keyword of its own, not a public one, so that attrs.evolve carries it over.)
    _utf8: bytes | None = attrs.field(default=None, kw_only=True, repr=False, alias="_utf8")
    __dict__: dict[str, Any] = attrs.field(factory=dict, init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self._text is None and self._utf8 is None:
            raise TypeError("a Document needs its text")

    @property
    def text(self) -> str:
        """The decoded text (HTML source or text dump).

        A page read from bytes that are plain UTF-8 is decoded when this is
        first read: the depth scan and lexbor read its bytes as they are.
        """
        text = self._text
        if text is None:
            assert self._utf8 is not None  # (checked when built)
            text = self._text = self._utf8.decode("utf-8")
        return text

    def contains(self, needle: str) -> bool:
        """Whether the input's text holds ``needle`` (without decoding a page read from UTF-8 bytes)."""
        if self._text is None and self._utf8 is not None:
            return needle.encode("utf-8") in self._utf8
        return needle in self.text

    @classmethod
    def from_source(
        cls,
        source: str | bytes | bytearray | memoryview | os.PathLike[str],
        *,
        url: str | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> Document:
        """Build a document from text, bytes or a path.

        A ``str`` is always content, never a path.

        Raises:
            TypeError: ``source`` is not ``str``, ``bytes`` or path-like.
            ParseError: the input holds no article (empty, binary, too large,
                a missing file, a directory).
        """
        name: str | None = None
        if isinstance(source, os.PathLike):
            path = Path(source)
            name = str(path)
            try:
                if path.is_dir():
                    raise ParseError(f"{path} is a directory, not a file")
                size = path.stat().st_size
                if size > max_bytes:
                    raise ParseError(f"{path} is {size} bytes, over the limit of {max_bytes}")
                source = path.read_bytes()
            except FileNotFoundError:
                raise ParseError(f"no such file: {path}") from None
            except OSError as exc:
                raise ParseError(f"cannot read {path}: {exc}") from exc
        warnings: tuple[str, ...] = ()
        text: str | None = None
        utf8: bytes | None = None
        if isinstance(source, (bytes, bytearray, memoryview)):
            data = bytes(source)
            if len(data) > max_bytes:
                raise ParseError(f"input is {len(data)} bytes, over the limit of {max_bytes}")
            plain = _as_utf8(data)
            if plain is not None:
                utf8, warnings = data, plain
                head = data[:_HEAD_BYTES].decode("utf-8", "ignore")  # (only a character cut at the end)
                if _NOT_BLANK.search(head) is None and len(data) > _HEAD_BYTES:
                    text, utf8 = data.decode("utf-8"), None
            else:
                try:
                    text, warnings = decode_bytes(data)
                except (UnicodeError, LookupError) as exc:  # pragma: no cover - decode_bytes replaces
                    raise ParseError(f"the bytes could not be decoded: {exc}") from exc
        elif isinstance(source, str):
            text = source
            if len(text) > max_bytes:
                raise ParseError(f"input is {len(text)} characters, over the limit of {max_bytes}")
        else:
            raise TypeError(f"source must be str, bytes or a path, not {type(source).__name__}")
        if text is not None:
            head = text
        if _NOT_BLANK.search(head) is None:  # (strip() would copy a whole page to say so)
            raise ParseError("input is empty" if not head else "input is only whitespace and invisible marks")
        if _is_binary(head):
            raise ParseError("input is binary, not text or HTML")
        return cls(text=text, url=url, is_html=looks_like_html(head), warnings=warnings, name=name,
                   _utf8=utf8)

    @cached_property
    def lines(self) -> tuple[str, ...]:
        """The text's lines, without line ends (text dumps: one element per line)."""
        return tuple(self.text.splitlines())

    @cached_property
    def depth(self) -> DepthReport:
        """The HTML's nesting depth.

        For a page lexbor read first (see :attr:`tree`), the height of its
        tree (``<html>`` is level 1), nothing removed.  For any other page,
        what the linear scan measured (see :func:`flatten_deep_html`): for a
        page within the limit an upper bound, for a deeper one the depth it
        asks for and how many tags were flattened.
        """
        tree, scanned = self._built
        return scanned if scanned is not None else DepthReport(_tree_height(tree), 0)

    def _scanned(self, source: str | bytes, marked: _markup.Markup | None) -> tuple[str | bytes, DepthReport]:
        """What lexbor reads of a page measured first: flattened if need be, without its code."""
        html, report, marked = _guard(source, marked=marked)
        if report.removed:
            where = (f"HTML nested {report.depth} levels deep: {report.removed} tag(s) below depth "
                     f"{MAX_DEPTH}" if report.depth > MAX_DEPTH else
                     f"HTML leaving formatting elements open more than {FORMATTING_LIMIT} deep: "
                     f"{report.removed} tag(s)")
            self.warnings = (*self.warnings, f"{where} were flattened before parsing (their text is kept)")
        if marked is None:
            marked = _markup.scan(html)
        return _without_code(html, marked.code), report

    @cached_property
    def tree(self) -> LexborHTMLParser:
        """The HTML tree (selectolax's lexbor backend), built on first use.

        A page with too few tags to make lexbor slow (at most
        :data:`TREE_FIRST_ANY` ``<``, or :data:`TREE_FIRST_LIMIT` with at most
        :data:`TREE_FIRST_FORMATTING` formatting start tags that carry
        attributes, and under 1 MB; or so once the scan has left its scripts'
        code out) is read by lexbor first and the tree is measured: when no
        element stands deeper than :data:`MAX_DEPTH` and no run of more than
        :data:`FORMATTING_LIMIT` nested formatting elements was opened, the
        tree is kept.  Any other page is measured by a linear scan before
        parsing, and pathological nesting flattened (see
        :func:`flatten_deep_html`); a warning is added to :attr:`warnings`
        when anything was flattened.  Either way the code of JavaScript
        ``<script>`` elements and of style sheets is left out (the elements
        stay, empty); data blocks (JSON-LD, JSON, a site's metadata) keep
        their text.
        """
        return self._built[0]

    @cached_property
    def _built(self) -> tuple[LexborHTMLParser, DepthReport | None]:
        """The tree, and what the scan measured when the page was scanned before parsing."""
        from selectolax.lexbor import LexborHTMLParser

        source: str | bytes = self._utf8 if self._utf8 is not None else self.text
        marked = None
        if _fit_to_read_first(source):
            tree = _fit_tree(source)
            if tree is not None:
                return tree, None
        else:
            # Many «<» may be in scripts: without their code (which the scan finds) the page may be
            # few tags enough to read first.
            marked = _markup.scan(source)
            without_code = _without_code(source, marked.code)
            if without_code is not source and _fit_to_read_first(without_code):
                tree = _fit_tree(without_code)
                if tree is not None:
                    return tree, None
        html, report = self._scanned(source, marked)
        return LexborHTMLParser(html), report
