"""The step every parser shares: dates, quotes and the inferred publication date.

A parser reads structure and metadata; :func:`enrich` then adds, the same way
for every parser (built-in or plugin):

* ``dates``: every date mention in title, lead, paragraphs and captions,
  resolved against the publication date (or ``ref``);
* ``quotes``: direct quotations with their speakers;
* ``published`` (with ``published_inferred=True``) where no metadata gave it
  and the text's own evidence pins one day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import attrs

from .model import Article, Quote

__all__ = ["article_fields", "enrich"]


def article_fields(article: Article) -> Iterator[tuple[str, int, str]]:
    """The searched texts of an article as ``(field, index, text)``, in reading order."""
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


def enrich(article: Article, *, ref: dt.date | None = None) -> Article:
    """Add dates, quotes and an inferred publication date to a parsed article.

    Args:
        article: What a parser returned.
        ref: The day to resolve relative dates against when the article's
            own publication date is unknown and cannot be inferred.

    Returns:
        A new article; the parser's fields are kept.
    """
    from .dates import find_dates
    from .inference import infer_published
    from .text.quotes import find_quotes

    published = article.published
    inferred = article.published_inferred
    if published is None:
        guess = infer_published(article)
        if guess is not None:
            published, inferred = guess, True
    anchor = _day(published) or ref

    mentions = []
    warnings = list(article.warnings)
    for field, index, text in article_fields(article):
        for m in find_dates(text, ref=anchor):
            mentions.append(attrs.evolve(m, field=field, index=index))
            warnings.extend(f"{field} {index}: {w}" for w in m.warnings)
    quotes = [Quote(q.text, q.speaker, q.paragraph)
              for q in find_quotes(article.paragraphs, language=article.language)]
    return attrs.evolve(
        article,
        published=published,
        published_inferred=inferred,
        dates=tuple(mentions),
        quotes=tuple(quotes),
        warnings=tuple(dict.fromkeys(warnings)),
    )
