"""Real pages from ../shared/corpus: peers' expected output, and Al Mayadeen's real site blocks.

Skipped when ``../shared`` is absent.  Word-F1 is computed on bags of
lower-cased ``\\w+`` words of ``lead`` + ``paragraphs`` against the peer's
expected text; titles are compared by their words (punctuation such as the
quotation marks a headline shows and a meta title drops is ignored).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import pytest

import mideastnews as mn
from mideastnews.document import Document
from mideastnews.parsers import almayadeen, htmlpage

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
OTHER = SHARED / "corpus" / "other_arabic"
TAWSIYAT = SHARED / "corpus" / "almayadeen" / "ayahzm_2024_05_tawsiyat_raw.json"
WORD = re.compile(r"\w+")

pytestmark = pytest.mark.corpus


def _need(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} is absent")


def word_f1(got: str, want: str) -> float:
    a, b = Counter(WORD.findall(got.lower())), Counter(WORD.findall(want.lower()))
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def _file(stem: Path, suffix: str) -> Path:
    return stem.with_name(stem.name + suffix)


def _body(article: mn.Article) -> str:
    return "\n".join(([article.lead] if article.lead else []) + list(article.paragraphs))


def test_cnn_arabic_against_newspaper4k() -> None:
    _need(OTHER)
    stem = OTHER / "cnnarabic_2013_syria_clashes.newspaper4k"
    meta = json.loads(_file(stem, ".metadata.json").read_text(encoding="utf-8"))
    want = _file(stem, ".expected.txt").read_text(encoding="utf-8")
    article = mn.parse(_file(stem, ".html").read_bytes(), url=meta["url"])
    assert article.source == "generic"
    assert word_f1(_body(article), want) >= 0.95
    assert WORD.findall(article.title) == WORD.findall(meta["title"])
    # newspaper4k finds no publication date; neither does the page's metadata.
    assert meta["publish_date"] is None
    assert article.published is None or article.published_inferred
    # The comment policy under the text is dropped, not body.
    assert any("ترحب شبكة CNN" in d.text for d in article.dropped)


def test_lbc_against_fundus() -> None:
    _need(OTHER)
    stem = OTHER / "lbcgroup.tv_2026_01_08.fundus"
    expected = json.loads(_file(stem, ".expected.json").read_text(encoding="utf-8"))["V1"]
    info = json.loads(_file(stem, ".meta.info.json").read_text(encoding="utf-8"))
    url = next(iter(info.values()))["url"]
    texts = list(expected["body"]["summary"])
    for section in expected["body"]["sections"]:
        texts += section["headline"] + section["paragraphs"]
    article = mn.parse(_file(stem, ".html").read_bytes(), url=url)
    assert word_f1(_body(article), "\n".join(texts)) >= 0.95
    # Every expected paragraph, and nothing else: the previous/next article titles are not body.
    assert list(article.paragraphs) == [" ".join(t.split()) for t in texts]
    assert WORD.findall(article.title) == WORD.findall(expected["title"])
    want = dt.datetime.fromisoformat(expected["publishing_date"])
    assert article.published == want
    assert not article.published_inferred


def _tawsiyat_page(block: str) -> bytes:
    return ("<!DOCTYPE html><html lang='ar'><head><meta charset='utf-8'>"
            "<meta property='article:published_time' content=''>"
            f"<script type='text/tawsiyat' id='tawsiyat-metadata'>{block}</script></head>"
            "<body><div class='details-white-box'><h1>عنوان</h1><div class='p-content'><p>نص الخبر.</p>"
            "</div></div></body></html>").encode()


def test_real_tawsiyat_blocks() -> None:
    """Every real tawsiyat block of May 2024 gives the post id, the times with their offsets, the tags."""
    _need(TAWSIYAT)
    items = json.loads(TAWSIYAT.read_text(encoding="utf-8"))
    assert len(items) > 200
    for item in items:
        doc = Document.from_source(_tawsiyat_page(item["full_text"]), url=item["url"])
        meta = htmlpage.PageMeta()
        almayadeen.read_tawsiyat(doc, meta)
        assert meta.site_id == item["post_id"]
        assert meta.published == dt.datetime.fromisoformat(item["publication_date"])
        assert isinstance(meta.published, dt.datetime)
        assert meta.published.utcoffset() == dt.timedelta(hours=3)
        assert meta.modified == dt.datetime.fromisoformat(item["last_updated_date"])
        keywords = [" ".join(k.split()) for k in item["keywords"].split(",") if k.strip()]
        assert meta.tags == list(dict.fromkeys(keywords))
        assert meta.authors == [item["author"]]


def test_real_tawsiyat_page_reads_through_the_parser() -> None:
    _need(TAWSIYAT)
    item = json.loads(TAWSIYAT.read_text(encoding="utf-8"))[0]
    article = mn.parse(_tawsiyat_page(item["full_text"]), url=item["url"])
    assert article.source == "almayadeen"
    assert article.site_id == item["post_id"]
    assert article.published == dt.datetime.fromisoformat(item["publication_date"])
    assert article.section is not None
