"""The parser registry: built-ins by manifest, plugins by entry point, loaded on first use.

Entry points of the ``mideastnews.parsers`` group are read once and kept as
strings; a parser's module is imported only when that parser is first
needed.  A plugin that fails (import error, not a :class:`Parser`, an
exception in ``score``/``parse``, a duplicate name) is recorded, warned
about once, and skipped; the built-ins and every other plugin keep working.
"""

from __future__ import annotations

import importlib
import os
import threading
import warnings
from importlib import metadata
from types import MappingProxyType
from typing import Literal

import attrs

from .document import Document
from .errors import MideastNewsWarning, ParseError, PluginError
from .parsers.base import Parser

__all__ = ["BUILTIN_PARSERS", "ENTRY_POINT_GROUP", "ParserInfo", "Registry", "registry"]

ENTRY_POINT_GROUP = "mideastnews.parsers"
_OWN_DISTRIBUTION = "mideastnews"

#: The built-in parsers, known without installation (they also ship as entry points).
BUILTIN_PARSERS: dict[str, str] = {
    "rt": "mideastnews.parsers.rt:RTParser",
    "almayadeen": "mideastnews.parsers.almayadeen:AlMayadeenParser",
    "irna": "mideastnews.parsers.irna:IRNAParser",
    "sputnik": "mideastnews.parsers.sputnik:SputnikParser",
    "generic": "mideastnews.parsers.generic:GenericParser",
}
FALLBACK = "generic"
#: A content score below this claims nothing; the generic parser takes the page.
MIN_SCORE = 0.5

Status = Literal["not loaded", "loaded", "failed"]


@attrs.frozen
class ParserInfo:
    """What the registry knows of one parser.

    Attributes:
        name: The registry name.
        target: ``"module:Class"``, or ``None`` for a class registered at run time.
        distribution: The installed distribution that declares it (``"mideastnews"``
            for the built-ins).
        builtin: Whether it ships with mideastnews.
        status: ``"not loaded"``, ``"loaded"`` or ``"failed"``.
        domains: The hosts it owns (known once loaded).
        languages: Its languages (known once loaded).
        error: Why it failed, or the last error it raised in ``score``/``parse``.
    """

    name: str
    target: str | None
    distribution: str
    builtin: bool
    status: Status
    domains: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    error: str | None = None


@attrs.define
class _Entry:
    name: str
    target: str | None
    distribution: str
    builtin: bool
    parser: Parser | None = None
    failed: str | None = None
    runtime_error: str | None = None
    warned: set[str] = attrs.field(factory=set)

    def info(self) -> ParserInfo:
        status: Status = "failed" if self.failed else ("loaded" if self.parser else "not loaded")
        p = self.parser
        return ParserInfo(
            name=self.name, target=self.target, distribution=self.distribution, builtin=self.builtin,
            status=status, domains=tuple(p.domains) if p else (), languages=tuple(p.languages) if p else (),
            error=self.failed or self.runtime_error,
        )


def _plugins_disabled() -> bool:
    return os.environ.get("MIDEASTNEWS_DISABLE_PLUGINS", "").strip().lower() in {"1", "true", "yes", "on"}


