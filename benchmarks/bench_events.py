"""Event coder benchmark: P/R/F1 per language and per PLOVER type on tests/data/events, and articles/s.

    python benchmarks/bench_events.py        # prints a table

Scores with the project's scorer (shared/eval/score.py, imported by path; MUSTER_SCORER overrides).
"""
from __future__ import annotations

import importlib.util
import json
import os
import statistics
import time
from pathlib import Path
from types import ModuleType
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "events"


def scorer_path() -> Path:
    return Path(os.environ.get("MUSTER_SCORER", ROOT.parent / "shared" / "eval" / "score.py"))


def load_scorer() -> ModuleType:
    """shared/eval/score.py as a module."""
    spec = importlib.util.spec_from_file_location("muster_score", scorer_path())
    if spec is None or spec.loader is None:
        raise FileNotFoundError(scorer_path())
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def corpus(directory: Path = CORPUS) -> list[tuple[Path, dict[str, Any]]]:
    """(article path, gold) pairs of the development corpus, sorted by name."""
    out = []
    for gold in sorted(directory.glob("*.gold.json")):
        txt = gold.with_name(gold.name[: -len(".gold.json")] + ".txt")
        out.append((txt, json.loads(gold.read_text(encoding="utf-8"))))
    return out


def extract(path: Path, gold: dict[str, Any]) -> list[dict[str, Any]]:
    import muster

    text = path.read_text(encoding="utf-8")
    return [e.to_dict() for e in muster.extract(text, published=gold.get("published"), lang=gold.get("language"))]


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}


def evaluate(directory: Path = CORPUS, keep: Callable[[Path], bool] | None = None) -> dict[str, Any]:
    """Scores over the corpus: overall, per language, per gold/predicted type; plus attribute shares."""
    score = load_scorer()
    total = [0, 0, 0]
    by_lang: dict[str, list[int]] = {}
    by_type: dict[str, list[int]] = {}
    shares: dict[str, list[float]] = {"actor_country": [], "location": [], "date_exact": []}
    for path, gold in corpus(directory):
        if keep is not None and not keep(path):
            continue
        preds = extract(path, gold)
        res = score.score(gold, preds)
        lang = gold.get("language", "?")
        for acc in (total, by_lang.setdefault(lang, [0, 0, 0])):
            acc[0] += res["tp"]
            acc[1] += res["fp"]
            acc[2] += res["fn"]
        for name in shares:
            val, n = res[name]
            if n:
                shares[name].extend([val] * n)
        types = {e["event_type"] for e in gold["events"]} | {p["event_type"] for p in preds}
        for t in types:
            sub_gold = dict(gold, events=[e for e in gold["events"] if e["event_type"] == t])
            sub = score.score(sub_gold, [p for p in preds if p["event_type"] == t])
            acc = by_type.setdefault(t, [0, 0, 0])
            acc[0] += sub["tp"]
            acc[1] += sub["fp"]
            acc[2] += sub["fn"]
    return {
        "overall": _prf(*total),
        "languages": {k: _prf(*v) for k, v in sorted(by_lang.items())},
        "types": {k: _prf(*v) for k, v in sorted(by_type.items())},
        "shares": {k: (sum(v) / len(v) if v else None) for k, v in shares.items()},
        "articles": len(corpus(directory)),
    }


def throughput(items: list[tuple[str, dict[str, Any]]], repeat: int = 5) -> float:
    """Median articles per CPU-second of `muster.extract` (one core, warm caches)."""
    import muster

    for text, g in items:  # warm-up: lexicons, lemma caches
        muster.extract(text, published=g.get("published"), lang=g.get("language"))
    rates = []
    for _ in range(repeat):
        t0 = time.process_time()
        for text, g in items:
            muster.extract(text, published=g.get("published"), lang=g.get("language"))
        rates.append(len(items) / max(time.process_time() - t0, 1e-9))
    return statistics.median(rates)


def run() -> dict[str, Any]:
    res = evaluate()
    res["articles_per_s"] = throughput([(p.read_text(encoding="utf-8"), g) for p, g in corpus()])
    seed = ROOT.parent / "shared" / "seed" / "aserbaidschan-russland.de.txt"
    if seed.is_file():  # a full-length article (~20 sentences)
        res["seed_articles_per_s"] = throughput([(seed.read_text(encoding="utf-8"),
                                                  {"published": "2025-11-21", "language": "de"})] * 5)
    from muster.code.coverage import coverage

    res["coverage"] = coverage()["summary"]  # CAMEO codes with a verb and a noun trigger, per language
    return res


def _table(res: dict[str, Any]) -> str:
    lines = [f"{'':12s} {'P':>6s} {'R':>6s} {'F1':>6s} {'tp':>4s} {'fp':>4s} {'fn':>4s}"]

    def row(name: str, r: dict[str, float]) -> str:
        return (f"{name:12s} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} "
                f"{r['tp']:4d} {r['fp']:4d} {r['fn']:4d}")

    lines.append(row("ALL", res["overall"]))
    for k, v in res["languages"].items():
        lines.append(row(k, v))
    for k, v in res["types"].items():
        lines.append(row(k, v))
    sh = ", ".join(f"{k}={'-' if v is None else f'{v:.2f}'}" for k, v in res["shares"].items())
    lines.append(f"matched: {sh}")
    if "articles_per_s" in res:
        lines.append(f"articles: {res['articles']}, median {res['articles_per_s']:.0f} articles/s (CPU, one core)")
    if "seed_articles_per_s" in res:
        lines.append(f"seed article (long): median {res['seed_articles_per_s']:.0f} articles/s")
    if "coverage" in res:
        lines.append("CAMEO coverage (verb+noun): " + ", ".join(
            f"{k} {v['covered']}/{v['codes']}" for k, v in res["coverage"].items()))
    return "\n".join(lines)


if __name__ == "__main__":
    print(_table(run()))
