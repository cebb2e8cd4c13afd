"""The role engine: every language lists its role rules by name, each rule is documented, and each records its slot."""
from __future__ import annotations

import inspect
from typing import Any

import pytest

import muster
from muster.code import role_engine
from muster.code.role_facts import ROLE_WORDS
from muster.lang import SUPPORTED, load_yaml

PUB = "2025-06-10"


def listed(lang: str) -> dict[str, list[str]]:
    return (load_yaml(lang, "roles.yaml") or {}).get("role_rules") or {}


@pytest.mark.parametrize("lang", SUPPORTED)
def test_role_engine_every_listed_rule_exists(lang: str) -> None:
    got = listed(lang)
    assert set(got) == set(role_engine.PHASES)
    names = [n for phase in role_engine.PHASES for n in got[phase]]
    assert names and all(n in role_engine.RULES for n in names), [n for n in names if n not in role_engine.RULES]
    assert len(names) == len(set(names))  # a rule runs once
    assert all(len(role_engine.order(lang)[p]) == len(got[p]) for p in role_engine.PHASES)


def test_role_engine_every_rule_is_listed_somewhere() -> None:
    used = {n for lang in SUPPORTED for phase in role_engine.PHASES for n in listed(lang)[phase]}
    assert set(role_engine.RULES) <= used, set(role_engine.RULES) - used


@pytest.mark.parametrize("name", sorted(role_engine.RULES))
def test_role_engine_rule_is_short_and_has_its_example(name: str) -> None:
    rule = role_engine.RULES[name]
    doc = inspect.getdoc(rule) or ""
    assert doc.startswith(("\"", "“")) or "\"" in doc.split(":")[0], doc  # the example sentence comes first
    assert len(inspect.getsource(rule).splitlines()) <= 40


def recorded(ev: dict[str, Any]) -> dict[str, str]:
    """slot -> rule from the event's rule string ("...|actor:NAME|recipient:NAME")."""
    return dict(part.split(":", 1) for part in ev["rule"].split("|")[1:])


