"""`muster places FILE|- --lang L` prints the places as JSON Lines."""
from __future__ import annotations

import json


def test_places_cli_prints_jsonl(cli):
    res = cli("places", "-", "--lang", "de", input="Drohnen trafen Kiew und die Region Odessa.\n")
    assert res.returncode == 0, res.stderr
    rows = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    assert [r["name"] for r in rows] == ["Kyiv", "Odesa Oblast"]
    assert {"text", "span", "name", "country", "admin1", "lat", "lon", "geonameid"} <= set(rows[0])
    assert rows[0]["span"] == [15, 19] and rows[0]["country"] == "UKR"
