"""Inline suppression directives: each form, either side of a pair, unused ones as DSC900."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import discrepancy.audit  # noqa: F401  (loads the module for AUDIT)
from discrepancy.cli import main
from discrepancy.document import Document
from discrepancy.findings import Finding, fingerprint
from discrepancy.rules import BY_ID
from discrepancy.suppress import apply, directives
from tests.fakes import comparing

AUDIT = sys.modules["discrepancy.audit"]


def finding(rule: str, doc_a: str, line_a: int, doc_b: str = "other.md", line_b: int = 1) -> Finding:
    r = BY_ID[rule]
    return Finding(r.id, r.name, r.kind, r.severity, "subject", "m", 0.9,
                   doc_a, line_a, 1, "x", "1", "s", doc_b, line_b, 1, "y", "2", "s",
                   fingerprint(r.id, "subject", [(doc_a, "1"), (doc_b, "2")]))


def doc(text: str, name: str = "a.md") -> Document:
    return Document(id=name, text=text, path=name)


OTHER = doc("nothing here\n", "other.md")

MD = """\
line 1
<!-- discrepancy-disable-next-line DSC101 -- checked with the author -->

line 4 is the next non-blank line
<!-- discrepancy-disable role-holder-mismatch -->
line 6
line 7
<!-- discrepancy-enable -->
line 9
text <!-- discrepancy-disable-line date-mismatch --> on line 10
"""


@pytest.mark.parametrize(("rule", "line", "suppressed"), [
    pytest.param("DSC101", 4, True, id="next-line-skips-blank"),
    pytest.param("DSC101", 3, False, id="next-line-not-the-blank-one"),
    pytest.param("DSC101", 5, False, id="next-line-only-one-line"),
    pytest.param("DSC201", 4, False, id="next-line-only-named-rule"),
    pytest.param("DSC201", 6, True, id="range-inside"),
    pytest.param("DSC201", 8, True, id="range-enable-line"),
    pytest.param("DSC201", 9, False, id="range-after-enable"),
    pytest.param("DSC101", 7, False, id="range-other-rule"),
    pytest.param("DSC301", 10, True, id="same-line"),
    pytest.param("DSC301", 9, False, id="same-line-only"),
])
def test_markdown_directives(rule: str, line: int, suppressed: bool) -> None:
    out = apply([finding(rule, "a.md", line)], [doc(MD), OTHER])
    assert bool(out.suppressed) is suppressed


def test_directive_parsing() -> None:
    found = directives(doc(MD))
    assert [(d.action, d.rules, d.line) for d in found] == [
        ("disable-next-line", ("DSC101",), 2),
        ("disable", ("DSC201",), 5),
        ("enable", (), 8),
        ("disable-line", ("DSC301",), 10),
    ]
    assert found[0].reason == "checked with the author"
    assert found[3].col == 6


@pytest.mark.parametrize(("text", "rule", "suppressed"), [
    pytest.param("<!-- discrepancy-disable-file -->\n", "DSC203", True, id="file-all-rules"),
    pytest.param("<!-- discrepancy-disable-file DSC101, DSC102 -->\n", "DSC102", True, id="file-comma-list"),
    pytest.param("<!-- discrepancy-disable-file DSC101 -->\n", "DSC102", False, id="file-other-rule"),
    pytest.param("<!--discrepancy-disable-->\n", "DSC101", True, id="no-blanks"),
    pytest.param("<!-- discrepancy-disable -->\n<!-- discrepancy-enable DSC101 -->\n", "DSC101", False,
                 id="enable-one-rule-of-all"),
    pytest.param("<!-- discrepancy-disable -->\n<!-- discrepancy-enable DSC101 -->\n", "DSC301", True,
                 id="others-stay-disabled"),
    pytest.param("<!-- discrepancy-disable DSC101 DSC301 -->\n<!-- discrepancy-enable DSC101 -->\n",
                 "DSC301", True, id="partial-enable-keeps-rest"),
    pytest.param("<!-- discrepancy-disabled -->\n", "DSC101", False, id="misspelt-action-ignored"),
    pytest.param("<!-- discrepancy-disable-file nope -->\n", "DSC101", False, id="unknown-rule-only"),
])
def test_more_forms(text: str, rule: str, suppressed: bool) -> None:
    body = text + "\n" * 5 + "claim\n"
    out = apply([finding(rule, "a.md", text.count("\n") + 6)], [doc(body), OTHER])
    assert bool(out.suppressed) is suppressed


def test_either_side_suppresses() -> None:
    b = doc("x\n<!-- discrepancy-disable-next-line DSC101 -->\nclaim\n", "b.md")
    a = doc("claim\n", "a.md")
    out = apply([finding("DSC101", "a.md", 1, "b.md", 3)], [a, b])
    assert out.suppressed and not out.kept and not out.unused


TXT = """\
# discrepancy: disable-next-line DSC101
claim on line 2
  # discrepancy: disable quantity-mismatch -- whole section
