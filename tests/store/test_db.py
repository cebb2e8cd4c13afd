"""The SQLite store: schema versions, idempotent writes, atomicity, readers beside a writer."""
from __future__ import annotations

import sqlite3
import threading

import pytest

from muster.errors import MusterError
from muster.ingest import from_text
from muster.model import Event
from muster.store import Store
from muster.store.query import EventQuery, select_events
from muster.store.schema import VERSION


def _doc(text: str, published: str = "2025-01-02"):
    return from_text(text, published=published, lang="en")


def _event(doc, etype="ASSAULT", actor="RUS", recipient="UKR", start="2025-01-01") -> Event:
    return Event(event_type=etype, doc_id=doc.id, evidence={"sentence": doc.clean, "start": 0, "end": len(doc.clean)},
                 actor={"text": actor, "name": actor, "code": actor, "country": actor, "sector": None, "implicit": False},
                 recipient={"text": recipient, "name": recipient, "code": recipient, "country": recipient,
                            "sector": None, "implicit": False},
                 date={"text": "", "value": start, "start": start, "end": start, "granularity": "day"},
                 sources=[doc.source()], trigger={"text": etype, "start": 0, "end": 1})


def test_db_new_file_has_current_schema_version(db_path):
    store = Store(db_path)
    assert store.version == VERSION
    assert store.execute("PRAGMA journal_mode")[0][0] == "wal"
    store.close()
    assert Store(db_path).version == VERSION  # reopening migrates nothing and keeps the version


def test_db_refuses_newer_schema(db_path):
    Store(db_path).close()
    con = sqlite3.connect(db_path)
    con.execute(f"PRAGMA user_version={VERSION + 5}")
    con.commit()
    con.close()
    with pytest.raises(MusterError) as exc:
        Store(db_path)
    assert exc.value.code == "E020"


def test_db_not_a_database_is_a_clear_error(tmp_path):
    bad = tmp_path / "x.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(MusterError) as exc:
        Store(bad)
    assert exc.value.code == "E020" and str(bad) in str(exc.value)


def test_db_same_document_twice_is_stored_once(db_path):
    store = Store(db_path)
    doc = _doc("Russian forces shelled Kharkiv on Monday.")
    doc.events = [_event(doc)]
    assert store.add_document(doc) is True
    again = _doc("Russian forces shelled   Kharkiv on Monday.")  # same text, other whitespace
    again.events = [_event(again)]
    assert store.add_document(again) is False
    assert store.count("documents") == 1 and store.count("events") == 1


def test_db_failed_write_leaves_nothing_behind(db_path):
    store = Store(db_path)
    doc = _doc("Azerbaijan summoned the Russian ambassador.")
    doc.events = [_event(doc), _event(doc)]
    doc.events[1].trigger = {"start": 5}
    doc.events[1].actor = {"country": object()}  # cannot be stored: the write fails half-way
    with pytest.raises(Exception):
        store.add_document(doc)
    assert store.count("documents") == 0 and store.count("events") == 0


def test_db_reader_sees_committed_state_while_writer_holds_a_transaction(db_path):
    writer = Store(db_path)
    first = _doc("First report.")
    writer.add_document(first)
    reader = Store(db_path, readonly=True)
    started, release = threading.Event(), threading.Event()

    def hold():
        with writer.transaction() as c:
            c.execute("INSERT INTO failures (run_id,path,code,reason,at) VALUES ('r','p','E002','x','t')")
            started.set()
            release.wait(5)

    t = threading.Thread(target=hold)
    t.start()
    started.wait(5)
    try:
        assert reader.count("documents") == 1  # not blocked by the open write transaction
        assert reader.count("failures") == 0  # and does not see uncommitted rows
    finally:
        release.set()
        t.join()
    assert reader.count("failures") == 1


@pytest.mark.parametrize("dyad,expected", [("AZE-RUS", 2), ("RUS-AZE", 2), ("RUS-UKR", 1), ("FRA-DEU", 0)])
def test_query_dyad_matches_either_direction(db_path, dyad, expected):
    store = Store(db_path)
    for i, (a, r) in enumerate([("RUS", "AZE"), ("AZE", "RUS"), ("RUS", "UKR")]):
        doc = _doc(f"Report number {i}.")
        doc.events = [_event(doc, actor=a, recipient=r)]
        store.add_document(doc)
    assert len(select_events(store, EventQuery(dyad=dyad))) == expected


def test_query_date_window_uses_event_intervals(db_path):
    store = Store(db_path)
    for i, day in enumerate(["2022-03-10", "2024-01-15", "2025-11-14"]):
        doc = _doc(f"Strike report {i}.")
        doc.events = [_event(doc, start=day)]
        store.add_document(doc)
    got = select_events(store, EventQuery(since="2024-01-01", until="2024-12-31"))
    assert [e["date"]["value"] for e in got] == ["2024-01-15"]


def test_db_event_round_trips_as_event_format(db_path):
    store = Store(db_path)
    doc = _doc("Russia struck Odesa.")
    ev = _event(doc)
    doc.events = [ev]
    store.add_document(doc)
    (row,) = select_events(store, EventQuery())
    assert row == ev.to_dict()


def test_db_migrates_an_older_file_keeping_its_rows(db_path):
    from muster.store.schema import MIGRATIONS

    con = sqlite3.connect(db_path)
    con.executescript("BEGIN;" + MIGRATIONS[0] + ";PRAGMA user_version=1;COMMIT;")
    con.execute("INSERT INTO failures (run_id,path,code,reason,at) VALUES ('r','old.txt','E002','empty','t')")
    con.commit()
    con.close()
    store = Store(db_path)
    assert store.version == VERSION
    assert [f["path"] for f in store.failures()] == ["old.txt"]
    indexes = {r[0] for r in store.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"events_block", "incidents_block"} <= indexes
