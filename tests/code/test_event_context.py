"""Document context (code/event_context.py): places and dates an event's own sentence leaves out."""
from __future__ import annotations

import pytest

import muster
from muster.code.context_lexicon import lexicon
from muster.pipeline import DEFAULT

PUBLISHED = "2025-08-10"
LANGS = ["de", "en", "fr", "it", "ro", "ru", "uk"]

# a site placed in one paragraph, an event at that kind of site in a later one with no place of its own
SITE = {
    "de": "Eine Rakete traf am 3. März 2024 die Botschaft in Kiew.\n\nAm 8. August 2025 griffen Drohnen die Botschaft erneut an.",
    "en": "A missile hit the embassy in Kyiv on 3 March 2024.\n\nOn 8 August 2025 a drone exploded near the embassy.",
    "fr": "Un missile a frappé l'ambassade à Kiev le 3 mars 2024.\n\nLe 8 août 2025, un drone a explosé près de l'ambassade.",
    "it": "Un missile ha colpito l'ambasciata a Kiev il 3 marzo 2024.\n\nL'8 agosto 2025 alcuni droni hanno colpito di nuovo l'ambasciata.",
    "ro": "O rachetă a lovit ambasada de la Kiev pe 3 martie 2024.\n\nPe 8 august 2025, drone au lovit din nou ambasada.",
    "ru": "3 марта 2024 года ракета попала в посольство в Киеве.\n\n8 августа 2025 года беспилотники снова атаковали посольство.",
    "uk": "3 березня 2024 року ракета влучила в посольство в Києві.\n\n8 серпня 2025 року дрони знову атакували посольство.",
}
# a story told in one place, continued by a sentence that names none
STORY = {
    "de": ("Tausende Menschen protestierten am Sonntag in Tiflis.", "Die Polizei nahm 40 Demonstranten fest."),
    "en": ("Thousands of people protested in Tbilisi on Sunday.", "Police detained 40 demonstrators."),
    "fr": ("Des milliers de personnes ont manifesté dimanche à Tbilissi.", "La police a interpellé 40 manifestants."),
    "it": ("Migliaia di persone hanno protestato domenica a Tbilisi.", "La polizia ha arrestato 40 manifestanti."),
    "ro": ("Mii de oameni au protestat duminică la Tbilisi.", "Poliția a reținut 40 de manifestanți."),
    "ru": ("В воскресенье тысячи людей протестовали в Тбилиси.", "Полиция задержала 40 демонстрантов."),
    "uk": ("У неділю тисячі людей протестували в Тбілісі.", "Поліція затримала 40 демонстрантів."),
}
# a word that starts like an embassy but names a person
PERSON = {"de": "Botschafter", "en": "ambassador", "fr": "ambassadeur", "it": "ambasciatore", "ro": "ambasadorul",
          "ru": "посол", "uk": "посол"}
EMBASSY = {"de": "Botschaftsnähe", "en": "embassy", "fr": "ambassade", "it": "ambasciata", "ro": "ambasada",
           "ru": "посольства", "uk": "посольства"}


def _events(text: str, lang: str) -> list[muster.Event]:
    return muster.extract(text, published=PUBLISHED, lang=lang)


def _of_type(events: list[muster.Event], etype: str) -> list[muster.Event]:
    return [e for e in events if e.event_type == etype]


def test_event_context_runs_last_in_default_pipeline() -> None:
    assert DEFAULT[-1] == "event_context" and DEFAULT.index("event_coref") < DEFAULT.index("event_context")


@pytest.mark.parametrize("lang", LANGS)
def test_event_context_site_places_later_event(lang: str) -> None:
    later = [e for e in _of_type(_events(SITE[lang], lang), "ASSAULT") if e.date and e.date["value"] == "2025-08-08"]
    assert later and later[0].location is not None
    assert later[0].location["name"] == "Kyiv" and later[0].location["implicit"] is True
    assert later[0].rule.endswith("|location:site")


@pytest.mark.parametrize("lang", LANGS)
def test_event_context_previous_sentence_carries_place(lang: str) -> None:
    first, second = STORY[lang]
    coerce = _of_type(_events(f"{first} {second}", lang), "COERCE")
    assert coerce and coerce[0].location["name"] == "Tbilisi"
    assert coerce[0].location["implicit"] is True and "|location:previous_sentence" in coerce[0].rule


@pytest.mark.parametrize("lang", LANGS)
def test_event_context_previous_sentence_stops_at_paragraph(lang: str) -> None:
    first, second = STORY[lang]
    coerce = _of_type(_events(f"{first}\n\n{second}", lang), "COERCE")
    assert coerce and coerce[0].location is None and "location:" not in (coerce[0].rule or "")


