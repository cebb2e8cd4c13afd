"""The command line: thin, one function per command, calling the library."""
from __future__ import annotations

import json
import sys
import uuid
from pathlib import Path
from typing import Iterable, Optional

import typer
from rich.console import Console
from rich.table import Table

from . import __version__
from .errors import MusterError
from .ingest import Failure, iter_documents
from .model import Document
from .pipeline import build

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="muster: news in, a sourced timeline of political events out.")
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

DB = typer.Option("muster.db", "--db", help="SQLite event store (created when missing).")
QUIET = typer.Option(False, "--quiet", "-q", help="No progress bar or summary on stderr.")
LANG = typer.Option(None, "--lang", help="Language code (de en ru uk ro fr); identified when omitted.")


def _fail(msg: str, code: int = 2) -> None:
    err.print(f"[red]error[/red] {msg}", highlight=False)
    raise typer.Exit(code)


def _open(db: str):
    """The store at `db`, or a one-line error (E020) and exit 2."""
    from .store import Store

    try:
        return Store(db)
    except MusterError as exc:
        _fail(str(exc))


def _docs(paths: list[str], **defaults: Optional[str]) -> Iterable[Document | Failure]:
    try:
        yield from iter_documents(paths, **defaults)
    except MusterError as exc:
        _fail(str(exc))


def _print_jsonl(rows: Iterable[dict]) -> None:
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


def _event_table(rows: list[dict], explain: bool = False) -> None:
    t = Table(show_lines=False)
    for col in ("date", "type", "mode", "cameo", "actor", "recipient", "where", "source", "evidence"):
        t.add_column(col, overflow="fold")
    for e in rows:
        d, a, r, loc = e.get("date") or {}, e.get("actor") or {}, e.get("recipient") or {}, e.get("location") or {}
        flags = ("¬" if e.get("negated") else "") + ("?" if e.get("hypothetical") else "")
        ev = (e.get("evidence") or {}).get("sentence") or ""
        if explain and e.get("rule"):
            ev += f"  [rule {e['rule']}]"
        t.add_row(d.get("value") or f"{d.get('start') or '…'}..{d.get('end') or '…'}" if d else "",
                  flags + e["event_type"], e.get("mode") or "", e.get("cameo") or "",
                  (a.get("code") or a.get("country") or "") + ("*" if a.get("implicit") else ""),
                  r.get("code") or r.get("country") or "", loc.get("name") or "",
                  (e.get("attribution") or {}).get("source") or "", ev[:160])
    out.print(t)


@app.command()
def extract(file: str = typer.Argument(..., help="A file (txt, html, json, jsonl) or - for stdin."),
            published: Optional[str] = typer.Option(None, "--published", help="Publication date YYYY-MM-DD."),
            lang: Optional[str] = LANG,
            fmt: str = typer.Option("jsonl", "--format", help="jsonl (EVENT_FORMAT) or table."),
            explain: bool = typer.Option(False, "--explain", help="Show which pattern produced each event.")) -> None:
    """Print the events in FILE (no database)."""
    failed = 0
    rows: list[dict] = []
    for item in _docs([file], published=published, lang=lang):
        if isinstance(item, Failure):
            err.print(item.line(), highlight=False, markup=False)
            failed += 1
            continue
        doc = build(item.language or "en")(item)
        for w in doc.warnings:
            err.print(f"{file}: {w}", highlight=False, markup=False)
        rows.extend(e.to_dict() for e in doc.events)
    if fmt == "table":
        _event_table(rows, explain)
    else:
        _print_jsonl(rows)
    raise typer.Exit(1 if failed else 0)


@app.command()
def clean(file: str = typer.Argument(..., help="A file or - for stdin."), lang: Optional[str] = LANG,
          removed: bool = typer.Option(False, "--removed", help="Print the removed lines instead.")) -> None:
    """Print the main text of FILE with boilerplate lines removed."""
    failed = 0
    for item in _docs([file], lang=lang):
        if isinstance(item, Failure):
            err.print(item.line(), highlight=False, markup=False)
            failed += 1
            continue
        if removed:
            _print_jsonl(item.removed)
        else:
            sys.stdout.write(item.clean.rstrip("\n") + "\n")
    raise typer.Exit(1 if failed else 0)


