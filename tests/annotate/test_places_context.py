"""Context decides: common words and names are not places, locative words make places, countries need them."""
from __future__ import annotations

import pytest

from muster.annotate.places import tag_places


@pytest.mark.parametrize("lang,text", [
    ("de", "Das Essen in der Kantine war kalt."),
    ("de", "In der Mitte des Landes gehen die Kämpfe weiter."),
    ("de", "Im Moment gibt es keine Einigung."),
    ("en", "Nice weather helped the harvest."),
    ("en", "Best of all, nobody was hurt."),
    ("en", "Marine Le Pen criticised the plan."),
    ("en", "Paris Hilton attended the gala."),
    ("en", "The Washington Post reported the leak."),
    ("ru", "Победа будет за нами, сказал он."),
    ("ro", "Victoria a fost clară."),
    ("de", "Bundeskanzler Merz sprach mit Marco Rubio und Kaja Kallas."),
    ("uk", "Міністр зустрівся з Каєю Каллас."),
    ("en", "Troy Davis was executed."),
])
def test_places_context_no_false_place(lang, text):
    assert tag_places(text, lang) == []


@pytest.mark.parametrize("lang,text,surface,country", [
    ("de", "Der Parteitag fand in Essen statt.", "Essen", "DEU"),
    ("en", "The festival in Nice drew crowds.", "Nice", "FRA"),
    ("de", "Die Außenbezirke Kiews wurden beschossen.", "Kiews", "UKR"),
    ("en", "Fighting raged near Bakhmut and Toretsk.", "Toretsk", "UKR"),
    ("en", "Shells hit the town of Beryslav.", "Beryslav", "UKR"),
])
def test_places_context_locative_makes_place(lang, text, surface, country):
    hits = [p for p in tag_places(text, lang) if p.text == surface]
    assert hits and hits[0].country == country


@pytest.mark.parametrize("lang,text,surface,expected", [
    ("de", "Russland hat keine Verantwortung übernommen.", "Russland", False),
    ("de", "Die Angriffe in der Ukraine gehen weiter.", "Ukraine", True),
    ("en", "Russia denied the claims.", "Russia", False),
    ("en", "Shelling continued in Ukraine.", "Ukraine", True),
    ("ru", "На Украине продолжаются бои.", "Украине", True),
    ("uk", "Росія заперечує свою участь.", "Росія", False),
    ("ro", "În Ucraina au continuat luptele.", "Ucraina", True),
    ("fr", "Les élections en Moldavie sont suivies.", "Moldavie", True),
])
def test_places_context_country_only_as_location(lang, text, surface, expected):
    # a country named as an actor is a toponym of the places layer, marked as a reference, not a location
    hits = [p for p in tag_places(text, lang) if p.text == surface]
    assert len(hits) == 1 and hits[0].feature == "country"
    assert hits[0].reference is not expected
