"""A small documentation repository, audited as a docs team would in CI.

``tests/fixtures/docs_repo`` holds four pages (Markdown, reStructuredText, MDX) that give the
API rate limit four different values, two pages that disagree on the free plan, code that
states other values, a built ``site/`` and a draft excluded by ``.gitignore``, and an
``.adoc`` page of a type the tool does not read.
"""

from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path

import pytest

import discrepancy
from discrepancy import suppress
from discrepancy.cli import main
from discrepancy.load import load_documents

REPO = Path(__file__).resolve().parent / "fixtures" / "docs_repo"
DOCS = REPO / "docs"
SCHEMA = Path(__file__).resolve().parents[1] / "docs" / "report.schema.json"
RATE_PAGES = ["limits.md", "faq.md", "quickstart.rst", "sdk.mdx"]

Cap = pytest.CaptureFixture[str]


def run_json(capsys: Cap, *argv: str) -> tuple[int, dict, str]:  # type: ignore[type-arg]
    code = main([*argv, "--isolated", "--format", "json"])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


# --- code is not prose ----------------------------------------------------------------------

PAGES = [
    pytest.param("limits.md", ["<=100"], id="markdown-fence-inline-indented"),
    pytest.param("quickstart.rst", ["<=200"], id="rst-code-block-and-literal"),
    pytest.param("sdk.mdx", ["<=300"], id="mdx-esm-and-jsx"),
]


@pytest.mark.parametrize(("page", "values"), PAGES)
def test_code_never_yields_a_fact(page: str, values: list[str]) -> None:
    facts = discrepancy.extract(DOCS / page)
    assert facts["value"].tolist() == values


def test_directive_inside_a_fence_or_code_span_has_no_effect() -> None:
    doc = load_documents(DOCS / "limits.md")[0]
    assert suppress.directives(doc) == []


def test_directive_inside_a_fence_does_not_silence_the_page(capsys: Cap) -> None:
    _, report, err = run_json(capsys, str(REPO))
    assert any("docs/limits.md" in (f["doc_a"], f["doc_b"]) for f in report["findings"])
    assert "suppressed" not in err


# --- which files are read -------------------------------------------------------------------

def test_gitignored_site_and_drafts_are_not_read(capsys: Cap) -> None:
    _, report, _ = run_json(capsys, str(REPO))
    ids = [d["id"] for d in report["documents"]]
    assert ids == ["docs/faq.md", "docs/limits.md", "docs/plans.md", "docs/pricing.md",
                   "docs/quickstart.rst", "docs/sdk.mdx"]


def test_no_ignore_reads_them(capsys: Cap) -> None:
    _, report, _ = run_json(capsys, str(REPO), "--no-ignore")
    ids = {d["id"] for d in report["documents"]}
    assert {"site/limits.html", "docs/limits.draft.md"} <= ids


def test_ignore_files_apply_from_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("docs/build/\n")
    (tmp_path / "docs" / "build").mkdir(parents=True)
    (tmp_path / "docs" / "a.md").write_text("Up to 5 seats.\n")
    (tmp_path / "docs" / "build" / "a.md").write_text("Up to 6 seats.\n")
    assert [d.id for d in load_documents(tmp_path / "docs")] == ["a.md"]


def test_unsupported_files_are_listed_with_verbose_and_counted(capsys: Cap) -> None:
    main([str(REPO), "--isolated", "--format", "concise", "-v"])
    out, err = capsys.readouterr()
    assert "docs/notes.adoc: skipped, AsciiDoc is not a supported format" in err
    assert out.rstrip().endswith("; 1 file of unsupported type skipped.")


def test_quoted_globs_are_expanded(capsys: Cap) -> None:
    _, report, _ = run_json(capsys, str(DOCS / "*.md"))
    # An explicit glob names files, so .gitignore does not apply to them.
    assert [d["id"] for d in report["documents"]] == ["faq.md", "limits.draft.md", "limits.md", "plans.md",
                                                       "pricing.md"]


def test_a_glob_that_matches_nothing_is_an_error(capsys: Cap) -> None:
    assert main([str(DOCS / "*.txt"), "--isolated"]) == 2
    assert "no files match" in capsys.readouterr().err


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))


def test_stdin_is_one_document(monkeypatch: pytest.MonkeyPatch, capsys: Cap) -> None:
    _stdin(monkeypatch, "# New\n\n```\nup to 9 requests\n```\n\n"
                        "The API allows up to 40 requests per minute.\n")
    code, report, _ = run_json(capsys, "-", str(DOCS / "faq.md"), "--stdin-name", "docs/new.md")
    assert code == 1
    assert report["documents"][0] == {"id": "docs/new.md", "path": "", "facts": 1, "published": None,
                                      "published_source": None}
    (finding,) = report["findings"]
    assert (finding["doc_a"], finding["line_a"], finding["col_a"], finding["text_a"]) == (
        "docs/new.md", 7, 16, "up to 40 requests")


def test_stdin_alone_defaults_to_plain_text(monkeypatch: pytest.MonkeyPatch, capsys: Cap) -> None:
    _stdin(monkeypatch, "Nothing to compare.\n")
    code, report, _ = run_json(capsys, "-")
    assert code == 0 and [d["id"] for d in report["documents"]] == ["stdin"]


# --- severity and exit status ---------------------------------------------------------------

