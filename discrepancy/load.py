"""Load documents from files and folders: text, Markdown, MDX, reStructuredText, HTML, JSON Lines.

Every loaded `Document` has ``text`` with ``\\n`` line endings, ``anchors`` that map offsets
in ``text`` back to lines and columns of the file as given (front matter and tags
included), ``metadata`` from front matter / ``<meta>`` / JSONL fields, and a publication
date from `discrepancy.dateline` (metadata, else a header or footer line) unless the
user gives one.

Folders are walked recursively in sorted order; hidden entries (``.git``, ``.venv``), what
``.gitignore``/``.ignore`` files exclude (`discrepancy.ignore`) and files with other suffixes
are skipped. Ids are paths relative to the folder given, with ``/``; a file given directly
has its name as id. A path ``-`` is one document read from standard input; a path that does
not exist but holds glob characters (``docs/**/*.md`` quoted) is expanded.

Markdown and MDX are read by `discrepancy.readers.markdown` and reStructuredText by
`discrepancy.readers.rst`: only prose is audited, never code.

Reading and decoding a file is `discrepancy.readers.source`; the `Document` of each format is
built by `discrepancy.readers.documents`, with front matter from `discrepancy.readers.frontmatter`
and JSON Lines documents from `discrepancy.readers.jsonl`.

>>> docs = documents_from_mapping({"a": "Published: March 14, 2023\\nIt rained."})
>>> docs[0].published.render(), docs[0].published_source
('2023-03-14', 'header')
"""

from __future__ import annotations

import glob as globlib
import os
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

import regex

from . import dateline
from .document import Document
from .facts import When
from .htmltext import html_text
from .ignore import IgnoreRules
from .readers.documents import _document, _prose_document
from .readers.formats import unsupported_format
from .readers.frontmatter import split_front_matter as split_front_matter  # part of this module's API
from .readers.jsonl import _jsonl
from .readers.source import LoadError as LoadError  # part of this module's API
from .readers.source import (
    Warn,
    _Binary,
    _normalize_newlines,
    _read_bytes,
    _read_stdin,
    _Source,
    _TooLarge,
    decode,
)

# Suffix -> reader. Files with other suffixes are skipped inside folders; a file named
# explicitly is read as plain text whatever its suffix (the user asked for it).
SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdx": "mdx",
    ".rst": "rst",
    ".rest": "rst",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
}

# Folders never worth auditing, besides hidden ones: installed packages and caches,
# as markdownlint-cli2 and ruff skip them by default.
SKIP_DIRS = ("__pycache__", "node_modules")

# The path that means "standard input".
STDIN = "-"
# Characters that make a path that does not exist a glob to expand.
_GLOB_CHARS = frozenset("*?[")
# Files larger than this are skipped with a warning before a byte is read: a 50 MB log or a
# 2 GB binary named .txt is not an article, and reading one would cost gigabytes of memory.
DEFAULT_MAX_BYTES = 20_000_000


# ---------------------------------------------------------------------------------------
# The public entry points