def _layer(file: str, lang: Optional[str], layer: str, anchor: Optional[str] = None) -> None:
    failed = 0
    for item in _docs([file], lang=lang, published=anchor):
        if isinstance(item, Failure):
            err.print(item.line(), highlight=False, markup=False)
            failed += 1
            continue
        if anchor:  # an explicit --anchor/--date wins over the document's own date
            item.published = anchor
        names = {"actors": ("sentences", "actors"), "places": ("sentences", "places"),
                 "times": ("sentences", "times")}[layer]
        doc = build(item.language or "en", names)(item)
        _print_jsonl(s.as_json() for s in getattr(doc, layer))
    raise typer.Exit(1 if failed else 0)


@app.command()
def times(file: str = typer.Argument(..., help="A file or - for stdin."),
          anchor: Optional[str] = typer.Option(None, "--anchor", help="Reference date YYYY-MM-DD (publication)."),
          lang: Optional[str] = LANG) -> None:
    """Print the temporal expressions of FILE as JSON Lines."""
    _layer(file, lang, "times", anchor)


@app.command()
def places(file: str = typer.Argument(..., help="A file or - for stdin."), lang: Optional[str] = LANG) -> None:
    """Print the geocoded places of FILE as JSON Lines."""
    _layer(file, lang, "places")


@app.command()
def actors(file: str = typer.Argument(..., help="A file or - for stdin."), lang: Optional[str] = LANG,
           date: Optional[str] = typer.Option(None, "--date", help="Date for office-holder terms (YYYY-MM-DD).")) -> None:
    """Print the actor mentions of FILE as JSON Lines."""
    _layer(file, lang, "actors", date)


