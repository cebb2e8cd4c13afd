"""Event ids carry the parties: co-actors of one sentence are distinct events and all reach the store."""
from __future__ import annotations

import pytest

import muster

CASES = [
    ("en", "Lithuania, Latvia and Estonia expelled Russian diplomats on Monday."),
    ("de", "Litauen, Lettland und Estland wiesen am Montag russische Diplomaten aus."),
]


@pytest.mark.parametrize("lang,text", CASES)
def test_store_event_ids_three_actors_are_three_stored_events(tmp_path, lang: str, text: str) -> None:
    doc = muster.process(text, published="2025-03-05", lang=lang)
    actors = sorted(e.actor["country"] for e in doc.events if e.actor)
    assert actors == ["EST", "LTU", "LVA"]
    assert len({e.id for e in doc.events}) == 3
    with muster.open_store(str(tmp_path / "m.db")) as store:
        assert store.add_document(doc)
        rows = store.execute("SELECT COUNT(*) AS n FROM events WHERE doc_id = ?", (doc.id,))
        assert rows[0]["n"] == 3


def test_store_event_ids_stable_for_same_input() -> None:
    a = muster.extract(CASES[0][1], published="2025-03-05", lang="en")
    b = muster.extract(CASES[0][1], published="2025-03-05", lang="en")
    assert [e.id for e in a] == [e.id for e in b]
