"""The event coder: trigger patterns per sentence, grouped into events with roles, modality, date and place."""
from __future__ import annotations

import re
from copy import copy
from dataclasses import replace

from ..model import Document, Event, Mention, Place, TimeX
from .anchors import event_date, place_of, place_spans, undated
from .by_sentence import by_sentence
from .draft import BREAK_PUNCT, Draft, clause_index, clauses, tok_index
from .guards import is_adverbial, is_attributive_participle, is_label, is_noun_modifier
from .incidents import merge
from ..pipeline import register
from . import ontology
from .lemmas import Token, tokenize
from .modality import (Modality, is_conditional, is_future, is_hypothetical, is_negated, is_plotted, modality,
                       new_report, sentence_attribution)
from .patterns import Grammar, Pattern, grammar, head, match
from .role_engine import document_roles, note, role_suffix, sentence_roles
from .role_facts import SentenceFacts, appositive_reply
from .roles import Frame, Slot

# CAMEO sector/group codes that are not countries (a mention's country must be an ISO3 state)
_NOT_COUNTRIES = frozenset("GOV MIL REB OPP PTY COP JUD SPY MED EDU BUS CRM CVL IGO NGO ELI LEG LAB REF "
                           "HLH AGR UAF SET MOD RAD IMG INS".split())
# PLOVER: cooperative acts announced for the future are AGREE ("express intent to ...")
_INTENT_AGREE = {"CONSULT": "036", "SUPPORT": "032", "COOPERATE": "031", "AID": "033"}
# events embedded under these are their content, not facts: "agreed to expand", "demanded the release"
_EMBEDDING = ("AGREE", "REQUEST", "THREATEN", "REJECT")
# an allegation embeds what it alleges: "accused X of blocking a shipment" (not "condemned the attack")
_EMBEDDING_MODES = {("ACCUSE", "allege")}
# types whose trigger carries its own condition ("threatened to ... if ..."): cues after it do not count
_CONDITIONAL = ("THREATEN",)
# a coercive act announced under a condition is a threat (config conditional_threats): "will block ... if"
_THREAT_CAMEO = {"SANCTION": "1312", "COERCE": "132", "ASSAULT": "138"}
# a line without final punctuation, this short, inside the body is a crosshead ("Deux ans de rupture"):
# a section label, not a report (the headline block before the first body sentence is still coded)
_CROSSHEAD_MAX_WORDS = 12
_FINAL_PUNCT = re.compile(r"[.!?…;:][\"'»«“”„)\]]*$")


_OPEN_QUOTES = frozenset({'"', "„", "“", "«", "‚", "'", "»"})
_ELISION = frozenset({"'", "’"})  # the apostrophe of an elided article or preposition


def _quoted_label(g: Grammar, toks: list[Token], i: int) -> bool:
    """A trigger inside a quote opened right after a label word ("verurteilte X als „Angriff auf ...",
    "what it calls \"hybrid attacks\""): a characterisation, not a report of the act."""
    for j in range(i - 1, max(0, i - 3), -1):
        if toks[j].text in _OPEN_QUOTES:
            return g.words["label_words"].has(toks[j - 1])
    return False


def _dateline(text: str, sent_start: int, m: Mention) -> bool:
    """"KYIV, March 3 (Wire) - ...": the upper-case place opening a wire story is no party."""
    word = text[m.start:m.end]
    return m.start == sent_start and word.isupper() and len(word) > 3 and text[m.end:m.end + 1] == ","


def _after_word(text: str, start: int, words: set[str]) -> bool:
    """The word right before text[start] is one of `words` (lower case)."""
    before = text[max(0, start - 25):start].split()
    return bool(before) and before[-1].lower() in words


def _after(tx: TimeX, published: str | None) -> bool:
    """The time expression lies wholly after publication ("talks next month")."""
    start = (tx.date() or {}).get("start") if published else None
    return bool(start) and start > published[:10]


