"""Place mentions: toponyms found by gazetteer look-up, filtered by context and disambiguated by the document."""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from ..lang import FALLBACK, SUPPORTED, load_yaml
from ..model import Document, Place
from ..pipeline import register
from .gazetteer import ALTERNATE, CURATED, DEMONYM, PRIMARY, SMALL_TOWN, Candidate, Gazetteer, gazetteer
from .intervals import Spans
from .gazetteer_names import fold

_TOKEN = re.compile(r"[^\W\d_]+(?:['’ʼ\-‐][^\W\d_]+)*")
_SPLIT = re.compile(f"({_TOKEN.pattern})")  # the tokens and what lies between them
_ELISION = re.compile(r"['’]")
_JOIN = re.compile(r"[ \t\u00a0]*['’]?[ \t\u00a0]*")  # what may separate the words of one name
MAX_WORDS = 5
STEM_MEMO = 1 << 16  # words whose stripped forms are remembered
# Scoring weights of the disambiguation (see PlaceTagger._own_score and step 3 of PlaceTagger._resolve).
W_POPULATION = 0.5  # per power of ten
W_DOC_COUNTRY = 1.5
W_FEATURE = {"country": 0.5, "continent": 0.6, "admin1": 0.3, "admin2": 0.1, "city": 0.0, "sea": 0.6, "river": 0.3,
             "region": 0.6, "site": 0.4}
W_DOC_ADMIN1 = 1.0  # in the state or province the document's other places lie in
W_NEAR = 1.5  # a town within NEAR_KM of another confident place of the document
NEAR_KM = NEAR_FAR_KM = 150.0
# features named as actors or attributes as often as as locations ("Russia said", "Europe's leaders")
REFERENCE = frozenset({"country", "continent", "site"})
W_KIND = {CURATED: 0.5, PRIMARY: 0.5}  # for cities and countries; a region's names are all curated
W_LANG = 0.5  # a city exonym of the document's language
W_EXACT = 0.5  # the text is the entry's own name, diacritics included
W_CAPITAL = 1.0  # capitals are the cities political news names most
W_NEXT_TO = 4.0  # "Alexandria, Virginia": in the region or country named right after
ADMIN1_POPULATION = 200_000  # stands in for the unknown population of a region
# the least population a feature counts with (seas, regions and sites have none)
FEATURE_POPULATION = {"admin1": ADMIN1_POPULATION, "sea": 10_000_000, "region": 10_000_000, "river": 1_000_000,
                      "site": 100_000}
FREE_POPULATION = 100_000  # a city this large needs no locative word nor a document country
UNIQUE_POPULATION = 50_000  # ... nor this large when its name is its own and not sentence-initial
INFLECTED_POPULATION = 10_000  # a name reached through a case ending must be at least this large
SUPPORT_MARGIN = 1.0  # a choice this far ahead of any other country's candidate supports its country


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    key: str
    sent_start: bool = False


@dataclass
class _Match:
    start: int
    end: int
    text: str
    cands: list[Candidate]
    locative: bool
    inflected: bool
    first: int  # token index
    words: int
    extra: dict = field(default_factory=dict)


def _doc_countries(given: list[set[str]], count: Counter, support: dict[int, str]) -> Callable[[int], set[str]]:
    """k -> the countries match k may lean on: those of the actor mentions other than its own (given[k])
    and those supported by some match other than itself; the sets most matches share are built once."""
    every = set(count)  # every supported country (a Counter of support values holds no zero)
    union: dict[int, set[str]] = {}

    def countries(k: int) -> set[str]:
        own = support.get(k)
        if own is not None and count[own] == 1:  # its own support is the only one of its country
            return given[k] | (every - {own})
        got = union.get(id(given[k]))
        if got is None:
            got = union[id(given[k])] = given[k] | every
        return got  # read only
    return countries


class _Containers:
    """Spans [s, e) answering "does one of them contain [a, b)?" by bisection: sorted starts with the
    running maximum of their ends."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans = sorted(spans)
        self._starts = [s for s, _ in spans]
        self._max_end: list[int] = []
        for _, e in spans:
            self._max_end.append(max(e, self._max_end[-1]) if self._max_end else e)

    def contains(self, a: int, b: int) -> bool:
        k = bisect_right(self._starts, a)
        return bool(k) and self._max_end[k - 1] >= b


def _nearness(c: Candidate, points: list[tuple[str, float, float]], name: str) -> float:
    """Bonus of a town near the document's other confident places (local news names places near each other)."""
    best = NEAR_FAR_KM
    coslat = math.cos(math.radians(c.lat))
    for other, lat, lon in points:
        if other == name:
            continue
        dy, dx = lat - c.lat, (lon - c.lon) * coslat
        d = math.sqrt(dx * dx + dy * dy) * 111.2
        if d < best:
            best = d
    if best < NEAR_KM:
        return W_NEAR
    return 0.0


