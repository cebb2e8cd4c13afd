"""Sentence role rules for lists and word order: agent lists, attributive agent phrases, fronted prepositional objects."""
from __future__ import annotations

from typing import Any

from .role_facts import Pick, RoleState, SentenceFacts, prep_before
from .roles import Slot


def _gap_is_list(f: SentenceFacts, a: int, b: int) -> bool:
    """Only a comma or a coordinator (perhaps with an article) between tokens a and b: two members of one list."""
    gap = [t for t in f.toks[a:b] if t.text not in ("'", "’")]  # ("la Russie, l'Iran et la Chine")
    coord, det = f.words("coordinators"), f.words("definite")
    return bool(gap) and len(gap) <= 3 and any(t.text == "," or coord.has(t) for t in gap) \
        and all(t.text == "," or coord.has(t) or det.has(t) for t in gap)


def list_after(f: SentenceFacts, pick: Pick, pool: list[Pick]) -> list[Pick]:
    """The members of a list that starts with `pick` ("A, B und C"): parties with a country, joined by commas or
    a coordinator, none of them of `pick`'s own country."""
    out, last = [], pick
    for x in sorted(pool, key=lambda x: x[0]):
        if x[0] <= last[0] or not x[1].country or x[1].country == pick[1].country:
            continue
        if not _gap_is_list(f, f.ends.get(id(last[1]), last[0]) + 1, x[0]):
            break
        out.append(x)
        last = x
    return out


