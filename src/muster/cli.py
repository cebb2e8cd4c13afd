"""The command line: thin, one function per command, calling the library."""
from __future__ import annotations

import json
import os
import sqlite3
import sys
import uuid
from itertools import islice
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from . import __version__
from .errors import MusterError
from .ingest import Failure, iter_documents
from .lang import FALLBACK, SUPPORTED
from .model import Document
from .pipeline import build

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="muster: news in, a sourced timeline of political events out.")
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

DB = typer.Option("muster.db", "--db", help="SQLite event store (ingest creates it; queries need an existing one).")
QUIET = typer.Option(False, "--quiet", "-q", help="No progress bar or summary on stderr.")
LANG = typer.Option(None, "--lang", help=f"Language code ({' '.join(SUPPORTED)}); identified when omitted.")
DEFAULT_LIMIT = 100  # rows a table shows unless --limit or --all says otherwise
_STATE: dict[str, str] = {}  # the database the command works on, for one-line database errors


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"muster {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _main(show_version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                            help="Print the version and exit.")) -> None:
    """muster: news in, a sourced timeline of political events out."""


def _fail(msg: str, code: int = 2) -> None:
    err.print(f"[red]error[/red] {msg}", highlight=False)
    raise typer.Exit(code)


def _open_write(db: str):
    """The store at `db`, created when missing, or a one-line error (E020) and exit 2."""
    from .store import Store

    _STATE["db"] = db
    try:
        return Store(db, check=True)
    except MusterError as exc:
        _fail(str(exc))


def _writable(db: str) -> bool:
    folder = os.path.dirname(os.path.abspath(db))
    return os.access(db, os.W_OK) and os.access(folder, os.W_OK | os.X_OK)


def _open(db: str):
    """A query's store: `db` must exist (never created), opened read-only (a read-only file or folder
    is fine) after PRAGMA quick_check where cheap. Resolution work an interrupted run left queued is
    finished first when the file is writable, else a W061 warning says the incidents are behind."""
    from .store import Store
    from .store.schema import VERSION

    _STATE["db"] = db
    if not os.path.exists(db):
        _fail(f"E061 {db}: no such database (create one with `muster ingest FILE --db {db}`)")
    try:
        store = Store(db, readonly=True, check=True)
        behind = store.version < VERSION
        pending = 0 if behind else int(store.conn.execute("SELECT count(*) FROM dirty_blocks").fetchone()[0])
        if (behind or pending) and _writable(db):
            from .workflow import settle

            store.close()
            with Store(db) as w:
                settle(w)
            store = Store(db, readonly=True)
        elif behind:
            _fail(f"E020 {db}: schema version {store.version} is older than this muster ({VERSION}) and the "
                  "file is read-only")
        elif pending:
            err.print(f"W061 {db}: {pending} resolution block(s) pending: incidents are incomplete until a run "
                      "with write access (muster ingest, recode) finishes them", highlight=False, markup=False)
        return store
    except MusterError as exc:
        _fail(str(exc))


def _docs(paths: list[str], **defaults: Any) -> Iterable[Document | Failure]:
    try:
        yield from iter_documents(paths, **defaults)
    except MusterError as exc:
        _fail(str(exc))


def _print_jsonl(rows: Iterable[dict]) -> int:
    n = 0
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n


def _format(value: Optional[str], allowed: tuple[str, ...], default_tty: str = "table",
            default_pipe: str = "plain") -> str:
    """The output format: the one asked for (checked), else a table on a terminal and plain
    tab-separated text when piped (as gh does)."""
    if value is None:
        return default_tty if sys.stdout.isatty() else default_pipe
    v = value.strip().lower()
    if v not in allowed:
        _fail(f"E062 invalid --format {value!r}: expected {', '.join(allowed)}")
    return v


def _cell(value: Any) -> str:
    """One plain-text cell: no tabs or line breaks inside."""
    return "" if value is None else " ".join(str(value).split())


def _plain(header: list[str], rows: Iterable[list[Any]]) -> int:
    sys.stdout.write("\t".join(header) + "\n")
    n = 0
    for r in rows:
        sys.stdout.write("\t".join(_cell(c) for c in r) + "\n")
        n += 1
    return n


