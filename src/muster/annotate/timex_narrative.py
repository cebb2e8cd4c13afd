"""The reference time of a story: news or narrative, and the last explicit date of the thread.

News is told from its publication day: a date without a year takes the year that the clause's
tense allows around the anchor, and "last week" counts from the anchor. A narrative (a history,
a chronicle, a background passage) is told from the time the story is in: a date without a year
takes the year of the last date mentioned before it, or the next year when it falls just after
a day or month of the same paragraph (a look back, a bound years away or "heute" does not move
that time; a new paragraph under a heading with years starts from them), and "the next year",
"the same day", "two days later" count from that date (HeidelTime's narrative mode). The
document type is read from the text: a narrative names many years long before the anchor and
few near it, and rarely speaks of "yesterday", "on Monday" or "last week".

In news, the thread is used only where it must be:
- anaphoric expressions ("zwei Tage später", "am selben Tag", "am nächsten Tag") count from the
  last date of the same paragraph, a bound that names a month or a year included ("seit April
  2012 ...; im November desselben Jahres"), or have no value;
- a date without a year in a past clause takes the year of a month or day
  named earlier in the same paragraph (or of a year named earlier in the same sentence) when that
  one lies more than a year before the anchor ("Im August 2008 ... Am 12. August ...": a
  background paragraph); a bound "until" that would end before that date reaches towards the
  anchor instead ("in March 2019 ... kept the post until 5 January": not January 2019).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from . import timex_calendar as cal
from .timex_calendar import Interval

MAX_JUMP = 2  # a bound more years than this from the story's time does not move it
OLD_YEARS = 2  # an explicit year more than this before the anchor's year is the past of the story
MIN_OLD = 3  # a narrative names at least this many such years ...
OLD_RATIO = 3  # ... and this many times as many as recent years and news cues together


def is_narrative(years: list[int], news_cues: int, anchor: date | None) -> bool:
    """Whether a text is told from the time of its story rather than from its publication day:
    `years` are its explicit years, `news_cues` the weight of its deictic expressions (yesterday,
    on Monday, last week: 2 each; "heute", which histories use for the present: 1)."""
    if anchor is None:
        return False  # no publication day: dates without a year stay open
    old = sum(1 for y in years if y < anchor.year - OLD_YEARS)
    recent = len(years) - old
    return old >= MIN_OLD and old >= OLD_RATIO * (recent + news_cues)


@dataclass
class Thread:
    """The reference time as the text goes on: the last dated expression and where it stood."""

    narrative: bool
    anchor: date | None
    ref: Interval | None = None
    ref_end: int = -1  # offset where the reference expression ends
    section: Interval | None = None  # the years of the last heading that names some ("1862", "Westfront 1944/1945")
    section_line: int = -1
    last: Interval | None = None  # in news: the last date named, bounds included (anaphora count from it)
    last_end: int = -1

    def _same_paragraph(self, text: str, s: int) -> bool:
        return self.ref_end >= 0 and "\n" not in text[self.ref_end:s]

    def _story(self, text: str, s: int) -> Interval | None:
        """A narrative's reference: a new paragraph under a heading with years starts again from
        those years when the last date lies outside them (a look ahead closed the paragraph)."""
        sec, ref = self.section, self.ref
        if sec and ref and sec.start and sec.end and ref.start and ref.end and not self._same_paragraph(text, s) \
                and not (sec.start <= ref.start and ref.end <= sec.end):
            self.ref = sec
        return self.ref

    def for_partial(self, text: str, s: int, tense: str | None, sentence_start: int = 0,
                    relation: str = "") -> Interval | None:
        """The reference for a date without a year at offset `s` (in a sentence starting at
        `sentence_start`, after a relation word such as "until"), or None for the anchor's rules."""
        if self.ref is None:
            return None
        if self.narrative:
            ref = self._story(text, s)
            if ref is not None and self._same_paragraph(text, s) and cal.grain(ref) in ("day", "month"):
                return cal.Flow(ref.value, ref.start, ref.end, ref.granularity)
            return ref
        if tense != "past" or self.anchor is None or not self._same_paragraph(text, s):
            return None
        if cal.grain(self.ref) not in ("day", "month") and not (self.ref_end > sentence_start and cal.grain(self.ref)):
            return None  # a year named in an earlier sentence is background, not the frame of this one
        if not (self.ref.end and self.ref.end < self.anchor - timedelta(days=365)):
            return None
        return cal.Bound(self.ref.value, self.ref.start, self.ref.end, self.ref.granularity) if relation == "until" else self.ref

    def for_relative(self, text: str, s: int, anaphoric: bool) -> Interval | None:
        """The date that a relative expression counts from: in a narrative the reference, in news
        only for anaphoric expressions, from the same paragraph (None: the anchor, or no value)."""
        if self.narrative:
            return self._story(text, s) if self.ref is not None else None
        if not anaphoric or self.last is None or "\n" in text[self.last_end:s]:
            return None
        return self.last

    def note_bound(self, iv: Interval | None, end: int) -> None:
        """A bound ("bis Juni", "until 1931") moves a narrative on unless it looks years ahead or
        back from it ("who worked there until 1931": a look out of the story's time); in news it
        is background ("frozen since January 2017") unless it only narrows the last date ("im
        Februar 2021 ... bis zum 28. Februar")."""
        named = named_interval(iv.value) if iv is not None and iv.value else None
        if named is None or named.start is None or named.end is None:
            return
        ref = self.ref
        if not self.narrative:
            if ref is not None and ref.start and ref.end and ref.start <= named.start and named.end <= ref.end:
                self.ref, self.ref_end = named, end
                self.last, self.last_end = named, end
            elif cal.grain(named) != "day":  # "seit April 2012": "desselben Jahres" may refer to it, not "seit Donnerstag"
                self.last, self.last_end = named, end
            return
        if ref is None or ref.start is None or ref.end is None or \
                ref.start.year - MAX_JUMP <= named.start.year and named.end.year <= ref.end.year + MAX_JUMP:
            self.ref, self.ref_end = named, end

    def note(self, iv: Interval | None, end: int, heading: Interval | None = None, line: int = -1) -> None:
        """An expression resolved to `iv` ends at `end`: the date it names (its value, not the part
        or bound of it: "Ende des Jahres 1861" names 1861) becomes the reference. Expressions
        without a calendar value (seasons, spans between two dates) leave the reference alone.
        `heading`: the years of a heading line (starting at `line`) the expression stands in."""
        named = named_interval(iv.value) if iv is not None and iv.value else None
        if named is not None:
            self.ref, self.ref_end = named, end
            self.last, self.last_end = named, end
        if heading is not None and heading.start and heading.end:
            start, last = heading.start.year, heading.end.year
            if self.section and self.section.start and self.section_line == line:  # "Italien 1943 und 1944"
                start = min(start, self.section.start.year)
                last = max(last, self.section.end.year if self.section.end else last)
            self.section, self.section_line = cal.span(date(start, 1, 1), date(last, 12, 31)), line


def in_relative_clause(pattern: re.Pattern[str] | None, text: str, s: int) -> bool:
    """Whether offset `s` lies in a relative clause opened after a comma in the same sentence
    ("la junte, qui a renversé le président le 26 juillet dernier, ..."): background in news."""
    return bool(pattern and pattern.search(text, max(0, s - 150), s))


def named_interval(value: str) -> Interval | None:
    """The interval of a calendar value (YYYY, YYYY-MM, YYYY-MM-DD), else None."""
    parts = value.split("-")
    if not parts[0].isdigit() or len(parts[0]) != 4 or not all(p.isdigit() for p in parts):
        return None
    y = int(parts[0])
    if len(parts) == 1:
        return cal.year(y)
    if len(parts) == 2:
        return cal.month(y, int(parts[1]))
    return cal.day(y, int(parts[1]), int(parts[2]))
