"""The pipeline runs end to end and keeps its table shapes."""

import json
import subprocess
import sys

import pytest

import discrepancy
from discrepancy.cli import main


def test_audit_columns_on_empty():
    frame = discrepancy.audit({"a": "Nothing.", "b": "Nothing either."})
    assert list(frame.columns) == list(discrepancy.FINDING_COLUMNS)


def test_extract_columns():
    frame = discrepancy.extract("Nothing here.")
    assert list(frame.columns) == list(discrepancy.FACT_COLUMNS)


def test_cli_json_on_seeds(capsys):
    code = main(["seeds/", "--format", "json", "--fail-level", "never"])
    out = capsys.readouterr().out
    assert code == 0
    report = json.loads(out)
    assert list(report) == ["version", "tool", "documents", "findings", "slots"]
    rows = report["findings"]
    assert isinstance(rows, list) and rows
    for row in rows:
        assert list(row) == list(discrepancy.FINDING_COLUMNS)


def test_missing_path_exits_2(capsys):
    assert main(["does/not/exist"]) == 2
    err = capsys.readouterr().err
    assert "does/not/exist" in err and "Traceback" not in err


def test_subprocess_module_entry():
    proc = subprocess.run([sys.executable, "-m", "discrepancy", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and "discrepancy" in proc.stdout


@pytest.mark.parametrize("fmt", ["table", "concise", "json", "jsonl", "csv", "markdown", "github", "sarif",
                                 "junit"])
def test_every_format_on_seeds(fmt, capsys, monkeypatch):
    """Whatever the comparator finds on the seeds renders in every format."""
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    code = main(["seeds/", "--format", fmt, "--isolated"])
    out = capsys.readouterr().out
    assert code in (0, 1)
    assert out or fmt in ("jsonl", "github")
    if fmt in ("json", "sarif"):
        json.loads(out)
