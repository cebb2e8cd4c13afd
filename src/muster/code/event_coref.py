"""Document-level event coreference: the mentions of one incident in a document become one event."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ..model import Document, Event
from ..pipeline import register
from .coref_cues import Cues
from .coref_match import (FAR_PAST, interval, named_key, overlap, party_key, place_rank, same_kind, same_place,
                          verbal, width)
from .coref_parties import Parties
from .coref_split import split

MAX_SPAN_DAYS = 92  # a mention dated more vaguely than a quarter ("since 2021", "back then") anchors no merge
RECENT = 12  # the chains of a type a mention is compared with, besides those the headline and lead opened
LEAD_SENTENCES = 3  # headline, standfirst, lead: the stretch that restates the whole story
LEAD_REACH = 10  # sentences within which a mention may restate the lead's incident without an anchor
EMBEDDED_DAYS = 31  # an incident named inside another act's sentence happened up to this long before it
# speech acts whose object or cause may be an incident: "summoned the envoy over the strike", "denied
# any role in the attack", "demanded an inquiry into the raid", "vowed revenge for the killing"
EMBEDDING = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN"})
HEADLINE_WORDS = 30
_SENTENCE_END = re.compile(r"[.!?…][\"'»«“”„)\]]*$")


@dataclass
class Member:
    """One mention: its place in the document's events, the interval it surely lies in, where it is
    told (sentence number, in the lead), whether its roles are guesses (`loose`: told in the headline, or
    named inside another act's sentence, whose speaker leaks into it) and the numbers told with it."""

    order: int
    event: Event
    interval: tuple[str, str]
    sent: int = 0
    loose: bool = False
    lead: bool = False
    counts: frozenset[str] = frozenset()

    @property
    def dated(self) -> bool:
        """The mention gives its own date (not the story's default interval)."""
        return bool((self.event.date or {}).get("text"))


@dataclass
class Chain:
    """The mentions of one incident so far, with what they agree on."""

    members: list[Member] = field(default_factory=list)
    sents: set[int] = field(default_factory=set)
    interval: tuple[str, str] = (FAR_PAST, FAR_PAST)
    parties: Parties = field(default_factory=Parties)
    place: dict[str, Any] | None = None
    counts: set[str] = field(default_factory=set)
    lead: bool = False  # opened in the headline or lead
    body: int = 0  # members told below the lead

    def add(self, m: Member, features: dict[str, str]) -> None:
        self.body += not m.lead
        self.interval = m.interval if not self.members else (overlap(self.interval, m.interval) or self.interval)
        self.members.append(m)
        self.sents.add(m.event.evidence.get("start"))
        self.parties.add(m.event, m.loose)
        self.counts.update(m.counts)
        if place_rank(m.event.location, features) < place_rank(self.place, features):
            self.place = m.event.location

    @property
    def head(self) -> Event:
        return self.members[0].event


def _embedded(ev: Event, same_sentence: list[Event]) -> tuple[tuple[str, str], bool]:
    """The interval a mention surely lies in, and whether it is named inside a speech act. A mention
    dated by the very expression that dates an earlier accusation, denial, demand or threat in its
    sentence ("summoned the envoy on Wednesday over the strike") is its cause or topic: it happened on
    that day or up to EMBEDDED_DAYS before, and the speaker may have leaked into its roles."""
    iv = interval(ev.date)
    text = (ev.date or {}).get("text")
    start = (ev.trigger or {}).get("start", 0)
    if not text or iv[1][:1] == "9" or verbal(ev.event_type):
        return iv, False
    for o in same_sentence:
        if o is not ev and o.event_type in EMBEDDING and (o.date or {}).get("text") == text \
                and (o.trigger or {}).get("start", 0) < start:
            try:
                lo = (date.fromisoformat(iv[1]) - timedelta(days=EMBEDDED_DAYS)).isoformat()
            except ValueError:
                return iv, False
            return (min(lo, iv[0]), iv[1]), True
    return iv, False


def compatible(m: Member, ch: Chain, features: dict[str, str]) -> int | None:
    """How well a mention fits a chain (higher is better), or None when it may be another incident."""
    ev, iv = m.event, m.interval
    if ev.evidence.get("start") in ch.sents or not same_kind(ev, ch.head):
        return None
    if m.counts and ch.counts and not m.counts & ch.counts:
        return None  # "13 hostages" and "39 prisoners": two releases
    if max(width(iv), width(ch.interval)) > MAX_SPAN_DAYS or overlap(iv, ch.interval) is None:
        return None
    if not ch.parties.agree(ev, m.loose) or not same_place(ev.location, ch.place, features):
        return None
    # a statement is restated once below the headline and lead; two body mentions of one must give its day
    speech = verbal(ev.event_type)
    if speech and not (m.lead or (ch.lead and ch.body == 0)) and not _same_day(m, ch):
        return None
    if not m.lead and not _anchored(m, ch, features) and not (ch.lead and (m.sent <= LEAD_REACH or speech)):
        return None
    a, r = named_key(ev.actor), named_key(ev.recipient)
    return (a in ch.parties.named.actors) + (r in ch.parties.named.recipients) + bool(ev.location and ch.place)


def _same_day(m: Member, ch: Chain) -> bool:
    return m.dated and m.interval[0] == m.interval[1] and ch.interval == m.interval


def _anchored(m: Member, ch: Chain, features: dict[str, str]) -> bool:
    """Evidence beyond agreeing that a mention below the lead tells the chain's incident: the same day
    given on both sides, or the same town or region. Without it a mention joins only a chain the
    headline or lead opened, and only near the lead (LEAD_REACH) unless it restates a statement."""
    if _same_day(m, ch):
        return True
    loc = m.event.location
    return bool(loc and ch.place) and max(place_rank(loc, features), place_rank(ch.place, features)) <= 1


def _party(ch: Chain, slot: str) -> dict[str, Any] | None:
    """The chain's actor or recipient: the first one the body names (in a sentence of its own), else the
    headline's, else a guess."""
    ranked = sorted(ch.members, key=lambda m: (not named_key(getattr(m.event, slot)),
                                                 not party_key(getattr(m.event, slot)), m.loose, m.order))
    return getattr(ranked[0].event, slot)


def _merged(ch: Chain, features: dict[str, str]) -> Event:
    """The chain as one event: the first mention's id and evidence, the most precise date and place,
    the body's named parties, and every mention's span in evidence["mentions"]."""
    ev = ch.head
    if len(ch.members) == 1:
        return ev
    evs = [m.event for m in ch.members]
    ev.date = min(ch.members, key=lambda m: (width(m.interval), m.order)).event.date
    ev.location = min(evs, key=lambda e: place_rank(e.location, features)).location
    ev.actor, ev.recipient = _party(ch, "actor"), _party(ch, "recipient")
    if ev.attribution is None:
        ev.attribution = next((e.attribution for e in evs if e.attribution), None)
    if not ev.mode:
        moded = next((e for e in evs if e.mode), None)
        if moded is not None:
            ev.mode, ev.cameo, ev.goldstein = moded.mode, moded.cameo, moded.goldstein
    ev.evidence = {**ev.evidence, "mentions": [
        {"id": e.id, "sentence": e.evidence.get("sentence"), "start": e.evidence.get("start"),
         "end": e.evidence.get("end"), "trigger": e.trigger} for e in evs]}
    return ev


def headline_end(text: str) -> int:
    """Where the headline ends: the first line, when it is short and ends without a full stop (a first
    line that ends like a sentence opens the body); -1 without one."""
    end = text.find("\n")
    line = text[:end].strip() if end > 0 else ""
    if not line or _SENTENCE_END.search(line) or len(line.split()) > HEADLINE_WORDS:
        return -1
    return end


def corefer(doc: Document, lang: str | None = None) -> list[Event]:
    """The document's events with the mentions of one incident merged, in text order of first mention."""
    features = {p.name: p.feature for p in doc.places if p.name}
    cues = Cues.of(doc, lang)
    lead_end = doc.sentences[min(LEAD_SENTENCES, len(doc.sentences)) - 1].end if doc.sentences else 0
    head_end = headline_end(doc.clean)
    by_sent: dict[Any, list[Event]] = {}
    for ev in doc.events:
        by_sent.setdefault(ev.evidence.get("start"), []).append(ev)
    chains: list[Chain] = []
    open_by_type: dict[str, list[Chain]] = {}
    lead_by_type: dict[str, list[Chain]] = {}
    starts = [x.start for x in doc.sentences]
    for n, ev in enumerate(doc.events):
        at = ev.evidence.get("start") or 0
        iv, inside = _embedded(ev, by_sent.get(ev.evidence.get("start"), []))
        m = Member(n, ev, iv, bisect_right(starts, at) - 1, at < head_end or inside, at < lead_end,
                   cues.counts(doc, ev))
        best, score = None, -1
        if not (ev.negated or ev.hypothetical or cues.new_incident(doc, ev)):
            recent = open_by_type.get(ev.event_type, [])[-RECENT:]
            for ch in lead_by_type.get(ev.event_type, []) + recent:
                got = compatible(m, ch, features)
                if got is not None and got >= score:
                    best, score = ch, got
        if best is None:
            best = Chain(lead=m.lead)
            chains.append(best)
            if not (ev.negated or ev.hypothetical):
                (lead_by_type if m.lead else open_by_type).setdefault(ev.event_type, []).append(best)
        best.add(m, features)
    return [_merged(ch, features) for ch in chains]


class EventCoref:
    """Pipeline component after the coder: splits events told for a list of days or places, then chains
    the mentions of one incident.

    A headline, the lead, a later "the attack", a damage sentence and the summons *over* the attack tell
    one incident; the coder codes each mention. The mentions that agree on type, parties, date and place
    become one event that keeps every mention's evidence span (`evidence["mentions"]`), the first
    mention's id, and the most precise date and place among them. Distinct incidents stay apart: two
    mentions in one sentence (co-actors, "on August 8 and 18"), dates that do not overlap, places far
    apart, other parties, a cue word ("another", "again"), other counts. Speech acts join only when the
    same speaker is known on both sides. Each mention is compared with the chains the headline and lead
    opened and the RECENT latest of its type: linear in the events.
    """

    name = "event_coref"
    requires: tuple[str, ...] = ("events", "sentences", "actors", "places", "times")
    provides: tuple[str, ...] = ("events",)

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, doc: Document) -> Document:
        doc.events = split(doc, self.lang)
        if len(doc.events) > 1:
            doc.events = corefer(doc, self.lang)
        return doc


@register("event_coref")
def make(lang: str) -> EventCoref:
    return EventCoref(lang)
