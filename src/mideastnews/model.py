"""The records mideastnews produces: Article, Quote, Dropped and Failure."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from .dates.mention import DateMention

__all__ = ["SCHEMA_VERSION", "Article", "Dropped", "Failure", "Quote"]

#: Version of the dict layout written by :meth:`Article.to_dict`.
SCHEMA_VERSION = 1

Published = dt.datetime | dt.date | None


def _strs(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value)


def _tuple(value: Any) -> tuple[Any, ...]:
    return tuple(value)


@attrs.frozen
class Quote:
    """A direct quotation in the article's body.

    Attributes:
        text: The words inside the quotation marks.
        speaker: Who the text says spoke them, if it names anyone.
        paragraph: Index into ``Article.paragraphs`` of the quotation's paragraph.
    """

    text: str
    speaker: str | None = None
    paragraph: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {"text": self.text, "speaker": self.speaker, "paragraph": self.paragraph}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        """Read back what :meth:`to_dict` wrote."""
        return cls(data["text"], data.get("speaker"), int(data.get("paragraph", 0)))


@attrs.frozen
class Dropped:
    """A piece of the input removed as boilerplate, kept with its kind.

    Attributes:
        text: The removed text, as it stood in the input.
        kind: What it was: ``"navigation"``, ``"read-also"``, ``"related"``,
            ``"tag-list"``, ``"sidebar"``, ``"footer"``, ``"coverage"``,
            ``"ad-marker"``, ``"photo-credit"``, ``"caption-label"``,
            ``"duplicate-title"``, ``"site-suffix"``, ``"schedule"``,
            ``"timestamp"``, …
    """

    text: str
    kind: str

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {"text": self.text, "kind": self.kind}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Dropped:
        """Read back what :meth:`to_dict` wrote."""
        return cls(data["text"], data["kind"])


@attrs.frozen
class Failure:
    """An input that yielded no article, in a batch.

    Attributes:
        source_id: The input's path, URL or position.
        error_type: The exception's class name (``"ParseError"``, ``"Timeout"``, …).
        message: What went wrong, for a person.
    """

    source_id: str
    error_type: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict with an ``"error"`` key."""
        return {"schema": SCHEMA_VERSION, "source_id": self.source_id,
                "error": self.error_type, "message": self.message}


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _read_when(value: str | None) -> Published:
    if value is None:
        return None
    if "T" in value or " " in value or len(value) > 10:
        return dt.datetime.fromisoformat(value)
    return dt.date.fromisoformat(value)


@attrs.frozen
class Article:
    """One news article, as structured fields.

    See the field table in the docs (*The Article model*); every tuple field
    keeps page order.  ``published`` is an aware datetime where the page gives
    a time (a naive page time is read in the source's own zone), else a date.
    """

    source: str
    title: str
    language: str = "ar"
    url: str | None = None
    site_id: str | None = None
    section: str | None = None
    lead: str | None = None
    description: str | None = None
    paragraphs: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    subheadings: tuple[int, ...] = attrs.field(default=(), converter=_tuple)
    published: Published = None
    published_inferred: bool = False
    modified: dt.datetime | None = None
    authors: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    tags: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    images: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    captions: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    embeds: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    credits: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    quotes: tuple[Quote, ...] = attrs.field(default=(), converter=_tuple)
    dates: tuple[DateMention, ...] = attrs.field(default=(), converter=_tuple)
    dropped: tuple[Dropped, ...] = attrs.field(default=(), converter=_tuple)
    warnings: tuple[str, ...] = attrs.field(default=(), converter=_strs)

    @property
    def body(self) -> str:
        """The paragraphs joined by blank lines."""
        return "\n\n".join(self.paragraphs)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict carrying ``"schema": 1``.

        Dates and times are ISO 8601 strings (with offsets where known),
        mentions, quotes and dropped pieces are dicts.
        """
        return {
            "schema": SCHEMA_VERSION,
            "source": self.source,
            "url": self.url,
            "site_id": self.site_id,
            "language": self.language,
            "section": self.section,
            "title": self.title,
            "lead": self.lead,
            "description": self.description,
            "paragraphs": list(self.paragraphs),
            "subheadings": list(self.subheadings),
            "published": _iso(self.published),
            "published_inferred": self.published_inferred,
            "modified": _iso(self.modified),
            "authors": list(self.authors),
            "tags": list(self.tags),
            "images": list(self.images),
            "captions": list(self.captions),
            "embeds": list(self.embeds),
            "credits": list(self.credits),
            "quotes": [q.to_dict() for q in self.quotes],
            "dates": [m.to_dict() for m in self.dates],
            "dropped": [d.to_dict() for d in self.dropped],
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Read back what :meth:`to_dict` wrote, to an equal article.

        Keys that are not fields (``"schema"``, and what the command line adds
        to its records, such as ``"source_id"`` and ``"fetched"``) are ignored.
        """
        known = {f.name for f in attrs.fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in known}
        kwargs["published"] = _read_when(kwargs.get("published"))
        modified = _read_when(kwargs.get("modified"))
        kwargs["modified"] = modified if isinstance(modified, dt.datetime) else None
        kwargs["quotes"] = tuple(Quote.from_dict(q) for q in kwargs.get("quotes", ()))
        kwargs["dates"] = tuple(DateMention.from_dict(m) for m in kwargs.get("dates", ()))
        kwargs["dropped"] = tuple(Dropped.from_dict(d) for d in kwargs.get("dropped", ()))
        return cls(**kwargs)

    def normalized(self, **steps: bool) -> Article:
        """Return this article with every text field passed through :func:`mideastnews.text.normalize`.

        Args:
            **steps: Switches for the normalization steps (see the docs).
        """
        from .text import normalize

        def norm(s: str) -> str:
            return normalize(s, self.language, **steps)

        def norm_all(items: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(norm(s) for s in items)

        return attrs.evolve(
            self,
            title=norm(self.title),
            lead=norm(self.lead) if self.lead is not None else None,
            description=norm(self.description) if self.description is not None else None,
            paragraphs=norm_all(self.paragraphs),
            captions=norm_all(self.captions),
            embeds=norm_all(self.embeds),
            authors=norm_all(self.authors),
            tags=norm_all(self.tags),
            credits=norm_all(self.credits),
            quotes=tuple(attrs.evolve(q, text=norm(q.text),
                                      speaker=norm(q.speaker) if q.speaker else q.speaker)
                         for q in self.quotes),
        )
