"""Modality of a coded event: negation, hypothetical/future/conditional, and who says so."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as _date, timedelta
from functools import lru_cache

from ..lang import load_yaml
from ..model import Attribution, Document, Mention, Sentence
from . import ontology
from .lemmas import Token
from .patterns import WordSet


@dataclass
class Modality:
    negation: WordSet
    negation_scope: int | None  # None: the whole clause; n: n tokens before the trigger
    hypothetical: WordSet
    future_aux: WordSet
    intent: WordSet
    speech: WordSet
    coordinators: WordSet
    conditional: WordSet  # opens a condition: the event of the neighbouring main clause may not happen
    plotting: WordSet  # "plotting an attack": a plan, not the act (read just before a nominal trigger)
    attributive: WordSet = WordSet(None)  # "a planned sale": after these a cue modifies a noun, not the verb
    negation_after: WordSet = WordSet(None)  # "задержанных нет": a negation right after the trigger
    purpose: tuple[tuple[str, ...], ...] = ()  # "pentru a mobiliza": a clause opened so states an aim, not a fact
    # right after a negation (within three words, before the trigger) these make it negate something else: "not the first attack",
    # "not only", "not without" (a double negation)
    negation_void: WordSet = WordSet(None)
    # "nicht explodierte Munition": a negation before an inflected adjective and its noun negates the modifier
    negated_modifier: tuple[str, ...] = ()
    # event types whose announcement is the act ("will respond harshly" is a threat now): future/intent cues
    # leave them asserted (modal ones, "could", still do not)
    announced_acts: frozenset[str] = frozenset()
    # "annunciato la sospensione", "kündigte neue Sanktionen an": announcing a measure named by a noun is the
    # measure, and "ha annunciato di aver revocato" a past act: these intent cues then do not count
    announce: WordSet = WordSet(None)
    perfect: WordSet = WordSet(None)  # perfect-infinitive auxiliaries after an announce verb ("di aver revocato")
    # a verb trigger in a synthetic future form ("посетит", "se rendra", "visiterà"): announced, not yet done
    future_forms: WordSet = WordSet(None)
    weekdays: frozenset[str] = frozenset()  # weekday names (the language's times.yaml), lower case


@lru_cache(maxsize=None)
def modality(lang: str) -> Modality:
    data = load_yaml(lang, "modality.yaml") or {}
    scope = data.get("negation_scope", "clause")
    attrib = load_yaml(lang, "attribution.yaml") or {}
    return Modality(WordSet(data.get("negation")), None if scope == "clause" else int(scope),
                    WordSet(data.get("hypothetical")), WordSet(data.get("future_aux")),
                    WordSet(data.get("intent")), WordSet(attrib.get("speech")),
                    WordSet((load_yaml(lang, "events.yaml") or {}).get("config", {}).get("coordinators")),
                    WordSet(data.get("conditional"), surface=True), WordSet(data.get("plotting")),
                    WordSet(data.get("attributive_after"), surface=True),
                    negation_after=WordSet(data.get("negation_after"), surface=True),
                    purpose=tuple(tuple(p.lower().split()) for p in data.get("purpose") or ()),
                    negation_void=WordSet(data.get("negation_void"), surface=True),
                    negated_modifier=tuple(data.get("negated_modifier") or ()),
                    announced_acts=frozenset(data.get("announced_acts") or ()),
                    announce=WordSet(data.get("announce"), surface=True),
                    perfect=WordSet(data.get("perfect"), surface=True),
                    future_forms=WordSet(data.get("future_forms"), surface=True),
                    weekdays=frozenset(w.lower() for ws in ((load_yaml(lang, "times.yaml") or {}).get("weekdays")
                                                            or {}).values() for w in ws))


def _negates_event(m: Modality, toks: list[Token], j: int, end: int, trigger: list[int]) -> bool:
    """The negation at j is about the event, not a word after it ("not the first", "nicht ohne",
    "nicht explodierte Munition"); words from the trigger on are the event's own."""
    stop = min([end, j + 4] + [t for t in trigger if t > j])
    nxt = [k for k in range(j + 1, stop) if toks[k].is_word]
    if any(m.negation_void.has_surface(toks[k]) for k in nxt):
        return False
    if m.negated_modifier and nxt[:1] == [j + 1] and j + 2 < end and toks[j + 2].is_word:
        mod, noun = toks[j + 1], toks[j + 2]
        if mod.text[:1].islower() and noun.text[:1].isupper() and mod.lower.endswith(m.negated_modifier):
            return False  # an attributive modifier: lower case, inflected, before a (capitalised) noun
    return True