def when(d: dict | None) -> str:
    """A date object for people: the day, else its interval as short as it is exact
    (2022..2024 for whole years, 2025-03..2025-05 for whole months)."""
    if not d:
        return ""
    if d.get("value") and d.get("start") == d.get("end"):
        return str(d["value"])
    s, e = d.get("start"), d.get("end")
    if not s and not e:
        return str(d.get("value") or "")
    if s == e:
        return str(s)
    if s and e and s[4:] == "-01-01" and e[4:] == "-12-31":
        return s[:4] if s[:4] == e[:4] else f"{s[:4]}..{e[:4]}"
    if s and e and s[8:] == "01" and _month_end(e):
        return s[:7] if s[:7] == e[:7] else f"{s[:7]}..{e[:7]}"
    return f"{s or '…'}..{e or '…'}"


def _month_end(day: str) -> bool:
    import calendar

    try:
        return int(day[8:]) == calendar.monthrange(int(day[:4]), int(day[5:7]))[1]
    except ValueError:
        return False


def _party(p: dict | None) -> str:
    p = p or {}
    return (p.get("code") or p.get("country") or "?") + ("*" if p.get("implicit") else "")


EVENT_COLUMNS = ["date", "type", "mode", "cameo", "actor", "recipient", "where", "reports", "source", "evidence", "id"]


def _event_fields(e: dict, explain: bool = False) -> dict[str, str]:
    flags = ("¬" if e.get("negated") else "") + ("?" if e.get("hypothetical") else "")
    ev = (e.get("evidence") or {}).get("sentence") or ""
    if explain and e.get("rule"):
        ev += f"  [rule {e['rule']}]"
    return {"date": when(e.get("date")), "type": flags + e["event_type"], "mode": e.get("mode") or "",
            "cameo": e.get("cameo") or "", "actor": _party(e.get("actor")), "recipient": _party(e.get("recipient")),
            "where": (e.get("location") or {}).get("name") or "", "reports": str(len(e.get("sources") or [])),
            "source": (e.get("attribution") or {}).get("source") or "", "evidence": " ".join(ev.split()),
            "id": e.get("id") or ""}


def _event_table(rows: Iterable[dict], explain: bool = False, incidents: bool = False) -> None:
    """Events as a table that reads at any width: short columns never wrap, the evidence takes the
    rest of the line and wraps (long sentences are cut with an ellipsis after a few lines). Below
    NARROW columns, date and place share a column, and so do type and parties (two lines a row)."""
    width = out.width
    narrow = width < NARROW
    t = Table(show_lines=narrow, expand=False, pad_edge=False, box=box.SIMPLE_HEAD)
    if narrow:
        cols = ["when / where", "what / who → whom"] + (["n"] if incidents else []) + ["evidence"]
    else:
        cols = ["date", "type", "who → whom", "where"] + (["reports"] if incidents else []) + \
            (["cameo", "source"] if width >= 150 else []) + ["evidence"]
    for col in cols:
        if col == "evidence":
            t.add_column(col, overflow="fold", ratio=1, min_width=20)
        elif col in ("where", "when / where"):
            t.add_column(col, overflow="ellipsis", no_wrap=True, max_width=12 if narrow else 20)
        else:
            t.add_column(col, no_wrap=True)
    cap = max(160, width * 3)
    for e in rows:
        f = _event_fields(e, explain)
        ev = f["evidence"] if len(f["evidence"]) <= cap else f["evidence"][:cap - 1] + "…"
        date = f["date"].replace("..", "..\n") if narrow and len(f["date"]) > 12 else f["date"]
        who = f"{f['actor']} → {f['recipient']}"
        vals = {"who → whom": who, "evidence": ev, "n": f["reports"],
                "type": f["type"] + (f"/{f['mode']}" if f["mode"] else ""),
                "when / where": date + (f"\n{f['where']}" if f["where"] else ""),
                "what / who → whom": f"{f['type']}\n{who}"}
        t.add_row(*[vals.get(c, f.get(c, "")) for c in cols])
    out.print(t)


def _clip(text: Optional[str], n: int) -> str:
    """Text cut to n characters with an ellipsis (one line in a table)."""
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[:max(n - 1, 0)] + "…"


NARROW = 110  # terminal columns below which the event tables stack their short columns

