"""The ordered tuple of extractors, one module per fact kind.

Order matters (see `discrepancy.extract`): a fact overlapping one kept from an earlier
extractor is dropped. Dates run first so years and clock times are never read as counts;
numbers before names so nothing numeric becomes part of a name.
"""

from . import dates, names, numbers
from .base import Extractor

EXTRACTORS: tuple[Extractor, ...] = (
    dates.EXTRACTOR,
    numbers.EXTRACTOR,
    names.EXTRACTOR,
)

__all__ = ["EXTRACTORS"]
