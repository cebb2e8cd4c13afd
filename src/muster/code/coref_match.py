"""When two event mentions in one document may tell the same incident: parties, dates, places, kind."""
from __future__ import annotations

import math
from typing import Any

from ..model import Event
from . import ontology

MAX_KM = 100.0  # two places this close are one scene (a city and its suburbs, a city and its oblast centre)
FAR_PAST, FAR_FUTURE = "0001-01-01", "9999-12-31"
# place features coarser than a town: a mention placed there fits any town inside it
COUNTRY_LEVEL = frozenset({"country", "continent", "region", "sea"})
REGION_LEVEL = frozenset({"admin1", "admin2"})


def party_key(p: dict[str, Any] | None) -> str | None:
    """A party's identity for matching: its country, else its code (an organisation)."""
    if not p:
        return None
    return p.get("country") or p.get("code") or None


def named_key(p: dict[str, Any] | None) -> str | None:
    """The key of a party the sentence names (an inferred, implicit party is only a guess)."""
    return None if not p or p.get("implicit") else party_key(p)


def interval(date: dict[str, Any] | None) -> tuple[str, str]:
    d = date or {}
    return (d.get("start") or FAR_PAST, d.get("end") or FAR_FUTURE)


def width(iv: tuple[str, str]) -> float:
    """Days an interval spans (infinite when open), for ordering by precision."""
    if iv[0] == FAR_PAST or iv[1] == FAR_FUTURE:
        return math.inf
    y0, m0, d0 = (int(x) for x in iv[0].split("-"))
    y1, m1, d1 = (int(x) for x in iv[1].split("-"))
    return (y1 - y0) * 366 + (m1 - m0) * 31 + (d1 - d0)


def overlap(a: tuple[str, str], b: tuple[str, str]) -> tuple[str, str] | None:
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    return (lo, hi) if lo <= hi else None


def km(a: dict[str, Any], b: dict[str, Any]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def same_place(a: dict[str, Any] | None, b: dict[str, Any] | None, features: dict[str, str]) -> bool:
    """Places that may be one scene: either unknown, the same name, a country holding the other, a region
    holding the other (its admin1), or two points within MAX_KM. `features`: the feature of each place
    name of the document ("city", "admin1", "country" ...)."""
    if not a or not b:
        return True
    if a.get("name") and a.get("name") == b.get("name"):
        return True
    ca, cb = a.get("country"), b.get("country")
    if ca and cb and ca != cb:
        return False
    fa, fb = features.get(a.get("name") or "", "city"), features.get(b.get("name") or "", "city")
    if fa in COUNTRY_LEVEL or fb in COUNTRY_LEVEL:
        return True
    if fa in REGION_LEVEL or fb in REGION_LEVEL:
        return not (a.get("admin1") and b.get("admin1")) or a["admin1"] == b["admin1"]
    if None in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon")):
        return bool(ca and ca == cb)
    return km(a, b) <= MAX_KM


def place_rank(loc: dict[str, Any] | None, features: dict[str, str]) -> int:
    """0 for a town or site, 1 for a region, 2 for a country, 3 for no place: lower is more precise."""
    if not loc:
        return 3
    f = features.get(loc.get("name") or "", "city")
    return 2 if f in COUNTRY_LEVEL or loc.get("lat") is None else 1 if f in REGION_LEVEL else 0


def verbal(event_type: str) -> bool:
    """Speech acts (accuse, request, reject ...): one per speaker and statement, never a bare guess."""
    return (ontology.quad_class(event_type) or "").startswith("verbal")


def same_kind(a: Event, b: Event) -> bool:
    """Same PLOVER type; modes (drone / aerial / arrest ...) equal where both are known; CAMEO codes of one
    branch (within ACCUSE a criticism, 111, is no summons, 114; within COERCE a flight ban, 172, is no
    crackdown, 175), unless one is a general code ("190" use force, "180" violence)."""
    if a.event_type != b.event_type:
        return False
    if a.mode and b.mode and a.mode != b.mode:
        return False
    ca, cb = (a.cameo or "")[:3], (b.cameo or "")[:3]
    return not (len(ca) == 3 and len(cb) == 3) or ca == cb or ca[2] == "0" or cb[2] == "0"
