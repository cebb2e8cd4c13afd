"""Event formats in and out: JSON Lines, CSV, Parquet, GDELT 2.0, PLOVER JSON; GDELT, ACLED, JSON Lines in."""
from __future__ import annotations

import contextlib
import csv
import gzip
import io
import json
import zipfile
from typing import IO, Any, Iterable, Iterator

from ..code import ontology
from .rows import RowError

EXPORT_FORMATS = ("jsonl", "csv", "parquet", "gdelt", "plover")
IMPORT_FORMATS = ("gdelt", "acled", "jsonl", "parquet")
__all__ = ["CSV_COLUMNS", "EXPORT_FORMATS", "IMPORT_FORMATS", "RowError", "export_events", "flat",
           "import_events", "write_csv"]

CSV_COLUMNS = ["id", "doc_id", "event_type", "mode", "cameo", "goldstein", "actor_code", "actor_country",
               "recipient_code", "recipient_country", "date_value", "date_start", "date_end", "location_name",
               "location_country", "lat", "lon", "attribution", "negated", "hypothetical", "evidence", "outlet"]


def flat(e: dict[str, Any]) -> dict[str, Any]:
    a, r, d, loc = e.get("actor") or {}, e.get("recipient") or {}, e.get("date") or {}, e.get("location") or {}
    src = (e.get("sources") or [{}])[0]
    return {"id": e["id"], "doc_id": e["doc_id"], "event_type": e["event_type"], "mode": e.get("mode"),
            "cameo": e.get("cameo"), "goldstein": e.get("goldstein"), "actor_code": a.get("code"),
            "actor_country": a.get("country"), "recipient_code": r.get("code"), "recipient_country": r.get("country"),
            "date_value": d.get("value"), "date_start": d.get("start"), "date_end": d.get("end"),
            "location_name": loc.get("name"), "location_country": loc.get("country"), "lat": loc.get("lat"),
            "lon": loc.get("lon"), "attribution": (e.get("attribution") or {}).get("source"),
            "negated": e.get("negated"), "hypothetical": e.get("hypothetical"),
            "evidence": (e.get("evidence") or {}).get("sentence"), "outlet": src.get("outlet")}


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet runs a cell that starts so as a formula


def safe_cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet shows as text: a text value starting with = + - @ (or a tab or
    carriage return) gets a leading apostrophe (OWASP's advice); numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_csv(events: Iterable[dict[str, Any]], fh: IO[str]) -> int:
    """Events as CSV (CSV_COLUMNS), streamed; text cells are made formula-safe (safe_cell)."""
    w = csv.DictWriter(fh, fieldnames=CSV_COLUMNS)
    w.writeheader()
    n = 0
    for e in events:
        w.writerow({k: safe_cell(v) for k, v in flat(e).items()})
        n += 1
    return n


def write_jsonl(events: Iterable[dict[str, Any]], fh: IO[str]) -> int:
    n = 0
    for e in events:
        fh.write(json.dumps(e, ensure_ascii=False) + "\n")
        n += 1
    return n


def export_events(events: Iterable[dict[str, Any]], fmt: str, out: str | IO[str]) -> int:
    """Write events (EVENT_FORMAT dicts, events or incidents) to a path or open text file; rows written."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(EXPORT_FORMATS)})")
    if fmt == "parquet":
        if not isinstance(out, str):
            raise ValueError("parquet export needs a file name (--output FILE), not a stream")
        from . import parquet

        return parquet.write(events, out)
    from . import gdelt, plover

    writer = {"jsonl": write_jsonl, "csv": write_csv, "gdelt": gdelt.write, "plover": plover.write}[fmt]
    with contextlib.ExitStack() as stack:
        fh = out if not isinstance(out, str) else stack.enter_context(
            open(out, "w", encoding="utf-8", newline="" if fmt == "csv" else None))
        return writer(events, fh)


REQUIRED = ("id", "doc_id", "event_type")


def read_jsonl(fh: IO[str]) -> Iterator[dict[str, Any] | RowError]:
    for n, line in enumerate(fh, 1):
        if not line.strip():
            continue
        try:
            e = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RowError(n, f"invalid JSON: {exc.msg} at column {exc.colno}")
            continue
        yield check(e, n, "jsonl")


def check(e: Any, line: int, provenance: str) -> dict[str, Any] | RowError:
    """An imported EVENT_FORMAT record, or why it is not one."""
    if not isinstance(e, dict):
        return RowError(line, "not a JSON object")
    missing = [k for k in REQUIRED if not e.get(k)]
    if missing:
        return RowError(line, f"missing {', '.join(missing)}")
    if not ontology.is_type(e["event_type"]):
        return RowError(line, f"unknown PLOVER event type {e['event_type']!r}")
    if not isinstance(e.get("sources") or [], list):
        return RowError(line, "sources is not a list")
    e.setdefault("provenance", provenance)
    return e


def import_events(path: str, fmt: str) -> Iterator[dict[str, Any] | RowError]:
    """Read a GDELT 2.0 events file, an ACLED CSV, muster JSON Lines or a muster Parquet file.

    Yields EVENT_FORMAT dicts (with `provenance`) and, for rows that cannot be used, RowError(line,
    reason, kind) so the caller reports "FILE:line N: reason" and goes on. A file that is not of the
    format at all raises ValueError; a missing one OSError.
    """
    if fmt not in IMPORT_FORMATS:
        raise ValueError(f"unknown import format {fmt!r} (one of {', '.join(IMPORT_FORMATS)})")
    if fmt == "parquet":
        from . import parquet

        for n, e in enumerate(parquet.read(path), 1):
            yield check(e, n, "parquet")
        return
    from . import acled, gdelt

    reader = {"gdelt": gdelt.read, "acled": acled.read, "jsonl": read_jsonl}[fmt]
    with open_text(path, newline="" if fmt == "acled" else None) as fh:
        yield from reader(fh)


def open_text(path: str, newline: str | None = None) -> IO[str]:
    """Open a text file for reading, also inside .gz or single-member .zip (as GDELT ships its files)."""
    if path.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8-sig", errors="replace", newline=newline)
    if path.endswith(".zip"):
        zf = zipfile.ZipFile(path)
        names = [n for n in zf.namelist() if not n.endswith("/")]
        if len(names) != 1:
            zf.close()
            raise ValueError(f"expected one file inside {path}, found {len(names)}")
        member = zf.open(names[0])
        zf.close()  # the open member keeps the archive's file handle until it is closed itself
        return io.TextIOWrapper(member, encoding="utf-8-sig", errors="replace", newline=newline)
    return open(path, encoding="utf-8-sig", errors="replace", newline=newline)
