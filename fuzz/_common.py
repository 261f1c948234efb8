"""Shared set-up for the atheris harnesses: documented errors, invariants, instrumentation, seed corpora.

A harness imports this module inside ``atheris.instrument_imports()`` and
calls :func:`import_everything` there too, so that every module of the
package (the parsers are otherwise imported lazily, outside the block) is
instrumented for coverage.
"""

from __future__ import annotations

import gzip
import importlib
import json
import pkgutil
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import mideastnews as mn

__all__ = [
    "DOCUMENTED",
    "ROOT",
    "adversarial_texts",
    "check_article",
    "date_texts",
    "encode",
    "html_fixtures",
    "import_everything",
    "main",
    "seed_texts",
]

#: What a public function may raise on a well-typed call; anything else is a bug.
DOCUMENTED = (mn.ParseError, mn.DateError, mn.PluginError)

ROOT = Path(__file__).resolve().parents[1]

#: A default per-input time limit (seconds): an input of at most a few dozen
#: KB that takes longer than this is a hang, reported by libFuzzer as a crash.
DEFAULT_TIMEOUT = 60


def import_everything() -> None:
    """Import every module of the package (call it inside ``instrument_imports``)."""
    for info in pkgutil.walk_packages(mn.__path__, "mideastnews."):
        if info.name.endswith("__main__"):
            continue
        try:
            importlib.import_module(info.name)
        except ImportError:  # an optional extra (pyarrow, fastwarc) that is not installed
            continue


def check_article(article: mn.Article) -> None:
    """The invariants every parsed article keeps, whatever the input.

    Each date mention's offsets point at its text inside the field it was
    found in, and ``to_dict`` / ``from_dict`` round-trip to an equal article.
    """
    assert isinstance(article, mn.Article), type(article)
    fields = {("title", 0): article.title, ("lead", 0): article.lead or ""}
    fields.update((("paragraph", i), p) for i, p in enumerate(article.paragraphs))
    fields.update((("caption", i), c) for i, c in enumerate(article.captions))
    for m in article.dates:
        text = fields[(m.field or "", m.index or 0)]
        assert text[m.start:m.end] == m.text, (m, text)
    for q in article.quotes:
        assert 0 <= q.paragraph < max(1, len(article.paragraphs)), q
    data = article.to_dict()
    json.dumps(data, ensure_ascii=False)
    assert mn.Article.from_dict(data) == article


# -- seed material -------------------------------------------------------------------------------

def seed_texts() -> list[str]:
    """The user's seed documents (text dumps)."""
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]


def html_fixtures() -> list[bytes]:
    """The project's HTML fixtures, as the raw page bytes."""
    folder = ROOT / "tests" / "fixtures" / "html"
    return [gzip.decompress(p.read_bytes()) for p in sorted(folder.glob("*.gz"))]


def date_texts(limit: int = 120) -> list[str]:
    """Sentences with dates from the project's date cases."""
    path = ROOT / "tests" / "data" / "date_cases.jsonl"
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    step = max(1, len(lines) // limit)
    return [json.loads(line)["text"] for line in lines[::step] if line.strip()]


def adversarial_texts() -> dict[str, str]:
    """Strings known to hurt date finders, HTML parsers and decoders elsewhere."""
    return {
        "rlm-date": "وفي ١٤٠٣\u200f/١٢\u200f/٣٠ أعلن",
        "rlm-words": "۸\u200f آذر\u200f ۱۴۰۲ و ٢٩\u200f نوفمبر\u200f ٢٠٢٣",
        "zwj-date": "۸\u200d آذر\u200c ۱۴۰۲",
        "embedding": "\u202b۸ آذر ۱۴۰۲\u202c \u2067٧ أكتوبر ٢٠٢٣\u2069",
        "tatweel": "٧ أكتــــوبر ٢٠٢٣",
        "mixed-digits": "7 أكتوبر ٢٠23 و۱۴۰۲/۰۹/08 و2023-10-٠٧",
        "questions": "عنوان\n" + "؟" * 10_000,
        "digits": "1" * 5_000 + " أكتوبر " + "٢" * 5_000,
        "slashes": "1/" * 4_000,
        "weekdays": "الخميس " * 2_000,
        "deep": "<div>" * 20_000 + "x",
        "deep-p": "<html><body>" + "<p><b>" * 3_000 + "نص" + "</b></p>" * 3_000,
        "wide": "<html><body>" + "<span>ا</span>" * 3_000,
        "unclosed": "<html><body><script>" + "<div>" * 1_000,
        "comment": "<html><body><!--" + "<div>" * 2_000 + "<p>نص</p>",
        "svg": "<html><body>" + "<svg>" + "<g/>" * 2_000 + "<p>متن</p>",
        "quotes": "عنوان\n" + "«" * 3_000 + "قال" + "»" * 3_000,
        "surrogates": "عنوان\nنص \udcff\udcfe الخبر",
    }


def main(test_one_input: Callable[[bytes], None], corpus: Callable[[], Iterable[tuple[str, bytes]]]) -> None:
    """Write the seed corpus (``--make-corpus DIR``) or run atheris on ``test_one_input``."""
    import atheris

    if "--make-corpus" in sys.argv:
        out = Path(sys.argv[sys.argv.index("--make-corpus") + 1])
        out.mkdir(parents=True, exist_ok=True)
        count = 0
        for name, data in corpus():
            (out / name).write_bytes(data)
            count += 1
        print(f"wrote {count} inputs to {out}")
        return
    argv = list(sys.argv)
    if not any(a.startswith("-timeout=") for a in argv):
        argv.append(f"-timeout={DEFAULT_TIMEOUT}")
    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


def encode(text: str) -> bytes:
    """UTF-8 bytes of ``text``, lone surrogates kept as the bytes they stood for."""
    return text.encode("utf-8", errors="surrogateescape")
