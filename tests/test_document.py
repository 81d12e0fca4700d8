"""Offsets -> file line/column for every format, and sentence splitting."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from discrepancy import document
from discrepancy.document import Document, split_sentences
from discrepancy.load import load_documents

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "load" / "site"


def source_lines(path: Path) -> list[str]:
    """The file's lines as an editor shows them (BOM dropped; CRLF, CR and LF all end a line)."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252")
    return re.split(r"\r\n|\r|\n", text)


def assert_words_map_back(doc: Document, path: Path) -> int:
    """Every ASCII letter of the text is found at its line/col in the file; returns the count.

    A letter written as a reference (``&#65;``, ``\\u0041``) maps to the reference's first
    character.
    """
    lines = source_lines(path)
    n = 0
    for m in re.finditer(r"[A-Za-z]", doc.text):
        line, col = doc.line_col(m.start())
        found = lines[line - 1][col - 1 : col]
        assert found in (m.group(), "&", "\\"), (m.group(), line, col, found)
        n += 1
    return n


FILES = [
    pytest.param("a.txt", b"First line.\nSecond line here.\n\nFourth.", id="txt"),
    pytest.param("a.txt", b"First line.\r\nSecond line here.\r\n\r\nFourth.", id="txt-crlf"),
    pytest.param("a.txt", b"First line.\rSecond line here.\r\rFourth.", id="txt-lone-cr"),
    pytest.param("a.txt", b"\xef\xbb\xbfFirst line.\r\nSecond line.", id="txt-bom-crlf"),
    pytest.param("a.txt", b"Caf\xe9 owners \x93agreed\x94.\r\nNext line.", id="txt-cp1252"),
    pytest.param(
        "a.md", b"---\ntitle: T\ndate: 2020-01-08\n---\n# Head\n\nBody text here.", id="md-front-matter"
    ),
    pytest.param("a.md", b"\xef\xbb\xbf---\r\ntitle: T\r\n---\r\nBody text.\r\nMore.", id="md-bom-crlf"),
    pytest.param(
        "a.html",
        b"<html><head><title>Ti</title>\n<style>x{}</style></head>\n<body>\n  <h1>Head &amp; more</h1>"
        b"<p>One   two\n   three&nbsp;four.</p>\n<ul><li>alpha</li><li>beta</li></ul>"
        b"<p>caf&eacute; bar &#8211; baz &#65;</p>"
        b"\n<pre>keep\n   spacing</pre></body></html>",
        id="html",
    ),
    pytest.param("a.htm", b"\xef\xbb\xbf<p>One\r\ntwo</p>\r\n<p>three</p>", id="htm-bom-crlf"),
    pytest.param(
        "a.jsonl",
        b'{"id": "x", "text": "Alpha beta.\\nGamma \\"delta\\" \\u00e9psilon zeta."}\n\n'
        b'{"url": "u", "text": "Eta\\r\\ntheta\\tiota \\ud83d\\ude00 kappa"}\r\n',
        id="jsonl",
    ),
]


@pytest.mark.parametrize(("name", "data"), FILES)
def test_offsets_map_back_to_the_file(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    docs = load_documents(path, on_warning=lambda m: None)
    assert sum(assert_words_map_back(doc, path) for doc in docs) >= 10


def test_fixture_site_maps_back() -> None:
    for doc in load_documents(FIXTURES):
        assert assert_words_map_back(doc, Path(doc.path)) > 0


LINE_COL = [
    pytest.param("abc", (), 0, (1, 1), id="start"),
    pytest.param("abc", (), 3, (1, 4), id="end-of-text"),
    pytest.param("ab\ncd", (), 3, (2, 1), id="after-newline"),
    pytest.param("ab\ncd", (), 2, (1, 3), id="on-newline"),
    pytest.param("ab\ncd", (), 99, (2, 3), id="clamped-high"),
    pytest.param("ab\ncd", (), -5, (1, 1), id="clamped-low"),
    pytest.param("ab\ncd", ((0, 7, 1),), 4, (8, 2), id="front-matter-shift"),
    pytest.param("ab cd", ((0, 2, 5), (3, 4, 10)), 4, (4, 11), id="second-anchor"),
    pytest.param("ab\ncd", ((0, 2, 5),), 1, (2, 6), id="column-in-first-line"),
    pytest.param("ab\ncd", ((0, 2, 5),), 4, (3, 2), id="column-restarts-after-newline"),
]


@pytest.mark.parametrize(("text", "anchors", "offset", "expected"), LINE_COL)
def test_line_col(text: str, anchors: tuple, offset: int, expected: tuple[int, int]) -> None:
    doc = Document(id="d", text=text, anchors=anchors or ((0, 1, 1),))
    assert doc.line_col(offset) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \n.", max_size=200), st.data())
def test_line_col_agrees_with_naive_count(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    doc = Document(id="d", text=text)
    before = text[:offset]
    assert doc.line_col(offset) == (before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list("ab \n\r<>&;/p")), max_size=200))
