"""Temporal tagger: finds dates and times in text and normalises them against the publication day.

Rules are data (lang/<code>/times.yaml, compiled by timex_lexicon); this module matches the
templates, keeps the longest non-overlapping matches, reads the tense of the clause, and resolves
each match (timex_resolve). Conventions:
- spans include the leading temporal preposition ("am 14. November", "im Oktober", "in 2022");
- partial dates in news take the year that the clause's tense allows: past → latest reading not
  after the anchor, future → earliest not before it, no tense cue → the reading nearest the anchor;
- a narrative (a history, read from its years and the lack of "gestern", "am Montag") dates from
  its own time instead: a partial date takes the year of the last date named before it, "zwei
  Tage später", "am selben Tag", "im folgenden Jahr" count from that date, a heading's years open
  a section; in news only anaphoric expressions and background paragraphs do (timex_narrative);
- "Anfang/Mitte/Ende", early/mid/late: granularity "range", value the named date's own ("Ende
  1942": 1942, TIMEX mod), start/end = first, middle, last third of a year (Jan-Apr, May-Aug,
  Sep-Dec) or days 1-10, 11-20, 21-end of a month;
- decades: "range", value null, start/end the bounds; a span between two dates ("zwischen März
  und Mai 2023", "Mai/Juni 1940", "27./28. September") is two expressions, one per date, each
  with its own value and both with the span's start/end (TIMEX annotates each date);
- "seit 2022" (since), "bis 2023" (until), "vor/nach" + date: "range" with relation set, value
  the named date's (2022, 2023); since/after end on the anchor, until/before have no start;
- two-digit years take the century nearest the story's year or the anchor, never more than ten
  years ahead ("1.9.39" is 1939);
- "kurz nachdem" and the like: relation only, value/start/end null, granularity "range";
- slash dates: 03/10/2022 is month/day in en (US), day/month elsewhere and in "en-GB"; dotted
  dates are always day.month.year; a first number over 12 forces day/month;
- "last/vergangenen/прошлый Thursday" is the latest such weekday before the anchor (TimeML use);
  a bare weekday follows the tense (past: latest on or before the anchor, future: next on or after);
- weeks are ISO weeks (2025-W46); "vor zwei Wochen" is the ISO week of anchor - 14 days;
- seasons are meteorological (spring = March-May; winter Y = December Y to February Y+1);
- a weekend is Saturday-Sunday; "am Wochenende" in a past clause is the one before the anchor.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from ..errors import MusterError
from ..model import Document, TimeX
from ..pipeline import register
from . import timex_calendar as cal
from .intervals import Spans
from .timex_calendar import Interval
from .timex_lexicon import Lexicon, Template, fold, lexicon
from .timex_narrative import Thread, in_relative_clause, is_narrative
from .timex_resolve import resolve

_CLAUSE = re.compile(r"[,;:()–—]|\s-\s")
_WORD_BEFORE = re.compile(r"([\w.$€£]+)\W*$")
_WORD_AFTER = re.compile(r"^\s*([\w%$€£]+)")
_DATED = {"date", "holiday", "month", "year", "bare_year", "numeric", "quarter", "mod", "decade", "weekday",
          "rel_weekday", "rel_month", "rel", "deictic", "season", "daypart", "week_weekday"}
_SENT = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
_YEAR_GROUPS = ("year", "year2", "iy", "ny")
_NEWS_KINDS = {"deictic", "weekday", "rel_weekday", "ago"}
_DIGIT = re.compile(r"\d")
_CLOCK = re.compile(r"\d[:.]\d\d\s*$")


def parse_anchor(anchor: str | date | None) -> date | None:
    if anchor is None or isinstance(anchor, date):
        return anchor
    try:
        return date.fromisoformat(anchor[:10])
    except ValueError as exc:
        raise MusterError("E013", f"invalid anchor date {anchor!r}") from exc


def _accept(lex: Lexicon, t: Template, m: re.Match[str], text: str, anchor: date | None) -> bool | int:
    """True to keep a match, False to drop it, WEAK to keep it only in a narrative."""
    g = m.groupdict()
    for key in ("month", "month2"):
        if g.get(key) and lex.capitalized_months and not g[key][0].isupper():
            return False
    if text[m.end():m.end() + 2] in ("'s", "’s") and g.get("month") and not g.get("day") and not g.get("year"):
        return False  # "in May's cabinet": a name
    after = _WORD_AFTER.match(text[m.end():m.end() + 30])
    nxt = after.group(1) if after else ""
    if t.kind in ("month", "mod", "rel_month") and not g.get("year") and g.get("month") \
            and fold(g["month"]) in lex.ambiguous_months and fold(nxt) in lex.month_stop_after:
        return False
    if g.get("deictic") and fold(g["deictic"]) in lex.deictic_lower_only and not g["deictic"][0].islower():
        initial = not text[:m.start()].strip() or text[:m.start()].rstrip()[-1] in ".!?\n"
        if not (initial and nxt[:1].islower()):
            return False  # "am Morgen" is a time of day; sentence-initial "Morgen reist ..." is tomorrow
    before, prev = None, ""
    if g.get("weekday") or t.kind == "bare_year":  # the only checks that read the word before
        before = _WORD_BEFORE.search(text[max(0, m.start() - 30):m.start()])
        prev = fold(before.group(1)).rstrip(".") if before else ""
    clock = prev.isdigit() and _CLOCK.search(text, max(0, m.start() - 8), m.start())  # "З 10:00 понеділка": a time, no count
    if g.get("weekday") and (prev.isdigit() and not clock or prev in lex.numbers or prev in lex.weekday_not_after
                             or t.kind == "weekday" and fold(nxt) in lex.weekday_not_before
                             and fold(g["weekday"]) in lex.units):  # "luni de negocieri": months, not Monday
        return False
    if t.kind == "year" and not 1000 <= int(g["year"]) <= (anchor.year + 100 if anchor else 2199):
        return False
    if t.kind == "year" and int(g["year"]) < 1800:
        return WEAK  # "im Jahr 1776": a history's year
    if t.kind == "bare_year":
        y = int(g["year"])
        if re.match(r"[-/.:]\d", text[m.end():m.end() + 2]) or re.search(r"\d[-/.:]$", text[max(0, m.start() - 2):m.start()]):
            return False  # part of a code, a timestamp or a path
        top = anchor.year + 10 if anchor else 2100
        if not (1000 <= y <= top) or y % 100 == 0:
            return False
        early = y < 1900  # "1861": a year in a history, more often a count in the news
        if prev in lex.count_words or text[max(0, m.start() - 1):m.start()] in ("$", "€", "£", "#", "№"):
            return False
        if prev in lex.year_name_before and nxt[:1].isupper():  # "the 1951 Mutual Defense Treaty": a name
            return False
        if prev in lex.year_document_preps and lex.year_document_nouns:  # "den Wasservertrag von 1960"
            head = re.search(r"(\S+)\s+\S+\s*$", text[max(0, m.start() - 60):m.start()])
            if head and fold(head.group(1)).endswith(lex.year_document_nouns):
                return WEAK  # a name in the news; a history dates by it
        low = fold(nxt)
        if nxt[:1] in ("%", "$", "€", "£") or any(low == w or len(w) > 3 and low.startswith(w) for w in lex.count_after):
            return False
        if lex.plural_after and lex.plural_after.fullmatch(nxt) and low not in lex.plural_except:
            return False
        if _line_edge(text, m.start(), m.end()):
            return WEAK if early else True  # "1920 Chili-Anhwei-Krieg" in a chronology, "Stellungskrieg ... 1939"
        if lex.next_capital_rejects and nxt[:1].isupper() and fold(nxt) not in lex.months \
                and not re.match(r"\s*[.!?;:]", text[m.end():m.end() + 3]):
            return False
        if lex.prev_capital_rejects and before and before.group(1)[:1].isupper() and prev not in lex.months \
                and not re.search(r"(?:^|[.!?:]\s*)\S+\s*$", text[max(0, m.start() - 40):m.start()]):
            return WEAK
        return WEAK if early else True
    return True


WEAK = 2  # accepted only in a narrative: "die Februarrevolution 1848" (news: "Hausnummer 2024")
_LINE_START = re.compile(r"(?:^|\n)[ \t*•·–-]*$")
_HEADING_END = re.compile(r"[ \t]*(?:\n|$)")


def _line_edge(text: str, s: int, e: int) -> bool:
    """A year that opens a line (a chronology, a list) or closes a short heading line."""
    if _LINE_START.search(text, max(0, s - 12), s):
        return True
    if not _HEADING_END.match(text, e):
        return False
    ls = text.rfind("\n", 0, s) + 1
    return s - ls <= 80 and not re.search(r"[.!?:;,]", text[ls:s])


def _tense(lex: Lexicon, text: str, s: int, e: int, bounds: tuple[int, int], own: bool = False) -> str | None:
    """"past", "future" or None from the cue words of the clause around [s, e), else of the
    sentence without its reporting verbs (`own`: not even the clause's own reporting verb)."""
    lo, hi = bounds
    cs = lo
    for m in _CLAUSE.finditer(text, lo, s):
        cs = m.end()
    nxt = _CLAUSE.search(text, e, hi)
    ce = nxt.start() if nxt else hi
    if lex.clause_words:  # "... am 26. Juni konstituiert und soll bis Jahresende ...": the date's own conjunct
        for m in lex.clause_words.finditer(text, cs, s):
            cs = m.end()
        w = lex.clause_words.search(text, e, ce)
        ce = w.start() if w else ce
    clause = text[cs:s] + " " + text[e:ce]
    if lex.reporting and own:
        clause = lex.reporting.sub(" ", clause)
    got = _cue_tense(lex, clause)
    if got is not None:  # the clause decides: the sentence is not read
        return got
    sentence = text[lo:s] + " " + text[e:hi]
    if lex.reporting:  # "..., teilte die Kommission mit": the report's tense, not the event's
        sentence = lex.reporting.sub(" ", sentence)
    return _cue_tense(lex, sentence)


def _cue_tense(lex: Lexicon, chunk: str) -> str | None:
    """"future" or "past" from the first cue kind found in a chunk of text (future first), "near"
    for a future seen from the past ("would": the reading nearest the anchor), else None."""
    if lex.future and lex.future.search(chunk):
        return "future"
    if lex.near and lex.near.search(chunk):
        return "near"
    if lex.past and lex.past.search(chunk):
        return "past"
    return None


def _relation(lex: Lexicon, text: str, s: int, e: int) -> tuple[str, str, int]:
    """A relation word at the start of the match or right before it: relation, word, new start."""
    if lex.relation_head:
        h = lex.relation_head.match(text, s, e)
        if h:
            w = fold(h.group(1))
            return lex.relation_of[w], w, s
    if lex.relation_prefix:
        p = lex.relation_prefix.search(text[max(0, s - 25):s])
        if p:
            w = fold(p.group(1))
            return lex.relation_of[w], w, s - (len(p.group(0)))
    return "", "", s


def _apply_relation(iv: Interval, relation: str, anchor: date | None) -> Interval:
    """The interval a relation word makes of a date; the value stays the date's own ("bis Juni
    1940": value 1940-06, end 1940-06-30, relation until)."""
    if not relation or iv.start is None or iv.end is None:
        return iv
    if relation == "since":
        return Interval(iv.value, iv.start, anchor if anchor and anchor >= iv.start else None, "range")
    if relation == "after":
        return Interval(iv.value, iv.end + timedelta(days=1), anchor if anchor and anchor > iv.end else None, "range")
    if relation == "until":
        return Interval(iv.value, None, iv.end, "range")
    if relation == "before":
        return Interval(iv.value, None, iv.start - timedelta(days=1), "range")
    return iv


def _timex(text: str, s: int, e: int, iv: Interval | None, gran: str, relation: str) -> TimeX:
    return TimeX(start=s, end=e, text=text[s:e], value=iv.value if iv else None,
                 start_date=iv.start.isoformat() if iv and iv.start else None,
                 end_date=iv.end.isoformat() if iv and iv.end else None,
                 granularity=iv.granularity if iv else gran, relation=relation)


_GRAN = {"date": "day", "holiday": "day", "numeric": "day", "month": "month", "ref_month": "month",
         "rel_month": "month", "year": "year", "bare_year": "year", "quarter": "quarter", "weekday": "day",
         "rel_weekday": "day", "deictic": "day"}


def tag(lex: Lexicon, text: str, anchor: date | None, sentences: list[tuple[int, int]]) -> list[TimeX]:
    """All temporal expressions of `text`; `sentences` gives the bounds used to read tense."""
    if not lex.trigger or not (_DIGIT.search(text) or lex.trigger.search(text)):
        return []  # the trigger starts with \d: a digit, found by a fast scan, is enough
    # every template's finditer matches, then those of `vague`; the scanner tries each regex only
    # where its first characters fit (timex_scan), with the same result
    found = lex.scanner.scan(text) if lex.scanner else \
        [list(r.finditer(text)) for r in [*(t.regex for t in lex.templates), *([lex.vague] if lex.vague else [])]]
    cands: list[tuple[int, int, int, Template | None, re.Match[str]]] = []
    weak: list[tuple[int, int, int, Template | None, re.Match[str]]] = []
    for i, t in enumerate(lex.templates):
        for m in found[i]:
            ok = _accept(lex, t, m, text, anchor)
            if ok:
                (weak if ok == WEAK else cands).append((m.start(), m.end(), i, t, m))
    thread = _thread(lex, cands + weak, anchor)
    if thread.narrative:
        cands.extend(weak)
    if lex.vague:
        for m in found[len(lex.templates)]:
            cands.append((m.start(), m.end(), len(lex.templates), None, m))
    cands.sort(key=lambda c: (c[0] - c[1], c[0], c[2]))
    taken = Spans()  # (a bisected set: checking every taken span for each candidate is quadratic in length)
    chosen = []
    for c in cands:
        if not taken.overlaps(c[0], c[1]):
            taken.add(c[0], c[1])
            chosen.append(c)
    chosen.sort(key=lambda c: c[0])
    out: list[TimeX] = []
    si = 0
    for s, e, _, t, m in chosen:
        if t is None:
            out.append(_timex(text, s, e, None, "range", lex.vague_of[fold(m.group(0))]))
            continue
        while si < len(sentences) - 1 and sentences[si][1] <= s:
            si += 1
        bounds = sentences[si] if sentences and sentences[si][0] <= s else (0, len(text))
        tense = _tense(lex, text, s, e, bounds)
        relation = ""
        if t.kind in _DATED:
            relation, word, s = _relation(lex, text, s, e)
            if tense is None and word in lex.since_past:
                tense = "past"  # "seit dem 1. Januar": a start that has already come
        if t.kind == "ago" and t.sign > 0 and _tense(lex, text, s, e, bounds, own=True) == "past":
            continue  # "Через два дня его освободили": counted from the event, not the anchor
        unit = t.unit or (lex.units.get(fold(m.group("unit"))) if "unit" in m.re.groupindex and m.group("unit") else "")
        anaphoric = t.kind in ("later", "same", "ref_month", "daypart") or t.anaphoric or t.kind == "rel" and unit == "day"
        try:
            iv = resolve(lex, t, m, anchor, tense, thread.for_partial(text, s, tense, bounds[0], relation),
                         thread.for_relative(text, s, anaphoric))
        except ValueError:
            continue
        parts = _range_parts(text, s, e, m, iv) if t.kind == "range" and iv is not None else None
        if parts:  # "Mai/Juni 1940": each date its own expression, both with the whole span
            out.extend(parts)
            thread.note(cal.Interval(parts[-1].value, None, None, "range"), e, *_heading(text, s, e, iv))
            continue
        heading = _heading(text, s, e, iv) if iv is not None and iv.value else (None, -1)
        if not _looks_away(lex, t, m, thread):
            if relation:
                thread.note_bound(iv, e)
            thread.note(None if relation else iv, e, *heading)
        if iv is not None:
            iv = _apply_relation(iv, relation, anchor)
        gran = "range" if relation else _GRAN.get(t.kind, "range")
        out.append(_timex(text, s, e, iv, gran, relation))
    return out


def _heading(text: str, s: int, e: int, iv: Interval) -> tuple[Interval | None, int]:
    """(iv, the line's start) when [s, e) stands in a heading, a short line of its own that ends
    without punctuation; else (None, -1)."""
    ls, le = text.rfind("\n", 0, s) + 1, text.find("\n", e)
    if le < 0:
        return None, -1  # the last line: a sentence without its full stop, more likely
    line = text[ls:le].rstrip()
    return (iv, ls) if 0 < len(line) <= 80 and line[-1] not in ".!?:;,\"“”'»«)" else (None, -1)


def _looks_away(lex: Lexicon, t: Template, m: re.Match[str], thread: Thread) -> bool:
    """An expression that does not move the story's time: a look back ("im letzten Jahr", "zwei
    Jahre zuvor") or, in a narrative, the present ("noch heute"). Bounds ("bis 1881") neither."""
    if t.kind == "deictic":
        return thread.narrative
    if not thread.narrative and in_relative_clause(lex.relative_clause, m.string, m.start()):
        return True  # "la junte, qui a renversé le président le 26 juillet dernier, ...": background
    if t.sign < 0:
        return True
    rel = m.group("rel") if "rel" in m.re.groupindex else None
    return bool(rel) and lex.rel.get(fold(rel), 0) < 0


_FIRST = ("day", "month", "year")
_SECOND = ("day2", "month2", "year2", "yy2")


def _iso(d: date, gran: str) -> str:
    return d.isoformat()[:{"day": 10, "month": 7, "year": 4}[gran]]


def _range_parts(text: str, s: int, e: int, m: re.Match[str], iv: Interval) -> list[TimeX] | None:
    """A span between two named dates as two expressions, each with its own date's value and
    both with the span's bounds (TIMEX annotates "27./28. September" as two dates)."""
    if iv.start is None or iv.end is None:
        return None
    idx = m.re.groupindex
    g1 = [k for k in _FIRST if k in idx and m.group(k)]
    g2 = [k for k in _SECOND if k in idx and m.group(k)]
    if not g1 or not g2:
        return None
    e1, s2 = max(m.end(k) for k in g1), min(m.start(k) for k in g2)
    if e1 > s2:
        return None
    if text[e1:e1 + 1] == "." and e1 + 1 <= s2:
        e1 += 1  # "27." keeps its ordinal dot
    gran1 = "day" if "day" in g1 else "month" if "month" in g1 else "year"
    gran2 = "day" if "day2" in g2 else "month" if "month2" in g2 else "year"
    span = (iv.start.isoformat(), iv.end.isoformat())
    return [TimeX(start=a, end=b, text=text[a:b], value=_iso(d, gran), start_date=span[0], end_date=span[1],
                  granularity="range", relation="")
            for a, b, d, gran in ((s, e1, iv.start, gran1), (s2, e, iv.end, gran2))]


def _thread(lex: Lexicon, cands: list[tuple[int, int, int, Template | None, re.Match[str]]],
            anchor: date | None) -> Thread:
    """The document's reference-time thread, its type read from the years and deictic words among
    the candidate matches (each counted once however many templates match it)."""
    years: dict[int, int] = {}
    cues: dict[int, int] = {}
    for _, _, _, t, m in cands:
        if t is None:
            continue
        idx = m.re.groupindex
        if t.kind in _NEWS_KINDS or t.kind == "rel" and "unit" in idx and m.group("unit") \
                and lex.units.get(fold(m.group("unit"))) == "week":
            weak = t.kind == "deictic" and lex.deictic.get(fold(m.group("deictic"))) == 0  # "bis heute"
            cues[m.start()] = max(cues.get(m.start(), 0), 1 if weak else 2)
        for k in _YEAR_GROUPS:
            if k in idx:
                v = m.group(k)
                if v and len(v) == 4:
                    years[m.start(k)] = int(v)
    return Thread(is_narrative(list(years.values()), sum(cues.values()), anchor), anchor)


def _sentences(text: str, lang: str) -> list[tuple[int, int]]:
    from .sentences import SentenceSplitter

    try:
        return SentenceSplitter(lang.partition("-")[0]).split(text)
    except Exception:  # the splitter is a neighbour's component: fall back on punctuation
        return [(m.start(), m.end()) for m in _SENT.finditer(text)]


def tag_times(text: str, anchor: str | None, lang: str) -> list[TimeX]:
    """Temporal expressions of a plain text, normalised against `anchor` (YYYY-MM-DD or None)."""
    return tag(lexicon(lang), text, parse_anchor(anchor), _sentences(text, lang))


class TimeTagger:
    """Pipeline component "times": fills doc.times, anchored on doc.published."""

    name = "times"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ("times",)

    def __init__(self, lang: str):
        self.lang = lang
        try:
            self.lex: Lexicon | None = lexicon(lang)
        except MusterError:  # a language without time words: the rest of the pipeline still runs
            self.lex = None

    def __call__(self, doc: Document) -> Document:
        if self.lex is None:
            doc.times = []
            doc.warnings.append(f"times: no temporal lexicon for language {self.lang!r}")
            return doc
        try:
            anchor = parse_anchor(doc.published)
        except MusterError:
            doc.warnings.append(f"times: invalid publication date {doc.published!r}, partial dates left open")
            anchor = None
        bounds = [(s.start, s.end) for s in doc.sentences] or _sentences(doc.clean, self.lang)
        doc.times = tag(self.lex, doc.clean, anchor, bounds)
        return doc


@register("times")
def make(lang: str) -> TimeTagger:
    return TimeTagger(lang)
