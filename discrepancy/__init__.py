"""discrepancy: audit a set of documents for facts that disagree with each other."""

__version__ = "0.1.0"

from .audit import AuditResult, audit, extract, run, slots
from .document import Document
from .extract import FACT_COLUMNS
from .facts import Amount, Fact, PersonName, PlaceName, Subject, When
from .findings import FINDING_COLUMNS, Finding
from .load import LoadError, load_documents
from .settings import Settings
from .slots import SLOT_COLUMNS
from .stories import Story

__all__ = [
    "FACT_COLUMNS",
    "FINDING_COLUMNS",
    "SLOT_COLUMNS",
    "Amount",
    "AuditResult",
    "Document",
    "Fact",
    "Finding",
    "LoadError",
    "PersonName",
    "PlaceName",
    "Settings",
    "Story",
    "Subject",
    "When",
    "__version__",
    "audit",
    "extract",
    "load_documents",
    "run",
    "slots",
]
