"""`muster ingest` end to end: good and bad files in one batch, idempotent reruns, kill -9 mid-run."""
from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from muster import data

SAMPLE = Path(str(data.path("sample")))


def _summary(proc) -> dict:
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _batch(tmp_path: Path) -> Path:
    folder = tmp_path / "batch"
    shutil.copytree(SAMPLE, folder)
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "empty.txt").write_text("")
    (folder / "russian-cp1251.txt").write_bytes(
        "Министерство иностранных дел России вызвало посла Азербайджана 3 марта 2025 года.\n".encode("cp1251"))
    return folder


def test_cli_ingest_stores_good_files_and_reports_bad_ones(cli, tmp_path, db_path):
    folder = _batch(tmp_path)
    n_good = sum(1 for _ in SAMPLE.rglob("*") if _.is_file())
    proc = cli("ingest", str(folder), "--db", str(db_path), "--published", "2025-03-04", "--json")
    assert proc.returncode == 1, proc.stderr  # some items failed
    s = _summary(proc)
    assert s["failed"] == 2
    assert "binary.txt" in proc.stderr and "empty.txt" in proc.stderr
    assert s["stored"] >= n_good + 1  # jsonl files hold several articles; the cp1251 file is one more
    con = sqlite3.connect(db_path)
    clean = con.execute("SELECT clean FROM documents WHERE path LIKE '%cp1251%'").fetchone()[0]
    assert "Министерство иностранных дел России" in clean
    codes = sorted(r[0] for r in con.execute("SELECT code FROM failures"))
    assert codes == ["E002", "E003"]


def test_cli_ingest_second_run_stores_nothing_new(cli, tmp_path, db_path):
    folder = _batch(tmp_path)
    first = _summary(cli("ingest", str(folder), "--db", str(db_path), "--published", "2025-03-04", "--json"))
    second = _summary(cli("ingest", str(folder), "--db", str(db_path), "--published", "2025-03-04", "--json"))
    assert second["stored"] == 0
    assert second["duplicates"] == first["stored"] + first["duplicates"]
    con = sqlite3.connect(db_path)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == first["stored"]


def test_cli_ingest_killed_mid_run_is_consistent_and_rerun_completes(tmp_path, db_path):
    folder = tmp_path / "many"
    folder.mkdir()
    total = 400
    for i in range(total):
        (folder / f"a{i:04d}.txt").write_text(
            f"---\npublished: 2025-01-{1 + i % 28:02d}\nlanguage: en\n---\n"
            f"Report {i}: Russia summoned the ambassador of Azerbaijan on {1 + i % 28} January 2025. "
            f"Officials in Baku said the meeting number {i} was tense.\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "muster.cli", "ingest", str(folder), "--db", str(db_path), "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=dict(os.environ, PYTHONWARNINGS="ignore"))
    deadline = time.time() + 60
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
        if db_path.exists():
            try:
                con = sqlite3.connect(db_path, timeout=1)
                stored = con.execute("SELECT count(*) FROM documents").fetchone()[0]
                con.close()
            except sqlite3.OperationalError:
                continue
            if stored >= 20:
                break
    assert proc.poll() is None, "ingest finished before it could be killed; make the batch bigger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    con = sqlite3.connect(db_path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    docs_after_kill = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert 20 <= docs_after_kill < total
    # every stored document has all of its events: no half-written document
    orphans = con.execute("SELECT count(*) FROM events WHERE doc_id NOT IN (SELECT id FROM documents)").fetchone()[0]
    assert orphans == 0
    con.close()
    rerun = subprocess.run([*cmd[:-1], "--json"], capture_output=True, text=True,
                           env=dict(os.environ, PYTHONWARNINGS="ignore"))
    s = json.loads(rerun.stdout.strip().splitlines()[-1])
    assert s["duplicates"] == docs_after_kill and s["stored"] == total - docs_after_kill
    con = sqlite3.connect(db_path)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == total
    assert con.execute("SELECT count(DISTINCT id) FROM documents").fetchone()[0] == total
