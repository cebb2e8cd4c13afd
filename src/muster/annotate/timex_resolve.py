"""Turns one template match into an Interval, using the anchor date and the clause's tense."""
from __future__ import annotations

import re
from datetime import date, timedelta

from . import timex_calendar as cal
from .timex_calendar import Interval
from .timex_lexicon import Lexicon, Template, fold


def _num(lex: Lexicon, s: str | None) -> int | None:
    if s is None:
        return None
    s = fold(s)
    if s.isdigit():
        return int(s)
    return lex.numbers.get(s)


def _month(lex: Lexicon, s: str | None) -> int | None:
    if s is None:
        return None
    return lex.months.get(fold(s).rstrip("."))


def _partial(y: int | None, m: int | None, d: int | None, anchor: date | None,
             tense: str | None) -> Interval | None:
    """A date with possibly missing year, resolved against the anchor and tense."""
    if m is None:
        return cal.year(y) if y else None
    if d is not None and not 1 <= d <= (29 if m == 2 else cal.month_last(2001, m)):
        raise ValueError("no such day")  # "31. Februar"
    if y is not None:
        iv = cal.day(y, m, d) if d else cal.month(y, m)
        if iv is None:
            raise ValueError("no such day")  # 29 February of a common year
        return iv
    if anchor is None:
        return None
    cands = [c for c in ((cal.day(yy, m, d) if d else cal.month(yy, m))
                         for yy in (anchor.year - 1, anchor.year, anchor.year + 1)) if c]
    return cal.pick(cands, anchor, tense) if cands else None


def _weekday(wd: int, anchor: date, tense: str | None, rel: int | None) -> Interval:
    back = (anchor.weekday() + 1 - wd) % 7  # days back to the latest such weekday (0 = today)
    past = anchor - timedelta(days=back)
    fut = anchor + timedelta(days=(wd - 1 - anchor.weekday()) % 7)
    if rel is not None and rel < 0:
        return cal.day_of(past if back else anchor - timedelta(days=7))
    if rel is not None and rel > 0:
        return cal.day_of(fut if fut > anchor else anchor + timedelta(days=7))
    if rel == 0:
        return cal.day_of(fut if tense == "future" else past)
    return cal.pick([cal.day_of(past), cal.day_of(fut)], anchor, tense)


def _year(g: dict[str, str], key: str) -> int | None:
    v = g.get(key)
    return int(v) if v else None


def resolve(lex: Lexicon, t: Template, m: re.Match[str], anchor: date | None,
            tense: str | None) -> Interval | None:
    """The interval a match denotes, or None when it needs an anchor that is missing or is invalid.
    Raises ValueError for a match that must be rejected (not a date at all)."""
    g = {k: v for k, v in m.groupdict().items() if v is not None}
    kind = t.kind
    if kind == "numeric":
        return _numeric(lex, g)
    if kind == "date" and "mnum" in g:
        return _partial(_year(g, "year"), int(g["mnum"]), int(g["day"]), anchor, tense)
    if kind == "date" and "weekday" in g and "year" not in g and anchor is not None:
        return _weekday_date(lex, g, anchor, tense)
    if kind in ("date", "month", "year", "bare_year"):
        return _partial(_year(g, "year"), _month(lex, g.get("month")), _num(lex, g.get("day")), anchor, tense)
    if kind == "decade":
        d = int(g["decade"]) if "decade" in g else 1900 + int(g["sdecade"])
        return cal.span(date(d, 1, 1), date(d + 9, 12, 31))
    if kind == "quarter":
        q = lex.ordinals.get(fold(g["ord"])) if "ord" in g else int(g["qnum"])
        y = _year(g, "year")
        if q is None:
            raise ValueError("no quarter")
        if y:
            return cal.quarter(y, q)
        if anchor is None:
            return None
        return cal.pick([cal.quarter(yy, q) for yy in (anchor.year - 1, anchor.year, anchor.year + 1)], anchor, tense)
    if kind == "season" and "year" in g:
        return cal.season(int(g["year"]), lex.seasons[fold(g["season"])])
    if kind == "deictic":
        if anchor is None:
            return None
        return cal.day_of(anchor + timedelta(days=lex.deictic[fold(g["deictic"])]))
    if anchor is None:
        return None
    rel = lex.rel.get(fold(g["rel"])) if "rel" in g else None
    if kind == "rel":
        unit = lex.units[fold(g["unit"])]
        if fold(g["unit"]) in lex.plural_units:
            raise ValueError("the last weeks: a stretch of time, not one unit")
        if unit == "day":
            raise ValueError("relative day is relative to the event, not the anchor")
        iv = cal.relative(anchor, unit, rel or 0)
        if unit == "weekend" and not rel and iv.start and iv.start > anchor and tense == "past":
            iv = cal.relative(anchor, unit, -1)  # "ce week-end, ... ont manifesté": the one just past
        return iv
    if kind == "ago":
        n = _num(lex, g["num"]) if "num" in g else 1
        if n is None or n > 400:
            raise ValueError("not a count")
        return cal.relative(anchor, lex.units[fold(g["unit"])], t.sign * n)
    if kind in ("weekday", "rel_weekday"):
        return _weekday(lex.weekdays[fold(g["weekday"])], anchor, tense, rel)
    if kind == "rel_month":
        mo = _month(lex, g["month"])
        assert mo is not None and rel is not None
        if rel == 0:
            return _partial(None, mo, None, anchor, tense)
        y = anchor.year
        if rel < 0:
            y = y if mo < anchor.month else y - 1
        else:
            y = y if mo > anchor.month else y + 1
        return cal.month(y, mo)
    if kind == "mod":
        part = t.mod or lex.mods[fold(g["mod"])]
        if "decade" in g:
            d = int(g["decade"])
            base = cal.span(date(d, 1, 1), date(d + 9, 12, 31))
        elif "month" in g or "year" in g:
            base = _partial(_year(g, "year"), _month(lex, g.get("month")), None, anchor, tense)
        elif "unit" in g:
            unit = lex.units[fold(g["unit"])]
            if unit == "day":
                raise ValueError("part of a day")
            base = cal.relative(anchor, unit, rel or 0)
        else:
            base = cal.year(anchor.year) if t.mod else None
        return cal.slice_part(base, part) if base else None
    if kind == "range":
        return _range(lex, g, anchor, tense)
    if kind == "season":
        return _season(lex, g, anchor, tense, rel)
    raise ValueError(f"unknown kind {kind}")


