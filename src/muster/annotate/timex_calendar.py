"""Calendar arithmetic for the temporal tagger: intervals, ISO values, choosing a year by tense."""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Interval:
    """A normalised time: ISO value at its granularity (or None for ranges) and bounding days."""

    value: str | None
    start: date | None
    end: date | None
    granularity: str


def month_last(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def day(y: int, m: int, d: int) -> Interval | None:
    if not (1 <= m <= 12) or not (1 <= d <= month_last(y, m)):
        return None
    x = date(y, m, d)
    return Interval(x.isoformat(), x, x, "day")


def month(y: int, m: int) -> Interval:
    return Interval(f"{y:04d}-{m:02d}", date(y, m, 1), date(y, m, month_last(y, m)), "month")


def year(y: int) -> Interval:
    return Interval(f"{y:04d}", date(y, 1, 1), date(y, 12, 31), "year")


def quarter(y: int, q: int) -> Interval:
    m0 = 3 * (q - 1) + 1
    return Interval(f"{y:04d}-Q{q}", date(y, m0, 1), date(y, m0 + 2, month_last(y, m0 + 2)), "quarter")


def week(d: date) -> Interval:
    iso = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    return Interval(f"{iso[0]:04d}-W{iso[1]:02d}", monday, monday + timedelta(days=6), "week")


def span(a: date | None, b: date | None) -> Interval:
    return Interval(None, a, b, "range")


def shift_months(d: date, n: int) -> tuple[int, int]:
    k = d.year * 12 + (d.month - 1) + n
    return k // 12, k % 12 + 1


def relative(anchor: date, unit: str, n: int) -> Interval:
    """The unit containing anchor shifted by n units ("last week" = week, -1)."""
    if unit == "day":
        return day_of(anchor + timedelta(days=n))
    if unit == "week":
        return week(anchor + timedelta(days=7 * n))
    if unit == "month":
        return month(*shift_months(anchor, n))
    if unit == "weekend":  # Saturday and Sunday of the anchor's week, shifted by n weeks
        sat = anchor - timedelta(days=anchor.weekday()) + timedelta(days=5 + 7 * n)
        return span(sat, sat + timedelta(days=1))
    return year(anchor.year + n)


def day_of(d: date) -> Interval:
    return Interval(d.isoformat(), d, d, "day")


def pick(cands: list[Interval], anchor: date, tense: str | None) -> Interval:
    """Choose among readings (same date in neighbouring years): past events cannot lie after the
    anchor, future ones not before it; with no tense, the reading nearest the anchor wins."""
    if tense == "past":
        ok = [c for c in cands if c.start is not None and c.start <= anchor]
        if ok:
            return max(ok, key=lambda c: c.start)  # type: ignore[arg-type, return-value]
    if tense == "future":
        ok = [c for c in cands if c.end is not None and c.end >= anchor]
        if ok:
            return min(ok, key=lambda c: c.start)  # type: ignore[arg-type, return-value]

    def dist(c: Interval) -> tuple[int, int]:
        assert c.start and c.end
        if c.start <= anchor <= c.end:
            return (0, 0)
        gap = (c.start - anchor).days if c.start > anchor else (anchor - c.end).days
        return (gap, 0 if c.end < anchor else 1)  # ties go to the past: news report what happened

    return min(cands, key=dist)


def slice_part(iv: Interval, part: str) -> Interval:
    """Anfang/Mitte/Ende (early/mid/late) of a month: days 1-10, 11-20, 21-end; of a year:
    thirds (Jan-Apr, May-Aug, Sep-Dec); of a decade: years 0-3, 3-6, 7-9; h1/h2: halves."""
    assert iv.start and iv.end
    s, e = iv.start, iv.end
    if iv.granularity == "range" and s.year % 10 == 0 and (s.month, s.day) == (1, 1) and e.year == s.year + 9:
        first, last = {"early": (0, 3), "mid": (3, 6), "late": (7, 9), "h1": (0, 4), "h2": (5, 9)}[part]
        return span(date(s.year + first, 1, 1), date(s.year + last, 12, 31))  # decades: 0-3, 3-6, 7-9
    if iv.granularity in ("day", "week", "quarter", "range"):
        return iv
    if iv.granularity == "month":
        cut = {"early": (1, 10), "mid": (11, 20), "late": (21, e.day)}[part if part in ("early", "mid", "late") else "mid"]
        return span(date(s.year, s.month, cut[0]), date(s.year, s.month, cut[1]))
    bounds = {"early": ((1, 1), (4, 30)), "mid": ((5, 1), (8, 31)), "late": ((9, 1), (12, 31)),
              "h1": ((1, 1), (6, 30)), "h2": ((7, 1), (12, 31))}[part]
    return span(date(s.year, *bounds[0]), date(e.year, *bounds[1]))


SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}


def season(y: int, name: str) -> Interval:
    """Meteorological seasons (northern hemisphere); winter Y runs from December Y to February Y+1."""
    a, b = SEASONS[name]
    if a > b:
        return span(date(y, a, 1), date(y + 1, b, month_last(y + 1, b)))
    return span(date(y, a, 1), date(y, b, month_last(y, b)))


def grain(iv: Interval) -> str | None:
    """The finest unit an interval pins down: "day", "month", "year", or None (longer, or open)."""
    if iv.start is None or iv.end is None:
        return None
    if iv.start == iv.end:
        return "day"
    if (iv.start.year, iv.start.month) == (iv.end.year, iv.end.month):
        return "month"
    if iv.start.year == iv.end.year:
        return "year"
    return None


@dataclass(frozen=True)
class Flow(Interval):
    """A reference date in the same paragraph: the story runs on from it ("am 13. Dezember 1919
    ..., und bis Anfang Januar": the next January)."""


@dataclass(frozen=True)
class Bound(Interval):
    """A news background date that an "until" bound follows: a reading ending before it is no
    reading of the bound ("seit März 2019 ... bis zum 5. Januar" reaches towards the anchor)."""


FLOW_AHEAD_DAYS = 75  # a reading this close after a Flow reference wins over one long before it


def pick_near(cands: list[Interval], ref: Interval) -> Interval:
    """Choose among readings the one in the reference's year (a narrative's time; HeidelTime's
    rule: histories go back to the start of a year at each new section more often than they
    cross into the next one), the earliest of those; otherwise the nearest, ties going forward.
    A Flow reference (same paragraph) crosses into the next year for a reading just after it."""
    assert ref.start and ref.end
    if isinstance(ref, Flow):
        ahead = [c for c in cands if c.start and c.start.year > ref.end.year
                 and 0 < (c.start - ref.end).days <= FLOW_AHEAD_DAYS]
        if ahead:
            return min(ahead, key=lambda c: c.start or ref.end)  # type: ignore[arg-type, return-value]
    ref = span(date(ref.start.year, 1, 1), date(ref.end.year, 12, 31))

    def dist(c: Interval) -> tuple[int, int, date]:
        assert c.start and c.end
        if c.start <= ref.end and c.end >= ref.start:
            return (0, 0, c.start)
        if c.start > ref.end:
            return ((c.start - ref.end).days, 0, c.start)
        return ((ref.start - c.end).days, 1, c.start)

    return min(cands, key=dist)
