"""Event patterns as data: every language's events.yaml loads and uses PLOVER types, modes, CAMEO codes."""
from __future__ import annotations

import pytest

from muster.code import ontology
from muster.code.lemmas import tokenize
from muster.code.patterns import grammar, match
from muster.lang import SUPPORTED

LANGS = list(SUPPORTED)


@pytest.mark.parametrize("lang", LANGS)
def test_patterns_load_with_valid_types_and_codes(lang: str) -> None:
    g = grammar(lang)
    assert len(g.patterns) >= 30
    for p in g.patterns:
        assert ontology.is_type(p.type), p.id
        assert p.mode is None or ontology.is_mode(p.type, p.mode), p.id
        assert p.cameo and ontology.goldstein(p.cameo) is not None, p.id
        assert p.triggers, p.id


@pytest.mark.parametrize("lang", LANGS)
def test_patterns_cover_every_plover_type(lang: str) -> None:
    covered = {p.type for p in grammar(lang).patterns}
    missing = set(ontology.TYPES) - covered
    assert len(missing) <= (0 if lang in ("de", "en", "ru") else 3), missing


@pytest.mark.parametrize("lang,text,pattern", [
    ("de", "Berlin bestellte am Montag den Botschafter ein.", "de.accuse.summon"),
    ("de", "Das Gebäude wurde schwer beschädigt.", "de.assault.attack"),
    ("de", "Eine Rakete schlug in der Nähe des Bahnhofs ein.", "de.assault.attack"),
    ("en", "Poland summoned the ambassador.", "en.accuse.summon"),
    ("ru", "Россия нанесла удар по Харькову.", "ru.assault.attack"),
    ("uk", "Росія завдала удару по Києву.", "uk.assault.attack"),
    ("fr", "La France a convoqué l'ambassadeur.", "fr.accuse.summon"),
    ("ro", "România a convocat ambasadorul.", "ro.accuse.summon"),
])
def test_patterns_match_separable_and_multiword_triggers(lang: str, text: str, pattern: str) -> None:
    g = grammar(lang)
    toks = tokenize(text, lang)
    found = set()
    for i, t in enumerate(toks):
        for p, trig in g.first_hits(t):
            if match(trig, toks, i, len(toks), g.words["coordinators"]) is not None:
                found.add(p.id)
    assert pattern in found


def test_patterns_separable_particle_must_close_the_clause() -> None:
    g = grammar("de")
    toks = tokenize("Berlin bestellte ein neues Gutachten.", "de")
    hits = {p.id for i, t in enumerate(toks) for p, trig in g.first_hits(t)
            if match(trig, toks, i, len(toks), g.words["coordinators"]) is not None}
    assert "de.accuse.summon" not in hits


@pytest.mark.parametrize("text,lang,expected", [
    ("Raketen- und Drohnenangriffe", "de", ["Raketen-", "und", "Drohnenangriffe"]),
    ("l'ambassade n'a pas", "fr", ["l", "'", "ambassade", "n", "'", "a", "pas"]),
    ("зв'язки з Києвом", "uk", ["зв'язки", "з", "Києвом"]),
    ("1,3 Milliarden", "de", ["1,3", "Milliarden"]),
])
def test_patterns_tokenizer_keeps_offsets(text: str, lang: str, expected: list[str]) -> None:
    toks = tokenize(text, lang, offset=10)
    assert [t.text for t in toks] == expected
    assert all(text[t.start - 10:t.end - 10] == t.text for t in toks)


@pytest.mark.parametrize("lang,word,expected", [
    ("de", "bestellte", "bestellen"), ("de", "Angriffe", "angriff"), ("de", "wies", "weisen"),
    ("ru", "обстреляли", "обстрелять"), ("en", "summoned", "summon"), ("uk", "затримали", "затримати"),
])
def test_patterns_lemma_tables_give_pattern_lemmas(lang: str, word: str, expected: str) -> None:
    from muster.code.lemmas import lemma

    assert lemma(word, lang) == expected


@pytest.mark.parametrize("lang", LANGS)
def test_patterns_lemma_tables_stay_small(lang: str) -> None:
    from muster.lang import path

    assert path(lang, "lemmas.tsv").is_file()
    assert len(path(lang, "lemmas.tsv").read_bytes()) < 2_000_000
