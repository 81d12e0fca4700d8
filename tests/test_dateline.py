"""Publication dates from metadata, header lines and footer lines."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from discrepancy.dateline import _edge_lines, find_datelines, from_value, parse_date, resolve
from discrepancy.facts import When
from discrepancy.load import load_documents

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
BODY = "\n".join(f"Paragraph {i} of the story goes on for a while." for i in range(8))


def seed(prefix: str) -> Path:
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"seed {prefix} not found in {SEEDS}")
    return matches[0]


def ist(y: int, mo: int, d: int, h: int, mi: int) -> When:
    return When(year=y, month=mo, day=d, hour=h, minute=mi, zone="IST", utc_offset=330)


# --- the forms a dateline line takes ---------------------------------------------------

LINE_FORMS = [
    pytest.param(
        "First published on Wed 8 Jan 2020 19.17 GMT",
        "published",
        When(2020, 1, 8, hour=19, minute=17, zone="GMT", utc_offset=0),
        id="first-published-on-weekday-dotted-time",
    ),
    pytest.param("By Jane Doe • January 8, 2020", "", When(2020, 1, 8), id="byline-then-bare-date"),
    pytest.param(
        "By Jane Doe | Jan 8, 2020 • 7:17pm EST",
        "",
        When(2020, 1, 8, hour=19, minute=17, zone="EST", utc_offset=-300),
        id="byline-date-bullet-time",
    ),
    pytest.param("JAN. 8, 2020", "", When(2020, 1, 8), id="upper-case-short-month"),
    pytest.param(
        "Updated January 8th, 2020 at 20:40 IST",
        "updated",
        ist(2020, 1, 8, 20, 40),
        id="updated-ordinal-at-ist",
    ),
    pytest.param(
        "Published January 8th, 2020 at 19:17 IST",
        "published",
        ist(2020, 1, 8, 19, 17),
        id="published-ordinal-at-ist",
    ),
    pytest.param(
        " date 2020-01-06 - ITV Report", "published", When(2020, 1, 6), id="date-iso-broadcaster-tail"
    ),
    pytest.param("Published: March 14, 2023", "published", When(2023, 3, 14), id="published-colon-mdy"),
    pytest.param("Published: 2024-02-01", "published", When(2024, 2, 1), id="published-colon-iso"),
    pytest.param("Posted on June 1, 2022", "published", When(2022, 6, 1), id="posted-on"),
    pytest.param("Posted: Wed, Jan. 8, 2020", "published", When(2020, 1, 8), id="posted-weekday-short-month"),
    pytest.param("Last updated 15 June 2022", "updated", When(2022, 6, 15), id="last-updated-dmy"),
    pytest.param(
        "Last modified: 2022-06-15T10:05:00Z",
        "updated",
        When(2022, 6, 15, hour=10, minute=5, zone="UTC", utc_offset=0),
        id="last-modified-iso-z",
    ),
    pytest.param("June 15, 2022", "", When(2022, 6, 15), id="bare-mdy"),
    pytest.param("15 June 2022", "", When(2022, 6, 15), id="bare-dmy"),
    pytest.param("Wednesday 15th of June 2022", "", When(2022, 6, 15), id="bare-weekday-dmy-of"),
    pytest.param(
        "2020-01-08T19:17:00+05:30",
        "",
        When(2020, 1, 8, hour=19, minute=17, zone="+05:30", utc_offset=330),
        id="bare-iso-datetime",
    ),
    pytest.param(
        "By Jane Doe | Published: March 14, 2023 | 3 min read",
        "published",
        When(2023, 3, 14),
        id="byline-before-label",
    ),
    pytest.param(
        "Published 7:17 p.m. EST, Jan 8, 2020",
        "published",
        When(2020, 1, 8, hour=19, minute=17, zone="EST", utc_offset=-300),
        id="time-before-date",
    ),
    pytest.param(
        "Published January 8, 2020 - 10am GMT",
        "published",
        When(2020, 1, 8, hour=10, minute=0, zone="GMT", utc_offset=0),
        id="bare-hour-am",
    ),
    pytest.param(
        "Dated 8 Jan 2020, 19:17 (IST)", "published", ist(2020, 1, 8, 19, 17), id="dated-zone-in-brackets"
    ),
]


@pytest.mark.parametrize(("line", "kind", "expected"), LINE_FORMS)
def test_dateline_line_forms(line: str, kind: str, expected: When) -> None:
    found = find_datelines(line + "\n" + BODY)
    assert [(d.kind, d.when, d.place, d.span) for d in found] == [(kind, expected, "header", (0, len(line)))]


NOT_DATELINES = [
    pytest.param("by accident | June 15, 2022 happened", id="byline-with-prose-after-date"),
    pytest.param("On June 15, 2022 the bridge opened to traffic.", id="date-inside-sentence"),
    pytest.param("The vote on January 5, 2020 was non-binding.", id="date-mid-sentence"),
    pytest.param("June 15, 2022, officials said, was the deadline.", id="date-then-comma-clause"),
    pytest.param("Published by the Ministry of Defence", id="label-without-date"),
    pytest.param("Updated 2 hours ago", id="relative-update"),
    pytest.param("February 30, 2020", id="impossible-date"),
    pytest.param("Published: 2020-13-01", id="month-13"),
    pytest.param("At 25:00 on 2020-01-08", id="bad-hour"),
    pytest.param("Updated January 8th, 2020 at 20:40 IST and then again later that day", id="prose-tail"),
    pytest.param("2020-01-08T19:17:00+05:30123", id="trailing-digits"),
]


@pytest.mark.parametrize("line", NOT_DATELINES)
def test_not_datelines(line: str) -> None:
    assert find_datelines(line + "\n" + BODY) == []


def test_bare_date_at_the_end_is_not_a_dateline() -> None:
    assert find_datelines(BODY + "\nJune 15, 2022") == []


def test_labelled_footer_line_is_found() -> None:
    [d] = find_datelines(BODY + "\n\nPublished: March 14, 2023\n")
    assert (d.place, d.kind, d.when) == ("footer", "published", When(2023, 3, 14))


def test_date_deep_in_the_body_is_ignored() -> None:
    text = BODY + "\nPublished: March 14, 2023\n" + BODY
    assert find_datelines(text) == []


# --- choosing among several ----------------------------------------------------------------

CHOICES = [
    pytest.param(
        f"Updated Jan 9, 2020\n{BODY}\nPublished Jan 8, 2020",
        {},
        When(2020, 1, 8),
        "footer",
        When(2020, 1, 9),
        id="published-footer-beats-updated-header",
    ),
    pytest.param(
        f"Updated Jan 9, 2020\n{BODY}",
        {},
        When(2020, 1, 9),
        "header",
        When(2020, 1, 9),
        id="only-updated-is-used",
    ),
    pytest.param(
        f"June 15, 2022\n{BODY}\nPublished: June 14, 2022",
        {},
        When(2022, 6, 14),
        "footer",
        None,
        id="labelled-beats-bare",
    ),
    pytest.param(
        f"Published: June 14, 2022\n{BODY}",
        {"date": dt.date(2022, 6, 1)},
        When(2022, 6, 1),
        "metadata",
        None,
        id="metadata-beats-text",
    ),
    pytest.param(
        BODY,
        {"updated": "2022-06-02", "published": "2022-06-01"},
        When(2022, 6, 1),
        "metadata",
        When(2022, 6, 2),
        id="metadata-both",
    ),
    pytest.param(BODY, {"date": "not a date"}, None, "", None, id="bad-metadata-ignored"),
    pytest.param(BODY, {}, None, "", None, id="none"),
]


@pytest.mark.parametrize(("text", "meta", "published", "source", "updated"), CHOICES)
def test_resolve_choices(
    text: str, meta: dict, published: When | None, source: str, updated: When | None
) -> None:
    r = resolve(text, meta)
    assert (r.published, r.source, r.updated) == (published, source, updated)


def test_span_is_kept_when_metadata_wins() -> None:
    text = f"Published: June 14, 2022\n{BODY}"
    r = resolve(text, {"date": "2022-06-01"})
    assert r.span == (0, len("Published: June 14, 2022"))


# --- the seeds -------------------------------------------------------------------------------


def test_seed_000_published_in_footer_updated_in_header() -> None:
    [doc] = load_documents(seed("000"))
    assert doc.published == ist(2020, 1, 8, 19, 17)
    assert doc.published.instant == dt.datetime(2020, 1, 8, 13, 47, tzinfo=dt.UTC)
    assert doc.published_source == "footer"
    assert doc.metadata["updated"] == ist(2020, 1, 8, 20, 40)
    assert doc.published_span is not None
    s, e = doc.published_span
    assert doc.text[s:e] == "Published January 8th, 2020 at 19:17 IST"


def test_seed_003_date_line() -> None:
    [doc] = load_documents(seed("003"))
    assert (doc.published, doc.published_source) == (When(2020, 1, 6), "header")
    s, e = doc.published_span or (0, 0)
    assert doc.text[s:e] == " date 2020-01-06 - ITV Report"


@pytest.mark.parametrize("prefix", ["001", "002", "004"])
def test_seeds_without_dateline(prefix: str) -> None:
    [doc] = load_documents(seed(prefix))
    assert (doc.published, doc.published_source, doc.published_span) == (None, "", None)
    assert "updated" not in doc.metadata


# --- values ---------------------------------------------------------------------------------

VALUES = [
    pytest.param(dt.date(2023, 3, 14), When(2023, 3, 14), id="date"),
    pytest.param(dt.datetime(2023, 3, 14, 8, 30), When(2023, 3, 14, hour=8, minute=30), id="naive-datetime"),
    pytest.param(
        dt.datetime(2023, 3, 14, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
        When(2023, 3, 14, hour=8, minute=30, utc_offset=-300),
        id="aware-datetime",
    ),
    pytest.param(
        "2023-03-14 08:30 EST",
        When(2023, 3, 14, hour=8, minute=30, zone="EST", utc_offset=-300),
        id="zone-text",
    ),
    pytest.param(
        "2023-03-14T08:30:00+0100",
        When(2023, 3, 14, hour=8, minute=30, zone="+01:00", utc_offset=60),
        id="compact-offset",
    ),
    pytest.param(
        "14 March 2023 12:00 UTC+5:30",
        When(2023, 3, 14, hour=12, minute=0, zone="UTC+05:30", utc_offset=330),
        id="utc-plus",
    ),
    pytest.param("12:30 am, March 14, 2023", When(2023, 3, 14, hour=0, minute=30), id="midnight-am"),
    pytest.param("2023/03/14", When(2023, 3, 14), id="year-first-slashes"),
    pytest.param(
        "Tue, 14 Mar 2023 08:30:00 +0000",
        When(2023, 3, 14, hour=8, minute=30, zone="+00:00", utc_offset=0),
        id="rss-pubdate",
    ),
    pytest.param("2023-03/14", None, id="mixed-separators"),
    pytest.param(20230314, None, id="int-is-not-a-date"),
    pytest.param("14/03/2023", None, id="slashes-ambiguous"),
    pytest.param("13:30 pm March 14, 2023", None, id="24h-with-pm"),
]


@pytest.mark.parametrize(("value", "expected"), VALUES)
def test_from_value(value: object, expected: When | None) -> None:
    assert from_value(value) == expected


@pytest.mark.parametrize(
    "hostile",
    [
        pytest.param("1" * 200_000, id="digits"),
        pytest.param("2020-" * 40_000, id="iso-prefixes"),
        pytest.param("January 8th, " * 20_000, id="month-days"),
        pytest.param(("Published " * 30 + "\n") * 5000, id="labels"),
        pytest.param(" " * 200_000 + "2020-01-01", id="blanks"),
    ],
)
def test_hostile_input_is_fast(hostile: str) -> None:
    t0 = time.perf_counter()
    resolve(hostile)
    parse_date(hostile)
    assert time.perf_counter() - t0 < 2.0


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_resolve_never_raises(text: str) -> None:
    r = resolve(text)
    if r.span is not None:
        s, e = r.span
        assert 0 <= s <= e <= len(text) and "\n" not in text[s:e]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="a \n", max_size=60), st.integers(0, 5), st.integers(0, 5))
def test_edge_lines_agree_with_a_full_split(text: str, n_head: int, n_foot: int) -> None:
    spans, start = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((start, start + len(line)))
        start += len(line) + 1
    head = spans[:n_head]
    foot = spans[len(head) :][-n_foot:] if n_foot else []
    assert _edge_lines(text, n_head, n_foot) == (head, foot)
