"""Boilerplate cleaning: rules, shape rules, offsets back into the raw text, the seed article."""
from __future__ import annotations

import re

import pytest

from muster.ingest import clean as cleaning
from muster.ingest import from_text, iter_documents

CASES = {
    "de": ("Regierung in Chisinau weist Diplomaten aus\n"
           "Artikel teilen\n"
           "Die Regierung hat am Dienstag zwei Diplomaten ausgewiesen. Das teilte das Ministerium mit.\n"
           "Lesen Sie auch\n"
           "Streit um Gaslieferungen spitzt sich zu\n"
           "Moskau kündigte eine Antwort an und sprach von einer Provokation.\n"
           "Foto: dpa/Archiv\n"
           "Quellen: dpa, Reuters\n",
           ["Artikel teilen", "Lesen Sie auch", "Streit um Gaslieferungen spitzt sich zu", "Foto: dpa/Archiv",
            "Quellen: dpa, Reuters"]),
    "en": ("Kyiv and Moscow trade prisoners\n"
           "Share this article\n"
           "Ukraine and Russia exchanged 84 prisoners each on Wednesday, officials said.\n"
           "Read more\n"
           "Winter fuel crisis deepens in the region\n"
           "  The exchange was mediated by the United Arab Emirates.  \n"
           "\n"
           "Facebook | Twitter | Email\n"
           "This website uses cookies to improve your experience.\n"
           "Sources: Reuters, AP\n",
           ["Share this article", "Read more", "Winter fuel crisis deepens in the region", "Facebook | Twitter | Email",
            "This website uses cookies to improve your experience.", "Sources: Reuters, AP"]),
    "ru": ("МИД вызвал посла\r\n"
           "Читайте также\r\n"
           "Что известно о переговорах в Стамбуле\r\n"
           "Министерство иностранных дел во вторник вызвало посла для объяснений.\r\n"
           "Фото: ТАСС\r\n"
           "Поделиться\r\n"
           "В посольстве от комментариев отказались.\r\n"
           "Источник: Интерфакс\r\n",
           ["Читайте также", "Что известно о переговорах в Стамбуле", "Фото: ТАСС", "Поделиться", "Источник: Интерфакс"]),
}


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


@pytest.mark.parametrize("lang", sorted(CASES))
def test_clean_removes_boilerplate_lines_and_keeps_sentences(lang):
    raw, dropped = CASES[lang]
    text, offsets, removed = cleaning.clean(raw)
    assert [r["text"] for r in removed] == dropped
    for line in raw.splitlines():
        line = line.strip()
        if line and line not in dropped:
            assert line in text
    for sentence in _sentences(raw):
        if not any(sentence.strip() in d or d in sentence for d in dropped):
            assert sentence.strip().splitlines()[-1] in text


@pytest.mark.parametrize("lang", sorted(CASES))
def test_clean_offsets_round_trip_to_raw(lang):
    raw, _ = CASES[lang]
    text, offsets, removed = cleaning.clean(raw)
    assert len(offsets) == len(text)
    assert all(raw[o] == c for o, c in zip(offsets, text))
    assert offsets == sorted(offsets)
    for r in removed:
        assert raw[r["start"]:r["end"]] == r["text"]


@pytest.mark.parametrize("line,reason", [
    ("Lesen Sie auch:", "list"),
    ("» Read more", "list"),
    ("QUELLEN: ARD, ZDF", "prefix"),
    ("https://example.org/some/article", "url"),
    ("#Ukraine #Russland", "hashtags"),
    ("Teilen · Drucken", "navigation"),
    ("(Foto: Reuters)", "pattern"),
    ("REUTERS/Maxim Shemetov", "pattern"),
    ("Мы используем файлы cookie", "pattern"),
    ("Die Regierung hat am Dienstag zwei Diplomaten ausgewiesen.", None),
    ("Wachsende Spannungen", None),
    ("By Anna Petrova and John Smith", "pattern"),
    ("By Monday the talks had collapsed, diplomats said.", None),
    ("Quellen zufolge hat das Ministerium den Botschafter am Montag einbestellt.", None),
    ("Source: the ministry said on Monday that troops had crossed the border near the village overnight and "
     "that two soldiers had been wounded.", None),
])
def test_clean_classify_reasons(line, reason):
    assert cleaning.classify(line, cleaning.default_rules()) == reason


