"""What role rules fill and read: a role filler (Slot), the document frame (Frame) and the type groups they test."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..model import Document, Mention, party
from .by_sentence import ByStart

SYMMETRIC = ("CONSULT", "AGREE", "COOPERATE")
STATE_ACTS = ("COERCE", "MOBILIZE")  # done by a state's organs when the text names no actor
DOMESTIC = ("COERCE", "PROTEST")  # usually aimed at people of the country where they happen
# types that answer an earlier event: "Russia denied", "Tehran condemned the decision"
STATE_SECTORS = ("GOV", "MIL", "COP", "JUD", "SPY", "LEG")
BLAMING = ("ACCUSE", "SANCTION", "THREATEN", "PROTEST")
REPLIES = ("REJECT", "ACCUSE", "THREATEN", "CONCEDE", "SUPPORT", "SANCTION", "RETREAT")
# acts of one state towards another that news often chains ("expelled ... and summoned ...")
DIPLOMATIC = ("ACCUSE", "SANCTION", "THREATEN", "REQUEST", "REJECT")


@dataclass
class Slot:
    """A role filler: the mention (or None) and whether it was inferred from context."""

    mention: Mention | None = None
    implicit: bool = False
    country: str | None = None
    sector: str | None = None
    text: str | None = None
    code: str | None = None
    name: str | None = None

    def as_party(self) -> dict[str, Any] | None:
        if self.mention is not None:
            out = party(self.mention, implicit=self.implicit)
            if self.country and not out.get("country"):
                out["country"] = self.country
            return out
        if self.country is None and self.code is None:
            return None
        code = self.code or ((self.country or "") + (self.sector or "")) or None
        return {"text": self.text, "name": self.name, "code": code, "country": self.country,
                "sector": self.sector, "implicit": self.implicit}

    @property
    def key(self) -> str | None:
        """Country, else organisation code (EU, NATO): what identifies the party across events."""
        if self.iso:
            return self.iso
        return self.code or (self.mention.code if self.mention is not None else None)

    @property
    def iso(self) -> str | None:
        if self.mention is not None and self.mention.country:
            return self.mention.country
        return self.country

    def copy(self, implicit: bool = True) -> "Slot":
        return Slot(self.mention, implicit, self.country, self.sector, self.text, self.code, self.name)


@dataclass
class Frame:
    """Which countries the document is about: actor mentions by country, and where its places lie."""

    counts: Counter = field(default_factory=Counter)
    places: Counter = field(default_factory=Counter)
    lang: str = ""
    mentions: list[Mention] = field(default_factory=list)  # the document's actor mentions, in text order
    acting: set[str] = field(default_factory=set)  # parties some sentence names as an actor (set by role_engine)
    hostile: set[str] = field(default_factory=set)  # ... as the actor of force or a threat of it (set by role_engine)
    drafts: list[Any] = field(default_factory=list)  # the document's drafts in text order (set by role_engine)
    position: dict[int, int] = field(default_factory=dict)  # id(draft) -> its index in drafts (set by role_engine)
    # set by role_engine before the `document` phase: named actors' countries per event type, and the
    # indices of the drafts that carry each pattern rule and each type (ascending)
    by_type: dict[str, Counter] = field(default_factory=dict)
    with_rule: dict[str, list[int]] = field(default_factory=dict)
    with_type: dict[str, list[int]] = field(default_factory=dict)
    shown: dict[str, Any] | None = None  # actor key -> its first show of force with a target (mobilize_same_side)
    _index: ByStart[Mention] | None = field(default=None, repr=False, compare=False)

    def between(self, lo: int, hi: int) -> list[Mention]:
        """The actor mentions starting in [lo, hi)."""
        if self._index is None:
            self._index = ByStart(self.mentions)
        return self._index.between(lo, hi)

    @classmethod
    def of(cls, doc: Document, actors: list[Mention]) -> "Frame":
        c: Counter = Counter()
        for m in actors:
            if m.country and m.role != "place" and m.kind != "outlet":
                c[m.country] += 1
        p: Counter = Counter(pl.country for pl in doc.places if pl.country)
        return cls(c, p, doc.language or "", sorted(actors, key=lambda m: m.start))

    def top(self, exclude: set[str | None], minimum: int = 2) -> str | None:
        for country, n in self.counts.most_common():
            if country not in exclude and n >= minimum:
                return country
        return None

    def home(self) -> str | None:
        """The country the story is about: the most named country, as actor or as place."""
        both = self.counts + self.places
        return both.most_common(1)[0][0] if both else None
