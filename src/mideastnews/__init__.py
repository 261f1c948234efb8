"""mideastnews: Arabic and Persian news articles into clean, structured, dated records.

>>> import mideastnews as mn
>>> article = mn.parse("عنوان الخبر\\nنص الخبر اليوم.")
>>> article.title
'عنوان الخبر'
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from . import dates, text
from .api import get_parser, parse, parsers, register_parser
from .document import Document
from .errors import DateError, MideastNewsError, MideastNewsWarning, ParseError, PluginError
from .io.batch import parse_many
from .io.export import to_arrow, to_pandas, to_parquet
from .model import Article, Dropped, Failure, Quote
from .parsers.base import Parser
from .registry import ParserInfo

try:
    __version__ = version("mideastnews")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0+unknown"

__all__ = [
    "Article",
    "DateError",
    "Document",
    "Dropped",
    "Failure",
    "MideastNewsError",
    "MideastNewsWarning",
    "ParseError",
    "Parser",
    "ParserInfo",
    "PluginError",
    "Quote",
    "__version__",
    "dates",
    "get_parser",
    "parse",
    "parse_many",
    "parsers",
    "register_parser",
    "text",
    "to_arrow",
    "to_pandas",
    "to_parquet",
]