@app.command()
def ingest(paths: list[str] = typer.Argument(..., help="Files, folders, or - for stdin."), db: str = DB,
           published: Optional[str] = typer.Option(None, "--published", help="Publication date for documents without one."),
           outlet: Optional[str] = typer.Option(None, "--outlet", help="Outlet for documents without one."),
           lang: Optional[str] = LANG, quiet: bool = QUIET,
           as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON on stdout.")) -> None:
    """Read, code and store documents; report what was stored, skipped and why items failed."""
    from .workflow import ingest_documents

    store = _open(db)
    run_id = uuid.uuid4().hex[:12]
    summary = ingest_documents(store, _docs(list(paths), published=published, outlet=outlet, lang=lang),
                               run_id=run_id, on_failure=lambda f: err.print(f.line(), highlight=False, markup=False),
                               on_warning=lambda w: err.print(w, highlight=False, markup=False),
                               progress=not quiet and not as_json)
    store.close()
    if as_json:
        _print_jsonl([summary])
    elif not quiet:
        err.print(f"read {summary['read']}  stored {summary['stored']}  duplicates {summary['duplicates']}  "
                  f"failed {summary['failed']}  events {summary['events']}  ({summary['docs_per_s']:.1f} docs/s)")
    raise typer.Exit(1 if summary["failed"] else 0)


@app.command()
def docs(db: str = DB, fmt: str = typer.Option("table", "--format", help="table or jsonl."),
         limit: Optional[int] = typer.Option(None, "--limit")) -> None:
    """List the stored documents."""

    rows = _open(db).documents(limit)
    if fmt == "jsonl":
        _print_jsonl(rows)
        return
    t = Table()
    for col in ("id", "published", "language", "outlet", "title", "chars", "events"):
        t.add_column(col, overflow="fold")
    for r in rows:
        t.add_row(r["id"], r["published"] or "", r["language"] or "", r["outlet"] or "", (r["title"] or "")[:60],
                  str(r["chars"]), str(r["events"]))
    out.print(t)


@app.command()
def failures(db: str = DB) -> None:
    """List the recorded input failures as JSON Lines."""

    _print_jsonl(_open(db).failures())


def _query(dyad, actor, recipient, event_type, quad, since, until, country, place, outlet, language, text,
           include_negated, limit):
    from .store.query import EventQuery

    return EventQuery(dyad=dyad, actor=actor, recipient=recipient, event_type=event_type, quad=quad, since=since,
                      until=until, country=country, place=place, outlet=outlet, language=language, text=text,
                      include_negated=include_negated, limit=limit)


F_DYAD = typer.Option(None, "--dyad", help="Two countries, either direction: AZE-RUS.")
F_ACTOR = typer.Option(None, "--actor", help="Actor country (ISO3) or code.")
F_RECIPIENT = typer.Option(None, "--recipient", help="Recipient country (ISO3) or code.")
F_TYPE = typer.Option(None, "--type", help="PLOVER event type(s), comma-separated.")
F_QUAD = typer.Option(None, "--quad", help="Quad class 1-4 (verbal/material cooperation/conflict).")
F_SINCE = typer.Option(None, "--since", help="Events that may have happened on or after this day.")
F_UNTIL = typer.Option(None, "--until", help="Events that may have happened on or before this day.")
F_COUNTRY = typer.Option(None, "--country", help="Country where it happened (ISO3).")
F_PLACE = typer.Option(None, "--place", help="Place name (substring).")
F_OUTLET = typer.Option(None, "--outlet", help="Outlet (substring).")
F_LANGUAGE = typer.Option(None, "--language", help="Language of the report.")
F_TEXT = typer.Option(None, "--search", help="Full-text search in the evidence sentences.")
F_ALL = typer.Option(False, "--all", help="Include negated and hypothetical events.")
F_LIMIT = typer.Option(None, "--limit")
F_FORMAT = typer.Option("table", "--format", help="table, jsonl or csv.")


def _show(rows: list[dict], fmt: str, explain: bool = False) -> None:
    if fmt == "jsonl":
        _print_jsonl(rows)
    elif fmt == "csv":
        from .store.io import write_csv

        write_csv(rows, sys.stdout)
    elif fmt == "table":
        _event_table(rows, explain)
        if explain:
            for r in rows:
                for line in r.get("explain", []):
                    out.print(f"  {r['id']}: {line}", highlight=False, markup=False)
    else:
        _fail(f"unknown format {fmt!r} (table, jsonl, csv)")


@app.command()
def events(db: str = DB, fmt: str = F_FORMAT, dyad: Optional[str] = F_DYAD, actor: Optional[str] = F_ACTOR,
           recipient: Optional[str] = F_RECIPIENT, event_type: Optional[str] = F_TYPE, quad: Optional[int] = F_QUAD,
           since: Optional[str] = F_SINCE, until: Optional[str] = F_UNTIL, country: Optional[str] = F_COUNTRY,
           place: Optional[str] = F_PLACE, outlet: Optional[str] = F_OUTLET, language: Optional[str] = F_LANGUAGE,
           search: Optional[str] = F_TEXT, include_negated: bool = F_ALL, limit: Optional[int] = F_LIMIT) -> None:
    """List stored events (EVENT_FORMAT with --format jsonl)."""
    from .store.query import select_events

    q = _query(dyad, actor, recipient, event_type, quad, since, until, country, place, outlet, language, search,
               include_negated, limit)
    _show(select_events(_open(db), q), fmt)


@app.command()
def incidents(db: str = DB, fmt: str = F_FORMAT, dyad: Optional[str] = F_DYAD, actor: Optional[str] = F_ACTOR,
              recipient: Optional[str] = F_RECIPIENT, event_type: Optional[str] = F_TYPE,
              quad: Optional[int] = F_QUAD, since: Optional[str] = F_SINCE, until: Optional[str] = F_UNTIL,
              country: Optional[str] = F_COUNTRY, place: Optional[str] = F_PLACE, outlet: Optional[str] = F_OUTLET,
              language: Optional[str] = F_LANGUAGE, search: Optional[str] = F_TEXT, limit: Optional[int] = F_LIMIT,
              explain: bool = typer.Option(False, "--explain", help="Say why each incident's reports were merged.")) -> None:
    """List incidents: events merged across reports, `sources` listing every report."""
    from .store.query import select_incidents

    q = _query(dyad, actor, recipient, event_type, quad, since, until, country, place, outlet, language, search,
               False, limit)
    _show(select_incidents(_open(db), q), fmt, explain)


@app.command()
def timeline(a: str = typer.Argument(..., help="Country ISO3, e.g. AZE."), b: str = typer.Argument(..., help="Country ISO3."),
             db: str = DB, by: str = typer.Option("month", "--by", help="day, month or year."),
             since: Optional[str] = F_SINCE, until: Optional[str] = F_UNTIL,
             fmt: str = typer.Option("table", "--format", help="table or jsonl.")) -> None:
    """Dyad timeline: incidents per period and quad class, with Goldstein sums, both directions."""
    from .store.query import dyad_timeline

    rows = dyad_timeline(_open(db), a, b, by=by, since=since, until=until)
    if fmt == "jsonl":
        _print_jsonl(rows)
        return
    t = Table(title=f"{a.upper()} - {b.upper()} by {by}")
    for col in ("period", "actor", "quad", "n", "goldstein"):
        t.add_column(col)
    for r in rows:
        t.add_row(r["period"], r["actor"], str(r["quad"]), str(r["n"]), str(r["goldstein"]))
    out.print(t)


@app.command()
def recode(db: str = DB, quiet: bool = QUIET) -> None:
    """Re-run coding over every stored document (after lexicons or patterns changed), then re-resolve."""
    from .workflow import recode as run

    summary = run(_open(db), progress=not quiet)
    _print_jsonl([summary])


@app.command()
def export(fmt: str = typer.Argument(..., help="jsonl, csv, parquet, gdelt or plover."),
           output: str = typer.Option("-", "--output", "-o", help="File to write (- for stdout; parquet needs a file)."),
           db: str = DB, what: str = typer.Option("events", "--what", help="events or incidents."),
           dyad: Optional[str] = F_DYAD, event_type: Optional[str] = F_TYPE, since: Optional[str] = F_SINCE,
           until: Optional[str] = F_UNTIL) -> None:
    """Export events or incidents in a format other tools read."""
    from .store.io import export_events
    from .store.query import EventQuery, select_events, select_incidents

    q = EventQuery(dyad=dyad, event_type=event_type, since=since, until=until)
    rows = (select_incidents if what == "incidents" else select_events)(_open(db), q)
    try:
        n = export_events(rows, fmt, sys.stdout if output == "-" else output)
    except (ValueError, MusterError) as exc:
        _fail(str(exc))
    err.print(f"exported {n} {what} as {fmt}", highlight=False)


@app.command(name="import")
def import_(fmt: str = typer.Argument(..., help="gdelt, acled or jsonl."), file: str = typer.Argument(...), db: str = DB) -> None:
    """Import events from GDELT 2.0 (tab-separated), ACLED (CSV) or muster JSON Lines into the store."""
    from .store.io import import_events
    from .workflow import block_of, resolve_store

    store = _open(db)
    good, bad, skipped = [], 0, 0
    try:
        for item in import_events(file, fmt):
            if isinstance(item, dict):
                good.append(item)
            elif getattr(item, "kind", "error") == "skip":  # well-formed, but nothing PLOVER codes
                skipped += 1
            else:
                bad += 1
                err.print(f"{file}:line {item.line}: {item.reason}", highlight=False, markup=False)
    except (OSError, ValueError, MusterError) as exc:
        _fail(f"{file}: {exc}")
    new = store.add_events(good, provenance=fmt)
    resolve_store(store, {block_of(e) for e in good if not (e.get("negated") or e.get("hypothetical"))})
    err.print(f"imported {new} new events ({len(good) - new} already stored, {skipped} not codable in PLOVER, "
              f"{bad} bad rows)", highlight=False)
    raise typer.Exit(1 if bad else 0)


@app.command()
def demo(db: str = typer.Option("demo.db", "--db", help="Where the demo store is written."), quiet: bool = QUIET) -> None:
    """Ingest the bundled sample corpus and print what muster found."""
    from . import data
    from .store.query import EventQuery, select_incidents
    from .workflow import ingest_documents

    sample = Path(str(data.path("sample")))
    store = _open(db)
    summary = ingest_documents(store, _docs([str(sample)]), run_id="demo",
                               on_failure=lambda f: err.print(f.line(), highlight=False, markup=False),
                               progress=not quiet)
    out.print(f"[bold]muster demo[/bold]: {summary['read']} sample articles from {sample}, "
              f"{summary['stored']} newly stored in {db}, {store.count('events')} events in the store.")
    t = Table(title="documents")
    for col in ("published", "lang", "outlet", "title", "events"):
        t.add_column(col, overflow="ellipsis", no_wrap=col != "title", max_width=60 if col == "title" else None)
    for r in store.documents():
        t.add_row(r["published"] or "", r["language"] or "", r["outlet"] or "", r["title"] or "", str(r["events"]))
    out.print(t)
    rows = select_incidents(store, EventQuery())
    t = Table(title=f"{len(rows)} incidents (muster incidents --db {db} shows them all; --format jsonl for EVENT_FORMAT)")
    for col in ("when", "type", "who → whom", "where", "reports", "evidence"):
        t.add_column(col, overflow="ellipsis", no_wrap=col != "evidence")
    for e in rows:
        d, a, r = e.get("date") or {}, e.get("actor") or {}, e.get("recipient") or {}
        when = d.get("value") or f"{d.get('start') or '…'}..{d.get('end') or '…'}"
        who = f"{a.get('code') or '?'}{'*' if a.get('implicit') else ''} → {r.get('code') or '?'}"
        ev = (e.get("evidence") or {}).get("sentence") or ""
        t.add_row(when, e["event_type"] + (f"/{e['mode']}" if e.get("mode") else ""), who,
                  (e.get("location") or {}).get("name") or "", str(len(e.get("sources") or [])),
                  ev if len(ev) <= 90 else ev[:89] + "…")
    out.print(t)
    store.close()


@app.command()
def version() -> None:
    """Print the muster version."""
    out.print(__version__)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
