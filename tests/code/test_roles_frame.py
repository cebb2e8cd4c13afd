"""The named role rules: the reporting frame, event-noun participants, agentless acts, and their record."""
from __future__ import annotations

from typing import Any

import pytest

import muster

PUB = "2025-06-10"


def events(text: str, lang: str) -> list[dict[str, Any]]:
    return [e.to_dict() for e in muster.extract(text, published=PUB, lang=lang)]


def of_type(text: str, lang: str, etype: str) -> dict[str, Any]:
    evs = [e for e in events(text, lang) if e["event_type"] == etype]
    assert evs, (etype, events(text, lang))
    return evs[0]


def country(party: dict[str, Any] | None) -> str | None:
    return (party or {}).get("country")


@pytest.mark.parametrize("lang,text,speaker", [
    ("en", "Azerbaijani officials recalled that on March 10 an airstrike on the honorary consulate of "
           "Azerbaijan in Kharkiv damaged the building.", "AZE"),
    ("de", "Georgische Diplomaten erinnerten daran, dass am 10. März ein Luftangriff die Botschaft Georgiens "
           "in Charkiw beschädigt hatte.", "GEO"),
])
def test_roles_frame_reporting_speaker_is_not_the_attacker(lang: str, text: str, speaker: str) -> None:
    ev = of_type(text, lang, "ASSAULT")
    assert country(ev["actor"]) != speaker and country(ev["recipient"]) == speaker


@pytest.mark.parametrize("lang,text,actor", [
    ("en", "Moscow said that its forces struck a fuel depot near Lviv on Monday.", "RUS"),
    ("de", "Frankreich begann am 3. Mai mit dem Abzug seiner Soldaten aus Niger.", "FRA"),
])
def test_roles_frame_own_reference_keeps_the_speaker_or_owner(lang: str, text: str, actor: str) -> None:
    ev = [e for e in events(text, lang) if e["event_type"] in ("ASSAULT", "RETREAT")][0]
    assert country(ev["actor"]) == actor


@pytest.mark.parametrize("lang,text,etype,actor,rule", [
    ("de", "Nach Angaben des Außenministeriums in Tiflis beschädigte am Montag eine russische Drohne "
           "die georgische Botschaft in Kiew.", "ASSAULT", "RUS", "weapon_nationality"),
    ("en", "On Monday the Georgian embassy in Kyiv was hit by a missile launched by Russia.",
     "ASSAULT", "RUS", "participle_agent"),
    ("fr", "Les pourparlers menés par le Qatar ont repris mardi à Doha.", "CONSULT", "QAT", "participle_agent"),
    ("ro", "Armistițiul a fost semnat sâmbătă, la capătul unor discuții mediate de Turcia.",
     "CONSULT", "TUR", "participle_agent"),
    ("ro", "Poliția a reținut marți la Cluj trei bărbați suspectați că ar fi spionat pentru Moscova.",
     "COERCE", "ROU", "organ_where_it_acts"),
    ("en", "The opposition demanded on Monday the resignation of Georgian Prime Minister Irakli Kobakhidze.",
     "REQUEST", "GEO", "domestic_group"),
    ("en", "Moscow said that its forces struck a fuel depot near Lviv on Monday.", "ASSAULT", "RUS",
     "own_possessive"),
])
def test_roles_frame_rule_decides_and_is_recorded(lang: str, text: str, etype: str, actor: str, rule: str) -> None:
    ev = of_type(text, lang, etype)
    assert country(ev["actor"]) == actor
    assert f"|actor:{rule}" in ev["rule"]


@pytest.mark.parametrize("lang,text,target", [
    ("fr", "Des responsables azerbaïdjanais ont rappelé que le 10 mars une frappe aérienne sur le consulat "
           "de l'Azerbaïdjan à Kharkiv avait endommagé le bâtiment.", "AZE"),
])
def test_roles_frame_event_noun_target_is_never_the_attacker(lang: str, text: str, target: str) -> None:
    ev = of_type(text, lang, "ASSAULT")
    assert country(ev["actor"]) != target and country(ev["recipient"]) == target


@pytest.mark.parametrize("lang,text,mediator", [
    ("ru", "Переговоры сторон при посредничестве Катара прошли в среду в Дохе.", "QAT"),
])
def test_roles_frame_mediator_is_the_actor(lang: str, text: str, mediator: str) -> None:
    ev = of_type(text, lang, "CONSULT")
    assert country(ev["actor"]) == mediator and country(ev["recipient"]) != mediator


@pytest.mark.parametrize("lang,text,etype,actor", [
    ("en", "Poland expelled a Belarusian diplomat on Monday. Poland accused Belarus of sabotage on Monday. "
           "Belarus's envoy was summoned on Tuesday.", "ACCUSE", "POL"),
    ("it", "Un docente è stato fermato il 3 marzo, ma le autorità iraniane non hanno spiegato i motivi.",
     "COERCE", "IRN"),
])
def test_roles_frame_agentless_act_takes_the_named_state(lang: str, text: str, etype: str, actor: str) -> None:
    ev = [e for e in events(text, lang) if e["event_type"] == etype][-1]
    assert country(ev["actor"]) == actor and ev["actor"]["implicit"] is True


@pytest.mark.parametrize("lang,text", [
    ("en", "Poland summoned Moscow's envoy on Monday."),
    ("de", "Polen bestellte am Montag den Gesandten Moskaus ein."),
])
def test_roles_frame_sentence_roles_are_recorded_in_the_rule_string(lang: str, text: str) -> None:
    ev = of_type(text, lang, "ACCUSE")
    assert country(ev["actor"]) == "POL" and ev["rule"].endswith("|actor:subject_before_verb|recipient:object_after_verb")


@pytest.mark.parametrize("lang,text,mediator,rule", [
    ("uk", "За посередництва Катару в середу сторони обмінялися полоненими.", "QAT", "mediator_not_party"),
    ("uk", "За посередництва Катару в середу відбувся обмін полоненими між Україною та Росією.", "QAT",
     "between_parties"),  # the sides named after "між" act
])
def test_roles_frame_mediator_is_no_side_of_the_act(lang: str, text: str, mediator: str, rule: str) -> None:
    evs = [e for e in events(text, lang) if e["event_type"] == "RETREAT"]
    assert evs and all(country(e["actor"]) != mediator for e in evs)
    assert any(f"|actor:{rule}" in e["rule"] for e in evs)
