"""What an amount counts: its noun phrase, head and qualifiers, its predicate and whether the
predicate is attached to it, coordination ("killed 12 and injured 30"), copular subjects
("the toll stands at 78") and rates. The time and version of its sentence are read in
`numcontext`.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from functools import cache, lru_cache
from itertools import islice

import regex

from .. import tables
from ..facts import Subject
from . import numruns, patterns
from .numtables import (
    LeftContext,
    _Cand,
    _fullmatch,
    _lemma,
    _match,
    _nouns,
    _phrase_pattern,
    _plural_like,
    _qualifier,
    _words,
    initial_after_blanks,
    last_words,
    may_hold,
    word_gate,
)

# ---------------------------------------------------------------------------------------
# Subjects

# The blanks between the words of a noun phrase.
_BLANKS = (" ", "\t", "\u00a0")
_WORD = regex.compile(r"[\p{L}][\p{L}\p{N}.'’\-]{0,40}|\p{Lu}{1,3}(?:\.\p{Lu}){1,3}\.?")


@lru_cache(maxsize=8192)
def _np_word(token: str) -> str | None:
    """The word of a noun phrase that a `_WORD` token stands for ("U.S." stays, "troops."
    loses its dot), or None for a stop word, which ends the phrase."""
    word = token.rstrip("'’")
    stop = _nouns()["stop"]
    if word.lower() in stop or word.lower().rstrip(".") in stop:  # type: ignore[operator]
        return None
    if word.endswith(".") and not _fullmatch(r"(?:\p{L}\.){2,4}", word):
        word = word[:-1]
    return word


def _np_words(text: str, pos: int) -> list[tuple[str, int, int]]:
    """Up to six words of the noun phrase starting at ``pos`` (stops at stop words)."""
    out: list[tuple[str, int, int]] = []
    p = pos
    for _ in range(6):
        q = p
        while q < p + 3 and text[q : q + 1] in _BLANKS:
            q += 1
        w = _WORD.match(text, q)
        if not w or (out and q == p):
            break
        word = _np_word(w.group())
        if word is None:
            break
        out.append((word, q, q + len(word)))
        p = q + len(word)
        if text[p : p + 1] not in _BLANKS:
            break
    return out


def _head(words: list[tuple[str, int, int]], value: Decimal) -> int | None:
    """Index of the counted noun: the first plural-looking word (or the last word for one)."""
    preds = _nouns()["predicates"]
    for i, (w, _, _) in enumerate(words):
        if w.isupper() and len(w) <= 4:
            continue  # acronyms and "US"
        if i > 0 and w.lower() in preds and w.lower().endswith(("ed", "ing")):  # type: ignore[operator]
            return i - 1 if value == 1 else None
        if _plural_like(w):
            return i
    if value == 1 and words:
        return len(words) - 1
    return None


@lru_cache(maxsize=8192)
def _predicate_word(word: str) -> str | None:
    """Lemma of a verb or event noun: from the table, else a regular past tense ("-ed").

    >>> [_predicate_word(w) for w in ("deaths", "voted", "treated", "stopped", "caused", "forced", "said")]
    ['death', 'vote', 'treat', 'stop', 'cause', 'force', None]
    """
    w = word.lower()
    preds: dict[str, str] = _nouns()["predicates"]  # type: ignore[assignment]
    if w in preds:
        return preds[w]
    if len(w) > 4 and w.endswith("ed") and w not in _nouns()["stop"]:  # type: ignore[operator]
        stem = w[:-2]
        if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
            return stem[:-1]  # stopped -> stop
        if stem.endswith(("c", "v", "z", "us", "as", "os")) or _CVC.fullmatch(stem):
            return stem + "e"  # forced -> force, caused -> cause, voted -> vote
        return stem
    return None


# short stems with one vowel between consonants took a silent e: "lin(ed)", "vot(ed)", "bas(ed)"
_CVC = regex.compile(r"[^aeiou]{1,2}[aeiou][^aeiouwxy]")


@cache
def _change_words() -> tuple[frozenset[str], tuple[str, ...], frozenset[str], regex.Pattern[str]]:
    """Change verbs, running-total nouns, auxiliaries (nouns.toml) and a pattern for the nouns."""
    totals = tuple(w.lower() for w in _words("nouns", "total_heads"))
    total_word = regex.compile(
        rf"(?:(?P<mod>\p{{L}}{{2,20}})[ \t]{{1,3}})?(?P<head>{'|'.join(map(regex.escape, totals))})\b",
        regex.I | regex.V1,
    )
    return (
        frozenset(w.lower() for w in _words("nouns", "change_verbs")),
        totals,
        frozenset(w.lower() for w in _words("nouns", "auxiliaries")),
        total_word,
    )


def _last_total(before: str) -> regex.Match[str] | None:
    """The last running-total noun in ``before`` ("death toll"), scanning once."""
    last = None
    for last in _change_words()[3].finditer(before):  # noqa: B007 - keep the last match
        pass
    return last


# How far left of an amount its verb and subject are looked for (characters): a clause.
_LEFT_WINDOW = 300
# A preposition right before a number makes it an oblique ("in 10 provinces", "across 11
# states"): the verb before it does not count it.
_WORDS_BACK = regex.compile(r"\p{L}+", regex.V1 | regex.REVERSE)
_OBLIQUE_WORDS = ("in", "across", "from", "within", "into", "among", "throughout", "near", "over")
_OBLIQUE = LeftContext(
    regex.compile(rf"\b(?:{'|'.join(_OBLIQUE_WORDS)})\s+$", regex.IGNORECASE),
    # tried for every verb found before an amount: the word before the blanks first (any
    # number of blanks: the window it is tried on is no longer than `_LEFT_WINDOW`)
    word_gate(_OBLIQUE_WORDS, blanks=None, most=_LEFT_WINDOW, least=1),
)
def _blanks_before(text: str, end: int) -> int:
    """Where the one to three blanks (space, tab) that end at ``end`` start; ``end`` if none."""
    k, stop = end, (end - 3 if end > 3 else 0)
    while k > stop and text[k - 1] in " \t":
        k -= 1
    return k


def _of_before_gate(text: str, end: int) -> bool:
    """Whether "of" or "of the" and blanks end at ``end``: where `_OF_BEFORE` can match.

    >>> [_of_before_gate(t, len(t)) for t in ("deaths of ", "one of the  ", "the ", "of")]
    [True, True, False, False]
    """
    k = _blanks_before(text, end)
    if k == end:
        return False
    if k >= 3 and text[k - 3 : k] == "the":
        j = _blanks_before(text, k - 3)
        if j < k - 3 and j >= 2 and text[j - 2 : j] == "of":
            return True
    return k >= 2 and text[k - 2 : k] == "of"


_OF_BEFORE = LeftContext(
    regex.compile(r"(?P<w>\p{L}+)[ \t]{1,3}of[ \t]{1,3}(?:the[ \t]{1,3})?$", regex.V1), _of_before_gate
)
_AFTER_VERB = regex.compile(
    r"[ \t]{1,3}(?:(?:were|was|are|is|have|has|had|been|be|being|will|would)[ \t]{1,3}){0,2}"  # auxiliaries
    # verbs of belief that leave the state they report as the predicate: "10,000 believed
    # missing", "six presumed dead", "40 feared killed", "3 confirmed dead"
    r"(?:(?:believed|feared|presumed|thought|reported|confirmed|now|still|also)[ \t]{1,3}"
    r"(?:to[ \t]{1,3}(?:be|have)[ \t]{1,3}(?:been[ \t]{1,3})?)?)?"  # "believed to have been"
    r"(?P<w>\p{L}+)",  # the verb: "troops were forced", "mourners lined"
    regex.V1,
)


# The noun an age range belongs to: "the boys, aged between 11 and 17", "boys ages 11 to 16".
_AGED_NOUN = regex.compile(
    r"(\p{Ll}{3,}),?[ \t]{1,3}(?i:aged|ages|age)[ \t]{1,3}(?:between[ \t]{1,3})?(?=\p{N})", regex.V1
)
# Where the counted people were: "189 people on board", "passengers and crew aboard".
_ON_BOARD = regex.compile(
    r"(?:[ \t]{1,3}and[ \t]{1,3}\p{L}+)?[ \t]{1,3}(?:on[ \t]board|aboard|onboard)\b", regex.V1
)
_AND_VERB = regex.compile(r"[ \t]{1,3}and[ \t]{1,3}(\p{L}+)", regex.V1)


def _is_verb(word: str, auxiliary: bool) -> bool:
    """Whether the word after a noun phrase (and its auxiliaries) is a verb that can be its
    predicate: a known predicate word or a regular past form; a bare "-ing" form only after an
    auxiliary ("were fleeing"), else it modifies ("troops guarding the base")."""
    low = word.lower()
    known = low in _nouns()["predicates"]  # type: ignore[operator]
    return (known or (low.endswith("ed") and len(low) > 4)) and (auxiliary or not low.endswith("ing"))


@cache
def _aside_re() -> regex.Pattern[str]:
    """What may stand between a counted noun phrase and its verb: a second count joined by
    "and" ("19 children and two teachers were killed": one verb for both), an aside between
    dashes or brackets ("Three trains -- two expresses and a goods train -- were involved"), or
    the group a part is taken from ("74 of the 97 victims have been identified")."""
    units = sorted((w for w, (cls, _) in patterns.number_words().items() if cls in ("unit", "ten")), key=len)
    return regex.compile(
        r"""
        [ \t]{1,3}(?:and|or)[ \t]{1,3}                 # a second count joined to the first
        (?:\p{N}[\p{N},.]*|(?i:"""
        + "|".join(map(regex.escape, reversed(units)))
        + r"""))                                      # its number, in digits or a word
        (?:[ \t]{1,3}\p{L}+){1,2}                       # its noun ("teachers", "police officers")
        (?=[ \t]{1,3}(?:were|was|are|is|have|has|had)\b) # then the verb the two share
        | [ \t]{0,2}(?:--|\u2014|\u2013)         # an aside between dashes
          [^\n\u2014\u2013]{1,150}?(?:--|\u2014|\u2013)
        | [ \t]{0,2}\([^()\n]{1,100}\)                 # an aside in brackets
        | [ \t]{1,3}of[ \t]{1,3}(?:the|these|those|its|their)  # a part's group: "74 of the 97
          (?:[ \t]{1,3}[\p{L}\p{N}][\p{L}\p{N},.+-]*){1,3}?   # victims have been identified"
          (?=[ \t]{1,3}(?:were|was|are|is|have|has|had)\b)
        """,
        regex.VERBOSE | regex.V1,
    )


@cache
def _rate_periods() -> dict[str, str]:
    """Form -> period of `[rate_periods]` ("mins" -> "minute")."""
    periods = tables.string_map(
        "nouns", "rate_periods", lambda k, v: None if isinstance(v, list) and v else "must be a list of forms"
    )
    return tables.unique_inverse("nouns", {k: [f.lower() for f in v] for k, v in periods.items()})


_RATE = regex.compile(
    r"""
    [ \t]{1,3}(?P<det>per|an?|each|every)  # "per minute", "a day", "each hour"
    [ \t]{1,3}(?P<w>\p{L}{1,30})\b        # the period or, after "per", any noun
    (?![ \t]{1,3}(?:ago|earlier|later|before|after)\b)  # "3 dogs a week ago": a time, no rate
    """,
    regex.VERBOSE | regex.IGNORECASE | regex.V1,
)


def _may_rate(text: str, pos: int) -> bool:
    """Whether `_RATE` can match at ``pos``: one to three blanks and the first letter of
    "per", "a", "an", "each" or "every" (or a letter beyond ASCII, which may fold to one);
    most amounts are followed by none."""
    return initial_after_blanks(text, pos, "pPaAeE")


def _rate(text: str, pos: int) -> str:
    """The "per-..." qualifier of a rate written at ``pos`` ("per minute" -> "per-minute").

    >>> _rate(" per minute.", 0), _rate(" a day", 0), _rate(" per request", 0), _rate(" a dog", 0)
    ('per-minute', 'per-day', 'per-request', '')
    """
    if not _may_rate(text, pos):
        return ""
    m = _RATE.match(text, pos, min(len(text), pos + 40))
    if not m:
        return ""
    word = m.group("w").lower()
    period = _rate_periods().get(word)
    if period:
        return f"per-{period}"
    if m.group("det").lower() == "per" and word not in _nouns()["stop"]:  # type: ignore[operator]
        return f"per-{_lemma(word)}"
    return ""


@cache
def _copula_re() -> LeftContext:
    """A noun phrase and a `[copulas]` verb that end right where an amount starts."""
    words = _phrase_pattern(_words("nouns", "copulas"))
    return LeftContext(regex.compile(
        rf"""
        (?<![\p{{L}}\p{{N}}])
        (?:(?P<mod>\p{{L}}{{2,20}})[ \t]{{1,3}})?  # one modifier: "operating", "single"
        (?P<noun>\p{{Ll}}[\p{{L}}\-]{{1,30}})       # the lower-case noun: "margin", "upload"
        [ \t]{{1,3}}(?:{words})                      # was, may be, stands at ...
        [ \t\u00a0]{{1,3}}$                          # right before the amount
        """,
        regex.VERBOSE | regex.IGNORECASE | regex.V1,
    ), word_gate(last_words(_words("nouns", "copulas")), least=1))


@cache
def _copula_after_pp_re() -> regex.Pattern[str]:
    """A noun, then a phrase of place, time or cause, then a `[copulas]` verb that ends right
    where an amount starts: "the fatalities from the explosion was 137", "the toll in Turkey
    stood at 5,000". The noun before the phrase is what the amount counts."""
    words = _phrase_pattern(_words("nouns", "copulas"))
    return regex.compile(
        rf"""
        (?<![\p{{L}}\p{{N}}])(?P<noun>\p{{Ll}}[\p{{L}}\-]{{1,30}})    # the noun: "fatalities", "toll"
        [ \t]{{1,3}}(?i:from|in|at|after|during|near|across|following|since)  # place, time, cause
        (?:[ \t]{{1,3}}[\p{{L}}\p{{N}}][\p{{L}}\p{{N}}'\u2019.\-]{{0,30}}){{1,5}}?  # "the explosion"
        [ \t]{{1,3}}(?i:{words})                                    # was, stands at ...
        [ \t\u00a0]{{1,3}}$                                         # right before the amount
        """,
        regex.VERBOSE | regex.V1,
    )


