"""Language identification: accuracy on the labelled set, given languages win, warnings."""
from __future__ import annotations

from pathlib import Path

import pytest

from muster.ingest import from_text
from muster.ingest.langid import identify, normalise, resolve

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest" / "langid.tsv"


def _rows():
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t", 1)


def test_langid_accuracy_on_labelled_set():
    rows = list(_rows())
    assert len(rows) >= 60 and {lang for lang, _ in rows} == {"de", "en", "ru", "uk", "ro", "fr"}
    long = [(lang, text) for lang, text in rows if len(text.split()) > 6]
    assert all(identify(text)[0] == lang for lang, text in long)
    hits = sum(identify(text)[0] == lang for lang, text in rows)
    assert hits / len(rows) >= 0.95


@pytest.mark.parametrize("given,expected", [("de-DE", "de"), ("German", "de"), ("UA", "uk"), ("fr_FR", "fr"), ("ru", "ru")])
def test_langid_given_language_is_normalised_and_wins(given, expected):
    lang, warnings = resolve(given, "This text is clearly written in English, about talks in Geneva.")
    assert (lang, warnings) == (expected, [])
    assert normalise(given) == expected


def test_langid_unsupported_language_warns_with_best_guess():
    lang, warnings = resolve("es", "El ministerio convocó al embajador ruso el lunes por la tarde.")
    assert lang in ("de", "en", "ru", "uk", "ro", "fr")
    assert len(warnings) == 1 and warnings[0].startswith("W002") and "'es'" in warnings[0]


def test_langid_uncertain_short_text_warns():
    doc = from_text("OK 2025", published="2025-01-01")
    assert any(w.startswith("W002") for w in doc.warnings)


def test_langid_front_matter_language_wins_over_caller():
    doc = from_text("---\nlanguage: uk\n---\nВибух біля кордону.", published="2025-01-01", lang="ru")
    assert doc.language == "uk"
