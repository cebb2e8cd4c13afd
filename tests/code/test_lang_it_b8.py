"""Italian coder rules added after blind batch 8 (real pipeline): exhortations, coups, raids, agreements ended."""
from __future__ import annotations

import pytest

import muster
from coded import assert_coded, facts as _facts


def facts(text: str, published: str = "2024-05-20") -> list[dict]:
    return _facts(text, "it", published)


@pytest.mark.parametrize("text,etype,rule,actor,recipient", [
    ("La televisione di Stato ha annunciato lo stato d'emergenza per sei mesi.", "COERCE", "cameo.1724",
     None, None),
    ("Nel 1973 il generale Pinochet rovesciò il governo di Allende.", "COERCE", "coerce.depose", None, None),
    ("L'Onu ha invitato le parti alla moderazione.", "REQUEST", "request.invite", None, None),
    ("Il ministro francese ha invitato la Spagna a fare lo stesso.", "REQUEST", "request.invite", "FRA", "ESP"),
    ("All'alba uomini armati hanno fatto irruzione nel villaggio.", "ASSAULT", "assault.raid", None, None),
    ("Il parlamento di Kiev ha approvato l'accordo con Washington.", "AGREE", "agree.approve", "UKR", "USA"),
    ("Il 16 marzo la giunta ha annunciato la revoca dell'accordo di difesa con Parigi.", "SANCTION",
     "sanction.revoke-accord", None, "FRA"),
    ("La giunta ha revocato l'accordo di difesa con Parigi.", "SANCTION", "sanction.revoke-accord", None, "FRA"),
    ("Nel 2023 la Francia qualificò l'accaduto come golpe.", "ACCUSE", "accuse.qualify", "FRA", None),
    ("Il premier ha definito la decisione tedesca \"incomprensibile\".", "ACCUSE", "accuse.qualify", None, "DEU"),
    ("Il governo spagnolo esprimeva apprezzamento per la scelta di Rabat.", "SUPPORT", "support.solidarity",
     "ESP", "MAR"),
    ("Berlino ha sospeso il ricollocamento di 500 richiedenti asilo.", "SANCTION", "sanction.stop", "DEU", None),
    ("Il 3 marzo il tribunale di Milano ha disposto la scarcerazione dell'attivista.", "RETREAT",
     "retreat.release.order", None, None),
    ("Lo studente era stato fermato dalla Digos il 19 gennaio a Bologna.", "COERCE", "coerce.arrest", "ITA", None),
    ("Israele ha risposto con una campagna di bombardamenti sulla Striscia.", "ASSAULT", "assault.campaign.noun",
     "ISR", None),
    ("Il ministro ha firmato un decreto di espulsione per il cittadino tunisino.", "COERCE", "coerce.deport.order",
     None, "TUN"),
    ("Le truppe russe sono entrate a Kherson il 2 marzo.", "ASSAULT", "assault.enter", "RUS", "UKR"),
    ("Nel giugno 2022 Gazprom aveva ridotto i flussi verso Eni.", "SANCTION", "sanction.reduce-supply", "RUS", None),
    ("Martedì la polizia ha sgomberato il presidio degli studenti.", "COERCE", "coerce.clear", None, None),
    ("Il ministro tedesco ha intimato a Israele di fermare l'offensiva.", "REQUEST", "request.enjoin", "DEU", None),
    ("Il governo ha diffidato la Francia dal respingere i migranti.", "THREATEN", "threaten.caution", None, "FRA"),
    ("All'alba decine di agenti sono irrotti nella sede del giornale.", "ASSAULT", "assault.raid", None, None),
])
def test_lang_it_b8_rule_codes_the_event(text: str, etype: str, rule: str, actor: str | None,
                                         recipient: str | None) -> None:
    assert_coded(facts(text), etype, rule, actor, recipient)


@pytest.mark.parametrize("text,etype", [
    ("Putin ha invitato Xi al vertice di Mosca.", "REQUEST"),                     # an invitation to a meeting
    ("La replica di Palazzo Chigi è arrivata in serata.", "CONSULT"),             # a reply arrives, nobody visits
    ("Pochi giorni prima erano arrivati a Bamako i primi istruttori stranieri.", "CONSULT"),
    ("La Corte d'appello di Roma ha disposto la scarcerazione dell'imprenditore.", "REQUEST"),  # a court's name
    ("La tregua è entrata in vigore venerdì alle 7.", "ASSAULT"),                 # no forces entering a town
    ("Il premier ha deposto una corona al monumento ai caduti.", "COERCE"),       # a wreath, no coup
    ("Un'ondata di attacchi informatici ha preso di mira ieri i siti dei ministeri.", "ASSAULT"),  # cyber: COERCE
])
def test_lang_it_b8_guarded_forms_code_no_event(text: str, etype: str) -> None:
    assert etype not in {e["event_type"] for e in facts(text)}


@pytest.mark.parametrize("text,name,code", [
    ("La Cpi indaga sui crimini commessi dal 2011.", "Cpi", "ICC"),
    ("La Cedu ha condannato la Turchia.", "Cedu", "COE"),
    ("La Digos ha perquisito la sede del movimento.", "Digos", "ITACOP"),
    ("Il Dipartimento di Stato ha risposto.", "Dipartimento di Stato", "USAGOV"),
    ("Il Myanmar ha chiuso le frontiere.", "Myanmar", "MMR"),
    ("Il governo bengalese ha chiuso le scuole.", "governo bengalese", "BGDGOV"),
    ("I sostenitori della Lega Awami sono scesi in piazza.", "Lega Awami", "BGD"),
    ("Il Pd ha chiesto un voto in Aula.", "Pd", "ITA"),
    ("Il M5s ha votato contro.", "M5s", "ITA"),
])
def test_lang_it_b8_institutions_are_actors(text: str, name: str, code: str) -> None:
    doc = muster.process(text, lang="it", published="2025-01-01")
    assert any(doc.clean[m.start:m.end] == name and m.code == code for m in doc.actors), \
        [(doc.clean[m.start:m.end], m.code) for m in doc.actors]
