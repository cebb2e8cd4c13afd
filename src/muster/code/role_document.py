"""Document role rules: parties a sentence leaves open, from the drafts before it and the document frame."""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from typing import Any

from .patterns import Grammar
from .roles import BLAMING, DIPLOMATIC, DOMESTIC, REPLIES, STATE_ACTS, STATE_SECTORS, SYMMETRIC, Frame, Slot


def _index(d: Any, frame: Frame) -> int:
    return frame.position[id(d)]


def _prev(d: Any, frame: Frame) -> list[Any]:
    """The (at most four) drafts just before d, within two sentences."""
    n = _index(d, frame)
    return [o for o in frame.drafts[max(0, n - 4):n] if d.sent - o.sent <= 2]


def _rec(d: Any) -> str | None:
    return d.recipient.iso if d.recipient else None


def organ_of_state(g: Grammar, d: Any, frame: Frame) -> Any:
    """"The foreign ministry summoned ...": a state organ without a country belongs to the country named
    right after it, else to that of the last organ of the same kind that acted, else to the story's."""
    a = d.actor
    if a is None or a.mention is None or a.iso or a.mention.sector not in STATE_SECTORS:
        return None
    n = _index(d, frame)
    same = next((o.actor.iso for o in reversed(frame.drafts[max(0, n - 4):n]) if d.sent - o.sent <= 2
                 and o.actor is not None and not o.actor.implicit and o.actor.iso
                 and o.actor.mention is not None and o.actor.mention.sector == a.mention.sector), None)
    country = d.organ_country or same or frame.home()
    if not d.organ_country and not same and d.recipient is not None and country == d.recipient.iso \
            and d.pattern.type not in DOMESTIC:
        country = frame.top({country}, 1)  # "the interim administration accused Eritrea": not the target's own
    return ("actor", Slot(a.mention, a.implicit, country, a.mention.sector)) if country else None


def government_of_story(g: Grammar, d: Any, frame: Frame) -> Any:
    """"warf der Junta vor ...": a countryless government as target of a diplomatic act is the one of
    the place, else of the story's country."""
    r, home = d.recipient, frame.home()
    if r is None or r.mention is None or r.iso or r.mention.sector != "GOV" or r.mention.kind != "role" \
            or d.pattern.type not in DIPLOMATIC or not (home or d.loc_country):
        return None
    return "recipient", Slot(r.mention, r.implicit, d.loc_country or home, r.mention.sector)


def shared_subject_actor(g: Grammar, d: Any, frame: Frame) -> Any:
    """"Lithuania expelled two diplomats and summoned the envoy": a coordinated verb shares the subject."""
    o = d.shares_subject
    if d.actor is None and o is not None and o.actor is not None:
        return "actor", o.actor.copy()
    return None


def shared_object(g: Grammar, d: Any, frame: Frame) -> Any:
    """"declared a Russian diplomat persona non grata and summoned the ambassador": the same party receives."""
    o = d.shares_subject
    if o is not None and d.coordinated and o.recipient is not None and (d.recipient is None or not d.recipient.iso) \
            and d.pattern.type in DIPLOMATIC:
        return "recipient", o.recipient.copy()
    return None


def pronoun_object_previous(g: Grammar, d: Any, frame: Frame) -> Any:
    """"... accusing them of espionage": the object pronoun is the previous event's recipient."""
    if d.recipient is not None or not d.pronoun_object:
        return None
    src = next((o for o in reversed(_prev(d, frame)) if o.recipient is not None), None)
    return ("recipient", src.recipient.copy()) if src is not None else None


def pronoun_subject_previous(g: Grammar, d: Any, frame: Frame) -> None:
    """"Er traf ...", "Both sides agreed": the previous event's actor acts (for a pair, with its recipient)."""
    if d.actor is not None or not (d.pronoun_subject or d.pair_subject):
        return
    src = next((o for o in reversed(_prev(d, frame)) if o.actor is not None), None)
    if src is not None:
        d.actor = src.actor.copy()
        if d.pair_subject and src.recipient is not None:
            d.recipient = src.recipient.copy()


