"""The pattern test over the store: two selections become day series, then event coincidence analysis."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Sequence

from ..store.db import Store
from ..store.query import select_events, select_incidents
from . import coincidence, selection

MAX_SPAN_DAYS = 3  # an event dated more loosely than this has no day to stand on and is left out (counted)


def event_day(rec: dict[str, Any]) -> date | None:
    """The day an event happened: its value when day-precise, else the middle of a short interval."""
    d = rec.get("date") or {}
    value = d.get("value")
    if isinstance(value, str) and len(value) == 10:
        return date.fromisoformat(value)
    start, end = d.get("start"), d.get("end")
    if not (isinstance(start, str) and isinstance(end, str) and len(start) == len(end) == 10):
        return None
    s, e = date.fromisoformat(start), date.fromisoformat(end)
    if (e - s).days > MAX_SPAN_DAYS:
        return None
    return s + (e - s) / 2


def series(store: Store, sel: str, *, table: str = "incidents", since: str | None = None,
           until: str | None = None) -> tuple[list[date], int]:
    """The days of a selection's events (one entry per event) and how many had no day-precise date."""
    q = selection.with_period(selection.parse(sel), since, until)
    rows = select_events(store, q) if table == "events" else select_incidents(store, q)
    days, loose = [], 0
    for rec in rows:
        d = event_day(rec)
        if d is None or (since and d.isoformat() < since) or (until and d.isoformat() > until):
            loose += d is None
            continue
        days.append(d)
    return days, loose


def run(store: Store, trigger: str, response: str, *, windows: Sequence[int] = (7, 14, 30, 60), lag: int = 0,
        since: str | None = None, until: str | None = None, table: str = "incidents",
        surrogates: int | None = 999, seed: int = 0) -> dict[str, Any]:
    """Everything the pattern test says, JSON-ready: selections, period, series sizes and the test."""
    a, a_loose = series(store, trigger, table=table, since=since, until=until)
    b, b_loose = series(store, response, table=table, since=since, until=until)
    first = date.fromisoformat(since) if since else min(a + b, default=None)
    last = date.fromisoformat(until) if until else max(a + b, default=None)
    out: dict[str, Any] = {"trigger": trigger, "response": response, "table": table, "lag": lag,
                           "windows": list(windows), "trigger_events": len(a), "response_events": len(b),
                           "trigger_undated": a_loose, "response_undated": b_loose}
    empty = [name for name, days in (("trigger", a), ("response", b)) if not days]
    if empty or first is None or last is None or last < first:
        what = " and the ".join(empty) or "trigger"
        out.update(period=None, result=None,
                   verdict=f"The {what} selection matches no day-dated events in this period: there is nothing to test.")
        return out
    days = (last - first).days + 1
    res = coincidence.test([(d - first).days for d in a], [(d - first).days for d in b], days,
                           windows=windows, lag=lag, surrogates=surrogates, seed=seed)
    out.update(period={"since": first.isoformat(), "until": (first + timedelta(days=days - 1)).isoformat(),
                       "days": days}, result=res.to_dict(), verdict=res.verdict)
    return out
