"""Bad inputs on the command line: one clear line on stderr, exit 2 or a warning, no traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from discrepancy.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("discrepancy: error: ")
    return lines[0]


# --- inputs that stop the audit (exit 2) -------------------------------------------------------


def test_missing_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, tmp_path / "missing.txt")
    assert code == 2 and out == ""
    assert "missing.txt: no such file or directory" in error_line(err)


def test_empty_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, _, err = run(capsys, tmp_path / "empty")
    assert code == 2
    assert "no documents found in" in error_line(err) and "empty" in err


def test_folder_with_nothing_loadable(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write(tmp_path / "docs" / "image.png", b"\x89PNG")
    write(tmp_path / "docs" / ".hidden.txt", "Hidden.")
    code, _, err = run(capsys, tmp_path / "docs")
    assert code == 2 and "no documents found in" in error_line(err)


def test_unreadable_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = write(tmp_path / "secret.txt", "Text.")
    real_open = open

    def deny(path: object, *args: object, **kw: object) -> object:
        if Path(str(path)) == target:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kw)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", deny)
    code, _, err = run(capsys, target)
    assert code == 2
    assert "secret.txt: cannot read file: permission denied" in error_line(err)


def test_unlistable_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    write(tmp_path / "a.txt", "Text.")
    real_scandir = os.scandir

    def deny(path: object) -> object:
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", deny)
    code, _, err = run(capsys, tmp_path)
    assert code == 2
    assert "locked: cannot list folder: permission denied" in error_line(err)


def test_binary_file_named_explicitly(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = write(tmp_path / "photo.txt", b"\xff\xd8\xff\x00\x10JFIF")
    code, _, err = run(capsys, target)
    assert code == 2
    assert "photo.txt: binary file" in error_line(err)


def test_bad_jsonl_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = write(tmp_path / "feed.jsonl", '{"text": "Fine."}\n{"text": "broken"\n')
    code, _, err = run(capsys, target)
    assert code == 2
    assert "feed.jsonl:2: not a JSON object" in error_line(err)


PUBLISHED_ERRORS = [
    pytest.param("a.txt=yesterday", "bad publication date 'yesterday'", id="bad-date"),
    pytest.param("a.txt=2020-02-30", "bad publication date '2020-02-30'", id="impossible-date"),
    pytest.param("b.txt=2020-01-08", "--published b.txt: no such document", id="unknown-document"),
    pytest.param("a.txt", "--published 'a.txt': expected DOC=DATE", id="no-equals"),
    pytest.param("=2020-01-08", "expected DOC=DATE", id="no-document"),
]


@pytest.mark.parametrize(("item", "message"), PUBLISHED_ERRORS)
def test_bad_published(capsys: pytest.CaptureFixture[str], tmp_path: Path, item: str, message: str) -> None:
    write(tmp_path / "a.txt", "Text.")
    code, _, err = run(capsys, tmp_path, "--published", item)
    assert code == 2
    assert message in error_line(err)


# --- inputs that only warn -------------------------------------------------------------------------


def audit_json(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[list[dict], str]:
    code, out, err = run(capsys, *argv, "--format", "json", "--fail-level", "never")
    assert code == 0, err
    return json.loads(out)["findings"], err


def test_binary_file_in_folder_is_skipped(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Text.")
    write(tmp_path / "b.txt", b"\x00\x00\x00")
    _, err = audit_json(capsys, tmp_path)
    assert err.splitlines() == [
        f"discrepancy: warning: {(tmp_path / 'b.txt').as_posix()}: skipped binary file (contains NUL bytes)"
    ]


def test_invalid_utf8_warns_with_offset(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = b"Caf\xc3\xa9 ok. Then caf\xe9 \x93quoted\x94."
    write(tmp_path / "a.txt", data)
    _, err = audit_json(capsys, tmp_path / "a.txt")
    [line] = err.splitlines()
    assert line.startswith("discrepancy: warning: ")
    first_bad = data.index(b"\xe9 ")
    assert "a.txt" in line and f"offset {first_bad})" in line and "cp1252" in line


def test_unmappable_bytes_say_so(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write(tmp_path / "a.txt", b"Odd \x81 byte.")
    _, err = audit_json(capsys, tmp_path / "a.txt")
    assert "offset 4" in err and "replaced with U+FFFD" in err


def test_quiet_silences_warnings(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write(tmp_path / "a.txt", b"Caf\xe9.")
    code, _, err = run(capsys, tmp_path, "--format", "json", "--fail-level", "never", "--quiet")
    assert code == 0 and err == ""


def test_good_published_is_accepted(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Text.")
    rows, err = audit_json(capsys, tmp_path, "--published", "a.txt=2020-01-08 19:17 IST")
    assert rows == [] and err == ""
