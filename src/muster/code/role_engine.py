"""The role engine: runs each language's ordered role rules (lang/<code>/roles.yaml) and records who decided each slot."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from ..errors import MusterError
from . import role_clause, role_document, role_order, role_rules, role_sentence, role_story
from .patterns import grammar
from .role_facts import RoleState, SentenceFacts, roles_data
from .roles import Frame, Slot

# sentence phases: a rule reads (SentenceFacts, Draft, RoleState) and sets the state's picks
SENTENCE_PHASES = ("arguments", "sentence")
# document phases: a rule reads (Grammar, Draft, Frame) and returns (slot, filler) or sets the draft's slots;
# each phase runs all its rules on one draft, then on the next, in text order
DOCUMENT_PHASES = ("document_first", "document", "document_links", "document_last")
PHASES = SENTENCE_PHASES + DOCUMENT_PHASES
SLOTS = ("actor", "recipient")
HOSTILE = ("ASSAULT", "COERCE", "MOBILIZE", "THREATEN")  # material or threatened force

RULES: dict[str, Callable[..., Any]] = {
    f.__name__: f for f in (*role_sentence.ARGUMENTS, *role_sentence.RULES, *role_clause.RULES,
                            *role_order.ARGUMENTS, *role_order.RULES, *role_story.RULES,
                            *role_rules.RULES, *role_document.RULES)}


@lru_cache(maxsize=None)
def order(lang: str) -> dict[str, tuple[Callable[..., Any], ...]]:
    """The language's rules per phase, in the order roles.yaml lists them (E053 for an unknown name)."""
    listed = roles_data(lang).get("role_rules") or {}
    out = {}
    for phase in PHASES:
        names = listed.get(phase) or []
        unknown = [n for n in names if n not in RULES]
        if unknown:
            raise MusterError("E071", f"{lang}/roles.yaml {phase}: no such role rule: {unknown}")
        out[phase] = tuple(RULES[n] for n in names)
    return out


def note(d: Any, slot: str, rule: str) -> None:
    """Record that `rule` decided `slot` of draft d (a new dict: copies per co-actor share none)."""
    d.role_rules = {**d.role_rules, slot: rule}


def role_suffix(d: Any) -> str:
    """"|actor:passive_agent|recipient:event_noun_target": the rules that last decided the event's parties."""
    return "".join(f"|{slot}:{d.role_rules[slot]}" for slot in SLOTS if slot in d.role_rules)


def sentence_roles(f: SentenceFacts, d: Any) -> None:
    """Fill d.actor / d.recipient from its sentence: the argument rules, then the word-order rules."""
    rules = order(f.g.lang)
    r = RoleState.of(f, d)
    for phase in SENTENCE_PHASES:
        if phase == "sentence":
            r.place(f)
        for rule in rules[phase]:
            a, rc, ca, cr, more = r.actor, r.recipient, d.co_actor, d.co_recipient, len(d.more_co_actors)
            rule(f, d, r)
            if r.actor is not a:
                r.chosen["actor"] = rule.__name__
            if r.recipient is not rc:
                r.chosen["recipient"] = rule.__name__
            if d.co_actor is not ca:
                r.chosen["co_actor"] = rule.__name__
            if d.co_recipient is not cr:
                r.chosen["co_recipient"] = rule.__name__
            if len(d.more_co_actors) != more:
                r.chosen["more_co_actors"] = rule.__name__
    if r.actor is not None:
        d.actor = Slot(r.actor[1])
    if r.recipient is not None:
        d.recipient = Slot(r.recipient[1])
    d.role_rules = dict(r.chosen)


def _tables(drafts: list[Any], frame: Frame) -> None:
    """What the `document` rules look up: named attackers per type, drafts per pattern rule and per type."""
    frame.by_type, frame.with_rule, frame.with_type = {}, {}, {}
    for n, d in enumerate(drafts):
        if d.actor is not None and d.actor.iso and not d.actor.implicit:
            frame.by_type.setdefault(d.pattern.type, Counter())[d.actor.iso] += 1
        for r in dict.fromkeys(d.rules):
            frame.with_rule.setdefault(r, []).append(n)
        frame.with_type.setdefault(d.pattern.type, []).append(n)


def document_roles(drafts: list[Any], frame: Frame) -> None:
    """Parties the sentences left open or got wrong, from the document: the phases of roles.yaml in turn."""
    if not drafts:
        return
    lang = frame.lang or drafts[0].pattern.id.split(".")[0]
    g, rules = grammar(lang), order(lang)
    frame.drafts, frame.position = drafts, {id(d): n for n, d in enumerate(drafts)}
    for phase in DOCUMENT_PHASES:
        if phase == "document":
            _tables(drafts, frame)
        named = [d for d in drafts if d.actor is not None and not d.actor.implicit  # named with their own country
                 and d.actor.mention is not None and d.actor.mention.country]
        frame.acting = {d.actor.mention.country for d in named}
        frame.hostile = {d.actor.mention.country for d in named if d.pattern.type in HOSTILE}
        for d in drafts:
            for rule in rules[phase]:
                was = (d.actor, d.recipient)
                got = rule(g, d, frame)
                if got is not None:
                    setattr(d, got[0], got[1])
                if d.actor is not was[0]:
                    note(d, "actor", rule.__name__)
                if d.recipient is not was[1]:
                    note(d, "recipient", rule.__name__)
