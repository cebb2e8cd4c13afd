"""Sentence role rules: prepositions, voice and word order around the trigger (each fills a slot of RoleState)."""
from __future__ import annotations

from typing import Any

from .role_facts import RoleState, SentenceFacts, coordinated_head, prep_before, subject_first, asyndetic, symmetric
from .roles import SYMMETRIC, Slot


# acts several parties do each on its own account ("X, Y and Z condemned ..."), not with each other
_SAID = ("ACCUSE", "REJECT", "REQUEST", "SUPPORT", "THREATEN", "PROTEST", "SANCTION", "AID", "CONCEDE")
_TOGETHER = ("support.sign",)  # ... unless done together ("X and Y signed an agreement")


def _said(f: SentenceFacts, d: Any) -> bool:
    """Each listed subject does the act on its own ("Brazil and Chile condemned the raid")."""
    return d.pattern.type in _SAID and not symmetric(f.g, d.pattern) \
        and d.pattern.id.split(".", 1)[-1] not in _TOGETHER


def _party_here(f: SentenceFacts, d: Any, r: RoleState, i: int, m: Any) -> bool:
    """A mention that may fill a slot: not a place, unless the type takes places as recipients or a
    country follows the type's own preposition ("accepté de restituer à l'Azerbaïdjan")."""
    preps = r.preps(f)
    return m.role != "place" or bool(d.pattern.recipient_place) or (
        m.kind in ("country", "capital") and preps is not f.g.recipient_preps.get("default")
        and prep_before(f.toks, i, preps, 3) and not _posting(f, i))


def _posting(f: SentenceFacts, i: int) -> bool:
    """"Russia's Ambassador to Baku", "посла России в Азербайджане": a place right after a party with a
    country and one preposition is where that party serves, not a party to the event."""
    return i >= 2 and f.toks[i - 1].is_word and any(
        j == i - 2 and m.role != "place" and m.country for _, j, m in f.ments)


