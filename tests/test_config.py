"""Config files: discovery, every key, bad values, command-line overrides, `config` output."""

from __future__ import annotations

import json
import sys
import tomllib
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import discrepancy.audit  # noqa: F401  (loads the module for AUDIT)
from discrepancy import config as cfg
from discrepancy.cli import main
from discrepancy.document import Document
from discrepancy.findings import Finding, fingerprint
from discrepancy.rules import BY_ID
from discrepancy.settings import Settings
from tests.fakes import comparing

AUDIT = sys.modules["discrepancy.audit"]


def no_facts(docs: Sequence[Document], settings: object) -> list[list[object]]:
    """Extraction stand-in: these tests are about what happens to findings, not facts."""
    return [[] for _ in docs]
Cap = pytest.CaptureFixture[str]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- discovery --------------------------------------------------------------------------

def test_walks_up_from_a_nested_path(tmp_path: Path) -> None:
    found = write(tmp_path / "discrepancy.toml", "")
    nested = write(tmp_path / "a" / "b" / "doc.md", "x")
    assert cfg.find(nested) == found
    assert cfg.find(nested.parent) == found


@pytest.mark.parametrize(("present", "winner"), [
    pytest.param([".discrepancy.toml", "discrepancy.toml", "pyproject.toml"], ".discrepancy.toml",
                 id="dot-first"),
    pytest.param(["discrepancy.toml", "pyproject.toml"], "discrepancy.toml", id="toml-before-pyproject"),
    pytest.param(["pyproject.toml"], "pyproject.toml", id="pyproject"),
])
def test_precedence_in_one_folder(tmp_path: Path, present: list[str], winner: str) -> None:
    for name in present:
        write(tmp_path / name, "[tool.discrepancy]\n" if name == "pyproject.toml" else "")
    assert cfg.find(tmp_path) == tmp_path / winner


def test_nearest_folder_wins(tmp_path: Path) -> None:
    write(tmp_path / "discrepancy.toml", 'format = "json"\n')
    inner = write(tmp_path / "docs" / "pyproject.toml", '[tool.discrepancy]\nformat = "csv"\n')
    assert cfg.find(tmp_path / "docs") == inner
    assert cfg.load([str(tmp_path / "docs")]).format == "csv"


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    outer = write(tmp_path / "discrepancy.toml", 'format = "json"\n')
    write(tmp_path / "docs" / "pyproject.toml", "[project]\nname = 'x'\n")
    assert cfg.find(tmp_path / "docs") == outer


def test_explicit_config_and_isolated(tmp_path: Path) -> None:
    write(tmp_path / "discrepancy.toml", 'format = "json"\n')
    other = write(tmp_path / "ci" / "strict.toml", 'fail-level = "warning"\n')
    assert cfg.load([str(tmp_path)], config_file=str(other)).fail_level == "warning"
    assert cfg.load([str(tmp_path)], config_file=str(other)).format == "table"
    assert cfg.load([str(tmp_path)], isolated=True) == cfg.Config()


# --- every key --------------------------------------------------------------------------

GOOD = """\
include = ["**/*.md"]
exclude = ["drafts/**"]
select = ["ALL"]
ignore = ["name-variant"]
min-level = "warning"
fail-level = "warning"
format = "concise"
baseline = "base.json"
jobs = 2
approx-tolerance = 0.2
unit-tolerance = 0.05
date-order = "dmy"
min-confidence = 0.6
group-by = "field:story"
zones = { IST = "+05:30", CST = "-06:00" }

[severity]
DSC203 = "warning"
confusable-name = "error"
DSC103 = "off"

[per-file-ignores]
"archive/**" = ["DSC103", "date-mismatch"]

[vocab]
aliases = [["Qassem Soleimani", "Qasem Soleimani"]]
distinct = [["Ruhollah Khomeini", "Ali Khamenei"]]
"""


