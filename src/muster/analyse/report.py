"""The dyad report: one self-contained HTML page an analyst can send (timeline, pattern tests in words, incidents)."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Sequence

from ..store.db import Store
from ..store.query import EventQuery, select_events, select_incidents
from . import pattern, timeline

TEMPLATES = Path(__file__).with_name("templates")


def default_tests(a: str, b: str) -> list[tuple[str, str]]:
    """The dyad's default claims: does material conflict by one side follow verbal conflict between them?"""
    return [(f"dyad={a}-{b} quad=3", f"actor={b} recipient={a} quad=4"),
            (f"dyad={a}-{b} quad=3", f"actor={a} recipient={b} quad=4")]


def _sources(rec: dict[str, Any]) -> list[dict[str, str | None]]:
    out = []
    for s in rec.get("sources") or []:
        label = s.get("outlet") or s.get("url") or s.get("doc_id") or "?"
        if s.get("published"):
            label += f" ({s['published']})"
        url = s.get("url")
        item = {"label": label, "url": url if isinstance(url, str) and url.startswith(("http://", "https://")) else None}
        if item not in out:  # two mentions of one incident in one report are one source
            out.append(item)
    return out


def _row(rec: dict[str, Any]) -> dict[str, Any]:
    d, loc = rec.get("date") or {}, rec.get("location") or {}
    date = d.get("value") or (f"{d.get('start')} – {d.get('end')}" if d.get("start") != d.get("end") else d.get("start"))
    return {"date": date or "", "actor": (rec.get("actor") or {}).get("country") or "?",
            "recipient": (rec.get("recipient") or {}).get("country") or "?", "event_type": rec.get("event_type"),
            "mode": rec.get("mode"), "cameo": rec.get("cameo"), "goldstein": rec.get("goldstein"),
            "quad": timeline._quad(rec) or 0, "location": loc.get("name") or "",
            "sources": _sources(rec), "evidence": (rec.get("evidence") or {}).get("sentence", "")}


def render(store: Store, dyad: str, *, tests: Sequence[tuple[str, str]] | None = None, by: str = "month",
           table: str = "incidents", windows: Sequence[int] = (7, 14, 30, 60), lag: int = 0,
           since: str | None = None, until: str | None = None, store_name: str = "",
           surrogates: int | None = 999, provenance: str | None = None) -> str:
    """The report as an HTML string (plotly.js inlined; no request leaves the page)."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    from .. import __version__

    a, _, b = dyad.upper().partition("-")
    if not (a and b):
        raise ValueError(f"--dyad must be two codes joined by '-', e.g. AZE-RUS, not {dyad!r}")
    q = EventQuery(dyad=f"{a}-{b}", since=since, until=until, provenance=provenance)
    recs = select_events(store, q) if table == "events" else select_incidents(store, q)
    tl = timeline.build(store, a, b, by=by, table=table, records=recs)  # the same rows: one query
    results = []
    for trig, resp in tests or default_tests(a, b):
        out = pattern.run(store, trig, resp, windows=windows, lag=lag, since=since, until=until, table=table,
                          surrogates=surrogates)
        res = out["result"]
        rows = list(zip(res["windows"], res["reverse"])) if res else []
        results.append({"trigger": trig, "response": resp, "verdict": out["verdict"], "result": res, "rows": rows,
                        "lag": lag, "undated": out["trigger_undated"] + out["response_undated"],
                        "significant": bool(res) and "more often than chance" in out["verdict"]})
    days = sorted(i["day"] for i in tl.incidents)
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html", "j2"]))
    return env.get_template("report.html.j2").render(
        a=a, b=b, version=__version__, unit="incidents" if table == "incidents" else "events",
        n_incidents=len(recs), period=(days[0], days[-1]) if days else None,
        written=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), store=store_name,
        tests=results, figure=timeline.html_div(tl) if tl.incidents else "", incidents=[_row(r) for r in recs])


def write(store: Store, dyad: str, out: str | Path, **kw: Any) -> Path:
    p = Path(out)
    p.write_text(render(store, dyad, **kw), encoding="utf-8")
    return p
