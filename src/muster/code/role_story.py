"""Document role rules that read the story around the event: who lies across a closed border."""
from __future__ import annotations

from typing import Any

from .patterns import Grammar
from .role_facts import role_words
from .roles import SYMMETRIC, Frame, Slot

_CLOSING = ("COERCE", "SANCTION")  # a closure, a ban on crossing
_BACK = 12  # sentences (and drafts) back a closure by the same state still continues ("Four days later it closed the rest too")


def border_neighbour(g: Grammar, d: Any, frame: Frame) -> Any:
    """"Finland closed its last border crossing with Russia", "die Grenzübergänge zu sperren": a border closure
    is aimed at the neighbour across it (the story's most named other country), not at the closing state's
    own people; a closure told right after one keeps its neighbour (roles.yaml words `border`)."""
    if d.pattern.type not in _CLOSING or d.actor is None or not d.actor.iso \
            or (d.recipient is not None and ((d.recipient.iso and d.recipient.iso != d.actor.iso)
                                             or (d.recipient.mention is not None and not d.recipient.implicit))):
        return None
    border = role_words(g.lang)["border"]
    here = any(border.has(t) for t in d.toks)
    if not here:
        n = frame.position.get(id(d), 0)
        here = any(o.pattern.id == d.pattern.id and d.sent - o.sent <= _BACK and o.actor is not None
                   and o.actor.iso == d.actor.iso and o.role_rules.get("recipient") == "border_neighbour"
                   for o in frame.drafts[max(0, n - _BACK):n])
    if not here:
        return None
    other = frame.top({d.actor.iso, None}, 1)
    return ("recipient", Slot(None, True, other, None, None)) if other else None





def shared_object_own(g: Grammar, d: Any, frame: Frame) -> Any:
    """"Washington called the takeover a coup and suspended its aid": a second predicate sharing the first one's
    subject, with no target of its own (or only the actor's own country, implicitly), acts on the first one's target."""
    o, a = d.shares_subject, d.actor
    if o is None or not d.coordinated or a is None or not a.iso or o.recipient is None or not o.recipient.iso \
            or o.recipient.iso == a.iso or o.pattern.type in SYMMETRIC or d.pattern.type in SYMMETRIC \
            or o.pair_subject or d.pair_subject:
        return None  # (not after a joint act: "the leaders agreed ...", "the sides pledged a truce and to free ...")
    comp = g.words["complementizers"]
    if d.toks and any(comp.has(t) for t in d.toks[:o.anchor]):
        return None  # (the first verb may sit in a reported clause whose subject is not the second verb's)
    r = d.recipient
    if r is None or (r.implicit and r.iso == a.iso) or (r.mention is None and not r.iso):
        return "recipient", o.recipient.copy()
    return None


def people_where_hit(g: Grammar, d: Any, frame: Frame) -> Any:
    """"Police opened fire on the crowds", "soldiers beat protesters in the capital": people attacked with no
    country of their own (civilians, protesters, activists) are of the country where it happens, else of the
    country the story is about."""
    r = d.recipient
    if d.pattern.type != "ASSAULT" or r is None or r.iso or r.mention is None or r.mention.role == "place":
        return None
    country = d.loc_country or frame.home()
    return ("recipient", Slot(r.mention, True, country, r.mention.sector)) if country else None


_HOME_ORGANS = ("COP", "JUD", "LEG")  # police, courts and parliaments act in their own country


def home_organ_where_it_sits(g: Grammar, d: Any, frame: Frame) -> Any:
    """"Die Richter in Karlsruhe lehnten die Auslieferung ab", "the police in Nairobi fired tear gas": a court,
    police force or parliament with no country of its own is the organ of the country where it acts."""
    m = d.actor.mention if d.actor is not None else None
    if m is None or m.country or d.actor.iso or m.sector not in _HOME_ORGANS or not d.loc_country or d.organ_country:
        return None
    return "actor", Slot(m, False, d.loc_country, m.sector)


RULES = (border_neighbour, shared_object_own, people_where_hit, home_organ_where_it_sits)
