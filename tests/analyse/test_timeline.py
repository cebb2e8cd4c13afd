"""Dyad timelines: periods, both directions by quad class, and the PNG/HTML/CSV pictures."""
from __future__ import annotations

from datetime import date

import pytest

import muster
from muster.analyse import timeline


@pytest.mark.parametrize("day,by,label,start", [
    (date(2025, 11, 14), "day", "2025-11-14", date(2025, 11, 14)),
    (date(2025, 11, 14), "week", "2025-W46", date(2025, 11, 10)),
    (date(2025, 1, 1), "week", "2025-W01", date(2024, 12, 30)),  # ISO week of the new year
    (date(2025, 11, 14), "month", "2025-11", date(2025, 11, 1)),
    (date(2025, 11, 14), "year", "2025", date(2025, 1, 1)),
])
def test_timeline_period_labels_and_starts(day, by, label, start) -> None:
    assert timeline.period_of(day, by) == label
    assert timeline.period_start(label, by) == start


def test_timeline_rejects_unknown_period() -> None:
    with pytest.raises(ValueError):
        timeline.period_of(date(2025, 1, 1), "fortnight")


@pytest.fixture()
def store(tmp_path):
    def ev(i, etype, actor, rec, day, g):
        return {"id": f"t{i}", "doc_id": f"d{i}", "event_type": etype, "goldstein": g,
                "actor": {"country": actor}, "recipient": {"country": rec},
                "date": {"start": day, "end": day, "value": day}, "evidence": {"sentence": f"s{i}"},
                "sources": [{"doc_id": f"d{i}", "outlet": "Wire"}]}
    rows = [ev(1, "ASSAULT", "RUS", "AZE", "2025-07-01", -10), ev(2, "ACCUSE", "AZE", "RUS", "2025-07-02", -2),
            ev(3, "ACCUSE", "AZE", "RUS", "2025-07-20", -2), ev(4, "CONSULT", "AZE", "RUS", "2025-08-03", 1),
            ev(5, "ASSAULT", "RUS", "UKR", "2025-07-01", -10)]
    with muster.open_store(str(tmp_path / "t.db")) as s:
        s.add_events(rows, "jsonl")
        yield s


def test_timeline_counts_both_directions_by_quad(store) -> None:
    tl = timeline.build(store, "aze", "rus", by="month", table="events")
    got = {(r["period"], r["actor"], r["quad"]): (r["n"], r["goldstein_sum"], r["goldstein_mean"]) for r in tl.rows}
    assert got == {("2025-07", "RUS", 4): (1, -10.0, -10.0), ("2025-07", "AZE", 3): (2, -4.0, -2.0),
                   ("2025-08", "AZE", 1): (1, 1.0, 1.0)}
    assert len(tl.incidents) == 4  # RUS->UKR is not in the dyad


def test_timeline_writes_png_html_csv(store, tmp_path) -> None:
    tl = timeline.build(store, "AZE", "RUS", by="week", table="events")
    for ext in ("png", "html", "csv"):
        assert timeline.write(tl, tmp_path / f"t.{ext}") == ext
    assert (tmp_path / "t.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    html = (tmp_path / "t.html").read_text(encoding="utf-8")
    assert "Plotly.newPlot" in html and "s2" in html  # hover carries the evidence
    csv = (tmp_path / "t.csv").read_text(encoding="utf-8").splitlines()
    assert csv[0].startswith("period,actor,recipient,quad") and len(csv) == 5  # header + weeks 27 (both sides), 29, 31
    with pytest.raises(ValueError):
        timeline.write(tl, tmp_path / "t.pdf")
