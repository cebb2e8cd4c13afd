"""The scanner behind the temporal tagger gives exactly what finditer gives, regex by regex."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from muster.annotate.timex_eval import load
from muster.annotate.timex_lexicon import lexicon
from muster.annotate.timex_scan import Scanner, head

DATA = Path(__file__).resolve().parents[1] / "data" / "times"
ROWS = load(DATA.glob("*.jsonl"))
LANGS = ("de", "en", "en-GB", "ru", "uk", "ro", "fr")
GLUE = (" ", "  ", "\n", ", ", "/", "-", ".", "", " (", "\u00a0")


def _spans(ms: list[re.Match[str]]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in ms]


def _texts(lang: str) -> list[str]:
    sents = [r["sentence"] for r in ROWS if r["lang"].split("-")[0] == lang.split("-")[0]]
    words = " ".join(sents).split(" ")
    rnd = random.Random(lang)
    soup = [rnd.choice(GLUE).join(rnd.choice(words) for _ in range(rnd.randint(1, 40))) for _ in range(60)]
    return ["\n".join(sents), " ".join(sents).upper(), *soup]


@pytest.mark.parametrize("lang", LANGS)
def test_times_scan_equals_finditer_for_every_template(lang: str) -> None:
    lex = lexicon(lang)
    regexes = [t.regex for t in lex.templates] + ([lex.vague] if lex.vague else [])
    scanner = Scanner(regexes)
    for text in _texts(lang):
        for regex, found in zip(regexes, scanner.scan(text)):
            assert _spans(found) == _spans(list(regex.finditer(text))), (regex.pattern[:80], text[:80])


@pytest.mark.parametrize("lang", LANGS)
def test_times_scan_has_a_head_for_every_template(lang: str) -> None:
    lex = lexicon(lang)
    assert lex.scanner is not None
    assert all(h is not None for h in lex.scanner.heads)


@pytest.mark.parametrize("pattern,flags,texts", [
    (r"(?<!\w)kelvin", re.IGNORECASE, ["\u212aELVIN", "a kelvin, Kelvin", "xkelvin"]),
    (r"(?<![\w/])(?:im )?März", re.IGNORECASE, ["IM MÄRZ", "im\nmärz", "/März", "Im  März und im März"]),
    (r"(?<!\w)(?:в )?январе", re.IGNORECASE, ["В ЯНВАРЕ", "в январе и в январе", "ввянваре"]),
    (r"(?<!\w)\d\d(?P<s>[./])\d\d(?P=s)\d{4}", 0, ["01.02.2024 and 01/02/2024", "01.02/2024", "x01.02.2024"]),
    (r"(?<!\w)(?:a|b)*c", 0, ["aac bc c", "xac"]),
    (r"(?<!\w)«?Mai", 0, [" «Mai und Mai", "«Mai", "x«Mai"]),  # may start on a non-word character
    (r"(?<!\w)\.\d+", 0, ["a .5 and ..5", ".5"]),
])
def test_times_scan_equals_finditer_on_edge_patterns(pattern: str, flags: int, texts: list[str]) -> None:
    regex = re.compile(pattern, flags)
    scanner = Scanner([regex])
    for text in texts:
        assert _spans(scanner.scan(text)[0]) == _spans(list(regex.finditer(text))), text


@pytest.mark.parametrize("pattern", [r"\bMai\b", r"(?<!\w)x?", r"a(?<!\w)", r"(?<!\w)a|b", r"(?a)(?<!\w)a"])
def test_times_scan_tries_everywhere_when_no_head_is_safe(pattern: str) -> None:
    regex = re.compile(pattern)
    assert head(regex) is None
    text = "Mai ab b x a"
    assert _spans(Scanner([regex]).scan(text)[0]) == _spans(list(regex.finditer(text)))
