"""What a fact is about decides what it is compared with: outcome, group, part, scope, event.

Each case is a small corpus of invented reports and says whether one pair of values must be
reported (`must`) or must not (`must_not`). The sentences are written for these tests.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

import discrepancy

SERIOUS = ("error", "warning")


def _findings(docs: dict[str, str]) -> pd.DataFrame:
    frame = discrepancy.audit(docs, group_by="none")  # the cases are one story each
    return frame[frame.severity.isin(SERIOUS)]


def _pairs(frame: pd.DataFrame) -> set[frozenset[str]]:
    return {frozenset((str(r.value_a), str(r.value_b))) for r in frame.itertuples()}


CASES: list[Any] = [
    # --- outcomes: the verb or the toll noun says what is counted, whatever the noun
    pytest.param(
        {"a.txt": "The blast killed at least 100 people and injured more than 4,000.",
         "b.txt": "The explosion killed 137 people and wounded 5,000.",
         "c.txt": "The death toll stands at 78, with nearly 4,000 injured."},
        [("78", ">=100"), ("78", "137"), ("~<=4000", "5000")],
        [("137", "5000"), (">=100", ">4000"), ("78", "~<=4000")],
        id="killed-and-injured-are-two-slots",
    ),
    pytest.param(
        {"a.txt": "The death toll stands at 78, officials said on Monday.",
         "b.txt": "The blast killed 137 people, the ministry said."},
        [("78", "137")], [],
        id="toll-noun-and-kill-verb-are-one-outcome",
    ),
    pytest.param(
        {"a.txt": "At least 300 people died and 2,000 are missing after the floods.",
         "b.txt": "Some 900 people are missing, rescuers said."},
        [("2000", "~900")], [(">=300", "~900")],
        id="missing-is-its-own-outcome",
    ),
    pytest.param(
        {"a.txt": "Officials said 12 soldiers were killed in the ambush.",
         "b.txt": "The ambush killed 30 police officers, witnesses said."},
        [], [("12", "30")],
        id="soldiers-and-police-killed-are-two-groups",
    ),
    # --- groups: a nationality is a group; a part of a group is no rival of the whole
    pytest.param(
        {"a.txt": "The ferry carried 410 passengers, among them 38 Norwegian passengers.",
         "b.txt": "There were 41 Norwegians on board the ferry."},
        [("38", "41")], [("410", "41"), ("410", "38")],
        id="nationality-is-a-group",
    ),
    pytest.param(
        {"a.txt": "The fire injured 220 people, 35 of whom are in critical condition.",
         "b.txt": "The fire injured 240 people, the hospital said."},
        [("220", "240")], [("35", "240")],
        id="of-whom-is-a-part",
    ),
    pytest.param(
        {"a.txt": "In Chile, the death toll stood at 412 by Sunday.",
         "b.txt": "The quake killed 980 people in Chile and Peru."},
        [], [("412", "980")],
        id="a-toll-of-one-country-is-no-rival-of-two",
    ),
    pytest.param(
        {"a.txt": "Passengers on the ferry, by nationality:\n• 61 were Norwegian\n• 12 were Danish",
         "b.txt": "There were 58 Norwegians on board, the operator said.",
         "c.txt": "Norwegian nationals - 61\nDanish nationals - 14"},
        [("61", "58"), ("12", "14")], [("61", "12"), ("58", "14")],
        id="list-lines-and-existentials-count-nationalities",
    ),
    pytest.param(
        {"a.txt": "Published: 2023-02-07\n\nThe quake had a magnitude of 7.8, the survey said.",
         "b.txt": "Published: 2023-02-07\n\n"
                  "The largest earlier quake, a magnitude of 6.7, occurred on January 24, 2020."},
        [], [("7.8", "6.7")],
        id="an-amount-dated-to-an-earlier-year-is-another-event",
    ),
    pytest.param(
        {"a.txt": "Twenty-one coaches of the train derailed in the crash.",
         "b.txt": "The second train hit the wreck and its rearmost two coaches derailed."},
        [], [("21", "2")],
        id="its-two-coaches-are-a-part",
    ),
    # --- one claim, one value
    pytest.param(
        {"a.txt": "2,000 dead after the dam burst\nAt least 2,000 people died when the dam burst.",
         "b.txt": "The dam burst killed 2,350 people, the ministry said."},
        [], [("2000", "2350")],
        id="headline-restates-the-hedged-body",
    ),
    pytest.param(
        {"a.txt": "At least 296 people died in the quake.",
         "b.txt": "At least 632 people died in the quake, the ministry said later."},
        [], [(">=296", ">=632")],
        id="two-minimum-tolls-are-both-true",
    ),
    # --- places below a country: a division's toll is a part of the event's toll
    pytest.param(
        {"a.txt": "The typhoon killed 2,100 people, officials said on Friday.",
         "b.txt": "Officials said 1,800 people were killed in the Bicol region.",
         "c.txt": "The storm killed 1,750 people in the Bicol region, the agency said."},
        [("1800", "1750")], [("2100", "1800"), ("2100", "1750")],
        id="a-toll-in-a-named-region-is-a-part",
    ),
    pytest.param(
        {"a.txt": "The earthquake killed 260 people in all.",
         "b.txt": "In one village alone, 40 people died.",
         "c.txt": "The quake killed 90 people in Norton alone."},
        [], [("260", "40"), ("260", "90"), ("40", "90")],
        id="a-toll-in-one-place-alone-is-a-part",
    ),
    pytest.param(
        {"a.txt": "The crash killed 60 people and injured 310.",
         "b.txt": "As many as 250 people were injured in the crash that happened in Rala district."},
        [("310", "<=250")], [],
        id="a-division-that-places-the-event-does-not-scope-the-count",
    ),
    # --- a magnitude measures the event named in its clause, before or after it
    pytest.param(
        {"a.txt": "The 6.4 magnitude earthquake flattened the old town.",
         "b.txt": "A strong aftershock with a magnitude of 4.6 shook the valley.",
         "c.txt": "The quake had a magnitude of 6.1, the institute said."},
        [("6.4", "6.1")], [("6.4", "4.6"), ("4.6", "6.1")],
        id="an-aftershock-named-before-its-magnitude-is-another-event",
    ),
    # --- the verb after a counted phrase is found past a second count or an aside
    pytest.param(
        {"a.txt": "At least 19 children and two teachers were killed in the attack.",
         "b.txt": "Another hospital said 13 children were taken there for treatment.",
         "c.txt": "The gunman killed 17 children, police said."},
        [(">=19", "17")], [(">=19", "13"), ("13", "17")],
        id="coordinated-counts-share-their-verb",
    ),
    pytest.param(
        {"a.txt": "Three trains -- two expresses and a freight train -- were involved in the crash.",
         "b.txt": "Over 150 trains were cancelled after the crash."},
        [], [("3", ">150")],
        id="the-verb-after-an-aside-between-dashes",
    ),
    # --- a clause dated to an earlier year or a time ago speaks of another event
    pytest.param(
        {"a.txt": "Published: 2022-05-25\n\nThe gunman killed 19 children and two teachers.",
         "b.txt": "Published: 2022-05-25\n\nIt was the deadliest attack since a gunman killed 20 children "
                  "at a school in late 2012.",
         "c.txt": "Published: 2022-05-26\n\nThe gunman killed 21 children, the most since 2012.",
         "d.txt": "Published: 2022-05-26\n\nA shooting almost a decade ago killed 26 children."},
        [("19", "21")], [("19", "20"), ("20", "21"), ("19", "26"), ("21", "26")],
        id="a-year-or-time-ago-in-the-clause-dates-another-event",
    ),
    # --- "one of the boys" is a part; "all 12 of the boys" is the whole
    pytest.param(
        {"a.txt": "Divers reached the 12 boys on Monday.",
         "b.txt": "Rescuers said one of the boys was ill.",
         "c.txt": "All 13 of the boys were found alive, the navy said."},
        [("12", "13")], [("12", "1"), ("1", "13")],
        id="one-of-the-group-is-a-part",
    ),
    pytest.param(
        {"a.txt": "Doctors were able to identify 27 of the victims by Friday.",
         "b.txt": "Officials said 74 of the 97 victims have been identified."},
        [("27", "74")], [("27", "97")],
        id="a-part-takes-the-verb-after-its-group",
    ),
    # --- a count grouped by periods ("5.000") is a whole number of thousands
    pytest.param(
        {"a.txt": "About 5.000 people were injured in the blast.",
         "b.txt": "Some 5,000 people were injured, the ministry said.",
         "c.txt": "Officials said 7,200 people were injured."},
        [("~5000", "7200")], [("~5", "~5000"), ("~5", "7200")],
        id="periods-grouping-thousands-in-a-count",
    ),
    # --- the people a vehicle carried, however the count is worded
    pytest.param(
        {"a.txt": "All 189 passengers and crew aboard the jet were feared killed, officials said.",
         "b.txt": "The plane, carrying 188 passengers and crew, vanished from radar.",
         "c.txt": "Rescuers said 150 passengers were killed."},
        [("189", "188")], [("189", "150"), ("188", "150")],
        id="on-board-and-carrying-count-the-people-aboard",
    ),
    # --- a participle before the noun is the count's predicate; a fall is a measure of its own
    pytest.param(
        {"a.txt": "Doctors said there are 15 injured persons in two hospitals.",
         "b.txt": "Fourteen people have been injured, the prefect said.",
         "c.txt": "Officials said 39 people died."},
        [("15", "14")], [("15", "39"), ("14", "39")],
        id="a-participle-before-the-noun-is-the-predicate",
    ),
    pytest.param(
        {"a.txt": "Several cars fell 45 metres when the span gave way.",
         "b.txt": "The vehicles crashed to the ground 50 metres below.",
         "c.txt": "The 1.2-kilometre bridge was built in 1967."},
        [("45 meter", "50 meter")], [("45 meter", "1.2 kilometer"), ("50 meter", "1.2 kilometer")],
        id="how-far-something-fell-is-one-measure",
    ),
    # --- an age range is the span of a group: two spans agree only end for end
    pytest.param(
        {"a.txt": "The twelve boys, aged 11 to 16, were found alive.",
         "b.txt": "The 12 boys, aged between 11 and 17, were found alive.",
         "c.txt": "Rescuers reached the boys, aged 11 to 16, and their coach."},
        [("11-16 year", "11-17 year")], [("11-16 year", "11-16 year")],
        id="age-ranges-of-a-group-are-spans",
    ),
    # --- "X from the blast was N": the noun before a phrase of place, time or cause is counted
    pytest.param(
        {"a.txt": "The latest figure on the fatalities from the explosion was 137, officials said.",
         "b.txt": "Three large explosions shook the port.",
         "c.txt": "The blast killed 154 people."},
        [("137", "154")], [("137", "3")],
        id="a-copular-subject-before-a-phrase-of-cause",
    ),
    # --- a feared or expected figure is no reported one; "the worst since" names an earlier event
    pytest.param(
        {"a.txt": "The death toll has risen to 79, police said.",
         "b.txt": "Officials said the number of dead could exceed 100.",
         "c.txt": "The fire killed 71 people, the coroner said."},
        [("79", "71")], [("79", ">100"), ("71", ">100")],
        id="a-projection-is-no-reported-count",
    ),
    pytest.param(
        {"a.txt": "The bomb killed 22 people at the concert.",
         "b.txt": "It was the worst attack since 52 were killed in the London bombings.",
         "c.txt": "The blast killed 23 people."},
        [("22", "23")], [("22", "52"), ("52", "23")],
        id="the-worst-since-names-an-earlier-event",
    ),
    # --- a bare "ton" may be short, long or metric: one figure in tons and tonnes is one value
    pytest.param(
        {"a.txt": "The 6,825-tonne ferry sank on Wednesday.",
         "b.txt": "The 6,825-ton ferry sank.",
         "c.txt": "The 8,500-tonne ferry sank."},
        [("6825 metric_ton", "8500 metric_ton")], [("6825 metric_ton", "6825 ton")],
        id="tons-and-tonnes-of-one-figure-agree",
    ),
    # --- with no publication date, the latest year a text writes dates it
    pytest.param(
        {"a.txt": "The November 2013 typhoon killed 6,300 people. A tsunami in 1976 killed 8,000 people.",
         "b.txt": "The typhoon killed 6,000 people."},
        [("6300", "6000")], [("8000", "6000"), ("8000", "6300")],
        id="a-year-before-the-latest-one-a-text-writes-dates-another-event",
    ),
    # --- "foreign", "civilian": a modifier that picks a group out of the people counted
    pytest.param(
        {"a.txt": "Seven foreign hostages were held at the plant.",
         "b.txt": "At least 23 hostages were held, officials said.",
         "c.txt": "Nine foreign hostages were held, a company said."},
        [("7", "9")], [("7", ">=23"), (">=23", "9")],
        id="foreign-hostages-are-a-group-of-the-hostages",
    ),
    # --- people named only as people need more than the noun
    pytest.param(
        {"a.txt": "The train carried 900 passengers to the coast.",
         "b.txt": "Among them, 80 passengers were under the age of 18."},
        [], [("900", "80")],
        id="passenger-subsets-are-not-one-slot",
    ),
    # --- dates: other events, other years, bounds, equal days
    pytest.param(
        {"a.txt": "Published: 2023-08-14\n\nThe wildfire razed the town on Tuesday.",
         "b.txt": "Published: 2023-08-14\n\nA second fire broke out on Friday evening near the port."},
        [], [("2023-08-08", "2023-08-11 (evening)")],
        id="a-second-fire-is-another-event",
    ),
    pytest.param(
        {"a.txt": "The probe landed on the moon on 23 August 2023.",
         "b.txt": "The previous probe crashed while trying to land on the moon on 7 September 2019."},
        [], [("2023-08-23", "2019-09-07")],
        id="a-year-written-out-dates-another-event",
    ),
    pytest.param(
        {"a.txt": "Published: 2021-03-10\n\nThe bridge opened on Monday.",
         "b.txt": "The bridge opened on March 9, 2021."},
        [("2021-03-08", "2021-03-09")], [],
        id="a-month-name-is-no-event-word",
    ),
    pytest.param(
        {"a.txt": "Published: 2024-03-27\n\nThe ship struck the bridge on Tuesday.",
         "b.txt": "The ship struck the bridge on 26 March 2024."},
        [], [("2024-03-26", "2024-03-26")],
        id="weekday-equals-date",
    ),
    pytest.param(
        {"a.txt": "The ship struck the bridge at around 1:30 a.m.",
         "b.txt": "The ship struck the bridge at 1:35 a.m."},
        [], [("01:30", "01:35")],
        id="hedged-clock-time-agrees-within-15-minutes",
    ),
    pytest.param(
        {"a.txt": "Deaths were registered until 2:00 local time, the ministry said.",
         "b.txt": "The quake struck at 11:11 p.m. local time."},
        [], [("02:00", "23:11")],
        id="a-bound-is-not-an-event-time",
    ),
]


@pytest.mark.parametrize(("docs", "must", "must_not"), CASES)
def test_frames(docs: dict[str, str], must: list[tuple[str, str]], must_not: list[tuple[str, str]]) -> None:
    frame = _findings(docs)
    found = _pairs(frame)
    table = frame[["rule", "value_a", "value_b", "text_a", "text_b"]].to_string()
    for pair in must:
        assert frozenset(pair) in found, f"expected {pair} reported; got:\n{table}"
    for pair in must_not:
        assert frozenset(pair) not in found, f"{pair} must not be reported; got:\n{table}"


def test_one_row_per_value_pair_names_the_other_sources() -> None:
    docs = {f"{d}.txt": "The storm killed 14 people, officials said." for d in "abc"}
    docs |= {f"{d}.txt": "The storm killed 19 people, the agency said." for d in "de"}
    docs["c.txt"] = "Officials said the storm killed 14 people on the coast road."
    frame = _findings(docs)
    assert len(frame) == 1
    assert "also in" in frame.iloc[0].message


def test_slots_table_lists_every_value_with_its_sources() -> None:
    table = discrepancy.slots({
        "a.txt": "The storm killed 14 people, officials said.",
        "b.txt": "The storm killed 19 people, the agency said.",
        "c.txt": "Officials said the storm killed 14 people on Tuesday.",
    })
    assert list(table.columns) == list(discrepancy.SLOT_COLUMNS)
    rows = {r.value: (r.sources, r.docs) for r in table.itertuples() if r.family == "count"}
    assert rows == {"14": (2, "a.txt c.txt"), "19": (1, "b.txt")}
    assert set(table[table.family == "count"].status) == {"conflict"}


# Per sentence, whether each of its amounts and dates (in text order) has a block.
BLOCK_CASES = [
    pytest.param("The quake killed 120 people on Monday.", [True, True], id="count-with-an-outcome"),
    pytest.param("The ship is 948 feet long and sank on 3 March 2024.", [True, True], id="measure-property"),
    pytest.param("It rose 5 percent in 2023, up from 4 percent.", [False, True, False], id="shares-no-noun"),
    pytest.param("Nine Britons were among the 239 people on board.", [True, True], id="nationality-group"),
    pytest.param("Then 12 and 14, on Tuesday, and 7.5 later.", [False] * 4, id="bare-numbers-and-a-weekday"),
]


@pytest.mark.parametrize(("sentence", "blocked"), BLOCK_CASES)
def test_blocked_features_is_features_or_none(sentence: str, blocked: list[bool]) -> None:
    # A fact alignment can block reads the same by both functions; a fact it cannot block
    # (no head, no outcome, no nationality group) reads None, and `blocks` leaves it out.
    from discrepancy.align import blocks
    from discrepancy.document import Document
    from discrepancy.extract import extract_document
    from discrepancy.frames import FAMILIES, blocked_features, features, sentence_names

    facts = [f for f in extract_document(Document(id="a.txt", text=sentence)) if f.kind in FAMILIES]
    names = sentence_names(facts)
    assert [blocked_features(f, names) is not None for f in facts] == blocked
    for f in facts:
        full = features(f, names)
        in_a_block = any(g is f for members in blocks([(f, full)]).values() for g, _ in members)
        assert blocked_features(f, names) == (full if in_a_block else None), f
