"""Decide which aligned facts disagree and turn the conflicts into finding rows.

Steps (`compare`):

1. **Copies.** Documents with the same text (whitespace aside) are one source said several
   times: the first by id represents them and the others are named in its messages. Copies
   never conflict with each other, and a corpus of syndicated copies does not multiply every
   finding by the square of the number of copies.
2. **Repeats.** Inside one document, repeated facts (a gallery caption printed twice) are
   kept once, at their first position.
3. **Align** (`discrepancy.align`), join the aligned pairs into slots and screen them for
   their rules (`discrepancy.joining`), then run the rule modules of
   `discrepancy.compare_rules.COMPARATORS` on the pairs that passed, once the slots are
   final: a conflict whose row a better-ranked one already holds is not made.
4. **Redundant witnesses.** A cross-document conflict between fact *x* of A and fact *y* of B
   is dropped when A itself states *y* (or B states *x*): A's own inconsistency is already
   reported inside A, and a document whose facts are all copied from another never conflicts
   with it.
5. **Rows.** Severity from the rule, the clarity of the conflict and its confidence
   (`severity`); sides in (document, offset) order; line and column from
   `Document.line_col`; fingerprint from rule, subject and the (doc, value) pairs; identical
   rows (same rule, documents, values and surfaces) once.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .align import AlignStats, new_pair, sentence_names
from .compare_rules import COMPARATORS, Comparator, Conflict, Context
from .compare_rules.base import Signature, signature
from .document import Document
from .facts import Fact
from .findings import Finding, fingerprint
from .joining import align_and_join
from .rules import BY_ID
from .settings import Settings
from .slots import Slot, SlotIndex, build_slots

# At most this many copy ids are named in a message.
MAX_COPIES_NAMED = 3


# Pages of a documentation site: these suffixes, and no dateline (news articles have one).
DOCS_SUFFIXES = (".md", ".markdown", ".mdx", ".rst", ".rest", ".html", ".htm")


def docs_pages(a: Document, b: Document) -> bool:
    """Whether two different documents are pages of a docs site (see `DOCS_SUFFIXES`)."""
    def page(d: Document) -> bool:
        return d.published is None and (d.path or d.id).lower().endswith(DOCS_SUFFIXES)
    return a.id != b.id and page(a) and page(b)


def severity(rule: str, clear: bool, confidence: float, settings: Settings, docs: bool = False) -> str:
    """The severity of a conflict: error-level rules fall to warning unless clear and confident,
    or (``docs``: two pages of a docs site) confident at ``docs_error_confidence``.

    >>> s = Settings()
    >>> severity("DSC101", True, 0.9, s), severity("DSC101", False, 0.9, s), severity("DSC101", True, 0.6, s)
    ('error', 'warning', 'warning')
    >>> severity("DSC203", True, 1.0, s), severity("DSC202", True, 1.0, s)
    ('info', 'warning')
    >>> severity("DSC101", False, 0.6, s, docs=True), severity("DSC101", False, 0.55, s, docs=True)
    ('error', 'warning')
    """
    default = BY_ID[rule].severity
    if default == "error":
        if docs and confidence >= settings.docs_error_confidence:
            return "error"
        return "error" if clear and confidence >= settings.error_confidence else "warning"
    return default


@dataclass(frozen=True)
class Comparison:
    """The findings of one corpus and the alignment counters that produced them."""

    findings: tuple[Finding, ...]
    stats: AlignStats
    copies: dict[str, tuple[str, ...]]
    slots: tuple[Slot, ...] = ()


def _copy_groups(docs: Sequence[Document], per_doc: Sequence[Sequence[Fact]]) -> dict[str, tuple[str, ...]]:
    """Representative id -> ids of the other documents with the same text (sorted ids).

    Text is compared with runs of whitespace collapsed, so re-wrapped copies are copies too.
    Documents without facts are left out: they can produce no finding.
    """
    by_text: dict[str, list[str]] = defaultdict(list)
    for doc, facts in zip(docs, per_doc, strict=True):
        if facts:
            # surrogatepass: a lone surrogate (from a JSON "\\ud800") must not stop the audit.
            digest = hashlib.sha256(" ".join(doc.text.split()).encode("utf-8", "surrogatepass")).hexdigest()
            by_text[digest].append(doc.id)
    groups: dict[str, tuple[str, ...]] = {}
    for ids in by_text.values():
        ids.sort()
        groups[ids[0]] = tuple(ids[1:])
    return groups


def compare(docs: Sequence[Document], per_doc: Sequence[Sequence[Fact]], settings: Settings) -> Comparison:
    """Findings of a corpus with the counters of the alignment that found them."""
    by_id = {d.id: d for d in docs}
    copies = _copy_groups(docs, per_doc)
    represented = {rep for rep in copies} | {d.id for d, fs in zip(docs, per_doc, strict=True) if not fs}
    facts: list[Fact] = []
    every: list[Fact] = []
    said: dict[str, set[Signature]] = {}
    # Each fact's signature, by the fact's id (held with the fact, so the id stays its own).
    signatures: dict[int, tuple[Fact, Signature]] = {}
    for doc, doc_facts in zip(docs, per_doc, strict=True):
        if doc.id not in represented:
            continue
        every.extend(doc_facts)
        seen: set[Signature] = set()
        for f in sorted(doc_facts, key=lambda f: (f.start, f.end, f.kind, f.rule)):
            sig = signature(f)
            if sig not in seen:
                seen.add(sig)
                facts.append(f)
                signatures[id(f)] = (f, sig)
        said[doc.id] = seen
    stats = AlignStats()
    # People and places per sentence come from every mention, before repeats are dropped.
    names = sentence_names(every)
    ctx = Context(by_id, facts, settings, stats, said)
    by_family: dict[str, list[Comparator]] = defaultdict(list)
    for comparator in COMPARATORS:
        if comparator.check is not None:
            for fam in comparator.families:
                by_family[fam].append(comparator)
    checks = {fam: [c.check for c in group if c.check is not None] for fam, group in by_family.items()}
    # A family judged by one rule with a screen: its pairs are screened on reading numbers.
    screens = {fam: g[0].screen for fam, g in by_family.items() if len(g) == 1 and g[0].screen is not None}
    index = SlotIndex()
    judged = align_and_join(facts, settings, tuple(sorted(by_family)), names, stats, ctx, index, screens)
    family_of: dict[int, str] = {}
    subject_of: dict[int, str] = {}
    # Slot ids once all pairs are joined; each fact's slot looked up once.
    sids: dict[int, tuple[Fact, int]] = {}

    def slot(f: Fact) -> int:
        held = sids.get(id(f))
        if held is None or held[0] is not f:
            held = sids[id(f)] = (f, index.slot_of(f))
        return held[1]

    for a, feat in zip(judged.first_facts, judged.first_features, strict=True):
        sid = slot(a)
        if sid not in family_of:
            # A slot is named after the first pair that formed it.
            family_of[sid] = feat.family
            subject_of[sid] = feat.head
    # The rules judge the pairs that passed their screen, in order, now that the slots are
    # known: each conflict is weighed for its row as it comes (`_Rows`), so the many that
    # repeat a value pair of a slot are dropped at once, not held to the end.
    rows = _Rows(by_id, said, copies, settings, index, signatures)
    status_of: dict[int, str] = {}
    rule_ofs = {fam: g[0].rule_of for fam, g in by_family.items() if len(g) == 1 and g[0].rule_of is not None}
    last: Fact | None = None
    sid = -1
    for k, i, j, score, judgment in zip(
        judged.blocks, judged.firsts, judged.seconds, judged.scores, judged.judgments, strict=True
    ):
        facts_of, features_of = judged.held[k]
        a, b, fa = facts_of[i], facts_of[j], features_of[i]
        if a is not last:
            last, sid = a, slot(a)  # pairs come in runs of one first fact
        pair = new_pair(a, b, fa, features_of[j], score)
        rule_of = rule_ofs.get(fa.family)
        if rule_of is not None:
            # The rule's verdict first: when the slot's status cannot change and the row the
            # conflict would stand for is held by a better-ranked one, the conflict (and its
            # message) is not made.
            rule = rule_of(pair, ctx, judgment)
            if rule is None:
                continue
            status = status_of.get(sid)
            if (status == "conflict" or (status == "update" and rule == "DSC103")) and rows.settled(
                rule, a, b, score, sid
            ):
                continue
        family_checks = checks[fa.family]
        found: Iterable[Conflict]
        if len(family_checks) == 1:
            found = family_checks[0](pair, ctx)  # the usual case: one rule
        else:
            found = [c for check in family_checks for c in check(pair, ctx)]
        for c in found:
            if status_of.get(sid) != "conflict":
                status_of[sid] = "update" if c.rule == "DSC103" else "conflict"
            rows.add(c)
    for comparator in COMPARATORS:
        if comparator.run is not None:
            for c in comparator.run(ctx):
                rows.add(c)
    findings = rows.findings()
    slots = build_slots(index, family_of, subject_of, status_of)
    return Comparison(tuple(findings), stats, copies, tuple(slots))


def _named(ids: Sequence[str]) -> str:
    """Up to `MAX_COPIES_NAMED` document ids, then how many more: "b, c, d and 2 more"."""
    more = f" and {len(ids) - MAX_COPIES_NAMED} more" if len(ids) > MAX_COPIES_NAMED else ""
    return ", ".join(ids[:MAX_COPIES_NAMED]) + more


def _with_note(message: str, notes: Sequence[str]) -> str:
    """The message with notes in brackets before its final period."""
    if not notes:
        return message
    body = message[:-1] if message.endswith(".") else message
    return f"{body} ({'; '.join(notes)})."


def _copies_notes(doc_ids: Sequence[str], copies: dict[str, tuple[str, ...]]) -> list[str]:
    notes = [f"{d} is repeated in {_named(copies[d])}" for d in dict.fromkeys(doc_ids) if copies.get(d)]
    return notes[:2]


def _row_order(c: Conflict) -> tuple[str, str, int, str, int, str]:
    """The order of rows: rule, then the two sides' documents and positions, then subject."""
    return (c.rule, c.a.doc, c.a.start, c.b.doc, c.b.start, c.subject)


