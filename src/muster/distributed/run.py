"""Batch runs on a cluster: code into partitioned Parquet, resolve incidents block by block, query with DuckDB."""
from __future__ import annotations

import hashlib
import json
from collections import deque
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from ..ingest import Failure
from ..model import Document
from . import parquet_out
from .engine import BATCH, _batches, slim


def to_parquet(items: Iterable[Document | Failure], out: str | Path, c: Any, *, batch: int = BATCH,
               in_flight: int | None = None, on_batch: Callable[[int], Any] | None = None) -> dict[str, int]:
    """Code every document on the cluster and write it under `out`; batches already done are skipped."""
    limit = in_flight or max(2, 4 * len(c.scheduler_info().get("workers", {}) or {1: 0}))
    summary = {"read": 0, "documents": 0, "failed": 0, "events": 0, "skipped_done": 0}
    pending: deque[Any] = deque()

    def collect(fut: Any) -> None:
        for k, v in fut.result().items():
            summary[k] += v

    for group in _batches(items, batch):
        summary["read"] += len(group)
        key = parquet_out.batch_key(group)
        if parquet_out.is_done(out, key):
            summary["skipped_done"] += len(group)
        else:
            light = [slim(d) if isinstance(d, Document) else d for d in group]
            pending.append(c.submit(parquet_out.code_and_write, str(out), key, light, pure=False))
        if on_batch:
            on_batch(len(group))
        while len(pending) >= limit:
            collect(pending.popleft())
    while pending:
        collect(pending.popleft())
    return summary


def _block_key(ev: dict[str, Any]) -> tuple[str, str]:
    r = ev.get("recipient") or {}
    return ev["event_type"], r.get("country") or r.get("code") or ""


def blocks(out: str | Path) -> Iterator[list[dict[str, Any]]]:
    """The output's events grouped by resolution block (type, recipient), as the local resolver groups
    them; DuckDB sorts by block so only one block is held in memory at a time."""
    import duckdb

    files = str(Path(out) / "events" / "month=*" / "*.parquet")
    if not list((Path(out) / "events").glob("month=*/*.parquet")):
        return
    con = duckdb.connect()
    cur = con.execute(
        "SELECT json FROM read_parquet(?, hive_partitioning=false) WHERE NOT negated AND NOT hypothetical "
        "ORDER BY event_type, coalesce(recipient_country, recipient_code, ''), id", [files])
    current: list[dict[str, Any]] = []
    key = None
    while rows := cur.fetchmany(5000):
        for (js,) in rows:
            ev = json.loads(js)
            k = _block_key(ev)
            if key is not None and k != key:
                yield current
                current = []
            key = k
            current.append(ev)
    if current:
        yield current
    con.close()


def resolve_and_write(out: str, block: list[dict[str, Any]]) -> int:
    """Run on a worker: one block's incidents, written by month; returns how many."""
    from ..resolve import resolve_block
    from ..store import parquet

    incs = [inc.to_dict() for inc in resolve_block(block)]
    key = hashlib.sha256("\n".join(sorted(e["id"] for e in block)).encode()).hexdigest()[:20]
    by_month: dict[str, list[dict[str, Any]]] = {}
    for inc in incs:
        by_month.setdefault(parquet_out.month_of(inc), []).append(inc)
    for month, rows in by_month.items():
        parquet_out._atomic(Path(out) / "incidents" / f"month={month}" / f"part-{key}.parquet",
                            lambda p, r=rows: parquet.write(r, str(p)))
    return len(incs)


def resolve_parquet(out: str | Path, c: Any, *, in_flight: int = 8) -> int:
    """Cross-source resolution over a Parquet output, each block resolved on the cluster. Any earlier
    incidents folder is replaced, so a rerun gives the same incidents."""
    import shutil

    inc_dir = Path(out) / "incidents"
    if inc_dir.exists():
        shutil.rmtree(inc_dir)
    pending: deque[Any] = deque()
    total = 0
    for block in blocks(out):
        pending.append(c.submit(resolve_and_write, str(out), block, pure=False))
        while len(pending) >= in_flight:
            total += pending.popleft().result()
    while pending:
        total += pending.popleft().result()
    return total


def iter_incidents(out: str | Path) -> Iterator[dict[str, Any]]:
    from ..store import parquet

    for path in sorted((Path(out) / "incidents").glob("month=*/part-*.parquet")):
        yield from parquet.read(str(path))


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def query_parquet(out: str | Path, q: Any, *, what: str = "events") -> Iterator[dict[str, Any]]:
    """Events (or incidents) of a Parquet output matching an EventQuery, read in place with DuckDB.
    The query's SQL is the one the store uses (store/query.py), run over a view of the Parquet files
    named like the store's table; full-text search becomes a case-insensitive match of every word
    in the evidence sentence. (A view cannot bind parameters: paths and words are quoted literals.)"""
    from dataclasses import replace

    import duckdb

    files = sorted((Path(out) / what).glob("month=*/*.parquet"))
    if not files:
        return
    words = [w.replace("%", "").replace("_", "") for w in (q.text or "").split()]
    where = " AND ".join(f"evidence ILIKE {_quote('%' + w + '%')}" for w in words if w)
    con = duckdb.connect()
    try:
        con.execute(f"CREATE TEMP VIEW {what} AS SELECT *, json AS data FROM read_parquet("
                    f"[{', '.join(_quote(str(f)) for f in files)}], hive_partitioning=false, union_by_name=true)"
                    + (f" WHERE {where}" if where else ""))
        sql, params = replace(q, text=None).sql(what)
        cur = con.execute(sql, params)
        while rows := cur.fetchmany(5000):
            for (js,) in rows:
                yield json.loads(js)
    finally:
        con.close()


def load_parquet(out: str | Path, store: Any, *, batch: int = 5000) -> dict[str, int]:
    """Bring a Parquet output into the embedded store (events and failures), then resolve incidents."""
    from ..workflow import resolve_store

    buf: list[dict[str, Any]] = []
    new = seen = 0
    for ev in parquet_out.iter_events(out):
        buf.append(ev)
        seen += 1
        if len(buf) >= batch:
            new += store.add_events(buf, provenance="muster")
            buf = []
    if buf:
        new += store.add_events(buf, provenance="muster")
    fails = 0
    for f in parquet_out.iter_failures(out):
        store.add_failure(f"parquet:{Path(out).name}", f["path"], f["code"], f["reason"], f.get("item"))
        fails += 1
    incidents = resolve_store(store)
    return {"events": seen, "new_events": new, "failures": fails, "incidents": incidents}
