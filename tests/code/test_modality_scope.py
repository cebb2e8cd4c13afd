"""Scope of negation and modality (real pipeline): what a negation or a future cue attaches to, per language."""
from __future__ import annotations

import pytest

import muster


def events(text: str, lang: str, published: str = "2024-05-10") -> list[dict]:
    return [e.to_dict() for e in muster.extract(text, published=published, lang=lang)]


def flags(text: str, lang: str, etype: str) -> list[tuple[bool, bool]]:
    """(negated, hypothetical) of every event of that type."""
    return [(e["negated"], e["hypothetical"]) for e in events(text, lang) if e["event_type"] == etype]


# a negation that negates an ordinal, "only" or "without" leaves the act told as a fact
@pytest.mark.parametrize("lang,text,etype", [
    ("de", "Laut Polizei war das nicht der erste Angriff auf das Konsulat.", "ASSAULT"),
    ("de", "Die Soldaten griffen den Posten nicht ohne Vorwarnung an.", "ASSAULT"),
    ("en", "Officials said it was not the first attack on the consulate.", "ASSAULT"),
    ("ru", "Это уже не первый удар по консульству.", "ASSAULT"),
    ("uk", "Це вже не перший удар по консульству.", "ASSAULT"),
    ("it", "Non è la prima volta che le milizie attaccano il consolato.", "ASSAULT"),
    ("fr", "Ce n'est pas la première fois que les milices attaquent le consulat.", "ASSAULT"),
    ("ro", "Nu este prima dată când milițiile atacă consulatul.", "ASSAULT"),
])
def test_modality_negation_void_keeps_event(lang: str, text: str, etype: str) -> None:
    got = flags(text, lang, etype)
    assert got and all(not neg for neg, _ in got)


# "will not hesitate to" announces the act: no negation (it stays a future act)
@pytest.mark.parametrize("lang,text,etype", [
    ("en", "The minister said Lithuania will not hesitate to close the border with Belarus.", "SANCTION"),
])
def test_modality_not_hesitate_is_no_negation(lang: str, text: str, etype: str) -> None:
    got = flags(text, lang, etype)
    assert got and all(not neg and hyp for neg, hyp in got)


# the plain negation still negates
@pytest.mark.parametrize("lang,text,etype", [
    ("de", "Die Armee hat das Dorf nicht angegriffen.", "ASSAULT"),
    ("en", "Russia did not attack the convoy.", "ASSAULT"),
    ("ru", "Армия не атаковала колонну.", "ASSAULT"),
    ("de", "Die Armee hat nicht Kiew und Lwiw angegriffen.", "ASSAULT"),
])
def test_modality_negation_still_negates(lang: str, text: str, etype: str) -> None:
    got = flags(text, lang, etype)
    assert got and all(neg for neg, _ in got)


# a negated attributive adjective ("nicht explodierte Munition") or a negation in another coordinated
# predicate does not negate the event
@pytest.mark.parametrize("lang,text,etype", [
    ("de", "Die Luftwaffe bombardierte am Montag das Depot und hinterließ nicht explodierte Sprengkörper.", "ASSAULT"),
    ("de", "Berlin hatte eine nicht genannte Zahl von Diplomaten des Landes verwiesen.", "SANCTION"),
    ("de", "Die Regierung wollte nicht verhandeln und bombardierte die Stellungen.", "ASSAULT"),
    ("en", "The government refused to talk, did not wait and bombed the positions.", "ASSAULT"),
])
def test_modality_negation_stays_in_its_predicate(lang: str, text: str, etype: str) -> None:
    got = flags(text, lang, etype)
    assert got and all(not neg for neg, _ in got)


# a promised reply is a threat made now, not a hypothetical event; also after a coordinated report
@pytest.mark.parametrize("lang,text", [
    ("de", "Der Sprecher warf Warschau Feindseligkeit vor und kündigte an, Moskau werde hart reagieren."),
    ("de", "Der Kreml werde auf die Stationierung entschieden reagieren, sagte der Sprecher."),
    ("en", "The Kremlin said Moscow will respond harshly to the deployment."),
    ("en", "The spokesman accused Warsaw of hostility and said Moscow would respond in kind."),
    ("ru", "В МИД заявили, что Москва будет вынуждена принять ответные меры."),
])
def test_modality_threat_is_asserted(lang: str, text: str) -> None:
    got = flags(text, lang, "THREATEN")
    assert got and all(not neg and not hyp for neg, hyp in got)


# an announced refusal is the refusal
@pytest.mark.parametrize("lang,text", [
    ("de", "Der Minister erklärte, man werde die Sanktionen nicht anerkennen."),
])
def test_modality_announced_refusal_is_asserted(lang: str, text: str) -> None:
    got = flags(text, lang, "REJECT")
    assert got and all(not hyp for _, hyp in got)


