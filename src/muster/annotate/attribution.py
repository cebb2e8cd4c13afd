"""Attribution cues ("laut Euronews", "according to Reuters", "по данным ТАСС", "Reuters zufolge")
from lang/<code>/attribution.yaml: `cues` precede the source, `cues_after` follow it."""
from __future__ import annotations

import re
from bisect import bisect_right

from ..lang import load_yaml
from ..model import Attribution, Document
from ..pipeline import register

_UP = "A-ZÄÖÜÀ-ÞА-ЯЁІЇЄҐĂÂÎȘȚŞŢ"
# a source name: an optional article (the language's `articles`) or outlet word, then up to four
# capitalised words ("The Moscow Times", "ТАСС", "Radio Free Europe")
_NAME = rf"((?:(?:{{words}})\s+)?[«„“\"]?[{_UP}][\w.\-&]*(?:\s+[{_UP}][\w.\-&]*){{{{0,3}}}})"
_QUOTE = re.compile(r"^[«„“\"]")


def _sentence_end(name: str) -> int:
    """Length of a matched source name up to a full stop ending a sentence inside it ("Reuters. Poland"),
    keeping abbreviations ("U.S. State Department", "Dr. X")."""
    for m in re.finditer(r"\.\s+", name):
        words = name[:m.start()].split()
        if words and len(words[-1]) > 2 and "." not in words[-1]:
            return m.start()
    return len(name)


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
        # "сообщает агентство Anadolu", "как пишет «Коммерсантъ»": outlet words and quotes around the name
        outlets = [re.escape(w) for w in data.get("source_words") or []]
        articles = [re.escape(str(w)) for w in data.get("articles") or []]
        name = _NAME.format(words="|".join(articles + outlets) or "(?!)")
        self.prefix = re.compile(rf"^(?:{'|'.join(outlets)})\s+") if outlets else None
        self.article = re.compile(rf"^(?:{'|'.join(articles)})\s+") if articles else None
        self.rx = re.compile(rf"(?<!\w)({alt(before)})\s+{name}") if before else None
        self.rx_after = re.compile(rf"{name}\s+({alt(after)})(?!\w)") if after else None
        # every rx_after match holds a blank then a cue: texts without one skip the costly name scan
        self.cue_after = re.compile(rf"\s({alt(after)})(?!\w)") if after else None

    def _source(self, name: str) -> str:
        if self.article is not None:
            name = self.article.sub("", name)
        name = _QUOTE.sub("", name)
        if self.prefix is not None:
            name = _QUOTE.sub("", self.prefix.sub("", name))
        return name

    def __call__(self, doc: Document) -> Document:
        found: list[Attribution] = []
        if self.rx is not None:
            for m in self.rx.finditer(doc.clean):
                cut = _sentence_end(m.group(2))  # "according to Reuters.\nPoland ...": the name ends with its sentence
                end = m.end() - (len(m.group(2)) - cut)
                found.append(Attribution(m.start(), end, doc.clean[m.start():end], source=self._source(m.group(2)[:cut])))
        if self.rx_after is not None and self.cue_after is not None and self.cue_after.search(doc.clean):
            # the cues found before the name are disjoint and in text order: the one that may hold a
            # position is the last starting at or before it (the cues after a name never overlap each other)
            before, starts = list(found), [a.start for a in found]
            for m in self.rx_after.finditer(doc.clean):
                k = bisect_right(starts, m.start()) - 1
                if k < 0 or m.start() >= before[k].end:
                    found.append(Attribution(m.start(), m.end(), m.group(0), source=self._source(m.group(1))))
        doc.attributions = sorted(found, key=lambda a: a.start)
        return doc


@register("attribution")
def make(lang: str) -> AttributionTagger:
    return AttributionTagger(lang)
