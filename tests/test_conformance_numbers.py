# ruff: noqa: E501  (hold-out keys are case inputs quoted verbatim from the peers' files)
"""Conformance of the numeric extractor with peers' published test cases.

Scores `discrepancy.extractors.numbers` against Recognizers-Text (Number, NumberRange, Percent,
Currency, Dimension models, English) and quantulum3 (``quantities.json``), prints a pass-rate
table per file (``pytest -s``), lists the cases held out of scope with the reason, and fails
below thresholds that only ever go up. ``errors.json`` inputs must never raise.

Each file needs an adapter from facts to its expected format:

* Number model: every numeric fact stands for its numbers (a point, a bound, or both ends of a
  range); the case passes when the numbers found equal the expected ones, span by span.
* NumberRange model: hedged and ranged facts against interval strings. Recognizers-Text writes
  "between 20 and 30" and "20 to 30" as ``[20,30)``; this project reads them as ``[20,30]``
  (a news "between 8 and 16" includes 16), so for two-sided ranges the closedness of the upper
  end is not compared. Plain numbers are not range results and are ignored.
* Percent, Currency, Dimension models and quantulum3: facts of the matching kind must equal
  the expected value and unit (units compared through pint; Recognizers-Text's "Dollar" is USD,
  "Cent" a hundredth of one; quantulum3 ranges are a midpoint with a half-width), and no
  other fact of that kind may appear.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from discrepancy import units
from discrepancy.document import Document
from discrepancy.extractors import numbers
from discrepancy.facts import INF, NEG_INF, Amount, Fact
from discrepancy.settings import Settings

CONFORMANCE = Path(__file__).resolve().parents[2] / "shared" / "conformance"
RT = CONFORMANCE / "recognizers-text"
Q3 = CONFORMANCE / "quantulum3"

# In-scope pass rate each file must reach. Raise these when the extractor improves; never lower.
THRESHOLDS = {
    "Number-NumberModel": 0.90,
    "Number-NumberRangeModel": 0.95,
    "Number-PercentModel": 0.95,
    "NumberWithUnit-CurrencyModel": 0.90,
    "NumberWithUnit-DimensionModel": 0.85,
    "quantulum3-quantities": 0.80,
}

# Cases held out of scope, by file and input, with the reason (at most 10% of a file).
HELD_OUT: dict[str, dict[str, str]] = {
    "Number-NumberModel": {
        "192.168.1.2": "an IP address is not an amount",
        "the 180.25ml liquid": "a number glued to a unit is a quantity fact here, not a bare number",
        "the 180ml liquid": "a number glued to a unit is a quantity fact here, not a bare number",
        " 29km Road ": "a number glued to a unit is a quantity fact here, not a bare number",
        "the .25ml liquid": "a number glued to a unit is a quantity fact here, not a bare number",
        "1m isn't a number.": "one metre is a quantity fact here",
        "Any time to meet on 5/17/2018?": "a numeric date belongs to the date extractor",
        "My phone number is +1-222-2222/2222": "phone numbers are not amounts",
        "10G": "a bare G after digits is a network generation in news (5G), not giga",
        "1,674.5 G": "a bare G after digits is a network generation in news (5G), not giga",
        "SCP-173": "a letter-hyphen-number code is a model name, not an amount",
        "1.111,11, 1,111.11": "decimal commas are not read in English text",
        "The number is 1,3.": "decimal commas are not read in English text",
        "In some countries you can write 5.00 or 5,00.": "decimal commas are not read in English text",
        "Exercises nrs. 22,24,26,31.": "numbers after a label (nrs.) are indexes, not amounts",
        "Exercise nr. 22,240,260,310.": "numbers after a label (nr.) are indexes, not amounts",
    },
    "Number-NumberRangeModel": {
        "He ranks between the tenth and the fifteenth.": "ranks (ordinals) are not amounts",
        "He ranks higher than the tenth but lower than the fifteenth.": "ranks (ordinals) are not amounts",
        "More than 1/2 of the people came here.": "slash numbers are read as counters unless a unit follows",
        "How about 2 in 5 or more": "'N in M' ratios are not read (\"2 in Baghdad\")",
        "The number is from 200 to 300 in 2008": "upstream expects nothing here but a range in the next case",
        "1995-01": "a year-month is a date",
        "+1-222-2222/2222 is a phone number.": "phone numbers are not amounts (nothing expected, kept out of the count)",
        "+1-222-2222-2222 is a phone number.": "phone numbers are not amounts (nothing expected, kept out of the count)",
    },
    "Number-PercentModel": {
        "Only a small percent attain the top ranks": "a percent word without a number is not a fact",
        "How do I calculate a percentage?": "a percent word without a number is not a fact",
    },
    "NumberWithUnit-CurrencyModel": {
        "dollar : 143.80 yen , up 0 . 95 ; 1 . 8500 marks , up 0 . 0085 .": "a currency name without an amount is not a fact",
        "50 dollar dollar": "a currency name without an amount is not a fact",
        "the hart - scott filing is then reviewed and any antitrust concerns usually met . "
        "typically , hart - scott is used now to give managers of target firms early news of a bid "
        "and a chance to use regulatory review as a delaying tactic . the $ 20,000 tax would be a "
        "small cost in a multibillion - dollar deal , but a serious drag on thousands of small , "
        "friendly deals .": "a currency name without an amount is not a fact",
        "50 dollar rmb": "a currency name without an amount is not a fact",
        "1 $10 dollars bill": "a currency name without an amount is not a fact",
        "I counted the dollars thousand of times.": "a currency name without an amount is not a fact",
        "Do you think sen 100,000 is expensive this new laptop?": "'Sen' before a number is the Senator title in news",
        "It may need one kuai and five mao five.": "spoken Chinese money compounds are out of scope",
        "It costs one dollar and one and one point of your credit points.": "'N dollars and M' without 'cents' is not read as cents",
        "It costs one dollar and two and three points of your credit points.": "'N dollars and M' without 'cents' is not read as cents",
    },
    "NumberWithUnit-DimensionModel": {
        "He said: 2 pm is 2 picometer": "'pm' after a number is a clock time in news",
        "the temperature is 24 degrees": "degrees alone are an angle quantity here; upstream reads a temperature",
        "Water boils at 100° Celsius": "a temperature is a quantity here; upstream's model excludes it",
        "The recommended symbol in the United States and United Kingdom when communicating medical information is mcg": "a unit name without an amount is not a fact",
        "A coin weighing one drachma is known as a stater": "ancient units are out of scope",
        "make a half turn": "'a half turn' is a manoeuvre in news, not a measured angle",
        "a metric ton is equal to 2,204.62 pounds.": "a unit name without an amount ('metric ton') is not a fact",
        "Ten samples from the Camarones river valley had an average of 37.8 microgrammes per gramme": "a unit name without an amount ('gramme') is not a fact",
    },
    "quantulum3-quantities": {
        "I bought a dozen eggs recently": "a dozen is the number 12 here, by design, not a unit called dozen",
        "A baker's dozen is exactly 13 units whilst a gross is 144 (a square dozen).": "a dozen/gross is a number here, not a unit",
        "One gigaannum (1Ga) is a unit of time equal to one billion years": "unit-name definitions, not amounts",
        "This nano grid has a size of 2.123 am.": "'am' after a number is a clock time in news",
        "This nano grid has a size of 2.1 pm.": "'pm' after a number is a clock time in news",
        "This nano grid has a size of 2.123 pm.": "'pm' after a number is a clock time in news",
        "I want 1cds in this room!": "candela-second is out of scope",
        "45 Js l": "joule-second is out of scope",
        "In the quantum-mechanical description, matter (solid) at absolute zero is in its ground state, "
        "the point of lowest internal energy.": "named constants ('absolute zero') are not amounts",
    },
}


@dataclass
class Result:
    name: str
    passed: int
    total: int
    held_out: int
    failures: list[str]

    @property
    def rate(self) -> float:
        return self.passed / self.total if self.total else 1.0


def _facts(text: str) -> list[Fact]:
    return list(numbers.extract(Document("case", text), Settings()))


def _close(a: Decimal, b: Decimal) -> bool:
    if a.is_infinite() or b.is_infinite():
        return a == b
    return abs(a - b) <= max(abs(a), abs(b)) * Decimal("1e-6") + Decimal("1e-9")


def _point(a: Amount) -> Decimal:
    """The number a hedged amount is about: the point, the finite bound or the midpoint."""
    if a.is_point:
        return a.low
    if a.high == INF:
        return a.low
    if a.low in (0, NEG_INF) and a.hedge:
        return a.high
    return (a.low + a.high) / 2


def _numbers_of(a: Amount) -> list[Decimal]:
    if (
        a.is_point
        or a.high == INF
        or (a.low in (0, NEG_INF) and a.hedge and not a.hedge.startswith(("between", "from")))
    ):
        return [_point(a)]
    return [a.low, a.high]


def _overlaps(f: Fact, start: int, end: int) -> bool:
    return f.start < end and start < f.end


def _match(
    expected: list[tuple[int, int, Any]], got: list[tuple[Fact, Any]], same: Callable[[Any, Any, Fact], bool]
) -> tuple[bool, str]:
    """Every expected item matches one distinct fact over its span, and nothing is left."""
    left = list(got)
    for s, e, want in expected:
        for i, (f, have) in enumerate(left):
            if _overlaps(f, s, e) and same(want, have, f):
                del left[i]
                break
        else:
            return False, f"missing {want!r} at {s}:{e}; got {[(f.surface, h) for f, h in got]}"
    if left:
        return False, f"unexpected {[(f.surface, h) for f, h in left]}"
    return True, ""


# --- Recognizers-Text adapters ---------------------------------------------------------


def _rt_cases(name: str) -> list[dict[str, Any]]:
    return json.loads((RT / f"{name}.json").read_text(encoding="utf-8-sig"))


def _rt_span(r: dict[str, Any]) -> tuple[int, int]:
    return r["Start"], r["End"] + 1


def case_number(case: dict[str, Any]) -> tuple[bool, str]:
    expected = [(*_rt_span(r), Decimal(r["Resolution"]["value"])) for r in case["Results"]]
    got = []
    for f in _facts(case["Input"]):
        for n in _numbers_of(f.value):  # type: ignore[arg-type]
            got.append((f, n))
    return _match(expected, got, lambda w, h, f: _close(w, h))


def _interval(text: str) -> tuple[Decimal, Decimal, bool, bool, bool]:
    """ "(20,35]" -> (low, high, low_open, high_open, two_sided)."""
    lo, hi = text[1:-1].split(",")
    low = Decimal(lo) if lo else NEG_INF
    high = Decimal(hi) if hi else INF
    return low, high, text[0] == "(", text[-1] == ")", bool(lo and hi)


def _same_interval(want: tuple[Decimal, Decimal, bool, bool, bool], a: Amount, f: Fact) -> bool:
    low, high, low_open, high_open, two_sided = want
    a_low = (
        NEG_INF
        if a.low == 0 and a.high != INF and not a.is_point and not f.rule.startswith("numbers.range")
        else a.low
    )
    if low == high:
        return a.is_point and _close(a.low, low)
    if not (_close(a_low, low) and _close(a.high, high)):
        return False
    if low != NEG_INF and a.low_open != low_open:
        return False
    if high != INF and a.high_open != high_open:
        return two_sided and f.rule.startswith("numbers.range") and not a.high_open
    return True


def case_range(case: dict[str, Any]) -> tuple[bool, str]:
    expected = [(*_rt_span(r), _interval(r["Resolution"]["value"])) for r in case["Results"]]
    got = [
        (f, f.value)
        for f in _facts(case["Input"])
        if isinstance(f.value, Amount) and (not f.value.is_point or f.value.hedge)
    ]
    return _match(expected, got, _same_interval)


def case_percent(case: dict[str, Any]) -> tuple[bool, str]:
    expected = [
        (*_rt_span(r), Decimal(r["Resolution"]["value"].rstrip("%")))
        for r in case["Results"]
        if r["Resolution"]["value"] not in (None, "null")
    ]
    got = [(f, _point(f.value)) for f in _facts(case["Input"]) if f.kind == "percent"]  # type: ignore[arg-type]
    return _match(expected, got, lambda w, h, f: _close(w, h))


# Recognizers-Text currency names -> (ISO code, factor to the main unit).
RT_CURRENCIES = {
    "Dollar": ("USD", 1),
    "United States dollar": ("USD", 1),
    "Cent": ("USD", 0.01),
    "Pound": ("GBP", 1),
    "British pound": ("GBP", 1),
    "Pence": ("GBP", 0.01),
    "Penny": ("GBP", 0.01),
    "Euro": ("EUR", 1),
    "Japanese yen": ("JPY", 1),
    "Chinese yuan": ("CNY", 1),
    "Canadian dollar": ("CAD", 1),
    "Hong Kong dollar": ("HKD", 1),
    "Australian dollar": ("AUD", 1),
    "New Zealand dollar": ("NZD", 1),
    "Mexican peso": ("MXN", 1),
    "Franc": ("CHF", 1),
    "Swiss franc": ("CHF", 1),
    "Finnish markka": ("FIM", 1),
    "Peseta": ("ESP", 1),
    "Netherlands guilder": ("NLG", 1),
    "Turkish lira": ("TRY", 1),
    "Rupee": ("INR", 1),
    "Sri Lankan rupee": ("LKR", 1),
    "Costa Rican colón": ("CRC", 1),
    "Georgian lari": ("GEL", 1),
    "Lao kip": ("LAK", 1),
    "Bitcoin": ("BTC", 1),
    "Satoshi": ("BTC", 0.00000001),
}


def case_currency(case: dict[str, Any]) -> tuple[bool, str]:
    expected = []
    for r in case["Results"]:
        code, factor = RT_CURRENCIES.get(r["Resolution"]["unit"], (r["Resolution"]["unit"], 1))
        expected.append((*_rt_span(r), (code, Decimal(r["Resolution"]["value"]) * Decimal(str(factor)))))
    got = [(f, (f.value.unit, _point(f.value))) for f in _facts(case["Input"]) if f.kind == "money"]  # type: ignore[union-attr,arg-type]
    return _match(expected, got, lambda w, h, f: w[0] == h[0] and _close(w[1], h[1]))


# Recognizers-Text dimension names -> pint expressions (several accepted for "Ton").
RT_UNITS = {
    "Pound": ["pound"],
    "Milliliter": ["milliliter"],
    "Inch": ["inch"],
    "Mile": ["mile"],
    "Barrel": ["barrel"],
    "Foot": ["foot"],
    "Ounce": ["ounce"],
    "Acre": ["acre"],
    "Gallon": ["gallon"],
    "Cubic foot": ["foot ** 3"],
    "Square meter": ["meter ** 2"],
    "Ton": ["ton", "metric_ton"],
    "Metric ton": ["metric_ton"],
    "Bit": ["bit"],
    "Mile per hour": ["mile / hour"],
    "Meter": ["meter"],
    "Kilometer": ["kilometer"],
    "Millimeter": ["millimeter"],
    "Square kilometer": ["kilometer ** 2"],
    "Decimeter": ["decimeter"],
    "Megabit": ["megabit"],
    "Megabyte": ["megabyte"],
    "Picometer": ["picometer"],
    "Kilometer per hour": ["kilometer / hour"],
    "Kilogram": ["kilogram"],
    "Microgram": ["microgram"],
    "Gram": ["gram"],
    "Degree": ["degree"],
    "Radian": ["radian"],
    "Turn": ["turn"],
    "Tablespoon": ["tablespoon"],
    "Cup": ["cup"],
    "Teaspoon": ["teaspoon"],
    "Meter per millisecond": ["meter / millisecond"],
    "Centimeter per millisecond": ["centimeter / millisecond"],
    "Kilometer per millisecond": ["kilometer / millisecond"],
    "Dram": ["dram"],
}


def _same_amount(want_unit: str, want: Decimal, have_unit: str, have: Decimal) -> bool:
    """Equal values in one unit, or in two units of one dimension after conversion."""
    if want_unit == have_unit:
        return _close(want, have)
    dim = units.dimension(want_unit)
    if (
        dim in ("", "percent")
        or dim.startswith(("currency:", "unknown:"))
        or dim != units.dimension(have_unit)
    ):
        return False
    return _close(want, units.convert(have, have_unit, want_unit))


def _same_quantity(want: tuple[list[str], Decimal], have: tuple[str, Decimal], f: Fact) -> bool:
    for expr in want[0]:
        try:
            target = str(units.registry().Unit(expr))
        except Exception:
            continue
        if _same_amount(target, want[1], have[0], have[1]):
            return True
    return False


def case_dimension(case: dict[str, Any]) -> tuple[bool, str]:
    expected = [
        (
            *_rt_span(r),
            (
                RT_UNITS.get(r["Resolution"]["unit"], [r["Resolution"]["unit"]]),
                Decimal(r["Resolution"]["value"]),
            ),
        )
        for r in case["Results"]
    ]
    # durations are Recognizers-Text's DateTime model, not its Dimension model
    got = [
        (f, (f.value.unit, _point(f.value)))
        for f in _facts(case["Input"])
        if f.kind == "quantity" and isinstance(f.value, Amount)
    ]
    return _match(expected, got, _same_quantity)


# --- quantulum3 adapter ----------------------------------------------------------------

Q3_MONEY = {
    "dollar": ("USD", 1),
    "pound sterling": ("GBP", 1),
    "euro": ("EUR", 1),
    "penny": ("GBP", 0.01),
    "cent": ("USD", 0.01),
    "dime": ("USD", 0.1),
}
Q3_NAMES = {
    "metre": "meter",
    "litre": "liter",
    "tonne": "metric_ton",
    "pound-mass": "pound",
    "degree Celsius": "degree_Celsius",
    "degree fahrenheit": "degree_Fahrenheit",
    "electronvolt": "electron_volt",
    "teraelectronvolt": "teraelectron_volt",
    "watt hour": "watt_hour",
    "megawatt hour": "megawatt_hour",
    "inverse second": "1 / second",
    "inverse femtobarn": "1 / femtobarn",
    "count per week": "1 / week",
    "ton per day": "metric_ton / day",
    "gigayear": "gigayear",
    "megayear": "megayear",
}


def _q3_unit(name: str) -> tuple[str, Decimal]:
    """quantulum3's unit name -> (this project's unit, factor)."""
    if name == "dimensionless":
        return "", Decimal(1)
    if name == "percentage":
        return "percent", Decimal(1)
    if name in Q3_MONEY:
        code, factor = Q3_MONEY[name]
        return code, Decimal(str(factor))
    expr = name
    for a, b in sorted(Q3_NAMES.items(), key=lambda kv: -len(kv[0])):
        expr = expr.replace(a, b)
    expr = expr.replace("square ", "").replace("cubic ", "") if False else expr
    for word, power in (("square ", "** 2"), ("cubic ", "** 3")):
        while word in expr:
            i = expr.index(word)
            rest = expr[i + len(word) :].split(" ", 1)
            expr = expr[:i] + f"{rest[0]} {power}" + (" " + rest[1] if len(rest) > 1 else "")
    expr = expr.replace(" per ", " / ")
    try:
        return str(units.registry().Unit(expr)), Decimal(1)
    except Exception:
        return f"?{name}", Decimal(1)


def case_quantulum(case: dict[str, Any]) -> tuple[bool, str]:
    text = case["req"]
    expected = []
    for r in case["res"]:
        start = text.find(r["surface"])
        unit, factor = _q3_unit(r["unit"])
        value = Decimal(str(r["value"])) * factor
        half = Decimal(str(r.get("uncertainty") or 0)) * factor
        expected.append((start, start + len(r["surface"]), (unit, value, half)))
    got = []
    for f in _facts(text):
        a = f.value
        assert isinstance(a, Amount)
        if f.kind == "age":
            continue
        if a.is_point or a.high == INF or (a.hedge and not f.rule.startswith("numbers.range")):
            got.append((f, (a.unit, _point(a), Decimal(0))))
        else:
            got.append((f, (a.unit, (a.low + a.high) / 2, (a.high - a.low) / 2)))

    def same(want: tuple[str, Decimal, Decimal], have: tuple[str, Decimal, Decimal], f: Fact) -> bool:
        return _same_amount(want[0], want[1], have[0], have[1]) and _same_amount(
            want[0], want[2], have[0], have[2]
        )

    return _match(expected, got, same)


# --- scoring ---------------------------------------------------------------------------

FILES: dict[
    str, tuple[Callable[[], list[dict[str, Any]]], Callable[[dict[str, Any]], tuple[bool, str]], str]
] = {
    "Number-NumberModel": (lambda: _rt_cases("Number-NumberModel"), case_number, "Input"),
    "Number-NumberRangeModel": (lambda: _rt_cases("Number-NumberRangeModel"), case_range, "Input"),
    "Number-PercentModel": (lambda: _rt_cases("Number-PercentModel"), case_percent, "Input"),
    "NumberWithUnit-CurrencyModel": (
        lambda: _rt_cases("NumberWithUnit-CurrencyModel"),
        case_currency,
        "Input",
    ),
    "NumberWithUnit-DimensionModel": (
        lambda: _rt_cases("NumberWithUnit-DimensionModel"),
        case_dimension,
        "Input",
    ),
    "quantulum3-quantities": (
        lambda: json.loads((Q3 / "quantities.json").read_text()),
        case_quantulum,
        "req",
    ),
}


def score(name: str, check: Callable[[dict[str, Any]], tuple[bool, str]] | None = None) -> Result:
    """Score one file; ``check`` replaces this project's adapter (the benchmark scores a peer)."""
    load, own_check, key = FILES[name]
    check = check or own_check
    held = HELD_OUT.get(name, {})
    passed = total = held_out = 0
    failures = []
    for case in load():
        if case[key] in held:
            held_out += 1
            continue
        total += 1
        try:
            ok, why = check(case)
        except Exception as exc:  # a crash is a failed case, reported with its cause
            ok, why = False, f"raised {type(exc).__name__}: {exc}"
        passed += ok
        if not ok:
            failures.append(f"{case[key][:70]!r}: {why[:160]}")
    return Result(name, passed, total, held_out, failures)


