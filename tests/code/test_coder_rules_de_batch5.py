"""General German coder rules from blind batch 5 (long German articles; real pipeline, one sentence each)."""
from __future__ import annotations

import pytest

import muster


def events(text: str, published: str = "2025-10-22") -> list[dict]:
    return [e.to_dict() for e in muster.extract(text, published=published, lang="de")]


def country(party: dict | None) -> str | None:
    return (party or {}).get("country")


def of_type(evs: list[dict], etype: str) -> list[dict]:
    got = [e for e in evs if e["event_type"] == etype and not e["negated"] and not e["hypothetical"]]
    assert got, evs
    return got


@pytest.mark.parametrize("text,etype,actor,recipient", [
    # inverted perfect: "den" after the subject starts the object, not a genitive
    ("Am Freitag hat Polen den belarussischen Geschäftsträger einbestellt.", "ACCUSE", "POL", "BLR"),
    # compound treaty nouns sign too ("Rahmenabkommen", "Friedensvertrag")
    ("Armenien und Aserbaidschan haben im August einen Friedensvertrag unterzeichnet.", "SUPPORT", "ARM", None),
    # "in erhöhte Bereitschaft versetzt": readiness, not only "Alarmbereitschaft"
    ("Serbien hat seine Armee am Montag in erhöhte Bereitschaft versetzt.", "MOBILIZE", "SRB", None),
    # "mahnen" appeals to someone
    ("Österreich mahnte am Dienstag, den Konflikt nicht weiter zu verschärfen.", "REQUEST", "AUT", None),
    # "beantragen": a formal request
    ("Serbien hat bei Ungarn die Auslieferung eines Geschäftsmanns beantragt.", "REQUEST", "SRB", None),
    # "sich hinter X stellen" backs X
    ("Belarus stellte sich am Mittwoch hinter Russland.", "SUPPORT", "BLR", "RUS"),
    # sending warships or troops mobilises
    ("Frankreich entsandte im Juli zwei Fregatten in die Region.", "MOBILIZE", "FRA", None),
    # sanctions put into force, also in a compound ("EU-Sanktionen")
    ("Im März wurden die EU-Sanktionen gegen Belarus in Kraft gesetzt.", "SANCTION", None, "BLR"),
    # a gathering of people is a demonstration
    ("Hunderte Menschen versammelten sich am Samstag vor der russischen Botschaft in Berlin.", "PROTEST", None, None),
    # an impersonal "man" leaves the named party the object
    ("Man habe die georgischen Behörden aufgefordert, die Journalistin freizulassen.", "REQUEST", None, "GEO"),
    # not recognising is a rejection, not a negated recognition
    ("Serbien erkennt die Unabhängigkeit des Kosovo bis heute nicht an.", "REJECT", "SRB", "XKX"),
    # announcing or declaring an exit from a treaty rejects it
    ("Russland hat am Freitag seinen Austritt aus dem Vertrag erklärt.", "REJECT", "RUS", None),
    # ordering pre-trial detention is an arrest
    ("Ein Haftrichter in Minsk ordnete am Montag Untersuchungshaft gegen den litauischen Journalisten an.",
     "COERCE", None, "LTU"),
    # "erst X und dann Y": both inverted subjects act
    ("Im Mai griffen erst Indien und dann Pakistan Stellungen an der Grenze an.", "ASSAULT", "PAK", None),
])
def test_coder_de_batch5_rules_type_and_parties(text: str, etype: str, actor: str | None,
                                                recipient: str | None) -> None:
    got = of_type(events(text), etype)
    if actor:
        assert actor in {country(e["actor"]) for e in got}, got
    if recipient:
        assert recipient in {country(e["recipient"]) for e in got}, got
    if text.startswith("Man "):
        assert all(country(e["actor"]) != recipient for e in got), got


@pytest.mark.parametrize("text,co_actors", [
    ("Im Juni bombardierten erst Israel und dann die USA mehrere iranische Anlagen.", {"ISR", "USA"}),
])
def test_coder_de_batch5_rules_inverted_co_actors(text: str, co_actors: set[str]) -> None:
    got = of_type(events(text), "ASSAULT")
    assert {country(e["actor"]) for e in got} == co_actors, got
    assert all(country(e["recipient"]) != "USA" for e in got), got


@pytest.mark.parametrize("text,start,end", [
    # "im Juni dieses Jahres" is the month, not the whole year
    ("Im Juni dieses Jahres griff Israel Ziele im Iran an.", "2025-06-01", "2025-06-30"),
])
def test_coder_de_batch5_rules_month_of_this_year(text: str, start: str, end: str) -> None:
    e = of_type(events(text), "ASSAULT")[0]
    assert (e["date"]["start"], e["date"]["end"]) == (start, end), e["date"]


@pytest.mark.parametrize("text", [
    ("Griechische Zyprioten und die zyprische Regierung kritisierten am Montag die Türkei."),
])
def test_coder_de_batch5_rules_cyprus_adjective(text: str) -> None:
    got = of_type(events(text), "ACCUSE")
    assert "CYP" in {country(e["actor"]) for e in got}, got
