"""General Romanian rules and lexicon entries added after blind batch 8 (real pipeline): one sentence per rule,
written for the test, checking the type and the rule that told it, or the code an actor name now gets."""
from __future__ import annotations

import pytest

import muster


def facts(text: str, published: str = "2024-09-20") -> list[dict]:
    evs = [e.to_dict() for e in muster.extract(text, published=published, lang="ro")]
    return [e for e in evs if not e["negated"] and not e["hypothetical"]]


@pytest.mark.parametrize("text,etype,rule", [
    ("Doi jandarmi au fost răniți duminică în ciocniri cu manifestanții.", "PROTEST", "ro.protest.clashes"),
    ("Serbia i-a reținut pe cei trei polițiști, eliberându-i după o lună.", "RETREAT", "ro.retreat.release.gerund"),
    ("Armata a recucerit în martie orașul din nordul țării.", "ASSAULT", "ro.assault.reconquer"),
    ("În mai, armata a instalat puncte de control pe drumul spre capitală.", "COERCE", "ro.coerce.checkpoint"),
    ("Ungaria a retrogradat, în replică, relațiile diplomatice cu Kievul.", "SANCTION", "ro.sanction.downgrade"),
    ("În martie, Algeria a interzis importurile de cereale din Franța.", "SANCTION", "ro.sanction.trade-ban"),
    ("Parlamentul l-a suspendat din funcție pe președinte în 2012.", "COERCE", "ro.coerce.suspend-office"),
    ("Armata a ripostat marți cu artilerie asupra pozițiilor rebelilor.", "ASSAULT", "ro.assault.retaliate"),
    ("Marți, Canada a impus interdicții de călătorie pentru zece oficiali.", "SANCTION", "ro.sanction.travel-ban"),
    ("Premierul a calificat votul drept ilegitim.", "ACCUSE", "ro.accuse.qualify"),
    ("Senatul a aprobat trimiterea trupelor în Kosovo în 2019.", "MOBILIZE", "ro.mobilize.authorise"),
    ("Marea Britanie s-a retras în 2020 din Uniunea Europeană.", "SANCTION", "ro.sanction.leave-treaty"),
    ("Rusia și-a retras trupele din regiunea Kiev în aprilie.", "RETREAT", "ro.cameo.0872"),
    # signing a deal is SUPPORT (PLOVER manual: "ratify, sign, or finalize an agreement"; CAMEO 057)
    ("Polonia a semnat marți un contract pentru 32 de avioane.", "SUPPORT", "ro.support.sign"),
    ("În martie, Norvegia a donat Ucrainei un sistem de apărare antiaeriană.", "AID", "ro.cameo.072"),
    ("Anul trecut, rețeaua ministerului a fost ținta unor atacuri cibernetice chinezești.", "COERCE",
     "ro.coerce.cyber.target"),
    ("Vineri, comandantul a anunțat retragerea trupelor din oraș.", "RETREAT", "ro.retreat.withdraw.announce"),
    ("Resturile unei drone iraniene lansate asupra bazei au fost găsite luni.", "ASSAULT", "ro.assault.launched-at"),
    ("În mai, Ottawa și-a închis consulatul de la Jeddah.", "SANCTION", "ro.sanction.close-embassy"),
    ("Sâmbătă, Marocul a redeschis frontiera cu Algeria.", "RETREAT", "ro.retreat.reopen"),
    ("În 2021, Ungaria i-a acordat azil fostului premier.", "AID", "ro.aid.asylum.grant"),
    ("Vineri, guvernul a trimis 300 de jandarmi în oraș.", "MOBILIZE", "ro.mobilize.police.sent"),
    ("Marți, ministrul și-a cerut scuze Ungariei.", "SUPPORT", "ro.support.apologise.ask"),
    ("În august, Mali a denunțat tratatul de cooperare cu Franța.", "SANCTION", "ro.sanction.denounce-treaty"),
])
def test_lang_ro_b8_rule(text: str, etype: str, rule: str) -> None:
    got = facts(text)
    assert any(e["event_type"] == etype and rule in (e.get("rule") or "") for e in got), got


def test_lang_ro_b8_apology_is_no_request() -> None:
    assert not any(e["event_type"] == "REQUEST" for e in facts("Marți, ministrul și-a cerut scuze Ungariei.")), \
        facts("Marți, ministrul și-a cerut scuze Ungariei.")


def test_lang_ro_b8_rating_downgrade_is_no_sanction() -> None:
    assert not any(e["event_type"] == "SANCTION" for e in facts("Agenția a retrogradat ratingul țării.")), \
        facts("Agenția a retrogradat ratingul țării.")


@pytest.mark.parametrize("text,code", [
    ("Guvernul senegalez a condamnat atacul.", "SEN"),   # a demonym added
    ("Rabatul a condamnat atacul.", "MARGOV"),   # a capital added, with its Romanian ending
    ("Consiliul Federației a condamnat decizia.", "RUSLEG"),   # an institution added
])
def test_lang_ro_b8_actor_code(text: str, code: str) -> None:
    got = facts(text)
    assert any(((e.get("actor") or {}).get("code") or "").startswith(code) for e in got), got


def test_lang_ro_b8_the_west_is_a_party() -> None:
    got = facts("Putin a acuzat Occidentul că vrea să slăbească Rusia.")
    assert any((e.get("recipient") or {}).get("code") == "WST" for e in got), got
