"""Markdown, MDX and reStructuredText readers: prose only, every offset back to the source."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from discrepancy.document import Document
from discrepancy.extract import extract_document
from discrepancy.readers import markdown_prose, rst_prose
from discrepancy.readers.markdown import blank_mdx

# --- what is prose ------------------------------------------------------------------------

MARKDOWN = [
    pytest.param("Up to `100 requests` a minute.", "Up to  a minute.", id="inline-code"),
    pytest.param("Up to ``a ` b`` 5 users.", "Up to  5 users.", id="inline-code-double-ticks"),
    pytest.param("Text.\n\n```\nup to 500 requests\n```\n", "Text.", id="fenced-code"),
    pytest.param("Text.\n\n~~~python\nx = 500\n~~~\n", "Text.", id="tilde-fence"),
    pytest.param("Text.\n\n    up to 700 requests\n", "Text.", id="indented-code"),
    pytest.param("See [the 5 plans](https://x.test/3 \"title 9\") now.", "See the 5 plans now.",
                 id="link-target-and-title"),
    pytest.param("See [docs][ref9] now.\n\n[ref9]: https://x.test/9\n", "See docs now.", id="reference-link"),
    pytest.param("Logo ![5 stars](a9.png) here.", "Logo  here.", id="image"),
    pytest.param("Go to <https://x.test/42> now.", "Go to  now.", id="autolink"),
    pytest.param("A <!-- 42 items --> B.", "A  B.", id="plain-html-comment"),
    pytest.param("<div>\n42 items\n</div>\n\nText.", "Text.", id="html-block"),
    pytest.param("The **free** plan has _5_ projects.", "The free plan has 5 projects.", id="emphasis"),
    pytest.param("# Limits\n\n- up to 5\n- up to 6\n", "Limits\n\nup to 5\nup to 6", id="heading-and-list"),
    pytest.param("> Quoted 5 users\n> go on.", "Quoted 5 users\ngo on.", id="blockquote"),
    pytest.param("| Plan | Seats |\n|---|---|\n| Free | 3 seats |\n", "Plan | Seats\n\nFree | 3 seats",
                 id="table-cells"),
    pytest.param("A &amp; B \\* C.", "A & B * C.", id="entity-and-escape"),
    pytest.param("Text <!-- discrepancy-disable-line --> end.", "Text <!-- discrepancy-disable-line --> end.",
                 id="directive-comment-kept"),
    pytest.param("```\n<!-- discrepancy-disable-file -->\n```\n", "", id="directive-in-fence-dropped"),
    pytest.param("Use `<!-- discrepancy-disable-file -->` to silence.", "Use  to silence.",
                 id="directive-in-code-span-dropped"),
]


@pytest.mark.parametrize(("source", "prose"), MARKDOWN)
def test_markdown_prose(source: str, prose: str) -> None:
    assert markdown_prose(source).text == prose


def test_mdx_drops_esm_and_jsx_lines_but_not_fenced_code() -> None:
    src = ("import A from 'a'\nexport const n = {\n  x: 5,\n}\n\n<Note>\nUp to 3 seats.\n</Note>\n"
           "```\nimport b\n```\n")
    assert blank_mdx(src).split("\n") == ["", "", "", "", "", "", "Up to 3 seats.", "", "```", "import b",
                                          "```", ""]
    assert markdown_prose(src, mdx=True).text == "Up to 3 seats."


RST = [
    pytest.param("Up to ``100`` requests.", "Up to  requests.", id="inline-literal"),
    pytest.param("Text.\n\n::\n\n   up to 500\n", "Text.", id="literal-block"),
    pytest.param("Text.\n\n.. code-block:: sh\n\n   up to 500\n", "Text.", id="code-block-directive"),
    pytest.param("Text.\n\n.. a comment with 42\n", "Text.", id="comment"),
    pytest.param("See `docs <https://x.test/9>`_ now.", "See docs now.", id="link-target"),
    pytest.param("Text.\n\n.. include:: /etc/hostname\n", "Text.", id="include-disabled"),
    pytest.param("Title\n=====\n\n- up to 5\n", "Title\n\n\nup to 5", id="title-and-list"),
    pytest.param("One.\n\n.. discrepancy: disable-next-line DSC101\n\nTwo.\n",
                 "One.\n\n# discrepancy: disable-next-line DSC101\n\nTwo.", id="directive-comment"),
    pytest.param("One.\n\n::\n\n   .. discrepancy: disable-file\n", "One.", id="directive-in-literal-block"),
]


@pytest.mark.parametrize(("source", "prose"), RST)
def test_rst_prose(source: str, prose: str) -> None:
    assert rst_prose(source).text == prose


# --- offsets: source[start:end] == surface ---------------------------------------------------

WORDS = st.sampled_from(["The", "plan", "allows", "users", "and", "per", "minute", "free", "API", "limit"])
AMOUNTS = st.builds(lambda n, noun: f"{n} {noun}", st.integers(1, 5000),
                    st.sampled_from(["requests", "projects", "users", "seats", "GB", "km"]))
HEDGES = st.sampled_from(["", "up to ", "about ", "more than ", "at least "])
# Code carries a marker number that must never reach the prose.
CODE = st.sampled_from(["`7777 requests`", "`limit=7777`"])


@st.composite
def inline(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.integers(0, 4))
        if kind == 0:
            parts.append(draw(WORDS))
        elif kind == 1:
            parts.append(draw(HEDGES) + draw(AMOUNTS))
        elif kind == 2:
            parts.append("**" + draw(AMOUNTS) + "**")
        elif kind == 3:
            parts.append(draw(CODE))
        else:
            parts.append(f"[{draw(AMOUNTS)}](https://x.test/7777)")
    return " ".join(parts) + "."


@st.composite
def markdown_doc(draw: st.DrawFn) -> str:
    blocks = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.integers(0, 5))
        text = draw(inline())
        if kind == 0:
            blocks.append(text)
        elif kind == 1:
            blocks.append("## " + text)
        elif kind == 2:
            blocks.append("- " + text + "\n- " + draw(inline()))
        elif kind == 3:
            blocks.append("> " + text)
        elif kind == 4:
            blocks.append("```\nup to 7777 requests\n```")
        else:
            blocks.append(f"| a | b |\n|---|---|\n| {text} | {draw(AMOUNTS)} |")
    return "\n\n".join(blocks) + "\n"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown_doc())
def test_every_fact_quotes_the_source_at_its_offsets(source: str) -> None:
    prose = markdown_prose(source)
    assert "7777" not in prose.text
    for span in prose.spans:
        if span.verbatim:
            assert source[span.start : span.end] == prose.text[span.text_start : span.text_start + span.end
                                                                - span.start]
    doc = Document(id="a.md", text=prose.text, anchors=prose.anchors)
    lines = source.split("\n")
    for fact in extract_document(doc):
        start, end = prose.source_span(fact.start, fact.end)
        line, col = doc.line_col(fact.start)
        if (start, end) == (-1, -1):
            # The fact runs across inline markup ("**1 GB** per minute"): no one source span
            # holds it, but its line and column still point at its first word.
            assert lines[line - 1][col - 1 :].startswith(fact.surface.split()[0]), fact
            continue
        assert source[start:end] == fact.surface
        assert lines[line - 1][col - 1 :].startswith(fact.surface)