_TOTAL_NOUNS = frozenset(("number", "total", "count", "tally"))
_OF = frozenset(("of",))
_TOTAL_OF = LeftContext(regex.compile(
    # "number of buildings"
    r"\b(?:number|total|count|tally)[ \t]+of[ \t]+(?:the[ \t]+)?(?P<noun>\p{Ll}[\p{L}\-]{1,30})"
    r"(?:[ \t]+(?:that|which|who)[ \t]+\p{L}+)?"  # "that collapsed"
    r"[ \t]+\p{L}+(?:[ \t]+\p{L}+)?[ \t\u00a0]{1,3}$",  # the copula: "is", "stands at"
    regex.IGNORECASE | regex.V1,
))


def _copular_subject(before: str) -> tuple[str, list[str]]:
    """Head and qualifiers of "NOUN was N" from the text right before an amount.

    >>> _copular_subject("Operating margin was "), _copular_subject("A single upload may be ")
    (('margin', ['operating']), ('upload', ['single']))
    >>> _copular_subject("It was "), _copular_subject("The answer is "), _copular_subject("This ")
    (('', []), ('answer', []), ('', []))
    >>> _copular_subject("The data on the fatalities from the blast was ")
    ('fatality', [])
    >>> _copular_subject("The toll in Turkey was ")
    ('toll', [])
    """
    # the total needs one of its nouns and "of" (a cheap test before the search)
    total = _TOTAL_OF.search(before) if may_hold(before, _TOTAL_NOUNS) and may_hold(before, _OF) else None
    if total and _copula_re().search(before):
        # "The number of buildings that collapsed is 2,818": the total counts its "of" noun.
        return _lemma(total.group("noun")), []
    m = _copula_re().search(before)
    stop = _nouns()["stop"]
    pp = _copula_after_pp_re().search(before) if m else None  # (both end with the copula)
    if pp and pp.group("noun").lower() not in stop:  # type: ignore[operator]
        return _lemma(pp.group("noun")), []  # "the fatalities from the explosion was 137"
    if not m or not m.group("noun")[0].islower() or m.group("noun").lower() in stop:  # type: ignore[operator]
        return "", []  # a name ("Paris is 300 km away") is no measured noun
    mod = m.group("mod")
    quals = [_qualifier(mod)] if mod and mod.lower() not in stop else []  # type: ignore[operator]
    return _lemma(m.group("noun")), quals


