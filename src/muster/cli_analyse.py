"""The analysis commands: `muster pattern` and `muster report` (registered on the main app by cli.py)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from .cli import DB, F_SINCE, F_UNTIL, _fail, _open, app, out

TABLE_HELP = "Test incidents (default: one row per real-world incident) or raw events (--events)."
PROVENANCE_HELP = "Test imported rows of this provenance (gdelt, acled, jsonl) or muster's own events; implies --events."


def _table_and_selections(events: bool, provenance: Optional[str], *sels: str) -> tuple[str, list[str]]:
    """incidents or events, and the selections narrowed to one provenance when asked."""
    if provenance is None:
        return ("events" if events else "incidents"), list(sels)
    if provenance not in ("muster", "gdelt", "acled", "jsonl"):
        _fail(f"--provenance must be muster, gdelt, acled or jsonl, not {provenance!r}")
    return "events", [f"{s} provenance={provenance}" for s in sels]


def _windows(text: str) -> list[int]:
    try:
        ws = [int(w) for w in text.split(",") if w.strip()]
    except ValueError:
        _fail(f"--window must be whole days separated by commas, e.g. 7,14,30,60, not {text!r}")
    if not ws or any(w < 0 or w > 3650 for w in ws):
        _fail(f"--window days must lie between 0 and 3650, not {text!r}")
    return ws


def _dates(since: Optional[str], until: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """--since/--until checked and normalised by the query layer's own rule (YYYY, YYYY-MM or YYYY-MM-DD)."""
    from .errors import MusterError
    from .store.query import check_day

    try:
        return check_day(since, "--since"), check_day(until, "--until", end=True)
    except MusterError as exc:
        _fail(str(exc))


def _pattern_table(res: dict) -> None:
    out.print(res["verdict"], highlight=False)
    r = res.get("result")
    if not r:
        return
    t = Table(title=f"{res['trigger']}  →  {res['response']}")
    for col in ("window", "precursor K/N", "chance", "expected K", "95% CI", "p binom", "p surrogate",
                "p Holm", "K needed", "trigger K/N", "reverse p Holm"):
        t.add_column(col, justify="right")
    for w, rv in zip(r["windows"], r["reverse"]):
        pre = w["precursor"]
        t.add_row(str(w["window"]), pre["fraction"], f"{pre['chance']:.2f}", f"{pre['expected_k']:.1f}",
                  f"{pre['ci'][0]:.2f}–{pre['ci'][1]:.2f}", f"{pre['p_analytic']:.3f}", f"{pre['p_surrogate']:.3f}",
                  f"{w['p_adjusted']:.3f}", str(pre["min_k"] if pre["min_k"] is not None else "–"),
                  w["trigger"]["fraction"], f"{rv['p_adjusted']:.3f}")
    out.print(t)
    rr = r["rate_ratio"]
    ratio = f"{rr['rate_ratio']:.2f}" if rr["rate_ratio"] is not None else "n/a"
    out.print(f"rate ratio ({rr['window']}-day windows): {ratio}, exact conditional p = {rr['p_exact']:.3f}", highlight=False)


@app.command()
def pattern(trigger: str = typer.Option(..., "--trigger", help="Selection of trigger events, e.g. 'actor=AZE recipient=NATO,EU'."),
            response: str = typer.Option(..., "--response", help="Selection of response events, e.g. 'type=ASSAULT actor=RUS recipient=AZE'."),
            db: str = DB, window: str = typer.Option("7,14,30,60", "--window", help="Window lengths in days, comma-separated."),
            lag: int = typer.Option(0, "--lag", min=0, max=3650, help="Days between a trigger and the window's start."),
            since: Optional[str] = F_SINCE, until: Optional[str] = F_UNTIL,
            events: bool = typer.Option(False, "--events", help=TABLE_HELP),
            provenance: Optional[str] = typer.Option(None, "--provenance", help=PROVENANCE_HELP),
            surrogates: int = typer.Option(999, "--surrogates", min=0, max=100_000, help="Circular-shift surrogates."),
            as_json: bool = typer.Option(False, "--json", help="Every figure as one JSON object.")) -> None:
    """Does RESPONSE follow TRIGGER more often than chance? Event coincidence analysis with surrogate tests."""
    from .analyse import pattern as run
    from .analyse.selection import SelectionError

    ws = _windows(window)
    since, until = _dates(since, until)
    table, (trigger, response) = _table_and_selections(events, provenance, trigger, response)
    try:
        res = run.run(_open(db), trigger, response, windows=ws, lag=lag, since=since, until=until,
                      table=table, surrogates=surrogates)
    except SelectionError as exc:
        _fail(str(exc))
    if as_json:
        sys.stdout.write(json.dumps(res, ensure_ascii=False) + "\n")
    else:
        _pattern_table(res)


@app.command()
def report(dyad: str = typer.Option(..., "--dyad", help="Two country codes, e.g. AZE-RUS."),
           output: Path = typer.Option(Path("report.html"), "--out", "-o", help="Where the HTML page is written."),
           db: str = DB, by: str = typer.Option("month", "--by", help="Timeline period: day, week, month or year."),
           window: str = typer.Option("7,14,30,60", "--window", help="Pattern-test windows in days."),
           trigger: Optional[list[str]] = typer.Option(None, "--trigger", help="Trigger selection (repeat with --response)."),
           response: Optional[list[str]] = typer.Option(None, "--response", help="Response selection, one per --trigger."),
           since: Optional[str] = F_SINCE, until: Optional[str] = F_UNTIL,
           events: bool = typer.Option(False, "--events", help=TABLE_HELP),
           provenance: Optional[str] = typer.Option(None, "--provenance", help=PROVENANCE_HELP)) -> None:
    """A self-contained HTML report for a dyad: timeline, pattern tests in words, incidents with sources."""
    from .analyse import report as rep
    from .analyse.selection import SelectionError
    from .analyse.timeline import PERIODS

    if by not in PERIODS:
        _fail(f"--by must be one of {', '.join(PERIODS)}, not {by!r}")
    if len(trigger or []) != len(response or []):
        _fail("give one --response for each --trigger")
    a, sep, b = dyad.upper().partition("-")
    if not sep or len(a) != 3 or len(b) != 3 or not (a + b).isalpha():
        _fail(f"--dyad must be two three-letter codes joined by '-', e.g. AZE-RUS, not {dyad!r}")
    since, until = _dates(since, until)
    pairs = list(zip(trigger or [], response or [])) or rep.default_tests(a, b)
    table, sels = _table_and_selections(events, provenance, *[s for pair in pairs for s in pair])
    try:
        path = rep.write(_open(db), dyad, output, tests=list(zip(sels[::2], sels[1::2])), by=by,
                         windows=_windows(window), since=since, until=until, table=table, store_name=db,
                         provenance=provenance)
    except SelectionError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror or exc}")
    out.print(f"report written to {path}", highlight=False)
