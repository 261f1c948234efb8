"""The step every parser shares: dates, quotes and the inferred publication date.

A parser reads structure and metadata; :func:`enrich` then adds, the same way
for every parser (built-in or plugin):

* ``published`` (with ``published_inferred=True``) where no metadata gave it
  and the text's own evidence pins one day (see :mod:`mideastnews.inference`);
* ``dates``: every date mention in title, lead, captions and paragraphs, each
  with its ``field`` and ``index``, the relative ones resolved against the
  publication day (given or inferred), else against ``ref``;
* ``quotes``: direct quotations in the body, with their speakers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

from ._evolve import evolver
from .dates.finder import SharedFinder, find_dates
from .dates.mention import DateMention, _placed
from .model import Article, Quote

__all__ = ["article_fields", "enrich"]

_Finder = Callable[..., list[DateMention]]


def article_fields(article: Article) -> Iterator[tuple[str, int, str]]:
    """The searched texts of an article as ``(field, index, text)``, in reading order.

    Args:
        article: Any article.

    Yields:
        ``("title", 0, …)``, ``("lead", 0, …)`` when there is a lead, then
        each caption and each paragraph with its index.
    """
    yield "title", 0, article.title
    if article.lead:
        yield "lead", 0, article.lead
    for i, caption in enumerate(article.captions):
        yield "caption", i, caption
    for i, paragraph in enumerate(article.paragraphs):
        yield "paragraph", i, paragraph


def _day(value: dt.date | dt.datetime | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _published(article: Article, finder: _Finder) -> tuple[dt.date | dt.datetime | None, bool]:
    """The article's publication time, inferred from its text when no metadata gave it."""
    if article.published is not None:
        return article.published, article.published_inferred
    from .inference import infer_published

    guess = infer_published(article, finder=finder)
    if guess is None:
        return None, False
    return guess, True


def _dates(article: Article, anchor: dt.date | None, finder: _Finder) -> tuple[list[DateMention], list[str]]:
    mentions: list[DateMention] = []
    warnings: list[str] = []
    for field, index, text in article_fields(article):
        if not text:
            continue
        if isinstance(finder, SharedFinder):
            found = finder.placed(text, anchor, field, index)
        else:
            found = [_placed(m, field, index) for m in finder(text, ref=anchor)]
        for m in found:
            mentions.append(m)
            if m.warnings:
                warnings.extend(f"{field} {index}: {w}" for w in m.warnings)
    return mentions, warnings


def _finder_for(article: Article) -> _Finder:
    """The date finder for ``article``'s texts.

    The inference reads each text under two probe days before the final reading: a SharedFinder
    reads each text once for all three.  Without inference each text is read once, and keeping
    what was read would only cost.
    """
    if article.published is not None:
        return find_dates
    return SharedFinder([text for _field, _index, text in article_fields(article) if text])


def _quotes(article: Article) -> list[Quote]:
    from .text.quotes import find_quotes

    return [Quote(q.text, q.speaker, q.paragraph)
            for q in find_quotes(article.paragraphs, language=article.language)]


# The enriched article is ``attrs.evolve(article, **changes)``, with the look-ups done once.
_evolved = evolver(Article)


def enrich(article: Article, *, ref: dt.date | None = None) -> Article:
    """Add dates, quotes and an inferred publication date to a parsed article.

    Args:
        article: What a parser returned.
        ref: The day to resolve relative dates against when the article's
            own publication date is unknown and cannot be inferred.

    Returns:
        A new article; the parser's fields are kept (a ``published`` it read
        is never replaced).
    """
    if isinstance(ref, dt.datetime):
        ref = ref.date()
    finder = _finder_for(article)
    published, inferred = _published(article, finder)
    anchor = _day(published) or ref
    mentions, date_warnings = _dates(article, anchor, finder)
    return _evolved(article, {
        "published": published,
        "published_inferred": inferred,
        "dates": tuple(mentions),
        "quotes": tuple(_quotes(article)),
        "warnings": tuple(dict.fromkeys([*article.warnings, *date_warnings])),
    })