# -- arguments: before the parties are sorted around the trigger -----------------------------------
def source_phrase(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"According to the Azerbaijani foreign ministry, a Russian drone struck ...", "Nach Angaben des
    Ministeriums", "по данным МИД": a party named as the source is no party to the act (roles.yaml words)."""
    src = f.sources
    if src:
        r.sources = [x for x in r.in_clause if id(x[1]) in src]
        r.sent = [x for x in r.sent if id(x[1]) not in src]
        r.in_clause = [x for x in r.in_clause if id(x[1]) not in src]
        ends = [e for e in src.values() if d.clause[0] <= e < d.anchor]
        if ends:  # "Laut dem Sender RTS forderte Vučić ...": the clause proper starts after the source
            r.start = max(ends) + 1


def recipient_preposition(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"The ambassador was summoned to the Foreign Office", "удар по Киеву": a party after the type's
    recipient preposition (or a fronted one: "у здания консульства России прошёл пикет") receives."""
    if r.recipient is not None:
        return
    toks, cs, anchor = f.toks, d.clause[0], d.anchor
    preps, default = r.preps(f), f.g.recipient_preps.get("default")
    for i, m in r.in_clause:
        if not _party_here(f, d, r, i, m):
            continue
        fronted = i < anchor and preps is not default and preps is not None \
            and any(preps.has(toks[t]) for t in range(cs, min(cs + 3, i))) and prep_before(toks, i, preps)
        if (i > anchor - 4 or fronted) and (prep_before(toks, i, preps, stop=d.time_tokens)
                                            or prep_before(toks, i, default, stop=d.time_tokens)):
            r.recipient = (i, m)
            return


def passive_agent(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"The envoy was summoned by the Foreign Ministry": the party after the agent preposition of a passive acts."""
    if r.actor is not None or not d.passive:
        return
    for i, m in r.in_clause:
        if _party_here(f, d, r, i, m) and not (r.recipient is not None and m is r.recipient[1]) \
                and prep_before(f.toks, i, f.words("agent_preps")):
            r.actor = (i, m)
            return


def event_noun_modifier(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"A Russian missile strike on Kyiv", "Russlands Angriff": the party attached to an event noun acts
    (not after "the announcement of": "объявила о выделении Украине ..." makes the announcer act)."""
    toks, cs, anchor = f.toks, d.clause[0], d.anchor
    announced = not d.verb and any(f.words("announce_verbs").has(toks[t]) for t in range(max(cs, anchor - 4), anchor))
    preps = r.preps(f)
    for n in sorted(set(d.noun_tokens)):
        for i, m in r.in_clause:
            if r.actor is None and m.role != "place" and (r.recipient is None or m is not r.recipient[1]) \
                    and (n - 3 <= i < n or (d.verb is False and not announced and 0 < i - n <= 2 and i < anchor + 3)):
                if not prep_before(toks, i, preps, 3):
                    r.actor = (i, m)


def noun_by_agent(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"The strike on the embassy by Russia", "la frappe contre l'ambassade par la Russie", "der Angriff auf die
    Botschaft durch Russland": the party after an agent preposition in the event noun's phrase acts."""
    if r.actor is not None or d.verb:
        return
    toks, last, agent = f.toks, max(d.tokens), f.words("agent_preps")
    for i, m in r.in_clause:
        if i <= last or i - last > 10 or m.role == "place" or not (m.country or m.code) \
                or (r.recipient is not None and m is r.recipient[1]):
            continue
        k = next((t for t in range(i - 1, max(last, i - 4), -1) if agent.has(toks[t])), None)
        if k is not None and prep_before(toks, i, agent, 3) and not f.words("participle").has_surface(toks[k - 1]):
            r.actor = (i, m)  # (not "the attack, condemned by Germany": that agent is the participle's)
            return


# -- passive clause --------------------------------------------------------------------------------
def passive_weapon_agent(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"The embassy was attacked by Russian drones", "атаковане російськими дронами": the weapon's nation acts."""
    if r.shape != "passive" or r.actor is not None:
        return
    ce, weapons = d.clause[1], f.words("weapons")
    armed = [x for x in r.after if x[1].kind == "adjective" and x[1].country
             and any(weapons.has(f.toks[t]) for t in range(x[0], min(ce, x[0] + 3)))]
    if armed:
        r.actor = armed[0]
        r.after = [x for x in r.after if x is not armed[0]]


def passive_subject(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"The Russian ambassador was summoned to the Foreign Office": the passive subject (a party with a
    country first) is acted upon."""
    if r.shape != "passive" or r.recipient is not None:
        return
    cs = d.clause[0]
    if not r.before and d.anchor == cs and cs > 0 and f.toks[cs - 1].text == ",":
        # "two Italian fishermen, seized on Monday by Libyan forces", "Rwanda, accused by Kinshasa of backing the
        # rebels": an apposed participle's subject is the party right before the comma
        head = [x for x in r.sent if cs - 4 <= f.ends.get(id(x[1]), x[0]) < cs and x[1].country]
        if head:
            r.recipient = head[-1]
            return
    if not (r.before or r.after):
        return
    states = [x for x in r.before if x[1].country]
    r.recipient = (states or r.before)[-1] if r.before else r.after[0]


# -- an event noun or weapon as subject ------------------------------------------------------------
def weapon_subject(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"A Russian missile hit the port", "an explosion near X's embassy struck": the party next to the
    attack or weapon that is the subject acts."""
    if r.shape != "weapon_subject" or r.actor is not None:
        return
    subj, anchor = r.subj, d.anchor
    near = [x for x in r.free if subj - 2 <= x[0] <= subj or subj < x[0] <= subj + 2 < anchor]  # ("drone russe")
    if near:
        r.actor = near[0]


def weapon_subject_target(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"A Russian missile hit a Ukrainian port": the first other party after the subject is hit."""
    if r.shape != "weapon_subject" or r.recipient is not None:
        return
    rest = [x for x in r.free if x[0] > r.subj and (r.actor is None or x[1] is not r.actor[1])]
    if rest:
        r.recipient = rest[0]


# -- verb last (German subordinate and perfect clauses) --------------------------------------------
def verb_final_object(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"..., nachdem man die Behörden aufgefordert habe": in a verb-final clause a lone party far from
    the clause start (or after an impersonal subject) is the object."""
    if r.shape == "verb_final_object" and r.recipient is None:
        r.recipient = r.before[0]


def verb_final_subject(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"Litauen hat zwei russische Diplomaten ausgewiesen": verb last, the first party is the subject,
    the next (not an apposition nor a genitive) the object; "Lettland und Litauen ...": co-actors."""
    if r.shape != "verb_final_subject" or r.actor is not None:
        return
    toks, before, g = f.toks, r.before, f.g
    r.actor = actor = before[0]
    end = f.ends.get(id(actor[1]), actor[0])
    genitive = g.config.get("genitive_articles")  # (only these open a genitive: "den" is an object)
    objects = [x for x in before[1:] if not (x[1].kind == "organisation" and x[1].code == actor[1].code)
               and not (x[0] == end + 2 and (toks[end + 1].lower in genitive if genitive is not None
                                             else g.words["definite"].has(toks[end + 1])))]
    if len(before) > 1:
        first, partner = coordinated_head(g, toks, before[1], before)
        if partner is not None and first[1] is actor[1] and partner[1].country \
                and partner[1].country != actor[1].country and (r.recipient is not None or _said(f, d)):
            d.co_actor = Slot(partner[1])
            objects = [x for x in objects if x[1] is not partner[1]]
    if r.recipient is None and objects:
        r.recipient = objects[0]


# -- subject, verb, object -------------------------------------------------------------------------
def subject_before_verb(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"Poland expelled two Russian diplomats": the party before the verb acts; "X and Y met": the
    second conjunct is the partner; "X and Y assured Z of support": co-actors."""
    if r.shape != "svo":
        return
    toks, anchor = f.toks, d.anchor
    if d.coordinated and d.shares_subject is not None:
        # "Vilnius filed a complaint with Minsk and asked ...": the first verb's object does not act
        cut = max([j for j in range(max(d.shares_subject.tokens) + 1, anchor)
                   if f.words("coordinators").has(toks[j])], default=max(d.shares_subject.tokens))
        r.before = [x for x in r.before if x[0] > cut]
    if r.actor is not None or not r.before or r.pronoun is not None:
        return
    r.actor, partner = coordinated_head(f.g, toks, r.before[-1], r.before, f.ends)
    if partner is None or partner[1] is r.actor[1]:
        return
    if r.recipient is None and (not r.after or symmetric(f.g, d.pattern)) \
            and not (_said(f, d) and partner[1].country):
        r.recipient = partner  # ("Brazil, Colombia and Chile criticised the raid": co-actors, below)
    elif partner[1].country:
        d.co_actor = Slot(partner[1])
        _list_members(f, d, r)


def _list_members(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"Литва, Латвія та Естонія запровадили": earlier members of a comma list act too."""
    while True:
        head = next((x for x in reversed(r.sent) if x[0] < r.actor[0] and x[1].country
                     and _list_comma(f, f.toks[f.ends.get(id(x[1]), x[0]) + 1:r.actor[0]])), None)
        if head is None:
            return
        d.more_co_actors.append(Slot(r.actor[1]))
        r.actor = head


def _list_comma(f: SentenceFacts, gap: list) -> bool:
    """The words between two members of a list: a comma, perhaps with an article ("le Brésil, la Colombie")."""
    return bool(gap) and gap[0].text == "," and len(gap) <= 2 and all(f.words("definite").has(t) for t in gap[1:])


def inverted_subject(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"Am Montag wies Litauen zwei Diplomaten aus": with the verb second and no subject before it, the
    first party after the verb acts ("bombardierten erst Israel und dann die USA": both act)."""
    start = max(d.clause[0], r.start)  # (after an opening source: "Laut RTS forderte Vučić ...")
    if r.shape != "svo" or r.actor is not None or not r.after or not f.g.config.get("inversion") \
            or d.anchor - start > 4 or r.pronoun is not None or r.impersonal \
            or subject_first(f.g, f.toks[start]) or d.shares_subject is not None or asyndetic(f, d):
        return  # (a verb right after "und" shares the earlier subject: "verurteilte ... und versetzte die Armee")
    toks, first, anchor = f.toks, r.after[0], d.anchor
    if any(anchor < t < first[0] for t in d.noun_tokens) or any(
            f.words("weapons").has(toks[t]) or (f.words("preps").has(toks[t]) and t not in d.time_tokens)
            for t in range(anchor + 1, first[0])):
        return  # (nor a party in a prepositional phrase: "Hacker drangen in das Netz des Bundestages ein")
    r.actor = first
    fill, after = f.g.config.get("coordinator_fillers"), r.after  # events.yaml `coordinator_fillers`
    if fill and len(after) > 1 and after[1][1].country and after[1][1].country != first[1].country:
        end = f.ends.get(id(first[1]), first[0])
        gap = [toks[t] for t in range(end + 1, after[1][0])]
        coord = f.words("coordinators")
        if any(coord.has(t) for t in gap) and all(
                coord.has(t) or f.words("definite").has(t) or t.lower in fill for t in gap):
            d.co_actor = Slot(after[1][1])
            r.after = [x for x in after if x is not after[1]]


def object_after_verb(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"Poland expelled two Russian diplomats": the first other party after the verb is acted upon (not
    the actor's own organisation named again)."""
    if r.shape != "svo" or r.recipient is not None:
        return
    a = r.actor
    rest = [x for x in r.after if (a is None or x[1] is not a[1])
            and not (a is not None and x[1].kind == "organisation" and x[1].code == a[1].code)]
    if rest:
        r.recipient = rest[0]


# -- event noun --------------------------------------------------------------------------------------
def noun_clause_subject(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"The government announced the suspension of flights": the clause's subject acts (not for talks:
    "announced talks between Israel and Hamas" names the parties after the noun)."""
    if r.shape != "nominal" or r.actor is not None or not r.before or d.pattern.type in SYMMETRIC:
        return
    cs, anchor, toks = d.clause[0], d.anchor, f.toks
    announced = any(f.words("announce_verbs").has(toks[t]) for t in range(max(cs, anchor - 4), anchor))
    first = r.before[0]
    if (first[0] - cs <= 2 or announced) and (r.recipient is None or first[1] is not r.recipient[1]):
        r.actor = first


def noun_genitive_chain(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"Визит президента Франции в Египет", "the expulsion of Russian diplomats by Latvia": the parties of
    the chain after the noun are its actor, then its recipient."""
    if r.shape != "nominal":
        return
    chain = [x for x in r.after if x[0] - max(d.tokens) <= 6]
    if r.actor is None and chain:
        r.actor, chain = chain[0], chain[1:]
    if r.recipient is None and chain:
        r.recipient = chain[0]


def received_from(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"Azerbaijan's embassy received a protest note from the Russian foreign ministry", "получило ноту
    протеста от МИД России": the receiver is the recipient of the act the noun names, the sender its actor."""
    first, (cs, ce) = min(d.tokens), d.full_clause if d.full_clause[1] else d.clause  # (untrimmed: "received" may
    k = next((t for t in range(max(cs, first - 4), first) if f.words("receive").has(f.toks[t])), None)  # be a trigger)
    if k is None:
        return
    parties = [x for x in r.sent if cs <= x[0] < ce and x[1].role != "place"]
    receivers = [x for x in parties if x[0] < k]
    if not receivers:
        return
    rec = receivers[-1]
    sender = next((x for x in parties if x[0] > max(d.tokens) and x[1] is not rec[1]), None)
    r.recipient = rec
    if sender is not None:
        r.actor = sender
    elif r.actor is not None and r.actor[1] is rec[1]:
        r.actor = None


def source_as_target(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"Die Armee verletzte nach Angaben Kiews die Waffenruhe", "according to Baku, a drone hit the
    embassy": an attack told by a source and aimed at no one named was aimed at the source."""
    if r.recipient is not None or d.pattern.type not in ("ASSAULT", "COERCE") or not r.sources:
        return
    own = r.actor[1].country if r.actor is not None else None
    got = next((x for x in r.sources if x[1].country and x[1].country != own), None)
    if got is not None:
        r.recipient = got


def between_parties(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"Trump announced a ceasefire between Israel and Iran", "eine Waffenruhe zwischen Israel und Iran": the
    two parties after "between" right after the trigger are the sides of its act, not whoever announces it; the
    subject of a verb that takes the talks as object ("Turkey hosted talks between Russia and Ukraine") meets both."""
    toks, a = f.toks, max(d.tokens)
    k = next((t for t in range(a + 1, min(len(toks), a + 3)) if f.words("between").has(toks[t])), None)
    if k is None or (d.anchor < a - 1 and not f.words("announce").has(toks[d.anchor])):
        return  # (not "pronto a organizzare un vertice tra ...": the offer is the speaker's)
    pair = [x for x in r.sent if k < x[0] <= k + 6 and x[1].role != "place" and (x[1].country or x[1].code)]
    if len(pair) >= 2 and (pair[0][1].country or pair[0][1].code) != (pair[1][1].country or pair[1][1].code) \
            and any(f.words("coordinators").has(toks[t]) for t in range(pair[0][0] + 1, pair[1][0])):
        host = r.actor
        if d.verb and d.anchor < a and host is not None and host[0] < d.anchor \
                and not f.words("announce").has(toks[d.anchor]) and host[1] not in (pair[0][1], pair[1][1]) \
                and not any(f.words("preps").has(toks[t]) or t in d.noun_tokens
                            for t in range(max(d.clause[0], host[0] - 2), host[0])):  # ("За посередництва Катару")
            r.recipient, d.co_recipient = pair[0], Slot(pair[1][1])  # "Turkey hosted talks between Russia and
            return  # Ukraine": the host meets both sides
        r.actor, r.recipient = pair[0], pair[1]
        d.co_actor, d.more_co_actors = None, []


def symmetric_partner(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"Armenia and Azerbaijan agreed": the second party of a symmetric event, joined by "and"."""
    if d.pattern.type not in SYMMETRIC or r.actor is None or r.recipient is not None:
        return
    coord, a = f.words("coordinators"), r.actor[0]
    for i, m in r.in_clause:
        if i > a and i - a <= 4 and any(coord.has(f.toks[j]) for j in range(a + 1, i)):
            r.recipient = (i, m)
            return


ARGUMENTS = (source_phrase, recipient_preposition, passive_agent, event_noun_modifier, noun_by_agent)
RULES = (passive_weapon_agent, passive_subject, weapon_subject, weapon_subject_target, verb_final_object,
         verb_final_subject, subject_before_verb, inverted_subject, object_after_verb, noun_clause_subject,
         noun_genitive_chain, received_from, source_as_target, between_parties, symmetric_partner)