def load_documents(
    *paths: str | Path,
    published: Mapping[str, str | When] | None = None,
    on_warning: Warn | None = None,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    strict_published: bool = True,
    ignore_files: bool = True,
    on_skip: Callable[[str, str], None] | None = None,
    stdin_name: str = "stdin",
    follow_links: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[Document]:
    """Documents from files and folders (folders recursively, in sorted order).

    ``include``/``exclude`` are glob patterns (``**`` spans folders) matched against the
    paths found inside folders; exclude wins. ``published`` maps document ids, paths as
    given or file names to dates; with ``strict_published`` a key that names no document is
    an error (a typo would otherwise be silently ignored). ``ignore_files`` honours
    ``.gitignore``/``.ignore`` in folders; ``on_skip(path, format)`` is called for each
    document of a folder skipped for its format (``data/formats.toml``).
    The path ``-`` reads standard input as document ``stdin_name``
    (whose suffix picks the reader). A symbolic link inside a folder that points outside
    it is skipped with a warning unless ``follow_links``. A file larger than ``max_bytes``
    is skipped with a warning naming it, before it is read.
    """
    for p in paths:
        if not isinstance(p, (str, Path)):
            raise TypeError(f"load_documents takes paths (str or Path), not {type(p).__name__}")
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
        raise ValueError(f"max_bytes must be a positive int, got {max_bytes!r}")
    warn = on_warning or (lambda msg: warnings.warn(msg, stacklevel=3))
    found = _find(paths, include, exclude, ignore_files, on_skip or (lambda path, fmt: None), stdin_name,
                  warn, follow_links)
    sources = _unique_ids(_dedupe(found))
    docs: list[Document] = []
    for src in sources:
        docs.extend(_read_source(src, warn, max_bytes))
    if not docs:
        raise LoadError("no documents found in " + ", ".join(str(p) for p in paths))
    return apply_published(docs, published, strict=strict_published)


def documents_from_mapping(
    texts: Mapping[str, str],
    published: Mapping[str, str | When] | None = None,
    strict_published: bool = True,
) -> list[Document]:
    """Documents from ``{id: text}`` held in memory, in the mapping's order."""
    docs = []
    for doc_id, text in texts.items():
        if not isinstance(text, str):
            raise LoadError(f"document {doc_id!r}: text must be a string")
        docs.append(_document(str(doc_id), _normalize_newlines(text), "", {}, ((0, 1, 1),)))
    return apply_published(docs, published, strict=strict_published)


def parse_published(value: str | When) -> When:
    """A user-given publication date; a date that cannot be read is a `LoadError`.

    >>> parse_published("2020-01-08").render()
    '2020-01-08'
    >>> parse_published("2020-01-08T19:17+05:30").render()
    '2020-01-08T13:47:00+00:00'
    >>> parse_published("2020-01-08 19:17 IST").render()
    '2020-01-08T13:47:00+00:00'
    >>> parse_published("January 8, 2020").render()
    '2020-01-08'
    >>> parse_published("8/1/20")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    discrepancy.load.LoadError: bad publication date '8/1/20': use YYYY-MM-DD, YYYY-MM-DDTHH:MM+HH:MM, ...
    """
    when = dateline.from_value(value)
    if when is None:
        raise LoadError(
            f"bad publication date {value!r}: use YYYY-MM-DD, YYYY-MM-DDTHH:MM+HH:MM, "
            "'YYYY-MM-DD HH:MM ZONE' or 'January 8, 2020'"
        )
    return when


def apply_published(
    docs: Sequence[Document], published: Mapping[str, str | When] | None, *, strict: bool = True
) -> list[Document]:
    """Documents with user-given publication dates applied (source ``"user"``).

    A key matches a document id, the path of its file as given, or its file name. A key that
    matches several documents by file name is an error; with ``strict`` so is one that
    matches none.
    """
    out = list(docs)
    for key, value in (published or {}).items():
        when = parse_published(value)
        hits = _published_targets(out, str(key))
        if not hits:
            if strict:
                known = ", ".join(d.id for d in out[:5]) + (", ..." if len(out) > 5 else "")
                raise LoadError(f"--published {key}: no such document (documents: {known})")
            continue
        for i in hits:
            out[i] = replace(out[i], published=when, published_source="user")
    return out


def check_published(docs: Sequence[Document], published: Mapping[str, str | When] | None) -> None:
    """Raise `LoadError` when a ``published`` key names none of ``docs`` (typo protection)."""
    for key in published or {}:
        if not _published_targets(docs, str(key)):
            raise LoadError(f"--published {key}: no such document")


def _published_targets(docs: Sequence[Document], key: str) -> list[int]:
    exact = [i for i, d in enumerate(docs) if key == d.id]
    if exact:
        return exact
    norm = key.replace("\\", "/").removeprefix("./")
    # Documents of a JSON Lines file share its path, so only whole files match a path or name.
    paths = [(i, Path(d.path)) for i, d in enumerate(docs) if d.path]
    files = [(i, p) for i, p in paths if p.suffix.lower() != ".jsonl"]
    by_path = [i for i, p in files if p.as_posix() == norm]
    if by_path:
        return by_path
    by_name = [i for i, p in files if p.name == norm]
    if len(by_name) > 1:
        names = ", ".join(docs[i].id for i in by_name)
        raise LoadError(f"--published {key}: ambiguous, matches {names}; use the document id")
    return by_name


# ---------------------------------------------------------------------------------------
# Finding files


def _expand(paths: Iterable[str | Path]) -> list[str | Path]:
    """Paths with unexpanded globs expanded (sorted); a glob that matches nothing is an error."""
    out: list[str | Path] = []
    for p in paths:
        text = str(p)
        if text != STDIN and _GLOB_CHARS & set(text) and not os.path.lexists(text):
            matches = sorted(globlib.glob(text, recursive=True))
            if not matches:
                raise LoadError(f"{text}: no files match")
            out.extend(matches)
        else:
            out.append(p)
    return out


def _find(
    paths: Iterable[str | Path],
    include: Sequence[str],
    exclude: Sequence[str],
    ignore_files: bool = True,
    on_skip: Callable[[str, str], None] = lambda path, fmt: None,
    stdin_name: str = "stdin",
    warn: Warn | None = None,
    follow_links: bool = False,
) -> list[_Source]:
    try:
        inc = [_glob(p) for p in include or ()]
        exc = [_glob(p) for p in exclude or ()]
    except ValueError as err:
        raise LoadError(str(err)) from None
    found: list[_Source] = []
    for p in _expand(paths):
        if isinstance(p, str) and not p.strip():
            raise LoadError("empty path: give a file or folder")
        if str(p) == STDIN:
            name = stdin_name.strip() or "stdin"
            found.append(_Source(Path(name), name, name, True, stdin=True))
            continue
        path = Path(p)
        try:
            st = path.stat()
        except FileNotFoundError:
            raise LoadError(f"{p}: no such file or directory") from None
        except OSError as err:
            raise LoadError(f"{p}: cannot access: {err.strerror}") from None
        if path.is_dir():
            for f, rel, supported in _walk(path, ignore_files, warn, follow_links):
                if inc and not any(_matches(g, rel) for g in inc):
                    continue
                if any(_matches(g, rel) for g in exc):
                    continue
                fmt = None if supported else unsupported_format(f.suffix)
                if supported:
                    found.append(_Source(f, rel, (path / rel).as_posix(), False))
                elif fmt:
                    on_skip((path / rel).as_posix(), fmt)
        elif path.is_file():
            found.append(_Source(path, path.name, path.as_posix(), True))
        else:
            raise LoadError(f"{p}: not a regular file or folder (mode {st.st_mode:o})")
    return found


def _walk(
    root: Path, ignore_files: bool = True, warn: Warn | None = None, follow_links: bool = False
) -> list[tuple[Path, str, bool]]:
    """Files under ``root`` with their ``/``-separated relative paths, sorted, and whether
    their type is supported. Ignored files and folders are left out.

    A symbolic link that resolves outside ``root`` is skipped with a warning unless
    ``follow_links``: content from elsewhere on the machine must not leak into a report
    (say, the CI log of a pull request that added the link).
    """
    out: list[tuple[Path, str, bool]] = []
    seen: set[str] = set()
    rules = IgnoreRules.for_folder(root) if ignore_files else None
    top = os.path.realpath(root)

    def outside(entry: os.DirEntry[str]) -> bool:
        if follow_links or not entry.is_symlink():
            return False
        target = os.path.realpath(entry.path)
        if target == top or target.startswith(top.rstrip(os.sep) + os.sep):
            return False
        if warn:
            warn(f"{entry.path}: skipped symbolic link to outside the folder (--follow-links to follow it)")
        return True

    def visit(folder: Path, prefix: str) -> None:
        real = os.path.realpath(folder)
        if real in seen:  # a symlink loop or a folder linked twice
            return
        seen.add(real)
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except PermissionError:
            raise LoadError(f"{folder}: cannot list folder: permission denied") from None
        except OSError as err:
            raise LoadError(f"{folder}: cannot list folder: {err.strerror}") from None
        for entry in entries:
            if entry.name.startswith("."):
                continue
            rel = prefix + entry.name
            try:
                is_dir = entry.is_dir()
                is_file = entry.is_file()
                if (is_dir or is_file) and outside(entry):
                    continue
            except OSError:
                continue
            if rules is not None and (is_dir or is_file) and rules.ignored(rel, is_dir):
                continue
            if is_dir:
                if entry.name not in SKIP_DIRS:
                    if rules is not None:
                        rules.enter(Path(entry.path), rel)
                    visit(Path(entry.path), rel + "/")
            elif is_file:
                out.append((Path(entry.path), rel, Path(entry.name).suffix.lower() in SUFFIXES))

    visit(root, "")
    out.sort(key=lambda item: item[1])
    return out


def _glob(pattern: str) -> tuple[bool, regex.Pattern[str]]:
    """Compile a glob; the flag says whether it holds a ``/`` (else it matches any path segment).

    >>> _matches(_glob("*.md"), "docs/intro.md"), _matches(_glob("drafts"), "drafts/a.md")
    (True, True)
    >>> _matches(_glob("docs/**/*.md"), "docs/a/b/c.md"), _matches(_glob("docs/**/*.md"), "docs/c.md")
    (True, True)
    >>> _matches(_glob("docs/*.md"), "docs/a/c.md"), _matches(_glob("a?.txt"), "ab.txt")
    (False, True)
    """
    p = pattern.strip().replace("\\", "/").removeprefix("./").lstrip("/")
    if p.endswith("/"):
        p += "**"
    out: list[str] = []
    i = 0
    while i < len(p):
        c = p[i]
        if p.startswith("**/", i):
            out.append("(?:[^/]*/)*")  # zero or more folders
            i += 3
        elif p.startswith("**", i):
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[" and "]" in p[i + 2 :]:
            close = p.index("]", i + 2)
            body = p[i + 1 : close]
            neg = body[:1] in ("!", "^")
            body = body[1:] if neg else body
            out.append("[" + ("^" if neg else "") + body.replace("\\", "\\\\") + "]")
            i = close + 1
        else:
            out.append(regex.escape(c))
            i += 1
    try:
        return "/" in p, regex.compile("".join(out))
    except regex.error as err:
        raise ValueError(f"bad glob {pattern!r}: {err}") from None


def check_glob(pattern: str) -> None:
    """Raise ``ValueError`` naming ``pattern`` when it is not a valid glob.

    >>> check_glob("[z-a]")
    Traceback (most recent call last):
    ValueError: bad glob '[z-a]': bad character range at position 4
    """
    _glob(pattern)


def _matches(glob: tuple[bool, regex.Pattern[str]], rel: str) -> bool:
    anchored, pattern = glob
    if anchored:
        return pattern.fullmatch(rel) is not None
    return any(pattern.fullmatch(seg) for seg in rel.split("/"))


def _dedupe(sources: list[_Source]) -> list[_Source]:
    """Drop a file found a second time (``seeds/`` and ``seeds/a.txt`` on one command line)."""
    seen: set[str] = set()
    out = []
    for s in sources:
        key = STDIN if s.stdin else os.path.realpath(s.path)
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


def _unique_ids(sources: list[_Source]) -> list[_Source]:
    """Two files with one id (``a/x.txt`` and ``b/x.txt`` given directly) use their paths."""
    counts: dict[str, int] = {}
    for s in sources:
        counts[s.id] = counts.get(s.id, 0) + 1
    return [replace(s, id=s.given) if counts[s.id] > 1 else s for s in sources]


def _read_source(src: _Source, warn: Warn, max_bytes: int | None = None) -> list[Document]:
    try:
        data = _read_stdin() if src.stdin else _read_bytes(src.path, max_bytes)
        text = decode(data, src.given, warn)
    except _TooLarge as size:
        limit = f"{max_bytes:,}-byte limit (--max-file-size)"
        warn(f"{src.given}: skipped, {size.args[0]:,} bytes is over the {limit}")
        return []
    except _Binary:
        if src.explicit:
            raise LoadError(f"{src.given}: binary file (contains NUL bytes), not a document") from None
        warn(f"{src.given}: skipped binary file (contains NUL bytes)")
        return []
    kind = SUFFIXES.get(src.path.suffix.lower(), "text")
    path = "" if src.stdin else str(src.path)
    if kind in ("markdown", "mdx", "rst"):
        return [_prose_document(src, text, path, kind, warn)]
    if kind == "html":
        body, meta, anchors = html_text(text)
        return [_document(src.id, body, path, meta, anchors, warn, src.given)]
    if kind == "jsonl":
        return _jsonl(text, src, warn)
    return [_document(src.id, text, path, {}, ((0, 1, 1),))]


def glob_match(pattern: str, rel: str) -> bool:
    """Whether a document id / relative path matches a glob (the dialect of include/exclude).

    >>> glob_match("docs/**/*.md", "docs/a/b.md"), glob_match("*.txt", "docs/a.md")
    (True, False)
    """
    return _matches(_glob(pattern), rel)
