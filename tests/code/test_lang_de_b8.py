"""German coder rules added after blind batch 8 (real pipeline): restrictions, sabotage, blame, talks, replies."""
from __future__ import annotations

import pytest

import muster
from coded import assert_coded, facts as _facts


def facts(text: str, published: str = "2024-02-12") -> list[dict]:
    return _facts(text, "de", published)


@pytest.mark.parametrize("text,etype,rule,actor,recipient", [
    ("Im Herbst schränkte Norwegen die Einreise belarussischer Lkw-Fahrer deutlich ein.", "COERCE",
     "coerce.restrict", "NOR", "BLR"),
    ("Unbekannte hatten in der Nacht ein Seekabel in der Ostsee durchtrennt.", "ASSAULT", "assault.sabotage",
     None, None),
    ("Die Marine versenkte am Sonntag zwei Schnellboote der Rebellen.", "ASSAULT", "assault.sink", None, None),
    ("Tausende Anhänger der Opposition stürmten am Montag das Parlamentsgebäude.", "ASSAULT", "assault.storm",
     None, None),
    ("Hunderte Demonstranten blockierten am Dienstag stundenlang die Hauptverkehrsstraße.", "PROTEST",
     "protest.", None, None),
    ("Die Behörden reagierten mit einer Verhaftungswelle.", "COERCE", "coerce.arrest.wave", None, None),
    ("Die Polizei verdächtigt den georgischen Geschäftsmann, Geld gewaschen zu haben.", "ACCUSE",
     "accuse.suspect", None, "GEO"),
    ("Die Kommission hatte Syrien für den Giftgasangriff verantwortlich erklärt.", "ACCUSE", "accuse.blame",
     None, None),
    ("Kanada hatte Iran im Juni offiziell die Verantwortung für den Absturz zugewiesen.", "ACCUSE",
     "accuse.blame", "CAN", None),
    ("Geklagt hatte Georgien.", "ACCUSE", "accuse.sue", "GEO", None),
    ("Lawrow kündigte an, Russland werde auf die Ausweisungen angemessen reagieren.", "THREATEN",
     "threaten.react", "RUS", None),
    ("Die Regierung in Rom äußerte Verständnis für den Militäreinsatz.", "SUPPORT", "support.understanding",
     None, None),
    ("Die Regierung hat Gespräche mit der Opposition über eine Reform aufgenommen.", "CONSULT",
     "consult.open-talks", None, None),
    ("Die Verhandlungen darüber brach Moskau im Mai ab.", "SANCTION", "sanction.break-talks", None, None),
    ("Die Behörden ließen am Wahltag das Internet abschalten.", "COERCE", "coerce.censor", None, None),
    ("Litauen hat am Freitag ein Patrouillenboot in die Ostsee entsandt.", "MOBILIZE", "mobilize.deploy",
     "LTU", None),
    ("Drei Raketen zielten am Dienstag auf Handelsschiffe im Roten Meer.", "ASSAULT", "assault.aim", None, None),
    ("Tausende Anhänger kamen am Sonntag in Gewahrsam.", "COERCE", "coerce.detained", None, None),
    ("Der Oppositionspolitiker sitzt seit Mai in Haft.", "COERCE", "coerce.detained", None, None),
    ("Warschau hatte am Dienstag den Konzern auf seine Sanktionsliste gesetzt.", "SANCTION", "sanction.list",
     "POL", None),
    ("Die Bundesregierung entzieht drei russischen Konsulaten die Zustimmung zum Betrieb.", "SANCTION",
     "sanction.revoke-consent", "DEU", "RUS"),
    ("Russland annektierte 2014 die ukrainische Halbinsel Krim.", "ASSAULT", "assault.annex", "RUS", "UKR"),
])
def test_lang_de_b8_rule_codes_the_event(text: str, etype: str, rule: str, actor: str | None,
                                         recipient: str | None) -> None:
    assert_coded(facts(text), etype, rule, actor, recipient)


@pytest.mark.parametrize("text,etype", [
    ("Der verdächtigte Mann wurde am Montag festgenommen.", "ACCUSE"),                 # a suspect, no accusation
    ("Am Montag wurde der Verdächtigte einem Richter vorgeführt.", "ACCUSE"),         # the noun "suspect"
    ("Die Produktion wurde im Werk deutlich eingeschränkt.", "COERCE"),               # no freedom restricted
    ("Der Minister sagte, man werde die Lage prüfen und reagieren.", "THREATEN"),     # no threatening adverb
    ("Die Stadt hat die Straßenbahnlinie gekappt.", "ASSAULT"),                       # no cable or pipeline
])
def test_lang_de_b8_guarded_forms_code_no_event(text: str, etype: str) -> None:
    assert etype not in {e["event_type"] for e in facts(text)}


@pytest.mark.parametrize("text,name,code", [
    ("Der Europäische Gerichtshof für Menschenrechte hat am Mittwoch geurteilt.", "Europäische Gerichtshof für Menschenrechte", "COE"),
    ("Der EGMR hat am Mittwoch geurteilt.", "EGMR", "COE"),
    ("Die OMV bezieht kein Gas mehr.", "OMV", "AUTBUS"),
    ("Die PTI rief zu Protesten auf.", "PTI", "PAK"),
    ("Die SPD stimmte dagegen.", "SPD", "DEU"),
])
def test_lang_de_b8_institutions_are_actors(text: str, name: str, code: str) -> None:
    doc = muster.process(text, lang="de", published="2025-01-01")
    assert any(doc.clean[m.start:m.end] == name and m.code == code for m in doc.actors), \
        [(doc.clean[m.start:m.end], m.code) for m in doc.actors]


@pytest.mark.parametrize("text", [
    "Die Boeing wurde von einer Buk-Rakete getroffen.",
    "Das Kabel C-Lion1 verbindet Finnland und Deutschland.",
])
def test_lang_de_b8_weapon_and_cable_names_are_no_places(text: str) -> None:
    doc = muster.process(text, lang="de", published="2025-01-01")
    assert not [p for p in doc.places if doc.clean[p.start:p.end] in {"Buk", "Lion"}]
