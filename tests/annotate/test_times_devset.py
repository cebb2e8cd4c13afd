"""The temporal tagger against its development set (tests/data/times): pinned quality floors."""
from __future__ import annotations

from pathlib import Path

import pytest

from muster.annotate.timex_eval import load, score
from muster.annotate.times import tag_times

DATA = Path(__file__).resolve().parents[1] / "data" / "times"
ROWS = load(DATA.glob("*.jsonl"))
# Floors pinned just under the level reached (span F1 0.995, exact 0.993 on 434 expressions,
# 2025-11-25; blind*_* files were written before the tagger was first run on them);
# the issue asks for >= 0.95 span F1 and >= 0.90 exact value.
SPAN_F1_FLOOR = 0.98
EXACT_FLOOR = 0.97
LANGS = ("de", "en", "ru", "uk", "ro", "fr")


def test_times_devset_has_enough_expressions_in_every_language() -> None:
    total = sum(len(r["expressions"]) for r in ROWS)
    assert total >= 300
    for lang in LANGS:
        rows = [r for r in ROWS if r["lang"].split("-")[0] == lang]
        assert sum(len(r["expressions"]) for r in rows) >= 40, lang
        assert any(not r["expressions"] for r in rows), f"{lang}: no negative sentences"


def test_times_devset_offsets_match_text() -> None:
    for r in ROWS:
        for e in r["expressions"]:
            assert r["sentence"][e["start"]:e["end"]] == e["text"], r["sentence"]


def test_times_devset_meets_floors() -> None:
    figures = score(ROWS, tag_times).as_dict()
    assert figures["span_f1"] >= SPAN_F1_FLOOR, figures
    assert figures["exact_value"] >= EXACT_FLOOR, figures


@pytest.mark.parametrize("lang", LANGS)
def test_times_devset_per_language_meets_issue_targets(lang: str) -> None:
    rows = [r for r in ROWS if r["lang"].split("-")[0] == lang]
    figures = score(rows, tag_times).as_dict()
    assert figures["span_f1"] >= 0.95, figures
    assert figures["exact_value"] >= 0.90, figures


def test_times_devset_negatives_yield_nothing() -> None:
    noisy = [(r["sentence"], [x.text for x in tag_times(r["sentence"], r["anchor"], r["lang"])])
             for r in ROWS if not r["expressions"]]
    assert len(noisy) >= 30
    assert [n for n in noisy if n[1]] == []
