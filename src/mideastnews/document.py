"""Document: the input as a parser sees it.

Bytes are decoded here (BOM, declared charset, then detection), text is told
apart from HTML, and the HTML tree is built only when a parser asks for it.
"""

from __future__ import annotations

import codecs
import os
import re
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from . import _regex
from .errors import ParseError

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser

__all__ = ["DEFAULT_MAX_BYTES", "Document", "decode_bytes", "looks_like_html"]

#: Inputs larger than this (in bytes, or characters for ``str``) are refused.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_META_CHARSET = _regex.compile(
    "document.META_CHARSET",
    r"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""",
    re.IGNORECASE,
)
_HTML_MARKERS = _regex.compile(
    "document.HTML_MARKERS",
    r"<(?:!doctype\s+html|html|head|body|meta|article|div|p|span|title|script)[\s>/]",
    re.IGNORECASE,
)

# Arabic-script pages are mostly UTF-8 or Windows-1256; ISO-8859-6 is a
# rarer legacy.  Tried in this order when nothing declared works.
_FALLBACK_ENCODINGS = ("utf-8", "cp1256")


def _normalize_encoding(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Decode page bytes to text, returning the text and any warnings.

    The BOM wins, then a declared charset that decodes cleanly, then UTF-8,
    then Windows-1256.  A page whose declared charset is wrong (UTF-8
    declared for cp1256 bytes, or the reverse) decodes with the encoding that
    leaves no error.  What could not be decoded is replaced and reported.

    Raises:
        ParseError: the bytes are binary, not text.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), ()
            except UnicodeDecodeError:
                break
    head = data[:4096].decode("ascii", errors="replace")
    candidates: list[str] = []
    match = _META_CHARSET.search(head)
    if match:
        declared = _normalize_encoding(match.group(1))
        if declared:
            candidates.append(declared)
    for enc in _FALLBACK_ENCODINGS:
        if enc not in candidates:
            candidates.append(enc)
    for enc in candidates:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        return text, ()
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    return text, (f"{bad} byte sequence(s) could not be decoded as UTF-8 or Windows-1256 and were replaced",)


def _is_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    if "\x00" in sample:
        return True
    controls = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f\v") or c == "\ufffd")
    return controls / len(sample) > 0.1


def looks_like_html(text: str) -> bool:
    """Tell HTML from a plain-text dump by the tags at its start."""
    head = text[:4096].lstrip("\ufeff \t\r\n")
    if not head.startswith("<"):
        return False
    return _HTML_MARKERS.search(head) is not None


@attrs.define(slots=True, eq=False)
class Document:
    """A decoded input, ready for a parser.

    Attributes:
        text: The decoded text (HTML source or text dump).
        url: The page's address, when known.
        is_html: Whether ``text`` is HTML.
        warnings: What decoding could not do cleanly.
        name: Where the input came from (a path), for messages.
    """

    text: str
    url: str | None = None
    is_html: bool = False
    warnings: tuple[str, ...] = ()
    name: str | None = None
    __dict__: dict[str, Any] = attrs.field(factory=dict, init=False, repr=False)

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
        if isinstance(source, (bytes, bytearray, memoryview)):
            data = bytes(source)
            if len(data) > max_bytes:
                raise ParseError(f"input is {len(data)} bytes, over the limit of {max_bytes}")
            text, warnings = decode_bytes(data)
        elif isinstance(source, str):
            text = source
            if len(text) > max_bytes:
                raise ParseError(f"input is {len(text)} characters, over the limit of {max_bytes}")
        else:
            raise TypeError(f"source must be str, bytes or a path, not {type(source).__name__}")
        if not text.strip():
            raise ParseError("input is empty" if not text else "input is only whitespace")
        if _is_binary(text):
            raise ParseError("input is binary, not text or HTML")
        return cls(text=text, url=url, is_html=looks_like_html(text), warnings=warnings, name=name)

    @cached_property
    def lines(self) -> tuple[str, ...]:
        """The text's lines, without line ends (text dumps: one element per line)."""
        return tuple(self.text.splitlines())

    @cached_property
    def tree(self) -> LexborHTMLParser:
        """The HTML tree (selectolax's lexbor backend), built on first use."""
        from selectolax.lexbor import LexborHTMLParser

        return LexborHTMLParser(self.text)
