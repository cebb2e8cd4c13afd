"""Resolution end to end: real reports in three languages ingested into a real store."""
from __future__ import annotations

import json
from pathlib import Path

from conftest import ROOT

REPORTS = ROOT / "tests" / "data" / "resolve"


def _incidents(cli, db_path, *extra):
    proc = cli("incidents", "--db", str(db_path), "--format", "jsonl", "--type", "ASSAULT", "--recipient", "MDA", *extra)
    assert proc.returncode == 0, proc.stderr
    return [json.loads(x) for x in proc.stdout.splitlines()]


def test_resolve_three_languages_one_incident_and_a_month_later_another(cli, db_path):
    files = [str(REPORTS / f) for f in ("strike-de.txt", "strike-en.txt", "strike-ru.txt", "strike-en-july.txt")]
    proc = cli("ingest", *files, "--db", str(db_path), "--quiet")
    assert proc.returncode == 0, proc.stderr
    incs = _incidents(cli, db_path)
    assert len(incs) == 2, [i["date"] for i in incs]
    june, july = sorted(incs, key=lambda i: i["date"]["start"])
    assert june["date"]["value"] == "2025-06-12" and july["date"]["value"] == "2025-07-14"
    assert {s["language"] for s in june["sources"]} == {"de", "en", "ru"}
    assert len(june["sources"]) == 3 and len(july["sources"]) == 1
    # the report recalled a year later still attaches to the 2025 incident
    assert any(s["published"] == "2026-06-10" for s in june["sources"])


def test_resolve_reingest_and_recode_do_not_duplicate(cli, db_path):
    files = [str(REPORTS / f) for f in ("strike-de.txt", "strike-en.txt")]
    cli("ingest", *files, "--db", str(db_path), "--quiet")
    first = _incidents(cli, db_path)
    cli("ingest", *files, "--db", str(db_path), "--quiet")
    assert cli("recode", "--db", str(db_path), "--quiet").returncode == 0
    again = _incidents(cli, db_path)
    assert [i["id"] for i in again] == [i["id"] for i in first]
    assert sum(len(i["sources"]) for i in again) == 2


def test_resolve_explain_names_why_reports_merged(cli, db_path):
    files = [str(REPORTS / f) for f in ("strike-de.txt", "strike-en.txt")]
    cli("ingest", *files, "--db", str(db_path), "--quiet")
    proc = cli("incidents", "--db", str(db_path), "--explain", "--recipient", "MDA")
    assert "joins: same type ASSAULT" in proc.stdout


def test_resolve_incremental_ingest_equals_full_resolution(cli, tmp_path):
    from muster.store import Store
    from muster.workflow import resolve_store

    files = sorted(REPORTS.glob("*.txt"))
    db = tmp_path / "inc.db"
    for f in files:  # one ingest per file: each re-resolves only the blocks it touched
        assert cli("ingest", str(f), "--db", str(db), "--quiet").returncode == 0
    store = Store(db)
    incremental = sorted(r["data"] for r in store.execute("SELECT data FROM incidents"))
    resolve_store(store)
    full = sorted(r["data"] for r in store.execute("SELECT data FROM incidents"))
    assert incremental == full and len(full) >= 2
