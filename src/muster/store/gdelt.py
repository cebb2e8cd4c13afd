"""GDELT 2.0 events CSV (tab-separated, no header, 61 columns) out of and into EVENT_FORMAT.

Export, column by column (the names are in data/gdelt_columns.txt):
- GlobalEventID: an integer derived from our event id (first 60 bits of its SHA-256), so the same
  event always gets the same number; an event imported from GDELT keeps its original number.
- Day / MonthYear / Year / FractionDate: when the event happened (our date: the day itself, or
  the first day of a month/year/range), else the first source's publication date. FractionDate
  is Year + day-of-year / 365, four decimals.
- Actor1*/Actor2*: Code = our party code (RUSGOV; country code alone when none), Name = its
  name, CountryCode = its country in CAMEO's three letters (ISO3 except ROM, ZAR, TMP, KOS;
  data/cameo_iso3.tsv), Type1Code = its sector. Known group, ethnic, religion and Type2/3 codes
  stay empty (muster does not code them).
- EventCode / EventBaseCode / EventRootCode: our CAMEO code when it agrees with the PLOVER type,
  else the coder's code for type+mode (data/mode_cameo.tsv), else data/plover_cameo.tsv, else
  the first CAMEO code that data/cameo_plover.tsv gives for the type and mode (or the type).
- QuadClass: from the CAMEO root (01-05 1, 06-09 2, 10-14 3, 15-20 4) as GDELT defines it.
  GoldsteinScale: our goldstein, else the CAMEO table's value.
- NumSources = NumMentions = NumArticles = number of reports (len(sources)); AvgTone empty.
  IsRootEvent 0 (muster does not mark lead-paragraph events).
- Actor1Geo/Actor2Geo: type 0 and empty (muster places events, not actors).
- ActionGeo: our location. Type 1 country, 5 first-order division (name == admin1), 4 city
  (2/3 for US states/cities); FullName "name, admin1, country name"; CountryCode in FIPS 10-4
  (data/fips_iso3.tsv); ADM1Code the FIPS country code (muster has no FIPS division codes).
- DATEADDED: the first source's publication day as YYYYMMDD000000. SOURCEURL: its url.

Import reads the same columns back: EventCode -> PLOVER type, mode and contexts through
data/cameo_plover.tsv (falling back to the 3-digit base code, then the root's "X0" code;
CAMEO 01 statements and 02 appeals, which PLOVER dropped, are reported and skipped), the row's
Goldstein and QuadClass (`quad`), actors from Code/Name/CountryCode/Type1Code, Day as a day
date, ActionGeo as location, SOURCEURL as the one source (outlet = the url's host, published =
DATEADDED's day), NumSources as `num_sources`. The raw columns muster has no field for (known
groups, religions, tones, actor geography, ...) are kept under `gdelt`, so a GDELT row read in
and written out again comes back the same.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from functools import lru_cache
from typing import IO, Any, Iterable, Iterator

from ..code import ontology
from ..data import path
from .countries import (cameo_to_iso3, fips_to_iso3, iso3_name, iso3_to_cameo, iso3_to_fips, name_to_iso3,
                        read_tsv)
from .rows import RowError, blank_event, day_date, stable_id

COLUMNS: list[str] = path("gdelt_columns.txt").read_text(encoding="utf-8").split()
IDX = {c: i for i, c in enumerate(COLUMNS)}
# Raw columns with no EVENT_FORMAT field: kept under event["gdelt"] on import, written back on export.
KEEP = [c for c in COLUMNS if any(k in c for k in ("KnownGroup", "Ethnic", "Religion", "Type2", "Type3",
                                                   "Actor1Geo", "Actor2Geo", "ADM1", "ADM2", "FeatureID"))
        ] + ["GlobalEventID", "IsRootEvent", "NumMentions", "NumArticles", "AvgTone", "DATEADDED"]
_KEEP = set(KEEP)
US_TYPES = {1: 1, 5: 2, 4: 3}  # GDELT geo type outside the US -> inside


def global_event_id(event_id: str) -> int:
    """A stable positive 60-bit integer for an event id (GDELT ids are integers)."""
    return int(hashlib.sha256(event_id.encode("utf-8")).hexdigest()[:15], 16)


def quad_of(cameo: str) -> int | None:
    try:
        root = int(cameo[:2])
    except ValueError:
        return None
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4 if root <= 20 else None


def plover_for(cameo: str) -> tuple[str, str, tuple[str, ...]] | None:
    """(type, mode, contexts) of a CAMEO code: the code, its 3-digit base, then its root's "X0" code."""
    for code in (cameo, cameo[:3], cameo[:2] + "0"):
        hit = ontology.cameo_to_plover(code)
        if hit and hit[0]:
            return hit
    return None


