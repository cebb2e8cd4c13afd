"""Option values through the real CLI: bad ones end with exit 2 and one line naming the option;
queries never create a database; `--version`; `timeline --by week`."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, run_cli
from muster.cli import app

REPORTS = ROOT / "tests" / "data" / "resolve"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:

    db = tmp_path_factory.mktemp("opts") / "s.db"
    proc = run_cli("ingest", str(REPORTS), "--db", str(db), "--quiet")
    assert proc.returncode == 0, proc.stderr
    return db


class _InProcess:
    """The CLI app run in this process (fast, for wide option matrices); same outcome shape as a subprocess."""

    def __init__(self, *args: str, input: str | None = None):
        r = CliRunner().invoke(app, list(args), input=input)
        assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
        self.returncode, self.stdout, self.stderr = r.exit_code, r.stdout, r.stderr


def _one_line_error(proc, *words: str) -> None:
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    for w in words:
        assert w in lines[0], lines[0]


@pytest.mark.parametrize("command", ["events", "incidents"])
@pytest.mark.parametrize("args,words", [
    (["--since", "2025-13-45"], ["--since", "2025-13-45"]),
    (["--until", "yesterday"], ["--until"]),
    (["--since", "2025-02-30"], ["--since"]),
    (["--since", "2025-06-01", "--until", "2025-01-01"], ["--since", "after --until"]),
    (["--type", "FOO"], ["--type", "FOO"]),
    (["--type", "ASSAULT,NOPE"], ["--type"]),
    (["--quad", "7"], ["--quad", "7"]),
    (["--quad", "0"], ["--quad"]),
    (["--dyad", "RUS"], ["--dyad", "RUS"]),
    (["--dyad", "RUS-XYZ"], ["--dyad"]),
    (["--dyad", "AZE-RUS-UKR"], ["--dyad"]),
    (["--actor", "XYZ"], ["--actor", "XYZ"]),
    (["--recipient", "R U S"], ["--recipient"]),
    (["--country", "Russia"], ["--country"]),
    (["--format", "xml"], ["--format", "xml"]),
    (["--language", "german!"], ["--language"]),
    (["--limit", "5", "--all"], ["--limit", "--all"]),
])
def test_cli_options_bad_value_is_exit_2_and_one_line(store, command, args, words):
    _one_line_error(_InProcess(command, "--db", str(store), *args), "E062", *words)


@pytest.mark.parametrize("args", [["--since", "2025-13-45"], ["--type", "FOO"], ["--quad", "7"], ["--dyad", "RUS"]])
def test_cli_options_bad_value_in_a_real_process(cli, store, args):
    _one_line_error(cli("events", "--db", str(store), *args), "E062", args[0])


@pytest.mark.parametrize("args", [
    ["--since", "2025", "--until", "2025-06"], ["--dyad", "mda-rus"], ["--actor", "RUSGOV"], ["--actor", "GOV"],
    ["--type", "assault"], ["--quad", "4"], ["--recipient", "MDA"], ["--country", "mda"],
])
def test_cli_options_good_values_are_accepted(store, args):
    proc = _InProcess("incidents", "--db", str(store), "--format", "jsonl", *args)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""


def test_cli_options_partial_dates_cover_their_whole_period(cli, store):
    """--until 2025-06 means the end of June: the June incident is in, the July one out."""
    rows = [json.loads(x) for x in cli("incidents", "--db", str(store), "--format", "jsonl", "--type", "ASSAULT",
                                       "--since", "2025-06", "--until", "2025-06").stdout.splitlines()]
    assert {r["date"]["value"] for r in rows} == {"2025-06-12"}


@pytest.mark.parametrize("args", [["extract", "README.md", "--format", "xml"], ["export", "xml"],
                                  ["export", "jsonl", "--what", "everything"], ["import", "xml", "README.md"],
                                  ["docs", "--format", "csv"], ["timeline", "AZE", "RUS", "--format", "csv"],
                                  ["timeline", "AZE", "RUS", "--by", "fortnight"], ["timeline", "AZE", "XX"],
                                  ["ingest", "README.md", "--lang", "xx"], ["times", "-", "--anchor", "2025-13-01"]])
def test_cli_options_bad_format_or_value_in_other_commands(store, tmp_path, args):
    if args[0] not in ("extract", "import", "ingest", "times"):
        args = [*args, "--db", str(store)]
    elif args[0] in ("import", "ingest"):
        args = [*args, "--db", str(tmp_path / "new.db")]
    _one_line_error(_InProcess(*args, input=""), "E062")


@pytest.mark.parametrize("command", [["events"], ["incidents"], ["docs"], ["failures"], ["timeline", "AZE", "RUS"],
                                     ["export", "jsonl"], ["recode"]])
def test_cli_options_query_never_creates_a_database(cli, tmp_path, command):
    missing = tmp_path / "typo.db"
    _one_line_error(cli(*command, "--db", str(missing)), "E061", str(missing))
    assert not missing.exists() and not list(tmp_path.iterdir())


@pytest.mark.parametrize("args", [["--version"], ["version"]])
def test_cli_options_version(cli, args):
    from muster import __version__

    proc = cli(*args)
    assert proc.returncode == 0 and proc.stdout.strip() == f"muster {__version__}"


@pytest.mark.parametrize("by,label", [("week", "2025-W24"), ("day", "2025-06-12"), ("month", "2025-06"), ("year", "2025")])
def test_cli_options_timeline_by_every_period(store, by, label):
    proc = _InProcess("timeline", "RUS", "MDA", "--db", str(store), "--by", by, "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(x) for x in proc.stdout.splitlines()]
    assert label in {r["period"] for r in rows}, rows
    assert sum(r["n"] for r in rows if r["period"] == label) >= 1
