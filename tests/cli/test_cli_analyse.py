"""`muster pattern` and `muster report` through the real CLI over a real store."""
from __future__ import annotations

import json
import random
import re
from datetime import date, timedelta

import pytest

import muster


@pytest.fixture()
def pattern_db(tmp_path):
    """AZE->USA consultations, each followed 1-3 days later by a Russian strike on Azerbaijan."""
    path = tmp_path / "p.db"
    rows, i = [], 0
    for off in sorted(random.Random(9).sample(range(700), 20)):
        for etype, actor, rec, lag in (("CONSULT", "AZE", "USA", 0), ("ASSAULT", "RUS", "AZE", 1 + off % 3)):
            day = (date(2024, 1, 1) + timedelta(days=off + lag)).isoformat()
            rows.append({"id": f"e{i}", "doc_id": f"d{i}", "event_type": etype,
                         "actor": {"country": actor, "code": actor}, "recipient": {"country": rec, "code": rec},
                         "date": {"start": day, "end": day, "value": day},
                         "evidence": {"sentence": f"<script>alert({i})</script> report {i}"},
                         "sources": [{"doc_id": f"d{i}", "outlet": "Wire", "published": day}]})
            i += 1
    with muster.open_store(str(path)) as s:
        s.add_events(rows, "jsonl")
    return path


def test_cli_pattern_json_has_every_figure(cli, pattern_db):
    proc = cli("pattern", "--db", str(pattern_db), "--trigger", "actor=AZE", "--response",
               "type=ASSAULT actor=RUS recipient=AZE", "--events", "--window", "3,7", "--surrogates", "99", "--json")
    assert proc.returncode == 0, proc.stderr
    res = json.loads(proc.stdout)
    w = res["result"]["windows"][0]
    assert w["precursor"]["fraction"] == f"{w['precursor']['k']}/{w['precursor']['n']}"
    assert w["trigger"]["fraction"] and w["p_adjusted"] <= 0.05
    assert {"p_analytic", "p_surrogate", "ci", "expected_k", "chance", "min_k"} <= set(w["precursor"])
    assert res["result"]["reverse"] and res["result"]["rate_ratio"]["p_exact"] <= 0.05
    assert "more often than chance" in res["verdict"]


@pytest.mark.parametrize("args,needle", [
    (["--trigger", "colour=red", "--response", "type=ASSAULT"], "unknown selection key"),
    (["--trigger", "actor=AZE", "--response", "type=ASSAULT", "--window", "seven"], "--window"),
    (["--trigger", "actor=AZE", "--response", "type=ASSAULT", "--since", "2025-13-45"], "--since"),
])
def test_cli_pattern_bad_options_are_one_line_errors(cli, pattern_db, args, needle):
    proc = cli("pattern", "--db", str(pattern_db), *args)
    assert proc.returncode == 2
    assert needle in proc.stderr and "Traceback" not in proc.stderr


def test_cli_report_is_self_contained_and_escapes_text(cli, pattern_db, tmp_path):
    out = tmp_path / "r.html"
    proc = cli("report", "--dyad", "AZE-RUS", "--db", str(pattern_db), "--events", "-o", str(out),
               "--trigger", "actor=AZE", "--response", "type=ASSAULT actor=RUS recipient=AZE")
    assert proc.returncode == 0, proc.stderr
    html = out.read_text(encoding="utf-8")
    assert "<script>alert(" not in html and "&lt;script&gt;alert(" in html
    assert not re.search(r"<script[^>]*\bsrc=|<link[^>]*\bhref=\"?https?:", html)  # plotly.js inlined: nothing fetched
    assert "Plotly.newPlot" in html and "more often than chance" in html
    assert html.count("<tr>") > 20  # the incident table


def test_cli_report_bad_dyad(cli, pattern_db, tmp_path):
    proc = cli("report", "--dyad", "AZERUS", "--db", str(pattern_db), "-o", str(tmp_path / "r.html"))
    assert proc.returncode == 2 and "--dyad" in proc.stderr


def _gdelt_rows(sample: list[list[str]], template: int, day: date, n: int) -> list[str]:
    row = list(sample[template])
    row[0] = f"{9000000 + n}"
    row[1], row[2], row[3] = day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.strftime("%Y")
    row[4] = f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}"
    row[59] = day.strftime("%Y%m%d") + "120000"
    row[60] = f"https://example-news.test/{n}"
    return ["\t".join(row)]


def test_cli_pattern_on_imported_gdelt_states_power(cli, root, tmp_path):
    """The same claim on a public data set: GDELT rows imported, tested with --provenance gdelt."""
    sample = [line.split("\t") for line in (root / "tests/data/store/gdelt_sample.tsv").read_text(encoding="utf-8").splitlines()]
    rng, lines, n = random.Random(2), [], 0
    for off in sorted(rng.sample(range(360), 30)):
        day = date(2025, 1, 1) + timedelta(days=off)
        lines += _gdelt_rows(sample, 1, day, n)  # AZE civilians protest against the Russian government
        n += 1
        if rng.random() < 0.5:
            lines += _gdelt_rows(sample, 0, day + timedelta(days=2), n)  # a Russian military assault
            n += 1
    export = tmp_path / "gdelt.export.CSV"
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "g.db"
    assert cli("import", "gdelt", str(export), "--db", str(db)).returncode == 0
    proc = cli("pattern", "--db", str(db), "--provenance", "gdelt", "--trigger", "actor=AZE recipient=RUS",
               "--response", "type=ASSAULT actor=RUS", "--window", "7,14", "--surrogates", "99", "--json")
    assert proc.returncode == 0, proc.stderr
    res = json.loads(proc.stdout)
    assert res["trigger_events"] == 30 and res["response_events"] >= 10
    assert res["result"]["windows"][0]["precursor"]["power_2x"] is not None
    assert "twice as often as chance" in res["verdict"]


@pytest.mark.parametrize("ext,magic", [("png", b"\x89PNG"), ("html", b"<html"), ("csv", b"period,")])
def test_cli_timeline_out_writes_pictures(cli, pattern_db, tmp_path, ext, magic):
    out = tmp_path / f"t.{ext}"
    proc = cli("timeline", "AZE", "RUS", "--db", str(pattern_db), "--events", "--by", "week", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert magic in out.read_bytes()[:200]


def test_cli_timeline_out_bad_extension(cli, pattern_db, tmp_path):
    proc = cli("timeline", "AZE", "RUS", "--db", str(pattern_db), "--out", str(tmp_path / "t.pdf"))
    assert proc.returncode == 2 and "E062" in proc.stderr


def test_cli_demo_ends_with_the_report(cli, tmp_path):
    proc = cli("demo", "--db", str(tmp_path / "demo.db"), "--quiet")
    assert proc.returncode == 0, proc.stderr
    path = re.search(r"report for [A-Z]{3}-[A-Z]{3}: (\S+\.html)", proc.stdout)
    assert path, proc.stdout[-500:]
    html = open(path.group(1), encoding="utf-8").read()
    assert "Pattern tests in detail" in html and "Plotly.newPlot" in html


def test_cli_places_explain_gives_reasons(cli):
    proc = cli("places", "-", "--lang", "de", "--explain", input="Die Regierung in Moskau und Kiew verhandelt.")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert {r["name"] for r in rows} >= {"Moscow", "Kyiv"}
    assert all(r["why"] and r["candidates"] for r in rows)
