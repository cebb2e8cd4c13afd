"""A vague date refined by a more precise date the document gives the same target elsewhere."""
from __future__ import annotations

import re
from typing import Any

from ..model import Event
from .coref_match import interval, verbal, width
from .context_view import View

MIN_STEM = 5  # letters a target word must share with the word that dates it elsewhere
NEAR_WORDS = 3  # words between that word and the date ("the airliner crash in May 2023")
VAGUE_DAYS = 31  # a date spanning more than a month may be refined
_WORD = re.compile(r"\w+")


def _stems(v: View, ev: Event) -> list[str]:
    """Stems of the words naming the event's target ("an airliner of Air Moldova" → "airlin"): the
    recipient's words and the two before and one after it, or without a recipient the longer words of the
    trigger after its first ("shot ... down ... airliner"); never party names, places or dates."""
    sent = ev.evidence
    lo, hi = sent.get("start") or 0, sent.get("end") or 0
    words = list(_WORD.finditer(v.doc.clean, lo, hi))
    text = (ev.recipient or {}).get("text") or ""
    at = v.doc.clean.find(text, lo, hi) if text else -1
    inside = [i for i, w in enumerate(words) if at <= w.start() < at + len(text)] if at >= 0 else []
    if inside:
        pick, shortest = words[max(0, inside[0] - 2):inside[-1] + 2], MIN_STEM
    else:  # no party acted upon: the object inside the trigger ("shot ... down ... airliner")
        t0, t1 = (ev.trigger or {}).get("start", 0), (ev.trigger or {}).get("end", 0)
        pick, shortest = [w for w in words if t0 < w.start() < t1], MIN_STEM + 1
    named = [(m.start, m.end) for m in v.doc.actors] + [(p.start, p.end) for p in v.doc.places] \
        + [(t.start, t.end) for t in v.doc.times]
    out = []
    for w in pick:
        word = w.group().lower()
        if len(word) >= shortest and not word.isdigit() and word not in v.lex.clause_words \
                and not any(a <= w.start() < b for a, b in named):
            out.append(word[:max(MIN_STEM, len(word) - 2)])
    return out


def _names_target(v: View, stems: list[str], word: str) -> bool:
    word = word.lower()
    return any(word.startswith(s) or (v.lex.compound and s in word) for s in stems)


def same_target(v: View, ev: Event) -> dict[str, Any] | None:
    """"shot down an airliner last year … the airliner crash in May 2023" → 2023-05:
    an event dated vaguely (a year, a range) takes the one more precise date that another sentence gives
    next to a word for the same target, inside the event's interval."""
    iv = interval(ev.date)
    if not (ev.date or {}).get("text") or width(iv) <= VAGUE_DAYS or verbal(ev.event_type):
        return None  # undated, or dated precisely; a statement about an incident is not the incident
    stems = _stems(v, ev)
    if not stems:
        return None
    si = v.event_sentence(ev)
    found: dict[str, Any] = {}
    for t in v.doc.times:
        if t.relation or not t.value or t.granularity not in ("day", "week", "month") or v.sentence_index(t.start) == si:
            continue
        tiv = (t.start_date or "", t.end_date or "")
        if not (iv[0] <= tiv[0] and tiv[1] <= iv[1]) or width(tiv) >= width(iv):
            continue
        s = v.doc.sentences[v.sentence_index(t.start)] if v.sentence_index(t.start) >= 0 else None
        if s is None:
            continue
        before = _WORD.findall(v.doc.clean[s.start:t.start])[-NEAR_WORDS:]
        after = _WORD.findall(v.doc.clean[t.end:s.end])[:NEAR_WORDS]
        if any(_names_target(v, stems, w) for w in before + after):
            found[t.value] = dict(t.date(), implicit=True)
    return next(iter(found.values())) if len(found) == 1 else None
