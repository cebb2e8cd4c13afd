"""General German and French coder rules from blind batch 3 (real pipeline, one sentence each)."""
from __future__ import annotations

import pytest

import muster


def events(text: str, lang: str, published: str = "2025-03-12") -> list[dict]:
    return [e.to_dict() for e in muster.extract(text, published=published, lang=lang)]


def find(evs: list[dict], etype: str) -> dict:
    got = [e for e in evs if e["event_type"] == etype]
    assert got, evs
    return got[0]


def country(party: dict | None) -> str | None:
    return (party or {}).get("country")


@pytest.mark.parametrize("lang,text,etype,actor,recipient", [
    # German: "als" without a comma is a preposition, so the separable particle closes the same clause
    ("de", "Moskau wies die Kritik als Einmischung in innere Angelegenheiten zurück.", "REJECT", "RUS", None),
    # a verb right after "und" shares the earlier subject (no inverted subject after it)
    ("de", "Das Verteidigungsministerium in Taipeh verurteilte die Übungen und versetzte die eigenen "
           "Streitkräfte in erhöhte Alarmbereitschaft.", "MOBILIZE", "TWN", None),
    # an exercise's holder is the clause subject; "rund um X" aims at X
    ("de", "Chinas Armee hat am Dienstag ein Manöver rund um Taiwan begonnen.", "MOBILIZE", "CHN", "TWN"),
    # co-actors before a verb-final clause: one event each
    ("de", "Lettland und Litauen erklärten sich am Freitag mit Estland solidarisch.", "SUPPORT", "LVA", "EST"),
    ("de", "Die EU-Kommission hat am Freitag Ausgleichszölle auf Fahrzeuge aus China verhängt.", "SANCTION", None, "CHN"),
    # French: "est arrivée" is a perfect with "être", not a passive; the city visited gives the host
    ("fr", "Une délégation israélienne est arrivée au Caire dimanche.", "CONSULT", "ISR", "EGY"),
    # elided article after the recipient preposition: "à l'Azerbaïdjan"
    ("fr", "En avril 2024, Erevan a accepté de restituer à l'Azerbaïdjan quatre villages.", "AGREE", "ARM", "AZE"),
    # a clitic before a present participle is an object pronoun, not an article
    ("fr", "Le Mali a suspendu lundi deux chaînes françaises, les accusant de relayer la propagande.",
     "ACCUSE", "MLI", "FRA"),
    # an organisation calling on "both sides" stays the actor
    ("fr", "L'Union européenne a appelé mardi les deux parties à la retenue.", "REQUEST", None, None),
    ("fr", "La Lituanie a fermé mercredi deux points de passage à la frontière avec le Bélarus.", "SANCTION", "LTU", "BLR"),
])
def test_coder_de_fr_rules_type_and_parties(lang: str, text: str, etype: str, actor: str | None,
                                            recipient: str | None) -> None:
    e = find(events(text, lang), etype)
    assert not e["hypothetical"] and not e["negated"]
    if actor:
        assert country(e["actor"]) == actor, e["actor"]
    if recipient:
        assert country(e["recipient"]) == recipient, e["recipient"]
    if etype == "REQUEST" and lang == "fr":
        assert (e["actor"] or {}).get("code") == "EU", e["actor"]


@pytest.mark.parametrize("lang,text,etype", [
    # a condition after "A et B si ..." binds B: the summons happened
    ("fr", "Le gouvernement lituanien a convoqué le chargé d'affaires bélarusse et menace de fermer la "
           "frontière si les survols se poursuivent.", "ACCUSE"),
])
def test_coder_de_fr_condition_binds_the_nearest_predicate(lang: str, text: str, etype: str) -> None:
    e = find(events(text, lang), etype)
    assert not e["hypothetical"]


@pytest.mark.parametrize("lang,text,etype", [
    ("fr", "Les médiateurs ont soumis une proposition prévoyant un cessez-le-feu et la libération des otages.", "RETREAT"),
])
def test_coder_de_fr_planned_content_is_hypothetical(lang: str, text: str, etype: str) -> None:
    evs = [e for e in events(text, lang) if e["event_type"] == etype]
    assert evs and all(e["hypothetical"] for e in evs)


@pytest.mark.parametrize("lang,text,etype", [
    ("fr", "Interrogé par la presse, le porte-parole du gouvernement a refusé de commenter.", "REJECT"),
    ("fr", "La décision a été prise après la diffusion d'un entretien avec un chef jihadiste.", "CONSULT"),
    ("de", "Damals hatte Peking die Übungen als Reaktion auf eine Rede bezeichnet.", "ACCUSE"),
])
def test_coder_de_fr_no_event(lang: str, text: str, etype: str) -> None:
    assert not [e for e in events(text, lang) if e["event_type"] == etype and not e["hypothetical"]]