# (lang, text, type, slot, rule, country of the slot)
EXAMPLES = [
    ("en", "The embassy was attacked by Russian drones on Monday.", "ASSAULT", "actor", "passive_agent", "RUS"),
    ("de", "Die Botschaft wurde am Montag von russischen Drohnen angegriffen.", "ASSAULT", "actor", "passive_agent",
     "RUS"),
    ("fr", "L'ambassadeur russe a été convoqué lundi par le ministère français.", "ACCUSE", "actor", "passive_agent",
     "FRA"),
    ("en", "The Russian ambassador was summoned to the Foreign Office by Britain on Monday.", "ACCUSE", "recipient",
     "recipient_preposition", "GBR"),
    ("ru", "Российская ракета ударила по украинскому порту в понедельник.", "ASSAULT", "recipient",
     "recipient_preposition", "UKR"),
    ("de", "Der russische Botschafter wurde am Montag ins Auswärtige Amt einbestellt.", "ACCUSE", "recipient",
     "passive_subject", "RUS"),
    ("ru", "Посла России вызвали в МИД Польши в понедельник.", "ACCUSE", "recipient", "passive_subject", "RUS"),
    ("en", "A Russian missile hit a Ukrainian port on Monday.", "ASSAULT", "actor", "weapon_subject", "RUS"),
    ("de", "Eine russische Rakete traf am Montag den ukrainischen Hafen.", "ASSAULT", "recipient",
     "weapon_subject_target", "UKR"),
    ("en", "Poland expelled two Russian diplomats on Monday.", "SANCTION", "actor", "subject_before_verb", "POL"),
    ("ru", "В понедельник Польша выслала двух российских дипломатов.", "SANCTION", "recipient", "object_after_verb",
     "RUS"),
    ("fr", "La France a expulsé deux diplomates russes lundi.", "SANCTION", "recipient", "object_after_verb", "RUS"),
    ("de", "Am Montag wies Litauen zwei russische Diplomaten aus.", "SANCTION", "actor", "inverted_subject", "LTU"),
    ("de", "Litauen hat am Montag zwei russische Diplomaten ausgewiesen.", "SANCTION", "actor", "verb_final_subject",
     "LTU"),
    ("fr", "Une frappe aérienne russe contre l'Ukraine a eu lieu lundi.", "ASSAULT", "actor", "event_noun_modifier",
     "RUS"),
    ("en", "Russia admitted on Monday that it had hit a Ukrainian port.", "CONCEDE", "recipient",
     "complement_recipient", "UKR"),
    ("ru", "В Москве обвинения отвергли в понедельник.", "REJECT", "actor", "impersonal_locative", "RUS"),
    ("de", "In Kiew wurde am Montag der russische Botschafter einbestellt.", "ACCUSE", "actor", "impersonal_locative",
     "UKR"),
    ("en", "Serbia closed the border crossing on Monday, a step Kosovo criticised.", "ACCUSE", "recipient",
     "appositive_target", "SRB"),
    ("en", "Qatar met the delegations of Ukraine and Russia on Monday.", "CONSULT", "recipient",
     "coordinated_recipient", "RUS"),
    ("en", "Poland expelled two Russian diplomats on Monday, accusing them of espionage.", "ACCUSE", "recipient",
     "pronoun_object_previous", "RUS"),
    ("en", "Poland expelled two Russian diplomats on Monday, accusing them of espionage.", "ACCUSE", "actor",
     "shared_subject_actor", "POL"),
    ("en", "The talks between Armenia and Azerbaijan ended on Monday.", "CONSULT", "recipient", "between_parties",
     "AZE"),
    ("en", "The visit of the French president to Egypt ended on Monday.", "CONSULT", "actor", "noun_genitive_chain",
     "FRA"),
    ("en", "Police arrested three men in Tbilisi on Monday.", "COERCE", "actor", "organ_where_it_acts", "GEO"),
    ("en", "Police arrested three men in Tbilisi on Monday.", "COERCE", "recipient", "domestic_recipient", "GEO"),
    ("en", "Thousands of people protested in Tbilisi on Monday.", "PROTEST", "actor", "state_act", "GEO"),
    ("en", "Poland's foreign ministry, which also summoned the Russian envoy, condemned the attack on Monday.", "ACCUSE",
     "actor", "relative_subject", "POL"),
    ("en", "Lithuania expelled two Belarusian diplomats on Monday. Belarus condemned the decision on Tuesday.",
     "ACCUSE", "recipient", "reply_to_actor_on_me", "LTU"),
    ("de", "Am Montag verurteilte Aserbaidschan den Angriff auf seine Botschaft in Kiew.", "ASSAULT", "recipient",
     "possessive_target", "AZE"),
    ("ru", "Посольство Азербайджана в понедельник получило ноту протеста от МИД России.", "ACCUSE", "actor",
     "received_from", "RUS"),
]


@pytest.mark.parametrize("lang,text,etype,slot,rule,country", EXAMPLES)
def test_role_engine_rule_decides_its_slot(lang: str, text: str, etype: str, slot: str, rule: str, country: str) -> None:
    evs = [e.to_dict() for e in muster.extract(text, published=PUB, lang=lang)]
    got = [e for e in evs if e["event_type"] == etype and recorded(e).get(slot) == rule]
    assert got, [(e["event_type"], e["rule"]) for e in evs]
    assert (got[0][slot] or {}).get("country") == country


@pytest.mark.parametrize("lang", SUPPORTED)
def test_role_engine_every_language_has_the_same_role_words(lang: str) -> None:
    data = load_yaml(lang, "roles.yaml") or {}
    assert set(data.get("words") or {}) == set(ROLE_WORDS)
    assert all(isinstance(w, str) for ws in data["words"].values() for w in ws or [])
    assert isinstance(data.get("pro_drop"), bool)
