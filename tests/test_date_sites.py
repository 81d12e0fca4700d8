"""Where the date patterns run: trying a pattern only where its expressions can begin finds
what trying it all through its windows finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from discrepancy.extractors.timescan import _patterns
from discrepancy.extractors.timesites import _lead_in, _scan, scan_sites
from discrepancy.load import load_documents

ROOT = Path(__file__).parent.parent


def _texts() -> list[str]:
    texts = [d.text for d in load_documents(ROOT / "seeds")]
    for corpus in sorted((ROOT / "tests" / "corpora").iterdir()):
        if corpus.is_dir():
            texts.extend(d.text for d in load_documents(corpus))
    return texts


def _window_matches(text: str) -> dict[str, list[tuple[int, int]]]:
    sites = scan_sites(text)
    patterns = _patterns()
    return {
        name: [m.span() for start, end in windows for m in patterns[name].finditer(text, start, end)]
        for name, windows in sites.windows.items()
    }


def _site_matches(text: str) -> dict[str, list[tuple[int, int]]]:
    sites = scan_sites(text)
    return {name: [m.span() for m in _scan(name, text, sites)] for name in sites.windows}


EXPRESSIONS = {
    "day first with of": "It was leaked on the 3rd of January, officials said.",
    "weekday and date": "Iran fired missiles early Friday 3 January 2020.",
    "early hours": "It struck in the early hours of Wednesday.",
    "glued day": "Filed 1jan and 2019-sep-1.",
    "decade with quote": "Prices of the late '80s and the '90s.",
    "years of the century": "Built in the sixteenth century, rebuilt in mid-1990s.",
    "offset with plural unit": "It ended 3 decades ago and two sundays from now.",
    "quarter of a year": "Profit in this year's third quarter and the year-ago quarter rose.",
    "relative day word": "They met on the second and left the following day.",
    "fiscal year": "Sales in fiscal year 1990 and the current fiscal year.",
    "holidays": "They met on Christmas Eve, last Easter, New Years Day of 2019 and Mother’s Day.",
}


@pytest.mark.parametrize("text", EXPRESSIONS.values(), ids=EXPRESSIONS.keys())
def test_sites_find_what_windows_find_in_expressions(text: str) -> None:
    assert _site_matches(text) == _window_matches(text)


def test_sites_find_what_windows_find_in_every_corpus() -> None:
    texts = _texts()
    assert len(texts) > 20
    differ = [text[:60] for text in texts if _site_matches(text) != _window_matches(text)]
    assert differ == []


LEAD_INS = {
    "prepositions and a day": ("month_date", "Leaked on the 3rd of January.", "January", "on the 3rd of "),
    "part of day": ("weekday", "Hit in the early hours of Wednesday.", "Wednesday", "in the early hours of "),
    "quote of a decade": ("period", "Prices of the '80s rose.", "80", "of the '"),
    "only a gap before": ("weekday", "Leaked Wednesday.", "Wednesday", " "),
    "number glued": ("month_date", "Filed 1jan.", "jan", " 1"),
    "text start": ("weekday", "Wednesday.", "Wednesday", ""),
}


@pytest.mark.parametrize(("name", "text", "trigger", "lead"), LEAD_INS.values(), ids=LEAD_INS.keys())
def test_lead_in(name: str, text: str, trigger: str, lead: str) -> None:
    at = text.index(trigger)
    assert text[_lead_in(name, text, 0, at) : at] == lead
