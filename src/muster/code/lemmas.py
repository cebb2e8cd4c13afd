"""Tokens with character offsets, and lemmas from the per-language tables lang/<code>/lemmas.tsv.

The tables hold the simplemma dictionary entries (form -> lemma) that the event patterns can use;
tools/build_lemmas.py derives them, so no lemmatiser dictionary loads at run time (fast start-up).
A form missing from the table is its own lemma.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..lang import path

# Cyrillic words keep their apostrophe ("зв'язки"); other words split at it ("l'ambassade", "didn't"),
# keep inner hyphens ("NATO-Delegation") and a trailing one ("Raketen- und Drohnenangriffe");
# numbers keep their separators ("1,3"); anything else is a one-character punctuation token
_CYR = "А-Яа-яЁёІіЇїЄєҐґ"
_TOKEN = re.compile(rf"\d+(?:[.,]\d+)+|[{_CYR}]+(?:['’ʼ][{_CYR}]+)+|\w+(?:-\w+)*-?|[^\w\s]")
# the same tokens through split(): [blank, token, blank, token, ..., blank] (only blanks lie between tokens)
_SPLIT = re.compile(f"({_TOKEN.pattern})")


class Token(NamedTuple):
    """One token: surface text, lower-cased form, lemma (lower case), character span, word or punctuation."""

    text: str
    lower: str
    lemma: str
    start: int
    end: int
    is_word: bool


@lru_cache(maxsize=None)
def table(lang: str) -> dict[str, str]:
    """form (as written) -> lemma (lower case) for a language; empty when it has no table."""
    p = path(lang, "lemmas.tsv")
    if not p.is_file():
        return {}
    out: dict[str, str] = {}
    for line in p.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            form, _, lem = line.partition("\t")
            out[form] = lem
    return out


def lemma(word: str, lang: str) -> str:
    """Lower-cased lemma of a word: its entry as written, else its lower-case entry, else itself."""
    t = table(lang)
    low = word.lower()
    return t.get(word) or t.get(low, low)


_WORDS: dict[str, dict[str, tuple[str, str, bool, int]]] = {}  # lang -> written form -> (lower, lemma, is_word, length)
_MAX_SEEN = 200_000  # forms remembered per language


def tokenize(text: str, lang: str, offset: int = 0) -> list[Token]:
    """Tokens of `text`; spans are shifted by `offset` so they index the document's clean text."""
    seen = _WORDS.get(lang)
    if seen is None:
        seen = _WORDS[lang] = {}
    lemmas = None
    out = []
    append = out.append
    new = tuple.__new__  # what Token._make does, without its per-call length check
    parts = _SPLIT.split(text)
    pos = offset + len(parts[0])
    for k in range(1, len(parts), 2):
        w = parts[k]
        got = seen.get(w)
        if got is None:
            if lemmas is None:
                lemmas = table(lang)
            low = w.lower()
            first = w[0]
            got = (low, lemmas.get(w) or lemmas.get(low, low), first.isalnum() or first == "_", len(w))
            if len(seen) < _MAX_SEEN:
                seen[w] = got
        low, lem, is_word, n = got
        end = pos + n
        append(new(Token, (w, low, lem, pos, end, is_word)))
        pos = end + len(parts[k + 1])
    return out
