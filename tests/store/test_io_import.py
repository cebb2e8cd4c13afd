"""Imports: GDELT 2.0 events files and ACLED CSV exports become EVENT_FORMAT events; bad rows are reported."""
from __future__ import annotations

from pathlib import Path

import pytest

from muster.code import ontology
from muster.store.io import RowError, import_events

DATA = Path(__file__).resolve().parents[1] / "data" / "store"
GDELT = DATA / "gdelt_sample.tsv"
ACLED = DATA / "acled_sample.csv"
REQUIRED = ("id", "doc_id", "event_type", "mode", "context", "cameo", "goldstein", "actor", "recipient", "date",
            "location", "attribution", "negated", "hypothetical", "evidence", "sources")


def _split(path: Path, fmt: str) -> tuple[dict[str, dict], list[RowError]]:
    items = list(import_events(str(path), fmt))
    return ({i["doc_id"]: i for i in items if isinstance(i, dict)}, [i for i in items if isinstance(i, RowError)])


@pytest.mark.parametrize("path, fmt", [(GDELT, "gdelt"), (ACLED, "acled")])
def test_io_import_yields_event_format(path: Path, fmt: str) -> None:
    good, _ = _split(path, fmt)
    assert len(good) == 5
    for e in good.values():
        assert all(k in e for k in REQUIRED)
        assert ontology.is_type(e["event_type"]) and e["provenance"] == fmt
        assert e["doc_id"].startswith(fmt + ":") and len(e["id"]) == 16
        assert e["sources"] and e["sources"][0]["doc_id"] == e["doc_id"]
    again, _ = _split(path, fmt)
    assert [e["id"] for e in again.values()] == [e["id"] for e in good.values()]


@pytest.mark.parametrize("gid, etype, mode, cameo, actor, recipient, country, name", [
    ("1187000001", "ASSAULT", "heavy-weapons", "194", ("RUSMIL", "RUS", "MIL"), ("UKR", "UKR", None), "UKR", "Kharkiv"),
    ("1187000002", "PROTEST", "demo", "141", ("AZECVL", "AZE", "CVL"), ("RUSGOV", "RUS", "GOV"), "AZE", "Baku"),
    ("1187000003", "RETREAT", "ceasefire", "0871", ("UKRMIL", "UKR", "MIL"), ("RUSMIL", "RUS", "MIL"), "UKR", "Ukraine"),
    ("1187000005", "CONSULT", "visit", "042", ("ROMGOV", "ROU", "GOV"), ("MDAGOV", "MDA", "GOV"), "MDA", "Chisinau"),
])
def test_io_gdelt_import_maps_rows(gid, etype, mode, cameo, actor, recipient, country, name) -> None:
    e = _split(GDELT, "gdelt")[0][f"gdelt:{gid}"]
    assert (e["event_type"], e["mode"], e["cameo"]) == (etype, mode, cameo)
    assert (e["actor"]["code"], e["actor"]["country"], e["actor"]["sector"]) == actor
    assert (e["recipient"]["code"], e["recipient"]["country"], e["recipient"]["sector"]) == recipient
    assert (e["location"]["country"], e["location"]["name"]) == (country, name)
    assert e["date"]["granularity"] == "day" and e["date"]["value"].replace("-", "") == e["gdelt"]["DATEADDED"][:8]


def test_io_gdelt_import_keeps_numbers_and_source() -> None:
    e = _split(GDELT, "gdelt")[0]["gdelt:1187000001"]
    assert (e["goldstein"], e["quad"], e["num_sources"]) == (-10.0, 4, 4)
    assert (e["location"]["lat"], e["location"]["lon"], e["location"]["admin1"]) == (49.9808, 36.2527, "Kharkivs'ka Oblast'")
    assert e["sources"][0] == {"doc_id": "gdelt:1187000001", "url": "https://example-news.test/world/2025/11/14/kharkiv-shelling",
                               "outlet": "example-news.test", "published": "2025-11-14"}
    un = _split(GDELT, "gdelt")[0]["gdelt:1187000006"]
    assert un["actor"]["country"] is None and un["location"] is None and un["context"] == ["humanitarian"]


def test_io_gdelt_import_skips_codes_plover_dropped() -> None:
    _, errors = _split(GDELT, "gdelt")
    assert [(e.line, e.kind) for e in errors] == [(4, "skip")] and "010" in errors[0].reason


def _mutate(line: str, col: int, value: str | None) -> str:
    cols = line.split("\t")
    if value is None:
        del cols[col]
    else:
        cols[col] = value
    return "\t".join(cols)


@pytest.mark.parametrize("col, value, reason", [
    (5, None, "found 60"), (1, "20251341", "bad date '20251341' in Day"), (1, "2025-11-14", "bad date"),
    (26, "19x", "bad CAMEO EventCode"), (56, "north", "bad number 'north' in ActionGeo_Lat"), (0, "abc", "GlobalEventID"),
])
def test_io_gdelt_import_reports_and_skips_bad_rows(tmp_path: Path, col: int, value: str | None, reason: str) -> None:
    lines = GDELT.read_text(encoding="utf-8").splitlines()
    lines[1] = _mutate(lines[1], col, value)
    bad = tmp_path / "bad.tsv"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    good, errors = _split(bad, "gdelt")
    assert len(good) == 4 and "gdelt:1187000002" not in good
    assert errors[0].line == 2 and reason in errors[0].reason and errors[0].kind == "error"


