"""Inputs that used to crash the audit or mislead its exit status, one test per reported shape.

Each test runs the command line (or the library call) the way a user would and checks that
the audit either works or fails with one clear line and exit status 2, never a traceback.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

import discrepancy
from discrepancy import Document, Settings, When
from discrepancy.cli import main
from tests.fakes import comparing

Cap = pytest.CaptureFixture[str]


def run_cli(argv: list[str], capsys: Cap) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str) -> bool:
    lines = [line for line in err.splitlines() if line.startswith("discrepancy: error:")]
    return len(lines) == 1 and "Traceback" not in err


# --- item 1: hyphenated vague counts ---------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    pytest.param("Tens-of-thousands of people marched.", id="tens-of-thousands"),
    pytest.param("Hundreds-of-millions of dollars were spent.", id="hundreds-of-millions"),
    pytest.param("Dozens - of people came.", id="dozens-spaced-hyphen"),
])
def test_item01_hyphenated_vague_counts(tmp_path: Path, capsys: Cap, sentence: str) -> None:
    (tmp_path / "h.txt").write_text(sentence + "\n", encoding="utf-8")
    code, out, err = run_cli([str(tmp_path / "h.txt"), "--format", "json"], capsys)
    assert (code, json.loads(out)["findings"], err) == (0, [], "")
    facts = discrepancy.extract(sentence)
    assert any(v.startswith("~[") for v in facts.value), facts.values.tolist()


# --- item 2: hyphenated hedges ---------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "value"), [
    pytest.param("Plans allow up-to 5 users.", "<=5", id="up-to"),
    pytest.param("It serves more-than 5 users.", ">5", id="more-than"),
])
def test_item02_hyphenated_hedges(tmp_path: Path, capsys: Cap, sentence: str, value: str) -> None:
    (tmp_path / "u.txt").write_text(sentence + "\n", encoding="utf-8")
    code, _, err = run_cli([str(tmp_path / "u.txt")], capsys)
    assert (code, err) == (0, "")
    assert value in discrepancy.extract(sentence).value.tolist()


# --- item 4: lone surrogates and file names that are not UTF-8 -------------------------------

def test_item04_lone_surrogate_in_jsonl(tmp_path: Path, capsys: Cap) -> None:
    lines = ['{"id": "a", "text": "40 homes were flooded \\ud800."}',
             '{"id": "b", "text": "55 homes were flooded \\udfff."}']
    (tmp_path / "s.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for fmt in ("json", "concise", "csv", "sarif"):
        code, out, err = run_cli([str(tmp_path / "s.jsonl"), "--format", fmt], capsys)
        assert code in (0, 1) and "error" not in err, (fmt, err)
        assert "homes" in out


@pytest.mark.skipif(sys.platform == "win32" or os.fsencode("\udcff") != b"\xff",
                    reason="needs a file system that takes any bytes in names")
def test_item04_file_name_not_utf8(tmp_path: Path, capsys: Cap) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("The council said 40 homes were flooded.\n", encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"b\xff.txt"), "wb") as fh:
        fh.write(b"Officials said 55 homes were flooded.\n")
    for fmt in ("concise", "json", "github"):
        code, out, err = run_cli([str(folder), "--format", fmt], capsys)
        assert code in (0, 1) and "error" not in err, (fmt, err)
        assert "\\udcff" in out or "%ED%B3%BF" in out or "b" in out


# --- item 5: the library validates its arguments where they enter ----------------------------

def test_item05_extract_text_is_never_a_path() -> None:
    assert discrepancy.extract("x" * 5000).empty  # was OSError: File name too long
    assert discrepancy.extract("/etc/os-release").empty  # was: read that file
    assert discrepancy.extract("").empty  # was: audit the current folder
    assert discrepancy.extract("/").empty  # was: walk the whole file system


@pytest.mark.parametrize(("call", "error", "words"), [
    pytest.param(lambda: discrepancy.extract(b"40 homes"), TypeError, "bytes", id="extract-bytes"),
    pytest.param(lambda: Document(id="a", text="x", published="2020-01-01"),  # type: ignore[arg-type]
                 TypeError, "published", id="document-published-str"),
    pytest.param(lambda: Document(id="a", text=5), TypeError, "text", id="document-text-int"),  # type: ignore[arg-type]
    pytest.param(lambda: discrepancy.audit({"a": "x"}, published="2020-01-01"),  # type: ignore[arg-type]
                 TypeError, "published", id="audit-published-str"),
    pytest.param(lambda: discrepancy.audit({"a": "x"}, approx_tolerance="x"), TypeError,
                 "approx_tolerance", id="tolerance-str"),
    pytest.param(lambda: discrepancy.audit({"a": "x"}, jobs="2"), TypeError, "jobs", id="jobs-str"),
    pytest.param(lambda: discrepancy.audit({"a": "x"}, min_confidence=None), TypeError,
                 "min_confidence", id="confidence-none"),
    pytest.param(lambda: discrepancy.audit({"a": "x"}, jobs=0), ValueError, "jobs", id="jobs-zero"),
    pytest.param(lambda: discrepancy.audit({"a": "x"}, approx_tolerance=-0.1), ValueError,
                 "approx_tolerance", id="tolerance-negative"),
    pytest.param(lambda: Settings(date_order="ymd"), ValueError, "date_order", id="date-order"),
    pytest.param(lambda: discrepancy.audit(""), ValueError, "empty path", id="audit-empty-path"),
])
def test_item05_bad_arguments_fail_at_the_boundary(call: object, error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=words):
        call()  # type: ignore[operator]


def test_item05_audit_takes_any_iterable_of_sources(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The council said 40 homes were flooded.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Officials said 55 homes were flooded.\n", encoding="utf-8")
    docs = discrepancy.load_documents(tmp_path)
    from_list = discrepancy.audit(docs)
    assert len(from_list) == 1
    assert from_list.equals(discrepancy.audit(d for d in docs))
    assert from_list.equals(discrepancy.audit(*docs))
    pub = Document(id="c", text="x", published=When(2020, 1, 1))
    assert pub.published == When(2020, 1, 1)


# --- item 6: configuration, baselines and output files ---------------------------------------

@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("The council said 40 homes were flooded.\n", encoding="utf-8")
    (docs / "b.md").write_text("Officials said 55 homes were flooded.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return docs


@pytest.mark.parametrize(("files", "argv", "words"), [
    pytest.param({"pyproject.toml": b"[tool.discrepancy]\nselect = ['\xff']\n"}, ["docs"], "UTF-8",
                 id="pyproject-not-utf8"),
    pytest.param({"pyproject.toml": b"tool = 5\n"}, ["docs", "--config", "pyproject.toml"], "[tool]",
                 id="tool-not-a-table"),
    pytest.param({}, ["docs", "--isolated", "--exclude", "[z-a]"], "[z-a]", id="exclude-bad-range"),
    pytest.param({"discrepancy.toml": b'exclude = ["[z-a]"]\n'}, ["docs"], "[z-a]", id="config-bad-range"),
    pytest.param({"discrepancy.toml": b'[per-file-ignores]\n"[z-a]" = ["DSC101"]\n'}, ["docs"], "[z-a]",
                 id="per-file-ignores-bad-range"),
    pytest.param({"b.json": b'{"version": 1, "findings": ["\xff"]}'},
                 ["docs", "--isolated", "--baseline", "b.json"], "UTF-8", id="baseline-not-utf8"),
    pytest.param({"b.json": b"[" * 100_000 + b"]" * 100_000},
                 ["docs", "--isolated", "--baseline", "b.json"], "nested", id="baseline-deep-json"),
    pytest.param({}, ["docs", "--isolated", "-o", "/dev/full"], "/dev/full: cannot write: No space",
                 id="output-device-full"),
    pytest.param({}, ["docs", "--isolated", "--max-file-size", "nan"], "--max-file-size",
                 id="size-limit-nan"),
])
def test_item06_config_and_baseline_errors(corpus: Path, capsys: Cap, files: dict[str, bytes],
                                           argv: list[str], words: str) -> None:
    if "/dev/full" in argv and not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    for name, data in files.items():
        (corpus.parent / name).write_bytes(data)
    code, _, err = run_cli(argv, capsys)
    assert code == 2 and one_line_error(err) and words in err, err


def test_item06_per_file_ignores_checked_before_the_audit(corpus: Path, capsys: Cap,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    (corpus.parent / "discrepancy.toml").write_text('[per-file-ignores]\n"[z-a]" = ["DSC101"]\n')
    import discrepancy.cli as cli

    def never(*args: object, **kwargs: object) -> object:
        raise AssertionError("the audit ran before the config was checked")
    monkeypatch.setattr(cli, "load_documents", never)
    code, _, err = run_cli(["docs"], capsys)
    assert code == 2 and "[z-a]" in err


def test_item06_stdout_closed(corpus: Path, capsys: Cap, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    code, _, err = run_cli(["docs", "--isolated"], capsys)
    assert code == 2 and one_line_error(err) and "standard output is closed" in err


@pytest.mark.parametrize("flags", [
    pytest.param([], id="plain"),
    pytest.param(["--exit-zero"], id="exit-zero"),
])
def test_item06_internal_error_exits_2(corpus: Path, capsys: Cap, monkeypatch: pytest.MonkeyPatch,
                                       flags: list[str]) -> None:
    audit_mod = sys.modules["discrepancy.audit"]

    def broken(*args: object) -> object:
        raise TypeError("cannot unpack non-iterable NoneType object")
    monkeypatch.setattr(audit_mod, "compare", comparing(broken))
    code, _, err = run_cli(["docs", "--isolated", *flags], capsys)
    assert code == 2 and one_line_error(err) and "internal error: TypeError" in err
    code, _, err = run_cli(["docs", "--isolated", "-v", *flags], capsys)
    assert code == 2 and "Traceback" in err


# --- item 13: honest pruning and atomic writes -----------------------------------------------

def test_item13_prune_keeps_what_was_not_audited(corpus: Path, capsys: Cap) -> None:
    (corpus / "c.md").write_text("The storm hit on 3 May 2020. About 70 homes were flooded.\n",
                                 encoding="utf-8")
    (corpus / "d.md").write_text("The storm hit on 9 May 2020.\n", encoding="utf-8")
    assert main(["docs", "--isolated", "--write-baseline=base.json"]) == 0
    before = json.loads(Path("base.json").read_text(encoding="utf-8"))["findings"]
    assert len(before) >= 2
    capsys.readouterr()
    # Only DSC301 is checked: the DSC101 entries were never looked at and must stay.
    assert main(["docs", "--isolated", "--baseline", "base.json", "--prune-baseline",
                 "--select", "DSC301"]) == 0
    after = json.loads(Path("base.json").read_text(encoding="utf-8"))["findings"]
    assert {e["fingerprint"] for e in after} >= {e["fingerprint"] for e in before if e["rule"] == "DSC101"}
    # A subset of the paths: entries about the other documents stay.
    assert main(["docs/a.md", "--isolated", "--baseline", "base.json", "--prune-baseline"]) == 0
    subset = json.loads(Path("base.json").read_text(encoding="utf-8"))["findings"]
    assert [e["fingerprint"] for e in subset] == [e["fingerprint"] for e in after]
    assert "pruned 0 fixed" in capsys.readouterr().err


def test_item13_writes_are_atomic(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from discrepancy import safeio

    replaced: list[tuple[str, str]] = []
    real = os.replace

    def spy(src: str, dst: str) -> None:
        replaced.append((os.path.basename(str(src)), os.path.basename(str(dst))))
        real(src, dst)
    monkeypatch.setattr(safeio.os, "replace", spy)
    Path("report.json").write_text("old", encoding="utf-8")
    assert main(["docs", "--isolated", "--format", "json", "-o", "report.json"]) == 1
    assert main(["docs", "--isolated", "--write-baseline=base.json"]) == 0
    assert [dst for _, dst in replaced] == ["report.json", "base.json"]
    assert all(src.endswith(".tmp") for src, _ in replaced)
    assert json.loads(Path("report.json").read_text(encoding="utf-8"))
    assert sorted(p.name for p in Path().iterdir()) == ["base.json", "docs", "report.json"]


# --- item 14: --changed typos and symbolic links out of the folder ---------------------------

def test_item14_changed_typo_is_an_error(corpus: Path, capsys: Cap) -> None:
    code, _, err = run_cli(["docs", "--isolated", "--changed", "typo.md"], capsys)
    assert code == 2 and one_line_error(err) and "typo.md" in err
    Path("logo.png").write_bytes(b"\x89PNG")
    code, _, err = run_cli(["docs", "--isolated", "--changed", "logo.png", "docs/a.md"], capsys)
    assert code == 1 and "warning: --changed logo.png" in err


@pytest.mark.skipif(not hasattr(os, "symlink") or sys.platform == "win32", reason="needs symbolic links")
def test_item14_symlink_out_of_the_folder_is_skipped(corpus: Path, capsys: Cap) -> None:
    secret = corpus.parent / "secret.txt"
    secret.write_text("Reports said 700 homes were flooded.\n", encoding="utf-8")
    (corpus / "leak.txt").symlink_to(secret)
    (corpus / "inside.md").symlink_to(corpus / "a.md")  # stays inside: still followed
    code, out, err = run_cli(["docs", "--isolated", "--format", "json"], capsys)
    assert "700" not in out and "leak.txt: skipped symbolic link" in err
    assert code == 1
    code, out, _ = run_cli(["docs", "--isolated", "--format", "json", "--follow-links"], capsys)
    assert "700" in out
