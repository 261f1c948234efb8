"""Golden HTML pages, one or more per layout, parse exactly.

The pages in ``tests/fixtures/html/`` are written by hand from each layout's
description (``<Site>_<date>.html.gz``) with the expected parser output beside
them (``.json``: the given URL, the parser, the page's encoding and the
article as ``to_dict()`` without the pipeline's ``dates`` and ``quotes``).
``pytest --regen-golden`` rewrites the expected files: review the diff.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import mideastnews as mn
from mideastnews.document import Document
from mideastnews.parsers import almayadeen, irna, rt, sputnik

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "html"
PAGES = sorted(FIXTURES.glob("*.html.gz"))


def _expected_path(page: Path) -> Path:
    return page.with_name(page.name.replace(".html.gz", ".json"))


def _parsed(page: Path) -> tuple[dict[str, object], dict[str, object]]:
    expected = json.loads(_expected_path(page).read_text(encoding="utf-8"))
    doc = Document.from_source(gzip.decompress(page.read_bytes()), url=expected["given_url"])
    article = mn.get_parser(expected["parser"]).parse(doc)
    got = article.to_dict()
    got.pop("dates")
    got.pop("quotes")
    return expected, got


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name.split(".")[0])
def test_golden_page(page: Path, regen_golden: bool) -> None:
    expected, got = _parsed(page)
    if regen_golden:
        expected["article"] = got
        _expected_path(page).write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n",
                                        encoding="utf-8")
        return
    assert got == expected["article"]


def test_every_layout_has_a_golden_page() -> None:
    names = {p.name.split("_")[0] for p in PAGES}
    for module, prefix in ((rt, "RT"), (almayadeen, "AlMayadeen"), (irna, "IRNA"), (sputnik, "Sputnik")):
        assert prefix in names
        for layout in module.HTML_LAYOUTS:
            hits = []
            for page in PAGES:
                if not page.name.startswith(prefix):
                    continue
                doc = Document.from_source(gzip.decompress(page.read_bytes()))
                if layout.matches(doc.tree):
                    hits.append(page.name)
            assert hits, f"{module.__name__} layout {layout.name} has no golden page"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name.split(".")[0])
def test_detected_without_url(page: Path) -> None:
    """With no URL, the source's own score (layout, canonical address) picks its parser."""
    expected = json.loads(_expected_path(page).read_text(encoding="utf-8"))
    article = mn.parse(gzip.decompress(page.read_bytes()))
    assert article.source == expected["parser"]
    assert article.title == expected["article"]["title"]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name.split(".")[0])
def test_pipeline_keeps_parser_fields(page: Path) -> None:
    """mn.parse adds dates and quotes but keeps what the parser read."""
    expected = json.loads(_expected_path(page).read_text(encoding="utf-8"))
    article = mn.parse(gzip.decompress(page.read_bytes()), url=expected["given_url"])
    want = expected["article"]
    assert list(article.paragraphs) == want["paragraphs"]
    assert article.lead == want["lead"]
    if want["published"] is not None:
        assert article.published is not None
        assert article.published.isoformat() == want["published"]
        assert article.published_inferred is False


def test_line_breaks_in_the_source_are_spaces_and_blank_lines_part_paragraphs() -> None:
    # A Blogger-style body: a paragraph's text wrapped over several source lines is one paragraph
    # (a browser shows the breaks as spaces); a blank line inside one text node parts paragraphs.
    sentence = "Photos which were released online are making the rounds on social media this week"
    wrapped = sentence.replace(" are ", "\n are ").replace(" on ", " on\n")
    title = "Kate Henshaw in new photos"
    html = (f"<html><head><title>{title}</title></head><body><h1>{title}</h1>"
            f"<article><div><span>{wrapped}.</span></div><p>{sentence}, again.\n\n{sentence}, once more.</p>"
            f"<p>{sentence}, a last time.</p></article></body></html>")
    article = mn.parse(html.encode(), parser="generic")
    body = ([article.lead] if article.lead else []) + list(article.paragraphs)
    assert body == [f"{sentence}.", f"{sentence}, again.", f"{sentence}, once more.",
                    f"{sentence}, a last time."]


@pytest.mark.parametrize("seed", ["1", "2", "3", "4"])
def test_dropped_kind_does_not_hang_on_the_hash_seed(seed: str) -> None:
    # class words naming two kinds: the same kind in every run (sets iterate in hash order)
    import subprocess
    import sys

    code = ("from selectolax.lexbor import LexborHTMLParser\n"
            "from mideastnews.parsers.htmlpage import _attr_tokens, _negative_kind\n"
            "n = LexborHTMLParser('<div class=\"gallery share comments\">x</div>').css_first('div')\n"
            "print(_negative_kind(n, _attr_tokens(n.attributes)))")
    env = {"PYTHONHASHSEED": seed, "PATH": ""}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "social"


def test_blogger_body_of_bare_text_in_nested_spans() -> None:
    # Blogger posts: no <p>; each paragraph is text in «<div><span style><span style>…», the first one
    # ends in a <br>, the others sit one <div> deeper.  Every paragraph is body, the sidebar is not.
    sentences = [
        "Photos released online this week show the actress at a charity event in Lagos, smiling warmly",
        "The veteran actress, who won a major award in 2008, shared more pictures with her fans online",
        "She carried a hand bag in the colours of the national flag, which drew many admiring comments",
    ]
    wrap = '<span style="font-family: Arial;"><span style="font-size: small;">{}</span></span>'
    body = (f'<div style="line-height: 1.5;">{wrap.format(sentences[0] + ". <br>")}</div>'
            f'<div class="mycase_reader"><div>{wrap.format(sentences[1] + ".")}</div>'
            f'<div>{wrap.format(" ")}</div><div>{wrap.format(sentences[2] + ".")}</div></div>')
    sidebar = "".join(f"<li><a href='/p{i}'>Another story number {i} on this blog, with a long title</a></li>"
                      for i in range(12))
    html = (f"<html><head><title>Actress in new photos</title></head><body><h1>Actress in new photos</h1>"
            f"<div class='post-body post-content'>{body}</div><div class='sidebar'><ul>{sidebar}</ul></div>"
            f"</body></html>")
    article = mn.parse(html.encode(), parser="generic")
    text = " ".join(([article.lead] if article.lead else []) + list(article.paragraphs))
    for sentence in sentences:
        assert sentence in text
    assert "Another story" not in text
