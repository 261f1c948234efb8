"""Shared set-up for the atheris harnesses: the documented errors and the seed corpus."""

from __future__ import annotations

import sys
from pathlib import Path

import mideastnews as mn

#: What a public function may raise; anything else is a bug.
DOCUMENTED = (mn.ParseError, mn.DateError, mn.PluginError)

ROOT = Path(__file__).resolve().parents[1]


def seed_corpus(out: Path) -> None:
    """Write the seeds and the project's fixtures as starting inputs into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    for i, path in enumerate(sorted((ROOT / "seeds").glob("*.txt"))):
        (out / f"seed{i}").write_bytes(path.read_bytes())
    adversarial = {
        "rlm-date": "١٤٠٣\u200f/١٢\u200f/٣٠",
        "zwj-date": "۸\u200d آذر\u200c ۱۴۰۲",
        "mixed-digits": "7 أكتوبر ٢٠23 و۱۴۰۲/۰۹/08",
        "questions": "؟" * 10_000,
        "deep": "<div>" * 20_000 + "x",
        "charset": '<meta charset="windows-1256"><p>\xe3\xd1\xcd\xc8\xc7</p>',
    }
    for name, text in adversarial.items():
        (out / name).write_bytes(text.encode("utf-8", errors="surrogateescape"))


def main(test_one_input: object) -> None:
    """Run atheris on ``test_one_input`` with the given command-line arguments."""
    import atheris

    if "--make-corpus" in sys.argv:
        seed_corpus(Path(sys.argv[sys.argv.index("--make-corpus") + 1]))
        return
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
