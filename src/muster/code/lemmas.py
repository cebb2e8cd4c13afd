"""Tokens with character offsets and cached simplemma lemmas (the lemmatiser ships its own data)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import simplemma

# words (with inner hyphens/apostrophes, "NATO-Delegation", "Raketen-"), or single punctuation marks
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*-?|[^\w\s]")


@dataclass(frozen=True)
class Token:
    """One token: surface text, lower-cased form, lemma (lower case), character span in the document."""

    text: str
    lower: str
    lemma: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum() or self.text[0] == "_"


@lru_cache(maxsize=200_000)
def lemma(word: str, lang: str) -> str:
    """Lower-cased lemma of a word (the word itself when simplemma does not know it)."""
    try:
        return simplemma.lemmatize(word, lang=lang).lower()
    except (ValueError, KeyError):
        return word.lower()


def tokenize(text: str, lang: str, offset: int = 0) -> list[Token]:
    """Tokens of `text`; spans are shifted by `offset` so they index the document's clean text."""
    out = []
    for m in _TOKEN.finditer(text):
        w = m.group(0)
        low = w.lower()
        lem = lemma(w, lang) if w[0].isalpha() else low
        out.append(Token(w, low, lem, m.start() + offset, m.end() + offset))
    return out
