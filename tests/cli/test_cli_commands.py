"""The other commands through the real CLI: extract, clean, docs, events, demo, and their docs."""
from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT

REQUIRED = ["id", "doc_id", "event_type", "mode", "context", "cameo", "goldstein", "actor", "recipient", "date",
            "location", "attribution", "negated", "hypothetical", "evidence", "sources"]
PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def test_cli_extract_seed_prints_valid_event_lines(cli, seed_path):
    proc = cli("extract", str(seed_path), "--published", "2025-11-21", "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    assert lines, "the seed article yields at least one event"
    clean = cli("clean", str(seed_path)).stdout
    for ev in lines:
        assert all(k in ev for k in REQUIRED)
        assert ev["event_type"] in PLOVER
        span = ev["evidence"]
        assert clean[span["start"]:span["end"]] == span["sentence"]
        assert ev["sources"][0]["published"] == "2025-11-21"


def test_cli_extract_same_input_same_ids(cli, seed_path):
    a = cli("extract", str(seed_path), "--published", "2025-11-21").stdout
    b = cli("extract", str(seed_path), "--published", "2025-11-21").stdout
    assert a == b and a


def test_cli_extract_missing_file_is_one_line_error(cli, tmp_path):
    proc = cli("extract", str(tmp_path / "nope.txt"), "--published", "2025-01-01")
    assert proc.returncode != 0
    assert "E001" in proc.stderr and "nope.txt" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_cli_extract_reads_stdin(cli):
    text = "Azerbaijan summoned Russia's ambassador on 14 November 2025.\n"
    proc = cli("extract", "-", "--published", "2025-11-21", "--lang", "en", input=text)
    assert proc.returncode == 0, proc.stderr


def test_cli_clean_seed_drops_portal_lines(cli, seed_path):
    proc = cli("clean", str(seed_path))
    assert proc.returncode == 0
    lines = proc.stdout.splitlines()
    assert "Gerade lesen andere" not in lines and "Lesen Sie auch" not in lines
    assert not any(line.startswith("Quellen:") for line in lines)


def test_cli_docs_and_events_read_the_store(cli, tmp_path, db_path):
    art = tmp_path / "a.txt"
    art.write_text("---\npublished: 2025-11-21\nlanguage: en\noutlet: Test Wire\n---\n"
                   "Azerbaijan summoned Russia's ambassador on 14 November 2025.\n", encoding="utf-8")
    assert cli("ingest", str(art), "--db", str(db_path), "--quiet").returncode == 0
    docs = [json.loads(x) for x in cli("docs", "--db", str(db_path), "--format", "jsonl").stdout.splitlines()]
    assert len(docs) == 1 and docs[0]["outlet"] == "Test Wire" and docs[0]["published"] == "2025-11-21"
    proc = cli("events", "--db", str(db_path), "--format", "jsonl")
    assert proc.returncode == 0
    for line in proc.stdout.splitlines():
        assert json.loads(line)["doc_id"] == docs[0]["id"]


def test_cli_demo_runs_on_bundled_corpus(cli, tmp_path):
    proc = cli("demo", "--db", str(tmp_path / "demo.db"), "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert "muster demo" in proc.stdout and "sample articles" in proc.stdout


def _commands() -> list[str]:
    from muster.cli import app

    return sorted(c.name or c.callback.__name__ for c in app.registered_commands)


@pytest.mark.parametrize("command", _commands())
def test_cli_every_command_is_documented_in_readme(command):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"`muster {command}\b", readme), f"README does not document `muster {command}`"


@pytest.mark.parametrize("command,args,text,key,value", [
    ("times", ["--anchor", "2025-11-21", "--lang", "de"], "Er kam am 14. November nach Berlin.\n", "value", "2025-11-14"),
    ("places", ["--lang", "de"], "Die Explosion ereignete sich in Kiew.\n", "name", "Kyiv"),
    ("actors", ["--lang", "en"], "Russia denied the report.\n", "country", "RUS"),
])
def test_cli_layer_commands_print_json_lines(cli, command, args, text, key, value):
    proc = cli(command, "-", *args, input=text)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(x) for x in proc.stdout.splitlines()]
    assert any(r.get(key) == value for r in rows), rows
    assert all(text[r["span"][0]:r["span"][1]] == r["text"] for r in rows)


@pytest.mark.parametrize("anchor,expected", [(None, "2024-11-14"), ("2025-11-21", "2025-11-14")])
def test_cli_times_anchor_overrides_the_documents_date(cli, tmp_path, anchor, expected):
    art = tmp_path / "a.txt"
    art.write_text("---\npublished: 2025-11-03\n---\nAm 14. November wurde der Botschafter einbestellt.\n",
                   encoding="utf-8")
    proc = cli("times", str(art), "--lang", "de", *(["--anchor", anchor] if anchor else []))
    assert [json.loads(x)["value"] for x in proc.stdout.splitlines()] == [expected]


@pytest.mark.parametrize("args", [["docs"], ["events"], ["incidents"], ["ingest", "README.md"], ["demo"],
                                  ["timeline", "AZE", "RUS"], ["recode"], ["failures"]])
def test_cli_broken_database_is_a_one_line_error(cli, tmp_path, args):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all " * 200)
    proc = cli(*args, "--db", str(bad))
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [f"error E020 {bad}: file is not a database"]
