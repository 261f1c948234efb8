"""atheris harness: find_dates, reconcile, parse_date, CalendarDate and convert.

    ../.venv/bin/python fuzz_dates.py --make-corpus corpus/dates
    ../.venv/bin/python fuzz_dates.py corpus/dates -runs=100000

Input layout: byte 0 picks the target, byte 1 whether a ``ref`` day is given,
bytes 2-4 the ``ref`` ordinal; the rest is the text (UTF-8, invalid bytes as
lone surrogates) or, for the calendar target, the date's fields.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import atheris

with atheris.instrument_imports():
    from _common import DOCUMENTED, adversarial_texts, date_texts, encode, import_everything, main, seed_texts

    from mideastnews import dates

    import_everything()

CALENDARS = ("gregorian", "hijri", "jalali")
LANGS = ("fa", "ar", "en")
DIGITS = ("latin", "arabic", "persian", None)
MAX_ORDINAL = dt.date.max.toordinal()


def _ref(data: bytes) -> dt.date | None:
    if not data[1] & 1:
        return None
    return dt.date.fromordinal(1 + int.from_bytes(data[2:5], "big") % MAX_ORDINAL)


def _calendar(data: bytes, ref: dt.date | None) -> None:
    f = data.ljust(12, b"\0")
    cal, to = CALENDARS[f[0] % 3], CALENDARS[f[1] % 3]
    year = int.from_bytes(f[2:4], "big", signed=True)
    month, day = f[4] % 16 - 1, f[5] % 36 - 1
    try:
        value = dates.CalendarDate(cal, year, month, day)
    except DOCUMENTED:
        value = None
    if value is not None:
        day_ = value.to_gregorian()
        assert isinstance(day_, dt.date)
        assert value.weekday == day_.weekday()
        value.format(LANGS[f[6] % 3], DIGITS[f[7] % 4], era=bool(f[8] & 1))
        there = dates.convert(value, to)
        assert there.to_gregorian() == day_, (value, there)
        assert dates.convert(there, cal) == value
        assert value.to(to) == there
    if ref is not None:
        dates.convert(ref, to).format(LANGS[f[6] % 3])


def test_one_input(data: bytes) -> None:
    if len(data) < 5:
        return
    target = data[0] % 3
    ref = _ref(data)
    body = data[5:]
    try:
        if target == 2:
            _calendar(body, ref)
            return
        text = body.decode("utf-8", errors="surrogateescape")
        if target == 0:
            found = dates.find_dates(text, ref=ref)
            last = -1
            for m in found:
                assert text[m.start:m.end] == m.text, (text, m)
                assert m.start >= last, (text, found)
                last = m.start
            dates.reconcile(found)
        else:
            m = dates.parse_date(text, ref=ref)
            assert text[m.start:m.end] == m.text, (text, m)
    except DOCUMENTED:
        pass


def corpus() -> Iterator[tuple[str, bytes]]:
    """Dated sentences, the seeds and adversarial strings, for both text targets, with and without ``ref``."""
    texts = {f"case{i}": t for i, t in enumerate(date_texts())}
    texts.update((f"seed{i}", t) for i, t in enumerate(seed_texts()))
    texts.update(adversarial_texts())
    for name, text in texts.items():
        for target in (0, 1):
            yield f"{name}-t{target}", bytes([target, 1]) + (739_000).to_bytes(3, "big") + encode(text)
            yield f"{name}-t{target}-noref", bytes([target, 0, 0, 0, 0]) + encode(text)
    for cal in range(3):
        for to in range(3):
            for year in (1, 622, 1402, 1445, 2023, 9999, -5, 32767):
                fields = bytes([cal, to]) + year.to_bytes(2, "big", signed=True) + bytes([13, 31, to, 3, 1])
                yield f"cal-{cal}{to}-{year}", bytes([2, 1]) + (739_000).to_bytes(3, "big") + fields


if __name__ == "__main__":
    main(test_one_input, corpus)
