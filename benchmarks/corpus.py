"""Benchmark corpora built from the seed articles.

Helpers shared by every benchmark:

* `seed_corpus` - ``n_docs`` documents cycling through the seeds, each with its own id
  (``00042_003_920a....txt``), texts unchanged;
* `seed_text` - one string of at least ``min_bytes`` UTF-8 bytes: the seed texts repeated,
  separated by blank lines (for throughput measures that want one long input);
* `event_corpus` - ``n_docs`` varied edits of the seeds and of the test corpora, grouped in
  events of six (each event gives its proper names a suffix of its own, so events do not share
  names), laid out one folder per event or all in one mixed folder;
* `test_module` - a conformance test module of ``tests/`` (its scorer, files and hold-outs),
  so a benchmark scores peers exactly as the test suite scores this project.
"""

from __future__ import annotations

import importlib.util
import re
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
CORPORA = ROOT / "tests" / "corpora"
# Documents per event: the real-news dev set has events of six passages.
EVENT_SIZE = 6

__all__ = ["SEEDS", "event_corpus", "seed_corpus", "seed_documents", "seed_text", "test_module"]


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


@cache
def base_texts() -> tuple[str, ...]:
    """The texts events are made from: the seeds, then the prose files of the test corpora."""
    texts = [d.text for d in seed_documents()]
    for path in sorted(CORPORA.rglob("*")):
        if path.suffix in (".txt", ".md") and path.name != "README.md" and path.is_file():
            texts.append(path.read_text(encoding="utf-8"))
    return tuple(texts)


def _letters(i: int) -> str:
    """A number written with lower-case letters only, so it never becomes a numeric fact."""
    out = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        out = chr(ord("a") + r) + out
    return out


# Calendar words keep their spelling: a suffixed "Mondayb" would be no date at all.
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december".split()
)
_CAPITALIZED = re.compile(r"\b[A-Z][a-z]{2,}\b")
_NUMBER = re.compile(r"\b\d{2,}\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def _event_text(base: str, event: int) -> str:
    """``base`` with every capitalized word the text never writes in lower case (its names)
    given the event's suffix, so two events made from one base share no names."""
    lower = {w.lower() for w in re.findall(r"\b[a-z]+\b", base)} | _CALENDAR
    tag = _letters(event)
    return _CAPITALIZED.sub(lambda m: m.group() if m.group().lower() in lower else m.group() + tag, base)


def _edit(text: str, event: int, copy: int) -> str:
    """Copy ``copy`` of an event: one sentence in six left out, some numbers changed (the
    conflicts an audit finds) and a closing line of its own, so no two copies are identical."""
    if copy == 0:
        return f"{text}\n\nDesk note {_letters(event)} {_letters(copy)}.\n"
    parts = _SENTENCE_END.split(text)
    kept = [p for k, p in enumerate(parts) if len(parts) < 4 or k % EVENT_SIZE != copy]
    seen = iter(range(1 << 30))

    def bump(m: re.Match[str]) -> str:
        # Every third number of a copy moves by the copy's rank: a disagreement within the event.
        return str(int(m.group()) + copy) if (next(seen) + copy) % 3 == 0 else m.group()

    edited = _NUMBER.sub(bump, " ".join(kept))
    return f"{edited}\n\nDesk note {_letters(event)} {_letters(copy)}.\n"


def event_corpus(n_docs: int, mixed: bool = False) -> list[Document]:
    """``n_docs`` edited copies in events of `EVENT_SIZE`: event ``k`` is base text ``k`` (cycling)
    with its own names; its documents sit in folder ``eKKKKK/`` or, ``mixed``, all in ``mixed/``."""
    bases = base_texts()
    docs = []
    for i in range(n_docs):
        event, copy = divmod(i, EVENT_SIZE)
        text = _edit(_event_text(bases[event % len(bases)], event), event, copy)
        folder = "mixed" if mixed else f"e{event:05d}"
        doc_id = f"{folder}/{event:05d}-{copy}.txt"
        docs.append(Document(doc_id, text, path=f"corpus/{doc_id}"))
    return docs