@app.command()
def extract(file: str = typer.Argument(..., help="A file (txt, html, json, jsonl) or - for stdin."),
            published: Optional[str] = typer.Option(None, "--published", help="Publication date YYYY-MM-DD."),
            lang: Optional[str] = LANG,
            fmt: str = typer.Option("jsonl", "--format", help="jsonl (EVENT_FORMAT), table or plain."),
            explain: bool = typer.Option(False, "--explain", help="Show which pattern produced each event.")) -> None:
    """Print the events in FILE (no database)."""
    fmt = _format(fmt, ("jsonl", "table", "plain"))
    failed = 0
    rows: list[dict] = []
    for item in _docs([file], published=published, lang=lang):
        if isinstance(item, Failure):
            err.print(item.line(), highlight=False, markup=False)
            failed += 1
            continue
        doc = build(item.language or FALLBACK)(item)
        for w in doc.warnings:
            err.print(f"{file}: {w}", highlight=False, markup=False)
        rows.extend(e.to_dict() for e in doc.events)
    _show(rows, fmt, explain)
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
        for w in item.warnings:
            if w.startswith("W060"):
                err.print(f"{file}: {w}", highlight=False, markup=False)
        if removed:
            _print_jsonl(item.removed)
        else:
            sys.stdout.write(item.clean.rstrip("\n") + "\n")
    raise typer.Exit(1 if failed else 0)


def input_span(doc: Document, span: Any) -> list[int] | None:
    """A clean-text span as offsets into the raw input (the document's clean-to-raw map)."""
    try:
        start, end = int(span[0]), int(span[1])
    except (TypeError, ValueError, IndexError):
        return None
    offsets = doc.offsets
    if not offsets or not 0 <= start < len(offsets) or end <= start:
        return None
    return [offsets[start], offsets[min(end, len(offsets)) - 1] + 1]


def _layer(file: str, lang: Optional[str], layer: str, anchor: Optional[str] = None, explain: bool = False) -> None:
    from .store.query import check_day

    if anchor:
        try:
            anchor = check_day(anchor, "--anchor" if layer == "times" else "--date")
        except MusterError as exc:
            _fail(str(exc))
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
        if explain:  # places only: each choice with its candidates and reasons
            from .annotate.places import PlaceTagger

            doc = build(item.language or FALLBACK, ("sentences",))(item)
            _print_jsonl(PlaceTagger(doc.language or FALLBACK).explain(doc))
            continue
        doc = build(item.language or FALLBACK, names)(item)
        _print_jsonl({**s.as_json(), "input_span": input_span(doc, s.as_json().get("span"))}
                     for s in getattr(doc, layer))
    raise typer.Exit(1 if failed else 0)


@app.command()
def times(file: str = typer.Argument(..., help="A file or - for stdin."),
          anchor: Optional[str] = typer.Option(None, "--anchor", help="Reference date YYYY-MM-DD (publication)."),
          lang: Optional[str] = LANG) -> None:
    """Print the temporal expressions of FILE as JSON Lines (span: in the clean text; input_span: in the input)."""
    _layer(file, lang, "times", anchor)


@app.command()
def places(file: str = typer.Argument(..., help="A file or - for stdin."), lang: Optional[str] = LANG,
           explain: bool = typer.Option(False, "--explain", help="Each place's candidates, scores and the reasons for the choice.")) -> None:
    """Print the geocoded places of FILE as JSON Lines (span: in the clean text; input_span: in the input)."""
    _layer(file, lang, "places", explain=explain)


@app.command()
def actors(file: str = typer.Argument(..., help="A file or - for stdin."), lang: Optional[str] = LANG,
           date: Optional[str] = typer.Option(None, "--date", help="Date for office-holder terms (YYYY-MM-DD).")) -> None:
    """Print the actor mentions of FILE as JSON Lines (span: in the clean text; input_span: in the input)."""
    _layer(file, lang, "actors", date)