def _rank(c: Conflict) -> tuple[object, ...]:
    """Which conflict stands for its value pair: the most confident, then the earliest
    positions and the surfaces, document ids last (so renaming documents renames rows only)."""
    return (-c.confidence, c.a.start, c.b.start, c.a.surface, c.b.surface, c.a.doc, c.b.doc)


class _Readings:
    """What the rows read from a fact (value, signature, slot), once per fact.

    Signatures are numbered (equal signatures, one number), so the test of whether a document
    states a fact is a look-up of a small int, not the hashing of a signature tuple per row.
    """

    def __init__(
        self,
        index: SlotIndex | None,
        signatures: dict[int, tuple[Fact, Signature]],
        said: dict[str, set[Signature]],
    ) -> None:
        self._index = index
        self.held: dict[int, tuple[Fact, str, int, int]] = {}
        self._signatures = signatures
        self._said = said
        self._numbers: dict[Signature, int] = {}
        self._said_numbers: dict[str, set[int]] = {}

    def _number(self, sig: Signature) -> int:
        return self._numbers.setdefault(sig, len(self._numbers))

    def __call__(self, f: Fact) -> tuple[Fact, str, int, int]:
        """``(fact, rendered value, signature number, slot id)``."""
        held = self.held.get(id(f))
        if held is None or held[0] is not f:
            known = self._signatures.get(id(f))
            sig = known[1] if known is not None and known[0] is f else signature(f)
            slot = self._index.slot_of(f) if self._index is not None else -1
            held = self.held[id(f)] = (f, f.value.render(), self._number(sig), slot)
        return held

    def said(self, doc_id: str) -> set[int]:
        """The numbers of the signatures a document states."""
        numbers = self._said_numbers.get(doc_id)
        if numbers is None:
            numbers = self._said_numbers[doc_id] = {self._number(s) for s in self._said.get(doc_id, ())}
        return numbers


