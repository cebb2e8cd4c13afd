"""The development corpus (tests/data/events) and the seed article, scored with shared/eval/score.py."""
from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from muster.code import ontology
from muster.lang import SUPPORTED

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
# Pinned floors, a little under what was reached (2026-12-08, second session), so a real regression fails:
# the whole corpus (238 articles, blind batches 6-10 included: F1 0.702) ...
FLOOR_F1 = 0.69
FLOOR_BY_LANGUAGE = {"de": 0.75, "en": 0.74, "fr": 0.61, "it": 0.58, "ro": 0.68, "ru": 0.73, "uk": 0.67}
# ... and the 119 articles before blind batch 6 (F1 0.882)
FLOOR_F1_EARLIER = 0.87
FLOOR_EARLIER_BY_LANGUAGE = {"de": 0.88, "en": 0.84, "fr": 0.86, "it": 0.75, "ro": 0.92, "ru": 0.94, "uk": 0.91}
BLIND_LATE = re.compile(r"^[a-z]{2}b([6-9]|10)-")  # blind batches 6-10: scored apart from the earlier 119


def _bench():
    spec = importlib.util.spec_from_file_location("bench_events", ROOT / "benchmarks" / "bench_events.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def bench():
    mod = _bench()
    if not mod.scorer_path().is_file():
        pytest.skip(f"scorer missing: {mod.scorer_path()}")
    return mod


def test_corpus_has_enough_articles_per_language() -> None:
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in (ROOT / "tests/data/events").glob("*.gold.json")]
    langs = Counter(g["language"] for g in golds)
    assert len(golds) >= 40
    assert all(langs[code] >= 10 for code in ("de", "en", "ru")), langs
    assert all(langs[code] >= 7 for code in SUPPORTED), langs  # every language, Italian included


def test_corpus_covers_every_plover_type() -> None:
    types = set()
    for p in (ROOT / "tests/data/events").glob("*.gold.json"):
        for ev in json.loads(p.read_text(encoding="utf-8"))["events"]:
            if ev.get("required", True):
                types.add(ev["event_type"])
    assert types == set(ontology.TYPES)


def test_corpus_overall_f1_stays_above_floor(bench) -> None:
    res = bench.evaluate()
    assert res["overall"]["f1"] >= FLOOR_F1, res["overall"]
    low = {k: round(v["f1"], 3) for k, v in res["languages"].items() if v["f1"] < FLOOR_BY_LANGUAGE[k]}
    assert not low, low


def test_corpus_earlier_articles_f1_stays_above_floor(bench) -> None:
    res = bench.evaluate(keep=lambda p: not BLIND_LATE.match(p.name))
    assert res["overall"]["f1"] >= FLOOR_F1_EARLIER, res["overall"]
    low = {k: round(v["f1"], 3) for k, v in res["languages"].items() if v["f1"] < FLOOR_EARLIER_BY_LANGUAGE[k]}
    assert not low, low


def test_corpus_seed_article_meets_targets(bench) -> None:
    seed, gold_path = SHARED / "seed" / "aserbaidschan-russland.de.txt", SHARED / "gold" / "seed.gold.json"
    if not seed.is_file() or not gold_path.is_file():
        pytest.skip("shared/seed not beside the repository")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    preds = bench.extract(seed, gold)
    res = bench.load_scorer().score(gold, preds)
    assert res["f1"] == 1.0, res["missed"]
    assert res["actor_country"][0] >= 0.9
    assert res["date_exact"][0] >= 0.9  # issues 11/12: location and date >= 0.9 on the seed
    assert res["location"][0] >= 0.9
