"""Case forms, region patterns and exonyms in each language reach the gazetteer entry."""
from __future__ import annotations

import pytest

from muster.annotate.places import tag_places


@pytest.mark.parametrize("lang,text,surface,name", [
    ("ru", "Взрывы прогремели в Киеве.", "Киеве", "Kyiv"),
    ("ru", "Жители Харькова остались без света.", "Харькова", "Kharkiv"),
    ("ru", "Туман накрыл порт в Одессе.", "Одессе", "Odesa"),
    ("ru", "Губернатор Одесской области ввёл ограничения.", "Одесской области", "Odesa Oblast"),
    ("ru", "Пожар в Краснодарском крае потушили.", "Краснодарском крае", "Krasnodar Krai"),
    ("ru", "Задержания прошли в Ростове-на-Дону.", "Ростове-на-Дону", "Rostov-on-Don"),
    ("uk", "Тривога пролунала в Києві.", "Києві", "Kyiv"),
    ("uk", "У Харкові зруйновано школу.", "Харкові", "Kharkiv"),
    ("uk", "Делегація прибула до Львова.", "Львова", "Lviv"),
    ("uk", "Обстріли тривають у Харківській області.", "Харківській області", "Kharkiv Oblast"),
    ("ro", "Bombardamentele asupra Kievului continuă.", "Kievului", "Kyiv"),
    ("ro", "Portul Odesei a fost lovit.", "Odesei", "Odesa"),
    ("ro", "Atacuri în regiunea Odesa au distrus depozite.", "regiunea Odesa", "Odesa Oblast"),
    ("de", "Die Botschaft Bakus in Kiew wurde beschädigt.", "Kiew", "Kyiv"),
    ("de", "Im Charkiwer Gebiet wurde evakuiert.", "Charkiwer Gebiet", "Kharkiv Oblast"),
    ("de", "Drohnen trafen die Oblast Saporischschja.", "Oblast Saporischschja", "Zaporizhzhia Oblast"),
    ("de", "Die Delegation reiste nach Moskau.", "Moskau", "Moscow"),
    ("en", "Kyiv's mayor warned of power cuts in Kharkiv Oblast.", "Kharkiv Oblast", "Kharkiv Oblast"),
    ("en", "Fighting near Odesa Oblast's border continued.", "Odesa Oblast", "Odesa Oblast"),
    ("fr", "Des frappes ont touché l'oblast d'Odessa.", "oblast d'Odessa", "Odesa Oblast"),
    ("fr", "La délégation est arrivée à Kiev.", "Kiev", "Kyiv"),
])
def test_places_inflection_reaches_entry(lang, text, surface, name):
    hits = [p for p in tag_places(text, lang) if p.text == surface]
    assert hits, f"{surface!r} not found: {[p.text for p in tag_places(text, lang)]}"
    assert hits[0].name == name