def _subject(text: str, doc_sentence: tuple[int, int], cand: _Cand) -> tuple[Subject, int, bool]:
    """The subject of an amount, where its noun phrase ends (to extend the span) and whether
    its predicate is attached to it (next to it, or after its noun phrase) rather than the
    nearest verb some words before, which often belongs to another clause."""
    value = cand.amount.low if cand.amount.low != 0 or cand.amount.is_point else cand.amount.high
    s_start, s_end = doc_sentence
    head = ""
    qualifiers: list[str] = []
    phrase = ""
    np_end = cand.end
    # the counted noun phrase after the amount ("5,000 U.S. troops"), or "of NP"
    pos = own_at = cand.end
    own: list[tuple[str, int, int]] | None = None
    if cand.kind in ("duration", "percent", "quantity", "money", "count"):
        ofm = (
            _match(r"[ \t]{1,3}of[ \t]{1,3}(?:the[ \t]{1,3}|a[ \t]{1,3}|an[ \t]{1,3})?", text[pos : pos + 12])
            if "of" in text[pos + 1 : pos + 6]  # after one to three blanks
            else None
        )
        after_of = pos + ofm.end() if ofm else pos
        if (
            ofm
            and (cand.kind != "count" or _head(own := _np_words(text, pos), value) is None)
            and not (numruns.may_start(text, after_of) and patterns.NUMBER_RUN.match(text, after_of))
        ):
            pos = after_of  # "16 years of war", "one of the leaders"; not "one of two painters"
    if cand.rule == "numbers.vague-count" or (cand.kind == "count" and text[pos - 1 : pos] == " "):
        pos = pos - 1 if text[pos - 1 : pos] == " " else pos
    # the phrase read for the "of" test above, when it starts at the same place
    words = own if own is not None and own_at == pos else _np_words(text, pos)
    hi: int | None
    if cand.kind in ("count",):
        hi = _head(words, value)
    elif words and cand.kind in ("money", "quantity", "percent", "duration", "age"):
        hi = _head(words, Decimal(1))
        if cand.kind == "age" and words and words[0][0] in ("'s", "’s"):
            hi = None
    else:
        hi = None
    if hi is not None:
        head = _lemma(words[hi][0])
        qualifiers = [_qualifier(w) for w, _, _ in words[:hi]]
        phrase = text[words[0][1] : words[hi][2]]
        np_end = words[hi][2]
    # predicate: "deaths of N", "N troops were forced", or the nearest verb before
    predicate = ""
    attached = True
    window = text[max(s_start, cand.start - 60) : cand.start]
    # "of" stands at most twelve characters before a match's end (blanks, "the", a line break)
    om = _OF_BEFORE.search(window) if "of" in window[-12:] else None
    if om and _predicate_word(om.group("w")):
        predicate = _predicate_word(om.group("w")) or ""
    if not predicate:
        am = _AFTER_VERB.match(text, np_end)
        if not am or am.group("w").lower() in ("and", "or", "of"):
            aside = _aside_re().match(text, np_end, min(s_end, np_end + 200)) if np_end < s_end else None
            am = _AFTER_VERB.match(text, aside.end()) if aside else am
        if am and am.end() <= s_end:
            w = am.group("w")
            auxiliary = am.group().strip() != w
            if auxiliary and not _is_verb(w, auxiliary):
                # "were shot and killed": an irregular participle the tables do not know,
                # then the verb they do
                then = _AND_VERB.match(text, am.end(), s_end)
                w = then.group(1) if then else w
            if _is_verb(w, auxiliary):
                predicate = _predicate_word(w) or ""
        if not predicate and _ON_BOARD.match(text, np_end, min(s_end, np_end + 40)):
            predicate = _predicate_word("aboard") or ""  # "189 people on board", "and crew aboard"
    if not predicate and qualifiers:
        # "15 injured persons", "40 dead soldiers": a participle the table knows, before the
        # noun, says what happened to the counted things as a verb would
        preds: dict[str, str] = _nouns()["predicates"]  # type: ignore[assignment]
        predicate = next((preds[q.lower()] for q in qualifiers if q.lower() in preds), "")
    left_head = ""
    if not predicate:
        # A bounded window, so a sentence with thousands of amounts stays linear.
        before = text[max(s_start, cand.start - _LEFT_WINDOW) : cand.start]
        # The last ten words, read backwards from the amount (maximal letter runs are the
        # same read either way) rather than every word of the window.
        tokens = [m.group() for m in islice(_WORDS_BACK.finditer(before), 10)][::-1]
        for j in range(len(tokens) - 1, -1, -1):
            if j < len(tokens) - 1 and tokens[j].lower().endswith("ing"):
                continue  # "a base housing US troops by over a dozen rockets": a modifier
            p = _predicate_word(tokens[j])
            if p:
                predicate = p
                # "killed 12", "killed at least 12": only hedge words in between; not "injuring
                # 5,385 others in 10 provinces", where a preposition heads the number's phrase
                attached = len(tokens) - 1 - j <= 2 and not _OBLIQUE.holds(before)
                change_verbs, _, auxiliaries, _ = _change_words()
                if not head and j > 0 and (cand.kind != "count" or p in change_verbs):
                    k = j - 1
                    # "The death toll from the quake that struck on Friday has risen to 2,122":
                    # the running total named earlier in the clause is the subject, not the
                    # word just before the verb.
                    total = _last_total(before) if p in change_verbs else None
                    if total:
                        left_head = _lemma(total.group("head"))
                        if total.group("mod") and total.group("mod").lower() not in _nouns()["stop"]:  # type: ignore[operator]
                            qualifiers = [_qualifier(total.group("mod"))]
                        break
                    # skip adverbs and auxiliaries: "the death toll has sharply risen to 176"
                    while k >= 0 and (tokens[k].lower().endswith("ly") or tokens[k].lower() in auxiliaries):
                        k -= 1
                    stop = _nouns()["stop"]
                    if k >= 0 and tokens[k].lower() not in stop and tokens[k][0].islower():  # type: ignore[operator]
                        left_head = _lemma(tokens[k])
                        if k > 0 and tokens[k - 1].lower() not in _nouns()["stop"]:  # type: ignore[operator]
                            qualifiers = [_qualifier(tokens[k - 1])]
                break
    if not head and not left_head and cand.kind == "age":
        # "the boys, aged 11 to 16": the age is of the noun before "aged"
        whose = _AGED_NOUN.search(text, max(s_start, cand.start - 60), cand.end)
        left_head = _lemma(whose.group(1)) if whose else ""
    if not head and not left_head:
        left_head, qualifiers = _copular_subject(text[max(s_start, cand.start - 80) : cand.start])
    if not head and left_head:
        head = left_head
        phrase = " ".join([*qualifiers, head])
    rate = _rate(text, np_end) if np_end < s_end else ""
    if rate:
        qualifiers = [*qualifiers, rate]  # "60 requests per minute": a rate, not a count
    negated = cand.rule == "numbers.negated-count"
    seen: set[str] = set()
    quals = tuple(q for q in qualifiers if q and not (q in seen or seen.add(q)))  # type: ignore[func-returns-value]
    subject = Subject(head=head, qualifiers=quals, predicate=predicate, negated=negated, phrase=phrase)
    return subject, np_end, attached


