"""Years at the edges of the calendar (1 and 9999) never raise.

A dateline can say anything: front matter, a ``<meta>`` tag or ``--published`` may give a
year 1 or 9999, and every relative date resolved against it must stay inside the dates
Python can represent (arithmetic clamps) instead of raising OverflowError.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import discrepancy
from discrepancy import temporal
from discrepancy.cli import main
from discrepancy.document import Document
from discrepancy.extractors.dates import resolve
from discrepancy.extractors.timeexpr import find_mentions
from discrepancy.facts import When

# Relative and yearless expressions of every resolution branch.
BODY = (
    "The bridge opened yesterday, tomorrow, last week, next week, this weekend, next year, two years "
    "ago, in 3 years, next Friday, on Friday, next Christmas, last Easter, the next day, on December 31, "
    "on January 1, at 5:30 p.m. EST on January 1, at 11 p.m. UTC+14 on December 31, the 31st, the first "
    "Monday of next month, 3 days after January 1, two sundays from now, last March, next March, "
    "next 6th of April, early this year, 25 months 3 days ago, in 1999."
)

FILES = {
    "front.md": (
        "---\ndate: 9999-12-31T23:30:00-05:00\n---\nThe bridge opened at 5:30 p.m. EST on January 1.\n"
    ),
    "meta.html": (
        '<html><head><meta property="article:published_time" content="0001-01-01T00:30:00+05:00">'
        "</head><body><p>The bridge opened at 6:30 p.m. EST on January 1, the day before yesterday.</p>"
        "</body></html>"
    ),
    "late.txt": "Published: December 31, 9999\nIt opened on January 3.\n",
    "early.txt": "Published: January 1, 0001\nIt opened on January 5, yesterday.\n",
    "body.txt": BODY + "\n",
}


def test_item03_edge_years(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    for published in ("body.txt=9999-12-31", "body.txt=0001-01-01"):
        code = main([str(tmp_path), "--published", published, "--format", "concise"])
        out, err = capsys.readouterr()
        assert code in (0, 1), err
        assert "Traceback" not in err and "Error" not in err
        assert "Found" in out
    for name in ("late.txt", "early.txt"):
        assert main([str(tmp_path / name)]) == 0, capsys.readouterr().err


@pytest.mark.parametrize(
    "published", [When(9999, 12, 31), When(9999, 12, 25), When(1, 1, 1), When(1, 1, 3)], ids=When.render
)
def test_audit_at_edge_datelines(published: When) -> None:
    docs = [
        Document(id="a", text=BODY, published=published),
        Document(
            id="b",
            text=BODY.replace("5:30", "6:30").replace("December 31", "December 30"),
            published=published,
        ),
    ]
    findings = discrepancy.audit(*docs)
    assert list(findings.columns)  # ran to the end


@settings(max_examples=60, deadline=None)
@given(
    anchor=st.sampled_from([dt.date.min, dt.date.max, dt.date(1, 1, 7), dt.date(9999, 12, 25)]),
    future=st.booleans(),
)
def test_resolution_clamps(anchor: dt.date, future: bool) -> None:
    for m in find_mentions(BODY):
        value = resolve(m, anchor, future)
        if value.year is not None:
            assert dt.MINYEAR <= value.year <= dt.MAXYEAR
        temporal.span(value)
        temporal.compatible(value, When(anchor.year, anchor.month, anchor.day))
