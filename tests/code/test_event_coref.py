"""Document-level event coreference (code/event_coref.py): one event per incident, distinct incidents apart."""
from __future__ import annotations

import pytest

import muster
from muster.ingest import from_text
from muster.pipeline import DEFAULT, build

CODER_ONLY = tuple(n for n in DEFAULT if n != "event_coref")

# a headline and its lead (de: the headline's noun phrase swaps the parties), or a headline summons and the
# dated summons below it (en, ru): one incident each
MERGED = [
    ("de", "2025-09-04", "ASSAULT",
     "Drohnenangriff beschädigt aserbaidschanische Botschaft in Kiew\n\n"
     "Eine russische Drohne ist am Dienstag in der Nähe der aserbaidschanischen Botschaft in Kiew explodiert "
     "und hat die Fassade des Gebäudes beschädigt, teilte das Außenministerium in Baku mit.",
     ("RUS", "AZE", "2025-09-02")),
    ("en", "2025-09-04", "ACCUSE",
     "Azerbaijan summons Russian envoy after drone strike on embassy\n\n"
     "A Russian drone exploded near the Azerbaijani embassy in Kyiv on Tuesday, damaging the facade, "
     "Azerbaijan's foreign ministry said.\n\n"
     "On Wednesday, Azerbaijan summoned the Russian ambassador and handed him a protest note.",
     ("AZE", "RUS", "2025-09-03")),
    ("ru", "2025-09-04", "ACCUSE",
     "Баку вызвал российского посла из-за удара по посольству в Киеве\n\n"
     "Российский беспилотник во вторник взорвался рядом с посольством Азербайджана в Киеве и повредил фасад "
     "здания, сообщил МИД Азербайджана.\n\n"
     "В среду Азербайджан вызвал посла России и вручил ему ноту протеста.",
     ("AZE", "RUS", "2025-09-03")),
]

# distinct incidents: other days, "again"/"erneut", other towns, co-actors in one sentence
APART = [
    ("en", "2025-09-04", "ASSAULT", "Russian drones struck Odesa on 8 August. Russian drones struck Odesa again "
     "on 18 August.", 2),
    ("de", "2025-09-04", "ASSAULT", "Russische Drohnen griffen am Dienstag Odessa an. Am Donnerstag griffen "
     "russische Drohnen erneut Odessa an.", 2),
    ("ru", "2025-09-04", "ASSAULT", "Российские беспилотники во вторник атаковали Одессу. Российские беспилотники "
     "во вторник атаковали Львов.", 2),
    ("en", "2025-09-04", "ASSAULT", "Russian drones hit the port of Odesa on Tuesday, officials said.\n\n"
     "Russian drones hit Lviv on Tuesday, the mayor said.", 2),
    ("de", "2025-09-04", "SANCTION", "Litauen, Lettland und Estland wiesen am Montag russische Diplomaten aus.", 3),
]


def _run(text: str, published: str, lang: str, names: tuple[str, ...] = DEFAULT):
    doc = from_text(text, published=published, lang=lang)
    return build(lang, names)(doc)


def _asserted(events, etype: str):
    return [e for e in events if e.event_type == etype and not e.negated and not e.hypothetical]


def test_event_coref_runs_right_after_the_coder() -> None:
    names = build("en").names
    assert names[names.index("coder") + 1] == "event_coref"


@pytest.mark.parametrize("lang,published,etype,text,want", MERGED, ids=[m[0] + "-" + m[2] for m in MERGED])
def test_event_coref_headline_and_body_become_one_event(lang, published, etype, text, want) -> None:
    before = _asserted(_run(text, published, lang, CODER_ONLY).events, etype)
    after = _asserted(_run(text, published, lang).events, etype)
    assert len(before) == 2 and len(after) == 1
    ev = after[0]
    # the body's named parties and the most precise date win; the first mention keeps its id
    assert ((ev.actor or {}).get("country"), (ev.recipient or {}).get("country"), ev.date["value"]) == want
    assert ev.id == before[0].id
    assert [m["id"] for m in ev.evidence["mentions"]] == [e.id for e in before]


@pytest.mark.parametrize("lang,published,etype,text,want", MERGED[:1], ids=["de"])
def test_event_coref_keeps_every_mention_span(lang, published, etype, text, want) -> None:
    doc = _run(text, published, lang)
    (ev,) = _asserted(doc.events, etype)
    spans = ev.evidence["mentions"]
    assert len(spans) == 2 and spans[0]["start"] < spans[1]["start"]
    for m in spans:
        assert doc.clean[m["start"]:m["end"]] == m["sentence"]
        assert m["start"] <= m["trigger"]["start"] < m["trigger"]["end"] <= m["end"]
    assert ev.to_dict()["evidence"]["mentions"] == spans  # it travels in the EVENT_FORMAT line


