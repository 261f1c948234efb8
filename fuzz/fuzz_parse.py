"""atheris harness: mn.parse on bytes and text, with and without a URL, and the article's invariants.

    ../.venv/bin/python fuzz_parse.py --make-corpus corpus/parse
    ../.venv/bin/python fuzz_parse.py corpus/parse -runs=100000

Input layout: byte 0 picks the mode (raw bytes; text; text with a source's
URL; bytes with a forced parser), byte 1 the URL or parser; the rest is the
input (as text: UTF-8 with invalid bytes as lone surrogates).  Every article
returned must keep the invariants of ``_common.check_article``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import atheris

with atheris.instrument_imports():
    from _common import (
        DOCUMENTED,
        adversarial_texts,
        check_article,
        encode,
        html_fixtures,
        import_everything,
        main,
        seed_texts,
    )

    import mideastnews as mn

    import_everything()

URLS = ("https://arabic.rt.com/middle_east/1500000-x/", "https://www.almayadeen.net/news/politics/x",
        "https://www.irna.ir/news/85300000/x", "https://sarabic.ae/20231129/x-1081234567.html",
        "https://example.com/a", "not a url", "", None)
PARSERS = ("rt", "almayadeen", "irna", "sputnik", "generic", "no-such-parser")
REF = dt.date(2024, 3, 15)


def test_one_input(data: bytes) -> None:
    if len(data) < 2:
        return
    mode, pick, body = data[0] % 4, data[1], data[2:]
    text = body.decode("utf-8", errors="surrogateescape")
    try:
        if mode == 0:
            article = mn.parse(body)
        elif mode == 1:
            article = mn.parse(text, ref=REF if pick & 1 else None)
        elif mode == 2:
            article = mn.parse(text, url=URLS[pick % len(URLS)])
        else:
            article = mn.parse(body, parser=PARSERS[pick % len(PARSERS)])
    except DOCUMENTED:
        return
    check_article(article)


def corpus() -> Iterator[tuple[str, bytes]]:
    """The seeds, the HTML fixtures and adversarial strings, in each mode."""
    inputs = {f"seed{i}": encode(t) for i, t in enumerate(seed_texts())}
    inputs.update((f"html{i}", page) for i, page in enumerate(html_fixtures()))
    inputs.update((name, encode(t)) for name, t in adversarial_texts().items())
    for name, body in inputs.items():
        for mode in range(4):
            yield f"{name}-m{mode}", bytes([mode, 1 if mode != 3 else 4]) + body


if __name__ == "__main__":
    main(test_one_input, corpus)
