"""Actor and recipient of an event: from prepositions, voice and word order, then from the document frame."""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..model import Document, Mention, party
from .lemmas import Token
from .modality import modality
from .patterns import Grammar

SYMMETRIC = ("CONSULT", "AGREE", "COOPERATE")
STATE_ACTS = ("COERCE", "MOBILIZE")  # done by a state's organs when the text names no actor
DOMESTIC = ("COERCE", "PROTEST")  # usually aimed at people of the country where they happen
# types that answer an earlier event: "Russia denied", "Tehran condemned the decision"
STATE_SECTORS = ("GOV", "MIL", "COP", "JUD", "SPY", "LEG")
BLAMING = ("ACCUSE", "SANCTION", "THREATEN", "PROTEST")
REPLIES = ("REJECT", "ACCUSE", "THREATEN", "CONCEDE", "SUPPORT", "SANCTION", "RETREAT")
# acts of one state towards another that news often chains ("expelled ... and summoned ...")
DIPLOMATIC = ("ACCUSE", "SANCTION", "THREATEN", "REQUEST", "REJECT")


@dataclass
class Slot:
    """A role filler: the mention (or None) and whether it was inferred from context."""

    mention: Mention | None = None
    implicit: bool = False
    country: str | None = None
    sector: str | None = None
    text: str | None = None
    code: str | None = None
    name: str | None = None

    def as_party(self) -> dict[str, Any] | None:
        if self.mention is not None:
            out = party(self.mention, implicit=self.implicit)
            if self.country and not out.get("country"):
                out["country"] = self.country
            return out
        if self.country is None and self.code is None:
            return None
        code = self.code or ((self.country or "") + (self.sector or "")) or None
        return {"text": self.text, "name": self.name, "code": code, "country": self.country,
                "sector": self.sector, "implicit": self.implicit}

    @property
    def key(self) -> str | None:
        """Country, else organisation code (EU, NATO): what identifies the party across events."""
        if self.iso:
            return self.iso
        return self.code or (self.mention.code if self.mention is not None else None)

    @property
    def iso(self) -> str | None:
        if self.mention is not None and self.mention.country:
            return self.mention.country
        return self.country

    def copy(self, implicit: bool = True) -> "Slot":
        return Slot(self.mention, implicit, self.country, self.sector, self.text, self.code, self.name)


@dataclass
class Frame:
    """Which countries the document is about: actor mentions by country, and where its places lie."""

    counts: Counter = field(default_factory=Counter)
    places: Counter = field(default_factory=Counter)
    lang: str = ""
    mentions: list[Mention] = field(default_factory=list)  # the document's actor mentions, in text order
    acting: set[str] = field(default_factory=set)  # parties some sentence names as an actor (set by role_rules)
    drafts: list[Any] = field(default_factory=list)  # the document's drafts in text order (set by role_rules)
    position: dict[int, int] = field(default_factory=dict)  # id(draft) -> its index in drafts (set by role_rules)

    @classmethod
    def of(cls, doc: Document, actors: list[Mention]) -> "Frame":
        c: Counter = Counter()
        for m in actors:
            if m.country and m.role != "place" and m.kind != "outlet":
                c[m.country] += 1
        p: Counter = Counter(pl.country for pl in doc.places if pl.country)
        return cls(c, p, doc.language or "", sorted(actors, key=lambda m: m.start))

    def top(self, exclude: set[str | None], minimum: int = 2) -> str | None:
        for country, n in self.counts.most_common():
            if country not in exclude and n >= minimum:
                return country
        return None

    def home(self) -> str | None:
        """The country the story is about: the most named country, as actor or as place."""
        both = self.counts + self.places
        return both.most_common(1)[0][0] if both else None


def _prep_before(toks: list[Token], idx: int, preps, span: int = 5, stop: frozenset[int] = frozenset()) -> bool:
    """A preposition from `preps` within `span` tokens before toks[idx] (only words between, none of
    them part of a date: "на 20 ноября российские войска" is a date, not "на + target")."""
    if preps is None:
        return False
    for j in range(idx - 1, max(-1, idx - 1 - span), -1):
        if toks[j].text in "'’" and j not in stop:  # elision: "contre l'Ukraine", "à l'Azerbaïdjan"
            continue
        if not toks[j].is_word or j in stop:
            return False
        if preps.has(toks[j]):
            return True
    return False


def _coordinated_head(g: Grammar, toks: list[Token], pick: tuple[int, Mention],
                      pool: list[tuple[int, Mention]], ends: dict[int, int] | None = None,
                      ) -> tuple[tuple[int, Mention], tuple[int, Mention] | None]:
    """"Russia and Ukraine exchanged": the first conjunct acts, the second is the partner (a long first
    conjunct counts from its end: "Chancellor A B and President C D")."""
    coord = g.words["coordinators"]
    for i, m in sorted(pool, key=lambda x: -x[0]):  # the conjunct nearest the coordinator
        near = pick[0] - i <= 4 or (ends is not None and pick[0] - ends.get(id(m), i) <= 2)
        if i < pick[0] and near and any(coord.has(toks[j]) for j in range(i + 1, pick[0])):
            return (i, m), pick
    return pick, None


