"""The one module that owns the SQLite connection: reads through `execute`, writes through `write`."""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from ..errors import MusterError
from ..model import Document, Event
from .schema import MIGRATIONS, VERSION

QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 2, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
        "REQUEST": 1, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 3, "SANCTION": 3,
        "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}
"""QuadClass as GDELT uses it: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
4 material conflict."""


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class Store:
    """An event store in one SQLite file (WAL mode: readers never block the single writer)."""

    def __init__(self, path: str | Path = "muster.db", *, readonly: bool = False):
        self.path = str(path)
        try:
            if readonly:
                uri = f"file:{Path(self.path).resolve()}?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False,
                                            isolation_level=None)
            else:
                self.conn = sqlite3.connect(self.path, check_same_thread=False, timeout=30, isolation_level=None)
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA busy_timeout=30000")
            if not readonly:
                self.migrate()
        except sqlite3.DatabaseError as exc:
            raise MusterError("E020", f"{self.path}: {exc}") from exc

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
        assert table in {"documents", "events", "failures", "mentions", "incidents"}
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
        """One atomic write: everything inside lands together or not at all (kill -9 safe)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def add_document(self, doc: Document, coder_version: str | None = None) -> bool:
        """Store a processed document with its mentions and events; False when it was already stored."""
        with self.transaction() as c:
            if c.execute("SELECT 1 FROM documents WHERE id=?", (doc.id,)).fetchone():
                return False
            c.execute(
                "INSERT INTO documents (id,url,outlet,title,published,language,path,raw,clean,removed,warnings,"
                "ingested_at,coder_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (doc.id, doc.url, doc.outlet, doc.title, doc.published, doc.language, doc.path, doc.raw, doc.clean,
                 json.dumps(doc.removed, ensure_ascii=False), json.dumps(doc.warnings, ensure_ascii=False),
                 _now(), coder_version))
            self._write_layers(c, doc)
            self._write_events(c, doc.events)
        return True

    def _write_layers(self, c: sqlite3.Connection, doc: Document) -> None:
        rows = []
        for layer in ("actors", "places", "times", "attributions"):
            for span in getattr(doc, layer):
                rows.append((doc.id, layer, span.start, span.end, json.dumps(span.as_json(), ensure_ascii=False)))
        c.executemany('INSERT OR REPLACE INTO mentions (doc_id,layer,start,"end",data) VALUES (?,?,?,?,?)', rows)

    @staticmethod
    def _row(d: dict[str, Any], provenance: str) -> tuple:
        a, r, date, loc = d.get("actor") or {}, d.get("recipient") or {}, d.get("date") or {}, d.get("location") or {}
        src = (d.get("sources") or [{}])[0]
        return (d["id"], d["doc_id"], d["event_type"], d.get("mode"), d.get("cameo"), d.get("goldstein"),
                d.get("quad") or QUAD.get(d["event_type"]), a.get("country"), a.get("code"), r.get("country"), r.get("code"),
                date.get("start"), date.get("end"), date.get("value"), loc.get("name"), loc.get("country"),
                loc.get("lat"), loc.get("lon"), int(bool(d.get("negated"))), int(bool(d.get("hypothetical"))),
                src.get("outlet"), d.get("language"), src.get("published"), (d.get("evidence") or {}).get("sentence"),
                json.dumps(d, ensure_ascii=False), provenance)

    _EVENT_COLS = ("id,doc_id,event_type,mode,cameo,goldstein,quad,actor_country,actor_code,recipient_country,"
                   "recipient_code,date_start,date_end,date_value,location_name,location_country,lat,lon,negated,"
                   "hypothetical,outlet,language,published,evidence,data,provenance")

    def _write_events(self, c: sqlite3.Connection, events: list[Event] | list[dict[str, Any]],
                      provenance: str = "muster") -> int:
        rows = [self._row(e.to_dict() if isinstance(e, Event) else e, provenance) for e in events]
        cur = c.executemany(f"INSERT OR IGNORE INTO events ({self._EVENT_COLS}) VALUES ({','.join('?' * 26)})", rows)
        return max(cur.rowcount, 0)  # rows this statement inserted (not the FTS trigger's writes)

    def add_events(self, events: list[dict[str, Any]], provenance: str) -> int:
        """Store events that come from elsewhere (imports); returns how many were new."""
        with self.transaction() as c:
            return self._write_events(c, events, provenance)

    def replace_document_coding(self, doc: Document, coder_version: str | None) -> None:
        """Recode: swap a stored document's mentions and events for a new coding, atomically."""
        with self.transaction() as c:
            c.execute("DELETE FROM events WHERE doc_id=? AND provenance='muster'", (doc.id,))
            c.execute("DELETE FROM mentions WHERE doc_id=?", (doc.id,))
            c.execute("UPDATE documents SET coder_version=? WHERE id=?", (coder_version, doc.id))
            self._write_layers(c, doc)
            self._write_events(c, doc.events)

    def load_document(self, doc_id: str) -> Document:
        r = self.conn.execute("SELECT * FROM documents WHERE id=?", (doc_id,)).fetchone()
        doc = Document(raw=r["raw"], clean=r["clean"], id=r["id"], url=r["url"], outlet=r["outlet"], title=r["title"],
                       published=r["published"], language=r["language"], path=r["path"],
                       removed=json.loads(r["removed"]), warnings=json.loads(r["warnings"]))
        return doc

    def block_events(self, event_type: str, recipient: str | None) -> list[dict[str, Any]]:
        """The events of one resolution block: same type, same recipient (country, else code)."""
        rows = self.execute(
            "SELECT data FROM events WHERE event_type=? AND coalesce(recipient_country, recipient_code) IS ? "
            "AND negated=0 AND hypothetical=0", (event_type, recipient))
        return [json.loads(r["data"]) for r in rows]

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
                             ",".join(langs), ",".join(outlets), json.dumps(d, ensure_ascii=False),
                             json.dumps(d.get("explain", []), ensure_ascii=False)))
                links.extend((d["id"], eid) for eid in d.get("events", []))
            c.executemany(f"INSERT INTO incidents VALUES ({','.join('?' * 22)})", rows)
            c.executemany("UPDATE events SET incident_id=? WHERE id=?", links)

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
