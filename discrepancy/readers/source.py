"""A source to load: what it is, and its bytes read and decoded to text.

`LoadError` is raised by every part of loading (`discrepancy.load` re-exports it); a file
over the size limit or holding NUL bytes is told apart before it is read whole.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


class LoadError(Exception):
    """Input that cannot be audited (missing path, no documents, unreadable file)."""

    # Users import it from discrepancy.load (or discrepancy); tracebacks and pickles name it there.
    __module__ = "discrepancy.load"


# Bytes sniffed for NUL before a file is read whole.
_SNIFF = 8192

Warn = Callable[[str], None]
Anchors = tuple[tuple[int, int, int], ...]


@dataclass(frozen=True)
class _Source:
    """One file to read: where it is, its document id, and whether it was named explicitly."""

    path: Path
    id: str
    given: str  # the path as the user would write it (folder given + relative path)
    explicit: bool
    stdin: bool = False


def _read_bytes(path: Path, max_bytes: int | None = None) -> bytes:
    """The file's bytes; `_TooLarge` before reading when it is over ``max_bytes``, `_Binary`
    when its first bytes hold a NUL (so a 2 GB binary is never read whole)."""
    try:
        with open(path, "rb") as fh:
            if max_bytes is not None:
                size = os.fstat(fh.fileno()).st_size
                if size > max_bytes:
                    raise _TooLarge(size)
            head = fh.read(_SNIFF)
            if b"\x00" in head and head[:2] not in (b"\xff\xfe", b"\xfe\xff"):
                raise _Binary
            # Read in chunks up to one byte past the limit: a file that grows, or a special
            # file with no size, still cannot exhaust memory (and no buffer of the limit's size
            # is allocated for a small file).
            chunks, total = [head], len(head)
            while len(chunks[-1]) and (max_bytes is None or total <= max_bytes):
                chunks.append(fh.read(1 << 20))
                total += len(chunks[-1])
            if max_bytes is not None and total > max_bytes:
                raise _TooLarge(total)
            return b"".join(chunks)
    except PermissionError:
        raise LoadError(f"{path}: cannot read file: permission denied") from None
    except OSError as err:
        raise LoadError(f"{path}: cannot read file: {err.strerror or err}") from None


class _Binary(Exception):
    pass


class _TooLarge(Exception):
    pass


def decode(data: bytes, name: str, warn: Warn) -> str:
    """Text of a file's bytes: UTF-8 (BOM optional), else cp1252 with a warning.

    Raises `_Binary` for data with NUL bytes (UTF-16 with a BOM is decoded instead).

    >>> decode(b"\\xef\\xbb\\xbfcaf\\xc3\\xa9\\r\\nok", "a.txt", print)
    'café\\nok'
    >>> decode(b"caf\\xe9 \\x93quoted\\x94", "b.txt", print)
    b.txt: not valid UTF-8 (first bad byte at offset 3); read as cp1252
    'café “quoted”'
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return _normalize_newlines(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise _Binary from None
    if b"\x00" in data:
        raise _Binary
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        text = data[bom:].decode("utf-8")
    except UnicodeDecodeError as err:
        where = f"{name}: not valid UTF-8 (first bad byte at offset {bom + err.start})"
        try:
            text = data[bom:].decode("cp1252")
            warn(f"{where}; read as cp1252")
        except UnicodeDecodeError:
            text = data[bom:].decode("cp1252", errors="replace")
            bad = text.count("\ufffd")  # cp1252 yields U+FFFD only for the bytes it cannot map
            warn(f"{where}; read as cp1252, {bad} byte(s) it cannot map replaced with U+FFFD")
    return _normalize_newlines(text)


def _normalize_newlines(text: str) -> str:
    r"""CRLF and lone CR become LF, so lines count as an editor counts them.

    >>> _normalize_newlines("a\r\nb\rc\n")
    'a\nb\nc\n'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_stdin() -> bytes:
    try:
        return sys.stdin.buffer.read()
    except (AttributeError, OSError, ValueError) as err:  # no stdin, closed, or a text-only stream
        raise LoadError(f"cannot read standard input: {err}") from None