def _focus_countries() -> list[str]:
    from .gazetteer import _settings

    return list(_settings().get("focus_countries") or [])


@lru_cache(maxsize=1)
def _iso2_to_3() -> dict[str, str]:
    import pycountry

    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}


def _lang_data(lang: str) -> dict:
    return load_yaml(lang, "places.yaml") or {}


class PlaceTagger:
    """Finds toponyms in doc.clean and resolves them to cities, admin-1 regions or countries."""

    name = "places"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ("places",)

    def __init__(self, lang: str, gaz: Gazetteer | None = None):
        self.lang = lang if lang in SUPPORTED else FALLBACK
        y = _lang_data(self.lang)
        self.locative = {fold(w) for w in y.get("locative") or []}
        self.country_locative = {fold(w) for w in y.get("country_locative") or []}
        self.articles = {fold(w) for w in y.get("articles") or []}
        self.linkers = {fold(w) for w in y.get("linkers") or []}
        self.conjunctions = {fold(w) for w in y.get("conjunctions") or []}
        self.elisions = {w.lower() for w in y.get("elisions") or []}
        self.possessives = tuple(str(w).lower() for w in y.get("possessives") or [])
        self.rules = [(str(a), str(b)) for a, b in y.get("inflection") or []]
        self.adj_rules = [(str(a), str(b)) for a, b in y.get("adjective_inflection") or []]
        self.stop = {fold(w) for w in y.get("stop") or []}
        self.weak = {fold(w) for w in y.get("weak") or []}
        self.function_words = {fold(w) for w in y.get("function_words") or []}
        # "Черноморского флота", "Южный вестник": a capitalised adjective before a common noun is an attribute
        self.attributive = tuple(str(e) for e in y.get("attributive_endings") or [])
        # a capitalised sentence-initial word that is nowhere in lower case is a name ("Troy Davis")
        self.initial_names = bool(y.get("initial_capital_is_name"))
        self.heads: set[str] = set()  # lower-case words that may open a region name: "regiunea", "oblast"
        for pats in (y.get("admin1_patterns") or {}).values():
            for pat in pats:
                head = pat.split("{", 1)[0].split()
                if head and head[0][:1].islower():
                    self.heads.add(fold(head[0]))
        # "W.Va.", "U.S.": dotted abbreviations, found as written (surface -> (folded name, ISO2, feature))
        self.abbreviations: dict[str, tuple[str, str, str]] = {}
        for surface, ref in (y.get("abbreviations") or {}).items():
            name, cc, feature = (str(ref).split("|") + ["", ""])[:3]
            self.abbreviations[str(surface)] = (fold(name), cc, feature)
        self._abbrev_re = re.compile(r"(?<![\w.])(?:" + "|".join(
            re.escape(a) for a in sorted(self.abbreviations, key=len, reverse=True)) + r")(?!\w)") \
            if self.abbreviations else None
        # German: every noun is capitalised, so "in der Nähe" says nothing of a small town named Nahe
        self.nouns_capitalised = bool(y.get("nouns_capitalised"))
        self.focus = {_iso2_to_3().get(cc, cc) for cc in _focus_countries()}
        self._explain: list[dict] | None = None  # filled by explain()
        self.dotted = {str(w) for w in y.get("dotted_words") or []}  # "St. Louis": a dot inside a name
        self._gaz = gaz
        self._stem_memo: dict[str, list[str]] = {}
        self._word_memo: dict[str, tuple[int, list[str]]] = {}  # word -> (probe of its key, its variants)

    @property
    def gaz(self) -> Gazetteer:
        if self._gaz is None:
            self._gaz = gazetteer()
        return self._gaz

    # ------------------------------------------------------------ tokens and candidates

    def _tokens(self, doc: Document) -> list[_Tok]:
        text = doc.clean
        toks: list[_Tok] = []
        elisions, possessives = self.elisions, self.possessives
        if not elisions and not possessives:  # most languages: every match is a token as it is
            parts = _SPLIT.split(text)  # [gap, token, gap, ..., token, gap]
            append, pos = toks.append, len(parts[0])
            for k in range(1, len(parts), 2):
                w = parts[k]
                end = pos + len(w)
                append(_Tok(pos, end, w, fold(w)))
                pos = end + len(parts[k + 1])
        else:
            for m in _TOKEN.finditer(text):
                s, w = m.start(), m.group(0)
                if elisions and ("'" in w or "’" in w):
                    parts = _ELISION.split(w, maxsplit=1)
                    if len(parts) == 2 and parts[0].lower() in elisions and parts[1]:
                        head, rest = parts
                        toks.append(_Tok(s, s + len(head), head, fold(head)))
                        toks.append(_Tok(s + len(head) + 1, m.end(), rest, fold(rest)))
                        continue
                if possessives:
                    low = w.lower()
                    if low.endswith(possessives):
                        cut = next((len(p) for p in possessives if low.endswith(p) and len(low) > len(p) + 1), 0)
                        w = w[:len(w) - cut]  # "Tbilisi's": the possessive ending is not part of the name
                toks.append(_Tok(s, s + len(w), w, fold(w)))
        toks = self._split_compounds(toks)
        # the first token of each sentence and of each line is marked
        begins = [t.start for t in toks]
        for start in {se.start for se in doc.sentences} | {0}:
            k = bisect_left(begins, start)  # the first token at or after the sentence start
            if k < len(toks):
                toks[k].sent_start = True
        line_start = 0
        while True:
            k = bisect_left(begins, line_start)
            if k == len(toks):
                break
            t = toks[k]  # the line's first token when no line break comes before it (tokens hold none)
            if text.find("\n", line_start, t.start) < 0 and not text[line_start:t.start].strip(" \t\"'«„“(-–—•*"):
                t.sent_start = True
            nl = text.find("\n", line_start)
            if nl < 0:
                break
            line_start = nl + 1
        return toks

    def _split_compounds(self, toks: list[_Tok]) -> list[_Tok]:
        """"Egypt-US", "Israeli-Palestinian": a hyphenated word of capitalised parts that no index name
        starts with is read as its parts."""
        if not any("-" in t.text for t in toks):
            return toks
        probe, out = self.gaz.probe, []
        for t in toks:
            if "-" not in t.text or probe(t.key) > 0 or any(probe(fold(v)) > 0 for v in self._stems(t.text.lower())):
                out.append(t)
                continue
            parts = t.text.split("-")
            if not all(p[:1].isupper() for p in parts):
                out.append(t)
                continue
            pos = t.start
            for p in parts:
                out.append(_Tok(pos, pos + len(p), p, fold(p)))
                pos += len(p) + 1
        return out

    def _abbreviation_matches(self, text: str, toks: list[_Tok]) -> list[_Match]:
        """Matches of the dotted abbreviations of the language ("Charleston, W.Va.", "the U.S.")."""
        if self._abbrev_re is None or "." not in text:
            return []
        found = list(self._abbrev_re.finditer(text))
        if not found:
            return []
        refs = [self.abbreviations[m.group(0)] for m in found]
        cands_of = self.gaz.lookup([key for key, _, _ in refs])
        begins = [t.start for t in toks]
        out = []
        for mo, (key, cc, feature) in zip(found, refs):
            cands = [c for c in cands_of.get(key, ()) if not feature or c.feature == feature]
            if cc:
                want = [c for c in cands if c.country and _iso2_to_3().get(cc) == c.country]
                cands = want or cands
            if not cands:
                continue
            best = max(cands, key=lambda c: c.population)
            first = bisect_left(begins, mo.start())
            last = bisect_left(begins, mo.end())
            mt = _Match(mo.start(), mo.end(), mo.group(0), [best], self._is_locative(toks, first), False, first,
                        max(1, last - first))
            mt.extra["country_loc"] = self._is_locative(toks, first, self.country_locative)
            out.append(mt)
        return out

    def _stems(self, low: str) -> list[str]:
        """The forms of a lower-case word with a case ending stripped, in rule order (memoised per word)."""
        out = self._stem_memo.get(low)
        if out is None:
            head, sep, tail = low.partition("-")  # "Ростове-на-Дону": the case ending is on the first part
            out = []
            for old, new in self.rules:
                if low.endswith(old) and len(low) - len(old) >= 2:
                    out.append(low[: len(low) - len(old)] + new)
                if sep and head.endswith(old) and len(head) - len(old) >= 2:
                    out.append(head[: len(head) - len(old)] + new + sep + tail)
            if len(self._stem_memo) >= STEM_MEMO:
                self._stem_memo.clear()
            self._stem_memo[low] = out
        return out

    def _spans(self, text: str, toks: list[_Tok]) -> list[tuple[int, int, str, list[str]]]:
        """(first token, words, key, inflected keys) of every word sequence that could be a name.

        A name opens with a capitalised word or a region word ("regiunea", "oblast") and runs over
        words separated by blanks or an apostrophe only. Only sequences with a key or an inflected
        key in the index are kept, and only the keys in the index. A key and the inflected keys of
        every longer sequence from the same word start with the key of the shorter one (the words
        end in letters), so the sequences stop at the first key no index key starts with.
        """
        probe, known = self.gaz.probe, self.gaz.key_set
        words = self._word_memo
        out = []
        heads, adjectives, ntok = self.heads, bool(self.adj_rules), len(toks)
        for i, t in enumerate(toks):
            upper = t.text[0].isupper()
            if not (upper or t.key in heads):
                continue
            # one word: its key is the token's own; what the index says of a word is remembered
            memo = words.get(t.text)
            if memo is None:
                stems = self._stems(t.text.lower())
                memo = (probe(t.key), [v for v in (fold(stem) for stem in stems) if v in known] if stems else [])
                if len(words) >= STEM_MEMO:
                    words.clear()
                words[t.text] = memo
            found, variants = memo
            if upper and (found == 2 or variants):  # a region word alone is no name
                out.append((i, 1, t.key if found == 2 else "", variants))
            prev_open = found > 0  # some index key starts with the key of the sequence one word shorter
            if not prev_open and not adjectives:
                continue
            for n in range(2, MAX_WORDS + 1):
                j = i + n - 1
                if j >= ntok or not (_JOIN.fullmatch(text, toks[j - 1].end, toks[j].start) or (
                        toks[j - 1].text in self.dotted and text.startswith(".", toks[j - 1].end)
                        and _JOIN.fullmatch(text, toks[j - 1].end + 1, toks[j].start))):  # "St. Louis"
                    break
                last = toks[j]
                key = fold(text[t.start:last.end])
                found = probe(key)
                variants = []
                if prev_open:
                    stems = self._stems(last.text.lower())
                    if stems:
                        prefix = text[t.start:last.start]
                        variants = [v for v in (fold(prefix + stem) for stem in stems) if v in known]
                if n == 2 and adjectives and last.text[0].isupper():  # "Кривом Роге", "Часового Яру"
                    variants += [v for v in self._adjective_variants(t, text[t.end:last.start], last) if v in known]
                if found == 2 or variants:
                    out.append((i, n, key if found == 2 else "", variants))
                prev_open = found > 0
                if not prev_open:
                    break  # only the adjective forms of a two-word name do not start with the first word
        return out

    def _adjective_variants(self, first: _Tok, gap: str, last: _Tok) -> list[str]:
        """Keys of a two-word name with case endings on both words: the adjective's and the noun's."""
        low = first.text.lower()
        heads = [low[: len(low) - len(a)] + b for a, b in self.adj_rules if low.endswith(a) and len(low) > len(a) + 1]
        tails = [last.text.lower()] + [last.text.lower()[: len(last.text) - len(a)] + b for a, b in self.rules
                                       if last.text.lower().endswith(a) and len(last.text) - len(a) >= 2]
        return [fold(h + gap + t) for h in heads for t in tails]

    # ------------------------------------------------------------ context

    def _is_locative(self, toks: list[_Tok], i: int, words: set[str] | None = None) -> bool:
        """A locative word before the name, maybe with an article or a linker between ("town of"),
        or before an earlier name this one is coordinated with ("near Bakhmut and Toretsk")."""
        words = self.locative if words is None else words
        k = i - 1
        if k >= 0 and (toks[k].key in self.articles or toks[k].key in self.linkers):
            k -= 1
        if k >= 0 and toks[k].key in words:
            return True
        if k >= 1 and toks[k].key in self.conjunctions:
            return any(toks[j].key in words for j in range(max(0, k - 4), k - 1))
        return False

    @staticmethod
    def _in_person(toks: list[_Tok], i: int, n: int, persons: Spans | None) -> bool:
        return persons is not None and persons.overlaps(toks[i].start, toks[i + n - 1].end)

    def _looks_like_person(self, doc: Document, toks: list[_Tok], lower: set[str], i: int, n: int,
                           persons: Spans | None = None) -> str:
        """"person" (inside a person mention), "prev" (after a capitalised word: "Jim Taylor"), "next"
        (before one: "Paris Hilton", "Alexandria Police") or "" (no sign of a name of a person)."""
        t = toks[i]
        if persons is None:
            persons = Spans([(m.start, m.end) for m in doc.actors if m.kind == "person"])
        if persons.overlaps(t.start, toks[i + n - 1].end):
            return "person"
        if n != 1:
            return ""
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        prv = toks[i - 1] if i > 0 else None
        text = doc.clean
        next_cap = nxt is not None and nxt.text[0].isupper() and _JOIN.fullmatch(text[t.end:nxt.start]) is not None
        before = toks[i - 2].key if i >= 2 else ""
        prev_cap = (prv is not None and prv.text[0].isupper() and prv.key not in self.stop
                    and before not in self.articles  # "die Außenbezirke Kiews": a noun, not a first name
                    and (not prv.sent_start or self.initial_names and not self._common_word(lower, prv))
                    and _JOIN.fullmatch(text[prv.end:t.start]) is not None)
        # German nouns too: a place after a noun has a locative word
        return "prev" if prev_cap else "next" if next_cap else ""

    # ------------------------------------------------------------ disambiguation

    def _own_score(self, c: Candidate, m: _Match) -> float:
        """The part of the score that does not depend on the other matches (the rest: _resolve, step 3)."""
        pop = max(c.population, FEATURE_POPULATION.get(c.feature, 0))
        s = math.log10(pop + 10) * W_POPULATION + W_FEATURE.get(c.feature, 0.0)
        if c.feature != "admin1":
            s += W_KIND.get(c.kind, 0.0)
        if c.feature == "city" and c.lang == self.lang:
            s += W_LANG
        if c.name == m.text:
            s += W_EXACT
        if c.capital:
            s += W_CAPITAL
        return s

    def explain(self, doc: Document) -> list[dict]:
        """Why each place of the document was chosen: its candidates with their scores, best first,
        and what the document contributed to the choice (for `muster places --explain`)."""
        self._explain = []
        try:
            places = self.find(doc)
            notes = self._explain
        finally:
            self._explain = None
        by_span = {(n["start"], n["end"]): n for n in notes}
        out = []
        for p in places:
            note = by_span.get((p.start, p.end), {})
            out.append({"text": p.text, "span": p.span, "name": p.name, "country": p.country, "feature": p.feature,
                        "reference": p.reference, **{k: v for k, v in note.items() if k not in ("start", "end")}})
        return out

    def find(self, doc: Document) -> list[Place]:
        text = doc.clean
        toks = self._tokens(doc)
        spans = self._spans(text, toks)
        keys = [k for _, _, k, _ in spans if k] + [v for _, _, _, vs in spans for v in vs]
        found = self.gaz.lookup(keys)
        lower = {t.text for t in toks if t.text.islower()}
        persons = Spans([(a.start, a.end) for a in doc.actors if a.kind == "person"])
        # a word of an organisation's name is no place ("Orano" is a company, not Oran)
        orgs = _Containers([(a.start, a.end) for a in doc.actors if a.kind in ("organisation", "outlet")])
        # a seat the actor lexicon places in one country is no town of another ("White House" is not Casablanca)
        seats = {(a.start, a.end): a.country for a in doc.actors if a.kind == "capital" and a.country}
        by_start: dict[int, list[tuple[int, str, list[str]]]] = {}
        for i, n, key, variants in spans:
            by_start.setdefault(i, []).append((n, key, variants))
        abbrevs = self._abbreviation_matches(text, toks)
        taken = {j for a in abbrevs for j in range(a.first, a.first + a.words)}
        matches: list[_Match] = []
        free = 0  # the first token not inside an earlier match
        for i in sorted(by_start):  # left to right, the longest match at each word
            if i < free or i in taken:
                continue
            for n, key, variants in reversed(by_start[i]):
                if key not in found and not any(v in found for v in variants):
                    continue  # no candidates: no match
                if orgs.contains(toks[i].start, toks[i + n - 1].end):
                    continue
                seat = seats.get((toks[i].start, toks[i + n - 1].end))
                if seat and not any(c.country == seat for c in found.get(key, []) + [c for v in variants for c in found.get(v, [])]):
                    continue
                if any(j in taken for j in range(i, i + n)):
                    continue
                m = self._match(doc, toks, lower, i, n, key, variants, found, persons)
                if m is not None:
                    matches.append(m)
                    free = i + m.words
                    break
        if abbrevs:
            matches = sorted(matches + abbrevs, key=lambda m: m.start)
        return self._resolve(doc, toks, matches)

    def _match(self, doc: Document, toks: list[_Tok], lower: set[str], i: int, n: int, key: str,
               variants: list[str], found: dict[str, list[Candidate]],
               persons: list[tuple[int, int]] | None = None) -> _Match | None:
        t, last = toks[i], toks[i + n - 1]
        surface = doc.clean[t.start:last.end]
        if n > 1 and fold(surface) in self.stop:  # a stop entry of several tokens ("L'Union")
            return None
        cands, inflected = found.get(key, []), False
        if not cands:
            for v in variants:
                cands = [c for c in found.get(v, []) if c.kind == CURATED or c.feature != "city"
                         or c.population >= INFLECTED_POPULATION]
                if cands:
                    inflected = True
                    break
        if not cands:
            return None
        demonym = False
        if any(c.kind == DEMONYM for c in cands):  # "Russian", "Palestinians": the country of a people
            own = [c for c in cands if c.kind == DEMONYM and c.lang == self.lang]
            cands = own or [c for c in cands if c.kind != DEMONYM]
            demonym = bool(own)
            if not cands:
                return None
        loc = self._is_locative(toks, i)
        if n == 1:
            if t.key in self.stop or t.key in self.function_words or (inflected and fold(t.text[:-1]) in self.stop):
                return None
            letters = [ch for ch in t.text if ch.isalpha()]
            if all(ch.isupper() for ch in letters):
                if len(letters) < 4:  # acronyms match only curated names ("USA", "РФ")
                    cands = [c for c in cands if c.kind == CURATED]
                elif not (t.sent_start or doc.clean.startswith(",", t.end)):  # a dateline: "CHARLESTON, W.Va."
                    cands = [c for c in cands if c.feature != "city" or c.population >= FREE_POPULATION]
                if not cands:
                    return None
            if t.key in self.weak and not loc:
                return None
            if t.sent_start and not loc and self._common_word(lower, t):
                return None
            if self._common_word(lower, t):  # "the council ... the Council": a common word, not a town of that name
                cands = [c for c in cands if c.feature != "city" or c.kind != ALTERNATE and c.population >= SMALL_TOWN]
                if not cands:
                    return None
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if self.attributive and not loc and t.text.lower().endswith(self.attributive) and nxt is not None \
                    and nxt.text[:1].islower() and nxt.start - t.end <= 1 \
                    and not {nxt.key} & (self.conjunctions | self.locative | self.function_words):
                cands = [c for c in cands if c.feature != "city"]
                if not cands:
                    return None
        if n > 1 and last.text[0].islower():  # "Le port": a multi-word town name ends in a capital word
            cands = [c for c in cands if c.kind == CURATED or c.feature != "city"]
            if not cands:
                return None
        if i + n < len(toks) and fold(f"{surface} {toks[i + n].text}") in self.stop:  # "Washington Post"
            return None
        person_like, surname = False, False
        sign = self._looks_like_person(doc, toks, lower, i, n, persons)
        if sign and not loc:  # "Paris Hilton", "The Washington Post"
            units = [c for c in cands if c.feature in ("country", "continent")
                     or c.feature == "admin1" and c.kind == CURATED]  # "Ohio Supreme Court", not "Vladimir Putin"
            if units or self._in_person(toks, i, n, persons):
                cands = units
            else:  # "Alexandria Police", "Athens City Council": a town only where the document is about its region
                person_like, surname = True, sign == "prev"
            if not cands:
                return None
        m = _Match(t.start, last.end, surface, cands, loc, inflected, i, n)
        m.extra["person_like"] = person_like
        m.extra["surname"] = surname  # "Jim Taylor": the same word alone is his name too
        m.extra["demonym"] = demonym
        m.extra["country_loc"] = not demonym and self._is_locative(toks, i, self.country_locative)
        return m

    def _note(self, m: _Match, scored: list, doc_countries: set[str], same_admin1: set[str]) -> None:
        """Record (explain mode) the scored candidates of a match; a later pass replaces an earlier one."""
        best = scored[0][2]
        why = [f"population {best.population}" if best.population else f"feature {best.feature}"]
        if best.capital:
            why.append("national capital")
        if best.kind in (CURATED, DEMONYM):
            why.append("curated name" if best.kind == CURATED else "demonym")
        if best.country in doc_countries:
            why.append(f"document country {best.country}")
        if best.country in m.extra.get("next_to", ()) or best.admin1 in m.extra.get("next_admin1", ()):
            why.append("named next to its region or country")
        if same_admin1:
            why.append(f"{best.admin1}, like {', '.join(sorted(same_admin1))}")
        if m.locative:
            why.append("after a locative word")
        seen: set[int] = set()
        cands = []
        for sc, _, c in scored:  # one line per place (a place may be reached by several of its names)
            if c.pid not in seen and len(cands) < 5:
                seen.add(c.pid)
                cands.append({"name": c.name, "country": c.country, "admin1": c.admin1, "feature": c.feature,
                              "population": c.population, "score": round(sc, 2)})
        note = {"start": m.start, "end": m.end, "why": why, "candidates": cands}
        if self._explain is not None:
            self._explain[:] = [n for n in self._explain if (n["start"], n["end"]) != (m.start, m.end)] + [note]

    @staticmethod
    def _common_word(lower: set[str], t: _Tok) -> bool:
        """A sentence-initial word that also occurs in lower case in the text is a common word."""
        return t.text.lower() in lower

    def _resolve(self, doc: Document, toks: list[_Tok], matches: list[_Match]) -> list[Place]:
        if not matches:
            return []
        # 1. "Alexandria, Virginia" / "Paris, Texas": a name followed by a region or country
        for m, nxt in zip(matches, matches[1:]):
            if doc.clean[m.end:nxt.start].strip() == "," and any(c.feature != "city" for c in nxt.cands):
                m.extra["next_to"] = {c.country for c in nxt.cands if c.feature != "city"}
                m.extra["next_admin1"] = {c.admin1 for c in nxt.cands if c.feature == "admin1" and c.admin1}
                nxt.cands = [c for c in nxt.cands if c.feature != "city"]
                nxt.locative = True
        # 2. countries the document talks about: unambiguous countries, regions and large cities,
        #    plus the countries of actor mentions when that layer ran before.
        actors = sorted((a.start, a.end, a.country) for a in doc.actors if a.country and a.kind != "outlet")
        actor_count = Counter(c for _, _, c in actors)
        starts = [s for s, _, _ in actors]
        longest = max((e - s for s, e, _ in actors), default=0)
        given = []  # per match: countries of the actor mentions other than itself
        everyone = set(actor_count)
        for m in matches:  # the mentions that overlap the match start in [m.start - longest, m.end)
            lo, hi = bisect_left(starts, m.start - longest), bisect_left(starts, m.end)
            inside = [c for s, e, c in actors[lo:hi] if e > m.start]
            if not inside:
                given.append(everyone)  # shared, never changed: read below only
                continue
            own = Counter(inside)
            given.append({c for c, n in actor_count.items() if n > own[c]})
        support: dict[int, str] = {}
        for k, m in enumerate(matches):
            countries = {c.country for c in m.cands}
            c0 = max(m.cands, key=lambda c: c.population)
            if len(countries) == 1 and not m.extra.get("person_like") and (
                    c0.feature != "city" or c0.population >= FREE_POPULATION or m.locative):
                support[k] = c0.country or ""
        # 3. pick the best candidate of each match (twice: the first choices are support for the second)
        chosen: list[Candidate] = []
        own_scores = [[(self._own_score(c, m), c) for c in m.cands] for m in matches]
        # the states and provinces of the confident choices, with the names that chose them (a name
        # repeated does not support itself), and where those towns and units lie
        admin1s: dict[str, set[str]] = {}
        names = [fold(m.text) for m in matches]
        points: list[tuple[str, float, float]] = []  # (name, lat, lon)
        own = [any(c.kind != ALTERNATE for c in m.cands) for m in matches]
        unit = [any(c.feature not in ("city", "admin2") and c.kind in (CURATED, DEMONYM) for c in m.cands)
                for m in matches]
        for _ in range(2):
            chosen, confident, count = [], dict(support), Counter(support.values())
            countries_of = _doc_countries(given, count, support)
            for k, m in enumerate(matches):
                doc_countries = countries_of(k)
                next_to = m.extra.get("next_to", ())
                next_admin1 = m.extra.get("next_admin1", ())
                name = names[k]
                scored = []
                for s, c in own_scores[k]:  # the own score plus what the document says
                    if c.country in doc_countries:
                        s += W_DOC_COUNTRY
                    if c.country in next_to:
                        s += W_NEXT_TO
                    if c.admin1 and c.feature != "admin1" and c.admin1 in next_admin1:
                        s += W_NEXT_TO
                    # the document's other places weigh in for a town named by its own name ("Minsk" is
                    # not Mińsk Mazowiecki near Warsaw), unless the name is a country's or region's too
                    if not (unit[k] and c.feature in ("city", "admin2")) and (c.kind != ALTERNATE or not own[k]):
                        near = W_DOC_ADMIN1 if c.admin1 and c.feature != "admin1" \
                            and admin1s.get(c.admin1, set()) - {name} else 0.0
                        if points and c.feature in ("city", "admin2") and len(m.cands) > 1:
                            near = max(near, _nearness(c, points, name))
                        s += near
                    scored.append((s, c.population, c))
                scored.sort(key=lambda x: (x[0], x[1]), reverse=True)
                best = scored[0][2]
                if self._explain is not None:
                    self._note(m, scored, doc_countries, admin1s.get(best.admin1 or "", set()) - {name})
                chosen.append(best)
                rival = max((s for s, _, c in scored if c.country != best.country), default=None)
                strong = (best.feature != "city" or best.population >= FREE_POPULATION or m.locative
                          or best.kind == CURATED) and not m.extra.get("person_like")
                if strong and (rival is None or scored[0][0] - rival >= SUPPORT_MARGIN):
                    confident[k] = best.country or ""
            support = confident
            admin1s = {}
            # distinct points: only the nearest counts, and a name repeated 1,000 times is one point
            points = list(dict.fromkeys((names[k], chosen[k].lat, chosen[k].lon) for k in confident
                                        if chosen[k].feature in ("city", "admin2", "admin1")))
            for k in set(confident) | {k for k, c in enumerate(chosen) if c.feature == "admin1"}:
                c = chosen[k]
                if c.admin1 and c.feature in ("city", "admin1", "admin2") and c.country:
                    admin1s.setdefault(c.admin1, set()).add(names[k])
        # 4. keep those that are places here
        out: list[Place] = []
        countries_of = _doc_countries(given, Counter(support.values()), support)
        references = not doc.actors  # with the actors layer, a country named as an actor is its mention
        # names that are places elsewhere in the document, not before a capitalised word
        solid = {names[k] for k, m in enumerate(matches)
                 if not m.extra.get("person_like") and (k in support or m.locative)}
        person_like = {names[k] for k, m in enumerate(matches) if m.extra.get("surname")}
        for k, (m, c) in enumerate(zip(matches, chosen)):
            doc_countries = countries_of(k)
            reference = (c.feature in REFERENCE or m.extra.get("demonym", False)) and not m.extra.get("country_loc")
            if reference and not references:
                continue  # a country named as an actor or attribute, not as a location
            curated = any(x.pid == c.pid and x.kind in (CURATED, DEMONYM) for x in m.cands)
            unique = len({x.pid for x in m.cands}) == 1 and not toks[m.first].sent_start
            if c.feature in ("city", "admin2") or c.feature == "admin1" and not curated:
                next_to = c.country in m.extra.get("next_to", ()) or c.admin1 in m.extra.get("next_admin1", ())
                near = bool(admin1s.get(c.admin1, set()) - {names[k]})
                supported = m.locative or next_to or near
                if (m.extra.get("person_like") or names[k] in person_like) \
                        and not (next_to or names[k] in solid):
                    continue  # "Abiy Ahmed" is no town, nor "Taylor said" after "Jim Taylor"; "Alexandria Police"
                    # is where Alexandria is a place anyway
                local = near or m.words > 1 or m.locative and not self.nouns_capitalised
                if c.population < SMALL_TOWN and c.country not in self.focus and not curated and not (
                        next_to or c.country in doc_countries and local):
                    continue  # a small town far away needs its state or country around it
                if not (supported or m.words > 1 or curated or c.country in doc_countries
                        or c.population >= (UNIQUE_POPULATION if unique else FREE_POPULATION)):
                    continue
            out.append(Place(start=m.start, end=m.end, text=m.text, name=c.name, country=c.country,
                             admin1=c.admin1, lat=round(c.lat, 4), lon=round(c.lon, 4),
                             geonameid=c.geonameid if c.feature not in ("admin1", "admin2") else None,
                             feature=c.feature, reference=reference))
        return out

    def __call__(self, doc: Document) -> Document:
        doc.places = self.find(doc)
        return doc


@register("places")
def make(lang: str) -> PlaceTagger:
    return PlaceTagger(lang)


def explain_places(text: str, lang: str) -> list[dict]:
    """The places of a plain text with the reasons of each choice (see PlaceTagger.explain)."""
    from ..pipeline import build

    doc = build(lang, ("sentences",))(Document(raw=text, language=lang))
    return PlaceTagger(lang).explain(doc)


def tag_places(text: str, lang: str) -> list[Place]:
    """The places of a plain text in a language (sentences split first)."""
    from ..pipeline import build

    doc = Document(raw=text, language=lang)
    return build(lang, ("sentences", "places"))(doc).places
