"""Reads TIMEX2 inline corpora (ACE TERN layout, e.g. WikiWarsDE) and scores calendar-date values.

Scoring follows the benchmark's own rules: the text is the part between <TEXT> and </TEXT> with
every tag removed (TIMEX2 tags too, keeping what they enclose); gold units are the TIMEX2 whose
`val` is a calendar date (YYYY, YYYY-MM, YYYY-MM-DD); a gold date is found when a prediction
overlaps it, and value exact when one of those overlapping predictions has exactly its value.
Predictions are located in the input by their text, searched from their span onwards (spans
into a cleaned text still score).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)([^>]*)>")
_VAL = re.compile(r'\bval="([^"]*)"')
_CALENDAR = re.compile(r"^\d{4}(-\d\d(-\d\d)?)?$")
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)
_DATETIME = re.compile(r"<DATETIME>.*?val=\"(\d{4}-\d\d-\d\d)", re.DOTALL)


@dataclass
class Gold:
    start: int
    end: int
    text: str
    value: str


@dataclass
class Doc:
    """One benchmark document: its plain text, its anchor day and its calendar-date gold."""

    id: str
    text: str
    anchor: str | None
    gold: list[Gold] = field(default_factory=list)


def parse(xml: str, doc_id: str = "") -> Doc:
    """The plain text, anchor and calendar-date gold of one TIMEX2 inline document."""
    m = _TEXT.search(xml)
    body = m.group(1) if m else xml
    a = _DATETIME.search(xml)
    out: list[str] = []
    pos = 0
    stack: list[tuple[int, str | None]] = []
    gold: list[Gold] = []
    length = 0
    for t in _TAG.finditer(body):
        chunk = body[pos:t.start()]
        out.append(chunk)
        length += len(chunk)
        pos = t.end()
        if t.group(2).upper() != "TIMEX2":
            continue
        if not t.group(1):
            v = _VAL.search(t.group(3))
            stack.append((length, v.group(1) if v else None))
            if t.group(3).rstrip().endswith("/"):
                stack.pop()  # an empty element
        elif stack:
            s, val = stack.pop()
            if val is not None and _CALENDAR.match(val):
                gold.append(Gold(s, length, "", val))
    out.append(body[pos:])
    text = "".join(out)
    for g in gold:
        g.text = text[g.start:g.end]
    gold.sort(key=lambda g: (g.start, g.end))
    return Doc(doc_id, text, a.group(1) if a else None, gold)


def load(folder: Path) -> list[Doc]:
    """Every *.xml document of a folder, in file-name order."""
    return [parse(p.read_text(encoding="utf-8"), p.name.split(".")[0]) for p in sorted(folder.glob("*.xml"))]


def locate(text: str, pred_text: str, start: int) -> tuple[int, int] | None:
    """Where a prediction's text lies in the input, searched from `start` (any whitespace between
    words), else from the beginning."""
    words = pred_text.split()
    if not words:
        return None
    rx = re.compile(r"\s+".join(re.escape(w) for w in words))
    m = rx.search(text, max(0, start)) or rx.search(text)
    return (m.start(), m.end()) if m else None


@dataclass
class Figures:
    gold: int = 0
    found: int = 0
    exact: int = 0
    predicted: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        g = max(self.gold, 1)
        return {"gold": self.gold, "predicted": self.predicted, "found": round(self.found / g, 3),
                "value_exact": round(self.exact / g, 3)}


def score(docs: Iterable[Doc], system: Callable[[str, str | None], list[Any]]) -> Figures:
    """Found and value-exact counts; `system(text, anchor)` returns objects with start, text, value."""
    f = Figures()
    for d in docs:
        preds = []
        for p in system(d.text, d.anchor):
            at = locate(d.text, p.text, p.start)
            if at:
                preds.append((at[0], at[1], p.value, p.text))
        f.predicted += len(preds)
        for g in d.gold:
            f.gold += 1
            over = [p for p in preds if p[0] < g.end and p[1] > g.start]
            if over:
                f.found += 1
            if any(p[2] == g.value for p in over):
                f.exact += 1
            else:
                f.misses.append({"doc": d.id, "gold": g.text, "val": g.value, "start": g.start,
                                 "pred": [(p[3], p[2]) for p in over]})
    return f
