"""Frozen value types and the `Fact` record every extractor produces.

Everything here is immutable and picklable, so extraction can run in a process pool
(or on Dask/Spark workers) and facts can be used as dict keys.

Values:

* `Amount` - a number as an interval with open/closed ends, an approximate flag and a unit.
  "more than a dozen" is ``Amount(12, INF, low_open=True)``; "about 200" is
  ``Amount(200, 200, approximate=True)``.
* `When` - a date/time that keeps its precision: a year, a month, a day, a part of a day,
  an instant with a zone, or a weekday alone.
* `PersonName` / `PlaceName` - names as identities (given names, family name, titles, role).

>>> Amount.exact(5000).render()
'5000'
>>> Amount(Decimal(12), INF, low_open=True).render()
'>12'
>>> Amount(Decimal(0), Decimal(1000000), hedge="as many as").render()
'<=1000000'
>>> Amount.exact(4000, approximate=True).render()
'~4000'
>>> Amount(Decimal(24), Decimal(100), high_open=True, approximate=True).render()
'~[24,100)'
>>> When(year=2020, month=1, day=3).render()
'2020-01-03'
>>> When(weekday=4).render()
'Friday'
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from decimal import Decimal

INF = Decimal("Infinity")
NEG_INF = Decimal("-Infinity")

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# The kinds a fact can have. Extractors may only emit these; the comparator dispatches on them.
KINDS = (
    "count",  # a number of things: "5,000 U.S. troops", "a dozen missiles"
    "quantity",  # a measured amount with a physical unit: "100 km", "1.2 tonnes"
    "percent",  # "5%", "12 per cent"
    "money",  # "$4.2bn", "300 euros"
    "age",  # "62-year-old"
    "duration",  # "16 years", "30 seconds" (a quantity of time)
    "date",  # a date/time of an event
    "person",  # a mention of a person
    "role",  # a role-holder fact: (role, person)
    "place",  # a mention of a place
)


def _num(d: Decimal) -> str:
    """Render a Decimal without exponent or trailing zeros.

    >>> _num(Decimal("5000")), _num(Decimal("4.20")), _num(Decimal("1.2E+6"))
    ('5000', '4.2', '1200000')
    """
    if d.is_infinite():
        return "inf" if d > 0 else "-inf"
    if d == d.to_integral_value():
        return str(int(d))
    text = format(d.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


@dataclass(frozen=True, slots=True)
class Amount:
    """A number as an interval: ``low``/``high`` with open or closed ends.

    ``approximate`` marks hedged point values ("about 200"); the comparator widens them by
    a configurable tolerance. ``direction`` is ``"below"`` for "nearly/almost N" (approximately
    N, from below). ``unit`` is a canonical unit name ("" for plain counts, "percent",
    a pint unit such as "kilometer", or an ISO currency code such as "USD").
    ``hedge`` keeps the words that made the interval ("more than", "as many as").
    """

    low: Decimal
    high: Decimal
    low_open: bool = False
    high_open: bool = False
    approximate: bool = False
    direction: str = ""
    unit: str = ""
    hedge: str = ""

    @classmethod
    def exact(
        cls, n: int | str | Decimal, *, approximate: bool = False, unit: str = "", hedge: str = ""
    ) -> Amount:
        """A single value ``n`` as a closed point interval."""
        d = Decimal(n)
        return cls(d, d, approximate=approximate, unit=unit, hedge=hedge)

    @property
    def is_point(self) -> bool:
        """Whether the interval is one closed value (possibly approximate)."""
        return self.low == self.high and not self.low_open and not self.high_open

    def render(self) -> str:
        """Normalized text: ``5000``, ``>12``, ``>=2``, ``<=1000000``, ``<5``, ``~4000``, ``8-16``."""
        unit = f" {self.unit}" if self.unit else ""
        if self.is_point:
            tilde = "~" if self.approximate else ""
            if self.direction == "below":
                tilde = "~<="
            return f"{tilde}{_num(self.low)}{unit}"
        if self.high == INF:
            op = ">" if self.low_open else ">="
            return f"{op}{_num(self.low)}{unit}"
        if self.low in (0, NEG_INF) and not self.low_open:
            op = "<" if self.high_open else "<="
            return f"{op}{_num(self.high)}{unit}"
        tilde = "~" if self.approximate else ""
        if not self.low_open and not self.high_open:
            return f"{tilde}{_num(self.low)}-{_num(self.high)}{unit}"
        left = "(" if self.low_open else "["
        right = ")" if self.high_open else "]"
        return f"{tilde}{left}{_num(self.low)},{_num(self.high)}{right}{unit}"

    def encode(self) -> str:
        """The interval and hedge as one string, for a fact's ``extra`` (see `decode`).

        >>> a = Amount(Decimal(3000), INF, hedge="at least")
        >>> Amount.exact(3000).decode(a.encode()).render()
        '>=3000'
        """
        ends = (str(self.low), str(self.high), str(int(self.low_open)), str(int(self.high_open)))
        return "|".join((*ends, self.hedge))

    def decode(self, code: str) -> Amount:
        """This amount with the interval and hedge of `encode`'s string (unit kept)."""
        low, high, low_open, high_open, hedge = code.split("|", 4)
        return Amount(
            Decimal(low), Decimal(high), low_open == "1", high_open == "1", False, "", self.unit, hedge
        )


