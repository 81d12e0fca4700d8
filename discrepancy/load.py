"""Load documents from files and folders.

Minimal version: ``.txt`` only; the full loader (Markdown front matter, HTML, JSONL,
encodings, datelines) replaces it.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping
from pathlib import Path

from .document import Document
from .facts import When


class LoadError(Exception):
    """Input that cannot be audited (missing path, no documents, unreadable file)."""


SUFFIXES = (".txt",)


def load_documents(
    *paths: str | Path,
    published: Mapping[str, str | When] | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> list[Document]:
    """Documents from files and folders (folders recursively, in sorted order)."""
    warn = on_warning or (lambda msg: warnings.warn(msg, stacklevel=3))
    docs: list[Document] = []
    for p in paths:
        path = Path(p)
        if not path.exists():
            raise LoadError(f"{p}: no such file or directory")
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
            for f in files:
                docs.append(_read(f, f.relative_to(path).as_posix(), warn))
        else:
            docs.append(_read(path, path.name, warn))
    if not docs:
        raise LoadError("no documents found in " + ", ".join(str(p) for p in paths))
    return docs


def _read(path: Path, doc_id: str, warn: Callable[[str], None]) -> Document:
    data = path.read_bytes()
    text = data.decode("utf-8-sig").replace("\r\n", "\n")
    return Document(id=doc_id, text=text, path=str(path))


def parse_published(value: str | When) -> When:
    """A user-given publication date: ISO ``2020-01-08`` or ``2020-01-08T19:17+05:30``."""
    if isinstance(value, When):
        return value
    import datetime as dt

    text = str(value).strip()
    try:
        if len(text) == 10:
            d = dt.date.fromisoformat(text)
            return When(year=d.year, month=d.month, day=d.day)
        t = dt.datetime.fromisoformat(text)
    except ValueError:
        raise LoadError(f"bad publication date {value!r}: use YYYY-MM-DD or YYYY-MM-DDTHH:MM[+HH:MM]") from None
    off = t.utcoffset()
    return When(year=t.year, month=t.month, day=t.day, hour=t.hour, minute=t.minute,
                utc_offset=None if off is None else int(off.total_seconds() // 60))


def documents_from_mapping(
    texts: Mapping[str, str], published: Mapping[str, str | When] | None = None
) -> list[Document]:
    """Documents from ``{id: text}`` held in memory, in the mapping's order."""
    docs = []
    for doc_id, text in texts.items():
        if not isinstance(text, str):
            raise LoadError(f"document {doc_id!r}: text must be a string")
        pub = parse_published(published[doc_id]) if published and doc_id in published else None
        docs.append(Document(id=str(doc_id), text=text.replace("\r\n", "\n"), published=pub,
                             published_source="user" if pub else ""))
    return docs
