"""Precision guards: trigger words that name no act by their position or word class (labels, adverbials, modifiers).

Each guard is general (position in the sentence, the word before, the word's inflection), configured by the
language's events.yaml word lists; none lists the words of one article.
"""
from __future__ import annotations

from .lemmas import Token
from .patterns import Grammar, Pattern

# verbal acts (PLOVER's verbal quad classes): a participle modifying a noun reports talk, not a new act
VERBAL_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})


def _first_word(toks: list[Token]) -> int | None:
    return next((j for j, t in enumerate(toks) if t.is_word), None)


def is_label(g: Grammar, toks: list[Token], hd: int) -> bool:
    """A heading or label, not a report: "Targets: the port and ..." (the sentence's first word before a colon),
    a one-word line ("Asked"), or a reporter's question put to the speaker: "Asked about the talks, he said ...",
    "When asked whether ..." (a sentence-initial participle followed by a topic preposition or a question word)."""
    first = _first_word(toks)
    # "When asked about ...": a subordinator may open the participle clause
    opened = first is not None and hd == first + 1 and g.words["clause_breaks"].has_surface(toks[first])
    if hd != first and not opened:
        return False
    words = [t for t in toks if t.is_word]
    if len(words) == 1:
        return True
    nxt = toks[hd + 1] if hd + 1 < len(toks) else None
    if nxt is None:
        return True
    if nxt.text == ":" and not opened:
        return True
    return g.words["participle"].has_surface(toks[hd]) and (toks[hd].text[:1].isupper() or opened) and (
        g.words["topic_preps"].has(nxt) or g.words["question_words"].has(nxt))


def is_adverbial(g: Grammar, toks: list[Token], hd: int) -> bool:
    """A bare event noun right after a manner preposition heads an adverbial, not an event:
    "resigned in protest", "freed in exchange for ..." (events.yaml config `manner_preps`)."""
    return hd > 0 and g.words["manner_preps"].has(toks[hd - 1])


def is_noun_modifier(g: Grammar, pat: Pattern, toks: list[Token], hd: int) -> bool:
    """A participle of a verbal act right after a common noun modifies it ("a report discussing the talks",
    "officials urging calm"): it tells what the text or people say, it is no act of a party.
    (After a comma it is an adjoined clause of the main subject and stays: "..., calling it a threat".)"""
    suffix = g.config.get("adjoined_participle")
    if not suffix or pat.noun or pat.type not in VERBAL_TYPES or hd == 0:
        return False
    word = toks[hd]
    if not word.lower.endswith(suffix) or len(word.lower) <= len(suffix) + 2:
        return False
    prev = toks[hd - 1]
    if not prev.is_word or prev.text[:1].isupper() or prev.text[:1].isdigit():
        return False  # punctuation (an adjoined clause), a name (a headline subject: "Russia urging ...")
    w = g.words
    return not any(ws.has_surface(prev) for ws in (
        w["passive_aux"], w["pronouns"], w["coordinators"], w["clause_breaks"], w["complementizers"],
        w["repeat"], w["np_glue"], w["topic_preps"], w["locative_preps"], w["agent_preps"], w["relative_subjects"],
        w["non_modifiers"]))


def is_attributive_participle(g: Grammar, pat: Pattern, toks: list[Token], hd: int) -> bool:
    """An inflected participle of a verbal act right before its noun is an adjective, not an act:
    "die von Moskau unterstützte Region", "der vom Westen gelobten Reform" (after an agent phrase "von/vom X"
    or an article, and before a capitalised noun; events.yaml config `attributive_endings`)."""
    endings = g.config.get("attributive_endings")
    if not endings or pat.noun or pat.type not in VERBAL_TYPES or hd == 0 or hd + 1 >= len(toks):
        return False
    word, nxt = toks[hd], toks[hd + 1]
    if not word.lower.endswith(tuple(endings)) or not nxt.is_word or not nxt.text[:1].isupper():
        return False
    w = g.words
    prev = toks[hd - 1]
    if (w["definite"].has_surface(prev) or w["indefinite"].has_surface(prev)) and hd >= 2:
        return True  # "die unterstützte Region" (not sentence-first: "Das unterstützte Kiew")
    for j in range(hd - 1, max(-1, hd - 4), -1):
        if not toks[j].is_word:
            return False
        if w["agent_preps"].has_surface(toks[j]):
            return True
    return False
