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


_WILD = "*?["  # fnmatch's wildcard characters: a glob without them matches one written form


@lru_cache(maxsize=None)
def _glob(expr: str) -> re.Pattern[str]:
    alts = [fnmatch.translate(a.strip().lower()) for a in expr.split("|") if a.strip()]
    return re.compile("|".join(f"(?:{a})" for a in alts))


def _alternatives(expr: str) -> list[str]:
    """The lower-cased alternatives of "x|y" ("" alone when none, which matches only the empty form)."""
    return [a.strip().lower() for a in expr.split("|") if a.strip()] or [""]


class _Matcher:
    """The forms one glob "x|y*|z?" matches: a set lookup for literal alternatives, a prefix test for those
    ending in their only wildcard, a "*" ("удар*"), and one regex (compiled on first use) for the others;
    the same result as fullmatch of the whole glob's regex."""

    __slots__ = ("exact", "prefixes", "wild", "_rx")

    def __init__(self, expr: str):
        alts = _alternatives(expr)
        self.exact = frozenset(a for a in alts if not any(c in a for c in _WILD))
        starred = [a for a in alts if a.endswith("*") and not any(c in a[:-1] for c in _WILD)]
        self.prefixes = tuple(a[:-1] for a in starred)
        self.wild = "|".join(a for a in alts if a not in self.exact and a not in starred)
        self._rx: re.Pattern[str] | None = None

    @property
    def rx(self) -> re.Pattern[str] | None:
        if self._rx is None and self.wild:
            self._rx = _glob(self.wild)
        return self._rx

    def one(self, form: str) -> bool:
        if form in self.exact or (self.prefixes and form.startswith(self.prefixes)):
            return True
        rx = self.rx
        return rx is not None and rx.fullmatch(form) is not None

    def __call__(self, low: str, lem: str) -> bool:
        return self.one(low) or self.one(lem)


_MEMO = 200_000  # written forms remembered per word set and per grammar


class WordSet:
    """A set of token globs (from a YAML list), matched against surface and lemma."""

    def __init__(self, globs: list[str] | None, surface: bool = False):
        bad = [g for g in (globs or []) if not isinstance(g, str)]
        if bad:
            raise MusterError("E052", f"word list entries must be strings (quote yes/no/on/off in YAML): {bad}")
        globs = [g.lower() for g in (globs or [])]
        self.exact = {g for g in globs if not any(c in g for c in "*?[|")}
        self._wild = "|".join(g for g in globs if g not in self.exact)
        self._match = _Matcher(self._wild) if self._wild else None  # its regex compiles on first use
        self._seen: dict[str, bool] = {}
        self._seen_surface: dict[str, bool] = {}
        self.surface = surface  # function words: match the written form only ("чем" is not "что")

    def __bool__(self) -> bool:
        return bool(self.exact) or bool(self._wild)

    def has(self, tok: Token) -> bool:
        # keyed on the written form: within a language it fixes both the lower-cased form and the lemma
        got = self._seen.get(tok.text)
        if got is None:
            if self.surface:
                got = self.has_surface(tok)
            else:
                low = tok.lower.rstrip("-")
                got = low in self.exact or tok.lemma in self.exact or (
                    self._match is not None and self._match(low, tok.lemma))
            if len(self._seen) < 200_000:
                self._seen[tok.text] = got
        return got

    def has_surface(self, tok: Token) -> bool:
        """Like has(), on the written form only (auxiliaries whose lemma is ambiguous: worden/wird)."""
        got = self._seen_surface.get(tok.text)
        if got is None:
            low = tok.lower.rstrip("-")
            got = low in self.exact or (self._match is not None and self._match.one(low))
            if len(self._seen_surface) < 200_000:
                self._seen_surface[tok.text] = got
        return got


@dataclass
class Step:
    glob: str  # "x|y*" as written (without the "^")
    link: str  # "first", "adj", "gap", "end"
    head: bool = False  # the step that anchors the event (roles are read around it)
    _seen: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)
    _match: _Matcher | None = field(default=None, repr=False, compare=False)

    @property
    def matcher(self) -> _Matcher:
        if self._match is None:
            self._match = _Matcher(self.glob)
        return self._match

    @property
    def rx(self) -> re.Pattern[str]:
        """The whole glob as one regex (fullmatch)."""
        return _glob(self.glob)

    def matches(self, low: str, lem: str) -> bool:
        """The step matches a lower-cased form (trailing hyphen stripped) or its lemma."""
        return self.matcher(low, lem)

    def has(self, tok: Token) -> bool:
        got = self._seen.get(tok[0])  # the written form fixes the lower-cased form and the lemma
        if got is None:
            got = self.matcher(tok.lower.rstrip("-"), tok.lemma)
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
        steps.append(Step(part.lstrip("^"), link, part.startswith("^") and len(part) > 1))
        link = "adj"
    if not steps:
        raise MusterError("E050", f"empty event trigger {text!r}")
    if not any(s.head for s in steps):
        steps[0].head = True
    return steps


class TriggerIndex:
    """The triggers of a grammar by the literal start of their first step, so that a word form is tried only
    against the triggers that can start on it: literal alternatives by form, wildcard ones ("удар*") by their
    literal prefix (one table per prefix length), those with no literal prefix ("*") against every form."""

    def __init__(self, patterns: list[Pattern]):
        self.entries: list[tuple[Pattern, list[Step]]] = [(p, t) for p in patterns for t in p.triggers]
        self.exact: dict[str, list[int]] = {}
        self.prefix: dict[int, dict[str, list[int]]] = {}
        self.always: list[int] = []
        for n, (_, trig) in enumerate(self.entries):
            for alt in _alternatives(trig[0].glob):
                cut = min((alt.index(c) for c in _WILD if c in alt), default=-1)
                if cut < 0:
                    self.exact.setdefault(alt, []).append(n)
                elif cut == 0:
                    self.always.append(n)
                else:
                    self.prefix.setdefault(cut, {}).setdefault(alt[:cut], []).append(n)
        self.lengths = sorted(self.prefix)

    def candidates(self, low: str, lem: str) -> list[int]:
        """Entry numbers (in grammar order) whose first step may match the form or the lemma."""
        got = set(self.always)
        for form in (low, lem) if lem != low else (low,):
            hit = self.exact.get(form)
            if hit:
                got.update(hit)
            for k in self.lengths:
                if k > len(form):
                    break
                hit = self.prefix[k].get(form[:k])
                if hit:
                    got.update(hit)
        return sorted(got)

    def hits(self, low: str, lem: str) -> list[tuple[Pattern, list[Step]]]:
        """The (pattern, trigger) pairs whose first step matches the form or the lemma, in grammar order."""
        entries = self.entries
        return [entries[n] for n in self.candidates(low, lem) if entries[n][1][0].matches(low, lem)]


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
    _index: TriggerIndex | None = field(default=None, repr=False, compare=False)

    @property
    def index(self) -> TriggerIndex:
        if self._index is None:
            self._index = TriggerIndex(self.patterns)
        return self._index

    def first_hits(self, tok: Token) -> list[tuple[Pattern, list[Step]]]:
        """The (pattern, trigger) pairs whose first step matches the token (form or lemma), in grammar order."""
        # keyed on the written form: within a language it fixes both the lower-cased form and the lemma
        got = self._first.get(tok[0])
        if got is None:
            got = self.index.hits(tok.lower.rstrip("-"), tok.lemma)
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