def pair_object_other(g: Grammar, d: Any, frame: Frame) -> Any:
    """"Erdogan hosted both leaders": the first of the story's main parties other than the actor."""
    if d.recipient is not None or not d.pair_object or d.actor is None:
        return None
    other = frame.top({d.actor.iso}, minimum=2)
    return ("recipient", Slot(None, True, other)) if other else None


def attacker_of_story(g: Grammar, d: Any, frame: Frame) -> Any:
    """"Drones struck a refinery overnight": an attack with no named attacker came from whoever attacks in
    this document, else from whom the victim side accuses, summons or sanctions."""
    if d.actor is not None or d.pattern.type != "ASSAULT":
        return None
    rec = _rec(d)
    known = [c for c, _ in (frame.by_type.get("ASSAULT") or Counter()).most_common() if c not in (rec, d.loc_country)]
    country = known[0] if known else None
    if country is None:
        victims = {rec, d.loc_country, frame.top({None}, 1)} - {None}
        blamed = Counter(o.recipient.iso for o in frame.drafts if o.pattern.type in BLAMING and o.recipient
                         and o.recipient.iso and o.actor is not None and o.actor.iso and o.actor.iso in victims)
        country = next((c for c, _ in blamed.most_common() if c not in (rec, d.loc_country)), None)
    return ("actor", Slot(None, True, country, None, None)) if country else None


def cyber_attacker(g: Grammar, d: Any, frame: Frame) -> Any:
    """"A wave of DDoS attacks hit the sites of Italian ministries": a cyber attack with no named (state) author
    came from whom the victim side blames in this document (implicit)."""
    if d.mode != "cyber" or (d.actor is not None and d.actor.iso):
        return None
    victim = _rec(d) or d.loc_country or frame.home()
    blamed = Counter(o.recipient.iso for o in frame.drafts if o.pattern.type in BLAMING and o.recipient
                     and o.recipient.iso and o.actor is not None and o.actor.iso == victim)
    country = next((c for c, _ in blamed.most_common() if c != victim), None)
    if country is None:
        return None
    m = d.actor.mention if d.actor is not None else None
    return "actor", Slot(m, True, country, m.sector if m is not None else None)


def unnamed_target(g: Grammar, d: Any, frame: Frame) -> Any:
    """"the honorary consulate", "a fuel depot": an unnamed target of an attack belongs to the country the
    document is about (or, in a story about two other states, to the country it stands in)."""
    if d.pattern.type != "ASSAULT":
        return None
    top = frame.top({d.actor.iso if d.actor else None, d.loc_country}, minimum=2)
    if d.recipient is not None:
        m = d.recipient.mention
        if m is not None and not m.country and m.kind in ("role", "institution", "") and top:
            return "recipient", Slot(None, True, top, m.sector, m.text, None, m.name or None)
        return None
    s, e = d.scope_tokens
    for j in range(s, e):
        for words, sector in g.targets:
            if words.has(d.toks[j]):
                country = top
                if country and d.loc_country and d.actor is not None and d.loc_country != d.actor.iso \
                        and country not in {c for c, _ in frame.counts.most_common(2)}:
                    country = d.loc_country  # "уразили НПЗ у Саратові" in a story about two other states
                return ("recipient", Slot(None, True, country, sector, d.toks[j].text)) if country else None
    return None


def countryless_recipient(g: Grammar, d: Any, frame: Frame) -> Any:
    """"lifted sanctions on the national airline": an unnamed body is of the country the story is about."""
    r = d.recipient
    if d.pattern.type == "ASSAULT" or r is None or r.mention is None or r.iso \
            or r.mention.kind not in ("role", "institution") or d.pattern.type in DOMESTIC:
        return None
    country = frame.top({d.actor.iso if d.actor else None}, minimum=2)
    return ("recipient", Slot(r.mention, True, country, r.mention.sector)) if country else None


