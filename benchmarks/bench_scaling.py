"""Cost figures of extraction: grammar load per language, seed-size articles/s per language (one core), and
the ratio of process time for a 1 MB article to a 100 KB one (linear work gives ~10; the target is <= 12).

    python benchmarks/bench_scaling.py               # every language, 100 KB vs 1 MB (German)
    python benchmarks/bench_scaling.py --quick       # 10 KB vs 100 KB
    MUSTER_SCALING_LANG=en python benchmarks/bench_scaling.py

Texts are made of the development corpus (tests/data/events) of each language: seed-size articles join
its articles up to the seed article's length; the long ones repeat them up to the size. Times are
process time (time.process_time), so other processes on the machine do not count.
"""
from __future__ import annotations

import gc
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
CORPUS = ROOT / "tests" / "data" / "events"
SEED = ROOT.parent / "shared" / "seed" / "aserbaidschan-russland.de.txt"
SEED_CHARS = 3300  # the seed article's length, when it is not at hand
PUBLISHED = "2025-03-01"


def _articles(lang: str) -> list[str]:
    return [p.read_text(encoding="utf-8").strip() for p in sorted(CORPUS.glob(f"{lang}*.txt"))]


def _joined(arts: list[str], size: int, start: int = 0) -> str:
    """Articles from arts[start] on (cycling), joined by blank lines, cut to `size` UTF-8 bytes."""
    parts: list[str] = []
    n, total = start, 0
    while total < size and arts:
        parts.append(arts[n % len(arts)])
        total += len(parts[-1].encode("utf-8")) + 2
        n += 1
    return "\n\n".join(parts).encode("utf-8")[:size].decode("utf-8", "ignore")


def seed_size_texts(lang: str, count: int = 5) -> list[str]:
    """`count` texts of about the seed article's length, each joining consecutive corpus articles."""
    chars = len(SEED.read_text(encoding="utf-8")) if SEED.is_file() else SEED_CHARS
    arts = _articles(lang)
    out = []
    for k in range(count):
        text, n = "", k * 3
        while arts and len(text) < chars:
            text = (text + "\n\n" + arts[n % len(arts)]).strip()
            n += 1
        out.append(text[:chars])
    return out


def grammar_load(lang: str) -> dict[str, float]:
    """Process seconds to parse events.yaml, compile the grammar and index its triggers; and the first
    extraction of a seed-size article in the language (every lexicon of the language loads then)."""
    import muster
    from muster.code.patterns import grammar
    from muster.lang import load_yaml

    t0 = time.process_time()
    load_yaml(lang, "events.yaml")
    t1 = time.process_time()
    g = grammar(lang)
    g.index  # noqa: B018 (built on first use)
    t2 = time.process_time()
    muster.extract(seed_size_texts(lang, 1)[0], published=PUBLISHED, lang=lang)
    t3 = time.process_time()
    return {"yaml_s": round(t1 - t0, 3), "grammar_s": round(t2 - t1, 3), "first_article_s": round(t3 - t2, 3)}


def throughput(lang: str, repeat: int = 5) -> float:
    """Median seed-size articles per process-second (warm caches, one core)."""
    import muster

    texts = seed_size_texts(lang)
    for t in texts:
        muster.extract(t, published=PUBLISHED, lang=lang)
    rates = []
    for _ in range(repeat):
        gc.collect()  # a full collection of the warm caches is not the articles' cost
        t0 = time.process_time()
        for t in texts:
            muster.extract(t, published=PUBLISHED, lang=lang)
        rates.append(len(texts) / max(time.process_time() - t0, 1e-9))
    return statistics.median(rates)


def scaling(lang: str, sizes: tuple[int, int]) -> dict[str, Any]:
    """Process seconds of one article of each size and their ratio."""
    import muster

    arts = _articles(lang)
    muster.extract(_joined(arts, 20_000), published=PUBLISHED, lang=lang)  # warm: lexicons loaded
    secs = []
    for size in sizes:
        text = _joined(arts, size)
        gc.collect()
        t0 = time.process_time()
        muster.extract(text, published=PUBLISHED, lang=lang)
        secs.append(time.process_time() - t0)
    small, big = sizes
    return {"lang": lang, f"s_{small // 1000}kb": round(secs[0], 2), f"s_{big // 1000}kb": round(secs[1], 2),
            "length_ratio": big // small, "time_ratio": round(secs[1] / max(secs[0], 1e-9), 1)}


def run(sizes: tuple[int, int] = (100_000, 1_000_000), lang: str | None = None) -> dict[str, Any]:
    from muster.lang import SUPPORTED

    langs = [x for x in SUPPORTED if _articles(x)]
    load = {x: grammar_load(x) for x in langs}
    rates = {x: round(throughput(x), 1) for x in langs}
    return {"grammar_load": load, "seed_size_articles_per_s": rates,
            "min_articles_per_s": min(rates.values()) if rates else None,
            "scaling": scaling(lang or os.environ.get("MUSTER_SCALING_LANG", "de"), sizes)}


if __name__ == "__main__":
    res = run((10_000, 100_000) if "--quick" in sys.argv[1:] else (100_000, 1_000_000))
    print(f"{'lang':6s} {'yaml s':>7s} {'grammar s':>9s} {'1st art s':>9s} {'art/s':>7s}")
    for x, g in res["grammar_load"].items():
        print(f"{x:6s} {g['yaml_s']:7.3f} {g['grammar_s']:9.3f} {g['first_article_s']:9.3f} "
              f"{res['seed_size_articles_per_s'][x]:7.1f}")
    print("scaling:", ", ".join(f"{k}={v}" for k, v in res["scaling"].items()))
