"""Resolution of events from several reports into incidents, on event dicts."""
from __future__ import annotations

import pytest

from muster.resolve import resolve


def ev(eid, *, etype="ASSAULT", actor="RUS", recipient="AZE", start="2025-11-14", end=None, lat=50.45, lon=30.52,
       country="UKR", lang="en", outlet="Wire", published="2025-11-15", implicit=False):
    loc = None if lat is None else {"name": "Kyiv", "country": country, "lat": lat, "lon": lon}
    return {"id": eid, "doc_id": f"d-{eid}", "event_type": etype,
            "actor": None if actor is None else {"country": actor, "code": actor, "implicit": implicit},
            "recipient": {"country": recipient, "code": recipient},
            "date": {"value": start, "start": start, "end": end or start, "granularity": "day"},
            "location": loc, "language": lang, "evidence": {"sentence": f"sentence {eid}"},
            "sources": [{"doc_id": f"d-{eid}", "outlet": outlet, "published": published, "url": None}]}


def test_resolve_three_reports_of_one_strike_become_one_incident():
    events = [ev("a", lang="de", outlet="Tagesblatt"), ev("b", lang="en", outlet="Wire", lat=50.40, lon=30.60),
              ev("c", lang="ru", outlet="Вести", start="2025-11-01", end="2025-11-30", published="2026-11-20",
                 actor=None)]
    (inc,) = resolve(events)
    d = inc.to_dict()
    assert len(d["sources"]) == 3
    assert {s["language"] for s in d["sources"]} == {"de", "en", "ru"}
    assert d["date"]["value"] == "2025-11-14"  # the most precise date wins
    assert d["actor"]["country"] == "RUS"
    assert len(d["explain"]) == 3


def test_resolve_two_strikes_a_month_apart_stay_two():
    incs = resolve([ev("a", start="2025-11-14"), ev("b", start="2025-12-14")])
    assert len(incs) == 2


def test_resolve_a_month_mention_does_not_chain_two_day_events():
    # a vague "in November" report fits both strikes but must join only one of them
    incs = resolve([ev("a", start="2025-11-03"), ev("b", start="2025-11-25"),
                    ev("m", start="2025-11-01", end="2025-11-30")])
    assert len(incs) == 2
    assert sorted(len(i.members) for i in incs) == [1, 2]


@pytest.mark.parametrize("other", [
    {"etype": "ACCUSE"},
    {"recipient": "UKR"},
    {"actor": "UKR"},
    {"lat": 46.48, "lon": 30.73},  # Odesa, 400 km from Kyiv
    {"country": "MDA"},
])
def test_resolve_keeps_apart_what_differs(other):
    assert len(resolve([ev("a"), ev("b", **other)])) == 2


def test_resolve_vague_reports_never_merge_with_each_other():
    a = ev("a", start="2025-01-01", end="2025-11-15")
    b = ev("b", start="2025-01-01", end="2025-11-20")
    assert len(resolve([a, b])) == 2


def test_resolve_skips_negated_and_hypothetical():
    a, b = ev("a"), ev("b")
    b["negated"] = True
    assert [len(i.members) for i in resolve([a, b])] == [1]


def test_resolve_incident_id_is_stable_under_input_order():
    evs = [ev("a"), ev("b"), ev("c")]
    first = resolve(evs)[0].to_dict()["id"]
    assert resolve(list(reversed(evs)))[0].to_dict()["id"] == first
