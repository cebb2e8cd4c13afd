"""Actor lexicon: countries, capitals, office holders, organisations, outlets and roles as a token trie per language."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml

from .. import data
from ..lang import FALLBACK, load_yaml

TOKEN = re.compile(r"[^\W\u02bc]+|[^\w\s]|\u02bc")  # the Ukrainian apostrophe ʼ splits a word like ' does
END = "\0"
_HEADS_MEMO = 1 << 16  # words whose compound role head is remembered
# Longest match wins; among equally long matches the earlier kind here wins.
PRIORITY = ("outlet", "organisation", "person", "capital", "country", "adjective", "role")


@dataclass(slots=True)
class Lex:
    """One reading of a surface form."""

    kind: str  # country | adjective | capital | person | organisation | outlet | role
    name: str  # canonical English name (or the role word's label)
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    case: str = ""  # "gen" / "obl" for inflected forms, "" for base forms
    exact: str | None = None  # the surface must match this case-sensitively (acronyms)
    proper: bool = False  # the surface must start upper-case in the text
    attrs: dict[str, Any] = field(default_factory=dict)


def tokens(text: str) -> list[str]:
    return [t.replace("’", "'").replace("ʼ", "'") for t in TOKEN.findall(text)]  # Ukrainian apostrophes: one form


def expand(form: str) -> list[str]:
    """'Präsident{,en,in}' -> ['Präsident', 'Präsidenten', 'Präsidentin']; plain forms unchanged."""
    m = re.fullmatch(r"(.*?)\{([^}]*)\}(.*)", form)
    if not m:
        return [form]
    head, alts, tail = m.groups()
    out: list[str] = []
    for alt in alts.split(","):
        out.extend(expand(head + alt.strip() + tail))
    return out


@lru_cache(maxsize=None)
def _data_yaml(name: str) -> Any:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(data.path(name).read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 (safe loader)


def countries() -> dict[str, dict]:
    return _data_yaml("countries.yaml")


def country_name(iso3: str | None) -> str:
    if not iso3:
        return ""
    c = countries().get(iso3)
    return c["name"] if c else iso3


def is_acronym(form: str) -> bool:
    letters = [ch for ch in form if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters) and " " not in form.strip()


class Lexicon:
    """Everything the tagger needs for one language, compiled once per process."""

    def __init__(self, lang: str):
        self.lang = lang
        cfg = load_yaml(lang, "actors.yaml") or load_yaml(FALLBACK, "actors.yaml")
        self.cfg: dict[str, Any] = cfg
        self.trie: dict[str, Any] = {}
        self.rules = [(re.compile(r["re"]), [s for s in r["sub"]], r.get("case", "obl"))
                      for r in cfg.get("inflection", [])]
        self.place_preps = self.word_set("place_preps")
        self.articles = self.word_set("articles")
        self.links = {tuple(tokens(w.lower())) for w in cfg.get("links", [])}
        self.conj = self.word_set("conjunctions")
        self.former = self.word_set("former")
        self.local = self.word_set("local")
        self.modifiers = self.word_set("modifiers")
        self.name_stop = self.word_set("name_stop")
        self.speech_after_place = self.word_set("speech_after_place")
        self.role_of_things = self.word_set("role_of_things")
        # "на казахском и русском языках": an adjective before a word for "language" names no party
        self.language_nouns = self.word_set("language_nouns")
        self.adjective_endings = tuple(str(e) for e in cfg.get("adjective_endings") or ())
        self.role_of_cases = set(cfg.get("role_of_cases", []))
        self.adj_after_role = bool(cfg.get("adjective_after_role", False))
        self.free_modifiers = bool(cfg.get("free_modifiers", False))
        self.compound_heads = bool(cfg.get("compound_heads", False))
        self.role_heads: dict[str, Lex] = {}
        self._heads_of: dict[str, Lex | None] = {}  # memo of role_head per written word
        self._countries(cfg)
        self._capitals(cfg)
        self._roles(cfg)
        self._organisations()
        self._outlets()
        self._people()

    # -- building -------------------------------------------------------------------------
    def word_set(self, key: str) -> set[str]:
        """A lower-cased word list from the language file."""
        return {str(w).lower() for w in self.cfg.get(key) or []}

    def inflect(self, form: str) -> list[tuple[str, str]]:
        """Inflected forms of a single-word name by the language's suffix rules: [(form, case)]."""
        if " " in form or is_acronym(form):
            return []
        for rx, subs, case in self.rules:
            if rx.search(form):
                return [(rx.sub(s, form, count=1), case) for s in subs]
        return []

    def add(self, form: str, lex: Lex, inflect: bool = False) -> None:
        forms = [(form, "")] + (self.inflect(form) if inflect else [])
        for f, case in forms:
            toks = tokens(f)
            if not toks:
                continue
            node = self.trie
            for t in toks:
                node = node.setdefault(t.lower(), {})
            entry = lex
            if case or is_acronym(f):
                entry = Lex(lex.kind, lex.name, lex.code, lex.country, lex.sector, case or lex.case,
                            f if is_acronym(f) else None, lex.proper, lex.attrs)
            bucket = node.setdefault(END, [])
            if all(not _same(e, entry) for e in bucket):
                bucket.append(entry)

    def _countries(self, cfg: dict[str, Any]) -> None:
        extra = cfg.get("countries", {}) or {}
        endings = cfg.get("adjective_endings", [""])
        for iso3, c in countries().items():
            more = extra.get(iso3) or {}
            proper = not more.get("any_case", False)  # "росія" is often written lower-case on purpose
            names = list(c["names"].get(self.lang, [])) + list(more.get("names", []))
            for n in names:
                for f in expand(n):
                    self.add(f, Lex("country", c["name"], iso3, iso3, None, proper=proper), inflect=True)
            for n in more.get("forms", []):  # explicit inflected forms
                for f in expand(n):
                    self.add(f, Lex("country", c["name"], iso3, iso3, None, case="obl", proper=proper))
            for a in (extra.get(iso3) or {}).get("adj", []):
                forms = expand(a) if "{" in a else [a + e for e in endings]
                for f in forms:
                    self.add(f, Lex("adjective", c["name"], iso3, iso3, None))
            for d in (extra.get(iso3) or {}).get("people", []):
                for f in expand(d):
                    self.add(f, Lex("adjective", c["name"], iso3, iso3, None, attrs={"demonym": True}))

    def _capitals(self, cfg: dict[str, Any]) -> None:
        for code, forms in (cfg.get("capitals") or {}).items():
            org = _org_index().get(code)
            iso3 = None if org else code
            sector = "GOV"
            name = org["name"] if org else country_name(code)
            cap_code = org["code"] if org else code + sector
            for form in forms:
                for f in expand(form):
                    self.add(f, Lex("capital", name, cap_code, iso3, None if org else sector,
                                    proper=f[:1].isupper()), inflect=True)
        for item in cfg.get("seats") or []:
            c = item["country"]
            for form in item["forms"]:
                for f in expand(form):
                    self.add(f, Lex("capital", country_name(c), c + item.get("sector", "GOV"), c,
                                    item.get("sector", "GOV"), proper=f[:1].isupper(),
                                    attrs={"seat": item.get("name", "")}), inflect=True)

    def _roles(self, cfg: dict[str, Any]) -> None:
        for group in cfg.get("roles") or []:
            attrs = {k: group[k] for k in ("office", "head", "person", "weapon", "standalone") if k in group}
            for form in group["forms"]:
                for f in expand(form):
                    # Where nouns are lower-case, a capitalised form ("General") needs the capital in the text.
                    lex = Lex("role", expand(form)[0], group.get("sector"), None, group.get("sector"),
                              proper=f[:1].isupper() and not self.compound_heads, attrs=attrs)
                    self.add(f, lex)
                    if self.compound_heads and len(f) >= 5 and " " not in f and not group.get("no_compound"):
                        self.role_heads[f.lower()] = lex

    def _organisations(self) -> None:
        for org in _data_yaml("organisations.yaml"):
            kind = org.get("kind", "organisation")
            code = org.get("code") or ((org.get("country") or "") + (org.get("sector") or "")) or None
            lex = Lex(kind, org["name"], code, org.get("country"), org.get("sector"), proper=True)
            forms = list(org.get("variants", [])) + list((org.get("names") or {}).get(self.lang, []))
            for form in forms:
                for f in expand(form):
                    self.add(f, lex, inflect=True)

    def _outlets(self) -> None:
        for o in _data_yaml("outlets.yaml"):
            for form in o["variants"]:
                for f in expand(form):
                    self.add(f, Lex("outlet", o["name"], None, o.get("country"), "MED", proper=f[:1].isupper()),
                             inflect=True)

    def _people(self) -> None:
        for p in _data_yaml("officeholders.yaml"):
            lex = Lex("person", p["name"], p["country"], p["country"], None, proper=True,
                      attrs={"offices": p.get("offices", []), "sector": p.get("sector")})
            for form in p.get("variants", []):
                for f in expand(form):
                    self.add(f, lex, inflect=True)
            for form in p.get("surnames", []):
                for f in expand(form):
                    self.add(f, Lex("person", p["name"], p["country"], p["country"], None, proper=True,
                                    attrs={**lex.attrs, "surname": True}), inflect=True)

    # -- lookup ---------------------------------------------------------------------------
    def role_head(self, token: str) -> Lex | None:
        """The role a German-style compound ends in ('Honorarkonsulat' -> Konsulat), if any."""
        memo = self._heads_of
        if token in memo:
            return memo[token]
        low, got = token.lower(), None
        for i in range(1, len(low) - 4):
            lex = self.role_heads.get(low[i:])
            if lex is not None:
                got = lex
                break
        if len(memo) >= _HEADS_MEMO:
            memo.clear()
        memo[token] = got
        return got


def _same(a: Lex, b: Lex) -> bool:
    return (a.kind, a.name, a.code, a.case, a.exact) == (b.kind, b.name, b.code, b.case, b.exact)


@lru_cache(maxsize=None)
def _org_index() -> dict[str, dict]:
    idx: dict[str, dict] = {}
    for o in _data_yaml("organisations.yaml"):
        if o.get("code"):
            idx.setdefault(o["code"], o)  # the first entry of a code is the organisation itself
    return idx


@lru_cache(maxsize=None)
def lexicon(lang: str) -> Lexicon:
    """The compiled lexicon for a language (built at first use, cached for the process)."""
    return Lexicon(lang)
