"""The generic parser: every page no source parser claims.

The module holds the boilerplate of news pages in general (``# -- text dumps --``,
shared with HTML mode) and the structural reading of any page (``# -- HTML pages --``).
"""

from __future__ import annotations

from typing import ClassVar

from ..document import Document
from . import htmlpage
from .site import SiteParser
from .textdump import DumpProfile, Rule, exact, starts

__all__ = ["BOILERPLATE", "TEXT_DUMP", "GenericParser"]

# -- text dumps --
# Any other site's dump: the headline, often repeated with other quotation
# marks, auto-posting markers («[ad_1]», «[ad_2]»), a closing «المصدر» link or
# «المصدر: …» line, share and comment widgets.  The rules every site shares
# (tweets, photo credits, caption labels, date-only lines) apply as well.

#: Boilerplate lines of news pages in general, by kind.
BOILERPLATE: tuple[Rule, ...] = (
    exact("share", "شارك", "مشاركة", "شارك الخبر", "اشتراک گذاری", "Share", "Share this article"),
    exact("footer", "التعليقات", "أضف تعليقك", "اترك تعليقاً", "اترك تعليقا", "نظرات", "Comments",
          take="rest"),
    starts("read-also", "اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضا", "اقرأ المزيد", "بیشتر بخوانید",
           "Read more", take="next"),
    exact("related", "مواضيع ذات صلة", "أخبار ذات صلة", "اخبار مرتبط", "Related", take="rest"),
    exact("footer", "انتهای پیام", "انتهای خبر"),
)

#: How :func:`~mideastnews.parsers.textdump.read_dump` reads other sites' dumps.
TEXT_DUMP = DumpProfile(source="generic", language="ar", rules=BOILERPLATE)


# -- HTML pages --
#: Any outlet: no layouts, so the body is chosen by structure and text density.
GENERIC_SITE = htmlpage.Site(name="generic", zone=None, language="ar", rules=BOILERPLATE)


class GenericParser(SiteParser):
    """Any news page in Arabic, Persian or English: what no source parser claims."""

    name: ClassVar[str] = "generic"
    languages: ClassVar[tuple[str, ...]] = ("ar", "fa", "en")
    text_dump: ClassVar[DumpProfile | None] = TEXT_DUMP
    html_site: ClassVar[htmlpage.Site | None] = GENERIC_SITE

    def score_html(self, doc: Document) -> float:
        """The generic parser takes what no source claims: it never bids."""
        return 0.0
