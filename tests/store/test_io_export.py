"""Exports: JSON Lines, CSV, Parquet, GDELT 2.0 and PLOVER JSON written to real files, and round trips."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from muster.code import ontology
from muster.model import Event
from muster.store import gdelt
from muster.store.io import CSV_COLUMNS, RowError, export_events, import_events


def _party(name: str, code: str, country: str | None, sector: str | None) -> dict:
    return {"text": name, "name": name, "code": code, "country": country, "sector": sector, "implicit": False}


def events() -> list[dict]:
    """Muster-style events: a strike with three reports (an incident), a protest, a visit, an org actor."""
    strike = Event(
        event_type="ASSAULT", doc_id="doc-en-1", mode="drone", context=["military"], cameo="195", goldstein=-10.0,
        evidence={"sentence": "A drone hit the embassy building in Kyiv on Friday night.", "start": 120, "end": 178},
        actor=_party("Russian forces", "RUSMIL", "RUS", "MIL"),
        recipient=_party("Azerbaijani embassy", "AZEGOV", "AZE", "GOV"),
        date={"text": "on Friday", "value": "2025-11-14", "start": "2025-11-14", "end": "2025-11-14", "granularity": "day"},
        location={"text": "Kyiv", "name": "Kyiv", "country": "UKR", "admin1": "Kyiv City", "lat": 50.45466,
                  "lon": 30.5238, "geonameid": 703448},
        attribution={"text": "according to the ministry", "source": "ministry"}, language="en",
        sources=[{"doc_id": "doc-en-1", "url": "https://one.test/a", "outlet": "One", "published": "2025-11-15"},
                 {"doc_id": "doc-de-2", "url": "https://zwei.test/b", "outlet": "Zwei", "published": "2025-11-15"},
                 {"doc_id": "doc-ru-3", "url": "https://tri.test/c", "outlet": "Tri", "published": "2026-11-14"}],
    ).to_dict()
    protest = Event(
        event_type="PROTEST", doc_id="doc-ro-4", mode="demo", cameo=None, goldstein=None,
        evidence={"sentence": "Hundreds marched to the parliament in Chisinau.", "start": 0, "end": 47},
        actor=_party("protesters", "MDACVL", "MDA", "CVL"), recipient=_party("government", "MDAGOV", "MDA", "GOV"),
        date={"text": "in March", "value": "2025-03", "start": "2025-03-01", "end": "2025-03-31", "granularity": "month"},
        location={"text": "Chisinau", "name": "Chisinau", "country": "MDA", "admin1": "Chisinau", "lat": 47.00556,
                  "lon": 28.8575, "geonameid": 618426},
        negated=False, hypothetical=True, language="ro",
        sources=[{"doc_id": "doc-ro-4", "url": None, "outlet": "Patru", "published": "2025-04-02"}],
    ).to_dict()
    visit = Event(
        event_type="CONSULT", doc_id="doc-fr-5", mode="visit", cameo="042",
        evidence={"sentence": "The minister travelled to Romania.", "start": 10, "end": 44},
        actor=_party("the minister", "FRAGOV", "FRA", "GOV"), recipient=_party("Romania", "ROU", "ROU", None),
        date={"text": "mardi", "value": "2025-06-03", "start": "2025-06-03", "end": "2025-06-03", "granularity": "day"},
        location={"text": "Roumanie", "name": "Romania", "country": "ROU", "admin1": None, "lat": 46.0, "lon": 25.0,
                  "geonameid": 798549},
        language="fr", sources=[{"doc_id": "doc-fr-5", "url": "https://cinq.test/v", "outlet": "Cinq", "published": "2025-06-04"}],
    ).to_dict()
    org = Event(
        event_type="SANCTION", doc_id="doc-en-6", mode="expel", cameo="166",
        evidence={"sentence": "NATO expelled eight diplomats.", "start": 5, "end": 35},
        actor=_party("NATO", "NATO", None, None), recipient=_party("Russian mission", "RUSGOV", "RUS", "GOV"),
        date=None, location=None, language="en",
        sources=[{"doc_id": "doc-en-6", "url": "https://six.test/n", "outlet": "Six", "published": "2025-07-01"}],
    ).to_dict()
    strike["events"] = ["e1", "e2", "e3"]  # incidents carry the ids of their events
    return [strike, protest, visit, org]


def _write(tmp_path: Path, fmt: str, evs: list[dict]) -> Path:
    out = tmp_path / f"out.{fmt}"
    assert export_events(evs, fmt, str(out)) == len(evs)
    return out


def test_io_jsonl_roundtrip_keeps_every_field(tmp_path: Path) -> None:
    evs = events()
    back = list(import_events(str(_write(tmp_path, "jsonl", evs)), "jsonl"))
    assert all(isinstance(b, dict) for b in back)
    for e, b in zip(evs, back):
        assert b["provenance"] == "jsonl"
        assert {k: v for k, v in b.items() if k != "provenance"} == e


def test_io_parquet_roundtrip_and_typed_columns(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    evs = events()
    path = _write(tmp_path, "parquet", evs)
    table = pq.read_table(path)
    assert table.num_rows == 4
    assert table.column("n_sources").to_pylist() == [3, 1, 1, 1]
    assert table.column("lat").to_pylist()[0] == pytest.approx(50.45466)
    assert table.column("quad").to_pylist() == [4, 3, 1, 4]
    assert [s["outlet"] for s in table.column("sources").to_pylist()[0]] == ["One", "Zwei", "Tri"]
    back = [b for b in import_events(str(path), "parquet")]
    assert [{k: v for k, v in b.items() if k != "provenance"} for b in back] == evs


def test_io_csv_export_has_header_and_rows(tmp_path: Path) -> None:
    rows = list(csv.DictReader(_write(tmp_path, "csv", events()).open(encoding="utf-8")))
    assert list(rows[0]) == CSV_COLUMNS
    assert [r["event_type"] for r in rows] == ["ASSAULT", "PROTEST", "CONSULT", "SANCTION"]
    assert rows[0]["evidence"].startswith("A drone hit")


def test_io_gdelt_export_has_61_columns_and_gdelt_values(tmp_path: Path) -> None:
    lines = _write(tmp_path, "gdelt", events()).read_text(encoding="utf-8").splitlines()
    rows = [dict(zip(gdelt.COLUMNS, line.split("\t"))) for line in lines]
    assert all(len(line.split("\t")) == 61 for line in lines)
    strike, protest, visit, org = rows
    assert strike["GlobalEventID"].isdigit() and strike["GlobalEventID"] == str(gdelt.global_event_id(events()[0]["id"]))
    assert (strike["Day"], strike["MonthYear"], strike["Year"]) == ("20251114", "202511", "2025")
    assert (strike["EventCode"], strike["EventBaseCode"], strike["EventRootCode"], strike["QuadClass"]) == ("195", "195", "19", "4")
    assert (strike["NumSources"], strike["GoldsteinScale"], strike["ActionGeo_CountryCode"]) == ("3", "-10", "UP")
    assert strike["ActionGeo_FullName"] == "Kyiv, Kyiv City, Ukraine" and strike["ActionGeo_Type"] == "4"
    assert strike["SOURCEURL"] == "https://one.test/a" and strike["DATEADDED"] == "20251115000000"
    # no CAMEO code: derived from PLOVER type+mode; goldstein from the CAMEO table; month date -> first day
    assert protest["EventCode"] == "141" and protest["GoldsteinScale"] == "-6.5" and protest["Day"] == "20250301"
    assert visit["Actor2CountryCode"] == "ROM" and visit["ActionGeo_Type"] == "1" and visit["ActionGeo_CountryCode"] == "RO"
    assert org["Actor1Code"] == "NATO" and org["Actor1CountryCode"] == "" and org["Day"] == "20250701"


def test_io_gdelt_roundtrip_keeps_what_gdelt_carries(tmp_path: Path) -> None:
    evs = events()
    back = list(import_events(str(_write(tmp_path, "gdelt", evs)), "gdelt"))
    assert all(isinstance(b, dict) for b in back)
    for e, b in zip(evs, back):
        assert b["provenance"] == "gdelt" and b["doc_id"].startswith("gdelt:")
        assert (b["event_type"], b["cameo"] or "") == (e["event_type"], gdelt.cameo_for(e))
        assert b["goldstein"] == (e["goldstein"] if e["goldstein"] is not None else ontology.goldstein(b["cameo"]))
        assert b["quad"] == gdelt.quad_of(gdelt.cameo_for(e))
        for role in ("actor", "recipient"):
            for key in ("code", "country", "sector", "name"):
                assert b[role][key] == e[role][key], (role, key)
        if e["date"] and e["date"]["granularity"] == "day":
            assert b["date"] == {**e["date"], "text": None}
        for key in ("name", "country", "admin1", "lat", "lon"):
            assert (b["location"] or {}).get(key) == (e["location"] or {}).get(key), key
        assert b["sources"][0]["url"] == e["sources"][0]["url"]
        assert b["num_sources"] == len(e["sources"])


def test_io_gdelt_sample_reimport_reexport_is_identical(root: Path) -> None:
    sample = root / "tests" / "data" / "store" / "gdelt_sample.tsv"
    good = [e for e in import_events(str(sample), "gdelt") if isinstance(e, dict)]
    buf = io.StringIO()
    export_events(good, "gdelt", buf)
    original = [line for line in sample.read_text(encoding="utf-8").splitlines() if line.split("\t")[26] != "010"]
    assert buf.getvalue().splitlines() == original


def test_io_plover_export_uses_plover_field_names(tmp_path: Path) -> None:
    recs = [json.loads(line) for line in _write(tmp_path, "plover", events()).read_text(encoding="utf-8").splitlines()]
    strike, protest = recs[0], recs[1]
    assert strike["event"] == ["ASSAULT"] and strike["mode"] == ["drone"] and strike["context"] == ["military"]
    assert strike["date"] == "2025-11-14" and strike["enddate"] is None and strike["quad_code"] == 4
    assert strike["actor"][0]["code"] == "RUS" and strike["actor"][0]["sector"] == "MIL"
    assert strike["recipient_country"] == "AZE" and strike["actor_name"] == "Russian forces"
    assert strike["event_loc"]["countryCode"] == "UA" and strike["event_loc"]["geonameId"] == 703448
    assert [c["corpus"] for c in strike["cite_info"]] == ["One", "Zwei", "Tri"]
    assert protest["date"] == "2025-03-01" and protest["enddate"] == "2025-03-31" and protest["hypothetical"] is True
    assert recs[3]["actor"][0]["code"] == "NATO" and recs[3]["date"] is None


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "gdelt", "plover"])
def test_io_export_to_stream_counts_rows(fmt: str) -> None:
    buf = io.StringIO()
    assert export_events(iter(events()), fmt, buf) == 4
    assert buf.getvalue().count("\n") == 4 + (fmt == "csv")


@pytest.mark.parametrize("fmt, out", [("parquet", io.StringIO()), ("xml", "x.xml")])
def test_io_export_rejects_bad_format_or_target(fmt: str, out) -> None:
    with pytest.raises(ValueError):
        export_events(events(), fmt, out)


def test_io_jsonl_import_reports_bad_lines(tmp_path: Path) -> None:
    good = json.dumps(events()[1])
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([good, "{not json", json.dumps({"id": "x", "doc_id": "d", "event_type": "HUG"}),
                               json.dumps({"doc_id": "d"}), "[1, 2]", good]) + "\n", encoding="utf-8")
    items = list(import_events(str(path), "jsonl"))
    errors = [i for i in items if isinstance(i, RowError)]
    assert [i["id"] for i in items if isinstance(i, dict)] == [events()[1]["id"]] * 2
    assert [e.line for e in errors] == [2, 3, 4, 5]
    assert "invalid JSON" in errors[0].reason and "HUG" in errors[1].reason and "missing" in errors[2].reason


@pytest.mark.parametrize("event, code", [
    ({"event_type": "ASSAULT", "mode": "drone", "cameo": "195"}, "195"),
    ({"event_type": "ASSAULT", "mode": "drone", "cameo": None}, "195"),
    ({"event_type": "ASSAULT", "mode": None, "cameo": "042"}, "180"),  # code disagrees with the type: derived
    ({"event_type": "ACCUSE", "mode": None, "cameo": None}, "110"),
    ({"event_type": "RETREAT", "mode": "ceasefire", "cameo": None}, "0871"),
    ({"event_type": "PROTEST", "mode": "strike", "cameo": None}, "143"),
])
def test_io_gdelt_cameo_code_agrees_with_plover_type(event: dict, code: str) -> None:
    assert gdelt.cameo_for(event) == code
    assert gdelt.plover_for(code)[0] == event["event_type"]


@pytest.mark.parametrize("date, published, day", [
    ({"value": "2024", "start": "2024-01-01", "end": "2024-12-31", "granularity": "year"}, None, "20240101"),
    ({"value": None, "start": None, "end": None, "granularity": "range"}, "2025-02-03", "20250203"),
    (None, "2025-02", ""),
    ({"value": "2025-02-30", "start": "2025-02-30", "end": "2025-02-30", "granularity": "day"}, None, ""),
])
def test_io_gdelt_day_falls_back_and_never_breaks(date, published, day: str) -> None:
    e = {**events()[3], "date": date, "sources": [{"doc_id": "d", "url": None, "outlet": None, "published": published}]}
    row = dict(zip(gdelt.COLUMNS, gdelt.to_row(e)))
    assert row["Day"] == day and len(gdelt.to_row(e)) == 61
    assert row["DATEADDED"] in ("", day + "000000")
