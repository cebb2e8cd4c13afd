"""Dyad timelines as data and pictures: counts by quad class, Goldstein sum and mean, incidents as a rug.

The rows come from the one query layer (an EventQuery with `dyad=`), so the picture shows exactly what
`muster incidents --dyad A-B` lists. PNG through matplotlib (Agg), interactive HTML through plotly with
its JavaScript inlined (the file works offline), CSV for spreadsheets.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ..store.db import QUAD, Store
from ..store.query import EventQuery, select_events, select_incidents

PERIODS = ("day", "week", "month", "year")
QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
BAR_DAYS = {"day": 0.8, "week": 5.5, "month": 24, "year": 300}  # bar widths, leaving a gap between periods
QUAD_COLOURS = {1: "#4c9be8", 2: "#1f5fa8", 3: "#f0a04b", 4: "#c0392b"}


def _quad(rec: dict[str, Any]) -> int | None:
    return int(rec["quad"]) if rec.get("quad") else QUAD.get(rec.get("event_type") or "")


def period_of(day: date, by: str) -> str:
    """The label of the period a day falls in: 2025-11-14, 2025-W46 (ISO week), 2025-11, 2025."""
    if by == "day":
        return day.isoformat()
    if by == "week":
        y, w, _ = day.isocalendar()
        return f"{y}-W{w:02d}"
    if by == "month":
        return day.isoformat()[:7]
    if by == "year":
        return day.isoformat()[:4]
    raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {by!r}")


def period_start(label: str, by: str) -> date:
    """The first day of a period label (for plotting on a date axis)."""
    if by == "week":
        y, w = label.split("-W")
        return date.fromisocalendar(int(y), int(w), 1)
    return date.fromisoformat(label if by == "day" else label + ("-01" if by == "month" else "-01-01"))


def _day(rec: dict[str, Any]) -> date | None:
    d = rec.get("date") or {}
    for key in ("value", "start"):
        v = d.get(key)
        if isinstance(v, str) and len(v) >= 10:
            return date.fromisoformat(v[:10])
    return None


@dataclass
class DyadTimeline:
    a: str
    b: str
    by: str
    rows: list[dict[str, Any]] = field(default_factory=list)  # period, actor, recipient, quad, n, goldstein_sum, goldstein_mean
    incidents: list[dict[str, Any]] = field(default_factory=list)  # the rug: one record per incident, dated

    def to_csv(self) -> str:
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=["period", "actor", "recipient", "quad", "quad_name", "n",
                                            "goldstein_sum", "goldstein_mean"], lineterminator="\n")
        w.writeheader()
        for r in self.rows:
            w.writerow({**r, "quad_name": QUADS.get(r["quad"] or 0, "")})
        return buf.getvalue()


def build(store: Store, a: str, b: str, *, by: str = "month", table: str = "incidents",
          since: str | None = None, until: str | None = None, provenance: str | None = None,
          records: list[dict[str, Any]] | None = None) -> DyadTimeline:
    """Both directions of a dyad, bucketed by period and quad class (`records`: the dyad's rows when the
    caller has already selected them with the same filters)."""
    period_of(date(2000, 1, 1), by)  # validates `by`
    a, b = a.upper(), b.upper()
    if records is None:
        q = EventQuery(dyad=f"{a}-{b}", since=since, until=until, provenance=provenance)
        records = select_events(store, q) if table == "events" else select_incidents(store, q)
    recs = records
    buckets: dict[tuple[str, str, str, int | None], list[float]] = {}
    tl = DyadTimeline(a=a, b=b, by=by)
    for rec in recs:
        day = _day(rec)
        if day is None:
            continue
        actor = (rec.get("actor") or {}).get("country")
        recipient = (rec.get("recipient") or {}).get("country")
        g = rec.get("goldstein")
        buckets.setdefault((period_of(day, by), actor, recipient, _quad(rec)), []).append(float(g or 0.0))
        tl.incidents.append({"day": day.isoformat(), "actor": actor, "recipient": recipient,
                             "event_type": rec.get("event_type"), "quad": _quad(rec), "goldstein": g,
                             "evidence": (rec.get("evidence") or {}).get("sentence", ""),
                             "sources": [s.get("outlet") or s.get("url") or s.get("doc_id") for s in rec.get("sources") or []]})
    for (period, actor, recipient, quad), gs in sorted(buckets.items(), key=lambda kv: (kv[0][0], kv[0][1] or "", kv[0][3] or 0)):
        tl.rows.append({"period": period, "actor": actor, "recipient": recipient, "quad": quad, "n": len(gs),
                        "goldstein_sum": round(sum(gs), 2), "goldstein_mean": round(sum(gs) / len(gs), 2)})
    return tl


def _directions(tl: DyadTimeline) -> list[tuple[str, str]]:
    return [(tl.a, tl.b), (tl.b, tl.a)]


def _hover(inc: dict[str, Any]) -> str:
    from html import escape

    ev = inc["evidence"]
    ev = ev if len(ev) <= 220 else ev[:217] + "..."
    return (f"{escape(inc['day'])} {escape(str(inc['actor']))} → {escape(str(inc['recipient']))}: "
            f"{escape(str(inc['event_type']))}<br>{escape(ev)}<br>sources: {escape(', '.join(map(str, inc['sources'])))}")


def plotly_figure(tl: DyadTimeline):
    """Two stacked-bar panels (one per direction, by quad class) and a rug of incidents with hover text."""
    from plotly.subplots import make_subplots
    import plotly.graph_objects as go

    dirs = _directions(tl)
    bar_ms = BAR_DAYS[tl.by] * 86_400_000  # bar width on a date axis is in milliseconds
    fig = make_subplots(rows=3, cols=1, shared_xaxes=True, vertical_spacing=0.06, row_heights=[0.38, 0.38, 0.24],
                        subplot_titles=[f"{x} → {y}: events by quad class" for x, y in dirs]
                        + ["incidents (Goldstein score; hover for evidence and sources)"])
    for row, (x, y) in enumerate(dirs, start=1):
        for quad, name in QUADS.items():
            sel = [r for r in tl.rows if r["actor"] == x and r["recipient"] == y and r["quad"] == quad]
            if sel:
                fig.add_trace(go.Bar(x=[period_start(r["period"], tl.by) for r in sel], y=[r["n"] for r in sel],
                                     width=[bar_ms] * len(sel), offset=0,  # a bar spans its period from its start
                                     name=name, marker_color=QUAD_COLOURS[quad], legendgroup=name,
                                     showlegend=row == 1 or not any(r["actor"] == dirs[0][0] and r["quad"] == quad for r in tl.rows),
                                     customdata=[[r["goldstein_sum"], r["goldstein_mean"]] for r in sel],
                                     hovertemplate="%{x|%Y-%m-%d}: %{y} events, Goldstein sum %{customdata[0]}, "
                                                   "mean %{customdata[1]}<extra>" + name + "</extra>"), row=row, col=1)
    for (x, y), symbol in zip(dirs, ("triangle-up", "triangle-down")):
        incs = [i for i in tl.incidents if i["actor"] == x and i["recipient"] == y]
        if incs:
            fig.add_trace(go.Scatter(x=[i["day"] for i in incs], y=[i["goldstein"] or 0 for i in incs], mode="markers",
                                     marker={"symbol": symbol, "size": 9, "color": [QUAD_COLOURS.get(i["quad"] or 0, "#888") for i in incs]},
                                     name=f"{x} → {y} incidents", text=[_hover(i) for i in incs],
                                     hovertemplate="%{text}<extra></extra>"), row=3, col=1)
    fig.update_yaxes(range=[-10.8, 10.8], row=3, col=1)  # the Goldstein scale
    fig.update_layout(barmode="stack", height=720, title=f"{tl.a} – {tl.b} by {tl.by}", template="plotly_white",
                      legend={"orientation": "h", "y": -0.08})
    return fig


def write_html(tl: DyadTimeline, path: Path) -> None:
    """Interactive HTML with plotly.js inlined: opens offline, no CDN."""
    plotly_figure(tl).write_html(str(path), include_plotlyjs=True, full_html=True)


def html_div(tl: DyadTimeline) -> str:
    """The interactive figure as a self-contained <div> (plotly.js inlined) for the report page."""
    return plotly_figure(tl).to_html(include_plotlyjs=True, full_html=False)


def write_png(tl: DyadTimeline, path: Path) -> None:
    """A static picture: per direction stacked bars by quad class, and the incident rug."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(3, 1, figsize=(10, 7.5), sharex=True, gridspec_kw={"height_ratios": [3, 3, 2]})
    width = BAR_DAYS[tl.by]
    for ax, (x, y) in zip(axes, _directions(tl)):
        bottoms: dict[date, float] = {}
        for quad, name in QUADS.items():
            sel = [r for r in tl.rows if r["actor"] == x and r["recipient"] == y and r["quad"] == quad]
            xs = [period_start(r["period"], tl.by) for r in sel]
            ax.bar(xs, [r["n"] for r in sel], width=width, bottom=[bottoms.get(d, 0) for d in xs],
                   color=QUAD_COLOURS[quad], label=name, align="edge")
            for d, r in zip(xs, sel):
                bottoms[d] = bottoms.get(d, 0) + r["n"]
        ax.set_title(f"{x} → {y}: events by quad class", fontsize=10, loc="left")
        ax.set_ylabel("count")
    axes[0].legend(fontsize=8, ncol=4, loc="upper left")
    rug = axes[2]
    for (x, y), marker in zip(_directions(tl), ("^", "v")):
        incs = [i for i in tl.incidents if i["actor"] == x and i["recipient"] == y]
        rug.scatter([date.fromisoformat(i["day"]) for i in incs], [i["goldstein"] or 0 for i in incs], marker=marker,
                    c=[QUAD_COLOURS.get(i["quad"] or 0, "#888") for i in incs], label=f"{x} → {y}", s=30)
    rug.axhline(0, color="#999", lw=0.5)
    rug.set_ylabel("Goldstein")
    rug.set_title("incidents", fontsize=10, loc="left")
    rug.set_ylim(-10.8, 10.8)  # the Goldstein scale
    if tl.incidents:
        rug.legend(fontsize=8, loc="lower left")
    days = [date.fromisoformat(i["day"]) for i in tl.incidents] + [period_start(r["period"], tl.by) for r in tl.rows]
    if days:
        pad = timedelta(days=max(2, width))
        rug.set_xlim(min(days) - pad, max(days) + 2 * pad)
    fig.suptitle(f"{tl.a} – {tl.b} by {tl.by}")
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def write(tl: DyadTimeline, path: str | Path) -> str:
    """Write by extension (.png, .html, .csv); returns the format written."""
    p = Path(path)
    ext = p.suffix.lower()
    if ext == ".png":
        write_png(tl, p)
    elif ext in (".html", ".htm"):
        write_html(tl, p)
    elif ext == ".csv":
        p.write_text(tl.to_csv(), encoding="utf-8")
    else:
        raise ValueError(f"--out must end in .png, .html or .csv, not {p.name!r}")
    return ext.lstrip(".")
