"""The one module that owns the SQLite connection: reads through `execute`, writes through `write`."""
from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator
from urllib.parse import quote

from ..errors import MusterError
from ..model import Document, Event
from .packing import dumps, pack_event, pack_incident, pack_layers, sentence_of, unpack
from .schema import MIGRATIONS, VERSION

QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 2, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
        "REQUEST": 1, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 3, "SANCTION": 3,
        "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}
"""QuadClass as GDELT uses it: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
4 material conflict."""

WRITER_CACHE_KIB = 64 * 1024  # page cache of a connection once it wrote in `batched`
BATCH_SECONDS = 0.5  # how long `batched` writes share one transaction at most
BATCH_WRITES = 20  # how many at most
QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024  # PRAGMA quick_check on open for files up to this size

LAYERS = ("actors", "places", "times", "attributions")  # the annotation layers a document stores

Block = tuple[str, "str | None"]
"""A resolution block: (event type, recipient country or code); only its events can form one incident."""


RAW_SAME = ""  # documents.raw when the raw text equals the clean text (nothing stored twice)


def pack_raw(raw: str, clean: str) -> str | bytes:
    """documents.raw as stored: RAW_SAME when raw == clean, else zlib-compressed UTF-8 (the raw text
    is read back only to recode; queries, the web view and the FTS use `clean`)."""
    import zlib

    return RAW_SAME if raw == clean else zlib.compress(raw.encode("utf-8", "surrogatepass"), 6)


def unpack_raw(stored: str | bytes, clean: str) -> str:
    import zlib

    if isinstance(stored, bytes):
        return zlib.decompress(stored).decode("utf-8", "surrogatepass")
    return clean if stored == RAW_SAME else stored  # text: written before raw was packed


def event_dict(e: Event) -> dict[str, Any]:
    """`e.to_dict()` without its deep copy (the store only serialises it): the same keys in the same
    order, the same values."""
    global _EVENT_KEYS
    if _EVENT_KEYS is None:
        keys = list(e.to_dict())
        if not set(keys) <= set(Event.__dataclass_fields__):
            return e.to_dict()  # to_dict computes something: keep it
        _EVENT_KEYS = keys
    return {k: getattr(e, k) for k in _EVENT_KEYS}


_EVENT_KEYS: list[str] | None = None


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def block_of(event: dict[str, Any]) -> Block:
    """The resolution block of an event (EVENT_FORMAT dict)."""
    r = event.get("recipient") or {}
    return event["event_type"], r.get("country") or r.get("code")


