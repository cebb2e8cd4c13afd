"""Crash safety of incidents: a real `muster ingest` killed with SIGKILL at several points (while
coding, inside a document's transaction, inside a block's resolution, between blocks, and from
outside at an arbitrary moment), then rerun, leaves exactly the incidents of an uninterrupted run."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, run_cli

SAMPLE = ROOT / "src" / "muster" / "data" / "sample"

# A driver that runs the real CLI in-process and SIGKILLs itself on the n-th call of a store method,
# before the call ("before") or after it did its writes but before its transaction commits ("inside").
DRIVER = """
import os, signal, sys
from muster.store import db
method, when, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
orig = getattr(db.Store, method)
calls = [0]
def wrapped(*a, **kw):
    calls[0] += 1
    if calls[0] == n and when == "before":
        os.kill(os.getpid(), signal.SIGKILL)
    out = orig(*a, **kw)
    if calls[0] == n and when == "inside":
        os.kill(os.getpid(), signal.SIGKILL)
    return out
setattr(db.Store, method, staticmethod(wrapped) if method in ("_queue", "_insert_incidents") else wrapped)
from muster.cli import main
sys.argv = ["muster", *sys.argv[4:]]
main()
"""


def _state(db: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str | None]], int]:
    """(incident id and data, event id and incident link, queued blocks) read straight from the file."""
    with sqlite3.connect(db) as c:
        incs = c.execute("SELECT id, data FROM incidents ORDER BY id").fetchall()
        links = c.execute("SELECT id, incident_id FROM events ORDER BY id").fetchall()
        queued = c.execute("SELECT count(*) FROM dirty_blocks").fetchone()[0]
    return incs, links, queued


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory) -> tuple:
    db = tmp_path_factory.mktemp("clean") / "clean.db"
    proc = run_cli("ingest", str(SAMPLE), "--db", str(db), "--quiet")
    assert proc.returncode == 0, proc.stderr
    state = _state(db)
    assert len(state[0]) >= 10 and state[2] == 0
    return state


@pytest.mark.parametrize("method,when,n", [
    ("add_document", "before", 4),       # while coding: three documents stored, the fourth never
    ("_queue", "inside", 6),             # inside a document's transaction, after its events were written
    ("_insert_incidents", "inside", 3),  # during resolution: a block's incidents written, not committed
    ("settle_block", "before", 8),       # between blocks: seven blocks resolved, the rest still queued
])
def test_crash_kill_then_rerun_gives_the_incidents_of_a_clean_run(tmp_path, clean_run, method, when, n):
    db = tmp_path / "killed.db"
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    proc = subprocess.run([sys.executable, "-c", DRIVER, method, when, str(n), "ingest", str(SAMPLE), "--db", str(db),
                           "--quiet"], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert _state(db)[:2] != clean_run[:2]  # the kill did leave work undone
    rerun = run_cli("ingest", str(SAMPLE), "--db", str(db), "--json")
    assert rerun.returncode == 0, rerun.stderr
    assert _state(db) == clean_run


def test_crash_a_query_after_a_kill_during_resolution_finishes_the_queue(tmp_path, clean_run):
    db = tmp_path / "killed.db"
    proc = subprocess.run([sys.executable, "-c", DRIVER, "_insert_incidents", "inside", "2", "ingest", str(SAMPLE),
                           "--db", str(db), "--quiet"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL
    assert _state(db)[2] > 0
    listed = run_cli("incidents", "--db", str(db), "--format", "jsonl", "--all")
    assert listed.returncode == 0, listed.stderr
    assert _state(db) == clean_run
    assert sorted(json.loads(x)["id"] for x in listed.stdout.splitlines()) == [i for i, _ in clean_run[0]]


def test_crash_kill_from_outside_at_an_arbitrary_moment(tmp_path, clean_run):
    db = tmp_path / "killed.db"
    proc = subprocess.Popen([sys.executable, "-m", "muster.cli", "ingest", str(SAMPLE), "--db", str(db), "--quiet"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
                if c.execute("SELECT count(*) FROM documents").fetchone()[0] >= 5:
                    break
        except sqlite3.Error:
            pass
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert run_cli("ingest", str(SAMPLE), "--db", str(db), "--quiet").returncode == 0
    assert _state(db) == clean_run
