"""A reader (as the web server will be) keeps reading while a real `muster ingest` process writes."""
from __future__ import annotations

import os
import subprocess
import sys
import time

from muster.store import Store
from muster.store.query import EventQuery, select_events


def test_store_reads_while_ingest_process_writes(tmp_path, db_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(250):
        (folder / f"n{i:03d}.txt").write_text(
            f"---\npublished: 2025-02-{1 + i % 28:02d}\nlanguage: en\n---\n"
            f"Ukraine accused Russia of shelling Kharkiv on {1 + i % 28} February 2025. Item {i}.\n", encoding="utf-8")
    Store(db_path).close()  # create the schema before the reader opens read-only
    proc = subprocess.Popen([sys.executable, "-m", "muster.cli", "ingest", str(folder), "--db", str(db_path), "--quiet"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=dict(os.environ, PYTHONWARNINGS="ignore"))
    reader = Store(db_path, readonly=True)
    seen, reads = [], 0
    deadline = time.time() + 120
    while proc.poll() is None and time.time() < deadline:
        seen.append(reader.count("documents"))
        select_events(reader, EventQuery(limit=50))
        reads += 1
        time.sleep(0.01)
    assert proc.wait(timeout=120) == 0, proc.stderr.read().decode()
    seen.append(reader.count("documents"))
    assert reads > 5, "the reader got to read during the ingest"
    assert seen == sorted(seen), "counts only grow: the reader never sees a half-written state"
    assert seen[-1] == 250
    assert len(set(seen)) > 2, "the reader saw intermediate states while the writer was busy"