# a future meeting or a plain future act stays hypothetical (or becomes an agreement), never a fact of its own type
@pytest.mark.parametrize("lang,text,etype", [
    ("en", "The two ministers will meet in Vienna next week.", "CONSULT"),
    ("de", "Die Regierung wird die Grenze nächste Woche schließen.", "SANCTION"),
    ("ru", "Правительство будет высылать дипломатов.", "SANCTION"),
])
def test_modality_future_act_not_a_fact(lang: str, text: str, etype: str) -> None:
    assert all(hyp for _, hyp in flags(text, lang, etype))


# protest notes handed or received
@pytest.mark.parametrize("lang,text,recipient", [
    ("uk", "Посол Угорщини отримав ноту протесту від МЗС України.", "HUN"),
    ("uk", "МЗС України надіслало Угорщині ноту протесту.", "HUN"),
    ("ru", "МИД России передал послу Польши ноту протеста.", "POL"),
])
def test_modality_protest_note(lang: str, text: str, recipient: str) -> None:
    got = [e for e in events(text, lang) if e["event_type"] == "ACCUSE"]
    assert got and any((e.get("recipient") or {}).get("country") == recipient for e in got)


# a quote that opens after a label verb's object stays in its clause up to its first punctuation
@pytest.mark.parametrize("lang,text", [
    ("ru", "Официальный представитель МИД назвал решение Варшавы «ударом в спину, нанесённым без причины»."),
])
def test_modality_label_quote_with_comma(lang: str, text: str) -> None:
    assert any(e["event_type"] == "ACCUSE" for e in events(text, lang))


# announcing a measure named by a noun is the measure; announcing "to have done" tells a past act
@pytest.mark.parametrize("lang,text,etype", [
    ("de", "Die Regierung kündigte am Montag neue Sanktionen gegen Belarus an.", "SANCTION"),
    ("it", "Il governo ha annunciato nuove sanzioni contro la Bielorussia.", "SANCTION"),
    ("it", "Il ministro ha annunciato martedì di aver revocato l'arresto del giornalista.", "RETREAT"),
])
def test_modality_announced_measure_is_asserted(lang: str, text: str, etype: str) -> None:
    got = flags(text, lang, etype)
    assert got and all(not hyp for _, hyp in got)


# an act dated after publication is announced, not done (a speech act keeps its content's date to itself)
@pytest.mark.parametrize("lang,text,etype", [
    ("en", "The summit between Germany and Poland is scheduled for October 15 in Berlin.", "CONSULT"),
    ("ru", "Саммит лидеров России и Казахстана состоится 15 октября в Астане.", "CONSULT"),
])
def test_modality_future_dated_act_is_hypothetical(lang: str, text: str, etype: str) -> None:
    got = flags(text, lang, etype)
    assert got and all(hyp for _, hyp in got)


@pytest.mark.parametrize("lang,text,etype", [
    ("ru", "Стороны договорились продолжить переговоры 15 октября в Стамбуле.", "AGREE"),
    ("en", "The two sides agreed to resume talks on October 15.", "AGREE"),
])
def test_modality_future_content_leaves_speech_act(lang: str, text: str, etype: str) -> None:
    got = flags(text, lang, etype)
    assert got and all(not hyp for _, hyp in got)


# a synthetic future form of a verb trigger (no auxiliary): a future visit is no visit yet
@pytest.mark.parametrize("lang,text", [
    ("ru", "Президент Турции посетит Москву."),
    ("uk", "Президент Польщі відвідає Київ."),
    ("fr", "Le président algérien se rendra en France."),
])
def test_modality_synthetic_future_not_a_visit(lang: str, text: str) -> None:
    got = events(text, lang)
    assert got and not any(e["event_type"] == "CONSULT" and not e["hypothetical"] for e in got)


@pytest.mark.parametrize("lang,text", [
    ("ru", "Президент Турции посетил Москву."),
    ("uk", "Президент Польщі відвідав Київ."),
    ("fr", "Le président algérien s'est rendu en France."),
])
def test_modality_past_visit_is_a_visit(lang: str, text: str) -> None:
    assert any(e["event_type"] == "CONSULT" and not e["hypothetical"] for e in events(text, lang))


# a modal cue after a list of names joined by "and" still binds the event
@pytest.mark.parametrize("lang,text,etype", [
    ("de", "Die Außenminister Deutschlands und Frankreichs könnten sich nächste Woche treffen.", "CONSULT"),
])
def test_modality_name_list_coordinator_keeps_cue(lang: str, text: str, etype: str) -> None:
    assert all(hyp for _, hyp in flags(text, lang, etype))


# receiving a protest note is no visit
@pytest.mark.parametrize("lang,text", [
    ("en", "Hungary's ambassador received a protest note from the Ukrainian foreign ministry."),
    ("fr", "L'ambassadeur de Hongrie a reçu une note de protestation du ministère ukrainien."),
])
def test_modality_received_note_is_no_visit(lang: str, text: str) -> None:
    got = events(text, lang)
    assert any(e["event_type"] == "ACCUSE" for e in got) and not any(e["event_type"] == "CONSULT" for e in got)
