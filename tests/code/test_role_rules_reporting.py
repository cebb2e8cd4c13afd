"""Role rules of the reporting frame and of event nouns: sources, by-agents, receivers, postings, possessives."""
from __future__ import annotations

from typing import Any

import pytest

import muster

PUB = "2025-06-10"


def events(text: str, lang: str, etype: str) -> list[dict[str, Any]]:
    evs = [e.to_dict() for e in muster.extract(text, published=PUB, lang=lang)]
    got = [e for e in evs if e["event_type"] == etype]
    assert got, [(e["event_type"], e["rule"]) for e in evs]
    return got


def country(party: dict[str, Any] | None) -> str | None:
    return (party or {}).get("country")


def decided(ev: dict[str, Any], slot: str) -> str | None:
    """The role rule the event's rule string names for `slot`."""
    return dict(p.split(":", 1) for p in ev["rule"].split("|")[1:]).get(slot)


@pytest.mark.parametrize("lang,text,etype,source,actor", [
    ("de", "Nach Angaben des aserbaidschanischen Außenministeriums griff eine russische Drohne am Montag die "
           "Botschaft in Kiew an.", "ASSAULT", "AZE", "RUS"),
    ("de", "Laut dem serbischen Sender RTS forderte Vučić am Montag die Schutztruppe KFOR auf, die Serben zu "
           "schützen.", "REQUEST", None, "SRB"),
    ("ru", "По данным МИД Азербайджана, российский беспилотник в понедельник ударил по посольству в Киеве.",
     "ASSAULT", "AZE", "RUS"),
])
def test_role_rules_source_is_never_the_actor(lang: str, text: str, etype: str, source: str | None,
                                              actor: str) -> None:
    ev = events(text, lang, etype)[0]
    assert country(ev["actor"]) == actor and (source is None or country(ev["actor"]) != source)


@pytest.mark.parametrize("lang,text,target", [
    ("de", "Die Armee verletzte am Montag nach Angaben Kiews die Waffenruhe.", "UKR"),
])
def test_role_rules_source_of_an_attack_is_its_target(lang: str, text: str, target: str) -> None:
    ev = events(text, lang, "ASSAULT")[0]
    assert country(ev["recipient"]) == target and decided(ev, "recipient") == "source_as_target"


@pytest.mark.parametrize("lang,text", [
    ("en", "Azerbaijan condemned the strike on its embassy in Kyiv by Russia on Monday."),
    ("fr", "La frappe contre l'ambassade par la Russie lundi a provoqué des protestations."),
    ("de", "Der Angriff auf die Botschaft durch Russland am Montag löste Proteste aus."),
])
def test_role_rules_by_agent_of_an_event_noun_acts(lang: str, text: str) -> None:
    ev = events(text, lang, "ASSAULT")[0]
    assert country(ev["actor"]) == "RUS" and decided(ev, "actor") == "noun_by_agent"


@pytest.mark.parametrize("lang,text,agent", [
    ("en", "The strike on the depot was condemned by Germany on Monday.", "DEU"),
])
def test_role_rules_agent_of_a_participle_is_not_the_nouns(lang: str, text: str, agent: str) -> None:
    assert all(country(e["actor"]) != agent for e in events(text, lang, "ASSAULT"))


@pytest.mark.parametrize("lang,text", [
    ("en", "Azerbaijan condemned the strike on its embassy in Kyiv by Russia on Monday."),
    ("de", "Am Montag verurteilte Aserbaidschan den Angriff auf seine Botschaft in Kiew."),
    ("en", "Azerbaijan summoned the Russian ambassador on Monday after a Russian drone hit its embassy in Kyiv."),
    ("de", "Aserbaidschan bestellte am Montag den russischen Botschafter ein, nachdem eine russische Drohne seine "
           "Botschaft in Kiew getroffen hatte."),
])
def test_role_rules_possessive_target_belongs_to_its_owner(lang: str, text: str) -> None:
    ev = events(text, lang, "ASSAULT")[0]
    assert country(ev["recipient"]) == "AZE" and decided(ev, "recipient") == "possessive_target"


