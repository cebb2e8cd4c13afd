"""The event coder on general English and Romanian rules added after blind batch 3 (real pipeline)."""
from __future__ import annotations

import pytest

import muster


def events(text: str, lang: str, published: str = "2025-05-16") -> list[dict]:
    return [e.to_dict() for e in muster.extract(text, published=published, lang=lang)]


def facts(text: str, lang: str, published: str = "2025-05-16") -> list[dict]:
    return [e for e in events(text, lang, published) if not e["negated"] and not e["hypothetical"]]


@pytest.mark.parametrize("lang,text,etype,recipient", [
    # a missile launch into the sea is a show of force (PLOVER MOBILIZE weapons); one at a city is an attack
    ("en", "North Korea fired two ballistic missiles into the sea on May 8.", "MOBILIZE", None),
    ("en", "Russia fired missiles at Kyiv on May 8.", "ASSAULT", "UKR"),
    ("ro", "Coreea de Nord a lansat joi o rachetă în Marea Japoniei.", "MOBILIZE", None),
    # a light verb with an event noun
    ("en", "Mali ordered the expulsion of a French diplomat on May 14.", "SANCTION", "FRA"),
    ("en", "Moldovan forces fought a brief war with the separatists in 1992.", "ASSAULT", None),
    ("en", "The World Food Programme delivered food to displaced people in Mopti on May 10.", "AID", None),
    ("en", "France withdrew its last troops from Mali in August 2022.", "RETREAT", "MLI"),
    ("en", "A Chinese coast guard ship rammed a Filipino supply boat on May 12.", "ASSAULT", "PHL"),
    ("en", "Ukraine declined to extend the transit agreement on May 10.", "REJECT", None),
    ("en", "Gazprom halted gas supplies to Moldova on May 1.", "SANCTION", "MDA"),
    # a role without a country takes the region or town named right after it (not a country: another party)
    ("en", "Moldova on May 12 accused the separatist authorities in Transnistria of blocking a shipment.", "ACCUSE", "MDA"),
    ("ro", "O navă a fost avariată miercuri de o mină lângă Odesa.", "ASSAULT", None),
    ("ro", "Rusia a avertizat marți Republica Moldova că presiunile vor avea consecințe.", "THREATEN", None),
    ("ro", "Uniunea Europeană a alocat Republicii Moldova 30 de milioane de euro în februarie.", "AID", "MDA"),
    ("ro", "Statele Unite au recunoscut marți victoria lui González.", "SUPPORT", None),
    ("ro", "Rebelii au ocupat orașul Goma în ianuarie.", "ASSAULT", "COD"),
    ("ro", "Aproximativ 10.000 de soldați nord-coreeni au fost trimiși în Rusia în octombrie.", "MOBILIZE", None),
])
def test_coder_rules_en_ro_type_and_recipient(lang: str, text: str, etype: str, recipient: str | None) -> None:
    evs = facts(text, lang)
    got = [e for e in evs if e["event_type"] == etype]
    assert got, evs
    if recipient is not None:
        assert any((e["recipient"] or {}).get("country") == recipient for e in got), got


@pytest.mark.parametrize("lang,text,absent", [
    ("en", "North Korea fired two ballistic missiles into the sea on May 8.", "ASSAULT"),
    ("en", "The Kremlin declined to comment on May 10.", "REJECT"),
    # what an allegation alleges is not a fact of its own
    ("en", "Moldova on May 12 accused the separatist authorities of blocking a gas shipment.", "COERCE"),
    ("ro", "Opoziția susține că a câștigat alegerile.", "SUPPORT"),
    ("ro", "Statele Unite au recunoscut marți victoria lui González.", "CONCEDE"),
])
def test_coder_rules_en_ro_no_false_event(lang: str, text: str, absent: str) -> None:
    assert all(e["event_type"] != absent for e in facts(text, lang))


@pytest.mark.parametrize("lang,text,etype,actor", [
    # the speaker of "said the accusations were unfounded" rejects them
    ("en", "On May 14 France's foreign ministry said the accusations were unfounded.", "REJECT", "FRA"),
    ("ro", "Ministerul rus de Externe a declarat marți că acuzațiile sunt nefondate.", "REJECT", None),
    ("en", "A Chinese spokeswoman said on May 14 the Philippine vessels had illegally entered Chinese waters.", "ACCUSE", "CHN"),
])
def test_coder_rules_en_ro_reported_rejections_and_charges(lang: str, text: str, etype: str, actor: str | None) -> None:
    got = [e for e in facts(text, lang) if e["event_type"] == etype]
    assert got
    if actor is not None:
        assert got[0]["actor"]["country"] == actor


def test_coder_rules_en_ro_passive_anaphoric_subject_is_recipient() -> None:
    text = "Coreea de Nord a lansat joi o rachetă în Marea Japoniei. Lansarea a fost condamnată de Statele Unite."
    acc = [e for e in facts(text, "ro", "2024-11-01") if e["event_type"] == "ACCUSE"]
    assert acc and acc[0]["actor"]["country"] == "USA" and acc[0]["recipient"]["country"] == "PRK"


def test_coder_rules_en_ro_year_in_a_name_does_not_date_the_event() -> None:
    evs = facts("Japan on May 14 expressed support for Manila and cited the 1951 Mutual Defense Treaty.", "en")
    sup = [e for e in evs if e["event_type"] == "SUPPORT"]
    assert sup and sup[0]["date"]["value"] == "2025-05-14"


def test_coder_rules_en_ro_wire_dateline_is_no_party() -> None:
    evs = facts("KYIV, May 3 (Dnipro Wire) - Unknown gunmen attacked a convoy near Bucha on Monday.", "en", "2025-05-03")
    att = [e for e in evs if e["event_type"] == "ASSAULT"]
    assert att and (att[0]["actor"] or {}).get("text") != "KYIV"