def _symmetric(g: Grammar, pattern: Any) -> bool:
    """Events two parties do together ("met", "signed"): config `symmetric` lists types and pattern ids."""
    sym = g.config.get("symmetric")
    if sym is None:
        return True
    return pattern.type in sym or pattern.id.split(".", 1)[-1] in sym


def _subject_first(g: Grammar, tok: Token) -> bool:
    """A clause opening with a determiner, number or quantifier starts with its subject ("Die Polizei ...")."""
    w = g.words
    return tok.text[0].isdigit() or w["definite"].has(tok) or w["indefinite"].has(tok) or w["quantifiers"].has(tok)


def _relative_start(g: Grammar, toks: list[Token], cs: int) -> int | None:
    """Start of a relative clause ", which ... ," that closes right before token cs, else None."""
    if cs < 2 or toks[cs - 1].text != ",":
        return None
    for r in range(cs - 2, 0, -1):
        if toks[r].text == ",":
            return None
        if g.words["relative_subjects"].has_surface(toks[r]) and toks[r - 1].text == ",":
            return r - 1
    return None


def _adjoined_participle(g: Grammar, toks: list[Token], cs: int, anchor: int) -> bool:
    """A present participle opening a clause after a comma ("..., calling the incident a threat"): it
    adjoins the main clause, whose subject it shares (events.yaml config `adjoined_participle`)."""
    suffix = g.config.get("adjoined_participle")
    return bool(suffix) and cs == anchor and cs > 0 and toks[cs - 1].text == "," \
        and toks[anchor].lower.endswith(suffix)


def _asyndetic(g: Grammar, d: Any, toks: list[Token]) -> bool:
    """"setzte den Vertrag aus, wies Attachés aus und ...": a verb right after a comma that follows another
    predicate of the sentence continues it (its subject is the earlier one), unless it is a speech verb."""
    cs = d.clause[0]
    p = d.prev_in_sentence
    return cs > 0 and d.anchor == cs and toks[cs - 1].text == "," and p is not None and bool(p.verb) \
        and not modality(g.lang).speech.has(toks[d.anchor])


def appositive_reply(g: Grammar, toks: list[Token], anchor: int) -> int | None:
    """The comma opening ", a step X criticised", ", an allegation X denied" before the verb at `anchor`."""
    c = next((j for j in range(min(anchor, len(toks)) - 1, max(0, anchor - 9), -1) if toks[j].text == ","), None)
    if c is not None and c + 2 < min(anchor, len(toks)) and g.words["indefinite"].has(toks[c + 1]) \
            and g.words["anaphoric_objects"].has(toks[c + 2]):
        return c
    return None


