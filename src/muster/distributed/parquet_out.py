"""Partitioned Parquet output of a batch run: what DuckDB, pandas and Spark read directly.

    OUT/events/month=2025-11/part-<key>.parquet   events (store/parquet.py schema), by month of the event
    OUT/documents/part-<key>.parquet              one row per coded document (id, url, outlet, published, ...)
    OUT/failures/part-<key>.jsonl                 inputs that failed, with code and reason
    OUT/_done/<key>                               written last: the batch is complete

A batch's key is a hash of its documents' ids (and failed paths), so a rerun after a crash forms the
same batches from the same input and skips every batch whose marker exists; a batch cut off halfway
left only temporary files (every file is written to a temporary name and renamed), which the rerun
overwrites. Events of undated documents go to month=unknown.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any, Iterable

from ..ingest import Failure
from ..model import Document

DOC_COLUMNS = ("id", "url", "outlet", "title", "published", "language", "path", "n_events")


def batch_key(group: Iterable[Document | Failure]) -> str:
    h = hashlib.sha256()
    for item in group:
        h.update((item.id if isinstance(item, Document) else f"{item.path}\x00{item.item or ''}").encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()[:20]


def is_done(out: str | Path, key: str) -> bool:
    return (Path(out) / "_done" / key).exists()


def _atomic(path: Path, write) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    write(tmp)
    os.replace(tmp, path)


def month_of(event: dict[str, Any]) -> str:
    d = event.get("date") or {}
    start = d.get("value") or d.get("start")
    return start[:7] if isinstance(start, str) and len(start) >= 7 else "unknown"


def _doc_table(docs: list[Document]):
    import pyarrow as pa

    cols = {c: [] for c in DOC_COLUMNS}
    for d in docs:
        for c in DOC_COLUMNS[:-1]:
            cols[c].append(getattr(d, c, None))
        cols["n_events"].append(len(d.events))
    return pa.table({c: pa.array(v, type=pa.int32() if c == "n_events" else pa.string()) for c, v in cols.items()})


def write_batch(out: str | Path, key: str, coded: list[Document | Failure]) -> dict[str, int]:
    """Write one coded batch (events by month, documents, failures), then its marker."""
    import pyarrow.parquet as pq

    from ..store import parquet

    out = Path(out)
    docs = [d for d in coded if isinstance(d, Document)]
    fails = [f for f in coded if isinstance(f, Failure)]
    by_month: dict[str, list[dict[str, Any]]] = {}
    for d in docs:
        for e in d.events:
            rec = e.to_dict()
            by_month.setdefault(month_of(rec), []).append(rec)
    for month, events in sorted(by_month.items()):
        _atomic(out / "events" / f"month={month}" / f"part-{key}.parquet", lambda p, ev=events: parquet.write(ev, str(p)))
    if docs:
        _atomic(out / "documents" / f"part-{key}.parquet", lambda p: pq.write_table(_doc_table(docs), str(p)))
    if fails:
        lines = "".join(json.dumps({"path": f.path, "item": f.item, "code": f.code, "reason": f.reason}) + "\n"
                        for f in fails)
        _atomic(out / "failures" / f"part-{key}.jsonl", lambda p: p.write_text(lines, encoding="utf-8"))
    _atomic(out / "_done" / key, lambda p: p.write_text("", encoding="utf-8"))
    return {"documents": len(docs), "failed": len(fails), "events": sum(len(v) for v in by_month.values())}


def code_and_write(out: str, key: str, group: list[Document | Failure]) -> dict[str, int]:
    """Run on a worker: code the batch's documents and write the batch."""
    from .engine import code_batch

    coded_docs = iter(code_batch([d for d in group if isinstance(d, Document)]))
    coded = [item if isinstance(item, Failure) else next(coded_docs) for item in group]
    return write_batch(out, key, coded)


def iter_events(out: str | Path) -> Iterable[dict[str, Any]]:
    """Every event of a Parquet output folder, partition by partition (bounded memory)."""
    from ..store import parquet

    for path in sorted((Path(out) / "events").glob("month=*/part-*.parquet")):
        yield from parquet.read(str(path))


def iter_failures(out: str | Path) -> Iterable[dict[str, Any]]:
    for path in sorted((Path(out) / "failures").glob("part-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield json.loads(line)
