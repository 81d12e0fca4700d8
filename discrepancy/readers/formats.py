"""Document formats that are not read, from ``data/formats.toml``.

>>> unsupported_format(".ADOC"), unsupported_format(".png")
('AsciiDoc', None)
"""

from __future__ import annotations

from functools import cache
from typing import Any

from .. import tables


def _check(suffix: str, name: Any) -> str | None:
    if not (suffix.startswith(".") and len(suffix) > 1 and suffix == suffix.lower()):
        return "a suffix is lower case and starts with a dot"
    if not isinstance(name, str) or not name.strip():
        return "the format name must be a non-empty string"
    return None


@cache
def _unsupported() -> dict[str, str]:
    return dict(tables.string_map("formats", "unsupported", _check))


def unsupported_format(suffix: str) -> str | None:
    """The name of the document format with this file suffix when it is not supported."""
    return _unsupported().get(suffix.lower())