def _numeric(lex: Lexicon, g: dict[str, str]) -> Interval | None:
    if "iy" in g:
        iv = cal.day(int(g["iy"]), int(g["im"]), int(g["id"]))
        if iv is None:
            raise ValueError("not a valid date")
        return iv
    a, b, y = int(g["nd1"]), int(g["nd2"]), int(g["ny"])
    if len(g["ny"]) == 2:
        y += 2000 if y < 50 else 1900
    if g["nsep"] == "/" and lex.slash_order == "mdy" and b <= 31 and a <= 12:
        a, b = b, a  # US order month/day/year unless the first number cannot be a month
    elif g["nsep"] == "/" and a <= 12 < b:
        a, b = b, a  # 03/25/2022 can only be month/day
    iv = cal.day(y, b, a)
    if iv is None:
        raise ValueError("not a valid date")
    return iv


def _range(lex: Lexicon, g: dict[str, str], anchor: date | None, tense: str | None) -> Interval | None:
    d1, d2 = _num(lex, g.get("day")), _num(lex, g.get("day2"))
    m1, m2 = _month(lex, g.get("month")), _month(lex, g.get("month2"))
    y1, y2 = _year(g, "year"), _year(g, "year2")
    if "yy2" in g and y1 is not None:  # "2019-20", "2019/20"
        y2 = y1 // 100 * 100 + int(g["yy2"])
        if y2 <= y1:
            raise ValueError("not a year range")
    if m1 is None and m2 is None:  # years: 2020-2022
        if y1 is None or y2 is None or not (0 < y2 - y1 <= 30):
            raise ValueError("not a year range")
        return cal.span(date(y1, 1, 1), date(y2, 12, 31))
    if d1 is not None and m1 is None:
        m1 = m2
    if d2 is not None and m2 is None:  # "from September 12 to 16": the second day is in the first month
        m2 = m1
    end = _partial(y2 or y1, m2, d2, anchor, tense)
    if end is None or end.end is None:
        return None
    if y1 is None:
        y1 = end.end.year
        if m1 is not None and (m1, d1 or 1) > (m2 or 12, d2 or 31):
            y1 -= 1  # "Dezember bis Februar 2023" starts the year before
    start = _partial(y1, m1, d1, anchor, tense)
    if start is None or start.start is None or start.start > end.end:
        raise ValueError("empty range")
    return cal.span(start.start, end.end)


def _season(lex: Lexicon, g: dict[str, str], anchor: date, tense: str | None, rel: int | None) -> Interval:
    name = lex.seasons[fold(g["season"])]
    cands = [cal.season(y, name) for y in (anchor.year - 2, anchor.year - 1, anchor.year, anchor.year + 1)]
    if rel is not None and rel < 0:
        return max((c for c in cands if c.end and c.end < anchor), key=lambda c: c.start or anchor)
    if rel is not None and rel > 0:
        return min((c for c in cands if c.start and c.start > anchor), key=lambda c: c.start or anchor)
    if rel == 0:
        tense = tense or "future"
    return cal.pick(cands, anchor, tense)


def _weekday_date(lex: Lexicon, g: dict[str, str], anchor: date, tense: str | None) -> Interval:
    """"Le lundi 3 mars": the year whose 3 March is a Monday, among those near the anchor."""
    m, d = _month(lex, g.get("month")), _num(lex, g.get("day"))
    wd = lex.weekdays[fold(g["weekday"])]
    cands = [c for c in (cal.day(y, m, d) for y in range(anchor.year - 3, anchor.year + 3) if m and d) if c]
    fits = [c for c in cands if c.start and c.start.isoweekday() == wd]
    if fits:
        return min(fits, key=lambda c: abs((c.start - anchor).days))  # type: ignore[operator]
    iv = _partial(None, m, d, anchor, tense)
    if iv is None:
        raise ValueError("no such day")
    return iv