@app.command()
def ingest(paths: list[str] = typer.Argument(..., help="Files, folders, or - for stdin."), db: str = DB,
           published: Optional[str] = typer.Option(None, "--published", help="Publication date for documents without one."),
           outlet: Optional[str] = typer.Option(None, "--outlet", help="Outlet for documents without one."),
           lang: Optional[str] = LANG, quiet: bool = QUIET,
           verbose: bool = typer.Option(False, "--verbose", "-v", help="List the files skipped (unknown type)."),
           as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON on stdout."),
           engine: str = typer.Option("local", "--engine", help="local (this process) or dask (a cluster)."),
           workers: int = typer.Option(2, "--workers", min=1, max=512, help="Dask: worker processes of a LocalCluster."),
           scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask: a running scheduler, tcp://host:8786."),
           out_dir: Optional[Path] = typer.Option(None, "--out", help="Dask: write partitioned Parquet here instead of --db.")) -> None:
    """Read, code and store documents; report what was stored, skipped and why items failed."""
    from .workflow import ingest_documents

    if lang is not None and lang not in SUPPORTED:
        _fail(f"E062 invalid --lang {lang!r}: expected one of {', '.join(SUPPORTED)}")
    if engine not in ("local", "dask"):
        _fail(f"E062 invalid --engine {engine!r}: expected local or dask")
    if engine == "local" and (scheduler or out_dir):
        _fail("E062 --scheduler and --out need --engine dask")
    run_id = uuid.uuid4().hex[:12]
    skipped: list[str] = []
    docs = _docs(list(paths), published=published, outlet=outlet, lang=lang, skipped=skipped)
    if engine == "dask":
        summary = _ingest_dask(docs, db, out_dir, workers, scheduler, run_id, progress=not quiet and not as_json)
    else:
        store = _open_write(db)
        summary = ingest_documents(store, docs,
                                   run_id=run_id, on_failure=lambda f: err.print(f.line(), highlight=False, markup=False),
                                   on_warning=lambda w: err.print(w, highlight=False, markup=False),
                                   progress=not quiet and not as_json)
        store.close()
    summary["skipped"] = len(skipped)
    if verbose:
        for path in skipped:
            err.print(f"{path}: skipped (unsupported file type)", highlight=False, markup=False)
    if as_json:
        _print_jsonl([summary])
    elif not quiet and "stored" not in summary:  # a Parquet output has its own counts
        err.print("  ".join(f"{k} {v}" for k, v in summary.items() if k != "run_id"), highlight=False)
    elif not quiet:
        err.print(f"read {summary['read']}  stored {summary['stored']}  duplicates {summary['duplicates']}  "
                  f"failed {summary['failed']}  skipped {summary['skipped']}  events {summary['events']}  "
                  f"({summary['docs_per_s']:.1f} docs/s)"
                  + ("" if verbose or not skipped else "  (--verbose lists the skipped files)"), highlight=False)
    raise typer.Exit(1 if summary["failed"] else 0)


def _ingest_dask(docs: Iterable[Document | Failure], db: str, out_dir: Optional[Path], workers: int,
                 scheduler: Optional[str], run_id: str, progress: bool) -> dict:
    """ingest --engine dask: the client reads, the cluster codes; the client writes the store (one
    writer), or the workers write partitioned Parquet under --out. Returns the summary."""
    from .distributed import engine as dask_engine
    from .distributed.run import to_parquet
    from .workflow import ingest_documents

    try:
        cluster = dask_engine.client(scheduler, workers)
        c = cluster.__enter__()
    except (OSError, ValueError, TimeoutError) as exc:
        _fail(f"E063 cannot reach the Dask scheduler {scheduler or '(local cluster)'}: {exc}")
    try:
        if out_dir is not None:
            summary = {"run_id": run_id, **to_parquet(docs, out_dir, c), "out": str(out_dir)}
        else:
            store = _open_write(db)
            summary = ingest_documents(store, docs, run_id=run_id, progress=progress,
                                       on_failure=lambda f: err.print(f.line(), highlight=False, markup=False),
                                       code=lambda items: dask_engine.code_stream(items, c, layers=dask_engine.STORE_LAYERS))
            store.close()
    finally:
        cluster.__exit__(None, None, None)
    summary["engine"] = "dask"
    return summary


F_LIMIT = typer.Option(None, "--limit", min=0, help=f"At most this many rows (tables default to {DEFAULT_LIMIT}).")
F_ALL = typer.Option(False, "--all", help="Every row: no limit.")


def _limit(limit: Optional[int], everything: bool, fmt: str) -> Optional[int]:
    """Rows to show: --limit, none with --all or a machine format (jsonl, csv), else DEFAULT_LIMIT."""
    if everything and limit is not None:
        _fail("E062 give either --limit or --all, not both")
    if everything or limit is not None:
        return None if everything else limit
    return DEFAULT_LIMIT if fmt in ("table", "plain") else None


def _capped(rows: Iterable[dict], limit: Optional[int]) -> Iterator[dict]:
    """At most `limit` rows; a note on stderr when there were more."""
    it = iter(rows)
    yield from islice(it, limit) if limit is not None else it
    if limit is not None and next(it, None) is not None:
        err.print(f"(showing the first {limit} rows; --limit N or --all for more)", highlight=False, markup=False)


