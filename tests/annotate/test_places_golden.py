"""Golden outputs of the place tagger: every text of our corpora must give exactly the recorded places.

Regenerate (only after a deliberate change of behaviour): python tests/annotate/test_places_golden.py
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

import pytest

from muster.annotate.places_eval import load_rows
from muster.ingest import iter_documents
from muster.model import Document
from muster.pipeline import build

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent
GOLDEN = TESTS / "data" / "places" / "golden_outputs.jsonl"
SEED = ROOT.parent / "shared" / "seed" / "aserbaidschan-russland.de.txt"
SAMPLE = ROOT / "src" / "muster" / "data" / "sample"
PUBLISHED = "2025-01-01"  # the actors layer knows dated office holders: fix the date
LAYERS = ("sentences", "actors", "places")


def _texts() -> Iterator[tuple[str, str, str]]:
    """(id, lang, text) of every text the golden file covers."""
    if SEED.is_file():
        yield "seed", "de", SEED.read_text(encoding="utf-8")
    for k, doc in enumerate(iter_documents([str(SAMPLE)], published=PUBLISHED)):
        if isinstance(doc, Document):
            yield f"sample:{k}:{doc.id}", doc.language or "en", doc.clean
    for path in sorted((TESTS / "data" / "places").glob("*.jsonl")):
        if path == GOLDEN:
            continue
        for k, row in enumerate(load_rows_of(path)):
            yield f"places:{path.name}:{k}", row["lang"], row["text"]
    for path in sorted((TESTS / "data" / "events").glob("*.txt")):
        yield f"events:{path.name}", path.name[:2], path.read_text(encoding="utf-8")


def load_rows_of(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _places(lang: str, text: str) -> list[dict[str, Any]]:
    doc = build(lang, LAYERS)(Document(raw=text, language=lang, published=PUBLISHED))
    return [{**p.as_json(), "feature": p.feature} for p in doc.places]


def _normalise(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return json.loads(json.dumps(rows))  # tuples as lists, as read back from the file


def _golden() -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in load_rows_of(GOLDEN)} if GOLDEN.is_file() else {}


GOLD = _golden()
TEXTS = list(_texts())
CASES = [c for c in TEXTS if c[0] in GOLD]  # texts added later are not pinned until regenerated


def test_places_golden_covers_the_recorded_texts():
    assert GOLDEN.is_file() and GOLDEN.stat().st_size < 1 << 20
    assert set(GOLD) <= {i for i, _, _ in TEXTS}, "golden entries whose text is gone: regenerate"
    assert len(CASES) >= 200
    assert sum(len(r["places"]) for r in GOLD.values()) >= 300


@pytest.mark.parametrize("ident,lang,text", CASES, ids=[c[0] for c in CASES])
def test_places_golden_output_is_reproduced(ident: str, lang: str, text: str):
    assert ident in GOLD
    assert GOLD[ident]["lang"] == lang
    assert _normalise(_places(lang, text)) == GOLD[ident]["places"]


def regenerate() -> None:
    with GOLDEN.open("w", encoding="utf-8") as f:
        for ident, lang, text in _texts():
            f.write(json.dumps({"id": ident, "lang": lang, "places": _places(lang, text)}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    regenerate()