def is_negated(m: Modality, toks: list[Token], clause: tuple[int, int], trigger: list[int]) -> bool:
    s, e = clause
    if m.negation_scope is None:
        window = range(s, e)
    else:
        window = range(max(s, trigger[0] - m.negation_scope), trigger[0])
    after = max(trigger) + 1
    if m.negation_after and after < e and m.negation_after.has_surface(toks[after]):
        return True
    return any(m.negation.has(toks[j]) and _negates_event(m, toks, j, e, trigger)
               and not _coordinated_away(m, toks, j, trigger) for j in window if j not in trigger)


def _coordinated_away(m: Modality, toks: list[Token], j: int, trigger: list[int]) -> bool:
    """A coordinator between the negation at j and the trigger joins another predicate ("erkennt X nicht an und
    unterhält keine Beziehungen"; "wollte nicht verhandeln und griff an"); not one inside a list of names or
    nouns ("nicht Kiew und Lwiw")."""
    between = range(max(trigger) + 1, j) if j > max(trigger) else range(j + 1, min(trigger))
    return any(_joins_predicates(m, toks, k) for k in between)


def _joins_predicates(m: Modality, toks: list[Token], k: int) -> bool:
    """Token k is a coordinator that joins predicates, not names or nouns ("Ukraine, Russia and the UN")."""
    return m.coordinators.has(toks[k]) and not (0 < k < len(toks) - 1 and toks[k - 1].text[:1].isupper()
                                                 and toks[k + 1].text[:1].isupper())


def is_hypothetical(m: Modality, toks: list[Token], clause: tuple[int, int], trigger: list[int],
                    sentence: Sentence, skip: frozenset[int] = frozenset(), kind: str = "",
                    nominal: bool = False) -> str:
    """"" when the clause asserts the event; else "question", "intent" (will/plans to) or "modal".
    Tokens in `skip` (a date: "on May 8", "o lună") are no modal cues; an event of a `kind` that is
    announced to be done (a threat: "will respond harshly") takes no future/intent cue."""
    s, e = clause
    if sentence.text.rstrip().endswith("?"):
        return "question"
    if any(tuple(t.lower for t in toks[s:s + len(p)]) == p for p in m.purpose):
        return "modal"  # "... pentru a mobiliza alegători la proteste": the aim of the act told before
    announced = kind in m.announced_acts
    found = "intent" if not nominal and not announced and any(
        m.future_forms.has_surface(toks[t]) for t in trigger) else ""
    lo, hi = min(trigger), max(trigger)
    for j in range(s, e):
        if j in trigger or j in skip:
            continue
        # a cue belongs to another predicate when a coordinator stands between ("wies zurück und kündigte an")
        between = range(hi + 1, j) if j > hi else range(j + 1, lo)
        if any(_joins_predicates(m, toks, k) for k in between):
            continue
        if j > 0 and m.attributive.has_surface(toks[j - 1]) and j + 1 not in trigger:
            continue  # "protested against a planned sale": the cue belongs to another noun ("a possible attack" stays)
        if j < lo and m.announce.has_surface(toks[j]) and (
                nominal or any(m.perfect.has_surface(toks[k]) for k in range(j + 1, lo))):
            continue  # "announced new sanctions", "annunciato di aver revocato": the measure, or a past act
        # future: "wird angreifen", "will attack", "будет атаковать" (the trigger is an infinitive)
        if m.future_aux.has_surface(toks[j]) and any(toks[t].lower == toks[t].lemma for t in trigger):
            found = found or ("" if announced else "intent")
        elif m.intent.has_surface(toks[j]):
            found = found or ("" if announced else "intent")
        elif announced and m.future_aux.has_surface(toks[j]):
            continue  # "будет вынуждена предпринять ответные шаги": the future of a threat is the threat
        elif m.hypothetical.has(toks[j]):
            found = "modal"
    return found


def new_report(m: Modality, toks: list[Token], lo: int, hi: int) -> bool:
    """A coordinator and a speech or announcing verb between tokens lo and hi ("warf ... vor und kündigte an,
    Russland werde ..."): what follows is the content of that new report, not of the act before it."""
    for k in range(lo, hi):
        if m.coordinators.has(toks[k]):
            nxt = [j for j in range(k + 1, min(hi, k + 4)) if toks[j].is_word][:2]
            if any(m.speech.has(toks[j]) or m.intent.has_surface(toks[j]) for j in nxt):
                return True
    return False


