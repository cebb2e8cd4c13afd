"""Turns one template match into an Interval, using the anchor date, the clause's tense and the story's time."""
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
    return lex.numbers.get(s, lex.day_words.get(s))


def _month(lex: Lexicon, s: str | None) -> int | None:
    if s is None:
        return None
    return lex.months.get(fold(s).rstrip("."))


def _partial(y: int | None, m: int | None, d: int | None, anchor: date | None,
             tense: str | None, ref: Interval | None = None) -> Interval | None:
    """A date with possibly missing year, resolved against the reference time of the story
    (`ref`: the reading in its year, timex_calendar.pick_near) or else the anchor and tense."""
    if m is None:
        return cal.year(y) if y else None
    if d is not None and not 1 <= d <= (29 if m == 2 else cal.month_last(2001, m)):
        raise ValueError("no such day")  # "31. Februar"
    if y is not None:
        iv = cal.day(y, m, d) if d else cal.month(y, m)
        if iv is None:
            raise ValueError("no such day")  # 29 February of a common year
        return iv
    if ref is not None and ref.start and ref.end:
        cands = [c for c in ((cal.day(yy, m, d) if d else cal.month(yy, m))
                             for yy in range(ref.start.year - 1, ref.end.year + 2)) if c]
        got = cal.pick_near(cands, ref) if cands else None
        if not (isinstance(ref, cal.Bound) and got is not None and got.end is not None and got.end < ref.start):
            return got
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


_RANK = {"day": 0, "week": 1, "weekend": 1, "month": 2, "quarter": 3, "year": 4}


def _base(rel_ref: Interval | None, anchor: date | None, unit: str) -> date | None:
    """The day a relative expression in `unit` counts from: the story's reference time when
    given and fine enough for the unit ("two days later" needs a day), else the anchor."""
    if rel_ref is None:
        return anchor
    g = cal.grain(rel_ref)
    if g is None or _RANK[g] > _RANK.get(unit, 4):
        return None
    return rel_ref.start


