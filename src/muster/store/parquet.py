"""Parquet export (pyarrow): typed flat columns for analysis plus the full EVENT_FORMAT line in `json`.

Columns: the CSV columns (io.CSV_COLUMNS) with proper types, plus context (list), quad, party
names and sectors, date granularity, admin1, geonameid, language, provenance, n_sources, sources
(list of structs) and `json`, which holds the whole event so nothing is lost.
"""
from __future__ import annotations

import json
from typing import Any, Iterable, Iterator

from .gdelt import cameo_for, quad_of

BATCH = 5_000


def schema():
    import pyarrow as pa

    s, f, b = pa.string(), pa.float64(), pa.bool_()
    src = pa.struct([("doc_id", s), ("url", s), ("outlet", s), ("published", s)])
    cols = [("id", s), ("doc_id", s), ("event_type", s), ("mode", s), ("context", pa.list_(s)), ("cameo", s),
            ("goldstein", f), ("quad", pa.int8()), ("actor_name", s), ("actor_code", s), ("actor_country", s),
            ("actor_sector", s), ("recipient_name", s), ("recipient_code", s), ("recipient_country", s),
            ("recipient_sector", s), ("date_value", s), ("date_start", s), ("date_end", s),
            ("date_granularity", s), ("location_name", s), ("location_country", s), ("location_admin1", s),
            ("lat", f), ("lon", f), ("geonameid", pa.int64()), ("attribution", s), ("negated", b),
            ("hypothetical", b), ("evidence", s), ("outlet", s), ("language", s), ("provenance", s),
            ("n_sources", pa.int32()), ("sources", pa.list_(src)), ("json", s)]
    return pa.schema(cols)


def _num(x: Any) -> float | None:
    return None if x is None or x == "" else float(x)


def row(e: dict[str, Any]) -> dict[str, Any]:
    a, r, d, loc = e.get("actor") or {}, e.get("recipient") or {}, e.get("date") or {}, e.get("location") or {}
    src = e.get("sources") or []
    gid = loc.get("geonameid")
    return {"id": e["id"], "doc_id": e["doc_id"], "event_type": e["event_type"], "mode": e.get("mode"),
            "context": list(e.get("context") or []), "cameo": e.get("cameo"), "goldstein": _num(e.get("goldstein")),
            "quad": e.get("quad") or quad_of(cameo_for(e)), "actor_name": a.get("name"), "actor_code": a.get("code"),
            "actor_country": a.get("country"), "actor_sector": a.get("sector"), "recipient_name": r.get("name"),
            "recipient_code": r.get("code"), "recipient_country": r.get("country"),
            "recipient_sector": r.get("sector"), "date_value": d.get("value"), "date_start": d.get("start"),
            "date_end": d.get("end"), "date_granularity": d.get("granularity"), "location_name": loc.get("name"),
            "location_country": loc.get("country"), "location_admin1": loc.get("admin1"),
            "lat": _num(loc.get("lat")), "lon": _num(loc.get("lon")), "geonameid": int(gid) if gid else None,
            "attribution": (e.get("attribution") or {}).get("source"), "negated": bool(e.get("negated")),
            "hypothetical": bool(e.get("hypothetical")), "evidence": (e.get("evidence") or {}).get("sentence"),
            "outlet": (src[0] if src else {}).get("outlet"), "language": e.get("language"),
            "provenance": e.get("provenance"), "n_sources": len(src),
            "sources": [{k: s.get(k) for k in ("doc_id", "url", "outlet", "published")} for s in src],
            "json": json.dumps(e, ensure_ascii=False)}


def write(events: Iterable[dict[str, Any]], out: str) -> int:
    """Write events to a Parquet file in row groups of BATCH rows (bounded memory); returns rows written."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - pyarrow is a declared dependency
        raise ValueError("parquet export needs pyarrow (pip install pyarrow)") from exc
    sch = schema()
    n = 0
    with pq.ParquetWriter(out, sch, compression="zstd") as w:
        batch: list[dict[str, Any]] = []
        for e in events:
            batch.append(row(e))
            if len(batch) >= BATCH:
                w.write_table(_table(batch, sch))
                n += len(batch)
                batch = []
        if batch or n == 0:
            w.write_table(_table(batch, sch))
            n += len(batch)
    return n


def _table(rows: list[dict[str, Any]], sch):
    import pyarrow as pa

    return pa.Table.from_pydict({f.name: [r[f.name] for r in rows] for f in sch}, schema=sch)


def read(path: str) -> Iterator[dict[str, Any]]:
    """The events of a muster Parquet file, from its `json` column, batch by batch."""
    import pyarrow.parquet as pq

    with pq.ParquetFile(path) as f:
        for batch in f.iter_batches(batch_size=BATCH, columns=["json"]):
            for s in batch.column(0).to_pylist():
                yield json.loads(s)