def is_future(m: Modality, date: dict | None, published: str | None, etype: str, nominal: bool = True) -> bool:
    """An act named by a noun and dated wholly after publication ("the summit takes place on October 15", "talks
    next week") is announced, not yet a fact (a verb shows its future by its form or auxiliary; its date after
    publication is more often a past one resolved wrongly). Not a speech act, whose date is its content's
    ("agreed to resume talks next month", "demanded a withdrawal by Friday"); the day after publication is left
    alone (narrative "the next day" resolves there as often as "tomorrow" does), nor a bare weekday ("ha imposto
    lunedì": its week is a guess)."""
    if not nominal:
        return False
    words = re.findall(r"\w+", str((date or {}).get("text") or "").lower())
    if any(w in m.weekdays for w in words) and all(w in m.weekdays or len(w) <= 3 for w in words):
        return False
    start = (date or {}).get("start")
    if not start or not published or len(start) < 10:
        return False
    if etype != "CONSULT" and not (ontology.quad_class(etype) or "").startswith("material"):
        return False
    try:
        ahead = _date.fromisoformat(start[:10]) - _date.fromisoformat(published[:10])
    except ValueError:
        return False
    # a day and month far ahead with no year written is more often a past date put into the wrong year
    yearless = not re.search(r"\b\d{4}\b", str((date or {}).get("text") or ""))
    return timedelta(days=1) < ahead and not (yearless and ahead > timedelta(days=180))


def is_conditional(m: Modality, toks: list[Token], clauses: list[tuple[int, int]], clause: tuple[int, int],
                   coordinators: WordSet | None = None) -> bool:
    """The clause next to one opened by "if"/"если" ("Budapest will block the package if ...")."""
    if not m.conditional:
        return False
    n = next((k for k, c in enumerate(clauses) if c[0] <= clause[0] < c[1]), None)
    if n is None:
        return False
    # a condition before a clause that a coordinator opens binds nothing there: "threatened to ... unless
    # ..., and signed a pact" (the "and" resumes the main clause)
    lead = range(clauses[n][0], min(clauses[n][1], clauses[n][0] + 2))
    opened = coordinators is not None and any(coordinators.has(toks[j]) for j in lead if toks[j].is_word)
    # a condition after the clause binds its last predicate: "summoned X and threatens to ... if ..."
    # leaves "summoned" asserted (the event's stretch ends before the clause does)
    near = [clauses[k] for k in (n - 1, n + 1) if 0 <= k < len(clauses)
            and (k < n or clause[1] >= clauses[n][1]) and not (k < n and opened)]
    return any(m.conditional.has(toks[c[0]]) for c in near)


def is_plotted(m: Modality, toks: list[Token], anchor: int) -> bool:
    """An event governed by a planning word just before it ("plotting an arson attack")."""
    return bool(m.plotting) and any(m.plotting.has(toks[j]) for j in range(max(0, anchor - 3), anchor))


def _speech_source(m: Modality, doc: Document, toks: list[Token], sentence: Sentence,
                   mentions: list[Mention]) -> dict | None:
    """Source of a sentence with a speech verb: an outlet or the media that report (not who is told)."""
    verbs = [t.start for t in toks if m.speech.has(t)]
    if not verbs:
        return None
    cands = [x for x in mentions if x.role != "place" and (x.kind == "outlet" or x.sector == "MED")
             and (x.kind == "outlet" or x.start < verbs[-1])]
    if not cands:
        return None
    x = min(cands, key=lambda x: min(abs(x.start - v) for v in verbs))
    return {"text": x.text, "source": x.name or x.text}


def _is_heading(sentence: Sentence) -> bool:
    return not sentence.text.rstrip().endswith((".", "!", "?", "…", "\"", "»", "“", ":"))


def sentence_attribution(m: Modality, doc: Document, idx: int, toks: list[Token], mentions: list[Mention],
                         attribs: list[Attribution], carried: dict | None) -> tuple[dict | None, dict | None]:
    """(attribution of sentence idx, attribution to carry to the next sentence).

    An explicit cue ("laut X", "according to X") or a speech verb with a source in the sentence
    attributes its events; the report continues into the next sentences of the same passage
    (carried at most two sentences, stopped by a heading or a new source).
    """
    sentence = doc.sentences[idx]
    if _is_heading(sentence):
        return None, None
    a = attribs[0] if attribs else None  # the sentence's explicit cues, in text order (by_sentence)
    if a is not None:
        got = {"text": a.text, "source": a.source}
        return got, dict(got, _left=2)
    sp = _speech_source(m, doc, toks, sentence, mentions)
    if sp is not None:
        return sp, dict(sp, _left=2)
    if carried and carried.get("_left", 0) > 0:
        out = {"text": carried["text"], "source": carried["source"]}
        return out, dict(carried, _left=carried["_left"] - 1)
    return None, None
