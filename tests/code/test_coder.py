"""The event coder end to end (real pipeline): types, roles, modality, dates, places, evidence, ids."""
from __future__ import annotations

import pytest

import muster
from muster.model import Event


def events(text: str, lang: str, published: str = "2024-05-16") -> list[dict]:
    return [e.to_dict() for e in muster.extract(text, published=published, lang=lang)]


def one(text: str, lang: str, published: str = "2024-05-16") -> dict:
    evs = events(text, lang, published)
    assert len(evs) == 1, evs
    return evs[0]


@pytest.mark.parametrize("lang,text,etype,actor,recipient", [
    ("de", "Litauen hat am 15. Mai zwei russische Diplomaten ausgewiesen.", "SANCTION", "LTU", "RUS"),
    ("de", "Laut Reuters bestellte Polen am 14. Mai den russischen Botschafter ein.", "ACCUSE", "POL", "RUS"),
    ("de", "Die Ukraine und Polen unterzeichneten am 13. Mai ein Abkommen.", "SUPPORT", "UKR", "POL"),
    ("en", "Poland summoned the Russian ambassador on May 10.", "ACCUSE", "POL", "RUS"),
    ("en", "Ukrainian drones struck an oil depot in Belgorod on May 9.", "ASSAULT", "UKR", "RUS"),
    ("ru", "МИД России 15 мая вызвал посла Молдавии.", "ACCUSE", "RUS", "MDA"),
    ("uk", "Росія 14 травня завдала ракетного удару по Києву.", "ASSAULT", "RUS", "UKR"),
    ("fr", "La France a convoqué le 13 mai l'ambassadeur de Russie.", "ACCUSE", "FRA", "RUS"),
    ("ro", "Ministerul de Externe al României a convocat pe 14 mai ambasadorul Rusiei.", "ACCUSE", "ROU", "RUS"),
])
def test_coder_type_actor_recipient(lang: str, text: str, etype: str, actor: str, recipient: str) -> None:
    ev = one(text, lang)
    assert ev["event_type"] == etype
    assert ev["actor"]["country"] == actor
    assert ev["recipient"]["country"] == recipient
    assert ev["date"]["start"] <= "2024-05-16" and ev["date"]["value"] is not None


@pytest.mark.parametrize("lang,text", [
    ("de", "Moskau hat keine Verantwortung für den Angriff übernommen."),
    ("en", "Russia did not attack Poland."),
    ("ru", "Россия не атаковала Киев."),
])
def test_coder_negation_marks_event_negated(lang: str, text: str) -> None:
    ev = one(text, lang)
    assert ev["negated"] is True


@pytest.mark.parametrize("lang,text", [
    ("de", "Russland könnte Polen angreifen."),
    ("en", "Russia will send troops to Belarus."),
    ("en", "Did Russia attack Poland?"),
    ("en", "Ukraine urged Georgia to arrest the smugglers."),
])
def test_coder_hypothetical_and_embedded_events(lang: str, text: str) -> None:
    evs = events(text, lang)
    assert evs and any(e["hypothetical"] for e in evs)
    assert all(not e["hypothetical"] for e in evs if e["event_type"] == "REQUEST")


def test_coder_future_cooperation_is_agree() -> None:
    ev = one("Germany will send humanitarian aid to Moldova.", "en")
    assert ev["event_type"] == "AGREE" and ev["hypothetical"] is False


@pytest.mark.parametrize("lang,text,source", [
    ("de", "Laut Reuters bestellte Polen am 14. Mai den russischen Botschafter ein.", "Reuters"),
    ("en", "According to Reuters, Ukrainian drones struck an oil depot in Belgorod on May 9.", "Reuters"),
])
def test_coder_attribution_from_cue(lang: str, text: str, source: str) -> None:
    ev = one(text, lang)
    assert ev["attribution"]["source"] == source