class _Rows:
    """The rows of a corpus's conflicts, chosen as the conflicts come (`add`, in order).

    Per key, one conflict stands for its row: the key is the value pair in a slot (five
    sources saying 288 and three saying 275 are one disagreement), the two spellings of a name
    in two documents, or else the two sides as written. The standing conflict is chosen by
    what it says, not by document ids, so renaming documents renames the rows and nothing
    else: the most confident pair, then the earliest positions; among equals, the first in
    row order, then the first added. The slots must be final before the first `add`.
    """

    def __init__(
        self,
        docs: dict[str, Document],
        said: dict[str, set[Signature]],
        copies: dict[str, tuple[str, ...]],
        settings: Settings,
        index: SlotIndex | None = None,
        signatures: dict[int, tuple[Fact, Signature]] | None = None,
    ) -> None:
        self.docs, self.copies, self.settings, self.index = docs, copies, settings, index
        self.read = _Readings(index, signatures or {}, said)
        self.minimum = settings.min_confidence
        self.name_rules = {r for r, rule in BY_ID.items() if rule.kind == "name"}
        # (documents, values) of the role conflicts: a name conflict of the same two
        # spellings is left out (the role conflict already says they are easily confused),
        # so name conflicts wait (with their numbers) until every role conflict is in.
        self.role_pairs: set[tuple[str, str, str, str]] = set()
        self.waiting: list[tuple[int, Conflict]] = []
        self.count = 0
        # Per key: (the standing conflict's rank, its number, its slot, the conflict).
        self.best: dict[tuple[object, ...], tuple[tuple[object, ...], int, int, Conflict]] = {}

    def add(self, c: Conflict) -> None:
        """Weigh one more conflict."""
        n = self.count
        self.count += 1
        if c.rule == "DSC201":
            self.role_pairs.add((c.a.doc, c.b.doc, self.read(c.a)[1], self.read(c.b)[1]))
        if c.rule == "DSC202":
            self.waiting.append((n, c))
        else:
            self._weigh(n, c)

    def settled(self, rule: str, a: Fact, b: Fact, confidence: float, slot: int) -> bool:
        """Whether a conflict of ``rule`` between ``a`` and ``b`` (in side order, ``a`` in
        ``slot``) at ``confidence`` would be dropped by `add`: its row held by a better-ranked
        conflict, or the pair witnessed inside one document. (False when unsure.)"""
        if confidence < self.minimum:
            return True
        if slot < 0 or rule in self.name_rules or rule in ("DSC201", "DSC202"):
            return False
        read = self.read
        held_of = read.held
        held = held_of.get(id(a))
        _, va, sig_a, _ = held if held is not None and held[0] is a else read(a)
        held = held_of.get(id(b))
        _, vb, sig_b, _ = held if held is not None and held[0] is b else read(b)
        inside = a.doc if a.doc == b.doc else ""
        key = (rule, slot, va, vb, inside) if va <= vb else (rule, slot, vb, va, inside)
        kept = self.best.get(key)
        # `_rank` of the conflict the pair would give, against the row's standing conflict.
        if kept is not None and (-confidence, a.start, b.start, a.surface, b.surface, a.doc, b.doc) > kept[0]:
            return True
        return a.doc != b.doc and (sig_b in read.said(a.doc) or sig_a in read.said(b.doc))

    def _weigh(self, n: int, c: Conflict) -> None:
        if c.confidence < self.minimum:
            return
        read = self.read
        held_of = read.held
        a, b = c.a, c.b
        # Each fact read once (inline: this runs once per conflict).
        held = held_of.get(id(a))
        _, va, sig_a, slot = held if held is not None and held[0] is a else read(a)
        held = held_of.get(id(b))
        _, vb, sig_b, _ = held if held is not None and held[0] is b else read(b)
        if a.doc != b.doc and (sig_b in read.said(a.doc) or sig_a in read.said(b.doc)):
            return  # `redundant`: the pair is already witnessed inside one of the documents
        if c.rule == "DSC202" and (a.doc, b.doc, va, vb) in self.role_pairs:
            return  # the role conflict already says the names are easily confused
        if c.rule in self.name_rules:
            # Names: one row per two spellings in two documents, whatever the mentions.
            key: tuple[object, ...] = (c.rule, *sorted([(c.a.doc, va), (c.b.doc, vb)]))
        elif slot >= 0:
            # One row per conflicting pair of values in a slot; a document that contradicts
            # itself is told so on its own row.
            inside = c.a.doc if c.a.doc == c.b.doc else ""
            key = (c.rule, slot, va, vb, inside) if va <= vb else (c.rule, slot, vb, va, inside)
        else:
            key = (
                c.rule,
                c.a.doc,
                c.b.doc,
                va,
                vb,
                " ".join(c.a.surface.split()),
                " ".join(c.b.surface.split()),
            )
        rank = _rank(c)
        kept = self.best.get(key)
        if kept is None or rank < kept[0] or (
            rank == kept[0] and (_row_order(c), n) < (_row_order(kept[3]), kept[1])
        ):
            self.best[key] = (rank, n, slot, c)

    def findings(self) -> list[Finding]:
        """The rows of the conflicts added, in row order."""
        for n, c in self.waiting:
            self._weigh(n, c)
        self.waiting = []
        return self._findings(list(self.best.values()))

    def _findings(self, best: list[tuple[tuple[object, ...], int, int, Conflict]]) -> list[Finding]:
        read, docs, copies, settings, index = self.read, self.docs, self.copies, self.settings, self.index
        # Rows in row order: the order of the conflicts standing for them (then as found).
        chosen = sorted(best, key=lambda kept: (_row_order(kept[3]), kept[1]))
        out: list[Finding] = []
        for _, _, slot, c in chosen:
            va, vb = read(c.a)[1], read(c.b)[1]
            line_a, col_a = docs[c.a.doc].line_col(c.a.start)
            line_b, col_b = docs[c.b.doc].line_col(c.b.start)
            rule = BY_ID[c.rule]
            message = c.message
            if slot >= 0 and index is not None:
                message = _with_note(message, _other_sources(index, slot, c.a, c.b))
            message = _with_note(message, _copies_notes([c.a.doc, c.b.doc], copies))
            out.append(
                Finding(
                    rule=c.rule,
                    rule_name=rule.name,
                    kind=c.a.kind,
                    severity=severity(c.rule, c.clear, c.confidence, settings,
                                      docs=docs_pages(docs[c.a.doc], docs[c.b.doc])),
                    subject=c.subject,
                    message=message,
                    confidence=round(float(c.confidence), 4),
                    doc_a=c.a.doc,
                    line_a=line_a,
                    col_a=col_a,
                    text_a=quoted(c.a, docs[c.a.doc]),
                    value_a=va,
                    sentence_a=c.a.sentence,
                    doc_b=c.b.doc,
                    line_b=line_b,
                    col_b=col_b,
                    text_b=quoted(c.b, docs[c.b.doc]),
                    value_b=vb,
                    sentence_b=c.b.sentence,
                    fingerprint=fingerprint(c.rule, c.subject, [(c.a.doc, va), (c.b.doc, vb)]),
                )
            )
        return out


