"""Language identification: accuracy on the labelled set, given languages win, warnings."""
from __future__ import annotations

from pathlib import Path

import pytest

from muster.ingest import from_text
from muster.ingest.langid import identify, normalise, resolve
from muster.lang import SUPPORTED

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest" / "langid.tsv"


def _rows():
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t", 1)


def test_langid_accuracy_on_labelled_set():
    rows = list(_rows())
    assert len(rows) >= 60 and {lang for lang, _ in rows} == set(SUPPORTED)
    long = [(lang, text) for lang, text in rows if len(text.split()) > 6]
    assert all(identify(text)[0] == lang for lang, text in long)
    hits = sum(identify(text)[0] == lang for lang, text in rows)
    assert hits / len(rows) >= 0.95


@pytest.mark.parametrize("given,expected", [("de-DE", "de"), ("German", "de"), ("UA", "uk"), ("fr_FR", "fr"), ("ru", "ru"),
                                             ("it-IT", "it"), ("Italiano", "it"), ("ita", "it"), ("rum", "ro")])
def test_langid_given_language_is_normalised_and_wins(given, expected):
    lang, warnings = resolve(given, "This text is clearly written in English, about talks in Geneva.")
    assert (lang, warnings) == (expected, [])
    assert normalise(given) == expected


def test_langid_unsupported_language_warns_with_best_guess():
    lang, warnings = resolve("es", "El ministerio convocó al embajador ruso el lunes por la tarde.")
    assert lang in SUPPORTED
    assert len(warnings) == 1 and warnings[0].startswith("W002") and "'es'" in warnings[0]


def test_langid_uncertain_short_text_warns():
    doc = from_text("OK 2025", published="2025-01-01")
    assert any(w.startswith("W002") for w in doc.warnings)


def test_langid_front_matter_language_wins_over_caller():
    doc = from_text("---\nlanguage: uk\n---\nВибух біля кордону.", published="2025-01-01", lang="ru")
    assert doc.language == "uk"


@pytest.mark.parametrize("lang,text", [
    ("it", "Il ministero degli Esteri ha convocato lunedì l'ambasciatore russo dopo che un drone è caduto vicino al confine."),
    ("ro", "Ministerul de Externe l-a convocat luni pe ambasadorul rus, după ce o dronă a căzut lângă graniță."),
    ("it", "La premier ha dichiarato che il governo invierà aiuti umanitari alla popolazione civile."),
    ("ro", "Premierul a declarat că guvernul va trimite ajutoare umanitare populației civile."),
    ("it", "Secondo fonti della procura, i due sospettati sono stati arrestati martedì a Milano."),
    ("ro", "Potrivit procurorilor, cei doi suspecți au fost arestați marți la Iași."),
])
def test_langid_tells_italian_from_romanian(lang: str, text: str) -> None:
    got, prob = identify(text)
    assert got == lang and prob >= 0.9


def test_langid_italian_report_without_language_is_identified_and_coded() -> None:
    doc = from_text("Il Cremlino ha convocato ieri l'ambasciatore italiano a Mosca per protestare contro le nuove sanzioni.",
                    published="2025-03-12")
    assert doc.language == "it" and not any(w.startswith("W002") for w in doc.warnings)