@lru_cache(maxsize=1)
def _reverse() -> dict[tuple[str, str], str]:
    """(PLOVER type, mode) -> CAMEO code: data/plover_cameo.tsv, else the first code cameo_plover.tsv gives.

    (type, "") is the plain code of a type; (type, "*") any code of it, the last resort.
    """
    out: dict[tuple[str, str], str] = {}
    for etype, mode, code in read_tsv("plover_cameo.tsv"):
        out[(etype, mode)] = code
    for code, (etype, mode, _ctx) in ontology.cameo_table().items():
        out.setdefault((etype, mode), code)
        out.setdefault((etype, "*"), code)
    return out


def cameo_for(e: dict[str, Any]) -> str:
    """The CAMEO code written for an event: its own when consistent with its PLOVER type, else derived."""
    code, etype = e.get("cameo") or "", e.get("event_type") or ""
    hit = plover_for(code) if code.isdigit() else None
    if hit and hit[0] == etype:
        return code
    rev, mode = _reverse(), e.get("mode") or ""
    coder_choice = getattr(ontology, "mode_cameo", lambda t, m: None)(etype, mode) if mode else None
    return coder_choice or rev.get((etype, mode)) or rev.get((etype, "")) or rev.get((etype, "*"), "")


def _num(x: Any) -> str:
    if x is None or x == "":
        return ""
    s = repr(float(x))
    return s[:-2] if s.endswith(".0") else s


def _clean(s: Any) -> str:
    return "" if s is None else " ".join(str(s).split())


def _day(e: dict[str, Any]) -> str:
    d = e.get("date") or {}
    iso = d.get("value") if d.get("granularity") == "day" else None
    iso = iso or d.get("start") or next((s.get("published") for s in e.get("sources") or [] if s.get("published")), "")
    return _yyyymmdd(iso)


def _yyyymmdd(iso: str | None) -> str:
    """YYYYMMDD of an ISO day, or "" when it is not a valid day."""
    day = (iso or "")[:10].replace("-", "")
    try:
        return day if len(day) == 8 and dt.date(int(day[:4]), int(day[4:6]), int(day[6:])) else ""
    except ValueError:
        return ""


def _geo_type(loc: dict[str, Any]) -> int:
    name, admin1, country = loc.get("name"), loc.get("admin1"), loc.get("country")
    if not name and loc.get("lat") is None:
        return 0
    if not admin1 and country and name_to_iso3(name) == country:
        t = 1
    elif admin1 and name == admin1:
        t = 5
    else:
        t = 4
    return US_TYPES[t] if country == "USA" else t


def _full_name(loc: dict[str, Any], gtype: int) -> str:
    country = iso3_name(loc.get("country"))
    if gtype == 1:
        return loc.get("name") or country
    parts = [loc.get("name")] + ([] if gtype in (2, 5) else [loc.get("admin1")]) + [country]
    return ", ".join(p for p in parts if p)