def _other_sources(index: SlotIndex, slot: int, a: Fact, b: Fact) -> list[str]:
    """The other documents that give each of the two values of a row.

    One row stands for every mention of a value pair in a slot, so the reader learns who
    else says the same (at most `MAX_COPIES_NAMED` documents named per side).
    """
    notes = []
    for f in (a, b):
        value = f.value.render()
        others = [d for d in index.sources(slot, value) if d != f.doc]
        if others:
            notes.append(f"{value} also in {_named(others)}")
    return notes


def quoted(fact: Fact, doc: Document) -> str:
    """The text a finding quotes: the fact's surface, through its counted noun phrase if any.

    >>> from discrepancy.facts import Amount, Subject
    >>> d = Document(id="a", text="Some 5,000 U.S. troops stay.")
    >>> f = Fact("a", "count", Subject(), "5,000", 5, 10, Amount.exact(5000), extra=(("phrase_end", "22"),))
    >>> quoted(f, d), quoted(Fact("a", "count", Subject(), "5,000", 5, 10, Amount.exact(5000)), d)
    ('5,000 U.S. troops', '5,000')
    """
    end = fact.get("phrase_end")
    if end.isdigit() and fact.end < int(end) <= len(doc.text):
        return doc.text[fact.start : int(end)]
    return fact.surface


def find_conflicts(
    docs: Sequence[Document], per_doc: Sequence[Sequence[Fact]], settings: Settings
) -> list[Finding]:
    """Findings for every aligned pair of facts that cannot both be true."""
    return list(compare(docs, per_doc, settings).findings)
