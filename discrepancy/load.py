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

>>> docs = documents_from_mapping({"a": "Published: March 14, 2023\\nIt rained."})
>>> docs[0].published.render(), docs[0].published_source
('2023-03-14', 'header')
"""

from __future__ import annotations

import glob as globlib
import json
import os
import reprlib
import sys
import tomllib
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import regex
import yaml

from . import dateline
from .document import Document
from .facts import When
from .htmltext import AnchorTrack as _AnchorTrack
from .htmltext import html_text
from .ignore import IgnoreRules
from .readers.formats import unsupported_format
from .readers.markdown import markdown_prose
from .readers.rst import rst_prose


class LoadError(Exception):
    """Input that cannot be audited (missing path, no documents, unreadable file)."""


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


# ---------------------------------------------------------------------------------------
# Reading bytes


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


def _prose_document(src: _Source, text: str, path: str, kind: str, warn: Warn) -> Document:
    """A Markdown, MDX or reStructuredText document: its prose, anchored to the file's lines."""
    meta: dict[str, Any] = {}
    first_line = 1
    if kind == "rst":
        try:
            prose = rst_prose(text)
        except ValueError as err:
            raise LoadError(f"{src.given}: {err}") from None
    else:
        text, meta, first_line = split_front_matter(text, src.given, warn)
        prose = markdown_prose(text, mdx=kind == "mdx")
    # The readers count lines from the body; front matter moves them down.
    anchors = tuple((offset, line + first_line - 1, col) for offset, line, col in prose.anchors)
    return _document(src.id, prose.text, path, meta, anchors, warn, src.given)


def _document(
    doc_id: str,
    text: str,
    path: str,
    metadata: dict[str, Any],
    anchors: Anchors,
    warn: Warn | None = None,
    where: str = "",
) -> Document:
    """A `Document` with its dateline resolved from metadata and header/footer lines."""
    found = dateline.resolve(text, metadata)
    meta = dict(metadata)
    if found.updated is not None:
        meta["updated"] = found.updated
    if found.spans:
        meta["dateline_spans"] = found.spans
    if warn and found.source != "metadata":
        folded = {str(k).lower(): v for k, v in metadata.items()}
        for key in ("published", "date"):
            if key in folded and folded[key] not in (None, ""):
                warn(f"{where or doc_id}: cannot read the {key!r} date {_short(folded[key])}; ignored")
                break
    return Document(
        id=doc_id,
        text=text,
        path=path,
        published=found.published,
        metadata=meta,
        anchors=anchors,
        published_source=found.source,
        published_span=found.span,
    )


# ---------------------------------------------------------------------------------------
# Markdown front matter

_FENCES = {"---": ("---", "..."), "+++": ("+++",)}  # YAML (Jekyll, MkDocs) and TOML (Hugo)


def split_front_matter(
    text: str, name: str = "", warn: Warn | None = None
) -> tuple[str, dict[str, Any], int]:
    """Body, metadata and the 1-based file line where the body starts.

    >>> split_front_matter("---\\ntitle: A\\ndate: 2023-03-14\\n---\\nBody.\\n")
    ('Body.\\n', {'title': 'A', 'date': datetime.date(2023, 3, 14)}, 5)
    >>> split_front_matter("No front matter.")
    ('No front matter.', {}, 1)
    """
    first, nl, _ = text.partition("\n")
    opener = first.rstrip()
    if opener not in _FENCES or not nl:
        return text, {}, 1
    pos = len(first) + 1
    line = 2
    while pos <= len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if text[pos:end].rstrip() in _FENCES[opener]:
            block = text[len(first) + 1 : pos]
            body_start = min(end + 1, len(text))
            return text[body_start:], _parse_front_matter(block, opener, name, warn), line + 1
        pos = end + 1
        line += 1
    return text, {}, 1  # no closing fence: not front matter


class _NoAliasLoader(yaml.SafeLoader):
    """YAML without aliases: ``*name`` could expand a few lines into gigabytes ("billion laughs")."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.events.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, f"aliases (*{event.anchor}) are not supported", event.start_mark)
        return super().compose_node(parent, index)


# Front matter is a few lines of metadata; a larger block is not read (the YAML scanner in pure
# Python takes seconds per hundred kilobytes).
MAX_FRONT_MATTER = 200_000


def _yaml(block: str) -> Any:
    """The YAML in ``block``, refusing aliases; through libyaml when PyYAML has it (fast)."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is None:
        return yaml.load(block, Loader=_NoAliasLoader)  # a SafeLoader subclass
    for event in yaml.parse(block, Loader=fast):  # events only: nothing is expanded yet
        if isinstance(event, yaml.AliasEvent):
            raise yaml.YAMLError(f"aliases (*{event.anchor}) are not supported")
    return yaml.load(block, Loader=fast)  # CSafeLoader: the safe constructor, in C


