"""Floors on the development set tests/data/places: detection precision/recall and accuracy within 50 km."""
from __future__ import annotations

from pathlib import Path

import pytest

from muster.annotate.places import tag_places
from muster.annotate.places_eval import load_rows, score
from muster.model import Place

DEV = Path(__file__).resolve().parents[1] / "data" / "places"
ROWS = load_rows(DEV)


def locations(text: str, lang: str) -> list[Place]:
    """The places named as locations: the development set does not annotate countries named as actors."""
    return [p for p in tag_places(text, lang) if not p.reference]


@pytest.fixture(scope="module")
def overall():
    return score(ROWS, locations)


def test_places_devset_is_large_enough():
    langs = {r["lang"] for r in ROWS}
    assert sum(len(r["places"]) for r in ROWS) >= 100
    assert {"de", "en", "ru", "uk", "ro"} <= langs


@pytest.mark.parametrize("metric,floor", [("accuracy_50km", 0.95), ("precision", 0.95), ("recall", 0.95)])
def test_places_devset_overall_floor(overall, metric, floor):
    assert overall[metric] >= floor, overall["errors"]


@pytest.mark.parametrize("lang", ["de", "en", "ru", "uk", "ro", "fr"])
def test_places_devset_per_language_floor(lang):
    r = score([row for row in ROWS if row["lang"] == lang], locations)
    assert r["accuracy_50km"] >= 0.9 and r["precision"] >= 0.9, r["errors"]