@pytest.mark.parametrize("lang", LANGS)
def test_event_context_site_words_name_sites_not_people(lang: str) -> None:
    lex = lexicon(lang)
    assert [k for _, _, k in lex.site_mentions(f"x {EMBASSY[lang]} y")] == ["embassy"]
    assert lex.site_mentions(f"x {PERSON[lang]} y") == []


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Police detain 40 protesters\nTBILISI, May 4 (Wire) – Thousands of people rallied on Sunday against the "
           "government. Police detained 40 demonstrators, the ministry said."),
    ("fr", "La police interpelle 40 manifestants\nTBILISSI, 4 mai (Agence) – Des milliers de personnes ont manifesté "
           "dimanche contre le gouvernement. La police a interpellé 40 manifestants."),
])
def test_event_context_dateline_places_headline(lang: str, text: str) -> None:
    coerce = _of_type(_events(text, lang), "COERCE")
    assert coerce and coerce[0].location["name"] == "Tbilisi" and coerce[0].location["implicit"] is True
    assert "|location:dateline" in coerce[0].rule


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "ROME – Libyan patrol boats opened fire on Wednesday on a fishing boat off Benghazi. "
           "Police detained 40 demonstrators."),
])
def test_event_context_desk_dateline_places_nothing(lang: str, text: str) -> None:
    """The lead's events happen in another country than the dateline: it is the desk, not the scene."""
    events = _events(text, lang)
    assert any(e.location and e.location.get("country") == "LBY" for e in events)
    assert all("location:dateline" not in (e.rule or "") for e in events)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Police detained 40 demonstrators in Tbilisi on Sunday. Russia condemned the arrests."),
    ("de", "Die Polizei nahm am Sonntag in Tiflis 40 Demonstranten fest. Russland verurteilte die Festnahmen."),
])
def test_event_context_reaction_of_another_speaker_keeps_no_place(lang: str, text: str) -> None:
    """A statement happens where its speaker is: another party's reaction does not take the scene's place."""
    accuse = _of_type(_events(text, lang), "ACCUSE")
    assert accuse and accuse[0].location is None


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Russland gab zu, im vergangenen Jahr ein Passagierflugzeug der armenischen Fluggesellschaft abgeschossen "
           "zu haben.\n\nDer Streit begann nach dem Absturz des Passagierflugzeugs im Dezember 2024."),
    ("en", "Russia admitted that its air defence shot down an airliner of the national carrier last year.\n\n"
           "Relations soured after the airliner crash in December 2024."),
])
def test_event_context_vague_date_refined_by_same_target(lang: str, text: str) -> None:
    events = _events(text, lang)
    assault = [e for e in _of_type(events, "ASSAULT") if e.date]
    assert assault and assault[0].date["value"] == "2024-12" and assault[0].date["implicit"] is True
    assert "|date:same_target" in assault[0].rule
    # the admission is a statement about the incident, not the incident: its date stays its own
    assert all((e.date or {}).get("value") != "2024-12" for e in _of_type(events, "CONCEDE"))


# a second clause struck at a site placed earlier, while the sentence's place belongs to its first clause
OTHER_CLAUSE = {
    "de": "Im März 2024 schlug eine Rakete nahe der Botschaft in Kiew ein.\n\nIm Mai 2025 griffen Drohnen ein Tanklager "
          "in der Region Lwiw an und trafen wenig später das Botschaftsgelände.",
    "en": "In March 2024 a missile struck near the embassy in Kyiv.\n\nIn May 2025 drones hit a fuel depot in the Lviv "
          "region and later struck near the embassy again.",
    "fr": "En mars 2024, un missile a frappé près de l'ambassade à Kiev.\n\nEn mai 2025, des drones ont frappé un dépôt "
          "de carburant dans la région de Lviv et ont ensuite frappé près de l'ambassade.",
    "ru": "В марте 2024 года ракета попала рядом с посольством в Киеве.\n\nВ мае 2025 года беспилотники атаковали "
          "нефтебазу во Львовской области и затем снова атаковали район возле посольства.",
}


@pytest.mark.parametrize("lang", sorted(OTHER_CLAUSE))
def test_event_context_site_replaces_place_of_other_clause(lang: str) -> None:
    may = [e for e in _of_type(_events(OTHER_CLAUSE[lang], lang), "ASSAULT") if e.date and e.date["value"] == "2025-05"]
    places = sorted((e.location or {}).get("name") or "" for e in may)
    assert places == ["Kyiv", "Lviv Oblast"]
    moved = next(e for e in may if e.location["name"] == "Kyiv")
    assert moved.location["implicit"] is True and moved.rule.endswith("|location:site")