# Between two coordinated counts: "killing 2,012 people and injuring 2,059", "12 dead, 30 hurt".
_COORDINATION = LeftContext(regex.compile(
    r"[ \t]{0,2}(?:,[ \t]{0,2})?(?:and|while|with|as[ \t]well[ \t]as|,)[ \t]{1,3}"
    r"(?:(?P<verb>\p{Ll}{2,20})[ \t]{1,3})?$",
    regex.V1,
))


def _coordinated(
    text: str, previous: tuple[_Cand, Subject, int, tuple[int, int]], c: _Cand, sentence: tuple[int, int],
    subject: Subject,
) -> Subject:
    """A headless count coordinated with the previous one counts the same things.

    >>> from discrepancy.extractors.numbers import Document, Settings, amounts, extract

    >>> doc = Document("d", "The quake killed 2,012 people and injured 2,059.")
    >>> [(f.surface, f.subject.head, f.subject.predicate) for f in extract(doc, Settings())]
    [('2,012', 'person', 'kill'), ('2,059', 'person', 'injure')]
    """
    p_cand, p_subject, p_end, p_sentence = previous
    if p_sentence != sentence or c.kind != "count" or p_cand.kind != "count" or not p_subject.head:
        return subject
    if p_subject.head in _change_words()[1]:
        return subject  # "the toll rose to 2,122, with 2,421 injured": the injured are no toll
    if p_end > c.start or c.start - p_end > 40:
        return subject
    m = _COORDINATION.search(text, p_end, c.start)
    if not m or m.start() != p_end:
        return subject
    predicate = subject.predicate
    if m.group("verb"):
        predicate = _predicate_word(m.group("verb")) or predicate
    return replace(
        p_subject, predicate=predicate, negated=subject.negated, source=subject.source or p_subject.source
    )