def test_four_pages_disagreeing_on_a_rate_limit_fail_ci_by_default(capsys: Cap) -> None:
    code = main([*(str(DOCS / p) for p in RATE_PAGES), "--isolated", "--format", "concise"])
    out = capsys.readouterr().out
    assert code == 1
    assert out.splitlines()[-1] == "Found 6 discrepancies (6 errors) across 4 documents."


def test_two_plan_pages_disagreeing_are_an_error(capsys: Cap) -> None:
    _, report, _ = run_json(capsys, str(DOCS / "pricing.md"), str(DOCS / "plans.md"))
    assert [(f["severity"], f["text_a"], f["text_b"]) for f in report["findings"]] == [
        ("error", "3 projects", "5 projects")]


def test_news_articles_keep_the_stricter_rule() -> None:
    # Plain text with the same wording: the likely-but-unclear conflict stays a warning.
    found = discrepancy.audit({"a.txt": "The free plan includes 5 projects.",
                               "b.txt": "The free plan includes 3 projects."})
    assert found["severity"].tolist() == ["warning"]


# --- positions and machine output -----------------------------------------------------------

def test_every_finding_points_at_its_quoted_text(capsys: Cap) -> None:
    _, report, _ = run_json(capsys, str(REPO))
    assert report["findings"]
    for f in report["findings"]:
        for side in "ab":
            lines = (REPO / f[f"doc_{side}"]).read_text(encoding="utf-8").split("\n")
            line, col = f[f"line_{side}"], f[f"col_{side}"]
            assert lines[line - 1][col - 1 :].startswith(f[f"text_{side}"]), (side, f)


def test_json_report_validates_against_the_published_schema(capsys: Cap) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema).check_schema(schema)
    _, report, _ = run_json(capsys, str(REPO))
    jsonschema.validate(report, schema)
    assert report["version"] == "1.0" and report["slots"]
    conflicting = [s for s in report["slots"] if s["status"] == "conflict"]
    assert conflicting and all(len(s["values"]) >= 2 for s in conflicting)
    _, empty, _ = run_json(capsys, str(DOCS / "pricing.md"))
    jsonschema.validate(empty, schema)


def test_schema_rejects_a_bare_array() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([], schema)


def test_sarif_of_the_docs_repo_validates(capsys: Cap) -> None:
    from tests.test_sarif import validator

    check = validator()
    main([str(REPO), "--isolated", "--format", "sarif"])
    log = json.loads(capsys.readouterr().out)
    assert log["runs"][0]["results"]
    check.validate(log)
    assert all("helpUri" not in r for r in log["runs"][0]["tool"]["driver"]["rules"])  # no address assumed


def test_docs_url_config_sets_help_uri(tmp_path: Path, capsys: Cap) -> None:
    shutil.copy(DOCS / "pricing.md", tmp_path)
    (tmp_path / "discrepancy.toml").write_text('docs-url = "https://docs.example.com/qa/rules/"\n')
    main([str(tmp_path), "--format", "sarif"])
    rules = json.loads(capsys.readouterr().out)["runs"][0]["tool"]["driver"]["rules"]
    assert rules[0]["helpUri"] == "https://docs.example.com/qa/rules/#dsc101-quantity-mismatch"


# --- output file and summary ----------------------------------------------------------------

def test_output_creates_missing_folders(tmp_path: Path, capsys: Cap) -> None:
    target = tmp_path / "reports" / "qa" / "report.json"
    assert main([str(REPO), "--isolated", "--format", "json", "-o", str(target)]) == 1
    assert json.loads(target.read_text(encoding="utf-8"))["findings"]


def test_output_that_cannot_be_written_fails_before_the_audit(
    tmp_path: Path, capsys: Cap, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_audit(*args: object, **kwargs: object) -> None:
        raise AssertionError("the audit ran")

    monkeypatch.setattr("discrepancy.cli.load_documents", no_audit)
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    assert main([str(REPO), "--isolated", "-o", str(blocker / "report.json")]) == 2
    assert "-o" in capsys.readouterr().err


def test_summary_tells_config_ignores_from_inline_suppressions(tmp_path: Path, capsys: Cap) -> None:
    (tmp_path / "a.md").write_text("The API allows up to 100 requests per minute.\n")
    (tmp_path / "b.md").write_text("<!-- discrepancy-disable-next-line DSC101 -->\n"
                                   "The API allows up to 200 requests per minute.\n")
    (tmp_path / "c.md").write_text("The API allows up to 300 requests per minute.\n")
    (tmp_path / "discrepancy.toml").write_text('[per-file-ignores]\n"c.md" = ["DSC101"]\n')
    assert main([str(tmp_path), "--format", "concise"]) == 0
    last = capsys.readouterr().out.splitlines()[-1]
    assert last == "Found 0 discrepancies across 3 documents; 1 suppressed inline; 2 ignored by config."


def test_rst_directive_comment_suppresses(tmp_path: Path, capsys: Cap) -> None:
    (tmp_path / "a.rst").write_text("Limits\n======\n\n"
                                    ".. discrepancy: disable-next-line DSC101 -- old page\n\n"
                                    "The API allows up to 100 requests per minute.\n")
    (tmp_path / "b.md").write_text("The API allows up to 500 requests per minute.\n")
    assert main([str(tmp_path), "--isolated", "--format", "concise"]) == 0
    last = capsys.readouterr().out.splitlines()[-1]
    assert last == "Found 0 discrepancies across 2 documents; 1 suppressed inline."