@app.command()
def docs(db: str = DB, fmt: Optional[str] = typer.Option(None, "--format", help="table, plain or jsonl."),
         limit: Optional[int] = F_LIMIT, everything: bool = F_ALL) -> None:
    """List the stored documents."""
    fmt = _format(fmt, ("table", "plain", "jsonl"))
    n = _limit(limit, everything, fmt)
    rows = _capped(iter(_open(db).documents(None if n is None else n + 1)), n)
    cols = ["id", "published", "language", "outlet", "title", "chars", "events"]
    if fmt == "jsonl":
        _print_jsonl(rows)
        return
    if fmt == "plain":
        _plain(cols, ([r[c] for c in cols] for r in rows))
        return
    wide = out.width >= 100
    shown = ["id", "published", "lang", "outlet", "title"] + (["chars"] if wide else []) + ["events"]
    t = Table(box=box.SIMPLE_HEAD)
    for col in shown:
        t.add_column(col, no_wrap=True)
    room = max(12, out.width - (71 if wide else 63))  # what the other columns and the padding leave
    for r in rows:
        vals = {"id": _clip(r["id"], 10), "published": r["published"] or "", "lang": r["language"] or "",
                "outlet": _clip(r["outlet"], 14), "title": _clip(r["title"], room), "chars": str(r["chars"]),
                "events": str(r["events"])}
        t.add_row(*[vals[c] for c in shown])
    out.print(t)


@app.command()
def failures(db: str = DB) -> None:
    """List the recorded input failures as JSON Lines."""

    _print_jsonl(_open(db).failures())


# The filter options shared by events and incidents, named as EventQuery's fields ("search" is its `text`):
# a command passes its locals() and the one options object, EventQuery, is built from them, as the web does.
FILTERS = {"dyad": "dyad", "actor": "actor", "recipient": "recipient", "event_type": "event_type", "quad": "quad",
           "since": "since", "until": "until", "country": "country", "place": "place", "outlet": "outlet",
           "language": "language", "search": "text", "include_negated": "include_negated"}


def _query(options: dict, limit: Optional[int]):
    """The validated EventQuery for a command's filter options (a one-line E062 for a bad value)."""
    from .store.query import EventQuery

    try:
        return EventQuery(**{field: options[name] for name, field in FILTERS.items() if name in options},
                          limit=limit).checked()
    except MusterError as exc:
        _fail(str(exc))


F_DYAD = typer.Option(None, "--dyad", help="Two countries, either direction: AZE-RUS.")
F_ACTOR = typer.Option(None, "--actor", help="Actor country (ISO3) or code.")
F_RECIPIENT = typer.Option(None, "--recipient", help="Recipient country (ISO3) or code.")
F_TYPE = typer.Option(None, "--type", help="PLOVER event type(s), comma-separated.")
F_QUAD = typer.Option(None, "--quad", help="Quad class 1-4 (verbal/material cooperation/conflict).")
F_SINCE = typer.Option(None, "--since", help="Events that may have happened on or after this day (YYYY-MM-DD).")
F_UNTIL = typer.Option(None, "--until", help="Events that may have happened on or before this day (YYYY-MM-DD).")
F_COUNTRY = typer.Option(None, "--country", help="Country where it happened (ISO3).")
F_PLACE = typer.Option(None, "--place", help="Place name (substring).")
F_OUTLET = typer.Option(None, "--outlet", help="Outlet (substring).")
F_LANGUAGE = typer.Option(None, "--language", help="Language of the report.")
F_TEXT = typer.Option(None, "--search", help="Full-text search in the evidence sentences.")
F_NEGATED = typer.Option(False, "--with-negated", help="Include negated and hypothetical events.")
F_FORMAT = typer.Option(None, "--format", help="table (default on a terminal), plain (default when piped: "
                                               "tab-separated, one row a line), jsonl or csv.")
QUERY_FORMATS = ("table", "plain", "jsonl", "csv")