@pytest.mark.parametrize("lang,text", [
    ("en", "Azerbaijan's embassy received a protest note from the Russian foreign ministry on Monday."),
    ("de", "Die Botschaft Aserbaidschans erhielt am Montag eine Protestnote des russischen Außenministeriums."),
    ("fr", "L'ambassade d'Azerbaïdjan a reçu lundi une note de protestation du ministère russe."),
    ("ru", "Посольство Азербайджана в понедельник получило ноту протеста от МИД России."),
])
def test_role_rules_receiver_of_a_note_is_its_recipient(lang: str, text: str) -> None:
    ev = events(text, lang, "ACCUSE")[-1]
    assert (country(ev["actor"]), country(ev["recipient"])) == ("RUS", "AZE")
    assert decided(ev, "recipient") == "received_from"


@pytest.mark.parametrize("lang,text", [
    ("ru", "МИД Азербайджана заявил, что в понедельник вызвал посла России."),
    ("ro", "Ministrul de externe al Azerbaidjanului a declarat că a convocat luni ambasadorul Rusiei."),
])
def test_role_rules_speaker_acts_in_a_subjectless_complement(lang: str, text: str) -> None:
    ev = events(text, lang, "ACCUSE")[0]
    assert (country(ev["actor"]), country(ev["recipient"])) == ("AZE", "RUS")
    assert decided(ev, "actor") == "speaker_of_complement"


@pytest.mark.parametrize("lang,text", [
    ("en", "Officials in Baku said that a Russian drone hit the embassy on Monday."),  # a physical act: not the speaker's
    ("de", "Aserbaidschan bestellte am Montag den russischen Botschafter ein."),  # not pro-drop: no such rule
])
def test_role_rules_speaker_of_complement_only_where_subjects_drop(lang: str, text: str) -> None:
    evs = [e.to_dict() for e in muster.extract(text, published=PUB, lang=lang)]
    assert evs and all(decided(e, "actor") != "speaker_of_complement" for e in evs)


@pytest.mark.parametrize("lang,text", [
    ("en", "Azerbaijan summoned Russia's Ambassador to Baku on Monday."),
    ("en", "Azerbaijan summoned the Russian ambassador to Azerbaijan on Monday."),
    ("de", "Aserbaidschan bestellte am Montag den russischen Botschafter in Baku ein."),
])
def test_role_rules_envoy_posting_is_no_party(lang: str, text: str) -> None:
    ev = events(text, lang, "ACCUSE")[0]
    assert (country(ev["actor"]), country(ev["recipient"])) == ("AZE", "RUS")


@pytest.mark.parametrize("lang,text", [
    ("fr", "Un missile russe a frappé lundi le port ukrainien."),
    ("fr", "Selon le ministère azerbaïdjanais, un drone russe a frappé l'ambassade lundi."),
])
def test_role_rules_weapon_named_before_its_nationality(lang: str, text: str) -> None:
    assert country(events(text, lang, "ASSAULT")[0]["actor"]) == "RUS"


@pytest.mark.parametrize("lang,text", [
    ("en", "Trump announced a ceasefire between Israel and Iran on Monday."),
    ("de", "Trump verkündete am Montag eine Waffenruhe zwischen Israel und Iran."),
    ("ro", "Trump anunță încetarea focului între Israel și Iran."),
])
def test_role_rules_sides_after_between_are_the_parties(lang: str, text: str) -> None:
    evs = events(text, lang, "RETREAT")
    assert {(country(e["actor"]), country(e["recipient"])) for e in evs} == {("ISR", "IRN")}
    assert decided(evs[0], "actor") == "between_parties"


@pytest.mark.parametrize("lang,text,first,second", [
    ("en", "Brazil and Chile criticised the raid, and Nicaragua went further on Saturday, breaking off relations "
           "with Ecuador.", "BRA", "NIC"),
])
def test_role_rules_new_subject_of_a_coordinated_clause_acts(lang: str, text: str, first: str, second: str) -> None:
    assert country(events(text, lang, "SANCTION")[0]["actor"]) == second
    assert first in {country(e["actor"]) for e in events(text, lang, "ACCUSE")}


