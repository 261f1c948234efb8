"""Dask DataFrames of articles, one partition per file (extra ``dask``).

Import it explicitly (``from mideastnews.io import dask as mndask``, or the
alias ``import mideastnews.dask``): it needs dask, pandas and pyarrow.

>>> from mideastnews.io.dask import read_articles          # doctest: +SKIP
>>> df = read_articles(["crawl/*.warc.gz", "saved_pages/"]) # doctest: +SKIP
>>> df[df.language == "fa"].title.compute()                 # doctest: +SKIP

Every partition is one input file (a page, a scraper JSON or JSON Lines file,
a WARC file) parsed where Dask runs it, with the columns and types of
:func:`mideastnews.io.arrow_schema` (every column Arrow-backed, as
:func:`mideastnews.to_pandas` returns them): the rows equal those of
:func:`mideastnews.parse_many` on the same inputs, failures included.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import Failure
from .batch import DEFAULT_TIMEOUT, parse_input
from .export import arrow_schema, record_row, table_from_rows
from .inputs import file_inputs, iter_paths

if TYPE_CHECKING:
    import dask.dataframe as dd
    import pandas as pd

__all__ = ["empty_frame", "parse_file", "read_articles"]


def _imports() -> tuple[Any, Any]:
    try:
        import dask.dataframe as dd
        import pandas as pd
    except ImportError as exc:
        raise ImportError("Dask DataFrames need dask, pandas and pyarrow: "
                          "pip install 'mideastnews[dask]'") from exc
    return dd, pd


def empty_frame() -> pd.DataFrame:
    """An empty pandas DataFrame with the schema's columns and Arrow-backed types (Dask's ``meta``)."""
    _, pd = _imports()
    return table_from_rows([]).to_pandas(types_mapper=pd.ArrowDtype)


def parse_file(path: str | os.PathLike[str], timeout: float | None = DEFAULT_TIMEOUT) -> pd.DataFrame:
    """Parse every input one file holds into a pandas DataFrame of the schema (one Dask partition).

    Args:
        path: A page, a scraper ``.json``/``.jsonl`` file or a ``.warc``/``.warc.gz`` archive.
        timeout: Seconds per input; enforced only where ``SIGALRM`` works (a
            Dask worker runs tasks in threads, where it does not).
    """
    _, pd = _imports()
    rows = []
    for item in file_inputs(Path(path)):
        if isinstance(item, Failure):
            rows.append(record_row(item))
        else:
            result = parse_input(item, timeout)
            rows.append(record_row(result, source_id=item.source_id, fetched=item.fetched))
    return table_from_rows(rows).to_pandas(types_mapper=pd.ArrowDtype)


def read_articles(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> dd.DataFrame:
    """A lazy Dask DataFrame of the articles in ``paths``, one partition per file.

    Folders are walked (recursively) and globs expanded here, on the client;
    the files are read and parsed on the workers.  Run it on a
    ``distributed.LocalCluster`` or any Dask cluster by creating a
    ``distributed.Client`` first (see *Batch and scale* in the docs); the
    workers need mideastnews installed and the files at the same paths.

    Args:
        paths: Files, folders or globs (``.txt``, ``.html``, ``.json``, ``.jsonl``, ``.warc``, ``.warc.gz``).
        timeout: Seconds per input where it can be enforced (see :func:`parse_file`).

    Returns:
        The DataFrame: one row per input (an article, or a failure with ``error`` set).

    Raises:
        ImportError: dask, pandas or pyarrow is not installed (``pip install 'mideastnews[dask]'``).
        ValueError: ``paths`` names no file.
    """
    dask_dataframe, _ = _imports()
    arrow_schema()
    named = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    files = [os.fspath(p) for p in iter_paths(named) if p != "-"]
    if not files:
        raise ValueError("no input files in " + ", ".join(os.fspath(p) for p in named))
    frame: dd.DataFrame = dask_dataframe.from_map(parse_file, files, timeout=timeout, meta=empty_frame(),
                                                  label="mideastnews-parse", enforce_metadata=False)
    return frame