def _show(rows: Iterable[dict], fmt: str, explain: bool = False, incidents: bool = False) -> int:
    """Write rows (streamed) in a format; the number written."""
    if fmt == "jsonl":
        return _print_jsonl(rows)
    if fmt == "csv":
        from .store.io import write_csv

        return write_csv(rows, sys.stdout)
    if fmt == "plain":
        cols = [c for c in EVENT_COLUMNS if incidents or c != "reports"]
        n = 0
        sys.stdout.write("\t".join(cols) + "\n")
        for r in rows:
            f = _event_fields(r, explain)
            sys.stdout.write("\t".join(_cell(f[c]) for c in cols) + "\n")
            if explain:
                for line in r.get("explain", []):
                    sys.stdout.write(f"#\t{_cell(line)}\n")
            n += 1
        return n
    rows = list(rows)
    _event_table(rows, explain, incidents)
    if explain:
        for r in rows:
            for line in r.get("explain", []):
                out.print(f"  {r['id']}: {line}", highlight=False, markup=False)
    return len(rows)


@app.command()
def events(db: str = DB, fmt: Optional[str] = F_FORMAT, dyad: Optional[str] = F_DYAD, actor: Optional[str] = F_ACTOR,
           recipient: Optional[str] = F_RECIPIENT, event_type: Optional[str] = F_TYPE, quad: Optional[int] = F_QUAD,
           since: Optional[str] = F_SINCE, until: Optional[str] = F_UNTIL, country: Optional[str] = F_COUNTRY,
           place: Optional[str] = F_PLACE, outlet: Optional[str] = F_OUTLET, language: Optional[str] = F_LANGUAGE,
           search: Optional[str] = F_TEXT, include_negated: bool = F_NEGATED, limit: Optional[int] = F_LIMIT,
           everything: bool = F_ALL,
           parquet: Optional[Path] = typer.Option(None, "--parquet", help="Query a Parquet output folder in place (DuckDB) instead of --db.")) -> None:
    """List stored events (EVENT_FORMAT with --format jsonl)."""
    from .store.query import iter_rows

    fmt = _format(fmt, QUERY_FORMATS)
    n = _limit(limit, everything, fmt)
    q = _query(locals(), None if n is None else n + 1)
    if parquet is not None:
        from .distributed.run import query_parquet

        _show(_capped(query_parquet(_parquet_dir(parquet), q), n), fmt)
        return
    _show(_capped(iter_rows(_open(db), q, "events"), n), fmt)


def _parquet_dir(path: Path) -> Path:
    """A muster Parquet output folder (with events/month=*/ partitions), or a one-line E064."""
    if not (path / "events").is_dir() and not (path / "_done").is_dir():
        _fail(f"E064 {path}: not a muster Parquet output folder (expected events/month=*/ inside)")
    return path


@app.command()
def load(parquet: Path = typer.Argument(..., help="A Parquet output folder of `ingest --engine dask --out`."),
         db: str = DB, quiet: bool = QUIET) -> None:
    """Bring a Parquet output folder into the embedded store (events and failures), then resolve incidents."""
    from .distributed.run import load_parquet

    summary = load_parquet(_parquet_dir(parquet), _open_write(db))
    if not quiet:
        _print_jsonl([summary])


@app.command(name="resolve")
def resolve_parquet(parquet: Path = typer.Argument(..., help="A Parquet output folder."),
                    workers: int = typer.Option(2, "--workers", min=1, max=512, help="Worker processes of a LocalCluster."),
                    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="A running scheduler, tcp://host:8786.")) -> None:
    """Cross-source resolution over a Parquet output, block by block on a Dask cluster (writes incidents/)."""
    from .distributed import engine as dask_engine
    from .distributed.run import resolve_parquet as run

    folder = _parquet_dir(parquet)
    try:
        with dask_engine.client(scheduler, workers) as c:
            n = run(folder, c)
    except (OSError, TimeoutError) as exc:
        _fail(f"E063 cannot reach the Dask scheduler {scheduler or '(local cluster)'}: {exc}")
    _print_jsonl([{"incidents": n, "out": str(folder / "incidents")}])


