"""ParserContract: the base test class a parser plugin's test suite subclasses.

Like the base tests pandas ships for extension arrays: subclass it in your
own test module, name the parser class and give samples, and pytest runs
every check of the contract mideastnews relies on::

    from mideastnews.testing import ParserContract
    from mn_tasnim import TasnimParser

    class TestTasnimParser(ParserContract):
        parser_class = TasnimParser
        text_samples = (Path(__file__).parent / "samples" / "fa_politics.txt",)
        require_installed = True   # the entry point must be installed

The checks: the registry contract (metadata attributes, a
:class:`~mideastnews.Parser` subclass, ``score`` within 0..1, registered and
chosen by :func:`mideastnews.parse` for its domains), the *nothing lost*
invariant on text dumps, :meth:`~mideastnews.Article.to_dict` /
:meth:`~mideastnews.Article.from_dict` round trips, pickling, and error
behaviour (empty or whitespace input gives :class:`~mideastnews.ParseError`,
and nothing but ``ParseError`` ever escapes ``parse``).
"""

from __future__ import annotations

import contextlib
import json
import os
import pickle
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import ClassVar

import pytest
from hypothesis import HealthCheck, given, reject, settings

from .. import _regex
from ..api import get_parser, parse, parsers, register_parser
from ..document import Document
from ..errors import ParseError
from ..model import Article
from ..parsers.base import Parser
from ..registry import MIN_SCORE, registry
from .invariants import lost_words
from .strategies import article_texts

__all__ = ["ParserContract"]

_NAME = _regex.compile("testing.PARSER_NAME", r"[a-z][a-z0-9_]{0,40}")
_LANGUAGE = _regex.compile("testing.LANGUAGE", r"[a-z]{2,3}")

# One test function serves every subclass: differing executors are expected.
_PROPERTY = settings(max_examples=40, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.differing_executors])


def _read(sample: str | os.PathLike[str]) -> str:
    if isinstance(sample, os.PathLike):
        return Path(sample).read_text(encoding="utf-8")
    return sample


