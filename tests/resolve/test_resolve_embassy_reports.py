"""Four reports of two strikes on Azerbaijani missions: one incident per report, then two across them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import muster

from conftest import ROOT

REPORTS = ROOT / "tests" / "data" / "resolve" / "embassy"
FILES = ("drone-kyiv-en.txt", "missile-odesa-de.txt", "missile-odesa-ru.txt", "missile-odesa-fr-later.txt")


def _assaults(path: Path) -> list[dict]:
    """The report's asserted strikes (front matter gives its language and date)."""
    events = [e.to_dict() for e in muster.extract(path.read_text(encoding="utf-8"))]
    return [e for e in events if e["event_type"] == "ASSAULT" and not e["negated"] and not e["hypothetical"]]


@pytest.mark.parametrize("name", FILES)
def test_resolve_embassy_each_report_tells_one_strike_on_azerbaijan(name: str) -> None:
    # the German headline ("Raketenangriff beschädigt ...") and its lead are one strike
    got = _assaults(REPORTS / name)
    assert len(got) == 1, [e["evidence"]["sentence"] for e in got]
    assert got[0]["recipient"]["country"] == "AZE" and got[0]["location"]["name"] in ("Kyiv", "Odesa")


def test_resolve_embassy_four_reports_give_two_incidents(cli, db_path) -> None:
    proc = cli("ingest", *[str(REPORTS / f) for f in FILES], "--db", str(db_path), "--quiet")
    assert proc.returncode == 0, proc.stderr
    proc = cli("incidents", "--db", str(db_path), "--format", "jsonl", "--type", "ASSAULT", "--recipient", "AZE")
    assert proc.returncode == 0, proc.stderr
    incs = sorted((json.loads(x) for x in proc.stdout.splitlines()), key=lambda i: len(i["sources"]))
    assert [len(i["sources"]) for i in incs] == [1, 3], [(i["date"], i["sources"]) for i in incs]
    drone, missile = incs
    assert drone["date"]["value"] == "2025-09-02" and drone["sources"][0]["language"] == "en"
    assert missile["date"]["value"] == "2025-07-14"
    assert {s["language"] for s in missile["sources"]} == {"de", "ru", "fr"}
    # the report written four months later still joins the July strike
    assert any(s["published"] == "2025-11-20" for s in missile["sources"])
