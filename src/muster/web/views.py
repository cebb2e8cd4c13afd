"""What each page shows, as one JSON-ready dictionary: the HTML page and its .json twin render the same data."""
from __future__ import annotations

from dataclasses import fields
from typing import Any

from ..analyse import pattern, timeline
from ..store.db import Store
from ..store.query import EventQuery, bad_option, check_country, check_day, select_events, select_incidents
from . import lookup
from .highlight import context

DEFAULT_LIMIT = 50
MAX_LIMIT = 1000
MAX_OFFSET = 10_000_000
QUADS = timeline.QUADS


def query_params(q: EventQuery) -> dict[str, Any]:
    """The filters actually set (for echoing back and for pagination links)."""
    return {f.name: getattr(q, f.name) for f in fields(q)
            if getattr(q, f.name) not in (None, False, "") and f.name not in ("limit", "offset")}


def _page(q: EventQuery, total: int, rows: list[dict[str, Any]]) -> dict[str, Any]:
    limit, offset = q.limit if q.limit is not None else DEFAULT_LIMIT, q.offset
    return {"filters": query_params(q), "total": total, "limit": limit, "offset": offset, "count": len(rows),
            "next_offset": offset + limit if offset + limit < total else None,
            "prev_offset": max(0, offset - limit) if offset > 0 else None, "rows": rows}


def index(store: Store) -> dict[str, Any]:
    docs, _ = lookup.documents(store, limit=10, offset=0)
    return {"totals": lookup.totals(store), "dyads": lookup.dyads(store), "recent_documents": docs}


def documents(store: Store, limit: int, offset: int) -> dict[str, Any]:
    rows, total = lookup.documents(store, limit=limit, offset=offset)
    return {"total": total, "limit": limit, "offset": offset, "count": len(rows),
            "next_offset": offset + limit if offset + limit < total else None,
            "prev_offset": max(0, offset - limit) if offset > 0 else None, "rows": rows}


def document(store: Store, doc_id: str) -> dict[str, Any] | None:
    doc = lookup.document(store, doc_id)
    if doc is None:
        return None
    return {"document": doc, "annotations": lookup.mentions(store, doc_id), "events": lookup.document_events(store, doc_id)}


def events(store: Store, q: EventQuery) -> dict[str, Any]:
    return _page(q, lookup.count(store, q, "events"), select_events(store, q))


def incidents(store: Store, q: EventQuery) -> dict[str, Any]:
    return _page(q, lookup.count(store, q, "incidents"), select_incidents(store, q))


def incident(store: Store, incident_id: str) -> dict[str, Any] | None:
    inc = lookup.incident(store, incident_id)
    if inc is None:
        return None
    reports = []
    for ev in lookup.incident_events(store, incident_id):
        text = ev.pop("doc_clean")
        evid = ev.get("evidence") or {}
        excerpt = None
        if text and isinstance(evid.get("start"), int) and isinstance(evid.get("end"), int):
            part, s, e = context(text, evid["start"], evid["end"])
            trig = ev.get("trigger") or {}
            t0 = trig.get("start") - evid["start"] + s if isinstance(trig.get("start"), int) else None
            t1 = trig.get("end") - evid["start"] + s if isinstance(trig.get("end"), int) else None
            excerpt = {"text": part, "evidence_start": s, "evidence_end": e, "trigger_start": t0, "trigger_end": t1}
        reports.append({"event": ev, "document_title": ev.pop("doc_title"), "excerpt": excerpt})
    return {"incident": inc, "explain": inc.get("explain", []), "reports": reports}


def dyad(store: Store, dyad_code: str, *, by: str = "month", since: str | None = None,
         until: str | None = None, limit: int = 500) -> tuple[dict[str, Any], timeline.DyadTimeline]:
    """The dyad's timeline (both directions, by period and quad class) and its incidents."""
    a, sep, b = dyad_code.strip().upper().partition("-")
    if not sep:
        raise bad_option("dyad", dyad_code, "expected two country codes joined by '-', e.g. AZE-RUS")
    a, b = check_country(a, "dyad"), check_country(b, "dyad")
    if by not in timeline.PERIODS:
        raise bad_option("by", by, "expected " + ", ".join(timeline.PERIODS))
    since, until = check_day(since, "since"), check_day(until, "until", end=True)
    tl = timeline.build(store, a, b, by=by, since=since, until=until)
    q = EventQuery(dyad=f"{a}-{b}", since=since, until=until, limit=limit)
    data = {"dyad": f"{a}-{b}", "a": a, "b": b, "by": by, "since": since, "until": until,
            "timeline": tl.rows, "quads": QUADS, "total": lookup.count(store, q, "incidents"),
            "incidents": select_incidents(store, q)}
    return data, tl


def pattern_test(store: Store, trigger: str, response: str, *, windows: list[int], lag: int, since: str | None,
                 until: str | None, table: str, surrogates: int) -> dict[str, Any]:
    return pattern.run(store, trigger, response, windows=windows, lag=lag, since=since, until=until, table=table,
                       surrogates=surrogates)

