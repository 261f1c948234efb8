"""atheris harness: mn.parse on HTML bytes with fuzzed charset declarations and encodings.

    ../.venv/bin/python fuzz_html.py --make-corpus corpus/html
    ../.venv/bin/python fuzz_html.py corpus/html -runs=100000

Input layout: byte 0 picks how the charset is declared (``<meta charset>``,
``<meta http-equiv>``, an XML prolog, a byte-order mark, two conflicting
declarations, none), byte 1 the declared charset, byte 2 the encoding the
bytes are really in, byte 3 the ``<html lang>``, byte 4 whether the body is
re-encoded or appended as raw bytes; the rest is the page's body.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator

import atheris

with atheris.instrument_imports():
    from _common import DOCUMENTED, adversarial_texts, check_article, html_fixtures, import_everything, main

    import mideastnews as mn

    import_everything()

DECLARED = ("utf-8", "UTF8", "windows-1256", "cp1256", "iso-8859-6", "arabic", "utf-16", "utf-16le",
            "latin-1", "iso-8859-1", "windows-1252", "koi8-r", "shift_jis", "big5", "bogus", "", "x" * 41,
            "utf-7",
            "rot13", "base64", "hex", "zlib", "idna", "punycode", "unicode-escape", "mbcs")
ACTUAL = ("utf-8", "cp1256", "iso-8859-6", "utf-16-le", "utf-16-be", "latin-1", "cp1251", "shift_jis")
LANGS = ("ar", "fa", "en", "", "ar-SA\"", "x" * 50)


def _declaration(form: int, charset: str) -> bytes:
    forms = (
        f'<meta charset="{charset}">',
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">',
        f"<meta charset={charset}>",
        f"<META CHARSET='{charset}'>",
        f'<meta charset="utf-8"><meta charset="{charset}">',
        f'<meta name="x" content="charset={charset}">',
        "",
    )
    return forms[form % len(forms)].encode("ascii", errors="replace")


def test_one_input(data: bytes) -> None:
    if len(data) < 5:
        return
    form, charset = data[0], DECLARED[data[1] % len(DECLARED)]
    actual, lang, raw = ACTUAL[data[2] % len(ACTUAL)], LANGS[data[3] % len(LANGS)], data[4] & 1
    body = data[5:]
    text = body.decode("utf-8", errors="replace")
    encoded = body if raw else text.encode(actual, errors="replace")
    head = f'<!DOCTYPE html><html lang="{lang}"><head>'.encode("ascii", errors="replace")
    prolog = b""
    if form % 11 == 7:
        prolog = f'<?xml version="1.0" encoding="{charset}"?>'.encode("ascii", errors="replace")
    elif form % 11 == 8:
        prolog = codecs.BOM_UTF8
    elif form % 11 == 9:
        prolog = codecs.BOM_UTF16_LE
    page = (prolog + head + _declaration(form, charset) + b"<title>" + encoded[:60] + b"</title></head><body>"
            + encoded + b"</body></html>")
    try:
        article = mn.parse(page)
    except DOCUMENTED:
        return
    check_article(article)


def corpus() -> Iterator[tuple[str, bytes]]:
    """Fixture bodies and adversarial strings under several declarations and encodings."""
    pages = enumerate(html_fixtures())
    bodies = {f"html{i}": page.split(b"<body", 1)[-1].split(b">", 1)[-1] for i, page in pages}
    bodies.update((name, t.encode("utf-8", errors="replace")) for name, t in adversarial_texts().items())
    for name, body in bodies.items():
        for form, declared, actual in ((0, 0, 0), (1, 2, 1), (0, 0, 1), (7, 3, 0), (8, 8, 0), (6, 15, 1),
                                       (4, 8, 2), (0, 6, 3)):
            yield f"{name}-{form}-{declared}-{actual}", bytes([form, declared, actual, 0, 0]) + body


if __name__ == "__main__":
    main(test_one_input, corpus)
