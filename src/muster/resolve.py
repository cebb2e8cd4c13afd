"""Resolution: events from many documents (any language) that describe the same incident become one."""
from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable

MAX_PLACE_KM = 100.0  # a city and its oblast centroid are often 50-90 km apart (Odesa, Kharkiv)
MAX_SPAN_DAYS = 92  # an event dated more vaguely than a quarter never anchors a merge
FAR_PAST = "0001-01-01"
FAR_FUTURE = "9999-12-31"


def _days(a: str, b: str) -> int:
    return (date.fromisoformat(b) - date.fromisoformat(a)).days


def _interval(ev: dict[str, Any]) -> tuple[str, str]:
    d = ev.get("date") or {}
    s, e = d.get("start"), d.get("end")
    return (s or FAR_PAST, e or FAR_FUTURE)


def _width(iv: tuple[str, str]) -> int:
    if iv[0] == FAR_PAST or iv[1] == FAR_FUTURE:
        return 10 ** 6
    return _days(iv[0], iv[1])


def km(a: dict[str, Any], b: dict[str, Any]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def _party_key(p: dict[str, Any] | None) -> str | None:
    if not p:
        return None
    return p.get("country") or p.get("code")


@dataclass
class Incident:
    members: list[dict[str, Any]] = field(default_factory=list)
    explain: list[str] = field(default_factory=list)
    interval: tuple[str, str] = (FAR_PAST, FAR_FUTURE)
    # caches over `members` (best member, best place, actor keys), valid for the first `_seen` members
    _seen: int = field(default=0, repr=False, compare=False)
    _best: dict[str, Any] | None = field(default=None, repr=False, compare=False)
    _loc: tuple[int, dict[str, Any]] | None = field(default=None, repr=False, compare=False)
    _actors: set[str] = field(default_factory=set, repr=False, compare=False)

    def _sync(self) -> None:
        """Bring the caches up to date with members appended since (constant work per member)."""
        if self._seen > len(self.members):  # members were replaced: start over
            self._seen, self._best, self._loc, self._actors = 0, None, None, set()
        for m in self.members[self._seen:]:
            if self._best is None or _precision(m) < _precision(self._best):
                self._best = m
            loc = m.get("location") or {}
            if loc.get("lat") is not None:
                rank = _loc_rank(loc)
                if self._loc is None or rank < self._loc[0]:  # the first of the best rank wins (stable order)
                    self._loc = (rank, loc)
            key = _party_key(m.get("actor"))
            if key is not None:
                self._actors.add(key)
        self._seen = len(self.members)

    @property
    def best(self) -> dict[str, Any]:
        """The member with the most precise date (then place): it speaks for the incident."""
        self._sync()
        assert self._best is not None
        return self._best

    def best_location(self) -> dict[str, Any] | None:
        self._sync()
        return self._loc[1] if self._loc else None

    def actors(self) -> set[str]:
        """The actor keys (country, else code) of the members."""
        self._sync()
        return self._actors

    def to_dict(self) -> dict[str, Any]:
        best = self.best
        out = dict(best)
        ids = sorted(m["id"] for m in self.members)
        out["id"] = "I" + hashlib.sha256(ids[0].encode()).hexdigest()[:15]
        ordered = sorted(self.members, key=lambda m: ((m.get("sources") or [{}])[0].get("published") or "", m["id"]))
        out["doc_id"] = ordered[0]["doc_id"]
        out["location"] = self.best_location() or best.get("location")
        if out.get("actor") is None or (out["actor"] or {}).get("implicit"):
            named = [m["actor"] for m in self.members if m.get("actor") and not m["actor"].get("implicit")]
            if named:
                out["actor"] = named[0]
        sources, seen = [], set()
        for m in ordered:
            for s in m.get("sources") or [{"doc_id": m["doc_id"]}]:
                key = (s.get("doc_id"), m["id"])
                if key in seen:
                    continue
                seen.add(key)
                sources.append({**s, "language": m.get("language"), "event_id": m["id"],
                                "evidence": (m.get("evidence") or {}).get("sentence")})
        out["sources"] = sources
        out["events"] = [m["id"] for m in ordered]
        out["explain"] = self.explain
        return out


_RANK = {"city": 0, "admin1": 1, "country": 2}


def _loc_rank(loc: dict[str, Any]) -> int:
    """City before region before country; without a feature, a GeoNames place before a bare point."""
    return _RANK.get(loc.get("feature", "city"), 0) if "feature" in loc else (0 if loc.get("geonameid") else 1)


def _precision(ev: dict[str, Any]) -> tuple[int, int, str]:
    loc = ev.get("location") or {}
    return (_width(_interval(ev)), 0 if loc.get("lat") is not None else 1, ev["id"])


def compatible(ev: dict[str, Any], inc: Incident) -> str | None:
    """Why `ev` belongs to `inc` (a one-line explanation), or None when it does not."""
    best = inc.best
    if ev["event_type"] != best["event_type"]:
        return None
    r1, r2 = _party_key(ev.get("recipient")), _party_key(best.get("recipient"))
    if r1 != r2:
        return None
    actors = inc.actors()
    a = _party_key(ev.get("actor"))
    if a is not None and actors and a not in actors:
        return None
    iv = _interval(ev)
    lo, hi = max(iv[0], inc.interval[0]), min(iv[1], inc.interval[1])
    if lo > hi:
        return None
    if min(_width(iv), _width(inc.interval)) > MAX_SPAN_DAYS:
        return None  # two vague mentions are not evidence of one incident
    loc_a, loc_b = ev.get("location") or {}, inc.best_location() or {}
    where = "place unknown on one side"
    if loc_a.get("country") and loc_b.get("country") and loc_a["country"] != loc_b["country"]:
        return None
    if loc_a.get("lat") is not None and loc_b.get("lat") is not None:
        dist = km(loc_a, loc_b)
        if dist > MAX_PLACE_KM:
            return None
        where = f"{dist:.0f} km apart"
    return (f"{ev['id']} joins: same type {ev['event_type']}, actor {a or '?'} ~ {'/'.join(sorted(actors)) or '?'}, "
            f"recipient {r1}, dates {iv[0]}..{iv[1]} overlap {lo}..{hi}, {where}")


def _month(day: str) -> int:
    return int(day[:4]) * 12 + int(day[5:7]) - 1


WIDE_MONTHS = 24  # an event spanning more months than this is checked against every live incident


def resolve_block(events: Iterable[dict[str, Any]]) -> list[Incident]:
    """Group the events of one block (same type and recipient) into incidents, most precise first.

    Each event joins the first founded incident it is compatible with. Candidates come from an
    index of month buckets: an incident founded by an event dated more vaguely than
    MAX_SPAN_DAYS can never take another member (later events are vaguer still), so only
    incidents with a narrow interval are indexed, under the months their founding interval
    covers; the work per event is the number of incidents in its months, not in the block."""
    found: list[Incident] = []
    live: list[int] = []  # indices of incidents that can still take members
    buckets: dict[int, list[int]] = {}
    for ev in sorted(events, key=_precision):
        iv = _interval(ev)
        try:
            lo, hi = _month(iv[0]), _month(iv[1])
            candidates = (live if hi - lo > WIDE_MONTHS else
                          sorted({i for m in range(lo, hi + 1) for i in buckets.get(m, ())}))
        except ValueError:
            candidates = live
        for i in candidates:
            inc = found[i]
            if iv[0] > inc.interval[1] or iv[1] < inc.interval[0]:
                continue
            why = compatible(ev, inc)
            if why:
                inc.members.append(ev)
                inc.interval = (max(iv[0], inc.interval[0]), min(iv[1], inc.interval[1]))
                inc.explain.append(why)
                break
        else:
            inc = Incident(members=[ev], interval=iv)
            inc.explain.append(f"{ev['id']} founds the incident")
            found.append(inc)
            if _width(iv) <= MAX_SPAN_DAYS:
                live.append(len(found) - 1)
                try:
                    for m in range(_month(iv[0]), _month(iv[1]) + 1):
                        buckets.setdefault(m, []).append(len(found) - 1)
                except ValueError:
                    pass
    return found


def resolve(events: Iterable[dict[str, Any]]) -> list[Incident]:
    """Group events into incidents. Precise events found incidents first; vaguer ones join them.

    Compatibility is checked against the whole incident (its date intersection, its best place,
    all its actors), so chains of near-misses never merge two strikes a month apart.
    """
    blocks: dict[tuple[str, str | None], list[dict[str, Any]]] = {}
    for ev in events:
        if ev.get("negated") or ev.get("hypothetical"):
            continue
        blocks.setdefault((ev["event_type"], _party_key(ev.get("recipient"))), []).append(ev)
    incidents: list[Incident] = []
    for key in sorted(blocks, key=lambda k: (k[0], k[1] or "")):
        incidents.extend(resolve_block(blocks[key]))
    return incidents
