"""Tokens with character offsets and cached simplemma lemmas (the lemmatiser ships its own data)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import simplemma

# Cyrillic words keep their apostrophe ("зв'язки"); other words split at it ("l'ambassade", "didn't"),
# keep inner hyphens ("NATO-Delegation") and a trailing one ("Raketen- und Drohnenangriffe");
# anything else is a one-character punctuation token
_CYR = "А-Яа-яЁёІіЇїЄєҐґ"
_TOKEN = re.compile(rf"\d+(?:[.,]\d+)+|[{_CYR}]+(?:['’ʼ][{_CYR}]+)+|\w+(?:-\w+)*-?|[^\w\s]")


class Token(NamedTuple):
    """One token: surface text, lower-cased form, lemma (lower case), character span, word or punctuation."""

    text: str
    lower: str
    lemma: str
    start: int
    end: int
    is_word: bool


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
        first = w[0]
        lem = lemma(w, lang) if first.isalpha() else low
        out.append(Token(w, low, lem, m.start() + offset, m.end() + offset, first.isalnum() or first == "_"))
    return out
