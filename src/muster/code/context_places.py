"""Where an event took place when its own sentence does not say: a placed site, the previous sentence, the dateline."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..model import Event, Place
from .coref_match import interval, overlap, party_key, verbal
from .context_view import COARSE, View, implied

SITE_GAP = 4  # words between a site and the place that places it ("die Vertretung Polens in Minsk")
LOCATIVE_REACH = 3  # words before a site that put the event at it ("nahe der Botschaft", "près de l'ambassade")
LEAD_LINES = 4  # lines from the top of the text in which a dateline may stand (headline, standfirst, byline)
_WORD = re.compile(r"\w+")


def _owner(v: View, a: int, b: int) -> str | None:
    """The country a site belongs to, from a party named with it ("the Russian embassy", "посольства Ирана",
    "l'ambassade de France"): a party mention holding the site word, or one next to it (one word between at
    most, no clause word nor punctuation)."""
    text = v.doc.clean
    for m in v.actors_near(a, b + 25):  # a mention holding the site, or within 24 characters of it
        if not m.country or m.role == "place":
            continue
        if m.start <= a and b <= m.end and m.kind != "capital":
            return m.country
        gap = text[m.end:a] if m.end <= a else text[b:m.start] if m.start >= b else None
        if gap is None or len(gap) > 24 or set(gap) & set(".,;:!?()\"«»„“”"):
            continue
        words = [w.lower() for w in _WORD.findall(gap)]
        if len(words) <= 1 and not set(words) & v.lex.clause_words:
            return m.country
    return None


@dataclass
class Sites:
    """Every site the document places: (position, kind, owner country, place), in text order."""

    placed: list[tuple[int, str, str | None, dict[str, Any]]] = field(default_factory=list)

    @classmethod
    def of(cls, v: View) -> "Sites":
        out = cls()
        text = v.doc.clean
        for a, b, kind in v.sites.items:
            si = v.sentence_index(a)
            place = _place_at(v, si, a, b) if si >= 0 else None
            if place is not None:
                out.placed.append((a, kind, _owner(v, a, b), place.location()))
        for ev in v.doc.events:  # "In Kyiv, a drone hit the embassy": the event's own place places its site
            if ev.location and not ev.location.get("implicit") and v.located(ev) is not None:
                lo, hi = v.stretch(ev)
                out.placed.extend((a, kind, _owner(v, a, b), ev.location)
                                  for a, b, kind in v.sites_in(lo, hi))
        out.placed.sort(key=lambda s: s[0])
        return out

    def before(self, pos: int, kind: str, owner: str | None) -> dict[str, Any] | None:
        """The place of the last site of this kind (and owner, where both are known) placed before pos."""
        found = None
        for at, k, own, loc in self.placed:
            if at >= pos:
                break
            if k == kind and not (owner and own and owner != own):
                found = loc
        return found


def _place_at(v: View, si: int, a: int, b: int) -> Place | None:
    """The place a site mention names: "the embassy in Kyiv", "die Vertretung Polens in Minsk" (a locative within
    SITE_GAP words after it) or "its London embassy" (right before it, even inside the party's name)."""
    text = v.doc.clean
    s = v.doc.sentences[si]
    before = [p for p in v.doc.places if s.start <= p.start and p.end <= a and not text[p.end:a].strip()
              and not p.reference and p.feature not in COARSE and p.lat is not None]
    if before:
        return before[-1]
    for p in v.free[si]:
        if p.start >= b:
            gap = text[b:p.start]
            words = [w.lower() for w in _WORD.findall(gap)]
            if len(words) <= SITE_GAP and set(words) & v.lex.locative and not set(gap) & set(".;!?"):
                return p
            return None
    return None


def _at_site(v: View, a: int, b: int, floor: int) -> bool:
    """The site word is where the event is: after a locative ("near the embassy") or a place compound
    ("in Botschaftsnähe")."""
    word = v.doc.clean[a:b].lower()
    return any(n in word for n in v.lex.near) or bool(set(v.words_before(a, LOCATIVE_REACH, floor)) & v.lex.locative)


def site(v: View, sites: Sites, ev: Event) -> dict[str, Any] | None:
    """The embassy in Kyiv … later struck near the embassy again → Kyiv: an event at a kind of site the
    document placed before (of the same owner, where both are named) takes that place; it replaces a place
    the sentence named for another clause ("hit a depot in the Odesa region and later struck near the
    embassy") or refines a bare country. A stretch that names a place of its own keeps it; a site
    that speaks ("the embassy said") speaks where it stands."""
    si = v.event_sentence(ev)
    if si < 0 or not v.sites_in(v.doc.sentences[si].start, v.doc.sentences[si].end):
        return None
    lo, hi = v.stretch(ev)
    own_places = [p for p in v.free[si] if lo <= p.start < hi]
    for a, b, kind in v.sites_in(lo, hi):
        here = _place_at(v, si, a, b)  # "at its London embassy", "the embassy in Quito": the site's own place
        if own_places and here not in own_places:
            continue
        loc = here.location() if here is not None else sites.before(a, kind, _owner(v, a, b))
        if loc is None or (ev.location and loc.get("name") == ev.location.get("name")):
            continue
        own = v.located(ev)
        if ev.location is None or own is not None and own.feature in COARSE and own.country == loc.get("country"):
            return loc  # no place, or only its country ("in der Ukraine … nahe der Botschaft")
        if own is not None and not (lo <= own.start < hi) and _at_site(v, a, b, lo):
            return loc
    return None


def _continues(ev: Event, src: Event) -> bool:
    """The event goes on with the source event's story: an act whose actor is unnamed ("Eleven people were
    held") or is the same party, or that befalls the same party; a statement by the same speaker, or by a
    party to the talks or statement before it ("the two leaders agreed"). A statement happens where its
    speaker is, so another party's reaction to an act is no continuation ("Islamabad rejected the account")."""
    a, sa, sr = party_key(ev.actor), party_key(src.actor), party_key(src.recipient)
    if verbal(ev.event_type):  # a speaker the coder could not name may be anyone
        return a is not None and (a == sa or verbal(src.event_type) and a == sr)
    r = party_key(ev.recipient)
    return bool(a is None or (ev.actor or {}).get("implicit") or a == sa or r is not None and r == sr)


def previous_sentence(v: View, ev: Event, done: dict[int, list[Event]]) -> dict[str, Any] | None:
    """"Thousands protested in Yerevan on Sunday. Police detained dozens near the parliament." → Yerevan:
    an event whose sentence names no place continues the previous sentence of its paragraph, at that
    sentence's event's place (or, for an act with no named actor, the place it names after a locative),
    when their dates overlap and the event goes on with that story (`_continues`)."""
    si = v.event_sentence(ev)
    if ev.location is not None or si < 1 or v.free[si] or not v.same_paragraph(si - 1, si):
        return None
    iv = interval(ev.date)
    for o in reversed(done.get(si - 1, [])):
        if o.location and not (o.negated or o.hypothetical) and overlap(interval(o.date), iv) and _continues(ev, o):
            return o.location
    if done.get(si - 1) or verbal(ev.event_type) or (party_key(ev.actor) and not (ev.actor or {}).get("implicit")):
        return None
    s = v.doc.sentences[si - 1]
    times = [t for t in v.doc.times if s.start <= t.start < s.end and (t.start_date or t.end_date)]
    if any(overlap((t.start_date or "0001-01-01", t.end_date or "9999-12-31"), iv) is None for t in times):
        return None  # background with another date
    for p in reversed(v.free[si - 1]):
        if set(v.words_before(p.start, 1, s.start)) & v.lex.locative:
            return p.location()
    return None


def dateline(v: View) -> tuple[Place, int] | None:
    """The one place opening a wire story's first paragraph ("BISSAU, Nov 27 (AWS) –") and where that
    paragraph ends; None without one, or with several ("ATHEN/ANKARA")."""
    pat, text = v.lex.dateline, v.doc.clean
    if pat is None:
        return None
    limit = 0
    for _ in range(LEAD_LINES):
        nl = text.find("\n", limit)
        limit = len(text) if nl < 0 else nl + 1
    for m in pat.finditer(text, 0, limit):
        places = {p.name: p for p in v.doc.places if m.start(1) <= p.start < m.end(1) and not p.reference}
        if len(places) == 1:
            end = text.find("\n", m.end())
            return next(iter(places.values())), len(text) if end < 0 else end
        if places:
            return None
    return None


def from_dateline(v: View, lead: tuple[Place, int] | None, ev: Event) -> dict[str, Any] | None:
    """The headline and lead of a wire story happened at its dateline, unless the lead places its events
    in another country (the dateline is then the desk, "ROMA – … off Benghazi") or the event is dated
    before the lead's own dates (background)."""
    if lead is None or ev.location is not None:
        return None
    place, end = lead
    at = ev.evidence.get("start") or 0
    si = v.event_sentence(ev)
    if at >= end or any(p.name != place.name for p in v.free[si] if si >= 0):
        return None
    scope = [e for e in v.doc.events if (e.evidence.get("start") or 0) < end]
    if any(e.location and not e.location.get("implicit") and e.location.get("country") != place.country
           for e in scope):
        return None
    dated = [interval(e.date)[0] for e in scope if (e.date or {}).get("text")]
    if dated and interval(ev.date)[1] < min(dated):
        return None
    return implied(place)
