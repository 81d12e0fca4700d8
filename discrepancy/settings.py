"""`Settings`: every tunable of extraction, alignment and comparison in one frozen record.

Defaults are the documented ones (see docs/facts.md). The CLI and ``[tool.discrepancy]``
config build a `Settings`; library users pass keyword options to `discrepancy.audit`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from typing import Any

LEVELS = ("info", "warning", "error")
DATE_ORDERS = ("mdy", "dmy")

# How documents are grouped into stories before comparison (see discrepancy.stories).
GROUP_BY_MODES = ("auto", "folder", "none")


def parse_group_by(value: object) -> tuple[str, str]:
    """``(mode, field)`` of a ``group_by`` value; ``ValueError`` when it is none of
    ``auto``, ``folder``, ``none`` or ``field:NAME``.

    >>> parse_group_by("auto"), parse_group_by("field:story")
    (('auto', ''), ('field', 'story'))
    """
    if isinstance(value, str):
        text = value.strip()
        if text.lower() in GROUP_BY_MODES:
            return text.lower(), ""
        head, sep, name = text.partition(":")
        if sep and head.lower() == "field" and name.strip():
            return "field", name.strip()
    raise ValueError(f"group_by: expected auto, folder, none or field:NAME, got {value!r}")


@dataclass(frozen=True)
class Settings:
    """Options that change what is extracted and what is reported."""

    # Relative half-width of "about N": "about 200" covers 180..220 at 0.10.
    approx_tolerance: float = 0.10
    # Relative tolerance for comparing exact values converted between units ("62 miles" is
    # 99.78 km): rounding in conversions should not be a conflict.
    unit_tolerance: float = 0.02
    # How to read all-numeric dates like 03/04/2020: "mdy" (US news default) or "dmy".
    date_order: str = "mdy"
    # Zone abbreviation -> UTC offset in minutes, overriding data/zones.toml (e.g. IST=60).
    zones: tuple[tuple[str, int], ...] = ()
    # Groups of names that are the same identity (user vocabulary).
    aliases: tuple[tuple[str, ...], ...] = ()
    # Pairs of names that are different people even when the fold makes them alike.
    distinct: tuple[tuple[str, str], ...] = ()
    # Alignment score at or above which two facts are taken to describe the same thing.
    min_confidence: float = 0.5
    # Score at or above which a clear conflict is an error rather than a warning.
    error_confidence: float = 0.75
    # On a docs site (two Markdown/MDX/reStructuredText/HTML pages without datelines) a
    # conflict scoring at least this is an error even when not clear: two pages giving one
    # limit, plan, price or version requirement different values cannot both be current.
    docs_error_confidence: float = 0.6
    # Worker processes for extraction (1 = in process).
    jobs: int = 1
    # How documents are grouped into stories; facts are never compared across stories:
    # "auto", "folder", "field:NAME" or "none" (see docs/stories.md).
    group_by: str = "auto"

    def __post_init__(self) -> None:
        """Reject wrong types and values here, not deep inside extraction."""
        parse_group_by(self.group_by)
        for name in ("approx_tolerance", "unit_tolerance", "min_confidence", "error_confidence",
                     "docs_error_confidence"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise TypeError(f"option {name}: expected a number, got {type(value).__name__} {value!r}")
            if not math.isfinite(value) or value < 0:
                raise ValueError(f"option {name}: expected a number >= 0, got {value!r}")
        for name in ("min_confidence", "error_confidence", "docs_error_confidence"):
            if getattr(self, name) > 1:
                raise ValueError(f"option {name}: expected a score from 0 to 1, got {getattr(self, name)!r}")
        if isinstance(self.jobs, bool) or not isinstance(self.jobs, int):
            raise TypeError(f"option jobs: expected an int, got {type(self.jobs).__name__} {self.jobs!r}")
        if self.jobs < 1:
            raise ValueError(f"option jobs: expected at least 1 worker, got {self.jobs}")
        if self.date_order not in DATE_ORDERS:
            choices = ", ".join(DATE_ORDERS)
            raise ValueError(f"option date_order: expected one of {choices}, got {self.date_order!r}")
        for name in ("zones", "aliases", "distinct"):
            value = getattr(self, name)
            if isinstance(value, (list, tuple)) and all(isinstance(v, (list, tuple)) for v in value):
                # Lists from a caller become tuples: the record stays hashable and picklable.
                object.__setattr__(self, name, tuple(tuple(v) for v in value))
        _check_pairs("zones", self.zones, lambda z: isinstance(z[0], str) and type(z[1]) is int, 2)
        _check_pairs("aliases", self.aliases, lambda a: all(isinstance(x, str) for x in a), None)
        _check_pairs("distinct", self.distinct, lambda d: all(isinstance(x, str) for x in d), 2)

    def with_options(self, **options: Any) -> Settings:
        """A copy with options replaced; unknown names raise ``TypeError`` naming them."""
        names = {f.name for f in fields(self)}
        unknown = sorted(set(options) - names)
        if unknown:
            raise TypeError(f"unknown option(s): {', '.join(unknown)}")
        return replace(self, **options)


def _check_pairs(name: str, value: object, ok: Callable[[tuple[Any, ...]], bool], size: int | None) -> None:
    """``value`` is a tuple of tuples (of ``size`` items) each passing ``ok``."""
    shape = f"tuple of {size}-tuples" if size else "tuple of tuples"
    if not isinstance(value, tuple) or not all(
        isinstance(v, tuple) and (size is None or len(v) == size) and ok(v) for v in value
    ):
        raise TypeError(f"option {name}: expected a {shape}, got {value!r}"[:300])