def explicit_roles(g: Grammar, d: Any, toks: list[Token], ments: list[tuple[int, int, Mention]]) -> None:
    """Fill d.actor / d.recipient from the sentence: prepositions, voice, word order, complement clause."""
    cs, ce = d.clause
    anchor = d.anchor
    trig = set(d.tokens)
    # a mention made only of trigger words ("NATO-Gipfel" as trigger) is not an argument
    sent = [(i, m) for i, j, m in ments if not all(t in trig for t in range(i, j + 1))]
    ends = {id(m): j for _, j, m in ments}  # a mention's last token
    in_clause = [(i, m) for i, m in sent if cs <= i < ce]
    preps = g.recipient_preps.get(d.pattern.type) or g.recipient_preps.get("default")
    default = g.recipient_preps.get("default")
    agent = g.words["agent_preps"]
    weapons = g.words["weapons"]
    actor = recipient = None
    for i, m in in_clause:
        # a country after the type's own recipient preposition is a party ("accepté de restituer à l'Azerbaïdjan")
        if m.role == "place" and not d.pattern.recipient_place and not (
                m.kind in ("country", "capital") and preps is not default and _prep_before(toks, i, preps, 3)):
            continue
        # ("Накануне у здания консульства России прошёл пикет": the type's own preposition fronted at the clause start)
        fronted = i < anchor and preps is not default and preps is not None \
            and any(preps.has(toks[t]) for t in range(cs, min(cs + 3, i))) and _prep_before(toks, i, preps)
        if recipient is None and (i > anchor - 4 or fronted) and (_prep_before(toks, i, preps, stop=d.time_tokens)
                                                                  or _prep_before(toks, i, default, stop=d.time_tokens)):
            recipient = (i, m)
        elif actor is None and d.passive and _prep_before(toks, i, agent):
            actor = (i, m)
    # "объявила о выделении Украине ...": the announcer acts, the party after the noun receives
    announced = not d.verb and any(g.words["announce_verbs"].has(toks[t]) for t in range(max(cs, anchor - 4), anchor))
    # "a Russian missile strike on X", "Russlands Angriff": the party attached to an event noun acts
    for n in sorted(set(d.noun_tokens)):
        for i, m in in_clause:
            if actor is None and m.role != "place" and (recipient is None or m is not recipient[1]) \
                    and (n - 3 <= i < n or (d.verb is False and not announced and 0 < i - n <= 2 and i < anchor + 3)):
                if not _prep_before(toks, i, preps, 3):
                    actor = (i, m)
    free = [(i, m) for i, m in in_clause
            if (recipient is None or m is not recipient[1]) and (actor is None or m is not actor[1])
            and m.role != "place"]
    before = [(i, m) for i, m in free if i < anchor]
    after = [(i, m) for i, m in free if i > anchor]
    if len(d.tokens) > 1 and d.verb:  # "regretted the measure and recalled ...": past a trigger that names
        last = max(d.tokens)         # its object, a coordinator opens another predicate
        after = [(i, m) for i, m in after if i < last or not any(
            g.words["coordinators"].has(toks[t]) for t in range(last + 1, i))]
    # (a weapon word inside a split trigger is its object: "ответственность за взрыв ... возложила")
    subj = next((t for t in range(cs, min(anchor, min(d.tokens) if d.verb else anchor))
                 if t in d.noun_tokens or weapons.has(toks[t])), None)
    if subj is not None and any(i < subj - 2 for i, _ in before):
        subj = None  # "Kiew hat keine Verantwortung für den Anschlag übernommen": the party comes first
    pronoun = next((t for t in range(cs, min(ce, anchor + 2)) if t != anchor and g.words["pronouns"].has_surface(toks[t])), None)
    if d.verb and d.passive:
        # "attacked by Russian drones", "атаковане російськими дронами": the weapon's nation acts
        armed = [x for x in after if x[1].kind == "adjective" and x[1].country
                 and any(weapons.has(toks[t]) for t in range(x[0], min(ce, x[0] + 3)))]
        if actor is None and armed:
            actor = armed[0]
            after = [x for x in after if x is not armed[0]]
        if recipient is None and (before or after):
            # "the Russian ambassador was summoned to the Foreign Office": a party with a country first
            states = [x for x in before if x[1].country]
            recipient = (states or before)[-1] if before else after[0]
    elif d.verb and subj is not None:
        # "a Russian missile hit X", "an explosion near X's embassy struck": the weapon/attack is the subject
        if actor is None:
            near = [x for x in free if subj - 2 <= x[0] < subj or subj < x[0] <= subj + 2 < anchor]
            actor = near[0] if near else None
        rest = [x for x in free if x[0] > subj and (actor is None or x[1] is not actor[1])]
        if recipient is None and rest:
            recipient = rest[0]
    elif d.verb:
        verb_final = g.config.get("verb_final") and not after and before
        # "Man habe die Behörden aufgefordert": an impersonal subject leaves every party an object
        impersonal = toks[cs].lower in (g.config.get("impersonal_subjects") or ())
        if verb_final and len(before) == 1 and ((cs > 0 and before[0][0] - cs > 2) or impersonal):
            # subordinate/infinitive clause, verb last: a lone party far from the clause start is the object
            if recipient is None:
                recipient = before[0]
        elif verb_final and actor is None:
            # "Litauen hat zwei russische Diplomaten ausgewiesen": subject first, object next
            actor = before[0]
            # not an apposition ("die Wirtschaftsgemeinschaft Ecowas") nor a genitive ("Sprecher der Regierung")
            end = ends.get(id(actor[1]), actor[0])
            genitive = g.config.get("genitive_articles")  # (only these open a genitive: "den" is an object)
            objects = [x for x in before[1:] if not (x[1].kind == "organisation" and x[1].code == actor[1].code)
                       and not (x[0] == end + 2 and (toks[end + 1].lower in genitive if genitive is not None
                                                     else g.words["definite"].has(toks[end + 1])))]
            if len(before) > 1:  # "Lettland und Litauen erklärten sich ... solidarisch": co-actors
                first, partner = _coordinated_head(g, toks, before[1], before)
                if partner is not None and first[1] is actor[1] and partner[1].country \
                        and partner[1].country != actor[1].country and recipient is not None:
                    d.co_actor = Slot(partner[1])
                    objects = [x for x in objects if x[1] is not partner[1]]
            if recipient is None and objects:
                recipient = objects[0]
        else:
            if d.coordinated and d.shares_subject is not None:
                # "Vilnius filed a complaint with Minsk and asked ...": the first verb's object does not act
                cut = max([j for j in range(max(d.shares_subject.tokens) + 1, anchor)
                           if g.words["coordinators"].has(toks[j])], default=max(d.shares_subject.tokens))
                before = [x for x in before if x[0] > cut]
            if actor is None and before and pronoun is None:
                actor, partner = _coordinated_head(g, toks, before[-1], before, ends)
                # "X and Y met": partners; "X and Y assured Z of support": co-actors, Z receives
                if partner is not None and recipient is None and partner[1] is not actor[1] \
                        and (not after or _symmetric(g, d.pattern)):
                    recipient = partner
                elif partner is not None and partner[1] is not actor[1] and partner[1].country:
                    d.co_actor = Slot(partner[1])
                    # "Литва, Латвія та Естонія запровадили": earlier members of a comma list act too
                    while True:
                        head = next((x for x in reversed(sent) if x[0] < actor[0] and x[1].country
                                     and [t.text for t in toks[ends.get(id(x[1]), x[0]) + 1:actor[0]]] == [","]), None)
                        if head is None:
                            break
                        d.more_co_actors.append(Slot(actor[1]))
                        actor = head
            elif actor is None and after and g.config.get("inversion") and anchor - cs <= 4 and pronoun is None \
                    and not impersonal and not _subject_first(g, toks[cs]) and d.shares_subject is None \
                    and not _asyndetic(g, d, toks):
                # (a verb right after "und" shares the earlier subject: "verurteilte ... und versetzte die Armee")
                first = after[0]
                if not any(anchor < t < first[0] for t in d.noun_tokens) and not any(
                        weapons.has(toks[t]) for t in range(anchor + 1, first[0])):
                    actor = first
                    # "bombardierten erst Israel und dann die USA ...": a party coordinated with the
                    # inverted subject (only fillers between) acts too (events.yaml `coordinator_fillers`)
                    fill = g.config.get("coordinator_fillers")
                    if fill and len(after) > 1 and after[1][1].country \
                            and after[1][1].country != first[1].country:
                        end = ends.get(id(first[1]), first[0])
                        gap = [toks[t] for t in range(end + 1, after[1][0])]
                        if any(g.words["coordinators"].has(t) for t in gap) and all(
                                g.words["coordinators"].has(t) or g.words["definite"].has(t) or t.lower in fill
                                for t in gap):
                            d.co_actor = Slot(after[1][1])
                            after = [x for x in after if x is not after[1]]
            rest = [x for x in after if (actor is None or x[1] is not actor[1])
                    and (recipient is None or x[1] is not recipient[1])
                    and not (actor is not None and x[1].kind == "organisation" and x[1].code == actor[1].code)]
            if recipient is None and rest:
                recipient = rest[0]
    else:  # nominal trigger: genitive chain after it
        chain = [x for x in after if x[0] - max(d.tokens) <= 6]
        if actor is None and before and (before[0][0] - cs <= 2 or announced) and d.pattern.type not in SYMMETRIC \
                and (recipient is None or before[0][1] is not recipient[1]):
            actor = before[0]  # "the government announced the suspension of ...": the clause subject
            # (not for talks: "announced talks between Israel and Hamas" names the parties after the noun)
        if actor is None and chain:
            actor = chain[0]
            chain = chain[1:]
        if recipient is None and chain:
            recipient = chain[0]
    # "X and Y met": the second party of a symmetric event
    if d.pattern.type in SYMMETRIC and actor is not None and recipient is None:
        coord = g.words["coordinators"]
        for i, m in in_clause:
            if i > actor[0] and i - actor[0] <= 4 and any(coord.has(toks[j]) for j in range(actor[0] + 1, i)):
                recipient = (i, m)
                break
    # "В Москве обвинения отвергли", "У Тбілісі рішення назвали": an indefinite-personal verb; the capital
    # (or organisation) named with a locative preposition in its clause speaks for its government
    if actor is None and d.verb and not d.passive and d.pattern.type not in ("ASSAULT", "PROTEST") \
            and g.words["impersonal_verbs"].has_surface(toks[anchor]) and not before:
        loc = [(i, m) for i, m in in_clause if i < anchor and m.kind in ("capital", "organisation")
               and i > 0 and g.words["locative_preps"].has(toks[i - 1])]
        if loc and (recipient is None or loc[0][1] is not recipient[1]):
            actor = loc[0]
    # "ОАЕ, яким він подякував": a relative pronoun object stands for the party just before it
    if recipient is None and d.verb and cs > 0 and g.words["relative_objects"].has(toks[cs]):
        antecedent = [(i, m) for i, m in sent if i < cs and m.kind != "outlet"
                      and (actor is None or m is not actor[1])]
        if antecedent:
            recipient = antecedent[-1]
    # "Министр обороны Белоруссии заявил, что войска перебросили", "як заявив речник ДПСУ, ... охорону
    # посилено": an act of state told without its agent (passive, impersonal) is the reporting official's state's
    if actor is None and d.pattern.type in STATE_ACTS and cs > 0 and not any(m.country for _, m in before) \
            and g.config.get("state_speaker_acts") and (d.passive or g.words["impersonal_verbs"].has_surface(toks[anchor])):
        speech = modality(g.lang).speech  # the official must be the one speaking: "X заявил", "як заявив X"
        speaker = [m for i, j, m in ments if i < cs and m.country and m.sector in STATE_SECTORS
                   and any(speech.has(toks[t]) for t in range(max(0, i - 2), min(cs, j + 3)) if not i <= t <= j)]
        d.state_speaker = speaker[-1] if speaker else None  # used once the place is known (implicit_roles)
    # speech-like verbs: the recipient may sit in the complement clause ("admitted that it hit X")
    if recipient is None and d.pattern.complement:
        own = actor[1].country if actor else None
        nxt = [(i, m) for i, m in sent if ce <= i < d.next_clause_end and m.role != "place"
               and (actor is None or m is not actor[1])]
        nxt.sort(key=lambda x: (bool(own) and x[1].country == own, x[0]))
        if nxt:
            recipient = nxt[0]
    # "X заявил, что Y открыл огонь, и потребовал ...": after a complement clause closed by a comma,
    # the coordinated verb continues the main clause; its subject is the speaker, not Y
    p = d.shares_subject
    if actor is None and p is not None and d.verb and p.full_clause[0] > 0 \
            and g.words["complementizers"].has(toks[p.full_clause[0]]) and p.full_clause[1] < anchor \
            and toks[p.full_clause[1]].text == ",":
        matrix = [(i, m) for i, m in sent if i < p.full_clause[0] and m.role != "place"]
        if matrix:
            actor, d.shares_subject, d.coordinated = matrix[-1], None, False
    # (the same when the complement holds no event: "заявила, что руководство «...», и обвинила Ереван":
    # a comma before "и" closes the complement, so the verb after it is the speaker's)
    elif actor is None and p is None and d.verb and not d.passive and cs > 1 \
            and g.words["coordinators"].has(toks[cs]) and toks[cs - 1].text == ",":
        comp = [k for k in range(1, cs - 1) if g.words["complementizers"].has(toks[k]) and toks[k - 1].text == ","]
        matrix = [(i, m) for i, m in sent if comp and i < comp[-1] and m.role != "place"]
        if matrix:
            actor = matrix[-1]
    # shared or controlled subject: "X diversified A, deepened B", "Russia admitted having targeted ...":
    # a clause without its own subject takes the nearest earlier party of the sentence
    opener = toks[cs] if cs < len(toks) else None
    continuation = opener is not None and (g.words["coordinators"].has(opener)
                                           or not g.words["clause_breaks"].has(opener))
    # "the ministry, which also summoned ...": a relative subject stands for the party just before it
    if actor is None and not d.passive and d.verb and subj is None and opener is not None and cs > 0 \
            and g.words["relative_subjects"].has(opener) and anchor - cs <= 6:
        earlier = [(i, m) for i, m in sent if i < cs and m.role != "place" and m.kind != "outlet"
                   and (recipient is None or m is not recipient[1])]
        if earlier:
            actor = earlier[-1]
    if actor is None and not d.passive and d.verb and subj is None and pronoun is None and continuation \
            and cs > 0 and d.shares_subject is None:
        earlier = [(i, m) for i, m in sent if i < cs and m.role != "place"
                   and (recipient is None or m is not recipient[1])]
        rel = _relative_start(g, toks, cs)
        if rel is not None and any(i < rel for i, _ in earlier):
            earlier = [x for x in earlier if x[0] < rel]  # "Egypt, which backs the army, condemned": Egypt
        prev_d = d.prev_in_sentence
        # (not when that act is told in the complement of the first party's speech: "X stated that drones
        # had crossed its border, branding it an attack": X brands)
        reported = prev_d is not None and bool(earlier) and _adjoined_participle(g, toks, cs, anchor) and any(
            g.words["complementizers"].has(toks[t]) for t in range(earlier[0][0] + 1, min(prev_d.tokens)))
        if prev_d is not None and (prev_d.verb or prev_d.actor is not None) and not reported:
            d.shares_subject = prev_d  # "expelled two diplomats, accusing them of ...": same subject
        elif earlier and _adjoined_participle(g, toks, cs, anchor):
            actor = earlier[0]  # "X said on Monday that a boat had entered ..., calling it a threat": X
        elif earlier:
            actor = earlier[-1]
    d.anaphoric_object = recipient is None and (any(g.words["anaphoric_objects"].has(toks[t])
                                                    for t in range(anchor + 1, min(ce, anchor + 4)))
                                                or (d.passive or g.config.get("free_object_order", False))
                                                and any(g.words["anaphoric_objects"].has(toks[t])
                                                                     for t in range(max(0, cs - 2, anchor - 5), anchor)))
    # "Serbia closed the crossing, a step Pristina criticised": the act of the sentence's first party is answered
    c = appositive_reply(g, toks, anchor) if recipient is None and d.verb else None
    if c is not None:
        own = (actor[1].country or actor[1].code) if actor is not None else None
        first = next(((i, m) for i, m in sent if i < c and m.role != "place" and m.kind != "outlet"
                      and (m.country or m.code) and (m.country or m.code) != own), None)
        if first is not None:
            recipient, d.anaphoric_object = first, False
    # a passive subject is the object: "the launch was condemned by ...", "launches that have been condemned"
    if d.anaphoric_object:  # "condemned the exercises": the kind of act the object names, if a trigger
        named = next((p for t in range(anchor + 1, min(ce, anchor + 4))
                      if g.words["anaphoric_objects"].has(toks[t]) for p, _ in g.first_hits(toks[t])), None)
        if named is not None:
            d.anaphoric_type, d.anaphoric_rule = named.type, named.id
    if recipient is None and d.verb and (any(g.words["object_pronouns"].has(toks[t])
                                             for t in range(anchor + 1, min(ce, anchor + 3)))
                                         or any(g.words["proclitic_objects"].has(toks[t])  # "les accusant"
                                                for t in range(max(cs, anchor - 2), anchor))):
        d.pronoun_object = True
    elif recipient is None and d.verb and actor is None and g.config.get("free_object_order", False) \
            and any(g.words["object_pronouns"].has_surface(toks[t]) for t in range(max(cs, anchor - 2), anchor)):
        d.pronoun_object = True  # "Ему предъявили обвинение": a fronted object pronoun
    d.pronoun_subject = actor is None and pronoun is not None and not d.passive
    # "both sides agreed": the pair acts; an organisation "calling on both sides" keeps its role
    d.pair_subject = (actor is None or (not actor[1].country and actor[1].kind != "organisation")
                      or actor[1].kind == "role") and any(
        g.words["pair_words"].has(toks[t]) for t in range(cs, ce))
    if d.pair_subject:
        actor = None
    elif recipient is None and d.verb and actor is not None and actor[1].country:
        d.pair_object = any(g.words["pair_words"].has(toks[t]) for t in range(anchor + 1, ce))
    if actor is not None:
        d.actor = Slot(actor[1])
    if recipient is not None:
        d.recipient = Slot(recipient[1])
        # "with the delegations of Ukraine and Russia": a party joined to the recipient by "and" also receives
        end = ends.get(id(recipient[1]), recipient[0])
        nxt = next((x for x in sent if end < x[0] <= end + 2), None)
        if nxt is not None and nxt[1].country and nxt[1].role != "place" and not d.passive \
                and recipient[0] > 0 and toks[recipient[0] - 1].text != "," \
                and all(g.words["coordinators"].has(toks[t]) for t in range(end + 1, nxt[0])) and nxt[0] > end + 1 \
                and nxt[1].country not in (recipient[1].country, actor[1].country if actor else None):
            d.co_recipient = Slot(nxt[1])