@pytest.mark.parametrize("eid, etype, mode, cameo, actor, recipient, granularity, value", [
    ("UKR100001", "ASSAULT", "heavy-weapons", "194", ("RUSMIL", "RUS"), ("UKRCVL", "UKR"), "day", "2025-11-14"),
    ("AZE200002", "PROTEST", "demo", "141", ("AZECVL", "AZE"), None, "day", "2025-11-15"),
    ("GEO300003", "PROTEST", "riot", "145", ("GEOCVL", "GEO"), ("GEOCOP", "GEO"), "month", "2025-11"),
    ("RUS400004", "COERCE", "arrest", "173", ("RUSCOP", "RUS"), ("RUSCVL", "RUS"), "day", "2025-11-20"),
    ("MDA600006", "ASSAULT", "abduct", "181", ("MDAUAF", "MDA"), ("MDACVL", "MDA"), "week", None),
])
def test_io_acled_import_maps_rows(eid, etype, mode, cameo, actor, recipient, granularity, value) -> None:
    e = _split(ACLED, "acled")[0][f"acled:{eid}"]
    assert (e["event_type"], e["mode"], e["cameo"]) == (etype, mode, cameo)
    assert e["goldstein"] == ontology.goldstein(cameo) and e["quad"] in (3, 4)
    assert (e["actor"]["code"], e["actor"]["country"]) == actor
    assert (e["recipient"] and (e["recipient"]["code"], e["recipient"]["country"])) == recipient
    assert (e["date"]["granularity"], e["date"]["value"]) == (granularity, value)
    assert e["evidence"]["sentence"] and e["evidence"]["end"] == len(e["evidence"]["sentence"])
    assert e["location"]["country"] == eid[:3] and e["location"]["lat"] is not None


def test_io_acled_import_keeps_sources_and_extra_columns() -> None:
    good, errors = _split(ACLED, "acled")
    e = good["acled:UKR100001"]
    assert [s["outlet"] for s in e["sources"]] == ["Suspilne", "Ukrinform"] and e["num_sources"] == 2
    assert e["acled"]["fatalities"] == 0 and e["acled"]["admin2"] == "Kharkivskyi"
    assert (e["location"]["name"], e["location"]["admin1"]) == ("Kharkiv", "Kharkiv")
    week = good["acled:MDA600006"]["date"]
    assert (week["start"], week["end"]) == ("2025-11-09", "2025-11-15")
    assert [(x.line, x.kind) for x in errors] == [(6, "skip")]


@pytest.mark.parametrize("edit, reason", [
    (lambda r: r.replace("2025-11-20,", "2025-13-45,", 1), "bad date '2025-13-45'"),
    (lambda r: r.replace(",55.7522,37.6156,", ",55.7522,", 1), "expected 31"),
    (lambda r: r.replace("Strategic developments,Arrests", "Strategic developments,Parade", 1), "unknown ACLED event type"),
])
def test_io_acled_import_reports_and_skips_bad_rows(tmp_path: Path, edit, reason: str) -> None:
    lines = ACLED.read_text(encoding="utf-8").splitlines()
    lines[4] = edit(lines[4])
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    good, errors = _split(bad, "acled")
    assert "acled:RUS400004" not in good and len(good) == 4
    assert errors[0].line == 5 and reason in errors[0].reason and errors[0].kind == "error"


def test_io_acled_import_rejects_a_file_that_is_not_acled(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not an ACLED"):
        list(import_events(str(path), "acled"))


@pytest.mark.parametrize("fn, arg, expected", [
    ("fips_to_iso3", "UP", "UKR"), ("fips_to_iso3", "AJ", "AZE"), ("fips_to_iso3", "GZ", "PSE"),
    ("iso3_to_fips", "DEU", "GM"), ("iso3_to_cameo", "ROU", "ROM"), ("cameo_to_iso3", "ROM", "ROU"),
    ("cameo_to_iso3", "AFR", None), ("cameo_to_iso3", "RUS", "RUS"), ("numeric_to_iso3", "804", "UKR"),
    ("numeric_to_iso3", "x", None), ("name_to_iso3", "Democratic Republic of Congo", "COD"),
    ("name_to_iso3", "Russia", "RUS"), ("name_to_iso3", "Côte d'Ivoire", "CIV"), ("name_to_iso3", "Atlantis", None),
])
def test_countries_convert_codes(fn: str, arg: str, expected: str | None) -> None:
    from muster.store import countries

    assert getattr(countries, fn)(arg) == expected


@pytest.mark.parametrize("suffix", [".zip", ".gz"])
def test_io_gdelt_import_reads_compressed_files(tmp_path: Path, suffix: str) -> None:
    import gzip
    import zipfile

    path = tmp_path / f"20251114000000.export.CSV{suffix}"
    if suffix == ".zip":
        with zipfile.ZipFile(path, "w") as zf:
            zf.write(GDELT, "20251114000000.export.CSV")
    else:
        path.write_bytes(gzip.compress(GDELT.read_bytes()))
    assert _split(path, "gdelt")[0].keys() == _split(GDELT, "gdelt")[0].keys()
