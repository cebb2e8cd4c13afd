"""Runs many word-anchored regexes over a text, trying each only where its first characters fit.

`Scanner(regexes).scan(text)` returns, per regex, exactly the matches of `regex.finditer(text)`.
A regex that starts with a lookbehind excluding a word character before the match, such as
(?<![\\w/]) or (?<!\\w), and never matches the empty string, can only start at 0 or right after
a non-word character; its possible first K characters are read off its parse tree into a small
"head" regex compiled with the same flags (so case folding is the same). At each such position
the next K characters look up (and cache) the regexes whose head fits, and only those are tried
there, with the finditer rule that a match starts at or after the end of the previous one. When
every head surely starts with a word character (the usual case) only word starts are looked up.
Heads are supersets: anything the analysis cannot follow (group references, flag changes,
unknown operators) ends the head there, and a regex with no usable head runs through finditer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

try:
    from re import _constants as _C, _parser as _P  # CPython 3.11+
except ImportError:  # pragma: no cover - another interpreter: every regex runs through finditer
    _C = _P = None  # type: ignore[assignment]

K = 4  # characters of head per regex
_MAX_HEADS = 4000  # prefix alternatives per regex before giving up on a head
_MAX_CACHE = 50_000  # cached K-character keys per scanner (a few MB at most)
_NONWORD = re.compile(r"\W+")


class _TooDeep(Exception):
    pass


def _cats() -> dict[Any, str]:
    return {_C.CATEGORY_DIGIT: r"\d", _C.CATEGORY_NOT_DIGIT: r"\D", _C.CATEGORY_SPACE: r"\s",
            _C.CATEGORY_NOT_SPACE: r"\S", _C.CATEGORY_WORD: r"\w", _C.CATEGORY_NOT_WORD: r"\W"}


Frag = tuple[str, bool]  # a one-character regex, and whether it surely matches only word characters


_IOTA = {"\u0345", "\u03b9", "\u0399", "\u1fbe"}  # U+0345, a combining mark (not \\w), folds to iota


def _is_word(c: str) -> bool:
    """Whether `c` and everything it matches ignoring case is \\w (a letter, a digit or "_")."""
    return (c.isalnum() or c == "_") and c not in _IOTA and c.lower() not in _IOTA


def _char_class(items: list[tuple[Any, Any]]) -> Frag | None:
    cats = _cats()
    parts, wordy = [], True
    for op, av in items:
        if op is _C.NEGATE:
            parts.insert(0, "^")
            wordy = False
        elif op is _C.LITERAL:
            parts.append(re.escape(chr(av)))
            wordy = wordy and _is_word(chr(av))
        elif op is _C.RANGE:
            parts.append(re.escape(chr(av[0])) + "-" + re.escape(chr(av[1])))
            wordy = wordy and av[1] - av[0] < 512 and all(_is_word(chr(c)) for c in range(av[0], av[1] + 1))
        elif op is _C.CATEGORY and av in cats:
            parts.append(cats[av])
            wordy = wordy and av in (_C.CATEGORY_DIGIT, _C.CATEGORY_WORD)
        else:
            return None
    return "[" + "".join(parts) + "]", wordy


def _prefixes(seq: list[tuple[Any, Any]], k: int, depth: int = 0) -> set[tuple[Frag, ...]]:
    """Every way the first `k` characters of a match of `seq` can look, as tuples of one-character
    regexes; a shorter tuple is a match that may end (or a place the analysis stops) there."""
    if depth > 60:
        raise _TooDeep
    if k == 0 or not seq:
        return {()}
    (op, av), rest = seq[0], seq[1:]
    frag: Frag | None = None
    if op in (_C.ASSERT, _C.ASSERT_NOT, _C.AT):
        return _prefixes(rest, k, depth + 1)  # zero width: dropping it only widens the head
    if op is _C.LITERAL:
        frag = re.escape(chr(av)), _is_word(chr(av))
    elif op is _C.NOT_LITERAL:
        frag = "[^" + re.escape(chr(av)) + "]", False
    elif op is _C.IN:
        frag = _char_class(av)
    elif op is _C.ANY:
        frag = ".", False
    elif op is _C.SUBPATTERN and not av[1] and not av[2]:
        return _prefixes(list(av[3]) + rest, k, depth + 1)
    elif op is _C.ATOMIC_GROUP:
        return _prefixes(list(av) + rest, k, depth + 1)
    elif op is _C.BRANCH:
        out: set[tuple[Frag, ...]] = set()
        for alt in av[1]:
            out |= _prefixes(list(alt) + rest, k, depth + 1)
            if len(out) > _MAX_HEADS:
                raise _TooDeep
        return out
    elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
        lo, hi, body = av
        out = _prefixes(rest, k, depth + 1) if lo == 0 else set()
        if hi != 0:
            again = (op, (max(lo - 1, 0), hi if hi == _C.MAXREPEAT else hi - 1, body))
            out |= _prefixes(list(body) + [again] + rest, k, depth + 1)
        return out
    if frag is None:
        return {()}  # a group reference, a flag change, ...: anything may follow
    return {(frag, *t) for t in _prefixes(rest, k - 1, depth + 1)}


@dataclass(frozen=True)
class Head:
    """What the first K characters of a match may be, and whether the first is surely a word character."""

    regex: re.Pattern[str]
    word_first: bool


def head(regex: re.Pattern[str]) -> Head | None:
    """The head of `regex`, or None when it must be tried at every position."""
    if _P is None or regex.flags & (re.ASCII | re.LOCALE) or not isinstance(regex.pattern, str):
        return None
    try:
        tree = _P.parse(regex.pattern, regex.flags)
        items = list(tree)
        if tree.getwidth()[0] == 0 or not items:
            return None
        op, av = items[0]
        if op is not _C.ASSERT_NOT or av[0] != -1 or len(av[1]) != 1 or av[1][0][0] is not _C.IN:
            return None
        klass = av[1][0][1]
        if (_C.CATEGORY, _C.CATEGORY_WORD) not in klass or any(o is _C.NEGATE for o, _ in klass):
            return None
        for k in range(K, 0, -1):
            try:
                seqs = _prefixes(items, k)
                break
            except _TooDeep:
                continue
        else:
            return None
    except Exception:  # noqa: BLE001 - private re internals of another Python: no head, same matches
        return None
    if () in seqs:
        return None
    return Head(re.compile("|".join(sorted("".join(f for f, _ in s) for s in seqs)), regex.flags),
                all(s[0][1] for s in seqs))


class Scanner:
    """The matches of several regexes over a text, each exactly as its finditer gives them."""

    def __init__(self, regexes: list[re.Pattern[str]]):
        self.regexes = regexes
        self.heads = [head(r) for r in regexes]
        # every head starts with a word character: only word starts need a look-up
        self._word_starts = all(h is None or h.word_first for h in self.heads)
        self._everywhere = [i for i, h in enumerate(self.heads) if h is None]
        self._cache: dict[str, tuple[int, ...]] = {}
        self._shared: dict[tuple[int, ...], tuple[int, ...]] = {}

    def _fits(self, key: str) -> tuple[int, ...]:
        ids = tuple(i for i, h in enumerate(self.heads) if h is not None and h.regex.match(key))
        ids = self._shared.setdefault(ids, ids)  # few distinct tuples: keep one copy of each
        if len(self._cache) >= _MAX_CACHE:
            self._cache.clear()
        self._cache[key] = ids
        return ids

    def _starts(self, text: str) -> list[int]:
        """0 and every position right after a non-word character (only word starts if enough)."""
        if self._word_starts:
            return ([0] if text[:1].isalnum() or text[:1] == "_" else []) + [m.end() for m in _NONWORD.finditer(text)]
        starts = [0] if text else []
        for m in _NONWORD.finditer(text):
            starts.extend(range(m.start() + 1, m.end() + 1))
        return starts

    def scan(self, text: str) -> list[list[re.Match[str]]]:
        tried: dict[int, list[int]] = {}
        cache, fits = self._cache, self._fits
        for p in self._starts(text):
            key = text[p:p + K]
            ids = cache.get(key)
            if ids is None:
                ids = fits(key)
            for i in ids:
                at = tried.get(i)
                if at is None:
                    tried[i] = [p]
                else:
                    at.append(p)
        out: list[list[re.Match[str]]] = [[] for _ in self.regexes]
        for i in self._everywhere:
            out[i] = list(self.regexes[i].finditer(text))
        for i, positions in tried.items():
            found = out[i]
            end = 0
            match = self.regexes[i].match
            for p in positions:
                if p >= end:
                    m = match(text, p)
                    if m:
                        found.append(m)
                        end = m.end()
        return out
