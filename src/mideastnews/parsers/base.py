"""Parser: the class every source parser, built-in or plugin, subclasses."""

from __future__ import annotations

import functools
from typing import ClassVar
from urllib.parse import urlsplit

from ..document import Document
from ..errors import ParseError
from ..model import Article

__all__ = ["Parser", "domain_matches"]


def domain_matches(url: str | None, domains: tuple[str, ...]) -> bool:
    """Whether ``url``'s host is one of ``domains`` or a subdomain of one."""
    if not url:
        return False
    host = _host(url)
    if host is None:
        return False
    return any(host == d or host.endswith("." + d) for d in domains)


@functools.lru_cache(maxsize=1024)
def _host(url: str) -> str | None:
    """``url``'s host, lower-cased, without ``www.`` (``None``: not a URL); every parser asks for it."""
    try:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    except ValueError:
        return None
    return host.removeprefix("www.")


class Parser:
    """Base class of source parsers.

    A subclass declares its metadata as class attributes and implements
    :meth:`score` and :meth:`parse`.  It reads structure and metadata only:
    :func:`mideastnews.parse` adds dates, quotes and the inferred publication
    date the same way for every parser.

    Attributes:
        name: The registry name (``"rt"``, ``"tasnim"``, …).
        domains: Hosts this parser owns; subdomains match too.
        languages: Languages of the source's pages (``"ar"``, ``"fa"``, ``"en"``).
        aliases: Other names users may type.
    """

    name: ClassVar[str] = ""
    domains: ClassVar[tuple[str, ...]] = ()
    languages: ClassVar[tuple[str, ...]] = ()
    aliases: ClassVar[tuple[str, ...]] = ()

    def claims_url(self, url: str | None) -> bool:
        """Whether ``url`` belongs to one of this parser's domains."""
        return domain_matches(url, self.domains)

    def score(self, doc: Document) -> float:
        """How surely ``doc`` is this source's page, from 0 to 1.

        Used when no URL decides.  The default dispatches to
        :meth:`score_html` or :meth:`score_text`.
        """
        return self.score_html(doc) if doc.is_html else self.score_text(doc)

    def parse(self, doc: Document) -> Article:
        """Read ``doc`` into an :class:`~mideastnews.Article`.

        The default dispatches to :meth:`parse_html` or :meth:`parse_text`.

        Raises:
            ParseError: the document holds no article this parser can read.
        """
        return self.parse_html(doc) if doc.is_html else self.parse_text(doc)

    def score_text(self, doc: Document) -> float:
        """Score a text dump (see :meth:`score`); claims nothing by default."""
        return 0.0

    def score_html(self, doc: Document) -> float:
        """Score an HTML page (see :meth:`score`); claims nothing by default."""
        return 0.0

    def parse_text(self, doc: Document) -> Article:
        """Read a text dump.

        Raises:
            ParseError: this parser does not read text dumps.
        """
        raise ParseError(f"the {self.name!r} parser does not read text dumps")

    def parse_html(self, doc: Document) -> Article:
        """Read an HTML page.

        Raises:
            ParseError: this parser does not read HTML pages.
        """
        raise ParseError(f"the {self.name!r} parser does not read HTML pages")

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"
