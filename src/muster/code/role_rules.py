"""Document role rules on what the sentence said: the reporting frame, event-noun participants, agents, fallbacks."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..model import Mention
from . import ontology
from .modality import modality
from .patterns import Grammar, WordSet, grammar
from .roles import BLAMING, STATE_SECTORS, SYMMETRIC, Frame, Slot

PHYSICAL = ("ASSAULT", "COERCE", "MOBILIZE")  # acts a speaker reports rather than performs
_NEAR = 3  # tokens between an agent preposition and its mention ("by Russian forces")
_OWN_PHRASE = 5  # tokens from the trigger to a participle still in its phrase ("hit by a Kinzhal missile launched")
_QUOTES = set("\"«»„“”")


@lru_cache(maxsize=None)
def _config_words(lang: str, key: str, surface: bool = True) -> WordSet:
    """A word list from the `config:` block of the language's events.yaml."""
    return WordSet(grammar(lang).config.get(key) or [], surface=surface)


def _span(d: Any) -> tuple[int, int]:
    """Character span of the trigger's full clause."""
    a, b = d.full_clause if d.full_clause[1] else d.clause
    return d.toks[a].start, d.toks[b - 1].end


def _mentions_in(frame: Frame, d: Any) -> list[Mention]:
    return frame.between(*_span(d))


def reported_speaker(g: Grammar, d: Any, frame: Frame) -> Any:
    """"Azerbaijani officials recalled that an airstrike hit the consulate": the speaker of a reporting
    verb is not the agent of the physical act or event noun told in its complement clause (unless
    the clause refers back to it with a pronoun: "X said it had expelled ...")."""
    m = d.actor.mention if d.actor is not None else None
    if m is None or d.actor.implicit or not d.toks or not (d.pattern.type in PHYSICAL or d.verb is False):
        return None
    comp, speech = g.words["complementizers"], modality(g.lang).speech
    more = _config_words(g.lang, "reporting_verbs", False)
    between = [k for k, t in enumerate(d.toks) if m.end <= t.start and k < d.anchor]
    fc = next((k for k in reversed(between) if comp.has(d.toks[k])), None)
    if fc is None or not any(speech.has(d.toks[k]) or more.has(d.toks[k]) for k in between if k < fc):
        return None
    own = _config_words(g.lang, "own_reference")
    if any(g.words["pronouns"].has(d.toks[k]) or own.has(d.toks[k]) for k in range(fc, d.anchor)):
        return None
    return "actor", None


def weapon_nationality(g: Grammar, d: Any, frame: Frame) -> Any:
    """"a Russian drone hit the embassy", "eine russische Drohne beschädigte ...": the nationality of
    the weapon (or of the strike) names the attacker, and is not the target."""
    if d.pattern.type != "ASSAULT" or (d.actor is not None and d.actor.key) or not d.toks:
        return None
    weapons = g.words["weapons"]
    starts = [t.start for t in d.toks]
    for m in _mentions_in(frame, d):
        if m.kind != "adjective" or not m.country:
            continue
        k = next((k for k, s in enumerate(starts) if s >= m.end), len(starts))
        after = d.toks[k:][:2]
        first = next((n for n, s in enumerate(starts) if s >= m.start), 0)  # "un drone russe": the noun first
        before = d.toks[first - 1:first] if first > 0 else []
        if any(weapons.has(t) for t in after) or any(weapons.has(t) for t in d.toks if m.start <= t.start < m.end) \
                or any(weapons.has(t) for t in before):
            if d.recipient is not None and d.recipient.mention is m:
                d.recipient = None
            return "actor", Slot(m)
    return None


