"""The place tagger on the seed article: the toponyms of its events, geocoded."""
from __future__ import annotations

from pathlib import Path

import pytest

from muster.annotate.gazetteer import distance_km
from muster.annotate.places import tag_places


@pytest.fixture(scope="module")
def seed_places(seed_path: Path):
    return tag_places(seed_path.read_text(encoding="utf-8"), "de")


@pytest.mark.parametrize("text,name,country,feature,lat,lon", [
    ("Kiew", "Kyiv", "UKR", "city", 50.45, 30.52),
    ("Charkiw", "Kharkiv", "UKR", "city", 49.99, 36.23),
    ("Region Odessa", "Odesa Oblast", "UKR", "admin1", 46.48, 30.73),
    ("Aktau", "Aktau", "KAZ", "city", 43.65, 51.16),
])
def test_places_seed_finds_and_geocodes(seed_places, text, name, country, feature, lat, lon):
    hits = [p for p in seed_places if p.text == text]
    assert hits, f"{text!r} not found among {[p.text for p in seed_places]}"
    for p in hits:
        assert (p.name, p.country, p.feature) == (name, country, feature)
        assert distance_km(p.lat, p.lon, lat, lon) < 10


def test_places_seed_country_as_location(seed_places):
    ukraine = [p for p in seed_places if p.text == "Ukraine"]
    assert ukraine and all(p.feature == "country" and p.country == "UKR" for p in ukraine)


def test_places_seed_spans_point_at_the_text(seed_path: Path, seed_places):
    text = seed_path.read_text(encoding="utf-8")
    assert seed_places
    for p in seed_places:
        assert text[p.start:p.end] == p.text


def test_places_seed_no_person_or_outlet_as_place(seed_places):
    texts = {p.text for p in seed_places}
    assert not texts & {"Ilham", "Alijew", "Nigar", "Hasanova", "Ramiz", "Mehdiyev", "Moscow", "Euronews"}