def test_every_key_parses(tmp_path: Path) -> None:
    c = cfg.read(write(tmp_path / "discrepancy.toml", GOOD))
    assert c.include == ("**/*.md",) and c.exclude == ("drafts/**",)
    assert c.select == tuple(BY_ID) and c.ignore == ("DSC203",)
    assert (c.min_level, c.fail_level, c.format, c.jobs) == ("warning", "warning", "concise", 2)
    assert c.baseline_path() == tmp_path / "base.json"
    assert c.severity == (("DSC103", "off"), ("DSC202", "error"), ("DSC203", "warning"))
    assert c.per_file_ignores == (("archive/**", ("DSC103", "DSC301")),)
    assert not c.enabled("DSC103") and not c.enabled("DSC203") and c.enabled("DSC101")
    s = c.settings()
    assert isinstance(s, Settings)
    assert (s.approx_tolerance, s.unit_tolerance, s.date_order) == (0.2, 0.05, "dmy")
    assert (s.min_confidence, s.jobs, s.group_by) == (0.6, 2, "field:story")
    assert s.zones == (("CST", -360), ("IST", 330))
    assert s.aliases == (("Qassem Soleimani", "Qasem Soleimani"),)
    assert s.distinct == (("Ruhollah Khomeini", "Ali Khamenei"),)


def test_pyproject_table(tmp_path: Path) -> None:
    lines = GOOD.splitlines()
    body = "\n".join(f"[tool.discrepancy.{x[1:]}" if x.startswith("[") else x for x in lines)
    c = cfg.read(write(tmp_path / "pyproject.toml", "[tool.discrepancy]\n" + body + "\n"))
    assert c == cfg.read(write(tmp_path / "discrepancy.toml", GOOD))


