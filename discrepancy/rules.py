"""The rule registry: stable ids, kebab-case names, default severities, one-line summaries.

Ids never change meaning once published; both the id and the name are accepted wherever a
rule is named (``--select``, config, inline directives).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    kind: str
    severity: str
    summary: str


RULES: tuple[Rule, ...] = (
    Rule("DSC101", "quantity-mismatch", "amount", "error",
         "Two documents give amounts for the same thing that cannot both be true."),
    Rule("DSC102", "unit-mismatch", "amount", "warning",
         "Amounts for the same thing are in units of different dimensions."),
    Rule("DSC103", "running-total-update", "amount", "warning",
         "A running total (death toll, count so far) differs between documents published on different days."),
    Rule("DSC201", "role-holder-mismatch", "name", "error",
         "One role is said to be held by two different people."),
    Rule("DSC202", "confusable-name", "name", "warning",
         "Two names are nearly the same but belong to different people, or one looks truncated."),
    Rule("DSC203", "name-variant", "name", "info",
         "One person or place is spelled two ways."),
    Rule("DSC301", "date-mismatch", "date", "error",
         "Two documents date the same event to times that cannot overlap."),
    Rule("DSC900", "unused-suppression", "meta", "warning",
         "An inline suppression comment suppressed nothing."),
)

BY_ID = {r.id: r for r in RULES}
BY_NAME = {r.name: r for r in RULES}


def lookup(ref: str) -> Rule:
    """Find a rule by id (case-insensitive) or by name; ``KeyError`` names the reference."""
    key = ref.strip()
    rule = BY_ID.get(key.upper()) or BY_NAME.get(key.lower())
    if rule is None:
        raise KeyError(f"unknown rule {ref!r}")
    return rule
