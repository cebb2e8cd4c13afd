"""Event patterns per language (lang/<code>/events.yaml), compiled into token matchers.

A trigger is a string of token globs: "a b" adjacent, "a ... b" later in the same clause,
"a ~ b" with b closing the clause (German separable particle: "bestellte ... ein").
A glob matches a token when it matches its lower-cased surface or its lemma; "x|y" are alternatives;
a "^" marks the step that anchors the event (default: the first).
"""
from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..errors import MusterError
from ..lang import load_yaml
from . import ontology
from .lemmas import Token


def _glob(expr: str) -> re.Pattern[str]:
    alts = [fnmatch.translate(a.strip().lower()) for a in expr.split("|") if a.strip()]
    return re.compile("|".join(f"(?:{a})" for a in alts))


_MEMO = 200_000  # written forms remembered per word set and per grammar


class WordSet:
    """A set of token globs (from a YAML list), matched against surface and lemma."""

    def __init__(self, globs: list[str] | None, surface: bool = False):
        bad = [g for g in (globs or []) if not isinstance(g, str)]
        if bad:
            raise MusterError("E052", f"word list entries must be strings (quote yes/no/on/off in YAML): {bad}")
        globs = [g.lower() for g in (globs or [])]
        self.exact = {g for g in globs if not any(c in g for c in "*?[|")}
        wild = [g for g in globs if g not in self.exact]
        self.rx = _glob("|".join(wild)) if wild else None
        self._seen: dict[str, bool] = {}
        self._seen_surface: dict[str, bool] = {}
        self.surface = surface  # function words: match the written form only ("чем" is not "что")

    def __bool__(self) -> bool:
        return bool(self.exact) or self.rx is not None

    def has(self, tok: Token) -> bool:
        # keyed on the written form: within a language it fixes both the lower-cased form and the lemma
        got = self._seen.get(tok.text)
        if got is None:
            if self.surface:
                got = self.has_surface(tok)
            else:
                low = tok.lower.rstrip("-")
                got = low in self.exact or tok.lemma in self.exact or bool(
                    self.rx and (self.rx.fullmatch(low) or self.rx.fullmatch(tok.lemma)))
            if len(self._seen) < 200_000:
                self._seen[tok.text] = got
        return got

    def has_surface(self, tok: Token) -> bool:
        """Like has(), on the written form only (auxiliaries whose lemma is ambiguous: worden/wird)."""
        got = self._seen_surface.get(tok.text)
        if got is None:
            low = tok.lower.rstrip("-")
            got = low in self.exact or bool(self.rx and self.rx.fullmatch(low))
            if len(self._seen_surface) < 200_000:
                self._seen_surface[tok.text] = got
        return got


@dataclass
class Step:
    rx: re.Pattern[str]
    link: str  # "first", "adj", "gap", "end"
    head: bool = False  # the step that anchors the event (roles are read around it)
    _seen: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)

    def has(self, tok: Token) -> bool:
        got = self._seen.get(tok[0])  # the written form fixes the lower-cased form and the lemma
        if got is None:
            low = tok.lower.rstrip("-")
            got = bool(self.rx.fullmatch(low) or self.rx.fullmatch(tok.lemma))
            if len(self._seen) < _MEMO:
                self._seen[tok[0]] = got
        return got


@dataclass
class Pattern:
    id: str
    type: str
    cameo: str | None
    mode: str | None
    context: list[str]
    noun: bool
    complement: bool
    recipient_place: bool
    triggers: list[list[Step]]
    unless: WordSet
    needs: WordSet
    order: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


def _compile_trigger(text: str) -> list[Step]:
    steps: list[Step] = []
    link = "first"
    for part in text.split():
        if part == "...":
            link = "gap"
            continue
        if part == "~":
            link = "end"
            continue
        steps.append(Step(_glob(part.lstrip("^")), link, part.startswith("^") and len(part) > 1))
        link = "adj"
    if not steps:
        raise MusterError("E050", f"empty event trigger {text!r}")
    if not any(s.head for s in steps):
        steps[0].head = True
    return steps


@dataclass
class Grammar:
    """A language's event patterns and the clause/role/mode vocabulary they rely on."""

    lang: str
    patterns: list[Pattern]
    config: dict[str, Any]
    words: dict[str, WordSet]
    recipient_preps: dict[str, WordSet]
    targets: list[tuple[WordSet, str]]
    modes: dict[str, list[tuple[str, WordSet]]]
    contexts: list[tuple[str, WordSet]]

    _first: dict[str, list[tuple[Pattern, list[Step]]]] = field(default_factory=dict, repr=False, compare=False)

    def first_hits(self, tok: Token) -> list[tuple[Pattern, list[Step]]]:
        # keyed on the written form: within a language it fixes both the lower-cased form and the lemma
        got = self._first.get(tok[0])
        if got is None:
            got = _first_hits(self.lang, tok.lower.rstrip("-"), tok.lemma)
            if len(self._first) < _MEMO:
                self._first[tok[0]] = got
        return got


