"""Precision guards (code/guards.py) and the type conventions of docs/coding-conventions.md, on English text."""
from __future__ import annotations

import pytest

import muster
from muster.code.guards import is_adverbial, is_label, is_noun_modifier
from muster.code.lemmas import tokenize
from muster.code.patterns import grammar


def _events(text: str) -> list[dict]:
    return [e.to_dict() for e in muster.extract(text, published="2025-06-11", lang="en")]


def _facts(text: str) -> list[dict]:
    return [e for e in _events(text) if not e["hypothetical"] and not e["negated"]]


def _types(text: str) -> set[str]:
    return {e["event_type"] for e in _facts(text)}


@pytest.mark.parametrize("text,word,guarded", [
    ("Targets: the refinery and the port.", "Targets", True),
    ("Asked about the talks, the spokesman said nothing had changed.", "Asked", True),
    ("Asked whether Moscow would respond, he declined to comment.", "Asked", True),
    ("When asked about the strike, the spokesman said nothing.", "asked", True),
    ("Attacked on Monday, the convoy turned back.", "Attacked", False),   # a participle, but no question
    ("Poland attacked nobody.", "attacked", False),
])
def test_coder_guards_label_is_the_first_word_before_a_colon_or_a_question(text: str, word: str, guarded: bool) -> None:
    toks = tokenize(text, "en")
    hd = next(i for i, t in enumerate(toks) if t.text == word)
    assert is_label(grammar("en"), toks, hd) is guarded


@pytest.mark.parametrize("text,word,guarded", [
    ("The minister resigned in protest on Monday.", "protest", True),
    ("They were freed in exchange for two pilots.", "exchange", True),
    ("Thousands joined a protest in Tbilisi on Monday.", "protest", False),
])
def test_coder_guards_event_noun_after_a_manner_preposition_is_adverbial(text: str, word: str, guarded: bool) -> None:
    toks = tokenize(text, "en")
    hd = next(i for i, t in enumerate(toks) if t.text == word)
    assert is_adverbial(grammar("en"), toks, hd) is guarded


@pytest.mark.parametrize("text,word,guarded", [
    ("A report discussing the talks was published on Monday.", "discussing", True),
    ("A group of officials urging calm gathered in Riga on Monday.", "urging", True),
    ("Russia struck Kyiv on Monday, calling it a response.", "calling", False),   # adjoined clause: the subject acts
    ("Officials began discussing the treaty on Monday.", "discussing", False),    # a predicate after an aspect verb
    ("Ministers are discussing the treaty.", "discussing", False),
])
def test_coder_guards_reporting_participle_after_a_noun_is_a_modifier(text: str, word: str, guarded: bool) -> None:
    g = grammar("en")
    toks = tokenize(text, "en")
    hd = next(i for i, t in enumerate(toks) if t.text == word)
    pats = [p for p, _ in g.first_hits(toks[hd]) if not p.noun]
    assert pats and is_noun_modifier(g, pats[0], toks, hd) is guarded


@pytest.mark.parametrize("text,absent", [
    ("Targets: the refinery and the port near Odesa on Monday.", "ASSAULT"),
    ("Asked about the talks on Monday, the Kremlin spokesman said nothing had changed.", "REQUEST"),
    ("Poland's foreign minister resigned in protest on Monday.", "PROTEST"),
])
def test_coder_guards_keep_spurious_triggers_out_of_the_events(text: str, absent: str) -> None:
    assert absent not in {e["event_type"] for e in _events(text)}


@pytest.mark.parametrize("text,etype", [
    # lifting or easing sanctions / restrictions is CONCEDE
    ("Washington eased sanctions on the Belarusian airline on Monday.", "CONCEDE"),
    ("The EU lifted its embargo on Syrian oil on Monday.", "CONCEDE"),
    # a cyberattack is COERCE (mode cyber), not ASSAULT
    ("Russian hackers hit the Polish ministry's networks with a cyberattack on Monday.", "COERCE"),
    # a summoning or a note of protest is ACCUSE, not PROTEST
    ("Poland summoned the Russian ambassador on Monday.", "ACCUSE"),
    ("Vilnius handed Minsk a note of protest on Monday.", "ACCUSE"),
    # "hit" / "strike" with weapons is ASSAULT
    ("Russia hit Kharkiv with missiles on Monday.", "ASSAULT"),
    ("Russian drones struck an oil depot near Odesa on Monday.", "ASSAULT"),
])
def test_coder_conventions_types_in_english(text: str, etype: str) -> None:
    types = _types(text)
    assert etype in types, _events(text)
    wrong = {"CONCEDE": "RETREAT", "COERCE": "ASSAULT", "ACCUSE": "PROTEST", "ASSAULT": "CONSULT"}[etype]
    assert wrong not in types


