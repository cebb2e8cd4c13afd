"""Event formats in and out: JSON Lines (EVENT_FORMAT) and flat CSV."""
from __future__ import annotations

import csv
from typing import IO, Any, Iterable

CSV_COLUMNS = ["id", "doc_id", "event_type", "mode", "cameo", "goldstein", "actor_code", "actor_country",
               "recipient_code", "recipient_country", "date_value", "date_start", "date_end", "location_name",
               "location_country", "lat", "lon", "attribution", "negated", "hypothetical", "evidence", "outlet"]


def flat(e: dict[str, Any]) -> dict[str, Any]:
    a, r, d, loc = e.get("actor") or {}, e.get("recipient") or {}, e.get("date") or {}, e.get("location") or {}
    src = (e.get("sources") or [{}])[0]
    return {"id": e["id"], "doc_id": e["doc_id"], "event_type": e["event_type"], "mode": e.get("mode"),
            "cameo": e.get("cameo"), "goldstein": e.get("goldstein"), "actor_code": a.get("code"),
            "actor_country": a.get("country"), "recipient_code": r.get("code"), "recipient_country": r.get("country"),
            "date_value": d.get("value"), "date_start": d.get("start"), "date_end": d.get("end"),
            "location_name": loc.get("name"), "location_country": loc.get("country"), "lat": loc.get("lat"),
            "lon": loc.get("lon"), "attribution": (e.get("attribution") or {}).get("source"),
            "negated": e.get("negated"), "hypothetical": e.get("hypothetical"),
            "evidence": (e.get("evidence") or {}).get("sentence"), "outlet": src.get("outlet")}


def write_csv(events: Iterable[dict[str, Any]], fh: IO[str]) -> None:
    w = csv.DictWriter(fh, fieldnames=CSV_COLUMNS)
    w.writeheader()
    for e in events:
        w.writerow(flat(e))