def reporting_official_state(g: Grammar, d: Any, frame: Frame) -> Any:
    """"Министр обороны Белоруссии заявил, что войска перебросили": the reporting official's state acts
    (not when it happened elsewhere: "US envoy: arrests in Minsk")."""
    if d.actor is None and d.state_speaker is not None and d.loc_country in (None, d.state_speaker.country):
        return "actor", Slot(d.state_speaker)
    return None


def state_act(g: Grammar, d: Any, frame: Frame) -> Any:
    """"Police detained two men in Tbilisi", "troops were moved to the border": arrests, protests and
    mobilisation with no country are the state's where they happen (forces not against their own state)."""
    if d.pattern.type not in STATE_ACTS + DOMESTIC or (d.actor is not None and d.actor.iso) or d.mode == "cyber":
        return None  # (a cyber attack is not the victim state's act: cyber_attacker)
    rec, home = _rec(d), frame.home()
    country = d.loc_country or rec or home
    if d.pattern.type == "MOBILIZE" and rec:
        country = next((c for c in (d.loc_country, home, frame.top({rec}, 1)) if c and c != rec), None)
    if not country:
        return None
    if d.actor is None:
        return "actor", Slot(None, True, country, "GOV" if d.pattern.type in STATE_ACTS else None, None)
    m = d.actor.mention
    return "actor", Slot(m, d.actor.implicit, country, m.sector if m else None)


def domestic_recipient(g: Grammar, d: Any, frame: Frame) -> Any:
    """"Police dispersed the protesters": arrests and protests are aimed at people of the country where they happen."""
    if d.pattern.type not in DOMESTIC or (d.recipient is not None and d.recipient.iso) or d.actor is None:
        return None
    country = d.loc_country or d.actor.iso or frame.home()
    if d.mode == "cyber":  # a hack is aimed at another state's systems
        country = d.loc_country or frame.top({d.actor.iso, None}, 1)
    if not country:
        return None
    if d.recipient is None:
        return "recipient", Slot(None, True, country, None, None)
    return "recipient", Slot(d.recipient.mention, d.recipient.implicit, country)


def withdrawal_from_story(g: Grammar, d: Any, frame: Frame) -> Any:
    """"The last French soldiers left the country": a withdrawal is from the story's country."""
    if d.recipient is not None or d.pattern.type != "RETREAT" or d.pattern.mode != "withdraw" or d.actor is None:
        return None
    country = d.loc_country or frame.home()
    return ("recipient", Slot(None, True, country, None, None)) if country and country != d.actor.iso else None


def assault_where_it_happens(g: Grammar, d: Any, frame: Frame) -> Any:
    """"Drones struck Odesa overnight": an attack with no named target hits the country where it happens."""
    if d.recipient is not None or d.pattern.type != "ASSAULT":
        return None
    country = d.loc_country or frame.home()
    if country and (d.actor is None or country != d.actor.iso):
        return "recipient", Slot(None, True, country, None, d.location.get("text") if d.location else None)
    return None


def own_side_not_target(g: Grammar, d: Any, frame: Frame) -> Any:
    """"Kiew forderte die Freilassung ukrainischer Gefangener": an own-country modifier or the actor's own
    country/capital is not the target of an international act."""
    r, a = d.recipient, d.actor
    if r is not None and a is not None and d.pattern.type not in DOMESTIC + SYMMETRIC and r.mention is not None \
            and r.mention.kind in ("adjective", "country", "capital") and r.iso and r.iso == a.iso:
        return "recipient", None
    return None


def reply_to_actor_on_me(g: Grammar, d: Any, frame: Frame) -> Any:
    """"Russia denied ...": a reply answers whoever acted on the replying party just before."""
    if d.recipient is not None or d.actor is None or not d.actor.key or d.pattern.type not in REPLIES:
        return None
    for o in reversed(_prev(d, frame)):
        if o.recipient is not None and o.recipient.key == d.actor.key and o.actor is not None \
                and o.actor.key and o.actor.key != d.actor.key:
            return "recipient", o.actor.copy()
    return None


def _latest_before(indices: list[int] | None, n: int) -> int | None:
    """The greatest of the (ascending) indices below n."""
    if not indices:
        return None
    k = bisect_left(indices, n)
    return indices[k - 1] if k else None


