"""PLOVER/POLECAT-style JSON Lines: one JSON object per event with PLOVER's standard field names.

Field mapping (PLOVER manual, "Data Fields" chapter; extra fields are allowed by the manual):
- id -> `id`; date -> `date` (YYYY-MM-DD: the day, or the first day of a month/year/range) and
  `enddate` (last day, when the date is not a single day); `date_granularity`.
- event_type -> `event` (list of one), mode -> `mode` (list), context -> `context` (list),
  goldstein -> `event_scale`, `quad_code` 1-4 (from the CAMEO root, as GDELT), cameo -> `cameo`.
- actor / recipient -> `actor` / `recipient`: lists of one entity object
  {code: ISO3 country or organisation code, sector, entity_text, entity_name, country_name,
  actor_code: CAMEO-style code, implicit}; [] when unknown.
- location -> `event_loc` with GeoNames field names {name, geonameId, countryCode (ISO2),
  countryName, country (ISO3), adminName1, lat, lng}.
- evidence -> `event_text` (list of the sentence) and `text_info` {start, end}; sources ->
  `cite_info` (list of {corpus: outlet, citation: doc_id, url, date: published}).
- attribution, negated, hypothetical, language, doc_id kept under the same names; `coder`: "muster".
- POLECAT-style flat conveniences: `event_type`, `event_date`, `actor_name`, `actor_country`,
  `recipient_name`, `recipient_country`.
"""
from __future__ import annotations

import json
from typing import IO, Any, Iterable

import pycountry

from .countries import iso3_name
from .gdelt import cameo_for, quad_of


def _entity(p: dict[str, Any] | None) -> list[dict[str, Any]]:
    if not p:
        return []
    return [{"code": p.get("country") or p.get("code"), "sector": p.get("sector"), "entity_text": p.get("text"),
             "entity_name": p.get("name"), "country_name": iso3_name(p.get("country")) or None,
             "actor_code": p.get("code"), "implicit": bool(p.get("implicit"))}]


def _loc(loc: dict[str, Any] | None) -> dict[str, Any] | None:
    if not loc:
        return None
    c = pycountry.countries.get(alpha_3=loc["country"]) if loc.get("country") else None
    return {"name": loc.get("name"), "geonameId": loc.get("geonameid"), "countryCode": c.alpha_2 if c else None,
            "countryName": iso3_name(loc.get("country")) or None, "country": loc.get("country"),
            "adminName1": loc.get("admin1"), "lat": loc.get("lat"), "lng": loc.get("lon")}


def to_plover(e: dict[str, Any]) -> dict[str, Any]:
    d = e.get("date") or {}
    start = d.get("value") if d.get("granularity") == "day" else d.get("start")
    end = d.get("end") if d.get("end") and d.get("end") != start else None
    a, r = e.get("actor") or {}, e.get("recipient") or {}
    ev = e.get("evidence") or {}
    cameo = cameo_for(e)
    return {
        "id": e["id"], "date": start, "enddate": end, "date_granularity": d.get("granularity"),
        "actor": _entity(e.get("actor")), "recipient": _entity(e.get("recipient")),
        "event": [e["event_type"]], "mode": [e["mode"]] if e.get("mode") else [], "context": list(e.get("context") or []),
        "event_scale": e.get("goldstein"), "quad_code": e.get("quad") or quad_of(cameo), "cameo": cameo or None,
        "event_loc": _loc(e.get("location")),
        "event_text": [ev["sentence"]] if ev.get("sentence") else [],
        "text_info": {"start": ev.get("start"), "end": ev.get("end")},
        "cite_info": [{"corpus": s.get("outlet"), "citation": s.get("doc_id"), "url": s.get("url"),
                       "date": s.get("published")} for s in e.get("sources") or []],
        "attribution": e.get("attribution"), "negated": bool(e.get("negated")),
        "hypothetical": bool(e.get("hypothetical")), "language": e.get("language"), "doc_id": e.get("doc_id"),
        "coder": "muster",
        "event_type": e["event_type"], "event_date": start, "actor_name": a.get("name"),
        "actor_country": a.get("country"), "recipient_name": r.get("name"), "recipient_country": r.get("country"),
    }


def write(events: Iterable[dict[str, Any]], fh: IO[str]) -> int:
    n = 0
    for e in events:
        fh.write(json.dumps(to_plover(e), ensure_ascii=False) + "\n")
        n += 1
    return n
