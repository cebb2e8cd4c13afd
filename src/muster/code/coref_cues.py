"""Words next to an event mention that make it a new incident ("another", "again") or count it ("13 hostages")."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..lang import SUPPORTED, load_yaml
from ..model import Document, Event

WINDOW = 3  # words on each side of the trigger
_WORD = re.compile(r"\w+")
_COUNT = re.compile(r"\d+")


@dataclass(frozen=True)
class Cues:
    """A language's new-incident words, and the document's time spans (a date's digits count nothing).

    The window is the three words before the mention's trigger, the trigger's stretch and the three
    words after, inside its sentence. A `new_incident` cue of the language (lang/<code>/coref.yaml:
    "another strike", "griff erneut an", "ещё восемь") makes the mention another incident than those
    told before; a count ("13 hostages" against "39 prisoners") tells two releases apart.
    """

    words: frozenset[str]
    time_starts: tuple[int, ...] = ()
    time_ends: tuple[int, ...] = ()

    @classmethod
    def of(cls, doc: Document, lang: str | None) -> "Cues":
        code = doc.language or lang
        data = load_yaml(code, "coref.yaml") if code in SUPPORTED else None
        words = frozenset(str(w).lower() for w in (data or {}).get("new_incident") or ())
        spans = sorted((t.start, t.end) for t in doc.times)
        return cls(words, tuple(s for s, _ in spans), tuple(e for _, e in spans))

    def _window(self, doc: Document, ev: Event) -> list[re.Match[str]]:
        trig, sent = ev.trigger or {}, ev.evidence
        if trig.get("start") is None or sent.get("start") is None:
            return []
        lo, hi = sent["start"], sent.get("end") or len(doc.clean)
        t0, t1 = max(lo, trig["start"]), min(hi, trig["end"])
        before = list(_WORD.finditer(doc.clean, lo, t0))[-WINDOW:]
        after = list(_WORD.finditer(doc.clean, t1, hi))[:WINDOW]
        return before + list(_WORD.finditer(doc.clean, t0, t1)) + after

    def new_incident(self, doc: Document, ev: Event) -> bool:
        """A cue word (or two-word phrase) in the mention's window."""
        if not self.words:
            return False
        words = [m.group().lower() for m in self._window(doc, ev)]
        return any(w in self.words for w in words) or any(f"{a} {b}" in self.words for a, b in zip(words, words[1:]))

    def counts(self, doc: Document, ev: Event) -> frozenset[str]:
        """The numbers in the mention's window that are not part of a date."""
        out = set()
        for m in self._window(doc, ev):
            if _COUNT.fullmatch(m.group()) and not self._in_time(m.start()):
                out.add(m.group().lstrip("0") or "0")
        return frozenset(out)

    def _in_time(self, pos: int) -> bool:
        i = bisect_right(self.time_starts, pos) - 1
        return i >= 0 and pos < self.time_ends[i] or any(
            s <= pos < e for s, e in zip(self.time_starts[max(0, i - 3):i], self.time_ends[max(0, i - 3):i]))
