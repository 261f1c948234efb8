"""atheris harness: find_dates, parse_date and convert.

    python fuzz/fuzz_dates.py --make-corpus fuzz/corpus/dates
    python fuzz/fuzz_dates.py fuzz/corpus/dates -runs=100000
"""

from __future__ import annotations

import datetime as dt

import atheris

with atheris.instrument_imports():
    from mideastnews import dates
    from _common import DOCUMENTED, main


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    target = fdp.ConsumeIntInRange(0, 2)
    ordinal = fdp.ConsumeIntInRange(1, dt.date.max.toordinal())
    ref = dt.date.fromordinal(ordinal) if fdp.ConsumeBool() else None
    try:
        if target == 0:
            text = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
            for m in dates.find_dates(text, ref=ref):
                assert text[m.start:m.end] == m.text, (text, m)
            dates.reconcile(dates.find_dates(text, ref=ref))
        elif target == 1:
            dates.parse_date(fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes()), ref=ref)
        else:
            cal = fdp.PickValueInList(["gregorian", "hijri", "jalali"])
            to = fdp.PickValueInList(["gregorian", "hijri", "jalali"])
            y, m, d = fdp.ConsumeIntInRange(-10, 10_000), fdp.ConsumeIntInRange(-1, 14), fdp.ConsumeIntInRange(-1, 33)
            value = dates.CalendarDate(cal, y, m, d)
            dates.convert(value, to)
            if ref is not None:
                dates.convert(ref, to)
    except DOCUMENTED:
        pass


if __name__ == "__main__":
    main(test_one_input)