@pytest.mark.parametrize("lang,text", [
    ("de", "Nach dem Angriff verurteilte die Regierung in Baku am Montag das Vorgehen Russlands."),
    ("en", "After the attack the government in Baku condemned Russia on Monday."),
])
def test_role_rules_attack_in_a_prepositional_phrase_is_no_subject(lang: str, text: str) -> None:
    ev = events(text, lang, "ACCUSE")[0]
    assert (country(ev["actor"]), country(ev["recipient"])) == ("AZE", "RUS")


@pytest.mark.parametrize("lang,text,etype,actor,recipient", [
    ("en", "Two Italian fishermen, seized on Monday by Libyan forces, were released.", "COERCE", "LBY", "ITA"),
    ("it", "Sono liberi i 18 pescatori italiani, sequestrati lunedì dalle forze libiche al largo della Cirenaica.",
     "COERCE", "LBY", "ITA"),
    ("en", "Rwanda, accused by Kinshasa of backing the rebels, denied the claims on Monday.", "ACCUSE", "COD", "RWA"),
    ("en", "Rwanda, accused by Kinshasa of backing the rebels, denied the claims on Monday.", "REJECT", "RWA", "COD"),
])
def test_role_rules_apposed_participle_and_its_head(lang: str, text: str, etype: str, actor: str,
                                                    recipient: str) -> None:
    ev = events(text, lang, etype)[0]
    assert (country(ev["actor"]), country(ev["recipient"])) == (actor, recipient)


@pytest.mark.parametrize("lang,text,actor,rule", [
    ("en", "Gunmen attacked the presidential palace in Bissau on Tuesday. Guinea-Bissau's government said the attack "
           "had failed. Portugal condemned the attack. Guinea-Bissau declared a state of emergency.", "GNB",
     "internal_conflict"),  # Portugal is named, but uses no force: the fight is internal
    ("en", "Russian drones struck Kyiv on Monday. Drones also hit Odesa on Tuesday, Ukraine said. Ukraine condemned "
           "the attacks.", "RUS", "attacker_of_story"),
])
def test_role_rules_unnamed_attacker_from_the_story(lang: str, text: str, actor: str, rule: str) -> None:
    evs = events(text, lang, "ASSAULT")
    assert country(evs[-1]["actor"]) == actor and decided(evs[-1], "actor") == rule


@pytest.mark.parametrize("lang,text", [
    ("en", "Italy accused Russia of hybrid warfare on Monday. A wave of DDoS attacks hit the websites of Italian "
           "ministries on Sunday. Italy blamed Russia for the attacks."),
    ("de", "Deutschland machte am Montag Russland für den Angriff verantwortlich. Hacker drangen am Sonntag in das "
           "Netz des Bundestages ein. Die Bundesregierung verurteilte Russland."),
])
def test_role_rules_cyber_attack_is_not_the_victims_own_act(lang: str, text: str) -> None:
    evs = [e for e in events(text, lang, "COERCE") if e["mode"] == "cyber"]
    assert evs and all(country(e["actor"]) == "RUS" and decided(e, "actor") == "cyber_attacker" for e in evs)


@pytest.mark.parametrize("lang,text,etype,actors", [
    ("en", "Brazil, Colombia, Argentina and Chile all criticised the raid on Monday.", "ACCUSE",
     {"BRA", "COL", "ARG", "CHL"}),
    ("de", "Lettland und Litauen verurteilten am Montag den Angriff.", "ACCUSE", {"LVA", "LTU"}),
])
def test_role_rules_listed_subjects_of_a_statement_each_act(lang: str, text: str, etype: str,
                                                           actors: set[str]) -> None:
    evs = events(text, lang, etype)
    assert {country(e["actor"]) for e in evs} == actors
    assert not any(country(e["recipient"]) in actors for e in evs)