def test_coder_attribution_continues_in_the_same_passage() -> None:
    text = ("Laut Reuters bestellte Polen am 14. Mai den russischen Botschafter ein. "
            "Litauen hat am 15. Mai zwei russische Diplomaten ausgewiesen.")
    evs = events(text, "de")
    assert [e["attribution"]["source"] for e in evs] == ["Reuters", "Reuters"]


def test_coder_date_from_text_not_publication() -> None:
    ev = one("Am 10. März 2022 wurde das Konsulat in Charkiw schwer beschädigt.", "de", "2025-11-21")
    assert ev["date"]["value"] == "2022-03-10"
    assert ev["location"]["country"] == "UKR"


def test_coder_undated_past_event_ends_at_publication() -> None:
    ev = one("Russia denied the accusations.", "en", "2024-05-16")
    assert ev["date"]["end"] == "2024-05-16" and ev["date"]["value"] is None
    assert ev["date"]["granularity"] == "range" and ev["date"]["start"] < "2024-05-16"


def test_coder_location_skips_places_inside_actor_phrases() -> None:
    ev = one("Eine Rakete schlug am 3. Mai in der Nähe der Vertretung Bakus in Kiew ein.", "de")
    assert ev["location"]["name"] == "Kyiv"


def test_coder_implicit_actor_from_document_frame() -> None:
    text = ("Eine russische Rakete traf am 2. Mai ein Kraftwerk in Charkiw. "
            "Am 5. Mai wurde das Konsulat Aserbaidschans in Kiew schwer beschädigt.")
    evs = events(text, "de")
    assert [e["event_type"] for e in evs] == ["ASSAULT", "ASSAULT"]
    assert evs[1]["actor"]["country"] == "RUS" and evs[1]["actor"]["implicit"] is True


def test_coder_reply_takes_the_previous_actor_as_recipient() -> None:
    evs = events("Warsaw accused Moscow of espionage on May 12. Russia denied the accusation.", "en")
    assert [e["event_type"] for e in evs] == ["ACCUSE", "REJECT"]
    assert evs[1]["recipient"]["country"] == "POL"


def test_coder_evidence_offsets_point_into_clean_text() -> None:
    doc = muster.process("Vorspann.\nPolen bestellte am 14. Mai den russischen Botschafter ein.",
                         published="2024-05-16", lang="de")
    ev = doc.events[0].to_dict()
    assert doc.clean[ev["evidence"]["start"]:ev["evidence"]["end"]] == ev["evidence"]["sentence"]
    t = ev["trigger"]
    assert doc.clean[t["start"]:t["end"]].startswith("bestellte") and t["text"] == "bestellte ... ein"
    assert ev["rule"].split("|")[0] == "de.accuse.summon"  # then "|actor:<role rule>|recipient:<role rule>"


def test_coder_event_ids_are_stable() -> None:
    text = "Poland summoned the Russian ambassador on May 10."
    a = muster.extract(text, published="2024-05-16", lang="en")[0]
    b = muster.extract(text, published="2024-05-16", lang="en")[0]
    assert a.id == b.id and Event.from_dict(a.to_dict()).id == a.id


@pytest.mark.parametrize("lang", ["de", "en", "ru", "uk", "ro", "fr"])
def test_coder_goldstein_and_cameo_present(lang: str) -> None:
    text = {"de": "Polen bestellte am 14. Mai den russischen Botschafter ein.",
            "en": "Poland summoned the Russian ambassador on May 10.",
            "ru": "МИД России 15 мая вызвал посла Молдавии.",
            "uk": "Росія 14 травня завдала ракетного удару по Києву.",
            "ro": "România a convocat pe 14 mai ambasadorul Rusiei.",
            "fr": "La France a convoqué le 13 mai l'ambassadeur de Russie."}[lang]
    ev = one(text, lang)
    assert ev["cameo"] and isinstance(ev["goldstein"], float) and ev["language"] == lang
    assert ev["sources"][0]["published"] == "2024-05-16"


