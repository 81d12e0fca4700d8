"""SARIF 2.1.0 output: valid against the OASIS schema, with both sides of each finding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from discrepancy.cli import main
from discrepancy.findings import Finding, to_frame
from discrepancy.report import Context, render_sarif, sarif_log
from discrepancy.rules import BY_ID, RULES

CONFORMANCE = Path(__file__).resolve().parents[2] / "shared" / "conformance"
SCHEMA = CONFORMANCE / "sarif" / "sarif-schema-2.1.0.json"
ROOT = Path(__file__).resolve().parents[1]


def make(rule: str, doc_b: str = "b.md", text_a: str = "up to 5 projects") -> Finding:
    r = BY_ID[rule]
    return Finding(r.id, r.name, r.kind, r.severity, "free plan projects", "5 vs 3", 0.8,
                   "a.md", 3, 14, text_a, "<=5", "s", doc_b, 7 if doc_b else 0, 2 if doc_b else 0,
                   "up to 3 projects" if doc_b else "", "<=3" if doc_b else "", "s", f"fp{rule}")


FINDINGS = [make("DSC101"), make("DSC203"), make("DSC900", doc_b="", text_a="<!-- x -->"),
            make("DSC102", text_a="two\nlines")]
PATHS = {"a.md": "docs/a b.md", "b.md": "docs/b.md"}


def validator():  # type: ignore[no-untyped-def]
    if not SCHEMA.exists():
        pytest.skip(f"SARIF schema not found at {SCHEMA} (the shared conformance data is absent)")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def test_hand_built_findings_validate() -> None:
    log = json.loads(render_sarif(to_frame(FINDINGS), Context(paths=PATHS)))
    errors = sorted(validator().iter_errors(log), key=str)
    assert not errors, errors[0].message


def test_empty_log_validates() -> None:
    log = json.loads(render_sarif(to_frame([]), Context()))
    assert log["runs"][0]["results"] == []
    validator().validate(log)


def test_driver_rules() -> None:
    driver = sarif_log(to_frame([]))["runs"][0]["tool"]["driver"]  # type: ignore[index]
    assert driver["name"] == "discrepancy" and driver["version"]
    assert [r["id"] for r in driver["rules"]] == [r.id for r in RULES]
    first = driver["rules"][0]
    assert first["name"] == "quantity-mismatch"
    assert first["shortDescription"]["text"] and first["fullDescription"]["text"]
    assert first["help"]["text"].endswith("docs/rules.md#dsc101-quantity-mismatch")
    assert "helpUri" not in first  # no published address is assumed
    configured = sarif_log(to_frame([]), Context(docs_url="https://docs.example.com/rules/"))
    rule = configured["runs"][0]["tool"]["driver"]["rules"][0]  # type: ignore[index]
    assert rule["helpUri"] == "https://docs.example.com/rules/#dsc101-quantity-mismatch"
    assert first["defaultConfiguration"]["level"] == "error"
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in driver["rules"]}
    assert levels["DSC203"] == "note" and levels["DSC202"] == "warning"


def test_result_locations() -> None:
    log = sarif_log(to_frame(FINDINGS), Context(paths=PATHS))
    results = {r["ruleId"]: r for r in log["runs"][0]["results"]}  # type: ignore[index]
    r = results["DSC101"]
    assert r["level"] == "error" and r["ruleIndex"] == 0
    assert r["message"]["text"].startswith("5 vs 3")
    loc = r["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "docs/a%20b.md"
    assert loc["region"] == {"startLine": 3, "startColumn": 14, "endColumn": 30,
                             "snippet": {"text": "up to 5 projects"}}
    related = r["relatedLocations"][0]
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "docs/b.md"
    assert related["physicalLocation"]["region"]["startLine"] == 7
    assert r["partialFingerprints"] == {"discrepancy/v1": "fpDSC101"}
    assert results["DSC203"]["level"] == "note"
    assert results["DSC203"]["ruleIndex"] == [x.id for x in RULES].index("DSC203")
    assert "relatedLocations" not in results["DSC900"]
    # A multi-line surface gets no end column (it would be on another line).
    assert "endColumn" not in results["DSC102"]["locations"][0]["physicalLocation"]["region"]


def test_seeds_sarif_validates(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """End to end on the seeds with the real comparator: whatever it finds is valid SARIF."""
    check = validator()
    monkeypatch.chdir(ROOT)
    code = main(["seeds/", "--format", "sarif", "--isolated"])
    out, _ = capsys.readouterr()
    assert code in (0, 1)
    log = json.loads(out)
    check.validate(log)
    for result in log["runs"][0]["results"]:
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri.startswith("seeds/")
