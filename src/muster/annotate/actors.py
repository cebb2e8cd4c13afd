"""Actor mentions (thin first version; see issue 'Who and where')."""
from __future__ import annotations

from ..model import Document
from ..pipeline import register


class ActorTagger:
    name = "actors"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ("actors",)

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, doc: Document) -> Document:
        doc.actors = []
        return doc


@register("actors")
def make(lang: str) -> ActorTagger:
    return ActorTagger(lang)
