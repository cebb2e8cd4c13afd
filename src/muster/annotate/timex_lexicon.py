"""Loads lang/<code>/times.yaml and compiles its templates into regular expressions.

Schema of times.yaml (every key optional except `templates`):
  months / month_abbr: {1..12: [forms]}      weekdays: {1..7: [forms]} (1 = Monday)
  numbers: {word: n}   ordinals: {word: 1..4}   units: {day|week|month|year: [forms]}
  plural_units: unit forms that are plural ("last weeks" is no date)
  rel: {word: offset}  deictic: {word: days}    mods: {early|mid|late: [words]}
  relations: {since|from|until|before|after: [words]} (prefixes turning a date into a relation;
    "from" gives relation "since" too, but a partial date after it may lie in the future)
  seasons: {spring|summer|autumn|winter: [forms]}
  holidays: {"MM-DD": [forms]} (feasts on a fixed day: Christmas, New Year's Eve; {holiday})
  bare_year_plural_after / plural_except: a regex for a plural noun after a bare year ("2023
    protesters") that makes it a count, and the words it must not reject
  vague: {after|before: [phrases]} (relations without a date: "kurz nachdem")
  tense: {past: [regex], future: [regex], reporting: [regex], near: [regex]} (reporting verbs: a
    tense cue for their own clause only, ignored when the whole sentence is read; near: a future
    seen from the past, "would", read as the reading nearest the anchor)      day: regex for a day number ({name} = group)
  capitalized_months: months must start upper-case (de, en: "May" vs "may")
  weekday_not_after / weekday_not_before: words around a weekday that make it something else
    (ro "ultimele luni" = the last months, "luni de zile"; not_before only for a weekday that is also a unit word)
  month_stop_after: words that cancel a bare month of `ambiguous_months` right after it
    (ro "în mai multe": mai is also "more")
  count_words / count_after: words before / stems after a bare year that make it a quantity
  year_name_before: words (articles) before a bare year that, with a capitalised word after it, make it part of a name
    (en "the 1951 Mutual Defense Treaty", "the 2014 Olympics")
  bare_year_next/prev_capital_rejects: a capitalised word (a noun, in German) next to a bare year
    makes it a quantity or a number ("2021 Einwohner", "Hausnummer 2024")
  slash_order: dmy | mdy (how to read 03/10/2022)
  dayparts: [words] (morning, evening: {daypart}; they also let a text with no other time word be read)
  day_words: {word: 1..31} (ordinal day words: "the first of December"; {dayword}, read as the day)
  relative_clause: a regex for the words that open a relative clause after a comma (", qui",
    ", which", ", который"): in news a date inside one is background and does not become the date
    that "la veille", "the same day" count from
  clause_words: words that open a new clause for the tense ("und", "and", "și"): a date's own
    coordinated clause decides ("hatte sich am 26. Juni konstituiert und soll bis Jahresende ...")
  kinds counted from the story's last date (timex_narrative), never from the anchor: `later`
    ({num} {unit} später; sign -1: zuvor), `same` (am selben {unit}), `ref_month` ({fmonth} des
    folgenden Jahres: the story's year + sign); `unit` names the unit of
    a template without a {unit} ("Folgetag": kind rel, sign 1, unit day)
  templates: [{kind, re, sign?, mod?, unit?}] where `re` is a regex with placeholders such as
  {day} {month} {fmonth} {year} {weekday} {num} {unit} {rel} {mod} {ord} {decade} {deictic}
  {season} {numdate} (31.12.2024, 12/31/2024) {isodate} {daymonth} (14.11.),
  a second date as {day2} {month2} {fmonth2} {year2} ({yy2}: two digits, "2019-20"); {ayear}: a
  two-digit year after an apostrophe ('94, in the century nearest the anchor); {wday}: a weekday
  word that names no group ("da sabato 24 a lunedì 26 agosto"); a space stands for any whitespace
  and " ?" for optional whitespace.
  Template options: `tense: past|future` fixes the tense the match is read with ("le 26 juillet
  dernier", "für Sonntag"); `anaphoric: true` counts the match from the story's last date of the
  same paragraph, else from the anchor ("le mois suivant"; a group `sameyear`, "im November
  desselben Jahres", takes that date's year and has no value without one);
  a date, month or part of a month with {rel} and a year {unit} ("im März vergangenen Jahres",
  "3 марта прошлого года") lies in the year that many years from the anchor (a narrative: the story's);
  kind `daypart` ("am Mittag", "in serata") is the day of the last date of the same paragraph
  (no date before it: no expression); kind `week_weekday` ("Donnerstag vergangener Woche") is a weekday of the week
  {rel} {unit} names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..errors import MusterError
from ..lang import SUPPORTED, load_yaml
from .timex_scan import Scanner

_DAY = r"(?P<{name}>3[01]|[12]\d|0?[1-9])"
_YEAR = r"(?P<{name}>1[0-9]\d\d|20\d\d|21\d\d)"
_NUMDATE = r"(?P<nd1>\d{1,2})(?P<nsep>[./])(?P<nd2>\d{1,2})(?P=nsep)(?P<ny>\d{4}|\d{2})"
_ISODATE = (r"(?P<iy>\d{4})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])"
            r"(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?")
_START = r"(?<![\w/])(?<!\d[.,])"
_END = r"(?![\w/])(?![.,]\d)"


def _alt(words: list[str] | Any) -> str:
    """A regex alternation of literal words, longest first, spaces matching any whitespace."""
    forms = sorted({str(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)


def fold(w: object) -> str:
    """Lower-cased, whitespace-normalised key of a lexicon word."""
    return " ".join(str(w).lower().split())


@dataclass
class Template:
    kind: str
    regex: re.Pattern[str]
    sign: int = 0
    mod: str = ""
    unit: str = ""  # the unit of a template whose words name it ("Vorjahr", "Jahresende")
    tense: str = ""  # "past" / "future": the tense the match is read with, whatever the clause says
    anaphoric: bool = False  # counted from the story's last date of the same paragraph


@dataclass
class Lexicon:
    """Everything the tagger needs for one language, with word → value maps (lower-cased keys)."""

    lang: str
    months: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    ordinals: dict[str, int] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    plural_units: set[str] = field(default_factory=set)
    rel: dict[str, int] = field(default_factory=dict)
    deictic: dict[str, int] = field(default_factory=dict)
    deictic_lower_only: set[str] = field(default_factory=set)
    mods: dict[str, str] = field(default_factory=dict)
    seasons: dict[str, str] = field(default_factory=dict)
    holidays: dict[str, tuple[int, int]] = field(default_factory=dict)  # word -> (month, day)
    plural_after: re.Pattern[str] | None = None
    plural_except: set[str] = field(default_factory=set)
    capitalized_months: bool = False
    month_stop_after: set[str] = field(default_factory=set)
    ambiguous_months: set[str] = field(default_factory=set)
    weekday_not_after: set[str] = field(default_factory=set)
    weekday_not_before: set[str] = field(default_factory=set)
    count_words: set[str] = field(default_factory=set)
    year_name_before: set[str] = field(default_factory=set)
    year_document_nouns: tuple[str, ...] = ()  # "der Wasservertrag von 1960": a document named by its year
    year_document_preps: set[str] = field(default_factory=set)
    count_after: set[str] = field(default_factory=set)
    next_capital_rejects: bool = False
    prev_capital_rejects: bool = False
    slash_order: str = "dmy"
    day_words: dict[str, int] = field(default_factory=dict)  # "first" -> 1 ("the first of December")
    dayparts: set[str] = field(default_factory=set)  # "Mittag", "serata"
    clause_words: re.Pattern[str] | None = None  # "und", "and": a coordinated clause's own tense
    relative_clause: re.Pattern[str] | None = None  # ", qui", ", which": a relative clause after a comma
    templates: list[Template] = field(default_factory=list)
    relation_prefix: re.Pattern[str] | None = None  # "seit " right before a date
    relation_head: re.Pattern[str] | None = None  # "seit " at the start of a matched date
    relation_of: dict[str, str] = field(default_factory=dict)
    since_past: set[str] = field(default_factory=set)  # "seit": the start lies in the past
    vague: re.Pattern[str] | None = None
    vague_of: dict[str, str] = field(default_factory=dict)
    past: re.Pattern[str] | None = None
    future: re.Pattern[str] | None = None
    near: re.Pattern[str] | None = None  # "would": a future seen from the past, before or after the anchor
    reporting: re.Pattern[str] | None = None  # "teilte ... mit", "said": no tense for the rest
    trigger: re.Pattern[str] | None = None  # cheap pre-filter: could the text hold a date?
    scanner: Scanner | None = None  # the templates' regexes, then `vague`, run together


def _word_map(table: dict[Any, list[str]] | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, forms in (table or {}).items():
        for f in forms:
            out[fold(str(f))] = key
    return out


def _placeholders(data: dict[str, Any], lex: Lexicon) -> dict[str, str]:
    day = data.get("day") or _DAY
    full = _alt([f for forms in (data.get("months") or {}).values() for f in forms])
    abbr = _alt([f for forms in (data.get("month_abbr") or {}).values() for f in forms])
    month = f"(?:{full})" + (f"|(?:{abbr})\\.?" if abbr else "")
    sub = {
        "day": day.format(name="day"), "day2": day.format(name="day2"),
        "month": f"(?P<month>{month})", "month2": f"(?P<month2>{month})",
        "fmonth": f"(?P<month>{full})", "fmonth2": f"(?P<month2>{full})",
        "year": _YEAR.format(name="year"), "year2": _YEAR.format(name="year2"), "yy2": r"(?P<yy2>\d\d)",
        "weekday": f"(?P<weekday>{_alt(lex.weekdays)})", "wday": f"(?:{_alt(lex.weekdays)})",
        "ayear": r"['’‘](?P<yy>\d\d)",
        "dayword": f"(?P<day>{_alt(lex.day_words)})" if lex.day_words else "(?P<day>(?!))",
        "daypart": f"(?:{_alt(lex.dayparts)})" if lex.dayparts else "(?!)",
        "num": f"(?P<num>\\d{{1,3}}|{_alt(lex.numbers)})" if lex.numbers else r"(?P<num>\d{1,3})",
        "unit": f"(?P<unit>{_alt(lex.units)})",
        "rel": f"(?P<rel>{_alt(lex.rel)})", "mod": f"(?P<mod>{_alt(lex.mods)})",
        "ord": f"(?P<ord>{_alt(lex.ordinals)})", "qnum": r"(?P<qnum>[1-4])",
        "deictic": f"(?P<deictic>{_alt(lex.deictic)})",
        "season": f"(?P<season>{_alt(lex.seasons)})" if lex.seasons else "(?P<season>(?!))",
        "holiday": f"(?P<holiday>{_alt(lex.holidays)})" if lex.holidays else "(?P<holiday>(?!))",
        "decade": r"(?P<decade>1[5-9]\d0|20[0-9]0)", "sdecade": r"(?P<sdecade>[2-9]0)",
        "numdate": _NUMDATE, "isodate": _ISODATE,
        "daymonth": r"(?P<day>3[01]|[12]\d|0?[1-9])\.(?P<mnum>1[0-2]|0?[1-9])\.",
    }
    return sub


def _compile(pattern: str, sub: dict[str, str]) -> re.Pattern[str]:
    body = re.sub(r"\{(\w+)\}", lambda m: sub[m.group(1)] if m.group(1) in sub else m.group(0), pattern)
    body = body.replace(" ?", r"\s*").replace(" ", r"\s+")
    return re.compile(_START + "(?:" + body + ")" + _END, re.IGNORECASE)


@lru_cache(maxsize=None)
def lexicon(lang: str) -> Lexicon:
    """The compiled lexicon for a language code ("de", "en-GB": region only changes slash dates)."""
    base, _, region = lang.partition("-")
    if base not in SUPPORTED:
        raise MusterError("E014", f"no temporal lexicon for language {lang!r}")
    data = load_yaml(base, "times.yaml")
    if not data:
        raise MusterError("E014", f"lang/{base}/times.yaml missing")
    lex = Lexicon(lang=lang)
    lex.months = {**_word_map(data.get("months")), **_word_map(data.get("month_abbr"))}
    lex.weekdays = _word_map(data.get("weekdays"))
    lex.numbers = {fold(k): int(v) for k, v in (data.get("numbers") or {}).items()}
    lex.ordinals = {fold(k): int(v) for k, v in (data.get("ordinals") or {}).items()}
    lex.units = _word_map(data.get("units"))
    lex.plural_units = {fold(w) for w in data.get("plural_units") or []}
    lex.rel = {fold(k): int(v) for k, v in (data.get("rel") or {}).items()}
    lex.deictic = {fold(k): int(v) for k, v in (data.get("deictic") or {}).items()}
    lex.deictic_lower_only = {fold(w) for w in data.get("deictic_lower_only") or []}
    lex.mods = _word_map(data.get("mods"))
    lex.seasons = _word_map(data.get("seasons"))
    lex.holidays = {w: (int(str(k)[:2]), int(str(k)[3:5])) for w, k in _word_map(data.get("holidays")).items()}
    if data.get("bare_year_plural_after"):
        lex.plural_after = re.compile(data["bare_year_plural_after"])
        lex.plural_except = {fold(w) for w in data.get("plural_except") or []}
    lex.capitalized_months = bool(data.get("capitalized_months"))
    lex.month_stop_after = {fold(w) for w in data.get("month_stop_after") or []}
    lex.ambiguous_months = {fold(w) for w in data.get("ambiguous_months") or []}
    lex.weekday_not_after = {fold(w) for w in data.get("weekday_not_after") or []}
    lex.weekday_not_before = {fold(w) for w in data.get("weekday_not_before") or []}
    lex.count_words = {fold(w) for w in data.get("count_words") or []}
    lex.year_name_before = {fold(w) for w in data.get("year_name_before") or []}
    lex.year_document_nouns = tuple(fold(w) for w in data.get("year_document_nouns") or [])
    lex.year_document_preps = {fold(w) for w in data.get("year_document_preps") or []}
    lex.count_after = {fold(w) for w in data.get("count_after") or []}
    lex.next_capital_rejects = bool(data.get("bare_year_next_capital_rejects"))
    lex.prev_capital_rejects = bool(data.get("bare_year_prev_capital_rejects"))
    order = data.get("slash_order", "dmy")
    if region.upper() in ("GB", "UK", "IE", "AU", "NZ", "IN", "ZA"):
        order = "dmy"
    lex.slash_order = order
    lex.day_words = {fold(k): int(v) for k, v in (data.get("day_words") or {}).items()}
    lex.dayparts = {fold(w) for w in data.get("dayparts") or []}
    if data.get("relative_clause"):
        lex.relative_clause = re.compile(r"[,(–—]\s*(?:" + data["relative_clause"] + r")[^,;:()–—.!?]*$", re.IGNORECASE)
    if data.get("clause_words"):
        lex.clause_words = re.compile(r"\s(?:" + _alt(data["clause_words"]) + r")\s")
    sub = _placeholders(data, lex)
    for t in data["templates"]:
        lex.templates.append(Template(t["kind"], _compile(t["re"], sub), int(t.get("sign", 0)), t.get("mod", ""),
                                      t.get("unit", ""), t.get("tense", ""), bool(t.get("anaphoric"))))
    relations = data.get("relations") or {}
    lex.relation_of = {fold(w): rel for rel, words in relations.items() for w in words}
    lex.since_past = {w for w, rel in lex.relation_of.items() if rel == "since"}
    lex.relation_of = {w: ("since" if rel == "from" else rel) for w, rel in lex.relation_of.items()}
    if lex.relation_of:
        alt = _alt(lex.relation_of)
        lex.relation_prefix = re.compile(r"(?<!\w)(" + alt + r")\s+$", re.IGNORECASE)
        lex.relation_head = re.compile(r"(" + alt + r")\s+", re.IGNORECASE)
    vague = data.get("vague") or {}
    lex.vague_of = {fold(w): rel for rel, words in vague.items() for w in words}
    if lex.vague_of:
        lex.vague = re.compile(r"(?<!\w)(?:" + _alt(lex.vague_of) + r")(?!\w)", re.IGNORECASE)
    tense = data.get("tense") or {}
    if tense.get("past"):
        lex.past = re.compile("|".join(tense["past"]))
    if tense.get("reporting"):
        lex.reporting = re.compile("|".join(tense["reporting"]), re.IGNORECASE)
    if tense.get("near"):
        lex.near = re.compile("|".join(tense["near"]), re.IGNORECASE)
    if tense.get("future"):
        lex.future = re.compile("|".join(tense["future"]), re.IGNORECASE)
    words = [*lex.months, *lex.weekdays, *lex.units, *lex.deictic, *lex.mods, *lex.vague_of, *lex.seasons,
             *lex.holidays, *lex.dayparts,
             *(w for w in [*lex.rel, *lex.ordinals] if len(w) > 2)]
    lex.trigger = re.compile(r"\d|(?<!\w)(?:" + _alt(words) + ")", re.IGNORECASE)
    lex.scanner = Scanner([t.regex for t in lex.templates] + ([lex.vague] if lex.vague else []))
    return lex
