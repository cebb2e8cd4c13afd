"""Modality of a coded event: negation, hypothetical/future/conditional, and who says so."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lang import load_yaml
from ..model import Attribution, Document, Mention, Sentence
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
                    purpose=tuple(tuple(p.lower().split()) for p in data.get("purpose") or ()))


def is_negated(m: Modality, toks: list[Token], clause: tuple[int, int], trigger: list[int]) -> bool:
    s, e = clause
    if m.negation_scope is None:
        window = range(s, e)
    else:
        window = range(max(s, trigger[0] - m.negation_scope), trigger[0])
    after = max(trigger) + 1
    if m.negation_after and after < e and m.negation_after.has_surface(toks[after]):
        return True
    return any(m.negation.has(toks[j]) for j in window if j not in trigger)


def is_hypothetical(m: Modality, toks: list[Token], clause: tuple[int, int], trigger: list[int],
                    sentence: Sentence, skip: frozenset[int] = frozenset()) -> str:
    """"" when the clause asserts the event; else "question", "intent" (will/plans to) or "modal".
    Tokens in `skip` (a date: "on May 8", "o lună") are no modal cues."""
    s, e = clause
    if sentence.text.rstrip().endswith("?"):
        return "question"
    if any(tuple(t.lower for t in toks[s:s + len(p)]) == p for p in m.purpose):
        return "modal"  # "... pentru a mobiliza alegători la proteste": the aim of the act told before
    found = ""
    coord = m.coordinators
    lo, hi = min(trigger), max(trigger)
    for j in range(s, e):
        if j in trigger or j in skip:
            continue
        # a cue belongs to another predicate when a coordinator stands between ("wies zurück und kündigte an")
        between = range(hi + 1, j) if j > hi else range(j + 1, lo)
        if any(coord.has(toks[k]) for k in between):
            continue
        if j > 0 and m.attributive.has_surface(toks[j - 1]) and j + 1 not in trigger:
            continue  # "protested against a planned sale": the cue belongs to another noun ("a possible attack" stays)
        # future: "wird angreifen", "will attack", "будет атаковать" (the trigger is an infinitive)
        if m.future_aux.has_surface(toks[j]) and any(toks[t].lower == toks[t].lemma for t in trigger):
            found = found or "intent"
        elif m.intent.has_surface(toks[j]):
            found = found or "intent"
        elif m.hypothetical.has(toks[j]):
            found = "modal"
    return found


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
