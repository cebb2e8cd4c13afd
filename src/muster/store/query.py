"""The one query layer: CLI filters, API parameters and analysis selections compile to this SQL."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any, Iterator

from ..errors import MusterError
from .db import Store
from .packing import unpack, unpack_incident

PERIODS = ("day", "week", "month", "year")
FETCH = 500  # rows fetched from SQLite at a time when streaming
_DAY = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,15}$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")


def bad_option(option: str, value: Any, expected: str) -> MusterError:
    """The one-line error for an option value that cannot be used (E062)."""
    return MusterError("E062", f"invalid {option} {str(value)[:60]!r}: {expected}")


def check_day(value: str | None, option: str = "--since", *, end: bool = False) -> str | None:
    """A date option as YYYY-MM-DD: YYYY and YYYY-MM stand for their first day, or their last with `end`."""
    if value in (None, ""):
        return None
    m = _DAY.match(str(value).strip())
    try:
        if not m:
            raise ValueError
        y, mo, d = int(m.group(1)), int(m.group(2) or (12 if end else 1)), m.group(3)
        day = int(d) if d else (calendar.monthrange(y, mo)[1] if end else 1)
        return date(y, mo, day).isoformat()
    except ValueError:
        raise bad_option(option, value, "expected a date YYYY-MM-DD (or YYYY-MM, YYYY)") from None


def check_country(value: str, option: str) -> str:
    from .countries import is_iso3

    code = value.strip().upper()
    if not is_iso3(code):
        raise bad_option(option, value, "expected a country code ISO 3166 alpha-3, e.g. RUS")
    return code


def check_party(value: str, option: str) -> str:
    """A country (ISO3) or an actor code (RUSGOV, NATO, GOV): codes of three letters must be known."""
    from .countries import is_iso3, is_sector

    code = value.strip().upper()
    if not _CODE.match(code) or (len(code) == 3 and not (is_iso3(code) or is_sector(code))):
        raise bad_option(option, value, "expected a country code ISO 3166 alpha-3 (RUS) or an actor code (RUSGOV)")
    return code


@dataclass
class EventQuery:
    """Filters over events or incidents; every field None means 'any'."""

    dyad: str | None = None  # "AZE-RUS": either direction
    actor: str | None = None  # country ISO3 or actor code, or several separated by commas (any of them)
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

    def checked(self) -> "EventQuery":
        """This query with every value validated and normalised; MusterError E062 names the first bad one."""
        from ..code import ontology

        kw: dict[str, Any] = {}
        if self.dyad:
            parts = self.dyad.strip().split("-")
            if len(parts) != 2:
                raise bad_option("--dyad", self.dyad, "expected two country codes, e.g. AZE-RUS")
            kw["dyad"] = "-".join(check_country(p, "--dyad") for p in parts)
        for name in ("actor", "recipient"):
            if getattr(self, name):
                codes = [c for c in getattr(self, name).split(",") if c.strip()]
                if not codes:
                    raise bad_option(f"--{name}", getattr(self, name), "expected a country or actor code")
                kw[name] = ",".join(check_party(c, f"--{name}") for c in codes)
        if self.country:
            kw["country"] = check_country(self.country, "--country")
        if self.event_type:
            types = [t.strip().upper() for t in self.event_type.split(",") if t.strip()]
            bad = [t for t in types if not ontology.is_type(t)]
            if bad or not types:
                raise bad_option("--type", self.event_type, "expected PLOVER event types: " + ", ".join(ontology.TYPES))
            kw["event_type"] = ",".join(types)
        if self.quad is not None and self.quad not in (1, 2, 3, 4):
            raise bad_option("--quad", self.quad, "expected 1 (verbal cooperation), 2 (material cooperation), "
                                                  "3 (verbal conflict) or 4 (material conflict)")
        kw["since"] = check_day(self.since, "--since")
        kw["until"] = check_day(self.until, "--until", end=True)
        if kw["since"] and kw["until"] and kw["since"] > kw["until"]:
            raise bad_option("--since", self.since, f"it is after --until {self.until}")
        if self.language and not _LANGUAGE.match(self.language.strip().lower()):
            raise bad_option("--language", self.language, "expected a language code, e.g. de")
        if self.language:
            kw["language"] = self.language.strip().lower()
        if self.limit is not None and self.limit < 0:
            raise bad_option("--limit", self.limit, "expected a number of rows, 0 or more")
        if self.offset < 0:
            raise bad_option("--offset", self.offset, "expected 0 or more")
        return replace(self, **kw)

    def sql(self, table: str = "events", cols: str | None = None) -> tuple[str, list[Any]]:
        """(SQL, parameters) selecting `cols` (default: the stored record, and the incidents' explain)."""
        assert table in ("events", "incidents")
        where: list[str] = []
        params: list[Any] = []
        if self.dyad:
            a, _, b = self.dyad.upper().partition("-")
            where.append("((actor_country=? AND recipient_country=?) OR (actor_country=? AND recipient_country=?))")
            params += [a, b, b, a]
        for col, val in (("actor", self.actor), ("recipient", self.recipient)):
            if val:  # "NATO,EU,USA": any of them, as a country or as an actor code
                codes = [c.strip().upper() for c in val.split(",") if c.strip()]
                marks = ",".join("?" * len(codes))
                where.append(f"({col}_country IN ({marks}) OR {col}_code IN ({marks}))")
                params += codes * 2
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
        cols = cols or ("data, explain" if table == "incidents" else "data")
        sql = f"SELECT {cols} FROM {table}" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY date_start IS NULL, date_start, date_end, id"
        if self.limit is not None:
            sql += f" LIMIT {int(self.limit)} OFFSET {int(self.offset)}"
        elif self.offset:
            sql += f" LIMIT -1 OFFSET {int(self.offset)}"
        return sql, params


def _fts(text: str) -> str:
    """Quote each word so user text never breaks the FTS5 query syntax."""
    return " ".join('"' + w.replace('"', '""') + '"' for w in text.split())


def iter_rows(store: Store, q: EventQuery, table: str = "events") -> Iterator[dict[str, Any]]:
    """Events or incidents streamed from the store (FETCH rows at a time: memory stays flat)."""
    sql, params = q.sql(table, None if table == "incidents" else "data, evidence")  # (a packed event needs its evidence)
    cur = store.conn.execute(sql, tuple(params))
    try:
        while True:
            batch = cur.fetchmany(FETCH)
            if not batch:
                return
            for r in batch:
                if table == "incidents":
                    d, explain = unpack_incident(r[0], r[1])
                    if "explain" not in d:
                        d["explain"] = explain
                else:
                    d = unpack(r[0], r[1])
                yield d
    finally:
        cur.close()


def select_events(store: Store, q: EventQuery) -> list[dict[str, Any]]:
    return list(iter_rows(store, q, "events"))


def select_incidents(store: Store, q: EventQuery) -> list[dict[str, Any]]:
    return list(iter_rows(store, q, "incidents"))


def dyad_timeline(store: Store, a: str, b: str, *, by: str = "month", table: str = "incidents",
                  since: str | None = None, until: str | None = None) -> list[dict[str, Any]]:
    """Counts and Goldstein sums per period and quad class for a dyad (either direction).

    Uses the (actor_country, recipient_country, date_start) index: two index range scans, one per direction.
    """
    assert table in ("events", "incidents")
    if by not in PERIODS:
        raise bad_option("--by", by, "expected " + ", ".join(PERIODS))
    a, b = check_country(a, "country"), check_country(b, "country")
    since, until = check_day(since, "--since"), check_day(until, "--until", end=True)
    width = {"day": 10, "week": 10, "month": 7, "year": 4}[by]
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
    rows = [dict(r) for r in store.execute(sql, (a, b, *extra))]
    rows += [dict(r) for r in store.execute(sql, (b, a, *extra))] if a != b else []
    if by == "week":  # ISO weeks (2025-W46), summed from days
        weeks: dict[tuple[str, str, Any], dict[str, Any]] = {}
        for r in rows:
            try:
                y, w, _ = date.fromisoformat(r["period"]).isocalendar()
                label = f"{y}-W{w:02d}"
            except ValueError:
                label = r["period"]
            acc = weeks.setdefault((label, r["actor"], r["quad"]), {**r, "period": label, "n": 0, "goldstein": 0.0})
            acc["n"] += r["n"]
            acc["goldstein"] = round(acc["goldstein"] + (r["goldstein"] or 0), 2)
        rows = list(weeks.values())
    rows.sort(key=lambda r: (r["period"], r["actor"], r["quad"] or 0))
    return rows
