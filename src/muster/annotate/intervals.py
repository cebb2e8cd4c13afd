"""A growing set of character spans that answers "does [s, e) overlap any of them?" without scanning them all."""
from __future__ import annotations

from bisect import bisect_left, insort


class Spans:
    """Spans [a, b) in start order; a query looks only at those starting within the longest span's length
    before it, so it gives what `any(a < e and s < b for a, b in spans)` gives over every span."""

    __slots__ = ("_items", "_longest")

    def __init__(self, spans: list[tuple[int, int]] | None = None):
        self._items: list[tuple[int, int]] = []
        self._longest = 0
        for a, b in spans or ():
            self.add(a, b)

    def add(self, a: int, b: int) -> None:
        insort(self._items, (a, b))
        self._longest = max(self._longest, b - a)

    def overlaps(self, s: int, e: int) -> bool:
        """Some span [a, b) has a < e and s < b."""
        items = self._items
        # a span starting before s - longest ends before s (b <= a + longest < s... or = s): it cannot overlap
        for k in range(bisect_left(items, (s - self._longest,)), len(items)):
            a, b = items[k]
            if a >= e:
                return False
            if s < b:
                return True
        return False

    def __len__(self) -> int:
        return len(self._items)
