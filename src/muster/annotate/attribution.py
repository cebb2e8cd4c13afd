"""Attribution cues ("laut Euronews", "according to Reuters", "по данным ТАСС", "Reuters zufolge")
from lang/<code>/attribution.yaml: `cues` precede the source, `cues_after` follow it."""
from __future__ import annotations

import re

from ..lang import load_yaml
from ..model import Attribution, Document
from ..pipeline import register

_UP = "A-ZÄÖÜÀ-ÞА-ЯЁІЇЄҐĂÂÎȘȚŞŢ"
# a source name: up to four capitalised words ("The Moscow Times", "ТАСС", "Radio Free Europe")
_NAME = rf"((?:(?:der|die|des|dem|the|la|le|les|l'|агентства|издания)\s+)?[{_UP}][\w.\-&]*(?:\s+[{_UP}][\w.\-&]*){{0,3}})"
_ARTICLE = re.compile(r"^(?:der|die|des|dem|the|la|le|les|l'|агентства|издания)\s+")


class AttributionTagger:
    name = "attribution"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ("attributions",)

    def __init__(self, lang: str):
        self.lang = lang
        data = load_yaml(lang, "attribution.yaml") or {}
        before = sorted(data.get("cues") or [], key=len, reverse=True)
        after = sorted(data.get("cues_after") or [], key=len, reverse=True)
        alt = lambda cs: "|".join(re.escape(c) for c in cs)  # noqa: E731
        self.rx = re.compile(rf"(?<!\w)({alt(before)})\s+{_NAME}") if before else None
        self.rx_after = re.compile(rf"{_NAME}\s+({alt(after)})(?!\w)") if after else None

    def __call__(self, doc: Document) -> Document:
        found: list[Attribution] = []
        if self.rx is not None:
            for m in self.rx.finditer(doc.clean):
                found.append(Attribution(m.start(), m.end(), m.group(0), source=_ARTICLE.sub("", m.group(2))))
        if self.rx_after is not None:
            for m in self.rx_after.finditer(doc.clean):
                if not any(a.start <= m.start() < a.end for a in found):
                    found.append(Attribution(m.start(), m.end(), m.group(0), source=_ARTICLE.sub("", m.group(1))))
        doc.attributions = sorted(found, key=lambda a: a.start)
        return doc


@register("attribution")
def make(lang: str) -> AttributionTagger:
    return AttributionTagger(lang)
