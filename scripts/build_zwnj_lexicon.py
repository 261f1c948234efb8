"""Build the Persian lexicon that :func:`mideastnews.text.repair_zwnj` ships with.

Source
------
The word lists of **hazm** (https://github.com/roshan-research/hazm), the Persian NLP
toolkit, as its PyPI package ships them (``hazm/data/words.dat`` and ``hazm/data/verbs.dat``).
hazm is released under the **MIT licence** (Copyright (c) 2013 Alireza Nourian); the
licence text is copied into ``src/mideastnews/text/data/LICENSE.hazm`` next to the
lexicon, which is a derived work.  Built and checked with hazm 0.10.0.

Second source: the word frequencies of **shekar** (https://github.com/amirivojdan/shekar),
the Persian NLP library, as its PyPI wheel ships them (``shekar/data/files/vocab.csv``,
checked with shekar 1.7.0), under the **MIT licence** (Copyright (c) 2024 Ahmad
Amirivojdan; copied to ``LICENSE.shekar``).  Only the counts of word pairs such as «سال» /
«ساله» are kept, to choose between two readings of one spelling («سالهای»: «سال‌های» or
«ساله‌ای»).  shekar pulls in onnxruntime, so the script reads its wheel without installing
it: ``pip download --no-deps shekar==1.7.0 -d /tmp/shekar`` then ``--shekar-wheel``.

Nothing here reads news text: the lexicon is made from hazm's word lists only (in
particular, never from the evaluation paragraphs in ``../shared/corpus``).

Output
------
``src/mideastnews/text/data/fa_lexicon.txt.gz``: UTF-8 text, gzip-compressed, with
sections introduced by ``@name`` lines, one entry per line:

``@words``
    Plain words hazm tags with a part of speech (noun, adjective, adverb, …).  A chunk of
    text that is one of these is left as it is, and they serve as bases for suffixes.
    Their part-of-speech tags follow a tab when they allow comparison (``AJ``/``ADV``).
``@weak``
    Plain words hazm lists without a tag (many are informal joined spellings such as
    «آنها» or «مهمترین»): used as bases only when no analysis applies.
``@compounds``
    hazm's spellings with a ZWNJ («تصمیم‌گیری», «بین‌المللی»).  A compound whose
    joined spelling hazm also lists («این‌که» beside «اینکه», «پیش‌گیری» beside
    «پیشگیری») is dropped: both spellings are in use, so a repair there could as well
    be wrong.
``@hei``
    Words in «ه» that hazm spells with «‌ای» after them, alone or as a compound's last
    part («دقیقه» from «پنج‌دقیقه‌ای»): «دقیقهای» is then read «دقیقه‌ای», not the
    plural «دقیق‌های».
``@plural_first``
    Words such as «طرف», «حق», «ساعت» whose plural «‌های» outweighs «ه‌ای» of the word
    in «ه» («طرفه»): spelled with a letter of Arabic loans, both tagged, and the bare word
    more than five times as frequent as the one in «ه» by hazm's frequency column.
``@rare``
    Tagged words that hazm's frequency column puts under 20,000 («یهودیه», «آماد»): as the
    base of a suffix they weigh no more than a relational adjective («یهودی‌های» rather
    than «یهودیه‌ای», «آماده‌ای» rather than «آمادهای»).
``@freq``
    ``word<TAB>count`` from shekar for each word ``X`` and ``Xه`` both in its vocabulary
    with at least 10,000 occurrences: they rank «سالهای» as «سال‌های» over «ساله‌ای»,
    «مجموعهای» as «مجموعه‌ای» over «مجموع‌های».
``@past`` / ``@present``
    Verb stems («کرد» / «کن»), for the prefixes «می» and «نمی».

Usage::

    .venv/bin/python scripts/build_zwnj_lexicon.py            # hazm installed in the venv
    .venv/bin/python scripts/build_zwnj_lexicon.py --hazm-data DIR
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import sys
import unicodedata
import zipfile
from pathlib import Path

ZWNJ = "\u200c"
ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "src" / "mideastnews" / "text" / "data"
OUT = OUT_DIR / "fa_lexicon.txt.gz"

# Letters a Persian word is written with (and ZWNJ); anything else drops the entry.
PERSIAN_LETTERS = frozenset("آأؤإئابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیةء")
COMPARABLE_TAGS = frozenset({"AJ", "ADV", "AJC"})
ARABIC_SHAPE = frozenset("ثحصضطظعق")  # as in mideastnews.text.zwnj
NON_JOINING = frozenset("آأإؤادذرزژوةء")


def clean(word: str) -> str:
    """Fold a hazm entry to the letters the repair looks words up by."""
    word = unicodedata.normalize("NFKC", word)
    return word.translate(str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "\u0640": None}))


_CONSONANT_HEH = frozenset({"نگه", "سپه", "گنه", "کوته"})  # short for نگاه, سپاه, گناه, کوتاه


def silent_heh(part: str) -> bool:
    """Whether ``part`` ends in a silent «ه» («سرمایه»), not a consonant («راه», «کوه»)."""
    return len(part) >= 3 and part[-1] == "ه" and part[-2] not in "او" and part not in _CONSONANT_HEH


def hazm_data_dir() -> Path:
    """Where the installed hazm package keeps its data files."""
    spec = importlib.util.find_spec("hazm")
    if spec is None or spec.origin is None:
        sys.exit("hazm is not installed: `.venv/bin/pip install hazm` or pass --hazm-data")
    return Path(spec.origin).parent / "data"


def read_words(
    path: Path,
) -> tuple[dict[str, str], set[str], set[str], set[str], set[str], set[str]]:
    """Tagged words (with comparable tags), untagged words, compounds and the ranking sets."""
    tagged: dict[str, str] = {}
    hei: set[str] = set()
    freq: dict[str, int] = {}
    weak: set[str] = set()
    compounds: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 3:
            continue
        word = clean(parts[0].strip())
        parts_z = word.split(ZWNJ)
        if not word or any(not p for p in parts_z) or not set(word) - {ZWNJ} <= PERSIAN_LETTERS:
            continue
        tags = {t for t in parts[2].split(",") if t and t != "0"}
        if parts[1].strip().isdigit():
            freq[word] = max(freq.get(word, 0), int(parts[1]))
        if len(parts_z) >= 2 and parts_z[-1] == "ای" and parts_z[-2].endswith("ه"):
            hei.add(parts_z[-2])
        if ZWNJ in word:
            compounds.add(word)
        elif tags:
            tagged[word] = ",".join(sorted(tags & COMPARABLE_TAGS))
        else:
            weak.add(word)
    weak -= tagged.keys()
    # A compound whose joined spelling hazm also lists is spelled both ways: drop it.
    # One whose every ZWNJ follows a silent final «ه» stays («حرفه‌ای», «سرمایه‌گذاری»):
    # joining there is no spelling at all (the «ه» would take its medial form), only a
    # lost ZWNJ; not so after a consonant «ه» («راهسازی», «کوهنوردی» are spellings).
    compounds = {
        c for c in compounds
        if c.replace(ZWNJ, "") not in tagged
        and (c.replace(ZWNJ, "") not in weak or all(map(silent_heh, c.split(ZWNJ)[:-1])))
    }
    plural_first = {
        x for x in tagged
        if x + "ه" in tagged and ARABIC_SHAPE & set(x) and x[-1] not in NON_JOINING
        and freq.get(x, 0) > 5 * freq.get(x + "ه", 0)
    }
    rare = {w for w in tagged if freq.get(w, 0) < 20_000}
    return tagged, weak, compounds, hei, plural_first, rare


def read_verbs(path: Path) -> tuple[set[str], set[str]]:
    """Past and present stems from hazm's ``past#present`` lines."""
    past: set[str] = set()
    present: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if "#" not in line:
            continue
        a, b = (clean(x.strip()) for x in line.split("#", 1))
        if a and set(a) <= PERSIAN_LETTERS:
            past.add(a)
        if b and set(b) <= PERSIAN_LETTERS:
            present.add(b)
    return past, present


