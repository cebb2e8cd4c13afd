"""Actor and recipient of an event: from prepositions, voice and word order, then from the document frame."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..model import Document, Mention, party
from .lemmas import Token
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

    @classmethod
    def of(cls, doc: Document, actors: list[Mention]) -> "Frame":
        c: Counter = Counter()
        for m in actors:
            if m.country and m.role != "place" and m.kind != "outlet":
                c[m.country] += 1
        p: Counter = Counter(pl.country for pl in doc.places if pl.country)
        return cls(c, p)

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
        if not toks[j].is_word or j in stop:
            return False
        if preps.has(toks[j]):
            return True
    return False


def _coordinated_head(g: Grammar, toks: list[Token], pick: tuple[int, Mention],
                      pool: list[tuple[int, Mention]]) -> tuple[tuple[int, Mention], tuple[int, Mention] | None]:
    """"Russia and Ukraine exchanged": the first conjunct acts, the second is the partner."""
    coord = g.words["coordinators"]
    for i, m in pool:
        if i < pick[0] and pick[0] - i <= 4 and any(coord.has(toks[j]) for j in range(i + 1, pick[0])):
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


def explicit_roles(g: Grammar, d: Any, toks: list[Token], ments: list[tuple[int, int, Mention]]) -> None:
    """Fill d.actor / d.recipient from the sentence: prepositions, voice, word order, complement clause."""
    cs, ce = d.clause
    anchor = d.anchor
    trig = set(d.tokens)
    # a mention made only of trigger words ("NATO-Gipfel" as trigger) is not an argument
    sent = [(i, m) for i, j, m in ments if not all(t in trig for t in range(i, j + 1))]
    in_clause = [(i, m) for i, m in sent if cs <= i < ce]
    preps = g.recipient_preps.get(d.pattern.type) or g.recipient_preps.get("default")
    default = g.recipient_preps.get("default")
    agent = g.words["agent_preps"]
    weapons = g.words["weapons"]
    actor = recipient = None
    for i, m in in_clause:
        if m.role == "place" and not d.pattern.recipient_place:
            continue
        if recipient is None and i > anchor - 4 and (_prep_before(toks, i, preps, stop=d.time_tokens)
                                                     or _prep_before(toks, i, default, stop=d.time_tokens)):
            recipient = (i, m)
        elif actor is None and d.passive and _prep_before(toks, i, agent):
            actor = (i, m)
    # "a Russian missile strike on X", "Russlands Angriff": the party attached to an event noun acts
    for n in sorted(set(d.noun_tokens)):
        for i, m in in_clause:
            if actor is None and m.role != "place" and (recipient is None or m is not recipient[1]) \
                    and (n - 3 <= i < n or (d.verb is False and 0 < i - n <= 2 and i < anchor + 3)):
                if not _prep_before(toks, i, preps, 3):
                    actor = (i, m)
    free = [(i, m) for i, m in in_clause
            if (recipient is None or m is not recipient[1]) and (actor is None or m is not actor[1])
            and m.role != "place"]
    before = [(i, m) for i, m in free if i < anchor]
    after = [(i, m) for i, m in free if i > anchor]
    subj = next((t for t in range(cs, anchor) if t in d.noun_tokens or weapons.has(toks[t])), None)
    if subj is not None and any(i < subj - 2 for i, _ in before):
        subj = None  # "Moskau hat keine Verantwortung für den Angriff übernommen": the party comes first
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
        if verb_final and len(before) == 1 and cs > 0 and before[0][0] - cs > 2:
            # subordinate/infinitive clause, verb last: a lone party far from the clause start is the object
            if recipient is None:
                recipient = before[0]
        elif verb_final and actor is None:
            # "Litauen hat zwei russische Diplomaten ausgewiesen": subject first, object next
            actor = before[0]
            if recipient is None and len(before) > 1:
                recipient = before[1]
        else:
            if actor is None and before and pronoun is None:
                actor, partner = _coordinated_head(g, toks, before[-1], before)
                # "X and Y met": partners; "X and Y assured Z of support": co-actors, Z receives
                if partner is not None and recipient is None and partner[1] is not actor[1] \
                        and (not after or _symmetric(g, d.pattern)):
                    recipient = partner
                elif partner is not None and partner[1] is not actor[1] and partner[1].country:
                    d.co_actor = Slot(partner[1])
            elif actor is None and after and g.config.get("inversion") and anchor - cs <= 4 and pronoun is None \
                    and not _subject_first(g, toks[cs]):
                first = after[0]
                if not any(anchor < t < first[0] for t in d.noun_tokens) and not any(
                        weapons.has(toks[t]) for t in range(anchor + 1, first[0])):
                    actor = first
            rest = [x for x in after if (actor is None or x[1] is not actor[1])
                    and (recipient is None or x[1] is not recipient[1])]
            if recipient is None and rest:
                recipient = rest[0]
    else:  # nominal trigger: genitive chain after it
        chain = [x for x in after if x[0] - anchor <= 6]
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
    # speech-like verbs: the recipient may sit in the complement clause ("admitted that it hit X")
    if recipient is None and d.pattern.complement:
        own = actor[1].country if actor else None
        nxt = [(i, m) for i, m in sent if ce <= i < d.next_clause_end and m.role != "place"
               and (actor is None or m is not actor[1])]
        nxt.sort(key=lambda x: (bool(own) and x[1].country == own, x[0]))
        if nxt:
            recipient = nxt[0]
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
        if d.prev_in_sentence is not None and d.prev_in_sentence.verb:
            d.shares_subject = d.prev_in_sentence  # "expelled two diplomats, accusing them of ...": same subject
        elif earlier:
            actor = earlier[-1]
    d.anaphoric_object = recipient is None and any(g.words["anaphoric_objects"].has(toks[t])
                                                   for t in range(anchor + 1, min(ce, anchor + 4)))
    if recipient is None and d.verb and any(g.words["object_pronouns"].has(toks[t])
                                            for t in range(anchor + 1, min(ce, anchor + 3))):
        d.pronoun_object = True
    d.pronoun_subject = actor is None and pronoun is not None and not d.passive
    d.pair_subject = (actor is None or not actor[1].country or actor[1].kind == "role") and any(
        g.words["pair_words"].has(toks[t]) for t in range(cs, ce))
    if d.pair_subject:
        actor = None
    if actor is not None:
        d.actor = Slot(actor[1])
    if recipient is not None:
        d.recipient = Slot(recipient[1])


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
                if country:
                    d.recipient = Slot(None, True, country, sector, toks[j].text)
                return


def implicit_roles(drafts: list[Any], frame: Frame, targets: Any = None) -> None:
    """Parties the sentence does not name, from the document: the previous speaker, the other side of
    an exchange, who else does this, the frame's other party, or the state where it happens."""
    by_type: dict[str, Counter] = {}
    for d in drafts:
        if d.actor is not None and d.actor.iso and not d.actor.implicit:
            by_type.setdefault(d.pattern.type, Counter())[d.actor.iso] += 1
    home = frame.home()
    for n, d in enumerate(drafts):
        # "the foreign ministry", "police": a state organ without a country belongs to where it acts
        if d.actor is not None and d.actor.mention is not None and not d.actor.iso \
                and d.actor.mention.sector in STATE_SECTORS:
            country = d.organ_country or home
            if country:
                d.actor = Slot(d.actor.mention, d.actor.implicit, country, d.actor.mention.sector)
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
        if d.pattern.type in STATE_ACTS + DOMESTIC and (d.actor is None or not d.actor.iso):
            country = d.loc_country or rec or home
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
                if d.anaphoric_object and prev and prev[-1].actor is not None and prev[-1].actor.key \
                        and prev[-1].actor.key != d.actor.key:
                    d.recipient = prev[-1].actor.copy()
    for d in drafts:  # "voiced concern about the police and urged Georgia to ...": the party named second
        o = d.shares_subject
        if o is not None and d.coordinated and d.recipient is not None and d.recipient.iso \
                and (o.recipient is None or not o.recipient.iso) \
                and o.pattern.type in DIPLOMATIC and d.pattern.type in DIPLOMATIC:
            o.recipient = d.recipient.copy()
