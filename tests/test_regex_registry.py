"""Every regular expression in the package goes through ``mideastnews._regex.compile``.

Two checks, one on the source and one on the imported modules:

* the source holds no bare ``re.compile(…)``, ``re.search(…)``, ``re.sub(…)``
  … calls with a pattern string (nor the same functions imported from ``re``
  or through an alias of it), so no pattern escapes the registry and its
  linear-time check (``tests/test_regex_growth.py``);
* every compiled pattern reachable from a module's globals (directly, in a
  class, or inside a tuple, list, set or dict) is one the registry holds, so a
  pattern registered twice under the same name cannot silently drop out of
  the growth check.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

import mideastnews
from mideastnews import _regex

SRC = Path(mideastnews.__file__).resolve().parent
REGISTRY = SRC / "_regex.py"
#: The ``re`` functions that take a pattern (a string pattern compiles it, unregistered).
PATTERN_FUNCTIONS = frozenset({"compile", "search", "match", "fullmatch", "sub", "subn", "finditer", "split",
                               "findall"})
STRING_ALIASES = frozenset({"re", "regex"})  # ``regex`` is the third-party module with the same API


def _sources() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if p != REGISTRY)


def _string_names(tree: ast.Module) -> set[str]:
    """Names assigned a string (literal, f-string, concatenation, join, format) anywhere in the module."""
    names: set[str] = set()
    for node in ast.walk(tree):
        value: ast.expr | None = None
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            value, targets = node.value, list(node.targets)
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            value, targets = node.value, [node.target]
        if value is not None and _is_string(value, set()):
            names.update(t.id for t in targets if isinstance(t, ast.Name))
    return names


def _is_string(node: ast.expr, string_names: set[str]) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, (str, bytes))
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):  # "a" + b, "%s" % x
        return _is_string(node.left, string_names) or _is_string(node.right, string_names)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):  # "|".join(...), "{}".format()
        return node.func.attr in ("join", "format") and _is_string(node.func.value, string_names)
    if isinstance(node, ast.Name):
        return node.id in string_names
    return False


def bare_pattern_calls(source: str, filename: str = "<string>") -> list[str]:
    """``file:line: call`` for every call compiling a string pattern outside the registry."""
    tree = ast.parse(source, filename)
    modules: set[str] = set()  # local names bound to the re module
    functions: dict[str, str] = {}  # local names bound to re's pattern functions
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in STRING_ALIASES:
                    modules.add(alias.asname or alias.name)
        elif isinstance(node, ast.ImportFrom) and node.module in STRING_ALIASES:
            for alias in node.names:
                if alias.name in PATTERN_FUNCTIONS:
                    functions[alias.asname or alias.name] = alias.name
    string_names = _string_names(tree)
    found: list[str] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        called: str | None = None
        if (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in modules
                and func.attr in PATTERN_FUNCTIONS):
            called = f"{func.value.id}.{func.attr}"
        elif isinstance(func, ast.Name) and func.id in functions:
            called = func.id
        if called is None:
            continue
        pattern = node.args[0] if node.args else next(
            (k.value for k in node.keywords if k.arg == "pattern"), None)
        # re.compile of anything at all is an unregistered pattern; the others
        # take a compiled pattern too, so only a string pattern is flagged.
        if called.endswith("compile") or (pattern is not None and _is_string(pattern, string_names)):
            found.append(f"{filename}:{node.lineno}: {ast.unparse(node)[:100]}")
    return found


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(SRC)))
def test_no_bare_pattern_calls(path: Path) -> None:
    found = bare_pattern_calls(path.read_text(encoding="utf-8"), str(path.relative_to(SRC)))
    assert not found, "compile these through mideastnews._regex.compile:\n" + "\n".join(found)


@pytest.mark.parametrize("source", [
    'import re\nX = re.compile("a+")\n',
    'import re\ndef f(s):\n    return re.search(r"\\d+", s)\n',
    'import re\ndef f(s):\n    return re.sub("a" + "b", "", s)\n',
    'import re\nP = "|".join(["a", "b"])\ndef f(s):\n    return re.findall(P, s)\n',
    'import re as _re\ndef f(s):\n    return _re.match(f"{s}x", s)\n',
    'from re import finditer\ndef f(s):\n    return list(finditer("x", s))\n',
    'from re import split as cut\ndef f(s):\n    return cut(pattern="[,،]", string=s)\n',
    'import re\nX = re.compile(PATTERN_FROM_ELSEWHERE)\n',
])
def test_scanner_flags_bare_calls(source: str) -> None:
    assert bare_pattern_calls(source), source


@pytest.mark.parametrize("source", [
    'from . import _regex\nX = _regex.compile("a", "a+")\n',
    'import re\nfrom . import _regex\nX = _regex.compile("a", "a+", re.I)\n'
    'def f(s):\n    return re.sub(X, "", s)\n',
    'def f(s):\n    return s.split(",") + s.before.split()\n',
    'import re\ndef f(m: re.Match[str]) -> str:\n    return m.group(0)\n',
])
def test_scanner_passes_registered_patterns(source: str) -> None:
    assert not bare_pattern_calls(source), source


def _import_all() -> list[types.ModuleType]:
    modules = []
    for info in pkgutil.walk_packages(mideastnews.__path__, "mideastnews."):
        if info.name.endswith("__main__"):
            continue
        try:
            modules.append(importlib.import_module(info.name))
        except ImportError as exc:
            if "mideastnews" in str(exc):
                raise
    return modules


def _patterns(value: object, depth: int = 0) -> Iterator[re.Pattern[str]]:
    if isinstance(value, re.Pattern):
        yield value
    elif depth < 3 and isinstance(value, (tuple, list, set, frozenset)):
        for item in value:
            yield from _patterns(item, depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for item in value.values():
            yield from _patterns(item, depth + 1)


def test_every_compiled_pattern_is_registered() -> None:
    modules = _import_all()  # first: importing a module registers its patterns
    registered = {id(reg.pattern) for reg in _regex.PATTERNS.values()}
    missing: list[str] = []
    for module in modules:
        if module is _regex:
            continue
        for attr, value in vars(module).items():
            scopes = [(attr, value)]
            if isinstance(value, type) and value.__module__ == module.__name__:
                scopes = [(f"{attr}.{k}", v) for k, v in vars(value).items()]
            for name, item in scopes:
                for pattern in _patterns(item):
                    if id(pattern) not in registered:
                        missing.append(f"{module.__name__}.{name}: {pattern.pattern[:60]!r}")
    header = "patterns not in mideastnews._regex.PATTERNS (unregistered or a duplicate name):\n"
    assert not missing, header + "\n".join(missing)


def test_registered_patterns_have_worst_inputs() -> None:
    for name, reg in _regex.PATTERNS.items():
        assert reg.worst, name
        for make in reg.worst:
            text = make(64)
            assert isinstance(text, str), (name, make)
            assert len(text) >= 32, (name, make)