class ParserContract:
    """Base class of a parser plugin's contract tests (pytest, hypothesis).

    Subclass it as ``Test<Something>`` and set the class attributes; every
    ``test_*`` method then runs against your parser.  This class itself is
    not collected (``__test__ = False``); subclasses are, unless they set
    ``__test__ = False`` themselves.
    """

    __test__: ClassVar[bool] = False

    #: The :class:`~mideastnews.Parser` subclass under test (required).
    parser_class: ClassVar[type[Parser]]
    #: Text dumps of the source's articles, as ``str`` content or paths to
    #: UTF-8 files.  At least one text or HTML sample is required.
    text_samples: ClassVar[Sequence[str | os.PathLike[str]]] = ()
    #: HTML pages of the source, as ``str`` content or paths.
    html_samples: ClassVar[Sequence[str | os.PathLike[str]]] = ()
    #: The address the samples are parsed with; by default
    #: ``https://www.<first domain>/``.
    sample_url: ClassVar[str | None] = None
    #: Fail unless the parser comes from its installed ``mideastnews.parsers``
    #: entry point (set it in the plugin's own suite).  When false, a parser
    #: that is not installed is registered with
    #: :func:`~mideastnews.register_parser` for the duration of a test.
    require_installed: ClassVar[bool] = False
    #: Whether ``score()`` alone recognises the samples, so
    #: :func:`mideastnews.parse` picks this parser with no URL given.
    detects_without_url: ClassVar[bool] = True

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if "__test__" not in cls.__dict__:
            cls.__test__ = True

    # -- helpers ----------------------------------------------------------
    @property
    def url(self) -> str | None:
        """The address samples are parsed with (``None`` for a parser with no domain)."""
        if self.sample_url is not None:
            return self.sample_url
        domains = self.parser_class.domains
        return f"https://www.{domains[0]}/" if domains else None

    def texts(self) -> list[str]:
        """The text samples, read."""
        return [_read(s) for s in self.text_samples]

    def htmls(self) -> list[str]:
        """The HTML samples, read."""
        return [_read(s) for s in self.html_samples]

    def documents(self) -> list[Document]:
        """Every sample as a :class:`~mideastnews.Document` with the address ``url``."""
        return [Document.from_source(s, url=self.url) for s in self.texts() + self.htmls()]

    # -- fixtures ---------------------------------------------------------
    @pytest.fixture
    def parser(self) -> Parser:
        """Fixture: a fresh instance of ``parser_class``."""
        return self.parser_class()

    @contextlib.contextmanager
    def registration(self) -> Iterator[Parser]:
        """The parser as the registry holds it, registered for the duration if it is not installed.

        Fails the test when ``require_installed`` is set and no entry
        point provides the parser, or when the registry could not load it.
        """
        name = self.parser_class.name
        info = parsers().get(name)
        added = False
        if info is None:
            if self.require_installed:
                pytest.fail(f"no parser named {name!r} is installed: is the package's "
                            f"'mideastnews.parsers' entry point declared, and the package installed?")
            register_parser(self.parser_class)
            added = True
        elif info.status == "failed":
            pytest.fail(f"the registry could not load {name!r}: {info.error}")
        try:
            yield get_parser(name)
        finally:
            if added:
                registry.unregister(name)

    @pytest.fixture
    def registered(self) -> Iterator[Parser]:
        """Fixture: :meth:`registration` around one test."""
        with self.registration() as parser:
            yield parser

    # -- metadata and the registry ---------------------------------------
    def test_has_samples(self) -> None:
        """The suite gives at least one sample article."""
        assert self.text_samples or self.html_samples, "set text_samples or html_samples"

    def test_is_parser_subclass(self) -> None:
        """The class subclasses :class:`mideastnews.Parser` and instantiates with no arguments."""
        assert isinstance(self.parser_class, type)
        assert issubclass(self.parser_class, Parser)
        assert isinstance(self.parser_class(), Parser)

    def test_declares_metadata(self) -> None:
        """``name``, ``domains`` and ``languages`` are well-formed class attributes."""
        cls = self.parser_class
        assert isinstance(cls.name, str), "name must be a string"
        assert _NAME.fullmatch(cls.name), f"name must be a lowercase identifier, not {cls.name!r}"
        assert isinstance(cls.domains, tuple), "domains must be a tuple of host names"
        for domain in cls.domains:
            assert isinstance(domain, str), domain
            assert domain == domain.lower().strip(), f"domains are lowercase hosts, not {domain!r}"
            assert not any(c in domain for c in "/: "), f"domains are bare hosts, not {domain!r}"
            assert not domain.startswith("www."), f"'www.' is implied: {domain!r}"
        assert isinstance(cls.languages, tuple), "languages must be a tuple"
        assert cls.languages, "languages must not be empty"
        for language in cls.languages:
            assert isinstance(language, str), language
            assert _LANGUAGE.fullmatch(language), f"languages are codes like 'fa', not {language!r}"
        assert isinstance(cls.aliases, tuple)

    def test_registered(self, registered: Parser) -> None:
        """The registry lists the parser as loaded, with its domains and languages."""
        cls = self.parser_class
        assert type(registered).__qualname__ == cls.__qualname__
        assert type(registered).__module__ == cls.__module__
        info = parsers()[cls.name]
        assert info.status == "loaded", info.error
        assert info.domains == cls.domains
        assert info.languages == cls.languages
        if self.require_installed:
            assert info.target is not None, "expected an installed entry point, not a run-time registration"
            assert not info.builtin

    def test_claims_its_domains(self, parser: Parser) -> None:
        """``claims_url`` accepts the parser's domains and their subdomains."""
        for domain in parser.domains:
            assert parser.claims_url(f"https://{domain}/news/1")
            assert parser.claims_url(f"https://www.{domain}/news/1")
        assert not parser.claims_url("https://example.invalid/news/1")

    def test_parse_uses_it_for_its_domain(self, registered: Parser) -> None:
        """:func:`mideastnews.parse` picks this parser for a URL of its domain."""
        if self.url is None:
            pytest.skip("the parser declares no domain")
        for sample in self.texts() + self.htmls():
            assert parse(sample, url=self.url).source == self.parser_class.name

    def test_detects_samples_without_url(self, registered: Parser) -> None:
        """With no URL, ``score()`` claims the samples and :func:`mideastnews.parse` picks this parser."""
        if not self.detects_without_url:
            pytest.skip("detects_without_url is false")
        for sample in self.texts() + self.htmls():
            doc = Document.from_source(sample)
            assert registered.score(doc) >= MIN_SCORE, (
                f"score() is {registered.score(doc)} on a sample; the registry needs >= {MIN_SCORE}")
            assert parse(sample).source == self.parser_class.name

    def test_score_in_range(self, parser: Parser) -> None:
        """``score()`` returns a float from 0 to 1 on the samples."""
        for doc in self.documents():
            value = parser.score(doc)
            assert isinstance(value, float | int), f"score() returned {type(value).__name__}"
            assert 0.0 <= value <= 1.0, value

    @_PROPERTY
    @given(text=article_texts())
    def test_score_in_range_on_any_text(self, text: str) -> None:
        """``score()`` returns a float from 0 to 1 on any text dump, and never raises."""
        value = self.parser_class().score(Document.from_source(text))
        assert isinstance(value, float | int), f"score() returned {type(value).__name__}"
        assert 0.0 <= value <= 1.0, value

    # -- what parse() returns --------------------------------------------
    def test_articles(self, parser: Parser) -> None:
        """Each sample parses to an :class:`~mideastnews.Article` of this source, in one of its languages."""
        for doc in self.documents():
            article = parser.parse(doc)
            assert isinstance(article, Article)
            assert article.source == parser.name
            assert article.language in parser.languages
            assert article.title.strip(), "empty title"
            assert "\n" not in article.title
            assert all(p.strip() for p in article.paragraphs), "empty paragraph"
            assert all(0 <= i < len(article.paragraphs) for i in article.subheadings)

    def test_nothing_lost(self, parser: Parser) -> None:
        """Every word of every line of each text sample is in a field or in ``dropped``."""
        for text in self.texts():
            article = parser.parse(Document.from_source(text, url=self.url))
            assert lost_words(text, article) == []

    @_PROPERTY
    @given(text=article_texts())
    def test_nothing_lost_on_any_text(self, text: str) -> None:
        """Nothing is lost on generated text dumps (a ``ParseError`` refusal is allowed)."""
        try:
            article = self.parser_class().parse(Document.from_source(text, url=self.url))
        except ParseError:
            reject()
        assert lost_words(text, article) == []

    # -- round trips -----------------------------------------------------
    def test_to_dict_round_trip(self, registered: Parser) -> None:
        """``Article.from_dict(a.to_dict()) == a`` through JSON, after the full pipeline."""
        for sample in self.texts() + self.htmls():
            article = parse(sample, url=self.url, parser=self.parser_class.name)
            data = json.loads(json.dumps(article.to_dict(), ensure_ascii=False))
            assert data["schema"] == 1
            assert Article.from_dict(data) == article

    @_PROPERTY
    @given(text=article_texts())
    def test_to_dict_round_trip_on_any_text(self, text: str) -> None:
        """Round trips hold on generated text dumps too."""
        try:
            article = self.parser_class().parse(Document.from_source(text, url=self.url))
        except ParseError:
            reject()
        assert Article.from_dict(json.loads(json.dumps(article.to_dict()))) == article

    def test_pickles(self, parser: Parser) -> None:
        """The parser and its articles pickle (batch workers need both)."""
        clone = pickle.loads(pickle.dumps(parser))
        assert type(clone) is type(parser)
        for doc in self.documents():
            article = parser.parse(doc)
            assert pickle.loads(pickle.dumps(article)) == article

    # -- errors ----------------------------------------------------------
    @pytest.mark.parametrize("text", ["", " ", "\n", " \t\r\n \n", "\u200c\n \u00a0 "])
    def test_empty_input_is_parse_error(self, parser: Parser, registered: Parser, text: str) -> None:
        """A document with no visible text gives :class:`~mideastnews.ParseError` (parser and pipeline)."""
        for is_html in (False, True):
            with pytest.raises(ParseError):
                parser.parse(Document(text=text, url=self.url, is_html=is_html))
        with pytest.raises(ParseError):
            parse(text, url=self.url, parser=self.parser_class.name)

    @_PROPERTY
    @given(text=article_texts())
    def test_only_parse_error_escapes(self, text: str) -> None:
        """``parse()`` returns an article or raises ``ParseError``, whatever the text."""
        try:
            result = self.parser_class().parse(Document.from_source(text, url=self.url))
        except ParseError:
            return
        assert isinstance(result, Article)

    def test_truncated_samples(self, parser: Parser) -> None:
        """A sample cut anywhere still parses or raises ``ParseError``, nothing else."""
        for doc in self.documents():
            for cut in sorted({1, 2, len(doc.text) // 3, len(doc.text) // 2, len(doc.text) - 1}):
                piece = doc.text[:max(cut, 0)]
                if not piece.strip():
                    continue
                try:
                    result = parser.parse(Document.from_source(piece, url=self.url))
                except ParseError:
                    continue
                assert isinstance(result, Article)
