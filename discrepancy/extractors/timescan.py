"""Scanning: the date and time patterns.

Every pattern is verbose, anchored on a month, weekday, digit or relative word, and bounds
its repetitions, so scanning stays linear on hostile input (digit runs, slashes, repeated
month names). `discrepancy.extractors.timesites` decides where in a text each one runs.
"""

from __future__ import annotations

from functools import cache

import regex

from .. import zones
from .mention import _UNIT_ORD, _UNITS
from .timetables import _alt, _horizontal, calendar


@cache
def _pieces() -> dict[str, str]:
    cal = calendar()
    tens = "twenty|thirty"
    units = "|".join(_UNITS + _UNIT_ORD)
    single = _alt([w for w in cal.day_words])
    day_word = rf"(?:(?:{tens})(?:[\s-]{{1,2}}(?:{units}))?(?![\w-])|(?:{single})(?![\w-]))"
    ordinal_word = (
        rf"(?:(?:twenty|thirty)[\s-]{{1,2}}(?:{'|'.join(_UNIT_ORD)})|twentieth|thirtieth|"
        rf"{'|'.join(_UNIT_ORD)}|tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth)(?![\w-])"
    )
    month = _alt(cal.months)
    weekday = _alt(cal.weekdays)
    zone_abbr = _alt([z for z in zones.table() if len(z) >= 2])
    # A city's clock names a zone too ("Rome time"): data/city_zones.toml
    zone_name = _alt([*cal.zone_names, *(f"{c} time" for c in zones.cities())])
    zone_series = _alt(cal.zone_series)
    holiday = _alt(cal.holidays).replace("'", "['’]?")
    teen = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    tens_w = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    unit_w = "|".join(_UNITS)
    below100 = rf"(?:(?:{tens_w})(?:[\s-]{{1,2}}(?:{unit_w}))?|{teen}|{unit_w})"
    spoken_year = (
        rf"(?:(?:{teen}|twenty)\s{{1,2}}(?:hundred(?:\s{{1,2}}and)?\s{{1,2}}{below100}"
        rf"|zero\s{{1,2}}(?:{unit_w})|(?:{tens_w})(?:[\s-]{{1,2}}(?:{unit_w}))?)"
        rf"|two\s{{1,2}}thousand(?:\s{{1,2}}(?:and\s{{1,2}})?{below100})?)(?![\w-])"
    )
    return {
        "spoken_year": spoken_year,
        "day_word": day_word,
        "ordinal_word": ordinal_word,
        "month": month,
        "weekday": weekday,
        "zone_abbr": zone_abbr,
        "zone_name": zone_name,
        "zone_series": zone_series,
        "holiday": holiday,
        "vague": _alt(cal.vague),
        "season": _alt(cal.seasons),
        "number_word": (
            r"an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|a\s{1,3}few|several"
            r"|couple\s{1,3}of|a\s{1,3}couple\s{1,3}of"
        ),
    }


# --------------------------------------------------------------------------------------------
# Patterns (compiled once, on first use)


@cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    p = _pieces()
    flags = regex.VERBOSE | regex.IGNORECASE
    day_num = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
    year4 = r"(?:1[0-9]{3}|2[01][0-9]{2})"

    # Dates written with a month name, day first or month first, optional weekday and year.
    month_date = regex.compile(
        _horizontal(
            rf"""
        \b                                         # at a word start: the engine skips word insides fast
        (?<![\w]|\d[.,])                           # start on a word, not inside "6,107.31"
        (?:(?P<wmod>this|next|last|coming)\s{{1,3}}(?=(?:{p["weekday"]})))?     # "this Friday June 22"
        (?:(?P<wd>{p["weekday"]})\.?,?\s{{1,3}}(?:the\s{{1,3}})?)?   # optional weekday: "Friday 3 January"
        (?:
          # month first: "January 8th, 2020", "Oct. 2", "Jan-1", "May twenty-first", "Jan first"
          (?P<mon>{p["month"]})(?![a-z])\.?
          (?:\s{{0,3}}[-/.,]\s{{0,3}}|\s{{1,3}}|(?=\d))   # separator (none before a digit: "October2")
          (?:the\s{{1,3}})?
          (?P<day>{day_num}(?!\d|:\d)|{p["day_word"]})
          (?:
             (?:\s{{0,3}},\s{{0,3}}|\s{{1,3}}(?:of|in)\s{{1,3}}|\s{{1,3}}|\s{{0,3}}[-/]\s{{0,3}})
             (?P<year>{year4}(?![\d:])|{p["spoken_year"]})
          )?
        | # day first: "3 January", "1st Jan", "22 of Jan", "second of Aug", "16. Nov. 2016", "05-Aug-2016"
          (?<![$€£¥]\s{{0,2}})(?:the\s{{1,3}})?
          (?P<day>{day_num}|{p["day_word"]})\.?
          (?:\s{{1,3}}day)?
          (?:\s{{1,3}}of\s{{1,3}}|\s{{0,3}}[-/]\s{{0,3}}|\s{{1,3}}|(?<=\d)(?=[a-z]))
          (?P<mon>{p["month"]})(?![a-z])\.?
          (?:
             (?:\s{{0,3}},\s{{0,3}}|\s{{1,3}}(?:of|in)\s{{1,3}}|\s{{1,3}}|\s{{0,3}}[-/]\s{{0,3}})
             (?P<year>(?:{year4}|(?<=of\s{{1,3}})\d{{2}})(?![\d:])|{p["spoken_year"]})
          )?
        | # year first with a month name: "2019-sep-1", "2019/sep/01"
          (?P<year>{year4})[-/](?P<mon>{p["month"]})[-/](?P<day>[0-3]?\d)(?!\d)
        | # month and year: "March 2023", "January of 2020"
          (?P<mon>{p["month"]})(?![a-z])\.?,?(?:\s{{1,3}}of)?\s{{1,3}}(?P<year>{year4})(?![\d:])
        | # a month alone after a preposition, article or modifier: "in January", "since March",
          # "last May", "the October slaying", "the end of March"
          (?P<mprep>in|since|until|till|by|during|early|late|mid|from|through|last|next|this
                  |the|for|of|before|after|throughout)(?:\s{{1,3}}|-)
          (?P<mon>{p["month"]})(?![\w])
          # not when a day or a year follows: the branches above read those
          (?!\.?\s{{0,3}},?\s{{0,3}}(?:of\s{{1,3}}|the\s{{1,3}})?(?:\d|{p["day_word"]}))
        )
        """
        ),
        flags,
    )

    # All-numeric dates: ISO, m/d/y, d.m.y, m/d, compact yyyymmdd.
    numeric_date = regex.compile(
        _horizontal(
            r"""
        (?=\d)                                       # a digit first: the engine skips other text fast
        (?<![\d/.:,]|\d[.,])                         # not inside another number
        (?:
          (?P<y>1[89]\d\d|20\d\d)(?P<s>[-/.])(?P<a>[01]?\d)(?P=s)(?P<b>[0-3]?\d)   # 2020-01-06, 2015.5.13
        | (?P<a>[0-3]?\d)(?P<s>[-/.])(?P<b>[0-3]?\d)(?:(?P=s)|,)(?P<y>\d{4}|\d{2})  # 02/22/2016, 08/12,2015
        | (?P<a>[0-3]?\d)(?P<s>[-/.])(?P<b>[0-3]?\d)         # 4/22, 22/04, 4.22 (context checked)
        | (?P<compact>(?:19|20)\d{2}[01]\d[0-3]\d)                                   # 20161016
        )
        (?![\d/]|[.,:]\d|%|[^\W_])                   # not followed by more number or a word
        """
        ),
        flags,
    )

    # Weekdays with their modifiers and parts of day.
    weekday = regex.compile(
        _horizontal(
            rf"""
        \b                                   # at a word start: the engine skips word insides fast
        (?<![\w])
        (?:
           (?:the\s{{1,3}})?                                 # "(the) first Sunday"
           (?P<nth>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s{{1,3}}
         | (?P<mod>this\s{{1,3}}past|this\s{{1,3}}coming|this\s{{1,3}}upcoming|last|this|next|past|
                  previous|coming|following|upcoming)\s{{1,3}}
         | (?P<wmod>this|next|last|previous|past)\s{{1,3}}week     # "next week (on) Friday"
           (?:\s{{0,3}}-\s{{0,3}}|\s{{1,3}}on\s{{1,3}}|\s{{1,3}})
         | (?P<part>early\s{{1,3}}hours\s{{1,3}}of|small\s{{1,3}}hours\s{{1,3}}of|
                   early|late)\s{{1,3}}
        )?
        (?P<wd>{p["weekday"]})(?![a-z])
        (?:
           ,?\s{{1,3}}(?P<partafter>morning|afternoon|evening|night|overnight)
         | \s{{1,3}}(?:of\s{{1,3}})?(?P<wmodafter>this|next|last|previous|the\s{{1,3}}following)\s{{1,3}}week
         | \s{{1,3}}of\s{{1,3}}(?P<ofmon>{p["month"]})(?![a-z])
         | \s{{1,3}}(?:of|in)\s{{1,3}}(?P<ofrel>this|next|last|previous)\s{{1,3}}month
         | (?:\s{{1,3}}the)?\s{{1,3}}                      # "Thursday the 21st", "Monday 21"
           (?P<day>[0-3]?\d(?:st|nd|rd|th)?(?![\d:./-]|\s{{0,2}}(?:[ap]\.?m\b|o'clock))
                                     |{p["ordinal_word"]}|(?<=the\s{{1,3}}){p["day_word"]})
        )?
        (?![\w])
        """
        ),
        flags,
    )

    # Relative expressions: offsets from the dateline, weeks, weekends, years.
    relative = regex.compile(
        _horizontal(
            rf"""
        \b                                   # at a word start: the engine skips word insides fast
        (?<![\w])
        (?:
          (?P<reldays>the\s{{1,3}}day\s{{1,3}}before\s{{1,3}}yesterday|the\s{{1,3}}day\s{{1,3}}after\s{{1,3}}(?:tomorrow|tmrw)
                     |today|tonight|yesterday|tomorrow|tmrw)
          (?:\s{{1,3}}(?P<partafter>morning|afternoon|evening|night))?
        | (?P<n>\d{{1,3}}|{p["number_word"]})\s{{1,3}}
          (?P<unit>day|week|month|year|fortnight|decade|{p["weekday"]})s?
          (?P<more>(?:\s{{0,2}},?\s{{1,3}}(?:and\s{{1,3}})?(?:\d{{1,3}}|{p["number_word"]})\s{{1,3}}(?:day|week|month|year)s?){{1,3}})?
          \s{{1,3}}(?P<dir>ago|earlier|before|later|after|from\s{{1,3}}(?:now|today|tomorrow|tmrw|yesterday)|hence
                      |from(?=\s{{1,3}}[\w]))
          (?P<after_rel>\s{{1,3}}(?:today|tomorrow|yesterday))?
        | (?:in|within)\s{{1,3}}(?P<n>\d{{1,3}}|{p["number_word"]})\s{{1,3}}  # "in 3 weeks"
          (?P<unit>day|week|month|year|fortnight)s?
          (?:'s?\s{{1,3}}time)?(?!\s{{1,3}}(?:from|after|before|since)\b)
        | (?P<rw>last|this|next|past|previous|coming)\s{{1,3}}(?P<unit>weekend|week|month|year)
        | (?P<edge>earlier|later|early|late)\s{{1,3}}(?:this|in\s{{1,3}}the)\s{{1,3}}(?P<unit>week|month|year)
        | (?P<weekend>(?:at|over|during)\s{{1,3}}the\s{{1,3}}weekend)
        | (?P<thispart>this|last)\s{{1,3}}(?P<part>morning|afternoon|evening|night)
        | (?P<anaphor>(?:a|one|the)\s{{1,3}}day\s{{1,3}}(?:after|before|earlier|later)   # "a day after"
                     |the\s{{1,3}}(?:next|following|previous)\s{{1,3}}day)
        | # the last date written: "that day", "later that same day", "the following year"
          (?P<thatedge>(?:earlier|later)\s{{1,3}})?
          (?P<that>that(?:\s{{1,3}}same)?|the\s{{1,3}}same|the\s{{1,3}}(?:following|next|previous|preceding))
          \s{{1,3}}(?P<thatunit>day|morning|afternoon|evening|night|month|year)(?![\w'’-])
        | (?:the\s{{1,3}})?(?P<dord>[0-3]?\d(?:st|nd|rd|th)|{p["ordinal_word"]})   # "the 20th of next month"
          (?:\s{{1,3}}day)?(?:\s{{1,3}}of)?\s{{1,3}}
          (?P<ofrel>this|next|last|previous|the\s{{1,3}}following)\s{{1,3}}month
        | (?P<nth>first|second|third|fourth|fifth|last)\s{{1,3}}week\s{{1,3}}of\s{{1,3}}(?P<mon>{p["month"]})
        | (?P<prep>in|since|until|till|by|during|from|before|after|of)\s{{1,3}}(?:the\s{{1,3}}year\s{{1,3}})?
          (?P<year>1[5-9]\d\d|20\d\d)(?![\d:%]|[.,]\d|[-/]\d|\s{{0,2}}(?:percent|per\s|people|troops|men))
        | (?P<prepday>on|for|on\s{{1,3}}the|for\s{{1,3}}the|the)\s{{1,3}}
          (?P<dday>[0-3]?\d(?:st|nd|rd|th)|(?<=(?:on|for|the)\s{{1,3}})[0-3]?\d|{p["ordinal_word"]}|{p["day_word"]})
          (?=\s{{0,2}}(?:[!?;)]|[.,](?!\d)|$))
        )
        (?![\w])
        """
        ),
        flags,
    )

    ampm = r"(?:a\s{0,2}\.\s{0,2}m\s{0,2}\.?|p\s{0,2}\.\s{0,2}m\s{0,2}\.?|am\b|pm\b|(?<=\d)[ap](?![\w]))"
    zone_tail = rf"""
        (?:
          \s{{0,2}}\(?\s{{0,2}}
          (?P<zone>
             (?:utc|gmt)\s{{0,2}}[+±-]\s{{0,2}}\d{{1,2}}(?::?\d{{2}})?h?(?!\d)   # UTC+4, GMT-3, UTC+04:30
           | {p["zone_name"]}
           | {p["zone_abbr"]}
          )(?![\w])\s{{0,2}}\)?
        )?"""
    time = regex.compile(
        _horizontal(
            rf"""
        \b                                   # at a word start: the engine skips word insides fast
        (?<![\w:.,/])
        (?:
           (?P<h>[012]?\d)(?::(?P<m>[0-5]\d))(?::[0-5]\d)?(?:\s{{0,2}}(?P<ap>{ampm}))?   # 5:30 p.m., 17:30
         | (?P<h>[01]?\d)\.(?P<m>[0-5]\d)\s{{0,2}}(?P<ap>{ampm})                      # 8.10 pm
         | (?P<h>[01]?\d)\s{{0,2}}(?P<ap>{ampm})                                      # 9 a.m., 7p
         | (?P<h>[01]?\d)\s{{1,2}}(?P<ap>o['’]?clock)(?![\w])                         # 10 o'clock
         | (?P<h>[01]?\d)                                                # 7 in the evening
           (?=\s{{1,3}}(?:in\s{{1,3}}the\s{{1,3}}(?:morning|afternoon|evening)|at\s{{1,3}}night))
         | (?P<hw>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s{{1,2}}(?P<ap>{ampm}
              |o['’]?clock|in\s{{1,3}}the\s{{1,3}}(?:morning|afternoon|evening))        # seven p.m.
         | (?:12\s{{1,2}})?(?P<noon>noon|midday|midnight|mid\s?night)
         | (?P<past>\d{{1,2}}|half|quarter|a\s{{1,2}}quarter|five|ten|fifteen|twenty|twenty[\s-]five)
           (?:\s{{1,2}}min(?:ute)?s?)?\s{{1,2}}(?P<pto>past|after|to)\s{{1,2}}
           (?P<ph>[01]?\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?![\w:])
           (?:\s{{1,2}}(?P<ap>{ampm}|o'clock))?
         | (?P<inpart>in\s{{1,3}}the\s{{1,3}}(?:morning|afternoon|evening))\s{{1,3}}at\s{{1,3}}
           (?P<h>[01]?\d)(?::(?P<m>[0-5]\d))?(?![\w:])
         | (?<=\bat\s{{1,3}})(?P<h>[01]?\d)\.(?P<m>[0-5]\d)(?![\d.])                  # at 6.45
        )
        (?:\s{{1,3}}(?P<inpart>in\s{{1,3}}the\s{{1,3}}(?:morning|afternoon|evening)|at\s{{1,3}}night|tonight))?
        {zone_tail}
        """
        ),
        flags,
    )
    # Standalone zones: long names and offsets anywhere; abbreviations after a time only.
    zone_only = regex.compile(
        _horizontal(
            rf"""
        \b                                   # at a word start: the engine skips word insides fast
        (?<![\w])
        (?P<zone>
           (?:utc|gmt)\s{{0,2}}[+±-]?\s{{0,2}}\d{{1,2}}(?::?\d{{2}})?h?(?!\d)      # UTC+4, utc4:30, UTC -12h
         | (?:{p["zone_series"]})\s{{1,2}}\d{{1,2}}(?!\d)                         # russia time zone 3
         | (?:{p["zone_name"]})(?:\s{{0,2}}\([\p{{L}} ]{{1,30}}\))?              # names, "(mexico)"
         | (?:{p["zone_abbr"]})(?:[+-]\d{{1,2}}(?!\d))?                            # MSK, MSK+7
        )
        (?![\w])
        """
        ),
        flags,
    )
    # Named holidays: "Christmas", "last Easter", "black friday 2010", "independence day of this year".
    holiday = regex.compile(
        _horizontal(
            rf"""
        \b                                   # at a word start: the engine skips word insides fast
        (?<![\w])
        (?:(?P<mod>last|next|previous|following|this)\s{{1,3}})?
        (?P<hol>{p["holiday"]})
        (?:
           \s{{1,3}}(?:of\s{{1,3}}|in\s{{1,3}})?(?P<year>1[5-9]\d\d|20\d\d)(?![\d:])
         | \s{{1,3}}of\s{{1,3}}(?P<rel>this|next|last)\s{{1,3}}year
        )?
        (?![\w])
        """
        ),
        flags,
    )
    year = r"(?:1[89]|20)\d\d"
    # Periods: quarters, halves, seasons, decades, centuries, fiscal and spoken years, vague
    # references and years standing alone.
    period = regex.compile(
        _horizontal(
            rf"""
        (?<![\w$€£¥#.,'’-])
        (?:
          # "the third quarter", "third-quarter", "the fiscal first quarter", "the latest
          # quarter", "the year-ago quarter", "the first half of 1998", "the 1988 second quarter"
          (?P<qpre>(?:(?:the|this|last|next|latest|current|previous|past|same|comparable|corresponding
                     |fiscal|year-ago|year-earlier|(?:this|last|next)\s{{1,3}}year['’]s|{year})
                    \s{{1,3}}){{1,3}})?
          (?:(?P<qnth>first|second|third|fourth|1st|2nd|3rd|4th|final)[\s-]{{1,2}})?
          (?P<qunit>quarter|half|period)(?![\w-])
          (?:\s{{1,3}}(?:of\s{{1,3}})?(?:(?:the\s{{1,3}})?(?:fiscal|calendar)\s{{1,3}}(?:year\s{{1,3}})?)?
             (?P<qyear>{year})(?!\d))?
        | # "year-earlier profit", "year-ago levels": a year before the period just written
          (?P<yago>year-(?:ago|earlier))(?=\s{{1,3}}[a-z])
                | # "last fall", "this summer", "the winter of 1994", "early spring"
          (?P<spre>(?:the|this|last|next|past|coming|early|late|mid|this\s{{1,3}}past|this\s{{1,3}}coming
                    |the\s{{1,3}}(?:early|late)|(?:this|last|next)\s{{1,3}}year['’]s)(?:\s{{1,3}}|-))?
          (?P<season>{p["season"]})(?![\w-])
          (?:\s{{1,3}}(?:of\s{{1,3}})?(?P<syear>{year}(?!\d)|{p["spoken_year"]}))?
        | # decades: "the 1990s", "the late '80s", "the nineties"
          (?:the\s{{1,3}})?(?:(?P<dpart>early|mid|late)[\s-]{{1,2}})?
          (?:(?P<decade>(?:1[89]|20)\d0)|['’](?P<d2>\d0))['’]?s(?![\w])
        | the\s{{1,3}}(?:(?P<dpart2>early|mid|late)[\s-]{{1,2}})?
          (?P<dword>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)(?![\w])
        | # centuries: "the 20th century", "the eleventh century"
          (?:the\s{{1,3}})?(?P<cent>[12]?\d(?:st|nd|rd|th)|{p["ordinal_word"]})[\s-]{{1,2}}century(?![\w-])
        | # fiscal years: "fiscal 1989", "fiscal year 1990"
          fiscal\s{{1,3}}(?:year\s{{1,3}})?(?P<fyear>{year})(?!\d)
        | # the dateline's year: "the current year", "the current fiscal year"
          (?P<curyear>the\s{{1,3}}current\s{{1,3}}(?:fiscal\s{{1,3}})?year)(?![\w-])
        | # spoken years: "nineteen ninety-six", "the year two thousand"
          (?:the\s{{1,3}}year\s{{1,3}})?(?P<spoken>{p["spoken_year"]})
        | # vague references, not before a number or unit ("the past two months" is a duration)
          (?P<vague>{p["vague"]})(?![\w-])
          (?![^\w.;:]{{1,3}}(?:\d|(?:few|several|couple|one|two|three|four|five|six|seven|eight|nine|ten
                      |twelve|hours?|days?|weeks?|months?|years?|decades?|quarters?|centur(?:y|ies)|fiscal)(?![\w-])))
        | # a year standing alone: "1990", "mid-1996", "early 1990"
          (?:(?P<ypart>early|mid|late)[\s-]{{1,2}})?(?P<year>{year})
          (?![\d:%]|[.,]\d|[-/]\d|\s{{0,2}}(?:percent|per\s|people|troops|men))
        )
        (?![\w])
        """
        ),
        flags,
    )
    return {
        "period": period,
        "holiday": holiday,
        "month_date": month_date,
        "numeric_date": numeric_date,
        "weekday": weekday,
        "relative": relative,
        "time": time,
        "zone_only": zone_only,
    }