_WORD_KEYS = ("clause_breaks", "background", "coordinators", "repeat", "indefinite", "definite",
              "np_glue", "passive_aux", "participle", "agent_preps", "weapons", "topic_preps", "locative_preps",
              "pronouns", "pair_words", "complementizers", "quantifiers", "place_anaphora", "object_pronouns", "anaphoric_objects",
              "sequence_breaks", "relative_subjects", "relative_objects", "impersonal_verbs", "flag_words",
              "prep_like_breaks", "never_nouns", "proclitic_objects", "non_predicates", "announce_verbs",
              "label_words", "question_words", "manner_preps", "non_modifiers")


_LEMMA_KEYS = ("weapons", "pair_words", "place_anaphora", "anaphoric_objects")  # content words: lemma too


@lru_cache(maxsize=None)
def grammar(lang: str) -> Grammar:
    data = load_yaml(lang, "events.yaml") or {}
    cfg = data.get("config") or {}
    pats: list[Pattern] = []
    for n, p in enumerate(data.get("patterns") or []):
        if not ontology.is_type(p["type"]):
            raise MusterError("E051", f"{lang}/events.yaml: {p.get('id')}: unknown PLOVER type {p['type']!r}")
        pats.append(Pattern(
            id=f"{lang}.{p['id']}", type=p["type"], cameo=str(p["cameo"]) if p.get("cameo") else None,
            mode=p.get("mode"), context=list(p.get("context") or []), noun=bool(p.get("noun")),
            complement=bool(p.get("complement")), recipient_place=bool(p.get("recipient_place")),
            triggers=[_compile_trigger(t) for t in p.get("triggers") or []],
            unless=WordSet(p.get("unless")), needs=WordSet(p.get("needs")), order=n,
            extra={"voice": p["voice"]} if p.get("voice") else {}))  # voice: passive: the subject is the target
    words = {k: WordSet(cfg.get(k), surface=k not in _LEMMA_KEYS) for k in _WORD_KEYS}
    preps = {k: WordSet(v, surface=True) for k, v in (cfg.get("recipient_preps") or {}).items()}
    targets = [(WordSet([g]), sector) for g, sector in (cfg.get("targets") or {}).items()]
    modes = {t: [(m, WordSet(ws)) for m, ws in (v or {}).items()] for t, v in (cfg.get("modes") or {}).items()}
    contexts = [(c, WordSet(ws)) for c, ws in (cfg.get("contexts") or {}).items()]
    return Grammar(lang, pats, cfg, words, preps, targets, modes, contexts)


@lru_cache(maxsize=100_000)
def _first_hits(lang: str, low: str, lem: str) -> list[tuple[Pattern, list[Step]]]:
    out = []
    for p in grammar(lang).patterns:
        for trig in p.triggers:
            rx = trig[0].rx
            if rx.fullmatch(low) or rx.fullmatch(lem):
                out.append((p, trig))
    return out


def head(trig: list[Step], got: list[int]) -> int:
    """The anchoring token index of a match."""
    return next(g for s, g in zip(trig, got) if s.head)


def match(trig: list[Step], toks: list[Token], i: int, clause_end: int,
          coord: WordSet | None = None) -> list[int] | None:
    """Token indices matched by a trigger whose first step matched toks[i], inside [i, clause_end)."""
    got = [i]
    pos = i
    for step in trig[1:]:
        if step.link == "adj":
            j = pos + 1
            while j < clause_end and not toks[j].is_word and toks[j].text in "-–":
                j += 1
            if j < clause_end and step.has(toks[j]):
                got.append(j)
                pos = j
                continue
            return None
        if step.link == "gap":
            for j in range(pos + 1, clause_end):
                if step.has(toks[j]):
                    got.append(j)
                    pos = j
                    break
            else:
                return None
            continue
        # "end": the particle closes the clause (followed by punctuation, the clause end or a coordinator)
        for j in range(pos + 1, clause_end):
            if step.has(toks[j]):
                nxt = toks[j + 1] if j + 1 < clause_end else None
                if nxt is None or not nxt.is_word or (coord is not None and coord.has(nxt)):
                    got.append(j)
                    pos = j
                    break
        else:
            return None
    return got
