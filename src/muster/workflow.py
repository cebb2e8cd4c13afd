"""Batch workflow: documents through the pipeline into the store, with progress and a summary."""
from __future__ import annotations

import time
from typing import Any, Callable, Iterable, Iterator

from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from .errors import MusterError
from .ingest import Failure
from .lang import FALLBACK
from .model import Document
from .pipeline import build
from .store import Store
from .store.db import Block, block_of

CODER_VERSION = "0.1"
__all__ = ["CODER_VERSION", "block_of", "ingest_documents", "recode", "resolve_store", "settle"]


def _bar(progress: bool) -> Progress:
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), transient=True, disable=not progress)


def _resolve_events(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from .resolve import resolve_block

    return [inc.to_dict() for inc in resolve_block(events)]


def settle(store: Store, *, progress: bool = False, bar: Progress | None = None) -> int:
    """Drain the store's queue of out-of-date resolution blocks: each block is re-resolved and taken
    off the queue in one transaction (one block in memory at a time), so an interrupted run leaves
    a queue that the next run, or query, finishes. Returns the number of incidents written."""
    blocks = store.pending_blocks()
    if not blocks:
        return 0
    written = 0
    own = bar is None
    bar = bar or _bar(progress)
    with bar if own else _nullcontext():
        task = bar.add_task("resolve", total=len(blocks))
        for block in blocks:
            n = store.settle_block(block, _resolve_events)
            written += n or 0
            bar.advance(task)
    return written


class _nullcontext:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: Any) -> None:
        return None


def code_local(items: Iterable[Document | Failure]) -> Iterator[Document | Failure]:
    """The local coding stage: each document through its language's pipeline, in this process; a
    document the pipeline refuses becomes a Failure. (distributed.engine.code_stream is the Dask one.)"""
    for item in items:
        if isinstance(item, Failure):
            yield item
            continue
        try:
            coded = build(item.language or FALLBACK)(item)  # (the pipeline pauses the cycle collector itself)
        except MusterError as exc:
            yield Failure(item.path or item.id, exc.code, exc.message)
            continue
        yield coded


def ingest_documents(store: Store, items: Iterable[Document | Failure], *, run_id: str,
                     on_failure: Callable[[Failure], Any] | None = None,
                     on_warning: Callable[[str], Any] | None = None,
                     progress: bool = False,
                     code: Callable[[Iterable[Document | Failure]], Iterable[Document | Failure]] = code_local,
                     ) -> dict[str, Any]:
    """Code each document and store it (each document atomically, with the blocks it queues; up to 20
    documents or half a second of them share a commit: an interrupted run loses at most those, and a
    rerun skips what is stored). Returns the summary.
    `code` is the coding stage (local by default; the Dask path passes its own): the store is
    written here, by this one process, whichever stage coded the documents."""
    summary = {"run_id": run_id, "read": 0, "stored": 0, "duplicates": 0, "failed": 0, "events": 0,
               "seconds": 0.0, "docs_per_s": 0.0}
    t0 = time.perf_counter()
    bar = _bar(progress)

    def fresh() -> Iterator[Document | Failure]:  # what still needs coding: no stored document again
        for item in items:
            summary["read"] += 1
            bar.advance(task)
            if isinstance(item, Document) and store.has_document(item.id):
                summary["duplicates"] += 1
                continue
            yield item

    with bar:
        settle(store, bar=bar)  # what an interrupted run left to resolve
        task = bar.add_task("ingest", total=None)
        with store.batched():  # documents share commits (see Store.batched), each written atomically
            for doc in code(fresh()):
                if isinstance(doc, Failure):
                    summary["failed"] += 1
                    store.add_failure(run_id, doc.path, doc.code, doc.reason, doc.item)
                    if on_failure:
                        on_failure(doc)
                    continue
                if on_warning:
                    for w in doc.warnings:
                        on_warning(f"{doc.path or doc.id}: {w}")
                if store.add_document(doc, CODER_VERSION):  # queues the document's blocks in the same transaction
                    summary["stored"] += 1
                    summary["events"] += len(doc.events)
                else:
                    summary["duplicates"] += 1
        summary["incidents_touched"] = settle(store, bar=bar)
    summary["seconds"] = round(time.perf_counter() - t0, 3)
    summary["docs_per_s"] = summary["read"] / summary["seconds"] if summary["seconds"] else 0.0
    return summary


def resolve_store(store: Store, blocks: set[Block] | None = None, *, progress: bool = False) -> int:
    """Re-resolve stored events into incidents: every block, or only the blocks given. The blocks
    are queued first, so an interruption is finished by the next run. Returns incidents written."""
    if blocks is None:
        store.queue_all_blocks()
    else:
        with store.transaction() as c:
            store._queue(c, blocks)
    return settle(store, progress=progress)


def recode(store: Store, *, progress: bool = False) -> dict[str, Any]:
    """Re-run the pipeline over every stored document (after lexicons or patterns changed)."""
    ids = [r["id"] for r in store.execute("SELECT id FROM documents ORDER BY id")]
    before = store.count("events")
    bar = _bar(progress)
    with bar:
        with store.batched():
            for doc_id in bar.track(ids, description="recode"):
                doc = store.load_document(doc_id)
                doc = build(doc.language or FALLBACK)(doc)
                store.replace_document_coding(doc, CODER_VERSION)  # queues old and new blocks
        store.queue_all_blocks()
        settle(store, bar=bar)
    n_inc = store.count("incidents")
    return {"documents": len(ids), "events_before": before, "events_after": store.count("events"), "incidents": n_inc}