class Store:
    """An event store in one SQLite file (WAL mode: readers never block the single writer)."""

    def __init__(self, path: str | Path = "muster.db", *, readonly: bool = False, check: bool = False):
        """Open (creating and migrating) the store at `path`; `readonly` opens an existing file without
        ever writing to it (also on a read-only file or folder); `check` runs PRAGMA quick_check when
        the file is small enough for that to be cheap. Raises MusterError E020 on any database error."""
        self.path = str(path)
        self.readonly = readonly
        self._batch: float | None = None  # inside `batched`: seconds a shared transaction may stay open
        self._batch_began, self._batch_writes = 0.0, 0
        try:
            if readonly:
                self.conn = self._connect_readonly()
            else:
                self.conn = sqlite3.connect(self.path, check_same_thread=False, timeout=30, isolation_level=None)
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.row_factory = sqlite3.Row
            if not readonly:
                self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA busy_timeout=30000")
            if not readonly:
                self.migrate()
            if check and os.path.getsize(self.path) <= QUICK_CHECK_MAX_BYTES:
                problem = self.conn.execute("PRAGMA quick_check(1)").fetchone()[0]
                if problem != "ok":
                    raise MusterError("E020", f"{self.path}: database is corrupt ({str(problem).splitlines()[0][:120]})")
        except sqlite3.DatabaseError as exc:
            raise MusterError("E020", f"{self.path}: {exc}") from exc

    def _connect_readonly(self) -> sqlite3.Connection:
        """A connection that never writes: mode=ro, or immutable=1 when even the WAL index cannot be
        created (a read-only folder, a file on read-only media)."""
        if not os.path.isfile(self.path):
            raise MusterError("E020", f"{self.path}: no such database (run `muster ingest` first or check --db)")
        base = "file:" + quote(str(Path(self.path).resolve()))
        conn = sqlite3.connect(base + "?mode=ro", uri=True, check_same_thread=False, isolation_level=None)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError:
            conn.close()
        conn = sqlite3.connect(base + "?immutable=1", uri=True, check_same_thread=False, isolation_level=None)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn

    # -- schema -----------------------------------------------------------------------------
    @property
    def version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        """Apply every migration newer than the file's schema version, each in its own transaction."""
        current = self.version
        if current > VERSION:
            raise MusterError("E020", f"{self.path}: schema version {current} is newer than this muster ({VERSION})")
        for n in range(current, VERSION):
            # executescript runs the whole migration and the version bump as one transaction
            self.conn.executescript("BEGIN IMMEDIATE;" + MIGRATIONS[n] + f";PRAGMA user_version={n + 1};COMMIT;")

    # -- reads ------------------------------------------------------------------------------
    def execute(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()

    def count(self, table: str) -> int:
        assert table in {"documents", "events", "failures", "mentions", "incidents", "dirty_blocks"}
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def has_document(self, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE id=?", (doc_id,)).fetchone() is not None

    def documents(self, limit: int | None = None) -> list[dict[str, Any]]:
        sql = ("SELECT id, url, outlet, title, published, language, path, length(clean) AS chars, ingested_at,"
               " (SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS events FROM documents d"
               " ORDER BY published, id")
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [dict(r) for r in self.execute(sql)]

    def failures(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.execute("SELECT * FROM failures ORDER BY id")]

    # -- writes -----------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write: everything inside lands together or not at all (kill -9 safe). Inside
        `batched`, it is a savepoint of the batch's transaction (atomic all the same)."""
        if self._batch is not None:
            yield from self._batched_write()
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def _batched_write(self) -> Iterator[sqlite3.Connection]:
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN IMMEDIATE")
            self._batch_began, self._batch_writes = time.monotonic(), 0
        self.conn.execute("SAVEPOINT write")
        try:
            yield self.conn
        except BaseException:
            if self.conn.in_transaction:  # (an error SQLite rolled back on its own leaves none)
                self.conn.execute("ROLLBACK TO write")
                self.conn.execute("RELEASE write")
            raise
        self.conn.execute("RELEASE write")
        self._batch_writes += 1
        if self._batch_writes >= BATCH_WRITES or time.monotonic() - self._batch_began >= (self._batch or 0.0):
            self.conn.execute("COMMIT")

    @contextmanager
    def batched(self, seconds: float = BATCH_SECONDS) -> Iterator[None]:
        """Writes made inside share a transaction, committed after BATCH_WRITES writes or once `seconds`
        have passed since it began (and on leaving): far fewer commits when documents come fast. Each
        write stays atomic; a kill loses at most the writes of the open transaction, which a rerun redoes."""
        self._batch = seconds
        # a bulk write touches index pages all over a growing file: keep them in memory (for the
        # resolution that follows too); other connections keep SQLite's small default
        self.conn.execute(f"PRAGMA cache_size=-{WRITER_CACHE_KIB}")
        try:
            yield
        finally:
            self._batch = None
            if self.conn.in_transaction:
                self.conn.execute("COMMIT")

    def add_document(self, doc: Document, coder_version: str | None = None) -> bool:
        """Store a processed document with its mentions and events; False when it was already stored."""
        with self.transaction() as c:
            if c.execute("SELECT 1 FROM documents WHERE id=?", (doc.id,)).fetchone():
                return False
            c.execute(
                "INSERT INTO documents (id,url,outlet,title,published,language,path,raw,clean,removed,warnings,"
                "ingested_at,coder_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (doc.id, doc.url, doc.outlet, doc.title, doc.published, doc.language, doc.path,
                 pack_raw(doc.raw, doc.clean), doc.clean, dumps(doc.removed), dumps(doc.warnings),
                 _now(), coder_version))
            self._write_layers(c, doc)
            self._write_events(c, doc.events)
        return True

    def _write_layers(self, c: sqlite3.Connection, doc: Document) -> None:
        """The document's annotation layers, packed in one row (read back by `layers`)."""
        packed: dict[str, list[list[Any]]] = {}
        for layer in LAYERS:
            spans: dict[tuple[int, int], dict[str, Any]] = {}  # one entry per span (a later one replaces)
            for span in getattr(doc, layer):
                data = span.as_json()
                data.pop("span", None)
                spans[(span.start, span.end)] = data
            if spans:
                packed[layer] = [[s, e, d] for (s, e), d in sorted(spans.items(), key=lambda kv: kv[0])]
        c.execute("INSERT OR REPLACE INTO layers (doc_id, data) VALUES (?, ?)", (doc.id, pack_layers(packed)))

    def layers(self, doc_id: str) -> list[dict[str, Any]]:
        """A stored document's annotations: {"layer", "start", "end", "data"} in (start, end, layer)
        order, whether the store packed them (one row per document) or not (one row per span)."""
        out = []
        for r in self.conn.execute("SELECT data FROM layers WHERE doc_id=?", (doc_id,)):
            for layer, spans in unpack(r[0]).items():
                out.extend({"layer": layer, "start": s, "end": e, "data": d} for s, e, d in spans)
        for r in self.conn.execute('SELECT layer, start, "end", data FROM mentions WHERE doc_id=?', (doc_id,)):
            out.append({"layer": r[0], "start": r[1], "end": r[2], "data": unpack(r[3])})
        out.sort(key=lambda m: (m["start"], m["end"], m["layer"]))
        return out

    @staticmethod
    def _row(d: dict[str, Any], provenance: str) -> tuple:
        a, r, date, loc = d.get("actor") or {}, d.get("recipient") or {}, d.get("date") or {}, d.get("location") or {}
        src = (d.get("sources") or [{}])[0]
        return (d["id"], d["doc_id"], d["event_type"], d.get("mode"), d.get("cameo"), d.get("goldstein"),
                d.get("quad") or QUAD.get(d["event_type"]), a.get("country"), a.get("code"), r.get("country"), r.get("code"),
                date.get("start"), date.get("end"), date.get("value"), loc.get("name"), loc.get("country"),
                loc.get("lat"), loc.get("lon"), int(bool(d.get("negated"))), int(bool(d.get("hypothetical"))),
                src.get("outlet"), d.get("language"), src.get("published"), sentence_of(d),
                pack_event(d), provenance)

    _EVENT_COLS = ("id,doc_id,event_type,mode,cameo,goldstein,quad,actor_country,actor_code,recipient_country,"
                   "recipient_code,date_start,date_end,date_value,location_name,location_country,lat,lon,negated,"
                   "hypothetical,outlet,language,published,evidence,data,provenance")

    def _write_events(self, c: sqlite3.Connection, events: list[Event] | list[dict[str, Any]],
                      provenance: str = "muster") -> int:
        dicts = [event_dict(e) if isinstance(e, Event) else e for e in events]
        rows = [self._row(d, provenance) for d in dicts]
        cur = c.executemany(f"INSERT OR IGNORE INTO events ({self._EVENT_COLS}) VALUES ({','.join('?' * 26)})", rows)
        n = max(cur.rowcount, 0)  # rows this statement inserted (not the FTS trigger's writes)
        self._queue(c, {block_of(d) for d in dicts if not (d.get("negated") or d.get("hypothetical"))})
        return n

    @staticmethod
    def _queue(c: sqlite3.Connection, blocks: Iterable[Block]) -> None:
        """Queue blocks for re-resolution, inside the caller's transaction."""
        c.executemany("INSERT OR IGNORE INTO dirty_blocks (event_type, recipient) VALUES (?, ?)",
                      [(t, r or "") for t, r in blocks])

    def add_events(self, events: list[dict[str, Any]], provenance: str) -> int:
        """Store events that come from elsewhere (imports); returns how many were new."""
        with self.transaction() as c:
            return self._write_events(c, events, provenance)

    def replace_document_coding(self, doc: Document, coder_version: str | None) -> None:
        """Recode: swap a stored document's mentions and events for a new coding, atomically."""
        with self.transaction() as c:
            c.execute("INSERT OR IGNORE INTO dirty_blocks (event_type, recipient) SELECT DISTINCT event_type, "
                      "coalesce(recipient_country, recipient_code, '') FROM events WHERE doc_id=? "
                      "AND provenance='muster' AND negated=0 AND hypothetical=0", (doc.id,))
            c.execute("DELETE FROM events WHERE doc_id=? AND provenance='muster'", (doc.id,))
            c.execute("DELETE FROM mentions WHERE doc_id=?", (doc.id,))
            c.execute("DELETE FROM layers WHERE doc_id=?", (doc.id,))
            c.execute("UPDATE documents SET coder_version=? WHERE id=?", (coder_version, doc.id))
            self._write_layers(c, doc)
            self._write_events(c, doc.events)

    def load_document(self, doc_id: str) -> Document:
        r = self.conn.execute("SELECT * FROM documents WHERE id=?", (doc_id,)).fetchone()
        doc = Document(raw=unpack_raw(r["raw"], r["clean"]), clean=r["clean"], id=r["id"], url=r["url"], outlet=r["outlet"], title=r["title"],
                       published=r["published"], language=r["language"], path=r["path"],
                       removed=json.loads(r["removed"]), warnings=json.loads(r["warnings"]))
        return doc

    def block_events(self, event_type: str, recipient: str | None) -> list[dict[str, Any]]:
        """The events of one resolution block: same type, same recipient (country, else code)."""
        rows = self.execute(
            "SELECT data, evidence FROM events WHERE event_type=? AND coalesce(recipient_country, recipient_code) IS ? "
            "AND negated=0 AND hypothetical=0", (event_type, recipient))
        return [unpack(r[0], r[1]) for r in rows]

    def replace_incidents(self, incidents: list[dict[str, Any]],
                          blocks: set[tuple[str, str | None]] | None = None) -> None:
        """Write resolved incidents and link their events, in one transaction: all incidents when
        `blocks` is None, else only those of the given (event_type, recipient) blocks."""
        with self.transaction() as c:
            if blocks is None:
                c.execute("DELETE FROM incidents")
                c.execute("UPDATE events SET incident_id=NULL WHERE incident_id IS NOT NULL")
            for etype, rec in sorted(blocks or (), key=lambda b: (b[0], b[1] or "")):
                c.execute("DELETE FROM incidents WHERE event_type=? AND coalesce(recipient_country, recipient_code) IS ?",
                          (etype, rec))
                c.execute("UPDATE events SET incident_id=NULL WHERE event_type=? AND "
                          "coalesce(recipient_country, recipient_code) IS ?", (etype, rec))
            self._insert_incidents(c, incidents)

    @staticmethod
    def _insert_incidents(c: sqlite3.Connection, incidents: list[dict[str, Any]]) -> None:
        rows, links = [], []
        for d in incidents:
            a, r, date, loc = (d.get("actor") or {}, d.get("recipient") or {}, d.get("date") or {},
                               d.get("location") or {})
            langs = sorted({s.get("language") or "" for s in d["sources"]} - {""})
            outlets = sorted({s.get("outlet") or "" for s in d["sources"]} - {""})
            rows.append((d["id"], d["event_type"], d.get("mode"), d.get("cameo"), d.get("goldstein"),
                         d.get("quad") or QUAD.get(d["event_type"]), a.get("country"), a.get("code"), r.get("country"),
                         r.get("code"), date.get("start"), date.get("end"), date.get("value"), loc.get("name"),
                         loc.get("country"), loc.get("lat"), loc.get("lon"), len(d["sources"]),
                         ",".join(langs), ",".join(outlets),
                         pack_incident(d), ""))  # the packed record holds explain too
            links.extend((d["id"], eid) for eid in d.get("events", []))
        c.executemany(f"INSERT INTO incidents VALUES ({','.join('?' * 22)})", rows)
        c.executemany("UPDATE events SET incident_id=? WHERE id=?", links)

    # -- resolution queue ---------------------------------------------------------------------
    def pending_blocks(self) -> list[Block]:
        """The blocks whose incidents are out of date (queued by writes, not yet re-resolved)."""
        return [(r[0], r[1] or None) for r in
                self.conn.execute("SELECT event_type, recipient FROM dirty_blocks ORDER BY event_type, recipient")]

    def queue_all_blocks(self) -> None:
        """Queue every block that has events or incidents (a full re-resolution)."""
        with self.transaction() as c:
            c.execute("INSERT OR IGNORE INTO dirty_blocks (event_type, recipient) "
                      "SELECT DISTINCT event_type, coalesce(recipient_country, recipient_code, '') FROM events "
                      "UNION SELECT DISTINCT event_type, coalesce(recipient_country, recipient_code, '') FROM incidents")

    def settle_block(self, block: Block, resolve: Callable[[list[dict[str, Any]]], list[dict[str, Any]]]) -> int | None:
        """Re-resolve one queued block and take it off the queue, atomically: reads its events,
        replaces its incidents with `resolve(events)`. None when the block was no longer queued
        (another run settled it), else the number of incidents written."""
        etype, rec = block
        with self.transaction() as c:
            if c.execute("SELECT 1 FROM dirty_blocks WHERE event_type=? AND recipient=?",
                         (etype, rec or "")).fetchone() is None:
                return None
            rows = c.execute("SELECT data, evidence FROM events WHERE event_type=? AND coalesce(recipient_country, "
                             "recipient_code) IS ? AND negated=0 AND hypothetical=0", (etype, rec)).fetchall()
            incidents = resolve([unpack(r[0], r[1]) for r in rows])
            del rows
            self._replace_block(c, etype, rec, incidents)
            c.execute("DELETE FROM dirty_blocks WHERE event_type=? AND recipient=?", (etype, rec or ""))
        return len(incidents)

    def _replace_block(self, c: sqlite3.Connection, etype: str, rec: str | None,
                       incidents: list[dict[str, Any]]) -> None:
        c.execute("DELETE FROM incidents WHERE event_type=? AND coalesce(recipient_country, recipient_code) IS ?",
                  (etype, rec))
        c.execute("UPDATE events SET incident_id=NULL WHERE event_type=? AND "
                  "coalesce(recipient_country, recipient_code) IS ? AND incident_id IS NOT NULL", (etype, rec))
        self._insert_incidents(c, incidents)

    def add_failure(self, run_id: str, path: str, code: str, reason: str, item: str | None = None) -> None:
        with self.transaction() as c:
            c.execute("INSERT INTO failures (run_id,path,item,code,reason,at) VALUES (?,?,?,?,?,?)",
                      (run_id, path, item, code, reason, _now()))

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