@dataclass(frozen=True, slots=True)
class When:
    """A date/time that keeps its precision.

    Any field may be ``None``: ``When(month=1, day=3)`` is "3 January" of an unknown year,
    ``When(weekday=4)`` is a Friday not yet resolved to a date. ``part`` is a part of day
    ("early", "morning", "afternoon", "evening", "night", "early hours"). ``hour``/``minute``
    are local clock time; ``zone`` is the zone text as written ("EST", "IST") and
    ``utc_offset`` its offset in minutes when known. ``relative`` keeps unresolved relative
    expressions ("a day after") rather than guessing.

    ``period`` names a span coarser or vaguer than the calendar fields say, in TIMEX3 terms:
    a quarter or half of ``year`` (``"Q3"``, ``"H1"``), a season (``"SP"``, ``"SU"``, ``"FA"``,
    ``"WI"``; winter runs into the next year), ``"decade"``/``"century"`` starting at ``year``
    (1990, 1900), or a vague reference with no year (``"PRESENT_REF"``, ``"PAST_REF"``,
    ``"FUTURE_REF"``).

    >>> [When(1989, period="Q3").render(), When(1990, period="decade").render()]
    ['1989-Q3', '1990s']
    >>> When(period="PAST_REF").render()
    'PAST_REF'
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday, as datetime.date.weekday()
    part: str | None = None
    hour: int | None = None
    minute: int | None = None
    zone: str | None = None
    utc_offset: int | None = None
    relative: str | None = None
    period: str | None = None

    @property
    def date(self) -> _dt.date | None:
        """The calendar date when year, month and day are all known."""
        if self.year is None or self.month is None or self.day is None:
            return None
        try:
            return _dt.date(self.year, self.month, self.day)
        except ValueError:
            return None

    @property
    def instant(self) -> _dt.datetime | None:
        """The UTC instant when the date, the clock time and the zone offset are all known."""
        d = self.date
        if d is None or self.hour is None or self.utc_offset is None:
            return None
        try:
            tz = _dt.timezone(_dt.timedelta(minutes=self.utc_offset))
            local = _dt.datetime(d.year, d.month, d.day, self.hour, self.minute or 0, tzinfo=tz)
            return local.astimezone(_dt.UTC)
        except (OverflowError, ValueError):
            return None  # the UTC instant falls outside years 1..9999, or the fields are not a time

    def render(self) -> str:
        """``2020-01-03``, ``2020-01-07T22:30:00+00:00``, ``2020-01``, ``--01-03``, ``Friday``."""
        inst = self.instant
        if inst is not None:
            return inst.isoformat()
        if self.period is not None and self.month is None:
            if self.year is None:
                return self.period
            if self.period == "decade":
                return f"{self.year:04d}s"
            if self.period == "century":
                n = self.year // 100 + 1
                suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
                return f"{n}{suffix} century"
            return f"{self.year:04d}-{self.period}"
        if self.relative and self.day is None and self.weekday is None and self.hour is None:
            # A range such as "last week" keeps only the fields its ends share; the relative
            # text (with the resolved range) says more than "2020-01" would.
            return self.relative
        parts: list[str] = []
        if self.year is not None and self.month is not None and self.day is not None:
            parts.append(f"{self.year:04d}-{self.month:02d}-{self.day:02d}")
        elif self.year is not None and self.month is not None:
            parts.append(f"{self.year:04d}-{self.month:02d}")
        elif self.month is not None and self.day is not None:
            parts.append(f"--{self.month:02d}-{self.day:02d}")
        elif self.month is not None:
            parts.append(f"--{self.month:02d}")
        elif self.year is not None:
            parts.append(f"{self.year:04d}")
        if self.weekday is not None and self.date is None:
            parts.insert(0, WEEKDAYS[self.weekday])
        if self.hour is not None:
            parts.append(f"{self.hour:02d}:{(self.minute or 0):02d}" + (f" {self.zone}" if self.zone else ""))
        if self.part:
            parts.append(f"({self.part})")
        if not parts and self.relative:
            parts.append(self.relative)
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name split into parts, with the titles and role it was written with.

    ``role`` is a canonical role key such as ``"supreme-leader"``; ``org`` the country or
    organization that qualifies it (``"iran"``).
    """

    given: tuple[str, ...] = ()
    family: str = ""
    titles: tuple[str, ...] = ()
    role: str = ""
    org: str = ""

    @property
    def full(self) -> str:
        """Given names and family name joined with spaces."""
        return " ".join((*self.given, self.family)).strip()

    def render(self) -> str:
        """The normalized rendering used in the ``value`` columns: the full name."""
        return self.full