@pytest.mark.parametrize("lang,text,etype", [
    ("en", "The United States threatened on May 14 to end arms sales to Turkey if the shelling continued.", "THREATEN"),
    ("de", "Warschau drohte am 14. Mai mit der Schließung der Grenze, falls Minsk nicht einlenke.", "THREATEN"),
])
def test_coder_threat_with_condition_is_still_an_event(lang: str, text: str, etype: str) -> None:
    evs = [e for e in events(text, lang) if e["event_type"] == etype]
    assert evs and not evs[0]["hypothetical"]


@pytest.mark.parametrize("lang,text", [
    ("ru", "Будапешт заблокирует поставки газа Киеву, если ЕС не отменит решение."),
    ("en", "Police arrested two men on May 12 on suspicion of plotting a bomb attack in Vienna."),
])
def test_coder_conditional_and_plotted_events_are_hypothetical(lang: str, text: str) -> None:
    evs = events(text, lang)
    assert all(e["hypothetical"] for e in evs if e["event_type"] in ("ASSAULT", "COERCE") and e["mode"] != "arrest")
    assert any(e["hypothetical"] for e in evs)


@pytest.mark.parametrize("lang,text,expected", [
    ("ru", "Москва 14 мая пообещала дать «жёсткий ответ» Вильнюсу.", "THREATEN"),
    ("de", "Moskau kündigte am 14. Mai eine „entschiedene Antwort“ an.", "THREATEN"),
])
def test_coder_short_quotation_stays_in_its_clause(lang: str, text: str, expected: str) -> None:
    assert [e["event_type"] for e in events(text, lang)] == [expected]


def test_coder_co_actors_each_get_an_event() -> None:
    evs = events("Estland und Finnland sicherten Moldau am 14. Mai ihre Unterstützung zu.", "de")
    assert sorted((e["actor"]["country"], e["recipient"]["country"]) for e in evs) == [("EST", "MDA"), ("FIN", "MDA")]


@pytest.mark.parametrize("lang,text,actor,recipient", [
    ("de", "Der iranische Botschafter wurde am 13. Mai ins Außenministerium in Berlin einbestellt.", None, "IRN"),
    ("uk", "13 травня Одесу було атаковано російськими дронами.", "RUS", "UKR"),
])
def test_coder_passive_subject_is_recipient(lang: str, text: str, actor: str | None, recipient: str) -> None:
    ev = [e for e in events(text, lang) if e["recipient"]][0]
    assert ev["recipient"]["country"] == recipient
    if actor:
        assert ev["actor"]["country"] == actor


def test_coder_asserted_event_not_dated_after_publication() -> None:
    evs = events("Armenia and Azerbaijan agreed to resume talks next month.", "en", published="2024-05-16")
    agree = [e for e in evs if e["event_type"] == "AGREE" and not e["hypothetical"]]
    assert agree and agree[0]["date"]["start"] <= "2024-05-16"


def test_coder_sequenced_events_of_one_type_stay_apart() -> None:
    evs = events("The strike on Kharkiv came on May 12, hours after Ukrainian drones hit a refinery in Saratov.", "en")
    assert sorted((e["actor"] or {}).get("country") or "" for e in evs if e["event_type"] == "ASSAULT")[-1] == "UKR"
    assert len([e for e in evs if e["event_type"] == "ASSAULT"]) == 2


@pytest.mark.parametrize("lang,text,actor", [
    ("en", "The talks were hosted by Norway, which on May 12 also summoned the Russian ambassador.", "NOR"),
    ("fr", "Le ministère a été saisi par la Belgique, qui a convoqué le 12 mai l'ambassadeur de Russie.", "BEL"),
])
def test_coder_relative_subject_takes_the_party_before(lang: str, text: str, actor: str) -> None:
    ev = [e for e in events(text, lang) if e["event_type"] == "ACCUSE"][0]
    assert ev["actor"]["country"] == actor and ev["recipient"]["country"] == "RUS"