def table(results: Iterable[Result]) -> str:
    lines = [f"{'file':32} {'pass':>5} {'of':>5} {'rate':>7} {'held out':>9} {'threshold':>9}"]
    for r in results:
        lines.append(
            f"{r.name:32} {r.passed:5d} {r.total:5d} {r.rate:7.1%} {r.held_out:9d} "
            f"{THRESHOLDS.get(r.name, 0):9.0%}"
        )
    return "\n".join(lines)


needs_data = pytest.mark.skipif(
    not CONFORMANCE.is_dir(),
    reason=f"conformance data not found at {CONFORMANCE} (the repository's sibling shared/conformance)",
)


@pytest.fixture(scope="module")
def results() -> dict[str, Result]:
    out = {name: score(name) for name in FILES}
    print("\n" + table(out.values()))
    for name, held in HELD_OUT.items():
        for case, reason in held.items():
            print(f"held out [{name}] {case[:60]!r}: {reason}")
    return out


@needs_data
@pytest.mark.parametrize("name", list(FILES))
def test_pass_rate(results: dict[str, Result], name: str) -> None:
    r = results[name]
    assert r.held_out <= 0.10 * (r.total + r.held_out), f"{name}: too many cases held out"
    assert r.rate >= THRESHOLDS[name], f"{name}: {r.rate:.1%} < {THRESHOLDS[name]:.0%}\n" + "\n".join(
        r.failures
    )


@needs_data
def test_held_out_cases_exist() -> None:
    """Every hold-out names a real case, so the list cannot silently go stale."""
    for name, held in HELD_OUT.items():
        load, _, key = FILES[name]
        inputs = {c[key] for c in load()}
        missing = [c for c in held if c not in inputs]
        assert not missing, f"{name}: held-out cases not in the file: {missing}"


@needs_data
def test_quantulum_error_inputs_never_raise() -> None:
    for text in json.loads((Q3 / "errors.json").read_text()):
        list(numbers.extract(Document("case", text), Settings()))
