"""Batch parsing, export and archive input.

* :func:`parse_many` parses many inputs in a pool of worker processes.
* :class:`Input` and :func:`iter_inputs` turn files, folders, globs, stdin,
  scraper JSON and WARC files into inputs with ids.
* :func:`to_arrow`, :func:`to_parquet`, :func:`to_pandas` export articles with
  one Arrow schema (pyarrow is imported only when they are called).
* :mod:`mideastnews.io.warc` reads WARC files; :mod:`mideastnews.io.dask`
  builds Dask DataFrames (import it explicitly: it needs the ``dask`` extra).
"""

from __future__ import annotations

from .batch import DEFAULT_TIMEOUT, parse_many, run_batch
from .export import ARROW_SCHEMA_VERSION, arrow_schema, to_arrow, to_pandas, to_parquet
from .inputs import Input, iter_inputs

__all__ = [
    "ARROW_SCHEMA_VERSION",
    "DEFAULT_TIMEOUT",
    "Input",
    "arrow_schema",
    "iter_inputs",
    "parse_many",
    "run_batch",
    "to_arrow",
    "to_pandas",
    "to_parquet",
]
