"""The trigger index gives the same first-step hits, in the same order, as trying every trigger on every form."""
from __future__ import annotations

from pathlib import Path

import pytest

from muster.code.lemmas import tokenize
from muster.code.patterns import WordSet, _glob, grammar
from muster.lang import SUPPORTED

CORPUS = Path(__file__).resolve().parents[1] / "data" / "events"


def _brute(lang: str, low: str, lem: str) -> list[tuple[str, int]]:
    out = []
    for p in grammar(lang).patterns:
        for n, trig in enumerate(p.triggers):
            rx = _glob(trig[0].glob)
            if rx.fullmatch(low) or rx.fullmatch(lem):
                out.append((p.id, n))
    return out


@pytest.mark.parametrize("lang", list(SUPPORTED))
def test_patterns_index_hits_equal_trying_every_trigger(lang: str) -> None:
    g = grammar(lang)
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob(f"{lang}*.txt"))[:3]]
    forms = {(t.lower.rstrip("-"), t.lemma) for text in texts for t in tokenize(text, lang)}
    forms |= {("", ""), ("-", "-")}
    hits = 0
    for low, lem in sorted(forms):
        got = [(p.id, p.triggers.index(trig)) for p, trig in g.index.hits(low, lem)]
        assert got == _brute(lang, low, lem), (low, lem)
        hits += bool(got)
    assert hits > 0


@pytest.mark.parametrize("globs,form,expected", [
    (["удар*"], "ударом", True),
    (["удар*"], "удар", True),
    (["удар*"], "нанесли", False),
    (["a?c"], "abc", True),
    (["a?c"], "ac", False),
    (["x|y*"], "yes", True),
    (["x|y*"], "x", True),
    (["x|y*"], "xy", False),
    (["[bc]at"], "cat", True),
    (["[bc]at"], "rat", False),
    (["*ing"], "warning", True),
])
def test_patterns_word_set_matches_like_the_glob_regex(globs: list[str], form: str, expected: bool) -> None:
    tok = tokenize(form, "en")[0] if form else None
    assert tok is not None
    ws = WordSet(globs)
    assert ws.has_surface(tok) is expected
    assert bool(_glob("|".join(globs)).fullmatch(form)) is expected