def read_shekar(wheel: Path | None) -> dict[str, int]:
    """shekar's ``vocab.csv`` as {word: count}, from its wheel or an installed shekar."""
    if wheel is not None:
        with zipfile.ZipFile(wheel) as zf:
            text = zf.read("shekar/data/files/vocab.csv").decode("utf-8")
    else:
        spec = importlib.util.find_spec("shekar")
        if spec is None or spec.origin is None:
            sys.exit("shekar not found: pass --shekar-wheel (pip download --no-deps shekar==1.7.0)")
        text = (Path(spec.origin).parent / "data" / "files" / "vocab.csv").read_text(encoding="utf-8")
    counts: dict[str, int] = {}
    for line in text.splitlines():
        word, _, count = line.rpartition(",")
        word = clean(word.strip())
        if word and count.strip().isdigit() and set(word) <= PERSIAN_LETTERS:
            counts[word] = max(counts.get(word, 0), int(count))
    return counts


def pair_frequencies(counts: dict[str, int]) -> dict[str, int]:
    """The counts the repair compares: «X» beside «Xه», each seen 10,000 times or more."""
    keep: dict[str, int] = {}
    for word, n in counts.items():
        if word.endswith("ه") and n >= 10_000 and counts.get(word[:-1], 0) >= 10_000:
            keep[word] = n
            keep[word[:-1]] = counts[word[:-1]]
    return keep


def main(argv: list[str] | None = None) -> int:
    """Build the lexicon file and print its size."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--hazm-data", type=Path, default=None, help="hazm's data folder")
    ap.add_argument("--shekar-wheel", type=Path, default=None,
                    help="shekar's wheel (else an installed shekar)")
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    args = ap.parse_args(argv)
    data = args.hazm_data or hazm_data_dir()
    freq = pair_frequencies(read_shekar(args.shekar_wheel))
    tagged, weak, compounds, hei, plural_first, rare = read_words(data / "words.dat")
    past, present = read_verbs(data / "verbs.dat")
    lines = [
        "# Persian lexicon for mideastnews.text.repair_zwnj, built by scripts/build_zwnj_lexicon.py",
        "# from the word lists of hazm (MIT licence, see LICENSE.hazm) and word counts",
        "# of shekar (MIT licence, see LICENSE.shekar).",
        "@words",
        *(f"{w}\t{t}" if t else w for w, t in sorted(tagged.items())),
        "@weak",
        *sorted(weak),
        "@compounds",
        *sorted(compounds),
        "@hei",
        *sorted(hei),
        "@plural_first",
        *sorted(plural_first),
        "@rare",
        *sorted(rare),
        "@freq",
        *(f"{w}\t{n}" for w, n in sorted(freq.items())),
        "@past",
        *sorted(past),
        "@present",
        *sorted(present),
    ]
    payload = ("\n".join(lines) + "\n").encode("utf-8")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 keeps the file byte-identical between builds.
    with open(args.output, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(payload)
    print(f"{args.output}: {len(tagged)} words ({len(rare)} rare), {len(weak)} weak, "
          f"{len(compounds)} compounds, {len(hei)} «ه‌ای» bases, {len(plural_first)} plural-first, "
          f"{len(freq)} counts, {len(past)} past / {len(present)} present stems; "
          f"{args.output.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
