"""The gazetteer index: name folding, region-name expansion, building once and reusing the cache."""
from __future__ import annotations

from pathlib import Path

import pytest

from muster.annotate import gazetteer as gz
from muster.annotate.gazetteer_names import admin1_names, fold


@pytest.mark.parametrize("a,b", [
    ("Kyïv", "kyiv"), ("Chișinău", "chisinau"), ("Chişinău", "chisinau"), ("Iwano-Frankiwsk", "iwano frankiwsk"),
    ("Придністров’я", "придністров'я"), ("Одеса", "одеса"), ("Овернь — Рона", "овернь рона"),
])
def test_places_gazetteer_fold(a, b):
    assert fold(a) == b


@pytest.mark.parametrize("lang,kind,stem,expected", [
    ("de", "oblast", "Odessa", "Region Odessa"),
    ("de", "oblast", "Charkiw", "Charkiwer Gebiet"),
    ("en", "oblast", "Odesa", "Odesa Oblast"),
    ("ru", "oblast", "Одесская", "Одесской области"),
    ("uk", "oblast", "Одеська", "Одеській області"),
    ("ro", "oblast", "Odesa", "regiunea Odesa"),
    ("fr", "oblast", "Odessa", "oblast d'Odessa"),
    ("ru", "krai", "Краснодарский", "Краснодарском крае"),
    ("uk", "oblast", "=Одещина", "Одещина"),
])
def test_places_gazetteer_admin1_patterns(lang, kind, stem, expected):
    assert expected in admin1_names(lang, kind, stem)


def test_places_gazetteer_admin1_table_complete():
    rows = gz._read_admin1()
    ua = [r for r in rows if r["iso2"] == "UA" and r["kind"] == "oblast"]
    assert len(ua) == 24
    for r in rows:
        assert r["lat"] and r["lon"], r["name"]
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180


def test_places_gazetteer_cache_built_once_and_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("MUSTER_CACHE_DIR", str(tmp_path))
    path = gz.ensure_index()
    assert path.parent == tmp_path and path.is_file()
    stamp = path.stat().st_mtime_ns
    assert gz.ensure_index() == path and path.stat().st_mtime_ns == stamp
    g = gz.Gazetteer(path)
    stats = g.stats()
    assert stats["places"] > 30000 and stats["bytes"] < 64 * 2**20
    found = g.lookup([fold("Kiew"), fold("Region Odessa"), fold("Ukraine"), "no such place"])
    assert {c.name for c in found["kiew"]} == {"Kyiv"}
    assert any(c.feature == "admin1" and c.name == "Odesa Oblast" for c in found["region odessa"])
    assert any(c.feature == "country" and c.country == "UKR" for c in found["ukraine"])
    assert "no such place" not in found


def test_places_gazetteer_xdg_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("MUSTER_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert gz.cache_dir() == tmp_path / "muster"
    assert gz.index_path().parent == tmp_path / "muster"