def participle_agent(g: Grammar, d: Any, frame: Frame) -> Any:
    """"hit by a Kinzhal missile launched by Russia", "negocieri mediate de Turcia": an agent phrase after a
    participle in the event's clause names the actor when the sentence gave none."""
    if not d.toks:
        return None
    agent, part = g.words["agent_preps"], g.words["participle"]
    own = d.actor is not None and d.actor.key  # a named actor yields only to the agent of the event noun itself
    if own and (d.verb or not any(agent.has(t) for t in d.toks[d.anchor + 1:d.anchor + 4])):
        return None
    lo, hi = _span(d)
    ments = _mentions_in(frame, d)
    for k, t in enumerate(d.toks):
        if not (lo <= t.start < hi) or k == 0 or not agent.has(t) or not part.has(d.toks[k - 1]):
            continue
        if not 0 <= k - 1 - d.anchor <= _OWN_PHRASE or any(x.text in _QUOTES for x in d.toks[d.anchor:k]) \
                or any(g.words["passive_aux"].has(x) for x in d.toks[d.anchor + 1:k - 1]):
            continue  # not the event's own phrase ("called it a «hybrid attack» orchestrated by Minsk", "the
            # strike was condemned by Germany": the participle is the predicate of another event)
        limit = d.toks[min(k + _NEAR, len(d.toks) - 1)].end
        m = next((x for x in ments if t.end <= x.start <= limit and (x.country or x.code)), None)
        if m is not None and not (d.pattern.type in BLAMING and d.recipient is not None and d.recipient.mention is m):
            if d.recipient is not None and d.recipient.mention is m:  # "mediated by Qatar" is no target
                d.recipient = None
            return "actor", Slot(m)
    return None


def domestic_group(g: Grammar, d: Any, frame: Frame) -> Any:
    """"The opposition called for the premier to step down", "rebels took the airport": a group
    with no nationality (opposition, rebels, business) belongs to the country where it acts."""
    m = d.actor.mention if d.actor is not None else None
    if m is None or d.actor.iso or m.kind != "role" or m.sector in STATE_SECTORS or m.code not in (None, m.sector):
        return None
    rec = d.recipient.iso if d.recipient is not None else None
    country = d.loc_country or rec or frame.home()
    return ("actor", Slot(m, True, country, m.sector)) if country else None


def frame_dyad_actor(g: Grammar, d: Any, frame: Frame) -> Any:
    """"Belarus's envoy was called in on Tuesday": an act without a named agent, aimed at one of the
    story's parties, was done by the story's other main party (implicit)."""
    if d.actor is not None or d.pronoun_subject or d.pattern.type == "ASSAULT":  # the attacker has its own rules
        return None  # (a named but countryless subject, "the premier", "he", is no sign of the other party)
    rec = d.recipient.key if d.recipient is not None else None
    other = frame.top({rec, None}, minimum=2) if rec else None
    return ("actor", Slot(None, True, other)) if other else None


def own_possessive(g: Grammar, d: Any, frame: Frame) -> Any:
    """"Frankreich zog seine Soldaten aus Niger ab", "Moscow said its forces struck ...": a unit
    introduced by a possessive belongs to the party named before it in the sentence."""
    m = d.actor.mention if d.actor is not None else None
    if m is None or m.kind != "role" or not d.toks:
        return None
    own = _config_words(g.lang, "own_reference")
    k = next((k for k, t in enumerate(d.toks) if t.end <= m.start and t.start >= m.start - 12), None)
    prev = [k2 for k2, t in enumerate(d.toks) if t.end <= m.start]
    if k is None or not prev or not own.has(d.toks[prev[-1]]):
        return None
    owner = next((x for x in reversed(frame.between(d.toks[0].start, d.toks[prev[-1]].start)) if x.country
                  and x is not m and x.end <= d.toks[prev[-1]].start), None)
    if owner is None or owner.country == m.country:
        return None
    return "actor", Slot(None, False, owner.country, m.sector, m.text, None, m.name or None)


def organ_where_it_acts(g: Grammar, d: Any, frame: Frame) -> Any:
    """"Poliția a reținut trei bărbați la Cluj, suspectați de spionaj pentru Rusia": police that arrest
    (close, raid) without a stated country are the organs of the state where they act."""
    m = d.actor.mention if d.actor is not None else None
    if m is None or m.country or d.pattern.type != "COERCE" or m.sector not in STATE_SECTORS \
            or not d.loc_country or d.organ_country == d.loc_country:
        return None
    return "actor", Slot(m, False, d.loc_country, m.sector)