def _party(p: dict[str, Any] | None) -> list[str]:
    """Code, Name, CountryCode, Type1Code of a party."""
    if not p:
        return ["", "", "", ""]
    country = iso3_to_cameo(p.get("country"))
    return [_clean(p.get("code") or country), _clean(p.get("name") or p.get("text")), country, _clean(p.get("sector"))]


def to_row(e: dict[str, Any]) -> list[str]:
    raw = e.get("gdelt") or {}
    v = {c: _clean(raw.get(c)) if c in _KEEP else "" for c in COLUMNS}
    day = _day(e)
    if day:
        d = dt.date(int(day[:4]), int(day[4:6]), int(day[6:]))
        v.update(Day=day, MonthYear=day[:6], Year=day[:4],
                 FractionDate=f"{d.year + d.timetuple().tm_yday / 365:.4f}")
    for n, p in (("Actor1", e.get("actor")), ("Actor2", e.get("recipient"))):
        for col, val in zip(("Code", "Name", "CountryCode", "Type1Code"), _party(p)):
            v[n + col] = val
    cameo = cameo_for(e)
    gold = e.get("goldstein")
    n_src = e.get("num_sources") or len(e.get("sources") or []) or 1
    v.update(EventCode=cameo, EventBaseCode=cameo[:3], EventRootCode=cameo[:2],
             QuadClass=str(e.get("quad") or quad_of(cameo) or ""),
             GoldsteinScale=_num(gold if gold is not None else ontology.goldstein(cameo)),
             NumSources=str(n_src), IsRootEvent=v["IsRootEvent"] or "0",
             NumMentions=v["NumMentions"] or str(n_src), NumArticles=v["NumArticles"] or str(n_src),
             Actor1Geo_Type=v["Actor1Geo_Type"] or "0", Actor2Geo_Type=v["Actor2Geo_Type"] or "0")
    loc = e.get("location") or {}
    gtype = _geo_type(loc)
    fips = iso3_to_fips(loc.get("country")) or ""
    adm1 = v["ActionGeo_ADM1Code"] if v["ActionGeo_ADM1Code"][:2] == fips and fips else fips
    v.update(ActionGeo_Type=str(gtype), ActionGeo_FullName=_clean(_full_name(loc, gtype)) if gtype else "",
             ActionGeo_CountryCode=fips, ActionGeo_ADM1Code=adm1, ActionGeo_Lat=_num(loc.get("lat")),
             ActionGeo_Long=_num(loc.get("lon")),
             ActionGeo_FeatureID=v["ActionGeo_FeatureID"] if gtype not in (1,) else fips)
    src = e.get("sources") or []
    published = next((s["published"] for s in src if s.get("published")), None)
    added = _yyyymmdd(published) or day
    if added and not v["DATEADDED"].startswith(added):
        v["DATEADDED"] = added + "000000"
    v["SOURCEURL"] = _clean(next((s["url"] for s in src if s.get("url")), ""))
    v["GlobalEventID"] = v["GlobalEventID"] or str(global_event_id(e["id"]))
    return [v[c] for c in COLUMNS]


def write(events: Iterable[dict[str, Any]], fh: IO[str]) -> int:
    n = 0
    for e in events:
        fh.write("\t".join(to_row(e)) + "\n")
        n += 1
    return n


def _float(s: str, col: str) -> float | None:
    if not s:
        return None
    try:
        return float(s)
    except ValueError:
        raise ValueError(f"bad number {s!r} in {col}") from None


def _iso_day(s: str, col: str) -> str:
    """YYYY-MM-DD of a GDELT YYYYMMDD (or YYYYMMDDHHMMSS) value."""
    try:
        if len(s) in (8, 14) and s.isdigit():
            return dt.date(int(s[:4]), int(s[4:6]), int(s[6:8])).isoformat()
    except ValueError:
        pass
    raise ValueError(f"bad date {s!r} in {col} (expected YYYYMMDD)")


