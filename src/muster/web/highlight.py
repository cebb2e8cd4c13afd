"""Annotated text as flat segments: overlapping spans become runs of text, each with the layers covering it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

LAYER_CLASS = {"actors": "ann-actor", "places": "ann-place", "times": "ann-time", "attributions": "ann-attr",
               "evidence": "ann-evidence", "trigger": "ann-trigger", "focus": "ann-focus"}


@dataclass
class Mark:
    """A span to highlight: [start, end) in the text, its layer, a tooltip, an anchor id at its start, and the
    id of what it belongs to (an event, for evidence sentences)."""

    start: int
    end: int
    layer: str
    title: str = ""
    anchor: str | None = None
    ref: str | None = None


def label(m: dict[str, Any]) -> str:
    """A short tooltip for a stored mention."""
    layer = m.get("layer")
    if layer == "actors":
        return f"actor {m.get('code') or m.get('country') or '?'} ({m.get('name') or m.get('kind') or ''})"
    if layer == "places":
        return f"place {m.get('name') or '?'}, {m.get('country') or '?'}"
    if layer == "times":
        return f"time {m.get('value') or ''} [{m.get('start') or '…'} .. {m.get('end') or '…'}]"
    if layer == "attributions":
        return f"source {m.get('source') or '?'}"
    return str(layer)


def segments(text: str, marks: Iterable[Mark]) -> list[dict[str, Any]]:
    """Cut `text` at every mark boundary; each run carries the CSS classes, tooltips and anchors of its marks."""
    n = len(text)
    ms = [m for m in marks if 0 <= m.start < m.end <= n]
    cuts = sorted({0, n, *(m.start for m in ms), *(m.end for m in ms)})
    out: list[dict[str, Any]] = []
    for lo, hi in zip(cuts, cuts[1:]):
        cover = [m for m in ms if m.start <= lo and m.end >= hi]
        classes = sorted({LAYER_CLASS.get(m.layer, "ann-other") for m in cover})
        titles = list(dict.fromkeys(m.title for m in cover if m.title and m.layer not in ("evidence", "focus")))
        anchors = [m.anchor for m in ms if m.anchor and m.start == lo]
        refs = sorted({m.ref for m in cover if m.ref})
        out.append({"text": text[lo:hi], "cls": " ".join(classes), "title": "; ".join(titles), "anchors": anchors,
                    "refs": refs})
    return out


def context(text: str, start: int, end: int, around: int = 240) -> tuple[str, int, int]:
    """A window of `text` around [start, end): the excerpt and the span's offsets inside it."""
    lo = max(0, start - around)
    hi = min(len(text), end + around)
    lo = text.rfind("\n", lo, start) + 1 if "\n" in text[lo:start] else lo
    nl = text.find("\n", end, hi)
    hi = nl if nl != -1 else hi
    return text[lo:hi], start - lo, end - lo
