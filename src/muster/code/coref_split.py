"""One event told for a list of days or places ("on August 8 and 18", "Odesa, Kharkiv and Lviv"): one per item."""
from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from typing import Any, Sequence

from ..lang import SUPPORTED, load_yaml
from ..model import Document, Event, Place, TimeX
from .by_sentence import by_sentence
from .coref_match import verbal

LIST_PLACES = frozenset({"city", "admin1", "admin2"})
_WORD = re.compile(r"\w+")
_QUOTES = frozenset('"«»„“”‚‘’\'')


def _words(lang: str | None, key: str) -> frozenset[str]:
    data = load_yaml(lang, "coref.yaml") if lang in SUPPORTED else None
    return frozenset(str(w).lower() for w in (data or {}).get(key) or ())


def _run_of(items: Sequence[Any], i: int, text: str, joiners: frozenset[str]) -> list[Any]:
    """The items around items[i] that the text joins into one list (only commas and joiners between)."""
    def joined(a: Any, b: Any) -> bool:
        if a.end > b.start:
            return False
        gap = text[a.end:b.start]
        words = [w.lower() for w in _WORD.findall(gap)]
        return len(words) <= 2 and all(w in joiners for w in words) and (bool(words) or "," in gap)

    lo = hi = i
    while lo > 0 and joined(items[lo - 1], items[lo]):
        lo -= 1
    while hi + 1 < len(items) and joined(items[hi], items[hi + 1]):
        hi += 1
    return list(items[lo:hi + 1])


def _copy(ev: Event, key: str, **fields: Any) -> Event:
    """The event for another item of the list, with an id of its own and a pointer to the first."""
    eid = hashlib.sha256(f"{ev.id}|{key}".encode()).hexdigest()[:16]
    return replace(ev, id=eid, evidence={**ev.evidence, "part_of": ev.id}, **fields)


def _day(t: TimeX) -> dict[str, Any]:
    return {"text": t.text, "value": t.value, "start": t.value, "end": t.value, "granularity": "day"}


def _dates(ev: Event, times: list[TimeX], text: str, joiners: frozenset[str], opens: frozenset[str]) -> list[Event]:
    days = [t for t in times if not t.relation and t.value and len(t.value) == 10]
    own = next((i for i, t in enumerate(days) if t.text == (ev.date or {}).get("text")), None)
    if own is None:
        return []
    run = _run_of(days, own, text, joiners)
    before = _WORD.findall(text[max(0, run[0].start - 20):run[0].start])
    if len({t.value for t in run}) < 2 or any(w.lower() in opens for w in _WORD.findall(run[0].text)[:1]
                                              + before[-1:]):
        return []
    ev.date = _day(days[own])
    return [_copy(ev, t.value, date=_day(t)) for t in run if t.value != days[own].value]


def _places(ev: Event, places: list[Place], text: str, joiners: frozenset[str], parties: list[Any]) -> list[Event]:
    """Towns or regions, not a capital standing for its government ("recalled its envoys from Berlin, Paris
    and London") nor a quoted name (a ship "Nikopol")."""
    towns = [p for p in places if p.feature in LIST_PLACES and not p.reference
             and not any(m.start < p.end and p.start < m.end for m in parties)
             and text[max(0, p.start - 1):p.start] not in _QUOTES]
    own = next((i for i, p in enumerate(towns) if p.name == (ev.location or {}).get("name")), None)
    if own is None:
        return []
    run = _run_of(towns, own, text, joiners)
    if len({p.name for p in run}) < 2:
        return []
    return [_copy(ev, p.name, location=p.location()) for p in run if p.name != towns[own].name]


def split(doc: Document, lang: str | None = None) -> list[Event]:
    """The document's events, each asserted act told for a list of days or places followed by its copies.

    A list is two or more day dates (or towns/regions) of the event's sentence, joined only by commas and
    the language's `list_joiners` (lang/<code>/coref.yaml; not "or"), not opened by a range word
    ("between 8 and 18 August" is one span), and holding the event's own date (or place): the coder coded
    the first item. Each copy keeps the sentence as evidence, marks `evidence["part_of"]` with the first
    event's id and gets its own id.
    """
    code = doc.language or lang
    joiners, opens = _words(code, "list_joiners"), _words(code, "range_openers")
    if not joiners:
        return doc.events
    starts = {s.start: n for n, s in enumerate(doc.sentences)}
    times, places = by_sentence(doc.sentences, doc.times), by_sentence(doc.sentences, doc.places)
    parties = by_sentence(doc.sentences, doc.actors)
    out: list[Event] = []
    for ev in doc.events:
        out.append(ev)
        n = starts.get(ev.evidence.get("start"))
        if n is None or ev.negated or ev.hypothetical or verbal(ev.event_type):
            continue
        out.extend(_dates(ev, times[n], doc.clean, joiners, opens)
                   or _places(ev, places[n], doc.clean, joiners, parties[n]))
    return out
