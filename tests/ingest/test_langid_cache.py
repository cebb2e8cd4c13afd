"""The unpacked language-id model in the cache folder gives exactly the packed model's answers."""
from __future__ import annotations

from pathlib import Path

import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from muster.ingest import langid_cache
from muster.lang import SUPPORTED

TEXTS = ["Die Regierung bestellte am Montag den Botschafter ein.",
         "The ministry summoned the ambassador on Monday.",
         "Министерство вызвало посла в понедельник.",
         "Міністерство викликало посла в понеділок.",
         "Ministerul a convocat ambasadorul luni.",
         "Le ministère a convoqué l'ambassadeur lundi.",
         "Il ministero ha convocato l'ambasciatore lunedì."]


@pytest.fixture()
def packed() -> LanguageIdentifier:
    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(SUPPORTED))
    return ident


def test_langid_cache_round_trip_gives_the_same_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         packed: LanguageIdentifier) -> None:
    monkeypatch.setenv("MUSTER_CACHE_DIR", str(tmp_path))
    assert langid_cache.load(LanguageIdentifier, SUPPORTED) is None  # nothing cached yet
    target = langid_cache.save(packed, SUPPORTED)
    assert target is not None and target.parent == tmp_path and target.is_file()
    cached = langid_cache.load(LanguageIdentifier, SUPPORTED)
    assert cached is not None
    assert [cached.classify(t) for t in TEXTS] == [packed.classify(t) for t in TEXTS]
    assert [lang for lang, _ in (cached.classify(t) for t in TEXTS)] == ["de", "en", "ru", "uk", "ro", "fr", "it"]


def test_langid_cache_damaged_file_means_build_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      packed: LanguageIdentifier) -> None:
    monkeypatch.setenv("MUSTER_CACHE_DIR", str(tmp_path))
    target = langid_cache.save(packed, SUPPORTED)
    assert target is not None
    target.write_bytes(target.read_bytes()[: 1000])  # a partial file
    assert langid_cache.load(LanguageIdentifier, SUPPORTED) is None


def test_langid_cache_other_language_set_is_another_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MUSTER_CACHE_DIR", str(tmp_path))
    assert langid_cache.path(["de", "en"]) != langid_cache.path(SUPPORTED)


def test_langid_cache_adding_a_language_folder_changes_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MUSTER_CACHE_DIR", str(tmp_path))
    without = [code for code in SUPPORTED if code != "it"]
    assert langid_cache.path(without) != langid_cache.path(SUPPORTED)
    assert langid_cache.path(list(reversed(SUPPORTED))) == langid_cache.path(SUPPORTED)  # order does not matter
