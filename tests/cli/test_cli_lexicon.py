"""`muster lexicon --coverage`: the CAMEO inventory through the real CLI, strict in CI."""
from __future__ import annotations

import json

from muster.lang import SUPPORTED


def test_cli_lexicon_coverage_json_lists_every_language_and_no_gap(cli):
    proc = cli("lexicon", "--coverage", "--json", "--strict")
    assert proc.returncode == 0, proc.stderr
    inv = json.loads(proc.stdout)
    assert inv["languages"] == list(SUPPORTED)
    assert len(inv["codes"]) > 200
    assert all(s["gaps"] == 0 and s["covered"] == s["codes"] for s in inv["summary"].values()), inv["summary"]


def test_cli_lexicon_coverage_table_for_one_language(cli):
    proc = cli("lexicon", "--coverage", "--lang", "it")
    assert proc.returncode == 0, proc.stderr
    assert "0351" in proc.stdout and "it: " in proc.stdout and " gaps" in proc.stdout


def test_cli_lexicon_bad_language_is_one_line_error(cli):
    proc = cli("lexicon", "--coverage", "--lang", "xx")
    assert proc.returncode == 2 and "unknown language" in proc.stderr