@app.command()
def incidents(db: str = DB, fmt: Optional[str] = F_FORMAT, dyad: Optional[str] = F_DYAD, actor: Optional[str] = F_ACTOR,
              recipient: Optional[str] = F_RECIPIENT, event_type: Optional[str] = F_TYPE,
              quad: Optional[int] = F_QUAD, since: Optional[str] = F_SINCE, until: Optional[str] = F_UNTIL,
              country: Optional[str] = F_COUNTRY, place: Optional[str] = F_PLACE, outlet: Optional[str] = F_OUTLET,
              language: Optional[str] = F_LANGUAGE, search: Optional[str] = F_TEXT, limit: Optional[int] = F_LIMIT,
              everything: bool = F_ALL,
              explain: bool = typer.Option(False, "--explain", help="Say why each incident's reports were merged.")) -> None:
    """List incidents: events merged across reports, `sources` listing every report."""
    from .store.query import iter_rows

    fmt = _format(fmt, QUERY_FORMATS)
    n = _limit(limit, everything, fmt)
    q = _query(locals(), None if n is None else n + 1)
    _show(_capped(iter_rows(_open(db), q, "incidents"), n), fmt, explain, incidents=True)


@app.command()
def timeline(a: str = typer.Argument(..., help="Country ISO3, e.g. AZE."), b: str = typer.Argument(..., help="Country ISO3."),
             db: str = DB, by: str = typer.Option("month", "--by", help="day, week (ISO weeks), month or year."),
             since: Optional[str] = F_SINCE, until: Optional[str] = F_UNTIL,
             fmt: Optional[str] = typer.Option(None, "--format", help="table, plain or jsonl."),
             output: Optional[Path] = typer.Option(None, "--out", "-o", help="Write a picture instead: .png, .html (interactive, offline) or .csv."),
             events: bool = typer.Option(False, "--events", help="Raw events instead of incidents (with --out).")) -> None:
    """Dyad timeline: incidents per period and quad class, with Goldstein sums, both directions."""
    from .store.query import dyad_timeline

    fmt = _format(fmt, ("table", "plain", "jsonl"))
    store = _open(db)
    if output is not None:
        from .analyse import timeline as tl

        if output.suffix.lower() not in (".png", ".html", ".htm", ".csv"):
            _fail(f"E062 invalid --out {output.name!r}: expected a .png, .html or .csv file")
        try:
            tl.write(tl.build(store, a, b, by=by.strip().lower(), table="events" if events else "incidents",
                              since=since, until=until), output)
        except ValueError as exc:
            _fail(f"E062 {exc}")
        except OSError as exc:
            _fail(f"cannot write {output}: {exc.strerror or exc}")
        err.print(f"timeline written to {output}", highlight=False)
        return
    try:
        rows = dyad_timeline(store, a, b, by=by.strip().lower(), since=since, until=until)
    except MusterError as exc:
        _fail(str(exc))
    cols = ["period", "actor", "quad", "n", "goldstein"]
    if fmt == "jsonl":
        _print_jsonl(rows)
        return
    if fmt == "plain":
        _plain(cols, ([r[c] for c in cols] for r in rows))
        return
    t = Table(title=f"{a.upper()} - {b.upper()} by {by}", box=box.SIMPLE_HEAD)
    for col in cols:
        t.add_column(col)
    for r in rows:
        t.add_row(r["period"], r["actor"], str(r["quad"]), str(r["n"]), str(r["goldstein"]))
    out.print(t)


@app.command()
def recode(db: str = DB, quiet: bool = QUIET) -> None:
    """Re-run coding over every stored document (after lexicons or patterns changed), then re-resolve."""
    from .workflow import recode as run

    if not os.path.exists(db):
        _fail(f"E061 {db}: no such database")
    summary = run(_open_write(db), progress=not quiet)
    _print_jsonl([summary])


@app.command()
def export(fmt: str = typer.Argument(..., help="jsonl, csv, parquet, gdelt or plover."),
           output: str = typer.Option("-", "--output", "-o", help="File to write (- for stdout; parquet needs a file)."),
           db: str = DB, what: str = typer.Option("events", "--what", help="events or incidents."),
           dyad: Optional[str] = F_DYAD, event_type: Optional[str] = F_TYPE, since: Optional[str] = F_SINCE,
           until: Optional[str] = F_UNTIL) -> None:
    """Export events or incidents in a format other tools read (streamed: memory stays flat)."""
    from .store.io import EXPORT_FORMATS, export_events
    from .store.query import EventQuery, iter_rows

    if fmt not in EXPORT_FORMATS:
        _fail(f"E062 invalid format {fmt!r}: expected {', '.join(EXPORT_FORMATS)}")
    if what not in ("events", "incidents"):
        _fail(f"E062 invalid --what {what!r}: expected events or incidents")
    try:
        q = EventQuery(dyad=dyad, event_type=event_type, since=since, until=until).checked()
    except MusterError as exc:
        _fail(str(exc))
    rows = iter_rows(_open(db), q, what)
    try:
        n = export_events(rows, fmt, sys.stdout if output == "-" else output)
    except (ValueError, OSError, MusterError) as exc:
        _fail(str(exc))
    err.print(f"exported {n} {what} as {fmt}", highlight=False)


