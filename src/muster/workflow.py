"""Batch workflow: documents through the pipeline into the store, with progress and a summary."""
from __future__ import annotations

import time
from typing import Any, Callable, Iterable

from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from .errors import MusterError
from .ingest import Failure
from .model import Document
from .pipeline import build
from .store import Store

CODER_VERSION = "0.1"


def ingest_documents(store: Store, items: Iterable[Document | Failure], *, run_id: str,
                     on_failure: Callable[[Failure], Any] | None = None,
                     on_warning: Callable[[str], Any] | None = None,
                     progress: bool = False) -> dict[str, Any]:
    """Code each document and store it (one transaction per document: an interrupted run loses
    at most the document in flight, and a rerun skips what is stored). Returns the summary."""
    summary = {"run_id": run_id, "read": 0, "stored": 0, "duplicates": 0, "failed": 0, "events": 0,
               "seconds": 0.0, "docs_per_s": 0.0}
    touched: set[tuple[str, str | None]] = set()
    t0 = time.perf_counter()
    bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TimeElapsedColumn(), transient=True, disable=not progress)
    with bar:
        task = bar.add_task("ingest", total=None)
        for item in items:
            summary["read"] += 1
            bar.advance(task)
            if isinstance(item, Failure):
                summary["failed"] += 1
                store.add_failure(run_id, item.path, item.code, item.reason, item.item)
                if on_failure:
                    on_failure(item)
                continue
            if store.has_document(item.id):
                summary["duplicates"] += 1
                continue
            try:
                doc = build(item.language or "en")(item)
            except MusterError as exc:
                fail = Failure(item.path or item.id, exc.code, exc.message)
                summary["failed"] += 1
                store.add_failure(run_id, fail.path, fail.code, fail.reason)
                if on_failure:
                    on_failure(fail)
                continue
            if on_warning:
                for w in doc.warnings:
                    on_warning(f"{doc.path or doc.id}: {w}")
            if store.add_document(doc, CODER_VERSION):
                summary["stored"] += 1
                summary["events"] += len(doc.events)
                touched.update(block_of(e.to_dict()) for e in doc.events if not (e.negated or e.hypothetical))
            else:
                summary["duplicates"] += 1
    if touched:
        summary["incidents_touched"] = resolve_store(store, touched)
    summary["seconds"] = round(time.perf_counter() - t0, 3)
    summary["docs_per_s"] = summary["read"] / summary["seconds"] if summary["seconds"] else 0.0
    return summary


def block_of(event: dict[str, Any]) -> tuple[str, str | None]:
    """The resolution block of an event: only events of one block can form one incident."""
    r = event.get("recipient") or {}
    return event["event_type"], r.get("country") or r.get("code")


def resolve_store(store: Store, blocks: set[tuple[str, str | None]] | None = None) -> int:
    """Re-resolve stored events into incidents: every block, or only the blocks given (what an
    ingest touched). Returns the number of incidents written."""
    import json

    from .resolve import resolve

    if blocks is None:
        rows = store.execute("SELECT data FROM events WHERE negated=0 AND hypothetical=0")
        events = [json.loads(r["data"]) for r in rows]
    else:
        events = [e for b in sorted(blocks, key=lambda b: (b[0], b[1] or "")) for e in store.block_events(*b)]
    incidents = [inc.to_dict() for inc in resolve(events)]
    store.replace_incidents(incidents, blocks)
    return len(incidents)


def recode(store: Store, *, progress: bool = False) -> dict[str, Any]:
    """Re-run the pipeline over every stored document (after lexicons or patterns changed)."""
    ids = [r["id"] for r in store.execute("SELECT id FROM documents ORDER BY id")]
    before = store.count("events")
    bar = Progress(TextColumn("recode"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), transient=True,
                   disable=not progress)
    with bar:
        for doc_id in bar.track(ids):
            doc = store.load_document(doc_id)
            doc = build(doc.language or "en")(doc)
            store.replace_document_coding(doc, CODER_VERSION)
    n_inc = resolve_store(store)
    return {"documents": len(ids), "events_before": before, "events_after": store.count("events"), "incidents": n_inc}
