"""ACLED CSV export into EVENT_FORMAT events.

- event_type / sub_event_type -> PLOVER type, mode, CAMEO code and contexts through
  data/acled_plover.tsv (Battles -> ASSAULT, Explosions/Remote violence -> ASSAULT with modes
  aerial, heavy-weapons, explosives, ...; Protests -> PROTEST demo, excessive force -> ASSAULT
  crowd-control; Riots -> PROTEST riot or ASSAULT beat; Violence against civilians -> ASSAULT;
  Strategic developments -> AGREE / COERCE arrest / MOBILIZE / RETREAT, or skipped where PLOVER
  has no event). Goldstein from the CAMEO code, `quad` from its root.
- actor1 / actor2 -> actor / recipient: name = the ACLED actor name, country from "... of X" or
  "(X)" in it, sector from its prefix or the inter1/inter2 code (data/acled_actors.tsv), code =
  country + sector (RUSMIL).
- event_date (+ time_precision 1 day, 2 week, 3 month) -> date; location, admin1, latitude,
  longitude, iso (numeric) or country (name) -> location with an ISO3 country.
- notes -> evidence sentence; each outlet in `source` ("A; B") -> one entry of `sources`;
  doc_id "acled:<event_id_cnty>". The other ACLED columns (fatalities, inter codes, tags,
  timestamp, ...) are kept under `acled`.
"""
from __future__ import annotations

import calendar
import csv
import datetime as dt
import re
from functools import lru_cache
from typing import IO, Any, Iterator

from ..code import ontology
from .countries import name_to_iso3, numeric_to_iso3, read_tsv
from .gdelt import quad_of
from .rows import RowError, blank_event, stable_id

REQUIRED = ("event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1")
MAPPED = {"event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1",
          "actor2", "iso", "country", "admin1", "location", "latitude", "longitude", "source", "notes"}
DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d/%m/%Y", "%Y/%m/%d")
_OF = re.compile(r"\bof (?:the )?([^()]+?)\s*(?:\(|$)")
_PAREN = re.compile(r"\(([^()]+)\)")


@lru_cache(maxsize=1)
def mapping() -> dict[tuple[str, str], tuple[str, str, str, list[str]]]:
    out = {}
    for r in read_tsv("acled_plover.tsv"):
        r = r + [""] * (6 - len(r))
        out[(r[0].lower(), r[1].lower())] = (r[2], r[3], r[4], [c for c in r[5].split(";") if c])
    return out


@lru_cache(maxsize=1)
def _sectors() -> tuple[dict[str, str], list[tuple[str, str]]]:
    inter, prefix = {}, []
    for kind, key, sector in read_tsv("acled_actors.tsv"):
        if kind == "inter":
            inter[key.lower()] = sector
        else:
            prefix.append((key.lower(), sector))
    return inter, prefix


def _party(name: str, inter: str) -> dict[str, Any] | None:
    if not name:
        return None
    inter_map, prefixes = _sectors()
    low = name.lower()
    sector = next((s for p, s in prefixes if low.startswith(p)), None) or inter_map.get(inter.strip().lower())
    country = None
    m = _OF.search(name)
    if m:
        country = name_to_iso3(m.group(1))
    for cand in _PAREN.findall(name):
        country = country or name_to_iso3(cand)
    code = (country or "") + (sector or "")
    return {"text": name, "name": name, "code": code or None, "country": country, "sector": sector,
            "implicit": False}


def _parse_day(raw: str) -> dt.date:
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        pass
    for fmt in DATE_FORMATS[1:]:
        try:
            return dt.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"bad date {raw!r} in event_date")


def _date(raw: str, precision: str) -> dict[str, Any]:
    d = _parse_day(raw.strip())
    if precision.strip() == "2":
        return {"text": raw, "value": None, "start": (d - dt.timedelta(days=3)).isoformat(),
                "end": (d + dt.timedelta(days=3)).isoformat(), "granularity": "week"}
    if precision.strip() == "3":
        last = calendar.monthrange(d.year, d.month)[1]
        return {"text": raw, "value": d.isoformat()[:7], "start": d.replace(day=1).isoformat(),
                "end": d.replace(day=last).isoformat(), "granularity": "month"}
    return {"text": raw, "value": d.isoformat(), "start": d.isoformat(), "end": d.isoformat(), "granularity": "day"}


def _coord(s: str, col: str) -> float | None:
    try:
        return float(s) if s.strip() else None
    except ValueError:
        raise ValueError(f"bad number {s!r} in {col}") from None


def from_record(r: dict[str, str], line: int) -> dict[str, Any] | RowError:
    eid = r["event_id_cnty"].strip()
    if not eid:
        return RowError(line, "empty event_id_cnty")
    hit = mapping().get((r["event_type"].strip().lower(), r["sub_event_type"].strip().lower()))
    if hit is None:
        return RowError(line, f"unknown ACLED event type {r['event_type']!r} / {r['sub_event_type']!r}")
    etype, mode, cameo, ctx = hit
    if not etype:
        return RowError(line, f"ACLED {r['sub_event_type']!r} has no PLOVER event type", "skip")
    try:
        date = _date(r["event_date"], r.get("time_precision") or "1")
        lat, lon = _coord(r.get("latitude") or "", "latitude"), _coord(r.get("longitude") or "", "longitude")
    except ValueError as exc:
        return RowError(line, str(exc))
    country = numeric_to_iso3(r.get("iso")) or name_to_iso3(r.get("country"))
    doc_id = f"acled:{eid}"
    e = blank_event(stable_id(doc_id), doc_id, etype, "acled")
    notes = (r.get("notes") or "").strip()
    outlets = [s.strip() for s in (r.get("source") or "").split(";") if s.strip()]
    loc = None
    if r.get("location") or lat is not None:
        loc = {"text": r.get("location") or None, "name": r.get("location") or None, "country": country,
               "admin1": r.get("admin1") or None, "lat": lat, "lon": lon, "geonameid": None}
    e.update(mode=mode or None, context=ctx, cameo=cameo or None, goldstein=ontology.goldstein(cameo),
             quad=quad_of(cameo), actor=_party(r["actor1"].strip(), r.get("inter1") or ""),
             recipient=_party((r.get("actor2") or "").strip(), r.get("inter2") or ""), date=date, location=loc,
             evidence={"sentence": notes or None, "start": 0 if notes else None, "end": len(notes) if notes else None},
             sources=[{"doc_id": doc_id, "url": None, "outlet": o, "published": None} for o in outlets]
             or [{"doc_id": doc_id, "url": None, "outlet": None, "published": None}],
             num_sources=len(outlets) or None,
             acled={k: v for k, v in r.items() if k not in MAPPED and k is not None and v})
    if "fatalities" in e["acled"]:
        try:
            e["acled"]["fatalities"] = int(e["acled"]["fatalities"])
        except ValueError:
            return RowError(line, f"bad number {r['fatalities']!r} in fatalities")
    return e


def read(fh: IO[str]) -> Iterator[dict[str, Any] | RowError]:
    reader = csv.DictReader(fh)
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        raise ValueError(f"not an ACLED CSV export: missing column(s) {', '.join(missing)}")
    width = len(reader.fieldnames or [])
    start = reader.line_num + 1
    for r in reader:
        line, start = start, reader.line_num + 1
        if None in r or any(v is None for v in r.values()):
            found = width + len(r.get(None) or []) - sum(v is None for v in r.values())
            yield RowError(line, f"expected {width} comma-separated ACLED columns, found {found}")
            continue
        yield from_record(r, line)