@pytest.mark.parametrize("text,etype,cameo", [
    ("Explosions rocked the capital on Monday after a drone attack.", "ASSAULT", None),
    ("A missile exploded near the embassy in Kyiv on Monday.", "ASSAULT", None),
    ("Rebels took control of the city of Homs on Monday.", "ASSAULT", "192"),
    ("Police used tear gas against protesters in Tbilisi on Monday.", "COERCE", "175"),
    ("Tear gas was used against protesters in Tbilisi on Monday.", "COERCE", "175"),
    ("Moldova declared a state of emergency on Monday.", "COERCE", "1724"),
    ("Ukraine demanded the release of the detained sailors on Monday.", "REQUEST", "1053"),
    ("The prisoners went on hunger strike on Monday.", "PROTEST", "142"),
    ("Gunmen opened fire on a checkpoint in Kirkuk on Monday.", "ASSAULT", "193"),
])
def test_coder_war_reporting_idioms_and_specific_codes(text: str, etype: str, cameo: str | None) -> None:
    got = [e for e in _facts(text) if e["event_type"] == etype]
    assert got, _events(text)
    if cameo:
        assert any(e["cameo"] == cameo for e in got), got


@pytest.mark.parametrize("etype,lang,text", [
    ("CONCEDE", "de", "Die EU hob am Montag die Sanktionen gegen den Flughafen auf."),
    ("CONCEDE", "fr", "Paris a levé lundi les sanctions visant la compagnie."),
    ("CONCEDE", "ro", "Guvernul a ridicat luni starea de urgență."),
    pytest.param("CONCEDE", "ru", "Власти в понедельник отменили комендантский час в Ереване."),
    pytest.param("CONCEDE", "uk", "Уряд у понеділок скасував обмеження на експорт зерна."),
    ("CONCEDE", "it", "Lunedì il governo ha revocato il coprifuoco."),
    ("COERCE", "de", "Ein Cyberangriff legte am Montag die Server des Ministeriums lahm."),
    ("COERCE", "fr", "Une cyberattaque a paralysé lundi les serveurs du ministère."),
    ("COERCE", "ro", "Un atac cibernetic a blocat luni site-urile guvernului."),
    ("COERCE", "ru", "В понедельник хакеры атаковали серверы министерства."),
    ("COERCE", "uk", "У понеділок кібератака паралізувала сайти уряду."),
    ("COERCE", "it", "Lunedì un attacco informatico ha bloccato i server del ministero."),
    ("ACCUSE", "de", "Berlin bestellte am Montag den russischen Botschafter ein."),
    ("ACCUSE", "fr", "Paris a convoqué lundi l'ambassadeur russe."),
    ("ACCUSE", "ro", "MAE l-a convocat luni pe ambasadorul rus."),
    ("ACCUSE", "ru", "В понедельник посла вызвали в МИД."),
    ("ACCUSE", "uk", "У понеділок посла викликали до МЗС."),
    ("ACCUSE", "it", "Lunedì la Farnesina ha convocato l'ambasciatore russo."),
    ("ASSAULT", "de", "Eine russische Rakete traf am Montag ein Wohnhaus in Odessa."),
    ("ASSAULT", "fr", "Des drones russes ont frappé lundi un dépôt de carburant à Odessa."),
    ("ASSAULT", "ro", "O dronă rusească a lovit luni un depozit din Izmail."),
    ("ASSAULT", "ru", "Российская ракета в понедельник попала в жилой дом в Одессе."),
    ("ASSAULT", "uk", "Росія у понеділок завдала удару по Києву."),
    ("ASSAULT", "it", "Lunedì un missile russo ha colpito un edificio a Kharkiv."),
])
def test_coder_conventions_types_in_every_language(etype: str, lang: str, text: str) -> None:
    evs = [e.to_dict() for e in muster.extract(text, published="2025-06-11", lang=lang)]
    types = {e["event_type"] for e in evs if not e["negated"]}
    assert etype in types, evs
    wrong = {"CONCEDE": "RETREAT", "COERCE": "ASSAULT", "ACCUSE": "PROTEST", "ASSAULT": "CONSULT"}[etype]
    assert wrong not in types, evs
