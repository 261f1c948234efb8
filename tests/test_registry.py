"""The registry: built-ins, entry-point plugins, lazy loading and fault isolation.

Each faulty plugin is a fake installed distribution (a ``*.dist-info`` folder
with ``entry_points.txt``) on a temporary ``sys.path`` entry.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

import mideastnews as mn
from mideastnews.registry import BUILTIN_PARSERS, registry

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
BUILTINS = ("rt", "almayadeen", "irna", "sputnik", "generic")

PLUGIN_BASE = '''
from mideastnews import Parser, Article

class Base(Parser):
    languages = ("ar",)
    def parse_text(self, doc):
        lines = [l for l in doc.lines if l.strip()]
        return Article(source=self.name, title=lines[0], paragraphs=lines[1:])
'''

FAULTS: dict[str, tuple[str, str]] = {
    # name: (module source, entry point target)
    "broken_import": ("raise ImportError('this plugin cannot be imported')\n", "broken_import_mod:P"),
    "not_a_parser": ("class P:\n    name = 'not_a_parser'\n", "not_a_parser_mod:P"),
    "bad_score": (PLUGIN_BASE + textwrap.dedent('''
        class P(Base):
            name = "bad_score"
            def score(self, doc):
                raise RuntimeError("score exploded")
        '''), "bad_score_mod:P"),
    "bad_parse": (PLUGIN_BASE + textwrap.dedent('''
        class P(Base):
            name = "bad_parse"
            domains = ("badparse.example",)
            def score(self, doc):
                return 1.0
            def parse(self, doc):
                raise KeyError("parse exploded")
        '''), "bad_parse_mod:P"),
    "rt": (PLUGIN_BASE + "\nclass P(Base):\n    name = 'rt'\n", "dup_rt_mod:P"),
}


def _install_fake(root: Path, ep_name: str, module_src: str, target: str) -> None:
    dist = f"fake_{ep_name}"
    module = target.partition(":")[0]
    (root / f"{module}.py").write_text(module_src, encoding="utf-8")
    info = root / f"{dist}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[mideastnews.parsers]\n{ep_name} = {target}\n", encoding="utf-8")


@pytest.fixture
def plugin_path(tmp_path: Path) -> Iterator[Path]:
    sys.path.insert(0, str(tmp_path))
    registry.reset()
    try:
        yield tmp_path
    finally:
        sys.path.remove(str(tmp_path))
        registry.reset()


def test_builtins_known_and_loaded() -> None:
    infos = mn.parsers()
    for name in BUILTINS:
        assert infos[name].status == "loaded", infos[name]
        assert infos[name].builtin
    assert set(BUILTIN_PARSERS) == set(BUILTINS)
    assert infos["irna"].domains == ("irna.ir",)
    with pytest.raises(TypeError):
        infos["rt"] = infos["irna"]  # type: ignore[index]


def test_entry_points_kept_as_strings_until_used(plugin_path: Path) -> None:
    src, target = FAULTS["broken_import"]
    _install_fake(plugin_path, "broken_import", src, target)
    infos = registry.infos(load=False)
    assert infos["broken_import"].status == "not loaded"
    assert infos["broken_import"].target == "broken_import_mod:P"
    assert "broken_import_mod" not in sys.modules


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_fault_is_recorded_and_builtins_keep_working(plugin_path: Path, fault: str) -> None:
    src, target = FAULTS[fault]
    _install_fake(plugin_path, fault, src, target)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        articles = [mn.parse(p) for p in SEEDS]
        articles += [mn.parse(p) for p in SEEDS]  # twice: the warning is emitted once
        if fault == "bad_parse":
            art = mn.parse("عنوان\nنص الخبر", url="https://badparse.example/a/1")
            assert art.source == "generic"
            mn.parse("عنوان\nنص الخبر", url="https://badparse.example/a/2")
        infos = mn.parsers()
    assert len(articles) == 2 * len(SEEDS)
    assert all(isinstance(a, mn.Article) for a in articles)
    for name in BUILTINS:
        assert infos[name].status == "loaded"
    mine = [w for w in caught if issubclass(w.category, mn.MideastNewsWarning) and fault in str(w.message)]
    assert len(mine) == 1, [str(w.message) for w in caught]
    listed = [i for n, i in infos.items() if n.endswith(fault) and not i.builtin]
    assert len(listed) == 1
    assert listed[0].error, listed[0]
    if fault in ("broken_import", "not_a_parser", "rt"):
        assert listed[0].status == "failed"
    if fault == "rt":
        assert infos["rt"].builtin  # the built-in keeps its name
        assert mn.get_parser("rt").__module__ == "mideastnews.parsers.rt"


def test_failed_plugin_raises_plugin_error_only_when_asked(plugin_path: Path) -> None:
    src, target = FAULTS["broken_import"]
    _install_fake(plugin_path, "broken_import", src, target)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(mn.PluginError, match="cannot be imported"):
            mn.get_parser("broken_import")
        assert mn.parse(SEEDS[0]).title


def test_disable_plugins(plugin_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src, target = FAULTS["bad_score"]
    _install_fake(plugin_path, "bad_score", src, target)
    monkeypatch.setenv("MIDEASTNEWS_DISABLE_PLUGINS", "1")
    registry.reset()
    infos = mn.parsers()
    assert "bad_score" not in infos
    assert all(infos[n].status == "loaded" for n in BUILTINS)


def test_register_parser_at_run_time() -> None:
    class Tiny(mn.Parser):
        name = "tiny_runtime"
        domains = ("tiny.example",)
        languages = ("ar",)

        def parse_text(self, doc: mn.Document) -> mn.Article:
            return mn.Article(source=self.name, title=doc.lines[0])

    mn.register_parser(Tiny)
    try:
        assert mn.parse("عنوان\nنص", url="https://news.tiny.example/1").source == "tiny_runtime"
        with pytest.raises(mn.PluginError):
            mn.register_parser(Tiny)
        mn.register_parser(Tiny, replace=True)
        with pytest.raises(TypeError):
            mn.register_parser(int)  # type: ignore[arg-type]
    finally:
        registry.unregister("tiny_runtime")
    assert "tiny_runtime" not in mn.parsers()


def test_cli_lists_faults_and_still_parses_seeds(tmp_path: Path) -> None:
    for fault, (src, target) in FAULTS.items():
        _install_fake(tmp_path, fault, src, target)
    env = dict(os.environ, PYTHONPATH=str(tmp_path) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.pop("MIDEASTNEWS_DISABLE_PLUGINS", None)
    listing = subprocess.run([sys.executable, "-m", "mideastnews", "parsers"], env=env,
                             capture_output=True, text=True, check=True)
    for fault in FAULTS:
        assert fault in listing.stdout
    for name in BUILTINS:
        assert name in listing.stdout
    assert listing.stdout.count("failed") >= 3
    seeds_dir = Path(__file__).resolve().parents[1] / "seeds"
    run = subprocess.run([sys.executable, "-m", "mideastnews", "parse", str(seeds_dir)], env=env,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(records) == 5
    assert all("error" not in r for r in records)
