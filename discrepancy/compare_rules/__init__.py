"""The comparison rules, one module per family of facts, in the order they run.

Each module exposes ``COMPARATOR`` (`base.Comparator`): the rule ids it reports and a
``run(context)`` that yields `base.Conflict` records. To add a rule, write a module, give it a
rule id in `discrepancy.rules`, and list it here.
"""

from . import amounts, dates, names, roles
from .base import Comparator, Conflict, Context

COMPARATORS: tuple[Comparator, ...] = (
    amounts.COMPARATOR,
    dates.COMPARATOR,
    roles.COMPARATOR,
    names.COMPARATOR,
)

__all__ = ["COMPARATORS", "Comparator", "Conflict", "Context"]