def _host(url: str) -> str | None:
    """The host of a URL (what GDELT users call the source), cheaply."""
    host = url.partition("://")[2].split("/", 1)[0].rpartition("@")[2].split(":", 1)[0].lower()
    return host or None


def _import_party(c: list[str], n: str) -> dict[str, Any] | None:
    code, name, country, sector = (c[IDX[n + k]] for k in ("Code", "Name", "CountryCode", "Type1Code"))
    if not (code or name or country):
        return None
    return {"text": None, "name": name or None, "code": code or None, "country": cameo_to_iso3(country),
            "sector": sector or None, "implicit": False}


def _import_location(c: list[str]) -> dict[str, Any] | None:
    gtype = int(c[IDX["ActionGeo_Type"]] or 0)
    lat, lon = _float(c[IDX["ActionGeo_Lat"]], "ActionGeo_Lat"), _float(c[IDX["ActionGeo_Long"]], "ActionGeo_Long")
    parts = [p.strip() for p in c[IDX["ActionGeo_FullName"]].split(", ")] if c[IDX["ActionGeo_FullName"]] else []
    if not gtype and lat is None and not parts:
        return None
    name = parts[0] if parts else None
    admin1 = None
    if gtype in (2, 5):
        admin1 = name
    elif gtype in (3, 4) and len(parts) > 2:
        admin1 = ", ".join(parts[1:-1])
    return {"text": None, "name": name, "country": fips_to_iso3(c[IDX["ActionGeo_CountryCode"]]),
            "admin1": admin1, "lat": lat, "lon": lon, "geonameid": None}


def from_row(c: list[str], line: int) -> dict[str, Any] | RowError:
    if len(c) != len(COLUMNS):
        return RowError(line, f"expected {len(COLUMNS)} tab-separated GDELT 2.0 columns, found {len(c)}")
    gid, code = c[IDX["GlobalEventID"]], c[IDX["EventCode"]]
    if not gid.isdigit():
        return RowError(line, f"bad GlobalEventID {gid!r}")
    if not (code.isdigit() and 2 <= len(code) <= 4):
        return RowError(line, f"bad CAMEO EventCode {code!r}")
    try:
        day = _iso_day(c[IDX["Day"]], "Day")
        added = _iso_day(c[IDX["DATEADDED"]], "DATEADDED") if c[IDX["DATEADDED"]] else None
        gold = _float(c[IDX["GoldsteinScale"]], "GoldsteinScale")
        loc = _import_location(c)
        quad = int(c[IDX["QuadClass"]]) if c[IDX["QuadClass"]] else None
        n_src = int(c[IDX["NumSources"]]) if c[IDX["NumSources"]] else None
    except ValueError as exc:
        return RowError(line, str(exc))
    hit = plover_for(code)
    if hit is None:
        return RowError(line, f"CAMEO {code} has no PLOVER event type (PLOVER dropped CAMEO 01 and 02)", "skip")
    etype, mode, ctx = hit
    doc_id = f"gdelt:{gid}"
    e = blank_event(stable_id(doc_id), doc_id, etype, "gdelt")
    url = c[IDX["SOURCEURL"]] or None
    e.update(mode=mode if mode and ontology.is_mode(etype, mode) else None, context=list(ctx), cameo=code,
             goldstein=gold, actor=_import_party(c, "Actor1"), recipient=_import_party(c, "Actor2"),
             date=day_date(day), location=loc, quad=quad, num_sources=n_src,
             sources=[{"doc_id": doc_id, "url": url, "outlet": _host(url) if url else None,
                       "published": added}],
             gdelt={k: c[IDX[k]] for k in KEEP if c[IDX[k]]})
    return e


def read(fh: IO[str]) -> Iterator[dict[str, Any] | RowError]:
    for n, line in enumerate(fh, 1):
        line = line.rstrip("\r\n")
        if line.strip():
            yield from_row(line.split("\t"), n)