def target_recipient(g: Grammar, d: Any, toks: list[Token], frame: Frame) -> None:
    """An unnamed target ("the embassy", "a fuel depot") belongs to the country the document is about."""
    if d.recipient is not None:
        m = d.recipient.mention
        if m is not None and not m.country and m.kind in ("role", "institution", ""):
            country = frame.top({d.actor.iso if d.actor else None, d.loc_country}, minimum=2)
            if country:  # "the honorary consulate": the country the document is about
                d.recipient = Slot(None, True, country, m.sector, m.text, None, m.name or None)
        return
    s, e = d.scope_tokens
    for j in range(s, e):
        for words, sector in g.targets:
            if words.has(toks[j]):
                country = frame.top({d.actor.iso if d.actor else None, d.loc_country}, minimum=2)
                # "уразили НПЗ у Саратові" in a story about two other states: not a main party's,
                # the target belongs to the country it stands in
                if country and d.loc_country and d.actor is not None and d.loc_country != d.actor.iso \
                        and country not in {c for c, _ in frame.counts.most_common(2)}:
                    country = d.loc_country
                if country:
                    d.recipient = Slot(None, True, country, sector, toks[j].text)
                return


def _latest_before(indices: list[int] | None, n: int) -> int | None:
    """The greatest of the (ascending) indices below n."""
    if not indices:
        return None
    k = bisect_left(indices, n)
    return indices[k - 1] if k else None


