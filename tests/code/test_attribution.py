"""Attribution cues (lang/<code>/attribution.yaml): the source named before or after the cue."""
from __future__ import annotations

import pytest

import muster


@pytest.mark.parametrize("lang,text,cue,source", [
    ("de", "Laut Euronews bestellte Polen den Botschafter ein.", "Laut Euronews", "Euronews"),
    ("de", "Dem Spiegel zufolge traf Scholz am 3. Mai Tusk.", "Dem Spiegel zufolge", "Dem Spiegel"),
    ("en", "According to the Kyiv Independent, Russia struck Kharkiv.", "According to the Kyiv Independent", "Kyiv Independent"),
    ("ru", "По данным ТАСС, Россия нанесла удар по Харькову.", "По данным ТАСС", "ТАСС"),
    ("uk", "За даними Укрінформу, Росія завдала удару по Києву.", "За даними Укрінформу", "Укрінформу"),
    ("fr", "Selon Le Monde, la France a convoqué l'ambassadeur.", "Selon Le Monde", "Le Monde"),
    ("ro", "Potrivit Digi24, România a convocat ambasadorul.", "Potrivit Digi24", "Digi24"),
])
def test_attribution_cue_and_source(lang: str, text: str, cue: str, source: str) -> None:
    doc = muster.process(text, published="2024-05-16", lang=lang)
    assert [(a.text, a.source) for a in doc.attributions] == [(cue, source)]
    a = doc.attributions[0]
    assert doc.clean[a.start:a.end] == a.text


def test_attribution_needs_a_named_source() -> None:
    doc = muster.process("laut einer Umfrage stieg die Zustimmung.", published="2024-05-16", lang="de")
    assert doc.attributions == []