def _told(d: Any, frame: Frame) -> list[Any]:
    """The act an anaphoric object refers to: the latest of its kind, else the last act told, some
    sentences back ("the decision" after an agentless act: the last act whose agent is known)."""
    n = _index(d, frame)
    told = [o for o in frame.drafts[max(0, n - 6):n] if d.sent - o.sent <= 4 and not o.hypothetical
            and not (o.sent == d.sent and o.anchor == d.anchor)]  # (a co-actor's copy of this act is not told)
    if d.anaphoric_type:  # "rejected the tariffs": the latest act of that kind ("учения": the exercises)
        last = _latest_before(frame.with_rule.get(d.anaphoric_rule), n)
        if last is None:
            last = _latest_before(frame.with_type.get(d.anaphoric_type), n)
        if last is not None and not (frame.drafts[last].sent == d.sent and frame.drafts[last].anchor == d.anchor):
            told = [frame.drafts[last]]
    if told and (told[-1].actor is None or not told[-1].actor.key):
        told = [o for o in told if o.actor is not None and o.actor.key][-1:] or told
    return told


def reply_to_told_act(g: Grammar, d: Any, frame: Frame) -> Any:
    """"Minsk condemned the exercises": the object names the last act told, whose agent is answered (the
    same complaint keeps its target; denying one's own act answers the side it was aimed at)."""
    if d.recipient is not None or d.actor is None or not d.actor.key or d.pattern.type not in REPLIES \
            or not d.anaphoric_object:
        return None
    told = _told(d, frame)
    o = told[-1] if told else None
    if o is None or o.actor is None:
        return None
    own = d.actor.key
    if o.actor.key and o.actor.key != own:
        return "recipient", o.actor.copy()
    if d.pattern.type in BLAMING and o.actor.key == own and o.pattern.type in DIPLOMATIC \
            and o.recipient is not None and o.recipient.key != own:
        return "recipient", o.recipient.copy()  # "summoned the Russian envoy ... called the incident brazen"
    if d.pattern.type == "REJECT" and o.actor.key == own and o.recipient is not None \
            and o.recipient.key and o.recipient.key != own:
        return "recipient", o.recipient.copy()  # "Moscow cut gas to Moldova; Moscow denied any blockade"
    return None


def coordinated_object_back(g: Grammar, d: Any, frame: Frame) -> None:
    """"voiced concern about the police and urged Georgia to ...": the party named second is the target of
    both diplomatic acts (fills the earlier verb's open recipient)."""
    o = d.shares_subject
    if o is not None and d.coordinated and d.recipient is not None and d.recipient.key \
            and (o.recipient is None or not o.recipient.key) \
            and o.pattern.type in DIPLOMATIC and d.pattern.type in DIPLOMATIC:
        o.recipient = d.recipient.copy()
        o.role_rules = {**o.role_rules, "recipient": "coordinated_object_back"}


def mobilize_same_side(g: Grammar, d: Any, frame: Frame) -> Any:
    """"China last held exercises of this scale in 2024": a force's show of force is aimed at the side its
    first one (with a named target) in the document was."""
    if d.pattern.type != "MOBILIZE" or d.recipient is not None or d.actor is None or not d.actor.key:
        return None
    if frame.shown is None:
        frame.shown = {}
        for o in frame.drafts:
            if o.pattern.type == "MOBILIZE" and o.recipient is not None and o.recipient.key \
                    and o.actor is not None and o.actor.key:
                frame.shown.setdefault(o.actor.key, o)
    src = frame.shown.get(d.actor.key)
    return ("recipient", src.recipient.copy()) if src is not None else None


RULES = (organ_of_state, government_of_story, shared_subject_actor, shared_object, pronoun_object_previous,
         pronoun_subject_previous, pair_object_other, attacker_of_story, cyber_attacker, unnamed_target, countryless_recipient,
         reporting_official_state, state_act, domestic_recipient, withdrawal_from_story, assault_where_it_happens,
         own_side_not_target, reply_to_actor_on_me, reply_to_told_act, coordinated_object_back, mobilize_same_side)
