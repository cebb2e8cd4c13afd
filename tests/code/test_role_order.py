"""Role rules for lists and word order (role_order.py) and the coder guards they rely on, per language."""
from __future__ import annotations

import pytest

import muster

PUB = "2025-06-10"


def events(text: str, lang: str) -> list[dict]:
    return [e.to_dict() for e in muster.extract(text, published=PUB, lang=lang)]


def country(slot: dict | None) -> str | None:
    return (slot or {}).get("country")


@pytest.mark.parametrize("lang,text,etype,actors,recipient", [
    ("de", "Die Ukraine wurde von Polen, Litauen und Lettland unterstützt.", "SUPPORT", {"POL", "LTU", "LVA"}, "UKR"),
    ("de", "Der Iran wurde von Russland und China unterstützt.", "SUPPORT", {"RUS", "CHN"}, "IRN"),
    ("en", "Ukraine was backed by Poland and Lithuania.", "SUPPORT", {"POL", "LTU"}, "UKR"),
])
def test_role_order_agent_list_all_act(lang: str, text: str, etype: str, actors: set[str], recipient: str) -> None:
    got = [e for e in events(text, lang) if e["event_type"] == etype]
    assert {country(e["actor"]) for e in got} == actors
    assert all(country(e["recipient"]) == recipient for e in got)


@pytest.mark.parametrize("lang,text", [
    ("en", "North Korea fired a ballistic missile on Monday. The test was condemned by Japan, Australia and Canada."),
])
def test_role_order_agent_list_copies_answer_the_told_act(lang: str, text: str) -> None:
    got = [e for e in events(text, lang) if e["event_type"] == "ACCUSE"]
    assert len(got) == 3 and all(country(e["recipient"]) == "PRK" for e in got)


@pytest.mark.parametrize("lang,text,etype,actor,recipient", [
    ("de", "Die Verhandlungen mit Kiew brach Moskau am Montag ab.", "SANCTION", "RUS", "UKR"),
    ("de", "Den Dialog mit Minsk setzte Warschau am Freitag aus.", "SANCTION", "POL", "BLR"),
])
def test_role_order_fronted_object_is_not_subject(lang: str, text: str, etype: str, actor: str, recipient: str) -> None:
    got = [e for e in events(text, lang) if e["event_type"] == etype]
    assert got and country(got[0]["actor"]) == actor and country(got[0]["recipient"]) == recipient


@pytest.mark.parametrize("lang,text,etype,actor,not_recipient", [
    ("de", "Die USA griffen Stellungen der vom Iran unterstützten Huthi-Miliz an.", "ASSAULT", "USA", "IRN"),
])
def test_role_order_attributive_agent_is_no_party(lang: str, text: str, etype: str, actor: str,
                                                  not_recipient: str) -> None:
    got = [e for e in events(text, lang) if e["event_type"] == etype]
    assert got and country(got[0]["actor"]) == actor
    assert got[0]["recipient"] is not None and country(got[0]["recipient"]) != not_recipient


@pytest.mark.parametrize("lang,text,etype,expected", [
    ("de", "Die von Moskau unterstützte Region erklärte ihre Unabhängigkeit.", "SUPPORT", False),
    ("de", "Die USA griffen Stellungen der vom Iran unterstützten Huthi-Miliz an.", "SUPPORT", False),
    ("de", "Die von Peking gelobte Initiative scheiterte.", "SUPPORT", False),
    ("de", "Frankreich unterstützte Kiew.", "SUPPORT", True),
    ("de", "Die USA unterstützten Kiew am Montag.", "SUPPORT", True),
])
def test_guards_attributive_participle_is_no_act(lang: str, text: str, etype: str, expected: bool) -> None:
    assert any(e["event_type"] == etype for e in events(text, lang)) is expected


@pytest.mark.parametrize("lang,text,etype", [
    ("it", "Mosca ha risposto con un'offensiva contro l'Ucraina.", "ASSAULT"),
    ("it", "Mosca ha risposto con una offensiva contro l'Ucraina.", "ASSAULT"),
])
def test_coder_elided_indefinite_article_introduces_event(lang: str, text: str, etype: str) -> None:
    got = [e for e in events(text, lang) if e["event_type"] == etype]
    assert got and country(got[0]["recipient"]) == "UKR"


@pytest.mark.parametrize("lang,text,recipient", [
    ("de", "Finnland schließt seine Grenze zu Russland. Die Regierung beschloss am Dienstag, auch den letzten "
           "Übergang im Norden zu sperren.", "RUS"),
    ("en", "Russia has sent thousands of migrants to the frontier, Helsinki says. On Tuesday Finland closed the last "
           "border crossing in the north.", "RUS"),
])
def test_role_story_border_closure_aims_at_neighbour(lang: str, text: str, recipient: str) -> None:
    got = [e for e in events(text, lang) if e["event_type"] in ("COERCE", "SANCTION")]
    assert got and all(country(e["recipient"]) == recipient for e in got)


