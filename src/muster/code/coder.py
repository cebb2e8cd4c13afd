"""The event coder (thin first version; see issue 'What happened')."""
from __future__ import annotations

from ..model import Document
from ..pipeline import register


class EventCoder:
    name = "coder"
    requires: tuple[str, ...] = ("sentences", "actors", "places", "times", "attributions")
    provides: tuple[str, ...] = ("events",)

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, doc: Document) -> Document:
        doc.events = []
        return doc


@register("coder")
def make(lang: str) -> EventCoder:
    return EventCoder(lang)
