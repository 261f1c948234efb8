"""Sphinx configuration for the mideastnews documentation (MyST Markdown, furo).

Build (nitpicky, warnings are errors) and run every code sample::

    sphinx-build -n -W --keep-going -b html docs docs/_build/html
    sphinx-build -b doctest docs docs/_build/doctest
"""

from __future__ import annotations

import doctest
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

from sphinx.util.nodes import make_refnode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

project = "mideastnews"
author = "mideastnews developers"
copyright = "mideastnews developers, MIT licence"
try:
    release = metadata.version("mideastnews")
except metadata.PackageNotFoundError:
    release = "0.0.0+unknown"
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
language = "en"

# -- MyST -------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3

# -- HTML -------------------------------------------------------------------
html_theme = "furo"
html_title = f"mideastnews {release}"
html_static_path: list[str] = []

# -- autodoc / napoleon (Google-style docstrings) -----------------------------
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_preserve_defaults = True
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True
napoleon_use_rtype = False

# -- nitpicky cross-references ----------------------------------------------
# There is no network for intersphinx here, so the standard library's and the
# dependencies' types cannot be linked: they are named, not linked.  Everything
# of mideastnews itself must resolve.
nitpicky = True
_OUTSIDE_MODULES = ["datetime", "os", "re", "enum", "typing", "collections", "collections\\.abc", "types",
                    "pathlib", "io", "hypothesis", "pytest", "_pytest", "selectolax", "pyarrow", "pandas",
                    "numpy", "dask", "distributed", "warcio", "attrs", "attr"]
_BARE_NAMES = ["str", "int", "float", "bool", "bytes", "bytearray", "memoryview", "object", "type", "tuple",
               "list", "dict", "set", "frozenset", "None", "Any", "Callable", "Iterable", "Iterator",
               "Sequence", "Mapping", "MappingProxyType", "ClassVar", "Literal", "Self", "PathLike", "Path",
               "date", "datetime", "time", "timedelta", "tzinfo", "StrEnum", "Enum", "Exception",
               "ValueError", "LookupError", "TypeError", "UserWarning", "Warning"]
nitpick_ignore_regex = [
    (r"py:.*", "(" + "|".join(_OUTSIDE_MODULES) + r")(\..*)?"),
    (r"py:class", "(" + "|".join(_BARE_NAMES) + ")"),
    (r"py:exc", r"(ValueError|TypeError|LookupError|OverflowError|UnicodeError)"),
    (r"py:func", r"hypothesis\..*"),
    # pyarrow and pandas under their conventional import names, in string annotations.
    (r"py:class", r"(pa|pd|np|dd)\..*"),
    # Type aliases used in signatures (not objects of their own).
    (r"py:class", r"(mideastnews\.[a-z_.]+\.)?(SourceIds|Source|Published|WorstInput)"),
]

# -- doctest ------------------------------------------------------------------
# Code samples run from the repository's root, so ``seeds/…`` paths work as in
# the README; the working directory is restored afterwards.  The examples in
# docstrings (rendered by autodoc, so run here too) are written in their own
# module's namespace: the public names of ``mideastnews.dates`` and
# ``mideastnews.text`` are imported for them.
doctest_global_setup = f"""
import os as _os
_doctest_cwd = _os.getcwd()
_os.chdir({str(ROOT)!r})
import datetime
import datetime as dt
from pathlib import Path
import mideastnews as mn
from mideastnews import dates
from mideastnews.dates import *
from mideastnews.text import *
"""
doctest_global_cleanup = """
_os.chdir(_doctest_cwd)
"""
doctest_default_flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE | doctest.DONT_ACCEPT_TRUE_FOR_1


# -- resolving mideastnews' own names -------------------------------------------
# Docstrings name objects by the path of the module that defines them
# (``.finder.find_dates``, ``mideastnews.model.Article``) or relative to it
# (``IRAN_HIJRI_TOLERANCE``); the reference documents each object once, under
# its public name (``mideastnews.dates.find_dates``).  This resolves such a
# reference to the one documented object whose name ends the same way, and an
# attribute listed in its class's docstring (``DateMention.group``) to that
# class.  A name that matches nothing, or more than one object, stays a warning.
def _resolve_own_names(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    if node.get("refdomain") != "py":
        return None
    target = str(node.get("reftarget", "")).lstrip(".~")
    if not target or target.split(".")[0] in {"datetime", "os", "typing", "collections"}:
        return None
    domain = env.get_domain("py")
    objects = [(name, obj) for name, obj in domain.objects.items()
               if name.startswith("mideastnews") and not obj.aliased]
    wanted = [target]
    if "." in target:
        wanted.append(target.rpartition(".")[0])  # an attribute documented in its class's docstring
        wanted.append(target.rpartition(".")[2])  # a definition path: .finder.find_dates
    for name in wanted:
        found = [(n, o) for n, o in objects if n == name or n.endswith("." + name)]
        if len(found) == 1:
            fullname, obj = found[0]
            return make_refnode(app.builder, node["refdoc"], obj.docname, obj.node_id, contnode, fullname)
        if found:
            return None
    return None


def setup(app: Any) -> None:
    """Register the resolver of mideastnews' own names."""
    app.connect("missing-reference", _resolve_own_names)