class EventCoder:
    name = "coder"
    requires: tuple[str, ...] = ("sentences", "actors", "places", "times", "attributions")
    provides: tuple[str, ...] = ("events",)

    def __init__(self, lang: str):
        self.lang = lang

    # -- per sentence ------------------------------------------------------------------------
    def _hits(self, g: Grammar, toks: list[Token], cl: list[tuple[int, int]], has_time: bool):
        hits: list[tuple[Pattern, list[int], int]] = []
        for cs, ce in cl:
            for i in range(cs, ce):
                for pat, trig in g.first_hits(toks[i]):
                    got = match(trig, toks, i, ce, g.words["coordinators"])
                    if got is None:
                        continue
                    if pat.unless and any(pat.unless.has(toks[j]) for j in range(cs, ce) if j not in got):
                        continue
                    if pat.needs and not any(pat.needs.has(toks[j]) for j in range(cs, ce) if j not in got):
                        continue
                    # "адвокат задержанного": a participle in an oblique case names a person, it tells no act
                    if not pat.noun and g.words["non_predicates"].has_surface(toks[head(trig, got)]):
                        continue
                    if _quoted_label(g, toks, min(got)):
                        continue
                    hd = head(trig, got)
                    if is_label(g, toks, hd) or is_adverbial(g, toks, hd) or is_noun_modifier(g, pat, toks, hd) \
                            or is_attributive_participle(g, pat, toks, hd):
                        continue
                    hits.append((pat, got, head(trig, got)))
        # a token serves one pattern: the longest trigger, then the one that starts first (the governing verb:
        # "demanded the release of"), then the earlier pattern in the file
        hits.sort(key=lambda h: (-len(h[1]), min(h[1]), h[0].order))
        used: set[int] = set()
        out = []
        for pat, got, hd in hits:
            if used.intersection(got):
                continue
            used.update(got)
            out.append((pat, sorted(got), hd))
        out.sort(key=lambda h: h[1][0])
        return out

    def _nominal_ok(self, g: Grammar, toks: list[Token], idx: int, has_time: bool) -> bool:
        """A bare event noun is an event when dated, introduced as new ("a strike"), or aimed ("strike on");
        not when it is only talked about ("claims about attacks")."""
        topic = g.words["topic_preps"]
        for j in range(idx - 1, max(-1, idx - 3), -1):
            if topic.has(toks[j]):
                # "объявил о заморозке участия": announcing one's own measure is the measure
                return j > 0 and g.words["announce_verbs"].has(toks[j - 1]) \
                    and not any(toks[k].is_word for k in range(j + 1, idx))
        if has_time:
            return True
        indef, glue = g.words["indefinite"], g.words["np_glue"]
        for j in range(idx - 1, max(-1, idx - 5), -1):
            if toks[j].text in _ELISION and j == idx - 1 and toks[j].start == toks[j - 1].end:
                continue  # "un'offensiva", "d'une attaque": the elided article is glued to its noun
            if not toks[j].is_word or glue.has(toks[j]):
                break
            if indef.has(toks[j]):
                return True
        if not g.config.get("articles", True):
            preps = g.recipient_preps.get("ASSAULT") or g.recipient_preps.get("default")
            for j in range(idx + 1, min(len(toks), idx + 3)):
                if preps is not None and preps.has(toks[j]):
                    return True
        return False

    def _group(self, g: Grammar, si: int, toks: list[Token], cl: list[tuple[int, int]],
               hits: list[tuple[Pattern, list[int], int]], times: list[TimeX], adjectives: set[int]) -> list[Draft]:
        clause_of = {}
        for n, (cs, ce) in enumerate(cl):
            for i in range(cs, ce):
                clause_of[i] = n
        drafts: list[Draft] = []
        repeat = g.words["repeat"]
        for pat, got, hd in hits:
            ci = clause_of.get(hd, 0)
            prev = drafts[-1] if drafts else None
            det = self._determiner(g, toks, hd, adjectives)
            noun = pat.noun or det != ""  # "the strikes", "a visit": a verb form used as a noun
            if noun and got[0] >= 2 and toks[got[0] - 2].text == "," and appositive_reply(g, toks, got[0] + 2) \
                    == got[0] - 2:
                continue  # ", an allegation Y denied": the noun names the act just told, it is no new one
            distinct = prev is not None and prev.verb and not noun and bool(pat.mode) and bool(prev.pattern.mode) \
                and pat.mode != prev.pattern.mode  # "expelled the attaché and imposed sanctions": two acts
            # "the strike came hours after drones hit a refinery": a subordinator orders two events
            distinct = distinct or (prev is not None and any(
                g.words["sequence_breaks"].has(toks[j]) for j in range(prev.tokens[-1] + 1, got[0])))
            # "condemned the exercises and put its forces on alert": a verb after "and" opens a new predicate
            distinct = distinct or (prev is not None and not prev.verb and not noun and got[0] > 0
                                    and g.words["coordinators"].has(toks[got[0] - 1]))
            # "Россия ограничила ввоз ..., а Казахстан приостановил транзит": comma + coordinator opens a new act
            distinct = distinct or (prev is not None and prev.verb and not noun and any(
                toks[j].text == "," and g.words["coordinators"].has(toks[j + 1])
                for j in range(prev.tokens[-1] + 1, got[0] - 1)))
            if prev is not None and prev.pattern.type == pat.type and not distinct:
                between = range(prev.tokens[-1] + 1, got[0])
                if not any(repeat.has(toks[j]) for j in range(prev.tokens[-1] + 1, min(len(toks), got[-1] + 3))) \
                        and abs(clause_of.get(prev.anchor, 0) - ci) <= 2 and len(between) < 40:
                    prev.tokens.extend(got)
                    if noun:
                        prev.noun_tokens.extend(got)
                    elif not prev.verb:  # a verb anchors the event better than a noun
                        prev.verb, prev.anchor, prev.pattern = True, hd, pat
                        prev.clause = cl[ci]
                        prev.next_clause_end = cl[ci + 1][1] if ci + 1 < len(cl) else cl[ci][1]
                    prev.rules.append(pat.id)
                    continue
            drafts.append(Draft(pat, si, list(got), list(got) if noun else [], not noun, hd, cl[ci],
                                cl[ci + 1][1] if ci + 1 < len(cl) else cl[ci][1], rules=[pat.id],
                                definite=det == "definite"))
        keep = []
        for d in drafts:
            cs, ce = d.clause
            dated = any(toks[cs].start <= t.start < toks[ce - 1].end for t in times if not t.relation)
            if not dated and not d.verb and not g.config.get("articles", True):
                # no articles (ru, uk): a date earlier in the same clause, cut off only by commas around an
                # inserted phrase ("В воскресенье военные, дислоцированные там, провели учения"), dates it
                lo, breaks = cs, g.words["clause_breaks"]
                n = clause_index(cl, d.anchor) or 0
                while n > 0 and toks[cl[n][0] - 1].text == "," and not breaks.has(toks[cl[n][0]]) \
                        and not breaks.has(toks[cl[n - 1][0]]):
                    n -= 1
                    lo = cl[n][0]
                dated = any(toks[lo].start <= t.start < toks[ce - 1].end for t in times if not t.relation)
            if not d.verb and not self._nominal_ok(g, toks, d.anchor, dated):
                continue
            keep.append(d)
        # each event's scope: from the boundary after the previous event to the boundary before the next
        for n, d in enumerate(keep):
            start = 0 if n == 0 else self._boundary(g, toks, max(keep[n - 1].tokens), min(d.tokens))
            end = len(toks) if n == len(keep) - 1 else self._boundary(g, toks, max(d.tokens), min(keep[n + 1].tokens))
            d.scope_tokens = (start, end)
            if n > 0:
                d.prev_in_sentence = keep[n - 1]
            if n > 0 and keep[n - 1].verb and d.verb and self._coordinated(g, toks, keep[n - 1], d):
                d.shares_subject = keep[n - 1]
                d.coordinated = True
            cs, ce = d.clause
            d.full_clause = d.clause
            if max(cs, start) < min(ce, end):
                d.clause = (max(cs, start), min(ce, end))
        return keep

    @staticmethod
    def _organ_country(d: Draft, ments: list[Mention], places: list[Place], slot: Slot | None = None) -> str | None:
        """"Министерство иностранных дел Украины", "the ministry in Vilnius": the country right after
        (of the actor, or of the given slot: "accused the authorities in Transnistria")."""
        slot = d.actor if slot is None else slot
        m = slot.mention if slot is not None else None
        if m is None or m.country:
            return None
        verb = d.toks[d.anchor].start if d.toks else m.end
        near = [x for x in list(ments) + list(places) if x.country and 0 <= x.start - m.end <= 25
                and not m.end <= verb < x.start]
        if near:
            return min(near, key=lambda x: x.start).country
        # "Минобороны России заявило, что силы ПВО ...": an organ of the same kind named before it
        same = [x for x in ments if x.country and x.end <= m.start and m.sector and x.sector == m.sector]
        return same[-1].country if same else None

    @staticmethod
    def _determiner(g: Grammar, toks: list[Token], i: int, adjectives: set[int]) -> str:
        """"definite"/"indefinite" when a determiner (or a possessive "'s") directly precedes toks[i];
        "modifier" after a national adjective ("Ukrainian attacks")."""
        if i == 0 or not g.config.get("articles", True):
            return ""
        if g.words["never_nouns"].has_surface(toks[i]):  # "les accusant": a clitic before a participle
            return ""
        prev = toks[i - 1]
        if i - 1 in adjectives:
            return "modifier"
        if g.words["definite"].has_surface(prev) or (prev.lower == "s" and i > 1 and toks[i - 2].text in "'’"):
            return "definite"
        if g.words["indefinite"].has_surface(prev):
            return "indefinite"
        return ""

    @staticmethod
    def _coordinated(g: Grammar, toks: list[Token], a: "Draft", b: "Draft") -> bool:
        """"X rejected the claims and summoned Y": a coordinator, no punctuation, joins the two verbs."""
        lo, hi = max(a.tokens), min(b.tokens)
        coord = [j for j in range(lo + 1, hi) if g.words["coordinators"].has(toks[j])]
        return bool(coord) and not any(toks[j].text in BREAK_PUNCT for j in range(coord[-1], hi)) \
            and coord[-1] >= hi - 3 \
            and not any(g.words["complementizers"].has(toks[j]) for j in range(max(lo + 1, coord[-1] - 3), coord[-1]))
        # ("пообіцяла, що Вільнюс і надалі підтримуватиме": an "and" right after the complement's subject
        # lies inside the complement and joins nothing to "promised")

    @staticmethod
    def _boundary(g: Grammar, toks: list[Token], a: int, b: int) -> int:
        """Where one event's stretch of the sentence ends and the next begins: punctuation or a
        subordinator between them, else a coordinator, else the next trigger itself."""
        for j in range(b - 1, a, -1):
            # (a quote mark is no boundary: 'filed a "formal complaint" with Riga and asked ...')
            if (toks[j].text in BREAK_PUNCT and toks[j].text not in _OPEN_QUOTES) or g.words["clause_breaks"].has(toks[j]):
                return j
        for j in range(b - 1, a, -1):
            if g.words["coordinators"].has(toks[j]):
                return j
        return b

    # -- layers ----------------------------------------------------------------------------
    def _passive(self, g: Grammar, toks: list[Token], d: Draft) -> bool:
        if not d.verb:
            return False
        if d.pattern.extra.get("voice") == "passive":  # "подвергся атаке", "зазнав удару"
            return True
        part = g.words["participle"]
        pv = toks[d.anchor]
        if not part.has_surface(pv):
            return False
        pcfg = g.config.get("passive") or {}
        not_with = pcfg.get("not_with") or ()
        if pv.lemma in not_with or pv.lower in not_with:  # "est arrivée": a perfect with "être", not a passive
            return False
        refl = pcfg.get("reflexive") or ()
        if any(toks[j].lower in refl for j in range(max(0, d.anchor - 3), d.anchor)):
            return False  # "se sont retirés": the compound past of a pronominal verb, not a passive
        if not pcfg.get("aux_required", True):
            return True
        a = d.anchor
        if 0 < a < len(toks) - 1 and toks[a - 1].text == ",":
            # an apposition: "Rwanda, accused by Kinshasa of ...", "Rwanda, acuzată de Kinshasa", "..., sequestrati
            # il primo settembre dalle forze di Haftar" (a date may stand between)
            b = next((j for j in range(a + 1, len(toks)) if j not in d.time_tokens), len(toks))
            if b < len(toks) and g.words["agent_preps"].has(toks[b]):
                return True
        cs, ce = d.clause
        if d.full_clause[1] and d.prev_in_sentence is not None:
            # "the strike on the depot was condemned": the auxiliary may stand before the event's scope, though
            # not before the previous event's trigger ("era stata arrestata ... con l'accusa": not accusa's)
            cs = min(cs, max(d.full_clause[0], max(d.prev_in_sentence.tokens) + 1))
        return any(g.words["passive_aux"].has(toks[j]) for j in range(cs, ce))

    # -- document ----------------------------------------------------------------------------
    def __call__(self, doc: Document) -> Document:
        lang = doc.language or self.lang
        g = grammar(lang)
        mod = modality(lang)
        actors = [replace(m, country=None) if m.country in _NOT_COUNTRIES else m for m in doc.actors]
        flags = {w.lower() for w in g.config.get("flag_words") or []}
        if flags:  # "под флагом Панамы": the ship's registry is no party to the event
            actors = [m for m in actors if not _after_word(doc.clean, m.start, flags)]
        frame = Frame.of(doc, actors)
        drafts: list[Draft] = []
        carried = None
        head_end, body = doc.clean.find("\n"), False
        # each layer split by sentence once (filtering the whole layer per sentence is quadratic in length)
        layers = [by_sentence(doc.sentences, x) for x in (actors, doc.attributions, doc.times, doc.places)]
        for si, sent in enumerate(doc.sentences):
            toks = tokenize(sent.text, lang, sent.start)
            if not toks:
                continue
            if 0 <= head_end < sent.start:  # below the headline line
                if _FINAL_PUNCT.search(sent.text.rstrip()):
                    body = True
                elif body and len(toks) <= _CROSSHEAD_MAX_WORDS:
                    carried = None  # a crosshead: no events, and a new section
                    continue
            carried = self._sentence(doc, g, mod, si, toks, [layer[si] for layer in layers], carried, drafts)
        document_roles(drafts, frame)
        time_starts = [t.start for t in doc.times]
        if any(a > b for a, b in zip(time_starts, time_starts[1:])):
            time_starts = None  # not in text order: undated() scans them all
        for d in drafts:
            if d.date is None and doc.published and not d.hypothetical:
                d.date = undated(doc, d, time_starts)
        drafts = merge(drafts)
        doc.events = [self._event(doc, lang, d) for d in drafts]
        return doc

    def _sentence(self, doc: Document, g: Grammar, mod: Modality, si: int, toks: list[Token], layers: list[list],
                  carried: object, drafts: list[Draft]) -> object:
        """Code one sentence: its drafts, with roles, place, date and modality, appended to `drafts`;
        returns the attribution carried to the next sentence."""
        sent = doc.sentences[si]
        starts = [t.start for t in toks]
        ments, attribs, times, places = layers
        role_ments = [(tok_index(starts, m.start), tok_index(starts, max(m.start, m.end - 1)), m)
                      for m in ments if m.kind != "outlet" and not any(a.start <= m.start < a.end for a in attribs)
                      and not _dateline(doc.clean, sent.start, m)]
        attribution, carried = sentence_attribution(mod, doc, si, toks, ments, attribs, carried)
        cl = clauses(g, toks)
        hits = self._hits(g, toks, cl, any(not t.relation for t in times))
        if not hits:
            return carried
        # a bare national adjective ("Ukrainian attacks"), not one heading its own noun ("Ukrainian drones hit")
        adjectives = {j for i, j, m in role_ments if m.kind == "adjective" and i == j}
        facts = SentenceFacts.of(g, toks, role_ments)  # what every role rule reads, once per sentence
        first_of_sentence = len(drafts)  # drafts[first_of_sentence:] are this sentence's
        for d in self._group(g, si, toks, cl, hits, times, adjectives):
            d.toks = toks
            d.time_tokens = frozenset(i for t in times for i in range(len(toks)) if t.start <= toks[i].start < t.end)
            d.passive = self._passive(g, toks, d)
            sentence_roles(facts, d)
            self._place(g, toks, cl, starts, places, ments, drafts, d)
            self._scope(doc, g, mod, toks, cl, times, starts, d)
            d.attribution = attribution
            d.mode, d.context = self._mode_context(g, toks, d)
            self._embedded(g, toks, cl, drafts[first_of_sentence:], d)
            if d.hyp_kind == "intent" and d.pattern.type in _INTENT_AGREE:
                d.etype, d.hypothetical = "AGREE", False
            threat = None
            if d.hyp_kind == "condition" and d.pattern.type in _THREAT_CAMEO and g.config.get("conditional_threats"):
                # "Будапешт заблокирует ..., если Брюссель не ...": the act may not happen, the threat has
                threat = copy(d)
                threat.etype, threat.hypothetical, threat.hyp_kind = "THREATEN", False, ""
            for t in (d, threat):
                if t is not None and (t.pattern.type == "THREATEN" or t.etype == "THREATEN"):
                    cp = self._condition_party(mod, toks, cl, t, role_ments)
                    if cp is not None and (t.recipient is None or t.etype == "THREATEN") \
                            and (t.actor is None or (cp.country or cp.code) != t.actor.key):
                        t.recipient = Slot(cp)  # the party the condition names is the one threatened
                        note(t, "recipient", "condition_party")
            drafts.extend(self._copies(d, threat))
        return carried

    def _place(self, g: Grammar, toks: list[Token], cl: list[tuple[int, int]], starts: list[int],
               places: list[Place], ments: list[Mention], drafts: list[Draft], d: Draft) -> None:
        """The event's place (or the one just named, for "the city"), and the parties places decide."""
        actor_m = d.actor.mention if d.actor is not None else None
        place = None
        for spans in place_spans(g, toks, cl, d):
            place = place or place_of(g, toks, starts, places, ments, spans, actor_m)
        if place is None and any(g.words["place_anaphora"].has(toks[j]) for j in range(*d.scope_tokens)):
            back = None  # (drafts are in sentence order: stop at the first one too far back)
            for o in reversed(drafts):
                if d.sent - o.sent > 2:
                    break
                if o.location:
                    back = o
                    break
            if back is not None:  # "the city": the place just named
                d.location, d.loc_country = back.location, back.loc_country
        if place is not None:
            d.location, d.loc_country = place.location(), place.country
        d.organ_country = self._organ_country(d, ments, places)
        rm = d.recipient.mention if d.recipient is not None else None
        if rm is not None and rm.kind == "role" and not rm.country:
            # only a town or region ("the authorities in Transnistria"), not another party ("... à l'Azerbaïdjan")
            rc = self._organ_country(d, [], [p for p in places if p.feature != "country"], d.recipient)
            if rc:
                d.recipient = Slot(rm, d.recipient.implicit, rc, rm.sector)
                note(d, "recipient", "organ_place")
        if d.recipient is None and d.pattern.recipient_place and place is not None and not d.pair_object \
                and place.start > toks[d.anchor].start - 40 and place.country:
            d.recipient = Slot(None, False, place.country, None, place.text, None, place.name)
            note(d, "recipient", "recipient_place")
            if place.feature == "country":
                d.location, d.loc_country = None, None

    def _scope(self, doc: Document, g: Grammar, mod: Modality, toks: list[Token], cl: list[tuple[int, int]],
               times: list[TimeX], starts: list[int], d: Draft) -> None:
        """Date, negation and hypothetical of the event (an asserted past event is not dated after publication)."""
        tx = event_date(g, toks, cl, times, starts, d)
        d.negated = is_negated(mod, toks, d.clause, d.tokens)
        # a threat is conditional by nature: "threatened to halt talks if ..." still happened
        hyp_clause = (d.clause[0], min(d.tokens)) if d.pattern.type in _CONDITIONAL else d.clause
        d.hyp_kind = is_hypothetical(mod, toks, hyp_clause, d.tokens, doc.sentences[d.sent], d.time_tokens,
                                     d.pattern.type, not d.verb)
        if not d.hyp_kind and d.pattern.type not in _CONDITIONAL \
                and is_conditional(mod, toks, cl, d.clause, g.words["coordinators"]):
            d.hyp_kind = "condition"
        if not d.hyp_kind and (is_plotted(mod, toks, d.anchor) or is_plotted(mod, toks, min(d.tokens))):
            d.hyp_kind = "modal"
        if tx is not None and not d.hyp_kind and not tx.relation \
                and is_future(mod, tx.date(), doc.published, d.pattern.type, not d.verb):
            d.hyp_kind = "future"  # "the summit takes place on October 15": announced, not yet a fact
        if tx is not None and not (d.hyp_kind == "" and _after(tx, doc.published)):
            d.date, d.dated = tx.date(), True
        d.hypothetical = bool(d.hyp_kind)

    @staticmethod
    def _copies(d: Draft, threat: Draft | None) -> list[Draft]:
        """The draft, its threat, and one copy per co-actor and co-recipient (the same in every other respect)."""
        out = [d] + ([threat] if threat is not None else [])
        if d.co_actor is not None and d.co_actor.iso != (d.actor.iso if d.actor else None):
            out.append(copy(d))
            out[-1].actor, out[-1].co_actor = d.co_actor, None
            note(out[-1], "actor", d.role_rules.get("co_actor", "co_actor"))
        if d.co_recipient is not None and d.recipient is not None:
            out.append(copy(d))  # "з делегаціями України та Росії": one event per recipient
            out[-1].recipient, out[-1].co_recipient = d.co_recipient, None
            note(out[-1], "recipient", d.role_rules.get("co_recipient", "co_recipient"))
        for extra in d.more_co_recipients if d.recipient is not None else []:  # "received the leaders of A, B and C"
            out.append(copy(d))
            out[-1].recipient, out[-1].co_recipient, out[-1].more_co_recipients = extra, None, []
            note(out[-1], "recipient", d.role_rules.get("co_recipient", "co_recipient"))
        for extra in d.more_co_actors:  # "Литва, Латвія та Естонія": one event per member
            out.append(copy(d))
            out[-1].actor, out[-1].co_actor, out[-1].more_co_actors = extra, None, []
            note(out[-1], "actor", d.role_rules.get("more_co_actors", "co_actor"))
        return out

    @staticmethod
    def _condition_party(mod: Modality, toks: list[Token], cl: list[tuple[int, int]], d: Draft,
                         role_ments: list[tuple[int, int, Mention]]) -> Mention | None:
        """"ответит, если эстонская сторона ...": the first party of the neighbouring "if" clause."""
        n = clause_index(cl, d.anchor)
        if n is None or not mod.conditional:
            return None
        for k in (n + 1, n - 1):
            if 0 <= k < len(cl) and mod.conditional.has(toks[cl[k][0]]):
                got = [m for i, _, m in role_ments if cl[k][0] <= i < cl[k][1] and m.role != "place"
                       and (m.country or m.code)]
                if got:
                    return got[0]
        return None

    @staticmethod
    def _embedded(g: Grammar, toks: list[Token], cl: list[tuple[int, int]], earlier: list[Draft], d: Draft) -> None:
        """An event in the complement of an agreement, demand, threat or denial is its content, not a fact."""
        comp = g.words["complementizers"]
        for o in earlier:
            if (o.pattern.type not in _EMBEDDING and (o.pattern.type, o.pattern.mode) not in _EMBEDDING_MODES) \
                    or o.anchor >= d.anchor:
                continue
            if d.shares_subject is o and EventCoder._coordinated(g, toks, o, d):
                continue  # coordinated verbs: "denied any role and warned that ..."
            if new_report(modality(g.lang), toks, max(o.tokens) + 1, min(d.tokens)):
                continue  # "accused X and announced that ... would": the content of the second report
            if d.verb and appositive_reply(g, toks, d.anchor) is not None:
                return  # "blamed X for ..., an allegation Y denied": the reply, not the content of the charge
            if d.verb and d.anchor >= 2 and toks[d.anchor - 2].text == "," \
                    and g.words["coordinators"].has(toks[d.anchor - 1]):
                return  # "warned it would retaliate if ..., and closed the border": a new predicate of the main clause
            same = o.full_clause[0] <= d.anchor < o.full_clause[1]
            nxt = [c for c in cl if c[0] >= o.full_clause[1]]
            follows = bool(nxt) and nxt[0][0] <= d.anchor < nxt[0][1] and (
                comp.has(toks[nxt[0][0]]) or not g.words["clause_breaks"].has(toks[nxt[0][0]]))
            if same or follows:
                d.hypothetical, d.hyp_kind = True, "embedded"
                if o.pattern.type in ("AGREE", "THREATEN") and o.recipient is None and d.recipient is not None \
                        and d.recipient.key and (o.actor is None or d.recipient.key != o.actor.key):
                    o.recipient = d.recipient.copy()  # "promised to keep supporting Kyiv": Kyiv is the promisee
                    note(o, "recipient", "promisee_in_content")
                return

    def _mode_context(self, g: Grammar, toks: list[Token], d: Draft) -> tuple[str | None, list[str]]:
        s, e = d.scope_tokens
        seen: set[tuple[str, str]] = set()
        for j in range(s, e):
            seen.update(_labels(g, toks[j]))
        mode = d.pattern.mode
        # a cue word sets the mode of a general pattern; a specific one keeps its own ("car bomb": explosives)
        specific = bool(mode) and len(d.pattern.cameo or "") == 4
        for m, _ in g.modes.get(d.pattern.type, []):
            if (d.pattern.type, m) in seen and not specific:
                mode = m
                break
        ctx = list(d.pattern.context)
        for c, _ in g.contexts:
            if c not in ctx and ("", c) in seen:
                ctx.append(c)
        return mode, ctx

    def _event(self, doc: Document, lang: str, d: Draft) -> Event:
        sent = doc.sentences[d.sent]
        toks = d.toks
        first, last = toks[min(d.tokens)], toks[max(d.tokens)]
        idx = sorted(d.tokens)
        text = " ... ".join(doc.clean[toks[a].start:toks[a].end] for a in idx) if idx[-1] - idx[0] >= len(idx) \
            else doc.clean[first.start:last.end]
        cameo = d.pattern.cameo
        etype = d.etype or d.pattern.type
        if etype != d.pattern.type:
            cameo = (_INTENT_AGREE if etype == "AGREE" else _THREAT_CAMEO).get(d.pattern.type, cameo)
        elif d.mode and d.mode != d.pattern.mode:
            cameo = ontology.mode_cameo(d.pattern.type, d.mode) or cameo
        gold = ontology.goldstein(cameo) if cameo else ontology.plover_score(d.pattern.type, d.mode)
        return Event(
            event_type=etype, doc_id=doc.id,
            evidence={"sentence": sent.text, "start": sent.start, "end": sent.end},
            mode=d.mode, context=d.context, cameo=cameo, goldstein=gold,
            actor=d.actor.as_party() if d.actor else None,
            recipient=d.recipient.as_party() if d.recipient else None,
            date=d.date, location=d.location, attribution=d.attribution,
            negated=d.negated, hypothetical=d.hypothetical, sources=[doc.source()], language=lang,
            rule="+".join(dict.fromkeys(d.rules)) + role_suffix(d), trigger={"text": text, "start": first.start, "end": last.end})


_LABELS: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {}


def _labels(g: Grammar, tok: Token) -> tuple[tuple[str, str], ...]:
    """The (type, mode) and ("", context) cues a word gives, cached per language and written form."""
    key = (g.lang, tok.text)
    got = _LABELS.get(key)
    if got is None:
        got = tuple([(t, m) for t, modes in g.modes.items() for m, words in modes if words.has(tok)]
                    + [("", c) for c, words in g.contexts if words.has(tok)])
        if len(_LABELS) < 200_000:
            _LABELS[key] = got
    return got


@register("coder")
def make(lang: str) -> EventCoder:
    return EventCoder(lang)
