"""An event being assembled (Draft) and the clause spans of a sentence it is read in."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from .lemmas import Token
from .patterns import Grammar, Pattern
from ..model import Mention
from .roles import Slot

BREAK_PUNCT = set(",;:()–—\"«»„“”")
_QUOTES = set("\"«»„“”")
_SHORT_QUOTE = 6  # a quoted phrase of at most this many words is part of its clause («зеркальный ответ»)


def _quoted_phrases(toks: list[Token]) -> set[int]:
    """Indices of quote marks around a short quoted phrase with no punctuation inside."""
    out: set[int] = set()
    i = 0
    while i < len(toks):
        if toks[i].text in _QUOTES:
            for j in range(i + 1, min(len(toks), i + _SHORT_QUOTE + 2)):
                if toks[j].text in _QUOTES:
                    if j > i + 1:
                        out.update((i, j))
                    i = j
                    break
                if toks[j].text in BREAK_PUNCT or not toks[j].is_word:
                    if j > i + 1 and i > 0 and toks[i - 1].is_word:
                        out.add(i)  # «ударом в спину, нанесённым ...» after a word: its clause runs on to the comma
                    break
        i += 1
    return out


def _name_list(toks: list[Token], coord) -> set[int]:
    """Commas inside a list of names ("до Польщі, Словаччини та Румунії"): they join, not split, a clause."""
    out: set[int] = set()
    cap = lambda t: t.is_word and t.text[:1].isupper()  # noqa: E731
    for i in range(1, len(toks) - 1):
        if toks[i].text != "," or i in out or not cap(toks[i - 1]) or not cap(toks[i + 1]):
            continue
        commas, j = [i], i + 1
        while j < len(toks) and cap(toks[j]):
            j += 1
            if j < len(toks) and toks[j].text == "," and j + 1 < len(toks) and cap(toks[j + 1]):
                commas.append(j)
                j += 1
        if j + 1 < len(toks) and coord.has(toks[j]) and cap(toks[j + 1]):
            out.update(commas)
    return out


@dataclass
class Draft:
    """An event being assembled from one or more trigger hits in a sentence."""

    pattern: Pattern
    sent: int
    tokens: list[int]
    noun_tokens: list[int]
    verb: bool
    anchor: int
    clause: tuple[int, int]
    next_clause_end: int
    scope_tokens: tuple[int, int] = (0, 0)
    passive: bool = False
    actor: Slot | None = None
    recipient: Slot | None = None
    coordinated: bool = False  # joined to the previous verb by a coordinator ("expelled ... and summoned")
    co_actor: Slot | None = None  # "Lithuania and Latvia assured Poland of support": a second actor
    more_co_actors: list[Slot] = field(default_factory=list)  # "Lithuania, Latvia and Estonia": the others
    co_recipient: Slot | None = None  # "met the delegations of Ukraine and Russia": a second recipient
    more_co_recipients: list[Slot] = field(default_factory=list)  # "received the leaders of A, B and C": the others
    location: dict[str, Any] | None = None
    loc_country: str | None = None
    date: dict[str, Any] | None = None
    dated: bool = False
    attribution: dict[str, Any] | None = None
    negated: bool = False
    hypothetical: bool = False
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    shares_subject: "Draft | None" = None  # coordinated verb without its own subject ("... und schlugen ein")
    pronoun_subject: bool = False  # "Er traf ...": the subject is a pronoun
    pair_subject: bool = False  # "Beide Seiten vereinbarten ...": the two parties named before
    pair_object: bool = False  # "hosted both leaders": the object is the pair the story is about
    hyp_kind: str = ""  # why hypothetical: question, intent, modal, embedded
    definite: bool = False  # "the strikes hit ...": refers back to an event already told
    pronoun_object: bool = False  # "accusing them": the object is the previous event's recipient
    anaphoric_object: bool = False  # "welcomed the decision": the object is the event just told
    anaphoric_type: str = ""  # the kind of act that object names ("condemned the exercises": MOBILIZE)
    state_speaker: Mention | None = None  # the state official reporting an agentless act of state
    anaphoric_rule: str = ""  # the pattern that object word triggers (prefer the act told with that word)
    time_tokens: frozenset[int] = frozenset()  # tokens of the sentence inside a temporal expression
    prev_in_sentence: "Draft | None" = None
    full_clause: tuple[int, int] = (0, 0)  # the trigger's clause before trimming to the event's scope
    organ_country: str | None = None  # country named right after a state organ without one ("ministry of X")
    role_rules: dict[str, str] = field(default_factory=dict)  # slot -> the named role rule that decided it
    etype: str = ""  # final PLOVER type when it differs from the pattern's (future cooperation: AGREE)
    toks: list[Token] = field(default_factory=list, repr=False)


def clauses(g: Grammar, toks: list[Token]) -> list[tuple[int, int]]:
    """Clause spans (token index ranges): split at punctuation and at subordinating words."""
    out, start = [], 0
    breaks = g.words["clause_breaks"]
    # words that are subordinators or prepositions ("als", "bis", "seit"): a clause break only after
    # punctuation or a coordinator, where German puts its subordinate clauses
    after_punct = g.words["prep_like_breaks"]
    coord = g.words["coordinators"]
    inline = _quoted_phrases(toks) if any(t.text in _QUOTES for t in toks) else set()
    inline |= _name_list(toks, coord)
    for i, t in enumerate(toks):
        if t.text in BREAK_PUNCT and i not in inline:
            if i > start:
                out.append((start, i))
            start = i + 1
        elif i > start and breaks.has(t) and not (after_punct.has(t) and toks[i - 1].is_word
                                                  and not coord.has(toks[i - 1])):
            out.append((start, i))
            start = i
    if start < len(toks):
        out.append((start, len(toks)))
    return out or [(0, len(toks))]


def clause_index(cl: list[tuple[int, int]], i: int) -> int | None:
    """Index of the clause (in `cl`, from clauses()) that holds token i, else None."""
    return next((k for k, (cs, ce) in enumerate(cl) if cs <= i < ce), None)


def tok_index(starts: list[int], pos: int) -> int:
    """Index of the token containing character `pos` (token start offsets in `starts`)."""
    return max(0, bisect.bisect_right(starts, pos) - 1)


