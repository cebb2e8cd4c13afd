"""Sentence role rules across clauses: complements, relatives, shared subjects, and the marks document rules read."""
from __future__ import annotations

from typing import Any

from .role_facts import RoleState, SentenceFacts, adjoined_participle, appositive_reply, relative_start
from .roles import STATE_ACTS, STATE_SECTORS, Slot

PHYSICAL = ("ASSAULT", "COERCE", "MOBILIZE")  # acts a speaker reports rather than performs


def impersonal_locative(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"В Москве обвинения отвергли", "In Teheran wurden die Vorwürfe zurückgewiesen": with an indefinite-personal
    or agentless passive verb, the capital (or organisation) named with a locative preposition speaks for its
    government."""
    toks, anchor = f.toks, d.anchor
    if r.actor is not None or not d.verb or d.pattern.type in ("ASSAULT", "PROTEST") \
            or not (d.passive or f.words("impersonal_verbs").has_surface(toks[anchor])) \
            or (r.before and not d.passive):  # ("In Teheran wurden die Vorwürfe zurückgewiesen": a passive too)
        return
    loc = [(i, m) for i, m in r.in_clause if i < anchor and m.kind in ("capital", "organisation")
           and i > 0 and f.words("locative_preps").has(toks[i - 1])]
    if loc and (r.recipient is None or loc[0][1] is not r.recipient[1]):
        r.actor = loc[0]


def relative_object(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"ОАЕ, яким він подякував": a relative pronoun object stands for the party just before it."""
    cs = d.clause[0]
    if r.recipient is not None or not d.verb or cs == 0 or not f.words("relative_objects").has(f.toks[cs]):
        return
    antecedent = [(i, m) for i, m in r.sent if i < cs and m.kind != "outlet" and (r.actor is None or m is not r.actor[1])]
    if antecedent:
        r.recipient = antecedent[-1]


def state_speaker(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"Министр обороны Белоруссии заявил, что войска перебросили": an act of state told without its
    agent (passive, impersonal) is marked as the reporting official's (the document rules decide)."""
    cs, toks = d.clause[0], f.toks
    if r.actor is not None or d.pattern.type not in STATE_ACTS or cs == 0 or any(m.country for _, m in r.before) \
            or not f.g.config.get("state_speaker_acts") \
            or not (d.passive or f.words("impersonal_verbs").has_surface(toks[d.anchor])):
        return
    # the official must be the one speaking: "X заявил", "як заявив X"
    speaker = [m for i, j, m in f.ments if i < cs and m.country and m.sector in STATE_SECTORS
               and any(f.speech.has(toks[t]) for t in range(max(0, i - 2), min(cs, j + 3)) if not i <= t <= j)]
    d.state_speaker = speaker[-1] if speaker else None


def complement_recipient(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"Russia admitted that it hit the Ukrainian port": a speech-like verb's recipient may sit in its
    complement clause (a party other than the actor's own country first)."""
    if r.recipient is not None or not d.pattern.complement:
        return
    own = r.actor[1].country if r.actor else None
    nxt = [(i, m) for i, m in r.sent if d.clause[1] <= i < d.next_clause_end and m.role != "place"
           and (r.actor is None or m is not r.actor[1])]
    nxt.sort(key=lambda x: (bool(own) and x[1].country == own, x[0]))
    if nxt:
        r.recipient = nxt[0]


def speaker_after_complement(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"X заявил, что Y открыл огонь, и потребовал ...": after a complement clause closed by a comma, the
    coordinated verb continues the main clause; its subject is the speaker, not Y."""
    if r.actor is not None or not d.verb:
        return
    toks, cs, p, w = f.toks, d.clause[0], d.shares_subject, f.g.words
    if p is not None:
        if p.full_clause[0] > 0 and w["complementizers"].has(toks[p.full_clause[0]]) \
                and p.full_clause[1] < d.anchor and toks[p.full_clause[1]].text == ",":
            matrix = [(i, m) for i, m in r.sent if i < p.full_clause[0] and m.role != "place"]
            if matrix:
                r.actor, d.shares_subject, d.coordinated = matrix[-1], None, False
    # (the same when the complement holds no event: "заявила, что руководство «...», и обвинила Ереван")
    elif not d.passive and cs > 1 and w["coordinators"].has(toks[cs]) and toks[cs - 1].text == ",":
        comp = [k for k in range(1, cs - 1) if w["complementizers"].has(toks[k]) and toks[k - 1].text == ","]
        matrix = [(i, m) for i, m in r.sent if comp and i < comp[-1] and m.role != "place"]
        if matrix:
            r.actor = matrix[-1]


def _subjectless(d: Any, r: RoleState) -> bool:
    """An active verb clause with no subject of its own yet."""
    return r.actor is None and not d.passive and bool(d.verb) and r.subj is None and d.clause[0] > 0


def relative_subject(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"The ministry, which also summoned the envoy, ...": a relative subject stands for the party just before it."""
    cs = d.clause[0]
    if not _subjectless(d, r) or cs >= len(f.toks) or not f.words("relative_subjects").has(f.toks[cs]) \
            or d.anchor - cs > 6:
        return
    earlier = [(i, m) for i, m in r.sent if i < cs and m.role != "place" and m.kind != "outlet"
               and (r.recipient is None or m is not r.recipient[1])]
    if earlier:
        r.actor = earlier[-1]


def shared_subject(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"X diversified A, deepened B", "expelled two diplomats, accusing them of ...": a clause without its
    own subject shares the previous act's, else takes the nearest earlier party of the sentence."""
    toks, cs, anchor, w = f.toks, d.clause[0], d.anchor, f.g.words
    opener = toks[cs] if cs < len(toks) else None
    if not _subjectless(d, r) or r.pronoun is not None or d.shares_subject is not None or opener is None \
            or not (w["coordinators"].has(opener) or not w["clause_breaks"].has(opener)):
        return
    earlier = [(i, m) for i, m in r.sent if i < cs and m.role != "place" and (r.recipient is None or m is not r.recipient[1])]
    rel = relative_start(f.g, toks, cs)
    if rel is not None and any(i < rel for i, _ in earlier):
        earlier = [x for x in earlier if x[0] < rel]  # "Egypt, which backs the army, condemned": Egypt
    prev = d.prev_in_sentence
    adjoined = adjoined_participle(f.g, toks, cs, anchor)
    coord = w["coordinators"]
    fresh = [x for x in earlier if prev is not None and prev.full_clause[1] and x[0] >= prev.full_clause[1]
             and any(coord.has(toks[t]) for t in range(max(prev.full_clause[1], x[0] - 3), x[0]))]
    if fresh:  # "X and Y criticised the raid, and Z went further, breaking off relations": a party opening
        r.actor = fresh[-1]  # a coordinated clause after the previous act's is a new subject, not its object
        return
    # (not when that act is told in the complement of the first party's speech: "X stated that drones
    # had crossed its border, branding it an attack": X brands)
    reported = prev is not None and bool(earlier) and adjoined and any(
        w["complementizers"].has(toks[t]) for t in range(earlier[0][0] + 1, min(prev.tokens)))
    pa = prev.anchor if prev is not None else 0
    if prev is not None and prev.passive and pa > 0 and toks[pa - 1].text == "," and prev.recipient is not None:
        # "Rwanda, accused by Kinshasa of backing the rebels, denied ...": after an apposed participle the verb's
        head = [x for x in r.sent if x[1] is prev.recipient.mention and x[0] < pa]  # subject is its head
        if head:
            r.actor = head[-1]
            return
    if prev is not None and (prev.verb or prev.actor is not None) and not reported:
        d.shares_subject = prev
    elif earlier:
        r.actor = earlier[0] if adjoined else earlier[-1]  # "X said ... that a boat had entered, calling it": X


def speaker_of_complement(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"МИД Азербайджана заявил, что вызвал посла России", "Ministrul a declarat că a convocat ...": in a
    language that drops subject pronouns (roles.yaml pro_drop), a complement verb with no subject has the
    speaker's (not for physical acts: the reporting frame keeps the speaker out of those)."""
    cs = d.clause[0]
    if not f.pro_drop or r.actor is not None or not d.verb or d.passive or cs == 0 or r.before \
            or r.pronoun is not None or d.shares_subject is not None or d.pattern.type in PHYSICAL \
            or not f.words("complementizers").has(f.toks[cs]):
        return
    speech = [t for t in range(max(0, cs - 6), cs) if f.speech.has(f.toks[t])]
    speaker = [x for x in r.sent if speech and x[0] < speech[-1] and x[1].role != "place"]
    if speaker:
        r.actor = speaker[-1]


def anaphoric_object(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"Minsk welcomed the decision": marks an object that refers back to an act (anaphoric_previous
    and the reply rules give it a party)."""
    toks, (cs, ce), anchor, ana = f.toks, d.clause, d.anchor, f.words("anaphoric_objects")
    d.anaphoric_object = r.recipient is None and (
        any(ana.has(toks[t]) for t in range(anchor + 1, min(ce, anchor + 4)))
        or (d.passive or f.g.config.get("free_object_order", False))
        and any(ana.has(toks[t]) for t in range(max(0, cs - 2, anchor - 5), anchor)))


def appositive_target(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"Serbia closed the crossing, a step Pristina criticised": the reply answers the sentence's first party."""
    c = appositive_reply(f.g, f.toks, d.anchor) if r.recipient is None and d.verb else None
    if c is None:
        return
    own = (r.actor[1].country or r.actor[1].code) if r.actor is not None else None
    first = next(((i, m) for i, m in r.sent if i < c and m.role != "place" and m.kind != "outlet"
                  and (m.country or m.code) and (m.country or m.code) != own), None)
    if first is not None:
        r.recipient, d.anaphoric_object = first, False


def object_reference(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"condemned the exercises" (the kind of act named), "accusing them", "Ему предъявили обвинение",
    "Er traf ...": marks the references the document rules resolve to earlier events."""
    toks, (cs, ce), anchor, g = f.toks, d.clause, d.anchor, f.g
    if d.anaphoric_object:
        named = next((p for t in range(anchor + 1, min(ce, anchor + 4)) if g.words["anaphoric_objects"].has(toks[t])
                      for p, _ in g.first_hits(toks[t])), None)
        if named is not None:
            d.anaphoric_type, d.anaphoric_rule = named.type, named.id
    if r.recipient is None and d.verb and (
            any(g.words["object_pronouns"].has(toks[t]) for t in range(anchor + 1, min(ce, anchor + 3)))
            or any(g.words["proclitic_objects"].has(toks[t]) for t in range(max(cs, anchor - 2), anchor))):
        d.pronoun_object = True  # (proclitic: "les accusant")
    elif r.recipient is None and d.verb and r.actor is None and g.config.get("free_object_order", False) \
            and any(g.words["object_pronouns"].has_surface(toks[t]) for t in range(max(cs, anchor - 2), anchor)):
        d.pronoun_object = True  # "Ему предъявили обвинение": a fronted object pronoun
    d.pronoun_subject = r.actor is None and r.pronoun is not None and not d.passive


def pair_subject(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"Both sides agreed": the pair the story is about acts (an organisation "calling on both sides" keeps
    its role); "Erdogan hosted both leaders": the pair is the object."""
    (cs, ce), pair = d.clause, f.words("pair_words")
    a = r.actor[1] if r.actor is not None else None
    d.pair_subject = (a is None or (not a.country and a.kind != "organisation") or a.kind == "role") \
        and any(pair.has(f.toks[t]) for t in range(cs, ce))
    if d.pair_subject:
        r.actor = None
    elif r.recipient is None and d.verb and a is not None and a.country:
        d.pair_object = any(pair.has(f.toks[t]) for t in range(d.anchor + 1, ce))


def coordinated_recipient(f: SentenceFacts, d: Any, r: RoleState) -> None:
    """"met the delegations of Ukraine and Russia": a party joined to the recipient by "and" also receives."""
    if r.recipient is None or d.passive:
        return
    rec, toks = r.recipient, f.toks
    end = f.ends.get(id(rec[1]), rec[0])
    nxt = next((x for x in r.sent if end < x[0] <= end + 2), None)
    if nxt is not None and nxt[1].country and nxt[1].role != "place" and rec[0] > 0 and toks[rec[0] - 1].text != "," \
            and all(f.words("coordinators").has(toks[t]) for t in range(end + 1, nxt[0])) and nxt[0] > end + 1 \
            and nxt[1].country not in (rec[1].country, r.actor[1].country if r.actor else None):
        d.co_recipient = Slot(nxt[1])


RULES = (impersonal_locative, relative_object, state_speaker, complement_recipient, speaker_after_complement,
         relative_subject, shared_subject, speaker_of_complement, anaphoric_object, appositive_target, object_reference, pair_subject,
         coordinated_recipient)
