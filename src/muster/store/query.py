"""The one query layer: CLI filters, API parameters and analysis selections compile to this SQL."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .db import Store


@dataclass
class EventQuery:
    dyad: str | None = None  # "AZE-RUS": either direction
    actor: str | None = None
    recipient: str | None = None
    event_type: str | None = None
    since: str | None = None  # events whose interval ends on/after this day
    until: str | None = None  # events whose interval starts on/before this day
    include_negated: bool = False
    limit: int | None = None

    def sql(self) -> tuple[str, list[Any]]:
        where, params = [], []
        if self.dyad:
            a, _, b = self.dyad.upper().partition("-")
            where.append("((actor_country=? AND recipient_country=?) OR (actor_country=? AND recipient_country=?))")
            params += [a, b, b, a]
        if self.actor:
            where.append("(actor_country=? OR actor_code=?)")
            params += [self.actor.upper()] * 2
        if self.recipient:
            where.append("(recipient_country=? OR recipient_code=?)")
            params += [self.recipient.upper()] * 2
        if self.event_type:
            where.append("event_type=?")
            params.append(self.event_type.upper())
        if self.since:
            where.append("(date_end IS NULL OR date_end>=?)")
            params.append(self.since)
        if self.until:
            where.append("(date_start IS NULL OR date_start<=?)")
            params.append(self.until)
        if not self.include_negated:
            where.append("negated=0 AND hypothetical=0")
        sql = "SELECT data FROM events" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY coalesce(date_start, date_end), id"
        if self.limit:
            sql += f" LIMIT {int(self.limit)}"
        return sql, params


def select_events(store: Store, q: EventQuery) -> list[dict[str, Any]]:
    sql, params = q.sql()
    return [json.loads(r["data"]) for r in store.execute(sql, tuple(params))]
