"""Actor mentions: countries, capitals, office holders, institutions, organisations and outlets, CAMEO-coded.

Coding conventions (see docs in the lexicon files too):
- a bare country name or adjective is the state: code ISO3 alone, sector None (the coder reads it as
  the state); a capital or seat of power ("Moskau", "der Kreml") is its government: ISO3+GOV;
- a role word composes with a country where the text does: "Russlands Botschafter", "das
  aserbaidschanische Außenministerium", "Präsident Aserbaidschans" -> ISO3 + the role's sector;
  in "Außenminister Armeniens und Georgiens" the second country inherits the sector (rule "coord");
- a listed office holder is ISO3+GOV while in office on the document date, ISO3+ELI after it (CAMEO's
  "elites": former officials); "ehemalige/former" before a role gives ELI too;
- a role word with no country ("die Polizei") has code = sector and country None (never a guess;
  attrs["frame_country"] is only a hint), unless it says "lokale/local" — then the document's frame
  country (the most mentioned one) is used; `country` is always an ISO3 code or None;
- bodies whose name says whose they are ("СБУ", "ВСУ", "Госдума", "Bundestag") are organisation
  entries with country + sector; intelligence services are sector SPY;
- an unknown person named after a role ("Journalistin Lena Petrowa") takes the role's sector and
  the country of an adjective before it, else the frame country — except for state roles (GOV, MIL,
  COP, JUD, SPY, LEG): "Innenminister X" in a Ukraine story is often not Ukrainian, so country None;
- a listed person named after a role ("Verteidigungsminister Boris Pistorius") takes the person's own
  country and dated sector (GOV in office, ELI after), whatever the role word's sector;
- chains: a role + a head role in the genitive ("пресс-секретарь президента"), listed complements
  between role and country ("Министерство иностранных дел Украины", "Britain's new Defence
  Secretary"), adjective + role + organisation ("der ukrainische Geheimdienst SBU" -> the SBU);
  a role word right before a listed thing noun ("air defence systems") is no actor;
- a role next to an organisation is the organisation ("der Ölkonzern Lukoil", "head of SOCAR",
  "NATO Secretary General Mark Rutte": the listed person's own dated code wins, here NATO);
- outlets are kind "outlet" with code None; a country or capital after a locative preposition
  ("in Kiew", "в Москве") gets role "place" and attrs["prep"] ("in die" tells a direction) — except
  when a speech verb follows ("в Кремле заявили": the seat speaks). German "aus" is not locative
  here ("Signale aus dem Kreml" names an actor).
Lexicons: data/countries.yaml (generated), data/organisations.yaml, data/outlets.yaml,
data/officeholders.yaml and lang/<code>/actors.yaml; compiled to a token trie per language on first use.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..model import Document, Mention
from ..pipeline import register
from .actor_lexicon import END, PRIORITY, TOKEN, Lex, Lexicon, country_name, lexicon
from .actor_offices import holder, person_sector
from .intervals import Spans

# Sectors of state organs (CAMEO): their people's country is never guessed from the document.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "SPY", "LEG"})
_NAME = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ſƏА-ЯЁЄІЇҐ][\w'’]*\Z")
_SPLIT = re.compile(f"({TOKEN.pattern})")
_RANK = {k: r for r, k in enumerate(PRIORITY)}


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str
    low: str


@dataclass(slots=True)
class Match:
    i: int  # first token
    j: int  # one past the last token
    lex: Lex


@dataclass(slots=True)
class Unit:
    """A mention under construction."""

    i: int
    j: int
    kind: str
    name: str
    country: str | None
    sector: str | None
    code: str | None = None
    rule: str = ""
    attrs: dict[str, Any] = field(default_factory=dict)
    role: str = ""


def tokenize(text: str) -> list[Tok]:
    low = text.lower()
    if len(low) != len(text):  # a few letters change length when lower-cased ("İ"): per token
        return [Tok(m.start(), m.end(), m.group(), _fold(m.group().lower())) for m in TOKEN.finditer(text)]
    low = _fold(low)  # offsets are shared: fold the whole text once
    parts = _SPLIT.split(text)  # [blank, token, blank, ..., token, blank]: only blanks lie between tokens
    out = []
    append = out.append
    pos = len(parts[0])
    for k in range(1, len(parts), 2):
        w = parts[k]
        end = pos + len(w)
        append(Tok(pos, end, w, low[pos:end]))
        pos = end + len(parts[k + 1])
    return out


def _fold(low: str) -> str:
    """Apostrophes as written in the lexicons."""
    return low.replace("’", "'").replace("ʼ", "'")


def _valid(lex: Lex, toks: list[Tok], i: int, j: int) -> bool:
    if lex.exact is not None:
        return _fold("".join(t.text for t in toks[i:j])) == lex.exact.replace(" ", "").replace("ʼ", "'")
    if lex.proper:
        return toks[i].text[:1].isupper() or not toks[i].text[:1].isalpha()
    return True


def _language_noun(lx: Lexicon, toks: list[Tok], j: int) -> bool:
    """A word for "language" after the adjective, past only adjectives and "and" ("казахском и русском языках")."""
    words, ends = lx.language_nouns, lx.adjective_endings
    for k in range(j, min(len(toks), j + 4)):
        if toks[k].low in words:
            return True
        if not (toks[k].low in lx.conj or (ends and toks[k].low.endswith(ends))):
            return False
    return False


def find(lx: Lexicon, toks: list[Tok]) -> list[Match]:
    """Longest lexicon matches, left to right, no overlaps."""
    out: list[Match] = []
    i, n, prev_end = 0, len(toks), 0
    rank, trie, heads = _RANK, lx.trie, lx.compound_heads
    # a match opens only on a word the trie starts with or on a long capitalised word (a compound role):
    # the scan jumps from one such token to the next
    opens = [k for k, t in enumerate(toks) if t.low in trie or heads and t.text[:1].isupper() and len(t.text) > 6]
    for i0 in opens:
        if i0 < i:
            continue
        i = i0
        node, best = trie, None
        k = i
        while k < n:
            node = node.get(toks[k].low)
            if node is None:
                break
            k += 1
            cands = [e for e in node.get(END, ()) if _valid(e, toks, i, k)]
            if cands:
                best = Match(i, k, min(cands, key=lambda e: rank.get(e.kind, 99)))
        if best is None and lx.compound_heads and toks[i].text[:1].isupper() and len(toks[i].text) > 6:
            head = lx.role_head(toks[i].text)
            if head is not None:
                best = Match(i, i + 1, head)
        if best is not None and best.lex.kind == "adjective" and _language_noun(lx, toks, best.j):
            best = None  # "на казахском и русском языках": a language, not a party
        if best is not None:
            if best.lex.kind == "person" and best.lex.attrs.get("surname") and i > 0 and i - 1 >= prev_end \
                    and _NAME.match(toks[i - 1].text) and toks[i - 1].low not in lx.name_stop and len(toks[i - 1].text) > 1:
                best.i = i - 1  # an inflected first name before a listed surname: "Владимиром Зеленским"
            out.append(best)
            prev_end = best.j
            i = best.j
        else:
            i += 1
    return out


class ActorTagger:
    name = "actors"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ("actors",)

    def __init__(self, lang: str):
        self.lang = lang
        self.lx = lexicon(lang)
        self._taken: tuple[list[Match], set[int]] | None = None  # the current text's matches and their tokens

    def __call__(self, doc: Document) -> Document:
        doc.actors = self.tag(doc.clean, doc.published)
        return doc

    # -- helpers --------------------------------------------------------------------------
    def _gap_ok(self, toks: list[Tok], a: int, b: int) -> bool:
        """May the tokens toks[a:b] stand between an adjective and the role it qualifies?"""
        if b - a > 3:
            return False
        lx = self.lx
        for k in range(a, b):
            t = toks[k]
            if t.low == "-":
                continue
            if k + 1 < len(toks) and toks[k + 1].low == "-" and toks[k + 1].start == t.end:
                continue  # first part of a hyphenated compound: "Kinschal-Rakete"
            if t.low in lx.modifiers:
                continue
            if lx.free_modifiers and t.text.isalpha() and t.text.islower() and t.low not in lx.conj \
                    and t.low not in lx.articles and t.low not in lx.place_preps:
                continue
            return False
        return True

    def _listed_gap(self, toks: list[Tok], a: int, b: int) -> bool:
        """Are toks[a:b] one to three listed modifiers (a ministry's complement: "иностранных дел")?"""
        return 0 < b - a <= 3 and all(toks[k].low in self.lx.modifiers for k in range(a, b))

    def _link(self, toks: list[Tok], a: int, b: int) -> bool:
        return tuple(t.low for t in toks[a:b]) in self.lx.links

    def _name_after(self, toks: list[Tok], j: int, taken: set[int]) -> int:
        """End of 2-3 capitalised unknown words starting at token j (a person's name), or j."""
        k = j
        while k < len(toks) and k - j < 3 and k not in taken and _NAME.match(toks[k].text) \
                and toks[k].low not in self.lx.name_stop and len(toks[k].text) > 1:
            k += 1
        return k if k - j >= 2 else j

    def _person_unit(self, m: Match, date: str | None) -> Unit:
        sector, status, org = person_sector(m.lex.attrs, date)
        u = Unit(m.i, m.j, "person", m.lex.name, None if org else m.lex.country, sector, org, rule="person")
        u.attrs["status"] = status
        return u

    # -- main -----------------------------------------------------------------------------
    def tag(self, text: str, date: str | None = None) -> list[Mention]:
        lx = self.lx
        toks = tokenize(text)
        ms = find(lx, toks)
        units: list[Unit] = []
        used = [False] * len(ms)
        for x, m in enumerate(ms):
            if used[x]:
                continue
            used[x] = True
            lex = m.lex
            if lex.kind == "role":
                units.append(self._role_unit(toks, ms, x, used, date))
                continue
            if lex.kind == "person":
                u = self._person_unit(m, date)
            elif lex.kind in ("country", "adjective"):
                u = Unit(m.i, m.j, lex.kind, lex.name, lex.country, None, lex.country, rule=lex.kind)
                if lex.attrs.get("demonym"):
                    u.attrs["demonym"] = True
            elif lex.kind == "capital":
                u = Unit(m.i, m.j, "capital", lex.name, lex.country, lex.sector, lex.code, rule="capital")
            else:  # organisation, outlet
                u = Unit(m.i, m.j, lex.kind, lex.name, lex.country, lex.sector, lex.code, rule=lex.kind)
            # X + following role: "Russlands Botschafter", "Kremlin spokesman", "NATO-Delegation"
            if x + 1 < len(ms) and ms[x + 1].lex.kind == "role" and not used[x + 1] and lex.kind != "outlet":
                r = ms[x + 1]
                hyphen = r.i == m.j + 1 and toks[m.j].low == "-" and toks[m.j].start == toks[m.j - 1].end
                close = r.i == m.j or self._listed_gap(toks, m.j, r.i)  # "Britain's new Defence Secretary"
                gen = close and (lex.case == "gen" or (lx.cfg.get("noun_adjunct") and lex.kind != "adjective"))
                adj = lex.kind == "adjective" and self._gap_ok(toks, m.j, r.i)
                if hyphen or gen or adj:
                    used[x + 1] = True
                    self._apply_role(u, r, toks, ms, x + 1, used, date, "compound" if hyphen else
                                     "adj+role" if adj else "gen+role")
                    o = x + 2
                    if o < len(ms) and not used[o] and ms[o].lex.kind == "organisation" and ms[o].i == u.j \
                            and u.kind != "person":  # "der ukrainische Geheimdienst SBU": the organisation
                        used[o] = True
                        ol = ms[o].lex
                        u.j, u.kind, u.name, u.code, u.country, u.sector = ms[o].j, "organisation", ol.name, \
                            ol.code, ol.country, ol.sector
                        u.rule += "+org"
            if u.kind in ("organisation", "outlet") and m.j + 1 < len(toks) and toks[m.j].low == "-" \
                    and toks[m.j].start == toks[m.j - 1].end and toks[m.j + 1].start == toks[m.j].end \
                    and toks[m.j + 1].text.isalpha() and u.j == m.j:
                u.j = m.j + 2  # "SOCAR-Treibstoffanlage": the compound names a thing of the organisation
                u.attrs["compound"] = True
            units.append(u)
        self._coordinate(units, toks)
        self._places(units, toks, text)
        frame = self._frame(units)
        mentions = [self._mention(u, toks, text, frame, date) for u in units]
        mentions += self._corefer(mentions, text)
        mentions.sort(key=lambda mm: mm.start)
        return mentions

    def _apply_role(self, u: Unit, r: Match, toks: list[Tok], ms: list[Match], y: int, used: list[bool],
                    date: str | None, rule: str) -> None:
        ra = r.lex.attrs
        u.j = max(u.j, r.j)
        u.attrs["role_word"] = r.lex.name
        if u.kind in ("organisation", "outlet"):
            u.rule = rule
            if u.kind == "organisation" and (ra.get("person") or ra.get("head")):
                self._attach_name(u, toks, ms, y, used, date, ra)  # "NATO Secretary General Mark Rutte"
            return
        if u.kind == "person":
            u.kind = "institution"
            u.code = None
            u.sector = r.lex.sector
            u.name = country_name(u.country)
        elif ra.get("weapon"):
            u.kind = "adjective"
            u.sector = r.lex.sector
        else:
            u.kind = "person" if ra.get("head") else "institution"
            u.sector = r.lex.sector
            u.name = country_name(u.country)
        u.code = None
        u.rule = rule
        self._modifiers(u, toks)
        if ra.get("person") or ra.get("head"):
            self._attach_name(u, toks, ms, y, used, date, ra)

    def _attach_name(self, u: Unit, toks: list[Tok], ms: list[Match], y: int, used: list[bool],
                     date: str | None, ra: dict[str, Any]) -> None:
        nxt = y + 1
        if nxt < len(ms) and not used[nxt] and ms[nxt].lex.kind == "person" and (
                ms[nxt].i == u.j or (ms[nxt].i == u.j + 1 and toks[u.j].low == ",")):
            used[nxt] = True
            p = ms[nxt]
            sector, status, org = person_sector(p.lex.attrs, date)
            u.j, u.kind, u.name = p.j, "person", p.lex.name
            if org:
                u.country, u.code = None, org
            elif u.code:  # an organisation's role held by a listed person: the person's own code
                u.code, u.country = None, p.lex.country
            else:
                u.country = u.country or p.lex.country
            # a listed person's own dated sector wins over the role word's ("Verteidigungsminister" is MIL,
            # the minister in office GOV, a former one ELI)
            own = sector is not None and status in ("in office", "former")
            u.sector = sector if own or u.sector in (None, "GOV", "ELI") or org else u.sector
            u.attrs["status"] = status
            return
        if self._taken is None or self._taken[0] is not ms:  # the tokens of every match, once per text
            self._taken = (ms, {k for mm in ms for k in range(mm.i, mm.j)})
        end = self._name_after(toks, u.j, self._taken[1])
        if end > u.j:
            u.attrs["person_name"] = " ".join(t.text for t in toks[u.j:end])
            u.name = u.attrs["person_name"]
            u.kind, u.j = "person", end
            u.attrs["unknown_person"] = True
        elif ra.get("head") and u.country:
            who = holder(u.country, ra.get("office"), date)
            if who:
                u.name = who
                u.attrs["holder"] = who

    def _modifiers(self, u: Unit, toks: list[Tok]) -> None:
        """'ehemalige', 'lokale' just before the unit: widen the span and note them."""
        k = u.i - 1
        while k >= 0 and u.i - k <= 2 and toks[k].low in self.lx.former | self.lx.local:
            if toks[k].low in self.lx.former:
                u.attrs["former"] = True
                u.sector = "ELI"
            else:
                u.attrs["local"] = True
            u.i = k
            k -= 1

    def _role_unit(self, toks: list[Tok], ms: list[Match], x: int, used: list[bool], date: str | None) -> Unit:
        lx = self.lx
        r = ms[x]
        ra = r.lex.attrs
        u = Unit(r.i, r.j, "role", r.lex.name, None, r.lex.sector, rule="role")
        u.attrs["role_word"] = r.lex.name
        self._modifiers(u, toks)
        if r.j < len(toks) and toks[r.j].low in lx.role_of_things:
            u.attrs["drop"] = True  # "air defence systems": the role word names a thing's owner type
            return u
        y = x
        if x + 1 < len(ms) and not used[x + 1] and ms[x + 1].lex.kind == "outlet" and ms[x + 1].i == r.j:
            u.attrs["drop"] = True  # "die Nachrichtenagentur Reuters": the outlet is the mention
            return u
        if x + 1 < len(ms) and not used[x + 1] and ms[x + 1].lex.kind == "role" and ms[x + 1].i == r.j \
                and lx.role_of_cases and ms[x + 1].lex.attrs.get("head") and not ra.get("head"):
            used[x + 1] = True  # "пресс-секретарь президента": the head's office, in the genitive
            y = x + 1
            u.j = ms[y].j
            u.attrs["of_role"] = ms[y].lex.name
        if y + 1 < len(ms) and not used[y + 1]:
            n = ms[y + 1]
            gap_link = self._link(toks, u.j, n.i)
            oblique = n.lex.case in lx.role_of_cases or (n.lex.exact is not None and "obl" in lx.role_of_cases)
            # "Министерство иностранных дел Украины": listed complements may stand between role and country
            near = n.i == u.j or (n.lex.kind != "organisation" and self._listed_gap(toks, u.j, n.i))
            if n.lex.kind in ("country", "capital", "organisation") and (
                    gap_link or (n.lex.kind == "organisation" and n.i == u.j) or (near and oblique)):
                used[y + 1] = True
                y = y + 1
                u.j = n.j
                if n.lex.kind == "organisation":
                    # "der Ölkonzern Lukoil", "глава Газпрома": the organisation is the actor
                    u.kind, u.name, u.code, u.country = "organisation", n.lex.name, n.lex.code, n.lex.country
                    u.sector = n.lex.sector
                    u.rule = "role+org"
                else:
                    u.country = n.lex.country
                    u.kind = "person" if ra.get("head") else "institution"
                    u.name = country_name(u.country)
                    u.rule = "role+gen"
                    u.attrs["gen_case"] = n.lex.case
            elif n.lex.kind == "adjective" and lx.adj_after_role and self._gap_ok(toks, u.j, n.i):
                used[y + 1] = True
                y = y + 1
                u.j = n.j
                u.country = n.lex.country
                u.kind = "person" if ra.get("head") else "institution"
                u.name = country_name(u.country)
                u.rule = "role+adj"
        if ra.get("person") or ra.get("head"):
            self._attach_name(u, toks, ms, y, used, date, ra)
        if u.kind == "role" and ra.get("standalone") is False:
            u.attrs["drop"] = True
        return u

    def _coordinate(self, units: list[Unit], toks: list[Tok]) -> None:
        """'Außenminister Armeniens und Georgiens': the second country shares the role's sector."""
        for a, b in zip(units, units[1:]):
            if b.i - a.j != 1 or toks[a.j].low not in self.lx.conj:
                continue
            if a.rule == "role+gen" and b.kind in ("country", "capital") and b.rule in ("country", "capital"):
                b.sector, b.code, b.rule = a.sector, None, "coord"
            elif a.kind == "adjective" and a.rule == "adjective" and b.rule == "adj+role":
                a.sector, a.code, a.rule = b.sector, None, "coord"
                a.kind = b.kind if b.kind != "person" else "institution"

    def _places(self, units: list[Unit], toks: list[Tok], text: str = "") -> None:
        lx = self.lx
        prev: Unit | None = None
        for u in units:
            if u.kind in ("country", "capital") and u.rule in ("country", "capital"):
                k = u.i - 1
                while k >= 0 and toks[k].low in lx.articles and u.i - k <= 2:
                    k -= 1
                # (not across a line break: a heading "Washington weighs in" governs nothing below it)
                if k >= 0 and toks[k].low in lx.place_preps and "\n" not in text[toks[k].end:toks[u.i].start]:
                    if u.j < len(toks) and toks[u.j].low in lx.speech_after_place:
                        u.attrs["speech"] = toks[u.j].text  # "в Кремле заявили": the seat speaks
                    else:
                        u.role = "place"
                        u.attrs["prep"] = " ".join(tk.text for tk in toks[k:u.i])  # "in die": direction
                elif prev is not None and prev.role == "place" and u.i - prev.j == 1 \
                        and (toks[prev.j].low == "," or toks[prev.j].low in lx.conj):
                    u.role = "place"
                    u.attrs["prep"] = prev.attrs.get("prep", "")
            prev = u

    @staticmethod
    def _frame(units: list[Unit]) -> str | None:
        """The document's main country: most mentioned as an actor (ties: first), else as a place."""
        for pool in ([u for u in units if u.role != "place"], units):
            pool = [u for u in pool if u.country and u.kind != "outlet"]
            if pool:
                counts = Counter(u.country for u in pool)
                top = max(counts.values())
                return next(u.country for u in pool if counts[u.country] == top)
        return None

    def _mention(self, u: Unit, toks: list[Tok], text: str, frame: str | None, date: str | None) -> Mention:
        attrs = dict(u.attrs, rule=u.rule)
        country = u.country
        # An unnamed-country state official ("Innenminister X") is often not of the story's main
        # country (a German minister in a Ukraine story): leave the country to the text or the coder.
        borrow = u.attrs.get("local") or u.attrs.get("former") or (
            u.attrs.get("unknown_person") and u.sector not in STATE_SECTORS and not u.code)  # ("генсек ОДКБ X": the organisation's)
        if country is None and frame and borrow and u.kind not in ("organisation", "outlet"):
            country = frame
            attrs["country_from"] = "frame"
        elif country is None and frame and u.kind in ("role", "institution"):
            attrs["frame_country"] = frame
        code = u.code
        if u.kind == "outlet":
            code = None
        elif code is None:
            code = (country or "") + (u.sector or "") or None
        start, end = toks[u.i].start, toks[u.j - 1].end
        return Mention(start, end, text[start:end], name=u.name or country_name(country), code=code,
                       country=country, sector=u.sector, kind=u.kind, role=u.role, attrs=attrs)

    def _corefer(self, mentions: list[Mention], text: str) -> list[Mention]:
        """Later bare mentions of a person first introduced with a role ('warnt Lena Petrowa')."""
        out: list[Mention] = []
        covered = Spans([(m.start, m.end) for m in mentions])  # (bisected: a scan per name is quadratic)
        people: dict[str, Mention] = {}
        for m in mentions:  # "die Journalistin" after "die Journalistin Lena Petrowa": the same person
            word = m.attrs.get("role_word")
            if m.kind == "person" and m.attrs.get("person_name") and word:
                people[word] = m
            elif m.kind == "role" and word in people and m.country is None:
                p = people[word]
                m.kind, m.name, m.code, m.country, m.sector = "person", p.name, p.code, p.country, p.sector
                m.attrs["rule"] = "coref"
        named: set[str] = set()
        for m in mentions:
            pname = m.attrs.get("person_name")
            if not pname or pname in named:  # (a name searched once: its later searches only find covered spans)
                continue
            named.add(pname)
            for hit in re.finditer(re.escape(pname), text):
                s, e = hit.span()
                if covered.overlaps(s, e):
                    continue
                covered.add(s, e)
                out.append(Mention(s, e, pname, name=m.name, code=m.code, country=m.country, sector=m.sector,
                                   kind="person", attrs={"rule": "coref", "person_name": pname}))
        if any(m.attrs.get("drop") for m in mentions):
            mentions[:] = [m for m in mentions if not m.attrs.get("drop")]
        return out


def tag_actors(text: str, lang: str, date: str | None = None) -> list[Mention]:
    """The actor mentions of a text (for the CLI and tests)."""
    return ActorTagger(lang).tag(text, date)


@register("actors")
def make(lang: str) -> ActorTagger:
    return ActorTagger(lang)
