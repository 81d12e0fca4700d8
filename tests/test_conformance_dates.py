"""Conformance of the date extractor with Recognizers-Text's English date/time specs.

Cases come from ``../shared/conformance/recognizers-text/`` (see its README); the test is
skipped when that folder is absent. Each case's ``Context.ReferenceDateTime`` plays the
dateline. Scoring:

* ``DateTime-DateParser.json``: every expected mention found with the same text and the
  same *past* resolution (news reports the past; RT's ``PastResolution`` reads a bare
  weekday or a yearless date backwards from the reference, as our extractor does), and no
  extra mentions. ``0001-01-01`` means "no such date" ("Feb 30"): we must find the text and
  leave it unresolved.
* ``DateTime-DateExtractor.json``: the same texts, nothing more.
* ``DateTime-TimeZoneParser.json``: zone text and offset; RT's ``-10000`` ("offset unknown")
  accepts any offset.
* ``DateTime-DateTimeModel.json``: the cases whose results are all ``date`` or ``time``;
  a value is right when it is one of the values RT lists (past and future readings). The
  model gives one reading per mention, so ours runs as in a document, future cues included.

Texts compare case-insensitively, with whitespace collapsed and a leading "on"/"at"/"for"/"the"
ignored on both sides (RT includes the preposition in some spans and not in others).
Held-out cases are listed in `HELD_OUT` with a reason each, at most 10% of a file.
Thresholds only go up.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from discrepancy.extractors.dates import has_future_cue, resolve
from discrepancy.extractors.timeexpr import find_mentions, find_zones

FOLDER = Path(__file__).resolve().parents[2] / "shared" / "conformance" / "recognizers-text"

FILES = (
    "DateTime-DateParser.json",
    "DateTime-DateExtractor.json",
    "DateTime-TimeZoneParser.json",
    "DateTime-DateTimeModel.json",
)

# Minimum pass rates (percent of scored cases); raise them when the extractor improves.
THRESHOLDS = {
    "DateTime-DateParser.json": 97.0,
    "DateTime-DateExtractor.json": 97.0,
    "DateTime-TimeZoneParser.json": 93.0,
    "DateTime-DateTimeModel.json": 83.0,
}

_DAY = "'the day', 'next day', 'last day' speak of another event or of the conversation, not the dateline"
_DP, _DE, _TZ, _DM = FILES

# (file, input) -> why the case is out of scope for a news-fact auditor.
HELD_OUT: dict[tuple[str, str], str] = {
    (_DP, "I'll go back next day"): _DAY,
    (_DP, "I'll go back last day"): _DAY,
    (_DP, "I'll go back the last day"): _DAY,
    (_DP, "I'll go back the day"): _DAY,
    (_DP, "What does my day look like?"): _DAY,
    (_DP, "I'll go back this day"): _DAY,
    (_DP, "I'll go back past day"): _DAY,
    (
        _DP,
        "I'll go back the next day",
    ): "'the next day' in news follows another event; kept relative by design",
    (_DP, "Cortana, please set up a Skype call sometime in four business days."): "business-day calendars",
    (_DE, "i'll go back next day"): _DAY,
    (_DE, "i'll go back last day"): _DAY,
    (_DE, "i'll go back the last day"): _DAY,
    (_DE, "i'll go back the day"): _DAY,
    (_DE, "Cortana, please set up a Skype call sometime in two business days."): "business-day calendars",
    (_DM, "meet on eid al fitr"): "lunar-calendar holiday",
    (_DM, "I'm blocked for the day"): _DAY,
    (_DM, "Hey, we got a partner of the day."): _DAY,
    (_DM, "What happened the day before"): "anaphoric: the day before another event; kept relative by design",
    (
        _DM,
        "What's your plan for the day after?",
    ): "anaphoric: the day after another event; kept relative by design",
}

# A system maps (text, reference datetime) to mentions: (start, end, text, value or None).
Mention = tuple[int, int, str, "str | None"]
System = Callable[[str, dt.datetime], list[Mention]]


def load(name: str) -> list[dict]:
    with open(FOLDER / name, encoding="utf-8-sig") as fh:
        return json.load(fh)


def reference(case: dict) -> dt.datetime:
    ref = (case.get("Context") or {}).get("ReferenceDateTime")
    return dt.datetime.fromisoformat(ref) if ref else dt.datetime(2016, 11, 7)


def norm_text(text: str) -> str:
    t = " ".join(text.lower().split())
    for prep in ("on ", "at ", "for ", "the "):
        if t.startswith(prep):
            t = t[len(prep) :]
    return t.rstrip(" .")


def ours(text: str, ref: dt.datetime, cues: bool = False) -> list[Mention]:
    """The extractor under test: mentions resolved against ``ref``; the past reading, or with
    ``cues`` the reading the extractor gives in a document (future cues such as "will" count)."""
    out: list[Mention] = []
    for m in find_mentions(text):
        w = resolve(m, ref.date(), future=cues and has_future_cue(text, m.start, 0))
        if w.date is not None and w.hour is not None:
            value: str | None = f"{w.date.isoformat()}T{w.hour:02d}:{(w.minute or 0):02d}:00"
        elif w.date is not None:
            value = w.date.isoformat()
        elif w.hour is not None and w.year is None and w.month is None:
            value = f"{w.hour:02d}:{(w.minute or 0):02d}:00"
        else:
            value = None
        out.append((m.start, m.end, m.surface, value))
    return out


def _texts_match(expected: Iterable[str], found: Iterable[str]) -> bool:
    return sorted(norm_text(t) for t in expected) == sorted(norm_text(t) for t in found)


def score_case(name: str, case: dict, system: System) -> bool:
    """Whether ``system`` passes one case of file ``name``."""
    text, ref = case["Input"], reference(case)
    results = case.get("Results", [])
    if name == "DateTime-TimeZoneParser.json":
        found = find_zones(text) if system is ours else system(text, ref)
        if not _texts_match([r["Text"] for r in results], [f[2] for f in found]):
            return False
        by_text = {norm_text(f[2]): f[3] for f in found}
        for r in results:
            res = r["Value"]["TimeZoneResolution"]
            want = int(res.get("UtcOffsetMins", res.get("utcOffsetMins")))
            got = by_text.get(norm_text(r["Text"]))
            if want != -10000 and got != want:
                return False
        return True
    found = (
        ours(text, ref, cues=True)
        if system is ours and name == "DateTime-DateTimeModel.json"
        else system(text, ref)
    )
    if name in ("DateTime-DateParser.json", "DateTime-DateExtractor.json"):
        # These files cover dates only: a clock time ("at 4.22") is neither right nor wrong here.
        found = [f for f in found if not (f[3] or "").endswith(":00") or "T" in (f[3] or "")]
    if not _texts_match([r["Text"] for r in results], [f[2] for f in found]):
        return False
    if name == "DateTime-DateExtractor.json":
        return True
    got = {norm_text(f[2]): f[3] for f in found}
    for r in results:
        key = norm_text(r["Text"])
        if name == "DateTime-DateParser.json":
            want = r["Value"].get("PastResolution", {}).get("date")
            if want == "0001-01-01":
                if got.get(key) is not None:
                    return False
            elif got.get(key) != want:
                return False
        else:
            values = [v.get("value") for v in r["Resolution"]["values"]]
            if values == ["not resolved"]:
                if got.get(key) is not None:
                    return False
            elif got.get(key) not in values:
                return False
    return True


def in_scope(name: str, case: dict) -> bool:
    """DateTimeModel: only cases whose results are all dates or times (and not empty)."""
    if name != "DateTime-DateTimeModel.json":
        return True
    kinds = {r.get("TypeName") for r in case.get("Results", [])}
    return bool(kinds) and kinds <= {"datetimeV2.date", "datetimeV2.time"}


def score_file(name: str, system: System) -> tuple[int, int, list[str], list[str]]:
    """(passed, scored, failing inputs, held-out lines) for one file."""
    passed = scored = 0
    failing: list[str] = []
    held: list[str] = []
    for case in load(name):
        if not in_scope(name, case):
            continue
        reason = HELD_OUT.get((name, case["Input"]))
        if reason:
            held.append(f"{case['Input']!r}: {reason}")
            continue
        scored += 1
        try:
            ok = score_case(name, case, system)
        except Exception:  # a peer system crashing on a case fails that case
            ok = False
        if ok:
            passed += 1
        else:
            failing.append(case["Input"])
    return passed, scored, failing, held


def table(system: System) -> dict[str, tuple[int, int, list[str], list[str]]]:
    return {name: score_file(name, system) for name in FILES}


needs_data = pytest.mark.skipif(not FOLDER.is_dir(), reason=f"conformance data not found at {FOLDER}")


@needs_data
def test_held_out_at_most_a_tenth():
    for name in FILES:
        total = sum(1 for c in load(name) if in_scope(name, c))
        held = sum(1 for (f, _i) in HELD_OUT if f == name)
        assert held <= total // 10, f"{name}: {held} held out of {total}"
        inputs = {c["Input"] for c in load(name)}
        for f, i in HELD_OUT:
            if f == name:
                assert i in inputs, f"held-out case not in {name}: {i!r}"


@needs_data
@pytest.mark.parametrize("name", [pytest.param(n, id=n.removesuffix(".json")) for n in FILES])
def test_pass_rate(name: str) -> None:
    passed, scored, failing, held = score_file(name, ours)
    rate = 100.0 * passed / scored
    print(f"\n{name}: {passed}/{scored} = {rate:.1f}% (threshold {THRESHOLDS[name]:.0f}%)")
    for line in held:
        print(f"  held out: {line}")
    for line in failing:
        print(f"  failing: {line!r}")
    assert rate >= THRESHOLDS[name]


if __name__ == "__main__":
    for name, (passed, scored, failing, held) in table(ours).items():
        print(
            f"{name:32} {passed:4}/{scored:<4} {100.0 * passed / max(scored, 1):5.1f}%  held out {len(held)}"
        )
        for f in failing:
            print("    FAIL", repr(f))
