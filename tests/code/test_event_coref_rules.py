"""The rules behind event coreference: places, kinds, parties, cue words and counts, the headline."""
from __future__ import annotations

import pytest

from muster.code.coref_cues import Cues
from muster.code.coref_match import same_kind, same_place
from muster.code.coref_parties import Parties
from muster.code.event_coref import headline_end
from muster.ingest import from_text
from muster.model import Event
from muster.pipeline import DEFAULT, build

CODER_ONLY = tuple(n for n in DEFAULT if n != "event_coref")
KYIV = {"name": "Kyiv", "country": "UKR", "admin1": "Kyiv City", "lat": 50.45, "lon": 30.52}
BROVARY = {"name": "Brovary", "country": "UKR", "admin1": "Kyiv Oblast", "lat": 50.51, "lon": 30.79}
ODESA = {"name": "Odesa", "country": "UKR", "admin1": "Odesa Oblast", "lat": 46.48, "lon": 30.73}
UKRAINE = {"name": "Ukraine", "country": "UKR", "admin1": None, "lat": 49.0, "lon": 32.0}
HAMA = {"name": "Hama", "country": "SYR", "admin1": "Hama", "lat": 35.13, "lon": 36.75}
ALEPPO = {"name": "Aleppo", "country": "SYR", "admin1": "Aleppo", "lat": 36.20, "lon": 37.16}
FEATURES = {"Kyiv": "city", "Brovary": "city", "Odesa": "city", "Ukraine": "country", "Hama": "admin1",
            "Aleppo": "city"}


@pytest.mark.parametrize("a,b,same", [
    (KYIV, KYIV, True), (KYIV, BROVARY, True), (KYIV, None, True), (KYIV, UKRAINE, True),
    (KYIV, ODESA, False), (HAMA, ALEPPO, False), (BROVARY, UKRAINE, True),
    (ODESA, {**ODESA, "name": "Chișinău", "country": "MDA"}, False),
])
def test_event_coref_rules_same_place(a, b, same) -> None:
    assert same_place(a, b, FEATURES) is same


def ev(etype="ASSAULT", cameo="190", mode=None, actor=None, recipient=None, implicit=(False, False)) -> Event:
    def party(c, imp):
        return None if c is None else {"text": c, "name": c, "code": c, "country": c, "implicit": imp}
    return Event(event_type=etype, doc_id="d", evidence={"sentence": "", "start": 0, "end": 0}, cameo=cameo,
                 mode=mode, actor=party(actor, implicit[0]), recipient=party(recipient, implicit[1]))


@pytest.mark.parametrize("a,b,same", [
    (ev(cameo="190"), ev(cameo="195", mode="drone"), True),  # a general code fits a specific one
    (ev(cameo="195", mode="drone"), ev(cameo="195", mode="aerial"), False),
    (ev("ACCUSE", "111"), ev("ACCUSE", "114"), False),  # a criticism is no summons
    (ev("COERCE", "172"), ev("COERCE", "175"), False),
    (ev("ACCUSE", "114"), ev("REJECT", "114"), False),
])
def test_event_coref_rules_same_kind(a, b, same) -> None:
    assert same_kind(a, b) is same


@pytest.mark.parametrize("head,body,agree", [
    # a headline's swapped noun phrase ("Drohnenangriff beschädigt aserbaidschanische Botschaft")
    (ev(actor="AZE", recipient="RUS", implicit=(False, True)), ev(actor="RUS", recipient="AZE"), True),
    # a headline's inferred actor is a guess the body corrects
    (ev("ACCUSE", "114", actor="RUS", recipient="RUS", implicit=(True, False)),
     ev("ACCUSE", "114", actor="AZE", recipient="RUS"), True),
    # below the headline an inferred actor that differs parts them, and a named one always
    (ev(actor="CHN", recipient="TWN"), ev(actor="TWN", recipient="CHN", implicit=(True, True)), False),
    (ev(actor="RUS", recipient="UKR"), ev(actor="UKR", recipient="UKR"), False),
    # one speaker's statement: the speaker must be known on both sides
    (ev("REQUEST", "100", actor=None, recipient="POL"), ev("REQUEST", "100", actor="UKR", recipient="POL"), False),
])
def test_event_coref_rules_parties(head, body, agree) -> None:
    parties = Parties()
    parties.add(head, loose=True)
    assert parties.agree(body, loose=False) is agree


@pytest.mark.parametrize("lang,text,new", [
    ("en", "Russian drones struck Odesa again on Friday.", True),
    ("en", "Another Russian strike hit Kharkiv.", True),
    ("en", "Russian drones struck Odesa on Friday.", False),
    ("de", "Russische Drohnen griffen Odessa erneut an.", True),
    ("ru", "В тот же день были задержаны ещё восемь человек.", True),
    ("it", "Gaza, liberati altri 13 ostaggi.", True),
    ("fr", "Un missile a de nouveau frappé Odessa.", True),
])
def test_event_coref_rules_new_incident_cue(lang, text, new) -> None:
    doc = build(lang, CODER_ONLY)(from_text(text, published="2025-09-05", lang=lang))
    assert doc.events, text
    cues = Cues.of(doc, lang)
    assert cues.new_incident(doc, doc.events[0]) is new


def test_event_coref_rules_counts_skip_the_date() -> None:
    text = "Hamas released 13 hostages on 24 November 2023."
    doc = build("en", CODER_ONLY)(from_text(text, published="2023-11-25", lang="en"))
    (event,) = doc.events
    assert Cues.of(doc, "en").counts(doc, event) == frozenset({"13"})


@pytest.mark.parametrize("text,end", [
    ("Drone strike damages embassy\n\nA drone exploded.", 28),
    ("A drone exploded near the embassy.\nNo one was hurt.", -1),  # a first line ending like a sentence
    ("One paragraph only.", -1),
])
def test_event_coref_rules_headline(text, end) -> None:
    assert headline_end(text) == end