claim on line 4
# discrepancy: enable
claim on line 6
"""


@pytest.mark.parametrize(("name", "line", "suppressed"), [
    pytest.param("a.txt", 2, True, id="txt-next-line"),
    pytest.param("a.txt", 4, True, id="txt-range"),
    pytest.param("a.txt", 6, False, id="txt-after-enable"),
    pytest.param("a.md", 2, False, id="hash-form-not-in-markdown"),
])
def test_hash_directives_in_text(name: str, line: int, suppressed: bool) -> None:
    out = apply([finding("DSC101", name, line)], [doc(TXT, name), OTHER])
    assert bool(out.suppressed) is suppressed


@pytest.mark.parametrize(("text", "line", "suppressed"), [
    pytest.param("# discrepancy: disable-file\nclaim\n", 2, True, id="txt-disable-file"),
    pytest.param("# discrepancy: disable-file DSC203\nclaim\n", 2, False, id="txt-disable-file-other-rule"),
    pytest.param("claim\n# discrepancy: disable-line DSC101 -- the directive's own line\n", 2, True,
                 id="txt-disable-line"),
    pytest.param("\t#discrepancy:disable-next-line  DSC101,DSC102\nclaim\n", 2, True, id="txt-tight-spacing"),
])
def test_more_hash_forms(text: str, line: int, suppressed: bool) -> None:
    out = apply([finding("DSC101", "a.txt", line)], [doc(text, "a.txt"), OTHER])
    assert bool(out.suppressed) is suppressed


def test_hash_form_must_be_alone_on_its_line() -> None:
    assert directives(doc("see # discrepancy: disable DSC101\n", "a.txt")) == []


def test_html_reads_raw_file(tmp_path: Path) -> None:
    raw = ("<html><body>\n<p>one</p>\n<!-- discrepancy-disable-next-line DSC101 -->\n"
           "<p>claim</p>\n</body></html>\n")
    path = tmp_path / "a.html"
    path.write_text(raw, encoding="utf-8")
    parsed = Document(id="a.html", text="one\nclaim\n", path=str(path))
    out = apply([finding("DSC101", "a.html", 4)], [parsed, OTHER])
    assert out.suppressed


def test_html_through_the_loader(tmp_path: Path) -> None:
    from discrepancy.load import load_documents

    (tmp_path / "a.html").write_text("<html><body>\n<p>one</p>\n<!-- discrepancy-disable-file DSC101 -->\n"
                                     "<p>claim</p>\n</body></html>\n", encoding="utf-8")
    (docs,) = load_documents(tmp_path)
    assert "discrepancy" not in docs.text  # the parser drops comments ...
    found = directives(docs)  # ... so they are read from the file
    assert [(d.action, d.rules, d.line) for d in found] == [("disable-file", ("DSC101",), 3)]


def test_unused_directive_is_dsc900() -> None:
    text = "a\n<!-- discrepancy-disable-next-line DSC101 -->\nb\n<!-- discrepancy-disable-line nope -->\n"
    out = apply([], [doc(text), OTHER])
    assert [(f.rule, f.severity, f.doc_a, f.line_a, f.col_a) for f in out.unused] == [
        ("DSC900", "warning", "a.md", 2, 1), ("DSC900", "warning", "a.md", 4, 1)]
    assert "nope" in out.unused[1].message
    assert out.unused[0].fingerprint != out.unused[1].fingerprint


def test_directive_for_rules_not_run_is_not_unused() -> None:
    text = "<!-- discrepancy-disable-file DSC203 -->\n"
    assert apply([], [doc(text), OTHER], enabled=lambda r: r != "DSC203").unused == []
    assert len(apply([], [doc(text), OTHER]).unused) == 1


def test_enable_is_never_reported() -> None:
    assert apply([], [doc("<!-- discrepancy-enable -->\n"), OTHER]).unused == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<!- >#:\ndiscrepancy-enableDSC1,x ")), max_size=300))
def test_never_raises_on_arbitrary_text(text: str) -> None:
    for name in ("a.md", "a.txt"):
        apply([finding("DSC101", name, 1)], [doc(text, name), OTHER])


def test_linear_on_hostile_input() -> None:
    hostile = "<!-- discrepancy-disable " + "DSC101 " * 50_000 + "\n# discrepancy: disable " + "x" * 200_000
    start = time.perf_counter()
    directives(doc(hostile, "a.txt"))
    directives(doc("<!--" * 100_000, "a.md"))
    assert time.perf_counter() - start < 2.0


# --- through the command line -----------------------------------------------------------

def _fake(docs: list[Document], per_doc: object, settings: object) -> list[Finding]:
    """A finding between the lines that say "claim" in a.md and b.md."""
    lines = {}
    for d in docs:
        i = d.text.find("claim")
        if i >= 0:
            lines[d.id] = d.line_col(i)[0]
    return [finding("DSC101", "a.md", lines["a.md"], "b.md", lines["b.md"])]


@pytest.mark.parametrize(("a_text", "code", "rules"), [
    pytest.param("claim\n", 1, ["DSC101"], id="no-directive"),
    pytest.param("<!-- discrepancy-disable-next-line DSC101 -->\nclaim\n", 0, [], id="suppressed"),
    pytest.param("<!-- discrepancy-disable-next-line DSC101 -->\n\nx\n\nclaim\n", 1, ["DSC101", "DSC900"],
                 id="misplaced-directive-is-unused"),
])
def test_cli_suppression(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                         a_text: str, code: int, rules: list[str]) -> None:
    import json

    (tmp_path / "a.md").write_text(a_text, encoding="utf-8")
    (tmp_path / "b.md").write_text("claim\n", encoding="utf-8")
    monkeypatch.setattr(AUDIT, "compare", comparing(_fake))
    monkeypatch.chdir(tmp_path)
    assert main([".", "--format", "json", "--isolated"]) == code
    assert sorted(r["rule"] for r in json.loads(capsys.readouterr().out)["findings"]) == rules
    # The summary counts inline suppressions.
    main([".", "--isolated"])
    out = capsys.readouterr().out
    assert ("1 suppressed inline" in out) is (rules == [])


def test_cli_unused_suppression_can_be_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.md").write_text("<!-- discrepancy-disable-line DSC203 -->\nclaim\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("claim\n", encoding="utf-8")
    monkeypatch.setattr(AUDIT, "compare", comparing(_fake))
    monkeypatch.chdir(tmp_path)
    argv = [".", "--isolated", "--fail-level", "warning"]
    assert main([*argv, "--format", "concise", "--ignore", "DSC101"]) == 1
    assert "DSC900 [warning] unused-suppression" in capsys.readouterr().out
    assert main([*argv, "--ignore", "DSC101,unused-suppression"]) == 0
