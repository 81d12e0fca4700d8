"""Numerals: digits, number words and scales parsed into `Decimal`.

`scan` finds the numbers of a text; `parse` reads one numeral. Number words, scales,
fractions and vague amounts come from ``data/numbers.toml``.

>>> parse("5,000"), parse("forty-five"), parse("one hundred and seventy-six")
(Decimal('5000'), Decimal('45'), Decimal('176'))
>>> parse("a dozen"), parse("half a dozen"), parse("1.2 million"), parse("$4.2bn"[1:])
(Decimal('12'), Decimal('6.0'), Decimal('1200000.0'), Decimal('4200000000.0'))
>>> parse("two-thirds") == Decimal(2) / 3, parse("three and a half")
(True, Decimal('3.5'))
>>> [(n.text, str(n.value)) for n in scan("3 hundred and 2 hundred are two valid numbers")]
[('3 hundred', '300'), ('2 hundred', '200'), ('two', '2')]

Vague amounts are intervals, documented in ``numbers.toml`` (approximate, see `vague`):

>>> vague("dozens of")
(Decimal('24'), Decimal('100'), True)
>>> vague("hundreds of thousands of")
(Decimal('200000'), Decimal('1000000'), True)
>>> vague("several")
(Decimal('3'), Decimal('9'), False)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation, localcontext
from functools import cache

import regex

from .. import tables
from . import numruns, patterns

__all__ = ["Numeral", "parse", "parse_digits", "scan", "vague", "vague_phrases"]


# Not frozen: one is made for every number of every document, and a frozen record costs
# several times as much to build; none is changed after `scan` yields it.
@dataclass(slots=True)
class Numeral:
    """One number found in a text: its span, value and how it was written."""

    start: int
    end: int
    value: Decimal
    text: str
    spelled: bool = False  # contains number words ("twelve", "a dozen", "1.2 million")
    slash: bool = False  # a slash fraction ("3/4"): gallery counters look the same
    suffix: bool = False  # had a scale suffix ("10k", "$4.2bn")


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str  # digit unit ten hundred scale mult ord ords half a neg and point slash
    value: Decimal
    start: int
    end: int
    text: str
    closed: bool = False  # a digit token that cannot take more words (10k, 1e10, 2 1/2)
    plural: bool = False


# Splits a run into tokens. The run was matched by patterns.NUMBER_RUN, so only the shapes
# below can occur.
_TOKEN = regex.compile(
    rf"""
    (?P<slash>(?<![\d/]){patterns.SIGN}?\d{{1,3}}/\d{{1,3}}(?![\d/]))     # 3/4, -4/5
  | (?P<digit>(?:{patterns.SIGN})?(?:{patterns.DIGITS})                  # 5,000  -9.2
        (?P<exp>{patterns.EXPONENT})?                                    # 1e10  1.1^23
        (?P<suf>{patterns.SUFFIX})?                                      # 10k  4.2bn
        (?P<mixed>\s{{1,3}}\d{{1,2}}/\d{{1,3}}(?![\d/]))?)                # 10 1/2
  | (?P<vulgar>[{"".join(patterns.VULGAR)}])                             # ½
  | (?P<word>\p{{L}}+)                                                   # number words
  | (?P<amp>&)
    """,
    regex.VERBOSE | regex.V1,
)

_SEPARATORS = regex.compile(r"[,\s\u00a0\u202f\u2009]")


def parse_digits(text: str) -> Decimal | None:
    """The value of a digit numeral with separators, sign, exponent, suffix or fraction.

    >>> parse_digits("1,234,567"), parse_digits("12,34,567.89"), parse_digits(".08")
    (Decimal('1234567'), Decimal('1234567.89'), Decimal('0.08'))
    >>> parse_digits("-127.32e13"), parse_digits("10k"), parse_digits("2 1/4"), parse_digits("3/4")
    (Decimal('-1.2732E+15'), Decimal('10000'), Decimal('2.25'), Decimal('0.75'))
    >>> parse_digits("1.2b"), parse_digits("2.5^-1"), parse_digits("- 10  k")
    (Decimal('1200000000.0'), Decimal('0.4'), Decimal('-10000'))
    >>> parse_digits("12 apples") is None
    True
    """
    text = text.strip()
    m = _TOKEN.fullmatch(text)
    if not m:
        if text in patterns.VULGAR:
            return parse_digits(patterns.VULGAR[text])
        return None
    if m.group("vulgar"):
        return parse_digits(patterns.VULGAR[m.group("vulgar")])
    if m.group("slash"):
        return _slash(m.group("slash"))
    if not m.group("digit"):
        return None
    return _digit_value(m)


_SIGN_LEAD = regex.compile(r"^[-−–+]\s*")


def _slash(text: str) -> Decimal | None:
    sign = -1 if text.lstrip()[0] in "-−–" else 1
    num, den = _SIGN_LEAD.sub("", text.strip()).split("/")
    if int(den) == 0:
        return None
    return sign * Decimal(int(num)) / Decimal(int(den))


def _digit_value(m: regex.Match[str]) -> Decimal | None:
    body = m.group("digit")
    for name in ("mixed", "suf", "exp"):
        if m.group(name):
            body = body[: m.start(name) - m.start("digit")]
    body = body.strip()
    sign = 1
    if body and body[0] in "-−–+":
        sign = -1 if body[0] != "+" else 1
        body = body[1:].strip()
    try:
        value = Decimal(_SEPARATORS.sub("", body))
    except InvalidOperation:
        return None
    exp = m.group("exp")
    if exp:
        if exp[0] in "x×":
            value = value.scaleb(int(regex.sub("[−–]", "-", exp[3:].lstrip("^+"))))
        elif exp[0] in "eE":
            value = value.scaleb(int(exp[1:]))
        else:
            negative = exp[1:].count("-") % 2 == 1
            power = int(exp.lstrip("^+-"))
            with localcontext() as ctx:
                ctx.prec = 28
                value = value ** (-power if negative else power)
    mixed = m.group("mixed")
    if mixed:
        frac = _slash(mixed.strip())
        if frac is None or frac >= 1:
            return None
        value += frac
    suf = m.group("suf")
    if suf:
        value *= patterns.suffix_values()[suf.strip()]
    return sign * value


def _tokens(run: str, base: int) -> list[_Tok]:
    words = patterns.number_words()
    out: list[_Tok] = []
    for m in _TOKEN.finditer(run):
        s, e = base + m.start(), base + m.end()
        if m.group("slash"):
            v = _slash(m.group("slash"))
            if v is not None:
                out.append(_Tok("slash", v, s, e, m.group(), closed=True))
        elif m.group("digit"):
            v = _digit_value(m)
            if v is not None:
                closed = bool(m.group("exp") or m.group("suf") or m.group("mixed"))
                out.append(_Tok("digit", v, s, e, m.group(), closed=closed))
        elif m.group("vulgar"):
            v = parse_digits(patterns.VULGAR[m.group("vulgar")])
            if v is not None:
                out.append(_Tok("digit", v, s, e, m.group(), closed=True))
        elif m.group("amp"):
            out.append(_Tok("and", Decimal(0), s, e, "&"))
        else:
            w = m.group("word").lower()
            if w in ("a", "an"):
                out.append(_Tok("a", Decimal(1), s, e, w))
            elif w in ("minus", "negative"):
                out.append(_Tok("neg", Decimal(-1), s, e, w))
            elif w == "and":
                out.append(_Tok("and", Decimal(0), s, e, w))
            elif w == "point":
                out.append(_Tok("point", Decimal(0), s, e, w))
            elif w in words:
                cls, value = words[w]
                plural = cls == "ords" or w in ("halves", "quarters", "dozens")
                kind = "ord" if cls == "ords" else cls
                out.append(_Tok(kind, Decimal(value), s, e, w, plural=plural))
    return out


def _fraction_at(toks: list[_Tok], k: int) -> tuple[int, Decimal, Decimal] | None:
    """A fraction starting at ``toks[k]`` ("a half", "three quarters") -> (end, num, den)."""
    n = len(toks)
    if k < n and toks[k].kind == "a" and k + 1 < n and toks[k + 1].kind in ("ord", "half"):
        if not toks[k + 1].plural:
            return k + 2, Decimal(1), toks[k + 1].value
        return None
    if k + 1 < n and toks[k].kind in ("unit", "digit") and toks[k + 1].kind in ("ord", "half"):
        num = toks[k].value
        if toks[k + 1].plural == (num != 1) and num < toks[k + 1].value:
            return k + 2, num, toks[k + 1].value
    if (
        k + 2 < n
        and toks[k].kind == "ten"
        and toks[k + 1].kind == "unit"
        and toks[k + 2].kind in ("ord", "half")
        and toks[k + 2].plural
    ):
        num = toks[k].value + toks[k + 1].value
        if num < toks[k + 2].value:
            return k + 3, num, toks[k + 2].value
    return None


def _parse_one(toks: list[_Tok], i: int) -> tuple[int, Decimal, bool] | None:
    """Parse the longest number starting at ``toks[i]`` -> (end index, value, spelled)."""
    n = len(toks)
    k = i
    sign = Decimal(1)
    if toks[k].kind == "neg":
        if k + 1 >= n:
            return None
        sign, k = Decimal(-1), k + 1
    start = k
    first = toks[k]
    if first.kind in ("slash",) or (first.kind == "digit" and first.closed):
        end = k + 1
        value = first.value
        if end < n and toks[end].kind in ("scale", "mult") and first.kind == "digit" and "/" in first.text:
            value *= toks[end].value
            end += 1
        return end, sign * value, end > k + 1 or sign < 0
    total = Decimal(0)
    group: Decimal | None = None
    last = "start"
    last_scale: Decimal | None = None
    end = k  # index after the last token that makes a valid number
    and_value: Decimal | None = None  # value before the last "and" ("hundred and three")
    spelled = False
    # "half a dozen", "half million", "quarter million": a fraction of a scale
    if first.kind == "half" and not first.plural:
        j = k + 1
        if j < n and toks[j].kind == "a":
            j += 1
        if j < n and toks[j].kind in ("scale", "mult"):
            group, last, k, spelled = Decimal(1) / first.value, "digit", j, True
    if (
        first.kind == "half"
        and first.value == 2
        and not first.plural
        and group is None
        and (k + 1 == n or toks[k + 1].kind not in ("scale", "mult", "a"))
    ):
        return k + 1, sign * Decimal("0.5"), True  # "more than half"
    if first.kind == "a" and (lead_frac := _fraction_at(toks, k)) is not None:
        j, value = lead_frac[0], lead_frac[1] / lead_frac[2]
        if j < n and toks[j].kind == "scale":  # "a quarter million"
            value, j = value * toks[j].value, j + 1
        return j, sign * value, True
    while k < n:
        t = toks[k]
        kind = t.kind
        if kind == "a":
            if last != "start":
                break
            if k + 1 < n and toks[k + 1].kind in ("hundred", "scale", "mult"):
                group, last = Decimal(1), "a"
                k += 1
                continue
            break
        if kind == "digit":
            if t.closed and last != "start":
                break
            if last == "start" or (last == "scale" and group is None):
                group = t.value
            elif (
                last == "and"
                and group is not None
                and group % 100 == 0
                and 0 < t.value < 100
                and not (k + 1 < n and toks[k + 1].kind in ("hundred", "scale"))
            ):
                group += t.value
            elif last == "and" and group is None and t.value < 1000:
                group = t.value
            else:
                break
            last = "digit"
            k += 1
            end = k
            if t.closed:
                break
            continue
        if kind in ("unit", "ten"):
            v = t.value
            if last == "start" or (last == "scale" and group is None):
                group = v
            elif last == "ten" and kind == "unit" and 0 < v < 10 and group is not None:
                group += v
            elif last == "hundred" and group is not None:
                group += v
            elif last == "and":
                base = group or Decimal(0)
                if base % 100 != 0:
                    break
                group = base + v
            else:
                break
            if v == 0 and last == "start":
                last, k, end, spelled = "zero", k + 1, k + 1, True
                break
            last, k, end, spelled = kind, k + 1, k + 1, True
            continue
        if kind == "hundred":
            if (
                last in ("unit", "ten", "digit")
                and group is not None
                and (group < 100 if last != "digit" else group == toks[k - 1].value)
            ):
                group *= 100
            elif last in ("a", "start"):
                group = Decimal(100)
            else:
                break
            last, k, end, spelled = "hundred", k + 1, k + 1, True
            continue
        if kind == "scale":
            if last == "scale" and group is None and last_scale is not None and t.value > last_scale:
                total *= t.value  # "three lakh crore"
            elif last in ("unit", "ten", "hundred", "digit", "a") and group is not None:
                if last_scale is not None and t.value >= last_scale:
                    break
                total += group * t.value
                group = None
            else:
                break
            last_scale = t.value
            last, k, end, spelled = "scale", k + 1, k + 1, True
            continue
        if kind == "mult":
            if last in ("unit", "ten", "digit", "a", "hundred") and group is not None:
                group *= t.value
                last, k, end, spelled = "mult", k + 1, k + 1, True
            break
        if kind == "and":
            if (
                last in ("hundred", "scale")
                and k + 1 < n
                and toks[k + 1].kind in ("unit", "ten", "digit")
                and _fraction_at(toks, k + 1) is None
                and not (
                    k + 2 < n and toks[k + 1].kind == "digit" and toks[k + 2].kind in ("hundred", "scale")
                )
            ):
                and_value = total + (group or 0)
                last, k = "and", k + 1
                continue
            break
        break
    if end == start or last == "a":
        return None
    value = total + (group or Decimal(0))
    k = end
    # decimals in words: "two hundred point zero three", "nine point nought four"
    if k + 1 < n and toks[k].kind == "point" and toks[k + 1].kind in ("unit", "ten"):
        digits = ""
        j = k + 1
        while j < n and toks[j].kind in ("unit", "ten") and len(digits) < 20:
            tv = int(toks[j].value)
            if (
                toks[j].kind == "ten"
                and j + 1 < n
                and toks[j + 1].kind == "unit"
                and 0 < toks[j + 1].value < 10
            ):
                digits += str(tv + int(toks[j + 1].value))
                j += 2
            else:
                digits += str(tv)
                j += 1
        value += Decimal("0." + digits)
        return j, sign * value, True
    # spelled fractions: "two thirds", "a trillionth", "one hundred and three quarters"
    if k < n and toks[k].kind in ("ord", "half") and last not in ("mult", "zero", "digit"):
        den, plural = toks[k].value, toks[k].plural
        num = value
        if plural == (num != 1) and num > 0:
            prev = toks[k - 1]
            if (
                prev.kind == "ten"
                and den < 10
                and k - 1 > start
                and toks[k - 2].kind not in ("and",)
                and num != prev.value
            ):
                num, den = num - prev.value, den + prev.value  # one hundred thirty fifths
            if and_value is not None and num - and_value < den and num >= den:
                frac = (num - and_value) / den  # one hundred and three quarters
                result = and_value + frac
            else:
                result = num / den
            k += 1
            if k < n and toks[k].kind == "scale":  # three quarters billion
                result *= toks[k].value
                k += 1
            return k, sign * result, True
    # whole and a fraction: "one and a half", "3 million and a quarter", "five and a half million"
    if k + 1 < n and toks[k].kind == "and":
        frac_at = _fraction_at(toks, k + 1)
        if frac_at is not None:
            j, num, den = frac_at
            frac = num / den
            if j < n and toks[j].kind == "scale":
                if last == "scale":  # one billion and three quarters million
                    result = value + frac * toks[j].value
                else:  # five and a half million
                    result = (value + frac) * toks[j].value
                j += 1
            else:  # 3 million and a quarter
                result = value + frac * (last_scale if last == "scale" and last_scale else 1)
            return j, sign * result, True
    # "three dozens" after digits: "3 dozens"
    return end, sign * value, spelled or (sign < 0 and toks[i].kind == "neg")


def _split(toks: list[_Tok]) -> Iterator[tuple[int, int, Decimal, bool]]:
    i, n = 0, len(toks)
    while i < n:
        if toks[i].kind in ("and", "point"):
            i += 1
            continue
        parsed = _parse_one(toks, i)
        if parsed is None:
            i += 1
            continue
        j, value, spelled = parsed
        yield i, j, value, spelled
        i = max(j, i + 1)


# "one" after a determiner is a pronoun ("which one", "the one you mentioned").
_PRONOUN_ONE = regex.compile(r"\b(?:the|this|that|which|each|every|any|another|no|one|some)\s{1,3}$", regex.I)
# "one over three", "two out of five hundred": a ratio of two numbers. After "over" the second
# number must not be followed by a word ("$2000 over 3 years" is two numbers).
_RATIO = regex.compile(r"\s{1,3}(?P<op>over|out\s{1,3}of)\s{1,3}", regex.I)
_WORD_AFTER = regex.compile(r"[ \t]{0,3}\p{L}")
# One and zero, made once: the arithmetic below keeps the Decimal `_parse_one` would compute.
_ONE, _ZERO = Decimal(1), Decimal(0)


def _numerals(text: str) -> list[Numeral]:
    """The numbers of each run of ``text``, in order (before ratios are joined)."""
    words = patterns.number_words()
    out: list[Numeral] = []
    add = out.append
    for start, end, m in numruns.runs(text):
        run = text[start:end]
        if m is None and "/" in run:
            v = _slash(run)  # a lone slash fraction, as below
            if v is not None:
                add(Numeral(start, end, _ONE * v, run, slash=True))
            continue
        # a lone digit run needs no token; a lone number word is read like a matched run
        one = _TOKEN.match(run) if m is not None or not run[0].isdigit() else None
        if (m is None and one is None) or (
            one is not None
            and one.end() == len(run)
            and one.group("digit")
            and not (one.group("exp") or one.group("suf") or one.group("mixed"))
        ):
            # Most runs are one plain digit token ("5", "4,500"): its value as `_parse_one`
            # computes it (the same arithmetic keeps the same Decimal), without token records.
            v = _digit_value(one) if one is not None else 1 * Decimal(run.replace(",", ""))
            if v is not None:
                add(Numeral(start, end, _ONE * (_ZERO + (v or _ZERO)), run))
            continue
        if one is not None and one.end() == len(run):
            # One slash fraction ("16/35") or one unit or ten word ("two"): read as
            # `_parse_one` reads a lone token of that kind.
            if one.group("slash"):
                v = _slash(one.group("slash"))
                if v is not None:
                    add(Numeral(start, end, _ONE * v, run, slash=True))
                continue
            entry = words.get(run.lower()) if one.group("word") else None
            if entry is not None and entry[0] in ("unit", "ten"):
                if run.lower() == "one" and _PRONOUN_ONE.search(text, max(0, start - 12), start):
                    continue
                v = Decimal(entry[1])
                add(Numeral(start, end, _ONE * (_ZERO + (v or _ZERO)), run, spelled=True))
                continue
        toks = _tokens(run, start)
        for i, j, value, spelled in _split(toks):
            s, e = toks[i].start, toks[j - 1].end
            if text[s:e].lower() == "one" and _PRONOUN_ONE.search(text, max(0, s - 12), s):
                continue
            add(
                Numeral(
                    start=s,
                    end=e,
                    value=value,
                    text=text[s:e],
                    spelled=spelled or any(t.kind not in ("digit", "slash") for t in toks[i:j]),
                    slash=toks[i].kind == "slash" and j == i + 1,
                    suffix=any(t.kind == "digit" and t.closed and "/" not in t.text for t in toks[i:j]),
                )
            )
    return out


def _ratio(text: str, a: Numeral, b: Numeral) -> Numeral | None:
    """``a`` over or out of ``b`` as one number, when the text between them reads so (`scan`
    tries only neighbours 6 to 14 characters apart, the reach of `_RATIO`)."""
    m = _RATIO.fullmatch(text, a.end, b.start)
    if not m or a.slash or b.slash or b.value == 0:
        return None
    if a.value != a.value.to_integral_value() or b.value != b.value.to_integral_value():
        return None
    if m.group("op").lower() == "over" and _WORD_AFTER.match(text, b.end):
        return None
    if m.group("op").lower() != "over" and a.value > b.value:
        return None  # "12 out of 10" is not a ratio
    return Numeral(a.start, b.end, a.value / b.value, text[a.start : b.end], spelled=True)


def scan(text: str) -> Iterator[Numeral]:
    """Every numeral in ``text``, in order, each with its span and value.

    >>> [(n.text, str(n.value)) for n in scan("after 16 years, the deaths of 4500 troops")]
    [('16', '16'), ('4500', '4500')]
    >>> [(n.text, str(n.value)) for n in scan("twenty-one trillion and three hundred")]
    [('twenty-one trillion and three hundred', '21000000000300')]
    >>> [n.text for n in scan("which one? one out of three")]
    ['one out of three']
    """
    out: list[Numeral] = []
    pending: Numeral | None = None
    for num in _numerals(text):
        if pending is not None:
            # `_RATIO` spans " over " to "   out   of   ": most neighbours stand farther apart
            if 6 <= num.start - pending.end <= 14 and (merged := _ratio(text, pending, num)) is not None:
                out.append(merged)
                pending = None
                continue
            out.append(pending)
        pending = num
    if pending is not None:
        out.append(pending)
    return iter(out)


def parse(text: str) -> Decimal | None:
    """The value of ``text`` when all of it is one numeral, else None.

    >>> parse("twenty-one trillion three hundred"), parse("five eighths"), parse("two men")
    (Decimal('21000000000300'), Decimal('0.625'), None)
    """
    text = text.strip()
    found = list(scan(text))
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(text):
        return found[0].value
    return None


@cache
def _vague_table() -> dict[str, tuple[Decimal, Decimal, bool]]:
    out: dict[str, tuple[Decimal, Decimal, bool]] = {}
    for phrase, spec in tables.require("numbers", "vague", dict).items():
        ok = (
            isinstance(spec, list)
            and len(spec) == 3
            and all(isinstance(x, int) for x in spec[:2])
            and spec[2] in ("closed", "open-high")
            and spec[0] <= spec[1]
        )
        if not ok:
            raise tables.TableError(
                f"data table numbers.toml: [vague] {phrase!r}: expected [low, high, 'closed'|'open-high']"
            )
        out[" ".join(phrase.lower().split())] = (Decimal(spec[0]), Decimal(spec[1]), spec[2] == "open-high")
    return out


def vague(phrase: str) -> tuple[Decimal, Decimal, bool] | None:
    """The interval of a vague amount: (low, high, high_open), or None if not one."""
    return _vague_table().get(" ".join(phrase.lower().split()))


def vague_phrases() -> tuple[str, ...]:
    """All vague-amount phrases, longest first."""
    return tuple(sorted(_vague_table(), key=lambda p: (-len(p), p)))
