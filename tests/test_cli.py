"""The command line: every flag through `main(argv)`, and once through a real subprocess.

The comparator is replaced by a fake that reads sentences like "The troops count is 5." and
reports every pair of documents that give one subject different numbers, so exit codes,
filters and thresholds are tested independently of the real comparison logic.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
import regex

import discrepancy.audit  # noqa: F401  (loads the module for AUDIT)
from discrepancy import cli
from discrepancy.cli import main
from discrepancy.document import Document
from discrepancy.findings import FINDING_COLUMNS, Finding, fingerprint
from discrepancy.rules import BY_ID
from tests.fakes import comparing

Cap = pytest.CaptureFixture[str]

# The package re-exports the function `audit`, which hides the module of that name.
AUDIT = sys.modules["discrepancy.audit"]


def no_facts(docs: Sequence[Document], settings: object) -> list[list[object]]:
    """Extraction stand-in: these tests are about what happens to findings, not facts."""
    return [[] for _ in docs]

# subject word -> rule the fake reports it under
FAKE_RULES = {"troops": "DSC101", "metres": "DSC102", "holder": "DSC201", "spelling": "DSC203"}
CLAIM = regex.compile(r"The (?P<subject>\w+) count is (?P<value>\d+)")


def fake_find_conflicts(docs: Sequence[Document], per_doc: object, settings: object) -> list[Finding]:
    claims = []
    for doc in docs:
        for m in CLAIM.finditer(doc.text):
            line, col = doc.line_col(m.start())
            claims.append((m["subject"], doc.id, line, col, m.group(0), m["value"]))
    out = []
    for i, a in enumerate(claims):
        for b in claims[i + 1:]:
            if a[0] == b[0] and a[1] != b[1] and a[5] != b[5]:
                rule = BY_ID[FAKE_RULES.get(a[0], "DSC101")]
                out.append(Finding(
                    rule.id, rule.name, rule.kind, rule.severity, a[0], f"{a[5]} vs {b[5]}", 0.9,
                    a[1], a[2], a[3], a[4], a[5], a[4], b[1], b[2], b[3], b[4], b[5], b[4],
                    fingerprint(rule.id, a[0], [(a[1], a[5]), (b[1], b[5])])))
    return out


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(AUDIT, "compare", comparing(fake_find_conflicts))
    monkeypatch.setattr(AUDIT, "extract_corpus", no_facts)
    for var in ("GITHUB_STEP_SUMMARY", "NO_COLOR"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Three documents: troops 5 vs 3 (error), spelling 1 vs 2 (info); run from tmp_path."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("# A\n\nThe troops count is 5.\n\nThe spelling count is 1.\n",
                               encoding="utf-8")
    (docs / "b.md").write_text("# B\n\nThe troops count is 3.\n", encoding="utf-8")
    (docs / "c.md").write_text("# C\n\nThe spelling count is 2.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return docs


def run_main(argv: list[str], capsys: Cap) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def rules_in(out: str) -> list[str]:
    return [row["rule"] for row in json.loads(out)["findings"]]


# --- exit codes and thresholds ----------------------------------------------------------

@pytest.mark.parametrize(("argv", "code"), [
    pytest.param([], 1, id="default-fail-level-error"),
    pytest.param(["--fail-level", "error"], 1, id="fail-error"),
    pytest.param(["--fail-level", "warning"], 1, id="fail-warning"),
    pytest.param(["--fail-level", "never"], 0, id="fail-never"),
    pytest.param(["--exit-zero"], 0, id="exit-zero"),
    pytest.param(["--ignore", "DSC101"], 0, id="info-left-does-not-fail-at-error"),
    pytest.param(["--ignore", "quantity-mismatch", "--fail-level", "info"], 1, id="info-fails-at-info"),
    pytest.param(["--min-level", "error", "--ignore", "DSC101", "--fail-level", "info"], 1,
                 id="hidden-findings-still-fail"),
    pytest.param(["--select", "DSC203"], 0, id="select-info-only"),
    pytest.param(["--select", "DSC203,DSC101"], 1, id="select-comma-list"),
    pytest.param(["-o", "report.txt"], 1, id="output-file-same-code"),
])
def test_exit_codes(fake: None, corpus: Path, capsys: Cap, argv: list[str],
                    code: int) -> None:
    assert main(["docs", *argv]) == code


@pytest.mark.parametrize("argv", [
    pytest.param(["nope/"], id="missing-path"),
    pytest.param(["docs", "--format", "xml"], id="bad-format"),
    pytest.param(["docs", "--select", "DSC999"], id="unknown-rule"),
    pytest.param(["docs", "--fail-level", "fatal"], id="bad-fail-level"),
    pytest.param(["docs", "--published", "a.md"], id="bad-published"),
    pytest.param(["docs", "--config", "missing.toml"], id="missing-config"),
    pytest.param(["docs", "--baseline", "missing.json"], id="missing-baseline"),
    pytest.param(["docs", "--jobs", "0"], id="bad-jobs"),
    pytest.param(["docs", "--include", "*.rst"], id="nothing-included"),
    pytest.param(["--bogus-flag", "docs"], id="unknown-flag"),
])
def test_usage_errors_exit_2(fake: None, corpus: Path, capsys: Cap,
                             argv: list[str]) -> None:
    code, out, err = run_main(argv, capsys)
    assert code == 2
    assert out == ""
    assert "error" in err and "Traceback" not in err


def test_error_message_names_the_thing(fake: None, corpus: Path, capsys: Cap) -> None:
    _, _, err = run_main(["docs", "--select", "DSC999"], capsys)
    assert "DSC999" in err and len(err.strip().splitlines()) == 1


def test_keyboard_interrupt_exits_130(corpus: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: Cap) -> None:
    def interrupted(*args: object) -> list[Finding]:
        raise KeyboardInterrupt
    monkeypatch.setattr(AUDIT, "compare", comparing(interrupted))
    code, _, err = run_main(["docs"], capsys)
    assert code == 130 and "interrupted" in err


def test_help_and_version(capsys: Cap) -> None:
    code, out, _ = run_main(["--help"], capsys)
    assert code == 0 and "--fail-level" in out and "rules" in out
    code, out, _ = run_main(["--version"], capsys)
    assert code == 0 and out.startswith("discrepancy ")


# --- what is shown ----------------------------------------------------------------------

def test_min_level_hides_but_counts(fake: None, corpus: Path, capsys: Cap) -> None:
    code, out, _ = run_main(["docs", "--min-level", "error"], capsys)
    assert code == 1
    assert "spelling" not in out
    assert "1 below --min-level not shown" in out.splitlines()[-1]


def test_min_level_filters_machine_formats(fake: None, corpus: Path, capsys: Cap) -> None:
    _, out, _ = run_main(["docs", "--format", "json", "--min-level", "warning"], capsys)
    assert rules_in(out) == ["DSC101"]


@pytest.mark.parametrize(("flag", "rules"), [
    pytest.param(["--select", "name-variant"], ["DSC203"], id="select-by-name"),
    pytest.param(["--ignore", "DSC203"], ["DSC101"], id="ignore-by-id"),
    pytest.param(["--select", "ALL", "--ignore", "DSC101"], ["DSC203"], id="select-all"),
    pytest.param(["--exclude", "c.md"], ["DSC101"], id="exclude-glob"),
    pytest.param(["--include", "a.md", "--include", "b.md"], ["DSC101"], id="include-globs"),
    pytest.param(["--changed", "docs/c.md"], ["DSC203"], id="changed-by-path"),
    pytest.param(["--changed", "b.md"], ["DSC101"], id="changed-by-id"),
    pytest.param(["--changed", "docs/../docs"], [], id="changed-nothing-relevant"),
])
def test_filters(fake: None, corpus: Path, capsys: Cap, flag: list[str],
                 rules: list[str]) -> None:
    code, out, _ = run_main(["docs", "--format", "json", *flag], capsys)
    assert rules_in(out) == rules
    assert code == (1 if "DSC101" in rules else 0)


def test_changed_still_audits_whole_corpus(fake: None, corpus: Path, capsys: Cap) -> None:
    # b.md alone has no conflict; with a.md in the corpus it does.
    _, out, _ = run_main(["docs", "--format", "json", "--changed", "docs/b.md"], capsys)
    rows = json.loads(out)["findings"]
    assert {rows[0]["doc_a"], rows[0]["doc_b"]} == {"a.md", "b.md"}


def test_published_flag_reaches_documents(corpus: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: Cap) -> None:
    seen: dict[str, object] = {}

    def spy(docs: Sequence[Document], per_doc: object, settings: object) -> list[Finding]:
        seen.update({d.id: d.published for d in docs})
        return []
    monkeypatch.setattr(AUDIT, "compare", comparing(spy))
    assert main(["docs", "--published", "a.md=2020-01-08"]) == 0
    assert seen["a.md"] is not None and seen["a.md"].day == 8  # type: ignore[attr-defined]


def test_jobs_flag_reaches_settings(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = []

    def spy(docs: Sequence[Document], per_doc: object, settings: object) -> list[Finding]:
        seen.append(settings)
        return []
    monkeypatch.setattr(AUDIT, "compare", comparing(spy))
    assert main(["docs", "--jobs", "2", "-q"]) == 0
    assert seen[0].jobs == 2  # type: ignore[attr-defined]


# --- quiet, verbose, colour, progress ---------------------------------------------------

def test_quiet_levels(fake: None, corpus: Path, capsys: Cap) -> None:
    code, out, _ = run_main(["docs", "-q"], capsys)
    assert code == 1 and out.startswith("Found 2 discrepancies") and out.count("\n") == 1
    code, out, err = run_main(["docs", "-qq"], capsys)
    assert code == 1 and out == "" and err == ""


def test_quiet_does_not_touch_machine_output(fake: None, corpus: Path, capsys: Cap) -> None:
    _, out, _ = run_main(["docs", "-qq", "--format", "json"], capsys)
    assert len(json.loads(out)["findings"]) == 2


def test_quiet_with_output_file_writes_full_report(fake: None, corpus: Path,
                                                   capsys: Cap) -> None:
    _, out, _ = run_main(["docs", "-qq", "-o", "r.txt"], capsys)
    assert out == "" and "troops" in Path("r.txt").read_text()


def test_verbose_prints_fact_counts_to_stderr(fake: None, corpus: Path, capsys: Cap) -> None:
    _, out, err = run_main(["docs", "-v", "--format", "json"], capsys)
    json.loads(out)
    assert "config:" in err
    assert "docs/a.md:" in err and "facts" in err


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("choice", "env", "tty", "to_file", "fmt", "expected"), [
    pytest.param("auto", {}, True, False, "table", True, id="auto-tty"),
    pytest.param("auto", {}, False, False, "table", False, id="auto-pipe"),
    pytest.param("auto", {"NO_COLOR": "1"}, True, False, "table", False, id="no-color"),
    pytest.param("auto", {"NO_COLOR": ""}, True, False, "table", True, id="empty-no-color-ignored"),
    pytest.param("auto", {}, True, True, "table", False, id="auto-to-file"),
    pytest.param("always", {"NO_COLOR": "1"}, False, False, "concise", True, id="always-wins"),
    pytest.param("never", {}, True, False, "table", False, id="never"),
    pytest.param("always", {}, True, False, "json", False, id="machine-format-never-coloured"),
])
def test_use_color(choice: str, env: dict[str, str], tty: bool, to_file: bool, fmt: str,
                   expected: bool) -> None:
    stream = _Tty() if tty else io.StringIO()
    assert cli.use_color(choice, fmt, to_file, stream, env) is expected


def test_color_always_paints_table(fake: None, corpus: Path, capsys: Cap) -> None:
    _, out, _ = run_main(["docs", "--color", "always"], capsys)
    assert "\x1b[" in out
    _, out, _ = run_main(["docs", "--color", "never"], capsys)
    assert "\x1b[" not in out


@pytest.mark.parametrize(("fmt", "quiet", "env", "tty", "expected"), [
    pytest.param("table", 0, {}, True, True, id="terminal"),
    pytest.param("concise", 0, {}, True, True, id="concise"),
    pytest.param("table", 0, {"CI": "true"}, True, False, id="under-ci"),
    pytest.param("table", 0, {}, False, False, id="not-a-tty"),
    pytest.param("sarif", 0, {}, True, False, id="machine-format"),
    pytest.param("table", 1, {}, True, False, id="quiet"),
])
def test_progress_enabled(fmt: str, quiet: int, env: dict[str, str], tty: bool, expected: bool) -> None:
    stream = _Tty() if tty else io.StringIO()
    assert cli.progress_enabled(fmt, quiet, stream, env) is expected


def test_progress_bar_draws_and_clears() -> None:
    stream = _Tty()
    cli.Progress(True, stream).step(1, 2, "quick")
    assert stream.getvalue() == ""  # short runs draw nothing
    bar = cli.Progress(True, stream, delay=0)
    bar.step(1, 2, "extracting")
    assert "[" in stream.getvalue() and "1/2 extracting" in stream.getvalue()
    bar.close()
    assert stream.getvalue().endswith("\r")
    silent = io.StringIO()
    cli.Progress(False, silent).step(1, 2, "x")
    assert silent.getvalue() == ""


# --- subcommands ------------------------------------------------------------------------

@pytest.mark.parametrize("ref", ["DSC101", "dsc101", "quantity-mismatch"])
def test_rule_explains(ref: str, capsys: Cap) -> None:
    code, out, _ = run_main(["rule", ref], capsys)
    assert code == 0
    assert out.startswith("DSC101 quantity-mismatch") and "Default severity: error" in out
    assert "rules.md#dsc101-quantity-mismatch" in out


def test_rule_unknown_exits_2(capsys: Cap) -> None:
    code, out, err = run_main(["rule", "DSC999"], capsys)
    assert code == 2 and out == "" and "DSC999" in err


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_rules_lists_every_rule(fmt: str, capsys: Cap) -> None:
    code, out, _ = run_main(["rules", "--format", fmt], capsys)
    assert code == 0
    for rule_id in BY_ID:
        assert rule_id in out
    if fmt == "json":
        assert [r["id"] for r in json.loads(out)] == list(BY_ID)
    if fmt == "markdown":
        assert "## DSC101 quantity-mismatch" in out


def test_config_subcommand(tmp_path: Path, capsys: Cap) -> None:
    (tmp_path / "discrepancy.toml").write_text('select = ["date-mismatch"]\n', encoding="utf-8")
    code, out, _ = run_main(["config", str(tmp_path)], capsys)
    assert code == 0 and 'select = ["DSC301"]' in out and "discrepancy.toml" in out
    code, out, _ = run_main(["config", str(tmp_path), "--isolated"], capsys)
    assert code == 0 and "select = []" in out


def test_folder_named_like_a_subcommand(fake: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: Cap) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "a.txt").write_text("Nothing.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_main(["./rules"], capsys)
    assert code == 0 and "across 1 document" in out


# --- the real entry point ---------------------------------------------------------------

def _subprocess(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_STEP_SUMMARY", "NO_COLOR")}
    return subprocess.run([sys.executable, "-m", "discrepancy", *args], cwd=cwd, capture_output=True,
                          text=True, env=env, timeout=120)


def test_subprocess_flags_and_exit_codes(corpus: Path) -> None:
    root = corpus.parent
    proc = _subprocess(["docs", "--format", "json", "--fail-level", "info", "--min-level", "info",
                        "--select", "ALL", "--ignore", "DSC202", "--isolated", "--color", "never",
                        "--exclude", "*.txt", "--changed", "docs/a.md"], root)
    assert proc.returncode in (0, 1), proc.stderr
    rows = json.loads(proc.stdout)["findings"]
    assert all(list(r) == list(FINDING_COLUMNS) for r in rows)
    bad = _subprocess(["docs", "--fail-level", "sometimes"], root)
    assert bad.returncode == 2 and bad.stdout == "" and "Traceback" not in bad.stderr
    (root / "discrepancy.toml").write_text("colour = 1\n", encoding="utf-8")
    bad = _subprocess(["docs"], root)
    assert bad.returncode == 2 and "colour" in bad.stderr
    rule = _subprocess(["rule", "date-mismatch"], root)
    assert rule.returncode == 0 and rule.stdout.startswith("DSC301")


# --- formats through main ---------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["table", "concise", "json", "jsonl", "csv", "markdown", "github", "sarif",
                                 "junit"])
def test_every_format_to_stdout_and_file(fake: None, corpus: Path, capsys: Cap, fmt: str) -> None:
    code, out, _ = run_main(["docs", "--format", fmt], capsys)
    assert code == 1 and out
    code, out2, _ = run_main(["docs", "--format", fmt, "-o", f"report.{fmt}"], capsys)
    assert code == 1 and out2 == ""
    assert Path(f"report.{fmt}").read_text(encoding="utf-8") == out


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "github", "sarif", "junit"])
def test_machine_formats_keep_stdout_clean(fake: None, corpus: Path, capsys: Cap, fmt: str) -> None:
    (corpus / "bad.txt").write_bytes(b"The troops count is 7.\n\x00binary\n")  # skipped with a warning
    code, out, err = run_main(["docs", "--format", fmt, "-v"], capsys)
    assert code == 1
    assert "warning" in err and "Found" not in out and "discrepancy:" not in out
    if fmt == "json":
        json.loads(out)
    if fmt == "sarif":
        assert json.loads(out)["version"] == "2.1.0"


def test_github_step_summary(fake: None, corpus: Path, capsys: Cap, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = corpus.parent / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, out, _ = run_main(["docs", "--format", "github"], capsys)
    assert code == 1
    assert out.startswith("::error file=docs/a.md,line=3,col=1,title=DSC101 quantity-mismatch%3A troops::")
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n### discrepancy") and "| severity |" in text
    run_main(["docs", "--format", "json"], capsys)
    assert summary.read_text(encoding="utf-8") == text  # only the github format writes it


def test_progress_per_document_when_the_pipeline_reports_it(corpus: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: Cap) -> None:
    from discrepancy.audit import AuditResult

    def run_with_progress(docs: Sequence[Document], settings: object, progress: object = None) -> AuditResult:
        for i, d in enumerate(docs):
            progress(i + 1, len(docs), d.id)  # type: ignore[operator]
        return AuditResult(tuple(docs), tuple(() for _ in docs), ())
    monkeypatch.setattr(cli, "run", run_with_progress)
    monkeypatch.setattr(cli, "progress_enabled", lambda fmt, quiet: True)
    monkeypatch.setattr(cli.Progress, "DELAY", 0)
    code, out, err = run_main(["docs"], capsys)
    assert code == 0 and out.startswith("Found 0")
    assert "3/3 c.md" in err and err.endswith("\r")