@pytest.mark.parametrize("lang,text,recipient", [
    ("it", "Il 26 luglio Washington qualificò la presa del potere in Niger come golpe e sospese gli aiuti.", "NER"),
    ("en", "On Monday the United States condemned the coup in Niger and suspended its aid.", "NER"),
])
def test_role_story_second_predicate_keeps_target(lang: str, text: str, recipient: str) -> None:
    got = [e for e in events(text, lang) if e["event_type"] == "SANCTION"]
    assert got and country(got[0]["recipient"]) == recipient


@pytest.mark.parametrize("lang,text,recipient", [
    ("en", "Kenya's parliament passed the bill on Tuesday. Police opened fire on protesters outside parliament.", "KEN"),
    ("fr", "Le Sénégal a reporté l'élection. La police a tiré sur des manifestants mardi.", "SEN"),
])
def test_role_story_people_attacked_have_the_story_country(lang: str, text: str, recipient: str) -> None:
    got = [e for e in events(text, lang) if e["event_type"] == "ASSAULT"]
    assert got and country(got[0]["recipient"]) == recipient


@pytest.mark.parametrize("lang,text,actor,recipient", [
    ("ru", "Во вторник послы стран ЕС в Брюсселе согласовали новые санкции против России.", "EU", "RUS"),
    ("uk", "У вівторок посли ЄС у Брюсселі погодили нові санкції проти Росії.", "EU", "RUS"),
])
def test_role_order_locative_party_is_not_target(lang: str, text: str, actor: str, recipient: str) -> None:
    got = [e for e in events(text, lang) if e["event_type"] == "SANCTION"]
    assert got and country(got[0]["recipient"]) == recipient and (got[0]["actor"] or {}).get("code") == actor


@pytest.mark.parametrize("lang,text", [
    ("ro", "Israelul a bombardat marți o bază iraniană. Iranul a condamnat atacul drept „o încălcare gravă a Cartei ONU”."),
    ("en", 'Israel bombed an Iranian base on Tuesday. Iran condemned the attack as "a grave breach of the UN Charter".'),
])
def test_role_order_quoted_label_party_is_not_object(lang: str, text: str) -> None:
    got = [e for e in events(text, lang) if e["event_type"] == "ACCUSE"]
    assert got and country(got[0]["actor"]) == "IRN" and country(got[0]["recipient"]) == "ISR"


@pytest.mark.parametrize("lang,text,actor,recipient", [
    ("en", "China built a runway on the reef, prompting protests from Vietnam.", "VNM", "CHN"),
    ("en", "Kyiv demanded from Moscow the return of the children.", "UKR", "RUS"),  # a verb's own addressee stays
])
def test_role_order_noun_source_acts(lang: str, text: str, actor: str, recipient: str) -> None:
    got = [e for e in events(text, lang) if e["event_type"] in ("PROTEST", "ACCUSE", "REQUEST")]
    assert got and country(got[0]["actor"]) == actor and country(got[0]["recipient"]) == recipient


@pytest.mark.parametrize("lang,text,actor,recipient", [
    ("ro", "Serbia a arestat trei polițiști kosovari, pe care i-a acuzat că au trecut ilegal frontiera.", "SRB", "XKX"),
    ("ro", "Guvernul a expulzat doi diplomați ruși, pe care i-a acuzat de spionaj.", None, "RUS"),
])
def test_role_order_marked_relative_is_object(lang: str, text: str, actor: str | None, recipient: str) -> None:
    got = [e for e in events(text, lang) if e["event_type"] == "ACCUSE"]
    assert got and country(got[0]["recipient"]) == recipient
    assert actor is None or country(got[0]["actor"]) == actor


@pytest.mark.parametrize("lang,text,etype,recipients", [
    ("en", "Macron received the leaders of Germany, Italy and Spain at the Elysee on Monday.", "CONSULT",
     {"DEU", "ITA", "ESP"}),
    ("en", "The United States accused Russia, Iran and China of interference.", "ACCUSE", {"RUS", "IRN", "CHN"}),
    ("fr", "Les États-Unis ont accusé la Russie, l'Iran et la Chine d'ingérence.", "ACCUSE", {"RUS", "IRN", "CHN"}),
    ("fr", "L'Ukraine a été soutenue par la Pologne, l'Estonie et la Lettonie.", "SUPPORT", {"UKR"}),
])
def test_role_order_recipient_list_each_receives(lang: str, text: str, etype: str, recipients: set[str]) -> None:
    got = [e for e in events(text, lang) if e["event_type"] == etype]
    assert {country(e["recipient"]) for e in got} == recipients


@pytest.mark.parametrize("lang,text,actor,recipients", [
    ("en", "Turkey hosted talks between Russia and Ukraine in Istanbul on Tuesday.", "TUR", {"RUS", "UKR"}),
    ("en", "Trump announced a ceasefire between Israel and Iran.", "ISR", {"IRN"}),  # the announcer is no side
])
def test_role_sentence_between_parties_host_meets_both(lang: str, text: str, actor: str, recipients: set[str]) -> None:
    got = [e for e in events(text, lang) if e["event_type"] in ("CONSULT", "RETREAT")]
    assert {country(e["actor"]) for e in got} == {actor}
    assert {country(e["recipient"]) for e in got} == recipients
