"""What the sentence role rules read: SentenceFacts (once per sentence) and RoleState (once per event)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..lang import FALLBACK, load_yaml
from ..model import Mention
from .lemmas import Token
from .modality import modality
from .patterns import Grammar, WordSet

Pick = tuple[int, Mention]  # a party mention and the index of its first token
ROLE_WORDS = ("source_before", "source_after", "receive", "between", "announce", "preps", "border", "noun_source", "object_marker")  # the `words:` keys of every roles.yaml


@lru_cache(maxsize=None)
def roles_data(lang: str) -> dict[str, Any]:
    """lang/<code>/roles.yaml (the fallback language's when the language has none)."""
    return load_yaml(lang, "roles.yaml") or load_yaml(FALLBACK, "roles.yaml") or {}


@lru_cache(maxsize=None)
def role_words(lang: str) -> dict[str, WordSet]:
    """The word lists role rules read (roles.yaml `words:`), matched on the written form."""
    got = roles_data(lang).get("words") or {}
    return {k: WordSet(got.get(k) or [], surface=True) for k in ROLE_WORDS}


@dataclass
class SentenceFacts:
    """One sentence as every role rule sees it: its tokens, its party mentions and the words rules test."""

    g: Grammar
    toks: list[Token]
    ments: list[tuple[int, int, Mention]]  # (first token, last token, mention): parties, no outlets or sources
    ends: dict[int, int] = field(default_factory=dict)  # id(mention) -> its last token
    speech: WordSet | None = None  # the language's speech verbs
    role_words: dict[str, WordSet] = field(default_factory=dict)  # roles.yaml `words:`
    pro_drop: bool = False  # roles.yaml `pro_drop`: subject pronouns are left out
    sources: dict[int, int] = field(default_factory=dict)  # id(mention) -> last token of a source phrase

    @classmethod
    def of(cls, g: Grammar, toks: list[Token], ments: list[tuple[int, int, Mention]]) -> "SentenceFacts":
        f = cls(g, toks, ments, {id(m): j for _, j, m in ments}, modality(g.lang).speech, role_words(g.lang),
                bool(roles_data(g.lang).get("pro_drop")))
        f.sources = f._sources()
        return f

    def _sources(self) -> dict[int, int]:
        """Parties named as the source ("according to the ministry", "dem Ministerium zufolge"): the first
        party right after a source word (only small words between), or the party right before a postposition."""
        before, after, toks, src = self.role_words["source_before"], self.role_words["source_after"], self.toks, {}
        if not before and not after:
            return src
        for k, t in enumerate(toks):
            if before.has(t):  # "nach Angaben Washingtons von Australien": Washington, not Australia
                got = next(((i, j, m) for i, j, m in self.ments if k < i <= k + 3), None)
                if got is not None and all(toks[n].is_word and toks[n].text[:1].islower() for n in range(k + 1, got[0])):
                    src[id(got[2])] = got[1]  # ("Laut Reuters bestellte Polen": no source party)
            elif after.has(t):
                got = next(((j, m) for i, j, m in self.ments if j == k - 1), None)
                if got is not None:
                    src[id(got[1])] = k
        return src

    def words(self, key: str) -> WordSet:
        """A word list of the grammar (events.yaml), else of roles.yaml `words:`."""
        return self.role_words[key] if key in self.role_words else self.g.words[key]


@dataclass
class RoleState:
    """One event's roles while the sentence rules run: the picks so far and the parties left around the trigger.

    `arguments` rules see `sent` and `in_clause`; `place()` then sorts the parties left into `before`/`after`
    the trigger and reads the clause's shape, which the `sentence` rules test."""

    d: Any  # the Draft
    sent: list[Pick]  # the sentence's parties, less those made only of trigger words
    in_clause: list[Pick]
    actor: Pick | None = None
    recipient: Pick | None = None
    chosen: dict[str, str] = field(default_factory=dict)  # slot -> the rule that last decided it
    start: int = 0  # where the clause proper starts (after an opening source phrase: source_phrase)
    sources: list[Pick] = field(default_factory=list)  # the clause's parties named as sources (source_phrase)
    free: list[Pick] = field(default_factory=list)
    before: list[Pick] = field(default_factory=list)
    after: list[Pick] = field(default_factory=list)
    subj: int | None = None  # an event noun or weapon that is the clause's subject ("a Russian missile hit ...")
    pronoun: int | None = None  # a subject pronoun near the trigger
    impersonal: bool = False  # "Man habe ...": an impersonal subject
    shape: str = ""  # passive | weapon_subject | verb_final_object | verb_final_subject | svo | nominal

    @classmethod
    def of(cls, f: SentenceFacts, d: Any) -> "RoleState":
        trig = set(d.tokens)
        # a mention made only of trigger words ("NATO-Gipfel" as trigger) is not an argument
        sent = [(i, m) for i, j, m in f.ments if not all(t in trig for t in range(i, j + 1))]
        cs, ce = d.clause
        return cls(d, sent, [(i, m) for i, m in sent if cs <= i < ce])

    def preps(self, f: SentenceFacts) -> WordSet | None:
        """The recipient prepositions of the event's type (else the default ones)."""
        return f.g.recipient_preps.get(self.d.pattern.type) or f.g.recipient_preps.get("default")

    def taken(self, m: Mention) -> bool:
        """The mention already fills a slot."""
        return (self.actor is not None and m is self.actor[1]) or (self.recipient is not None and m is self.recipient[1])

    def place(self, f: SentenceFacts) -> None:
        """Sort the parties no argument rule took into before/after the trigger; read the clause's shape."""
        d, toks, w = self.d, f.toks, f.g.words
        cs, ce = d.clause
        anchor = d.anchor
        self.free = [(i, m) for i, m in self.in_clause if not self.taken(m) and m.role != "place"]
        self.before = [(i, m) for i, m in self.free if i < anchor]
        after = [(i, m) for i, m in self.free if i > anchor]
        if len(d.tokens) > 1 and d.verb:  # "regretted the measure and recalled ...": past a trigger that names
            last = max(d.tokens)         # its object, a coordinator opens another predicate
            after = [(i, m) for i, m in after if i < last or not any(
                w["coordinators"].has(toks[t]) for t in range(last + 1, i))]
        self.after = after
        # (a weapon word inside a split trigger is its object: "ответственность за взрыв ... возложила")
        subj = next((t for t in range(cs, min(anchor, min(d.tokens) if d.verb else anchor))
                     if t in d.noun_tokens or w["weapons"].has(toks[t])), None)
        if subj is not None and any(i < subj - 2 for i, _ in self.before):
            subj = None  # "Kiew hat keine Verantwortung für den Anschlag übernommen": the party comes first
        if subj is not None and self._in_phrase(f, subj):
            subj = None  # "Nach dem Angriff verurteilte die Regierung ...": no subject
        self.subj = subj
        self.pronoun = next((t for t in range(cs, min(ce, anchor + 2))
                             if t != anchor and w["pronouns"].has_surface(toks[t])), None)
        self.impersonal = toks[cs].lower in (f.g.config.get("impersonal_subjects") or ())
        self.shape = self._shape(f)

    def _in_phrase(self, f: SentenceFacts, k: int) -> bool:
        """Token k follows a preposition (roles.yaml `preps`), with at most determiners and adjectives between."""
        w, preps = f.g.words, f.role_words["preps"]
        for j in range(k - 1, max(self.d.clause[0] - 1, k - 4), -1):
            t = f.toks[j]
            if preps.has(t):
                return True
            if not t.is_word or not (w["definite"].has(t) or w["indefinite"].has(t) or t.text[:1].islower()):
                return False
        return False

    def _shape(self, f: SentenceFacts) -> str:
        d = self.d
        if not d.verb:
            return "nominal"
        if d.passive:
            return "passive"
        if self.subj is not None:
            return "weapon_subject"
        before, cs = self.before, d.clause[0]
        if f.g.config.get("verb_final") and not self.after and before:
            if len(before) == 1 and ((cs > 0 and before[0][0] - cs > 2) or self.impersonal):
                return "verb_final_object"  # subordinate/infinitive clause, verb last: a lone party is the object
            if self.actor is None:
                return "verb_final_subject"
        return "svo"


def prep_before(toks: list[Token], idx: int, preps: WordSet | None, span: int = 5,
                stop: frozenset[int] = frozenset()) -> bool:
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


def coordinated_head(g: Grammar, toks: list[Token], pick: Pick, pool: list[Pick],
                     ends: dict[int, int] | None = None) -> tuple[Pick, Pick | None]:
    """"Russia and Ukraine exchanged": the first conjunct acts, the second is the partner (a long first
    conjunct counts from its end: "Chancellor A B and President C D")."""
    coord = g.words["coordinators"]
    for i, m in sorted(pool, key=lambda x: -x[0]):  # the conjunct nearest the coordinator
        near = pick[0] - i <= 4 or (ends is not None and pick[0] - ends.get(id(m), i) <= 2)
        if i < pick[0] and near and any(coord.has(toks[j]) for j in range(i + 1, pick[0])):
            return (i, m), pick
    return pick, None


def symmetric(g: Grammar, pattern: Any) -> bool:
    """Events two parties do together ("met", "signed"): config `symmetric` lists types and pattern ids."""
    sym = g.config.get("symmetric")
    if sym is None:
        return True
    return pattern.type in sym or pattern.id.split(".", 1)[-1] in sym


def subject_first(g: Grammar, tok: Token) -> bool:
    """A clause opening with a determiner, number or quantifier starts with its subject ("Die Polizei ...")."""
    w = g.words
    return tok.text[0].isdigit() or w["definite"].has(tok) or w["indefinite"].has(tok) or w["quantifiers"].has(tok)


def relative_start(g: Grammar, toks: list[Token], cs: int) -> int | None:
    """Start of a relative clause ", which ... ," that closes right before token cs, else None."""
    if cs < 2 or toks[cs - 1].text != ",":
        return None
    for r in range(cs - 2, 0, -1):
        if toks[r].text == ",":
            return None
        if g.words["relative_subjects"].has_surface(toks[r]) and toks[r - 1].text == ",":
            return r - 1
    return None


def adjoined_participle(g: Grammar, toks: list[Token], cs: int, anchor: int) -> bool:
    """A present participle opening a clause after a comma ("..., calling the incident a threat"): it
    adjoins the main clause, whose subject it shares (events.yaml config `adjoined_participle`)."""
    suffix = g.config.get("adjoined_participle")
    return bool(suffix) and cs == anchor and cs > 0 and toks[cs - 1].text == "," \
        and toks[anchor].lower.endswith(suffix)


def asyndetic(f: SentenceFacts, d: Any) -> bool:
    """"setzte den Vertrag aus, wies Attachés aus und ...": a verb right after a comma that follows another
    predicate of the sentence continues it (its subject is the earlier one), unless it is a speech verb."""
    cs, toks = d.clause[0], f.toks
    p = d.prev_in_sentence
    return cs > 0 and d.anchor == cs and toks[cs - 1].text == "," and p is not None and bool(p.verb) \
        and not f.speech.has(toks[d.anchor])


def appositive_reply(g: Grammar, toks: list[Token], anchor: int) -> int | None:
    """The comma opening ", a step X criticised", ", an allegation X denied" before the verb at `anchor`."""
    c = next((j for j in range(min(anchor, len(toks)) - 1, max(0, anchor - 9), -1) if toks[j].text == ","), None)
    if c is not None and c + 2 < min(anchor, len(toks)) and g.words["indefinite"].has(toks[c + 1]) \
            and g.words["anaphoric_objects"].has(toks[c + 2]):
        return c
    return None
