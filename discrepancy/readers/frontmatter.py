"""Front matter of Markdown and MDX files: YAML between ``---`` fences, TOML between ``+++``.

YAML aliases are refused and blocks over `MAX_FRONT_MATTER` characters are not read, so a
hostile header costs no more than its length; a block that cannot be read is ignored with a
warning, never an error.
"""

from __future__ import annotations

import tomllib
from typing import Any

import yaml

from .source import Warn

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
