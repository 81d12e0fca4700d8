"""Baselines: write, hide, count, prune; keyed on content so moved lines stay accepted."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
import regex

import discrepancy.audit  # noqa: F401  (loads the module for AUDIT)
from discrepancy import baseline
from discrepancy.cli import main
from discrepancy.document import Document
from discrepancy.findings import Finding, fingerprint
from discrepancy.rules import BY_ID
from tests.fakes import comparing

AUDIT = sys.modules["discrepancy.audit"]


def no_facts(docs: Sequence[Document], settings: object) -> list[list[object]]:
    """Extraction stand-in: these tests are about what happens to findings, not facts."""
    return [[] for _ in docs]
CLAIM = regex.compile(r"The (?P<subject>\w+) count is (?P<value>\d+)")


def fake(docs: Sequence[Document], per_doc: object, settings: object) -> list[Finding]:
    """DSC101 for every pair of documents giving one subject different numbers."""
    claims = []
    for d in docs:
        for m in CLAIM.finditer(d.text):
            claims.append((m["subject"], d.id, *d.line_col(m.start()), m.group(0), m["value"]))
    r = BY_ID["DSC101"]
    out = []
    for i, a in enumerate(claims):
        for b in claims[i + 1:]:
            if a[0] == b[0] and a[1] != b[1] and a[5] != b[5]:
                out.append(Finding(r.id, r.name, r.kind, r.severity, a[0], "m", 0.9,
                                   a[1], a[2], a[3], a[4], a[5], a[4], b[1], b[2], b[3], b[4], b[5], b[4],
                                   fingerprint(r.id, a[0], [(a[1], a[5]), (b[1], b[5])])))
    return out


@pytest.fixture
def docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(AUDIT, "compare", comparing(fake))
    monkeypatch.setattr(AUDIT, "extract_corpus", no_facts)
    monkeypatch.chdir(tmp_path)
    d = tmp_path / "docs"
    d.mkdir()
    (d / "a.md").write_text("The troops count is 5.\n", encoding="utf-8")
    (d / "b.md").write_text("The troops count is 3.\n", encoding="utf-8")
    return d


def test_write_baseline_default_file_exits_0(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["docs", "--isolated", "--write-baseline"]) == 0
    data = json.loads(Path(baseline.DEFAULT_FILE).read_text(encoding="utf-8"))
    assert data["version"] == 1
    (entry,) = data["findings"]
    assert entry["rule"] == "DSC101" and entry["docs"] == ["a.md", "b.md"] and entry["values"] == ["5", "3"]
    assert "line" not in json.dumps(entry)
    assert "wrote 1 finding" in capsys.readouterr().err


def test_baseline_hides_and_counts(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["docs", "--isolated", "--write-baseline=base.json"]) == 0
    capsys.readouterr()
    assert main(["docs", "--isolated", "--baseline", "base.json"]) == 0
    out = capsys.readouterr().out
    assert out.strip() == "Found 0 discrepancies across 2 documents; 1 suppressed by baseline."


def test_moved_lines_stay_accepted_new_values_fail(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["docs", "--isolated", "--write-baseline=base.json"])
    (docs / "a.md").write_text("Intro.\n\nMore intro.\n\nThe troops count is 5.\n", encoding="utf-8")
    assert main(["docs", "--isolated", "--baseline", "base.json"]) == 0
    (docs / "c.md").write_text("The troops count is 9.\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["docs", "--isolated", "--baseline", "base.json", "--format", "json"]) == 1
    rows = json.loads(capsys.readouterr().out)["findings"]
    assert len(rows) == 2 and all("c.md" in (r["doc_a"], r["doc_b"]) for r in rows)


def test_baseline_never_changes_exit_code_of_what_remains(docs: Path) -> None:
    main(["docs", "--isolated", "--write-baseline=base.json"])
    (docs / "c.md").write_text("The troops count is 9.\n", encoding="utf-8")
    assert main(["docs", "--isolated", "--baseline", "base.json", "--fail-level", "never"]) == 0
    assert main(["docs", "--isolated", "--baseline", "base.json", "--exit-zero"]) == 0


def test_prune_drops_fixed(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (docs / "c.md").write_text("The troops count is 9.\n", encoding="utf-8")
    main(["docs", "--isolated", "--write-baseline=base.json"])
    assert len(baseline.read("base.json")) == 3
    (docs / "c.md").unlink()
    assert main(["docs", "--isolated", "--baseline", "base.json", "--prune-baseline"]) == 0
    assert len(baseline.read("base.json")) == 1
    assert "pruned 2 fixed finding" in capsys.readouterr().err


def test_config_baseline_key(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (docs.parent / "discrepancy.toml").write_text('baseline = "accepted.json"\n', encoding="utf-8")
    assert main(["docs", "--write-baseline"]) == 0
    assert (docs.parent / "accepted.json").exists()
    capsys.readouterr()
    assert main(["docs"]) == 0
    assert "1 suppressed by baseline" in capsys.readouterr().out


def test_baseline_file_is_stable(docs: Path) -> None:
    main(["docs", "--isolated", "--write-baseline=one.json"])
    main(["docs", "--isolated", "--write-baseline=two.json"])
    assert Path("one.json").read_bytes() == Path("two.json").read_bytes()


@pytest.mark.parametrize(("text", "message"), [
    pytest.param("{", "not valid JSON", id="bad-json"),
    pytest.param("[]", "not a discrepancy baseline", id="not-a-baseline"),
    pytest.param('{"version": 9, "findings": []}', "unsupported baseline version", id="version"),
    pytest.param('{"version": 1, "findings": [{}]}', "entry 0 has no fingerprint", id="no-fingerprint"),
])
def test_bad_baseline_exits_2(docs: Path, capsys: pytest.CaptureFixture[str], text: str,
                              message: str) -> None:
    Path("bad.json").write_text(text, encoding="utf-8")
    assert main(["docs", "--isolated", "--baseline", "bad.json"]) == 2
    err = capsys.readouterr().err
    assert message in err and "bad.json" in err


def test_dumps_sorted_and_deduplicated() -> None:
    r = BY_ID["DSC101"]

    def f(subject: str, fp: str) -> Finding:
        return Finding(r.id, r.name, r.kind, r.severity, subject, "m", 1.0, "b", 1, 1, "t", "2", "s",
                       "a", 1, 1, "t", "1", "s", fp)
    rows = json.loads(baseline.dumps([f("zeta", "f2"), f("alpha", "f1"), f("alpha", "f1")]))["findings"]
    assert [e["subject"] for e in rows] == ["alpha", "zeta"]
    assert rows[0]["docs"] == ["a", "b"] and rows[0]["values"] == ["1", "2"]
