"""The rule registry: stable ids, kebab-case names, default severities, documentation.

Ids never change meaning once published; both the id and the name are accepted wherever a
rule is named (``--select``, config, inline directives). Each rule carries the text that
``python -m discrepancy rule DSC101`` prints and that SARIF consumers show next to a result.

>>> lookup("dsc101").name
'quantity-mismatch'
>>> lookup("date-mismatch").id
'DSC301'
>>> lookup("DSC101").docs_url.endswith("#dsc101-quantity-mismatch")
True
"""

from __future__ import annotations

from dataclasses import dataclass

# The rules page in the project's documentation (docs/rules.md); each rule's section is an
# anchor on it. No published address is assumed: the ``docs-url`` config key gives the
# address of a rendered copy (a team's own docs site), which SARIF viewers then link to.
DOCS_URL = "docs/rules.md"


@dataclass(frozen=True)
class Rule:
    """One rule: what it flags, how bad it is by default and an example pair."""

    id: str
    name: str
    kind: str
    severity: str
    summary: str
    description: str = ""
    example: str = ""

    @property
    def anchor(self) -> str:
        """The Markdown heading anchor of the rule's section: ``dsc101-quantity-mismatch``."""
        return f"{self.id.lower()}-{self.name}"

    @property
    def docs_url(self) -> str:
        """The rule's section of the rules page: ``.../rules/#dsc101-quantity-mismatch``."""
        return f"{DOCS_URL}#{self.anchor}"


RULES: tuple[Rule, ...] = (
    Rule("DSC101", "quantity-mismatch", "amount", "error",
         "Two documents give amounts for the same thing that cannot both be true.",
         "Counts, quantities, percentages and money are compared as intervals: \"more than 12\" "
         "is (12, inf), \"about 200\" covers the approximate tolerance around 200. The rule fires "
         "only when the two intervals cannot overlap, after converting units of one dimension.",
         'a.md: "The free plan allows up to 5 projects."\n'
         'b.md: "The free plan allows up to 3 projects."'),
    Rule("DSC102", "unit-mismatch", "amount", "warning",
         "Amounts for the same thing are in units of different dimensions.",
         "Two amounts describe the same thing but one is a length and the other a mass (or a "
         "currency and a count): usually a typo in the unit or two different things that share "
         "a subject.",
         'a.md: "The reservoir holds 5 million litres of water."\n'
         'b.md: "The reservoir holds 5 million tonnes of water."'),
    Rule("DSC103", "running-total-update", "amount", "warning",
         "A running total (death toll, count so far) differs between documents published on different days.",
         "Totals that grow over time (death tolls, cases, arrests) legitimately differ between a "
         "report from Monday and one from Wednesday. The finding gives both publication dates so "
         "a reader can tell an update from a contradiction.",
         'a.txt (Jan 8): "The death toll rose to 56."\nb.txt (Jan 9): "The death toll rose to 176."'),
    Rule("DSC201", "role-holder-mismatch", "name", "error",
         "One role is said to be held by two different people.",
         "Two documents name different people as the holder of one role (\"the defense "
         "secretary\", \"the company's CEO\"). Names are compared as identities: aliases and "
         "given-name subsets are the same person, a shared title is not.",
         'a.md: "Defense Secretary Mark Esper said ..."\nb.md: "Defense Secretary Mark Milley said ..."'),
    Rule("DSC202", "confusable-name", "name", "warning",
         "Two names are nearly the same but belong to different people, or one looks truncated.",
         "Names whose spellings are very close but whose given names differ (\"Ruhollah "
         "Khomeini\" / \"Ali Khamenei\") are easy to swap by mistake; the rule asks a human to "
         "check which one is meant.",
         'a.txt: "Ayatollah Ruhollah Khomeini"\nb.txt: "Ayatollah Ali Khomeini"'),
    Rule("DSC203", "name-variant", "name", "info",
         "One person or place is spelled two ways.",
         "The same identity is transliterated or spelled differently across documents "
         "(\"Qassem\" / \"Qasem\"). Not wrong, but a style guide usually wants one spelling.",
         'a.txt: "Qassem Soleimani"\nb.txt: "Qasem Soleimani"'),
    Rule("DSC301", "date-mismatch", "date", "error",
         "Two documents date the same event to times that cannot overlap.",
         "Dates keep their precision: \"March 2023\" is compatible with \"12 March 2023\". "
         "Weekdays and relative dates are resolved against each document's publication date, "
         "times against their zones.",
         'a.md: "Version 2.0 was released on 12 March 2023."\n'
         'b.md: "Version 2.0 was released on 14 March 2023."'),
    Rule("DSC900", "unused-suppression", "meta", "warning",
         "An inline suppression comment suppressed nothing.",
         "A `discrepancy-disable...` comment that matched no finding (the contradiction was "
         "fixed, or the comment names the wrong rule or line) hides nothing and misleads the "
         "next reader; remove it. Comments naming an unknown rule are reported too.",
         '<!-- discrepancy-disable-next-line DSC101 -->\nA line with no conflicting amount.'),
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


def resolve(refs: list[str] | tuple[str, ...], what: str) -> tuple[str, ...]:
    """Rule ids for ids or names, sorted and unique; ``ValueError`` names the bad one.

    ``ALL`` stands for every rule.

    >>> resolve(["date-mismatch", "DSC101", "dsc101"], "select")
    ('DSC101', 'DSC301')
    >>> resolve(["nope"], "select")
    Traceback (most recent call last):
    ValueError: select: unknown rule 'nope' (see `discrepancy rules`)
    """
    out: set[str] = set()
    for ref in refs:
        if ref.strip().upper() == "ALL":
            out.update(BY_ID)
            continue
        try:
            out.add(lookup(ref).id)
        except KeyError:
            raise ValueError(f"{what}: unknown rule {ref!r} (see `discrepancy rules`)") from None
    return tuple(sorted(out))
