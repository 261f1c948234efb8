"""``mideastnews.dask``: the Dask DataFrame builder, alias of :mod:`mideastnews.io.dask` (extra ``dask``)."""

from __future__ import annotations

from .io.dask import empty_frame, parse_file, read_articles

__all__ = ["empty_frame", "parse_file", "read_articles"]
