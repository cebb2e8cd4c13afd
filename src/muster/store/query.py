"""The one query layer: CLI filters, API parameters and analysis selections compile to this SQL."""
from __future__ import annotations

import json
from dataclasses import dataclass, fields
from typing import Any

from .db import Store


@dataclass
class EventQuery:
    """Filters over events or incidents; every field None means 'any'."""

    dyad: str | None = None  # "AZE-RUS": either direction
    actor: str | None = None  # country ISO3 or actor code
    recipient: str | None = None
    event_type: str | None = None  # PLOVER type, or several separated by commas
    quad: int | None = None  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    since: str | None = None  # events whose interval ends on/after this day
    until: str | None = None  # events whose interval starts on/before this day
    country: str | None = None  # where it happened (ISO3)
    place: str | None = None  # place name, substring
    outlet: str | None = None
    language: str | None = None
    text: str | None = None  # full-text search over the evidence sentences
    provenance: str | None = None  # muster, gdelt, acled, jsonl
    include_negated: bool = False
    limit: int | None = None
    offset: int = 0

    @classmethod
    def from_params(cls, params: dict[str, Any]) -> "EventQuery":
        """Build from string parameters (HTTP query strings, CLI options); unknown keys are ignored."""
        kw: dict[str, Any] = {}
        for f in fields(cls):
            v = params.get(f.name)
            if v in (None, ""):
                continue
            if f.name in ("quad", "limit", "offset"):
                v = int(v)
            elif f.name == "include_negated":
                v = str(v).lower() in ("1", "true", "yes")
            kw[f.name] = v
        return cls(**kw)

    def sql(self, table: str = "events") -> tuple[str, list[Any]]:
        assert table in ("events", "incidents")
        where: list[str] = []
        params: list[Any] = []
        if self.dyad:
            a, _, b = self.dyad.upper().partition("-")
            where.append("((actor_country=? AND recipient_country=?) OR (actor_country=? AND recipient_country=?))")
            params += [a, b, b, a]
        for col, val in (("actor", self.actor), ("recipient", self.recipient)):
            if val:
                where.append(f"({col}_country=? OR {col}_code=?)")
                params += [val.upper()] * 2
        if self.event_type:
            types = [t.strip().upper() for t in self.event_type.split(",") if t.strip()]
            where.append(f"event_type IN ({','.join('?' * len(types))})")
            params += types
        if self.quad:
            where.append("quad=?")
            params.append(self.quad)
        if self.since:
            where.append("(date_end IS NULL OR date_end>=?)")
            params.append(self.since)
        if self.until:
            where.append("(date_start IS NULL OR date_start<=?)")
            params.append(self.until)
        if self.country:
            where.append("location_country=?")
            params.append(self.country.upper())
        if self.place:
            where.append("location_name LIKE ?")
            params.append(f"%{self.place}%")
        if table == "events":
            if self.outlet:
                where.append("outlet LIKE ?")
                params.append(f"%{self.outlet}%")
            if self.language:
                where.append("language=?")
                params.append(self.language)
            if self.text:
                where.append("rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
                params.append(_fts(self.text))
            if self.provenance:
                where.append("provenance=?")
                params.append(self.provenance)
            if not self.include_negated:
                where.append("negated=0 AND hypothetical=0")
        else:
            if self.outlet:
                where.append("outlets LIKE ?")
                params.append(f"%{self.outlet}%")
            if self.language:
                where.append("(',' || languages || ',') LIKE ?")
                params.append(f"%,{self.language},%")
            if self.text:
                where.append("id IN (SELECT incident_id FROM events WHERE rowid IN "
                             "(SELECT rowid FROM events_fts WHERE events_fts MATCH ?))")
                params.append(_fts(self.text))
        sql = f"SELECT data FROM {table}" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY date_start IS NULL, date_start, date_end, id"
        if self.limit:
            sql += f" LIMIT {int(self.limit)} OFFSET {int(self.offset)}"
        return sql, params


def _fts(text: str) -> str:
    """Quote each word so user text never breaks the FTS5 query syntax."""
    return " ".join('"' + w.replace('"', '""') + '"' for w in text.split())


def select_events(store: Store, q: EventQuery) -> list[dict[str, Any]]:
    sql, params = q.sql("events")
    return [json.loads(r["data"]) for r in store.execute(sql, tuple(params))]


def select_incidents(store: Store, q: EventQuery) -> list[dict[str, Any]]:
    sql, params = q.sql("incidents")
    return [json.loads(r["data"]) for r in store.execute(sql, tuple(params))]


def dyad_timeline(store: Store, a: str, b: str, *, by: str = "month", table: str = "incidents",
                  since: str | None = None, until: str | None = None) -> list[dict[str, Any]]:
    """Counts and Goldstein sums per period and quad class for a dyad (either direction).

    Uses the (actor_country, recipient_country, date_start) index: two index range scans, one per direction.
    """
    assert table in ("events", "incidents") and by in ("day", "month", "year")
    width = {"day": 10, "month": 7, "year": 4}[by]
    date_filter, extra = "", []
    if since:
        date_filter += " AND date_start>=?"
        extra.append(since)
    if until:
        date_filter += " AND date_start<=?"
        extra.append(until)
    neg = " AND negated=0 AND hypothetical=0" if table == "events" else ""
    sql = (f"SELECT substr(date_start,1,{width}) AS period, actor_country AS actor, quad, count(*) AS n, "
           f"round(sum(coalesce(goldstein,0)),2) AS goldstein FROM {table} "
           f"WHERE actor_country=? AND recipient_country=? AND date_start IS NOT NULL{date_filter}{neg} "
           f"GROUP BY period, quad")
    a, b = a.upper(), b.upper()
    rows = [dict(r) for r in store.execute(sql, (a, b, *extra))]
    rows += [dict(r) for r in store.execute(sql, (b, a, *extra))]
    rows.sort(key=lambda r: (r["period"], r["actor"], r["quad"] or 0))
    return rows
