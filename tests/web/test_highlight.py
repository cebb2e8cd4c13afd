"""Annotated text as flat segments: overlaps, anchors and out-of-range spans."""
from __future__ import annotations

import pytest

from muster.web.highlight import Mark, context, segments

TEXT = "Russian forces shelled Kharkiv on 3 May."


@pytest.mark.parametrize("marks, expect", [
    ([], [("Russian forces shelled Kharkiv on 3 May.", "")]),
    ([Mark(0, 14, "actors", "actor RUSMIL"), Mark(0, 40, "evidence")],
     [("Russian forces", "ann-actor ann-evidence"), (" shelled Kharkiv on 3 May.", "ann-evidence")]),
    ([Mark(23, 30, "places"), Mark(23, 30, "actors"), Mark(15, 22, "trigger")],
     [("Russian forces ", ""), ("shelled", "ann-trigger"), (" ", ""), ("Kharkiv", "ann-actor ann-place"),
      (" on 3 May.", "")]),
    ([Mark(-1, 5, "actors"), Mark(30, 99, "times"), Mark(5, 5, "places")], [(TEXT, "")]),
])
def test_highlight_segments_cover_the_text_once(marks: list[Mark], expect: list[tuple[str, str]]) -> None:
    segs = segments(TEXT, marks)
    assert [(s["text"], s["cls"]) for s in segs] == expect
    assert "".join(s["text"] for s in segs) == TEXT


def test_highlight_anchor_and_refs_follow_their_mark() -> None:
    segs = segments(TEXT, [Mark(15, 40, "evidence", anchor="ev-1", ref="1"), Mark(23, 30, "places", "place Kharkiv")])
    assert [s["anchors"] for s in segs] == [[], ["ev-1"], [], []]
    assert [s["refs"] for s in segs] == [[], ["1"], ["1"], ["1"]]
    assert segs[2]["title"] == "place Kharkiv"


@pytest.mark.parametrize("start, end", [(0, 7), (15, 22), (33, 40)])
def test_highlight_context_keeps_the_span(start: int, end: int) -> None:
    text = "First line.\n" + TEXT + "\nLast line."
    part, s, e = context(text, start + 12, end + 12, around=10)
    assert part[s:e] == TEXT[start:end] and "\n" not in part