@dataclass(frozen=True, slots=True)
class PlaceName:
    """A place name as written, with its folded comparison key."""

    name: str
    key: str = ""

    def render(self) -> str:
        """The place name as written."""
        return self.name


Value = Amount | When | PersonName | PlaceName


@dataclass(frozen=True, slots=True)
class Subject:
    """What a fact is about: the features alignment blocks and scores on.

    * ``head`` - lemma of the counted noun or dated event ("troop", "missile", "strike");
      for roles the canonical role key ("supreme-leader").
    * ``qualifiers`` - normalized modifiers of the head ("us", "ballistic").
    * ``predicate`` - lemma of the verb or noun the fact belongs to ("kill", "launch", "death").
    * ``negated`` - the clause negates the fact ("no casualties").
    * ``entities`` - folded names of people/places/organizations in the same clause.
    * ``source`` - who the sentence attributes the claim to ("pentagon"), when said.
    * ``phrase`` - the readable subject as written ("U.S. troops").
    """

    head: str = ""
    qualifiers: tuple[str, ...] = ()
    predicate: str = ""
    negated: bool = False
    entities: tuple[str, ...] = ()
    source: str = ""
    phrase: str = ""

    def __str__(self) -> str:
        return self.phrase or self.head


@dataclass(frozen=True, slots=True)
class Fact:
    """One checkable fact found in one document.

    ``start``/``end`` are offsets into ``Document.text`` with ``text[start:end] == surface``.
    ``rule`` is the id of the pattern that produced the fact, so a wrong finding points to
    the rule to fix.
    """

    doc: str
    kind: str
    subject: Subject
    surface: str
    start: int
    end: int
    value: Value
    sentence: str = ""
    rule: str = ""
    sentence_start: int = 0
    extra: tuple[tuple[str, str], ...] = field(default=())

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown fact kind {self.kind!r}")
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}:{self.end}")

    def get(self, key: str, default: str = "") -> str:
        """Look up an ``extra`` attribute by name."""
        for k, v in self.extra:
            if k == key:
                return v
        return default
