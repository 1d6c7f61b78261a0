"""When a statement was made, from the words around its cue and the publication date.

``statement_dates(statements, articles)`` returns one row per statement (same index) with:
    published          the article's publication time (UTC; NaT when unknown)
    said_on            date (datetime64, day resolution) or NaT; for a week the Monday that
                       starts it, for a month its first day
    said_on_precision  day | week | month | article | unknown
    said_on_range      the same as text: "2025-02-07", or "2025-02-03..2025-02-09" for a week,
                       "2025-01-01..2025-01-31" for a month ("" when unknown)
    when_text          the words that gave the date ("" when none did)

How it decides, for a reporter checking a row:
- The time words looked at are those of the sentence holding the cue ("On Friday, Trump told
  reporters ..."), outside quotation marks, before the cue or just after it ("Peskov told CNN on
  Monday"), never in the reported clause after "that", "would", ... ("said he would go on Friday").
- A sentence with none borrows them from the sentence just before it when that sentence names the
  same speaker or ends with a colon (a quote introduced in the paragraph above).
- Every date is counted back from the publication date: "on Friday" is the last Friday on or
  before it, "yesterday" the day before, "earlier this week" the week it falls in (precision
  week), "last month" the month before (precision month), "on Feb. 7" the last Feb. 7 not after it
  (a date without a year more than six months back is read as a plan: "the summit on March 3").
  A statement still to come ("On Tuesday, he will underscore that ..." in a preview published on
  Monday) is never dated by the time near it: it keeps the publication date.
- "recently", "a recent interview", "days ago" keep the publication date (precision ``article``)
  and record the words; "previously", "last year", "in the past" are too vague: ``unknown``.
- Future or hypothetical times ("next week", "within 24 hours of taking office", "tomorrow")
  are never statement dates, nor is a time that bounds something else ("houses declared unfit
  before January 1, 2017", "since March", "as of Monday"), nor one inside what was said, wherever
  the cue stands ("The programme, formulated before January 1, 2017, is ahead of schedule, the
  Governor noted"). Transcript turns are dated by their document.
- No time words: the publication date, precision ``article``. No publication date either:
  ``unknown``. A date is never invented.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

# Bump when a change to this module changes its output (kit.cache re-dates everything then).
ENGINE_VERSION = "7"
DATE_COLUMNS = ["published", "said_on", "said_on_precision", "said_on_range", "when_text"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
          "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10}
MONTH_NAME = (r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|"
              r"aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)")
WEEKDAY_NAME = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
COUNT = r"(?:\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)"
PART_OF_DAY = r"(?:\s(?:morning|afternoon|evening|night))?"

# (kind, pattern). The longest match at a place wins; kinds are resolved by ``_resolve``.
TIME_PATTERNS: list[tuple[str, str]] = [
    ("future", r"\b(?:next|coming|following)\s(?:week|month|year|weekend|" + WEEKDAY_NAME + r")\b"),
    ("future", r"\bin\sthe\s(?:coming|next|following)\s(?:hours?|days?|weeks?|months?|years?)\b"),
    ("future", r"\bwithin\s(?:the\s)?(?:" + COUNT + r"\s)?(?:hours?|days?|weeks?|months?|years?)(?:\sof\s[\w\s]{1,40}?(?=[,.;]|$))?"),
    ("future", r"\b(?:tomorrow|upcoming|later\s(?:today|tonight|this\s(?:week|month|year)))\b"),
    ("future", r"\bas\ssoon\sas\s(?:this|next)\s(?:week|month|year)\b"),
    ("future", r"\bby\sthe\send\sof\s(?:the|this|next)\s(?:day|week|month|year)\b"),
    ("day_before_yesterday", r"\b(?:on\s)?the\sday\sbefore\syesterday\b"),
    ("yesterday", r"\b(?:on\s)?yesterday(?:\s(?:morning|afternoon|evening))?\b|\blast\snight\b"),
    ("today", r"\b(?:earlier\s|on\s)?today\b|\bthis\s(?:morning|afternoon|evening)\b|\btonight\b|\bearlier\sin\sthe\sday\b"),
    ("last_weekday", r"\blast\s" + WEEKDAY_NAME + PART_OF_DAY + r"\b"),
    ("weekday", r"\b(?:(?:on|earlier\son|this\spast|late|early)\s)?" + WEEKDAY_NAME + r"(?:['’]s)?" + PART_OF_DAY + r"\b"),
    ("days_ago", r"\b" + COUNT + r"\sdays?\sago\b"),
    ("weeks_ago", r"\b" + COUNT + r"\sweeks?\sago\b"),
    ("months_ago", r"\b" + COUNT + r"\smonths?\sago\b"),
    ("month_day", r"\b(?:on\s)?" + MONTH_NAME + r"\s(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s(\d{4})\b)?"),
    ("day_month", r"\b(?:on\s)?(\d{1,2})(?:st|nd|rd|th)?\s(?:of\s)?" + MONTH_NAME + r"\b(?:,?\s(\d{4})\b)?"),
    ("this_week", r"\b(?:earlier|late|early)\s(?:this|in\sthe)\sweek\b|\bthis\sweek\b"),
    ("last_week", r"\b(?:earlier\s|late\s|early\s)?last\sweek\b|\bthe\sprevious\sweek\b"),
    ("weekend", r"\b(?:over|at|during)\sthe\sweekend\b|\bthis\s(?:past\s)?weekend\b|\blast\sweekend\b"),
    ("this_month", r"\b(?:earlier|late|early)\s(?:this|in\sthe)\smonth\b|\bthis\smonth\b"),
    ("last_month", r"\b(?:earlier\s|late\s|early\s)?last\smonth\b|\bthe\sprevious\smonth\b"),
    ("month", r"\b(?:in\s(?:early\s|late\s|mid-)?|early\s|late\s|mid-|last\s|this\spast\s)" + MONTH_NAME + r"(?:\s(\d{4}))?\b(?!\s\d)"),
    ("month", r"\b" + MONTH_NAME + r"\s(\d{4})\b"),
    ("recent", r"\brecently\b|\blately\b|\bthe\sother\sday\b|\bin\srecent\s(?:days|weeks)\b"
               r"|\ban?\s(?:recent|new)\s(?:interview|statement|speech|post|call|conversation|appearance|briefing|remarks?|op-ed|podcast)\b"
               r"|\b(?:just\s|only\s)?(?:a\sfew\s|several\s)?days\s(?:ago|after|before|earlier|later)\b"),
    ("vague", r"\bpreviously\b|\bin\sthe\spast\b|\b(?:earlier\s|late\s)?last\syear\b|\bearlier\sthis\syear\b"
              r"|\b(?:years|months)\sago\b|\blong\sago\b"),
]
# Russian: "14 февраля 2025 года", "в пятницу", "на прошлой неделе", "вчера", "накануне".
RU_WEEKDAYS = ["понедельник", "вторник", "сред", "четверг", "пятниц", "суббот", "воскресень"]
RU_MONTHS = {"январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
             "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12}
RU_NUMBERS = {"один": 1, "одну": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6,
              "семь": 7, "восемь": 8, "девять": 9, "десять": 10}
RU_MONTH_NAME = r"(?:январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])"
RU_WEEKDAY_NAME = r"(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)"
RU_COUNT = r"(?:\d{1,2}|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять)"
RU_PART_OF_DAY = r"(?:\s(?:утром|днём|днем|вечером|ночью))?"
TIME_PATTERNS += [
    ("future", r"\b(?:завтра|послезавтра|в\sближайш\w+\s(?:время|дни|недели|месяцы)|в\sбудущем)\b"),
    ("future", r"\b(?:на\sследующей\sнеделе|в\sследующ\w+\s(?:месяце|году|" + RU_WEEKDAY_NAME + r")|на\sбудущей\sнеделе)\b"),
    ("day_before_yesterday", r"\bпозавчера\b"),
    ("yesterday", r"\b(?:вчера|накануне)" + RU_PART_OF_DAY + r"\b"),
    ("today", r"\b(?:сегодня" + RU_PART_OF_DAY + r"|этим\s(?:утром|вечером))\b"),
    ("ru_last_weekday", r"\bв(?:о)?\s(?:прошл\w+|минувш\w+)\s" + RU_WEEKDAY_NAME + r"\b"),
    ("ru_weekday", r"\bв(?:о)?\s" + RU_WEEKDAY_NAME + RU_PART_OF_DAY + r"\b"),
    ("days_ago", r"\b" + RU_COUNT + r"\s(?:день|дня|дней)\sназад\b"),
    ("weeks_ago", r"\b" + RU_COUNT + r"\s(?:неделю|недели|недель)\sназад\b"),
    ("months_ago", r"\b" + RU_COUNT + r"\s(?:месяц|месяца|месяцев)\sназад\b"),
    ("ru_day_month", r"\b(\d{1,2})\s" + RU_MONTH_NAME + r"(?:\s(\d{4})(?:\sг(?:ода|\.)?)?)?(?!\w)"),
    ("this_week", r"\b(?:на\sэтой\sнеделе|в\sначале\s(?:этой\s)?недели)\b"),
    ("last_week", r"\b(?:на\s(?:прошлой|минувшей)\sнеделе)\b"),
    ("weekend", r"\b(?:в|на)\s(?:(?:эти|минувшие|прошлые)\s)?выходн\w+\b"),
    ("this_month", r"\b(?:в\sэтом\sмесяце|в\sначале\s(?:этого\s)?месяца)\b"),
    ("last_month", r"\b(?:в\s(?:прошлом|минувшем)\sмесяце)\b"),
    ("ru_month", r"\bв\s" + RU_MONTH_NAME + r"(?:\s(\d{4})\sгода)?\b"),
    ("recent", r"\b(?:недавно|на\sднях|в\sпоследние\sдни|в\sнедавнем\sинтервью)\b"),
    ("vague", r"\b(?:ранее|в\sпрошлом\sгоду|в\sпрошлом|давно|когда-то)\b"),
]
TIME_RE = re.compile("|".join(f"(?P<k{i}>{p})" for i, (_, p) in enumerate(TIME_PATTERNS)), re.I)
KINDS = [kind for kind, _ in TIME_PATTERNS]
# The first words of the patterns above: where a time expression can start.
TIME_START = re.compile(r"\b(?:on|last|this|earlier|late|early|mid|in|next|coming|following|within|tomorrow|upcoming|"
                        r"later|as|by|the|yesterday|today|tonight|\d|an?|one|two|three|four|five|six|seven|eight|"
                        r"nine|ten|just|only|several|recent|lately|previously|long|years|months|days|over|at|during|"
                        r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|"
                        r"в|во|на|завтра|послезавтра|позавчера|вчера|накануне|сегодня|этим|недавно|ранее|давно|"
                        r"когда|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять)", re.I)
# Every pattern above contains one of these (lower case): a cheap test before the regex.
TIME_WORDS = ("day", "week", "month", "year", "ago", "recent", "lately", "previous", "past", "tomorrow",
              "within", "night", "morning", "afternoon", "evening", "soon", "coming", "end of", "jan", "feb",
              "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
              "вчера", "накануне", "сегодня", "утром", "вечером", "завтра", "недел", "месяц", "год", "назад",
              "недавно", "днях", "дни", "ранее", "давно", "прошлом", "будущ", "выходн", "понедельник", "вторник",
              "сред", "четверг", "пятниц", "суббот", "воскресен", "январ", "феврал", "март", "апрел", "мая",
              "мае", "май", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр")
# Words just before a time that make it a plan, not a statement date ("would meet him on Friday").
FUTURE_BEFORE = re.compile(r"(?:\b(?:will|would|shall|could|might|going\sto|plans?\sto|planned|expected\sto|scheduled|"
                           r"set\sto|due\sto|until|as\ssoon\sas|possibly|"
                           r"будет|будут|планиру\w+|намерен\w*|собира\w+|пройд[её]т|состоится|ожида\w+|до)\b|['’]ll\b)"
                           r"(?:\s+\S+){0,3}\s*$", re.I)
# Words just before a time that make it the bound of something else, not when anything was said:
# "declared unfit prior to January 1, 2017", "in force since March", "figures as of Monday".
BOUNDARY_BEFORE = re.compile(r"\b(?:before|prior\sto|after|since|until|till|as\sof|through|up\sto|ahead\sof|"
                             r"between|до|после|с|начиная\sс)\s+(?:the\s)?$", re.I)
# A document named with its date ("Executive Order 13849 of September 20, 2018", "the Act of July 2,
# 1964", "Proclamation 10144 of February 21, 2021"): the date is the document's, not the statement's.
DOCUMENT_DATE_BEFORE = re.compile(r"\b(?:Order|Proclamation|Memorandum|Act|Resolution|Notice|Directive|Decree|Law|Agreement)"
                                  r"(?:\s+(?:No\.\s*)?[\d\-–]+)?\s+of\s+(?:the\s)?$")
# Words right before a cue that make its statement one still to come: "He will underscore that ...",
# "the President is going to announce", "she'll tell them".
STILL_TO_COME = re.compile(r"(?:\bwill|\bshall|['’]ll|\b(?:is|are|am)\s+going\s+to)(?:\s+(?:also|again|then|likely))?\s+$",
                           re.IGNORECASE)
# Between a cue and a time after it, these start the reported clause: the time belongs to it.
CLAUSE_OPENER = re.compile(r"\b(?:that|would|will|if|when|whether|to|he|she|they|it|we|i|you|because|"
                           r"что|чтобы|если|когда|ли|будет|он|она|они|мы|я)\b|[“\"«:]", re.I)
QUOTED = re.compile(r"“[^“”\n]*”|\"[^\"\n]*\"|«[^«»\n]*»")
ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col", "sgt",
                 "capt", "prof", "no", "vs", "etc", "inc", "corp", "co", "u.s", "u.k", "u.n", "e.u", "d.c",
                 "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "adm",
                 "г", "гг", "т.е", "т.д", "т.п", "тыс", "млн", "млрд", "руб", "ул", "им", "см"}
SENTENCE_END = re.compile(r"[.!?…][\"”’»)]*\s+(?=[\"“‘«(]?[A-ZА-ЯЁ0-9])|\n+")
NEAR_AFTER_CUE = 60
YEARLESS_LOOKBACK_DAYS = 183


@dataclass(frozen=True)
class Dated:
    """A resolved statement date."""

    said_on: dt.date | None
    precision: str
    when_text: str = ""


def sentence_starts(text: str) -> list[int]:
    """Offsets where the sentences of ``text`` start (paragraph breaks always end a sentence).

    Full stops inside quotation marks and after abbreviations ("Feb.", "U.S.", "Mr.") do not.
    """
    quoted = [m.span() for m in QUOTED.finditer(text)]
    quote_starts = [s for s, _ in quoted]
    starts = [0]
    for m in SENTENCE_END.finditer(text):
        end = m.start()
        if text[m.start()] != "\n":
            closed = m.start() + len(m.group(0).rstrip())  # after the stop and any closing mark
            i = bisect.bisect_left(quote_starts, closed) - 1  # the last quotation opened before it
            if i >= 0 and closed < quoted[i][1]:
                continue
            word = re.search(r"([\w.]+)$", text[max(0, end - 12):end])
            if text[end] == "." and word and (word.group(1).lower().rstrip(".") in ABBREVIATIONS
                                              or re.fullmatch(r"[A-ZА-ЯЁ]", word.group(1))):
                continue
        starts.append(m.end())
    return starts


def _sentence_around(starts: list[int], text: str, offset: int) -> tuple[int, int]:
    i = bisect.bisect_right(starts, offset) - 1
    end = starts[i + 1] if i + 1 < len(starts) else len(text)
    return starts[i], end


def time_expressions(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, re.Match]]:
    """(kind, match) for each time expression in text[start:end] that is not inside quotation marks."""
    end = len(text) if end is None else end
    lowered = text[start:end].lower()
    if not any(word in lowered for word in TIME_WORDS):
        return []  # most sentences hold no time at all; the big pattern is slow to run for nothing
    quoted = [m.span() for m in QUOTED.finditer(text, start, end)]
    found, done = [], start
    # Trying the big pattern only where a time can start is several times faster than finditer.
    for trigger in TIME_START.finditer(text, start, end):
        if trigger.start() < done or any(s <= trigger.start() < e for s, e in quoted):
            continue
        m = TIME_RE.match(text, trigger.start(), end)
        if m:
            found.append((KINDS[int(m.lastgroup[1:])], m))
            done = m.end()
    return found


def _is_plan(text: str, sentence_start: int, m: re.Match) -> bool:
    return bool(FUTURE_BEFORE.search(text[max(sentence_start, m.start() - 40):m.start()]))


def _is_boundary(text: str, sentence_start: int, m: re.Match) -> bool:
    return bool(BOUNDARY_BEFORE.search(text[max(sentence_start, m.start() - 20):m.start()])
                or DOCUMENT_DATE_BEFORE.search(text[max(sentence_start, m.start() - 40):m.start()]))


def _usable(text: str, sentence_start: int, kind: str, m: re.Match, cue: tuple[int, int] | None,
            content: tuple[int, int] | None = None) -> bool:
    """A time that dates the statement: not a plan nor a bound, not inside what was said, and
    before the cue or right after it."""
    if kind == "future" or _is_plan(text, sentence_start, m) or _is_boundary(text, sentence_start, m):
        return False
    if content is not None and content[0] <= m.start() and m.end() <= content[1]:
        return False
    if cue is None or m.end() <= cue[0]:
        return True
    between = text[cue[1]:m.start()]
    return m.start() >= cue[1] and len(between) <= NEAR_AFTER_CUE and not CLAUSE_OPENER.search(between)


def _pick(text: str, span: tuple[int, int], cue: tuple[int, int] | None,
          published: dt.date, content: tuple[int, int] | None = None) -> tuple[str, re.Match] | None:
    # A named date that falls after publication ("on March 3" in a February article) is a plan.
    candidates = [(k, m) for k, m in time_expressions(text, *span) if _usable(text, span[0], k, m, cue, content)
                  and (k == "vague" or resolve(k, m, published)[0] is not None)]
    if not candidates:
        return None
    if cue is None:
        return candidates[0]
    return min(candidates, key=lambda km: min(abs(km[1].end() - cue[0]), abs(km[1].start() - cue[1])))


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _month_start(day: dt.date, back: int = 0) -> dt.date:
    """The first day of the month ``back`` months before ``day``'s."""
    index = day.year * 12 + day.month - 1 - back
    return dt.date(index // 12, index % 12 + 1, 1)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else {**NUMBERS, **RU_NUMBERS}[word.lower()]


def _month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")[:4] if word.lower().startswith("sept") else word.lower()[:3]]


def resolve(kind: str, m: re.Match, published: dt.date) -> tuple[dt.date | None, str]:
    """(said_on, precision) for a time expression, counted back from the publication day."""
    day = published
    words = m.group(0).lower()
    if kind == "today":
        return day, "day"
    if kind == "yesterday":
        return day - dt.timedelta(days=1), "day"
    if kind == "day_before_yesterday":
        return day - dt.timedelta(days=2), "day"
    if kind in {"weekday", "last_weekday", "ru_weekday", "ru_last_weekday"}:
        names = RU_WEEKDAYS if kind.startswith("ru_") else WEEKDAYS
        target = next(i for i, name in enumerate(names) if name in words)
        back = (day.weekday() - target) % 7
        if kind in {"last_weekday", "ru_last_weekday"} and back == 0:
            back = 7
        return day - dt.timedelta(days=back), "day"
    if kind == "days_ago":
        return day - dt.timedelta(days=_count(words.split()[0])), "day"
    if kind == "this_week":
        return _monday(day), "week"
    if kind == "last_week":
        return _monday(day) - dt.timedelta(days=7), "week"
    if kind == "weeks_ago":
        return _monday(day - dt.timedelta(weeks=_count(words.split()[0]))), "week"
    if kind == "weekend":
        back = (day.weekday() - 5) % 7  # the last Saturday on or before publication
        if "last" in words and back < 2:
            back += 7
        return _monday(day - dt.timedelta(days=back)), "week"
    if kind == "this_month":
        return _month_start(day), "month"
    if kind == "last_month":
        return _month_start(day, 1), "month"
    if kind == "months_ago":
        return _month_start(day, _count(words.split()[0])), "month"
    if kind in {"month_day", "day_month", "month"}:
        return _calendar_date(kind, m, day)
    if kind in {"ru_day_month", "ru_month"}:
        return _russian_calendar_date(kind, m, day)
    if kind == "recent":
        return day, "article"
    return None, "unknown"


def _calendar_date(kind: str, m: re.Match, day: dt.date) -> tuple[dt.date | None, str]:
    """A named date or month: the latest one not after publication, or None if it lies after it."""
    month_word = re.search(MONTH_NAME, m.group(0), re.I).group(0)
    numbers = re.findall(r"(?<!\d)\d{1,4}(?!\d)", m.group(0))  # "3rd" counts: no \b before "rd"
    year = next((int(n) for n in numbers if len(n) == 4), None)
    dom = next((int(n) for n in numbers if len(n) <= 2), None) if kind != "month" else 1
    if dom is None:  # "in May 2022": a month name with a year and no day is a month
        kind, dom = "month", 1
    try:
        found = dt.date(year or day.year, _month_number(month_word), dom)
        if year is None and found > day:
            # A date without a year that lies ahead is last year's only when recent ("Dec. 30" in
            # a February article); further back it is more likely a plan ("the summit on March 3").
            found = found.replace(year=found.year - 1)
            if (day - found).days > YEARLESS_LOOKBACK_DAYS:
                return None, "unknown"
    except ValueError:  # "Feb. 30", or Feb. 29 rolled back to a year without one
        return None, "unknown"
    if found > day:  # a date after publication is a plan, not when it was said
        return None, "unknown"
    return found, "month" if kind == "month" else "day"


def _russian_calendar_date(kind: str, m: re.Match, day: dt.date) -> tuple[dt.date | None, str]:
    """"14 февраля 2025 года", "в феврале": read as the English named dates are (see _calendar_date)."""
    words = m.group(0).lower()
    month_word = re.search(RU_MONTH_NAME, words).group(0)
    month = next(n for stem, n in sorted(RU_MONTHS.items(), key=lambda kv: -len(kv[0])) if month_word.startswith(stem))
    numbers = re.findall(r"(?<!\d)\d{1,4}(?!\d)", words)
    year = next((int(n) for n in numbers if len(n) == 4), None)
    dom = next((int(n) for n in numbers if len(n) <= 2), 1) if kind == "ru_day_month" else 1
    try:
        found = dt.date(year or day.year, month, dom)
    except ValueError:
        return None, "unknown"
    if year is None and found > day:
        found = found.replace(year=found.year - 1) if (month, dom) != (2, 29) else found
        if (day - found).days > YEARLESS_LOOKBACK_DAYS:
            return None, "unknown"
    if found > day:
        return None, "unknown"
    return found, "month" if kind == "ru_month" else "day"


def date_range_text(said_on, precision: str) -> str:
    """The date as text: a day, or "first..last" day of the week or month it stands for."""
    if said_on is None or pd.isna(said_on):
        return ""
    if isinstance(said_on, dt.datetime):
        said_on = said_on.date()
    if precision == "week":
        return f"{said_on:%Y-%m-%d}..{said_on + dt.timedelta(days=6):%Y-%m-%d}"
    if precision == "month":
        last = _month_start(said_on, -1) - dt.timedelta(days=1)
        return f"{said_on:%Y-%m-%d}..{last:%Y-%m-%d}"
    return f"{said_on:%Y-%m-%d}"


def _speaker_named_in(speaker: str, sentence: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]+", speaker or "") if len(w) > 2]
    return bool(words) and re.search(rf"\b{re.escape(words[-1])}\b", sentence) is not None


def date_statement(text: str, starts: list[int], published: dt.date | None, cue: tuple[int, int] | None,
                   anchor: int, speaker: str = "", turn: bool = False,
                   content: tuple[int, int] | None = None) -> Dated:
    """The date of one statement in ``text`` (see module docstring).

    ``cue`` is the (start, end) of the speech verb or None; ``anchor`` the offset whose sentence
    is read (the cue's, else the quote's); ``published`` the publication day or None;
    ``content`` the (start, end) of what was said, whose times are never the statement's.
    """
    if content is not None and cue is not None and content[0] <= cue[0] < content[1]:
        content = None  # a clause around a partial quote may hold the cue and its time
    if published is None:
        return Dated(None, "unknown")
    if turn or anchor < 0 or not text or (cue is not None and STILL_TO_COME.search(text, max(0, cue[0] - 40), cue[0])):
        return Dated(published, "article")  # a statement still to come has no day it was said
    span = _sentence_around(starts, text, min(anchor, len(text) - 1))
    picked = _pick(text, span, cue, published, content)
    if picked is None and span[0] > 0:
        previous = _sentence_around(starts, text, span[0] - 1)
        before = text[previous[0]:previous[1]]
        if before.rstrip().endswith(":") or _speaker_named_in(speaker, before):
            picked = _pick(text, previous, None, published)
    if picked is None:
        return Dated(published, "article")
    kind, m = picked
    said_on, precision = resolve(kind, m, published)
    return Dated(said_on, precision, m.group(0).strip())


def _offset(value) -> int:
    try:
        return -1 if value is None or pd.isna(value) else int(value)
    except (TypeError, ValueError):
        return -1


def _column(statements: pd.DataFrame, name: str) -> list:
    return statements[name].tolist() if name in statements else [None] * len(statements)


def statement_dates(statements: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """When each statement was made (see module docstring), one row per statement, same index."""
    by_id = articles.drop_duplicates("article_id").set_index("article_id")
    # Mapped through a dict: an empty statements table (an article with nothing said) keeps a
    # datetime column instead of the float one a Series map gives, which to_datetime refuses.
    published = pd.to_datetime(statements["article_id"].astype(object).map(by_id["published"].to_dict()), utc=True)
    days = [None if pd.isna(p) else p.date() for p in published.dt.tz_convert(None)]
    texts = by_id["text"].to_dict()
    starts_cache: dict[str, list[int]] = {}
    rows = []
    for article_id, day, cue_start, cue_end, quote_start, kind, speaker, content_start, content_end in zip(
            statements["article_id"].tolist(), days, _column(statements, "cue_start"), _column(statements, "cue_end"),
            _column(statements, "quote_start"), _column(statements, "kind"), _column(statements, "speaker"),
            _column(statements, "content_start"), _column(statements, "content_end")):
        text = texts.get(article_id) or ""
        turn = kind == "turn"
        # Turns and undated articles never read a sentence: long transcripts are not split at all.
        if article_id not in starts_cache and not turn and day is not None:
            starts_cache[article_id] = sentence_starts(text)
        cue_start, cue_end = _offset(cue_start), _offset(cue_end)
        cue = (cue_start, cue_end) if cue_start >= 0 and cue_end >= cue_start else None
        anchor = cue_start if cue else _offset(quote_start)
        content_start, content_end = _offset(content_start), _offset(content_end)
        content = (content_start, content_end) if 0 <= content_start < content_end else None
        dated = date_statement(text, starts_cache.get(article_id, [0]), day, cue, anchor,
                               speaker=speaker if isinstance(speaker, str) else "", turn=turn, content=content)
        rows.append((dated.said_on, dated.precision, date_range_text(dated.said_on, dated.precision),
                     dated.when_text))
    frame = pd.DataFrame(rows, columns=DATE_COLUMNS[1:], index=statements.index)
    frame.insert(0, "published", published)
    frame["said_on"] = pd.to_datetime(frame["said_on"])
    return frame
