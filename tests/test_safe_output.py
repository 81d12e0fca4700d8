"""Reports cannot inject: no line starts a CI workflow command, no escape sequence reaches a
terminal, and no CSV cell runs as a spreadsheet formula."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from discrepancy.cli import main
from discrepancy.config import FORMATS
from discrepancy.findings import Finding, to_frame
from discrepancy.report import RENDERERS, Context

Cap = pytest.CaptureFixture[str]

# Document ids / paths an attacker controls (a file name in a pull request, a JSONL id).
HOSTILE_IDS = [
    pytest.param("x\n::error file=R.md::pwned\n.txt", id="newline-workflow-command"),
    pytest.param("::warning::pwned.txt", id="starts-with-command"),
    pytest.param("##[error]pwned.txt", id="old-command-syntax"),
    pytest.param("a\x1b]0;owned\x07\x1b[2J.txt", id="osc-and-csi-escapes"),
    pytest.param("a\rOK.txt", id="carriage-return"),
    pytest.param("a\u202egnp.txt", id="bidi-override"),
]


def finding(doc_a: str, text: str = "40 homes", sentence: str = "s") -> Finding:
    return Finding("DSC101", "quantity-mismatch", "count", "error", "homes",
                   f"{doc_a} says {text}; b.txt says 55 homes.", 0.9,
                   doc_a, 1, 1, text, "40", sentence, "b.txt", 1, 1, "55 homes", "55", "s", "fp")


def unsafe_lines(text: str) -> list[str]:
    """Lines that would start a workflow command or carry a raw control character."""
    bad = []
    for line in text.split("\n"):
        if line.lstrip().startswith(("::", "##[")):
            bad.append(line)
        elif any((ord(c) < 0x20 and c != "\t") or 0x7F <= ord(c) <= 0x9F or c in "\u202e\u2028\u2029"
                 for c in line):
            bad.append(line)
    return bad


@pytest.mark.parametrize("doc_id", HOSTILE_IDS)
@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "github"])
def test_item11_paths_and_ids_cannot_inject(fmt: str, doc_id: str) -> None:
    f = finding(doc_id, text="40\x1b[31m homes", sentence="s\n::error::from the sentence")
    out = RENDERERS[fmt](to_frame([f]), Context(n_docs=2, paths={doc_id: doc_id}))
    assert not unsafe_lines(out), (fmt, unsafe_lines(out))


@pytest.mark.parametrize("doc_id", HOSTILE_IDS)
def test_item11_github_format_has_only_its_own_commands(doc_id: str) -> None:
    out = RENDERERS["github"](to_frame([finding(doc_id)]), Context(paths={doc_id: doc_id}))
    lines = out.splitlines()
    assert len(lines) == 1 and lines[0].startswith("::error file=")
    assert "\x1b" not in out and "\r" not in out and "\u202e" not in out


@pytest.mark.skipif(sys.platform == "win32", reason="file names with newlines need POSIX")
def test_item11_file_name_from_the_command_line(tmp_path: Path, capsys: Cap,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "x\n::error file=R.md::pwned\n.txt").write_text("Officials said 55 homes were flooded.\n")
    (docs / "a\x1b[2J.txt").write_text("The council said 40 homes were flooded.\n")
    monkeypatch.chdir(tmp_path)
    for fmt in ("table", "concise", "markdown", "csv", "junit"):
        assert main(["docs", "--isolated", "--format", fmt]) == 1
        out, err = capsys.readouterr()
        assert "homes" in out and not unsafe_lines(out) and not unsafe_lines(err), fmt


@pytest.mark.parametrize("cell", ["=1+2", "+1", "-2+3", "@SUM(A1)", "=HYPERLINK(\"http://x\")"])
def test_item12_csv_cells_are_not_formulas(cell: str) -> None:
    f = finding(cell, text=cell, sentence=cell)
    rows = list(csv.DictReader(io.StringIO(RENDERERS["csv"](to_frame([f]), Context()))))
    assert len(rows) == 1
    for col in ("doc_a", "text_a", "sentence_a"):
        assert rows[0][col] == "'" + cell
    assert rows[0]["line_a"] == "1" and rows[0]["confidence"] == "0.9"


def test_item12_csv_from_the_command_line(tmp_path: Path, capsys: Cap,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "=cmd.txt").write_text("The council said 40 homes were flooded.\n")
    (docs / "b.txt").write_text("Officials said 55 homes were flooded.\n")
    monkeypatch.chdir(tmp_path)
    assert main(["docs", "--isolated", "--format", "csv"]) == 1
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    cells = [v for row in rows for v in row.values()]
    assert "'=cmd.txt" in cells
    assert not [v for v in cells if v[:1] in ("=", "+", "-", "@")]


def test_item11_json_formats_keep_the_exact_id(tmp_path: Path) -> None:
    # Machine formats escape by construction and keep the id as it is (a consumer may need it).
    doc_id = "x\n::error::y.txt"
    out = RENDERERS["json"](to_frame([finding(doc_id)]), Context())
    assert json.loads(out)["findings"][0]["doc_a"] == doc_id and not unsafe_lines(out)


def test_item11_progress_and_warnings_are_clean(tmp_path: Path, capsys: Cap) -> None:
    import discrepancy.cli as cli

    stream = io.StringIO()
    cli.Progress(True, stream, delay=0).step(1, 2, "a\x1b]0;owned\x07.txt")
    assert "\x1b" not in stream.getvalue() and "\x07" not in stream.getvalue()
    (tmp_path / "b\x1b[2J.md").write_text("---\ndate: [unreadable]\n---\nBody.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Body.\n", encoding="utf-8")
    assert main([str(tmp_path), "--isolated", "-v"]) == 0
    err = capsys.readouterr().err
    assert "warning" in err and "\\x1b[2J" in err and not unsafe_lines(err)