def mediator_acts(g: Grammar, d: Any, frame: Frame) -> Any:
    """"при посредничестве Катара", "talks mediated by Oman": the mediator is the actor of a mediation
    (CAMEO 045), never its recipient."""
    if d.pattern.cameo != "045" and "mediate" not in d.pattern.id.split("."):
        return None
    r = d.recipient
    if r is None or r.mention is None or not r.key or (d.actor is not None and d.actor.key == r.key) \
            or not d.toks or r.mention.start < d.toks[d.anchor].start:  # "Qatar and Egypt mediated": partners
        return None
    d.recipient = None
    return "actor", Slot(r.mention, r.implicit, r.country, r.sector, r.text, r.code, r.name)


def frame_dyad_attacker(g: Grammar, d: Any, frame: Frame) -> Any:
    """"Ночью по Брянску ударили дроны": an attack whose attacker no sentence of the story
    names came from the story's other main party (implicit)."""
    if d.pattern.type != "ASSAULT" or (d.actor is not None and d.actor.key):
        return None
    rec = d.recipient.key if d.recipient is not None else None
    other = frame.top({rec, d.loc_country, None}, minimum=2) if rec else None
    # only a party that uses or threatens force somewhere in the story (not a neighbour named in an internal war)
    return ("actor", Slot(None, True, other)) if other and other in frame.hostile else None


def internal_conflict(g: Grammar, d: Any, frame: Frame) -> Any:
    """"Gunmen attacked the government palace", "junta aircraft bombed Lashio": an attack with no named attacker
    in the story's own country, where no other state uses force, is internal (the country's own forces or factions)."""
    if d.pattern.type != "ASSAULT" or (d.actor is not None and d.actor.key) or d.recipient is None:
        return None
    rec = d.recipient.iso
    if not rec or d.loc_country not in (None, rec) or rec != frame.home() or frame.hostile - {rec} \
            or (frame.counts + frame.places)[rec] < _STORY:  # (a story about that country)
        return None
    return "actor", Slot(d.actor.mention if d.actor is not None else None, True, rec)


def sentence_state_organ(g: Grammar, d: Any, frame: Frame) -> Any:
    """"A French teacher was detained in March; the Iranian authorities gave no reason": an
    agentless arrest is the act of the state organ the same sentence names (not the detainee's state)."""
    if d.pattern.type != "COERCE" or d.loc_country or not d.toks \
            or (d.actor is not None and (d.actor.mention is not None or not d.actor.implicit)):
        return None  # runs after the state-act fallback (the state where it happened, else the detainee's)
    rec = d.recipient.iso if d.recipient is not None else None
    lo, hi = d.toks[0].start, d.toks[-1].end
    organs = [m for m in frame.between(lo, hi) if m.country and m.country != rec
              and m.sector in STATE_SECTORS and m.kind in ("role", "institution")]
    return ("actor", Slot(organs[0], True)) if len({m.country for m in organs}) == 1 else None


def event_noun_target(g: Grammar, d: Any, frame: Frame) -> Any:
    """"une frappe aérienne sur le consulat", "a strike on the consulate", "удар по консульству": what
    follows the attack noun's target preposition is the target, never the attacker."""
    m = d.actor.mention if d.actor is not None else None
    if m is None or d.pattern.type != "ASSAULT" or not d.toks:
        return None
    preps = g.recipient_preps.get("ASSAULT")
    first = next((k for k, t in enumerate(d.toks) if t.start >= m.start), None)
    if not preps or first is None:
        return None
    for k in range(first - 1, max(-1, first - 4), -1):
        if not d.toks[k].is_word:
            return None
        if preps.has(d.toks[k]):
            if not any(g.words["weapons"].has(t) for t in d.toks[max(0, k - 3):k]):
                return None
            if d.recipient is None or not d.recipient.key:
                d.recipient = Slot(m)
            return "actor", None
    return None


