"""Reads the web pages need besides the query layer's filters: one record by id, counts, the dyads.

Everything goes through Store.execute with bound parameters; filtered lists come from store.query.
"""
from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from ..store.db import Store
from ..store.packing import dumps, unpack, unpack_incident
from ..store.query import EventQuery

DOC_COLUMNS = "id, url, outlet, title, published, language, path, length(clean) AS chars, ingested_at, coder_version"


def count(store: Store, q: EventQuery, table: str) -> int:
    """How many rows the query matches, ignoring its limit and offset."""
    sql, params = replace(q, limit=None, offset=0).sql(table)
    return int(store.execute(f"SELECT count(*) FROM ({sql})", tuple(params))[0][0])


def documents(store: Store, *, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    """A page of documents (newest first) with their event counts, and the total."""
    rows = store.execute(
        f"SELECT {DOC_COLUMNS}, (SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS events "
        "FROM documents d ORDER BY published DESC, id LIMIT ? OFFSET ?", (limit, offset))
    return [dict(r) for r in rows], store.count("documents")


def document(store: Store, doc_id: str) -> dict[str, Any] | None:
    """One document: metadata, clean text, removed lines and warnings."""
    rows = store.execute(f"SELECT {DOC_COLUMNS}, clean, removed, warnings FROM documents WHERE id=?", (doc_id,))
    if not rows:
        return None
    d = dict(rows[0])
    d["removed"], d["warnings"] = json.loads(d["removed"]), json.loads(d["warnings"])
    return d


def mentions(store: Store, doc_id: str) -> list[dict[str, Any]]:
    """The annotation layers of a document (actors, places, times, attributions), in text order; `span` is
    [start, end) in the clean text (a time's own `start` and `end` are the days it stands for)."""
    return [{"layer": m["layer"], **m["data"], "span": [m["start"], m["end"]]} for m in store.layers(doc_id)]


def document_events(store: Store, doc_id: str) -> list[dict[str, Any]]:
    """The events coded from one document (negated and hypothetical ones included), with their incident."""
    rows = store.execute("SELECT data, evidence, incident_id, id FROM events WHERE doc_id=?", (doc_id,))
    out = [({**unpack(r["data"], r["evidence"]), "incident_id": r["incident_id"]}, r["evidence"] is None, r["id"])
           for r in rows]
    out.sort(key=lambda x: (x[1], _start_key((x[0].get("evidence") or {}).get("start")), x[2]))
    return [d for d, _, _ in out]


def _start_key(start: Any) -> tuple[int, Any]:
    """SQLite's order of json_extract values: null, then numbers, then text (the order the events
    were listed in when SQLite sorted them)."""
    if start is None:
        return (0, 0)
    if isinstance(start, (int, float)):
        return (1, start)
    return (2, start if isinstance(start, str) else dumps(start))


def incident(store: Store, incident_id: str) -> dict[str, Any] | None:
    rows = store.execute("SELECT data, explain FROM incidents WHERE id=?", (incident_id,))
    if not rows:
        return None
    d, explain = unpack_incident(rows[0]["data"], rows[0]["explain"])
    d["explain"] = explain
    return d


def incident_events(store: Store, incident_id: str) -> list[dict[str, Any]]:
    """The reports merged into an incident, each with the clean text of its document when stored."""
    rows = store.execute("SELECT e.data, e.evidence, d.clean, d.title FROM events e LEFT JOIN documents d ON d.id = e.doc_id "
                         "WHERE e.incident_id=? ORDER BY e.published, e.id", (incident_id,))
    return [{**unpack(r["data"], r["evidence"]), "doc_clean": r["clean"], "doc_title": r["title"]} for r in rows]


def event_incident(store: Store, event_id: str) -> str | None:
    rows = store.execute("SELECT incident_id FROM events WHERE id=?", (event_id,))
    return rows[0][0] if rows else None


def dyads(store: Store, limit: int = 50) -> list[dict[str, Any]]:
    """Country pairs with incidents between them (either direction), busiest first."""
    rows = store.execute(
        "SELECT min(actor_country, recipient_country) AS a, max(actor_country, recipient_country) AS b, "
        "count(*) AS incidents, min(date_start) AS first, max(date_end) AS last FROM incidents "
        "WHERE actor_country IS NOT NULL AND recipient_country IS NOT NULL AND actor_country != recipient_country "
        "GROUP BY 1, 2 ORDER BY incidents DESC, a, b LIMIT ?", (limit,))
    return [dict(r) for r in rows]


def totals(store: Store) -> dict[str, int]:
    return {t: store.count(t) for t in ("documents", "events", "incidents")}
