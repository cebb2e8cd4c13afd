"""Several reports of one incident in a document become one event (undated lead, anaphora, repeats)."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from . import ontology
from .coref_match import MAX_KM, km
from .draft import Draft
from .roles import Slot


def _apart(a: dict | None, b: dict | None) -> bool:
    """Two places that cannot be one scene: other countries, or two towns or regions (each with an admin1)
    more than MAX_KM apart ("drones hit Odesa on Tuesday" and "drones hit Lviv on Tuesday")."""
    if not a or not b or a.get("name") == b.get("name"):
        return False
    if a.get("country") and b.get("country") and a["country"] != b["country"]:
        return True
    if not (a.get("admin1") and b.get("admin1")) or None in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon")):
        return False
    return km(a, b) > MAX_KM


def _same(a: Slot | None, b: Slot | None) -> bool:
    """Parties that may be the same: equal keys, or one of them unknown."""
    return a is None or b is None or not a.key or not b.key or a.key == b.key


def merge(drafts: list[Draft]) -> list[Draft]:
    """One event per incident: "the strikes hit ..." adds to the strike just told; an undated lead
    merges into the nearest dated report of the same incident (type, recipient); the same dated
    incident told twice in neighbouring sentences is kept once."""
    gone: set[int] = set()
    sents = [d.sent for d in drafts]
    ordered = all(a <= b for a, b in zip(sents, sents[1:]))  # the coder emits drafts sentence by sentence

    def window(lo_sent: int, hi_sent: int, upto: int | None = None) -> range:
        """Indices of the drafts whose sentence lies in [lo_sent, hi_sent] (all of them when unordered):
        the candidates are near in the text, so the work per draft is constant, not the document's."""
        end = len(drafts) if upto is None else upto
        if not ordered:
            return range(end)
        return range(bisect_left(sents, lo_sent, 0, end), min(end, bisect_right(sents, hi_sent, 0, end)))

    for n, d in enumerate(drafts):
        if d.definite and d.verb and not d.dated and not d.negated and not d.hypothetical:
            back = next((drafts[m] for m in reversed(window(d.sent - 2, d.sent, n))
                         if drafts[m].pattern.type == d.pattern.type and d.sent - drafts[m].sent <= 2
                         and m not in gone), None)
            if back is not None:  # "the strikes hit power plants": more about the event just told
                if back.location is None:
                    back.location, back.loc_country = d.location, d.loc_country
                if back.recipient is None:
                    back.recipient = d.recipient
                gone.add(n)
                continue
        if d.dated or d.negated or d.hypothetical or not (ontology.quad_class(d.pattern.type) or "").startswith("material"):
            if d.dated and not d.negated and not d.hypothetical and len(d.date.get("value") or "") == 10:
                twin = next((o for m, o in ((m, drafts[m]) for m in window(d.sent - 2, d.sent, n)) if m not in gone
                             and o.dated
                             and o.pattern.type == d.pattern.type and 0 <= d.sent - o.sent <= 2
                             and o.etype == d.etype and not o.hypothetical and not o.negated
                             and (o.date or {}).get("value") == d.date["value"]
                             and _same(o.actor, d.actor) and _same(o.recipient, d.recipient)
                             and not _apart(o.location, d.location)), None)
                if twin is not None:  # the same incident told twice ("protests in Tbilisi ... demonstrated",
                    # "принял посла, с которым обсудил ...": one meeting)
                    if twin.location is None:
                        twin.location, twin.loc_country = d.location, d.loc_country
                    gone.add(n)
            continue
        best = None
        for m in window(d.sent - 4, d.sent + 4):
            o = drafts[m]
            if m == n or m in gone or not o.dated or o.negated or o.hypothetical:
                continue
            if o.pattern.type != d.pattern.type or _apart(o.location, d.location):
                continue
            if d.pattern.mode and o.pattern.mode and d.pattern.mode != o.pattern.mode:
                continue  # "withdrew its envoy ... later expelled the other side's envoy": two acts
            if d.recipient is not None and d.recipient.iso:
                if o.recipient is None or o.recipient.iso != d.recipient.iso or abs(o.sent - d.sent) > 4:
                    continue
            elif abs(o.sent - d.sent) > 1 or (d.actor is not None and o.actor is not None
                                               and d.actor.iso != o.actor.iso and not d.actor.implicit):
                continue
            if best is None or abs(o.sent - d.sent) < abs(drafts[best].sent - d.sent):
                best = m
        if best is None:
            continue
        o = drafts[best]
        if o.location is None and d.location is not None:
            o.location, o.loc_country = d.location, d.loc_country
        if o.attribution is None:
            o.attribution = d.attribution
        if d.recipient is not None and (o.recipient is None or (o.recipient.implicit and not d.recipient.implicit)):
            o.recipient = d.recipient
        if (o.actor is None or o.actor.implicit) and d.actor is not None and not d.actor.implicit:
            o.actor = d.actor
        gone.add(n)
    return [d for n, d in enumerate(drafts) if n not in gone]

