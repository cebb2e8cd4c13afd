"""Temporal tagger: finds dates and times in text and normalises them against the publication day.

Rules are data (lang/<code>/times.yaml, compiled by timex_lexicon); this module matches the
templates, keeps the longest non-overlapping matches, reads the tense of the clause, and resolves
each match (timex_resolve). Conventions:
- spans include the leading temporal preposition ("am 14. November", "im Oktober", "in 2022");
- partial dates take the year that the clause's tense allows: past → latest reading not after
  the anchor, future → earliest not before it, no tense cue → the reading nearest the anchor;
- "Anfang/Mitte/Ende", early/mid/late: granularity "range", value null, start/end = first, middle,
  last third of a year (Jan-Apr, May-Aug, Sep-Dec) or days 1-10, 11-20, 21-end of a month;
- decades and "zwischen März und Mai 2023": "range", value null, start/end the bounds;
- "seit 2022" (since), "bis 2023" (until), "vor/nach" + date: "range" with relation set, value
  null; since/after end on the anchor, until/before have no start;
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
from .timex_calendar import Interval
from .timex_lexicon import Lexicon, Template, fold, lexicon
from .timex_resolve import resolve

_CLAUSE = re.compile(r"[,;:()–—]|\s-\s")
_WORD_BEFORE = re.compile(r"([\w.$€£]+)\W*$")
_WORD_AFTER = re.compile(r"^\s*([\w%$€£]+)")
_DATED = {"date", "month", "year", "bare_year", "numeric", "quarter", "mod", "decade", "weekday",
          "rel_weekday", "rel_month", "rel", "deictic", "season"}
_SENT = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
_DIGIT = re.compile(r"\d")


def parse_anchor(anchor: str | date | None) -> date | None:
    if anchor is None or isinstance(anchor, date):
        return anchor
    try:
        return date.fromisoformat(anchor[:10])
    except ValueError as exc:
        raise MusterError("E013", f"invalid anchor date {anchor!r}") from exc


def _accept(lex: Lexicon, t: Template, m: re.Match[str], text: str, anchor: date | None) -> bool:
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
    if g.get("weekday") and (prev.isdigit() or prev in lex.numbers or prev in lex.weekday_not_after
                             or t.kind == "weekday" and fold(nxt) in lex.weekday_not_before
                             and fold(g["weekday"]) in lex.units):  # "luni de negocieri": months, not Monday
        return False
    if t.kind == "year" and not 1800 <= int(g["year"]) <= (anchor.year + 100 if anchor else 2199):
        return False
    if t.kind == "bare_year":
        y = int(g["year"])
        if re.match(r"[-/.:]\d", text[m.end():m.end() + 2]) or re.search(r"\d[-/.:]$", text[max(0, m.start() - 2):m.start()]):
            return False  # part of a code, a timestamp or a path
        top = anchor.year + 10 if anchor else 2100
        if not (1900 <= y <= top) or y % 100 == 0:
            return False
        if prev in lex.count_words or text[max(0, m.start() - 1):m.start()] in ("$", "€", "£", "#", "№"):
            return False
        if prev in lex.year_name_before and nxt[:1].isupper():  # "the 1951 Mutual Defense Treaty": a name
            return False
        if prev in lex.year_document_preps and lex.year_document_nouns:  # "den Wasservertrag von 1960"
            head = re.search(r"(\S+)\s+\S+\s*$", text[max(0, m.start() - 60):m.start()])
            if head and fold(head.group(1)).endswith(lex.year_document_nouns):
                return False
        low = fold(nxt)
        if nxt[:1] in ("%", "$", "€", "£") or any(low == w or len(w) > 3 and low.startswith(w) for w in lex.count_after):
            return False
        if lex.plural_after and lex.plural_after.fullmatch(nxt) and low not in lex.plural_except:
            return False
        if lex.prev_capital_rejects and before and before.group(1)[:1].isupper() and prev not in lex.months \
                and not re.search(r"(?:^|[.!?:]\s*)\S+\s*$", text[max(0, m.start() - 40):m.start()]):
            return False
        if lex.next_capital_rejects and nxt[:1].isupper() and fold(nxt) not in lex.months \
                and not re.match(r"\s*[.!?;:]", text[m.end():m.end() + 3]):
            return False
    return True


def _tense(lex: Lexicon, text: str, s: int, e: int, bounds: tuple[int, int], own: bool = False) -> str | None:
    """"past", "future" or None from the cue words of the clause around [s, e), else of the
    sentence without its reporting verbs (`own`: not even the clause's own reporting verb)."""
    lo, hi = bounds
    cs = lo
    for m in _CLAUSE.finditer(text, lo, s):
        cs = m.end()
    nxt = _CLAUSE.search(text, e, hi)
    ce = nxt.start() if nxt else hi
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
    """"future" or "past" from the first cue kind found in a chunk of text (future first), else None."""
    if lex.future and lex.future.search(chunk):
        return "future"
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
    if not relation or iv.start is None or iv.end is None:
        return iv
    if relation == "since":
        return Interval(None, iv.start, anchor if anchor and anchor >= iv.start else None, "range")
    if relation == "after":
        return Interval(None, iv.end + timedelta(days=1), anchor if anchor and anchor > iv.end else None, "range")
    if relation == "until":
        return Interval(None, None, iv.end, "range")
    if relation == "before":
        return Interval(None, None, iv.start - timedelta(days=1), "range")
    return iv


def _timex(text: str, s: int, e: int, iv: Interval | None, gran: str, relation: str) -> TimeX:
    return TimeX(start=s, end=e, text=text[s:e], value=iv.value if iv else None,
                 start_date=iv.start.isoformat() if iv and iv.start else None,
                 end_date=iv.end.isoformat() if iv and iv.end else None,
                 granularity=iv.granularity if iv else gran, relation=relation)


_GRAN = {"date": "day", "numeric": "day", "month": "month", "rel_month": "month", "year": "year",
         "bare_year": "year", "quarter": "quarter", "weekday": "day", "rel_weekday": "day",
         "deictic": "day"}


def tag(lex: Lexicon, text: str, anchor: date | None, sentences: list[tuple[int, int]]) -> list[TimeX]:
    """All temporal expressions of `text`; `sentences` gives the bounds used to read tense."""
    if not lex.trigger or not (_DIGIT.search(text) or lex.trigger.search(text)):
        return []  # the trigger starts with \d: a digit, found by a fast scan, is enough
    # every template's finditer matches, then those of `vague`; the scanner tries each regex only
    # where its first characters fit (timex_scan), with the same result
    found = lex.scanner.scan(text) if lex.scanner else \
        [list(r.finditer(text)) for r in [*(t.regex for t in lex.templates), *([lex.vague] if lex.vague else [])]]
    cands: list[tuple[int, int, int, Template | None, re.Match[str]]] = []
    for i, t in enumerate(lex.templates):
        for m in found[i]:
            if _accept(lex, t, m, text, anchor):
                cands.append((m.start(), m.end(), i, t, m))
    if lex.vague:
        for m in found[len(lex.templates)]:
            cands.append((m.start(), m.end(), len(lex.templates), None, m))
    cands.sort(key=lambda c: (c[0] - c[1], c[0], c[2]))
    taken: list[tuple[int, int]] = []
    chosen = []
    for c in cands:
        if all(c[1] <= a or c[0] >= b for a, b in taken):
            taken.append((c[0], c[1]))
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
        try:
            iv = resolve(lex, t, m, anchor, tense)
        except ValueError:
            continue
        if iv is not None:
            iv = _apply_relation(iv, relation, anchor)
        gran = "range" if relation else _GRAN.get(t.kind, "range")
        out.append(_timex(text, s, e, iv, gran, relation))
    return out


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
