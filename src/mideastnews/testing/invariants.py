"""The *nothing lost* invariant, as a check: which words of an input did a parse lose?"""

from __future__ import annotations

from .. import _regex
from ..model import Article

__all__ = ["lost_words", "words"]

_WORD = _regex.compile("testing.WORD", r"[^\W_]+")


def words(text: str) -> list[str]:
    """The words of ``text``: maximal runs of letters and digits (any script).

    Punctuation, spaces, ZWNJ and combining marks separate words, so the
    same text always splits the same way.
    """
    return _WORD.findall(text)


def lost_words(text: str, article: Article) -> list[tuple[int, str]]:
    """The words of ``text`` found in no field of ``article`` nor in its ``dropped``.

    The fields searched are those of the *nothing lost* invariant: title,
    lead, paragraphs, captions, embeds, credits, tags, authors and the
    texts of ``dropped``.

    Args:
        text: The text dump that was parsed.
        article: What the parser made of it.

    Returns:
        ``(line number, word)`` for every lost word (line numbers from 1),
        in input order; empty when nothing was lost.
    """
    pieces: list[str] = [article.title, article.lead or ""]
    for group in (article.paragraphs, article.captions, article.embeds, article.credits,
                  article.tags, article.authors):
        pieces.extend(group)
    pieces.extend(d.text for d in article.dropped)
    kept = set(words("\n".join(pieces)))
    return [(number, word)
            for number, line in enumerate(text.splitlines(), start=1)
            for word in words(line) if word not in kept]
