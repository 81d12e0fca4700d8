"""JSON Lines files: one document per line, its ``text`` anchored to the columns of the line."""

from __future__ import annotations

import json

import regex

from ..document import Document
from ..htmltext import AnchorTrack as _AnchorTrack
from .documents import _document
from .source import Anchors, LoadError, Warn, _normalize_newlines, _Source

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
