"""The temporal tagger on the seed article, anchored on its publication day."""
from __future__ import annotations

from pathlib import Path

import pytest

from muster.annotate.sentences import SentenceSplitter
from muster.annotate.times import TimeTagger, tag_times
from muster.model import Document

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "aserbaidschan-russland.de.txt"

EXPECTED = [
    ("am 14. November", "2025-11-14", "day"),
    ("im vergangenen Jahr", "2024", "year"),
    ("im Oktober", "2025-10", "month"),
    ("Am 10. März 2022", "2022-03-10", "day"),
    ("im Januar 2024", "2024-01", "month"),
    ("Im August 2025", "2025-08", "month"),
    ("im Dezember 2024", "2024-12", "month"),
    ("2022", "2022", "year"),
]


@pytest.fixture(scope="module")
def seed_times() -> dict[str, tuple[str | None, str]]:
    if not SEED.is_file():
        pytest.skip("shared/seed is not beside the repository")
    return {t.text: (t.value, t.granularity) for t in tag_times(SEED.read_text(encoding="utf-8"), "2025-11-21", "de")}


@pytest.mark.parametrize("text,value,granularity", EXPECTED)
def test_times_seed_finds_expression(seed_times: dict, text: str, value: str, granularity: str) -> None:
    assert seed_times.get(text) == (value, granularity)


def test_times_seed_has_no_spurious_dates(seed_times: dict) -> None:
    dated = {k for k, (v, _) in seed_times.items() if v is not None}
    assert dated == {e[0] for e in EXPECTED}


def test_times_seed_component_fills_document() -> None:
    if not SEED.is_file():
        pytest.skip("shared/seed is not beside the repository")
    doc = Document(raw=SEED.read_text(encoding="utf-8"), published="2025-11-21", language="de")
    doc = TimeTagger("de")(SentenceSplitter("de")(doc))
    assert {(t.text, t.value) for t in doc.times} >= {(e[0], e[1]) for e in EXPECTED}
    for t in doc.times:
        assert doc.clean[t.start:t.end] == t.text
