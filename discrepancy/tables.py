"""Load the TOML knowledge tables shipped in ``discrepancy/data/``.

Each table documents its own syntax in its header comment. Tables are parsed with the
standard library's ``tomllib`` and validated on load: a malformed entry raises
`TableError` naming the file and the entry, so a bad edit fails loudly at import time of the
first use rather than producing silently wrong facts.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources
from typing import Any


class TableError(ValueError):
    """A data table is malformed; the message names the table and the entry."""


@cache
def raw(name: str) -> dict[str, Any]:
    """The parsed TOML of ``discrepancy/data/<name>.toml`` (cached, treat as read-only)."""
    path = resources.files("discrepancy") / "data" / f"{name}.toml"
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise TableError(f"data table {name}.toml is missing") from None
    except tomllib.TOMLDecodeError as exc:
        raise TableError(f"data table {name}.toml: {exc}") from None


def require(name: str, key: str, kind: type | tuple[type, ...]) -> Any:
    """Return ``raw(name)[key]``, checking that it exists and has the expected type."""
    table = raw(name)
    if key not in table:
        raise TableError(f"data table {name}.toml: missing key {key!r}")
    value = table[key]
    if not isinstance(value, kind):
        raise TableError(f"data table {name}.toml: {key!r} should be {kind}, got {type(value).__name__}")
    return value


def string_list(name: str, key: str) -> tuple[str, ...]:
    """A list of non-empty strings, validated; duplicates (case-insensitive) are an error."""
    values = require(name, key, list)
    seen: set[str] = set()
    for i, v in enumerate(values):
        if not isinstance(v, str) or not v.strip():
            raise TableError(f"data table {name}.toml: {key}[{i}] = {v!r} is not a non-empty string")
        if v.lower() in seen:
            raise TableError(f"data table {name}.toml: {key}[{i}] = {v!r} is listed twice")
        seen.add(v.lower())
    return tuple(values)


def section_list(name: str, section: str, key: str) -> tuple[str, ...]:
    """``[section] key``: a list of non-empty words, none listed twice (case-insensitive)."""
    table = raw(name).get(section)
    values = table.get(key) if isinstance(table, dict) else None
    if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
        raise TableError(f"data table {name}.toml: [{section}] {key} should be a list of words")
    seen: set[str] = set()
    for v in values:
        if v.casefold() in seen:
            raise TableError(f"data table {name}.toml: [{section}] {key}: {v!r} is listed twice")
        seen.add(v.casefold())
    return tuple(values)


def string_map(name: str, key: str, check: Callable[[str, Any], str | None] | None = None) -> dict[str, Any]:
    """A table of string keys; ``check(entry, value)`` returns an error message or None."""
    values = require(name, key, dict)
    for entry, value in values.items():
        problem = check(entry, value) if check else None
        if problem:
            raise TableError(f"data table {name}.toml: [{key}] {entry!r}: {problem}")
    return values


def unique_inverse(name: str, groups: dict[str, Iterable[str]]) -> dict[str, str]:
    """Invert ``canonical -> variants``; a variant under two canonicals is an error."""
    inverse: dict[str, str] = {}
    for canon, variants in groups.items():
        for v in (canon, *variants):
            k = v.lower()
            if k in inverse and inverse[k] != canon:
                raise TableError(
                    f"data table {name}.toml: {v!r} maps to both {inverse[k]!r} and {canon!r}"
                )
            inverse[k] = canon
    return inverse
