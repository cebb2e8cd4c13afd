"""When and where an event happened: its clause's temporal expression and place, with fallbacks."""
from __future__ import annotations

from bisect import bisect_left
from datetime import date, timedelta
from typing import Any

from ..model import Document, Mention, Place, TimeX
from .draft import Draft, tok_index
from .lemmas import Token
from .patterns import Grammar

RECENT_DAYS = 30  # an undated past event in a news article: within a month before publication
_FEATURE_RANK = {"city": 0, "admin2": 1, "admin1": 2, "country": 3}


def place_of(g: Grammar, toks: list[Token], starts: list[int], places: list[Place],
             ments: list[Mention], spans: list[tuple[int, int]], actor: Mention | None = None) -> Place | None:
    """The event's place: a toponym in its clause(s), "in X" first; not one inside a longer actor
    phrase ("Vertretung Bakus") nor the actor itself ("Moskau bestritt"); a struck or visited
    capital ("besuchte Kiew", "по Києву") is the place."""
    loc = g.words["locative_preps"]
    cands = []
    for p in places:
        if not any(s <= p.start < e for s, e in spans):
            continue
        if any(m.start <= p.start < m.end and m.role != "place"
               and (m is actor or m.end - m.start > p.end - p.start + 1) for m in ments):
            continue
        i = tok_index(starts, p.start)
        after_prep = any(loc.has(toks[j]) for j in range(max(0, i - 2), i))
        cands.append((not after_prep, _FEATURE_RANK.get(p.feature, 1), p.start, p))
    if not cands:
        return None
    return min(cands, key=lambda c: c[:3])[3]

def place_spans(g: Grammar, toks: list[Token], cl: list[tuple[int, int]], d: Draft) -> list[list[tuple[int, int]]]:
    """Where to look for the place: the trigger's clause, then main clauses of the event's scope."""
    s, e = d.scope_tokens
    a, b = max(d.clause[0], s), min(d.clause[1], e)
    own = [(toks[a].start, toks[b - 1].end)] if b > a else []
    more = [(toks[cs].start, toks[ce - 1].end) for cs, ce in cl
            if cs >= s and ce <= e and (cs, ce) != d.clause and not g.words["clause_breaks"].has(toks[cs])]
    full = [(toks[d.full_clause[0]].start, toks[d.full_clause[1] - 1].end)] if d.full_clause[1] else []
    return [own, more, full]

def _apposition(toks: list[Token], i: int, anchor: int) -> bool:
    """Token i inside an apposition before the anchor: "X, condemned in 2023 for fraud, rejected ...";
    not a bracketed adverbial ("X, in early March 2025, expelled ..."), which starts near its comma."""
    if i >= anchor:
        return False
    c1 = next((j for j in range(i - 1, -1, -1) if toks[j].text == ","), None)
    c2 = next((j for j in range(i + 1, anchor) if toks[j].text == ","), None)
    return c1 is not None and c2 is not None and 0 < c1 < i - 3 and c2 - c1 <= 16 and anchor - c2 <= 3


def event_date(g: Grammar, toks: list[Token], cl: list[tuple[int, int]], times: list[TimeX],
          starts: list[int], d: Draft) -> TimeX | None:
    rel = {w.lower() for w in g.config.get("time_relatives") or ()}
    k = d.clause[0]
    if rel and toks[k].lower in rel:  # "since June, when it bombed ...": the date the adverb refers back to
        j = k - 2 if k > 1 and toks[k - 1].text == "," else k - 1
        prior = [t for t in times if j >= 0 and t.start <= toks[j].start < t.end and (t.value or t.start_date)]
        if prior:
            return prior[0]
    concrete = [t for t in times if not t.relation and (t.value or t.start_date or t.end_date)]
    # "stated on Friday that troops had crossed ...": a pluperfect in a reported clause happened before
    # the speech, whose date does not date it (events.yaml config `perfect_aux`)
    perfect, fc = g.config.get("perfect_aux") or (), d.full_clause[0]
    if perfect and 0 < fc < d.anchor and g.words["complementizers"].has(toks[fc]) \
            and any(toks[j].lower in perfect for j in range(fc, d.anchor)):
        concrete = [t for t in concrete if t.start >= toks[fc].start]
    if not concrete:
        return None
    s_char, e_char = toks[d.scope_tokens[0]].start, toks[d.scope_tokens[1] - 1].end
    bg = g.words["background"]

    def background(t: TimeX) -> bool:
        i = tok_index(starts, t.start)
        if _apposition(toks, i, d.anchor):
            return True
        for cs, ce in cl:
            if cs <= i < ce:
                return cs != d.clause[0] and bg.has(toks[cs])
        return False

    cs, ce = toks[d.clause[0]].start, toks[d.clause[1] - 1].end
    for lo, hi in ((cs, ce), (s_char, e_char)):
        inside = [t for t in concrete if lo <= t.start < hi and not background(t)]
        if inside:
            return min(inside, key=lambda t: abs(t.start - toks[d.anchor].start))
    rest = [t for t in concrete if not background(t)]
    if rest:
        before = [t for t in rest if t.start < toks[d.anchor].start]
        return before[-1] if before else rest[0]
    return None

def undated(doc: Document, d: Draft, time_starts: list[int] | None = None) -> dict[str, Any]:
    """An undated past event: between the story's last date (two sentences back at most) and publication.

    News narrates in order, so an undated event told right after a dated one happened after its
    start; with no such anchor the event is recent (`RECENT_DAYS` before publication).
    `time_starts`: the starts of doc.times when they are in start order (bisected instead of scanned).
    """
    sent = doc.sentences[d.sent]
    lo = doc.sentences[max(0, d.sent - 2)].start
    times = doc.times
    if time_starts is not None:
        times = times[bisect_left(time_starts, lo):bisect_left(time_starts, sent.start)]
    prior = [t for t in times if lo <= t.start < sent.start and not t.relation and t.start_date]
    start = prior[-1].start_date if prior else None
    if start is None or start > doc.published:
        y, m, day = (int(x) for x in doc.published.split("-"))
        start = (date(y, m, day) - timedelta(days=RECENT_DAYS)).isoformat()
    return {"text": None, "value": None, "start": start, "end": doc.published, "granularity": "range"}

