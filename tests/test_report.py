"""Output formats rendered from hand-built findings (SARIF has its own file)."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discrepancy.findings import FINDING_COLUMNS, Finding, to_frame
from discrepancy.report import (
    GITHUB_CAP,
    RENDERERS,
    Context,
    escape_data,
    escape_property,
    render_concise,
    render_csv,
    render_github,
    render_json,
    render_jsonl,
    render_junit,
    render_markdown,
    render_table,
    step_summary,
    summary,
)
from discrepancy.rules import BY_ID


def make(rule: str = "DSC101", subject: str = "U.S. troops", a: str = "5,200 US troops",
         b: str = "5,000 U.S. troops", severity: str | None = None, doc_a: str = "001.txt",
         doc_b: str = "002.txt", line: int = 17, message: str = "5200 vs 5000") -> Finding:
    r = BY_ID[rule]
    return Finding(r.id, r.name, r.kind, severity or r.severity, subject, message, 0.9,
                   doc_a, line, 4, a, "5200", f"Sentence with {a}.",
                   doc_b, 3, 9, b, "5000", f"Sentence with {b}.", f"fp-{rule}-{subject}-{line}")


PATHS = {"001.txt": "seeds/001.txt", "002.txt": "seeds/002.txt"}
CTX = Context(n_docs=5, paths=PATHS, baselined=4)
THREE = [make(), make("DSC301", "release", "12 March", "14 March", line=2),
         make("DSC202", "Khomeini", "Khomeini", "Khamenei", line=8)]


@pytest.mark.parametrize(("ctx", "expected"), [
    pytest.param(CTX, "Found 3 discrepancies (2 errors, 1 warning) across 5 documents; "
                      "4 suppressed by baseline.", id="with-baseline"),
    pytest.param(Context(n_docs=1, suppressed=2, hidden=1), "Found 3 discrepancies (2 errors, 1 warning) "
                 "across 1 document; 2 suppressed inline; 1 below --min-level not shown.", id="all-extras"),
])
def test_summary_line(ctx: Context, expected: str) -> None:
    assert summary(to_frame(THREE), ctx) == expected


def test_summary_info_is_not_pluralised() -> None:
    findings = [make("DSC203", line=i) for i in range(4)]
    expected = "Found 4 discrepancies (4 info) across 2 documents."
    assert summary(to_frame(findings), Context(n_docs=2)) == expected


def test_summary_singular() -> None:
    assert summary(to_frame([make()]), Context(n_docs=2)) == \
        "Found 1 discrepancy (1 error) across 2 documents."


def test_table_groups_by_subject_and_ends_with_summary() -> None:
    findings = [make(), make(line=30, a="5,100 troops"), make("DSC301", "release", "12 March", "14 March")]
    text = render_table(to_frame(findings), CTX)
    lines = text.splitlines()
    assert lines[-1].startswith("Found 3 discrepancies (3 errors)")
    assert sum(1 for line in lines if line.startswith("U.S. troops  [DSC101 quantity-mismatch]")) == 1
    assert 'seeds/001.txt:17:4 "5,200 US troops"  vs  seeds/002.txt:3:9 "5,000 U.S. troops"' in text
    assert "\x1b[" not in text


def test_table_colour_only_when_asked() -> None:
    text = render_table(to_frame([make()]), Context(color=True))
    assert "\x1b[1;31m" in text


def test_concise_line() -> None:
    text = render_concise(to_frame([make()]), CTX)
    first, last = text.splitlines()
    assert first == ('seeds/001.txt:17:4: DSC101 [error] quantity-mismatch: "5,200 US troops" vs '
                     '"5,000 U.S. troops" (seeds/002.txt:3:9)')
    assert last.startswith("Found 1 discrepancy")


def test_concise_single_sided_finding_uses_message() -> None:
    f = make("DSC900", "suppression", doc_b="", message="suppressed nothing")
    line = render_concise(to_frame([f]), Context()).splitlines()[0]
    assert line == "001.txt:17:4: DSC900 [warning] unused-suppression: suppressed nothing"


def test_path_falls_back_to_id() -> None:
    assert render_concise(to_frame([make()]), Context()).startswith("001.txt:17:4:")


def test_json_has_exactly_the_columns() -> None:
    rows = json.loads(render_json(to_frame(THREE), CTX))["findings"]
    assert len(rows) == 3 and all(list(r) == list(FINDING_COLUMNS) for r in rows)
    assert json.loads(render_json(to_frame([]), CTX))["findings"] == []


def test_jsonl_one_object_per_line() -> None:
    lines = render_jsonl(to_frame(THREE), CTX).splitlines()
    assert [json.loads(x)["rule"] for x in lines] == ["DSC101", "DSC301", "DSC202"]
    assert render_jsonl(to_frame([]), CTX) == ""


def test_csv_round_trips() -> None:
    rows = list(csv.DictReader(io.StringIO(render_csv(to_frame(THREE), CTX))))
    assert list(rows[0]) == list(FINDING_COLUMNS) and rows[0]["text_a"] == "5,200 US troops"
    assert render_csv(to_frame([]), CTX).strip() == ",".join(FINDING_COLUMNS)


def test_markdown_escapes_pipes_and_has_summary() -> None:
    text = render_markdown(to_frame([make(a="a | b\nc")]), CTX)
    assert "a \\| b c" in text
    assert text.rstrip().splitlines()[-1].startswith("Found 1 discrepancy")


def test_machine_formats_never_colour() -> None:
    frame = to_frame(THREE)
    for name in ("json", "jsonl", "csv", "github", "sarif", "junit"):
        assert "\x1b[" not in RENDERERS[name](frame, Context(color=True, paths=PATHS))


# --- GitHub workflow commands -----------------------------------------------------------

@pytest.mark.parametrize(("raw", "data", "prop"), [
    pytest.param("50%", "50%25", "50%25", id="percent"),
    pytest.param("a\nb", "a%0Ab", "a%0Ab", id="newline"),
    pytest.param("a\r\nb", "a%0D%0Ab", "a%0D%0Ab", id="crlf"),
    pytest.param("a:b", "a:b", "a%3Ab", id="colon-only-in-properties"),
    pytest.param("a,b", "a,b", "a%2Cb", id="comma-only-in-properties"),
    pytest.param("%0A", "%250A", "%250A", id="already-escaped-looking"),
])
def test_github_escaping(raw: str, data: str, prop: str) -> None:
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


def _unescape(text: str) -> str:
    for code, char in (("%3A", ":"), ("%2C", ","), ("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
        text = text.replace(code, char)
    return text


@given(st.text())
def test_github_property_escape_round_trips(text: str) -> None:
    escaped = escape_property(text)
    assert not set(escaped) & {"\n", "\r", ":", ","}
    assert _unescape(escaped) == text


def test_github_annotation_line() -> None:
    f = make(subject="troops, U.S.: total", message="50% off\nreally")
    line = render_github(to_frame([f]), Context(paths={"001.txt": "docs/a,b:c.md"})).splitlines()[0]
    assert line.startswith("::error file=docs/a%2Cb%3Ac.md,line=17,col=4,"
                           "title=DSC101 quantity-mismatch%3A troops%2C U.S.%3A total::")
    message = line.split("::", 2)[2]
    assert message.startswith("50%25 off%0Areally%0A")
    assert "\n" not in message


def test_github_caps_per_level_with_one_notice() -> None:
    findings = ([make(line=i) for i in range(25)] + [make("DSC202", line=i) for i in range(3)]
                + [make("DSC203", line=i) for i in range(12)])
    lines = render_github(to_frame(findings), Context()).splitlines()
    assert sum(x.startswith("::error ") for x in lines) == GITHUB_CAP
    assert sum(x.startswith("::warning ") for x in lines) == 3
    # Nine info notices leave room for the closing notice within the notice cap.
    assert sum(x.startswith("::notice ") for x in lines) == GITHUB_CAP - 1
    assert lines[-1].startswith("::notice::18 more discrepancies not annotated")
    assert len(lines) == 10 + 3 + 9 + 1


def test_github_no_notice_under_the_cap() -> None:
    lines = render_github(to_frame([make(line=i) for i in range(GITHUB_CAP)]), Context()).splitlines()
    assert len(lines) == GITHUB_CAP and not any(x.startswith("::notice::") for x in lines)


def test_step_summary_is_markdown() -> None:
    text = step_summary(to_frame(THREE), CTX)
    assert text.startswith("### discrepancy") and "| severity |" in text and "Found 3" in text


# --- JUnit ------------------------------------------------------------------------------

def test_junit_testcase_per_finding() -> None:
    findings = [*THREE, make("DSC203", "Qassem", "Qassem", "Qasem")]
    root = ET.fromstring(render_junit(to_frame(findings), CTX))
    suites = root.findall("testsuite")
    assert len(suites) == 1
    cases = suites[0].findall("testcase")
    assert len(cases) == 4
    assert suites[0].get("tests") == "4" and suites[0].get("failures") == "3"
    failing = [c for c in cases if c.find("failure") is not None]
    assert len(failing) == 3
    assert {c.find("failure").get("type") for c in failing} == {"error", "warning"}  # type: ignore[union-attr]
    assert cases[0].get("classname") == "DSC101.quantity-mismatch"


def test_junit_survives_control_characters() -> None:
    root = ET.fromstring(render_junit(to_frame([make(a="bad \x0b char", message="x\x00y")]), CTX))
    assert root.find("testsuite/testcase/failure") is not None


def test_junit_empty() -> None:
    root = ET.fromstring(render_junit(to_frame([]), CTX))
    assert root.find("testsuite").get("tests") == "0"  # type: ignore[union-attr]
