"""Inline suppressions: comments in a document that hide findings, as markdownlint's do.

Forms (rules are ids or names separated by spaces or commas; none means every rule; text
after `` -- `` is a reason for the reader):

* ``<!-- discrepancy-disable DSC101 -->`` ... ``<!-- discrepancy-enable -->``: lines between;
  ``enable`` with rules re-enables only those.
* ``<!-- discrepancy-disable-next-line role-holder-mismatch -- reason -->``: the next line
  that is not blank.
* ``<!-- discrepancy-disable-line DSC101 -->``: its own line.
* ``<!-- discrepancy-disable-file -->``: the whole document.
* In plain text (any document that is not Markdown or HTML), the same directives as a line of
  their own: ``# discrepancy: disable-next-line DSC101``.

Directives are read from ``Document.text`` and placed with ``Document.line_col``, so their
lines are lines of the file as given, the same lines findings carry. HTML parsers drop
comments from the text, so for ``.html``/``.htm`` documents the raw file at ``Document.path``
is read instead. A directive on either side of a pair suppresses the pair. A directive that
suppressed nothing becomes a DSC900 unused-suppression finding at its own place.

>>> from discrepancy.document import Document
>>> text = "x\\n<!-- discrepancy-disable-next-line DSC101 -- checked -->\\n\\ny\\n"
>>> doc = Document("a.md", text, path="a.md")
>>> [(d.action, d.rules, d.line, d.reason) for d in directives(doc)]
[('disable-next-line', ('DSC101',), 2, 'checked')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import regex

from .document import Document
from .findings import Finding, fingerprint
from .rules import BY_ID, lookup

ACTIONS = ("disable-file", "disable-next-line", "disable-line", "disable", "enable")
_MARKUP_SUFFIXES = (".md", ".markdown", ".html", ".htm")
_HTML_SUFFIXES = (".html", ".htm")

# <!-- discrepancy-ACTION [rules] [-- reason] -->. The body is bounded and cannot contain
# ">" so a stray "<!--" never scans the rest of a large file.
_HTML_DIRECTIVE = regex.compile(
    r"""
    <!--[ \t]{0,20}                                    # comment opener, optional blanks
    discrepancy-(?P<action>disable-file|disable-next-line|disable-line|disable|enable)
    (?!\w|-(?!->))                                     # whole action word ("-->" may follow)
    (?P<body>[^>]{0,500}?)                             # rules and reason, no ">"
    [ \t]{0,20}-->                                     # comment closer
    """,
    regex.VERBOSE,
)

# "# discrepancy: ACTION [rules] [-- reason]" alone on a line of a plain-text document.
_HASH_DIRECTIVE = regex.compile(
    r"""
    ^[ \t]{0,20}\#[ \t]{0,20}                          # "#" at the start of a line
    discrepancy:[ \t]{0,20}
    (?P<action>disable-file|disable-next-line|disable-line|disable|enable)
    (?![\w-])                                          # whole action word
    (?P<body>[^\n]{0,500}?)                            # rules and reason
    [ \t]{0,20}$                                       # nothing else on the line
    """,
    regex.VERBOSE | regex.MULTILINE,
)


# Rule references are separated by blanks and/or commas.
_SEPARATORS = regex.compile(r"[\s,]{1,100}")


@dataclass(frozen=True)
class Directive:
    """One suppression comment: where it is, what it does and which rules it names."""

    doc: str
    action: str
    rules: tuple[str, ...]          # rule ids; empty = every rule
    unknown: tuple[str, ...]        # names that are not rules (reported as DSC900)
    line: int
    col: int
    text: str
    reason: str = ""


def _split_body(body: str) -> tuple[list[str], str]:
    """Rule references and reason from a directive body: ``DSC101, DSC102 -- why``."""
    refs, _, reason = body.partition(" --")
    if body.lstrip().startswith("--"):
        refs, reason = "", body.lstrip()[2:]
    return [r for r in _SEPARATORS.split(refs.strip()) if r], reason.strip()


def _make(doc: str, m: regex.Match[str], line: int, col: int) -> Directive:
    refs, reason = _split_body(m["body"])
    known: list[str] = []
    unknown: list[str] = []
    for ref in refs:
        try:
            known.append(lookup(ref).id)
        except KeyError:
            unknown.append(ref)
    return Directive(doc, m["action"], tuple(sorted(set(known))), tuple(unknown), line, col,
                     m.group(0).strip(), reason)


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def directives(doc: Document, read_file: Callable[[str], str] | None = None) -> list[Directive]:
    """Every suppression directive in ``doc``, in document order."""
    suffix = Path(doc.path or doc.id).suffix.lower()
    out: list[Directive] = []
    if suffix in _HTML_SUFFIXES and doc.path:
        reader = read_file or _read_raw
        try:
            raw = reader(doc.path)
        except OSError:
            raw = ""
        for m in _HTML_DIRECTIVE.finditer(raw):
            out.append(_make(doc.id, m, *_line_col(raw, m.start())))
        return out
    for m in _HTML_DIRECTIVE.finditer(doc.text):
        out.append(_make(doc.id, m, *doc.line_col(m.start())))
    if suffix not in _MARKUP_SUFFIXES:
        for m in _HASH_DIRECTIVE.finditer(doc.text):
            out.append(_make(doc.id, m, *doc.line_col(m.start())))
    out.sort(key=lambda d: (d.line, d.col))
    return out


def _read_raw(path: str) -> str:
    return Path(path).read_bytes().decode("utf-8-sig", errors="replace").replace("\r\n", "\n")


@dataclass(frozen=True)
class Region:
    """Lines ``first..last`` of one document where some rules are off, and who said so.

    ``ends`` holds, for rules that an ``enable RULE`` turns back on before ``last``, the
    line of that directive (the last line still covered for that rule).
    """

    doc: str
    first: int
    last: int
    only: frozenset[str] | None     # None = every rule
    origin: Directive
    ends: tuple[tuple[str, int], ...] = ()

    def covers(self, doc: str, line: int, rule: str) -> bool:
        if doc != self.doc or line < self.first or (self.only is not None and rule not in self.only):
            return False
        return line <= dict(self.ends).get(rule, self.last)


_END = 10**9  # "to the end of the document"


def _blank_lines(doc: Document) -> set[int]:
    """File line numbers of blank lines in ``doc.text``."""
    blank = set()
    offset = 0
    for part in doc.text.split("\n"):
        if not part.strip():
            blank.add(doc.line_col(offset)[0])
        offset += len(part) + 1
    return blank


def regions(doc: Document, found: Sequence[Directive]) -> list[Region]:
    """The suppressed regions that the directives of one document make.

    A ``disable`` region runs to the next ``enable`` without rules; an ``enable RULE`` in
    between ends it for that rule only. The directives are read once backwards, keeping the
    next enable of each kind, so each region is built in constant time (thousands of
    disable/enable pairs stay linear in memory and time).
    """
    out: list[Region] = []
    next_all = _END                  # line of the next `enable` without rules
    next_rule: dict[str, int] = {}   # rule -> line of the next `enable` naming it (before next_all)
    blank: set[int] | None = None
    for d in reversed(found):
        if d.action == "enable":
            if d.rules:
                next_rule.update(dict.fromkeys(d.rules, d.line))
            else:
                next_all, next_rule = d.line, {}
            continue
        only = frozenset(d.rules) if d.rules else None
        if d.rules == () and d.unknown:
            # Only unknown names: suppress nothing rather than everything.
            only = frozenset()
        if d.action == "disable-file":
            out.append(Region(d.doc, 0, _END, only, d))
        elif d.action == "disable-line":
            out.append(Region(d.doc, d.line, d.line, only, d))
        elif d.action == "disable-next-line":
            if blank is None:
                blank = _blank_lines(doc)
            target = d.line + 1
            while target in blank and target < d.line + 1000:
                target += 1
            out.append(Region(d.doc, target, target, only, d))
        elif d.action == "disable":
            ends = tuple(sorted((r, line) for r, line in next_rule.items() if only is None or r in only))
            out.append(Region(d.doc, d.line, next_all, only, d, ends))
    out.reverse()
    return out


@dataclass
class Outcome:
    """What suppression did: findings kept, findings hidden, and DSC900 findings."""

    kept: list[Finding] = field(default_factory=list)
    suppressed: list[Finding] = field(default_factory=list)
    unused: list[Finding] = field(default_factory=list)


def unused_finding(d: Directive, message: str) -> Finding:
    """A DSC900 finding placed at directive ``d``."""
    rule = BY_ID["DSC900"]
    return Finding(
        rule=rule.id, rule_name=rule.name, kind=rule.kind, severity=rule.severity,
        subject="suppression", message=message, confidence=1.0,
        doc_a=d.doc, line_a=d.line, col_a=d.col, text_a=d.text, value_a=d.action, sentence_a=d.text,
        doc_b="", line_b=0, col_b=0, text_b="", value_b="", sentence_b="",
        fingerprint=fingerprint(rule.id, d.text, [(d.doc, d.action)]),
    )


def apply(
    findings: Iterable[Finding],
    docs: Sequence[Document],
    enabled: Callable[[str], bool] = lambda rule: True,
    read_file: Callable[[str], str] | None = None,
) -> Outcome:
    """Split ``findings`` by the documents' directives and report unused directives.

    ``enabled`` tells which rules ran: a directive that names only rules that were not
    selected is not "unused", it just had nothing to do this run.
    """
    all_regions: dict[str, list[Region]] = {}
    all_directives: list[Directive] = []
    for doc in docs:
        found = directives(doc, read_file)
        all_directives.extend(found)
        all_regions[doc.id] = regions(doc, found)
    used: set[int] = set()
    out = Outcome()
    for f in findings:
        hit = False
        for doc_id, line in ((f.doc_a, f.line_a), (f.doc_b, f.line_b)):
            for r in all_regions.get(doc_id, []):
                if r.covers(doc_id, line, f.rule):
                    used.add(id(r.origin))
                    hit = True
        (out.suppressed if hit else out.kept).append(f)
    for d in all_directives:
        if d.action == "enable":
            continue
        if d.unknown:
            names = ", ".join(repr(u) for u in d.unknown)
            out.unused.append(unused_finding(d, f"Suppression names unknown rule(s) {names}."))
            continue
        if id(d) in used:
            continue
        if d.rules and not any(enabled(r) for r in d.rules):
            continue
        what = ", ".join(d.rules) if d.rules else "any rule"
        out.unused.append(unused_finding(d, f"`discrepancy-{d.action}` for {what} suppressed nothing; "
                                            "remove it."))
    return out
