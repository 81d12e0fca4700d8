"""Every example in README.md and docs/ runs, and its shown output is the real output.

Conventions in the Markdown sources:
- a ```python block containing ``>>>`` prompts is run as a doctest (from the repo root);
- a ```console block is a shell session: each ``$ command`` line is run from the repo root
  and the lines after it, up to the next ``$``, are its expected output (stdout and stderr);
- other blocks (```sh install commands, ```toml, ```yaml) are shown, not run.
``docs/ci.md`` has its own worked-example test (tests/test_ci_example.py).

After a deliberate change of output, refresh the shown outputs of the console blocks with
``python -m tests.test_docs_examples`` and review the diff.
"""

from __future__ import annotations

import doctest
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SKIP_CONSOLE = {"ci.md"}
FENCE = re.compile(r"^```(\w+)[^\n]*\n(.*?)^```", re.S | re.M)


def _blocks(lang: str) -> list[pytest.param]:
    params = []
    for page in PAGES:
        if not page.exists():
            continue
        text = page.read_text(encoding="utf-8")
        for i, m in enumerate(FENCE.finditer(text)):
            if m.group(1) != lang:
                continue
            if lang == "python" and ">>>" not in m.group(2):
                continue
            if lang == "console" and page.name in SKIP_CONSOLE:
                continue
            line = text.count("\n", 0, m.start()) + 1
            params.append(pytest.param(m.group(2), id=f"{page.relative_to(ROOT)}:{line}:{i}"))
    return params


@pytest.mark.parametrize("source", _blocks("python"))
def test_python_examples(source: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    parser = doctest.DocTestParser()
    test = parser.get_doctest(source, {}, "example", None, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test, out=lambda s: None)
    result = runner.summarize(verbose=False)
    if result.failed:
        # Re-run with output captured for a readable failure.
        lines: list[str] = []
        doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE).run(
            parser.get_doctest(source, {}, "example", None, 0), out=lines.append
        )
        pytest.fail("".join(lines))


def _sessions(source: str) -> list[tuple[str, str]]:
    sessions: list[tuple[str, list[str]]] = []
    for line in source.splitlines():
        if line.startswith("$ "):
            sessions.append((line[2:], []))
        elif sessions:
            sessions[-1][1].append(line)
    return [(cmd, "\n".join(out).rstrip()) for cmd, out in sessions]


def _run(cmd: str) -> str:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    for var in ("GITHUB_STEP_SUMMARY", "GITHUB_ACTIONS"):
        env.pop(var, None)
    argv = shlex.split(cmd)
    if argv[:3] == ["python", "-m", "discrepancy"]:
        argv = [sys.executable, *argv[1:]]
    elif argv[:1] == ["discrepancy"]:
        argv = [sys.executable, "-m", "discrepancy", *argv[1:]]
    proc = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, env=env, timeout=300)
    return "\n".join(x.rstrip() for x in (proc.stdout + proc.stderr).rstrip().splitlines())


@pytest.mark.parametrize("source", _blocks("console"))
def test_console_examples(source: str) -> None:
    for cmd, expected in _sessions(source):
        want = "\n".join(x.rstrip() for x in expected.splitlines())
        assert _run(cmd) == want, f"output of {cmd!r} differs"


def regenerate() -> None:
    """Rewrite the shown output of every console block with the real output."""
    for page in PAGES:
        if not page.exists() or page.name in SKIP_CONSOLE:
            continue
        text = page.read_text(encoding="utf-8")

        def fill(m: re.Match[str]) -> str:
            if m.group(1) != "console":
                return m.group(0)
            head = m.group(0).split("\n", 1)[0]
            body = []
            for cmd, _ in _sessions(m.group(2)):
                body.append(f"$ {cmd}")
                out = _run(cmd)
                if out:
                    body.append(out)
            return head + "\n" + "\n".join(body) + "\n```"

        new = FENCE.sub(fill, text)
        if new != text:
            page.write_text(new, encoding="utf-8")
            print(f"updated {page.relative_to(ROOT)}")


if __name__ == "__main__":
    regenerate()