def test_clean_teaser_rule_never_drops_a_sentence():
    raw = "Lesen Sie auch\nDer Minister sagte am Montag, die Gespräche würden fortgesetzt.\n"
    text, _, removed = cleaning.clean(raw)
    assert [r["reason"] for r in removed] == ["list"]
    assert text == "Der Minister sagte am Montag, die Gespräche würden fortgesetzt."


def test_clean_parse_rules_syntax():
    rules = cleaning.parse_rules(["Werbung", "Bildnachweis:*", r"re:^\d+ Kommentare$", "nav:drucken", "teaser:Siehe"])
    assert cleaning.classify("werbung", rules) == "list"
    assert cleaning.classify("Bildnachweis: privat", rules) == "prefix"
    assert cleaning.classify("12 Kommentare", rules) == "pattern"
    assert cleaning.classify("Drucken", rules) == "navigation"
    assert cleaning.classify("Kurzer Titel", rules, after_teaser=True) == "teaser"
    assert cleaning.classify("Kurzer Titel", rules) is None


def test_clean_repeated_lines_across_batch_are_dropped(tmp_path):
    for i in range(4):
        (tmp_path / f"a{i}.txt").write_text(
            f"Nachrichtenportal Ostwind – Ihr Fenster nach Osten\nMeldung {i}: Der Botschafter wurde am {i + 1}. März einbestellt.\n",
            encoding="utf-8")
    docs = list(iter_documents([str(tmp_path)], published="2025-03-05"))
    assert len(docs) == 4
    for d in docs:
        assert "Ostwind" not in d.clean
        assert [r["reason"] for r in d.removed] == ["repeated"]
        assert "einbestellt." in d.clean


def test_clean_repeated_sentences_are_kept(tmp_path):
    sentence = "Verletzte wurden keine gemeldet, teilte die Polizei mit."
    for i in range(3):
        (tmp_path / f"b{i}.txt").write_text(f"Explosion in Vorort Nummer {i}.\n{sentence}\n", encoding="utf-8")
    for d in iter_documents([str(tmp_path)], published="2025-03-05"):
        assert sentence in d.clean


def test_clean_seed_article_drops_portal_lines_and_keeps_every_sentence(seed_path):
    raw = seed_path.read_text(encoding="utf-8")
    doc = from_text(raw, published="2025-11-21", path=str(seed_path))
    removed = [r["text"] for r in doc.removed]
    assert "Gerade lesen andere" in removed
    assert removed.count("Lesen Sie auch") == 2
    assert any(r.startswith("Quellen:") for r in removed)
    for name in ("Gerade lesen andere", "Lesen Sie auch", "Quellen:"):
        assert name not in doc.clean
    lines = [ln.strip() for ln in raw.splitlines() if ln.strip()]
    sentences = [ln for ln in lines if cleaning.is_sentence(ln) and not ln.startswith("Quellen:")]
    assert len(sentences) >= 15
    for s in sentences:
        assert s in doc.clean
    assert all(raw[o] == c for o, c in zip(doc.offsets, doc.clean))
    assert doc.language == "de"


@pytest.mark.parametrize("line", [
    "Sources : AFP, RFI, Africa Intelligence",          # French typography: a space before the colon
    "Crédit photo : des soldats près de la frontière (AFP)",
    "À lire également : Tigré, la fragile paix de Pretoria",
    "Par notre correspondante à Niamey",
    "Also read: Soybean farmers wait for the first Chinese orders",
    "By our Middle East correspondent",
    "Data publicării: 11.06.2025 – 08:15",
])
def test_clean_drops_portal_lines_of_long_articles(line):
    raw = f"Titre de l'article\nLe ministère a convoqué mardi l'ambassadeur pour protester.\n{line}\n"
    text, _, removed = cleaning.clean(raw)
    assert [r["text"] for r in removed] == [line]
    assert "convoqué mardi" in text
