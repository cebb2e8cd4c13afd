"""The places layer as a geoparser: countries, continents and demonyms as toponyms, admin units,
abbreviations, landmarks, datelines and disambiguation by the document's other places."""
from __future__ import annotations

import pytest

from muster.annotate.gazetteer import distance_km
from muster.annotate.places import tag_places
from muster.model import Document, Place
from muster.pipeline import build


def _hit(text: str, surface: str, lang: str = "en") -> Place:
    hits = [p for p in tag_places(text, lang) if p.text == surface]
    assert hits, [p.text for p in tag_places(text, lang)]
    return hits[0]


@pytest.mark.parametrize("text,surface,country,feature,reference", [
    ("Russia's Sputnik vaccine was approved.", "Russia", "RUS", "country", True),
    ("The Russian President met his Chinese counterpart.", "Russian", "RUS", "country", True),
    ("The Russian President met his Chinese counterpart.", "Chinese", "CHN", "country", True),
    ("Palestinians marched through the town.", "Palestinians", "PSE", "country", True),
    ("Aid to Africa fell again this year.", "Africa", None, "continent", True),
    ("European leaders met on Monday.", "European", None, "continent", True),
    ("Floods hit villages in Bangladesh.", "Bangladesh", "BGD", "country", False),
])
def test_places_geoparser_countries_and_demonyms_are_toponyms(text, surface, country, feature, reference):
    p = _hit(text, surface)
    assert (p.country, p.feature, p.reference) == (country, feature, reference)
    assert p.lat is not None and p.lon is not None


@pytest.mark.parametrize("text,surface", [
    ("Russia denied the claims, the Russian embassy said.", "Russia"),
    ("Russia denied the claims, the Russian embassy said.", "Russian"),
])
def test_places_geoparser_references_stay_out_of_the_pipeline_with_actors(text, surface):
    # with the actors layer, a country named as an actor is its actor mention: the coder sees no place
    doc = build("en", ("sentences", "actors", "places"))(Document(raw=text, language="en", published="2025-01-01"))
    assert not [p for p in doc.places if p.text == surface]
    assert [p for p in tag_places(text, "en") if p.text == surface]


@pytest.mark.parametrize("text,surface,name,admin1,feature", [
    ("CHARLESTON, W.Va. - The legislature met on Friday.", "CHARLESTON", "Charleston", "West Virginia", "city"),
    ("CHARLESTON, W.Va. - The legislature met on Friday.", "W.Va.", "West Virginia", "West Virginia", "admin1"),
    ("The fire spread across Morris County overnight.", "Morris County", "Morris County", "New Jersey", "admin2"),
    ("The jury in Rapides Parish returned a verdict.", "Rapides Parish", "Rapides Parish", "Louisiana", "admin2"),
    ("The mill in Chiefland, Fla., closed in May.", "Chiefland", "Chiefland", "Florida", "city"),
    ("The teachers met in Springfield before driving on to Chicago, Illinois.", "Springfield", "Springfield",
     "Illinois", "city"),
    ("Officials in the U.S. said the talks would go on.", "U.S.", "United States", None, "country"),
])
def test_places_geoparser_units_abbreviations_datelines(text, surface, name, admin1, feature):
    p = _hit(text, surface)
    assert (p.name, p.admin1, p.feature) == (name, admin1, feature)


@pytest.mark.parametrize("text,surface,lat,lon", [
    ("Reporters waited outside the White House.", "White House", 38.8977, -77.0365),
    ("Storms crossed the Atlantic in September.", "Atlantic", 10.0, -25.0),
    ("Rethinking Egypt-US relations took years.", "US", 39.76, -98.5),
    ("Rethinking Egypt-US relations took years.", "Egypt", 27.0, 30.0),
])
def test_places_geoparser_landmarks_seas_and_compounds(text, surface, lat, lon):
    p = _hit(text, surface)
    assert distance_km(p.lat, p.lon, lat, lon) < 161


@pytest.mark.parametrize("text,surface", [
    ("Die Gespräche fanden in der Nähe der Grenze statt.", "Nähe"),  # a German noun, not the village Nahe
    ("Vladimir Putin spoke on Tuesday.", "Vladimir"),  # a first name, not the Vladimir region
])
def test_places_geoparser_no_small_town_from_common_words(text, surface):
    lang = "de" if "Die " in text else "en"
    assert not [p for p in tag_places(text, lang) if p.text == surface]


@pytest.mark.parametrize("text,surface,reason", [
    ("The teachers met in Springfield before driving on to Chicago, Illinois.", "Springfield", "Illinois, like"),
    ("He lives in Alexandria, Virginia.", "Alexandria", "named next to its region or country"),
])
def test_places_geoparser_explain_gives_candidates_and_reasons(text, surface, reason):
    from muster.annotate.places import explain_places

    notes = [n for n in explain_places(text, "en") if n["text"] == surface]
    assert notes and any(w.startswith(reason) for w in notes[0]["why"])
    cands = notes[0]["candidates"]
    assert len(cands) > 1 and cands[0]["name"] == notes[0]["name"]
    assert cands == sorted(cands, key=lambda c: -c["score"])


@pytest.mark.parametrize("name,columns,rows", [
    ("admin_world.tsv", ["level", "iso2", "code", "name", "admin1", "lat", "lon", "population"], 15000),
    ("country_points.tsv", ["iso2", "lat", "lon", "demonym"], 200),
])
def test_places_geoparser_derived_tables_are_small_and_whole(name, columns, rows):
    from muster import data

    path = data.path(name)
    assert path.stat().st_size < 5 * 2**20
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    assert lines[0].split("\t") == columns and len(lines) > rows
    assert all(len(ln.split("\t")) == len(columns) for ln in lines)
