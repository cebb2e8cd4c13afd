"""export, import and timeline through the real CLI and real database files."""
from __future__ import annotations

import json

import pytest

from conftest import ROOT

REPORTS = ROOT / "tests" / "data" / "resolve"
STORE_DATA = ROOT / "tests" / "data" / "store"


@pytest.fixture()
def filled_db(cli, db_path):
    files = [str(p) for p in sorted(REPORTS.glob("*.txt"))]
    assert cli("ingest", *files, "--db", str(db_path), "--quiet").returncode == 0
    return db_path


@pytest.mark.parametrize("fmt", ["jsonl", "gdelt"])
def test_cli_export_then_import_into_a_new_store_keeps_the_events(cli, filled_db, tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    proc = cli("export", fmt, "-o", str(out), "--db", str(filled_db))
    assert proc.returncode == 0, proc.stderr
    before = [json.loads(x) for x in cli("events", "--db", str(filled_db), "--format", "jsonl").stdout.splitlines()]
    other = tmp_path / "other.db"
    proc = cli("import", fmt, str(out), "--db", str(other))
    assert proc.returncode == 0, proc.stderr
    after = [json.loads(x) for x in cli("events", "--db", str(other), "--format", "jsonl").stdout.splitlines()]
    assert len(after) == len(before) > 0
    key = lambda e: (e["event_type"], e["date"]["start"], (e["recipient"] or {}).get("country"))  # noqa: E731
    assert sorted(map(key, after)) == sorted(map(key, before))
    again = cli("import", fmt, str(out), "--db", str(other))
    assert "imported 0 new events" in again.stderr


def test_cli_export_parquet_needs_a_file(cli, filled_db, tmp_path):
    assert cli("export", "parquet", "--db", str(filled_db)).returncode != 0
    target = tmp_path / "e.parquet"
    assert cli("export", "parquet", "-o", str(target), "--db", str(filled_db)).returncode == 0
    assert target.stat().st_size > 0


def test_cli_import_reports_bad_rows_and_goes_on(cli, db_path, tmp_path):
    good = (STORE_DATA / "acled_sample.csv").read_text(encoding="utf-8").splitlines()
    bad = tmp_path / "acled_bad.csv"
    # a row with a broken date and a row with too few columns, between good rows
    broken = good[1].split(",")
    broken[1] = "not-a-date"
    bad.write_text("\n".join([good[0], good[1], ",".join(broken), "x,y", *good[2:]]) + "\n", encoding="utf-8")
    proc = cli("import", "acled", str(bad), "--db", str(db_path))
    assert proc.returncode == 1
    assert proc.stderr.count(f"{bad}:line") == 2
    assert "5 new events" in proc.stderr
    rows = [json.loads(x) for x in cli("events", "--db", str(db_path), "--format", "jsonl", "--all").stdout.splitlines()]
    assert len(rows) == 5 and all(r["doc_id"].startswith("acled:") for r in rows)


def test_cli_timeline_counts_both_directions(cli, filled_db):
    proc = cli("timeline", "RUS", "MDA", "--db", str(filled_db), "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(x) for x in proc.stdout.splitlines()]
    assert sum(r["n"] for r in rows if r["quad"] == 4) == 2  # the June and July strikes
    assert {r["period"] for r in rows if r["quad"] == 4} == {"2025-06", "2025-07"}
