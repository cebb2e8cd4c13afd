"""Attribution cues ("laut Euronews", "according to Reuters", "по данным ТАСС") from lang/<code>/attribution.yaml."""
from __future__ import annotations

import re

from ..lang import load_yaml
from ..model import Attribution, Document
from ..pipeline import register


class AttributionTagger:
    name = "attribution"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ("attributions",)

    def __init__(self, lang: str):
        self.lang = lang
        data = load_yaml(lang, "attribution.yaml") or {}
        cues = sorted(data.get("cues", []), key=len, reverse=True)
        # cue followed by a source name: capitalised words (allowing "The Moscow Times", "ТАСС")
        name = r"((?:der |die |des |the |la |le )?[A-ZА-ЯЁІЇЄ][\w.\-]*(?:\s+[A-ZА-ЯЁІЇЄ][\w.\-]*){0,3})"
        self.rx = re.compile(r"\b(" + "|".join(re.escape(c) for c in cues) + r")\s+" + name) if cues else None

    def __call__(self, doc: Document) -> Document:
        doc.attributions = []
        if self.rx is None:
            return doc
        for m in self.rx.finditer(doc.clean):
            source = re.sub(r"^(der|die|des|the|la|le) ", "", m.group(2))
            doc.attributions.append(Attribution(m.start(), m.end(), m.group(0), source=source))
        return doc


@register("attribution")
def make(lang: str) -> AttributionTagger:
    return AttributionTagger(lang)
