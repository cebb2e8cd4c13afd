"""The in-memory keys of the gazetteer index: probes, the side file, the lookup cache, the prefix property."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from muster.annotate.gazetteer import Gazetteer, gazetteer
from muster.annotate.gazetteer_names import fold


@pytest.mark.parametrize("key,expected", [
    ("kiew", 2), ("charki", 1), ("region odessa", 2), ("region", 1), ("москва", 2), ("zzqxw", 0), ("kiew zzqxw", 0),
])
def test_places_index_keys_probe(key: str, expected: int):
    assert gazetteer().probe(key) == expected


def test_places_index_keys_are_the_alias_keys():
    g = gazetteer()
    assert g.keys == sorted(k for (k,) in g.con.execute("SELECT DISTINCT key FROM alias"))
    assert g.key_set == set(g.keys)


@pytest.mark.parametrize("stale", [False, True])
def test_places_index_keys_side_file(tmp_path: Path, stale: bool):
    index = tmp_path / "g.sqlite"
    shutil.copyfile(gazetteer().path, index)
    first = Gazetteer(index).keys
    side = index.with_suffix(".keys")
    assert side.is_file() and first == gazetteer().keys
    if stale:  # written for another index: ignored and rewritten
        side.write_text("0 0\nkiew", encoding="utf-8")
    assert Gazetteer(index).keys == first
    assert side.read_text(encoding="utf-8").split("\n", 1)[1].split("\n") == first


@pytest.mark.parametrize("keys", [["kiew"], ["kiew", "charkiw", "zzqxw"]])
def test_places_index_keys_lookup_cache(keys: list[str]):
    g = Gazetteer(gazetteer().path)
    first = g.lookup(keys)
    first["kiew"].clear()  # the caller's list: the cache keeps its own
    again = g.lookup(keys)
    assert again["kiew"] and again == Gazetteer(gazetteer().path).lookup(keys)
    assert "zzqxw" not in again


@pytest.mark.parametrize("a,gap,b", [
    ("Region", " ", "Odessa"), ("Nischni", "\u00a0", "Nowgorod"), ("Ростове", " ", "на-Дону"),
    ("Chișinău", " ' ", "Ville"), ("Straße", "  ", "Ost"), ("Кривом", " ", "Роге"), ("l", "'", "Ukraine"),
])
def test_places_index_keys_fold_keeps_prefixes(a: str, gap: str, b: str):
    # the tagger stops extending a name at the first key no index key starts with: this must hold
    assert fold(a + gap + b).startswith(fold(a))
