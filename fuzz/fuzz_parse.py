"""atheris harness: mn.parse on bytes, text and HTML with fuzzed charset declarations.

    python fuzz/fuzz_parse.py --make-corpus fuzz/corpus/parse
    python fuzz/fuzz_parse.py fuzz/corpus/parse -runs=100000
"""

from __future__ import annotations

import atheris

with atheris.instrument_imports():
    import mideastnews as mn
    from _common import DOCUMENTED, main

CHARSETS = ["utf-8", "windows-1256", "cp1256", "iso-8859-6", "utf-16", "latin-1", "bogus", ""]


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    mode = fdp.ConsumeIntInRange(0, 3)
    try:
        if mode == 0:
            mn.parse(fdp.ConsumeBytes(fdp.remaining_bytes()))
        elif mode == 1:
            mn.parse(fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes()))
        elif mode == 2:
            charset = CHARSETS[fdp.ConsumeIntInRange(0, len(CHARSETS) - 1)]
            body = fdp.ConsumeBytes(fdp.remaining_bytes())
            mn.parse(f'<html><head><meta charset="{charset}"></head><body>'.encode() + body)
        else:
            url = fdp.PickValueInList(["https://arabic.rt.com/x/1-a/", "https://www.almayadeen.net/news/a/b",
                                       "https://www.irna.ir/news/85300000/x", "https://sarabic.ae/2023/x-1.html",
                                       None])
            mn.parse(fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes()), url=url)
    except DOCUMENTED:
        pass


if __name__ == "__main__":
    main(test_one_input)
