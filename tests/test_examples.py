"""Every script in examples/ runs, as a user would run it, and prints what it promises.

The plugin template's own test suite runs here too (in a subprocess, with
its own pytest configuration) when the template is installed.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
TEMPLATE = EXAMPLES / "plugin_template"


def run(*args: str | Path, cwd: Path | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run ``python ARGS`` in a fresh interpreter, from a directory other than the repository's."""
    return subprocess.run(
        [sys.executable, *map(str, args)],
        cwd=cwd or EXAMPLES,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )


def test_every_example_is_tested() -> None:
    scripts = {p.name for p in EXAMPLES.glob("*.py")}
    assert scripts == {"parse_seeds.py", "convert_jalali_column.py", "irna_dates.py",
                       "dataframe_from_folder.py"}


def test_parse_seeds_prints_a_table() -> None:
    result = run(EXAMPLES / "parse_seeds.py")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:4] == ["file", "source", "lang", "published"]
    rows = {line.split()[0]: line.split()[1:3] for line in lines[1:] if ".txt" in line}
    assert rows == {
        "000_e1b61d642fe6823b.txt": ["rt", "ar"],
        "001_603f5c7882508bd5.txt": ["almayadeen", "ar"],
        "002_4e89572f350e2751.txt": ["irna", "fa"],
        "003_6f85dbe59f1eeb40.txt": ["generic", "ar"],
        "004_e1d003cca7f14586.txt": ["sputnik", "ar"],
    }


def test_parse_seeds_refuses_an_empty_folder(tmp_path: Path) -> None:
    result = run(EXAMPLES / "parse_seeds.py", tmp_path)
    assert result.returncode == 1
    assert "no .txt files" in result.stderr


def test_convert_jalali_column() -> None:
    result = run(EXAMPLES / "convert_jalali_column.py")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "row 5" in out
    assert "1402 is a common year" in out
    rows = {line.split()[0]: line.split()[1] for line in out.splitlines()[2:]}
    assert rows["۱۴۰۲/۰۹/۰۸"] == "2023-11-29"
    assert rows["1402/07/15"] == "2023-10-07"
    assert rows["1403-01-01"] == "2024-03-20"  # Nowruz 1403
    assert rows["1403/12/30"] == "2025-03-20"  # 1403 is a leap year
    assert rows["1402/12/30"] == "invalid"
    assert "15 جمادى الأولى 1445" in out


def test_irna_dates_reconciles_the_paired_calendars() -> None:
    result = run(EXAMPLES / "irna_dates.py")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "چهارشنبه هشتم آذرماه ۱۴۰۲" in out
    assert "۲۹ نوامبر" in out
    assert "agree on 2023-11-29" in out
    assert "agree on 2023-10-07" in out
    assert "CONFLICT" not in out


def test_dataframe_from_folder(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    for seed in sorted((ROOT / "seeds").glob("*.txt"))[:3]:
        (folder / "sub" / seed.name).write_bytes(seed.read_bytes())
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    result = run(EXAMPLES / "dataframe_from_folder.py", folder)
    assert result.returncode == 0, result.stderr
    assert "failed:" in result.stderr
    assert "empty.txt" in result.stderr
    assert "ParseError" in result.stderr
    table = result.stdout.split("\n\n")[0].splitlines()
    assert table[0].split()[:3] == ["file", "source", "language"]
    assert [line.split()[1] for line in table[1:]] == ["rt", "almayadeen", "irna"]


def test_plugin_template_suite_passes() -> None:
    if importlib.util.find_spec("mn_tasnim") is None:
        pytest.skip("the plugin template is not installed (pip install examples/plugin_template)")
    result = run("-m", "pytest", "-q", "-p", "no:cacheprovider", cwd=TEMPLATE, timeout=600)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout
