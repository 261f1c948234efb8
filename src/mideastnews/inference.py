"""Publication dates inferred from an article's own date evidence.

When neither metadata nor a printed stamp gives the publication day, the text
often still pins it.  The evidence model:

* **Anchors** — full dates (day, month and year, written out, not relative) in
  the title, lead, captions and first paragraphs.  News is about today or
  yesterday: an anchor ``A`` proposes the publication day ``A`` when the text
  also calls today by ``A``'s weekday («اليوم الجمعة»), and ``A + 1`` when it
  calls yesterday by ``A``'s weekday («أمس الخميس» beside a caption dated
  Thursday 7 December 2023).  An anchor no relative phrase names proposes
  nothing: an old date beside «اليوم الثلاثاء» must not pin a Tuesday.
  In wire copy (a credited report: «به گزارش … ایرنا») a date written with its
  weekday as the first date of its lead's first sentence dates the event the
  report is published on
  («کاظم جلالی چهارشنبه هشتم آذرماه ۱۴۰۲ … افزود»): that anchor proposes ``A``
  by itself.  A full date the text calls today or yesterday
  («اليوم الإثنين 30 كانون الثاني 2023», «أمس، 29 يناير 2023») gives the day
  by itself, wherever it stands.
* **Weekday constraints** — relative phrases at a fixed distance from the
  reference day that name a weekday: «اليوم الجمعة» says the reference day
  is a Friday, «أمس الخميس» that the day before it is a Thursday.  A bare
  weekday («يوم السبت») is the latest such day before the reference day and
  constrains nothing.
* **Limits** — the page's ``modified`` time, when given, is an upper bound.

The candidates the anchors propose are filtered by every constraint; a day is
returned only when exactly one survives.  Contradictory constraints give
``None``.

The relative phrases are read by :func:`mideastnews.dates.find_dates` itself:
each field is searched against two probe reference days, and a mention whose
distance from the probe is the same under both is a fixed-distance phrase,
one whose date is the same under both an absolute date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator

import attrs

from .dates.mention import DateMention, Granularity
from .enrich import article_fields
from .model import Article

__all__ = ["Evidence", "decide", "gather_evidence", "infer_published"]

Finder = Callable[..., list[DateMention]]

# Two probe reference days: years, months and weekdays all differ.
_PROBES = (dt.date(2001, 1, 10), dt.date(2012, 7, 19))
_DAY = Granularity.DAY  # (an enum member is a slow look-up, and the loops below ask for it per mention)
# Paragraphs, after the lead, where an anchor still dates the news.
_ANCHOR_PARAGRAPHS = 2
_WIRE_OPENERS = ("به گزارش", "أفادت", "أفاد ", "نقلت ", "ذكرت ")


@attrs.frozen
class Evidence:
    """What a text says about its own publication day.

    Attributes:
        anchors: Full dates near the top of the text, each with whether it
            proposes a publication day by itself: the day of a wire-copy
            anchor, or the day a full date called today or yesterday gives.
        weekdays: Each fixed-distance weekday phrase as
            ``(distance, weekday)``: the day ``ref + distance`` is ``weekday``
            (0 = Monday).
        latest: An upper bound for the publication day, if one is known.
    """

    anchors: tuple[tuple[dt.date, bool], ...] = ()
    weekdays: tuple[tuple[int, int], ...] = ()
    latest: dt.date | None = None


def _is_wire(article: Article) -> bool:
    if article.credits:
        return True
    first = article.paragraphs[0] if article.paragraphs else ""
    return first.lstrip().startswith(_WIRE_OPENERS)


def _first_sentence_end(text: str) -> int:
    ends = [i for i in (text.find(". "), text.find(".\n"), text.find("؟ ")) if i >= 0]
    return min(ends) if ends else len(text)


_TODAY = ("اليوم", "امروز", "today")
_YESTERDAY = ("أمس", "امس", "البارحة", "دیروز", "yesterday")


def _first_word(m: DateMention) -> str:
    return m.text.split(maxsplit=1)[0].lower() if m.text.strip() else ""


def _opens_with_today(m: DateMention) -> bool:
    """Whether the mention opens with «اليوم» or «أمس» (see :func:`_named_distance`)."""
    first = _first_word(m)
    return first in _TODAY or first in _YESTERDAY


def _named_distance(text: str, m: DateMention, previous: tuple[int, int] | None) -> int | None:
    """The distance from the publication day at which the text names the full date ``m``, if it does.

    Either the mention opens with «اليوم» / «أمس» («اليوم الإثنين 30 كانون الثاني 2023»),
    or a fixed-distance phrase stands right before it («أمس، 29 يناير 2023»).
    """
    first = _first_word(m)
    if first in _TODAY:
        return 0
    if first in _YESTERDAY:
        return -1
    if previous is not None and previous[1] in (0, -1):
        end, distance = previous
        if 0 <= m.start - end <= 3 and not text[end:m.start].strip(" ،,"):
            return distance
    return None


def _may_give_evidence(first: list[DateMention], near_top: bool) -> tuple[bool, bool]:
    """Whether the loop of :func:`_evidence` could append anything for a field read as ``first``, and
    whether it could append an anchor.

    It appends only for a dated day mention: a weekday for a relative one that names its weekday,
    an anchor for an absolute one without warnings that stands near the top, opens with
    «اليوم»/«أمس», or follows a fixed-distance phrase (a dated relative day mention before it in
    ``first``).  Otherwise the second probe run would add nothing.
    """
    relative_before = weekday = False
    for m in first:
        if m.date is None or m.granularity != _DAY:
            continue
        if m.relative:
            weekday = weekday or m.weekday is not None
            relative_before = True
        elif not m.warnings and (near_top or relative_before or _opens_with_today(m)):
            return True, True
    return weekday, False


# A field to read under the second probe day: (field, index, text, its first probe run, near the top,
# whether its mentions may give an anchor).
_Reading = tuple[str, int, str, list[DateMention], bool, bool]


def _readings(article: Article, finder: Finder) -> Iterator[_Reading]:
    """Each field read under the first probe day whose mentions may give evidence, in reading order."""
    probe = _PROBES[0]
    for field, index, text in article_fields(article):
        if not text:
            continue
        first = finder(text, ref=probe)
        if not first:
            continue  # (most paragraphs)
        near_top = field in ("title", "lead", "caption") or index < _ANCHOR_PARAGRAPHS
        useful, anchor = _may_give_evidence(first, near_top)
        if useful:  # (otherwise nothing below would be appended for the field: no second probe run)
            yield field, index, text, first, near_top, anchor


def _finder_or_default(finder: Finder | None) -> Finder:
    if finder is not None:
        return finder
    from .dates import find_dates

    return find_dates


def gather_evidence(article: Article, finder: Finder | None = None) -> Evidence:
    """Read the date evidence of ``article``'s title, lead, captions and paragraphs.

    Args:
        article: The article, as a parser returned it.
        finder: The date finder (``find_dates`` by default).

    Returns:
        The anchors, weekday constraints and upper bound the text gives.
    """
    finder = _finder_or_default(finder)
    return _evidence(article, finder, _readings(article, finder))


def _evidence(article: Article, finder: Finder, readings: Iterable[_Reading]) -> Evidence:
    """The evidence of the fields ``readings`` gives, each read once more under the second probe day."""
    anchors: list[tuple[dt.date, bool]] = []
    weekdays: list[tuple[int, int]] = []
    wire = _is_wire(article)
    probe, other_probe = _PROBES
    for field, index, text, first, near_top, _anchor in readings:
        runs = [first, finder(text, ref=other_probe)]
        second = {(m.start, m.end): m for m in runs[1]}
        previous: tuple[int, int] | None = None  # (end, distance) of the last fixed-distance phrase
        for position, m in enumerate(runs[0]):
            other = second.get((m.start, m.end))
            # Under a probe day a named weekday rarely fits: a fixed-distance
            # phrase's weekday warning is expected there, and is the evidence.
            if other is None or m.date is None or other.date is None:
                continue
            if m.granularity != _DAY:
                continue
            distance = (m.date - probe).days
            if m.relative and distance == (other.date - other_probe).days:
                if m.weekday is not None:
                    weekdays.append((distance, m.weekday))
                previous = (m.end, distance)
            elif not m.relative and m.date == other.date and not m.warnings:
                named = _named_distance(text, m, previous)
                if named is not None:
                    # «اليوم الإثنين 30 كانون الثاني 2023», «أمس 29 يناير 2023»: the text
                    # itself calls the date today or yesterday.
                    anchors.append((m.date - dt.timedelta(days=named), True))
                elif near_top:
                    first_sentence = m.start < _first_sentence_end(text)
                    strong = (wire and m.weekday is not None and first_sentence and position == 0
                              and (field == "lead" or (field == "paragraph" and index == 0)))
                    anchors.append((m.date, strong))
    latest = article.modified.date() if article.modified is not None else None
    return Evidence(tuple(anchors), tuple(weekdays), latest)


def decide(evidence: Evidence) -> dt.date | None:
    """The one publication day the evidence leaves, or ``None``.

    Args:
        evidence: What :func:`gather_evidence` read.

    Returns:
        The day, when exactly one candidate satisfies every constraint.
    """
    allowed = set(range(7))
    for distance, weekday in evidence.weekdays:
        allowed &= {(weekday - distance) % 7}
    if not allowed:
        return None
    named = set(evidence.weekdays)
    candidates: set[dt.date] = set()
    for day, strong in evidence.anchors:
        if strong:
            candidates.add(day)
            continue
        # «اليوم الجمعة» with a Friday anchor; «أمس الخميس» with a Thursday one.
        for k in (0, 1):
            if (-k, day.weekday()) in named:
                candidates.add(day + dt.timedelta(days=k))
    survivors = {d for d in candidates
                 if d.weekday() in allowed and (evidence.latest is None or d <= evidence.latest)}
    if len(survivors) != 1:
        return None
    return survivors.pop()


def infer_published(article: Article, *, finder: Finder | None = None) -> dt.date | None:
    """The publication day the text pins down, or ``None`` when it pins none.

    Metadata wins: an article that already has ``published`` gets its own
    day back (never a contradiction).

    Args:
        article: The article, as a parser returned it.
        finder: The date finder (``find_dates`` by default).

    Returns:
        The inferred day, or ``None``.
    """
    if not isinstance(article, Article):
        raise TypeError(f"article must be an Article, not {type(article).__name__}")
    if article.published is not None:
        published = article.published
        return published.date() if isinstance(published, dt.datetime) else published
    try:
        evidence = _evidence_if_any_anchor(article, _finder_or_default(finder))
    except (ValueError, OverflowError):  # a mention the calendars cannot place
        return None
    return decide(evidence) if evidence is not None else None


def _evidence_if_any_anchor(article: Article, finder: Finder) -> Evidence | None:
    """:func:`gather_evidence`, or ``None`` when no field may give an anchor.

    Without an anchor :func:`decide` has no candidate and gives ``None`` whatever the weekdays
    say, so the second probe runs are left out.  Each field is read under the first probe day
    before any is read under the second; should a first run raise, the fields before it are
    taken through the rest first, as :func:`gather_evidence` takes them, so that the same
    exception comes out.
    """
    readings: list[_Reading] = []
    try:
        readings.extend(_readings(article, finder))
    except Exception:
        _evidence(article, finder, readings)
        raise
    if not any(reading[5] for reading in readings):
        return None
    return _evidence(article, finder, readings)
