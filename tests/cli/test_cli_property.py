"""Property-based tests of the query options: any value gives a result (exit 0) or one line on stderr
(exit 2), never a traceback."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import run_cli
from muster.cli import app

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
SAMPLES = ["2025-06-12", "2025-13-45", "2025", "2025-02", "0000-00-00", "9999-12-31", "AZE-RUS", "RUS", "RUS-",
           "-RUS", "aze-rus", "XYZ-RUS", "ASSAULT", "assault,consult", "FOO", ",", "RUSGOV", "GOV", "NATO", "de",
           "1", "4", "7", "-1", "table", "plain", "jsonl", "csv", "xml", "%", "_", "'", '"', "\\", "' OR 1=1 --",
           "NEAR(", "*", "\u2028", "ü", "Одесса"]
VALUE = st.one_of(st.sampled_from(SAMPLES), st.text(max_size=30).filter(lambda s: "\x00" not in s))
OPTIONS = ["--since", "--until", "--type", "--quad", "--dyad", "--actor", "--recipient", "--country", "--language",
           "--format", "--search", "--place", "--outlet", "--limit"]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("prop")
    src = folder / "e.jsonl"
    day = "2025-06-12"
    src.write_text(json.dumps({"id": "e1", "doc_id": "d1", "event_type": "ASSAULT", "actor": {"country": "RUS", "code": "RUSMIL"},
                               "recipient": {"country": "UKR", "code": "UKR"},
                               "date": {"value": day, "start": day, "end": day, "granularity": "day"},
                               "evidence": {"sentence": "Drones struck Odesa."}, "sources": [{"doc_id": "d1"}]}) + "\n",
                   encoding="utf-8")
    db = folder / "p.db"
    assert run_cli("import", "jsonl", str(src), "--db", str(db)).returncode == 0
    return db


def _outcome(result) -> None:
    assert result.exit_code in (0, 2), (result.exit_code, result.output, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    if result.exit_code == 2:
        lines = [x for x in result.stderr.splitlines() if x.strip()]
        assert lines and "Traceback" not in result.stderr
        assert len(lines) == 1 or lines[0].startswith("Usage:"), result.stderr


@FAST
@given(opts=st.lists(st.tuples(st.sampled_from(OPTIONS), VALUE), min_size=1, max_size=4),
       command=st.sampled_from(["events", "incidents"]))
def test_cli_property_query_options(store, command, opts):
    args = [command, "--db", str(store)]
    for name, value in opts:
        args += [name, value]
    _outcome(CliRunner().invoke(app, args))


@FAST
@given(a=VALUE, b=VALUE, by=st.one_of(st.sampled_from(["day", "week", "month", "year"]), VALUE),
       since=st.one_of(st.none(), VALUE))
def test_cli_property_timeline_options(store, a, b, by, since):
    args = ["timeline", a, b, "--db", str(store), "--by", by, "--format", "jsonl"] + (["--since", since] if since else [])
    if a.startswith("-") or b.startswith("-"):
        args.insert(1, "--")
        args = ["timeline", "--db", str(store), "--by", by, "--format", "jsonl", "--", a, b]
    _outcome(CliRunner().invoke(app, args))
