"""Stored JSON records: written as raw DEFLATE against a preset dictionary, read back by `unpack`.

A packed value is a BLOB whose first byte says what it holds; TEXT (stores written before packing,
or rows a user edited by hand) is plain JSON and is read as it is. A preset dictionary of a kind
never changes once written: a new dictionary takes a new first byte.

- EVENT: an EVENT_FORMAT record; `evidence.sentence` is stored once, in the events.evidence column
  (the full-text index reads it there), and is put back by `unpack(data, evidence)`.
- INCIDENT: an incident's record (sources included) and, apart, why its events were merged.
- LAYERS: a document's annotation layers (actors, places, times, attributions) in one value.
"""
from __future__ import annotations

import json
import zlib
from typing import Any

EVENT, INCIDENT, LAYERS = 1, 2, 3
LEVEL = 6
WINDOW_BITS = 12  # a 4 KB window: records repeat within a few hundred bytes, and a small window sets up 4x faster
MEM_LEVEL = 8

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))

# What most records of a kind share: the keys in their order, the usual short values. DEFLATE
# finds them here from the first record on (a record of ~1 KB alone has too little to repeat).
_PARTY = '{"text":"","name":"","code":"","country":"","sector":"GOV","implicit":false}'
_EVENT = ('{"id":"","doc_id":"","event_type":"","mode":null,"context":[],"cameo":"","goldstein":-,'
          f'"actor":{_PARTY},"recipient":{_PARTY.replace("false", "true")},'
          '"date":{"text":"","value":"","start":"","end":"","granularity":"day"},'
          '"location":{"text":"","name":"","country":"","admin1":"","lat":,"lon":,"geonameid":},'
          '"attribution":{"text":"","source":""},"negated":false,"hypothetical":false,'
          '"evidence":{"sentence":null,"start":,"end":},'
          '"sources":[{"doc_id":"","url":null,"outlet":"","published":"-"}],'
          '"language":"","rule":"","trigger":{"text":"","start":,"end":}}')
_INCIDENT = "[" + _EVENT.replace('"published":"-"}]', '"published":"","language":"","event_id":"","evidence":""}],'
                                 '"events":[""]') + (',[" founds the incident"," joins: same type ",", actor "," ~ ",'
                                                     '", recipient ",", dates "," overlap "," km apart",'
                                                     '", place unknown on one side"]]')
_LAYERS = ('{"actors":[[,,{"text":"","name":"","code":"","country":"","sector":null,"kind":"country","role":""}]],'
           '"places":[[,,{"text":"","name":"","country":"","admin1":"","lat":,"lon":,"geonameid":}]],'
           '"times":[[,,{"text":"","value":"","start":"","end":"","granularity":"day","relation":""}]],'
           '"attributions":[[,,{"text":"","source":""}]]}')
PRESETS: dict[int, bytes] = {EVENT: _EVENT.encode(), INCIDENT: _INCIDENT.encode(), LAYERS: _LAYERS.encode()}


def dumps(value: Any) -> str:
    """JSON as stored: UTF-8 text, no spaces after separators."""
    return _ENCODER.encode(value)


def _pack(kind: int, value: Any) -> bytes:
    co = zlib.compressobj(LEVEL, zlib.DEFLATED, -WINDOW_BITS, MEM_LEVEL, zlib.Z_DEFAULT_STRATEGY, PRESETS[kind])
    return bytes((kind,)) + co.compress(dumps(value).encode("utf-8", "surrogatepass")) + co.flush()


def pack_event(d: dict[str, Any]) -> bytes:
    """An event as stored in events.data; its evidence sentence goes to the evidence column instead
    (see `sentence_of`)."""
    ev = d.get("evidence")
    if isinstance(ev, dict) and "sentence" in ev:
        d = dict(d, evidence=dict(ev, sentence=None))
    return _pack(EVENT, d)


def sentence_of(d: dict[str, Any]) -> Any:
    """What the events.evidence column holds for an event (and what `unpack` puts back)."""
    return (d.get("evidence") or {}).get("sentence")


def pack_incident(d: dict[str, Any]) -> bytes:
    """An incident as stored in incidents.data: its record without `explain`, and `explain` (the ids
    it names are the record's, so they cost little here); the explain column is left empty."""
    return _pack(INCIDENT, [{k: v for k, v in d.items() if k != "explain"}, d.get("explain", [])])


def unpack_incident(data: str | bytes, explain: str) -> tuple[dict[str, Any], Any]:
    """(record without explain, explain) of a stored incident, packed or not (plain JSON in both columns)."""
    value = unpack(data)
    if isinstance(value, list):
        return value[0], value[1]
    return value, json.loads(explain)


def pack_layers(layers: dict[str, list[list[Any]]]) -> bytes:
    """A document's layers as {layer: [[start, end, data], ...]}."""
    return _pack(LAYERS, layers)


def unpack(stored: str | bytes, evidence: Any = None) -> Any:
    """The one read helper: a stored record (packed or plain JSON) as Python values; for a packed
    event, `evidence` is its events.evidence column."""
    if isinstance(stored, str):
        return json.loads(stored)
    kind = stored[0]
    do = zlib.decompressobj(-15, PRESETS[kind])  # any window up to 32 KB
    value = json.loads((do.decompress(stored[1:]) + do.flush()).decode("utf-8", "surrogatepass"))
    if kind == EVENT and isinstance(value.get("evidence"), dict) and "sentence" in value["evidence"]:
        value["evidence"]["sentence"] = evidence
    return value
