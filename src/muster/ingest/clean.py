"""Boilerplate removal for plain text: data-driven line rules plus shape rules, with offsets.

Rules come from every `lang/<code>/boilerplate.txt` (the union: a portal in one language often
carries share/cookie lines in another, and the rules match whole lines, so false hits across
languages are rare). Syntax of those files, one rule per line ('#' starts a comment line):

    Lesen Sie auch         exact line (case-insensitive; surrounding bullets and a trailing
                           ':' '…' '.' '»' '>' are ignored)
    Quellen:*              prefix: any line starting with "Quellen:" (a trailing '*' marks prefixes)
    re:\\(?Foto: .{1,80}$   regular expression matched from the start of the stripped line,
                           case-insensitive (anchor the end with '$' where you mean it)
    nav:Facebook           navigation word: a short line made only of such words is navigation
    teaser:Read more       exact line that announces a teaser: it is dropped, and so is the next
                           line when it looks like a linked headline (short, no final punctuation)

Shape rules (language-independent): a line that is only a URL or only hashtags; a short line of
navigation words; a teaser headline after a teaser marker; a short line repeated in several
documents of the same batch (`repeated_lines`). Shape rules never drop a line that reads like a
sentence (at least SENTENCE_MIN_WORDS words and final punctuation): every sentence is kept.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

from ..lang import SUPPORTED, load_lines

SENTENCE_MIN_WORDS = 5      # a line with this many words and final punctuation is a sentence
NAV_MAX_WORDS = 8           # a navigation line has at most this many words
TEASER_MAX_WORDS = 14       # a teaser headline after a marker has at most this many words
REPEAT_MIN_DOCS = 3         # a line in this many documents of a batch is boilerplate ...
REPEAT_MAX_CHARS = 100      # ... when it is at most this long (and not a sentence)
PREFIX_MAX_WORDS = 16       # prefix rules skip longer lines that end like a sentence

_FINAL = re.compile(r"[.!?…;][\"'»«“”„)\]]*$")
_STRIP_END = " \t:.…»›>→|-–—"
_STRIP_START = " \t»›>•·*-–—|"
_SEPARATORS = re.compile(r"[\s|·•/,;]+")
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_HASHTAGS = re.compile(r"^(?:[#@]\w[\w-]*[\s,]*)+$")


def line_key(line: str) -> str:
    """Normalised form of a line for exact matching: case-folded, single spaces, no bullets."""
    return " ".join(line.strip().strip(_STRIP_END).lstrip(_STRIP_START).strip(_STRIP_END).casefold().split())


@dataclass(frozen=True)
class Rules:
    """Compiled boilerplate rules."""

    exact: frozenset[str]
    teasers: frozenset[str]
    prefixes: tuple[str, ...]
    pattern: re.Pattern[str] | None
    nav: frozenset[str]


def parse_rules(lines: Iterable[str]) -> Rules:
    """Compile rule lines written in the boilerplate.txt syntax (see the module docstring)."""
    exact: set[str] = set()
    teasers: set[str] = set()
    prefixes: set[str] = set()
    regexes: list[str] = []
    nav: set[str] = set()
    for line in lines:
        if line.startswith("re:"):
            re.compile(line[3:])  # fail early on a broken pattern
            regexes.append(f"(?:{line[3:]})")
        elif line.startswith("nav:"):
            nav.add(line[4:].strip().casefold())
        elif line.startswith("teaser:"):
            teasers.add(line_key(line[7:]))
        elif line.endswith("*"):
            prefixes.add(" ".join(line[:-1].casefold().split()))
        else:
            exact.add(line_key(line))
    pattern = re.compile("|".join(regexes), re.I) if regexes else None
    return Rules(frozenset(exact | teasers), frozenset(teasers),
                 tuple(sorted(prefixes, key=len, reverse=True)), pattern, frozenset(nav))


@lru_cache(maxsize=None)
def default_rules() -> Rules:
    """The union of lang/<code>/boilerplate.txt over every supported language."""
    lines: list[str] = []
    for lang in SUPPORTED:
        lines.extend(load_lines(lang, "boilerplate.txt"))
    return parse_rules(lines)


def is_sentence(line: str) -> bool:
    return len(line.split()) >= SENTENCE_MIN_WORDS and bool(_FINAL.search(line))


def _is_nav(line: str, nav: frozenset[str]) -> bool:
    words = [w for w in _SEPARATORS.split(line.casefold()) if w]
    return 0 < len(words) <= NAV_MAX_WORDS and all(w.strip(":.!") in nav for w in words)


def classify(line: str, rules: Rules, *, after_teaser: bool = False,
             repeated: frozenset[str] = frozenset()) -> str | None:
    """Why a stripped line is boilerplate ("list", "prefix", "pattern", "navigation", "url",
    "hashtags", "teaser", "repeated"), or None when it is article text."""
    key = line_key(line)
    if key in rules.exact:
        return "list"
    words, final = len(line.split()), _FINAL.search(line) is not None  # read once for the rules below
    if words <= PREFIX_MAX_WORDS or not final:
        # French typography spaces the colon ("Sources : AFP"); the rules are written without
        folded = " ".join(line.casefold().split()).replace(" :", ":")
        if folded.startswith(rules.prefixes):
            return "prefix"
    if rules.pattern is not None and rules.pattern.match(line):
        return "pattern"
    if words >= SENTENCE_MIN_WORDS and final:  # is_sentence(line)
        return None
    if _URL.match(line):
        return "url"
    if _HASHTAGS.match(line):
        return "hashtags"
    if _is_nav(line, rules.nav):
        return "navigation"
    if after_teaser and words <= TEASER_MAX_WORDS and not final:
        return "teaser"
    if key in repeated and len(line) <= REPEAT_MAX_CHARS:
        return "repeated"
    return None


def _lines(raw: str, start: int) -> Iterable[tuple[int, int]]:
    """(start, end) of each non-blank line from `start`, without surrounding whitespace."""
    pos, n = start, len(raw)
    while pos < n:
        nl = raw.find("\n", pos)
        end = n if nl == -1 else nl
        s, e = pos, end
        while s < e and raw[s].isspace():
            s += 1
        while e > s and raw[e - 1].isspace():
            e -= 1
        if e > s:
            yield s, e
        pos = end + 1


def clean(raw: str, *, start: int = 0, rules: Rules | None = None,
          repeated: frozenset[str] = frozenset()) -> tuple[str, list[int], list[dict[str, Any]]]:
    """(clean text, offsets, removed lines) for raw[start:].

    Kept lines are stripped and joined by the newline that ended the previous kept line, so
    `raw[offsets[i]] == clean[i]` for every i. `removed` holds {"text", "start", "end", "reason"}.
    """
    rules = rules or default_rules()
    parts: list[str] = []
    offsets: list[int] = []
    removed: list[dict[str, Any]] = []
    prev_end = -1
    after_teaser = False
    for s, e in _lines(raw, start):
        line = raw[s:e]
        reason = classify(line, rules, after_teaser=after_teaser, repeated=repeated)
        after_teaser = reason == "list" and line_key(line) in rules.teasers
        if reason:
            removed.append({"text": line, "start": s, "end": e, "reason": reason})
            continue
        if prev_end >= 0:
            nl = raw.find("\n", prev_end)
            parts.append("\n")
            offsets.append(nl)
        parts.append(line)
        offsets.extend(range(s, e))
        prev_end = e
    return "".join(parts), offsets, removed


def repeated_lines(texts: Iterable[str], min_docs: int = REPEAT_MIN_DOCS) -> frozenset[str]:
    """Keys of short lines (line_key) found in at least `min_docs` of the given texts."""
    counts: Counter[str] = Counter()
    for text in texts:
        keys = {line_key(ln) for ln in text.splitlines() if 0 < len(ln.strip()) <= REPEAT_MAX_CHARS}
        keys.discard("")
        counts.update(keys)
    return frozenset(k for k, c in counts.items() if c >= min_docs)
