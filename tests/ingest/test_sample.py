"""The bundled sample corpus: every file reads cleanly, in several languages, with portal lines removed."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from muster import data
from muster.ingest import Failure, iter_documents

SAMPLE = Path(str(data.path("sample")))


def test_sample_corpus_reads_without_failures():
    items = list(iter_documents([str(SAMPLE)], published="2025-12-01"))
    assert not [i.line() for i in items if isinstance(i, Failure)]
    assert len(items) >= 12
    langs = Counter(d.language for d in items)
    assert langs["de"] >= 3 and langs["en"] >= 3 and langs["ru"] >= 3 and langs["uk"] + langs["ro"] >= 1
    assert len({d.id for d in items}) == len(items)
    assert sum(1 for d in items if d.removed) >= 8
    assert {Path(d.path).suffix for d in items} == {".txt", ".html", ".jsonl"}
    for d in items:
        assert all(d.raw[o] == c for o, c in zip(d.offsets, d.clean))
        assert d.published and len(d.published) == 10