def resolve(lex: Lexicon, t: Template, m: re.Match[str], anchor: date | None,
            tense: str | None, ref: Interval | None = None, rel_ref: Interval | None = None) -> Interval | None:
    """The interval a match denotes, or None when it needs an anchor that is missing or is invalid.
    `ref` is the story's reference time for dates without a year, `rel_ref` the one relative
    expressions count from (timex_narrative; None: the anchor and the tense decide).
    Raises ValueError for a match that must be rejected (not a date at all)."""
    g = {k: v for k, v in m.groupdict().items() if v is not None}
    kind = t.kind
    if t.tense:  # "le 26 juillet dernier", "für Sonntag": the words say which way the date lies
        tense = t.tense
    if "sameyear" in g:  # "im November desselben Jahres": the year of the story's last date
        if rel_ref is None or rel_ref.start is None or cal.grain(rel_ref) is None:
            raise ValueError("counted from a date the text does not give")
        g["year"] = str(rel_ref.start.year)
    if kind in ("date", "month", "mod") and "rel" in g and "year" not in g and "month" in g \
            and lex.units.get(fold(g.get("unit", ""))) == "year":  # "im März vergangenen Jahres": that year's March
        base = _base(rel_ref, anchor, "year")
        if base is None:
            return None
        g["year"] = str(base.year + lex.rel[fold(g["rel"])])
    if "yy" in g:  # "since '94", "iunie '90": the century nearest the story's or the anchor's year
        near = ref.start.year if ref and ref.start else anchor.year if anchor else None
        g["year"] = str(_century(int(g["yy"]), near))
    if kind == "daypart":  # "am Mittag", "in serata": the day of the story's last date, else the anchor's
        if rel_ref is None:
            raise ValueError("a time of day with no date before it")  # "Am Morgen wurde ...": no date
        return cal.day_of(rel_ref.start) if rel_ref.start and cal.grain(rel_ref) == "day" else None
    if kind == "numeric":
        return _numeric(lex, g, ref.start.year if ref and ref.start else anchor.year if anchor else None)
    if kind == "date" and "mnum" in g:
        return _partial(_year(g, "year"), int(g["mnum"]), int(g["day"]), anchor, tense, ref)
    if kind == "date" and "weekday" in g and "year" not in g and anchor is not None:
        return _weekday_date(lex, g, ref.start if ref and ref.start else anchor, tense)
    if kind == "holiday":
        mo, d = lex.holidays[fold(g["holiday"])]
        return _partial(_year(g, "year"), mo, d, anchor, tense, ref)
    if kind in ("date", "month", "year", "bare_year"):
        return _partial(_year(g, "year"), _month(lex, g.get("month")), _num(lex, g.get("day")), anchor, tense, ref)
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
        if ref is not None and ref.start and ref.end:
            return cal.pick_near([cal.quarter(yy, q) for yy in range(ref.start.year - 1, ref.end.year + 2)], ref)
        if anchor is None:
            return None
        return cal.pick([cal.quarter(yy, q) for yy in (anchor.year - 1, anchor.year, anchor.year + 1)], anchor, tense)
    if kind == "season" and "year" in g:
        return cal.season(int(g["year"]), lex.seasons[fold(g["season"])])
    if kind == "deictic":
        if anchor is None:
            return None
        return cal.day_of(anchor + timedelta(days=lex.deictic[fold(g["deictic"])]))
    rel = lex.rel.get(fold(g["rel"])) if "rel" in g else None
    if kind == "ref_month":  # "im März des folgenden Jahres": a month of the story's year, shifted
        base = _base(rel_ref, anchor, "year") if rel_ref is not None else None
        mo = _month(lex, g["month"])
        if base is None or mo is None:
            raise ValueError("counted from a date the text does not give")
        return cal.month(base.year + t.sign, mo)
    if kind in ("later", "same"):
        if rel_ref is None:
            raise ValueError("counted from a date the text does not give")
        unit = lex.units[fold(g["unit"])] if "unit" in g else t.unit
        n = 0 if kind == "same" else (_num(lex, g["num"]) if "num" in g else 1)
        if n is None or n > 400:
            raise ValueError("not a count")
        base = _base(rel_ref, anchor, unit)
        if base and unit == "week" and cal.grain(rel_ref) == "day":
            return cal.day_of(base + timedelta(days=7 * t.sign * n))  # "zwei Wochen später": a day
        return cal.relative(base, unit, t.sign * n) if base else None
    if anchor is None and rel_ref is None:
        return None
    if kind == "rel":
        unit = lex.units[fold(g["unit"])] if "unit" in g else t.unit
        if fold(g.get("unit", "")) in lex.plural_units:
            raise ValueError("the last weeks: a stretch of time, not one unit")
        if unit == "day" and rel_ref is None:
            raise ValueError("relative day is relative to the event, not the anchor")
        base = _base(rel_ref, anchor, unit)
        if base is None:
            return None
        iv = cal.relative(base, unit, rel if rel is not None else t.sign)
        if unit == "weekend" and not rel and iv.start and iv.start > base and tense == "past":
            iv = cal.relative(base, unit, -1)  # "ce week-end, ... ont manifesté": the one just past
        return iv
    if kind == "ago":
        n = _num(lex, g["num"]) if "num" in g else 1
        if n is None or n > 400:
            raise ValueError("not a count")
        unit = lex.units[fold(g["unit"])]
        base = _base(rel_ref, anchor, unit)
        return cal.relative(base, unit, t.sign * n) if base else None
    if kind == "week_weekday":  # "Donnerstag vergangener Woche": that weekday of the week named
        base = _base(rel_ref, anchor, "week")
        if base is None or rel is None:
            return None
        monday = cal.relative(base, "week", rel).start
        assert monday is not None
        return cal.day_of(monday + timedelta(days=lex.weekdays[fold(g["weekday"])] - 1))
    if kind in ("weekday", "rel_weekday"):
        base = _base(rel_ref, anchor, "day")
        return _weekday(lex.weekdays[fold(g["weekday"])], base, None if rel_ref else tense, rel) if base else None
    if kind == "rel_month":
        mo = _month(lex, g["month"])
        assert mo is not None and rel is not None
        base = _base(rel_ref, anchor, "month")
        if base is None:
            return None
        if rel == 0:
            return _partial(None, mo, None, base, tense, ref)
        y = base.year
        if rel < 0:
            y = y if mo < base.month else y - 1
        else:
            y = y if mo > base.month else y + 1
        return cal.month(y, mo)
    if kind == "mod":
        part = t.mod or lex.mods[fold(g["mod"])]
        if "decade" in g:
            d = int(g["decade"])
            base_iv: Interval | None = cal.span(date(d, 1, 1), date(d + 9, 12, 31))
        elif "month" in g or "year" in g:
            base_iv = _partial(_year(g, "year"), _month(lex, g.get("month")), None, anchor, tense, ref)
        elif "unit" in g or t.unit:
            unit = lex.units[fold(g["unit"])] if "unit" in g else t.unit
            if unit == "day":
                raise ValueError("part of a day")
            base = _base(rel_ref, anchor, unit)
            base_iv = cal.relative(base, unit, rel or 0) if base else None
        else:
            base = _base(rel_ref, anchor, "year")
            base_iv = cal.year(base.year) if t.mod and base else None
        if base_iv is None:
            return None
        part_iv = cal.slice_part(base_iv, part)
        return Interval(base_iv.value, part_iv.start, part_iv.end, part_iv.granularity)
    if anchor is None:
        return None
    if kind == "range":
        return _range(lex, g, anchor, tense, ref)
    if kind == "season":
        return _season(lex, g, anchor, tense, rel, ref)
    raise ValueError(f"unknown kind {kind}")


