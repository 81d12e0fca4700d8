"""The whole audit is total: any text, any bytes in any supported file, never an exception.

Hypothesis runs the full pipeline (load, extract, align, compare, suppressions) on arbitrary
text (lone surrogates included), on arbitrary bytes written to ``.txt``/``.md``/``.html``/
``.jsonl`` files, and on documents assembled from the shapes that once crashed it. The only
error allowed is a `LoadError` for a file that is not a document (binary, bad JSON Lines).

CI runs a few examples per property; set ``DISCREPANCY_PROPERTY_EXAMPLES=10000`` for a long run.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import discrepancy
from discrepancy.audit import run
from discrepancy.load import LoadError, documents_from_mapping, load_documents
from discrepancy.report import RENDERERS, Context
from discrepancy.suppress import apply

EXAMPLES = int(os.environ.get("DISCREPANCY_PROPERTY_EXAMPLES", "40"))
PROPERTY = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _edge_years_work() -> bool:
    """Whether date arithmetic clamps at years 1 and 9999 in this build (fixed separately from
    the shapes below; once it does, the edge-year shapes join the property by themselves)."""
    try:
        for text in ("Published: December 31, 9999\nIt opened on January 3.\n",
                     "Published: January 1, 0001\nIt rained yesterday.\n"):
            discrepancy.audit({"a.txt": text, "b.txt": text.replace("3.", "4.")})
    except OverflowError:
        return False
    return True


# Phrases that once crashed the audit or blew up its memory, and ordinary ones to mix them with.
SHAPES = [
    "Tens-of-thousands of people marched.", "Hundreds-of-millions were spent.", "Dozens - of people came.",
    "Plans allow up-to 5 users.", "It has more-than 5 users.", "40 homes \ud800 were flooded.",
    "\udcff", "President President President Joe Biden.", "<!-- discrepancy-disable -->",
    "<!-- discrepancy-enable DSC101 -->", "# discrepancy: disable-next-line DSC101", "<a ", "<!--",
    "The council said 40 homes were flooded on Saturday.", "Officials said 55 homes were flooded.",
    "More than a dozen missiles were fired at about 5:30 p.m. EST.", "It opened on January 3.",
    "It rained yesterday.", "1e400 people", "9" * 400 + " homes", "On 0/0/0.",
    "Published: 2020-01-08", "---\ndate: &a [1]\nx: *a\n---", "\x00\x1b[2J\u202e",
]
if _edge_years_work():
    SHAPES += ["Published: December 31, 9999", "Published: January 1, 0001", "in the year 9999",
               "on December 31, 9999 at 23:59 UTC+14", "on January 1, 0001 at 00:00 UTC-12",
               "On 31/12/9999."]

any_text = st.text(alphabet=st.characters(blacklist_categories=()), max_size=400)
shaped = st.lists(st.one_of(st.sampled_from(SHAPES), any_text.map(lambda t: t[:40])), min_size=1,
                  max_size=8).map(lambda parts: "\n".join(parts))


def audit_texts(texts: list[str]) -> None:
    docs = documents_from_mapping({f"d{i}.txt": t for i, t in enumerate(texts)})
    result = run(docs)
    apply(result.findings, result.documents)
    RENDERERS["concise"](result.frame(), Context())


@PROPERTY
@given(texts=st.lists(any_text, min_size=1, max_size=3))
def test_audit_never_raises_on_arbitrary_text(texts: list[str]) -> None:
    audit_texts(texts)


@PROPERTY
@given(texts=st.lists(shaped, min_size=1, max_size=3))
def test_audit_never_raises_on_the_reported_shapes(texts: list[str]) -> None:
    audit_texts(texts)


@PROPERTY
@given(files=st.lists(st.tuples(st.binary(max_size=600), st.sampled_from([".txt", ".md", ".html", ".jsonl"])),
                      min_size=1, max_size=3))
def test_audit_never_raises_on_arbitrary_bytes(files: list[tuple[bytes, str]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for i, (data, suffix) in enumerate(files):
            Path(tmp, f"f{i}{suffix}").write_bytes(data)
        try:
            docs = load_documents(tmp, on_warning=lambda m: None)
        except LoadError:
            return  # not a document (binary, bad JSON Lines): a clear error, not a crash
        result = run(docs)
        apply(result.findings, result.documents)
