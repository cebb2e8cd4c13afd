"""A language's words for document context (lang/<code>/context.yaml): sites, locatives, clause words, datelines."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lang import SUPPORTED, load_yaml

_WORD_CHAR = re.compile(r"\w")


def _entry_pattern(entry: str, compound: bool) -> str:
    """One sites entry as a regex: "embass*" a prefix, "port" the whole word, "power plant*" a phrase;
    in a compounding language the entry may also sit inside a word ("Botschaftsnähe")."""
    words = [re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "") for w in entry.split()]
    body = r"\s+".join(words)
    return body if compound else rf"(?<!\w){body}(?!\w)"


@dataclass(frozen=True)
class Lexicon:
    """Compiled context words of one language (empty for an unknown language)."""

    sites: re.Pattern[str] | None = None  # one alternation; group i names kinds[i - 1]
    kinds: tuple[str, ...] = ()
    locative: frozenset[str] = frozenset()
    near: tuple[str, ...] = ()
    clause_words: frozenset[str] = frozenset()
    dateline: re.Pattern[str] | None = None
    compound: bool = False  # words join into compounds ("Botschaftsnähe")
    exclude: re.Pattern[str] | None = None  # words that contain a site entry but name no site ("Botschafter")

    def site_mentions(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """(start, end, kind) of every site named in text[start:end], widened to whole words; the longest
        entry wins where two kinds could claim one word ("Flughafen": airport, not port)."""
        if self.sites is None:
            return []
        end = len(text) if end is None else end
        out = []
        for m in self.sites.finditer(text, start, end):
            a, b = m.start(), m.end()
            while a > start and _WORD_CHAR.match(text[a - 1]):
                a -= 1
            while b < end and _WORD_CHAR.match(text[b]):
                b += 1
            if out and a < out[-1][1]:
                continue  # a second entry inside a word already counted
            if self.exclude is not None and self.exclude.fullmatch(text, a, b):
                continue
            out.append((a, b, self.kinds[(m.lastindex or 1) - 1]))
        return out


@lru_cache(maxsize=None)
def lexicon(lang: str | None) -> Lexicon:
    """The context words of a language (lang/<code>/context.yaml)."""
    data = load_yaml(lang, "context.yaml") if lang in SUPPORTED else None
    if not data:
        return Lexicon()
    compound = bool(data.get("compound"))
    entries = [(str(e).lower(), str(kind)) for kind, es in (data.get("sites") or {}).items() for e in es or ()]
    entries.sort(key=lambda e: -len(e[0]))  # the longest entry first: "flughafen" before "hafen"
    pattern = "|".join(f"({_entry_pattern(e, compound)})" for e, _ in entries)
    firsts = sorted({c for e, _ in entries for c in (e[0], e[0].upper())})
    pattern = f"(?=[{re.escape(''.join(firsts))}])(?:{pattern})"  # a cheap first-letter test before the alternation
    dl = data.get("dateline")
    ex = "|".join(_entry_pattern(str(e).lower(), False) for e in data.get("exclude") or ())
    return Lexicon(re.compile(pattern, re.IGNORECASE) if entries else None, tuple(k for _, k in entries),
                   frozenset(str(w).lower() for w in data.get("locative") or ()),
                   tuple(str(w).lower() for w in data.get("near") or ()),
                   frozenset(str(w).lower() for w in data.get("clause_words") or ()),
                   re.compile(dl, re.MULTILINE) if dl else None, compound,
                   re.compile(ex, re.IGNORECASE) if ex else None)