def _short(value: Any, limit: int = 200) -> str:
    """``repr(value)`` cut to ``limit`` characters, without building a huge repr first.

    >>> len(_short("x" * 1000)), _short(list(range(10**5)))[-12:]
    (200, '18, 19, ...]')
    """
    r = reprlib.Repr()
    r.maxstring = r.maxother = r.maxlong = limit
    r.maxlist = r.maxtuple = r.maxdict = r.maxset = 20
    text = r.repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _parse_front_matter(block: str, opener: str, name: str, warn: Warn | None) -> dict[str, Any]:
    if len(block) > MAX_FRONT_MATTER:
        if warn:
            warn(f"{name}: front matter ignored, {len(block):,} characters is over {MAX_FRONT_MATTER:,}")
        return {}
    try:
        data = tomllib.loads(block) if opener == "+++" else _yaml(block)
    except (yaml.YAMLError, tomllib.TOMLDecodeError, ValueError, RecursionError) as err:
        if warn:
            first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            kind = "TOML" if opener == "+++" else "YAML"
            warn(f"{name}: front matter ignored, not valid {kind}: {first[:200]}")
        return {}
    if data is None:
        return {}
    if not isinstance(data, dict):
        if warn:
            warn(f"{name}: front matter ignored, it is a {type(data).__name__}, not a mapping")
        return {}
    return {str(k): v for k, v in data.items()}


# ---------------------------------------------------------------------------------------
# JSON Lines

_JSON = json.JSONDecoder()
_WS = regex.compile(r"[ \t\n\r]*")


def _jsonl(text: str, src: _Source, warn: Warn) -> list[Document]:
    docs: list[Document] = []
    seen: dict[str, int] = {}
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{src.given}:{lineno}"
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError) as err:
            raise LoadError(f"{where}: not a JSON object: {str(err).splitlines()[0]}") from None
        if not isinstance(obj, dict):
            raise LoadError(f"{where}: expected a JSON object, got {type(obj).__name__}")
        body = obj.get("text")
        if not isinstance(body, str):
            raise LoadError(f"{where}: missing \"text\" string")
        inner = obj.get("id")
        inner_id = str(lineno) if inner is None or inner == "" else str(inner)
        if inner_id in seen:
            raise LoadError(f"{where}: duplicate id {inner_id!r} (first on line {seen[inner_id]})")
        seen[inner_id] = lineno
        meta = {str(k): v for k, v in obj.items() if k not in ("text", "id")}
        doc_text, anchors = _json_string_anchors(line, body, lineno)
        docs.append(_document(f"{src.id}#{inner_id}", doc_text, str(src.path), meta, anchors, warn, where))
    return docs


# A run of characters that a JSON string holds as themselves (no escape, no closing quote).
_JSON_RUN = regex.compile(r'[^"\\]{1,4096}')


def _json_string_anchors(line: str, value: str, lineno: int) -> tuple[str, Anchors]:
    """The ``text`` value with newlines normalized, and anchors to its columns on the line.

    Plain runs of the raw string map one to one; each escape (``\\n``, ``\\u00e9``, a
    surrogate pair) is one character of ``value`` and gets its own anchor.

    >>> _json_string_anchors('{"text": "a\\\\r\\\\nb\\\\u00e9c"}', "a\\r\\nb\\u00e9c", 3)
    ('a\\nbéc', ((0, 3, 11), (1, 3, 14), (2, 3, 16), (4, 3, 23)))
    """
    start = _text_value_start(line)
    track = _AnchorTrack(lineno, start + 2)
    out: list[str] = []
    n = 0  # length of the text so far
    i, k = start + 1, 0  # position on the raw line, position in ``value``
    while k < len(value) and i < len(line):
        run = _JSON_RUN.match(line, i)
        if run:
            seg = value[k : k + run.end() - i]
            track.at(n, lineno, i + 1)
            out.append(seg)
            track.advance(seg)
            n, k, i = n + len(seg), k + len(seg), run.end()
            continue
        if line[i] != "\\":
            break  # the closing quote
        width = 2
        if line[i + 1 : i + 2] == "u":
            width = 6
            if 0xD800 <= int(line[i + 2 : i + 6], 16) <= 0xDBFF and line[i + 6 : i + 8] == "\\u":
                width = 12 if 0xDC00 <= int(line[i + 8 : i + 12], 16) <= 0xDFFF else 6
        ch = value[k]
        k += 1
        if ch == "\r":
            if value[k : k + 1] == "\n":  # CRLF: the LF stands for both
                i += width
                continue
            ch = "\n"
        track.at(n, lineno, i + 1)
        out.append(ch)
        track.advance(ch)
        n, i = n + 1, i + width
    if k < len(value):  # cannot happen for a line json.loads accepted; keep the text whole anyway
        out.append(_normalize_newlines(value[k:]))
    return "".join(out), tuple(track.items)


def _text_value_start(line: str) -> int:
    """Index of the opening quote of the top-level ``"text"`` value on a JSON object line."""
    i = _WS.match(line).end() + 1  # type: ignore[union-attr]
    last = None
    while i < len(line):
        i = _WS.match(line, i).end()  # type: ignore[union-attr]
        if line[i] != '"':
            break
        key, i = json.decoder.scanstring(line, i + 1)  # type: ignore[attr-defined]
        i = _WS.match(line, i).end() + 1  # type: ignore[union-attr]  # past ":"
        i = _WS.match(line, i).end()  # type: ignore[union-attr]
        if key == "text":
            last = i  # a repeated key: json.loads keeps the last one
        _, i = _JSON.raw_decode(line, i)
        i = _WS.match(line, i).end() + 1  # type: ignore[union-attr]  # past "," or "}"
    return last if last is not None else 0


def glob_match(pattern: str, rel: str) -> bool:
    """Whether a document id / relative path matches a glob (the dialect of include/exclude).

    >>> glob_match("docs/**/*.md", "docs/a/b.md"), glob_match("*.txt", "docs/a.md")
    (True, False)
    """
    return _matches(_glob(pattern), rel)
