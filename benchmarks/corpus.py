"""Benchmark corpora built from the seed articles.

Helpers shared by every benchmark:

* `seed_corpus` - ``n_docs`` documents cycling through the seeds, each with its own id
  (``00042_003_920a....txt``), texts unchanged;
* `seed_text` - one string of at least ``min_bytes`` UTF-8 bytes: the seed texts repeated,
  separated by blank lines (for throughput measures that want one long input);
* `test_module` - a conformance test module of ``tests/`` (its scorer, files and hold-outs),
  so a benchmark scores peers exactly as the test suite scores this project.
"""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import replace
from functools import cache
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from discrepancy.document import Document  # noqa: E402
from discrepancy.load import load_documents  # noqa: E402

SEEDS = ROOT / "seeds"

__all__ = ["SEEDS", "seed_corpus", "seed_documents", "seed_text", "test_module"]


def test_module(name: str) -> ModuleType:
    """Import ``tests/<name>.py`` by path (``tests`` is not a package)."""
    path = ROOT / "tests" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@cache
def seed_documents() -> tuple[Document, ...]:
    """The seed articles as loaded by the project (sorted by file name)."""
    return tuple(load_documents(SEEDS))


def seed_corpus(n_docs: int) -> list[Document]:
    """``n_docs`` documents cycling through the seeds, each with its own id."""
    base = seed_documents()
    return [
        replace(base[i % len(base)], id=f"{i:05d}_{base[i % len(base)].id}", path="") for i in range(n_docs)
    ]


def seed_text(min_bytes: int) -> str:
    """The seed texts repeated until the result has at least ``min_bytes`` UTF-8 bytes."""
    parts: list[str] = []
    size = 0
    base = seed_documents()
    i = 0
    while size < min_bytes:
        text = base[i % len(base)].text
        parts.append(text)
        size += len(text.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(parts)
