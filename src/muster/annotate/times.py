"""Temporal expressions (thin first version; see issue 'When')."""
from __future__ import annotations

from ..model import Document
from ..pipeline import register


class TimeTagger:
    name = "times"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ("times",)

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, doc: Document) -> Document:
        doc.times = []
        return doc


@register("times")
def make(lang: str) -> TimeTagger:
    return TimeTagger(lang)