def implicit_roles(drafts: list[Any], frame: Frame, targets: Any = None) -> None:
    """Parties the sentence does not name, from the document: the previous speaker, the other side of
    an exchange, who else does this, the frame's other party, or the state where it happens."""
    from . import role_rules  # the named rules (they import Slot and Frame from here)
    role_rules.apply(drafts, frame, role_rules.BEFORE)
    by_type: dict[str, Counter] = {}
    for d in drafts:
        if d.actor is not None and d.actor.iso and not d.actor.implicit:
            by_type.setdefault(d.pattern.type, Counter())[d.actor.iso] += 1
    home = frame.home()
    # the drafts that carry each rule and each type, in order (the latest one before a draft is bisected)
    with_rule: dict[str, list[int]] = {}
    with_type: dict[str, list[int]] = {}
    for n, d in enumerate(drafts):
        for r in dict.fromkeys(d.rules):
            with_rule.setdefault(r, []).append(n)
        with_type.setdefault(d.pattern.type, []).append(n)
    for n, d in enumerate(drafts):
        # "the foreign ministry", "police": a state organ without a country belongs to where it acts
        if d.actor is not None and d.actor.mention is not None and not d.actor.iso \
                and d.actor.mention.sector in STATE_SECTORS:
            # else the country of the last organ of the same kind that acted ("the foreign minister"
            # after "Estonia's foreign ministry summoned ...")
            same = next((o.actor.iso for o in reversed(drafts[max(0, n - 4):n]) if d.sent - o.sent <= 2
                         and o.actor is not None and not o.actor.implicit and o.actor.iso
                         and o.actor.mention is not None and o.actor.mention.sector == d.actor.mention.sector), None)
            country = d.organ_country or same or home
            if not d.organ_country and not same and d.recipient is not None and country == d.recipient.iso \
                    and d.pattern.type not in DOMESTIC:
                # "the interim administration accused Eritrea": the organ is not the named target's own
                country = frame.top({country}, 1)
            if country:
                d.actor = Slot(d.actor.mention, d.actor.implicit, country, d.actor.mention.sector)
        if d.recipient is not None and d.recipient.mention is not None and not d.recipient.iso \
                and d.recipient.mention.sector == "GOV" and d.recipient.mention.kind == "role" \
                and d.pattern.type in DIPLOMATIC and (home or d.loc_country):  # "warf der Junta vor": the government of the story's country
            d.recipient = Slot(d.recipient.mention, d.recipient.implicit, d.loc_country or home,
                               d.recipient.mention.sector)
        prev = [o for o in drafts[max(0, n - 4):n] if d.sent - o.sent <= 2]
        if d.actor is None and d.shares_subject is not None and d.shares_subject.actor is not None:
            d.actor = d.shares_subject.actor.copy()
        if d.shares_subject is not None and d.coordinated and d.shares_subject.recipient is not None \
                and (d.recipient is None or not d.recipient.iso) and d.pattern.type in DIPLOMATIC:
            # "declared a Russian diplomat persona non grata and summoned the ambassador": the same party
            d.recipient = d.shares_subject.recipient.copy()
        if d.recipient is None and d.pronoun_object and prev:
            src = next((o for o in reversed(prev) if o.recipient is not None), None)
            if src is not None:
                d.recipient = src.recipient.copy()
        if d.actor is None and (d.pronoun_subject or d.pair_subject) and prev:
            src = next((o for o in reversed(prev) if o.actor is not None), None)
            if src is not None:
                d.actor = src.actor.copy()
                if d.pair_subject and src.recipient is not None:
                    d.recipient = src.recipient.copy()
        if d.recipient is None and d.pair_object and d.actor is not None:
            # "Erdogan hosted both leaders": the first of the story's main parties other than the actor
            other = frame.top({d.actor.iso}, minimum=2)
            if other:
                d.recipient = Slot(None, True, other)
        rec = d.recipient.iso if d.recipient else None
        if d.actor is None and d.pattern.type == "ASSAULT":
            known = [c for c, _ in (by_type.get("ASSAULT") or Counter()).most_common() if c not in (rec, d.loc_country)]
            country = known[0] if known else None
            if country is None:  # whom the victim side accuses, summons or sanctions in this document
                blamed = Counter(o.recipient.iso for o in drafts if o.pattern.type in BLAMING and o.recipient
                                 and o.recipient.iso and o.actor is not None and o.actor.iso
                                 and o.actor.iso in {rec, d.loc_country, frame.top({None}, 1)} - {None})
                country = next((c for c, _ in blamed.most_common() if c not in (rec, d.loc_country)), None)
            if country:
                d.actor = Slot(None, True, country, None, None)
        if targets is not None and d.pattern.type == "ASSAULT":
            targets(d)  # after the attacker is known: the target is the other party of the frame
            rec = d.recipient.iso if d.recipient else None
        elif d.recipient is not None and d.recipient.mention is not None and not d.recipient.iso \
                and d.recipient.mention.kind in ("role", "institution") and d.pattern.type not in DOMESTIC:
            # "lifted sanctions on the national airline": an unnamed body of the country the story is about
            country = frame.top({d.actor.iso if d.actor else None}, minimum=2)
            if country:
                m = d.recipient.mention
                d.recipient = Slot(m, True, country, m.sector)
                rec = country
        if d.actor is None and d.state_speaker is not None and d.loc_country in (None, d.state_speaker.country):
            d.actor = Slot(d.state_speaker)  # not when it happened elsewhere ("US envoy: arrests in Minsk")
        if d.pattern.type in STATE_ACTS + DOMESTIC and (d.actor is None or not d.actor.iso):
            country = d.loc_country or rec or home
            if d.pattern.type == "MOBILIZE" and rec:  # forces are not mobilised against their own state
                country = next((c for c in (d.loc_country, home, frame.top({rec}, 1)) if c and c != rec), None)
            if country:
                if d.actor is None:
                    d.actor = Slot(None, True, country, "GOV" if d.pattern.type in STATE_ACTS else None, None)
                else:
                    d.actor = Slot(d.actor.mention, d.actor.implicit, country, d.actor.mention.sector if d.actor.mention else None)
        if d.pattern.type in DOMESTIC + ("MOBILIZE",) and (d.recipient is None or not d.recipient.iso) \
                and d.actor is not None and d.pattern.type != "MOBILIZE":
            country = d.loc_country or d.actor.iso or home
            if country:
                if d.recipient is None:
                    d.recipient = Slot(None, True, country, None, None)
                else:
                    d.recipient = Slot(d.recipient.mention, d.recipient.implicit, country)
        if d.recipient is None and d.pattern.type == "RETREAT" and d.pattern.mode == "withdraw" \
                and d.actor is not None:  # "the last French soldiers left the country": the story's country
            country = d.loc_country or home
            if country and country != d.actor.iso:
                d.recipient = Slot(None, True, country, None, None)
        if d.recipient is None and d.pattern.type == "ASSAULT":
            country = d.loc_country or home
            if country and (d.actor is None or country != d.actor.iso):
                d.recipient = Slot(None, True, country, None, d.location.get("text") if d.location else None)
        # "Kiew forderte die Freilassung ukrainischer Gefangener": an own-country modifier or the actor's
        # own country/capital is not the target of an international act
        if d.recipient is not None and d.actor is not None and d.pattern.type not in DOMESTIC + SYMMETRIC \
                and d.recipient.mention is not None and d.recipient.mention.kind in ("adjective", "country", "capital") \
                and d.recipient.iso and d.recipient.iso == d.actor.iso:
            d.recipient = None
        # a reply: "Russia denied ..." answers whoever acted on Russia just before;
        # "welcomed the decision": whoever took the decision just told
        if d.recipient is None and d.actor is not None and d.actor.key and d.pattern.type in REPLIES:
            for o in reversed(prev):
                if o.recipient is not None and o.recipient.key == d.actor.key and o.actor is not None \
                        and o.actor.key and o.actor.key != d.actor.key:
                    d.recipient = o.actor.copy()
                    break
            else:
                # "condemned the exercises": the last act told, possibly some sentences back
                told = [o for o in drafts[max(0, n - 6):n] if d.sent - o.sent <= 4 and not o.hypothetical]
                if d.anaphoric_type:  # "rejected the tariffs": the latest act of that kind
                    # "учения": the exercises, not troops ("the move" also starts a MOBILIZE trigger: with no
                    # such act told, the last act of that type told, else the last act told)
                    last = _latest_before(with_rule.get(d.anaphoric_rule), n)
                    if last is None:
                        last = _latest_before(with_type.get(d.anaphoric_type), n)
                    told = [drafts[last]] if last is not None else told
                if told and (told[-1].actor is None or not told[-1].actor.key):
                    # "the decision" after an act with no named agent ("the ambassador was summoned"):
                    # the last act whose agent is known
                    told = [o for o in told if o.actor is not None and o.actor.key][-1:] or told
                if d.anaphoric_object and told and told[-1].actor is not None and told[-1].actor.key \
                        and told[-1].actor.key != d.actor.key:
                    d.recipient = told[-1].actor.copy()
                elif d.anaphoric_object and told and told[-1].actor is not None and d.pattern.type in BLAMING \
                        and told[-1].actor.key == d.actor.key and told[-1].pattern.type in DIPLOMATIC \
                        and told[-1].recipient is not None and told[-1].recipient.key != d.actor.key:
                    # "summoned the Russian envoy ... called the incident brazen": the same complaint, the same target
                    d.recipient = told[-1].recipient.copy()
                elif d.anaphoric_object and told and told[-1].actor is not None and d.pattern.type == "REJECT" \
                        and told[-1].actor.key == d.actor.key and told[-1].recipient is not None \
                        and told[-1].recipient.key and told[-1].recipient.key != d.actor.key:
                    # "Russia cut gas deliveries to Moldova; Moscow denied any blockade": denying its own act
                    # answers the side that act was aimed at
                    d.recipient = told[-1].recipient.copy()
    for d in drafts:  # "voiced concern about the police and urged Georgia to ...": the party named second
        o = d.shares_subject
        if o is not None and d.coordinated and d.recipient is not None and d.recipient.key \
                and (o.recipient is None or not o.recipient.key) \
                and o.pattern.type in DIPLOMATIC and d.pattern.type in DIPLOMATIC:
            o.recipient = d.recipient.copy()
    # "China last held exercises of this scale in 2024": the same force shows it to the same side
    # (the first such act of each force, found once: a draft given a recipient here gets a copy of it,
    # equal to what a later draft of that force would copy from the first one)
    shown: dict[str, Any] = {}
    for o in drafts:
        if o.pattern.type == "MOBILIZE" and o.recipient is not None and o.recipient.key and o.actor is not None \
                and o.actor.key:
            shown.setdefault(o.actor.key, o)
    for d in drafts:
        if d.pattern.type == "MOBILIZE" and d.recipient is None and d.actor is not None and d.actor.key:
            src = shown.get(d.actor.key)
            if src is not None:
                d.recipient = src.recipient.copy()
    role_rules.apply(drafts, frame, role_rules.AFTER)
