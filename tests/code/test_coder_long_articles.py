"""Rules from long analysis articles (blind batch 4): crossheads, appositions, pronominal verbs, attributive cues."""
from __future__ import annotations

import pytest

import muster


def _events(text: str, lang: str, published: str) -> list[dict]:
    return [e.to_dict() for e in muster.extract(text, published=published, lang=lang)]


@pytest.mark.parametrize("lang,text,label", [
    ("ro", "Ministrul a plecat.\nMinistrul Apărării a vorbit marți cu presa.\nVizita ministrului\n"
           "Ministrul va merge joi la Tulcea.", "Vizita ministrului"),
    ("fr", "Titre\nLe ministre a parlé mardi.\nUn employé détenu depuis mai\nLe différend continue.",
     "Un employé détenu depuis mai"),
])
def test_coder_crosshead_in_body_yields_no_event(lang, text, label):
    events = _events(text, lang, "2025-06-11")
    assert not any(e["evidence"]["sentence"] == label for e in events)


@pytest.mark.parametrize("lang,text,etype,not_year", [
    ("ro", "Oligarhul fugar Ilan Șor, condamnat în lipsă în 2023 pentru frauda bancară, a respins acuzațiile guvernului.",
     "REJECT", "2023"),
    ("en", "The exiled tycoon, convicted in absentia in 2023 for bank fraud, rejected the charges of the government.",
     "REJECT", "2023"),
])
def test_coder_date_in_apposition_does_not_date_the_main_verb(lang, text, etype, not_year):
    events = [e for e in _events(text, lang, "2025-08-27") if e["event_type"] == etype]
    assert events and all(not (e["date"]["value"] or "").startswith(not_year) for e in events)


def test_coder_pronominal_compound_past_is_not_passive():
    events = _events("Les derniers soldats français se sont retirés du Niger en décembre 2023.", "fr", "2025-09-18")
    ev = next(e for e in events if e["event_type"] == "RETREAT")
    assert ev["actor"]["country"] == "FRA" and ev["recipient"]["country"] == "NER"


@pytest.mark.parametrize("text,hypothetical", [
    ("Beijing protested last week against a planned sale of air-defence systems to Taiwan.", False),
    ("Beijing said it planned to protest against the sale of air-defence systems to Taiwan.", True),
])
def test_coder_attributive_cue_modifies_the_noun_not_the_verb(text, hypothetical):
    events = [e for e in _events(text, "en", "2025-11-05") if e["event_type"] in ("PROTEST", "ACCUSE")]
    assert events and all(e["hypothetical"] is hypothetical for e in events)
