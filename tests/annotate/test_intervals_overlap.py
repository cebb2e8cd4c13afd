"""Spans answers overlap queries exactly as a scan of every span does."""
from __future__ import annotations

import random

import pytest

from muster.annotate.intervals import Spans


@pytest.mark.parametrize("seed,longest", [(1, 3), (2, 40), (3, 400)])
def test_intervals_overlap_equals_scanning_every_span(seed: int, longest: int) -> None:
    rng = random.Random(seed)
    spans = Spans()
    plain: list[tuple[int, int]] = []
    agreed = 0
    for _ in range(600):
        a = rng.randrange(2000)
        b = a + rng.randrange(longest + 1)
        want = any(x < b and a < y for x, y in plain)
        assert spans.overlaps(a, b) is want, (a, b)
        agreed += want
        if not want or rng.random() < 0.3:
            spans.add(a, b)
            plain.append((a, b))
    assert len(spans) == len(plain) and agreed > 0


@pytest.mark.parametrize("query,expected", [((5, 6), True), ((10, 12), False), ((0, 1), False), ((9, 11), True)])
def test_intervals_overlap_is_half_open(query: tuple[int, int], expected: bool) -> None:
    assert Spans([(1, 10)]).overlaps(*query) is expected
