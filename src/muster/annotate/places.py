"""Place mentions geocoded offline (thin first version; see issue 'Who and where')."""
from __future__ import annotations

from ..model import Document
from ..pipeline import register


class PlaceTagger:
    name = "places"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ("places",)

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, doc: Document) -> Document:
        doc.places = []
        return doc


@register("places")
def make(lang: str) -> PlaceTagger:
    return PlaceTagger(lang)
