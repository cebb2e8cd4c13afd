"""Items of a document layer (mentions, times, places) by position: grouped by the sentence their start lies in,
in one pass, or looked up by a range of starts."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Callable, Generic, Sequence, TypeVar

from ..model import Sentence

T = TypeVar("T")


def by_sentence(sentences: Sequence[Sentence], items: Sequence[T]) -> list[list[T]]:
    """For each sentence, the items with sent.start <= item.start < sent.end, in the items' order:
    the same lists as filtering every item for every sentence, in time linear in the document."""
    out: list[list[T]] = [[] for _ in sentences]
    starts = [s.start for s in sentences]
    ordered = all(a.end <= b.start for a, b in zip(sentences, sentences[1:])) and all(
        s.start <= s.end for s in sentences)
    if not ordered:  # overlapping or unsorted sentences (never made by the splitter): filter as before
        for n, s in enumerate(sentences):
            out[n] = [x for x in items if s.start <= x.start < s.end]  # type: ignore[attr-defined]
        return out
    for x in items:
        n = bisect_right(starts, x.start) - 1  # type: ignore[attr-defined]
        if n >= 0 and x.start < sentences[n].end:  # type: ignore[attr-defined]
            out[n].append(x)
    return out


class ByStart(Generic[T]):
    """Items in start order, answering "which start in [lo, hi)?" by bisection, so a rule that looks at one
    clause costs the clause, not the document (long texts stay linear)."""

    __slots__ = ("items", "starts")

    def __init__(self, items: Sequence[T], start: Callable[[T], int] = lambda x: x.start):  # type: ignore[attr-defined]
        self.items = sorted(items, key=start)
        self.starts = [start(x) for x in self.items]

    def between(self, lo: int, hi: int) -> list[T]:
        return self.items[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]