def test_words_map_back_on_random_html(tmp_path: Path, body: str) -> None:
    path = tmp_path / "r.html"
    path.write_bytes(body.encode())
    [doc] = load_documents(path, on_warning=lambda m: None) or [None]
    assert_words_map_back(doc, path)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    texts=st.lists(
        st.text(alphabet=st.sampled_from(list('ab\n\r"\\\té€😀\x01 ')), max_size=40), min_size=1, max_size=4
    ),
    ascii_only=st.booleans(),
)
def test_words_map_back_on_random_jsonl(tmp_path: Path, texts: list[str], ascii_only: bool) -> None:
    path = tmp_path / "r.jsonl"
    lines = [
        json.dumps({"n": i, "text": t, "x": "text"}, ensure_ascii=ascii_only) for i, t in enumerate(texts)
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    docs = load_documents(path, on_warning=lambda m: None)
    assert [d.text for d in docs] == [t.replace("\r\n", "\n").replace("\r", "\n") for t in texts]
    for doc in docs:
        assert_words_map_back(doc, path)


# --- sentences -------------------------------------------------------------------------------

SENTENCES = [
    pytest.param("One. Two.", ["One.", "Two."], id="simple"),
    pytest.param(
        "Mr. Esper and Gen. Milley spoke. Dr. Who did not.",
        ["Mr. Esper and Gen. Milley spoke.", "Dr. Who did not."],
        id="titles",
    ),
    pytest.param("5,000 U.S. troops stayed.", ["5,000 U.S. troops stayed."], id="us-mid-sentence"),
    pytest.param(
        "They went to the U.S. The rest stayed.",
        ["They went to the U.S.", "The rest stayed."],
        id="us-at-end",
    ),
    pytest.param("They went to the U.S.", ["They went to the U.S."], id="us-at-end-of-text"),
    pytest.param(
        "Brigadier General William H. Seely signed.",
        ["Brigadier General William H. Seely signed."],
        id="initial",
    ),
    pytest.param(
        "It was Plan B. The plan failed.", ["It was Plan B.", "The plan failed."], id="letter-then-starter"
    ),
    pytest.param(
        "At 5:30 p.m. EST on Jan. 7 it began.", ["At 5:30 p.m. EST on Jan. 7 it began."], id="pm-and-month"
    ),
    pytest.param(
        'He said: "We leave." Then he left.', ['He said: "We leave."', "Then he left."], id="closing-quote"
    ),
    pytest.param("“We leave,” he said. “Now.”", ["“We leave,” he said.", "“Now.”"], id="curly-quotes"),
    pytest.param("Wait... What? No!", ["Wait...", "What?", "No!"], id="ellipsis-and-marks"),
    pytest.param("It went on… and on.", ["It went on… and on."], id="ellipsis-lowercase"),
    pytest.param(
        "Headline without period\nBody starts here.",
        ["Headline without period", "Body starts here."],
        id="headline-line",
    ),
    pytest.param(
        "a sentence wrapped\nat the margin.", ["a sentence wrapped\nat the margin."], id="wrapped-lowercase"
    ),
    pytest.param("Names, places,\nThings.", ["Names, places,\nThings."], id="wrapped-after-comma"),
    pytest.param("Para one.\n\nPara two.", ["Para one.", "Para two."], id="paragraphs"),
    pytest.param(
        "# Title\n- one item\n- two item", ["# Title", "- one item", "- two item"], id="markdown-lines"
    ),
    pytest.param(
        "Costs rose 5.5 per cent. Then fell.", ["Costs rose 5.5 per cent.", "Then fell."], id="decimal"
    ),
    pytest.param("See No. 5 and Fig. 2 for details.", ["See No. 5 and Fig. 2 for details."], id="no-and-fig"),
    pytest.param("In 2019. 5,000 left.", ["In 2019.", "5,000 left."], id="digit-starts-sentence"),
    pytest.param("   ", [], id="blank"),
]


WRAPPED = (
    "# Troops\n\n"
    "The letter was signed by Brigadier General William H. Seely and sent to\n"
    "Iraqi officials on Monday, who said it announced the departure of the\n"
    "United States forces from the country. The Pentagon said it was a draft\n"
    "that should never have been sent, and Mark Esper told reporters that\n"
    "there had been no decision whatsoever to leave Iraq at this time.\n"
    "Short line\n"
)
SENTENCES.append(
    pytest.param(
        WRAPPED,
        [
            "# Troops",
            WRAPPED[10 : WRAPPED.index("country.") + 8],
            WRAPPED[WRAPPED.index("The Pentagon") : WRAPPED.index("time.") + 5],
            "Short line",
        ],
        id="hard-wrapped-capitals-at-line-start",
    )
)
ONE_PARAGRAPH_PER_LINE = "\n".join(
    ["US denies it will withdraw troops from Iraq despite letter suggesting it will do so"]
    + ["The US will not pull its troops out of Iraq the Defence Secretary has said, despite a letter."] * 5
)
SENTENCES.append(
    pytest.param(
        ONE_PARAGRAPH_PER_LINE,
        ONE_PARAGRAPH_PER_LINE.split("\n"),
        id="headline-above-long-lines",
    )
)


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == expected


@pytest.mark.parametrize(
    ("unit", "repeat"),
    [
        pytest.param(".", 60_000, id="periods"),
        pytest.param("U.S. ", 12_000, id="dotted-abbreviations"),
        pytest.param("A. ", 20_000, id="initials"),
        pytest.param("x\n", 30_000, id="short-lines"),
        pytest.param("!", 20_000, id="bangs"),
        pytest.param(" ", 60_000, id="blanks"),
    ],
)
def test_split_sentences_is_linear(unit: str, repeat: int) -> None:
    """Four times the hostile text costs about four times the CPU, not sixteen: a growth
    ratio, so the check holds on a loaded machine where a fixed time limit would not."""

    def cpu(n: int) -> float:
        text = unit * n + " A."
        t0 = time.process_time()
        split_sentences(text)
        return time.process_time() - t0

    small = min(cpu(repeat) for _ in range(3))
    large = min(cpu(4 * repeat) for _ in range(2))
    assert large < 8 * small + 0.05, f"{large:.3f}s for 4x the text against {small:.3f}s"


def _split_asking_every_break(text: str) -> tuple[tuple[int, int], ...]:
    """`split_sentences` as it reads when every line break not settled by a blank line or terminal
    punctuation asks `_line_continues` (no shortcut for breaks in unwrapped text)."""
    spans: list[tuple[int, int]] = []
    start, width = 0, document._wrap_width(text)
    for m in document._BOUNDARY.finditer(text):
        cut = m.start()
        if text[cut] == "\n":
            settled = text[cut - 1 : cut] in document._BREAK_ENDS or text[cut + 1 : cut + 2] == "\n"
            if not settled and document._line_continues(text, cut, width):
                continue
        else:
            if m.group(document._END).rstrip("\"'”’)]") == "." and not document._ends_at_period(text, m):
                continue
            cut = m.end()
        document._add_span(text, start, cut, spans)
        start = cut
    document._add_span(text, start, len(text), spans)
    return tuple(spans)


# Lines that open in lower or upper case, with a digit, a list mark or a heading, and end in a
# word, a comma, a blank or a period, some long enough to look hard-wrapped.
_LINES = st.lists(
    st.tuples(
        st.sampled_from(["", " ", "\t", "# ", "- ", "1. ", "\u00a0"]),
        st.sampled_from(["Word", "word", "42", "“Quote", "éclair", "Éclair", "(aside"]),
        st.sampled_from(["", " and more words here", " " + "wrapped text " * 5]),
        st.sampled_from(["", ",", " ", ".", ":", "\t", " x"]),
    ).map("".join),
    max_size=12,
)


@settings(max_examples=400, deadline=None)
@given(_LINES, st.sampled_from(["\n", "\n\n", "\n \n"]))
def test_line_breaks_are_settled_as_line_continues_says(lines: list[str], sep: str) -> None:
    text = sep.join(lines)
    assert split_sentences(text) == _split_asking_every_break(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('Ab .!?\n"”…,U.S')), max_size=200))
def test_sentence_spans_are_ordered_and_trimmed(text: str) -> None:
    spans = split_sentences(text)
    last = 0
    for s, e in spans:
        assert last <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        last = e
    covered = "".join(text[s:e] for s, e in spans)
    assert covered.replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")


def test_sentence_at() -> None:
    doc = Document(id="d", text="One here. Two there.")
    assert doc.sentence_at(12) == (10, 20)
    assert doc.text[slice(*doc.sentence_at(0))] == "One here."
