"""Query output people can read: tables at 80 columns, plain text when piped, a table on a terminal,
a default row limit with --limit/--all, and input_span in the layer commands."""
from __future__ import annotations

import json
import os
import pty
import subprocess
from pathlib import Path

import pytest

from conftest import MUSTER, ROOT, run_cli

LONG = ("Russian forces struck the port of Odesa overnight with drones and missiles, damaging grain silos, "
        "a power substation and several apartment blocks, regional officials said on Tuesday morning.")


def _event(i: int) -> dict:
    day = f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}"
    date = ({"value": day, "start": day, "end": day, "granularity": "day"} if i % 3 else
            {"value": None, "start": "2022-01-01", "end": "2024-12-31", "granularity": "range"})
    return {"id": f"ev{i:05d}", "doc_id": f"doc{i}", "event_type": "ASSAULT", "mode": "aerial", "cameo": "195",
            "goldstein": -10.0, "actor": {"code": "RUSMIL", "country": "RUS"},
            "recipient": {"code": "UKR", "country": "UKR"}, "date": date,
            "location": {"name": "Odesa", "country": "UKR", "lat": 46.48, "lon": 30.73 + i / 1000},
            "evidence": {"sentence": f"{LONG} Report {i}.", "start": 0, "end": 10},
            "sources": [{"doc_id": f"doc{i}", "outlet": "Wire", "published": day}], "language": "en"}


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("many")
    src = folder / "events.jsonl"
    src.write_text("".join(json.dumps(_event(i)) + "\n" for i in range(150)), encoding="utf-8")
    db = folder / "m.db"
    proc = run_cli("import", "jsonl", str(src), "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    return db


def _cli(*args: str, columns: int = 80) -> subprocess.CompletedProcess:
    return subprocess.run([*MUSTER, *args], capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env=dict(os.environ, PYTHONWARNINGS="ignore", COLUMNS=str(columns)))


@pytest.mark.parametrize("command", ["events", "incidents"])
@pytest.mark.parametrize("columns", [80, 120])
def test_cli_output_table_fits_the_terminal_and_evidence_stays_readable(many, command, columns):
    proc = _cli(command, "--db", str(many), "--format", "table", "--limit", "5", columns=columns)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines and max(len(x) for x in lines) <= columns
    text = " ".join(" ".join(x.split()) for x in lines)
    assert "Russian forces struck the" in text  # the evidence wraps in a wide column, not 5 characters
    assert "2022..2024" in text  # whole-year ranges are written short, never cut


def test_cli_output_piped_defaults_to_plain_rows(many):
    proc = _cli("events", "--db", str(many), "--limit", "3")
    assert proc.returncode == 0, proc.stderr
    header, *rows = proc.stdout.splitlines()
    assert header.split("\t")[:2] == ["date", "type"] and len(rows) == 3
    for r in rows:
        cells = r.split("\t")
        assert len(cells) == len(header.split("\t"))
        assert f"{LONG} Report" in r  # the whole sentence, on one line


def test_cli_output_terminal_defaults_to_a_table(many):
    main, sub = pty.openpty()
    proc = subprocess.Popen([*MUSTER, "incidents", "--db", str(many), "--limit", "2"], stdout=sub, stderr=subprocess.PIPE,
                            cwd=ROOT, env=dict(os.environ, PYTHONWARNINGS="ignore", COLUMNS="100"))
    os.close(sub)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(main)
    out = b"".join(chunks).decode("utf-8", "replace")
    assert "who → whom" in out and "\t" not in out


@pytest.mark.parametrize("args,rows,note", [
    ([], 100, True), (["--limit", "7"], 7, True), (["--all"], 150, False), (["--format", "jsonl"], 150, False),
    (["--limit", "200"], 150, False),
])
def test_cli_output_default_limit_and_all(many, args, rows, note):
    proc = _cli("events", "--db", str(many), *args)
    assert proc.returncode == 0, proc.stderr
    n = len(proc.stdout.splitlines()) - (0 if "--format" in args else 1)
    assert n == rows
    assert ("--all for more" in proc.stderr) is note


def test_cli_output_broken_pipe_is_quiet(many):
    proc = subprocess.run(f"{' '.join(MUSTER)} events --db {many} --all --format jsonl | head -n 2", shell=True,
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert len(proc.stdout.splitlines()) == 2 and "Traceback" not in proc.stderr and "Broken" not in proc.stderr


@pytest.mark.parametrize("command,args", [("times", ["--anchor", "2025-11-21", "--lang", "de"]),
                                          ("places", ["--lang", "de"]), ("actors", ["--lang", "de"])])
def test_cli_output_layer_commands_give_input_span(tmp_path, command, args):
    raw = ("---\ntitle: Meldung\npublished: 2025-11-21\n---\n"
           "Gerade lesen andere\n"
           "Russland griff am 14. November die Stadt Odessa an.\n")
    f = tmp_path / "a.txt"
    f.write_text(raw, encoding="utf-8")
    proc = run_cli(command, str(f), *args)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(x) for x in proc.stdout.splitlines()]
    assert rows
    for r in rows:
        a, b = r["input_span"]
        assert raw[a:b] == r["text"] and a > r["span"][0]  # front matter and boilerplate come before it


def test_cli_output_docs_table_fits_80_columns(tmp_path, db_path):
    art = tmp_path / "a.txt"
    art.write_text("---\npublished: 2025-11-21\nlanguage: en\noutlet: A Very Long Outlet Name Indeed\n"
                   "title: A headline long enough to need cutting at eighty columns of terminal width\n---\n"
                   "Azerbaijan summoned Russia's ambassador on 14 November 2025.\n", encoding="utf-8")
    assert run_cli("ingest", str(art), "--db", str(db_path), "--quiet").returncode == 0
    proc = _cli("docs", "--db", str(db_path), "--format", "table", columns=80)
    lines = proc.stdout.splitlines()
    assert max(len(x) for x in lines) <= 80
    assert "2025-11-21" in proc.stdout and "A headline" in proc.stdout
