"""Sentence splitter: rule-based, with per-language abbreviation lists (lang/<code>/abbreviations.txt)
and the registry's `ordinal_dot` flag (lang/<code>/language.yaml)."""
from __future__ import annotations

import re

from ..lang import languages, load_lines
from ..model import Document, Sentence
from ..pipeline import register

# A sentence ends at . ! ? … (optionally followed by closing quotes/brackets) before whitespace
# and an upper-case letter, digit or opening quote; and always at a line break.
_END = re.compile(r"[.!?…]+[\"'»“”)\]]*(?=\s+[\"'«„“(\[]?[\w\d])")


class SentenceSplitter:
    name = "sentences"
    requires: tuple[str, ...] = ("clean",)
    provides: tuple[str, ...] = ("sentences",)

    def __init__(self, lang: str):
        self.lang = lang
        self.abbrev = {a.lower().rstrip(".") for a in load_lines(lang, "abbreviations.txt")}
        entry = languages().get(lang)
        self.ordinal_dot = bool(entry and entry.ordinal_dot)  # "am 14. November": ordinals written with a dot

    def _is_abbrev(self, text: str, dot: int) -> bool:
        k = dot  # the word right before the dot: the run of word characters (\w) ending there
        while k > 0 and (text[k - 1].isalnum() or text[k - 1] == "_"):
            k -= 1
        if k == dot:
            return False
        word = text[k:dot]
        if word.lower() in self.abbrev:
            return True
        if len(word) == 1 and word.isalpha():  # initials: "I. Alijew"
            return True
        if word.isdigit():  # "am 14. November": ordinal dot followed by lower case or month
            nxt = text[dot + 1:dot + 3].strip()
            return bool(nxt) and (nxt[0].islower() or len(word) <= 2 and self.ordinal_dot)
        return False

    def split(self, text: str) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        for line in re.finditer(r"[^\n]+", text):
            base, chunk = line.start(), line.group(0)
            start = 0
            for m in _END.finditer(chunk):
                if chunk[m.start()] == "." and self._is_abbrev(chunk, m.start()):
                    continue
                out.append((base + start, base + m.end()))
                start = m.end()
            out.append((base + start, base + len(chunk)))
        spans = []
        for s, e in out:
            seg = text[s:e]
            lead = len(seg) - len(seg.lstrip())
            trail = len(seg) - len(seg.rstrip())
            s, e = s + lead, e - trail
            if e > s:
                spans.append((s, e))
        return spans

    def __call__(self, doc: Document) -> Document:
        doc.sentences = [Sentence(s, e, doc.clean[s:e]) for s, e in self.split(doc.clean)]
        return doc


@register("sentences")
def make(lang: str) -> SentenceSplitter:
    return SentenceSplitter(lang)