def possessive_target(g: Grammar, d: Any, frame: Frame) -> Any:
    """"Azerbaijan condemned the strike on its embassy in Kyiv", "verurteilte den Angriff auf seine Botschaft":
    a target introduced by a possessive belongs to the party named before it, not to the town it stands in."""
    r = d.recipient.mention if d.recipient is not None else None
    if r is None or r.kind not in ("role", "institution") or r.country or not d.toks:
        return None
    prev = [k for k, t in enumerate(d.toks) if t.end <= r.start]
    if not prev or not _config_words(g.lang, "own_reference").has(d.toks[prev[-1]]):
        return None
    own = d.actor.iso if d.actor is not None else None  # ("X summoned ... after a Russian drone hit its embassy": X's)
    named = [x for x in frame.between(d.toks[0].start, d.toks[prev[-1]].start) if x.country and x is not r
             and x.role != "place" and x.end <= d.toks[prev[-1]].start]
    owner = next((x for x in reversed(named) if x.country != own), None)
    if owner is None:  # "Azerbaijan condemned the attack on its embassy": its own, no target of its act
        return ("recipient", None) if own and d.pattern.type != "ASSAULT" and named else None
    return "recipient", Slot(r, False, owner.country, r.sector)


def foreigners_held_by_home(g: Grammar, d: Any, frame: Frame) -> Any:
    """"Zwei russische Staatsbürger wurden verhaftet" in a story set in Georgia: people named by a foreign
    nationality and arrested by no named agent are held by the state the story is about, not by their own."""
    r = d.recipient.mention if d.recipient is not None else None
    if d.pattern.type != "COERCE" or d.loc_country or r is None or r.kind != "adjective" or not r.country \
            or d.actor is None or d.actor.mention is not None or not d.actor.implicit or d.actor.iso != r.country:
        return None
    home = frame.home()
    return ("actor", Slot(None, True, home, "GOV")) if home and home != r.country else None


def charge_by_the_state(g: Grammar, d: Any, frame: Frame) -> Any:
    """"Мэру предъявили обвинение", "Gegen den Offizier wurde Anklage erhoben": a criminal charge with
    no named prosecutor is brought by the state where the accused is tried (the place, else the accused's,
    else the story's country)."""
    if d.pattern.type != "ACCUSE" or d.actor is not None \
            or not ("charge" in d.pattern.id.split(".") or "legal" in (d.pattern.context or [])):
        return None
    rec = d.recipient.iso if d.recipient is not None else None
    country = d.loc_country or rec or frame.home()
    return ("actor", Slot(None, True, country, "JUD")) if country else None


def mediator_not_party(g: Grammar, d: Any, frame: Frame) -> Any:
    """"за посередництва Катару сторони обмінялися полоненими", "a swap mediated by Qatar": a
    party named as the mediator is not a side of the act it mediates (only of a mediation event)."""
    m = d.actor.mention if d.actor is not None else None
    if m is None or d.pattern.cameo == "045" or "mediate" in d.pattern.id.split(".") or not d.toks:
        return None
    words = _config_words(g.lang, "mediation_words", False)
    before = [t for t in d.toks if t.end <= m.start][-3:]
    return ("actor", None) if any(words.has(t) for t in before) else None


_STORY = 3  # mentions (as party or place) that make a country the one a domestic story is about
_BACK = 6  # sentences a reply may look back for the act it answers ("... the Kremlin rejected the accusations")


def _no_recipient(d: Any) -> bool:
    """The draft names no party as its recipient (none, or a person or group without a country)."""
    r = d.recipient
    if r is None or r.iso:
        return r is None
    m = r.mention  # a sector code ("OPP", "GOV") names no party; an organisation's ("EU", "NATO") does
    return not r.code and (m is None or m.code in (None, m.sector))


def _near(d: Any, frame: Frame, back: int, ahead: int) -> list[Any]:
    """Drafts from `back` sentences before d to `ahead` after it, nearest first in each direction (the
    drafts come sentence by sentence, so the walk stops at the first one out of range: constant work)."""
    n = frame.position.get(id(d))
    if n is None:
        return []
    out = []
    for m in range(n - 1, -1, -1):
        if d.sent - frame.drafts[m].sent > back:
            break
        out.append(frame.drafts[m])
    for m in range(n + 1, len(frame.drafts)):
        if frame.drafts[m].sent - d.sent > ahead:
            break
        out.append(frame.drafts[m])
    return out