@pytest.mark.parametrize("lang,published,etype,text,n", APART, ids=[f"{a[0]}-{i}" for i, a in enumerate(APART)])
def test_event_coref_keeps_distinct_incidents_apart(lang, published, etype, text, n) -> None:
    events = _asserted(_run(text, published, lang).events, etype)
    assert len(events) == n
    assert not any(e.evidence.get("mentions") for e in events)


@pytest.mark.parametrize("lang,published,etype,text,want", MERGED, ids=[m[0] for m in MERGED])
def test_event_coref_ids_are_stable(lang, published, etype, text, want) -> None:
    first = [e.id for e in muster.extract(text, published=published, lang=lang)]
    again = [e.id for e in muster.extract(text, published=published, lang=lang)]
    assert first == again and len(set(first)) == len(first)


# one event told for a list of days or towns: one per item; a span ("between"), "or" and capitals standing
# for their governments are no list
SPLIT = [
    ("ru", "ASSAULT", "Российские беспилотники атаковали Киев 8 и 18 августа.", ["2025-08-08", "2025-08-18"], None),
    ("de", "ASSAULT", "Russland griff am 8. und 18. August mit Drohnen die Botschaft in Kiew an.",
     ["2025-08-08", "2025-08-18"], None),
    ("ru", "ASSAULT", "Российские беспилотники атаковали Киев между 8 и 18 августа.", ["2025-08-08"], None),
    ("de", "ASSAULT", "Russische Drohnen griffen in der Nacht Odessa, Charkiw und Lwiw an.", None,
     ["Odesa", "Kharkiv", "Lviv"]),
    ("it", "PROTEST", "Mercoledì sera migliaia di persone sono scese in piazza a Napoli, Milano e Torino.", None,
     ["Naples", "Milan", "Turin"]),
    ("en", "ASSAULT", "Russian drones attacked Kyiv or Odesa on Tuesday.", None, ["Kyiv"]),
    ("de", "SANCTION", "Teheran rief am Montag seine Botschafter aus Berlin, Paris und London zu Konsultationen "
     "zurück.", None, ["Berlin"]),
]


@pytest.mark.parametrize("lang,etype,text,days,towns", SPLIT, ids=[f"{s[0]}-{i}" for i, s in enumerate(SPLIT)])
def test_event_coref_splits_lists_of_days_and_towns(lang, etype, text, days, towns) -> None:
    events = _asserted(_run(text, "2025-09-04", lang).events, etype)
    if days is not None:
        assert [e.date["value"] for e in events] == days
    if towns is not None:
        assert [e.location["name"] for e in events] == towns
    assert len({e.id for e in events}) == len(events)
    assert all(e.evidence.get("part_of") == events[0].id for e in events[1:])


# the strike named inside the summons a day later (dated, and with roles leaked from, the summons) is the strike
SUMMONS = [
    ("de", "Eine russische Drohne ist am Dienstag in der Nähe der aserbaidschanischen Botschaft in Kiew explodiert, "
     "teilte das Außenministerium in Baku mit.\n\nNach Angaben des Ministeriums wurde niemand verletzt.\n\n"
     "Aserbaidschan bestellte am Mittwoch den russischen Botschafter ein und verurteilte den Drohnenangriff auf "
     "seine Botschaft in Kiew."),
    ("uk", "Російський безпілотник у вівторок вибухнув поблизу посольства Азербайджану в Києві, повідомило МЗС "
     "Азербайджану.\n\nНіхто з дипломатів не постраждав.\n\n"
     "У середу Азербайджан викликав посла Росії через атаку на посольство в Києві."),
    ("en", "A Russian drone exploded near the Azerbaijani embassy in Kyiv on Tuesday, the foreign ministry in Baku "
     "said.\n\nNo diplomats were hurt.\n\nOn Wednesday Azerbaijan condemned the drone attack on its embassy in Kyiv "
     "and summoned the Russian ambassador."),
]


@pytest.mark.parametrize("lang,text", SUMMONS, ids=[s[0] for s in SUMMONS])
def test_event_coref_strike_named_in_the_summons_is_the_strike(lang, text) -> None:
    before = _asserted(_run(text, "2025-09-04", lang, CODER_ONLY).events, "ASSAULT")
    (strike,) = _asserted(_run(text, "2025-09-04", lang).events, "ASSAULT")
    assert len(before) == 2
    assert (strike.actor["country"], strike.recipient["country"], strike.date["value"]) == ("RUS", "AZE", "2025-09-02")
    assert len(strike.evidence["mentions"]) == 2
    assert _asserted(_run(text, "2025-09-04", lang).events, "ACCUSE")  # the summons stays an event of its own
