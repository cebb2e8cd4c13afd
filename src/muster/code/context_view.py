"""What the document-context rules read about a document, computed once: paragraphs, free places, clause stretches."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from ..model import Document, Event, Place
from .by_sentence import ByStart
from .context_lexicon import Lexicon

# places too coarse to be where an event happened when the text does not say so
COARSE = frozenset({"country", "continent"})
_TOKEN = re.compile(r"\w+|[,;:–—()\"«»„“”]")
_BREAKS = frozenset(",;:–—()\"«»„“”")


@dataclass
class View:
    """A document as the context rules see it."""

    doc: Document
    lex: Lexicon
    starts: list[int] = field(default_factory=list)  # sentence starts
    free: list[list[Place]] = field(default_factory=list)  # per sentence: places named as places
    _stretches: dict[int, tuple[int, int]] = field(default_factory=dict)  # by id() of the event
    # indexes that keep every rule local (linear in the document): actor mentions and the sites named
    # ((start, end, kind)) by start, events by evidence start
    actors: ByStart[Any] = field(default_factory=lambda: ByStart([]))
    sites: ByStart[tuple[int, int, str]] = field(default_factory=lambda: ByStart([]))
    by_evidence: dict[Any, list[Event]] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Document, lex: Lexicon) -> "View":
        v = cls(doc, lex, [s.start for s in doc.sentences])
        v.actors = ByStart(doc.actors)
        for ev in doc.events:
            v.by_evidence.setdefault(ev.evidence.get("start"), []).append(ev)
        v.sites = ByStart(lex.site_mentions(doc.clean), lambda s: s[0])
        v.free = [[] for _ in doc.sentences]
        for p in doc.places:
            if v.is_free(p):
                i = v.sentence_index(p.start)
                if i >= 0:
                    v.free[i].append(p)
        return v

    def actors_near(self, lo: int, hi: int, reach: int = 200) -> list[Any]:
        """The actor mentions starting in [lo - reach, hi): every mention that can hold or touch [lo, hi)
        (a mention is far shorter than `reach`), found by bisection."""
        return self.actors.between(lo - reach, hi)

    def sites_in(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """The site mentions inside [lo, hi)."""
        return self.sites.between(lo, hi)

    def is_free(self, p: Place) -> bool:
        """A place named as where something is: not a country or continent, not a toponym used as a party
        ("Moskau bestritt", "Kyiv's ambassador": an actor mention over it that is not a place)."""
        if p.reference or p.feature in COARSE or p.lat is None:
            return False
        return not any(m.start <= p.start < m.end and m.role != "place" for m in self.actors_near(p.start, p.start + 1))

    def sentence_index(self, pos: int) -> int:
        i = bisect_right(self.starts, pos) - 1
        return i if i >= 0 and pos < self.doc.sentences[i].end else -1

    def event_sentence(self, ev: Event) -> int:
        return self.sentence_index(ev.evidence.get("start") or 0)

    def same_paragraph(self, i: int, j: int) -> bool:
        """Sentences i < j with no line break between them: one paragraph."""
        s = self.doc.sentences
        return 0 <= i < j < len(s) and "\n" not in self.doc.clean[s[i].end:s[j].start]

    def stretch(self, ev: Event) -> tuple[int, int]:
        """The event's own stretch of its sentence. Clause words and punctuation part it from the clauses that
        tell the sentence's other events ("hit a depot in the Lviv region | and later struck near the
        embassy"), not from clauses that tell none ("The raid, in which police forced open the doors of the
        embassy and detained ..." is all the arrest's)."""
        key = id(ev)
        if key not in self._stretches:
            self._stretches[key] = self._stretch(ev)
        return self._stretches[key]

    def _stretch(self, ev: Event) -> tuple[int, int]:
        si = self.event_sentence(ev)
        if si < 0:
            return 0, 0
        sent = self.doc.sentences[si]
        trig = ev.trigger or {}
        t0, t1 = trig.get("start", sent.start), trig.get("end", sent.end)
        others = [((o.trigger or {}).get("start"), (o.trigger or {}).get("end"))
                  for o in self.by_evidence.get(ev.evidence.get("start"), []) if o is not ev and o.trigger]
        prev_end = max((e for s, e in others if e is not None and e <= t0), default=None)
        next_start = min((s for s, e in others if s is not None and s >= t1), default=None)
        lo, hi = sent.start, sent.end
        for m in _TOKEN.finditer(self.doc.clean, sent.start, sent.end):
            if prev_end is not None and prev_end <= m.start() and m.end() <= t0 and self._break(m.group()):
                lo = m.end()
            elif next_start is not None and t1 <= m.start() < next_start and self._break(m.group()):
                hi = m.start()
                break
        if prev_end is not None and lo == sent.start:
            lo = prev_end
        if next_start is not None and hi == sent.end:
            hi = next_start
        return lo, hi

    def _break(self, tok: str) -> bool:
        return tok in _BREAKS or tok.lower() in self.lex.clause_words

    def words_before(self, pos: int, n: int, floor: int = 0) -> list[str]:
        """The n words before pos (lower case), not reaching back before floor."""
        return [w.lower() for w in re.findall(r"\w+", self.doc.clean[max(floor, pos - 12 * n):pos])][-n:]

    def located(self, ev: Event) -> Place | None:
        """The place of the document that gave the event its location, in its own sentence."""
        loc = ev.location or {}
        si = self.event_sentence(ev)
        if si < 0 or not loc.get("name"):
            return None
        s = self.doc.sentences[si]
        return next((p for p in self.doc.places if s.start <= p.start < s.end and p.name == loc["name"]), None)


def implied(place: Place | dict[str, Any]) -> dict[str, Any]:
    """A location taken from context: the EVENT_FORMAT object flagged `implicit`."""
    loc = place.location() if isinstance(place, Place) else dict(place)
    loc["implicit"] = True
    return loc
