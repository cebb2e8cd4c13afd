"""Layer items grouped by sentence in one pass equal filtering every item for every sentence."""
from __future__ import annotations

import pytest

from muster.code.by_sentence import by_sentence
from muster.model import Sentence, TimeX


def _sents(bounds: list[tuple[int, int]]) -> list[Sentence]:
    return [Sentence(s, e, "x" * (e - s)) for s, e in bounds]


@pytest.mark.parametrize("bounds", [
    [(0, 10), (11, 20), (22, 30)],        # gaps between sentences
    [(0, 10), (10, 10), (10, 20)],        # an empty sentence
    [(0, 15), (10, 20)],                  # overlapping: the plain filter is used
    [(11, 20), (0, 10)],                  # out of order: likewise
    [],
])
def test_by_sentence_equals_filtering_per_sentence(bounds: list[tuple[int, int]]) -> None:
    sents = _sents(bounds)
    items = [TimeX(s, s + 1, "t") for s in (25, 3, 10, 21, 0, 19, 35, 12, 12)]
    want = [[x for x in items if s.start <= x.start < s.end] for s in sents]
    assert by_sentence(sents, items) == want