@pytest.mark.parametrize(("text", "key"), [
    pytest.param("colour = 'red'", "'colour'", id="unknown-key"),
    pytest.param("[vocab]\nsynonyms = []", "vocab.synonyms", id="unknown-vocab-key"),
    pytest.param("include = 3", "include", id="include-type"),
    pytest.param("exclude = ['']", "exclude", id="exclude-empty"),
    pytest.param("select = ['DSC999']", "select", id="select-unknown-rule"),
    pytest.param("ignore = ['no-such-rule']", "ignore", id="ignore-unknown-rule"),
    pytest.param("min-level = 'never'", "min-level", id="min-level-never"),
    pytest.param("fail-level = 'fatal'", "fail-level", id="fail-level"),
    pytest.param("format = 'xml'", "format", id="format"),
    pytest.param("baseline = 1", "baseline", id="baseline"),
    pytest.param("jobs = 0", "jobs", id="jobs-zero"),
    pytest.param("jobs = true", "jobs", id="jobs-bool"),
    pytest.param("approx-tolerance = 2", "approx-tolerance", id="approx-tolerance"),
    pytest.param("unit-tolerance = 'x'", "unit-tolerance", id="unit-tolerance"),
    pytest.param("date-order = 'ydm'", "date-order", id="date-order"),
    pytest.param("min-confidence = -1", "min-confidence", id="min-confidence"),
    pytest.param("group-by = 'topic'", "group-by", id="group-by"),
    pytest.param("group-by = 'field:'", "group-by", id="group-by-field-without-name"),
    pytest.param("zones = { IST = '5:30' }", "zones.IST", id="zone-offset-unsigned"),
    pytest.param("zones = { IST = '+25:00' }", "zones.IST", id="zone-offset-range"),
    pytest.param("zones = { 'I-S' = '+01:00' }", "zones.I-S", id="zone-name"),
    pytest.param("[severity]\nDSC101 = 'fatal'", "severity.DSC101", id="severity-level"),
    pytest.param("[severity]\nDSC999 = 'error'", "severity.DSC999", id="severity-rule"),
    pytest.param("[per-file-ignores]\n'a/*' = ['DSC999']", "per-file-ignores", id="per-file-ignores"),
    pytest.param("[vocab]\naliases = [['one']]", "vocab.aliases[0]", id="aliases-single"),
    pytest.param("[vocab]\ndistinct = [['a', 'b', 'c']]", "vocab.distinct[0]", id="distinct-triple"),
    pytest.param("format = ", "invalid TOML", id="bad-toml"),
])
def test_bad_values_exit_2_naming_key_and_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Cap,
                                               text: str, key: str) -> None:
    write(tmp_path / "discrepancy.toml", text + "\n")
    write(tmp_path / "docs" / "a.txt", "Nothing.\n")
    monkeypatch.chdir(tmp_path)
    assert main(["docs"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert key in err and "discrepancy.toml" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


# --- the config drives the run ----------------------------------------------------------

def _fake(docs: Sequence[Document], per_doc: object, settings: object) -> list[Finding]:
    """One finding per rule between archive/a.md and b.md."""
    out = []
    for rule_id in ("DSC101", "DSC103", "DSC203"):
        r = BY_ID[rule_id]
        out.append(Finding(r.id, r.name, r.kind, r.severity, "s", "m", 0.9,
                           "archive/a.md", 1, 1, "t", "1", "s", "b.md", 1, 1, "t", "2", "s",
                           fingerprint(r.id, "s", [])))
    return out


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write(tmp_path / "docs" / "archive" / "a.md", "claim\n")
    write(tmp_path / "docs" / "b.md", "claim\n")
    write(tmp_path / "docs" / "drafts" / "c.md", "claim\n")
    monkeypatch.setattr(AUDIT, "compare", comparing(_fake))
    monkeypatch.setattr(AUDIT, "extract_corpus", no_facts)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _rules(capsys: Cap) -> list[str]:
    return [r["rule"] for r in json.loads(capsys.readouterr().out)["findings"]]


@pytest.mark.parametrize(("toml", "argv", "rules", "code"), [
    pytest.param("", [], ["DSC101", "DSC103", "DSC203"], 1, id="defaults"),
    pytest.param("select = ['DSC203']", [], ["DSC203"], 0, id="select"),
    pytest.param("ignore = ['quantity-mismatch']", [], ["DSC103", "DSC203"], 0, id="ignore"),
    pytest.param("min-level = 'warning'", [], ["DSC101", "DSC103"], 1, id="min-level"),
    pytest.param("fail-level = 'info'\nselect = ['DSC203']", [], ["DSC203"], 1, id="fail-level"),
    pytest.param("[severity]\nDSC101 = 'warning'", [], ["DSC101", "DSC103", "DSC203"], 0, id="severity-down"),
    pytest.param("[severity]\nname-variant = 'error'", [], ["DSC101", "DSC203", "DSC103"], 1,
                 id="severity-up"),
    pytest.param("[severity]\nDSC103 = 'off'", [], ["DSC101", "DSC203"], 1, id="severity-off"),
    pytest.param("[per-file-ignores]\n'archive/**' = ['DSC101']", [], ["DSC103", "DSC203"], 0,
                 id="per-file-ignores"),
    pytest.param("[per-file-ignores]\n'*.md' = ['DSC203']", [], ["DSC101", "DSC103"], 1,
                 id="per-file-ignores-any-folder"),
    pytest.param("select = ['DSC203']", ["--select", "DSC101"], ["DSC101"], 1, id="flag-overrides-select"),
    pytest.param("fail-level = 'never'", ["--fail-level", "error"], ["DSC101", "DSC103", "DSC203"], 1,
                 id="flag-overrides-fail-level"),
    pytest.param("min-level = 'error'", ["--min-level", "info"], ["DSC101", "DSC103", "DSC203"], 1,
                 id="flag-overrides-min-level"),
])
def test_config_drives_findings(project: Path, capsys: Cap, toml: str, argv: list[str], rules: list[str],
                                code: int) -> None:
    write(project / "discrepancy.toml", toml + "\n")
    assert main(["docs", "--format", "json", *argv]) == code
    assert _rules(capsys) == rules


def test_format_key_and_flag_override(project: Path, capsys: Cap) -> None:
    write(project / "discrepancy.toml", "format = 'jsonl'\n")
    main(["docs"])
    assert len(capsys.readouterr().out.splitlines()) == 3
    main(["docs", "--format", "csv"])
    assert capsys.readouterr().out.startswith("rule,rule_name")


def test_isolated_ignores_config(project: Path, capsys: Cap) -> None:
    write(project / "discrepancy.toml", "select = ['DSC203']\n")
    main(["docs", "--format", "json", "--isolated"])
    assert len(_rules(capsys)) == 3


def test_config_flag(project: Path, capsys: Cap) -> None:
    write(project / "ci.toml", "select = ['DSC103']\n")
    main(["docs", "--format", "json", "--config", "ci.toml"])
    assert _rules(capsys) == ["DSC103"]


@pytest.mark.parametrize(("toml", "argv", "ids"), [
    pytest.param("", [], ["archive/a.md", "b.md", "drafts/c.md"], id="all"),
    pytest.param("exclude = ['drafts/**']", [], ["archive/a.md", "b.md"], id="exclude-key"),
    pytest.param("include = ['b.md']", [], ["b.md"], id="include-key"),
    pytest.param("exclude = ['drafts/**']", ["--exclude", "archive"], ["b.md", "drafts/c.md"],
                 id="flag-overrides-exclude"),
])
def test_include_exclude(project: Path, monkeypatch: pytest.MonkeyPatch, toml: str, argv: list[str],
                         ids: list[str]) -> None:
    seen: list[str] = []

    def spy(docs: Sequence[Document], per_doc: object, settings: object) -> list[Finding]:
        seen.extend(d.id for d in docs)
        return []
    monkeypatch.setattr(AUDIT, "compare", comparing(spy))
    write(project / "discrepancy.toml", toml + "\n")
    assert main(["docs", "-q", *argv]) == 0
    assert seen == ids


def test_settings_reach_the_comparator(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[Settings] = []

    def spy(docs: Sequence[Document], per_doc: object, settings: Settings) -> list[Finding]:
        seen.append(settings)
        return []
    monkeypatch.setattr(AUDIT, "compare", comparing(spy))
    write(project / "discrepancy.toml", "approx-tolerance = 0.3\nunit-tolerance = 0.01\ndate-order = 'dmy'\n"
          "min-confidence = 0.9\njobs = 1\nzones = { BST = '+06:00' }\n"
          "[vocab]\naliases = [['A B', 'A. B.']]\ndistinct = [['C D', 'C E']]\n")
    assert main(["docs", "-q"]) == 0
    s = seen[0]
    assert (s.approx_tolerance, s.unit_tolerance, s.date_order, s.min_confidence) == (0.3, 0.01, "dmy", 0.9)
    assert s.zones == (("BST", 360),)
    assert s.aliases == (("A B", "A. B."),) and s.distinct == (("C D", "C E"),)


# --- printing the effective config ------------------------------------------------------

def test_render_round_trips(tmp_path: Path) -> None:
    c = cfg.read(write(tmp_path / "discrepancy.toml", GOOD))
    text = cfg.render(c)
    assert text == cfg.render(c)  # deterministic
    again = cfg.parse(tomllib.loads(text)["tool"]["discrepancy"])
    assert again == c


def test_config_command_shows_flags_free_effective_values(tmp_path: Path, capsys: Cap) -> None:
    write(tmp_path / "pyproject.toml", "[tool.discrepancy]\nfail-level = 'warning'\n")
    assert main(["config", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"# from {tmp_path / 'pyproject.toml'}"
    assert 'fail-level = "warning"' in out and 'min-level = "info"' in out


def test_config_command_bad_file_exits_2(tmp_path: Path, capsys: Cap) -> None:
    write(tmp_path / "discrepancy.toml", "nope = 1\n")
    assert main(["config", str(tmp_path)]) == 2
    assert "nope" in capsys.readouterr().err


# --- any table is either a Config or one ConfigError ------------------------------------

_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5) | st.floats(-2, 2) | st.text(max_size=8)
    | st.sampled_from(["DSC101", "error", "never", "+05:30", "mdy", "json"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from([*cfg.KEYS, "vocab", "other"]), _VALUES, max_size=4))
def test_parse_raises_only_config_errors(table: dict[str, object]) -> None:
    try:
        parsed = cfg.parse(table, "x.toml")
    except cfg.ConfigError as exc:
        assert str(exc).startswith("x.toml: ")
    else:
        assert isinstance(parsed.settings(), Settings)
