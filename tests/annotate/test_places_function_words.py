"""Places: a capitalised common word of the language (sentence-initial adverbs, pronouns) never geocodes."""
from __future__ import annotations

import pytest

from muster.annotate.places import tag_places


@pytest.mark.parametrize("lang,text", [
    ("de", "Dabei wurden drei Menschen verletzt."),
    ("de", "Dort explodierte eine Drohne."),
    ("de", "Damit wächst der Druck auf die Regierung."),
    ("de", "Danach sprach der Minister."),
    ("de", "Zudem brannten mehrere Häuser."),
    ("en", "Also, the talks failed."),
    ("en", "Still, officials insisted on a ceasefire."),
    ("en", "Meanwhile, the army advanced."),
    ("ru", "Даже власти признали это."),
    ("ru", "Однако переговоры сорвались."),
    ("ru", "Здесь прошли переговоры."),
    ("uk", "Також повідомлялося про жертви."),
    ("uk", "Тут пройшли переговори."),
    ("ro", "Dar guvernul a spus altceva."),
    ("ro", "Aici au avut loc negocieri."),
    ("ro", "Totuși, ministrul a negat."),
])
def test_places_function_words_never_geocode(lang: str, text: str) -> None:
    first = text.split()[0].strip(",")
    assert not [p for p in tag_places(text, lang) if p.text == first]


@pytest.mark.parametrize("lang,text,surface", [
    ("de", "Dabei wurde auch Dubai erwähnt.", "Dubai"),
    ("en", "Still, the delegation flew to Nice.", "Nice"),
    ("ro", "Dar delegația a zburat la Chișinău.", "Chișinău"),
])
def test_places_function_word_guard_keeps_real_names(lang: str, text: str, surface: str) -> None:
    assert [p for p in tag_places(text, lang) if p.text == surface]