def _joins_other(d: Any, frame: Frame, got: Slot | None) -> bool:
    """An undated material act joins a dated report of the same type near it with the same recipient
    (incidents.merge): a guessed recipient must not join it to another party's act."""
    if got is None or d.dated or not (ontology.quad_class(d.pattern.type) or "").startswith("material"):
        return False
    own = d.actor.key if d.actor is not None else None
    return any(o.dated and o.pattern.type == d.pattern.type and o.recipient is not None
               and o.recipient.iso == got.iso and (o.actor.key if o.actor is not None else None) != own
               for o in _near(d, frame, 4, 4))


def _give(d: Any, frame: Frame, got: Slot | None) -> Any:
    """("recipient", got) for the engine, or None when there is nothing to give or it would merge wrongly."""
    return None if got is None or _joins_other(d, frame, got) else ("recipient", got)


def _earlier(d: Any, frame: Frame, sentences: int) -> list[Any]:
    """Drafts told before d (latest first) at most `sentences` sentences back, facts only."""
    return [o for o in _near(d, frame, sentences, -1) if o.sent <= d.sent and not o.hypothetical and not o.negated]


def _filled(d: Any, country: str | None, src: Slot | None = None) -> Slot | None:
    """The recipient slot for an inferred party: a countryless mention keeps its words, gains the country."""
    if src is not None:
        return src.copy()
    if not country:
        return None
    m = d.recipient.mention if d.recipient is not None else None
    return Slot(m, True, country, m.sector if m is not None else None)


def reply_to_accuser(g: Grammar, d: Any, frame: Frame) -> Any:
    """"Bucharest accused Moscow of interference. ... The Kremlin denied any involvement": a denial with
    no named addressee answers the latest party that acted on the denying one (some sentences back)."""
    if d.pattern.type != "REJECT" or not _no_recipient(d) or d.actor is None or not d.actor.key:
        return None
    for o in _earlier(d, frame, _BACK):
        if o.recipient is not None and o.recipient.key == d.actor.key and o.actor is not None \
                and o.actor.key and o.actor.key != d.actor.key:
            return _give(d, frame, _filled(d, None, o.actor))
    return None


def anaphoric_previous(g: Grammar, d: Any, frame: Frame) -> Any:
    """"Warsaw reopened the crossing on Monday. Minsk welcomed the reopening": an object that refers
    back to an act ("the decision", "эти претензии", "incidentul") aims at the party that did it
    (at its target when the same party did it: "Moscow cut supplies ... Moscow denied the blockade")."""
    if not (d.anaphoric_object or d.definite) or not _no_recipient(d) or d.pattern.type == "MOBILIZE":
        return None
    own = d.actor.key if d.actor is not None else None
    for o in _earlier(d, frame, 2):
        if o.sent == d.sent and not d.anaphoric_object:
            continue
        if o.actor is not None and o.actor.key and o.actor.key != own:
            return _give(d, frame, _filled(d, None, o.actor))
        if o.actor is not None and o.actor.key == own and own and o.recipient is not None \
                and o.recipient.key and o.recipient.key != own:
            return _give(d, frame, _filled(d, None, o.recipient))
    return None


def domestic_target(g: Grammar, d: Any, frame: Frame) -> Any:
    """"Ramaphosa congratulated Chapo", "the government rejected this as a lie", "accusato l'opposizione":
    a target with no country of its own (a person, group or institution, or none named) belongs to the
    country where the act happens, else to the country the story is about (implicit)."""
    if not _no_recipient(d) or d.pattern.type in ("ASSAULT", "MOBILIZE"):  # these have their own fallbacks
        return None
    country = d.loc_country or frame.home()
    named = d.recipient is not None and d.recipient.mention is not None
    if not country or (frame.counts + frame.places)[country] < _STORY and (
            d.loc_country is None or (d.actor is not None and country == d.actor.iso and not named)):
        return None  # "Slovakia extended the import ban": no sign its own country is the target
    return _give(d, frame, _filled(d, country))


_LIST_GAP = 2  # words between the last subject of a list and its verb ("... and Chile all criticised")
_JOINT = (*SYMMETRIC, "RETREAT", "MOBILIZE", "support.sign")  # done with a partner: "exchanged", "signed", "joint drills"


