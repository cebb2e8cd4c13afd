"""Packed records (store/packing.py): exact round trips, a smaller store, rows of older stores still read,
and batched writes that stay atomic."""
from __future__ import annotations

import json
import sqlite3

import pytest

import muster
from muster.ingest import from_text
from muster.store import Store
from muster.store.packing import (dumps, pack_event, pack_incident, pack_layers, sentence_of, unpack,
                                  unpack_incident)
from muster.store.query import EventQuery, iter_rows, select_events
from muster.web import lookup

TEXT = ("Russia summoned the French ambassador on 3 May 2024 in Moscow, the ministry said. "
        "Ukrainian drones struck a refinery near Saratov on 4 May 2024, according to Reuters.")
EVENTS = [
    {"id": "a1", "event_type": "ACCUSE", "evidence": {"sentence": "Kyiv — «Зеленський» said…", "start": 3, "end": 9}},
    {"id": "a2", "event_type": "ASSAULT", "evidence": {"sentence": None, "start": None, "end": None}},
    {"id": "a3", "event_type": "AGREE", "evidence": None, "goldstein": 4.0, "context": ["x\u2028y", "\x00"]},
    {"id": "a4", "event_type": "AGREE", "evidence": {"start": 1}, "sources": [{"doc_id": "d", "url": None}]},
    {"id": "a5", "event_type": "COERCE", "lat": 1e-7, "big": "x" * 100_000, "nested": [[{"k": [1, 2.5, True]}]]},
]


@pytest.mark.parametrize("event", EVENTS, ids=[e["id"] for e in EVENTS])
def test_packing_event_round_trip_is_exact(event):
    packed = pack_event(event)
    assert isinstance(packed, bytes)
    back = unpack(packed, sentence_of(event))
    assert back == event and dumps(back) == dumps(event)  # same values, same key order
    assert event == json.loads(dumps(event))  # packing did not change what it was given


@pytest.mark.parametrize("value", [{"id": "I1", "sources": [{"evidence": "Ein Satz."}] * 40, "events": ["e"] * 40},
                                   {"actors": [[0, 6, {"text": "Russia"}]], "times": []}, {}])
def test_packing_incident_and_layers_round_trip(value):
    explain = ["e founds the incident", "f joins: same type ASSAULT"]
    assert unpack_incident(pack_incident({**value, "explain": explain}), "") == (value, explain)
    assert unpack_incident(pack_incident(value), "") == (value, [])
    assert unpack_incident(dumps(value), dumps(explain)) == (value, explain)  # an older store's two columns
    assert unpack(pack_layers(value)) == value


def test_packing_plain_json_text_reads_as_it_is():
    assert unpack('{"id":"x","evidence":{"sentence":"own"}}', "column") == {"id": "x", "evidence": {"sentence": "own"}}


def _stored(db_path):
    doc = muster.process(TEXT, published="2024-05-05", lang="en")
    assert doc.events and doc.actors and doc.places and doc.times
    store = Store(db_path)
    assert store.add_document(doc)
    return store, doc


def test_packing_store_keeps_each_record_once_and_smaller(db_path):
    store, doc = _stored(db_path)
    rows = store.execute("SELECT data, evidence FROM events")
    assert all(isinstance(r["data"], bytes) for r in rows)
    for r, e in zip(sorted(rows, key=lambda r: unpack(r["data"], r["evidence"])["id"]),
                    sorted((e.to_dict() for e in doc.events), key=lambda d: d["id"])):
        assert unpack(r["data"], r["evidence"]) == e
        assert r["evidence"] == e["evidence"]["sentence"] and e["evidence"]["sentence"].encode() not in r["data"]
        assert len(r["data"]) < len(dumps(e)) / 2
    assert store.count("mentions") == 0 and len(store.execute("SELECT 1 FROM layers")) == 1
    store.close()


def test_packing_layers_read_back_in_text_order(db_path):
    store, doc = _stored(db_path)
    got = lookup.mentions(store, doc.id)
    want = sorted(({"layer": layer, **s.as_json()} for layer in ("actors", "places", "times", "attributions")
                   for s in getattr(doc, layer)), key=lambda m: (m["span"][0], m["span"][1], m["layer"]))
    assert [dumps(m) for m in got] == [dumps({**{k: v for k, v in m.items() if k != "span"}, "span": m["span"]})
                                       for m in want]
    store.close()


def test_packing_rows_of_an_older_store_are_read(db_path):
    """Plain JSON rows (as stores before schema 5 wrote them) beside packed ones: both are read."""
    store, doc = _stored(db_path)
    old = from_text("Old text.", published="2020-01-01", lang="en")
    event = {**doc.events[0].to_dict(), "id": "0000000000000001", "doc_id": old.id}
    with store.transaction() as c:
        c.execute("INSERT INTO documents (id, raw, clean, ingested_at) VALUES (?, '', ?, 'x')", (old.id, old.clean))
        c.execute('INSERT INTO mentions (doc_id, layer, start, "end", data) VALUES (?, ?, ?, ?, ?)',
                  (old.id, "actors", 0, 3, json.dumps({"text": "Old", "name": "Old"})))
        c.execute(f"INSERT INTO events ({store._EVENT_COLS}) VALUES ({','.join('?' * 26)})",
                  store._row(event, "muster")[:24] + (json.dumps(event), "muster"))
    assert lookup.mentions(store, old.id) == [{"layer": "actors", "text": "Old", "name": "Old", "span": [0, 3]}]
    listed = {e["id"]: e for e in select_events(store, EventQuery(limit=None))}
    assert listed["0000000000000001"] == event
    assert lookup.document_events(store, old.id) == [{**event, "incident_id": None}]
    store.close()


def test_packing_batched_writes_commit_and_a_failed_write_leaves_nothing(db_path):
    store = Store(db_path)
    docs = [muster.process(f"Russia shelled Kharkiv on {d} May 2024.", published="2024-05-20", lang="en")
            for d in range(1, 4)]
    with store.batched():
        assert store.add_document(docs[0])
        with pytest.raises(RuntimeError):
            with store.transaction() as c:
                c.execute("INSERT INTO failures (run_id, path, code, reason, at) VALUES ('r', 'p', 'E1', 'x', 'n')")
                raise RuntimeError("write fails half way")
        assert store.add_document(docs[1])
        assert not store.add_document(docs[1])  # its own writes are visible to the writer
    with sqlite3.connect(db_path) as other:  # committed on leaving, without the failed write
        assert other.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
        assert other.execute("SELECT count(*) FROM failures").fetchone()[0] == 0
    assert store.add_document(docs[2])  # outside a batch: a transaction of its own, committed
    with sqlite3.connect(db_path) as other:
        assert other.execute("SELECT count(*) FROM documents").fetchone()[0] == 3
    assert len(list(iter_rows(store, EventQuery(limit=None)))) == sum(len(d.events) for d in docs)
    store.close()
