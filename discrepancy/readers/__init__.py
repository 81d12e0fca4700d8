"""Readers that turn marked-up sources into prose with anchors to the source."""

from .markdown import markdown_prose
from .prose import Piece, Prose, Span, assemble
from .rst import rst_prose

__all__ = ["Piece", "Prose", "Span", "assemble", "markdown_prose", "rst_prose"]