class Registry:
    """Parsers by name, discovered once and loaded lazily."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._entries: dict[str, _Entry] | None = None

    # -- discovery ------------------------------------------------------
    def _discover(self) -> dict[str, _Entry]:
        if self._entries is not None:
            return self._entries
        with self._lock:
            if self._entries is not None:
                return self._entries
            entries = {name: _Entry(name, target, _OWN_DISTRIBUTION, True)
                       for name, target in BUILTIN_PARSERS.items()}
            if not _plugins_disabled():
                for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
                    dist = ep.dist.name if ep.dist is not None else "?"
                    if dist == _OWN_DISTRIBUTION and ep.name in BUILTIN_PARSERS:
                        continue
                    if ep.name in entries:
                        key = f"{dist}:{ep.name}"
                        entry = _Entry(key, ep.value, dist, False)
                        entry.failed = (f"duplicate name {ep.name!r}: already provided by "
                                        f"{entries[ep.name].distribution}; this one is ignored")
                        entries[key] = entry
                        self._warn(entry, "duplicate", entry.failed)
                        continue
                    entries[ep.name] = _Entry(ep.name, ep.value, dist, False)
            self._entries = entries
            return entries

    def _warn(self, entry: _Entry, phase: str, message: str) -> None:
        if phase in entry.warned:
            return
        entry.warned.add(phase)
        warnings.warn(f"mideastnews parser {entry.name!r} ({entry.distribution}): {message}",
                      MideastNewsWarning, stacklevel=4)

    def _load(self, entry: _Entry) -> Parser | None:
        if entry.parser is not None or entry.failed:
            return entry.parser
        with self._lock:
            if entry.parser is not None or entry.failed:
                return entry.parser
            assert entry.target is not None
            module_name, _, attr = entry.target.partition(":")
            try:
                obj: object = importlib.import_module(module_name)
                for part in attr.split(".") if attr else ():
                    obj = getattr(obj, part)
            except Exception as exc:  # a plugin may fail in any way; record it
                entry.failed = f"failed to import {entry.target}: {type(exc).__name__}: {exc}"
                self._warn(entry, "load", entry.failed)
                return None
            if not (isinstance(obj, type) and issubclass(obj, Parser)):
                entry.failed = f"{entry.target} is not a mideastnews.Parser subclass"
                self._warn(entry, "load", entry.failed)
                return None
            try:
                entry.parser = obj()
            except Exception as exc:
                entry.failed = f"{entry.target}() raised {type(exc).__name__}: {exc}"
                self._warn(entry, "load", entry.failed)
            return entry.parser

    # -- public view ----------------------------------------------------
    def infos(self, *, load: bool = True) -> MappingProxyType[str, ParserInfo]:
        """A read-only mapping of name to :class:`ParserInfo` (loading each parser by default)."""
        entries = self._discover()
        if load:
            for entry in list(entries.values()):
                self._load(entry)
        return MappingProxyType({name: e.info() for name, e in entries.items()})

    def get(self, name: str) -> Parser:
        """The parser registered as ``name``, loaded on first use.

        Raises:
            TypeError: ``name`` is not a string.
            PluginError: no such parser, or it failed to load.
        """
        if not isinstance(name, str):
            raise TypeError(f"parser name must be a string, not {type(name).__name__}")
        entries = self._discover()
        entry = entries.get(name)
        if entry is None:
            for e in entries.values():
                p = self._load(e)
                if p is not None and name in p.aliases:
                    return p
            known = ", ".join(sorted(n for n, e in entries.items() if not e.failed))
            raise PluginError(f"no parser named {name!r}; known parsers: {known}")
        parser = self._load(entry)
        if parser is None:
            raise PluginError(f"parser {name!r} is unavailable: {entry.failed}")
        return parser

    def register(self, cls: type[Parser], *, replace: bool = False) -> None:
        """Register a parser class defined at run time.

        Raises:
            TypeError: ``cls`` is not a :class:`Parser` subclass.
            PluginError: the name is taken and ``replace`` is false, or the
                class has no name.
        """
        if not (isinstance(cls, type) and issubclass(cls, Parser)):
            raise TypeError(f"{cls!r} is not a mideastnews.Parser subclass")
        if not cls.name:
            raise PluginError(f"{cls.__name__} declares no name")
        entries = self._discover()
        with self._lock:
            if cls.name in entries and not replace:
                raise PluginError(f"a parser named {cls.name!r} is already registered; pass replace=True")
            entry = _Entry(cls.name, None, cls.__module__.partition(".")[0], False)
            entry.parser = cls()
            entries[cls.name] = entry

    def unregister(self, name: str) -> None:
        """Remove a parser registered at run time (built-ins stay)."""
        entries = self._discover()
        with self._lock:
            entry = entries.get(name)
            if entry is not None and not entry.builtin:
                del entries[name]

    def reset(self) -> None:
        """Forget everything and read the entry points again on next use."""
        with self._lock:
            self._entries = None

    # -- detection and fault isolation -----------------------------------
    def _loaded(self) -> list[_Entry]:
        entries = self._discover()
        return [e for e in list(entries.values()) if self._load(e) is not None]

    def _score(self, entry: _Entry, doc: Document) -> float:
        assert entry.parser is not None
        try:
            value = float(entry.parser.score(doc))
        except Exception as exc:
            entry.runtime_error = f"score() raised {type(exc).__name__}: {exc}"
            self._warn(entry, "score", entry.runtime_error)
            return 0.0
        return value if 0.0 <= value <= 1.0 else 0.0

    def candidates(self, doc: Document) -> list[Parser]:
        """The parsers to try for ``doc``, best first, ending with the generic parser.

        The URL's domain decides first (the longest matching domain wins);
        then each parser's :meth:`~Parser.score` of the content, where at
        least :data:`MIN_SCORE`; the generic parser takes the rest.
        """
        loaded = [e for e in self._loaded() if e.name != FALLBACK]
        ranked: list[Parser] = []
        if doc.url:
            by_domain = []
            for e in loaded:
                assert e.parser is not None
                try:
                    hit = e.parser.claims_url(doc.url)
                except Exception as exc:
                    e.runtime_error = f"claims_url() raised {type(exc).__name__}: {exc}"
                    self._warn(e, "claims_url", e.runtime_error)
                    hit = False
                if hit:
                    longest = max((len(d) for d in e.parser.domains), default=0)
                    by_domain.append((longest, e.parser))
            ranked.extend(p for _, p in sorted(by_domain, key=lambda t: -t[0]))
        if not ranked:
            scored = [(self._score(e, doc), i, e.parser) for i, e in enumerate(loaded)]
            ranked.extend(p for s, _, p in sorted(scored, key=lambda t: (-t[0], t[1]))
                          if s >= MIN_SCORE and p is not None)
        ranked.append(self.get(FALLBACK))
        return ranked

    def run(self, parser: Parser, doc: Document) -> object:
        """Call ``parser.parse(doc)``, recording a plugin's failure.

        Returns the article, or the exception it raised (recorded and warned
        about for parsers other than the built-ins).
        """
        try:
            return parser.parse(doc)
        except Exception as exc:
            entry = self._discover().get(parser.name)
            if entry is not None and not isinstance(exc, ParseError):
                entry.runtime_error = f"parse() raised {type(exc).__name__}: {exc}"
                self._warn(entry, "parse", entry.runtime_error)
            return exc


registry = Registry()