def _century(yy: int, near: int | None) -> int:
    """A two-digit year in the century that puts it nearest `near` (the story's year or the
    anchor's), never more than ten years after it: "1.9.39" is 1939 in 2025."""
    if near is None:
        return yy + (2000 if yy < 50 else 1900)
    cands = [c * 100 + yy for c in (near // 100 - 1, near // 100, near // 100 + 1)]
    return min((y for y in cands if y <= near + 10), key=lambda y: abs(y - near))


def _numeric(lex: Lexicon, g: dict[str, str], near: int | None = None) -> Interval | None:
    if "iy" in g:
        iv = cal.day(int(g["iy"]), int(g["im"]), int(g["id"]))
        if iv is None:
            raise ValueError("not a valid date")
        return iv
    a, b, y = int(g["nd1"]), int(g["nd2"]), int(g["ny"])
    if len(g["ny"]) == 2:
        y = _century(y, near)
    if g["nsep"] == "/" and lex.slash_order == "mdy" and b <= 31 and a <= 12:
        a, b = b, a  # US order month/day/year unless the first number cannot be a month
    elif g["nsep"] == "/" and a <= 12 < b:
        a, b = b, a  # 03/25/2022 can only be month/day
    iv = cal.day(y, b, a)
    if iv is None:
        raise ValueError("not a valid date")
    return iv


def _range(lex: Lexicon, g: dict[str, str], anchor: date | None, tense: str | None,
           ref: Interval | None = None) -> Interval | None:
    d1, d2 = _num(lex, g.get("day")), _num(lex, g.get("day2"))
    m1, m2 = _month(lex, g.get("month")), _month(lex, g.get("month2"))
    y1, y2 = _year(g, "year"), _year(g, "year2")
    if "yy2" in g and y1 is not None:  # "2019-20", "2019/20"
        y2 = y1 // 100 * 100 + int(g["yy2"])
        if y2 <= y1:
            raise ValueError("not a year range")
    if m1 is None and m2 is None:  # years: 2020-2022
        if y1 is None or y2 is None or not (0 < y2 - y1 <= 100):  # "(1808–1883)": a life
            raise ValueError("not a year range")
        return cal.span(date(y1, 1, 1), date(y2, 12, 31))
    if d1 is not None and m1 is None:
        m1 = m2
    if d2 is not None and m2 is None:  # "from September 12 to 16": the second day is in the first month
        m2 = m1
    if y1 is None and y2 is None:  # "с 5 по 19 января": the start as the tense has it, the end the next such date
        start = _partial(None, m1, d1, anchor, tense, ref)
        if start is None or start.start is None:
            return None
        ends = [c for c in ((cal.day(yy, m2, d2) if d2 else cal.month(yy, m2)) if m2 else None
                            for yy in (start.start.year, start.start.year + 1)) if c and c.end and c.end >= start.start]
        if not ends:
            raise ValueError("empty range")
        return cal.span(start.start, ends[0].end)
    end = _partial(y2 or y1, m2, d2, anchor, tense, ref)
    if end is None or end.end is None:
        return None
    if y1 is None:
        y1 = end.end.year
        if m1 is not None and (m1, d1 or 1) > (m2 or 12, d2 or 31):
            y1 -= 1  # "Dezember bis Februar 2023" starts the year before
    start = _partial(y1, m1, d1, anchor, tense, ref)
    if start is None or start.start is None or start.start > end.end:
        raise ValueError("empty range")
    return cal.span(start.start, end.end)


def _season(lex: Lexicon, g: dict[str, str], anchor: date, tense: str | None, rel: int | None,
            ref: Interval | None = None) -> Interval:
    name = lex.seasons[fold(g["season"])]
    if ref is not None and ref.start and ref.end and rel is None:
        return cal.pick_near([cal.season(y, name) for y in range(ref.start.year - 1, ref.end.year + 2)], ref)
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