def agent_list(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"Unterstützt wurde der Einsatz von Australien, Bahrain und Kanada", "the raid was backed by Britain,
    Canada and the Netherlands": every member of the agent's list acts (co-actors), none of them is the object."""
    if r.actor is not None and r.chosen.get("actor") == "passive_agent" and d.co_actor is None:
        members = list_after(f, r.actor, r.sent)
        if not members:
            return
        d.co_actor = Slot(members[0][1])
        d.more_co_actors = [Slot(x[1]) for x in members[1:]]
        drop = {id(x[1]) for x in members}
        r.free = [x for x in r.free if id(x[1]) not in drop]
        r.before = [x for x in r.before if id(x[1]) not in drop]
        r.after = [x for x in r.after if id(x[1]) not in drop]


def attributive_agent(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"Die USA griffen Stellungen der vom Iran unterstützten Huthi-Miliz an": a party in the agent phrase of an
    inflected participle before its noun ("vom Iran unterstützten") qualifies that noun; it is no party to the act
    (events.yaml config `attributive_endings`); only when that noun is itself a party, which then takes the role."""
    endings = f.g.config.get("attributive_endings")
    if not endings:
        return
    toks, agent, drop = f.toks, f.words("agent_preps"), set()
    heads = {i for i, _, m in f.ments if m.role != "place"}
    for i, j, m in f.ments:
        k = j + 1  # the word after the mention: the participle
        led = (i > 0 and agent.has_surface(toks[i - 1])) or (  # "vom Iran", "von den USA"
            i > 1 and agent.has_surface(toks[i - 2]) and toks[i - 1].is_word and toks[i - 1].text[:1].islower())
        if led and k + 1 < len(toks) and k not in d.tokens and toks[k].lower.endswith(tuple(endings)) \
                and toks[k].text[:1].islower() and k + 1 in heads:  # (the noun is a party: "der Gebiete" stays)
            drop.add(id(m))
    if drop:
        r.sent = [x for x in r.sent if id(x[1]) not in drop]
        r.in_clause = [x for x in r.in_clause if id(x[1]) not in drop]


def fronted_object(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"Die Verhandlungen mit Kiew brach Moskau ab": with the verb second, a party inside a prepositional phrase
    before the verb is no subject; the party right after the finite verb acts, the fronted one receives."""
    if r.shape != "svo" or r.actor is not None or not f.g.config.get("inversion") or not r.before or not r.after:
        return
    toks, anchor, preps = f.toks, d.anchor, f.words("preps")
    first = r.after[0]
    if first[0] - anchor > 2 or any(not toks[t].is_word for t in range(anchor + 1, first[0])):
        return
    inner = [x for x in r.before if x[0] > 0 and preps.has_surface(toks[x[0] - 1]) and x[0] - 1 > d.clause[0]
             and x[0] - 1 not in d.time_tokens]
    if len(inner) != len(r.before) or any(not toks[t].is_word for t in range(d.clause[0], anchor)):
        return  # (only when every party before the verb sits in such a phrase, and no comma breaks the field)
    r.actor = first
    r.before, r.after = [], r.after[1:]
    if r.recipient is None:
        r.recipient = inner[-1]


def locative_not_target(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"Послы ЕС в Брюсселе согласовали санкции против России", "EU envoys in Brussels agreed sanctions against
    Russia": a party after a locative preposition says where, not whom; a later party after one of the type's
    prepositions that is not locative ("против", "against") is the target."""
    if r.recipient is None or r.chosen.get("recipient") != "recipient_preposition":
        return
    toks, loc, preps = f.toks, f.words("locative_preps"), r.preps(f)
    i = r.recipient[0]
    if not (i > 0 and loc.has_surface(toks[i - 1])) or preps is None:
        return
    for j, m in r.in_clause:
        if j > i and m is not r.recipient[1] and m.role != "place" and (m.country or m.code) \
                and j - 1 not in d.time_tokens and preps.has(toks[j - 1]) and not loc.has_surface(toks[j - 1]) \
                and prep_before(toks, j, preps, 1):
            r.recipient = (j, m)
            return


_QUOTES = frozenset('"«»„“”')


def label_not_object(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"Iran condemned the strike as "a grave violation of the UN Charter"", "verurteilte den Angriff als „Bruch
    des Völkerrechts der NATO"": a party inside the quoted characterisation after a label word is no object
    of the act (events.yaml config `label_words`); a party between the verb and the label word still is."""
    if r.recipient is None or not d.verb:
        return
    toks, label, i = f.toks, f.g.words["label_words"], r.recipient[0]
    q = next((q for q in range(d.anchor + 1, i) if toks[q].text in _QUOTES and q > 0 and label.has(toks[q - 1])), None)
    if q is None:
        return
    first = next((x for x in r.after if d.anchor < x[0] < q - 1 and (r.actor is None or x[1] is not r.actor[1])), None)
    r.recipient = first


_VOICED = ("PROTEST", "ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT")  # acts a party voices


def noun_source_actor(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"prompting protests from Vietnam", "Kritik aus Peking", "proteste da parte del Vietnam", "протесты со стороны
    Вьетнама": the party a voiced act comes from, right after the event noun, is its actor, not its target; the party named before the noun is then the target
    (roles.yaml words `noun_source`)."""
    if d.pattern.type not in _VOICED or (d.verb and r.actor is not None):
        return  # (a verb with its subject: "X demanded from Russia ..." names the addressee)
    toks, src, last, preps = f.toks, f.role_words["noun_source"], max(d.tokens), r.preps(f)
    for i, m in r.sent:
        if not last < i <= last + 5 or m.role == "place" or not (m.country or m.code):
            continue
        k = next((k for k in range(i - 1, max(last, i - 4), -1) if src.has(toks[k])), None)
        if k is not None and preps is not None and preps.has(toks[k]):
            return  # ("потребовали от России": the type's own preposition names the addressee)
        if k is None or not all(toks[t].is_word and toks[t].text[:1].islower() for t in range(last + 1, i)):
            return
        if r.actor is not None and r.actor[1] is m:
            return  # (already read so: "received a protest note from X", received_from)
        if r.recipient is not None and r.recipient[1] is m:
            r.recipient = None
        r.actor = (i, m)
        if r.recipient is None:  # "China held drills, prompting protests from Vietnam": against the one who prompted it
            r.recipient = next((x for x in reversed(r.sent) if x[0] < d.anchor and x[1].role != "place"
                                and x[1].country and x[1].country != m.country), None)
        return


def marked_relative_object(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"Serbia a arestat trei polițiști kosovari, pe care i-a acuzat că ...": a relative clause opened by an object
    marker and a relative pronoun ("pe care") has the party just named as its object; the main clause's subject
    acts (roles.yaml words `object_marker`)."""
    cs, toks, marker, rel = d.clause[0], f.toks, f.role_words["object_marker"], f.g.words["relative_subjects"]
    if cs > 0 and rel.has_surface(toks[cs]) and marker.has(toks[cs - 1]):
        cs -= 1  # (the clause may start at the pronoun, after its marker)
    if not d.verb or cs == 0 or cs + 1 >= len(toks) or not marker.has(toks[cs]) or not rel.has_surface(toks[cs + 1]):
        return
    before = [x for x in r.sent if x[0] < cs and x[1].kind != "outlet" and x[1].role != "place"]
    if not before:
        return
    r.recipient = before[-1]
    subject = next((x for x in before if x[1].country and x[1] is not before[-1][1]), None)
    if subject is not None:
        r.actor = subject
    elif r.actor is not None and r.actor[1] is before[-1][1]:
        r.actor = None


def recipient_list(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"Macron received the leaders of Germany, Italy and Spain", "accused Russia, Iran and China of ...": every member
    of a list that starts with the recipient receives (one event each)."""
    if r.recipient is None or d.passive or d.co_recipient is not None or not r.recipient[1].country \
            or r.recipient[1].kind == "capital":
        return  # (not a list of cities: "recalled its envoys from Berlin, Paris and London" tells where they serve)
    members = [x for x in list_after(f, r.recipient, r.sent) if (r.actor is None or x[1].country != r.actor[1].country)
               and x[1].role != "place" and x[1].kind != "capital"]
    if members:
        d.co_recipient = Slot(members[0][1])
        d.more_co_recipients = [Slot(x[1]) for x in members[1:]]


ARGUMENTS = (attributive_agent, locative_not_target)
RULES = (agent_list, fronted_object, label_not_object, noun_source_actor, marked_relative_object, recipient_list)