@app.command(name="import")
def import_(fmt: str = typer.Argument(..., help="gdelt, acled or jsonl."), file: str = typer.Argument(...), db: str = DB) -> None:
    """Import events from GDELT 2.0 (tab-separated), ACLED (CSV) or muster JSON Lines into the store."""
    from .store.io import IMPORT_FORMATS, import_events
    from .workflow import settle

    if fmt not in IMPORT_FORMATS:
        _fail(f"E062 invalid format {fmt!r}: expected {', '.join(IMPORT_FORMATS)}")
    if not os.path.isfile(file):
        _fail(f"E001 {file}: file not found")
    store = _open_write(db)
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
    new = store.add_events(good, provenance=fmt)  # queues the blocks it touched
    settle(store)
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
    store = _open_write(db)
    summary = ingest_documents(store, _docs([str(sample)]), run_id="demo",
                               on_failure=lambda f: err.print(f.line(), highlight=False, markup=False),
                               progress=not quiet)
    out.print(f"[bold]muster demo[/bold]: {summary['read']} sample articles from {sample}, "
              f"{summary['stored']} newly stored in {db}, {store.count('events')} events in the store.")
    t = Table(title="documents", box=box.SIMPLE_HEAD)
    for col in ("published", "lang", "outlet", "title", "events"):
        t.add_column(col, overflow="ellipsis", no_wrap=True)
    room = max(12, out.width - 50)  # what the other columns and the padding (3 a column) leave for the title
    for r in store.documents():
        t.add_row(r["published"] or "", r["language"] or "", _clip(r["outlet"], 14), _clip(r["title"], room),
                  str(r["events"]))
    out.print(t)
    rows = select_incidents(store, EventQuery())
    out.print(f"[bold]{len(rows)} incidents[/bold] (muster incidents --db {db} shows them all; "
              "--format jsonl for EVENT_FORMAT)")
    _event_table(rows, incidents=True)
    _demo_report(store, db)
    store.close()


def _demo_report(store, db: str) -> None:
    """The demo ends with a dyad report for the sample corpus's busiest dyad, written beside the store."""
    from .analyse import report

    pairs = store.execute("SELECT actor_country AS a, recipient_country AS b, count(*) AS n FROM incidents "
                          "WHERE actor_country IS NOT NULL AND recipient_country IS NOT NULL "
                          "AND actor_country != recipient_country GROUP BY a, b ORDER BY n DESC, a, b LIMIT 1")
    if not pairs:
        return
    dyad = "-".join(sorted((pairs[0]["a"], pairs[0]["b"])))
    path = Path(db).resolve().with_name(f"report-{dyad}.html")
    try:
        report.write(store, dyad, path, store_name=db, surrogates=199)
    except OSError as exc:
        err.print(f"report not written: {exc}", highlight=False)
        return
    out.print(f"[bold]report[/bold] for {dyad}: {path}", highlight=False)


@app.command()
def version() -> None:
    """Print the muster version."""
    sys.stdout.write(f"muster {__version__}\n")


from . import cli_analyse  # noqa: E402,F401  (registers `pattern` and `report` on the app)
from . import cli_lexicon  # noqa: E402,F401  (registers `lexicon`)
from . import cli_web  # noqa: E402,F401


def main() -> None:
    """Entry point: every error a user can cause ends in one line on stderr, never a traceback."""
    try:
        app()  # exits itself; what follows catches what escapes a command
    except MusterError as exc:
        err.print(f"error {exc}", highlight=False, markup=False)
        code = 2
    except sqlite3.DatabaseError as exc:
        err.print(f"error E020 {_STATE.get('db', 'database')}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}",
                  highlight=False, markup=False)
        code = 2
    except BrokenPipeError:  # `muster events | head`: the reader went away
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = 0
    except KeyboardInterrupt:
        err.print("interrupted", highlight=False)
        code = 130
    sys.exit(code)


if __name__ == "__main__":
    # `python -m muster.cli` runs this file as __main__: take the package module's app, on which
    # cli_analyse registered its commands
    from muster.cli import main as _main

    _main()
