"""Selections compile to the query layer; the pattern test reads day series from a real SQLite store."""
from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

import muster
from muster.analyse import pattern, selection


def _ev(i: int, etype: str, actor: str, recipient: str, day: date, **date_kw) -> dict:
    d = {"start": day.isoformat(), "end": day.isoformat(), "value": day.isoformat()}
    d.update(date_kw)
    return {"id": f"e{i:05d}", "doc_id": f"d{i}", "event_type": etype, "actor": {"country": actor, "code": actor},
            "recipient": {"country": recipient, "code": recipient}, "date": d, "evidence": {"sentence": "s"},
            "sources": [{"doc_id": f"d{i}", "outlet": "x", "published": day.isoformat()}], "language": "en"}


@pytest.fixture()
def store(tmp_path):
    """A store where every AZE->NATO consultation is followed by a Russian strike on AZE 2-4 days later."""
    start = date(2024, 1, 1)
    events, i = [], 0
    offsets = sorted(random.Random(4).sample(range(720), 24))  # irregular: a periodic series matches any shift
    for k, off in enumerate(offsets):
        day = start + timedelta(days=off)
        events.append(_ev(i, "CONSULT", "AZE", "USA", day)); i += 1
        events.append(_ev(i, "ASSAULT", "RUS", "AZE", day + timedelta(days=2 + k % 3))); i += 1
    events.append(_ev(i, "ASSAULT", "RUS", "AZE", start, value=None, end="2024-03-31")); i += 1  # month-vague
    with muster.open_store(str(tmp_path / "p.db")) as s:
        s.add_events(events, "jsonl")
        yield s


@pytest.mark.parametrize("text,field,value", [
    ("type=ASSAULT actor=RUS recipient=AZE", "event_type", "ASSAULT"),
    ("type=ACCUSE,SANCTION,REJECT dyad=AZE-RUS", "dyad", "AZE-RUS"),
    ("actor=AZE quad=1", "quad", 1),
    ("actor=AZE recipient=NATO,EU,UKR,USA", "recipient", "NATO,EU,UKR,USA"),
    ("search='drone strike' since=2024-01-01", "text", "drone strike"),
])
def test_selection_parses_terms(text: str, field: str, value) -> None:
    assert getattr(selection.parse(text), field) == value


@pytest.mark.parametrize("bad", ["", "type", "colour=red", "type=AGREE type=ACCUSE", "quad=x", "search='open", "type=FOO",
                                 "actor=ZZZ", "since=2025-13-45", "recipient=,"])
def test_selection_rejects_bad_terms_with_a_message(bad: str) -> None:
    with pytest.raises(selection.SelectionError):
        selection.parse(bad)


def test_selection_comma_lists_select_any_of_the_parties(store) -> None:
    one, _ = pattern.series(store, "type=CONSULT actor=AZE recipient=USA", table="events")
    any_of, _ = pattern.series(store, "type=CONSULT actor=AZE recipient=FRA,USA,NATO", table="events")
    none, _ = pattern.series(store, "type=CONSULT actor=AZE recipient=FRA,NATO", table="events")
    assert len(one) == len(any_of) == 24 and none == []


def test_pattern_series_leaves_out_loosely_dated_events(store) -> None:
    days, loose = pattern.series(store, "type=ASSAULT actor=RUS recipient=AZE", table="events")
    assert len(days) == 24 and loose == 1


def test_pattern_run_finds_the_planted_pattern_and_not_its_reverse(store) -> None:
    out = pattern.run(store, "type=CONSULT actor=AZE", "type=ASSAULT actor=RUS recipient=AZE",
                      windows=(7, 14), table="events", surrogates=199)
    w7 = out["result"]["windows"][0]
    assert out["trigger_events"] == 24 and out["response_events"] == 24
    assert w7["precursor"]["k"] == w7["precursor"]["n"] and w7["p_adjusted"] <= 0.05
    assert out["result"]["reverse"][0]["trigger"]["rate"] < 0.5  # strikes are not followed by talks
    assert "more often than chance" in out["verdict"]


def test_pattern_run_on_empty_selection_says_so(store) -> None:
    out = pattern.run(store, "type=CONSULT actor=FRA", "type=ASSAULT actor=RUS", table="events")
    assert out["result"] is None and "trigger selection matches no" in out["verdict"]
