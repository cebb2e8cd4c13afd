"""Ambiguous names resolved by the document's countries, by the region named after them, and by size."""
from __future__ import annotations

import pytest

from muster.annotate.places import tag_places


def _resolve(text: str, lang: str, surface: str):
    hits = [p for p in tag_places(text, lang) if p.text == surface]
    assert hits, f"{surface!r} not found in {text!r}"
    return hits[0]


@pytest.mark.parametrize("lang,text,surface,country,feature", [
    ("en", "Shelling hit Odessa again, Ukrainian officials in Kyiv said.", "Odessa", "UKR", "city"),
    ("en", "Oil workers in Odessa, a town in West Texas, fear the price slump.", "Odessa", "USA", "city"),
    ("en", "The ministers met in Paris, the French capital.", "Paris", "FRA", "city"),
    ("en", "A storm hit Paris, Texas, on Monday.", "Paris", "USA", "city"),
    ("en", "The shipment reached Alexandria and then Cairo.", "Alexandria", "EGY", "city"),
    ("en", "He lives in Alexandria, Virginia.", "Alexandria", "USA", "city"),
    ("ro", "Primăria din Alexandria, județul Teleorman, a anunțat lucrări.", "Alexandria", "ROU", "city"),
    ("en", "Protests continued in Georgia, where police in Tbilisi used water cannon.", "Georgia", "GEO", "country"),
    ("en", "Early voting started in Georgia, and lines were long in Atlanta.", "Georgia", "USA", "admin1"),
    ("en", "Elections in Moldova were watched closely in Chisinau.", "Moldova", "MDA", "country"),
    ("en", "A court in Minsk jailed the activist; her friends fled to Warsaw.", "Minsk", "BLR", "city"),
    ("en", "The talks in Washington were followed by a meeting in Moscow.", "Moscow", "RUS", "city"),
])
def test_places_disambiguation_by_context(lang, text, surface, country, feature):
    p = _resolve(text, lang, surface)
    assert (p.country, p.feature) == (country, feature)