def _joint(g: Grammar, d: Any) -> bool:
    """An act two parties do together, whose second conjunct is the partner (events.yaml `symmetric`)."""
    sym = g.config.get("symmetric") or _JOINT
    return d.pattern.type in sym or d.pattern.type in _JOINT or d.pattern.id.split(".", 1)[-1] in sym


def coactor_not_target(g: Grammar, d: Any, frame: Frame) -> Any:
    """"Brazil, Colombia, Argentina and Chile all criticised the raid", "Lula und die spanische Regierung
    verurteilten ...", "aerei russi e siriani hanno bombardato": the last conjunct of a list of subjects
    acts with the first, it is not the target."""
    a = d.actor.mention if d.actor is not None else None
    r = d.recipient.mention if d.recipient is not None else None
    if a is None or r is None or d.passive or not d.toks or _joint(g, d):
        return None
    anchor = d.toks[d.anchor].start
    first, last = (a, r) if a.start < r.start else (r, a)
    if not (first.end <= last.start and last.end <= anchor):
        return None
    before = [t for t in d.toks if first.end <= t.start and t.end <= last.start]
    k = len(before) - 1
    while k >= len(before) - _LIST_GAP and k >= 0 and before[k].is_word \
            and before[k].lower[:1] == before[k].text[:1] and not g.words["coordinators"].has(before[k]):
        k -= 1  # "und die spanische Regierung", ", la Colombie": articles and adjectives of the next conjunct
    if k < 0 or len(before) > _LIST_GAP * 2 or not (g.words["coordinators"].has(before[k]) or before[k].text == ","):
        return None
    if before[k].text == "," and not all(g.words["definite"].has(t) for t in before[k + 1:]):
        return None  # "Qatar, to whom Zelensky gave thanks": after a bare comma only an article opens a conjunct
    # up to the verb: a few words ("all"), or the rest of the list (", Argentina and Chile")
    after = [t for t in d.toks if last.end <= t.start < anchor]
    listed = any(t.text == "," or g.words["coordinators"].has(t) for t in after)
    if len(after) > (_LIST_GAP * 3 if listed else _LIST_GAP) or any(not t.is_word and t.text != "," for t in after):
        return None
    return "recipient", None


def instrumental_agent(g: Grammar, d: Any, frame: Frame) -> Any:
    """"Самолёт был повреждён российской системой ПВО", "судно обстріляли російськими прикордонниками": a
    nationality adjective in the instrumental after a passive participle names the agent; the passive
    subject ("украинский катер") is the target (events.yaml config `instrumental_adjectives`, `_nouns`)."""
    adj = _config_words(g.lang, "instrumental_adjectives")
    if not adj or not d.toks or not (d.passive or g.words["participle"].has(d.toks[d.anchor])):
        return None
    nouns, preps = _config_words(g.lang, "instrumental_nouns"), _config_words(g.lang, "instrumental_preps")
    starts = {t.start: k for k, t in enumerate(d.toks)}
    for m in _mentions_in(frame, d):
        k = starts.get(m.start)
        if m.kind != "adjective" or not m.country or k is None or k <= d.anchor or k + 1 >= len(d.toks):
            continue
        if not (adj.has(d.toks[k]) and nouns.has(d.toks[k + 1])) or preps.has(d.toks[k - 1]):
            continue
        old = d.actor.mention if d.actor is not None else None
        if d.recipient is not None and d.recipient.mention is m:
            d.recipient = None
        if old is not None and old is not m and old.country and old.country != m.country \
                and old.start < d.toks[d.anchor].start and _no_recipient(d):
            d.recipient = Slot(old)  # the passive subject was taken for the agent
        return "actor", Slot(m)
    return None


RULES = (event_noun_target, possessive_target, reported_speaker, weapon_nationality, instrumental_agent, participle_agent, mediator_acts,
         mediator_not_party, own_possessive, organ_where_it_acts, coactor_not_target, domestic_group,
         sentence_state_organ, foreigners_held_by_home, charge_by_the_state, frame_dyad_actor, frame_dyad_attacker,
         internal_conflict,
         reply_to_accuser, anaphoric_previous, domestic_target)
