"""Pipeline component after event coreference: places and dates an event's sentence leaves out, from its document."""
from __future__ import annotations

from typing import Any

from ..model import Document, Event
from ..pipeline import register
from .context_dates import same_target
from .context_lexicon import lexicon
from .context_places import Sites, dateline, from_dateline, previous_sentence, site
from .context_view import View, implied


def _note(ev: Event, slot: str, rule: str) -> None:
    """Record the rule that filled a slot in the event's rule string ("…|location:site")."""
    ev.rule = f"{ev.rule}|{slot}:{rule}" if ev.rule else f"{slot}:{rule}"


def _set_location(ev: Event, loc: dict[str, Any] | None, rule: str) -> bool:
    if loc is None:
        return False
    ev.location = implied(loc)
    _note(ev, "location", rule)
    return True


class EventContext:
    """Fills what a sentence leaves to its document, by named rules, in this order, each location flagged
    `implicit: true` and the rule added to the event's `rule` (`|location:site`):

    - `site`: an event at a kind of site (embassy, consulate, port …; lang/<code>/context.yaml) that the
      document placed before takes that place ("the embassy in Kyiv … later struck near the embassy").
    - `previous_sentence`: an event whose sentence names no place continues the previous sentence of its
      paragraph, at its event's place, when their dates overlap.
    - `dateline`: an unplaced event of the headline or lead happened at the wire story's dateline.
    - `date:same_target`: a year or a range is refined by the one more precise date another sentence gives
      next to a word for the same target ("the plane … last year"; "the plane crash in December 2024").

    A toponym standing for a party ("Moscow said") or a country never becomes a place, and no place crosses a
    line break or a sentence dated apart. Mentions of one incident were merged before (event_coref).
    """

    name = "event_context"
    requires: tuple[str, ...] = ("events", "sentences", "actors", "places", "times")
    provides: tuple[str, ...] = ("events",)

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, doc: Document) -> Document:
        if not doc.events:
            return doc
        v = View.of(doc, lexicon(doc.language or self.lang))
        sites, lead = Sites.of(v), dateline(v)
        done: dict[int, list[Event]] = {}
        order = sorted(doc.events, key=lambda e: (e.evidence.get("start") or 0, (e.trigger or {}).get("start") or 0))
        for ev in order:
            _set_location(ev, site(v, sites, ev), "site") \
                or _set_location(ev, previous_sentence(v, ev, done), "previous_sentence") \
                or _set_location(ev, from_dateline(v, lead, ev), "dateline")
            refined = same_target(v, ev)
            if refined is not None:
                ev.date = refined
                _note(ev, "date", "same_target")
            done.setdefault(v.event_sentence(ev), []).append(ev)
        return doc


@register("event_context")
def make(lang: str) -> EventContext:
    return EventContext(lang)
