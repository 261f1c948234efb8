"""parse(): one input to one Article, through detection and the shared enrichment step."""

from __future__ import annotations

import datetime as dt
import os
from types import MappingProxyType

import attrs

from .document import DEFAULT_MAX_BYTES, Document
from .enrich import enrich
from .errors import MideastNewsError, ParseError
from .model import Article
from .parsers.base import Parser
from .registry import ParserInfo, registry

__all__ = ["get_parser", "parse", "parse_document", "parsers", "register_parser"]

Source = str | bytes | bytearray | os.PathLike[str]


def _check_args(source: object, url: object, parser: object, ref: object) -> None:
    if not isinstance(source, (str, bytes, bytearray, memoryview, os.PathLike)):
        raise TypeError(f"source must be str, bytes or a path, not {type(source).__name__}")
    if url is not None and not isinstance(url, str):
        raise TypeError(f"url must be a string, not {type(url).__name__}")
    if parser is not None and not isinstance(parser, str):
        raise TypeError(f"parser must be a parser's name, not {type(parser).__name__}")
    if ref is not None and not isinstance(ref, dt.date):
        raise TypeError(f"ref must be a datetime.date, not {type(ref).__name__}")


def parse_document(doc: Document, *, parser: str | None = None, ref: dt.date | None = None) -> Article:
    """Parse an already decoded :class:`Document` (see :func:`parse`)."""
    if isinstance(ref, dt.datetime):
        ref = ref.date()
    if doc.is_html:
        doc.tree  # noqa: B018  # a page too deep to read is refused here, not in each parser's score()
    candidates = [registry.get(parser)] if parser else registry.candidates(doc)
    problems: list[str] = []
    article: Article | None = None
    for candidate in candidates:
        result = registry.run(candidate, doc)
        if isinstance(result, Article):
            article = result
            break
        if isinstance(result, BaseException):
            problems.append(f"{candidate.name}: {type(result).__name__}: {result}")
        else:
            problems.append(f"{candidate.name}: parse() returned {type(result).__name__}, not an Article")
    if article is None:
        raise ParseError("no parser could read this input (" + "; ".join(problems) + ")")
    if article.url is None and doc.url:
        article = attrs.evolve(article, url=doc.url)
    return enrich(article, ref=ref)


def parse(
    source: Source,
    *,
    url: str | None = None,
    parser: str | None = None,
    ref: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """Parse one news article.

    Args:
        source: The article as ``str`` (text dump or HTML, told apart
            automatically), ``bytes`` (any encoding) or a path to a file.
            A ``str`` is always content, never a path.
        url: The page's address, the strongest hint of its source.
        parser: A registered parser's name, to force it.
        ref: The day to resolve relative dates against when the article's
            own publication date is unknown.
        max_bytes: Inputs larger than this are refused (5 MB by default).

    Returns:
        The article, with dates, quotes and (where inferable) its
        publication date.

    Raises:
        ParseError: the input holds no article (empty, whitespace, binary,
            undecodable, too large, a missing file or a directory).
        PluginError: ``parser`` names no registered parser.
        TypeError: an argument has the wrong type.
    """
    _check_args(source, url, parser, ref)
    if not isinstance(max_bytes, int) or isinstance(max_bytes, bool):
        raise TypeError(f"max_bytes must be an int, not {type(max_bytes).__name__}")
    try:
        doc = Document.from_source(source, url=url, max_bytes=max_bytes)
        return parse_document(doc, parser=parser, ref=ref)
    except (MideastNewsError, TypeError):
        raise
    except (RecursionError, MemoryError, OverflowError, UnicodeError, ValueError, LookupError) as exc:
        raise ParseError(f"could not parse this input: {type(exc).__name__}: {exc}") from exc


def parsers() -> MappingProxyType[str, ParserInfo]:
    """Every known parser, by name: where it comes from and whether it loaded."""
    return registry.infos()


def get_parser(name: str) -> Parser:
    """The parser registered as ``name``.

    Raises:
        PluginError: no such parser, or it failed to load.
    """
    return registry.get(name)


def register_parser(cls: type[Parser], *, replace: bool = False) -> None:
    """Register a :class:`Parser` subclass defined at run time.

    Raises:
        PluginError: the name is taken and ``replace`` is false.
        TypeError: ``cls`` is not a :class:`Parser` subclass.
    """
    registry.register(cls, replace=replace)
