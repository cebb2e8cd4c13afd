"""`muster ingest --engine dask`, `resolve`, `load` and `events --parquet` through the real CLI."""
from __future__ import annotations

import json
import sqlite3

import pytest

from conftest import ROOT

pytest.importorskip("dask.distributed")
SAMPLE = ROOT / "src" / "muster" / "data" / "sample"


def _rows(db, sql):
    with sqlite3.connect(db) as c:
        return sorted(c.execute(sql).fetchall())


def test_dask_cli_store_path_equals_local(cli, tmp_path):
    local, dask = tmp_path / "local.db", tmp_path / "dask.db"
    assert cli("ingest", str(SAMPLE), "--db", str(local), "--quiet").returncode == 0
    proc = cli("ingest", str(SAMPLE), "--db", str(dask), "--engine", "dask", "--workers", "2", "--json")
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    assert summary["engine"] == "dask" and summary["stored"] == summary["read"] > 10
    assert _rows(dask, "SELECT id, data FROM events") == _rows(local, "SELECT id, data FROM events")
    assert _rows(dask, "SELECT id, n_sources FROM incidents") == _rows(local, "SELECT id, n_sources FROM incidents")


def test_dask_cli_parquet_resolve_load_and_query(cli, tmp_path):
    out, db, local = tmp_path / "pq", tmp_path / "loaded.db", tmp_path / "local.db"
    proc = cli("ingest", str(SAMPLE), "--engine", "dask", "--workers", "2", "--out", str(out), "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["documents"] > 10
    assert any(out.glob("events/month=*/*.parquet"))
    res = cli("resolve", str(out), "--workers", "1")
    assert res.returncode == 0, res.stderr
    assert cli("load", str(out), "--db", str(db), "--quiet").returncode == 0
    assert cli("ingest", str(SAMPLE), "--db", str(local), "--quiet").returncode == 0
    assert _rows(db, "SELECT id FROM events") == _rows(local, "SELECT id FROM events")
    assert _rows(db, "SELECT id FROM incidents") == _rows(local, "SELECT id FROM incidents")
    assert json.loads(res.stdout)["incidents"] == len(_rows(local, "SELECT id FROM incidents"))
    q = cli("events", "--parquet", str(out), "--dyad", "AZE-RUS", "--format", "jsonl")
    ref = cli("events", "--db", str(local), "--dyad", "AZE-RUS", "--format", "jsonl")
    assert q.returncode == 0 and q.stdout and sorted(q.stdout.splitlines()) == sorted(ref.stdout.splitlines())


@pytest.mark.parametrize("args,needle", [
    (["--out", "x"], "--engine dask"),
    (["--engine", "spark"], "--engine"),
])
def test_dask_cli_bad_options(cli, tmp_path, args, needle):
    proc = cli("ingest", str(SAMPLE), "--db", str(tmp_path / "m.db"), *args)
    assert proc.returncode == 2 and needle in proc.stderr


def test_dask_cli_not_a_parquet_folder(cli, tmp_path):
    proc = cli("events", "--parquet", str(tmp_path))
    assert proc.returncode == 2 and "E064" in proc.stderr
