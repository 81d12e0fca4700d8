"""The date extractor: seed acceptance, reading, resolution, non-dates, events, robustness."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import discrepancy
from discrepancy.document import Document
from discrepancy.extract import extract_corpus
from discrepancy.extractors import dates
from discrepancy.extractors.dates import extract, infer_year, resolve, resolve_weekday
from discrepancy.extractors.timeexpr import find_mentions
from discrepancy.facts import WEEKDAYS, When
from discrepancy.settings import Settings

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def facts_of(text: str, published: When | None = None, **options: object) -> list:
    doc = Document(id="t", text=text, published=published)
    return list(extract(doc, Settings().with_options(**options)))


def values(text: str, published: When | None = None) -> list[tuple[str, str]]:
    return [(f.surface, f.value.render()) for f in facts_of(text, published)]


# --------------------------------------------------------------------------------------------
# Seeds


@pytest.fixture(scope="module")
def seed_facts() -> dict[str, list]:
    docs = discrepancy.load_documents("seeds")
    per_doc = extract_corpus(docs)
    return {d.id[:3]: [f for f in facts if f.kind == "date"] for d, facts in zip(docs, per_doc, strict=True)}


def test_seed_datelines_as_loaded():
    docs = {d.id[:3]: d for d in discrepancy.load_documents("seeds")}
    assert docs["000"].published is not None and docs["000"].published.date == dt.date(2020, 1, 8)
    assert (docs["000"].published.hour, docs["000"].published.minute, docs["000"].published.utc_offset) == (
        19,
        17,
        330,
    )
    assert docs["003"].published is not None and docs["003"].published.date == dt.date(2020, 1, 6)
    for key in ("001", "002", "004"):
        assert docs[key].published is None


def _find(facts: list, surface: str, near: str):
    """The fact with this surface whose sentence contains ``near``."""
    hits = [f for f in facts if f.surface == surface and near in f.sentence]
    assert hits, f"no fact {surface!r} near {near!r}: {[(f.surface, f.sentence[:40]) for f in facts]}"
    return hits[0]


@pytest.mark.parametrize(
    ("doc", "surface", "near", "date", "head"),
    [
        pytest.param("000", "January 3", "hit Baghdad", dt.date(2020, 1, 3), "strike", id="000-on-january-3"),
        pytest.param(
            "000", "Sunday", "airstrike killed", dt.date(2020, 1, 5), "strike", id="000-strike-on-sunday"
        ),
        pytest.param(
            "000", "Wednesday", "leaked on Wednesday", dt.date(2020, 1, 8), "leak", id="000-leaked-wednesday"
        ),
        pytest.param(
            "000", "Wednesday", "rockets", dt.date(2020, 1, 8), "strike", id="000-rockets-wednesday"
        ),
        pytest.param(
            "003", "Friday", "killed top Iranian", dt.date(2020, 1, 3), "strike", id="003-on-friday"
        ),
        pytest.param("003", "Monday", "mourners", dt.date(2020, 1, 6), "mourn", id="003-mourners-monday"),
        pytest.param(
            "002",
            "early Friday 3 January",
            "airstrike",
            dt.date(2020, 1, 3),
            "strike",
            id="002-early-friday-3-january",
        ),
        pytest.param("002", "4 January", "funeral", dt.date(2020, 1, 4), "mourn", id="002-on-4-january"),
    ],
)
def test_seed_dates(seed_facts, doc, surface, near, date, head):
    fact = _find(seed_facts[doc], surface, near)
    assert fact.value.date == date
    assert fact.subject.head == head


def test_seed_early_friday_keeps_weekday_part_and_corpus_year(seed_facts):
    fact = _find(seed_facts["002"], "early Friday 3 January", "airstrike")
    assert (fact.value.weekday, fact.value.part) == (4, "early")
    assert fact.get("year") == "corpus"


def test_seed_est_time_is_an_instant(seed_facts):
    fact = _find(seed_facts["004"], "5:30 p.m. (EST) on January 7", "ballistic missiles")
    assert fact.value.instant == dt.datetime(2020, 1, 7, 22, 30, tzinfo=dt.UTC)
    assert fact.subject.predicate == "launch"


def test_seed_early_hours_of_wednesday(seed_facts):
    fact = _find(seed_facts["004"], "early hours of Wednesday", "launched a dozen missiles")
    assert (fact.value.weekday, fact.value.part, fact.value.date) == (2, "early hours", None)


def test_seed_monday_afternoon_stays_a_weekday(seed_facts):
    fact = _find(seed_facts["001"], "Monday afternoon", "spreading a letter")
    assert fact.value == When(weekday=0, part="afternoon")
    assert fact.subject.predicate == "spread"


def test_seed_pentagon_said_thursday_dates_the_statement(seed_facts):
    fact = _find(seed_facts["002"], "Thursday", "Pentagon said")
    assert (fact.subject.predicate, fact.subject.source) == ("say", "pentagon")


def test_seed_gallery_counters_are_not_dates(seed_facts):
    text = discrepancy.load_documents("seeds/002_df5562d29e7b1efe.txt")[0].text
    assert "35/35" in text
    assert not [f for f in seed_facts["002"] if "/35" in f.surface]


def test_seed_facts_have_their_surface(seed_facts):
    docs = {d.id[:3]: d for d in discrepancy.load_documents("seeds")}
    for key, facts in seed_facts.items():
        for f in facts:
            assert docs[key].text[f.start : f.end] == f.surface


def test_dateline_span_is_not_a_fact(seed_facts):
    doc = {d.id[:3]: d for d in discrepancy.load_documents("seeds")}["000"]
    assert doc.published_span is not None
    start, end = doc.published_span
    assert not [f for f in seed_facts["000"] if f.start < end and f.end > start]


# --------------------------------------------------------------------------------------------
# Reading absolute forms and times

WED = When(2020, 1, 8)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("on January 3", [("January 3", "2020-01-03")], id="month-day"),
        pytest.param("on 3 January", [("3 January", "2020-01-03")], id="day-month"),
        pytest.param("on Jan. 3", [("Jan. 3", "2020-01-03")], id="abbrev"),
        pytest.param("on January 8th, 2020", [("January 8th, 2020", "2020-01-08")], id="ordinal-year"),
        pytest.param("filed on 2020-01-06", [("2020-01-06", "2020-01-06")], id="iso"),
        pytest.param("by March 2023", [("March 2023", "2023-03")], id="month-year"),
        pytest.param("founded in 2011", [("2011", "2011")], id="in-year"),
        pytest.param("It was founded in 2011.", [("2011", "2011")], id="in-year-at-sentence-end"),
        pytest.param("In 2011, the war began", [("2011", "2011")], id="in-year-before-comma"),
        pytest.param("on 12/30 last", [("12/30", "2019-12-30")], id="numeric-yearless-year-boundary"),
        pytest.param("on 21/04/2016", [("21/04/2016", "2016-04-21")], id="numeric-dmy-unambiguous"),
        pytest.param("on December 30", [("December 30", "2019-12-30")], id="december-in-january"),
        pytest.param("the second of August", [("the second of August", "2019-08-02")], id="ordinal-word"),
        pytest.param("prices rose in December", [("December", "2019-12")], id="bare-month-after-preposition"),
        pytest.param("last March", [("last March", "2019-03")], id="last-month-name"),
        pytest.param(
            "on 3 and 4 January", [("3", "2020-01-03"), ("4 January", "2020-01-04")], id="coordinated-days"
        ),
        pytest.param("Christmas Eve", [("Christmas Eve", "2019-12-24")], id="holiday"),
    ],
)
def test_absolute(text, expected):
    assert values(text, WED) == expected


@pytest.mark.parametrize(
    ("text", "hour", "minute", "offset"),
    [
        pytest.param("at 5:30 p.m.", 17, 30, None, id="pm-dotted"),
        pytest.param("at 5:30 pm", 17, 30, None, id="pm"),
        pytest.param("at 17:30", 17, 30, None, id="24h"),
        pytest.param("at 14:00 GMT", 14, 0, 0, id="gmt"),
        pytest.param("at 9 a.m. EST", 9, 0, -300, id="am-est"),
        pytest.param("at 5:30 p.m. (EST)", 17, 30, -300, id="paren-zone"),
        pytest.param("at 20:40 IST", 20, 40, 330, id="ist-default-india"),
        pytest.param("at noon", 12, 0, None, id="noon"),
        pytest.param("at midnight", 0, 0, None, id="midnight"),
        pytest.param("at 7 in the evening", 19, 0, None, id="in-the-evening"),
    ],
)
def test_times(text, hour, minute, offset):
    (m,) = find_mentions(text)
    assert (m.hour, m.minute, m.utc_offset) == (hour, minute, offset)


def test_zone_setting_overrides_default():
    (f,) = facts_of("at 20:40 IST on 8 January 2020", zones=(("IST", 60),))
    assert f.value.utc_offset == 60
    assert f.value.instant == dt.datetime(2020, 1, 8, 19, 40, tzinfo=dt.UTC)


def test_publication_lines_are_not_facts():
    text = "Updated January 8th, 2020 at 20:40 IST\nThe letter leaked on Wednesday."
    assert values(text) == [("Wednesday", "2020-01-08")]


def test_dotted_dates_with_year_are_day_first():
    assert values("on 2.1.2020") == [("2.1.2020", "2020-01-02")]


def test_date_order_setting():
    assert values("on 03/04/2020") == [("03/04/2020", "2020-03-04")]
    assert [(f.surface, f.value.render()) for f in facts_of("on 03/04/2020", date_order="dmy")] == [
        ("03/04/2020", "2020-04-03")
    ]


# --------------------------------------------------------------------------------------------
# Relative dates


@pytest.mark.parametrize(
    ("text", "rendered"),
    [
        pytest.param("on Friday", "2020-01-03", id="bare-weekday-past"),
        pytest.param("on Wednesday", "2020-01-08", id="bare-weekday-same-day"),
        pytest.param("early Friday", "2020-01-03 (early)", id="early-weekday"),
        pytest.param("Monday afternoon", "2020-01-06 (afternoon)", id="weekday-afternoon"),
        pytest.param("last Friday", "2020-01-03", id="last-weekday"),
        pytest.param("this Friday", "2020-01-10", id="this-weekday"),
        pytest.param("next Friday", "2020-01-17", id="next-weekday"),
        pytest.param("Iran will respond on Friday", "2020-01-10", id="future-cue"),
        pytest.param("It is scheduled to open on Monday", "2020-01-13", id="scheduled-to"),
        pytest.param("yesterday", "2020-01-07", id="yesterday"),
        pytest.param("today", "2020-01-08", id="today"),
        pytest.param("tomorrow", "2020-01-09", id="tomorrow"),
        pytest.param("last week", "last week (2019-12-30/2020-01-05)", id="last-week-range"),
        pytest.param("at the weekend", "at the weekend (2020-01-04/2020-01-05)", id="weekend-range"),
        pytest.param("last year", "2019", id="last-year"),
        pytest.param("earlier this month", "2020-01", id="earlier-this-month"),
        pytest.param("two days ago", "2020-01-06", id="days-ago"),
        pytest.param("3 days after January 3", "2020-01-06", id="shift-from-date"),
    ],
)
def test_relative(text, rendered):
    value = facts_of(text, WED)[-1].value
    assert (value.relative or value.render()) == rendered


def test_anchor_falls_back_to_the_documents_own_full_date():
    facts = facts_of("On January 8, 2020 officials said the strike was on Friday.")
    assert [f.value.render() for f in facts] == ["2020-01-08", "2020-01-03"]
    assert facts[1].get("anchor") == "document"


def test_weekday_with_full_date_keeps_both():
    (f,) = facts_of("on Friday 3 January 2020")
    assert (f.value.weekday, f.value.date) == (4, dt.date(2020, 1, 3))


def test_a_day_after_is_kept_relative():
    (f,) = facts_of("This came a day after Iran passed a bill.", WED)
    assert f.value == When(relative="a day after")


def test_corpus_year_must_agree_with_a_stated_weekday():
    docs = [
        Document(id="a", text="Dated.", published=When(2020, 1, 8)),
        Document(id="b", text="It happened on Friday 3 January and on Sunday 3 January."),
    ]
    values_b = [f.value for f in extract_corpus(docs)[1] if f.kind == "date"]
    assert [(v.year, v.weekday) for v in values_b] == [(2020, 4), (None, 6)]


def test_corpus_year_only_when_agreed():
    texts = {"a": "Dated. The strike was on 3 January.", "b": "Other news on 5 January."}
    docs = [Document(id="a", text=texts["a"], published=When(2020, 1, 8)), Document(id="b", text=texts["b"])]
    per_doc = extract_corpus(docs)
    assert [f.value.render() for f in per_doc[1] if f.kind == "date"] == ["2020-01-05"]
    docs.append(Document(id="c", text="Later.", published=When(2021, 1, 8)))
    per_doc = extract_corpus(docs)
    assert [f.value.render() for f in per_doc[1] if f.kind == "date"] == ["--01-05"]


# --------------------------------------------------------------------------------------------
# Not dates


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("1/35\nA photo of the airport\n2/35", id="gallery-counter"),
        pytest.param("Photo 2/12 shows the crowd", id="photo-counter"),
        pytest.param("Upgrade to version 2.4.1 or 3.10 first", id="version-numbers"),
        pytest.param("Prices may rise, analysts say", id="may-verb"),
        pytest.param("They held a march through the capital", id="march-noun"),
        pytest.param("The Sunday Times reported it", id="sunday-times"),
        pytest.param("A total of 120201 votes and 20203 ballots", id="year-inside-number"),
        pytest.param("The team won 3-2 at home", id="score"),
        pytest.param("It is open 24/7", id="24-7"),
        pytest.param("its 6 1/4% notes", id="fraction"),
        pytest.param("the 27th floor and the second time", id="ordinal-nouns"),
        pytest.param("Since 9/11, security tightened", id="named-numeric-event"),
        pytest.param("It drew 1/2 of the town", id="fraction-of"),
        pytest.param("Growth in 2019-20 slowed", id="season-range"),
    ],
)
def test_not_dates(text):
    assert values(text, WED) == []


# --------------------------------------------------------------------------------------------
# Events


@pytest.mark.parametrize(
    ("text", "surface", "head", "predicate"),
    [
        pytest.param("The letter leaked on Wednesday.", "Wednesday", "leak", "leak", id="leak"),
        pytest.param("Iran launched missiles on Wednesday.", "Wednesday", "launch", "launch", id="launch"),
        pytest.param("A drone attack killed him on Friday.", "Friday", "strike", "kill", id="kill"),
        pytest.param(
            "The Pentagon said Thursday that the US killed him.", "Thursday", "say", "say", id="said"
        ),
        pytest.param(
            "Mourners gathered for the funeral on Monday.",
            "Monday",
            "mourn",
            "funeral",
            id="event-noun-nearer",
        ),
        pytest.param(
            "Crowds marched after Friday prayers in Tehran.",
            "Friday",
            "prayer",
            "prayer",
            id="weekday-modifies-noun",
        ),
        pytest.param(
            "## Version 3.2.0 (2025-02-14)", "2025-02-14", "release", "release", id="version-heading"
        ),
        pytest.param("v1.4 - 2024-11-02", "2024-11-02", "release", "release", id="v-dash-date"),
        pytest.param("The office opened on 2025-02-14.", "2025-02-14", "open", "open", id="no-version"),
        pytest.param(
            "Version 2.0 was deprecated on 2025-02-14.", "2025-02-14", "deprecate", "deprecate",
            id="own-event-wins",
        ),
    ],
)
def test_event_subject(text, surface, head, predicate):
    (f,) = [f for f in facts_of(text, WED) if f.surface == surface]
    assert (f.subject.head, f.subject.predicate) == (head, predicate)


def test_event_subject_sources():
    text = 'Iranian state TV claimed on Wednesday that 80 died. "We will respond," said Zarif on Monday.'
    sources = [(f.surface, f.subject.source) for f in facts_of(text, WED)]
    assert sources == [("Wednesday", "iranian state tv"), ("Monday", "zarif")]


# --------------------------------------------------------------------------------------------
# Properties and robustness

dates_st = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31))


@given(anchor=dates_st, weekday=st.integers(0, 6))
def test_bare_weekday_is_most_recent_on_or_before_dateline(anchor, weekday):
    text = f"The strike happened on {WEEKDAYS[weekday]}."
    (f,) = facts_of(text, When(anchor.year, anchor.month, anchor.day))
    d = f.value.date
    assert d is not None and d.weekday() == weekday and anchor - dt.timedelta(days=6) <= d <= anchor


FORMS = (
    lambda d: f"{MONTHS[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{MONTHS[d.month - 1][:3]}. {d.day}, {d.year}",
    lambda d: f"{d.isoformat()}",
    lambda d: f"{d.month}/{d.day}/{d.year}",
    lambda d: f"{WEEKDAYS[d.weekday()]}, {MONTHS[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}".replace(f"{d.day} ", _ordinal(d.day) + " ", 1),
)


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


@given(d=dates_st, form=st.sampled_from(range(len(FORMS))))
def test_absolute_forms_round_trip(d, form):
    rendered = FORMS[form](d)
    text = f"It happened on {rendered} in the capital."
    (f,) = facts_of(text)
    assert f.value.date == d
    assert f.surface == rendered


@settings(max_examples=200)
@given(
    st.text(alphabet=st.sampled_from(list("0123456789/:.-, apmAPMJanuryMayFidESTGUC\n")), max_size=300),
    st.one_of(st.none(), dates_st),
)
def test_extraction_never_raises(text, anchor):
    published = When(anchor.year, anchor.month, anchor.day) if anchor else None
    doc = Document(id="h", text=text, published=published)
    for f in extract(doc, Settings()):
        assert text[f.start : f.end] == f.surface


def test_hostile_megabyte_is_linear():
    chunk = "12/31/2020 5:30 p.m. 1/35 January May March 2:3:4 --- 0000000000 ,,,, Friday the "
    text = (chunk * (1_000_000 // len(chunk) + 1))[:1_000_000]
    started = time.perf_counter()
    facts = list(extract(Document(id="big", text=text, published=When(2020, 1, 8)), Settings()))
    elapsed = time.perf_counter() - started
    assert facts
    assert elapsed < 60, f"{elapsed:.1f}s for 1 MB"
    digits = "9" * 1_000_000
    started = time.perf_counter()
    assert find_mentions(digits) == []
    assert time.perf_counter() - started < 10


# --------------------------------------------------------------------------------------------
# Helpers' edges


def test_infer_year_boundaries():
    assert infer_year(dt.date(2020, 1, 2), 12, 30) == 2019
    assert infer_year(dt.date(2019, 12, 30), 1, 2) == 2019  # past reading: the January before
    assert infer_year(dt.date(2019, 12, 30), 1, 2, future=True) == 2020


def test_resolve_weekday_modes():
    a = dt.date(2019, 1, 31)  # a Thursday
    assert resolve_weekday(a, 2, "past") == dt.date(2019, 1, 30)
    assert resolve_weekday(a, 2, "last") == dt.date(2019, 1, 23)
    assert resolve_weekday(a, 3, "coming") == dt.date(2019, 2, 7)


def test_resolve_without_anchor_keeps_relative_text():
    (m,) = find_mentions("last week")
    assert resolve(m, None) == When(relative="last week")


def test_extractor_registered_with_corpus_pass():
    assert dates.EXTRACTOR.name == "dates" and dates.EXTRACTOR.corpus is not None
