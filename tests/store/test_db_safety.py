"""The store under hostile conditions: read-only files and folders, a corrupt page, formula-looking
CSV cells, and a queue of resolution work left behind."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from conftest import MUSTER, ROOT, run_cli
from muster.store.packing import unpack

REPORTS = ROOT / "tests" / "data" / "resolve"


@pytest.fixture(scope="module")
def stored(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("stored") / "s.db"
    proc = run_cli("ingest", str(REPORTS), "--db", str(db), "--quiet")
    assert proc.returncode == 0, proc.stderr
    return db


def _unprivileged() -> list[str]:
    """As root, drop the capabilities that bypass file permissions, so chmod means what it says."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*_unprivileged(), *MUSTER, *args], capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env=dict(os.environ, PYTHONWARNINGS="ignore", COLUMNS="200"))


QUERIES = [["events", "--format", "jsonl"], ["incidents", "--format", "jsonl"], ["docs", "--format", "jsonl"],
           ["timeline", "RUS", "MDA", "--format", "jsonl"], ["export", "jsonl"], ["failures"]]


@pytest.mark.parametrize("readonly", ["file", "folder"])
@pytest.mark.parametrize("query", QUERIES)
def test_db_readonly_database_can_be_queried(stored, tmp_path, readonly, query):
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "s.db"
    shutil.copy(stored, db)
    before = db.read_bytes()
    db.chmod(0o444)
    if readonly == "folder":
        folder.chmod(0o555)
    try:
        proc = _run(*query, "--db", str(db))
    finally:
        folder.chmod(0o755)
        db.chmod(0o644)
    assert proc.returncode == 0, proc.stderr
    assert "readonly" not in proc.stderr and "Traceback" not in proc.stderr
    if query[0] in ("events", "incidents", "export"):
        assert len(proc.stdout.splitlines()) >= 2
    assert db.read_bytes() == before


def test_db_readonly_with_pending_resolution_warns_and_a_writable_query_finishes_it(stored, tmp_path):
    db = tmp_path / "s.db"
    shutil.copy(stored, db)
    with sqlite3.connect(db) as c:
        full = c.execute("SELECT count(*) FROM incidents").fetchone()[0]
        c.execute("INSERT INTO dirty_blocks VALUES ('ASSAULT', 'MDA')")
        c.execute("DELETE FROM incidents WHERE event_type='ASSAULT' AND recipient_country='MDA'")  # the queued block's
    db.chmod(0o444)
    try:
        proc = _run("incidents", "--db", str(db), "--format", "jsonl")
    finally:
        db.chmod(0o644)
    assert proc.returncode == 0 and "W061" in proc.stderr and "1 resolution block" in proc.stderr
    proc = _run("incidents", "--db", str(db), "--format", "jsonl")
    assert proc.returncode == 0 and proc.stderr == ""
    assert len(proc.stdout.splitlines()) == full


def _corrupt(src: Path, dst: Path) -> None:
    shutil.copy(src, dst)
    with sqlite3.connect(dst) as c:  # fold the WAL in, so every page lives in the main file
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        c.execute("PRAGMA journal_mode=DELETE")
        page = c.execute("PRAGMA page_size").fetchone()[0]
        n = c.execute("PRAGMA page_count").fetchone()[0]
    with open(dst, "r+b") as fh:
        fh.seek(page * (n // 2))
        fh.write(bytes((i * 37 + 11) % 251 for i in range(page)))


@pytest.mark.parametrize("query", [["events"], ["incidents"], ["docs"], ["timeline", "RUS", "MDA"],
                                   ["export", "csv"], ["ingest", "README.md"]])
def test_db_corrupt_page_is_one_line_e020(stored, tmp_path, query):
    db = tmp_path / "bad.db"
    _corrupt(stored, db)
    proc = run_cli(*query, "--db", str(db))
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error E020 {db}") and "Traceback" not in proc.stderr


@pytest.mark.parametrize("value,cell", [("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
                                        ("+1 attack", "'+1 attack"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
                                        ("\tcmd", "'\tcmd"), ("Plain sentence.", "Plain sentence.")])
def test_db_csv_cells_that_look_like_formulas_are_escaped(value, cell):
    from muster.store.io import write_csv

    e = {"id": "e1", "doc_id": "d1", "event_type": "ASSAULT", "goldstein": -10.0,
         "location": {"name": value, "lat": -33.9, "lon": 18.4}, "evidence": {"sentence": value},
         "sources": [{"outlet": value}]}
    buf = io.StringIO()
    write_csv([e], buf)
    [row] = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert row["evidence"] == cell and row["location_name"] == cell and row["outlet"] == cell
    assert row["goldstein"] == "-10.0" and row["lat"] == "-33.9"  # numbers stay numbers


def test_db_csv_export_through_the_cli_is_escaped(stored, tmp_path):
    db = tmp_path / "s.db"
    shutil.copy(stored, db)
    with sqlite3.connect(db) as c:
        eid, data, sentence = c.execute("SELECT id, data, evidence FROM events LIMIT 1").fetchone()
        d = unpack(data, sentence)
        d["evidence"]["sentence"] = "=cmd|' /C calc'!A0"
        c.execute("UPDATE events SET data=? WHERE id=?", (json.dumps(d), eid))
    out = run_cli("events", "--db", str(db), "--format", "csv").stdout
    assert "'=cmd|" in out and ",=cmd" not in out
